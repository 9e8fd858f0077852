//! Argument groups several commands share, declared once and flattened (`--run-id`, `--view`,
//! `--page-token`, `--tag`, `--model-version`, a new run's experiment, a runs query's filter and
//! order), and what turns them into values (experiment ids, parsed queries, a new run's tags, a
//! server's listen address), so no command file imports another's.
use super::error::{CliError, CliResult};
use super::runs_table::ColumnSpec;
use super::{env_vars, missing_run_id, Ctx};
use clap::{Args, ValueEnum};
use mlrun::search::columns::{parse_column, KeySpelling};
use mlrun::search::{self, SearchError};
use mlrun::{http, pyfloat, validate, Param, Tag, TrackingStore, ViewType};
use std::net::IpAddr;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum View {
    Active,
    Deleted,
    All,
}

impl From<View> for ViewType {
    fn from(v: View) -> Self {
        match v {
            View::Active => ViewType::ActiveOnly,
            View::Deleted => ViewType::DeletedOnly,
            View::All => ViewType::All,
        }
    }
}

/// Which run a logging command writes to.
#[derive(Debug, Args)]
pub struct RunSel {
    /// The run [env: MLFLOW_RUN_ID]
    #[arg(long, env = env_vars::RUN_ID)]
    pub run_id: Option<String>,
}

impl RunSel {
    pub fn get(&self) -> CliResult<&str> {
        self.run_id.as_deref().ok_or_else(missing_run_id)
    }
}

/// A metric value as a flag or argument gives it (Python's float spellings).
pub fn parse_metric_value(s: &str) -> Result<f64, String> {
    pyfloat::parse(s).ok_or_else(|| format!("'{s}' is not a number"))
}

/// A metric value from a K=V pair or a JSON string; the error names the key.
pub fn metric_value(key: &str, s: &str) -> CliResult<f64> {
    pyfloat::parse(s)
        .ok_or_else(|| CliError::user(format!("metric '{key}': value '{s}' is not a number")))
}

/// Params from K=V pairs, warning about values MLflow truncates.
pub fn params_from(pairs: Vec<(String, String)>, ctx: &Ctx) -> Vec<Param> {
    pairs
        .into_iter()
        .map(|(k, v)| {
            if ctx.truncate_long_values && v.chars().count() > validate::MAX_PARAM_VALUE_LEN {
                ctx.warn(&format!(
                    "param '{k}' is longer than {} characters and was truncated",
                    validate::MAX_PARAM_VALUE_LEN
                ));
            }
            Param::new(k, v)
        })
        .collect()
}

/// Which experiments or runs a listing shows, by lifecycle stage.
#[derive(Debug, Args)]
pub struct ViewArg {
    #[arg(long, value_enum, default_value_t = View::Active)]
    pub view: View,
}

/// Where a paged search resumes.
#[derive(Debug, Args)]
pub struct PageTokenArg {
    /// Token from a previous page's `next_page_token`
    #[arg(long, value_name = "TOKEN")]
    pub page_token: Option<String>,
}

/// The model version a `models` command acts on instead of the registered model.
#[derive(Debug, Args)]
pub struct ModelVersionArg {
    /// Act on this version instead of the registered model
    #[arg(long = "model-version", id = "model_version", value_name = "VERSION")]
    pub version: Option<String>,
}

/// Tags a new experiment or run starts with.
#[derive(Debug, Args)]
pub struct TagArgs {
    /// A tag K=V (repeatable)
    #[arg(long = "tag", value_name = "K=V", value_parser = super::parse_kv)]
    pub tags: Vec<(String, String)>,
}

#[derive(Debug, Args)]
pub struct ExperimentSel {
    /// Experiment id [env: MLFLOW_EXPERIMENT_ID]
    #[arg(long, env = env_vars::EXPERIMENT_ID, conflicts_with = "experiment_name")]
    pub experiment_id: Option<String>,
    /// Experiment name [env: MLFLOW_EXPERIMENT_NAME]
    #[arg(long, env = env_vars::EXPERIMENT_NAME)]
    pub experiment_name: Option<String>,
}

/// Resolves the experiment for a new run: id, else name (created if missing), else `0`.
pub fn experiment_for_new_run(
    ctx: &Ctx,
    store: &dyn TrackingStore,
    sel: &ExperimentSel,
) -> CliResult<String> {
    if let Some(id) = &sel.experiment_id {
        store.get_experiment(id)?;
        return Ok(id.clone());
    }
    if let Some(name) = &sel.experiment_name {
        if let Some(e) = store.get_experiment_by_name(name)? {
            return Ok(e.experiment_id);
        }
        let id = store.create_experiment(name, None, &[])?;
        ctx.say(&format!(
            "Experiment '{name}' does not exist. Created it with id {id}."
        ));
        return Ok(id);
    }
    Ok("0".into())
}

pub fn user() -> String {
    for k in [
        env_vars::TRACKING_USERNAME,
        "LOGNAME",
        "USER",
        "LNAME",
        "USERNAME",
    ] {
        if let Ok(v) = std::env::var(k) {
            if !v.is_empty() {
                return v;
            }
        }
    }
    mlrun::account::login_name().unwrap_or_else(|| "unknown".into())
}

/// A runs query's filter and order, as `runs search` and `report` take them.
#[derive(Debug, Args)]
pub struct RunFilterArgs {
    /// MLflow filter, e.g. "metrics.acc > 0.9 and params.model = 'cnn'"
    #[arg(long, short = 'f', value_name = "FILTER")]
    pub filter: Option<String>,
    /// Order, e.g. "metrics.acc DESC" (repeatable; the first is the primary key)
    #[arg(long = "order-by", value_name = "KEY [ASC|DESC]")]
    pub order_by: Vec<String>,
}

/// Turns a filter or order-by error into a CLI error that shows where it went wrong.
pub fn search_error(what: &str, input: &str, e: SearchError) -> CliError {
    let mut msg = e.message.clone();
    if let Some(span) = e.span.clone() {
        if span.start <= input.len()
            && span.end <= input.len()
            && input.is_char_boundary(span.start)
        {
            let pad = unicode_width::UnicodeWidthStr::width(&input[..span.start]);
            let len = input
                .get(span.clone())
                .map_or(1, unicode_width::UnicodeWidthStr::width)
                .max(1);
            msg = format!(
                "{msg}\n  {what}: {input}\n  {}{}",
                " ".repeat(what.len() + 2 + pad),
                "^".repeat(len)
            );
        }
    }
    CliError::user(msg)
}

/// Experiment ids from `--experiment-id`/`--experiment-name`, else the env, else every active one.
pub fn experiment_ids(
    store: &dyn TrackingStore,
    ids: &[String],
    names: &[String],
) -> CliResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        store.get_experiment(id)?;
        out.push(id.clone());
    }
    for name in names {
        let exp = store.get_experiment_by_name(name)?.ok_or_else(|| {
            CliError::user(format!("Could not find experiment with name '{name}'"))
                .with_hint("`mlrun experiments list` shows the experiments there are")
        })?;
        out.push(exp.experiment_id);
    }
    if out.is_empty() {
        if let Some(id) = std::env::var(env_vars::EXPERIMENT_ID)
            .ok()
            .filter(|s| !s.is_empty())
        {
            store.get_experiment(&id)?;
            out.push(id);
        } else if let Some(name) = std::env::var(env_vars::EXPERIMENT_NAME)
            .ok()
            .filter(|s| !s.is_empty())
        {
            return experiment_ids(store, &[], &[name]);
        } else {
            let listing = store.list_experiments(mlrun::ViewType::ActiveOnly)?;
            out = listing.items.into_iter().map(|e| e.experiment_id).collect();
        }
    }
    out.dedup();
    Ok(out)
}

/// A runs search's filter, orderings and columns as the user typed them, parsed; errors name the
/// flag at fault.
pub fn parse_run_search(
    query: &RunFilterArgs,
    columns: &[String],
) -> CliResult<(search::RunFilter, Vec<search::RunOrderBy>, Vec<ColumnSpec>)> {
    let filter_text = query.filter.clone().unwrap_or_default();
    let filter = search::parse_run_filter(&filter_text)
        .map_err(|e| search_error("filter", &filter_text, e))?;
    // MLflow checks the last order-by first; report the same one it would.
    let mut order_by = query
        .order_by
        .iter()
        .rev()
        .map(|o| search::parse_run_order_by(o).map_err(|e| search_error("order-by", o, e)))
        .collect::<CliResult<Vec<_>>>()?;
    order_by.reverse();
    let mut specs = Vec::new();
    for c in columns.iter().filter(|c| !c.trim().is_empty()) {
        let spec = parse_column(c, KeySpelling::Typed).map_err(|e| CliError::usage(e.message))?;
        specs.extend(spec);
    }
    Ok((filter, order_by, specs))
}

/// `--tag K=V` pairs as tags.
pub fn tags_of(pairs: Vec<(String, String)>) -> Vec<Tag> {
    pairs.into_iter().map(|(k, v)| Tag::new(k, v)).collect()
}

fn git(args: &[&str]) -> Option<String> {
    let out = std::process::Command::new("git")
        .args(args)
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim_end().to_string())
}

/// The source tags MLflow records for a run started here.
pub fn source_tags(user: &str) -> Vec<Tag> {
    let cwd = std::env::current_dir()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let mut tags = vec![
        Tag::new("mlflow.user", user),
        Tag::new("mlflow.source.name", cwd),
        Tag::new("mlflow.source.type", "LOCAL"),
    ];
    if let Some(commit) = git(&["rev-parse", "HEAD"]) {
        tags.push(Tag::new("mlflow.source.git.commit", commit));
        if let Some(status) = git(&["status", "--porcelain"]) {
            tags.push(Tag::new(
                "mlflow.source.git.dirty",
                if status.is_empty() { "false" } else { "true" },
            ));
        }
        if let Some(branch) = git(&["rev-parse", "--abbrev-ref", "HEAD"]) {
            tags.push(Tag::new("mlflow.source.git.branch", branch));
        }
    }
    tags
}

/// The address `--host` names for `ui` and `models serve` (each declares its own flag, as their
/// help differs): an IP address, bracketed or not, or `localhost`.
pub fn listen_ip(host: &str) -> CliResult<IpAddr> {
    Ok(match host {
        "localhost" => IpAddr::from([127, 0, 0, 1]),
        h => h.trim_matches(['[', ']']).parse().map_err(|_| {
            CliError::usage(format!("--host '{h}' is not an IP address"))
                .with_hint("use 127.0.0.1 (the default), ::1, or 0.0.0.0 to listen everywhere")
        })?,
    })
}

/// The server listening at `--host`/`--port`; the error names both and how to get a free port.
pub fn listen(ip: IpAddr, host: &str, port: u16) -> CliResult<http::Server> {
    http::Server::bind((ip, port)).map_err(|e| {
        CliError::user(format!("cannot listen on {host}:{port}: {e}"))
            .with_hint("pick another --port (0 picks a free one)")
    })
}

/// MLflow's system metrics while a command runs (`exec`, `run`), with MLflow's variables.
#[derive(Debug, Clone, Default, Args)]
pub struct SystemMetricsArgs {
    /// Log system metrics while the command runs, as MLflow does: CPU, memory, disk and network
    /// as `system/…` metrics, one step per interval
    #[arg(long, env = "MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING")]
    pub system_metrics: bool,
    /// Seconds between system metric samples
    #[arg(
        long,
        env = "MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL",
        value_name = "SECONDS",
        default_value_t = 10.0,
        value_parser = positive_seconds
    )]
    pub system_metrics_interval: f64,
    /// Samples averaged into each logged value
    #[arg(
        long,
        hide = true,
        env = "MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING",
        default_value_t = 1,
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    pub system_metrics_samples: u32,
    /// Names this machine in the metric keys (`system/<node>/…`), for multi-node training
    #[arg(long, hide = true, env = "MLFLOW_SYSTEM_METRICS_NODE_ID")]
    pub system_metrics_node_id: Option<String>,
}

fn positive_seconds(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() => Ok(v),
        _ => Err(format!("'{s}' is not a positive number of seconds")),
    }
}

impl SystemMetricsArgs {
    /// The sampling settings, when system metrics are on.
    pub fn config(&self) -> Option<mlrun::sysmetrics::Config> {
        self.system_metrics.then(|| mlrun::sysmetrics::Config {
            interval: std::time::Duration::from_secs_f64(self.system_metrics_interval),
            samples_before_logging: self.system_metrics_samples,
            node_id: self.system_metrics_node_id.clone(),
        })
    }
}
