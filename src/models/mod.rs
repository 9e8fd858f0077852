//! Models: the MLmodel format, model URIs and how they resolve to files, MLflow 3 logged models
//! (spec §1.8), and registration as `mlflow.register_model` does it. Everything goes through the
//! store traits (`TrackingStore`, `ModelRegistry`), so a folder and a tracking server behave alike;
//! what differs (files read in place or downloaded, what a local source may be) is the backend's.
//! Resolution follows MLflow: a registered version's download URI is its `storage_location` (or
//! `source`), which may itself be a `models:/`, `runs:/` or artifact URI.
pub mod mlmodel;
pub mod uri;

use crate::entities::LifecycleStage;
use crate::pyyaml::{self, Value};
use crate::registry::{self, ModelRegistry, ModelVersion, NewVersion, Stage};
use crate::store::file::fsutil::{atomic_write, copy_tree, tree_size, Links};
pub use crate::store::LoggedModel;
use crate::store::{ModelDraft, ModelFiles, Result, StoreError, TrackingStore};
use crate::Tag;
use mlmodel::{KnownFlavor, MlModel, Signature, MLMODEL};
use std::fs;
use std::path::{Path, PathBuf};
pub use uri::{ModelUri, Selector};

pub const MODEL_VERSIONS_TAG: &str = "mlflow.modelVersions";

/// Everything a model command needs: the tracking store (runs, logged models, their files) and
/// the registry.
pub struct Models<'a> {
    pub tracking: &'a dyn TrackingStore,
    pub registry: &'a dyn ModelRegistry,
}

/// Where a model URI led.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The local folder (or file) holding the model.
    pub path: PathBuf,
    /// Whether `path` is a copy made for this call (else the files in place).
    pub copied: bool,
    /// The registered version, when the URI named one.
    pub version: Option<ModelVersion>,
}

impl From<ModelFiles> for Resolved {
    fn from(f: ModelFiles) -> Self {
        Self {
            path: f.path,
            copied: f.copied,
            version: None,
        }
    }
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
    pub fn new(tracking: &'a dyn TrackingStore, registry: &'a dyn ModelRegistry) -> Self {
        Self { tracking, registry }
    }

    /// Resolves a URI to the files of the model it names, on this machine: in place where the
    /// store allows, else downloaded into `dest`.
    pub fn resolve(&self, uri: &ModelUri, dest: &Path, progress: &dyn Fn(u64)) -> Result<Resolved> {
        self.resolve_depth(uri, dest, progress, 0)
    }

    fn resolve_depth(
        &self,
        uri: &ModelUri,
        dest: &Path,
        progress: &dyn Fn(u64),
        depth: usize,
    ) -> Result<Resolved> {
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
                    copied: false,
                    version: None,
                })
            }
            ModelUri::Logged { model_id } => {
                let lm = self.tracking.get_logged_model(model_id)?;
                Ok(self
                    .tracking
                    .model_files(&lm.artifact_location, dest, progress)?
                    .into())
            }
            ModelUri::Run { run_id, path } => {
                let run = self.tracking.get_run(run_id)?;
                if let Some(files) = self.tracking.run_model_files(&run, path, dest, progress)? {
                    return Ok(files.into());
                }
                match self.tracking.find_logged_model(&run, path)? {
                    Some(lm) => Ok(self
                        .tracking
                        .model_files(&lm.artifact_location, dest, progress)?
                        .into()),
                    None => Err(StoreError::NotFound(format!(
                        "Run '{run_id}' has no artifacts at '{path}' and no logged model named '{path}'"
                    ))),
                }
            }
            ModelUri::Registered { name, selector } => {
                let mv = self.version_for(name, selector)?;
                let location = self
                    .registry
                    .get_model_version_download_uri(name, mv.version)?;
                let mut r = match ModelUri::parse(&location) {
                    // An artifact location: the store says where its files are.
                    Ok(ModelUri::Local(_)) | Err(StoreError::UnsupportedScheme { .. }) => self
                        .tracking
                        .model_files(&location, dest, progress)
                        .map_err(|e| match e {
                            StoreError::UnsupportedScheme { scheme } => StoreError::InvalidParameter(format!(
                                "version {} of '{name}' is stored at '{location}', a {scheme}: location mlrun cannot read (only local paths and file: URIs)",
                                mv.version,
                            )),
                            other => other,
                        })?
                        .into(),
                    Ok(inner) => self.resolve_depth(&inner, dest, progress, depth + 1)?,
                    Err(e) => return Err(e),
                };
                r.version = Some(mv);
                Ok(r)
            }
        }
    }

    /// Copies the model a URI names into `dest` (created when missing): a folder's contents, or a
    /// single file. Returns what was written (`dest`, or the file in it).
    pub fn download(&self, uri: &str, dest: &Path, progress: &dyn Fn(u64)) -> Result<PathBuf> {
        let parsed = ModelUri::parse(uri)?;
        let r = self.resolve(&parsed, dest, progress)?;
        let path = if r.copied {
            r.path
        } else {
            fs::create_dir_all(dest).map_err(|e| StoreError::io(dest, e))?;
            copy_model(&r.path, dest)?
        };
        if let Some(meta) = registered_model_meta(&parsed, r.version.as_ref()) {
            if path.join(MLMODEL).is_file() {
                let file = path.join(REGISTERED_MODEL_META);
                atomic_write(&file, pyyaml::dump(&meta).as_bytes())?;
            }
        }
        Ok(path)
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
    /// holding the files and an MLmodel (written when missing); the store records it whole.
    pub fn log_model(&self, req: &LogRequest) -> Result<LoggedModel> {
        validate_logged_model_name(&req.name)?;
        if !req.source.exists() {
            return Err(StoreError::InvalidParameter(format!(
                "No such file or folder: '{}'",
                req.source.display()
            )));
        }
        let has_mlmodel = req.source.is_dir() && req.source.join(MLMODEL).is_file();
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
        self.tracking
            .create_logged_model(&run, &req.name, &|draft| {
                self.fill_model(req, model_file.as_ref(), draft)
            })
    }

    /// Writes a logged model's files into the draft's folder: the source, and an MLmodel naming
    /// the model, its run and (for a bare model file) its flavor, environment and example.
    fn fill_model(
        &self,
        req: &LogRequest,
        model_file: Option<&(KnownFlavor, String)>,
        draft: &ModelDraft,
    ) -> Result<()> {
        let artifacts = draft.dir;
        if req.source.is_dir() {
            copy_tree(&req.source, artifacts, Links::Skip)?;
        } else {
            fs::create_dir_all(artifacts).map_err(|e| StoreError::io(artifacts, e))?;
            copy_model(&req.source, artifacts)?;
        }
        let mut mlm = match model_file {
            None => {
                let mut m = MlModel::read(artifacts)?;
                if let Some(example) = &req.input_example {
                    self.save_example(&mut m, artifacts, example)?;
                }
                if let Some(sig) = &req.signature {
                    m.set_signature(sig);
                }
                m
            }
            Some((flavor, file)) => {
                let mut m = MlModel::default();
                let env = req.python_version.as_deref();
                flavor.add_to(&mut m, file, env);
                if let Some(example) = &req.input_example {
                    self.save_example(&mut m, artifacts, example)?;
                }
                if let Some(sig) = &req.signature {
                    m.set_signature(sig);
                }
                m.set("model_size_bytes", Value::Int(tree_size(artifacts) as i64));
                m.set("prompts", Value::Null);
                m.set(
                    "utc_time_created",
                    Value::Str(mlmodel::utc_time_string(draft.created)),
                );
                write_env_files(artifacts, *flavor, req.python_version.as_deref())?;
                m
            }
        };
        mlm.set(
            "artifact_path",
            Value::Str(draft.artifact_location.to_string()),
        );
        mlm.set("model_id", Value::Str(draft.model_id.to_string()));
        mlm.set("model_uuid", Value::Str(draft.model_id.to_string()));
        mlm.set("run_id", Value::Str(draft.run_id.to_string()));
        atomic_write(&artifacts.join(MLMODEL), mlm.to_yaml().as_bytes())
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
    /// then a version whose source, run id, model id and storage location follow from the URI;
    /// a logged model's `mlflow.modelVersions` tag records the version.
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
        let mut new = NewVersion {
            name: name.to_string(),
            source: source_uri.to_string(),
            tags: tags.to_vec(),
            description: description.map(str::to_string),
            ..Default::default()
        };
        match ModelUri::parse(source_uri)? {
            ModelUri::Run { run_id, path } => {
                let run = self.tracking.get_run(&run_id)?;
                new.run_id = Some(run_id.clone());
                // MLflow's test: an MLmodel among the run's artifacts at that path.
                let has_mlmodel = !path.is_empty()
                    && self
                        .tracking
                        .list_artifacts(&run_id, Some(&path))?
                        .iter()
                        .any(|f| !f.is_dir && f.path.rsplit('/').next() == Some(MLMODEL));
                if has_mlmodel {
                    new.source = format!("{}/{path}", run.info.artifact_uri.trim_end_matches('/'));
                } else {
                    let lm = self.tracking.find_logged_model(&run, &path)?.ok_or_else(|| {
                        StoreError::NotFound(format!(
                            "Unable to find a logged_model with artifact_path {path} under run {run_id}"
                        ))
                    })?;
                    new.source = format!("models:/{}", lm.model_id);
                    new.storage_location = Some(lm.artifact_location);
                    new.model_id = Some(lm.model_id);
                }
            }
            ModelUri::Logged { model_id } => {
                let lm = self.tracking.get_logged_model(&model_id)?;
                new.run_id = lm.source_run_id;
                new.storage_location = Some(lm.artifact_location);
                new.model_id = Some(lm.model_id);
            }
            ModelUri::Registered {
                name: src,
                selector,
            } => {
                let mv = self.version_for(&src, &selector)?;
                new.storage_location = Some(mv.download_uri().to_string());
                new.model_id = mv.model_id.filter(|m| !m.is_empty());
                new.run_id = mv.run_id.filter(|r| !r.is_empty());
            }
            ModelUri::Local(p) => {
                if !p.join(MLMODEL).is_file() {
                    return Err(StoreError::InvalidParameter(format!(
                        "'{}' is not a model folder (it has no MLmodel file)",
                        p.display()
                    )));
                }
                new.source = self.tracking.local_model_source(&p)?;
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
            match self
                .tracking
                .update_logged_model_tag(&id, MODEL_VERSIONS_TAG, &|current| {
                    with_version(current, &mv)
                }) {
                // As MLflow: a logged model gone meanwhile only loses its record.
                Ok(()) | Err(StoreError::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok((mv, created))
    }
}

/// The `mlflow.modelVersions` tag with `{"name", "version"}` appended, as `json.dumps` writes it;
/// `None` when it is there already (a tracking server records it itself when the version is made).
fn with_version(current: Option<&str>, mv: &ModelVersion) -> Option<String> {
    let mut entries: Vec<(String, i64)> = current
        .and_then(|text| serde_json::from_str::<Vec<serde_json::Value>>(text).ok())
        .unwrap_or_default()
        .iter()
        .filter_map(|v| {
            let version = v.get("version")?;
            Some((
                v.get("name")?.as_str()?.to_string(),
                // MLflow's client writes a server's versions as strings.
                version
                    .as_i64()
                    .or_else(|| version.as_str()?.parse().ok())?,
            ))
        })
        .collect();
    let entry = (mv.name.clone(), mv.version);
    if entries.contains(&entry) {
        return None;
    }
    entries.push(entry);
    Some(format!(
        "[{}]",
        entries
            .iter()
            .map(|(n, v)| format!(
                "{{\"name\": {}, \"version\": {v}}}",
                mlmodel::py_json_string(n)
            ))
            .collect::<Vec<_>>()
            .join(", ")
    ))
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

/// The file MLflow's `ModelsArtifactRepository` writes into a downloaded `models:/` model folder
/// (one with an MLmodel): which registered model and version it came from.
const REGISTERED_MODEL_META: &str = "registered_model_meta";

/// `registered_model_meta`'s mapping, with MLflow's types: the version as the URI spelled it (a
/// string) for `models:/NAME/VERSION`, a stage or `latest`; the registry's integer for an alias;
/// nulls for a logged model (`models:/MODEL_ID`). Other URIs get no file, as under MLflow.
fn registered_model_meta(
    uri: &ModelUri,
    version: Option<&ModelVersion>,
) -> Option<Vec<(String, Value)>> {
    let (name, version) = match uri {
        ModelUri::Registered { name, selector } => {
            let v = match (selector, version) {
                (Selector::Alias(_), Some(mv)) => Value::Int(mv.version),
                (Selector::Version(v), _) => Value::Str(v.to_string()),
                (_, Some(mv)) => Value::Str(mv.version.to_string()),
                (_, None) => Value::Null,
            };
            (Value::Str(name.clone()), v)
        }
        ModelUri::Logged { .. } => (Value::Null, Value::Null),
        _ => return None,
    };
    Some(vec![
        ("model_name".to_string(), name),
        ("model_version".to_string(), version),
    ])
}
