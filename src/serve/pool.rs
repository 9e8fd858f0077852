//! Python scoring workers: N processes (the model's environment, MLflow's own loader) fed over
//! length-prefixed frames on pipes, each owned by one supervisor thread that pulls requests from
//! one queue, batches compatible ones, and replaces its worker when it dies or overruns.
//!
//! Invariants: every request gets exactly one reply — a worker that dies or overruns its timeout is
//! killed (its process group), its request answered 500 or 504, and a fresh worker takes its place.
//! Workers start through the one supervisor (`crate::supervise::child::GroupChild`): their own
//! process group (a terminal's Ctrl-C reaches mlrun only, which drains before closing their pipes)
//! and SIGKILL when mlrun dies. What happens to a worker is told to a [`WorkerLog`], never printed.
use super::onnx::OnnxModel;
use super::protocol::{self, BatchRows, Scoring, ScoringError};
use super::{read_frame, split_batch_reply, split_reply, write_frame};
use crate::supervise::child::GroupChild;
use std::io::{self, Read};
use std::os::fd::AsRawFd;
use std::path::PathBuf;
use std::process::{ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// A reply on its way to the client.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
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
pub enum Scorer {
    Onnx(OnnxModel),
    Python(Pool),
}

impl Scorer {
    pub fn score(&self, req: Scoring, timeout: Option<Duration>) -> Reply {
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
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerCmd {
    pub argv: Vec<String>,
    pub cwd: PathBuf,
    pub env: Vec<(String, String)>,
}

pub enum Payload {
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
pub struct Pool {
    jobs: Mutex<Option<mpsc::Sender<Job>>>,
    threads: Mutex<Vec<std::thread::JoinHandle<()>>>,
    /// The MLflow version the workers report (for /version).
    pub mlflow_version: String,
    /// Most requests one model call may score together (1: never batch).
    pub batch_size: usize,
}

/// Told what happens to worker `idx` after the start ("restarted", "died while scoring …"), for
/// the server's log.
pub type WorkerLog = Arc<dyn Fn(usize, &str) + Send + Sync>;

/// Why the pool could not start.
#[derive(Debug, thiserror::Error)]
pub enum PoolError {
    /// A worker could not load the model: the worker's own words.
    #[error("the model could not be loaded: {0}")]
    Load(String),
    #[error("a worker thread ended before starting")]
    ThreadEnded,
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Most rows one batched model call may carry.
const MAX_BATCH_ROWS: usize = 10_000;

struct Proc {
    child: GroupChild,
    /// None once closed (the worker's cue to exit).
    stdin: Option<ChildStdin>,
    stdout: ChildStdout,
}

impl Proc {
    /// Kills the worker's process group (it is not reaped yet, so the id is still ours).
    fn kill(self) {
        self.child.kill();
    }

    /// Closes the pipe (the worker's cue to exit), then waits a little before killing it.
    fn stop(mut self, grace: Duration) {
        drop(self.stdin.take());
        self.child.stop(grace);
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
        .stderr(Stdio::inherit());
    // Its own group: a terminal's Ctrl-C reaches mlrun only, which drains before stopping it.
    let mut child =
        GroupChild::spawn(c).map_err(|e| format!("cannot start `{}`: {e}", cmd.argv[0]))?;
    let (Some(stdin), Some(stdout)) = (child.child.stdin.take(), child.child.stdout.take()) else {
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
            let status = proc.child.child.wait().ok();
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
            let _ = proc.child.child.wait();
            Err(msg)
        }
        None => {
            proc.kill();
            Err("the Python worker sent a malformed first frame".into())
        }
    }
}

impl Pool {
    /// Starts `n` workers and waits until all have loaded the model (or one failed). Each
    /// worker's supervisor thread lives as long as the worker (its PDEATHSIG is tied to it).
    pub fn start(
        cmd: WorkerCmd,
        n: usize,
        batch_size: usize,
        load_timeout: Duration,
        log: Option<WorkerLog>,
    ) -> Result<Pool, PoolError> {
        let (tx, rx) = mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        let (ready_tx, ready_rx) = mpsc::channel::<Result<String, String>>();
        let mut threads = Vec::new();
        for i in 0..n {
            let rx = Arc::clone(&rx);
            let cmd = cmd.clone();
            let ready = ready_tx.clone();
            let log = log.clone();
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
                    return Err(PoolError::Load(e));
                }
                Err(_) => return Err(PoolError::ThreadEnded),
            }
        }
        Ok(Pool {
            jobs: Mutex::new(Some(tx)),
            threads: Mutex::new(threads),
            mlflow_version: version,
            batch_size,
        })
    }

    pub fn score(&self, payload: Payload, timeout: Option<Duration>) -> Reply {
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
    pub fn shutdown(&self) {
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
    log: Option<WorkerLog>,
) {
    let say = |m: &str| {
        if let Some(log) = &log {
            log(idx, m);
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
                let status = p
                    .child
                    .child
                    .wait()
                    .map(|s| s.to_string())
                    .unwrap_or_default();
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
