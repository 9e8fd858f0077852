//! Models: the MLmodel format, model URIs and how they resolve to files, MLflow 3 logged models
//! (`<exp>/models/m-…`, spec §1.8), and registration as `mlflow.register_model` does it.
//! Resolution follows MLflow: a registered version's download URI is its `storage_location` (or
//! `source`), which may itself be a `models:/`, `runs:/` or file URI.
pub mod mlmodel;
pub mod uri;

use crate::entities::{LifecycleStage, Run, Tag};
use crate::pyyaml::{self, Value};
use crate::registry::{self, ModelRegistry, ModelVersion, NewVersion, Stage};
use crate::store::file::beneath;
use crate::store::file::fsutil::{
    atomic_write, atomic_write_in, copy_tree, lock_dir, Links, Staging,
};
use crate::store::file::layout::{self, Layout};
use crate::store::{Result, StoreError, TrackingStore};
use crate::uri::local_path_from_uri;
use mlmodel::{KnownFlavor, MlModel, Signature};
use std::fs;
use std::path::{Path, PathBuf};
pub use uri::{ModelUri, Selector};

/// Logged model status as stored in meta.yaml (an int).
pub const LOGGED_MODEL_READY: i64 = 2;
pub const MODEL_VERSIONS_TAG: &str = "mlflow.modelVersions";

/// An MLflow 3 logged model, as read from `<exp>/models/<model_id>/meta.yaml`.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedModel {
    pub model_id: String,
    pub experiment_id: String,
    pub name: String,
    pub artifact_location: String,
    pub source_run_id: Option<String>,
    pub status: i64,
    pub creation_timestamp: i64,
    pub deleted: bool,
    /// The folder holding meta.yaml, params/, tags/.
    pub dir: PathBuf,
}

impl LoggedModel {
    pub fn artifacts_path(&self) -> Result<PathBuf> {
        local_path_from_uri(&self.artifact_location)
    }
}

fn read_logged_model(dir: &Path) -> Result<LoggedModel> {
    let path = Layout::meta(dir);
    let bad = |message: String| StoreError::InvalidState {
        path: path.clone(),
        message,
    };
    let m = crate::store::file::meta::read_mapping(&path)?;
    let get = |k: &str| crate::store::file::meta::get_string(&m, k);
    let int = |k: &str| crate::store::file::meta::get_int(&m, k);
    Ok(LoggedModel {
        model_id: get("model_id").ok_or_else(|| bad("missing key 'model_id'".into()))?,
        experiment_id: get("experiment_id").unwrap_or_default(),
        name: get("name").unwrap_or_default(),
        artifact_location: get("artifact_location").unwrap_or_default(),
        source_run_id: get("source_run_id"),
        status: int("status").unwrap_or(0),
        creation_timestamp: int("creation_timestamp").unwrap_or(0),
        deleted: get("lifecycle_stage").as_deref() == Some("deleted"),
        dir: dir.to_path_buf(),
    })
}

/// Everything a model command needs: the tracking store, the registry, and the store root.
pub struct Models<'a> {
    pub tracking: &'a dyn TrackingStore,
    pub registry: &'a dyn ModelRegistry,
    pub layout: Layout,
}

/// Where a model URI led.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The local folder (or file) holding the model.
    pub path: PathBuf,
    /// The registered version, when the URI named one.
    pub version: Option<ModelVersion>,
    /// The logged model, when the files belong to one.
    pub logged_model: Option<LoggedModel>,
}

/// A model folder (or file) to log into a run.
#[derive(Debug, Clone, Default)]
pub struct LogRequest {
    pub source: PathBuf,
    pub run_id: String,
    pub name: String,
    pub flavor: Option<KnownFlavor>,
    pub signature: Option<Signature>,
    /// JSON text of an input example.
    pub input_example: Option<String>,
    pub python_version: Option<String>,
}

/// A logged model name: non-empty, none of `/ : . % " '` (spec §1.8).
pub fn validate_logged_model_name(name: &str) -> Result<()> {
    if name.is_empty() || name.chars().any(|c| "/:.%\"'".contains(c)) {
        return Err(StoreError::InvalidParameter(format!(
            "Invalid model name '{name}': names may not be empty or contain '/', ':', '.', '%', '\"' or \"'\"."
        )));
    }
    Ok(())
}

/// Copies a model (folder or single file) into `dest`, a folder that must not exist yet.
pub fn copy_model(src: &Path, dest: &Path) -> Result<PathBuf> {
    if src.is_dir() {
        copy_tree(src, dest, Links::Skip)?;
        Ok(dest.to_path_buf())
    } else {
        let name = src.file_name().ok_or_else(|| {
            StoreError::InvalidParameter(format!("Not a file: '{}'", src.display()))
        })?;
        let target = dest.join(name);
        copy_tree(src, &target, Links::Skip)?;
        Ok(target)
    }
}

fn pretty_json(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

impl<'a> Models<'a> {
    pub fn new(
        tracking: &'a dyn TrackingStore,
        registry: &'a dyn ModelRegistry,
        root: &Path,
    ) -> Self {
        Self {
            tracking,
            registry,
            layout: Layout {
                root: root.to_path_buf(),
            },
        }
    }

    /// Every logged model folder in the store's active experiments.
    fn logged_model_dirs(&self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let Ok(rd) = fs::read_dir(&self.layout.root) else {
            return out;
        };
        for exp in rd.flatten() {
            let name = exp.file_name().to_string_lossy().into_owned();
            if layout::ROOT_RESERVED.contains(&name.as_str()) || name.starts_with('.') {
                continue;
            }
            if let Ok(models) = fs::read_dir(Layout::logged_models(&exp.path())) {
                out.extend(models.flatten().map(|e| e.path()).filter(|p| p.is_dir()));
            }
        }
        out
    }

    /// The logged model `models:/<model_id>` names (not deleted).
    pub fn get_logged_model(&self, model_id: &str) -> Result<LoggedModel> {
        let not_found =
            || StoreError::NotFound(format!("Logged model with ID '{model_id}' not found."));
        if model_id.is_empty() || model_id.contains(['/', '\\', '\0']) || model_id.starts_with('.')
        {
            return Err(not_found());
        }
        for dir in self.logged_model_dirs() {
            if dir.file_name().is_some_and(|n| n == model_id) && Layout::meta(&dir).is_file() {
                let lm = read_logged_model(&dir)?;
                if lm.deleted {
                    return Err(not_found());
                }
                return Ok(lm);
            }
        }
        Err(not_found())
    }

    /// A run's logged models with the given name (the `runs:/RUN/name` fallback).
    pub fn logged_models_of_run(&self, run: &Run, name: &str) -> Result<Vec<LoggedModel>> {
        let exp_dir = self.layout.experiment(&run.info.experiment_id);
        let mut out = Vec::new();
        if let Ok(rd) = fs::read_dir(Layout::logged_models(&exp_dir)) {
            for e in rd.flatten() {
                if !Layout::meta(&e.path()).is_file() {
                    continue;
                }
                let lm = read_logged_model(&e.path())?;
                if !lm.deleted
                    && lm.name == name
                    && lm.source_run_id.as_deref() == Some(run.info.run_id.as_str())
                {
                    out.push(lm);
                }
            }
        }
        out.sort_by_key(|lm| lm.creation_timestamp);
        Ok(out)
    }

    /// Resolves a URI to the local files of the model it names.
    pub fn resolve(&self, uri: &ModelUri) -> Result<Resolved> {
        self.resolve_depth(uri, 0)
    }

    fn resolve_depth(&self, uri: &ModelUri, depth: usize) -> Result<Resolved> {
        if depth > 8 {
            return Err(StoreError::InvalidParameter(format!(
                "'{uri}' leads through too many models:/ indirections"
            )));
        }
        match uri {
            ModelUri::Local(p) => {
                if !p.exists() {
                    return Err(StoreError::NotFound(format!(
                        "No model at '{}'",
                        p.display()
                    )));
                }
                Ok(Resolved {
                    path: p.clone(),
                    version: None,
                    logged_model: None,
                })
            }
            ModelUri::Logged { model_id } => {
                let lm = self.get_logged_model(model_id)?;
                Ok(Resolved {
                    path: lm.artifacts_path()?,
                    version: None,
                    logged_model: Some(lm),
                })
            }
            ModelUri::Run { run_id, path } => {
                let run = self.tracking.get_run(run_id)?;
                let root = local_path_from_uri(&run.info.artifact_uri)?;
                let rel = crate::store::arg_rel(Some(path))?;
                let mut p = root.clone();
                for part in rel.split('/') {
                    if !part.is_empty() {
                        p.push(part);
                    }
                }
                // Looked up beneath the artifact root without following links: a link on the way
                // (`runs:/R/etclink/…`) is an error, never a way out of the store.
                let found = match beneath::Dir::open(&root, &[], false)? {
                    Some(dir) => dir.get(&rel)?.is_some(),
                    None => false,
                };
                if !path.is_empty() && found {
                    return Ok(Resolved {
                        path: p,
                        version: None,
                        logged_model: None,
                    });
                }
                match self.logged_models_of_run(&run, path)?.pop() {
                    Some(lm) => Ok(Resolved {
                        path: lm.artifacts_path()?,
                        version: None,
                        logged_model: Some(lm),
                    }),
                    None => Err(StoreError::NotFound(format!(
                        "Run '{run_id}' has no artifacts at '{path}' and no logged model named '{path}'"
                    ))),
                }
            }
            ModelUri::Registered { name, selector } => {
                let mv = self.version_for(name, selector)?;
                let inner = ModelUri::parse(mv.download_uri()).map_err(|e| match e {
                    StoreError::UnsupportedScheme { scheme } => StoreError::InvalidParameter(format!(
                        "version {} of '{name}' is stored at '{}', a {scheme}: location mlrun cannot read (only local paths and file: URIs)",
                        mv.version,
                        mv.download_uri()
                    )),
                    other => other,
                })?;
                let mut r = self.resolve_depth(&inner, depth + 1)?;
                r.version = Some(mv);
                Ok(r)
            }
        }
    }

    /// The registered version a `models:/NAME…` URI names.
    pub fn version_for(&self, name: &str, selector: &Selector) -> Result<ModelVersion> {
        registry::validate_model_name(name)?;
        match selector {
            Selector::Version(v) => self.registry.get_model_version(name, *v),
            Selector::Alias(a) => self.registry.get_model_version_by_alias(name, a),
            Selector::Latest => registry::latest_version(self.registry, name, None),
            Selector::Stage(s) => {
                registry::latest_version(self.registry, name, Some(Stage::parse(s)?))
            }
        }
    }

    /// Logs a model folder (or a single model file) into a run as MLflow 3 does: a logged model
    /// `<exp>/models/m-…` holding the files, an MLmodel (written when missing), the run's params, and
    /// an output record on the run. Built in a hidden folder and renamed into place.
    pub fn log_model(&self, req: &LogRequest) -> Result<LoggedModel> {
        validate_logged_model_name(&req.name)?;
        if !req.source.exists() {
            return Err(StoreError::InvalidParameter(format!(
                "No such file or folder: '{}'",
                req.source.display()
            )));
        }
        let has_mlmodel = req.source.is_dir() && Layout::mlmodel(&req.source).is_file();
        // Decide the flavor before anything is written.
        let model_file = if has_mlmodel {
            None
        } else {
            Some(self.model_file(&req.source, req.flavor)?)
        };
        let run = self.tracking.get_run(&req.run_id)?;
        if run.info.lifecycle_stage != LifecycleStage::Active {
            return Err(StoreError::InvalidParameter(format!(
                "The run {} must be in 'active' lifecycle_stage.",
                req.run_id
            )));
        }
        let exp = self.tracking.get_experiment(&run.info.experiment_id)?;
        let exp_dir = self.layout.experiment(&exp.experiment_id);
        let run_dir = exp_dir.join(&run.info.run_id);
        if !Layout::is_run_dir(&run_dir) {
            return Err(StoreError::NotFound(format!(
                "Run '{}' not found in experiment {}",
                req.run_id, exp.experiment_id
            )));
        }
        let model_id = crate::ids::new_model_id();
        let artifact_location = format!(
            "{}/models/{model_id}/artifacts",
            exp.artifact_location.trim_end_matches('/')
        );
        let final_dir = Layout::logged_models(&exp_dir).join(&model_id);
        let artifacts_final = local_path_from_uri(&artifact_location)?;
        let artifacts_inside = artifacts_final.starts_with(&final_dir);

        // Staged where MLflow never looks (see `fsutil::STAGING_DIR`): a half-made folder in the
        // experiment would be read as a run by MLflow's `search_runs`.
        let staging = Staging::new(&self.layout.root)?;
        let sdir = staging.path();
        let artifacts = if artifacts_inside {
            sdir.join(
                artifacts_final
                    .strip_prefix(&final_dir)
                    .unwrap_or(Path::new("artifacts")),
            )
        } else {
            artifacts_final.clone()
        };
        let created = crate::clock::now();
        let created_ms = created.as_millis() as i64;
        if req.source.is_dir() {
            copy_tree(&req.source, &artifacts, Links::Skip)?;
        } else {
            fs::create_dir_all(&artifacts).map_err(|e| StoreError::io(&artifacts, e))?;
            copy_model(&req.source, &artifacts)?;
        }
        let mut mlm = if has_mlmodel {
            MlModel::read(&artifacts)?
        } else {
            let (flavor, file) = model_file
                .clone()
                .unwrap_or((KnownFlavor::Onnx, String::new()));
            let mut m = MlModel::default();
            let env = req.python_version.as_deref();
            flavor.add_to(&mut m, &file, env);
            if let Some(example) = &req.input_example {
                self.save_example(&mut m, &artifacts, example)?;
            }
            if let Some(sig) = &req.signature {
                m.set_signature(sig);
            }
            m.set(
                "model_size_bytes",
                Value::Int(crate::store::file::tree_size(&artifacts) as i64),
            );
            m.set("prompts", Value::Null);
            m.set(
                "utc_time_created",
                Value::Str(mlmodel::utc_time_string(created)),
            );
            write_env_files(&artifacts, flavor, req.python_version.as_deref())?;
            m
        };
        if has_mlmodel {
            if let Some(example) = &req.input_example {
                self.save_example(&mut mlm, &artifacts, example)?;
            }
            if let Some(sig) = &req.signature {
                mlm.set_signature(sig);
            }
        }
        mlm.set("artifact_path", Value::Str(artifact_location.clone()));
        mlm.set("model_id", Value::Str(model_id.clone()));
        mlm.set("model_uuid", Value::Str(model_id.clone()));
        mlm.set("run_id", Value::Str(run.info.run_id.clone()));
        atomic_write(&Layout::mlmodel(&artifacts), mlm.to_yaml().as_bytes())?;

        for p in &run.data.params {
            atomic_write_in(
                &Layout::value_file(&Layout::params(sdir), &p.key),
                sdir,
                p.value.as_bytes(),
            )?;
        }
        for key in ["mlflow.source.name", "mlflow.source.type", "mlflow.user"] {
            if let Some(v) = run.tag(key) {
                atomic_write_in(
                    &Layout::value_file(&Layout::tags(sdir), key),
                    sdir,
                    v.as_bytes(),
                )?;
            }
        }
        fs::create_dir_all(Layout::metrics(sdir))
            .map_err(|e| StoreError::io(Layout::metrics(sdir), e))?;
        let lm = LoggedModel {
            model_id: model_id.clone(),
            experiment_id: exp.experiment_id.clone(),
            name: req.name.clone(),
            artifact_location,
            source_run_id: Some(run.info.run_id.clone()),
            status: LOGGED_MODEL_READY,
            creation_timestamp: created_ms,
            deleted: false,
            dir: final_dir.clone(),
        };
        atomic_write(
            &Layout::meta(sdir),
            logged_model_yaml(&lm, created_ms).as_bytes(),
        )?;
        let models_dir = Layout::logged_models(&exp_dir);
        fs::create_dir_all(&models_dir).map_err(|e| StoreError::io(&models_dir, e))?;
        staging.commit(&final_dir)?;
        // The run's record that it produced this model.
        let out_dir = Layout::run_output(&run_dir, &model_id);
        let output = pyyaml::dump(&[
            ("destination_id".into(), Value::Str(model_id.clone())),
            ("destination_type".into(), Value::Str("MODEL_OUTPUT".into())),
            ("source_id".into(), Value::Str(model_id.clone())),
            ("source_type".into(), Value::Str("RUN_OUTPUT".into())),
            ("step".into(), Value::Int(0)),
            ("tags".into(), Value::Map(vec![])),
        ]);
        atomic_write(&Layout::meta(&out_dir), output.as_bytes())?;
        Ok(lm)
    }

    /// The single model file of a folder without MLmodel (or the file itself), with its flavor.
    fn model_file(
        &self,
        source: &Path,
        flavor: Option<KnownFlavor>,
    ) -> Result<(KnownFlavor, String)> {
        let candidates: Vec<String> = if source.is_dir() {
            let mut names: Vec<String> = fs::read_dir(source)
                .map_err(|e| StoreError::io(source, e))?
                .flatten()
                .filter(|e| e.path().is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        } else {
            vec![source
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()]
        };
        let matching: Vec<(KnownFlavor, String)> = candidates
            .iter()
            .filter_map(|n| {
                let guessed = KnownFlavor::guess(n);
                match (flavor, guessed) {
                    (Some(f), Some(g)) if f == g => Some((f, n.clone())),
                    (Some(f), _) if candidates.len() == 1 => Some((f, n.clone())),
                    (None, Some(g)) => Some((g, n.clone())),
                    _ => None,
                }
            })
            .collect();
        match matching.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(StoreError::InvalidParameter(format!(
                "'{}' has no MLmodel and no model file mlrun recognises (*.onnx for onnx; *.pkl, *.pickle or *.skops for sklearn)",
                source.display()
            ))),
            many => Err(StoreError::InvalidParameter(format!(
                "'{}' has no MLmodel and several model files ({}); log a folder with one model file",
                source.display(),
                many.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", ")
            ))),
        }
    }

    /// Writes `input_example.json` and `serving_input_example.json` and records them in the MLmodel.
    fn save_example(&self, m: &mut MlModel, dir: &Path, example: &str) -> Result<()> {
        let value: serde_json::Value = serde_json::from_str(example).map_err(|e| {
            StoreError::InvalidParameter(format!("input example is not valid JSON: {e}"))
        })?;
        let compact = mlmodel::py_json_dumps(example).map_err(StoreError::InvalidParameter)?;
        let s = |v: &str| Value::Str(v.to_string());
        let mut info = vec![("artifact_path".to_string(), s("input_example.json"))];
        let serving = match &value {
            serde_json::Value::Object(o) if o.contains_key("columns") && o.contains_key("data") => {
                info.push(("pandas_orient".into(), s("split")));
                info.push(("type".into(), s("dataframe")));
                Some(serde_json::json!({ "dataframe_split": value }))
            }
            serde_json::Value::Array(_) => {
                info.push(("type".into(), s("ndarray")));
                Some(serde_json::json!({ "inputs": value }))
            }
            _ => {
                info.push(("type".into(), s("json_object")));
                None
            }
        };
        atomic_write(&dir.join("input_example.json"), compact.as_bytes())?;
        if let Some(serving) = serving {
            info.push(("serving_input_path".into(), s("serving_input_example.json")));
            atomic_write(
                &dir.join("serving_input_example.json"),
                pretty_json(&serving).as_bytes(),
            )?;
        }
        m.set("saved_input_example_info", Value::Map(info));
        Ok(())
    }

    /// Registers a model as `mlflow.register_model` does: creates the registered model if missing,
    /// then a version whose source, run id, model id and storage location follow from the URI.
    pub fn register(
        &self,
        source_uri: &str,
        name: &str,
        tags: &[Tag],
        description: Option<&str>,
    ) -> Result<(ModelVersion, bool)> {
        registry::validate_model_name(name)?;
        for t in tags {
            registry::validate_registry_tag(&t.key, &t.value)?;
        }
        let parsed = ModelUri::parse(source_uri)?;
        let mut new = NewVersion {
            name: name.to_string(),
            source: source_uri.to_string(),
            tags: tags.to_vec(),
            description: description.map(str::to_string),
            ..Default::default()
        };
        match &parsed {
            ModelUri::Run { run_id, path } => {
                let run = self.tracking.get_run(run_id)?;
                let root = local_path_from_uri(&run.info.artifact_uri)?;
                new.run_id = Some(run_id.clone());
                if !path.is_empty() && Layout::mlmodel(&root.join(path)).is_file() {
                    new.source = format!("{}/{path}", run.info.artifact_uri.trim_end_matches('/'));
                } else {
                    let lm = self.logged_models_of_run(&run, path)?.pop().ok_or_else(|| {
                        StoreError::NotFound(format!(
                            "Unable to find a logged_model with artifact_path {path} under run {run_id}"
                        ))
                    })?;
                    new.source = format!("models:/{}", lm.model_id);
                    new.storage_location = Some(lm.artifact_location.clone());
                    new.model_id = Some(lm.model_id);
                }
            }
            ModelUri::Logged { model_id } => {
                let lm = self.get_logged_model(model_id)?;
                new.run_id = lm.source_run_id.clone();
                new.storage_location = Some(lm.artifact_location.clone());
                new.model_id = Some(lm.model_id);
            }
            ModelUri::Registered {
                name: src,
                selector,
            } => {
                let mv = self.version_for(src, selector)?;
                new.storage_location = Some(mv.download_uri().to_string());
                new.model_id = mv.model_id.clone().filter(|m| !m.is_empty());
                new.run_id = mv.run_id.clone();
            }
            ModelUri::Local(p) => {
                if !Layout::mlmodel(p).is_file() {
                    return Err(StoreError::InvalidParameter(format!(
                        "'{}' is not a model folder (it has no MLmodel file)",
                        p.display()
                    )));
                }
                let abs = fs::canonicalize(p).map_err(|e| StoreError::io(p, e))?;
                new.source = abs.to_string_lossy().into_owned();
            }
        }
        let created = match self.registry.create_registered_model(name, &[], None) {
            Ok(_) => true,
            Err(StoreError::AlreadyExists(_)) => false,
            Err(e) => return Err(e),
        };
        let model_id = new.model_id.clone();
        let mv = self.registry.create_model_version(new)?;
        if let Some(id) = model_id {
            self.record_registration(&id, &mv)?;
        }
        Ok((mv, created))
    }

    /// Appends `{"name", "version"}` to the logged model's `mlflow.modelVersions` tag.
    fn record_registration(&self, model_id: &str, mv: &ModelVersion) -> Result<()> {
        let lm = self.get_logged_model(model_id)?;
        let _lock = lock_dir(&lm.dir)?;
        let path = Layout::value_file(&Layout::tags(&lm.dir), MODEL_VERSIONS_TAG);
        let mut entries: Vec<(String, i64)> = match fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str::<Vec<serde_json::Value>>(&text)
                .unwrap_or_default()
                .iter()
                .filter_map(|v| {
                    Some((
                        v.get("name")?.as_str()?.to_string(),
                        v.get("version")?.as_i64()?,
                    ))
                })
                .collect(),
            Err(_) => vec![],
        };
        entries.push((mv.name.clone(), mv.version));
        let text = format!(
            "[{}]",
            entries
                .iter()
                .map(|(n, v)| format!(
                    "{{\"name\": {}, \"version\": {v}}}",
                    mlmodel::py_json_string(n)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        );
        atomic_write_in(&path, &lm.dir, text.as_bytes())
    }
}

fn logged_model_yaml(lm: &LoggedModel, now_ms: i64) -> String {
    let s = |v: &str| Value::Str(v.to_string());
    pyyaml::dump(&[
        ("artifact_location".into(), s(&lm.artifact_location)),
        (
            "creation_timestamp".into(),
            Value::Int(lm.creation_timestamp),
        ),
        ("experiment_id".into(), s(&lm.experiment_id)),
        ("last_updated_timestamp".into(), Value::Int(now_ms)),
        ("model_id".into(), s(&lm.model_id)),
        ("model_type".into(), Value::Null),
        ("name".into(), s(&lm.name)),
        (
            "source_run_id".into(),
            lm.source_run_id.as_deref().map_or(Value::Null, s),
        ),
        ("status".into(), Value::Int(lm.status)),
        ("status_message".into(), Value::Null),
    ])
}

/// `requirements.txt` always; `python_env.yaml` and `conda.yaml` only when the Python version is
/// known (they must name one). Existing files are kept.
fn write_env_files(dir: &Path, flavor: KnownFlavor, python_version: Option<&str>) -> Result<()> {
    let req = dir.join("requirements.txt");
    if !req.exists() {
        atomic_write(&req, flavor.requirements().join("\n").as_bytes())?;
    }
    if let Some(py) = python_version {
        let env = dir.join("python_env.yaml");
        if !env.exists() {
            // MLflow writes this file unsorted, in this key order.
            let text = format!(
                "python: {py}\nbuild_dependencies:\n- pip\n- setuptools\n- wheel\ndependencies:\n- -r requirements.txt\n"
            );
            atomic_write(&env, text.as_bytes())?;
        }
        let conda = dir.join("conda.yaml");
        if !conda.exists() {
            let pip: Vec<Value> = flavor
                .requirements()
                .iter()
                .map(|r| Value::Str(r.to_string()))
                .collect();
            let text = pyyaml::dump(&[
                (
                    "channels".into(),
                    Value::List(vec![Value::Str("conda-forge".into())]),
                ),
                (
                    "dependencies".into(),
                    Value::List(vec![
                        Value::Str(format!("python={py}")),
                        Value::Str("pip".into()),
                        Value::Map(vec![("pip".into(), Value::List(pip))]),
                    ]),
                ),
                ("name".into(), Value::Str("mlflow-env".into())),
            ]);
            atomic_write(&conda, text.as_bytes())?;
        }
    }
    Ok(())
}
