//! The command line: the top-level flags, settings resolved once (`Ctx`), and the mapping of a
//! command's result to an exit code. The commands are in `commands/`, one file each; what several
//! share is in `args.rs` (argument groups), `output.rs`, `runs_table.rs`, `table.rs` and
//! `project.rs` (running a project).
mod args;
mod commands;
mod env_vars;
mod error;
mod host;
mod output;
mod plot;
mod project;
mod runs_table;
mod serving;
mod signals;
mod table;

use clap::{Parser, ValueEnum};
use commands::Command;
use error::{CliError, CliResult};
use mlrun::clock::now_ms;
use mlrun::stores::Stores;
use mlrun::TrackingStore;
use std::io::Write;

/// mlrun: MLflow's tracking store from the terminal, at native speed.
///
/// Reads and writes MLflow's `mlruns/` file store byte-for-byte, so MLflow reads what mlrun writes and
/// mlrun reads what MLflow wrote.
#[derive(Debug, Parser)]
#[command(
    name = "mlrun",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// Tracking store: a local path or file: URI, a database (sqlite:///…, postgresql://…) or an
    /// http(s):// tracking server [default: ./mlruns]
    #[arg(long, global = true, env = env_vars::TRACKING_URI, value_name = "URI")]
    pub tracking_uri: Option<String>,

    /// Output format for commands that show data
    #[arg(long, global = true, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,

    /// Print no status messages on stderr
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// When to use colour (NO_COLOR is honoured)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns, cut with `…` to fit the terminal (never cut when piped)
    Table,
    /// JSON in MLflow's REST shapes
    Json,
    /// CSV with a header row
    Csv,
    /// A GitHub-flavoured markdown table (for CI summaries), never cut
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Settings resolved once from flags, MLFLOW_* variables and defaults.
pub struct Ctx {
    pub tracking_uri: String,
    pub output: OutputFormat,
    pub quiet: bool,
    /// Colour on stderr (status, warnings, errors).
    pub color: bool,
    /// Colour on stdout (highlighted cells, chart series): decided apart from stderr so that
    /// `mlrun … | less` gets plain data while warnings stay coloured.
    pub stdout_color: bool,
    /// Terminal width for fitting tables; None (piped, no COLUMNS) means never cut.
    pub term_width: Option<usize>,
    /// Terminal height for sizing charts; None when unknown.
    pub term_height: Option<usize>,
    /// Credentials and transport for http(s):// tracking URIs, from MLFLOW_TRACKING_* variables.
    pub rest: mlrun::store::rest::RestConfig,
    /// `MLFLOW_TRUNCATE_LONG_VALUES`: truncate over-long param and tag values (MLflow's default)
    /// or refuse them. A folder store applies it; a server applies its own.
    pub truncate_long_values: bool,
    /// The stores behind `tracking_uri`, opened on first use.
    stores: std::sync::OnceLock<Stores>,
}

impl Ctx {
    /// The tracking store, registry and model access behind `--tracking-uri`, opened once.
    pub fn stores(&self) -> CliResult<&Stores> {
        if let Some(s) = self.stores.get() {
            return Ok(s);
        }
        let opened = self.open(&self.tracking_uri)?;
        Ok(self.stores.get_or_init(|| opened))
    }
    /// The folder `--tracking-uri` names (absolute), without opening it (opening creates a missing
    /// store, as MLflow does); `None` for a tracking server.
    pub fn local_root(&self) -> CliResult<Option<std::path::PathBuf>> {
        self.folder_of(&self.tracking_uri)
    }
    /// The folder a tracking URI names (absolute), without opening it; `None` for a server.
    pub fn folder_of(&self, uri: &str) -> CliResult<Option<std::path::PathBuf>> {
        let parsed = mlrun::uri::TrackingUri::parse(uri)?;
        match parsed.local_root() {
            Some(p) if p.is_relative() => Ok(Some(std::env::current_dir()?.join(p))),
            p => Ok(p.map(|p| p.to_path_buf())),
        }
    }
    /// The tracking store behind `--tracking-uri`.
    pub fn store(&self) -> CliResult<&(dyn TrackingStore + Send + Sync)> {
        Ok(self.stores()?.tracking())
    }
    /// The stores behind another URI (sync's source and destination), or a handle of its own for
    /// a thread, with this invocation's REST settings.
    pub fn open(&self, uri: &str) -> CliResult<Stores> {
        Ok(Stores::open(uri, &self.rest)?.truncate_long_values(self.truncate_long_values))
    }
    /// Status talk on stderr, silenced by -q.
    pub fn say(&self, msg: &str) {
        if !self.quiet {
            let _ = writeln!(std::io::stderr(), "{msg}");
        }
    }
    pub fn warn(&self, msg: &str) {
        let prefix = if self.color {
            "\x1b[33mwarning\x1b[0m"
        } else {
            "warning"
        };
        let msg = mlrun::store::rest::terminal_safe(msg);
        let _ = writeln!(std::io::stderr(), "{prefix}: {msg}");
    }
}

pub fn run(cli: Cli) -> i32 {
    use std::io::IsTerminal;
    if let Err(code) = pin_for_tests() {
        return code;
    }
    let color_on = |tty: bool| match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os(env_vars::NO_COLOR).is_none_or(|v| v.is_empty()) && tty
        }
    };
    let color = color_on(std::io::stderr().is_terminal());
    let stdout_color = color_on(std::io::stdout().is_terminal());
    let (term_width, term_height) = output::terminal_size();
    let ctx = Ctx {
        tracking_uri: cli.tracking_uri.clone().unwrap_or_else(|| "mlruns".into()),
        output: cli.output,
        quiet: cli.quiet,
        color,
        stdout_color,
        term_width,
        term_height,
        rest: match rest_config() {
            Ok(c) => c,
            Err(code) => return code,
        },
        truncate_long_values: match truncate_long_values() {
            Ok(t) => t,
            Err(code) => return code,
        },
        stores: Default::default(),
    };
    let result = commands::dispatch(&ctx, cli.command);
    match result {
        Ok(code) => code,
        Err(e) if e.message.contains("Broken pipe") => 0,
        Err(e) => {
            let (err, hint) = if color {
                ("\x1b[1;31merror\x1b[0m", "\x1b[1;36mhint\x1b[0m")
            } else {
                ("error", "hint")
            };
            let mut stderr = std::io::stderr();
            let safe = mlrun::store::rest::terminal_safe;
            let _ = writeln!(stderr, "{err}: {}", safe(&e.message));
            if let Some(h) = e.hint {
                let _ = writeln!(stderr, "{hint}: {}", safe(&h));
            }
            e.code
        }
    }
}

/// Pins the clock and seeds ids when a test asked to (`env_vars::TEST_TIMESTAMP`, `TEST_SEED`); a
/// value that is not a number is a usage error naming the variable.
fn pin_for_tests() -> Result<(), i32> {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let bad = |k: &str, v: &str| {
        let _ = writeln!(std::io::stderr(), "error: {k}={v:?} is not a valid number");
        2
    };
    if let Some(v) = var(env_vars::TEST_TIMESTAMP) {
        let ms = v
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|ms| *ms >= 0)
            .ok_or_else(|| bad(env_vars::TEST_TIMESTAMP, &v))?;
        mlrun::clock::pin(ms);
    }
    if let Some(v) = var(env_vars::TEST_SEED) {
        let seed = v
            .trim()
            .parse::<u64>()
            .map_err(|_| bad(env_vars::TEST_SEED, &v))?;
        mlrun::ids::seed(seed);
    }
    Ok(())
}

/// The pinning for a command mlrun starts, when this mlrun is pinned: a seed drawn from its own and
/// its clock's next reading, so a child mlrun's ids and times follow this one's instead of repeating
/// them (the same seed would give a nested run the parent's id).
pub fn child_pins() -> Vec<(&'static str, String)> {
    let mut pins = Vec::new();
    if let Some(ms) = mlrun::clock::pinned_ms() {
        pins.push((env_vars::TEST_TIMESTAMP, ms.to_string()));
    }
    if let Some(seed) = mlrun::ids::child_seed() {
        pins.push((env_vars::TEST_SEED, seed.to_string()));
    }
    pins
}

/// MLflow's client settings for talking to a tracking server (spec §7.2), read once.
fn rest_config() -> Result<mlrun::store::rest::RestConfig, i32> {
    use mlrun::store::rest::RestConfig;
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let mut c = RestConfig {
        username: var(env_vars::TRACKING_USERNAME),
        password: var(env_vars::TRACKING_PASSWORD),
        token: var(env_vars::TRACKING_TOKEN),
        insecure_tls: var(env_vars::TRACKING_INSECURE_TLS)
            .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "true" | "1" | "yes")),
        server_cert_path: var(env_vars::TRACKING_SERVER_CERT_PATH).map(Into::into),
        client_cert_path: var(env_vars::TRACKING_CLIENT_CERT_PATH).map(Into::into),
        ..RestConfig::default()
    };
    // A bad number is a usage error naming the variable (its value is not a secret).
    let bad = |k: &str, v: &str| {
        let _ = writeln!(std::io::stderr(), "error: {k}={v:?} is not a valid number");
        2
    };
    if let Some(v) = var(env_vars::HTTP_REQUEST_MAX_RETRIES) {
        c.max_retries = v
            .trim()
            .parse()
            .map_err(|_| bad(env_vars::HTTP_REQUEST_MAX_RETRIES, &v))?;
    }
    if let Some(v) = var(env_vars::HTTP_REQUEST_BACKOFF_FACTOR) {
        c.backoff_factor = v
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite() && *f >= 0.0)
            .ok_or_else(|| bad(env_vars::HTTP_REQUEST_BACKOFF_FACTOR, &v))?;
    }
    if let Some(v) = var(env_vars::HTTP_REQUEST_TIMEOUT) {
        let secs = v
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite() && *f > 0.0)
            .ok_or_else(|| bad(env_vars::HTTP_REQUEST_TIMEOUT, &v))?;
        c.timeout = std::time::Duration::from_secs_f64(secs);
    }
    Ok(c)
}

/// `MLFLOW_TRUNCATE_LONG_VALUES` as MLflow reads a boolean variable: true/false/1/0 in any case,
/// true when unset; anything else is a usage error naming the variable.
fn truncate_long_values() -> Result<bool, i32> {
    let Some(v) = std::env::var(env_vars::TRUNCATE_LONG_VALUES).ok() else {
        return Ok(true);
    };
    match v.to_ascii_lowercase().as_str() {
        "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        _ => {
            let _ = writeln!(
                std::io::stderr(),
                "error: {}={v:?} is not one of true, false, 1, 0",
                env_vars::TRUNCATE_LONG_VALUES
            );
            Err(2)
        }
    }
}

/// Parses `K=V` (splitting on the first `=`).
pub fn parse_kv(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err(format!("expected KEY=VALUE, got '{s}'")),
    }
}

fn missing_run_id() -> CliError {
    CliError::usage("no run given")
        .with_hint(format!("pass --run-id RUN or set {}", env_vars::RUN_ID))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
