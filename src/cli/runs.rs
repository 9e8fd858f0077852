//! `mlrun runs …` and `mlrun gc`.
use super::args::{experiment_for_new_run, source_tags, tags_of, user, ExperimentSel, View};
use super::error::{CliError, CliResult};
use super::output::{print_json, print_line, print_rows};
use super::{env_vars, missing_run_id, now_ms, parse_kv, Ctx, OutputFormat};
use clap::{Args, Subcommand};
use mlrun::store::NewRun;
use mlrun::{pyfloat, RunStatus, Tag};
use serde_json::json;

#[derive(Debug, Subcommand)]
pub enum RunsCmd {
    /// Start a run; prints its id
    Start(StartArgs),
    /// End a run (default status FINISHED)
    End {
        /// The run [default: $MLFLOW_RUN_ID]
        #[arg(env = env_vars::RUN_ID)]
        run_id: Option<String>,
        #[arg(long, default_value = "FINISHED", value_parser = parse_end_status)]
        status: RunStatus,
    },
    /// Show a run: info, params, latest metrics and tags
    Describe { run_id: String },
    /// Search runs with MLflow's filter grammar and order-by; tables show chosen columns
    Search(super::search::SearchArgs),
    /// List runs of an experiment, newest first
    List {
        #[command(flatten)]
        exp: ExperimentSel,
        #[arg(long, value_enum, default_value_t = View::Active)]
        view: View,
    },
    /// Delete a run (`gc` removes it for good)
    Delete { run_id: String },
    /// Restore a deleted run
    Restore { run_id: String },
    /// Set a tag on a run
    SetTag {
        run_id: String,
        key: String,
        value: String,
    },
    /// Delete a tag from a run
    DeleteTag { run_id: String, key: String },
    /// Run a project run again: its recorded URI, version, entry point and params (-P changes some)
    Rerun(super::run::RerunArgs),
}

fn parse_end_status(s: &str) -> Result<RunStatus, String> {
    let st: RunStatus = s.parse()?;
    if st.is_terminated() {
        Ok(st)
    } else {
        Err(format!(
            "'{s}' is not a final status (FINISHED, FAILED or KILLED)"
        ))
    }
}

#[derive(Debug, Args)]
pub struct StartArgs {
    #[command(flatten)]
    pub exp: ExperimentSel,
    /// Run name [default: a random adjective-noun-number]
    #[arg(long)]
    pub name: Option<String>,
    /// Parent run, for nested runs
    #[arg(long)]
    pub parent_run_id: Option<String>,
    /// A tag K=V (repeatable)
    #[arg(long = "tag", value_name = "K=V", value_parser = parse_kv)]
    pub tags: Vec<(String, String)>,
}

#[derive(Debug, Args)]
pub struct GcArgs {
    /// Only remove what was deleted at least this long ago (e.g. 30d, 1d2h, 10m, 1.5h)
    #[arg(long, value_parser = parse_duration_ms)]
    pub older_than: Option<i64>,
    /// Comma-separated run ids to remove (must be deleted)
    #[arg(long, value_delimiter = ',')]
    pub run_ids: Vec<String>,
    /// Comma-separated experiment ids to remove (must be deleted)
    #[arg(long, value_delimiter = ',')]
    pub experiment_ids: Vec<String>,
}

/// MLflow's `#d#h#m#s` durations (floats allowed) in milliseconds.
pub fn parse_duration_ms(s: &str) -> Result<i64, String> {
    let err = || format!("invalid duration '{s}': use a form like 30d, 1d2h, 10m30s or 1.5h");
    let mut total = 0f64;
    let mut num = String::new();
    let mut any = false;
    for c in s.chars() {
        if c.is_ascii_digit() || c == '.' {
            num.push(c);
        } else {
            let unit = match c {
                'd' => 86_400_000.0,
                'h' => 3_600_000.0,
                'm' => 60_000.0,
                's' => 1000.0,
                _ => return Err(err()),
            };
            let v: f64 = num.parse().map_err(|_| err())?;
            total += v * unit;
            num.clear();
            any = true;
        }
    }
    if !num.is_empty() || !any {
        return Err(err());
    }
    Ok(total as i64)
}

pub fn run(ctx: &Ctx, cmd: RunsCmd) -> CliResult {
    let store = ctx.store()?;
    match cmd {
        RunsCmd::Search(a) => super::search::runs_search(ctx, store, a),
        RunsCmd::Start(a) => {
            let experiment_id = experiment_for_new_run(ctx, store, &a.exp)?;
            let user = user();
            let mut tags = source_tags(&user);
            let given = tags_of(a.tags);
            tags.retain(|t| !given.iter().any(|g| g.key == t.key));
            tags.extend(given);
            if let Some(parent) = &a.parent_run_id {
                store.get_run(parent)?;
                tags.push(Tag::new("mlflow.parentRunId", parent.clone()));
            }
            let run = store.create_run(NewRun {
                experiment_id,
                user_id: user,
                start_time: now_ms(),
                run_name: a.name,
                tags,
            })?;
            if ctx.output == OutputFormat::Json {
                print_json(&json!({ "run": run }))
            } else {
                print_line(&run.info.run_id)
            }
        }
        RunsCmd::End { run_id, status } => {
            let run_id = run_id.ok_or_else(missing_run_id)?;
            store.update_run(&run_id, status, Some(now_ms()))?;
            Ok(())
        }
        RunsCmd::Describe { run_id } => {
            let run = store.get_run(&run_id)?;
            if ctx.output == OutputFormat::Json {
                return print_json(&json!({ "run": run }));
            }
            let mut rows = vec![
                vec!["info".into(), "run_id".into(), run.info.run_id.clone()],
                vec!["info".into(), "run_name".into(), run.info.run_name.clone()],
                vec![
                    "info".into(),
                    "experiment_id".into(),
                    run.info.experiment_id.clone(),
                ],
                vec!["info".into(), "status".into(), run.info.status.to_string()],
                vec![
                    "info".into(),
                    "lifecycle_stage".into(),
                    run.info.lifecycle_stage.as_str().into(),
                ],
                vec![
                    "info".into(),
                    "start_time".into(),
                    run.info.start_time.to_string(),
                ],
                vec![
                    "info".into(),
                    "end_time".into(),
                    run.info.end_time.map(|t| t.to_string()).unwrap_or_default(),
                ],
                vec![
                    "info".into(),
                    "artifact_uri".into(),
                    run.info.artifact_uri.clone(),
                ],
            ];
            let mut params = run.data.params.clone();
            params.sort_by(|a, b| a.key.cmp(&b.key));
            rows.extend(
                params
                    .into_iter()
                    .map(|p| vec!["param".into(), p.key, p.value]),
            );
            let mut metrics = run.data.metrics.clone();
            metrics.sort_by(|a, b| a.key.cmp(&b.key));
            rows.extend(
                metrics
                    .into_iter()
                    .map(|m| vec!["metric".into(), m.key, pyfloat::format(m.value)]),
            );
            let mut tags = run.data.tags.clone();
            tags.sort_by(|a, b| a.key.cmp(&b.key));
            rows.extend(tags.into_iter().map(|t| vec!["tag".into(), t.key, t.value]));
            print_rows(ctx, &["Kind", "Key", "Value"], &rows)
        }
        RunsCmd::List { exp, view } => {
            let ids = match (&exp.experiment_id, &exp.experiment_name) {
                (Some(id), _) => vec![id.clone()],
                (None, Some(name)) => vec![
                    store
                        .get_experiment_by_name(name)?
                        .ok_or_else(|| CliError::user(format!("no experiment named '{name}'")))?
                        .experiment_id,
                ],
                (None, None) => vec!["0".into()],
            };
            let listing = store.list_runs(&ids, view.into())?;
            for b in &listing.broken {
                ctx.warn(&format!("skipped: {b}"));
            }
            if ctx.output == OutputFormat::Json {
                print_json(&json!({ "runs": listing.items }))
            } else {
                use super::runs_table::{runs_table, Attr, ColumnSpec};
                let columns = [
                    Attr::RunId,
                    Attr::RunName,
                    Attr::Status,
                    Attr::StartTime,
                    Attr::Duration,
                ]
                .map(ColumnSpec::Attr);
                let table = runs_table(store, &listing.items, &columns, ctx.output)?;
                super::output::print_table(ctx, &table)
            }
        }
        RunsCmd::Delete { run_id } => {
            store.delete_run(&run_id)?;
            ctx.say(&format!("Run with ID {run_id} has been deleted."));
            Ok(())
        }
        RunsCmd::Restore { run_id } => {
            store.restore_run(&run_id)?;
            ctx.say(&format!("Run with id {run_id} has been restored."));
            Ok(())
        }
        RunsCmd::SetTag { run_id, key, value } => {
            Ok(store.log_batch(&run_id, &[], &[], &[Tag::new(key, value)])?)
        }
        RunsCmd::DeleteTag { run_id, key } => Ok(store.delete_tag(&run_id, &key)?),
        // `cli::run` dispatches this one itself, to pass the entry point's exit code through.
        RunsCmd::Rerun(a) => match super::run::rerun(ctx, a)? {
            0 => Ok(()),
            code => Err(CliError {
                message: format!("the rerun exited with code {code}"),
                hint: None,
                code,
            }),
        },
    }
}

pub fn gc(ctx: &Ctx, a: GcArgs) -> CliResult {
    let store = ctx.store()?;
    let (runs, exps) = store.gc(a.older_than, &a.run_ids, &a.experiment_ids, now_ms())?;
    for r in runs {
        ctx.say(&format!("Run with ID {r} has been permanently deleted."));
    }
    for e in exps {
        ctx.say(&format!(
            "Experiment with ID {e} has been permanently deleted."
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration_ms("1d").unwrap(), 86_400_000);
        assert_eq!(parse_duration_ms("1h30m").unwrap(), 5_400_000);
        assert_eq!(parse_duration_ms("1.5s").unwrap(), 1500);
        assert!(parse_duration_ms("5").is_err());
        assert!(parse_duration_ms("5x").is_err());
    }
}
