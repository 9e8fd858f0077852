//! Every command, one file each (a group's subcommands in the group's folder, as jj lays out
//! `cli/src/commands/<group>/<leaf>.rs`), and the one dispatch from the top-level enum to them. A
//! command file imports shared modules (`cli/args.rs`, `output.rs`, `runs_table.rs`, `table.rs`,
//! `project.rs`, its group's `mod.rs`), never another command's file.
mod artifacts;
mod compare;
mod completions;
mod diff;
mod doctor;
mod exec;
mod experiments;
mod gc;
mod log_batch;
mod log_input;
mod log_metric;
mod log_metrics;
mod log_param;
mod log_params;
mod man;
mod metrics;
mod migrate;
mod models;
mod report;
mod run;
mod runs;
mod server;
mod set_tag;
mod sync;
mod ui;

use crate::cli::{error::CliResult, Ctx};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list and change experiments
    #[command(subcommand)]
    Experiments(experiments::ExperimentsCmd),
    /// Start, end, list and change runs
    #[command(subcommand)]
    Runs(runs::RunsCmd),
    /// Log one param to a run
    LogParam(log_param::LogParamArgs),
    /// Log several params (K=V...) to a run
    LogParams(log_params::LogParamsArgs),
    /// Log one metric point to a run
    LogMetric(log_metric::LogMetricArgs),
    /// Log several metrics (K=V...) at one step
    LogMetrics(log_metrics::LogMetricsArgs),
    /// Set a tag on a run
    SetTag(set_tag::SetTagArgs),
    /// Stream MLflow LogBatch JSON objects (one object, or one per line) into a run
    LogBatch(log_batch::LogBatchArgs),
    /// Record a dataset input of a run, as mlflow.log_input does
    LogInput(log_input::LogInputArgs),
    /// Log, list and download a run's artifacts
    #[command(subcommand)]
    Artifacts(artifacts::ArtifactsCmd),
    /// Compare runs side by side: one row per param and metric, the best value marked
    Compare(compare::CompareArgs),
    /// What changed between two runs: params, metrics, tags and artifacts (by size and hash)
    Diff(diff::DiffArgs),
    // The help text is ExecArgs's doc comment (a long one, with the metric rules).
    Exec(exec::ExecArgs),
    /// Run an MLflow project's entry point in a new run (MLproject, env managers, git, sweeps)
    #[command(disable_version_flag = true)]
    Run(crate::cli::project::RunArgs),
    /// Metric histories as tables or terminal charts
    #[command(subcommand)]
    Metrics(metrics::MetricsCmd),
    /// Permanently remove deleted runs and experiments
    Gc(gc::GcArgs),
    /// Check a local store as MLflow reads it (leftovers of killed writes, half-moved experiments,
    /// damaged meta and metric files, links among artifacts, runs left RUNNING by a killed mlrun);
    /// --fix repairs what is safe to. Exit 0 when nothing is left to repair, 1 when problems remain
    Doctor(doctor::DoctorArgs),
    /// The model registry and models: register, version, alias, stage, log, download, inspect
    #[command(subcommand)]
    Models(models::ModelsCmd),
    /// Serve the web UI: experiments, runs, charts, compare and the registry, in a browser
    Ui(ui::UiArgs),
    /// Serve MLflow's tracking REST API over a store (folder or database), with the artifact
    /// proxy, for MLflow's own clients: point MLFLOW_TRACKING_URI at the URL it prints
    Server(server::ServerArgs),
    /// Write a self-contained HTML report of a runs search (or print its table as markdown)
    Report(report::ReportArgs),
    /// Copy experiments, runs and registered models between stores (folders or servers), idempotently
    Sync(sync::SyncArgs),
    /// Copy a folder store into an empty MLflow database (SQLite or PostgreSQL) or back, ids and
    /// times kept
    Migrate(migrate::MigrateArgs),
    /// Print a shell completion script
    Completions(completions::CompletionsArgs),
    /// Print the man page (roff)
    Man,
}

/// Runs the command; its exit code (0, or a child's own for `run`, `runs rerun` and `exec`).
pub fn dispatch(ctx: &Ctx, command: Command) -> CliResult<i32> {
    let done = match command {
        Command::Experiments(c) => experiments::cmd_experiments(ctx, c),
        Command::Runs(c) => return runs::cmd_runs(ctx, c),
        Command::LogParam(a) => log_param::cmd_log_param(ctx, a),
        Command::LogParams(a) => log_params::cmd_log_params(ctx, a),
        Command::LogMetric(a) => log_metric::cmd_log_metric(ctx, a),
        Command::LogMetrics(a) => log_metrics::cmd_log_metrics(ctx, a),
        Command::SetTag(a) => set_tag::cmd_set_tag(ctx, a),
        Command::LogBatch(a) => log_batch::cmd_log_batch(ctx, a),
        Command::LogInput(a) => log_input::cmd_log_input(ctx, a),
        Command::Artifacts(c) => artifacts::cmd_artifacts(ctx, c),
        Command::Compare(a) => compare::cmd_compare(ctx, a),
        Command::Diff(a) => diff::cmd_diff(ctx, a),
        Command::Metrics(c) => metrics::cmd_metrics(ctx, c),
        // The command's own exit code passes through; only mlrun's own failures print an error.
        Command::Exec(a) => return exec::cmd_exec(ctx, a),
        Command::Run(a) => return run::cmd_run(ctx, a),
        Command::Gc(a) => gc::cmd_gc(ctx, a),
        Command::Doctor(a) => doctor::cmd_doctor(ctx, a),
        Command::Models(c) => models::cmd_models(ctx, c),
        Command::Ui(a) => ui::cmd_ui(ctx, a),
        Command::Server(a) => server::cmd_server(ctx, a),
        Command::Report(a) => report::cmd_report(ctx, a),
        Command::Sync(a) => sync::cmd_sync(ctx, a),
        Command::Migrate(a) => migrate::cmd_migrate(ctx, a),
        Command::Completions(a) => completions::cmd_completions(a),
        Command::Man => man::cmd_man(),
    };
    done.map(|()| 0)
}
