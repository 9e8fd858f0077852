//! `sync`: copies experiments and runs from one tracking store to another (folder or server, in any
//! direction) through the store traits only. Each destination run carries the tag
//! [`SYNC_TAG`] = `<source>#<source run id>` from the moment it is created, and everything else is a
//! diff against what the destination already holds, so a second sync writes nothing, a run that
//! gained points gets only those, and an interrupted sync picks up where it stopped.
use crate::entities::*;
use crate::registry::{ModelRegistry, ModelVersion, NewVersion, Stage};
use crate::store::{NewRun, Result, StoreError, TrackingStore};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The tag recording where a synced run came from: `<source label>#<source run id>`.
pub const SYNC_TAG: &str = "mlrun.sync.source";
const PARENT_TAG: &str = "mlflow.parentRunId";
/// The source run's dataset inputs (REST `DatasetInput`s) whose (name, digest) the destination run
/// lacks. An empty schema or profile is left out: stores read a missing one as "", and MLflow's
/// client must read the copy's as it reads the source's (None).
fn missing_dataset_inputs(src: &Run, dst: Option<&Run>) -> Vec<serde_json::Value> {
    let have: HashSet<(String, String)> = dst
        .map(|d| {
            d.dataset_inputs()
                .into_iter()
                .map(|i| (i.dataset.name, i.dataset.digest))
                .collect()
        })
        .unwrap_or_default();
    let Some(list) = src.inputs.get("dataset_inputs").and_then(|d| d.as_array()) else {
        return Vec::new();
    };
    let mut seen = HashSet::new();
    list.iter()
        .filter_map(|input| {
            let ds = input.get("dataset")?.as_object()?;
            let key = (
                ds.get("name")?.as_str()?.to_string(),
                ds.get("digest")?.as_str()?.to_string(),
            );
            if have.contains(&key) || !seen.insert(key) {
                return None;
            }
            let mut ds = ds.clone();
            ds.retain(|k, v| !(matches!(k.as_str(), "schema" | "profile") && v == ""));
            let tags = input
                .get("tags")
                .cloned()
                .unwrap_or_else(|| serde_json::json!([]));
            Some(serde_json::json!({"dataset": ds, "tags": tags}))
        })
        .collect()
}

/// Points per write: MLflow's batch limit.
const POINTS_PER_BATCH: usize = crate::validate::MAX_BATCH_METRICS;

#[derive(Debug, Clone, Default)]
pub struct SyncOptions {
    /// Experiment names to copy; empty means every active experiment.
    pub experiments: Vec<String>,
    /// Work out what would be copied, and write nothing.
    pub dry_run: bool,
    /// Names the source in [`SYNC_TAG`] (a URL without credentials, or an absolute path).
    pub source_label: String,
}

/// What happened (or, in a dry run, would happen) to one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunChanges {
    pub created: bool,
    pub params: usize,
    pub tags: usize,
    pub points: usize,
    pub artifact_files: usize,
    pub artifact_bytes: u64,
    /// Dataset inputs the destination run lacked.
    pub datasets: usize,
    /// Status, end time or lifecycle changed.
    pub info: bool,
}

impl RunChanges {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// A run that could not be copied, with why.
#[derive(Debug)]
pub struct RunFailure {
    pub experiment: String,
    pub run_id: String,
    pub run_name: String,
    pub error: StoreError,
}

#[derive(Debug, Default)]
pub struct SyncReport {
    pub experiments_created: usize,
    pub runs_seen: usize,
    pub runs_created: usize,
    pub runs_updated: usize,
    pub runs_unchanged: usize,
    pub params: usize,
    pub tags: usize,
    pub points: usize,
    pub artifact_files: usize,
    pub artifact_bytes: u64,
    pub datasets: usize,
    pub failed: Vec<RunFailure>,
    /// Source run id → destination run id, for every run matched or created (remaps model sources);
    /// "" for a run that failed, or that a dry run would create.
    pub run_map: HashMap<String, String>,
    pub models_created: usize,
    pub model_versions_created: usize,
    /// Descriptions, tags, stages and aliases set on models and versions that already existed.
    pub model_changes: usize,
    /// Versions whose files could not be carried over (their source is copied as it was).
    pub model_warnings: Vec<String>,
}

/// Progress, for a bar: the total once known, then one call per run finished.
pub enum SyncEvent<'a> {
    Total(usize),
    RunDone { name: &'a str },
}

/// The source run id a destination run's [`SYNC_TAG`] names.
fn origin_of(run: &Run) -> Option<&str> {
    run.tag(SYNC_TAG)
        .and_then(|v| v.rsplit_once('#'))
        .map(|(_, id)| id)
}

/// Metric points compared by value, with every NaN equal and -0 equal to 0. MLflow's SQL store keeps
/// ±inf as ±f64::MAX, so those compare equal too (else every sync to a server would resend them).
fn point_key(m: &Metric) -> (i64, i64, u64) {
    let bits = if m.value.is_nan() {
        f64::NAN.to_bits()
    } else if m.value == 0.0 {
        0
    } else if m.value.is_infinite() {
        f64::MAX.copysign(m.value).to_bits()
    } else {
        m.value.to_bits()
    };
    (m.timestamp, m.step, bits)
}

/// Files under an artifact path, recursively, with their sizes.
fn artifact_files(store: &dyn TrackingStore, run_id: &str) -> Result<Vec<FileInfo>> {
    fn walk(
        store: &dyn TrackingStore,
        run_id: &str,
        path: Option<&str>,
        out: &mut Vec<FileInfo>,
    ) -> Result<()> {
        for f in store.list_artifacts(run_id, path)? {
            if f.is_dir {
                walk(store, run_id, Some(&f.path), out)?;
            } else {
                out.push(f);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(store, run_id, None, &mut out)?;
    Ok(out)
}

/// One experiment's work: its name, the destination experiment id (None in a dry run that would
/// create it), the source runs, and source run id → its existing destination copy.
type ExperimentWork = (String, Option<String>, Vec<Run>, HashMap<String, Run>);

struct Ctx<'a> {
    src: &'a dyn TrackingStore,
    dst: &'a dyn TrackingStore,
    opts: &'a SyncOptions,
    /// Source run id → destination run id, for remapping parent links.
    ids: HashMap<String, String>,
    /// Source runs whose copy this sync created.
    created: HashSet<String>,
}

pub fn sync(
    src: &dyn TrackingStore,
    dst: &dyn TrackingStore,
    opts: &SyncOptions,
    progress: &dyn Fn(SyncEvent),
) -> Result<SyncReport> {
    let mut report = SyncReport::default();
    let listing = src.list_experiments(ViewType::ActiveOnly)?;
    let mut experiments = listing.items;
    if !opts.experiments.is_empty() {
        for name in &opts.experiments {
            if !experiments.iter().any(|e| &e.name == name) {
                return Err(StoreError::NotFound(format!(
                    "No active experiment named '{name}' in the source"
                )));
            }
        }
        experiments.retain(|e| opts.experiments.contains(&e.name));
    }
    let mut cx = Ctx {
        src,
        dst,
        opts,
        ids: HashMap::new(),
        created: HashSet::new(),
    };

    // Pass 1: every destination experiment and run exists (or is planned), so parent links can be
    // remapped whatever order the runs come in.
    let mut work: Vec<ExperimentWork> = Vec::new();
    for exp in &experiments {
        let runs = src.list_runs(std::slice::from_ref(&exp.experiment_id), ViewType::All)?;
        for b in runs.broken {
            report.failed.push(RunFailure {
                experiment: exp.name.clone(),
                run_id: String::new(),
                run_name: String::new(),
                error: b,
            });
        }
        let (dst_exp, created) = cx.ensure_experiment(exp)?;
        if created {
            report.experiments_created += 1;
        }
        let mut existing: HashMap<String, Run> = HashMap::new();
        if let Some(id) = &dst_exp {
            let dst_runs = dst.list_runs(std::slice::from_ref(id), ViewType::All)?;
            // Index by origin and by own id, so a run that went folder → server → folder maps back
            // onto itself instead of being copied again.
            let mut by_origin: HashMap<String, Run> = HashMap::new();
            let mut by_id: HashMap<String, Run> = HashMap::new();
            for r in dst_runs.items {
                if let Some(o) = origin_of(&r) {
                    by_origin.entry(o.to_string()).or_insert_with(|| r.clone());
                }
                by_id.insert(r.info.run_id.clone(), r);
            }
            for r in &runs.items {
                let own = &r.info.run_id;
                let origin = origin_of(r);
                let found = by_origin
                    .get(own)
                    .or_else(|| origin.and_then(|o| by_id.get(o)))
                    .or_else(|| origin.and_then(|o| by_origin.get(o)));
                if let Some(d) = found {
                    existing.insert(own.clone(), d.clone());
                }
            }
        }
        work.push((exp.name.clone(), dst_exp, runs.items, existing));
    }
    let total: usize = work.iter().map(|w| w.2.len()).sum();
    progress(SyncEvent::Total(total));
    report.runs_seen = total;

    for (exp_name, dst_exp, runs, existing) in &mut work {
        for r in runs.iter() {
            match existing.get(&r.info.run_id) {
                Some(d) => {
                    cx.ids.insert(r.info.run_id.clone(), d.info.run_id.clone());
                }
                None if opts.dry_run => {}
                None => {
                    let Some(exp_id) = dst_exp.as_deref() else {
                        continue;
                    };
                    match cx.create_run(exp_id, r) {
                        Ok(d) => {
                            cx.ids.insert(r.info.run_id.clone(), d.info.run_id.clone());
                            cx.created.insert(r.info.run_id.clone());
                            existing.insert(r.info.run_id.clone(), d);
                            report.runs_created += 1;
                        }
                        Err(error) => report.failed.push(RunFailure {
                            experiment: exp_name.clone(),
                            run_id: r.info.run_id.clone(),
                            run_name: r.info.run_name.clone(),
                            error,
                        }),
                    }
                }
            }
        }
    }

    // Pass 2: the contents, as a diff per run.
    for (exp_name, _, runs, existing) in &work {
        for r in runs {
            let failed_before = report
                .failed
                .iter()
                .any(|f| f.run_id == r.info.run_id && !f.run_id.is_empty());
            if !failed_before {
                let dst_run = existing.get(&r.info.run_id);
                match cx.copy_run(r, dst_run) {
                    Ok(mut ch) => {
                        ch.created = cx.created.contains(&r.info.run_id) || dst_run.is_none();
                        report.params += ch.params;
                        report.tags += ch.tags;
                        report.points += ch.points;
                        report.artifact_files += ch.artifact_files;
                        report.artifact_bytes += ch.artifact_bytes;
                        report.datasets += ch.datasets;
                        if dst_run.is_none() && opts.dry_run {
                            report.runs_created += 1;
                        } else if !ch.created {
                            if ch.is_empty() {
                                report.runs_unchanged += 1;
                            } else {
                                report.runs_updated += 1;
                            }
                        }
                    }
                    Err(error) => report.failed.push(RunFailure {
                        experiment: exp_name.clone(),
                        run_id: r.info.run_id.clone(),
                        run_name: r.info.run_name.clone(),
                        error,
                    }),
                }
            }
            progress(SyncEvent::RunDone {
                name: &r.info.run_name,
            });
        }
    }
    // A dry run creates nothing: runs it would create map to "" (enough to pick their models).
    for (_, _, runs, _) in &work {
        for r in runs {
            cx.ids.entry(r.info.run_id.clone()).or_default();
        }
    }
    report.run_map = cx.ids;
    Ok(report)
}

impl Ctx<'_> {
    /// The destination experiment of the same name (created unless dry), and whether it was created.
    fn ensure_experiment(&self, exp: &Experiment) -> Result<(Option<String>, bool)> {
        let found = self.dst.get_experiment_by_name(&exp.name)?;
        let (id, created) = match found {
            Some(d) if d.lifecycle_stage == LifecycleStage::Deleted => {
                return Err(StoreError::InvalidParameter(format!(
                    "experiment '{}' is deleted in the destination; restore it (or rename it) and sync again",
                    exp.name
                )))
            }
            Some(d) => (d.experiment_id, false),
            None if self.opts.dry_run => return Ok((None, true)),
            None => match self.dst.create_experiment(&exp.name, None, &[]) {
                Ok(id) => (id, true),
                // Created by an earlier attempt whose answer was lost.
                Err(StoreError::AlreadyExists(_)) => match self.dst.get_experiment_by_name(&exp.name)? {
                    Some(d) => (d.experiment_id, false),
                    None => return Err(StoreError::NotFound(exp.name.clone())),
                },
                Err(e) => return Err(e),
            },
        };
        if !self.opts.dry_run {
            let have = self.dst.get_experiment(&id)?;
            for t in &exp.tags {
                if have.tags.iter().all(|h| h != t) {
                    self.dst.set_experiment_tag(&id, t)?;
                }
            }
        }
        Ok((Some(id), created))
    }

    fn create_run(&self, exp_id: &str, r: &Run) -> Result<Run> {
        let label = format!("{}#{}", self.opts.source_label, r.info.run_id);
        self.dst.create_run(NewRun {
            experiment_id: exp_id.to_string(),
            user_id: r.info.user_id.clone(),
            start_time: r.info.start_time,
            // An empty name stays empty in a folder; a server picks a random one instead.
            run_name: Some(r.info.run_name.clone()),
            tags: vec![Tag::new(SYNC_TAG, label)],
        })
    }

    /// Brings one destination run level with its source; `dst` is None when it does not exist yet
    /// (dry runs only).
    fn copy_run(&self, src: &Run, dst: Option<&Run>) -> Result<RunChanges> {
        let mut ch = RunChanges::default();
        let dry = self.opts.dry_run;
        // Re-read the destination: pass 1 may have created it, and a long sync goes stale.
        let dst = match dst {
            Some(d) => Some(self.dst.get_run(&d.info.run_id)?),
            None => None,
        };
        let empty = RunData::default();
        let have = dst.as_ref().map(|d| &d.data).unwrap_or(&empty);

        // Params: missing ones; a different value is a conflict MLflow would refuse anyway.
        let mut params = Vec::new();
        for p in &src.data.params {
            match have.params.iter().find(|h| h.key == p.key) {
                Some(h) if h.value == p.value => {}
                Some(h) => {
                    return Err(StoreError::InvalidParameter(format!(
                        "param '{}' is '{}' in the source but '{}' in the destination run {}",
                        p.key,
                        p.value,
                        h.value,
                        dst.as_ref().map(|d| d.info.run_id.as_str()).unwrap_or("")
                    )))
                }
                None => params.push(p.clone()),
            }
        }
        // Tags: the source's own sync record is replaced by ours; parent links point at the copies.
        let mut tags = Vec::new();
        for t in &src.data.tags {
            // An empty run name cannot be set on a server (it keeps the name it chose): not a diff.
            if t.key == SYNC_TAG || (t.key == "mlflow.runName" && t.value.is_empty()) {
                continue;
            }
            let mut t = t.clone();
            if t.key == PARENT_TAG {
                if let Some(mapped) = self.ids.get(&t.value) {
                    t.value = mapped.clone();
                }
            }
            if have.tags.iter().all(|h| *h != t) {
                tags.push(t);
            }
        }
        // Metric points the destination lacks, key by key.
        let mut points = Vec::new();
        for latest in &src.data.metrics {
            let history = self.src.metric_history(&src.info.run_id, &latest.key)?;
            let known: HashSet<(i64, i64, u64)> = match &dst {
                Some(d) if have.metrics.iter().any(|m| m.key == latest.key) => self
                    .dst
                    .metric_history(&d.info.run_id, &latest.key)?
                    .iter()
                    .map(point_key)
                    .collect(),
                _ => HashSet::new(),
            };
            points.extend(
                history
                    .into_iter()
                    .filter(|m| !known.contains(&point_key(m))),
            );
        }
        // Artifacts: files missing in the destination or of another size.
        let src_files = artifact_files(self.src, &src.info.run_id)?;
        let dst_files: HashMap<String, Option<u64>> = match &dst {
            Some(d) => artifact_files(self.dst, &d.info.run_id)?
                .into_iter()
                .map(|f| (f.path, f.file_size))
                .collect(),
            None => HashMap::new(),
        };
        let files: Vec<&FileInfo> = src_files
            .iter()
            .filter(|f| dst_files.get(&f.path) != Some(&f.file_size))
            .collect();
        // Dataset inputs the destination lacks, by (name, digest) as MLflow keys them.
        let datasets = missing_dataset_inputs(src, dst.as_ref());
        // Status, end time and lifecycle, applied last so an unfinished copy never looks finished.
        let info_differs = dst.as_ref().is_none_or(|d| {
            d.info.status != src.info.status || d.info.end_time != src.info.end_time
        });
        let stage_differs = dst
            .as_ref()
            .is_none_or(|d| d.info.lifecycle_stage != src.info.lifecycle_stage);

        ch.params = params.len();
        ch.tags = tags.len();
        ch.points = points.len();
        ch.artifact_files = files.len();
        ch.artifact_bytes = files.iter().filter_map(|f| f.file_size).sum();
        ch.datasets = datasets.len();
        ch.info = info_differs || stage_differs;
        if dry || ch.is_empty() {
            return Ok(ch);
        }
        let Some(dst) = dst else { return Ok(ch) };
        let id = dst.info.run_id.as_str();
        let content = !params.is_empty()
            || !tags.is_empty()
            || !points.is_empty()
            || !files.is_empty()
            || !datasets.is_empty();
        // Stores only write to active runs: bring a deleted copy back while it is filled in.
        if content && dst.info.lifecycle_stage == LifecycleStage::Deleted {
            self.dst.restore_run(id)?;
        }
        for chunk in params.chunks(crate::validate::MAX_BATCH_PARAMS) {
            self.dst.log_batch(id, &[], chunk, &[])?;
        }
        for chunk in points.chunks(POINTS_PER_BATCH) {
            self.dst.log_batch(id, chunk, &[], &[])?;
        }
        for chunk in tags.chunks(crate::validate::MAX_BATCH_TAGS) {
            self.dst.log_batch(id, &[], &[], chunk)?;
        }
        if !datasets.is_empty() {
            self.dst.log_inputs(id, &datasets)?;
        }
        if !files.is_empty() {
            let tmp = tempfile::tempdir().map_err(|e| StoreError::io(std::env::temp_dir(), e))?;
            for f in files {
                self.copy_artifact(&src.info.run_id, id, &f.path, tmp.path())?;
            }
        }
        if info_differs {
            self.dst
                .update_run(id, src.info.status, src.info.end_time)?;
        }
        let active_now = dst.info.lifecycle_stage == LifecycleStage::Active || content;
        match src.info.lifecycle_stage {
            LifecycleStage::Deleted if active_now => self.dst.delete_run(id)?,
            LifecycleStage::Active if !active_now => self.dst.restore_run(id)?,
            _ => {}
        }
        Ok(ch)
    }

    /// One artifact file through a local temp folder (streamed on both sides).
    fn copy_artifact(&self, src_run: &str, dst_run: &str, path: &str, tmp: &Path) -> Result<()> {
        let local = self
            .src
            .download_artifacts(src_run, Some(path), tmp, &|_| {})?
            .path;
        let parent = path.rsplit_once('/').map(|(p, _)| p);
        let r = self
            .dst
            .log_artifacts(dst_run, std::slice::from_ref(&local), parent, &|_| {})
            .map(drop);
        let _ = std::fs::remove_file(&local);
        r
    }
}

/// Copies registered models after [`sync`] copied the runs (`report.run_map` maps their ids):
/// names, descriptions, tags, and versions in order with their tags, descriptions, stages and
/// aliases. Each destination version carries [`SYNC_TAG`] = `<source>#<name>/<version>`, so a second
/// sync creates none. A version whose files are a synced run's artifacts gets the copied run's
/// artifact URI as its source; one whose files are another folder of the source store (an MLflow 3
/// logged model) has them copied into the copied run's artifacts under `registered-models/…`.
/// With `--experiment`, only models with a version from a synced run are copied.
pub fn sync_models(
    src: &dyn TrackingStore,
    dst: &dyn TrackingStore,
    src_reg: &dyn ModelRegistry,
    dst_reg: &dyn ModelRegistry,
    opts: &SyncOptions,
    report: &mut SyncReport,
) -> Result<()> {
    let dry = opts.dry_run;
    for listed in src_reg.list_registered_models()?.items {
        let name = listed.name.clone();
        let rm = src_reg.get_registered_model(&name)?;
        let mut versions = src_reg.list_model_versions(Some(&name))?.items;
        versions.sort_by_key(|v| v.version);
        if !opts.experiments.is_empty()
            && !versions.iter().any(|v| {
                v.run_id
                    .as_deref()
                    .is_some_and(|r| report.run_map.contains_key(r))
            })
        {
            continue;
        }
        // The registered model: created, or its description and tags brought level.
        let existing = match dst_reg.get_registered_model(&name) {
            Ok(d) => Some(d),
            Err(StoreError::NotFound(_)) => None,
            Err(e) => return Err(e),
        };
        match &existing {
            None => {
                report.models_created += 1;
                if !dry {
                    dst_reg.create_registered_model(&name, &rm.tags, rm.description.as_deref())?;
                }
            }
            Some(d) => {
                if d.description != rm.description {
                    report.model_changes += 1;
                    if !dry {
                        dst_reg.update_registered_model(&name, rm.description.as_deref())?;
                    }
                }
                for t in &rm.tags {
                    if d.tag(&t.key) != Some(t.value.as_str()) {
                        report.model_changes += 1;
                        if !dry {
                            dst_reg.set_registered_model_tag(&name, t)?;
                        }
                    }
                }
            }
        }
        let dst_versions: Vec<ModelVersion> = match &existing {
            Some(_) => dst_reg.list_model_versions(Some(&name))?.items,
            None => Vec::new(),
        };
        // Source version number → destination version number.
        let mut numbers: HashMap<i64, i64> = HashMap::new();
        for sv in &versions {
            let found = dst_versions
                .iter()
                .find(|dv| version_origin(dv, &name) == Some(sv.version))
                // A version that went folder → server → folder maps back onto itself.
                .or_else(|| {
                    let back = version_origin(sv, &name)?;
                    dst_versions.iter().find(|dv| dv.version == back)
                });
            match found {
                Some(dv) => {
                    numbers.insert(sv.version, dv.version);
                    report.model_changes += update_version(dst_reg, sv, dv, dry)?;
                }
                None => {
                    report.model_versions_created += 1;
                    if dry {
                        continue;
                    }
                    let (source, run_id) = remap_source(src, dst, sv, report)?;
                    let mut tags: Vec<Tag> = sv
                        .tags
                        .iter()
                        .filter(|t| t.key != SYNC_TAG)
                        .cloned()
                        .collect();
                    tags.push(Tag::new(
                        SYNC_TAG,
                        format!("{}#{}/{}", opts.source_label, name, sv.version),
                    ));
                    let dv = dst_reg.create_model_version(NewVersion {
                        name: name.clone(),
                        source,
                        run_id,
                        tags,
                        description: sv.description.clone(),
                        ..Default::default()
                    })?;
                    if sv.current_stage != Stage::None {
                        dst_reg.transition_model_version_stage(
                            &name,
                            dv.version,
                            sv.current_stage,
                            false,
                        )?;
                    }
                    numbers.insert(sv.version, dv.version);
                }
            }
        }
        // Aliases, pointed at the copies.
        let have = existing.map(|d| d.aliases).unwrap_or_default();
        for a in &rm.aliases {
            let Some(&target) = numbers.get(&a.version) else {
                continue;
            };
            if have
                .iter()
                .any(|h| h.alias == a.alias && h.version == target)
            {
                continue;
            }
            report.model_changes += 1;
            if !dry {
                dst_reg.set_registered_model_alias(&name, &a.alias, target)?;
            }
        }
    }
    Ok(())
}

/// The source version a destination version was copied from, per its [`SYNC_TAG`].
fn version_origin(mv: &ModelVersion, name: &str) -> Option<i64> {
    let (head, ver) = mv.tag(SYNC_TAG)?.rsplit_once('/')?;
    head.ends_with(&format!("#{name}")).then_some(())?;
    ver.parse().ok()
}

/// Brings an existing destination version level with its source: description, tags, stage.
fn update_version(
    dst_reg: &dyn ModelRegistry,
    sv: &ModelVersion,
    dv: &ModelVersion,
    dry: bool,
) -> Result<usize> {
    let mut n = 0;
    if dv.description != sv.description {
        n += 1;
        if !dry {
            dst_reg.update_model_version(&dv.name, dv.version, sv.description.as_deref())?;
        }
    }
    for t in sv.tags.iter().filter(|t| t.key != SYNC_TAG) {
        if dv.tag(&t.key) != Some(t.value.as_str()) {
            n += 1;
            if !dry {
                dst_reg.set_model_version_tag(&dv.name, dv.version, t)?;
            }
        }
    }
    if dv.current_stage != sv.current_stage && sv.current_stage != Stage::DeletedInternal {
        n += 1;
        if !dry {
            dst_reg.transition_model_version_stage(
                &dv.name,
                dv.version,
                sv.current_stage,
                false,
            )?;
        }
    }
    Ok(n)
}

/// A version's source and run id in the destination. Sources inside a synced run's artifacts point
/// at the copy; a local model folder of a synced run is copied into the copy's artifacts; anything
/// else is kept as it was, with a warning.
fn remap_source(
    src: &dyn TrackingStore,
    dst: &dyn TrackingStore,
    sv: &ModelVersion,
    report: &mut SyncReport,
) -> Result<(String, Option<String>)> {
    let mapped = sv
        .run_id
        .as_deref()
        .filter(|r| !r.is_empty())
        .and_then(|r| report.run_map.get(r).map(|d| (r.to_string(), d.clone())))
        .filter(|(_, d)| !d.is_empty());
    let Some((src_run, dst_run)) = mapped else {
        report.model_warnings.push(format!(
            "version {} of '{}' comes from no synced run; its source '{}' was copied as it is",
            sv.version, sv.name, sv.source
        ));
        return Ok((sv.source.clone(), sv.run_id.clone()));
    };
    let src_art = src.get_run(&src_run)?.info.artifact_uri;
    let dst_art = dst.get_run(&dst_run)?.info.artifact_uri;
    let (src_art, dst_art) = (src_art.trim_end_matches('/'), dst_art.trim_end_matches('/'));
    for candidate in [sv.source.as_str(), sv.download_uri()] {
        if let Some(rest) = candidate.strip_prefix(src_art) {
            if rest.is_empty() || rest.starts_with('/') {
                return Ok((format!("{dst_art}{rest}"), Some(dst_run)));
            }
        }
    }
    let local = crate::uri::local_path_from_uri(sv.download_uri())
        .ok()
        .filter(|p| p.is_dir());
    if let Some(dir) = local {
        let rel = format!("registered-models/{}/{}", sv.name, sv.version);
        // The folder belongs to the source store: copied out without following a link (each one
        // left out is reported), then logged from the copy.
        let tmp = tempfile::tempdir().map_err(|e| StoreError::io(std::env::temp_dir(), e))?;
        let copy = tmp.path().join("model");
        let mut skipped = Vec::new();
        if let Some(d) = crate::store::file::beneath::Dir::open(&dir, &[], false)? {
            let node = crate::store::file::beneath::Node::Dir(d);
            crate::store::file::beneath::copy_out(node, &copy, &|_| {}, &mut skipped)?;
        }
        report.model_warnings.extend(
            skipped
                .into_iter()
                .map(|n| format!("version {} of '{}': {n}", sv.version, sv.name)),
        );
        dst.log_artifacts(&dst_run, std::slice::from_ref(&copy), Some(&rel), &|_| {})?;
        return Ok((format!("{dst_art}/{rel}"), Some(dst_run)));
    }
    report.model_warnings.push(format!(
        "the files of version {} of '{}' ('{}') are not in its run's artifacts; its source was copied as it is",
        sv.version,
        sv.name,
        sv.download_uri()
    ));
    Ok((sv.source.clone(), Some(dst_run)))
}
