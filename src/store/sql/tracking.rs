//! `TrackingStore` over MLflow's SQL schema, ported from MLflow's `SqlAlchemyStore`: the rows it
//! writes (a run's `source_type` UNKNOWN, NaN as `is_nan`, ±inf as ±f64::MAX, `latest_metrics` kept
//! by `_update_latest_metrics_if_necessary`), its messages and its transactions (one per call; a
//! batch is one transaction).
use super::db::{Tx, Value};
use super::rows::{self, experiment_id as exp_id, marks, Parts, RUN_COLS};
use super::SqlStore;
use crate::clock::now_ms;
use crate::entities::*;
use crate::error::{Result, StoreError};
use crate::search::py_repr_str;
use crate::store::artifacts;
use crate::store::file::{beneath, logged};
use crate::store::*;
use crate::{ids, validate};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

fn no_experiment(id: &str) -> StoreError {
    StoreError::NotFound(format!("No Experiment with id={id} exists"))
}

fn inactive_experiment(e: &Experiment) -> StoreError {
    StoreError::InvalidParameter(format!(
        "The experiment {} must be in the 'active' state. Current state is {}.",
        e.experiment_id,
        e.lifecycle_stage.as_str()
    ))
}

/// MLflow's `sanitize_metric_value`: (is_nan, the value stored).
pub(super) fn sanitize(v: f64) -> (bool, f64) {
    if v.is_nan() {
        (true, 0.0)
    } else if v.is_infinite() {
        (false, if v > 0.0 { f64::MAX } else { f64::MIN })
    } else {
        (false, v)
    }
}

fn check_experiment_tag(tag: &Tag) -> Result<()> {
    validate::key(&tag.key, "Tag")?;
    if tag.value.chars().count() > validate::MAX_EXPERIMENT_TAG_VALUE_LEN {
        return Err(StoreError::InvalidParameter(format!(
            "'{}' exceeds the maximum length of {} characters",
            tag.key,
            validate::MAX_EXPERIMENT_TAG_VALUE_LEN
        )));
    }
    Ok(())
}

/// A run's artifact folder on this machine: its artifact URI must be a local path or `file:` URI
/// (a database opened directly has no artifact server). `<location>/<run id>/artifacts` is opened
/// below the experiment's location, so a run or `artifacts` folder that is a link is refused.
fn open_artifacts(info: &RunInfo, create: bool) -> Result<Option<beneath::Dir>> {
    let uri = &info.artifact_uri;
    let path = local_path_from_uri(uri).map_err(|e| match e {
        StoreError::UnsupportedScheme { scheme } => StoreError::Unsupported(format!(
            "run {}'s artifacts are at '{uri}': mlrun reads and writes {scheme}: artifacts only through a tracking server (a database opened directly takes local artifact paths)",
            info.run_id
        )),
        e => e,
    })?;
    let tail = format!("/{}/artifacts", info.run_id);
    match path.to_str().and_then(|p| p.strip_suffix(&tail)) {
        Some(base) if !base.is_empty() => {
            let base = Path::new(base);
            if create {
                std::fs::create_dir_all(base).map_err(|e| StoreError::io(base, e))?;
            }
            let below = [info.run_id.as_str().into(), "artifacts".into()];
            beneath::Dir::open(base, &below, create)
        }
        _ => beneath::Dir::open(&path, &[], create),
    }
}

fn truncated(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// Metric points written by one INSERT statement (6 values each, far below both engines' limits).
const METRIC_ROWS_PER_INSERT: usize = 500;

impl SqlStore {
    /// `_get_experiment`: the experiment in one of the stages `view` admits.
    fn experiment_in(&self, tx: &mut Tx, id: &str, view: ViewType) -> Result<Experiment> {
        let n = exp_id(id)?;
        let e = rows::experiments(tx, "experiment_id = ?", &[n.into()])?
            .into_iter()
            .next()
            .filter(|e| view.admits(e.lifecycle_stage));
        e.ok_or_else(|| no_experiment(&n.to_string()))
    }

    /// `_get_run`: the run's info (whatever its stage).
    fn run_row(&self, tx: &mut Tx, run_id: &str) -> Result<RunInfo> {
        let row = tx.query_row(
            &format!("SELECT {RUN_COLS} FROM runs WHERE run_uuid = ?"),
            &[run_id.into()],
        )?;
        match row {
            Some(r) => rows::run_info(&r),
            None => Err(StoreError::NotFound(format!(
                "Run with id={run_id} not found"
            ))),
        }
    }

    /// `_get_run` then `_check_run_is_active`.
    fn active_run(&self, tx: &mut Tx, run_id: &str) -> Result<RunInfo> {
        let info = self.run_row(tx, run_id)?;
        if info.lifecycle_stage != LifecycleStage::Active {
            return Err(StoreError::InvalidParameter(format!(
                "The run {run_id} must be in the 'active' state. Current state is {}.",
                info.lifecycle_stage.as_str()
            )));
        }
        Ok(info)
    }

    /// The run, which must be active (for the logged-model code).
    pub(super) fn active_run_info(&self, tx: &mut Tx, run_id: &str) -> Result<RunInfo> {
        self.active_run(tx, run_id)
    }

    /// The experiment, which must be active.
    pub(super) fn active_experiment(&self, tx: &mut Tx, id: &str) -> Result<Experiment> {
        let e = self.experiment_in(tx, id, ViewType::All)?;
        if e.lifecycle_stage != LifecycleStage::Active {
            return Err(inactive_experiment(&e));
        }
        Ok(e)
    }

    fn read_run(&self, tx: &mut Tx, run_id: &str) -> Result<Run> {
        self.run_row(tx, run_id)?;
        let mut runs = rows::runs(tx, "run_uuid = ?", &[run_id.into()], "run_uuid", Parts::ALL)?;
        runs.pop()
            .ok_or_else(|| StoreError::NotFound(format!("Run with id={run_id} not found")))
    }

    /// Sets the run's lifecycle stage (`deleted_time` now, or cleared), as `_mark_run_deleted`
    /// and `_mark_run_active` do.
    fn set_run_stage(tx: &mut Tx, filter: &str, param: Value, stage: LifecycleStage) -> Result<()> {
        let deleted_time = (stage == LifecycleStage::Deleted).then(now_ms);
        tx.execute(
            &format!("UPDATE runs SET lifecycle_stage = ?, deleted_time = ? WHERE {filter}"),
            &[stage.as_str().into(), deleted_time.into(), param],
        )?;
        Ok(())
    }

    fn set_experiment_stage(&self, id: &str, from: ViewType, stage: LifecycleStage) -> Result<()> {
        self.db.write(|tx| {
            let e = self.experiment_in(tx, id, from)?;
            let n = exp_id(&e.experiment_id)?;
            tx.execute(
                "UPDATE experiments SET lifecycle_stage = ?, last_update_time = ? WHERE experiment_id = ?",
                &[stage.as_str().into(), now_ms().into(), n.into()],
            )?;
            Self::set_run_stage(tx, "experiment_id = ?", n.into(), stage)
        })
    }

    /// `_log_metrics_once` and `_update_latest_metrics_if_necessary` inside the caller's
    /// transaction: exact duplicates (the primary key) are skipped, and only the points actually
    /// written can move a key's latest value.
    fn write_metrics(tx: &mut Tx, run_id: &str, metrics: &[Metric]) -> Result<()> {
        // The batch's distinct points, in batch order.
        let mut points: Vec<(&str, i64, i64, f64, bool)> = Vec::new();
        let mut seen = HashSet::new();
        for m in metrics {
            let (is_nan, value) = sanitize(m.value);
            let id = (m.key.as_str(), m.timestamp, m.step, value.to_bits(), is_nan);
            if seen.insert(id) {
                points.push((m.key.as_str(), m.step, m.timestamp, value, is_nan));
            }
        }
        // Many rows per statement (one round trip each, which a server's latency makes count);
        // the rows the primary key let in come back, and only those can move a latest value.
        let mut inserted: HashSet<(String, i64, i64, u64, bool)> = HashSet::new();
        for chunk in points.chunks(METRIC_ROWS_PER_INSERT) {
            let rows = vec!["(?, ?, ?, ?, ?, ?)"; chunk.len()].join(", ");
            let mut params = Vec::with_capacity(chunk.len() * 6);
            for &(key, step, ts, value, is_nan) in chunk {
                params.extend([
                    key.into(),
                    value.into(),
                    ts.into(),
                    step.into(),
                    is_nan.into(),
                    run_id.into(),
                ]);
            }
            for r in tx.query(
                &format!("INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES {rows} ON CONFLICT DO NOTHING RETURNING key, timestamp, step, value, is_nan"),
                &params,
            )? {
                let value = r.opt_f64(3).unwrap_or(0.0);
                inserted.insert((r.str(0), r.i64(1), r.i64(2), value.to_bits(), r.bool(4)));
            }
        }
        let written: Vec<(&str, i64, i64, f64, bool)> = points
            .into_iter()
            .filter(|&(key, step, ts, value, is_nan)| {
                inserted.contains(&(key.to_string(), ts, step, value.to_bits(), is_nan))
            })
            .collect();
        // The first point reaching the greatest (step, timestamp, value) of each key, as MLflow's
        // strictly-greater comparisons in batch order leave it.
        let mut best: BTreeMap<&str, (i64, i64, f64, bool)> = BTreeMap::new();
        for (key, step, ts, value, is_nan) in written {
            let e = best.entry(key).or_insert((step, ts, value, is_nan));
            if Metric::beats((step, ts, value), (e.0, e.1, e.2)) {
                *e = (step, ts, value, is_nan);
            }
        }
        let lock = if tx.dialect() == super::db::Dialect::Postgres {
            " FOR UPDATE"
        } else {
            ""
        };
        for (key, (step, ts, value, is_nan)) in best {
            let inserted = tx.execute(
                "INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                &[key.into(), value.into(), ts.into(), step.into(), is_nan.into(), run_id.into()],
            )?;
            if inserted > 0 {
                continue;
            }
            let Some(old) = tx.query_row(
                &format!("SELECT step, timestamp, value FROM latest_metrics WHERE run_uuid = ? AND key = ?{lock}"),
                &[run_id.into(), key.into()],
            )?
            else {
                continue;
            };
            let old = (old.i64(0), old.i64(1), old.opt_f64(2).unwrap_or(0.0));
            if Metric::beats((step, ts, value), old) {
                tx.execute(
                    "UPDATE latest_metrics SET value = ?, timestamp = ?, step = ?, is_nan = ? WHERE run_uuid = ? AND key = ?",
                    &[value.into(), ts.into(), step.into(), is_nan.into(), run_id.into(), key.into()],
                )?;
            }
        }
        Ok(())
    }

    /// `_log_params`: new keys are added; a key logged before with another value fails the whole
    /// batch with MLflow's message.
    fn write_params(tx: &mut Tx, run_id: &str, params: &[Param]) -> Result<()> {
        if params.is_empty() {
            return Ok(());
        }
        let existing: HashMap<String, String> = tx
            .query(
                "SELECT key, value FROM params WHERE run_uuid = ?",
                &[run_id.into()],
            )?
            .into_iter()
            .map(|r| (r.str(0), r.str(1)))
            .collect();
        let mut conflicts = Vec::new();
        let mut new = Vec::new();
        for p in params {
            match existing.get(&p.key) {
                Some(old) if *old != p.value => conflicts.push(format!(
                    "{{'key': {}, 'old_value': {}, 'new_value': {}}}",
                    py_repr_str(&p.key),
                    py_repr_str(old),
                    py_repr_str(&p.value)
                )),
                Some(_) => {}
                None => new.push(p),
            }
        }
        if !conflicts.is_empty() {
            return Err(StoreError::InvalidParameter(format!(
                "Changing param values is not allowed. Params were already logged='[{}]' for run ID='{run_id}'.",
                conflicts.join(", ")
            )));
        }
        for p in new {
            tx.execute(
                "INSERT INTO params (key, value, run_uuid) VALUES (?, ?, ?)",
                &[
                    p.key.as_str().into(),
                    p.value.as_str().into(),
                    run_id.into(),
                ],
            )?;
        }
        Ok(())
    }

    /// `_set_tags`: each tag set (the last value of a key wins); `mlflow.runName` also renames
    /// the run, as `set_tag` does through `update_run_info`.
    fn write_tags(tx: &mut Tx, run_id: &str, tags: &[Tag]) -> Result<()> {
        for t in tags {
            tx.execute(
                "INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?) ON CONFLICT (key, run_uuid) DO UPDATE SET value = excluded.value",
                &[t.key.as_str().into(), t.value.as_str().into(), run_id.into()],
            )?;
            if t.key == "mlflow.runName" {
                tx.execute(
                    "UPDATE runs SET name = ? WHERE run_uuid = ?",
                    &[t.value.as_str().into(), run_id.into()],
                )?;
            }
        }
        Ok(())
    }
}

impl TrackingStore for SqlStore {
    fn create_experiment(
        &self,
        name: &str,
        artifact_location: Option<&str>,
        tags: &[Tag],
    ) -> Result<String> {
        validate::experiment_name(name)?;
        let location = match artifact_location.filter(|l| !l.is_empty()) {
            None => None,
            Some(loc) => {
                // `resolve_uri_if_local`: a relative path is made absolute; URIs stay as given.
                let resolved = if loc.contains(':') || Path::new(loc).is_absolute() {
                    loc.to_string()
                } else {
                    std::env::current_dir()
                        .map_err(|e| StoreError::io(".", e))?
                        .join(loc)
                        .to_string_lossy()
                        .into_owned()
                };
                if resolved.len() > validate::MAX_ARTIFACT_LOCATION_LEN {
                    return Err(StoreError::InvalidParameter(format!(
                        "Invalid artifact location: longer than {} characters",
                        validate::MAX_ARTIFACT_LOCATION_LEN
                    )));
                }
                Some(resolved)
            }
        };
        for t in tags {
            check_experiment_tag(t)?;
        }
        self.db.write(|tx| {
            if tx
                .query_row("SELECT 1 FROM experiments WHERE name = ?", &[name.into()])?
                .is_some()
            {
                return Err(StoreError::AlreadyExists(format!(
                    "Experiment(name={name}) already exists."
                )));
            }
            let now = now_ms();
            let row = tx.query_row(
                "INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time, workspace) VALUES (?, ?, 'active', ?, ?, 'default') RETURNING experiment_id",
                &[name.into(), location.clone().into(), now.into(), now.into()],
            )?;
            let id = row.map(|r| r.i64(0)).ok_or_else(|| StoreError::Database {
                db: self.db.display().to_string(),
                message: "the new experiment got no id".into(),
            })?;
            if location.is_none() {
                tx.execute(
                    "UPDATE experiments SET artifact_location = ? WHERE experiment_id = ?",
                    &[format!("{}/{id}", self.artifact_root).into(), id.into()],
                )?;
            }
            for t in tags {
                tx.execute(
                    "INSERT INTO experiment_tags (key, value, experiment_id) VALUES (?, ?, ?)",
                    &[t.key.as_str().into(), t.value.as_str().into(), id.into()],
                )?;
            }
            Ok(id.to_string())
        })
    }

    fn get_experiment(&self, experiment_id: &str) -> Result<Experiment> {
        self.db
            .read(|tx| self.experiment_in(tx, experiment_id, ViewType::All))
    }

    fn get_experiment_by_name(&self, name: &str) -> Result<Option<Experiment>> {
        self.db.read(|tx| {
            Ok(rows::experiments(tx, "name = ?", &[name.into()])?
                .into_iter()
                .next())
        })
    }

    fn list_experiments(&self, view: ViewType) -> Result<Listing<Experiment>> {
        let items = self.db.read(|tx| {
            Ok(rows::experiments(tx, "1 = 1", &[])?
                .into_iter()
                .filter(|e| view.admits(e.lifecycle_stage))
                .collect())
        })?;
        Ok(Listing {
            items,
            broken: Vec::new(),
        })
    }

    fn rename_experiment(&self, experiment_id: &str, new_name: &str) -> Result<()> {
        validate::experiment_name(new_name)?;
        self.db.write(|tx| {
            let e = self.experiment_in(tx, experiment_id, ViewType::All)?;
            if e.lifecycle_stage != LifecycleStage::Active {
                return Err(StoreError::InvalidParameter(
                    "Cannot rename a non-active experiment.".into(),
                ));
            }
            let n = exp_id(&e.experiment_id)?;
            let taken = tx.query_row(
                "SELECT 1 FROM experiments WHERE name = ? AND experiment_id <> ?",
                &[new_name.into(), n.into()],
            )?;
            if taken.is_some() {
                return Err(StoreError::AlreadyExists(format!(
                    "Experiment(name={new_name}) already exists."
                )));
            }
            tx.execute(
                "UPDATE experiments SET name = ?, last_update_time = ? WHERE experiment_id = ?",
                &[new_name.into(), now_ms().into(), n.into()],
            )?;
            Ok(())
        })
    }

    fn delete_experiment(&self, experiment_id: &str) -> Result<()> {
        self.set_experiment_stage(experiment_id, ViewType::ActiveOnly, LifecycleStage::Deleted)
    }

    fn restore_experiment(&self, experiment_id: &str) -> Result<()> {
        self.set_experiment_stage(experiment_id, ViewType::DeletedOnly, LifecycleStage::Active)
    }

    fn set_experiment_tag(&self, experiment_id: &str, tag: &Tag) -> Result<()> {
        check_experiment_tag(tag)?;
        self.db.write(|tx| {
            let e = self.experiment_in(tx, experiment_id, ViewType::All)?;
            if e.lifecycle_stage != LifecycleStage::Active {
                return Err(inactive_experiment(&e));
            }
            tx.execute(
                "INSERT INTO experiment_tags (key, value, experiment_id) VALUES (?, ?, ?) ON CONFLICT (key, experiment_id) DO UPDATE SET value = excluded.value",
                &[tag.key.as_str().into(), tag.value.as_str().into(), exp_id(&e.experiment_id)?.into()],
            )?;
            Ok(())
        })
    }

    fn delete_experiment_tag(&self, experiment_id: &str, key: &str) -> Result<()> {
        self.db.write(|tx| {
            let e = self.experiment_in(tx, experiment_id, ViewType::All)?;
            if e.lifecycle_stage != LifecycleStage::Active {
                return Err(inactive_experiment(&e));
            }
            let n = tx.execute(
                "DELETE FROM experiment_tags WHERE experiment_id = ? AND key = ?",
                &[exp_id(&e.experiment_id)?.into(), key.into()],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound(format!(
                    "No tag with name: {key} in experiment with id {experiment_id}"
                )));
            }
            Ok(())
        })
    }

    fn create_run(&self, new: NewRun) -> Result<Run> {
        validate::timestamp(new.start_time)?;
        for t in &new.tags {
            validate::key(&t.key, "Tag")?;
        }
        let tag_name = new
            .tags
            .iter()
            .find(|t| t.key == "mlflow.runName")
            .map(|t| t.value.clone());
        let run_id = ids::new_run_id();
        self.db.write(|tx| {
            let exp = self.experiment_in(tx, &new.experiment_id, ViewType::All)?;
            if exp.lifecycle_stage != LifecycleStage::Active {
                return Err(inactive_experiment(&exp));
            }
            let run_name = new.run_name.clone().filter(|n| !n.is_empty());
            if let (Some(a), Some(b)) = (&run_name, &tag_name) {
                if a != b {
                    return Err(StoreError::InvalidParameter(format!(
                        "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='{a}', mlflow.runName='{b}')."
                    )));
                }
            }
            let run_name = run_name
                .or_else(|| tag_name.clone().filter(|n| !n.is_empty()))
                .unwrap_or_else(ids::new_run_name);
            let mut tags = new.tags.clone();
            if tag_name.as_deref().is_none_or(str::is_empty) {
                tags.retain(|t| t.key != "mlflow.runName");
                tags.push(Tag::new("mlflow.runName", run_name.clone()));
            }
            let artifact_uri = format!(
                "{}/{run_id}/artifacts",
                exp.artifact_location.trim_end_matches('/')
            );
            tx.execute(
                "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id, deleted_time) VALUES (?, ?, 'UNKNOWN', '', '', ?, 'RUNNING', ?, NULL, '', 'active', ?, ?, NULL)",
                &[
                    run_id.as_str().into(),
                    run_name.into(),
                    new.user_id.as_str().into(),
                    new.start_time.into(),
                    artifact_uri.into(),
                    exp_id(&exp.experiment_id)?.into(),
                ],
            )?;
            let mut last: BTreeMap<&str, &str> = BTreeMap::new();
            for t in &tags {
                last.insert(&t.key, &t.value);
            }
            for (k, v) in last {
                tx.execute(
                    "INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?)",
                    &[k.into(), v.into(), run_id.as_str().into()],
                )?;
            }
            self.read_run(tx, &run_id)
        })
    }

    fn get_run(&self, run_id: &str) -> Result<Run> {
        self.db.read(|tx| self.read_run(tx, run_id))
    }

    fn update_run(
        &self,
        run_id: &str,
        status: RunStatus,
        end_time: Option<i64>,
    ) -> Result<RunInfo> {
        if let Some(t) = end_time {
            validate::timestamp(t)?;
        }
        self.db.write(|tx| {
            self.active_run(tx, run_id)?;
            tx.execute(
                "UPDATE runs SET status = ?, end_time = COALESCE(?, end_time) WHERE run_uuid = ?",
                &[status.as_str().into(), end_time.into(), run_id.into()],
            )?;
            Ok(self.read_run(tx, run_id)?.info)
        })
    }

    fn list_runs(&self, experiment_ids: &[String], view: ViewType) -> Result<Listing<Run>> {
        let items = self.db.read(|tx| {
            let mut ids = Vec::new();
            for id in experiment_ids {
                let e = self.experiment_in(tx, id, ViewType::All)?;
                ids.push(Value::Int(exp_id(&e.experiment_id)?));
            }
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            let runs = rows::runs(
                tx,
                &format!("experiment_id IN ({})", marks(ids.len())),
                &ids,
                "start_time DESC, run_uuid",
                Parts::ALL,
            )?;
            Ok(runs
                .into_iter()
                .filter(|r| view.admits(r.info.lifecycle_stage))
                .collect())
        })?;
        Ok(Listing {
            items,
            broken: Vec::new(),
        })
    }

    fn search_runs(&self, query: &RunQuery) -> Result<RunPage> {
        self.search_runs_impl(query)
    }

    fn metric_summary(&self, run_id: &str, key: &str) -> Result<Option<MetricSummary>> {
        self.db.read(|tx| {
            self.run_row(tx, run_id)?;
            let Some(latest) = tx.query_row(
                "SELECT value, timestamp, step, is_nan FROM latest_metrics WHERE run_uuid = ? AND key = ?",
                &[run_id.into(), key.into()],
            )?
            else {
                return Ok(None);
            };
            let range = tx.query_row(
                // `key || ''`: see metric_history.
                "SELECT MIN(CASE WHEN is_nan THEN NULL ELSE value END), MAX(CASE WHEN is_nan THEN NULL ELSE value END), COUNT(*) FROM metrics WHERE run_uuid = ? AND key || '' = ?",
                &[run_id.into(), key.into()],
            )?;
            let (min, max, count) = match range {
                Some(r) => (
                    r.opt_f64(0).unwrap_or(f64::NAN),
                    r.opt_f64(1).unwrap_or(f64::NAN),
                    r.i64(2).max(0) as usize,
                ),
                None => (f64::NAN, f64::NAN, 0),
            };
            Ok(Some(MetricSummary {
                timestamp: latest.i64(1),
                value: rows::metric_value(&latest, 0, 3),
                step: latest.i64(2),
                min,
                max,
                count,
            }))
        })
    }

    fn delete_run(&self, run_id: &str) -> Result<()> {
        self.db.write(|tx| {
            self.run_row(tx, run_id)?;
            Self::set_run_stage(tx, "run_uuid = ?", run_id.into(), LifecycleStage::Deleted)
        })
    }

    fn restore_run(&self, run_id: &str) -> Result<()> {
        self.db.write(|tx| {
            self.run_row(tx, run_id)?;
            Self::set_run_stage(tx, "run_uuid = ?", run_id.into(), LifecycleStage::Active)
        })
    }

    fn log_batch(
        &self,
        run_id: &str,
        metrics: &[Metric],
        params: &[Param],
        tags: &[Tag],
    ) -> Result<()> {
        validate::run_id(run_id)?;
        for (what, n, max) in [
            ("metrics", metrics.len(), validate::MAX_BATCH_METRICS),
            ("params", params.len(), validate::MAX_BATCH_PARAMS),
            ("tags", tags.len(), validate::MAX_BATCH_TAGS),
        ] {
            if n > max {
                return Err(StoreError::InvalidParameter(format!(
                    "A batch logging request can contain at most {max} {what}. Got {n} {what}. Please split up {what} across multiple requests and try again."
                )));
            }
        }
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
        for m in metrics {
            validate::key(&m.key, "Metric")?;
            validate::timestamp(m.timestamp)?;
        }
        for t in tags {
            validate::key(&t.key, "Tag")?;
        }
        // MLflow truncates over-long values (MLFLOW_TRUNCATE_LONG_VALUES, on by default).
        let params: Vec<Param> = params
            .iter()
            .map(|p| {
                Param::new(
                    p.key.clone(),
                    truncated(&p.value, validate::MAX_PARAM_VALUE_LEN),
                )
            })
            .collect();
        let tags: Vec<Tag> = tags
            .iter()
            .map(|t| {
                Tag::new(
                    t.key.clone(),
                    truncated(&t.value, validate::MAX_TAG_VALUE_LEN),
                )
            })
            .collect();
        self.db.write(|tx| {
            self.active_run(tx, run_id)?;
            Self::write_params(tx, run_id, &params)?;
            Self::write_metrics(tx, run_id, metrics)?;
            Self::write_tags(tx, run_id, &tags)
        })
    }

    fn delete_tag(&self, run_id: &str, key: &str) -> Result<()> {
        self.db.write(|tx| {
            self.active_run(tx, run_id)?;
            let n = tx.execute(
                "DELETE FROM tags WHERE run_uuid = ? AND key = ?",
                &[run_id.into(), key.into()],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound(format!(
                    "No tag with name: {key} in run with id {run_id}"
                )));
            }
            Ok(())
        })
    }

    fn metric_history(&self, run_id: &str, key: &str) -> Result<Vec<Metric>> {
        // MLflow's `get_metric_history` does not look the run up: an unknown run has no points.
        // `key || ''` keeps SQLite (no statistics in MLflow's databases) off the primary key,
        // whose first column is `key`: with it, one run's history scanned every run's points of
        // that key (95 ms at 10,000 runs); by `index_metrics_run_uuid` it takes 1 ms.
        self.db.read(|tx| {
            Ok(tx
                .query(
                    "SELECT value, timestamp, step, is_nan FROM metrics WHERE run_uuid = ? AND key || '' = ? ORDER BY timestamp, step, value",
                    &[run_id.into(), key.into()],
                )?
                .iter()
                .map(|r| Metric {
                    key: key.to_string(),
                    value: rows::metric_value(r, 0, 3),
                    timestamp: r.i64(1),
                    step: r.i64(2),
                })
                .collect())
        })
    }

    fn log_artifacts(
        &self,
        run_id: &str,
        sources: &[PathBuf],
        artifact_path: Option<&str>,
        progress: &dyn Fn(u64),
    ) -> Result<Vec<String>> {
        let info = self.db.read(|tx| self.active_run(tx, run_id))?;
        let open = |create| open_artifacts(&info, create);
        artifacts::log(&open, run_id, sources, artifact_path, progress)
    }

    fn list_artifacts(&self, run_id: &str, path: Option<&str>) -> Result<Vec<FileInfo>> {
        let info = self.db.read(|tx| self.run_row(tx, run_id))?;
        artifacts::list(&|create| open_artifacts(&info, create), path)
    }

    fn download_artifacts(
        &self,
        run_id: &str,
        path: Option<&str>,
        dest: &Path,
        progress: &dyn Fn(u64),
    ) -> Result<Downloaded> {
        let info = self.db.read(|tx| self.run_row(tx, run_id))?;
        let open = |create| open_artifacts(&info, create);
        artifacts::download(&open, run_id, path, dest, progress)
    }

    fn artifact_manifest(&self, run_id: &str) -> Result<Vec<ArtifactEntry>> {
        let info = self.db.read(|tx| self.run_row(tx, run_id))?;
        artifacts::manifest(&|create| open_artifacts(&info, create))
    }

    fn artifact_size(&self, run_id: &str, path: Option<&str>) -> Result<u64> {
        let info = self.db.read(|tx| self.run_row(tx, run_id))?;
        artifacts::size(&|create| open_artifacts(&info, create), path)
    }

    fn get_logged_model(&self, model_id: &str) -> Result<LoggedModel> {
        self.get_logged_model_impl(model_id)
    }

    fn find_logged_model(&self, run: &Run, name: &str) -> Result<Option<LoggedModel>> {
        self.find_logged_model_impl(run, name)
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

    fn log_inputs(&self, run_id: &str, datasets: &[serde_json::Value]) -> Result<()> {
        self.log_inputs_impl(run_id, datasets)
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

    /// `mlflow gc` on a database: the deleted runs (older than asked, or those named), the runs
    /// of the deleted experiments it removes, each run's artifact folder, then the experiments
    /// (those named, or every deleted one old enough), each run and experiment in a transaction.
    fn gc(
        &self,
        older_than_ms: Option<i64>,
        run_ids: &[String],
        experiment_ids: &[String],
        now_ms: i64,
    ) -> Result<(Vec<String>, Vec<String>)> {
        let threshold = now_ms - older_than_ms.unwrap_or(0);
        let old_deleted: HashSet<String> = self.db.read(|tx| {
            Ok(tx
                .query(
                    "SELECT run_uuid FROM runs WHERE lifecycle_stage = 'deleted' AND deleted_time <= ?",
                    &[threshold.into()],
                )?
                .iter()
                .map(|r| r.str(0))
                .collect())
        })?;
        let mut runs: Vec<String> = if run_ids.is_empty() {
            old_deleted.iter().cloned().collect()
        } else {
            run_ids.to_vec()
        };
        let exps: Vec<String> = if experiment_ids.is_empty() {
            let listing = self.list_experiments(ViewType::DeletedOnly)?;
            listing
                .items
                .into_iter()
                .filter(|e| {
                    older_than_ms.is_none() || e.last_update_time.is_some_and(|t| t < threshold)
                })
                .map(|e| e.experiment_id)
                .collect()
        } else {
            let mut active = Vec::new();
            let mut young = Vec::new();
            for id in experiment_ids {
                let e = self.get_experiment(id)?;
                if e.lifecycle_stage != LifecycleStage::Deleted {
                    active.push(py_repr_str(&e.experiment_id));
                } else if older_than_ms.is_some()
                    && e.last_update_time.is_none_or(|t| t >= threshold)
                {
                    young.push(py_repr_str(&e.experiment_id));
                }
            }
            if !active.is_empty() {
                return Err(StoreError::InvalidParameter(format!(
                    "Experiments [{}] are not in the deleted lifecycle stage. Only experiments in the deleted lifecycle stage can be hard-deleted.",
                    active.join(", ")
                )));
            }
            if !young.is_empty() {
                return Err(StoreError::InvalidParameter(format!(
                    "Experiments [{}] are not older than the required age.",
                    young.join(", ")
                )));
            }
            experiment_ids.to_vec()
        };
        if !exps.is_empty() {
            let ids: Vec<Value> = exps
                .iter()
                .map(|e| exp_id(e).map(Value::from))
                .collect::<Result<_>>()?;
            let more = self.db.read(|tx| {
                Ok(tx
                    .query(
                        &format!("SELECT run_uuid FROM runs WHERE lifecycle_stage = 'deleted' AND experiment_id IN ({})", marks(ids.len())),
                        &ids,
                    )?
                    .iter()
                    .map(|r| r.str(0))
                    .collect::<Vec<_>>())
            })?;
            runs.extend(more);
        }
        runs.sort();
        runs.dedup();
        // Every run is checked before anything is removed.
        let mut infos = Vec::with_capacity(runs.len());
        for id in &runs {
            let info = self.db.read(|tx| self.run_row(tx, id))?;
            if info.lifecycle_stage != LifecycleStage::Deleted {
                return Err(StoreError::InvalidParameter(format!(
                    "Run {id} is not in `deleted` lifecycle stage. Only runs in `deleted` lifecycle stage can be deleted."
                )));
            }
            if older_than_ms.is_some() && !old_deleted.contains(id) {
                return Err(StoreError::InvalidParameter(format!(
                    "Run {id} is not older than the required age."
                )));
            }
            infos.push(info);
        }
        for info in &infos {
            remove_artifacts(info)?;
            self.db.write(|tx| {
                for table in ["metrics", "latest_metrics", "params", "tags", "runs"] {
                    tx.execute(
                        &format!("DELETE FROM {table} WHERE run_uuid = ?"),
                        &[info.run_id.as_str().into()],
                    )?;
                }
                Ok(())
            })?;
        }
        for id in &exps {
            let n = exp_id(id)?;
            self.db.write(|tx| {
                tx.execute(
                    "DELETE FROM experiment_tags WHERE experiment_id = ?",
                    &[n.into()],
                )?;
                tx.execute(
                    "DELETE FROM experiments WHERE experiment_id = ? AND lifecycle_stage = 'deleted'",
                    &[n.into()],
                )?;
                Ok(())
            })?;
        }
        let mut exps = exps;
        exps.sort();
        Ok((runs, exps))
    }
}

/// A deleted run's artifact folder (and its run folder, when nothing else is left in it), as
/// `mlflow gc` deletes a local artifact repository; links are removed, never followed. A
/// non-local artifact URI is left alone, as MLflow bypasses what it cannot resolve.
fn remove_artifacts(info: &RunInfo) -> Result<()> {
    let Ok(path) = local_path_from_uri(&info.artifact_uri) else {
        return Ok(());
    };
    match std::fs::symlink_metadata(&path) {
        Ok(m) if m.is_dir() => {
            std::fs::remove_dir_all(&path).map_err(|e| StoreError::io(&path, e))?
        }
        Ok(_) => std::fs::remove_file(&path).map_err(|e| StoreError::io(&path, e))?,
        Err(_) => return Ok(()),
    }
    if path.file_name().is_some_and(|n| n == "artifacts") {
        if let Some(run_dir) = path.parent() {
            let _ = std::fs::remove_dir(run_dir);
        }
    }
    Ok(())
}
