//! `mlrun models serve` and `mlrun models predict`: MLflow's scoring server protocol behind the
//! shared HTTP front (`mlrun::http`). Python models are scored by N worker processes (the model's environment, MLflow's
//! own loader) over length-prefixed frames on pipes; ONNX models are scored in-process by tract.
//!
//! Invariants: every request gets exactly one reply — a worker that dies or overruns `--timeout` is
//! killed (its process group), its request answered 500 or 504, and a fresh worker takes its place;
//! SIGTERM/SIGINT stop the intake, let requests already received finish, then close the workers'
//! pipes (a second signal exits at once). `predict` runs the same parse → score path with no server.
use super::error::{CliError, CliResult};
use super::Ctx;
use clap::{Args, ValueEnum};
use mlrun::http;
use mlrun::models::ModelUri;
use mlrun::project::env::{self as penv, EnvManager, PlanRequest, Tools};
use mlrun::project::{Project, ProjectEnv};
use mlrun::serve::onnx::OnnxModel;
use mlrun::serve::protocol::{self, BatchRows, BodyKind, Scoring, ScoringError};
use mlrun::serve::{
    read_frame, split_batch_reply, split_reply, write_frame, Backend, ServedModel, WORKER_PY,
};
use std::io::{self, Read, Write};
use std::net::IpAddr;
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelEnvManager {
    /// Use the Python on PATH as it is
    Local,
    /// Build the model's python_env.yaml with uv (cached)
    Uv,
    /// Build the model's python_env.yaml as a virtualenv (with uv when on PATH; cached)
    Virtualenv,
    /// Build the model's conda.yaml with conda, mamba or micromamba (cached)
    Conda,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ContentTypeArg {
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The model: models:/NAME/VERSION, models:/NAME@ALIAS, models:/MODEL_ID, runs:/RUN_ID/path, or
    /// a path (a model folder, or a bare .onnx file)
    #[arg(short = 'm', long = "model-uri", value_name = "URI")]
    pub model_uri: String,
    /// Address to listen on
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0 picks a free one; the URL is printed on stdout once the model is loaded)
    #[arg(short = 'p', long, default_value_t = 5000)]
    pub port: u16,
    /// Python worker processes (python_function models), or requests scored at once (ONNX)
    /// [default: 1 for Python, the number of CPUs for ONNX]
    #[arg(short = 'w', long)]
    pub workers: Option<usize>,
    /// How to build the model's Python environment (ignored for ONNX, which needs no Python)
    #[arg(long, value_enum, default_value_t = ModelEnvManager::Virtualenv)]
    pub env_manager: ModelEnvManager,
    /// Seconds a request may take before it is answered 504 (its worker is then restarted)
    #[arg(short = 't', long, default_value_t = 60)]
    pub timeout: u64,
    /// Let one model call score up to N queued requests together (their rows joined, scored once,
    /// split back; only requests with the same columns and no params). Much higher throughput under
    /// load, for models that score each row on its own (sklearn, xgboost, …); the last digits of
    /// floating-point results may differ from scoring each request alone, as BLAS sums a larger
    /// batch in another order. Off by default
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub batch_size: usize,
    /// Largest request body accepted, in bytes (larger ones get 413)
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub max_body_size: usize,
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

/// A reply on its way to the client.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
}

impl From<ScoringError> for Reply {
    fn from(e: ScoringError) -> Self {
        Self {
            status: e.status,
            content_type: e.content_type,
            body: e.body.into_bytes(),
        }
    }
}

/// What turns a parsed request into predictions.
enum Scorer {
    Onnx(OnnxModel),
    Python(Pool),
}

impl Scorer {
    fn score(&self, req: Scoring, timeout: Option<Duration>) -> Reply {
        match self {
            Scorer::Onnx(m) => match m.predict(&req) {
                Ok(body) => Reply {
                    status: 200,
                    content_type: protocol::CONTENT_TYPE_JSON,
                    body: body.into_bytes(),
                },
                Err(e) => e.into(),
            },
            Scorer::Python(pool) => {
                let payload = if pool.batch_size > 1 {
                    match req.into_batch_rows() {
                        Ok(rows) => Payload::Rows(rows),
                        Err(req) => Payload::Message(req.worker_message()),
                    }
                } else {
                    Payload::Message(req.worker_message())
                };
                pool.score(payload, timeout)
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Python workers

/// How to start one worker.
#[derive(Clone)]
struct WorkerCmd {
    argv: Vec<String>,
    cwd: PathBuf,
    env: Vec<(String, String)>,
}

enum Payload {
    /// A worker message, sent as it is.
    Message(Vec<u8>),
    /// Rows that may share a model call with other requests' rows of the same columns.
    Rows(BatchRows),
}

impl Payload {
    fn message(&self) -> Vec<u8> {
        match self {
            Payload::Message(m) => m.clone(),
            Payload::Rows(r) => Scoring {
                input: protocol::Input::Frame(protocol::Frame {
                    columns: r.columns.clone(),
                    data: r.rows.clone(),
                    index: None,
                }),
                params: None,
            }
            .worker_message(),
        }
    }
    fn key(&self) -> Option<&str> {
        match self {
            Payload::Rows(r) => Some(&r.key),
            Payload::Message(_) => None,
        }
    }
}

struct Job {
    payload: Payload,
    /// How long the worker may take, counted from when it gets the request (time spent waiting
    /// for a free or restarting worker does not count).
    timeout: Option<Duration>,
    reply: mpsc::Sender<(u16, Vec<u8>)>,
}

/// N supervisor threads, each owning one worker process, pulling jobs from one queue (so a request
/// goes to whichever worker is free first).
struct Pool {
    jobs: Mutex<Option<mpsc::Sender<Job>>>,
    threads: Mutex<Vec<std::thread::JoinHandle<()>>>,
    /// The MLflow version the workers report (for /version).
    mlflow_version: String,
    /// Most requests one model call may score together (1: never batch).
    batch_size: usize,
}

/// Most rows one batched model call may carry.
const MAX_BATCH_ROWS: usize = 10_000;

struct Proc {
    child: Child,
    /// None once closed (the worker's cue to exit).
    stdin: Option<ChildStdin>,
    stdout: ChildStdout,
}

impl Proc {
    fn kill(mut self) {
        let pid = self.child.id() as i32;
        // SAFETY: kill(2) on the worker's own process group (it was started as its leader and is
        // not reaped yet, so the id is still ours).
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
        let _ = self.child.wait();
    }

    /// Closes the pipe (the worker's cue to exit), then waits a little before killing it.
    fn stop(mut self, grace: Duration) {
        drop(self.stdin.take());
        let end = Instant::now() + grace;
        while Instant::now() < end {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.kill();
    }

    fn exchange(&mut self, msg: &[u8], deadline: Option<Instant>) -> io::Result<Option<Vec<u8>>> {
        let stdin = self
            .stdin
            .as_mut()
            .ok_or_else(|| io::Error::new(io::ErrorKind::BrokenPipe, "closed"))?;
        write_frame(stdin, &[msg])?;
        read_frame(&mut DeadlineReader {
            inner: &mut self.stdout,
            deadline,
        })
    }
}

/// A reader that gives up at a deadline (poll(2) before each read).
struct DeadlineReader<'a> {
    inner: &'a mut ChildStdout,
    deadline: Option<Instant>,
}

impl Read for DeadlineReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(d) = self.deadline {
            loop {
                let left = d.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(io::Error::new(io::ErrorKind::TimedOut, "deadline"));
                }
                let mut pfd = libc::pollfd {
                    fd: self.inner.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                let ms = left.as_millis().min(i32::MAX as u128) as i32;
                // SAFETY: one valid pollfd for the duration of the call.
                let r = unsafe { libc::poll(&mut pfd, 1, ms.max(1)) };
                if r > 0 {
                    break;
                }
                if r < 0 {
                    let e = io::Error::last_os_error();
                    if e.kind() != io::ErrorKind::Interrupted {
                        return Err(e);
                    }
                }
            }
        }
        self.inner.read(buf)
    }
}

fn spawn_worker(cmd: &WorkerCmd, load_timeout: Duration) -> Result<(Proc, String), String> {
    let mut c = Command::new(&cmd.argv[0]);
    c.args(&cmd.argv[1..])
        .current_dir(&cmd.cwd)
        .envs(cmd.env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        // Its own group: a terminal's Ctrl-C reaches mlrun only, which drains before stopping it.
        .process_group(0);
    let mut child = c
        .spawn()
        .map_err(|e| format!("cannot start `{}`: {e}", cmd.argv[0]))?;
    let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return Err("worker pipes missing".into());
    };
    let mut proc = Proc {
        child,
        stdin: Some(stdin),
        stdout,
    };
    let ready = read_frame(&mut DeadlineReader {
        inner: &mut proc.stdout,
        deadline: Some(Instant::now() + load_timeout),
    });
    let frame = match ready {
        Ok(Some(f)) => f,
        Ok(None) => {
            let status = proc.child.wait().ok();
            return Err(format!(
                "the Python worker exited before loading the model ({}); its error is above",
                status.map_or("unknown status".into(), |s| s.to_string())
            ));
        }
        Err(e) => {
            proc.kill();
            return Err(format!("the Python worker did not load the model: {e}"));
        }
    };
    match split_reply(&frame) {
        Some((200, body)) => {
            let v: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
            let version = v
                .get("mlflow_version")
                .and_then(|x| x.as_str())
                .unwrap_or("")
                .to_string();
            Ok((proc, version))
        }
        Some((_, body)) => {
            let msg = ScoringError {
                status: 500,
                content_type: protocol::CONTENT_TYPE_JSON,
                body: String::from_utf8_lossy(body).into_owned(),
            }
            .message();
            let _ = proc.child.wait();
            Err(msg)
        }
        None => {
            proc.kill();
            Err("the Python worker sent a malformed first frame".into())
        }
    }
}

impl Pool {
    /// Starts `n` workers and waits until all have loaded the model (or one failed).
    fn start(
        cmd: WorkerCmd,
        n: usize,
        batch_size: usize,
        load_timeout: Duration,
        log: bool,
    ) -> CliResult<Pool> {
        let (tx, rx) = mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        let (ready_tx, ready_rx) = mpsc::channel::<Result<String, String>>();
        let mut threads = Vec::new();
        for i in 0..n {
            let rx = Arc::clone(&rx);
            let cmd = cmd.clone();
            let ready = ready_tx.clone();
            threads.push(
                std::thread::Builder::new()
                    .name(format!("mlrun-worker-{i}"))
                    .spawn(move || supervise(i, cmd, rx, ready, batch_size, load_timeout, log))?,
            );
        }
        drop(ready_tx);
        let mut version = String::new();
        for _ in 0..n {
            match ready_rx.recv() {
                Ok(Ok(v)) => version = v,
                Ok(Err(e)) => {
                    drop(tx);
                    for t in threads {
                        let _ = t.join();
                    }
                    return Err(CliError::user(format!("the model could not be loaded: {e}"))
                        .with_hint("check that the model's environment has mlflow and the model's libraries (with --env-manager local, the Python on PATH is used)"));
                }
                Err(_) => return Err(CliError::user("a worker thread ended before starting")),
            }
        }
        Ok(Pool {
            jobs: Mutex::new(Some(tx)),
            threads: Mutex::new(threads),
            mlflow_version: version,
            batch_size,
        })
    }

    fn score(&self, payload: Payload, timeout: Option<Duration>) -> Reply {
        let (tx, rx) = mpsc::channel();
        let sent = match self.jobs.lock() {
            Ok(g) => g.as_ref().map(|jobs| {
                jobs.send(Job {
                    payload,
                    timeout,
                    reply: tx,
                })
                .is_ok()
            }),
            Err(_) => None,
        };
        if sent != Some(true) {
            return ScoringError::internal("The server is shutting down").into();
        }
        match rx.recv() {
            Ok((status, body)) => Reply {
                status,
                content_type: protocol::CONTENT_TYPE_JSON,
                body,
            },
            Err(_) => ScoringError::internal("The model worker stopped without answering").into(),
        }
    }

    /// Stops taking jobs; each worker finishes the one it has, then its pipe is closed.
    fn shutdown(&self) {
        if let Ok(mut g) = self.jobs.lock() {
            g.take();
        }
        let threads = self
            .threads
            .lock()
            .map(|mut t| std::mem::take(&mut *t))
            .unwrap_or_default();
        for t in threads {
            let _ = t.join();
        }
    }
}

fn error_reply(e: ScoringError) -> (u16, Vec<u8>) {
    (e.status, e.body.into_bytes())
}

/// One worker's life: start it, feed it jobs (several at once when their rows can share a model
/// call), replace it when it dies or overruns.
fn supervise(
    idx: usize,
    cmd: WorkerCmd,
    jobs: Arc<Mutex<mpsc::Receiver<Job>>>,
    ready: mpsc::Sender<Result<String, String>>,
    batch_size: usize,
    load_timeout: Duration,
    log: bool,
) {
    let say = |m: &str| {
        if log {
            let _ = writeln!(io::stderr(), "mlrun: worker {idx}: {m}");
        }
    };
    let mut proc = match spawn_worker(&cmd, load_timeout) {
        Ok((p, v)) => {
            let _ = ready.send(Ok(v));
            Some(p)
        }
        Err(e) => {
            let _ = ready.send(Err(e));
            return;
        }
    };
    drop(ready);
    // A job taken while gathering a batch that could not join it: it goes first next time.
    let mut carry: Option<Job> = None;
    loop {
        let group = {
            let Ok(rx) = jobs.lock() else { break };
            let first = match carry.take() {
                Some(j) => j,
                None => match rx.recv() {
                    Ok(j) => j,
                    Err(_) => break,
                },
            };
            let mut group = vec![first];
            if let Some(key) = group[0].payload.key().map(str::to_string) {
                let mut rows = group[0].rows();
                while group.len() < batch_size && rows < MAX_BATCH_ROWS {
                    match rx.try_recv() {
                        Ok(j) if j.payload.key() == Some(key.as_str()) => {
                            rows += j.rows();
                            group.push(j);
                        }
                        Ok(j) => {
                            carry = Some(j);
                            break;
                        }
                        Err(_) => break,
                    }
                }
            }
            group
        };
        let mut p = match proc.take() {
            Some(p) => p,
            None => match spawn_worker(&cmd, load_timeout) {
                Ok((p, _)) => {
                    say("restarted");
                    p
                }
                Err(e) => {
                    let e = ScoringError::internal(&format!(
                        "The model worker could not be restarted: {e}"
                    ));
                    for j in group {
                        let _ = j.reply.send(error_reply(e.clone()));
                    }
                    std::thread::sleep(Duration::from_millis(500));
                    continue;
                }
            },
        };
        let msg = if group.len() == 1 {
            group[0].payload.message()
        } else {
            let parts: Vec<&BatchRows> = group
                .iter()
                .filter_map(|j| match &j.payload {
                    Payload::Rows(r) => Some(r),
                    Payload::Message(_) => None,
                })
                .collect();
            protocol::batch_message(&parts)
        };
        let timeout = group.iter().filter_map(|j| j.timeout).max();
        let outcome = p.exchange(&msg, timeout.map(|t| Instant::now() + t));
        let fail = |group: Vec<Job>, e: ScoringError| {
            for j in group {
                let _ = j.reply.send(error_reply(e.clone()));
            }
        };
        match outcome {
            Ok(Some(frame)) => {
                let replies = match split_reply(&frame) {
                    Some((status, body)) if group.len() == 1 => Some(vec![(status, body.to_vec())]),
                    Some((200, body)) => split_batch_reply(body).filter(|r| r.len() == group.len()),
                    _ => None,
                };
                match replies {
                    Some(replies) => {
                        for (j, r) in group.into_iter().zip(replies) {
                            let _ = j.reply.send(r);
                        }
                        proc = Some(p);
                    }
                    None => {
                        p.kill();
                        fail(
                            group,
                            ScoringError::internal(
                                "The model worker sent a malformed reply; it was restarted",
                            ),
                        );
                    }
                }
            }
            Err(e) if e.kind() == io::ErrorKind::TimedOut => {
                p.kill();
                say("killed after a request timed out");
                fail(group, ScoringError::timeout());
            }
            Ok(None) | Err(_) => {
                let status = p.child.wait().map(|s| s.to_string()).unwrap_or_default();
                say(&format!("died while scoring ({status})"));
                fail(group, ScoringError::internal(&format!(
                    "The model worker died while scoring this request ({status}); it has been restarted. Its error, if any, is in the server's log."
                )));
            }
        }
        // Keep a warm worker ready for the next request.
        if proc.is_none() {
            match spawn_worker(&cmd, load_timeout) {
                Ok((p, _)) => {
                    say("restarted");
                    proc = Some(p);
                }
                Err(e) => say(&format!("could not restart: {e}")),
            }
        }
    }
    if let Some(j) = carry {
        let _ = j.reply.send(error_reply(ScoringError::internal(
            "The server is shutting down",
        )));
    }
    if let Some(p) = proc {
        p.stop(Duration::from_secs(5));
    }
}

impl Job {
    fn rows(&self) -> usize {
        match &self.payload {
            Payload::Rows(r) => r.rows.len(),
            Payload::Message(_) => 0,
        }
    }
}

/// The command that runs the worker script in the model's environment, building it first when
/// the manager keeps one.
fn worker_cmd(
    ctx: &Ctx,
    model: &ServedModel,
    manager: ModelEnvManager,
    script: &Path,
) -> CliResult<WorkerCmd> {
    let script_s = script.to_string_lossy().into_owned();
    let dir_s = model.dir.to_string_lossy().into_owned();
    if manager == ModelEnvManager::Local {
        let python = super::run::which("python")
            .or_else(|| super::run::which("python3"))
            .ok_or_else(|| {
                CliError::user("no python on PATH for --env-manager local")
                    .with_hint("put a Python with mlflow installed first on PATH, or use --env-manager virtualenv")
            })?;
        return Ok(WorkerCmd {
            argv: vec![python.to_string_lossy().into_owned(), script_s, dir_s],
            cwd: model.dir.clone(),
            env: vec![],
        });
    }
    let env = match manager {
        ModelEnvManager::Conda => ProjectEnv::Conda(model.conda_env.clone().ok_or_else(|| {
            CliError::user(format!(
                "the model at {} has no conda.yaml for --env-manager conda",
                model.dir.display()
            ))
        })?),
        _ => ProjectEnv::Python(Some(model.python_env.clone().ok_or_else(|| {
            CliError::user(format!(
                "the model at {} has no python_env.yaml for --env-manager {}",
                model.dir.display(),
                manager
                    .to_possible_value()
                    .map(|v| v.get_name().to_string())
                    .unwrap_or_default()
            ))
            .with_hint("use --env-manager local to score with the Python on PATH")
        })?)),
    };
    let project = Project {
        dir: model.dir.clone(),
        name: None,
        env,
        entry_points: vec![],
    };
    let scratch = tempfile::tempdir()?;
    let host_env = |k: &str| std::env::var(k).ok();
    let req = PlanRequest {
        project: &project,
        manager: match manager {
            ModelEnvManager::Uv => EnvManager::Uv,
            ModelEnvManager::Conda => EnvManager::Conda,
            _ => EnvManager::Virtualenv,
        },
        command: mlrun::project::shlex_join(&["python".to_string(), script_s, dir_s]),
        env_root: super::run::env_root(),
        run_env: vec![],
        tracking_dir: model.dir.clone(),
        artifact_dir: None,
        docker_args: vec![],
        build_image: false,
        git_commit: None,
        scratch: scratch.path().to_path_buf(),
    };
    let tools = Tools {
        which: &super::run::which,
        host_env: &host_env,
    };
    let plan = penv::plan(&req, &tools)?;
    super::run::prepare_env(ctx, &plan)?;
    Ok(WorkerCmd {
        argv: plan.argv,
        cwd: plan.cwd,
        env: plan.env,
    })
}

/// The local files a model URI names (a plain path needs no store).
fn resolve_model_path(ctx: &Ctx, uri: &str) -> CliResult<PathBuf> {
    let parsed = ModelUri::parse(uri)?;
    // Absolute, since workers run in the model's folder.
    let absolute = |p: &Path| {
        std::fs::canonicalize(p)
            .map_err(|e| CliError::user(format!("cannot open the model at '{}': {e}", p.display())))
    };
    if let ModelUri::Local(p) = &parsed {
        if p.exists() {
            return absolute(p);
        }
    }
    absolute(&ctx.stores()?.model_files(uri)?.0)
}

/// The model behind a URI, loaded and ready to score.
struct Loaded {
    model: ServedModel,
    scorer: Scorer,
    /// Keeps the worker script on disk while workers may (re)start.
    _script_dir: Option<tempfile::TempDir>,
}

fn load(
    ctx: &Ctx,
    uri: &str,
    manager: ModelEnvManager,
    workers: usize,
    batch_size: usize,
    load_timeout: Duration,
) -> CliResult<Loaded> {
    let path = resolve_model_path(ctx, uri)?;
    let model = ServedModel::open(&path)?;
    match &model.backend {
        Backend::Onnx(file) => {
            let m = OnnxModel::load(file).map_err(CliError::user)?;
            ctx.say(&format!(
                "Serving {} natively (ONNX; inputs: {})",
                file.display(),
                m.input_names().join(", ")
            ));
            Ok(Loaded {
                model,
                scorer: Scorer::Onnx(m),
                _script_dir: None,
            })
        }
        Backend::Pyfunc => {
            let dir = tempfile::Builder::new().prefix("mlrun-serve-").tempdir()?;
            let script = dir.path().join("mlrun_worker.py");
            std::fs::write(&script, WORKER_PY)?;
            let cmd = worker_cmd(ctx, &model, manager, &script)?;
            ctx.say(&format!(
                "Starting {workers} Python worker{} for {}",
                if workers == 1 { "" } else { "s" },
                model.dir.display()
            ));
            let pool = Pool::start(cmd, workers, batch_size.max(1), load_timeout, !ctx.quiet)?;
            Ok(Loaded {
                model,
                scorer: Scorer::Python(pool),
                _script_dir: Some(dir),
            })
        }
    }
}

// ---------------------------------------------------------------------------------------------
// predict

pub fn predict(ctx: &Ctx, a: PredictArgs) -> CliResult {
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
    if let Scorer::Python(pool) = &loaded.scorer {
        pool.shutdown();
    }
    if reply.status != 200 {
        let e = ScoringError {
            status: reply.status,
            content_type: reply.content_type,
            body: String::from_utf8_lossy(&reply.body).into_owned(),
        };
        return Err(CliError::user(e.message()));
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

// ---------------------------------------------------------------------------------------------
// serve

struct Front {
    loaded: Loaded,
    version: String,
    timeout: Duration,
    /// ONNX: scoring slots (handlers run on the HTTP front's blocking pool; at most `--workers`
    /// score at once).
    slots: Semaphore,
}

/// A counting semaphore (std has none).
struct Semaphore {
    free: Mutex<usize>,
    cv: std::sync::Condvar,
}

impl Semaphore {
    fn new(n: usize) -> Self {
        Self {
            free: Mutex::new(n),
            cv: std::sync::Condvar::new(),
        }
    }
    /// A slot if one is free now (given back when the guard drops).
    fn try_take(&self) -> Option<SlotGuard<'_>> {
        let mut free = self.free.lock().unwrap_or_else(|p| p.into_inner());
        if *free == 0 {
            return None;
        }
        *free -= 1;
        Some(SlotGuard(self))
    }
    fn run<T>(&self, f: impl FnOnce() -> T) -> T {
        {
            let mut free = self.free.lock().unwrap_or_else(|p| p.into_inner());
            while *free == 0 {
                free = self.cv.wait(free).unwrap_or_else(|p| p.into_inner());
            }
            *free -= 1;
        }
        let out = f();
        *self.free.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        self.cv.notify_one();
        out
    }
}

struct SlotGuard<'a>(&'a Semaphore);

impl Drop for SlotGuard<'_> {
    fn drop(&mut self) {
        *self.0.free.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        self.0.cv.notify_one();
    }
}

pub fn serve(ctx: &Ctx, a: ServeArgs) -> CliResult {
    let ip: IpAddr = match a.host.as_str() {
        "localhost" => IpAddr::from([127, 0, 0, 1]),
        h => h.trim_matches(['[', ']']).parse().map_err(|_| {
            CliError::usage(format!("--host '{h}' is not an IP address"))
                .with_hint("use 127.0.0.1 (the default), ::1, or 0.0.0.0 to listen everywhere")
        })?,
    };
    if a.workers == Some(0) {
        return Err(CliError::usage("--workers must be at least 1"));
    }
    // Signals are caught from here on: a Ctrl-C while workers load stops cleanly too.
    let mut signals = super::signals::GracefulStop::catch()?;

    let path = resolve_model_path(ctx, &a.model_uri)?;
    let is_onnx = matches!(ServedModel::open(&path)?.backend, Backend::Onnx(_));
    let workers = a.workers.unwrap_or(if is_onnx {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        1
    });
    let timeout = Duration::from_secs(a.timeout.max(1));
    let loaded = load(
        ctx,
        &a.model_uri,
        a.env_manager,
        workers,
        a.batch_size,
        timeout.max(Duration::from_secs(600)),
    )?;
    let version = match &loaded.scorer {
        Scorer::Python(p) if !p.mlflow_version.is_empty() => p.mlflow_version.clone(),
        _ => mlrun::models::mlmodel::MlModel::read(&loaded.model.dir)
            .ok()
            .and_then(|m| m.get_str("mlflow_version").map(str::to_string))
            .unwrap_or_else(|| env!("CARGO_PKG_VERSION").to_string()),
    };
    let server = http::Server::bind((ip, a.port)).map_err(|e| {
        CliError::user(format!("cannot listen on {}:{}: {e}", a.host, a.port))
            .with_hint("pick another --port (0 picks a free one)")
    })?;
    let addr = server.local_addr()?;
    let stopper = server.stopper();
    let front = Arc::new(Front {
        loaded,
        version,
        timeout,
        slots: Semaphore::new(workers),
    });
    {
        let mut out = io::stdout().lock();
        writeln!(out, "http://{addr}")?;
        out.flush()?;
    }
    ctx.say(&format!(
        "Listening at http://{addr} (POST /invocations; Ctrl-C or SIGTERM to stop)"
    ));

    signals.on_signal(ctx.quiet, move || stopper.stop());
    let logger: Option<http::Logger> = (!ctx.quiet).then(|| {
        Arc::new(|a: &http::Access| {
            let remote = a.remote.map_or_else(|| "-".to_string(), |r| r.to_string());
            let path = a.target.split('?').next().unwrap_or_default();
            let _ = writeln!(
                io::stderr(),
                "{remote} \"{} {path}\" {} {}B {:.2}ms",
                a.method,
                a.status,
                a.bytes,
                a.elapsed.as_secs_f64() * 1000.0
            );
        }) as http::Logger
    });
    let cfg = http::Config {
        max_body: a.max_body_size,
        // Bodies in flight may hold four of the largest, and never less than 256 MiB.
        body_budget: a.max_body_size.saturating_mul(4).max(256 << 20),
        // MLflow's server parses with Python's json, which gives up past its recursion limit.
        max_json_depth: Some(MAX_JSON_DEPTH),
        // A request may wait for a worker up to --timeout; let it finish on a stop.
        shutdown_grace: timeout + Duration::from_secs(5),
        logger,
        ..http::Config::default()
    };
    server.serve(cfg, front.clone())?;
    if let Scorer::Python(pool) = &front.loaded.scorer {
        pool.shutdown();
    }
    drop(signals);
    ctx.say("Stopped.");
    Ok(())
}

/// Largest ONNX request body scored on the HTTP front itself (a few hundred rows at most).
const INLINE_BODY: usize = 16 * 1024;

/// Nesting a JSON body may have: Python's default recursion limit, where MLflow's own
/// `json.loads` fails.
const MAX_JSON_DEPTH: usize = 1000;

impl http::Handler for Front {
    fn handle(&self, req: http::Request) -> http::Response {
        let json = protocol::CONTENT_TYPE_JSON;
        let reply = match (req.method.as_str(), req.path.as_str()) {
            ("GET", "/ping" | "/health") => Reply {
                status: 200,
                content_type: json,
                body: b"\n".to_vec(),
            },
            ("GET", "/version") => Reply {
                status: 200,
                content_type: json,
                body: self.version.clone().into_bytes(),
            },
            ("POST", "/invocations") => invocations(self, &req, true),
            (_, "/ping" | "/health" | "/version" | "/invocations") => Reply {
                status: 405,
                content_type: json,
                body: br#"{"detail":"Method Not Allowed"}"#.to_vec(),
            },
            _ => Reply {
                status: 404,
                content_type: json,
                body: br#"{"detail":"Not Found"}"#.to_vec(),
            },
        };
        http::Response::bytes(reply.status, reply.content_type, reply.body)
    }

    /// ONNX scoring of a small body with a scoring slot free is a bounded bit of CPU: it is done
    /// on the front (a thread hand-off would cost more than the scoring); the rest goes to `handle`.
    fn try_inline(&self, req: &http::Request) -> Option<http::Response> {
        let Scorer::Onnx(_) = &self.loaded.scorer else {
            return None;
        };
        if req.method != "POST" || req.path != "/invocations" || req.body.len() > INLINE_BODY {
            return None;
        }
        let _slot = self.slots.try_take()?;
        let reply = invocations(self, req, false);
        Some(http::Response::bytes(
            reply.status,
            reply.content_type,
            reply.body,
        ))
    }

    fn refuse(&self, refusal: &http::Refusal) -> http::Response {
        let e = match refusal {
            http::Refusal::TooLarge { limit } => ScoringError::too_large(*limit),
            http::Refusal::TooDeep { .. } => ScoringError::invalid_input(&format!(
                "Ensure that input is a valid JSON formatted string. Error: '{}'",
                refusal.message()
            )),
            r if r.status() == 400 => ScoringError::mlflow("BAD_REQUEST", &r.message()),
            r => ScoringError::text(r.status(), &r.message()),
        };
        http::Response::bytes(e.status, e.content_type, e.body)
    }
}

/// `take_slot`: false when the caller already holds an ONNX scoring slot.
fn invocations(front: &Front, req: &http::Request, take_slot: bool) -> Reply {
    let kind = match protocol::content_kind(req.header("content-type")) {
        Ok(k) => k,
        Err(e) => return e.into(),
    };
    let parsed = match protocol::parse_body(kind, &req.body, &front.loaded.model.inputs) {
        Ok(p) => p,
        Err(e) => return e.into(),
    };
    match &front.loaded.scorer {
        Scorer::Onnx(_) if take_slot => front
            .slots
            .run(|| front.loaded.scorer.score(parsed, Some(front.timeout))),
        Scorer::Onnx(_) => front.loaded.scorer.score(parsed, Some(front.timeout)),
        Scorer::Python(_) => front.loaded.scorer.score(parsed, Some(front.timeout)),
    }
}
