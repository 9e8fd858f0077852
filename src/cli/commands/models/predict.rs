//! `mlrun models predict`: the same parse → score path as `serve`, on one input, with no server.
use super::loading::{load, ModelEnvManager};
use crate::cli::error::{CliError, CliResult};
use crate::cli::Ctx;
use clap::{Args, ValueEnum};
use mlrun::serve::protocol::{self, BodyKind, ScoringError};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ContentTypeArg {
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct PredictArgs {
    /// The model (see `serve`)
    #[arg(short = 'm', long = "model-uri", value_name = "URI")]
    pub model_uri: String,
    /// The input file [default: stdin]
    #[arg(short = 'i', long = "input-path", value_name = "INPUT")]
    pub input: Option<PathBuf>,
    /// Where to write the predictions [default: stdout]
    #[arg(short = 'o', long = "output-path", value_name = "OUTPUT")]
    pub output_path: Option<PathBuf>,
    /// The input's format
    #[arg(short = 't', long, value_enum, default_value_t = ContentTypeArg::Json)]
    pub content_type: ContentTypeArg,
    /// How to build the model's Python environment (ignored for ONNX)
    #[arg(long, value_enum, default_value_t = ModelEnvManager::Virtualenv)]
    pub env_manager: ModelEnvManager,
}

pub fn cmd_predict(ctx: &Ctx, a: PredictArgs) -> CliResult {
    let body = match &a.input {
        Some(p) if p.as_os_str() != "-" => std::fs::read(p).map_err(|e| {
            CliError::user(format!("cannot read the input file '{}': {e}", p.display()))
        })?,
        _ => {
            let mut b = Vec::new();
            io::stdin().read_to_end(&mut b)?;
            b
        }
    };
    let loaded = load(
        ctx,
        &a.model_uri,
        a.env_manager,
        1,
        1,
        Duration::from_secs(600),
    )?;
    let kind = match a.content_type {
        ContentTypeArg::Json => BodyKind::Json,
        ContentTypeArg::Csv => BodyKind::Csv,
    };
    let reply = match protocol::parse_body(kind, &body, &loaded.model.inputs) {
        Ok(req) => loaded.scorer.score(req, None),
        Err(e) => e.into(),
    };
    loaded.shutdown();
    if reply.status != 200 {
        let e = ScoringError {
            status: reply.status,
            content_type: reply.content_type,
            body: String::from_utf8_lossy(&reply.body).into_owned(),
        };
        let err = CliError::user(e.message());
        return Err(match e.stack_trace() {
            Some(trace) => err.with_hint(trace),
            None => err,
        });
    }
    match &a.output_path {
        Some(p) => std::fs::write(p, &reply.body)
            .map_err(|e| CliError::user(format!("cannot write '{}': {e}", p.display())))?,
        None => {
            let mut out = io::stdout().lock();
            out.write_all(&reply.body)?;
            out.write_all(b"\n")?;
            out.flush()?;
        }
    }
    Ok(())
}
