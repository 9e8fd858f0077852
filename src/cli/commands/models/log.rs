//! `mlrun models log`
use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{print_json, print_line};
use crate::cli::{env_vars, Ctx, OutputFormat};
use clap::Args;
use mlrun::models::mlmodel::{self, KnownFlavor, Signature};
use mlrun::models::LogRequest;
use mlrun::registry::{self, ModelVersion};
use mlrun::stores::Stores;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct LogArgs {
    /// A model folder (with or without an MLmodel file) or a single model file
    path: PathBuf,
    /// The run that produced the model
    #[arg(long, env = env_vars::RUN_ID)]
    run_id: Option<String>,
    /// The model's name within the run (runs:/RUN_ID/NAME finds it)
    #[arg(long, default_value = "model")]
    name: String,
    /// The flavor of a bare model file: onnx or sklearn [default: from the file extension]
    #[arg(long, value_parser = parse_flavor)]
    flavor: Option<KnownFlavor>,
    /// A JSON file {"inputs": [...], "outputs": [...], "params": [...]} in MLflow's schema format
    #[arg(long, value_name = "FILE")]
    signature: Option<PathBuf>,
    /// A JSON file with an input example (a list for tensors, {"columns", "data"} for a dataframe)
    #[arg(long, value_name = "FILE")]
    input_example: Option<PathBuf>,
    /// Python version for the environment files (python_env.yaml, conda.yaml), e.g. 3.11.7
    #[arg(long)]
    python_version: Option<String>,
    /// Also register the logged model under this name
    #[arg(long, value_name = "NAME")]
    register: Option<String>,
}

pub fn cmd_log(ctx: &Ctx, stores: &Stores, a: LogArgs) -> CliResult {
    let models = stores.models();
    let run_id = a.run_id.ok_or_else(crate::cli::missing_run_id)?;
    if let Some(name) = &a.register {
        registry::validate_model_name(name)?;
    }
    let signature = a.signature.as_deref().map(read_signature).transpose()?;
    let input_example = match &a.input_example {
        Some(p) => {
            let text = read_text(p, "input example")?;
            mlmodel::py_json_dumps(&text).map_err(|e| {
                CliError::user(format!("input example '{}' is not JSON: {e}", p.display()))
            })?;
            Some(text)
        }
        None => None,
    };
    let lm = models.log_model(&LogRequest {
        source: a.path.clone(),
        run_id: run_id.clone(),
        name: a.name.clone(),
        flavor: a.flavor,
        signature,
        input_example,
        python_version: a.python_version,
    })?;
    let model_uri = format!("models:/{}", lm.model_id);
    ctx.say(&format!(
        "Logged model '{}' of run {run_id} as {model_uri}.",
        a.name
    ));
    let version = match &a.register {
        Some(name) => {
            let (mv, created) = models.register(&model_uri, name, &[], None)?;
            if created {
                ctx.say(&format!("Successfully registered model '{name}'."));
            }
            ctx.say(&format!(
                "Created version '{}' of model '{}'.",
                mv.version, mv.name
            ));
            Some(mv)
        }
        None => None,
    };
    if ctx.output == OutputFormat::Json {
        #[derive(serde::Serialize)]
        struct Logged<'a> {
            model_id: &'a str,
            model_uri: &'a str,
            name: &'a str,
            artifact_location: &'a str,
            source_run_id: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            model_version: Option<&'a ModelVersion>,
        }
        return print_json(&Logged {
            model_id: &lm.model_id,
            model_uri: &model_uri,
            name: &lm.name,
            artifact_location: &lm.artifact_location,
            source_run_id: lm.source_run_id.as_deref(),
            model_version: version.as_ref(),
        });
    }
    print_line(&model_uri)
}

fn parse_flavor(s: &str) -> Result<KnownFlavor, String> {
    KnownFlavor::parse(s).ok_or_else(|| format!("unknown flavor '{s}' (known: onnx, sklearn)"))
}

fn read_text(p: &Path, what: &str) -> CliResult<String> {
    std::fs::read_to_string(p).map_err(|e| {
        CliError::user(format!(
            "cannot read the {what} file '{}': {e}",
            p.display()
        ))
    })
}

/// Reads a signature file: a JSON object whose `inputs`, `outputs` and `params` are JSON arrays (or
/// the JSON strings an MLmodel holds).
fn read_signature(p: &Path) -> CliResult<Signature> {
    let text = read_text(p, "signature")?;
    let bad = |m: String| {
        CliError::user(format!("invalid signature file '{}': {m}", p.display())).with_hint(
            r#"expected {"inputs": [{"type": "double", "name": "x"}], "outputs": [...], "params": [...]}"#,
        )
    };
    let members = top_level_members(&text).map_err(bad)?;
    let mut sig = Signature::default();
    for (key, raw) in members {
        let value: serde_json::Value = serde_json::from_str(raw).map_err(|e| bad(e.to_string()))?;
        let doc = match value {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(mlmodel::py_json_dumps(&s).map_err(bad)?),
            serde_json::Value::Array(_) => Some(mlmodel::py_json_dumps(raw).map_err(bad)?),
            _ => return Err(bad(format!("'{key}' must be a list"))),
        };
        match key.as_str() {
            "inputs" => sig.inputs = doc,
            "outputs" => sig.outputs = doc,
            "params" => sig.params = doc,
            other => return Err(bad(format!("unknown key '{other}'"))),
        }
    }
    if sig.inputs.is_none() {
        return Err(bad("'inputs' is required".into()));
    }
    Ok(sig)
}

/// The members of a top-level JSON object as (key, raw value text), in file order.
fn top_level_members(text: &str) -> Result<Vec<(String, &str)>, String> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(_)) => {}
        Ok(_) => return Err("not a JSON object".into()),
        Err(e) => return Err(e.to_string()),
    }
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    let mut key: Option<String> = None;
    let mut value_start: Option<usize> = None;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 && key.is_none() && value_start.is_none() {
                    key = serde_json::from_str(&text[start..=i]).ok();
                }
            }
            b':' if depth == 1 && value_start.is_none() => value_start = Some(i + 1),
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 1 {
                    if let (Some(k), Some(s)) = (key.take(), value_start.take()) {
                        out.push((k, text[s..i].trim()));
                    }
                }
                depth -= 1;
            }
            b',' if depth == 1 => {
                if let (Some(k), Some(s)) = (key.take(), value_start.take()) {
                    out.push((k, text[s..i].trim()));
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(out)
}
