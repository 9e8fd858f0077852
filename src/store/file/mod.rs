//! `FileStore`: MLflow's file store over an `mlruns/` folder (spec §1). Invariants: meta files are
//! replaced atomically, metric points are appended as whole lines, and every read-modify-write step
//! holds the lock of the folder it changes.
pub mod fsutil;
pub mod layout;
pub mod meta;
pub mod metrics;
mod search;

use crate::entities::*;
use crate::ids;
use crate::store::{
    local_path_from_uri, Listing, NewRun, Result, RunPage, RunQuery, StoreError, TrackingStore,
};
use crate::validate;
use fsutil::{append, atomic_write, atomic_write_in, files_under, lock_dir, read_values};
use layout::Layout;
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

pub struct FileStore {
    layout: Layout,
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn not_found(msg: String) -> StoreError {
    StoreError::NotFound(msg)
}

fn subdirs(dir: &Path) -> Result<Vec<String>> {
    let rd = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(StoreError::io(dir, e)),
    };
    let mut out = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| StoreError::io(dir, e))?;
        if entry.file_type().map(|t| t.is_dir()).unwrap_or(false) {
            out.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    Ok(out)
}

fn read_metric_file(key: &str, path: &Path) -> Result<Vec<Metric>> {
    let file = fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    metrics::decode_all(key, file).map_err(|e| metrics::read_error(key, path, e))
}

/// SHA-256 and size of one file, read in blocks.
fn sha256_file(path: &Path) -> Result<(String, u64)> {
    use sha2::{Digest, Sha256};
    let mut f = fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = std::io::Read::read(&mut f, &mut buf).map_err(|e| StoreError::io(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    let hex = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((hex, size))
}

/// A relative artifact path that stays inside the artifact root.
fn safe_rel(path: &str) -> Result<PathBuf> {
    let p = path.trim_end_matches('/');
    if p.is_empty() || p == "." {
        return Ok(PathBuf::new());
    }
    let bad = || StoreError::InvalidParameter(format!("Invalid artifact path: '{path}'"));
    if p.starts_with('/') || p.contains('\0') || p.contains('\\') {
        return Err(bad());
    }
    let mut out = PathBuf::new();
    for comp in p.split('/') {
        match comp {
            "" | "." => {}
            ".." => return Err(bad()),
            c => out.push(c),
        }
    }
    Ok(out)
}

fn copy_tree(src: &Path, dest: &Path, progress: &dyn Fn(u64)) -> Result<()> {
    let meta = fs::symlink_metadata(src).map_err(|e| StoreError::io(src, e))?;
    if meta.is_dir() {
        fs::create_dir_all(dest).map_err(|e| StoreError::io(dest, e))?;
        for entry in fs::read_dir(src).map_err(|e| StoreError::io(src, e))? {
            let entry = entry.map_err(|e| StoreError::io(src, e))?;
            copy_tree(&entry.path(), &dest.join(entry.file_name()), progress)?;
        }
    } else if meta.is_file() {
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent).map_err(|e| StoreError::io(parent, e))?;
        }
        let n = fs::copy(src, dest).map_err(|e| StoreError::io(src, e))?;
        progress(n);
    }
    // Symlinks and special files are skipped: they could point outside the store.
    Ok(())
}

/// Total bytes of regular files under `p` (symlinks are not followed).
pub fn tree_size(p: &Path) -> u64 {
    match fs::symlink_metadata(p) {
        Ok(m) if m.is_file() => m.len(),
        Ok(m) if m.is_dir() => fs::read_dir(p)
            .map(|rd| rd.flatten().map(|e| tree_size(&e.path())).sum())
            .unwrap_or(0),
        _ => 0,
    }
}

impl FileStore {
    /// Opens (creating when missing, as MLflow does: the root, experiment `0` and `.trash`).
    pub fn open(root: impl Into<PathBuf>) -> Result<Self> {
        let mut root: PathBuf = root.into();
        if root.is_relative() {
            let cwd = std::env::current_dir().map_err(|e| StoreError::io(".", e))?;
            root = cwd.join(root);
        }
        let store = Self {
            layout: Layout { root },
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

    fn write_new_experiment(
        &self,
        id: &str,
        name: &str,
        artifact_location: Option<String>,
        tags: &[Tag],
        now: i64,
    ) -> Result<()> {
        let dir = self.layout.experiment(id);
        fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
        let exp = Experiment {
            experiment_id: id.to_string(),
            name: name.to_string(),
            artifact_location: artifact_location
                .unwrap_or_else(|| format!("{}/{id}", self.layout.artifact_root_uri())),
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
        )
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

    fn read_run_dir(&self, dir: &Path) -> Result<Run> {
        let info = self.read_run_info(dir)?;
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
            outputs: Default::default(),
        })
    }

    fn active_run_dir(&self, run_id: &str) -> Result<(PathBuf, RunInfo)> {
        let dir = self.run_dir(run_id)?;
        let info = self.read_run_info(&dir)?;
        if info.lifecycle_stage != LifecycleStage::Active {
            return Err(StoreError::InvalidParameter(format!(
                "The run {run_id} must be in the 'active' state. Current state is deleted."
            )));
        }
        Ok((dir, info))
    }

    fn write_run_meta(&self, dir: &Path, info: &RunInfo) -> Result<()> {
        atomic_write(&Layout::meta(dir), meta::run_yaml(info).as_bytes())
    }

    fn artifact_dir(&self, run_id: &str) -> Result<PathBuf> {
        let dir = self.run_dir(run_id)?;
        let info = self.read_run_info(&dir)?;
        local_path_from_uri(&info.artifact_uri)
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

    fn delete_experiment(&self, experiment_id: &str) -> Result<()> {
        if experiment_id == "0" {
            return Err(StoreError::InvalidParameter(
                "Cannot delete the default experiment '0'. This is an internally reserved experiment.".into(),
            ));
        }
        let _lock = lock_dir(&self.layout.root)?;
        let dir = self.experiment_dir(experiment_id)?;
        let mut exp = self.read_experiment_dir(&dir)?;
        if exp.lifecycle_stage == LifecycleStage::Deleted {
            return Err(StoreError::InvalidParameter(format!(
                "Experiment '{experiment_id}' is already deleted."
            )));
        }
        let now = now_ms();
        for name in subdirs(&dir)? {
            let rdir = dir.join(&name);
            if layout::EXPERIMENT_RESERVED.contains(&name.as_str()) || !Layout::is_run_dir(&rdir) {
                continue;
            }
            let _rl = lock_dir(&rdir)?;
            let mut info = self.read_run_info(&rdir)?;
            if info.lifecycle_stage == LifecycleStage::Active {
                info.lifecycle_stage = LifecycleStage::Deleted;
                info.deleted_time = Some(now);
                self.write_run_meta(&rdir, &info)?;
            }
        }
        exp.lifecycle_stage = LifecycleStage::Deleted;
        exp.last_update_time = Some(now);
        atomic_write(
            &Layout::meta(&dir),
            meta::experiment_yaml(&exp, true).as_bytes(),
        )?;
        let target = self.layout.trashed_experiment(experiment_id);
        fs::rename(&dir, &target).map_err(|e| StoreError::io(&target, e))
    }

    fn restore_experiment(&self, experiment_id: &str) -> Result<()> {
        let _lock = lock_dir(&self.layout.root)?;
        validate::experiment_id(experiment_id)?;
        let trashed = self.layout.trashed_experiment(experiment_id);
        if !Layout::meta(&trashed).is_file() {
            self.experiment_dir(experiment_id)?;
            return Err(StoreError::InvalidParameter(format!(
                "Cannot restore an active experiment '{experiment_id}'."
            )));
        }
        let active = self.layout.experiment(experiment_id);
        if active.exists() {
            return Err(StoreError::AlreadyExists(format!(
                "Cannot restore experiment with ID {experiment_id}. An experiment with same ID already exists."
            )));
        }
        fs::rename(&trashed, &active).map_err(|e| StoreError::io(&active, e))?;
        let mut exp = self.read_experiment_dir(&active)?;
        exp.lifecycle_stage = LifecycleStage::Active;
        exp.last_update_time = Some(now_ms());
        atomic_write(
            &Layout::meta(&active),
            meta::experiment_yaml(&exp, true).as_bytes(),
        )?;
        for name in subdirs(&active)? {
            let rdir = active.join(&name);
            if layout::EXPERIMENT_RESERVED.contains(&name.as_str()) || !Layout::is_run_dir(&rdir) {
                continue;
            }
            let _rl = lock_dir(&rdir)?;
            let mut info = self.read_run_info(&rdir)?;
            if info.lifecycle_stage == LifecycleStage::Deleted {
                info.lifecycle_stage = LifecycleStage::Active;
                info.deleted_time = None;
                self.write_run_meta(&rdir, &info)?;
            }
        }
        Ok(())
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
                "The experiment {experiment_id} must be in the 'active' state."
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
        // Build the run in a hidden staging folder and move it into place, so no reader ever sees a
        // half-made run.
        let staging = tempfile::Builder::new()
            .prefix(".mlrun-new-")
            .tempdir_in(&exp_dir)
            .map_err(|e| StoreError::io(&exp_dir, e))?;
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
        let staged = staging.keep();
        fs::rename(&staged, &dir).map_err(|e| StoreError::io(&dir, e))?;
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
        for t in tags {
            validate::key(&t.key, "Tag")?;
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
    ) -> Result<()> {
        let (_, _) = self.active_run_dir(run_id)?;
        let rel = safe_rel(artifact_path.unwrap_or(""))?;
        for src in sources {
            if !src.exists() {
                return Err(StoreError::InvalidParameter(format!(
                    "No such file or folder: '{}'",
                    src.display()
                )));
            }
        }
        let dest_root = self.artifact_dir(run_id)?.join(rel);
        for src in sources {
            if src.is_dir() {
                copy_tree(src, &dest_root, progress)?;
            } else {
                let name = src.file_name().ok_or_else(|| {
                    StoreError::InvalidParameter(format!("Not a file: '{}'", src.display()))
                })?;
                copy_tree(src, &dest_root.join(name), progress)?;
            }
        }
        Ok(())
    }

    fn list_artifacts(&self, run_id: &str, path: Option<&str>) -> Result<Vec<FileInfo>> {
        let rel = safe_rel(path.unwrap_or(""))?;
        let root = self.artifact_dir(run_id)?;
        let dir = root.join(&rel);
        if !dir.is_dir() {
            return Ok(vec![]);
        }
        let mut out = Vec::new();
        for entry in fs::read_dir(&dir).map_err(|e| StoreError::io(&dir, e))? {
            let entry = entry.map_err(|e| StoreError::io(&dir, e))?;
            let meta =
                fs::symlink_metadata(entry.path()).map_err(|e| StoreError::io(entry.path(), e))?;
            let rel_path = rel.join(entry.file_name());
            let path = rel_path.to_string_lossy().replace('\\', "/");
            if meta.is_dir() {
                out.push(FileInfo {
                    path,
                    is_dir: true,
                    file_size: None,
                });
            } else if meta.is_file() {
                out.push(FileInfo {
                    path,
                    is_dir: false,
                    file_size: Some(meta.len()),
                });
            }
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    fn download_artifacts(
        &self,
        run_id: &str,
        path: Option<&str>,
        dest: &Path,
        progress: &dyn Fn(u64),
    ) -> Result<PathBuf> {
        let rel = safe_rel(path.unwrap_or(""))?;
        let src = self.artifact_dir(run_id)?.join(&rel);
        if !src.exists() {
            return Err(not_found(format!(
                "No artifact at '{}' in run {run_id}",
                path.unwrap_or("")
            )));
        }
        let target = match rel.file_name() {
            Some(name) => dest.join(name),
            None => dest.to_path_buf(),
        };
        copy_tree(&src, &target, progress)?;
        Ok(target)
    }

    fn artifact_manifest(&self, run_id: &str) -> Result<Vec<ArtifactEntry>> {
        let root = self.artifact_dir(run_id)?;
        let mut out = files_under(&root)?
            .into_iter()
            .map(|(path, file)| {
                let (sha256, size) = sha256_file(&file)?;
                Ok(ArtifactEntry { path, size, sha256 })
            })
            .collect::<Result<Vec<_>>>()?;
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    fn artifact_size(&self, run_id: &str, path: Option<&str>) -> Result<u64> {
        let rel = safe_rel(path.unwrap_or(""))?;
        Ok(tree_size(&self.artifact_dir(run_id)?.join(rel)))
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
}
