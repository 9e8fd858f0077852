//! `mlrun exec -- COMMAND ARGS...`: wraps any command in a run. The run is created first (so the
//! child can log into it through MLFLOW_RUN_ID), the child's output is teed to the terminal and to
//! `stdout.txt`/`stderr.txt` artifacts, metric lines are parsed on the tee threads and logged in
//! batches by one writer thread, and the run ends with the command's status; mlrun exits with the
//! command's code. The logs are logged as artifacts and the run is ended even when the command fails
//! or is interrupted.
use crate::cli::args::{experiment_for_new_run, user, ExperimentSel};
use crate::cli::args::{source_tags, tags_of};
use crate::cli::error::{CliError, CliResult};
use crate::cli::{env_vars, now_ms, parse_kv, Ctx};
use clap::Args;
use mlrun::scalars::ScalarParser;
use mlrun::store::NewRun;
use mlrun::stores::Stores;
use mlrun::supervise::child::{self, Stream, Tee};
use mlrun::supervise::{Supervisor, SUPERVISOR_TAG};
use mlrun::validate::{MAX_BATCH_METRICS, MAX_BATCH_PARAMS, MAX_TAG_VALUE_LEN};
use mlrun::{Metric, Param, RunStatus, Tag, TrackingStore};
use std::ffi::OsString;
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// Files the child's output is logged as, at the root of the run's artifacts.
pub const STDOUT_ARTIFACT: &str = "stdout.txt";
pub const STDERR_ARTIFACT: &str = "stderr.txt";
/// The tag holding the command line, shell-quoted.
pub const COMMAND_TAG: &str = "mlrun.command";
/// The tag holding why the command could not be started.
pub const ERROR_TAG: &str = "mlrun.error";
/// Parsed metrics wait at most this long before they are written.
const FLUSH_EVERY: Duration = Duration::from_millis(500);

/// Run any command inside a new run: params, source and git state, teed output, metrics from output
///
/// The command inherits mlrun's stdin; its stdout and stderr are copied unchanged to mlrun's stdout
/// and stderr and logged as the artifacts `stdout.txt` and `stderr.txt` when it ends. mlrun's own
/// messages (the run id, the end status) go to stderr and `-q` silences them. The command gets
/// MLFLOW_RUN_ID, MLFLOW_TRACKING_URI (an absolute file:// URI) and MLFLOW_EXPERIMENT_ID, so MLflow's
/// Python client or `mlrun log-metric` inside it log into the same run.
///
/// Metrics are read from output lines, as Guild AI's output scalars: a line made only of
/// `key: value` or `key=value` pairs (separated by spaces, `,`, `;`, `|` or ` - `) logs each pair,
/// e.g. `loss: 0.5`, `acc=0.9`, `epoch=3 loss=0.25 acc=0.91`; `key: value (step N)` is read too.
/// A `step` value sets the step for its line and all later ones; before any, steps are counted per
/// key (the n-th value of a key is at step n-1). Keys given with -P are not read as metrics.
/// `--metric-pattern` replaces these rules with your own regexes.
///
/// The run ends FINISHED when the command exits 0, FAILED on another code, KILLED when it is killed
/// by a signal or mlrun is interrupted. mlrun exits with the command's code (128+N when killed by
/// signal N); on Ctrl-C or SIGTERM it forwards the signal to the command, waits for it, and exits
/// 130 or 143; a second signal kills the command (SIGKILL). A command that cannot be started exits
/// 127 (not found) or 126 (not executable), and its run ends FAILED with the reason in the
/// `mlrun.error` tag.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  mlrun exec -P lr=0.01 -- python train.py --lr 0.01
  mlrun exec --experiment-name sweeps --run-name baseline -- ./train.sh
  mlrun exec --metric-pattern 'Epoch (?P<step>\\step).*loss (?P<loss>\\value)' -- ./train")]
pub struct ExecArgs {
    #[command(flatten)]
    pub exp: ExperimentSel,
    /// Run name [default: a random adjective-noun-number]
    #[arg(long)]
    pub run_name: Option<String>,
    /// A param K=V to log (repeatable)
    #[arg(short = 'P', long = "param", value_name = "K=V", value_parser = parse_kv)]
    pub params: Vec<(String, String)>,
    /// A tag K=V to set (repeatable)
    #[arg(long = "tag", value_name = "K=V", value_parser = parse_kv)]
    pub tags: Vec<(String, String)>,
    /// Read metrics with this regex instead of the default rules (repeatable). `\key`, `\value` and
    /// `\step` stand for a key, a number and an integer; use named groups `(?P<key>…)` and
    /// `(?P<value>…)`, a group named after the metric, e.g. `(?P<loss>\value)`, or two unnamed
    /// groups (key, value). A group named `step` sets the step.
    #[arg(long = "metric-pattern", value_name = "REGEX")]
    pub metric_patterns: Vec<String>,
    /// Don't read metrics from the output
    #[arg(long)]
    pub no_metrics: bool,
    /// Don't capture the output: the command writes straight to the terminal (no log artifacts, no
    /// metrics read from output)
    #[arg(long)]
    pub no_capture: bool,
    #[command(flatten)]
    pub system_metrics: crate::cli::args::SystemMetricsArgs,
    /// The command and its arguments (put them after `--`)
    // No `allow_hyphen_values`: an option mlrun does not know is a usage error, not the command.
    #[arg(required = true, trailing_var_arg = true, value_name = "COMMAND")]
    pub command: Vec<OsString>,
}

/// Runs the command; returns the code mlrun should exit with.
pub fn cmd_exec(ctx: &Ctx, a: ExecArgs) -> CliResult<i32> {
    // Installed first, so a Ctrl-C during setup still reaches the command as soon as it starts.
    crate::cli::signals::forward_to_commands(ctx.quiet)?;
    let mut parser = if a.metric_patterns.is_empty() {
        ScalarParser::default()
    } else {
        ScalarParser::with_patterns(&a.metric_patterns).map_err(|e| {
            CliError::usage(e.to_string())
                .with_hint("patterns use Rust regex syntax; see `mlrun exec --help`")
        })?
    };
    parser = parser.ignore_keys(a.params.iter().map(|(k, _)| k.clone()));

    let store = ctx.store()?;
    // Everything that can fail before the command starts is done before the run exists.
    let uri = ctx.stores()?.child_uri()?;
    let logs = if a.no_capture {
        None
    } else {
        Some(tempfile::tempdir()?)
    };
    let log_files = match &logs {
        Some(dir) => Some((
            std::fs::File::create(dir.path().join(STDOUT_ARTIFACT))?,
            std::fs::File::create(dir.path().join(STDERR_ARTIFACT))?,
        )),
        None => None,
    };
    let experiment_id = experiment_for_new_run(ctx, store, &a.exp)?;
    let command_line = shell_join(&a.command);
    let user = user();
    let mut tags = source_tags(&user);
    let given = tags_of(a.tags);
    for t in &mut tags {
        if t.key == "mlflow.source.name" {
            t.value = truncate(&command_line, MAX_TAG_VALUE_LEN);
        }
    }
    tags.push(Tag::new(
        COMMAND_TAG,
        truncate(&command_line, MAX_TAG_VALUE_LEN),
    ));
    tags.retain(|t| !given.iter().any(|g| g.key == t.key));
    tags.extend(given);
    // Who supervises the run, so a run left RUNNING by a killed mlrun can be found and ended.
    tags.retain(|t| t.key != SUPERVISOR_TAG);
    tags.extend(Supervisor::current().map(|s| s.tag()));
    let run = store.create_run(NewRun {
        experiment_id: experiment_id.clone(),
        user_id: user,
        start_time: now_ms(),
        run_name: a.run_name,
        tags,
    })?;
    let run_id = run.info.run_id.clone();
    ctx.say(&format!(
        "Run {run_id} ({}) started in experiment {experiment_id}",
        run.info.run_name
    ));

    let params: Vec<Param> = a
        .params
        .into_iter()
        .map(|(key, value)| Param { key, value })
        .collect();
    for chunk in params.chunks(MAX_BATCH_PARAMS) {
        if let Err(e) = store.log_batch(&run_id, &[], chunk, &[]) {
            end_failed(store, &run_id, &e.to_string());
            return Err(e.into());
        }
    }

    let mut cmd = std::process::Command::new(&a.command[0]);
    cmd.args(&a.command[1..])
        .env(env_vars::RUN_ID, &run_id)
        .env(env_vars::TRACKING_URI, &uri)
        .env(env_vars::EXPERIMENT_ID, &experiment_id)
        // A name naming another experiment would contradict the id.
        .env_remove(env_vars::EXPERIMENT_NAME)
        .envs(crate::cli::child_pins());

    let mut writer = None;
    let mut sender_slot: Option<Arc<Mutex<Option<mpsc::Sender<Metric>>>>> = None;
    let tee = match log_files {
        None => None,
        Some((out, err)) => {
            let mut tee = Tee::new()
                .echo(Box::new(std::io::stdout()), Box::new(std::io::stderr()))
                .stdout_log(out)
                .stderr_log(err);
            if !a.no_metrics {
                let (tx, rx) = mpsc::channel::<Metric>();
                let slot = Arc::new(Mutex::new(Some(tx)));
                sender_slot = Some(slot.clone());
                let spawned = ctx
                    .open(&ctx.tracking_uri)
                    .and_then(|stores| Ok(spawn_metric_writer(stores, run_id.clone(), rx)?));
                match spawned {
                    Ok(w) => writer = Some(w),
                    Err(e) => {
                        end_failed(store, &run_id, &e.message);
                        return Err(e);
                    }
                }
                tee = tee.on_line(move |_stream: Stream, line: &str| {
                    let scalars = parser.parse_line(line);
                    if scalars.is_empty() {
                        return;
                    }
                    let ts = now_ms();
                    if let Ok(guard) = slot.lock() {
                        if let Some(tx) = guard.as_ref() {
                            for s in scalars {
                                let _ = tx.send(Metric {
                                    key: s.key,
                                    value: s.value,
                                    timestamp: ts,
                                    step: s.step,
                                });
                            }
                        }
                    }
                });
            }
            Some(tee)
        }
    };

    let outcome = match a.system_metrics.config() {
        None => child::run_supervised(cmd, tee),
        Some(config) => {
            let (outcome, err) = mlrun::sysmetrics::monitor_while(store, &run_id, &config, || {
                child::run_supervised(cmd, tee)
            });
            if let Some(e) = err {
                ctx.warn(&format!("system metrics stopped: {e}"));
            }
            outcome
        }
    };

    // Close the metric stream even if a grandchild still holds the output pipes open.
    if let Some(slot) = sender_slot {
        if let Ok(mut g) = slot.lock() {
            g.take();
        }
    }
    let metric_error = writer.and_then(|w| w.join().ok().flatten());
    if let Some(e) = metric_error {
        ctx.warn(&format!(
            "some metrics read from the output were not logged: {e}"
        ));
    }
    if let Some(dir) = &logs {
        let files = [
            dir.path().join(STDOUT_ARTIFACT),
            dir.path().join(STDERR_ARTIFACT),
        ];
        if let Err(e) = store.log_artifacts(&run_id, &files, None, &|_| {}) {
            ctx.warn(&format!("the command's output was not logged: {e}"));
        }
    }

    match outcome {
        Ok(o) => {
            let status = o.status();
            store.update_run(&run_id, status, Some(now_ms()))?;
            release(store, &run_id);
            ctx.say(&format!(
                "Run {run_id} {status}: the command {}",
                o.describe()
            ));
            Ok(o.exit_code())
        }
        Err(e) => {
            let code = child::spawn_error_code(&e);
            let program = a.command[0].to_string_lossy();
            let message = format!("cannot run '{program}': {e}");
            end_failed(store, &run_id, &message);
            let hint = if code == 127 {
                "check the command's spelling and that it is on PATH"
            } else {
                "check that the file is executable (chmod +x) and has a valid #! line"
            };
            Err(CliError {
                message,
                hint: Some(format!("{hint}; run {run_id} was ended as FAILED")),
                code,
            })
        }
    }
}

fn end_failed(store: &dyn TrackingStore, run_id: &str, message: &str) {
    let _ = store.log_batch(
        run_id,
        &[],
        &[],
        &[Tag::new(ERROR_TAG, truncate(message, MAX_TAG_VALUE_LEN))],
    );
    let _ = store.update_run(run_id, RunStatus::Failed, Some(now_ms()));
    release(store, run_id);
}

/// Drops the supervisor record of a run mlrun has ended (after ending it: a crash in between leaves
/// an ended run with a stale record, which is ignored, never a RUNNING run without one).
fn release(store: &dyn TrackingStore, run_id: &str) {
    let _ = store.delete_tag(run_id, SUPERVISOR_TAG);
}

/// Writes parsed metrics in batches of at most MAX_BATCH_METRICS, at least every FLUSH_EVERY, on
/// its own store handle so a slow disk never stalls the tee threads. Returns the first error.
fn spawn_metric_writer(
    stores: Stores,
    run_id: String,
    rx: mpsc::Receiver<Metric>,
) -> std::io::Result<std::thread::JoinHandle<Option<String>>> {
    std::thread::Builder::new()
        .name("mlrun-metrics".into())
        .spawn(move || {
            let store = stores.tracking();
            let mut first_error = None;
            let mut batch: Vec<Metric> = Vec::new();
            let mut since: Option<Instant> = None;
            let mut flush = |batch: &mut Vec<Metric>| {
                if batch.is_empty() {
                    return;
                }
                if let Err(e) = store.log_batch(&run_id, batch, &[], &[]) {
                    first_error.get_or_insert(e.to_string());
                }
                batch.clear();
            };
            loop {
                let wait = since
                    .map(|t| FLUSH_EVERY.saturating_sub(t.elapsed()))
                    .unwrap_or(Duration::from_secs(3600));
                match rx.recv_timeout(wait) {
                    Ok(m) => {
                        batch.push(m);
                        since.get_or_insert_with(Instant::now);
                        if batch.len() >= MAX_BATCH_METRICS {
                            flush(&mut batch);
                            since = None;
                        }
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        flush(&mut batch);
                        since = None;
                    }
                    Err(mpsc::RecvTimeoutError::Disconnected) => {
                        flush(&mut batch);
                        break;
                    }
                }
            }
            first_error
        })
}

fn truncate(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => s[..i].to_string(),
        None => s.to_string(),
    }
}

/// The command as one shell line, each word quoted as Python's `shlex.quote` does.
fn shell_join(words: &[OsString]) -> String {
    let words: Vec<_> = words.iter().map(|w| w.to_string_lossy()).collect();
    mlrun::project::shlex_join(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_lines_are_shell_quoted() {
        let words: Vec<OsString> = ["python", "train.py", "--lr=0.1", "a b", "it's", ""]
            .iter()
            .map(OsString::from)
            .collect();
        assert_eq!(
            shell_join(&words),
            r#"python train.py --lr=0.1 'a b' 'it'"'"'s' ''"#
        );
    }
}
