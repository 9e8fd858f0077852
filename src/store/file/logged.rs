//! MLflow 3 logged models in a store folder (`<exp>/models/m-…/`, spec §1.8): read, found by run
//! and name, made (staged where MLflow never looks, then renamed into place), and their tags
//! updated under the model folder's lock. What goes into a model's files is `models/`'s business;
//! this module only places them.
use super::fsutil::{atomic_write, atomic_write_in, lock_dir, Staging};
use super::layout::{self, Layout};
use super::{beneath, meta, FileStore};
use crate::entities::Run;
use crate::pyyaml::{self, Value};
use crate::store::{
    arg_rel, LoggedModel, ModelDraft, ModelFiles, Result, StoreError, TrackingStore,
};
use crate::uri::local_path_from_uri;
use std::fs;
use std::path::{Path, PathBuf};

/// What writes a logged model's files into its draft folder.
type Fill<'a> = dyn Fn(&ModelDraft) -> Result<()> + 'a;

/// Logged model status as stored in meta.yaml (an int).
const LOGGED_MODEL_READY: i64 = 2;
const LOGGED_MODEL_PENDING: i64 = 1;

/// A logged model as read from its folder, and whether it is deleted.
fn read_logged_model(dir: &Path) -> Result<(LoggedModel, bool)> {
    let path = Layout::meta(dir);
    let bad = |message: String| StoreError::InvalidState {
        path: path.clone(),
        message,
    };
    let m = meta::read_mapping(&path)?;
    let get = |k: &str| meta::get_string(&m, k);
    let int = |k: &str| meta::get_int(&m, k);
    Ok((
        LoggedModel {
            model_id: get("model_id").ok_or_else(|| bad("missing key 'model_id'".into()))?,
            experiment_id: get("experiment_id").unwrap_or_default(),
            name: get("name").unwrap_or_default(),
            artifact_location: get("artifact_location").unwrap_or_default(),
            source_run_id: get("source_run_id"),
            status: int("status").unwrap_or(0),
            creation_timestamp: int("creation_timestamp").unwrap_or(0),
        },
        get("lifecycle_stage").as_deref() == Some("deleted"),
    ))
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

impl FileStore {
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

    /// The folder of a live logged model.
    fn logged_model_dir(&self, model_id: &str) -> Result<(LoggedModel, PathBuf)> {
        let not_found =
            || StoreError::NotFound(format!("Logged model with ID '{model_id}' not found."));
        if model_id.is_empty() || model_id.contains(['/', '\\', '\0']) || model_id.starts_with('.')
        {
            return Err(not_found());
        }
        for dir in self.logged_model_dirs() {
            if dir.file_name().is_some_and(|n| n == model_id) && Layout::meta(&dir).is_file() {
                let (lm, deleted) = read_logged_model(&dir)?;
                if deleted {
                    return Err(not_found());
                }
                return Ok((lm, dir));
            }
        }
        Err(not_found())
    }

    pub(super) fn get_logged_model_impl(&self, model_id: &str) -> Result<LoggedModel> {
        Ok(self.logged_model_dir(model_id)?.0)
    }

    pub(super) fn find_logged_model_impl(
        &self,
        run: &Run,
        name: &str,
    ) -> Result<Option<LoggedModel>> {
        let mut out =
            self.list_logged_models_impl(std::slice::from_ref(&run.info.experiment_id))?;
        out.retain(|lm| {
            lm.name == name && lm.source_run_id.as_deref() == Some(run.info.run_id.as_str())
        });
        Ok(out.pop())
    }

    /// The live logged models of these experiments, oldest first.
    pub(super) fn list_logged_models_impl(
        &self,
        experiment_ids: &[String],
    ) -> Result<Vec<LoggedModel>> {
        let mut out = Vec::new();
        for id in experiment_ids {
            crate::validate::experiment_id(id)?;
            let exp_dir = self.layout.experiment(id);
            let Ok(rd) = fs::read_dir(Layout::logged_models(&exp_dir)) else {
                continue;
            };
            for e in rd.flatten() {
                if !Layout::meta(&e.path()).is_file() {
                    continue;
                }
                let (lm, deleted) = read_logged_model(&e.path())?;
                if !deleted {
                    out.push(lm);
                }
            }
        }
        out.sort_by_key(|lm| lm.creation_timestamp);
        Ok(out)
    }

    /// Makes a logged model as MLflow 3 does: `<exp>/models/m-…` holding the files `fill` writes,
    /// the run's params and source tags, and an output record on the run. Built in a hidden folder
    /// and renamed into place.
    pub(super) fn create_logged_model_impl(
        &self,
        run: &Run,
        name: &str,
        fill: &dyn Fn(&ModelDraft) -> Result<()>,
    ) -> Result<LoggedModel> {
        self.make_logged_model(run, name, Some(fill))
    }

    /// Records a logged model whose files are uploaded elsewhere (through a server's artifact
    /// proxy), pending until [`FileStore::finalize_logged_model_impl`].
    pub(super) fn create_logged_model_record_impl(
        &self,
        run: &Run,
        name: &str,
    ) -> Result<LoggedModel> {
        self.make_logged_model(run, name, None)
    }

    /// Sets a logged model's status (meta.yaml rewritten under the model folder's lock).
    pub(super) fn finalize_logged_model_impl(
        &self,
        model_id: &str,
        status: i64,
    ) -> Result<LoggedModel> {
        let (mut lm, dir) = self.logged_model_dir(model_id)?;
        let _lock = lock_dir(&dir)?;
        lm.status = status;
        let now = crate::clock::now_ms();
        atomic_write(&Layout::meta(&dir), logged_model_yaml(&lm, now).as_bytes())?;
        Ok(lm)
    }

    /// `fill` writes the files where the artifact location points (ready at once); without it the
    /// files go elsewhere and the model is pending.
    fn make_logged_model(&self, run: &Run, name: &str, fill: Option<&Fill>) -> Result<LoggedModel> {
        let run_id = &run.info.run_id;
        let exp = self.get_experiment(&run.info.experiment_id)?;
        let exp_dir = self.layout.experiment(&exp.experiment_id);
        let run_dir = exp_dir.join(&run.info.run_id);
        if !Layout::is_run_dir(&run_dir) {
            return Err(StoreError::NotFound(format!(
                "Run '{run_id}' not found in experiment {}",
                exp.experiment_id
            )));
        }
        let model_id = crate::ids::new_model_id();
        let artifact_location = format!(
            "{}/models/{model_id}/artifacts",
            exp.artifact_location.trim_end_matches('/')
        );
        let final_dir = Layout::logged_models(&exp_dir).join(&model_id);
        let artifacts_final = match fill {
            Some(_) => local_path_from_uri(&artifact_location)?,
            None => final_dir.join("artifacts"),
        };
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
        if let Some(fill) = fill {
            fill(&ModelDraft {
                dir: &artifacts,
                model_id: &model_id,
                artifact_location: &artifact_location,
                run_id: &run.info.run_id,
                created,
            })?;
        }
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
            name: name.to_string(),
            artifact_location,
            source_run_id: Some(run.info.run_id.clone()),
            status: if fill.is_some() {
                LOGGED_MODEL_READY
            } else {
                LOGGED_MODEL_PENDING
            },
            creation_timestamp: created_ms,
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

    pub(super) fn update_logged_model_tag_impl(
        &self,
        model_id: &str,
        key: &str,
        update: &dyn Fn(Option<&str>) -> Option<String>,
    ) -> Result<()> {
        let (_, dir) = self.logged_model_dir(model_id)?;
        let _lock = lock_dir(&dir)?;
        let path = Layout::value_file(&Layout::tags(&dir), key);
        let current = fs::read_to_string(&path).ok();
        match update(current.as_deref()) {
            Some(value) => atomic_write_in(&path, &dir, value.as_bytes()),
            None => Ok(()),
        }
    }
}

/// A model's files at an artifact URI are read in place (a store on this machine): only local
/// paths and `file:` URIs.
pub(crate) fn model_files_in_place(uri: &str) -> Result<ModelFiles> {
    let path = local_path_from_uri(uri)?;
    if !path.exists() {
        return Err(StoreError::NotFound(format!(
            "No model at '{}'",
            path.display()
        )));
    }
    Ok(ModelFiles {
        path,
        copied: false,
    })
}

/// The files at `path` of a run's local artifacts, in place; `None` when nothing is there.
pub(crate) fn run_model_files_in_place(run: &Run, path: &str) -> Result<Option<ModelFiles>> {
    let root = local_path_from_uri(&run.info.artifact_uri)?;
    let rel = arg_rel(Some(path))?;
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
    Ok((!path.is_empty() && found).then_some(ModelFiles {
        path: p,
        copied: false,
    }))
}

/// The version source recorded for a local model folder: its absolute path.
pub(crate) fn local_model_source_path(path: &Path) -> Result<String> {
    let abs = fs::canonicalize(path).map_err(|e| StoreError::io(path, e))?;
    Ok(abs.to_string_lossy().into_owned())
}
