//! `mlrun log-batch`: MLflow LogBatch JSON objects streamed into a run.
use crate::cli::args::{metric_value, RunSel};
use crate::cli::error::{CliError, CliResult};
use crate::cli::{now_ms, Ctx};
use clap::Args;
use mlrun::{validate, Metric, Param, Tag};
use serde::Deserialize;
use std::io::Read;

#[derive(Debug, Args)]
pub struct LogBatchArgs {
    #[command(flatten)]
    pub run: RunSel,
    /// A file of LogBatch JSON ({"metrics":[…],"params":[…],"tags":[…]}), one object or one per line;
    /// `-` or nothing reads stdin
    pub file: Option<std::path::PathBuf>,
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

pub fn cmd_log_batch(ctx: &Ctx, a: LogBatchArgs) -> CliResult {
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
        // Keys are named by their place in the object, as MLflow's log_batch names them.
        for (j, m) in batch.metrics.iter().enumerate() {
            validate::key_at(&m.key, "Metric", &format!("metrics[{j}].name"))?;
        }
        for (j, p) in batch.params.iter().enumerate() {
            validate::key_at(&p.key, "Param", &format!("params[{j}].key"))?;
        }
        for (j, t) in batch.tags.iter().enumerate() {
            validate::key_at(&t.key, "Tag", &format!("tags[{j}].key"))?;
        }
        for m in batch.metrics {
            let value = match &m.value {
                serde_json::Value::Number(n) => n.as_f64().unwrap_or(f64::NAN),
                serde_json::Value::String(s) => metric_value(&m.key, s)?,
                // Python's bool is a number: MLflow's client logs true as 1.0, false as 0.0.
                serde_json::Value::Bool(b) => f64::from(u8::from(*b)),
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
