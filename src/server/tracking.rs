//! The tracking endpoints: experiments, runs, metrics; each the same store call MLflow's handler
//! makes, with its checks and its response message.
use super::request::{ApiError, ApiResult, Params};
use super::{empty, Endpoint, Server};
use crate::entities::{Experiment, Metric, Run, RunStatus, ViewType};
use crate::search;
use crate::store::{NewRun, RunQuery, TrackingStore};
use serde_json::{json, Value};

/// MLflow's `SEARCH_MAX_RESULTS_DEFAULT`.
const DEFAULT_MAX_RESULTS: i64 = 1000;
/// MLflow's `SEARCH_MAX_RESULTS_THRESHOLD` for runs.
const MAX_RUN_RESULTS: i64 = 50_000;

pub(super) fn route(method: &str, endpoint: &str) -> Option<Endpoint> {
    Some(match (method, endpoint) {
        ("POST", "experiments/create") => create_experiment,
        ("GET", "experiments/get") => get_experiment,
        ("GET", "experiments/get-by-name") => get_experiment_by_name,
        ("GET" | "POST", "experiments/search") => search_experiments,
        ("POST", "experiments/update") => update_experiment,
        ("POST", "experiments/delete") => delete_experiment,
        ("POST", "experiments/restore") => restore_experiment,
        ("POST", "experiments/set-experiment-tag") => set_experiment_tag,
        ("POST", "experiments/delete-experiment-tag") => delete_experiment_tag,
        ("POST", "runs/create") => create_run,
        ("GET", "runs/get") => get_run,
        ("POST", "runs/update") => update_run,
        ("POST", "runs/delete") => delete_run,
        ("POST", "runs/restore") => restore_run,
        ("POST", "runs/search") => search_runs,
        ("POST", "runs/log-metric") => log_metric,
        ("POST", "runs/log-parameter") => log_param,
        ("POST", "runs/set-tag") => set_tag,
        ("POST", "runs/delete-tag") => delete_tag,
        ("POST", "runs/log-batch") => log_batch,
        ("GET", "metrics/get-history") => metric_history,
        ("GET", "metrics/get-history-bulk") => metric_history_bulk,
        ("GET", "metrics/get-history-bulk-interval") => metric_history_bulk_interval,
        ("POST", "runs/outputs") => super::registry::log_outputs,
        ("POST", "runs/log-inputs") => log_inputs,
        _ => return None,
    })
}

fn store(s: &Server) -> &dyn TrackingStore {
    s.stores.tracking()
}

/// An experiment as MLflow's `Experiment` message: tags left out when there are none.
pub(super) fn experiment_json(e: &Experiment) -> Value {
    let mut v = serde_json::to_value(e).unwrap_or_else(|_| empty());
    if e.tags.is_empty() {
        if let Some(o) = v.as_object_mut() {
            o.remove("tags");
        }
    }
    v["workspace"] = json!("default");
    v
}

/// A run as MLflow's `Run` message: each metric names its run, empty lists left out.
pub(super) fn run_json(r: &Run) -> Value {
    let mut data = serde_json::Map::new();
    if !r.data.metrics.is_empty() {
        let metrics = r.data.metrics.iter().map(|m| json!(m)).collect();
        data.insert("metrics".into(), Value::Array(metrics));
    }
    for (name, items) in [("params", &r.data.params), ("tags", &r.data.tags)] {
        if !items.is_empty() {
            data.insert(name.into(), json!(items));
        }
    }
    json!({"info": r.info, "data": data, "inputs": r.inputs, "outputs": r.outputs})
}

fn view_type(p: &Params, name: &str) -> ApiResult<ViewType> {
    let Some(v) = p.0.get(name).filter(|v| !v.is_null()) else {
        return Ok(ViewType::ActiveOnly);
    };
    match v {
        Value::String(s) if s == "ACTIVE_ONLY" || s == "1" => Ok(ViewType::ActiveOnly),
        Value::String(s) if s == "DELETED_ONLY" || s == "2" => Ok(ViewType::DeletedOnly),
        Value::String(s) if s == "ALL" || s == "3" => Ok(ViewType::All),
        Value::Number(n) => match n.as_i64() {
            Some(1) => Ok(ViewType::ActiveOnly),
            Some(2) => Ok(ViewType::DeletedOnly),
            Some(3) => Ok(ViewType::All),
            _ => Err(ApiError::invalid(format!(
                "Invalid value {n} for parameter '{name}'"
            ))),
        },
        other => Err(ApiError::invalid(format!(
            "Invalid value {other} for parameter '{name}'"
        ))),
    }
}

fn run_id(p: &Params) -> ApiResult<String> {
    p.required_any(&["run_id", "run_uuid"])
}

fn create_experiment(s: &Server, p: &Params) -> ApiResult {
    let name = p.required("name")?;
    let location = p.str("artifact_location", false)?.filter(|l| !l.is_empty());
    let tags = p.key_values("tags")?;
    let id = store(s).create_experiment(&name, location.as_deref(), &tags)?;
    Ok(json!({ "experiment_id": id }))
}

fn get_experiment(s: &Server, p: &Params) -> ApiResult {
    let e = store(s).get_experiment(&p.required("experiment_id")?)?;
    Ok(json!({ "experiment": experiment_json(&e) }))
}

fn get_experiment_by_name(s: &Server, p: &Params) -> ApiResult {
    let name = p.required("experiment_name")?;
    match store(s).get_experiment_by_name(&name)? {
        Some(e) => Ok(json!({ "experiment": experiment_json(&e) })),
        None => Err(ApiError::new(
            "RESOURCE_DOES_NOT_EXIST",
            format!("Could not find experiment with name '{name}'"),
        )),
    }
}

fn search_experiments(s: &Server, p: &Params) -> ApiResult {
    // The proto field has no default: a request without it asks for 0 and is refused, as MLflow's.
    let max_results = p.int("max_results", false)?.unwrap_or(0);
    let text = p.str("filter", false)?.unwrap_or_default();
    let filter = search::parse_experiment_filter(&text).map_err(search_error)?;
    let order_by = p
        .strings("order_by")?
        .iter()
        .map(|o| search::parse_experiment_order_by(o).map_err(search_error))
        .collect::<ApiResult<Vec<_>>>()?;
    search::check_experiment_max_results(max_results).map_err(search_error)?;
    let listing = store(s).list_experiments(view_type(p, "view_type")?)?;
    let token = p.str("page_token", false)?.filter(|t| !t.is_empty());
    let (exps, next) = search::select_experiments(
        listing.items,
        &filter,
        &order_by,
        max_results,
        token.as_deref(),
    )
    .map_err(search_error)?;
    let mut out = json!({});
    if !exps.is_empty() {
        out["experiments"] = exps.iter().map(experiment_json).collect();
    }
    if let Some(t) = next {
        out["next_page_token"] = json!(t);
    }
    Ok(out)
}

fn search_error(e: search::SearchError) -> ApiError {
    ApiError::invalid(e.message)
}

fn update_experiment(s: &Server, p: &Params) -> ApiResult {
    let id = p.required("experiment_id")?;
    if let Some(name) = p.str("new_name", false)?.filter(|n| !n.is_empty()) {
        store(s).rename_experiment(&id, &name)?;
    }
    Ok(empty())
}

fn delete_experiment(s: &Server, p: &Params) -> ApiResult {
    store(s).delete_experiment(&p.required("experiment_id")?)?;
    Ok(empty())
}

fn restore_experiment(s: &Server, p: &Params) -> ApiResult {
    store(s).restore_experiment(&p.required("experiment_id")?)?;
    Ok(empty())
}

fn set_experiment_tag(s: &Server, p: &Params) -> ApiResult {
    let id = p.required("experiment_id")?;
    store(s).set_experiment_tag(&id, &p.key_value()?)?;
    Ok(empty())
}

fn delete_experiment_tag(s: &Server, p: &Params) -> ApiResult {
    let id = p.required("experiment_id")?;
    store(s).delete_experiment_tag(&id, &p.required("key")?)?;
    Ok(empty())
}

fn create_run(s: &Server, p: &Params) -> ApiResult {
    let experiment_id = p.str("experiment_id", false)?.unwrap_or_default();
    let start_time = match p.int("start_time", false)? {
        Some(t) => t,
        None => crate::clock::now_ms(),
    };
    let run = store(s).create_run(NewRun {
        experiment_id,
        user_id: p.str("user_id", false)?.unwrap_or_default(),
        start_time,
        run_name: p.str("run_name", false)?.filter(|n| !n.is_empty()),
        tags: p.key_values("tags")?,
    })?;
    let mut v = run_json(&run);
    // MLflow's server answers a new run without its (empty) outputs.
    if run.outputs.is_empty() {
        if let Some(o) = v.as_object_mut() {
            o.remove("outputs");
        }
    }
    Ok(json!({ "run": v }))
}

fn get_run(s: &Server, p: &Params) -> ApiResult {
    let run = store(s).get_run(&run_id(p)?)?;
    Ok(json!({ "run": run_json(&run) }))
}

fn update_run(s: &Server, p: &Params) -> ApiResult {
    let id = run_id(p)?;
    let st = store(s);
    let current = st.get_run(&id)?;
    let status = match p.str("status", false)? {
        Some(name) if !name.is_empty() => name.parse::<RunStatus>().map_err(|_| {
            ApiError::invalid(format!("Invalid value '{name}' for parameter 'status'"))
        })?,
        _ => current.info.status,
    };
    let end_time = p.int("end_time", false)?.or(current.info.end_time);
    if let Some(name) = p.str("run_name", false)?.filter(|n| !n.is_empty()) {
        let tag = crate::entities::Tag::new("mlflow.runName", name);
        st.log_batch(&id, &[], &[], &[tag])?;
    }
    let info = st.update_run(&id, status, end_time)?;
    Ok(json!({ "run_info": info }))
}

fn delete_run(s: &Server, p: &Params) -> ApiResult {
    store(s).delete_run(&run_id(p)?)?;
    Ok(empty())
}

fn restore_run(s: &Server, p: &Params) -> ApiResult {
    store(s).restore_run(&run_id(p)?)?;
    Ok(empty())
}

fn search_runs(s: &Server, p: &Params) -> ApiResult {
    let max_results = p.int("max_results", false)?.unwrap_or(DEFAULT_MAX_RESULTS);
    if max_results > MAX_RUN_RESULTS {
        return Err(ApiError::invalid(format!(
            "Invalid value {max_results} for parameter 'max_results' supplied. It must be at most \
             {MAX_RUN_RESULTS}, but got value {max_results}"
        )));
    }
    let text = p.str("filter", false)?.unwrap_or_default();
    let filter = search::parse_run_filter(&text).map_err(search_error)?;
    let order_by =
        search::parse_run_order_by_list(&p.strings("order_by")?).map_err(search_error)?;
    let page = store(s).search_runs(&RunQuery {
        experiment_ids: p.strings("experiment_ids")?,
        filter,
        order_by,
        max_results,
        page_token: p.str("page_token", false)?.filter(|t| !t.is_empty()),
        view: view_type(p, "run_view_type")?,
        columns: None,
    })?;
    let mut out = json!({});
    if !page.runs.is_empty() {
        out["runs"] = page.runs.iter().map(run_json).collect();
    }
    if let Some(t) = page.next_page_token {
        out["next_page_token"] = json!(t);
    }
    Ok(out)
}

/// A metric from a request: `key`, `value` and `timestamp` required (`where_` names the place in
/// a batch for messages), `step` 0 when absent.
fn metric_of(p: &Params) -> ApiResult<Metric> {
    Ok(Metric {
        key: p.required("key")?,
        value: p.float("value", true)?.unwrap_or_default(),
        timestamp: p.int("timestamp", true)?.unwrap_or_default(),
        step: p.int("step", false)?.unwrap_or(0),
    })
}

fn log_metric(s: &Server, p: &Params) -> ApiResult {
    let id = run_id(p)?;
    store(s).log_batch(&id, &[metric_of(p)?], &[], &[])?;
    Ok(empty())
}

fn log_param(s: &Server, p: &Params) -> ApiResult {
    let id = run_id(p)?;
    let param = p.key_value()?;
    store(s).log_batch(&id, &[], &[param], &[])?;
    Ok(empty())
}

fn set_tag(s: &Server, p: &Params) -> ApiResult {
    let id = run_id(p)?;
    let tag = p.key_value()?;
    store(s).log_batch(&id, &[], &[], &[tag])?;
    Ok(empty())
}

fn delete_tag(s: &Server, p: &Params) -> ApiResult {
    let id = run_id(p)?;
    store(s).delete_tag(&id, &p.required("key")?)?;
    Ok(empty())
}

fn log_batch(s: &Server, p: &Params) -> ApiResult {
    let id = p.required("run_id")?;
    let metrics = p
        .objects("metrics")?
        .iter()
        .map(metric_of)
        .collect::<ApiResult<Vec<_>>>()?;
    let params = p.key_values("params")?;
    let tags = p.key_values("tags")?;
    store(s).log_batch(&id, &metrics, &params, &tags)?;
    Ok(empty())
}

fn metric_history(s: &Server, p: &Params) -> ApiResult {
    let id = run_id(p)?;
    let key = p.required("metric_key")?;
    let points = store(s).metric_history(&id, &key)?;
    let mut out = json!({});
    if !points.is_empty() {
        out["metrics"] = json!(points);
    }
    Ok(out)
}

/// MLflow's `MAX_RUNS_GET_METRIC_HISTORY_BULK` (and the bulk handler's `MAX_RUN_IDS_PER_REQUEST`).
const MAX_BULK_RUNS: usize = 100;
/// The bulk handler's `MAX_HISTORY_RESULTS`.
const MAX_BULK_POINTS: i64 = 25_000;
/// MLflow's `MAX_RESULTS_PER_RUN` for the sampled history.
const MAX_SAMPLED_PER_RUN: i64 = 2500;

/// `metrics/get-history-bulk` takes `run_id` once per run in its query string; every other
/// endpoint reads one `run_id`, so only this one gets them all.
pub(super) fn repeated_run_ids(endpoint: &str, req: &crate::http::Request, p: &mut Params) {
    if endpoint != "metrics/get-history-bulk" {
        return;
    }
    let q = req.target.split_once('?').map_or("", |(_, q)| q);
    let ids: Vec<Value> = crate::ui::parse_query(q)
        .into_iter()
        .filter(|(k, _)| k == "run_id")
        .map(|(_, v)| Value::String(v))
        .collect();
    p.0.insert("run_id".into(), Value::Array(ids));
}

/// One point of several runs' histories: MLflow's `MetricWithRunId`.
fn point_of_run(m: &Metric, run_id: &str) -> Value {
    let mut v = json!(m);
    v["run_id"] = json!(run_id);
    v
}

/// `metrics/get-history-bulk` (the UI's charts): every point of one metric of up to 100 runs, runs
/// by id, each by (timestamp, step, value) as MLflow's SQL store orders them.
fn metric_history_bulk(s: &Server, p: &Params) -> ApiResult {
    let mut ids = p.strings("run_id")?;
    if ids.is_empty() {
        return Err(ApiError::invalid(
            "GetMetricHistoryBulk request must specify at least one run_id.",
        ));
    }
    if ids.len() > MAX_BULK_RUNS {
        return Err(ApiError::invalid(format!(
            "GetMetricHistoryBulk request cannot specify more than {MAX_BULK_RUNS} run_ids. \
             Received {} run_ids.",
            ids.len()
        )));
    }
    let Some(key) = p.str("metric_key", false)? else {
        return Err(ApiError::invalid(
            "GetMetricHistoryBulk request must specify a metric_key.",
        ));
    };
    let max = p
        .int("max_results", false)?
        .unwrap_or(MAX_BULK_POINTS)
        .min(MAX_BULK_POINTS);
    let max = usize::try_from(max).unwrap_or(0);
    ids.sort();
    ids.dedup();
    let mut out = Vec::new();
    for id in &ids {
        let mut points = history_or_none(s, id, &key)?;
        points.sort_by(|a, b| {
            (a.timestamp, a.step)
                .cmp(&(b.timestamp, b.step))
                .then(sql_value(a.value).total_cmp(&sql_value(b.value)))
        });
        out.extend(points.iter().map(|m| point_of_run(m, id)));
        if out.len() >= max {
            break;
        }
    }
    out.truncate(max);
    Ok(json!({ "metrics": out }))
}

/// `metrics/get-history-bulk-interval` (the UI's sampled charts): per run, at most `max_results`
/// points evenly spread over the ordered history (optionally within a step range), the last one
/// always kept, as MLflow's SQL store samples them (NTILE buckets, first row of each).
fn metric_history_bulk_interval(s: &Server, p: &Params) -> ApiResult {
    let ids = p.strings("run_ids")?;
    if ids.is_empty() {
        super::request::missing("run_ids", true)?;
    }
    if ids.len() > MAX_BULK_RUNS {
        return Err(ApiError::invalid(format!(
            "GetMetricHistoryBulkInterval request must specify at most {MAX_BULK_RUNS} run_ids. \
             Received {} run_ids.",
            ids.len()
        )));
    }
    let key = p.required("metric_key")?;
    let start = p.int("start_step", false)?;
    let end = p.int("end_step", false)?;
    let max = p.int("max_results", false)?.unwrap_or(MAX_SAMPLED_PER_RUN);
    if !(1..=MAX_SAMPLED_PER_RUN).contains(&max) {
        return Err(ApiError::invalid(format!(
            "max_results must be between 1 and {MAX_SAMPLED_PER_RUN}."
        )));
    }
    let range = match (start, end) {
        (Some(a), Some(b)) if a > b => {
            return Err(ApiError::invalid(format!(
                "end_step must be greater than start_step. Found start_step={a} and end_step={b}."
            )))
        }
        (Some(a), Some(b)) => Some((a, b)),
        (None, None) => None,
        _ => {
            return Err(ApiError::invalid(
                "If either start step or end step are specified, both must be specified.",
            ))
        }
    };
    let max = usize::try_from(max).unwrap_or(1);
    let mut out = Vec::new();
    for id in &ids {
        let mut points = history_or_none(s, id, &key)?;
        if let Some((a, b)) = range {
            points.retain(|m| (a..=b).contains(&m.step));
        }
        points.sort_by(|a, b| {
            (a.step, a.timestamp)
                .cmp(&(b.step, b.timestamp))
                .then(sql_value(a.value).total_cmp(&sql_value(b.value)))
                .then(a.value.is_nan().cmp(&b.value.is_nan()))
        });
        out.extend(sample(&points, max).map(|m| point_of_run(m, id)));
    }
    let mut v = json!({});
    if !out.is_empty() {
        v["metrics"] = Value::Array(out);
    }
    Ok(v)
}

/// A metric's points; none for a run that does not exist (MLflow's SQL store just finds no rows).
fn history_or_none(s: &Server, run_id: &str, key: &str) -> ApiResult<Vec<Metric>> {
    match store(s).metric_history(run_id, key) {
        Ok(points) => Ok(points),
        Err(crate::error::StoreError::NotFound(_)) => Ok(Vec::new()),
        Err(e) => Err(e.into()),
    }
}

/// The value MLflow's SQL store orders by: NaN is kept as 0 beside its `is_nan` flag.
fn sql_value(v: f64) -> f64 {
    if v.is_nan() {
        0.0
    } else {
        v
    }
}

/// The first point of each of `max` NTILE buckets over `points` (bucket sizes differ by at most
/// one, the larger first), then the last point, which replaces the last sample when there are
/// already `max`.
fn sample(points: &[Metric], max: usize) -> impl Iterator<Item = &Metric> {
    let n = points.len();
    let (q, r) = (n / max, n % max);
    let mut picked: Vec<usize> = (0..max)
        .map(|b| b * q + b.min(r))
        .filter(|&i| i < n)
        .collect();
    picked.dedup();
    if let Some(last) = n.checked_sub(1) {
        if picked.last() != Some(&last) {
            if picked.len() >= max {
                picked.pop();
            }
            picked.push(last);
        }
    }
    picked.into_iter().filter_map(|i| points.get(i))
}

/// `runs/log-inputs`: dataset inputs (model inputs are not kept by this server).
fn log_inputs(s: &Server, p: &Params) -> ApiResult {
    let id = run_id(p)?;
    if !p.objects("models")?.is_empty() {
        return Err(ApiError::new(
            "NOT_IMPLEMENTED",
            "mlrun server does not record model inputs yet",
        ));
    }
    let datasets = p.objects("datasets")?;
    for (i, d) in datasets.iter().enumerate() {
        let ds = d.0.get("dataset").and_then(Value::as_object);
        for field in ["name", "digest"] {
            let given = ds
                .and_then(|o| o.get(field))
                .and_then(Value::as_str)
                .is_some_and(|s| !s.is_empty());
            if !given {
                return Err(ApiError::invalid(format!(
                    "Missing value for required parameter 'datasets[{i}].dataset.{field}'."
                )));
            }
        }
    }
    let values: Vec<Value> = datasets.into_iter().map(|d| Value::Object(d.0)).collect();
    store(s).log_inputs(&id, &values)?;
    Ok(empty())
}
