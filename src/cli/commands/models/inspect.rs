//! `mlrun models inspect`
use super::{source_error, Lineage};
use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{print_json, print_rows};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::models::mlmodel::{self, MlModel};
use mlrun::stores::Stores;
use serde_json::json;
use std::path::Path;

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Any model URI (see `download`)
    uri: String,
}

pub fn cmd_inspect(ctx: &Ctx, stores: &Stores, a: InspectArgs) -> CliResult {
    let reg = stores.registry();
    let InspectArgs { uri } = a;
    let (path, mv) = stores
        .model_files(&uri)
        .map_err(|e| source_error(reg, &uri, e))?;
    let version_run = mv.and_then(|mv| mv.run_id).filter(|id| !id.is_empty());
    inspect(ctx, stores, &uri, &path, version_run)
}

fn inspect(
    ctx: &Ctx,
    stores: &Stores,
    uri: &str,
    path: &Path,
    version_run: Option<String>,
) -> CliResult {
    let dir = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let m = MlModel::read(&dir).map_err(|e| {
        CliError::from(e).with_hint(format!(
            "'{uri}' resolved to {}, which has no readable MLmodel file",
            dir.display()
        ))
    })?;
    let parse_json = |s: &Option<String>| {
        s.as_deref()
            .map(|t| serde_json::from_str::<serde_json::Value>(t).unwrap_or(t.into()))
    };
    let sig = m.signature();
    let example_info = m.input_example_info();
    let example = example_info.as_ref().and_then(|info| {
        let file = info.iter().find(|(k, _)| k == "artifact_path")?.1.clone();
        let text = std::fs::read_to_string(dir.join(file)).ok()?;
        serde_json::from_str::<serde_json::Value>(&text).ok()
    });
    // The run that made it: the registered version's, else the one its MLmodel names.
    let run_id = version_run.or_else(|| {
        m.get("run_id")
            .map(mlmodel::scalar_text)
            .filter(|id| !id.is_empty() && id != "null")
    });
    let lineage = run_id.map(|id| Lineage::of(stores.tracking(), &id));
    if ctx.output == OutputFormat::Json {
        let flavors: serde_json::Map<String, serde_json::Value> = m
            .flavors()
            .into_iter()
            .map(|f| {
                (
                    f.name,
                    mlmodel::to_json(&mlrun::pyyaml::Value::Map(f.config)),
                )
            })
            .collect();
        let meta = |k: &str| m.get(k).map(mlmodel::to_json);
        return print_json(&json!({
            "uri": uri,
            "path": dir,
            "flavors": flavors,
            "signature": sig.as_ref().map(|s| json!({
                "inputs": parse_json(&s.inputs),
                "outputs": parse_json(&s.outputs),
                "params": parse_json(&s.params),
            })),
            "saved_input_example_info": example_info.map(|info| info
                .into_iter()
                .map(|(k, v)| (k, serde_json::Value::String(v)))
                .collect::<serde_json::Map<_, _>>()),
            "input_example": example,
            "model_id": meta("model_id"),
            "model_uuid": meta("model_uuid"),
            "run_id": meta("run_id"),
            "model_size_bytes": meta("model_size_bytes"),
            "utc_time_created": meta("utc_time_created"),
            "mlflow_version": meta("mlflow_version"),
            "lineage": lineage.as_ref().map(Lineage::to_json),
        }));
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for f in m.flavors() {
        let cfg = f
            .config
            .iter()
            .filter(|(_, v)| *v != mlrun::pyyaml::Value::Null)
            .map(|(k, v)| format!("{k}={}", mlmodel::scalar_text(v)))
            .collect::<Vec<_>>()
            .join(" ");
        rows.push(vec![format!("flavor {}", f.name), cfg]);
    }
    if let Some(s) = &sig {
        for (part, text) in [
            ("inputs", &s.inputs),
            ("outputs", &s.outputs),
            ("params", &s.params),
        ] {
            if let Some(t) = text {
                rows.push(vec![format!("signature {part}"), t.clone()]);
            }
        }
    }
    if let Some(info) = &example_info {
        let kind = info
            .iter()
            .find(|(k, _)| k == "type")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        rows.push(vec![
            format!("input example ({kind})"),
            example.map(|e| e.to_string()).unwrap_or_default(),
        ]);
    }
    for key in [
        "model_id",
        "model_uuid",
        "run_id",
        "model_size_bytes",
        "utc_time_created",
        "mlflow_version",
    ] {
        if let Some(v) = m.get(key) {
            rows.push(vec![key.to_string(), mlmodel::scalar_text(v)]);
        }
    }
    rows.extend(lineage.map(|l| l.rows()).unwrap_or_default());
    print_rows(ctx, &["Field", "Value"], &rows)
}
