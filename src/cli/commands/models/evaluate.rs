//! `mlrun models evaluate`: scores a model on a CSV file (natively for ONNX, through the serving
//! workers for python_function), logs MLflow's default metrics for its type into a run, with a
//! confusion matrix or a residual plot, and gates on thresholds.
use super::loading::{load, ModelEnvManager};
use crate::cli::args::{experiment_for_new_run, source_tags, user, ExperimentSel};
use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{print_json, print_rows};
use crate::cli::{now_ms, Ctx, OutputFormat};
use clap::{Args, ValueEnum};
use mlrun::evaluate::{self, Label, Threshold};
use mlrun::serve::pool::{Payload, Scorer};
use mlrun::serve::protocol::{self, BodyKind, ScoringError};
use mlrun::store::NewRun;
use mlrun::{Metric, RunStatus, Tag};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

/// The exit code when the model falls short of a `--threshold`.
pub const GATE_FAILED: i32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelTypeArg {
    Classifier,
    Regressor,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  mlrun models evaluate -m models:/wine@champion --data test.csv --targets quality --model-type regressor
  mlrun models evaluate -m runs:/RUN/model --data test.csv --targets label --model-type classifier \\
      --baseline models:/clf@prod --threshold accuracy_score>=0.9 --threshold f1_score>=0.85")]
pub struct EvaluateArgs {
    /// The model (any URI `models serve` takes)
    #[arg(short = 'm', long = "model-uri", value_name = "URI")]
    pub model_uri: String,
    /// The evaluation data: a CSV file with a header row
    #[arg(long, value_name = "FILE")]
    pub data: PathBuf,
    /// The column holding the targets (left out of what the model sees)
    #[arg(long, value_name = "COLUMN")]
    pub targets: String,
    /// Which of MLflow's default metric sets to compute
    #[arg(long, value_enum)]
    pub model_type: ModelTypeArg,
    /// Log into this run (it stays as it is) instead of a new run
    #[arg(long, conflicts_with_all = ["experiment_id", "experiment_name"])]
    pub run_id: Option<String>,
    #[command(flatten)]
    pub exp: ExperimentSel,
    /// Also evaluate this model on the same data and show it beside (its metrics are not logged)
    #[arg(long, value_name = "URI")]
    pub baseline: Option<String>,
    /// A gate METRIC>=VALUE (or <=, >, <, ==), repeatable: exit 3 when the model falls short
    #[arg(long = "threshold", value_name = "METRIC>=VALUE", value_parser = Threshold::parse)]
    pub thresholds: Vec<Threshold>,
    /// How to build a python_function model's environment (ignored for ONNX)
    #[arg(long, value_enum, default_value_t = ModelEnvManager::Virtualenv)]
    pub env_manager: ModelEnvManager,
}

/// The data split into the model's input (as CSV, the target column left out) and the targets.
fn read_data(path: &std::path::Path, target: &str) -> CliResult<(Vec<u8>, Vec<String>)> {
    let bad = |e: &dyn std::fmt::Display| {
        CliError::user(format!(
            "cannot read the data file '{}': {e}",
            path.display()
        ))
    };
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
    {
        return Err(bad(&"Parquet is not read yet; give a CSV file"));
    }
    let mut reader = csv::Reader::from_path(path).map_err(|e| bad(&e))?;
    let headers = reader.headers().map_err(|e| bad(&e))?.clone();
    let Some(t) = headers.iter().position(|h| h == target) else {
        return Err(CliError::user(format!(
            "the data file '{}' has no column '{target}' (its columns: {})",
            path.display(),
            headers.iter().collect::<Vec<_>>().join(", ")
        )));
    };
    let mut out = csv::Writer::from_writer(Vec::new());
    let keep = |r: &csv::StringRecord| -> Vec<String> {
        r.iter()
            .enumerate()
            .filter(|(i, _)| *i != t)
            .map(|(_, v)| v.to_string())
            .collect()
    };
    out.write_record(keep(&headers)).map_err(|e| bad(&e))?;
    let mut targets = Vec::new();
    for (n, row) in reader.records().enumerate() {
        let row = row.map_err(|e| bad(&format!("row {}: {e}", n + 2)))?;
        targets.push(row.get(t).unwrap_or_default().to_string());
        out.write_record(keep(&row)).map_err(|e| bad(&e))?;
    }
    if targets.is_empty() {
        return Err(bad(&"it has no rows"));
    }
    Ok((out.into_inner().map_err(|e| bad(&e))?, targets))
}

/// One prediction per row from a scoring reply: a list of scalars, of one-element lists, of
/// one-field objects, or an object with one list (MLflow's shapes for single-output models).
fn predictions(body: &[u8]) -> CliResult<Vec<String>> {
    let bad = |why: &str| {
        CliError::user(format!(
            "the model's predictions cannot be evaluated: {why}"
        ))
    };
    let v: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| bad(&format!("not JSON ({e})")))?;
    let mut list = v.get("predictions").cloned().unwrap_or(v);
    if let serde_json::Value::Object(m) = &list {
        if m.len() == 1 {
            list = m.values().next().cloned().unwrap_or_default();
        }
    }
    let serde_json::Value::Array(items) = list else {
        return Err(bad("expected one prediction per row"));
    };
    let scalar = |x: &serde_json::Value| -> Option<String> {
        match x {
            serde_json::Value::Number(n) => Some(n.to_string()),
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Bool(b) => Some(if *b { "1" } else { "0" }.to_string()),
            serde_json::Value::Array(a) if a.len() == 1 => match &a[0] {
                serde_json::Value::Number(n) => Some(n.to_string()),
                serde_json::Value::String(s) => Some(s.clone()),
                _ => None,
            },
            serde_json::Value::Object(m) if m.len() == 1 => match m.values().next() {
                Some(serde_json::Value::Number(n)) => Some(n.to_string()),
                Some(serde_json::Value::String(s)) => Some(s.clone()),
                _ => None,
            },
            _ => None,
        }
    };
    items
        .iter()
        .map(|x| scalar(x).ok_or_else(|| bad("a prediction with several outputs")))
        .collect()
}

/// The class probabilities a Python worker added to its reply (`"probabilities"`: one row of
/// numbers per prediction), if any.
fn probabilities(body: &[u8]) -> Option<Vec<Vec<f64>>> {
    let v: serde_json::Value = serde_json::from_slice(body).ok()?;
    v.get("probabilities")?
        .as_array()?
        .iter()
        .map(|row| row.as_array()?.iter().map(|x| x.as_f64()).collect())
        .collect()
}

/// Scores the data with one model and computes the metrics (and the plot).
fn evaluate_one(
    ctx: &Ctx,
    uri: &str,
    a: &EvaluateArgs,
    input: &[u8],
    targets: &[String],
) -> CliResult<(BTreeMap<String, f64>, (String, String))> {
    let loaded = load(ctx, uri, a.env_manager, 1, 1, Duration::from_secs(600))?;
    let reply = match protocol::parse_body(BodyKind::Csv, input, &loaded.model.inputs) {
        // A Python model is asked for class probabilities too (its worker answers with them
        // where MLflow's evaluator would find them).
        Ok(req) => match (&loaded.scorer, a.model_type) {
            (Scorer::Python(pool), ModelTypeArg::Classifier) => {
                let mut msg = req.worker_message();
                msg.pop();
                msg.extend_from_slice(b",\"proba\":true}");
                pool.score(Payload::Message(msg), None)
            }
            _ => loaded.scorer.score(req, None),
        },
        Err(e) => e.into(),
    };
    loaded.shutdown();
    if reply.status != 200 {
        let e = ScoringError {
            status: reply.status,
            content_type: reply.content_type,
            body: String::from_utf8_lossy(&reply.body).into_owned(),
        };
        return Err(CliError::user(format!(
            "scoring '{uri}' failed: {}",
            e.message()
        )));
    }
    let preds = predictions(&reply.body)?;
    let proba = probabilities(&reply.body);
    let fail = |e: evaluate::EvalError| CliError::user(e.to_string());
    match a.model_type {
        ModelTypeArg::Regressor => {
            let num = |v: &[String], what: &str| -> CliResult<Vec<f64>> {
                v.iter()
                    .enumerate()
                    .map(|(i, s)| {
                        mlrun::pyfloat::parse(s.trim()).ok_or_else(|| {
                            CliError::user(format!(
                                "{what} of row {} is '{s}', not a number (a regressor's targets and predictions are numbers)",
                                i + 1
                            ))
                        })
                    })
                    .collect()
            };
            let (y, p) = (num(targets, "the target")?, num(&preds, "the prediction")?);
            let m = evaluate::regressor_metrics(&y, &p).map_err(fail)?;
            Ok((
                m,
                ("residuals_plot.svg".into(), evaluate::residuals_svg(&y, &p)),
            ))
        }
        ModelTypeArg::Classifier => {
            let y: Vec<Label> = targets.iter().map(|s| Label::parse(s)).collect();
            let p: Vec<Label> = preds.iter().map(|s| Label::parse(s)).collect();
            let mut m = evaluate::classifier_metrics(&y, &p).map_err(fail)?;
            if let Some(proba) = &proba {
                m.extend(evaluate::probability_metrics(&y, &p, proba));
            }
            let labels = evaluate::label_list(&y, &p);
            let svg = evaluate::confusion_svg(&labels, &evaluate::confusion(&y, &p, &labels));
            Ok((m, ("confusion_matrix.svg".into(), svg)))
        }
    }
}

pub fn cmd_evaluate(ctx: &Ctx, a: EvaluateArgs) -> CliResult {
    let (input, targets) = read_data(&a.data, &a.targets)?;
    let (metrics, (plot_name, plot)) = evaluate_one(ctx, &a.model_uri, &a, &input, &targets)?;
    let baseline = match &a.baseline {
        Some(uri) => Some(evaluate_one(ctx, uri, &a, &input, &targets)?.0),
        None => None,
    };

    // A gate on a metric this evaluation does not compute is a usage error, before anything is
    // written.
    if let Some(t) = a
        .thresholds
        .iter()
        .find(|t| !metrics.contains_key(&t.metric))
    {
        return Err(CliError::usage(format!(
            "--threshold names '{}', which this {} evaluation does not compute (it computes: {})",
            t.metric,
            match a.model_type {
                ModelTypeArg::Classifier => "classifier",
                ModelTypeArg::Regressor => "regressor",
            },
            metrics.keys().cloned().collect::<Vec<_>>().join(", ")
        )));
    }

    let store = ctx.store()?;
    let (run_id, new_run) = match &a.run_id {
        Some(r) => (store.get_run(r)?.info.run_id, false),
        None => {
            let experiment_id = experiment_for_new_run(ctx, store, &a.exp)?;
            let user = user();
            let mut tags = source_tags(&user);
            tags.push(Tag::new("mlrun.evaluated_model", a.model_uri.clone()));
            let run = store.create_run(NewRun {
                experiment_id,
                user_id: user,
                start_time: now_ms(),
                run_name: None,
                tags,
            })?;
            (run.info.run_id, true)
        }
    };
    let ts = now_ms();
    let points: Vec<Metric> = metrics
        .iter()
        .map(|(k, v)| Metric {
            key: k.clone(),
            value: *v,
            timestamp: ts,
            step: 0,
        })
        .collect();
    store.log_batch(&run_id, &points, &[], &[])?;
    let dir = tempfile::tempdir()?;
    let plot_path = dir.path().join(&plot_name);
    std::fs::write(&plot_path, plot)?;
    store.log_artifacts(&run_id, &[plot_path], None, &|_| {})?;
    if new_run {
        store.update_run(&run_id, RunStatus::Finished, Some(now_ms()))?;
    }
    ctx.say(&format!(
        "Logged {} metrics and {plot_name} to run {run_id}",
        metrics.len()
    ));

    match ctx.output {
        OutputFormat::Json => print_json(&serde_json::json!({
            "run_id": run_id,
            "metrics": metrics,
            "baseline_metrics": baseline,
        }))?,
        _ => {
            let mut headers = vec!["metric", "value"];
            if baseline.is_some() {
                headers.push("baseline");
            }
            let rows: Vec<Vec<String>> = metrics
                .iter()
                .map(|(k, v)| {
                    let mut row = vec![k.clone(), mlrun::pyfloat::format(*v)];
                    if let Some(b) = &baseline {
                        row.push(
                            b.get(k)
                                .map_or(String::new(), |x| mlrun::pyfloat::format(*x)),
                        );
                    }
                    row
                })
                .collect();
            print_rows(ctx, &headers, &rows)?;
        }
    }

    let mut short = Vec::new();
    for t in &a.thresholds {
        if t.holds(&metrics) == Some(false) {
            short.push(format!(
                "{} = {} is not {} {}",
                t.metric,
                mlrun::pyfloat::format(metrics[&t.metric]),
                t.op,
                mlrun::pyfloat::format(t.value)
            ));
        }
    }
    if !short.is_empty() {
        return Err(CliError {
            code: GATE_FAILED,
            ..CliError::user(format!("the model falls short: {}", short.join("; ")))
        });
    }
    Ok(())
}
