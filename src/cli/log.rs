//! The logging verbs scripts call: log-param(s), log-metric(s), set-tag and the streaming log-batch.
use super::error::{CliError, CliResult};
use super::{env_vars, missing_run_id, now_ms, parse_kv, Ctx};
use clap::Args;
use mlrun::{pyfloat, validate, Metric, Param, Tag};
use serde::Deserialize;
use std::io::Read;

#[derive(Debug, Args)]
pub struct RunSel {
    /// The run [env: MLFLOW_RUN_ID]
    #[arg(long, env = env_vars::RUN_ID)]
    pub run_id: Option<String>,
}

impl RunSel {
    fn get(&self) -> CliResult<&str> {
        self.run_id.as_deref().ok_or_else(missing_run_id)
    }
}

#[derive(Debug, Args)]
pub struct LogParamArgs {
    #[command(flatten)]
    pub run: RunSel,
    pub key: String,
    pub value: String,
}

#[derive(Debug, Args)]
pub struct LogParamsArgs {
    #[command(flatten)]
    pub run: RunSel,
    /// Params as KEY=VALUE
    #[arg(value_parser = parse_kv, required = true, value_name = "K=V")]
    pub params: Vec<(String, String)>,
}

#[derive(Debug, Args)]
pub struct LogMetricArgs {
    #[command(flatten)]
    pub run: RunSel,
    pub key: String,
    /// A number (Python spellings such as nan, inf, 1e-05 are accepted)
    #[arg(value_parser = parse_value, allow_hyphen_values = true)]
    pub value: f64,
    /// Step (an integer)
    #[arg(long, default_value_t = 0, allow_hyphen_values = true)]
    pub step: i64,
    /// Timestamp in milliseconds since the epoch [default: now]
    #[arg(long, allow_hyphen_values = true)]
    pub timestamp: Option<i64>,
}

#[derive(Debug, Args)]
pub struct LogMetricsArgs {
    #[command(flatten)]
    pub run: RunSel,
    /// Metrics as KEY=VALUE
    #[arg(value_parser = parse_kv, required = true, value_name = "K=V")]
    pub metrics: Vec<(String, String)>,
    #[arg(long, default_value_t = 0, allow_hyphen_values = true)]
    pub step: i64,
    #[arg(long, allow_hyphen_values = true)]
    pub timestamp: Option<i64>,
}

#[derive(Debug, Args)]
pub struct SetTagArgs {
    #[command(flatten)]
    pub run: RunSel,
    pub key: String,
    pub value: String,
}

#[derive(Debug, Args)]
pub struct LogBatchArgs {
    #[command(flatten)]
    pub run: RunSel,
    /// A file of LogBatch JSON ({"metrics":[…],"params":[…],"tags":[…]}), one object or one per line;
    /// `-` or nothing reads stdin
    pub file: Option<std::path::PathBuf>,
}

fn parse_value(s: &str) -> Result<f64, String> {
    pyfloat::parse(s).ok_or_else(|| format!("'{s}' is not a number"))
}

fn metric_value(key: &str, s: &str) -> CliResult<f64> {
    pyfloat::parse(s)
        .ok_or_else(|| CliError::user(format!("metric '{key}': value '{s}' is not a number")))
}

fn params_from(pairs: Vec<(String, String)>, ctx: &Ctx) -> Vec<Param> {
    pairs
        .into_iter()
        .map(|(k, v)| {
            if v.chars().count() > validate::MAX_PARAM_VALUE_LEN {
                ctx.warn(&format!(
                    "param '{k}' is longer than {} characters and was truncated",
                    validate::MAX_PARAM_VALUE_LEN
                ));
            }
            Param::new(k, v)
        })
        .collect()
}

pub fn log_param(ctx: &Ctx, a: LogParamArgs) -> CliResult {
    let run_id = a.run.get()?;
    let params = params_from(vec![(a.key, a.value)], ctx);
    Ok(ctx.store()?.log_batch(run_id, &[], &params, &[])?)
}

pub fn log_params(ctx: &Ctx, a: LogParamsArgs) -> CliResult {
    let run_id = a.run.get()?;
    let params = params_from(a.params, ctx);
    let store = ctx.store()?;
    for chunk in params.chunks(validate::MAX_BATCH_PARAMS) {
        store.log_batch(run_id, &[], chunk, &[])?;
    }
    Ok(())
}

pub fn log_metric(ctx: &Ctx, a: LogMetricArgs) -> CliResult {
    let run_id = a.run.get()?;
    let m = Metric {
        key: a.key,
        value: a.value,
        timestamp: a.timestamp.unwrap_or_else(now_ms),
        step: a.step,
    };
    Ok(ctx.store()?.log_batch(run_id, &[m], &[], &[])?)
}

pub fn log_metrics(ctx: &Ctx, a: LogMetricsArgs) -> CliResult {
    let run_id = a.run.get()?;
    let ts = a.timestamp.unwrap_or_else(now_ms);
    let metrics = a
        .metrics
        .into_iter()
        .map(|(k, v)| {
            Ok(Metric {
                value: metric_value(&k, &v)?,
                key: k,
                timestamp: ts,
                step: a.step,
            })
        })
        .collect::<CliResult<Vec<_>>>()?;
    let store = ctx.store()?;
    for chunk in metrics.chunks(validate::MAX_BATCH_METRICS) {
        store.log_batch(run_id, chunk, &[], &[])?;
    }
    Ok(())
}

pub fn set_tag(ctx: &Ctx, a: SetTagArgs) -> CliResult {
    let run_id = a.run.get()?;
    Ok(ctx
        .store()?
        .log_batch(run_id, &[], &[], &[Tag::new(a.key, a.value)])?)
}

/// One LogBatch object, as MLflow's REST API takes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Batch {
    #[serde(default)]
    metrics: Vec<BatchMetric>,
    #[serde(default)]
    params: Vec<KV>,
    #[serde(default)]
    tags: Vec<KV>,
    #[serde(default)]
    #[allow(dead_code)]
    run_id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct BatchMetric {
    key: String,
    value: serde_json::Value,
    timestamp: Option<i64>,
    step: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct KV {
    key: String,
    value: serde_json::Value,
}

fn kv_string(v: serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    }
}

pub fn log_batch(ctx: &Ctx, a: LogBatchArgs) -> CliResult {
    let run_id = a.run.get()?.to_string();
    let (source_name, reader): (String, Box<dyn Read>) = match &a.file {
        None => ("stdin".into(), Box::new(std::io::stdin().lock())),
        Some(p) if p.as_os_str() == "-" => ("stdin".into(), Box::new(std::io::stdin().lock())),
        Some(p) => (
            p.display().to_string(),
            Box::new(
                std::fs::File::open(p)
                    .map_err(|e| CliError::user(format!("{}: {e}", p.display())))?,
            ),
        ),
    };
    let store = ctx.store()?;
    let reader = std::io::BufReader::with_capacity(1 << 16, reader);
    let mut total = (0usize, 0usize, 0usize);
    let mut pending: Vec<Metric> = Vec::new();
    let now = now_ms();
    for (i, item) in serde_json::Deserializer::from_reader(reader)
        .into_iter::<Batch>()
        .enumerate()
    {
        let batch = item.map_err(|e| {
            CliError::user(format!(
                "{source_name}: object {}: invalid LogBatch JSON: {e}",
                i + 1
            ))
        })?;
        for m in batch.metrics {
            let value = match &m.value {
                serde_json::Value::Number(n) => n.as_f64().unwrap_or(f64::NAN),
                serde_json::Value::String(s) => metric_value(&m.key, s)?,
                other => {
                    return Err(CliError::user(format!(
                        "{source_name}: metric '{}': value {other} is not a number",
                        m.key
                    )))
                }
            };
            pending.push(Metric {
                key: m.key,
                value,
                timestamp: m.timestamp.unwrap_or(now),
                step: m.step.unwrap_or(0),
            });
        }
        let params: Vec<Param> = batch
            .params
            .into_iter()
            .map(|p| Param::new(p.key, kv_string(p.value)))
            .collect();
        let tags: Vec<Tag> = batch
            .tags
            .into_iter()
            .map(|t| Tag::new(t.key, kv_string(t.value)))
            .collect();
        total.1 += params.len();
        total.2 += tags.len();
        for chunk in params.chunks(validate::MAX_BATCH_PARAMS) {
            store.log_batch(&run_id, &[], chunk, &[])?;
        }
        for chunk in tags.chunks(validate::MAX_BATCH_TAGS) {
            store.log_batch(&run_id, &[], &[], chunk)?;
        }
        if pending.len() >= validate::MAX_BATCH_METRICS {
            for chunk in pending.chunks(validate::MAX_BATCH_METRICS) {
                store.log_batch(&run_id, chunk, &[], &[])?;
            }
            total.0 += pending.len();
            pending.clear();
        }
    }
    for chunk in pending.chunks(validate::MAX_BATCH_METRICS) {
        store.log_batch(&run_id, chunk, &[], &[])?;
    }
    total.0 += pending.len();
    ctx.say(&format!(
        "logged {} metric points, {} params, {} tags to run {run_id}",
        total.0, total.1, total.2
    ));
    Ok(())
}
