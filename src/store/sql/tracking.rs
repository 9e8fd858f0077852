//! `TrackingStore` over MLflow's SQL schema. Being built: every method still answers that it is not
//! done, until the tracking store lands.
use super::SqlStore;
use crate::entities::*;
use crate::error::{Result, StoreError};
use crate::store::*;
use std::path::{Path, PathBuf};

fn pending(what: &str) -> StoreError {
    StoreError::Unsupported(format!("{what} is not available on SQL stores yet"))
}

impl TrackingStore for SqlStore {
    fn create_experiment(
        &self,
        _name: &str,
        _artifact_location: Option<&str>,
        _tags: &[Tag],
    ) -> Result<String> {
        Err(pending("create_experiment"))
    }

    fn get_experiment(&self, _experiment_id: &str) -> Result<Experiment> {
        Err(pending("get_experiment"))
    }

    fn get_experiment_by_name(&self, _name: &str) -> Result<Option<Experiment>> {
        Err(pending("get_experiment_by_name"))
    }

    fn list_experiments(&self, _view: ViewType) -> Result<Listing<Experiment>> {
        Err(pending("list_experiments"))
    }

    fn rename_experiment(&self, _experiment_id: &str, _new_name: &str) -> Result<()> {
        Err(pending("rename_experiment"))
    }

    fn delete_experiment(&self, _experiment_id: &str) -> Result<()> {
        Err(pending("delete_experiment"))
    }

    fn restore_experiment(&self, _experiment_id: &str) -> Result<()> {
        Err(pending("restore_experiment"))
    }

    fn set_experiment_tag(&self, _experiment_id: &str, _tag: &Tag) -> Result<()> {
        Err(pending("set_experiment_tag"))
    }

    fn delete_experiment_tag(&self, _experiment_id: &str, _key: &str) -> Result<()> {
        Err(pending("delete_experiment_tag"))
    }

    fn create_run(&self, _run: NewRun) -> Result<Run> {
        Err(pending("create_run"))
    }

    fn get_run(&self, _run_id: &str) -> Result<Run> {
        Err(pending("get_run"))
    }

    fn update_run(
        &self,
        _run_id: &str,
        _status: RunStatus,
        _end_time: Option<i64>,
    ) -> Result<RunInfo> {
        Err(pending("update_run"))
    }

    fn list_runs(&self, _experiment_ids: &[String], _view: ViewType) -> Result<Listing<Run>> {
        Err(pending("list_runs"))
    }

    fn search_runs(&self, _query: &RunQuery) -> Result<RunPage> {
        Err(pending("search_runs"))
    }

    fn metric_summary(&self, _run_id: &str, _key: &str) -> Result<Option<MetricSummary>> {
        Err(pending("metric_summary"))
    }

    fn delete_run(&self, _run_id: &str) -> Result<()> {
        Err(pending("delete_run"))
    }

    fn restore_run(&self, _run_id: &str) -> Result<()> {
        Err(pending("restore_run"))
    }

    fn log_batch(
        &self,
        _run_id: &str,
        _metrics: &[Metric],
        _params: &[Param],
        _tags: &[Tag],
    ) -> Result<()> {
        Err(pending("log_batch"))
    }

    fn delete_tag(&self, _run_id: &str, _key: &str) -> Result<()> {
        Err(pending("delete_tag"))
    }

    fn metric_history(&self, _run_id: &str, _key: &str) -> Result<Vec<Metric>> {
        Err(pending("metric_history"))
    }

    fn log_artifacts(
        &self,
        _run_id: &str,
        _sources: &[PathBuf],
        _artifact_path: Option<&str>,
        _progress: &dyn Fn(u64),
    ) -> Result<Vec<String>> {
        Err(pending("log_artifacts"))
    }

    fn list_artifacts(&self, _run_id: &str, _path: Option<&str>) -> Result<Vec<FileInfo>> {
        Err(pending("list_artifacts"))
    }

    fn download_artifacts(
        &self,
        _run_id: &str,
        _path: Option<&str>,
        _dest: &Path,
        _progress: &dyn Fn(u64),
    ) -> Result<Downloaded> {
        Err(pending("download_artifacts"))
    }

    fn artifact_manifest(&self, _run_id: &str) -> Result<Vec<ArtifactEntry>> {
        Err(pending("artifact_manifest"))
    }

    fn artifact_size(&self, _run_id: &str, _path: Option<&str>) -> Result<u64> {
        Err(pending("artifact_size"))
    }

    fn get_logged_model(&self, _model_id: &str) -> Result<LoggedModel> {
        Err(pending("get_logged_model"))
    }

    fn find_logged_model(&self, _run: &Run, _name: &str) -> Result<Option<LoggedModel>> {
        Err(pending("find_logged_model"))
    }

    fn create_logged_model(
        &self,
        _run: &Run,
        _name: &str,
        _fill: &dyn Fn(&ModelDraft) -> Result<()>,
    ) -> Result<LoggedModel> {
        Err(pending("create_logged_model"))
    }

    fn update_logged_model_tag(
        &self,
        _model_id: &str,
        _key: &str,
        _update: &dyn Fn(Option<&str>) -> Option<String>,
    ) -> Result<()> {
        Err(pending("update_logged_model_tag"))
    }

    fn model_files(&self, _uri: &str, _dest: &Path, _progress: &dyn Fn(u64)) -> Result<ModelFiles> {
        Err(pending("model_files"))
    }

    fn run_model_files(
        &self,
        _run: &Run,
        _path: &str,
        _dest: &Path,
        _progress: &dyn Fn(u64),
    ) -> Result<Option<ModelFiles>> {
        Err(pending("run_model_files"))
    }

    fn local_model_source(&self, _path: &Path) -> Result<String> {
        Err(pending("local_model_source"))
    }

    fn gc(
        &self,
        _older_than_ms: Option<i64>,
        _run_ids: &[String],
        _experiment_ids: &[String],
        _now_ms: i64,
    ) -> Result<(Vec<String>, Vec<String>)> {
        Err(pending("gc"))
    }
}
