//! The store traits and their errors. `FileStore` (in `file/`) implements them over an `mlruns/`
//! folder; `RestStore` (in `rest/`) implements them over an MLflow tracking server's REST API, so no
//! command changes with the backend.
pub(crate) mod artifacts;
pub mod file;
pub mod rest;
pub mod sql;
pub mod upload;

pub use crate::error::{Result, StoreError};
pub use crate::uri::local_path_from_uri;

use crate::entities::*;
use std::path::{Path, PathBuf};

/// A user's artifact path argument, checked by the one checker and normalised (`""` is the root).
pub(crate) fn arg_rel(path: Option<&str>) -> Result<String> {
    let p = path.unwrap_or("");
    crate::validate::rel_path(p, crate::validate::RelPath::Argument).map_err(|reason| {
        StoreError::InvalidParameter(format!(
            "Invalid artifact path: '{}' ({reason})",
            p.escape_debug()
        ))
    })
}

/// A name listed by `origin` (a server), checked by the one checker before it becomes a path.
pub(crate) fn listed_rel(name: &str, origin: &str) -> Result<String> {
    crate::validate::rel_path(name, crate::validate::RelPath::Listed).map_err(|reason| {
        StoreError::UnsafeName {
            name: name.to_string(),
            origin: origin.to_string(),
            reason,
        }
    })
}

impl<T> Default for Listing<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            broken: Vec::new(),
        }
    }
}

/// A run as created: where, by whom, when and with which tags.
#[derive(Debug, Clone, Default)]
pub struct NewRun {
    pub experiment_id: String,
    pub user_id: String,
    pub start_time: i64,
    pub run_name: Option<String>,
    pub tags: Vec<Tag>,
}

/// What a download wrote (`path`, a file or a folder) and what it left out, one notice each (links
/// and special files are never copied out of a store).
#[derive(Debug)]
pub struct Downloaded {
    pub path: PathBuf,
    pub notices: Vec<String>,
}

/// An MLflow 3 logged model (`models:/m-…`, spec §1.8): a model with its own artifact location,
/// made by a run.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedModel {
    pub model_id: String,
    pub experiment_id: String,
    pub name: String,
    pub artifact_location: String,
    pub source_run_id: Option<String>,
    pub status: i64,
    pub creation_timestamp: i64,
}

/// A logged model being made: the local folder its files go into, and what it will be.
pub struct ModelDraft<'a> {
    pub dir: &'a Path,
    pub model_id: &'a str,
    pub artifact_location: &'a str,
    pub run_id: &'a str,
    pub created: std::time::Duration,
}

/// A model's files on this machine: in place in a store folder (`copied` false), or copied or
/// downloaded into the folder asked for.
#[derive(Debug, Clone)]
pub struct ModelFiles {
    pub path: PathBuf,
    pub copied: bool,
}

/// A listing together with the entries that could not be read (each names its file), so one broken
/// meta.yaml never hides the rest.
#[derive(Debug)]
pub struct Listing<T> {
    pub items: Vec<T>,
    pub broken: Vec<StoreError>,
}

/// A runs query: MLflow's `SearchRuns` request, already parsed.
pub struct RunQuery {
    pub experiment_ids: Vec<String>,
    pub filter: crate::search::RunFilter,
    pub order_by: Vec<crate::search::RunOrderBy>,
    /// Signed as MLflow's is: 0 is an empty page, a negative value slices from the end.
    pub max_results: i64,
    pub page_token: Option<String>,
    pub view: ViewType,
    /// `None`: return each run whole, as MLflow does. `Some`: only these values (plus what the
    /// filter and order need is read anyway), for tables that show a few columns of many runs.
    pub columns: Option<crate::search::Needs>,
}

/// One page of a runs search, with the runs that could not be read (each names its file).
#[derive(Debug, Default)]
pub struct RunPage {
    pub runs: Vec<Run>,
    pub next_page_token: Option<String>,
    pub broken: Vec<StoreError>,
}

/// The tracking store interface every backend implements.
pub trait TrackingStore {
    fn create_experiment(
        &self,
        name: &str,
        artifact_location: Option<&str>,
        tags: &[Tag],
    ) -> Result<String>;
    fn get_experiment(&self, experiment_id: &str) -> Result<Experiment>;
    fn get_experiment_by_name(&self, name: &str) -> Result<Option<Experiment>>;
    fn list_experiments(&self, view: ViewType) -> Result<Listing<Experiment>>;
    fn rename_experiment(&self, experiment_id: &str, new_name: &str) -> Result<()>;
    fn delete_experiment(&self, experiment_id: &str) -> Result<()>;
    fn restore_experiment(&self, experiment_id: &str) -> Result<()>;
    fn set_experiment_tag(&self, experiment_id: &str, tag: &Tag) -> Result<()>;
    fn delete_experiment_tag(&self, experiment_id: &str, key: &str) -> Result<()>;

    fn create_run(&self, run: NewRun) -> Result<Run>;
    fn get_run(&self, run_id: &str) -> Result<Run>;
    fn update_run(&self, run_id: &str, status: RunStatus, end_time: Option<i64>)
        -> Result<RunInfo>;
    fn list_runs(&self, experiment_ids: &[String], view: ViewType) -> Result<Listing<Run>>;
    /// MLflow's `search_runs`: filter, order, page.
    fn search_runs(&self, query: &RunQuery) -> Result<RunPage>;
    /// A metric's latest point with its min, max and count over the whole history.
    fn metric_summary(&self, run_id: &str, key: &str) -> Result<Option<MetricSummary>>;
    fn delete_run(&self, run_id: &str) -> Result<()>;
    fn restore_run(&self, run_id: &str) -> Result<()>;
    fn log_batch(
        &self,
        run_id: &str,
        metrics: &[Metric],
        params: &[Param],
        tags: &[Tag],
    ) -> Result<()>;
    fn delete_tag(&self, run_id: &str, key: &str) -> Result<()>;
    /// MLflow's `log_inputs`: dataset inputs as REST `DatasetInput` objects (`dataset` with name,
    /// digest, source_type, source, schema, profile; `tags`).
    fn log_inputs(&self, _run_id: &str, _datasets: &[serde_json::Value]) -> Result<()> {
        Err(StoreError::Unsupported(
            "this store cannot log dataset inputs".into(),
        ))
    }
    fn metric_history(&self, run_id: &str, key: &str) -> Result<Vec<Metric>>;

    /// Logs files and folders (symlinks followed, see [`upload`]); returns notices for the user
    /// (links followed, special files skipped).
    fn log_artifacts(
        &self,
        run_id: &str,
        sources: &[PathBuf],
        artifact_path: Option<&str>,
        progress: &dyn Fn(u64),
    ) -> Result<Vec<String>>;
    fn list_artifacts(&self, run_id: &str, path: Option<&str>) -> Result<Vec<FileInfo>>;
    /// Copies the artifact (file or folder) at `path` into `dest`, returning the local path written
    /// and what was left out.
    fn download_artifacts(
        &self,
        run_id: &str,
        path: Option<&str>,
        dest: &Path,
        progress: &dyn Fn(u64),
    ) -> Result<Downloaded>;
    /// Every artifact file of a run (recursively, symlinks not followed) with its size and SHA-256.
    fn artifact_manifest(&self, run_id: &str) -> Result<Vec<ArtifactEntry>>;
    /// Total bytes under an artifact path, to size a progress bar.
    fn artifact_size(&self, run_id: &str, path: Option<&str>) -> Result<u64>;

    /// The logged model `models:/<model_id>` names (not deleted).
    fn get_logged_model(&self, model_id: &str) -> Result<LoggedModel>;
    /// The live logged models of these experiments, oldest first (what MLflow's
    /// `search_logged_models` filters and pages). Stores that cannot list them say so.
    fn list_logged_models(&self, _experiment_ids: &[String]) -> Result<Vec<LoggedModel>> {
        Err(StoreError::Unsupported(
            "this store cannot list logged models".into(),
        ))
    }
    /// A run's newest logged model with this name (MLflow's `runs:/RUN/name` fallback).
    fn find_logged_model(&self, run: &Run, name: &str) -> Result<Option<LoggedModel>>;
    /// Makes a logged model of a run: `fill` writes its files into the draft's folder, then the
    /// model is recorded (and its files stored) whole.
    fn create_logged_model(
        &self,
        run: &Run,
        name: &str,
        fill: &dyn Fn(&ModelDraft) -> Result<()>,
    ) -> Result<LoggedModel>;
    /// Records a logged model of a run whose files are uploaded separately (through a server's
    /// artifact proxy) to `<experiment artifact location>/models/<id>/artifacts`: pending, with
    /// the run's params and source tags and an output record on the run, until
    /// [`TrackingStore::finalize_logged_model`].
    fn create_logged_model_record(&self, _run: &Run, _name: &str) -> Result<LoggedModel> {
        Err(StoreError::Unsupported(
            "this store cannot record a logged model without its files".into(),
        ))
    }
    /// Sets a logged model's status (MLflow's ints: 1 pending, 2 ready, 3 upload failed).
    fn finalize_logged_model(&self, _model_id: &str, _status: i64) -> Result<LoggedModel> {
        Err(StoreError::Unsupported(
            "this store cannot finalize a logged model".into(),
        ))
    }
    /// Sets a logged model's tag to `update(current value)` (unless that is `None`), read and
    /// written as one step where the backend allows (a folder's lock).
    fn update_logged_model_tag(
        &self,
        model_id: &str,
        key: &str,
        update: &dyn Fn(Option<&str>) -> Option<String>,
    ) -> Result<()>;
    /// The files at an artifact URI this store handed out (a logged model's artifact location, a
    /// registered version's download URI) on this machine: in place in a folder store, else
    /// downloaded into `dest`.
    fn model_files(&self, uri: &str, dest: &Path, progress: &dyn Fn(u64)) -> Result<ModelFiles>;
    /// The files at `path` of a run's artifacts (file or folder), likewise; `None` when nothing
    /// is there.
    fn run_model_files(
        &self,
        run: &Run,
        path: &str,
        dest: &Path,
        progress: &dyn Fn(u64),
    ) -> Result<Option<ModelFiles>>;
    /// The version source recorded for a model folder on this machine (registering one), or why
    /// this store cannot take one.
    fn local_model_source(&self, path: &Path) -> Result<String>;

    /// Permanently removes deleted runs and experiments. Returns (run ids, experiment ids) removed.
    fn gc(
        &self,
        older_than_ms: Option<i64>,
        run_ids: &[String],
        experiment_ids: &[String],
        now_ms: i64,
    ) -> Result<(Vec<String>, Vec<String>)>;
}
