//! `FileStore`: MLflow's file store over an `mlruns/` folder (spec §1). Invariants: meta files are
//! replaced atomically, metric points are appended as whole lines, and every read-modify-write step
//! holds the lock of the folder it changes.
pub mod beneath;
pub mod fsutil;
mod import;
pub mod layout;
pub(crate) mod logged;
pub mod meta;
pub mod metrics;
pub mod registry;
mod search;

use crate::clock::now_ms;
use crate::entities::*;
use crate::ids;
use crate::store::{
    artifacts, Downloaded, Listing, LoggedModel, ModelDraft, ModelFiles, NewRun, Result, RunPage,
    RunQuery, StoreError, TrackingStore,
};
use crate::uri::local_path_from_uri;
use crate::validate;
use fsutil::{
    append, atomic_write, atomic_write_in, files_under, lock_dir, read_values, subdirs, Staging,
};
use layout::Layout;
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

pub struct FileStore {
    layout: Layout,
    /// Truncate over-long param and tag values (MLflow's default) rather than refuse them.
    truncate_long_values: bool,
    /// The URI new experiments' artifact locations start with (MLflow's `default_artifact_root`,
    /// `mlflow-artifacts:/` behind a server that proxies artifacts); `None`: the store folder.
    artifact_root: Option<String>,
}

fn not_found(msg: String) -> StoreError {
    StoreError::NotFound(msg)
}

fn read_metric_file(key: &str, path: &Path) -> Result<Vec<Metric>> {
    let file = fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    metrics::decode_all(key, file).map_err(|e| metrics::read_error(key, path, e))
}

pub use fsutil::tree_size;

impl FileStore {
    /// Opens (creating when missing, as MLflow does: the root, experiment `0` and `.trash`).
    pub fn open(root: impl Into<PathBuf>) -> Result<Self> {
        Self::open_with_artifact_root(root, None)
    }

    /// Opens as [`FileStore::open`], new experiments (the `Default` one made here included) getting
    /// `<artifact_root>/<id>` as artifact location, as MLflow's `FileStore(root, artifact_root)`.
    pub fn open_with_artifact_root(
        root: impl Into<PathBuf>,
        artifact_root: Option<String>,
    ) -> Result<Self> {
        let mut root: PathBuf = root.into();
        if root.is_relative() {
            let cwd = std::env::current_dir().map_err(|e| StoreError::io(".", e))?;
            root = cwd.join(root);
        }
        let store = Self {
            layout: Layout { root },
            truncate_long_values: true,
            artifact_root,
        };
        let root = &store.layout.root;
        if !root.exists() {
            fs::create_dir_all(root).map_err(|e| StoreError::io(root, e))?;
            store.write_new_experiment("0", "Default", None, &[], now_ms())?;
        }
        let trash = store.layout.trash();
        if !trash.exists() {
            fs::create_dir_all(&trash).map_err(|e| StoreError::io(&trash, e))?;
        }
        Ok(store)
    }

    pub fn root(&self) -> &Path {
        &self.layout.root
    }

    /// `MLFLOW_TRUNCATE_LONG_VALUES` (the caller reads it): `false` refuses over-long param and
    /// tag values with MLflow's message instead of truncating them.
    pub fn set_truncate_long_values(&mut self, on: bool) {
        self.truncate_long_values = on;
    }

    fn write_new_experiment(
        &self,
        id: &str,
        name: &str,
        artifact_location: Option<String>,
        tags: &[Tag],
        now: i64,
    ) -> Result<()> {
        // Built in the staging area and renamed into place, so neither MLflow nor mlrun ever sees
        // an experiment folder without its meta.yaml.
        let target = self.layout.experiment(id);
        let staging = Staging::new(&self.layout.root)?;
        let dir = staging.path().to_path_buf();
        let exp = Experiment {
            experiment_id: id.to_string(),
            name: name.to_string(),
            artifact_location: artifact_location.unwrap_or_else(|| match &self.artifact_root {
                Some(r) => format!("{}/{id}", r.trim_end_matches('/')),
                None => format!("{}/{id}", self.layout.artifact_root_uri()),
            }),
            lifecycle_stage: LifecycleStage::Active,
            last_update_time: Some(now),
            creation_time: Some(now),
            tags: vec![],
        };
        for t in tags {
            self.write_value(&Layout::experiment_tags(&dir), &dir, &t.key, &t.value)?;
        }
        atomic_write(
            &Layout::meta(&dir),
            meta::experiment_yaml(&exp, false).as_bytes(),
        )?;
        staging.commit(&target)
    }

    fn write_value(&self, folder: &Path, tmp_dir: &Path, key: &str, value: &str) -> Result<()> {
        atomic_write_in(&Layout::value_file(folder, key), tmp_dir, value.as_bytes())
    }

    /// The folder of an experiment, active or trashed.
    fn experiment_dir(&self, id: &str) -> Result<PathBuf> {
        validate::experiment_id(id)?;
        for dir in [
            self.layout.experiment(id),
            self.layout.trashed_experiment(id),
        ] {
            let meta_path = Layout::meta(&dir);
            if meta_path.is_file() {
                return Ok(dir);
            }
            if meta_path.exists() {
                return Err(StoreError::InvalidState {
                    path: meta_path,
                    message: "meta.yaml is not a regular file".into(),
                });
            }
        }
        Err(not_found(format!("Could not find experiment with ID {id}")))
    }

    fn read_experiment_dir(&self, dir: &Path) -> Result<Experiment> {
        let meta_path = Layout::meta(dir);
        let mut exp = meta::read_experiment(&meta_path)?;
        let folder = dir
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if exp.experiment_id != folder {
            return Err(StoreError::InvalidState {
                path: meta_path,
                message: format!(
                    "experiment_id '{}' does not match its folder '{folder}'",
                    exp.experiment_id
                ),
            });
        }
        exp.tags = read_values(&Layout::experiment_tags(dir))?;
        Ok(exp)
    }

    fn all_experiment_dirs(&self) -> Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        for name in subdirs(&self.layout.root)? {
            if !layout::ROOT_RESERVED.contains(&name.as_str()) {
                out.push(self.layout.experiment(&name));
            }
        }
        for name in subdirs(&self.layout.trash())? {
            out.push(self.layout.trashed_experiment(&name));
        }
        Ok(out)
    }

    /// Finds a run's folder in any experiment, active or trashed.
    fn run_dir(&self, run_id: &str) -> Result<PathBuf> {
        validate::run_id(run_id)?;
        let mut damaged = None;
        for exp in self.all_experiment_dirs()? {
            let dir = exp.join(run_id);
            if Layout::is_run_dir(&dir) {
                return Ok(dir);
            }
            if damaged.is_none() && Layout::meta(&dir).is_file() {
                damaged = Some(dir);
            }
        }
        // The run is there but not whole: say which part is wrong rather than "not found".
        if let Some(dir) = damaged {
            for part in [
                Layout::metrics(&dir),
                Layout::params(&dir),
                Layout::artifacts(&dir),
            ] {
                if !part.is_dir() {
                    let message = if part.exists() {
                        format!("run '{run_id}' is damaged: this should be a folder, not a file")
                    } else {
                        format!("run '{run_id}' is damaged: this folder is missing")
                    };
                    return Err(StoreError::InvalidState {
                        path: part,
                        message,
                    });
                }
            }
        }
        Err(not_found(format!("Run '{run_id}' not found")))
    }

    fn read_run_info(&self, dir: &Path) -> Result<RunInfo> {
        let meta_path = Layout::meta(dir);
        let info = meta::read_run(&meta_path)?;
        let folder = dir
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let exp_folder = dir
            .parent()
            .and_then(|p| p.file_name())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if info.run_id != folder || info.experiment_id != exp_folder {
            return Err(StoreError::InvalidState {
                path: meta_path,
                message: "metadata is in invalid state (run_id or experiment_id does not match its folder)".into(),
            });
        }
        Ok(info)
    }

    /// A run's info as readers see it. MLflow ≤ 1.29 wrote run meta without `run_name`; MLflow's
    /// readers (`get_run`, search filters and ordering) then take the name from the
    /// `mlflow.runName` tag, and never write it back to the meta.
    fn read_run_info_named(&self, dir: &Path) -> Result<RunInfo> {
        let mut info = self.read_run_info(dir)?;
        if info.run_name.is_empty() {
            if let Some(name) = search::read_value(&Layout::tags(dir), "mlflow.runName")? {
                info.run_name = name;
            }
        }
        Ok(info)
    }

    fn read_run_dir(&self, dir: &Path) -> Result<Run> {
        let info = self.read_run_info_named(dir)?;
        let params = read_values(&Layout::params(dir))?;
        let tags = read_values(&Layout::tags(dir))?;
        let mut metrics_latest = Vec::new();
        for (key, path) in files_under(&Layout::metrics(dir))? {
            // One streamed pass, no Metric per line: runs are read by the thousand.
            if let Some(s) = search::summarize(&key, &path)? {
                metrics_latest.push(Metric {
                    key,
                    value: s.value,
                    timestamp: s.timestamp,
                    step: s.step,
                });
            }
        }
        Ok(Run {
            info,
            data: RunData {
                metrics: metrics_latest,
                params,
                tags,
            },
            inputs: search::read_inputs(dir)?.1,
            outputs: read_outputs(dir)?,
        })
    }

    fn active_run_dir(&self, run_id: &str) -> Result<(PathBuf, RunInfo)> {
        let dir = self.run_dir(run_id)?;
        let info = self.read_run_info(&dir)?;
        if info.lifecycle_stage != LifecycleStage::Active {
            return Err(StoreError::InvalidParameter(format!(
                "The run {run_id} must be in 'active' lifecycle_stage."
            )));
        }
        Ok((dir, info))
    }

    /// Marks every run of an experiment folder deleted (or active again), as MLflow does when it
    /// deletes (restores) the experiment. Runs already in that stage are left alone.
    pub(crate) fn set_runs_stage(
        &self,
        exp_dir: &Path,
        stage: LifecycleStage,
        now: i64,
    ) -> Result<()> {
        for name in subdirs(exp_dir)? {
            let rdir = exp_dir.join(&name);
            if layout::EXPERIMENT_RESERVED.contains(&name.as_str()) || !Layout::is_run_dir(&rdir) {
                continue;
            }
            let _rl = lock_dir(&rdir)?;
            // A run MLflow cannot read either is skipped, as MLflow's delete skips it.
            let Ok(mut info) = self.read_run_info(&rdir) else {
                continue;
            };
            if info.lifecycle_stage != stage {
                info.lifecycle_stage = stage;
                info.deleted_time = (stage == LifecycleStage::Deleted).then_some(now);
                self.write_run_meta(&rdir, &info)?;
            }
        }
        Ok(())
    }

    fn write_run_meta(&self, dir: &Path, info: &RunInfo) -> Result<()> {
        atomic_write(&Layout::meta(dir), meta::run_yaml(info).as_bytes())
    }

    /// The run's artifact root, opened so that nothing beneath the store's root is a link: a run
    /// folder or an `artifacts` folder that is a symlink is refused. A root outside the store (an
    /// experiment's own artifact location) is configuration, opened as it is. `None`: it does not
    /// exist yet (and `create` was not asked).
    fn artifact_root(&self, run_id: &str, create: bool) -> Result<Option<beneath::Dir>> {
        let dir = self.run_dir(run_id)?;
        let info = self.read_run_info(&dir)?;
        let root = local_path_from_uri(&info.artifact_uri)?;
        let store = std::path::absolute(&self.layout.root).unwrap_or(self.layout.root.clone());
        match root.strip_prefix(&store) {
            Ok(below) => {
                let mut parts = Vec::new();
                for c in below.components() {
                    match c {
                        std::path::Component::Normal(p) => parts.push(p.to_os_string()),
                        std::path::Component::CurDir => {}
                        // `<store>/1/R/../../..`: a meta.yaml that points back out of the store.
                        _ => {
                            return Err(StoreError::InvalidState {
                                path: Layout::meta(&dir),
                                message: format!(
                                    "artifact_uri '{}' climbs out of the store",
                                    info.artifact_uri
                                ),
                            })
                        }
                    }
                }
                beneath::Dir::open(&store, &parts, create)
            }
            Err(_) => beneath::Dir::open(&root, &[], create),
        }
    }
}

impl TrackingStore for FileStore {
    fn create_experiment(
        &self,
        name: &str,
        artifact_location: Option<&str>,
        tags: &[Tag],
    ) -> Result<String> {
        validate::experiment_name(name)?;
        for t in tags {
            validate::key(&t.key, "Tag")?;
            if t.value.chars().count() > validate::MAX_EXPERIMENT_TAG_VALUE_LEN {
                return Err(StoreError::InvalidParameter(format!(
                    "'{}' exceeds the maximum length of {} characters",
                    t.key,
                    validate::MAX_EXPERIMENT_TAG_VALUE_LEN
                )));
            }
        }
        let location = match artifact_location {
            None => None,
            Some(loc) => {
                if loc.len() > validate::MAX_ARTIFACT_LOCATION_LEN {
                    return Err(StoreError::InvalidParameter(format!(
                        "Invalid artifact location: longer than {} characters",
                        validate::MAX_ARTIFACT_LOCATION_LEN
                    )));
                }
                if loc.contains("://") || loc.starts_with("file:") {
                    Some(loc.to_string())
                } else {
                    let p = Path::new(loc);
                    let abs = if p.is_absolute() {
                        p.to_path_buf()
                    } else {
                        std::env::current_dir()
                            .map_err(|e| StoreError::io(".", e))?
                            .join(p)
                    };
                    Some(layout::path_to_file_uri(&abs))
                }
            }
        };
        let _lock = lock_dir(&self.layout.root)?;
        if self.get_experiment_by_name(name)?.is_some() {
            return Err(StoreError::AlreadyExists(format!(
                "Experiment '{name}' already exists."
            )));
        }
        // An experiment whose meta.yaml is damaged but still names it holds the name too; one
        // whose name cannot be read does not stop the create (as in MLflow), the caller warns.
        for dir in self.all_experiment_dirs()? {
            let meta_path = Layout::meta(&dir);
            if !meta_path.is_file() || self.read_experiment_dir(&dir).is_ok() {
                continue;
            }
            let named = meta::read_mapping(&meta_path)
                .ok()
                .and_then(|m| meta::get_string(&m, "name"));
            if named.as_deref() == Some(name) {
                return Err(StoreError::AlreadyExists(format!(
                    "Experiment '{name}' already exists in {}, which is damaged; fix or remove it",
                    meta_path.display()
                )));
            }
        }
        let mut id = ids::new_experiment_id();
        while self.layout.experiment(&id).exists() || self.layout.trashed_experiment(&id).exists() {
            id = ids::new_experiment_id();
        }
        self.write_new_experiment(&id, name, location, tags, now_ms())?;
        Ok(id)
    }

    fn get_experiment(&self, experiment_id: &str) -> Result<Experiment> {
        let dir = self.experiment_dir(experiment_id)?;
        self.read_experiment_dir(&dir)
    }

    fn get_experiment_by_name(&self, name: &str) -> Result<Option<Experiment>> {
        let listing = self.list_experiments(ViewType::All)?;
        Ok(listing.items.into_iter().find(|e| e.name == name))
    }

    fn list_experiments(&self, view: ViewType) -> Result<Listing<Experiment>> {
        let mut listing = Listing::default();
        for dir in self.all_experiment_dirs()? {
            let meta_path = Layout::meta(&dir);
            match fs::metadata(&meta_path) {
                Ok(m) if m.is_file() => {}
                // MLflow warns of a folder without meta.yaml ("Malformed experiment") and skips it;
                // a hidden one is mlrun's own staging, not an experiment.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    if !dir
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                    {
                        listing.broken.push(StoreError::InvalidState {
                            path: meta_path,
                            message: "the experiment folder has no meta.yaml".into(),
                        });
                    }
                    continue;
                }
                Ok(_) => {
                    listing.broken.push(StoreError::InvalidState {
                        path: meta_path,
                        message: "meta.yaml is not a regular file".into(),
                    });
                    continue;
                }
                Err(e) => {
                    listing.broken.push(StoreError::io(&meta_path, e));
                    continue;
                }
            }
            match self.read_experiment_dir(&dir) {
                Ok(e) if view.admits(e.lifecycle_stage) => listing.items.push(e),
                Ok(_) => {}
                Err(e) => listing.broken.push(e),
            }
        }
        listing
            .items
            .sort_by(|a, b| a.experiment_id.cmp(&b.experiment_id));
        Ok(listing)
    }

    fn rename_experiment(&self, experiment_id: &str, new_name: &str) -> Result<()> {
        validate::experiment_name(new_name)?;
        let _lock = lock_dir(&self.layout.root)?;
        let dir = self.experiment_dir(experiment_id)?;
        let mut exp = self.read_experiment_dir(&dir)?;
        if exp.lifecycle_stage != LifecycleStage::Active {
            return Err(StoreError::InvalidParameter(format!(
                "Cannot rename a non-active experiment '{experiment_id}'."
            )));
        }
        if let Some(other) = self.get_experiment_by_name(new_name)? {
            if other.experiment_id != experiment_id {
                return Err(StoreError::AlreadyExists(format!(
                    "Experiment '{new_name}' already exists."
                )));
            }
        }
        exp.name = new_name.to_string();
        exp.last_update_time = Some(now_ms());
        atomic_write(
            &Layout::meta(&dir),
            meta::experiment_yaml(&exp, true).as_bytes(),
        )
    }

    // Delete and restore are ordered so that a kill between any two steps leaves a state MLflow
    // reads and mlrun finishes: the folder's place (root or `.trash/`) says what the experiment is,
    // the meta and the runs' stages follow it. Delete moves first, then marks; restore marks, then
    // moves. A kill in between leaves a trashed experiment whose meta or runs still say active,
    // which `delete` again (or `doctor --fix`) finishes; an experiment marked deleted in the root
    // (left by older versions, which marked first) is finished by `delete` or undone by `restore`.
    fn delete_experiment(&self, experiment_id: &str) -> Result<()> {
        if experiment_id == "0" {
            return Err(StoreError::InvalidParameter(
                "Cannot delete the default experiment '0'. This is an internally reserved experiment.".into(),
            ));
        }
        let _lock = lock_dir(&self.layout.root)?;
        let mut dir = self.experiment_dir(experiment_id)?;
        let mut exp = self.read_experiment_dir(&dir)?;
        let target = self.layout.trashed_experiment(experiment_id);
        let in_trash = dir == target;
        if exp.lifecycle_stage == LifecycleStage::Deleted && in_trash {
            return Err(StoreError::InvalidParameter(format!(
                "Experiment '{experiment_id}' is already deleted."
            )));
        }
        if !in_trash {
            fs::rename(&dir, &target).map_err(|e| StoreError::io(&target, e))?;
            dir = target;
        }
        let now = now_ms();
        exp.lifecycle_stage = LifecycleStage::Deleted;
        exp.last_update_time = Some(now);
        atomic_write(
            &Layout::meta(&dir),
            meta::experiment_yaml(&exp, true).as_bytes(),
        )?;
        self.set_runs_stage(&dir, LifecycleStage::Deleted, now)
    }

    fn restore_experiment(&self, experiment_id: &str) -> Result<()> {
        let _lock = lock_dir(&self.layout.root)?;
        validate::experiment_id(experiment_id)?;
        let trashed = self.layout.trashed_experiment(experiment_id);
        let active = self.layout.experiment(experiment_id);
        if !Layout::meta(&trashed).is_file() {
            let dir = self.experiment_dir(experiment_id)?;
            let mut exp = self.read_experiment_dir(&dir)?;
            if exp.lifecycle_stage == LifecycleStage::Active {
                return Err(StoreError::InvalidParameter(format!(
                    "Cannot restore an active experiment '{experiment_id}'."
                )));
            }
            // Marked deleted but never moved (a delete killed half-way): undo the marks.
            self.set_runs_stage(&dir, LifecycleStage::Active, now_ms())?;
            exp.lifecycle_stage = LifecycleStage::Active;
            exp.last_update_time = Some(now_ms());
            return atomic_write(
                &Layout::meta(&dir),
                meta::experiment_yaml(&exp, true).as_bytes(),
            );
        }
        if active.exists() {
            return Err(StoreError::AlreadyExists(format!(
                "Cannot restore experiment with ID {experiment_id}. An experiment with same ID already exists."
            )));
        }
        let mut exp = self.read_experiment_dir(&trashed)?;
        self.set_runs_stage(&trashed, LifecycleStage::Active, now_ms())?;
        exp.lifecycle_stage = LifecycleStage::Active;
        exp.last_update_time = Some(now_ms());
        atomic_write(
            &Layout::meta(&trashed),
            meta::experiment_yaml(&exp, true).as_bytes(),
        )?;
        fs::rename(&trashed, &active).map_err(|e| StoreError::io(&active, e))
    }

    fn set_experiment_tag(&self, experiment_id: &str, tag: &Tag) -> Result<()> {
        validate::key(&tag.key, "Tag")?;
        if tag.value.chars().count() > validate::MAX_EXPERIMENT_TAG_VALUE_LEN {
            return Err(StoreError::InvalidParameter(format!(
                "'{}' exceeds the maximum length of {} characters",
                tag.key,
                validate::MAX_EXPERIMENT_TAG_VALUE_LEN
            )));
        }
        let dir = self.experiment_dir(experiment_id)?;
        let exp = self.read_experiment_dir(&dir)?;
        if exp.lifecycle_stage != LifecycleStage::Active {
            return Err(StoreError::InvalidParameter(format!(
                "The experiment {experiment_id} must be in the 'active' lifecycle_stage to set tags"
            )));
        }
        self.write_value(&Layout::experiment_tags(&dir), &dir, &tag.key, &tag.value)
    }

    fn delete_experiment_tag(&self, experiment_id: &str, key: &str) -> Result<()> {
        validate::key(key, "Tag")?;
        let dir = self.experiment_dir(experiment_id)?;
        let path = Layout::value_file(&Layout::experiment_tags(&dir), key);
        if !path.is_file() {
            return Err(not_found(format!(
                "No tag with name: {key} in experiment with id {experiment_id}"
            )));
        }
        fs::remove_file(&path).map_err(|e| StoreError::io(&path, e))
    }

    fn create_run(&self, new: NewRun) -> Result<Run> {
        let exp = self.get_experiment(&new.experiment_id)?;
        if exp.lifecycle_stage != LifecycleStage::Active {
            return Err(StoreError::InvalidParameter(format!(
                "Could not create run under non-active experiment with ID {}.",
                new.experiment_id
            )));
        }
        validate::timestamp(new.start_time)?;
        let tag_name = new
            .tags
            .iter()
            .find(|t| t.key == "mlflow.runName")
            .map(|t| t.value.clone());
        if let (Some(a), Some(b)) = (&new.run_name, &tag_name) {
            if a != b {
                return Err(StoreError::InvalidParameter(format!(
                    "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='{a}', mlflow.runName='{b}')."
                )));
            }
        }
        for t in &new.tags {
            validate::key(&t.key, "Tag")?;
        }
        let run_name = new.run_name.or(tag_name).unwrap_or_else(ids::new_run_name);
        let run_id = ids::new_run_id();
        let exp_dir = self.layout.experiment(&new.experiment_id);
        let dir = exp_dir.join(&run_id);
        let info = RunInfo {
            run_uuid: run_id.clone(),
            run_id: run_id.clone(),
            experiment_id: new.experiment_id.clone(),
            run_name: run_name.clone(),
            user_id: new.user_id,
            status: RunStatus::Running,
            start_time: new.start_time,
            end_time: None,
            artifact_uri: format!("{}/{run_id}/artifacts", exp.artifact_location),
            lifecycle_stage: LifecycleStage::Active,
            deleted_time: None,
        };
        // Build the run in the staging area (which no reader looks into) and move it into place, so
        // no reader ever sees a half-made run.
        let staging = Staging::new(&self.layout.root)?;
        let sdir = staging.path();
        for sub in ["metrics", "params", "artifacts", "tags"] {
            fs::create_dir_all(sdir.join(sub)).map_err(|e| StoreError::io(sdir.join(sub), e))?;
        }
        let mut tags = new.tags.clone();
        if !tags.iter().any(|t| t.key == "mlflow.runName") {
            tags.push(Tag::new("mlflow.runName", run_name));
        }
        for t in &tags {
            self.write_value(&Layout::tags(sdir), sdir, &t.key, &t.value)?;
        }
        self.write_run_meta(sdir, &info)?;
        staging.commit(&dir)?;
        self.get_run(&run_id)
    }

    fn get_run(&self, run_id: &str) -> Result<Run> {
        let dir = self.run_dir(run_id)?;
        self.read_run_dir(&dir)
    }

    fn update_run(
        &self,
        run_id: &str,
        status: RunStatus,
        end_time: Option<i64>,
    ) -> Result<RunInfo> {
        let (dir, _) = self.active_run_dir(run_id)?;
        if let Some(t) = end_time {
            validate::timestamp(t)?;
        }
        let _lock = lock_dir(&dir)?;
        let mut info = self.read_run_info(&dir)?;
        info.status = status;
        info.end_time = end_time;
        self.write_run_meta(&dir, &info)?;
        Ok(info)
    }

    fn list_runs(&self, experiment_ids: &[String], view: ViewType) -> Result<Listing<Run>> {
        let mut listing = Listing::default();
        for id in experiment_ids {
            let exp_dir = self.experiment_dir(id)?;
            for name in subdirs(&exp_dir)? {
                let dir = exp_dir.join(&name);
                if layout::EXPERIMENT_RESERVED.contains(&name.as_str())
                    || name.starts_with('.')
                    || !Layout::is_run_dir(&dir)
                {
                    continue;
                }
                match self.read_run_dir(&dir) {
                    Ok(r) if view.admits(r.info.lifecycle_stage) => listing.items.push(r),
                    Ok(_) => {}
                    Err(e) => listing.broken.push(e),
                }
            }
        }
        listing.items.sort_by(|a, b| {
            b.info
                .start_time
                .cmp(&a.info.start_time)
                .then(a.info.run_id.cmp(&b.info.run_id))
        });
        Ok(listing)
    }

    fn search_runs(&self, query: &RunQuery) -> Result<RunPage> {
        self.search_runs_impl(query)
    }

    fn metric_summary(&self, run_id: &str, key: &str) -> Result<Option<MetricSummary>> {
        let dir = self.run_dir(run_id)?;
        search::metric_summary(&dir, key)
    }

    fn delete_run(&self, run_id: &str) -> Result<()> {
        let (dir, _) = self.active_run_dir(run_id)?;
        let _lock = lock_dir(&dir)?;
        let mut info = self.read_run_info(&dir)?;
        info.lifecycle_stage = LifecycleStage::Deleted;
        info.deleted_time = Some(now_ms());
        self.write_run_meta(&dir, &info)
    }

    fn restore_run(&self, run_id: &str) -> Result<()> {
        let dir = self.run_dir(run_id)?;
        let _lock = lock_dir(&dir)?;
        let mut info = self.read_run_info(&dir)?;
        info.lifecycle_stage = LifecycleStage::Active;
        info.deleted_time = None;
        self.write_run_meta(&dir, &info)
    }

    fn log_batch(
        &self,
        run_id: &str,
        metrics_in: &[Metric],
        params: &[Param],
        tags: &[Tag],
    ) -> Result<()> {
        for (what, n, max) in [
            ("metrics", metrics_in.len(), validate::MAX_BATCH_METRICS),
            ("params", params.len(), validate::MAX_BATCH_PARAMS),
            ("tags", tags.len(), validate::MAX_BATCH_TAGS),
        ] {
            if n > max {
                return Err(StoreError::InvalidParameter(format!(
                    "A batch logging request can contain at most {max} {what}. Got {n} {what}. Please split up {what} across multiple requests and try again."
                )));
            }
        }
        // Validate everything before touching the store, so a bad entry changes nothing.
        let mut seen = HashSet::new();
        let mut dups = Vec::new();
        for p in params {
            validate::key(&p.key, "Param")?;
            if !self.truncate_long_values {
                validate::length_limit("Param value", &p.value, validate::MAX_PARAM_VALUE_LEN)?;
            }
            if !seen.insert(p.key.as_str()) {
                dups.push(p.key.clone());
            }
        }
        if !dups.is_empty() {
            return Err(StoreError::InvalidParameter(format!(
                "Duplicate parameter keys have been submitted: {dups:?}. Please ensure the request contains only one param value per param key."
            )));
        }
        for m in metrics_in {
            validate::key(&m.key, "Metric")?;
            validate::timestamp(m.timestamp)?;
        }
        for (i, t) in tags.iter().enumerate() {
            validate::key(&t.key, "Tag")?;
            if !self.truncate_long_values {
                let path = format!("tags[{i}].value");
                validate::length_limit(&path, &t.value, validate::MAX_TAG_VALUE_LEN)?;
            }
        }
        let (dir, _) = self.active_run_dir(run_id)?;
        let truncated = |kvs: &[KeyValue], max: usize| -> Vec<KeyValue> {
            kvs.iter()
                .map(|kv| {
                    KeyValue::new(
                        kv.key.clone(),
                        kv.value.chars().take(max).collect::<String>(),
                    )
                })
                .collect()
        };
        let params = truncated(params, validate::MAX_PARAM_VALUE_LEN);
        let tags = truncated(tags, validate::MAX_TAG_VALUE_LEN);
        let needs_lock = !params.is_empty() || tags.iter().any(|t| t.key == "mlflow.runName");
        let _lock = if needs_lock {
            Some(lock_dir(&dir)?)
        } else {
            None
        };
        let pdir = Layout::params(&dir);
        for p in &params {
            let path = Layout::value_file(&pdir, &p.key);
            if let Ok(old) = fs::read_to_string(&path) {
                if old != p.value {
                    return Err(StoreError::InvalidParameter(format!(
                        "Changing param values is not allowed. Param with key='{}' was already logged with value='{}' for run ID='{run_id}'. Attempted logging new value '{}'.",
                        p.key, old, p.value
                    )));
                }
            }
        }
        for p in &params {
            self.write_value(&pdir, &dir, &p.key, &p.value)?;
        }
        let mut by_key: BTreeMap<&str, String> = BTreeMap::new();
        for m in metrics_in {
            metrics::encode(m, by_key.entry(m.key.as_str()).or_default());
        }
        let mdir = Layout::metrics(&dir);
        for (key, lines) in by_key {
            append(&Layout::value_file(&mdir, key), lines.as_bytes())?;
        }
        let tdir = Layout::tags(&dir);
        for t in &tags {
            self.write_value(&tdir, &dir, &t.key, &t.value)?;
            if t.key == "mlflow.runName" {
                let mut info = self.read_run_info(&dir)?;
                info.run_name = t.value.clone();
                self.write_run_meta(&dir, &info)?;
            }
        }
        Ok(())
    }

    fn delete_tag(&self, run_id: &str, key: &str) -> Result<()> {
        validate::key(key, "Tag")?;
        let (dir, _) = self.active_run_dir(run_id)?;
        let path = Layout::value_file(&Layout::tags(&dir), key);
        if !path.is_file() {
            return Err(not_found(format!(
                "No tag with name: {key} in run with id {run_id}"
            )));
        }
        fs::remove_file(&path).map_err(|e| StoreError::io(&path, e))
    }

    fn metric_history(&self, run_id: &str, key: &str) -> Result<Vec<Metric>> {
        validate::key(key, "Metric")?;
        let dir = self.run_dir(run_id)?;
        let path = Layout::value_file(&Layout::metrics(&dir), key);
        if !path.is_file() {
            return Ok(vec![]);
        }
        read_metric_file(key, &path)
    }

    fn log_artifacts(
        &self,
        run_id: &str,
        sources: &[PathBuf],
        artifact_path: Option<&str>,
        progress: &dyn Fn(u64),
    ) -> Result<Vec<String>> {
        // MLflow's client writes artifacts to a deleted run too (only the run's records refuse).
        self.run_dir(run_id)?;
        let open = |create| self.artifact_root(run_id, create);
        artifacts::log(&open, run_id, sources, artifact_path, progress)
    }

    fn list_artifacts(&self, run_id: &str, path: Option<&str>) -> Result<Vec<FileInfo>> {
        artifacts::list(&|create| self.artifact_root(run_id, create), path)
    }

    fn download_artifacts(
        &self,
        run_id: &str,
        path: Option<&str>,
        dest: &Path,
        progress: &dyn Fn(u64),
    ) -> Result<Downloaded> {
        let open = |create| self.artifact_root(run_id, create);
        artifacts::download(&open, run_id, path, dest, progress)
    }

    fn artifact_manifest(&self, run_id: &str) -> Result<Vec<ArtifactEntry>> {
        artifacts::manifest(&|create| self.artifact_root(run_id, create))
    }

    fn artifact_size(&self, run_id: &str, path: Option<&str>) -> Result<u64> {
        artifacts::size(&|create| self.artifact_root(run_id, create), path)
    }

    fn gc(
        &self,
        older_than_ms: Option<i64>,
        run_ids: &[String],
        experiment_ids: &[String],
        now_ms: i64,
    ) -> Result<(Vec<String>, Vec<String>)> {
        let old_enough = |t: Option<i64>| match older_than_ms {
            None => true,
            Some(age) => t.is_some_and(|t| now_ms - t >= age),
        };
        let mut removed_runs = Vec::new();
        let mut removed_exps = Vec::new();
        for id in run_ids {
            let dir = self.run_dir(id)?;
            let info = self.read_run_info(&dir)?;
            if info.lifecycle_stage != LifecycleStage::Deleted {
                return Err(StoreError::InvalidParameter(format!(
                    "Run {id} is not in `deleted` lifecycle stage. Only runs in `deleted` lifecycle stage can be deleted."
                )));
            }
        }
        for id in experiment_ids {
            let exp = self.get_experiment(id)?;
            if exp.lifecycle_stage != LifecycleStage::Deleted {
                return Err(StoreError::InvalidParameter(format!(
                    "Experiment {id} is not in `deleted` lifecycle stage. Only experiments in `deleted` lifecycle stage can be deleted."
                )));
            }
        }
        // What killed writers left (staged folders, temp files), each only if no live writer
        // holds its lock.
        fsutil::reap(&self.layout.root, true)?;
        let target_runs = !run_ids.is_empty() || experiment_ids.is_empty();
        if target_runs {
            for exp_dir in self.all_experiment_dirs()? {
                for name in subdirs(&exp_dir)? {
                    let dir = exp_dir.join(&name);
                    if layout::EXPERIMENT_RESERVED.contains(&name.as_str())
                        || !Layout::is_run_dir(&dir)
                    {
                        continue;
                    }
                    if !run_ids.is_empty() && !run_ids.contains(&name) {
                        continue;
                    }
                    let Ok(info) = self.read_run_info(&dir) else {
                        continue;
                    };
                    if info.lifecycle_stage == LifecycleStage::Deleted
                        && old_enough(info.deleted_time)
                    {
                        fs::remove_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
                        removed_runs.push(name);
                    }
                }
            }
        }
        if run_ids.is_empty() {
            for name in subdirs(&self.layout.trash())? {
                if !experiment_ids.is_empty() && !experiment_ids.contains(&name) {
                    continue;
                }
                let dir = self.layout.trashed_experiment(&name);
                let Ok(exp) = self.read_experiment_dir(&dir) else {
                    continue;
                };
                if old_enough(exp.last_update_time) {
                    fs::remove_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
                    removed_exps.push(name);
                }
            }
        }
        Ok((removed_runs, removed_exps))
    }

    fn get_logged_model(&self, model_id: &str) -> Result<LoggedModel> {
        self.get_logged_model_impl(model_id)
    }

    fn find_logged_model(&self, run: &Run, name: &str) -> Result<Option<LoggedModel>> {
        self.find_logged_model_impl(run, name)
    }

    fn log_inputs(&self, run_id: &str, datasets: &[serde_json::Value]) -> Result<()> {
        let (dir, info) = self.active_run_dir(run_id)?;
        let exp_dir = self.experiment_dir(&info.experiment_id)?;
        let _lock = lock_dir(&dir)?;
        self.write_dataset_inputs(&exp_dir, &dir, run_id, datasets)
    }

    fn list_logged_models(&self, experiment_ids: &[String]) -> Result<Vec<LoggedModel>> {
        self.list_logged_models_impl(experiment_ids)
    }

    fn create_logged_model_record(&self, run: &Run, name: &str) -> Result<LoggedModel> {
        self.create_logged_model_record_impl(run, name)
    }

    fn finalize_logged_model(&self, model_id: &str, status: i64) -> Result<LoggedModel> {
        self.finalize_logged_model_impl(model_id, status)
    }

    fn create_logged_model(
        &self,
        run: &Run,
        name: &str,
        fill: &dyn Fn(&ModelDraft) -> Result<()>,
    ) -> Result<LoggedModel> {
        self.create_logged_model_impl(run, name, fill)
    }

    fn update_logged_model_tag(
        &self,
        model_id: &str,
        key: &str,
        update: &dyn Fn(Option<&str>) -> Option<String>,
    ) -> Result<()> {
        self.update_logged_model_tag_impl(model_id, key, update)
    }

    fn model_files(&self, uri: &str, _dest: &Path, _progress: &dyn Fn(u64)) -> Result<ModelFiles> {
        logged::model_files_in_place(uri)
    }

    fn run_model_files(
        &self,
        run: &Run,
        path: &str,
        _dest: &Path,
        _progress: &dyn Fn(u64),
    ) -> Result<Option<ModelFiles>> {
        logged::run_model_files_in_place(run, path)
    }

    fn local_model_source(&self, path: &Path) -> Result<String> {
        logged::local_model_source_path(path)
    }
}

/// A run's outputs in MLflow's REST `RunOutputs` shape: `{"model_outputs": [{"model_id", "step"}]}`
/// from `<run>/outputs/<model_id>/meta.yaml`, empty (`{}`) when the run logged no model, as
/// MLflow's `_get_all_outputs`. Records that are not model outputs are skipped, as MLflow does;
/// a damaged record names its file.
fn read_outputs(run_dir: &Path) -> Result<serde_json::Map<String, serde_json::Value>> {
    let root = Layout::run_outputs(run_dir);
    let mut out = serde_json::Map::new();
    if !root.is_dir() {
        return Ok(out);
    }
    let mut models = Vec::new();
    for name in subdirs(&root)? {
        let path = Layout::meta(&root.join(&name));
        let m = meta::read_mapping(&path)?;
        if meta::get_string(&m, "destination_type").as_deref() != Some("MODEL_OUTPUT") {
            continue;
        }
        let (Some(model_id), Some(step)) = (
            meta::get_string(&m, "destination_id"),
            meta::get_int(&m, "step"),
        ) else {
            return Err(StoreError::InvalidState {
                path,
                message: "a model output record needs destination_id and step".into(),
            });
        };
        models.push(serde_json::json!({ "model_id": model_id, "step": step }));
    }
    if !models.is_empty() {
        out.insert("model_outputs".into(), serde_json::Value::Array(models));
    }
    Ok(out)
}
