//! Runs search over the file store. MLflow reads every value of every run; this reads only what the
//! filter, the order and the wanted columns name (one file each, the latest metric value in one pass),
//! in parallel across runs, and loads whole runs only for the page it returns. A run that cannot be
//! read is reported in `broken` and skipped, so one bad folder never hides the rest.
use super::layout::{self, Layout};
use super::{meta, metrics, subdirs, FileStore};
use crate::entities::*;
use crate::search::{self, DatasetRef, Needs, SearchRun};
use crate::store::{Result, RunPage, RunQuery, StoreError};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// MLflow's cap on `max_results` for runs (spec §5.3).
pub const MAX_RESULTS: i64 = 50_000;

impl FileStore {
    pub(super) fn search_runs_impl(&self, q: &RunQuery) -> Result<RunPage> {
        if q.max_results > MAX_RESULTS {
            return Err(StoreError::InvalidParameter(format!(
                "Invalid value for request parameter max_results. It must be at most {MAX_RESULTS}, but got value {}",
                q.max_results
            )));
        }
        let mut filter_needs = Needs::default();
        q.filter.needs(&mut filter_needs);
        let mut order_needs = Needs::default();
        for o in &q.order_by {
            o.needs(&mut order_needs);
        }

        let mut dirs = Vec::new();
        for id in &q.experiment_ids {
            let exp_dir = self.experiment_dir(id)?;
            for name in subdirs(&exp_dir)? {
                if !layout::EXPERIMENT_RESERVED.contains(&name.as_str()) && !name.starts_with('.') {
                    dirs.push(exp_dir.join(name));
                }
            }
        }

        let results: Vec<Option<Result<(SearchRun, PathBuf)>>> = dirs
            .into_par_iter()
            .map(|dir| {
                let info = match self.read_run_info_named(&dir) {
                    Ok(info) => info,
                    // A folder without meta.yaml is not a run (MLflow skips it quietly too).
                    Err(StoreError::Io { source, .. })
                        if source.kind() == std::io::ErrorKind::NotFound =>
                    {
                        return None
                    }
                    Err(e) => return Some(Err(e)),
                };
                if !q.view.admits(info.lifecycle_stage) {
                    return None;
                }
                let mut run = SearchRun {
                    info,
                    ..Default::default()
                };
                if let Err(e) = load_needed(&dir, &filter_needs, &mut run) {
                    return Some(Err(e));
                }
                if !q.filter.matches(&run) {
                    return None;
                }
                if let Err(e) = load_needed(&dir, &order_needs, &mut run) {
                    return Some(Err(e));
                }
                Some(Ok((run, dir)))
            })
            .collect();

        let mut broken = Vec::new();
        let mut found = Vec::new();
        for r in results.into_iter().flatten() {
            match r {
                Ok(x) => found.push(x),
                Err(e) => broken.push(e),
            }
        }
        let mut runs: Vec<SearchRun> = Vec::with_capacity(found.len());
        let mut dir_of: HashMap<String, PathBuf> = HashMap::with_capacity(found.len());
        for (run, dir) in found {
            dir_of.insert(run.info.run_id.clone(), dir);
            runs.push(run);
        }
        search::sort_runs(&mut runs, &q.order_by);
        let (range, next_page_token) =
            search::paginate(runs.len(), q.max_results, q.page_token.as_deref())?;

        let page: Vec<Result<Run>> = runs[range]
            .par_iter()
            .map(|r| {
                let dir = &dir_of[&r.info.run_id];
                match &q.columns {
                    None => self.read_run_dir(dir),
                    Some(needs) => partial_run(dir, r.info.clone(), needs),
                }
            })
            .collect();
        let mut out = Vec::with_capacity(page.len());
        for r in page {
            match r {
                Ok(run) => out.push(run),
                // The run changed under us between the scan and the load; say so rather than
                // returning a page with a hole in it silently.
                Err(e) => broken.push(e),
            }
        }
        Ok(RunPage {
            runs: out,
            next_page_token,
            broken,
        })
    }
}

/// A key from a filter becomes a file name; one that could leave its folder simply matches nothing.
fn safe_key(key: &str) -> bool {
    !key.is_empty()
        && !key.starts_with('/')
        && key
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..")
}

fn read_optional(path: &Path) -> Result<Option<Vec<u8>>> {
    match super::fsutil::read_small(path) {
        Ok(b) => Ok(Some(b)),
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::IsADirectory
            ) =>
        {
            Ok(None)
        }
        // A nested key whose parent is a file: ENOTDIR means "not there" too.
        Err(e) if e.raw_os_error() == Some(20) => Ok(None),
        Err(e) => Err(StoreError::io(path, e)),
    }
}

/// The latest point and range of one metric, or `None` when the run lacks it.
pub(super) fn metric_summary(run_dir: &Path, key: &str) -> Result<Option<MetricSummary>> {
    if !safe_key(key) {
        return Ok(None);
    }
    let path = Layout::value_file(&Layout::metrics(run_dir), key);
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) if absent(&e) => return Ok(None),
        Err(e) => return Err(StoreError::io(&path, e)),
    };
    match metrics::scan(file) {
        // A folder where the file would be: not this metric (a nested key's parent).
        Err(metrics::LinesError::Io(e)) if absent(&e) => Ok(None),
        r => r.map_err(|e| metrics::read_error(key, &path, e)),
    }
}

/// One streamed pass over a metric file; a bad line is named with its file and number.
pub(super) fn summarize(key: &str, path: &Path) -> Result<Option<MetricSummary>> {
    let file = std::fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    metrics::scan(file).map_err(|e| metrics::read_error(key, path, e))
}

/// Not there: missing, a folder, or under a parent that is a file (ENOTDIR).
fn absent(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::NotFound | std::io::ErrorKind::IsADirectory
    ) || e.raw_os_error() == Some(20)
}

pub(super) fn read_value(folder: &Path, key: &str) -> Result<Option<String>> {
    if !safe_key(key) {
        return Ok(None);
    }
    let path = Layout::value_file(folder, key);
    Ok(read_optional(&path)?.map(|b| String::from_utf8_lossy(&b).into_owned()))
}

fn load_needed(dir: &Path, needs: &Needs, run: &mut SearchRun) -> Result<()> {
    for key in &needs.metrics {
        if !run.metrics.contains_key(key) {
            if let Some(s) = metric_summary(dir, key)? {
                run.metrics.insert(key.clone(), s.value);
            }
        }
    }
    let params = Layout::params(dir);
    for key in &needs.params {
        if !run.params.contains_key(key) {
            if let Some(v) = read_value(&params, key)? {
                run.params.insert(key.clone(), v);
            }
        }
    }
    let tags = Layout::tags(dir);
    for key in &needs.tags {
        if !run.tags.contains_key(key) {
            if let Some(v) = read_value(&tags, key)? {
                run.tags.insert(key.clone(), v);
            }
        }
    }
    if needs.datasets && run.datasets.is_empty() {
        run.datasets = read_inputs(dir)?.0;
    }
    Ok(())
}

/// A run with only the named values, for tables that show a few columns of many runs.
fn partial_run(dir: &Path, info: RunInfo, needs: &Needs) -> Result<Run> {
    let mut data = RunData::default();
    for key in &needs.metrics {
        if let Some(s) = metric_summary(dir, key)? {
            data.metrics.push(Metric {
                key: key.clone(),
                value: s.value,
                timestamp: s.timestamp,
                step: s.step,
            });
        }
    }
    for key in &needs.params {
        if let Some(value) = read_value(&Layout::params(dir), key)? {
            data.params.push(KeyValue {
                key: key.clone(),
                value,
            });
        }
    }
    for key in &needs.tags {
        if let Some(value) = read_value(&Layout::tags(dir), key)? {
            data.tags.push(KeyValue {
                key: key.clone(),
                value,
            });
        }
    }
    Ok(Run {
        info,
        data,
        inputs: Default::default(),
        outputs: Default::default(),
    })
}

/// A run's dataset inputs (spec §1.7): for search, name/digest/context; for output, MLflow's REST
/// `RunInputs` shape. Inputs whose dataset is missing are skipped, as MLflow does.
pub(super) fn read_inputs(
    run_dir: &Path,
) -> Result<(Vec<DatasetRef>, serde_json::Map<String, serde_json::Value>)> {
    use serde_json::{json, Value};
    let mut refs = Vec::new();
    let mut map = serde_json::Map::new();
    let inputs_dir = Layout::inputs(run_dir);
    let ids = subdirs(&inputs_dir)?;
    if ids.is_empty() {
        return Ok((refs, map));
    }
    let exp_dir = run_dir.parent().unwrap_or(run_dir);
    let mut dataset_inputs = Vec::new();
    let mut model_inputs = Vec::new();
    for id in ids {
        let meta_path = Layout::meta(&inputs_dir.join(&id));
        let input = meta::read_input(&meta_path)?;
        match input.source_type.as_str() {
            "DATASET" => {
                let ds_meta = Layout::meta(&Layout::dataset(exp_dir, &input.source_id));
                let ds = match meta::read_dataset(&ds_meta) {
                    Ok(ds) => ds,
                    Err(StoreError::Io { source, .. })
                        if source.kind() == std::io::ErrorKind::NotFound =>
                    {
                        continue
                    }
                    Err(e) => return Err(e),
                };
                refs.push(DatasetRef {
                    name: ds.name.clone(),
                    digest: ds.digest.clone(),
                    context: input.tags.get("mlflow.data.context").cloned(),
                });
                let tags: Vec<Value> = input
                    .tags
                    .iter()
                    .map(|(k, v)| json!({"key": k, "value": v}))
                    .collect();
                dataset_inputs.push(json!({"tags": tags, "dataset": ds}));
            }
            "MODEL" => model_inputs.push(json!({"model_id": input.source_id})),
            _ => {}
        }
    }
    map.insert("dataset_inputs".into(), Value::Array(dataset_inputs));
    map.insert("model_inputs".into(), Value::Array(model_inputs));
    Ok((refs, map))
}
