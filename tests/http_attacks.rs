//! The HTTP front (`mlrun::http`) attacked as a hostile client would, against both `mlrun ui` and
//! `mlrun models serve` (an ONNX model: no Python), on loopback only, while a normal client keeps
//! asking and must keep getting answers. Every loop is bounded in count and time, and every server
//! is killed at the end (by its own pid).
mod common;
use common::{mlflow_sklearn_python, run_python, venv_python_with, TestEnv};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running server, killed when dropped.
struct Target {
    name: &'static str,
    child: Child,
    addr: SocketAddr,
    /// A normal request (raw bytes, `Connection: close`) and the status it must get.
    normal: Vec<u8>,
    /// Where a request with a body goes.
    post_path: &'static str,
}

impl Drop for Target {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Target {
    fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// One normal request on a fresh connection: its status, or None when it got no answer
    /// within 5 s.
    fn ask(&self) -> Option<u16> {
        let mut s = TcpStream::connect_timeout(&self.addr, Duration::from_secs(5)).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
        s.write_all(&self.normal).ok()?;
        read_response(&mut s).map(|r| r.0)
    }

    fn sigterm(&self) {
        // SAFETY: kill(2) on our own child's pid, not yet reaped.
        unsafe {
            libc::kill(self.pid(), libc::SIGTERM);
        }
    }

    /// Waits (at most `limit`) for the server to exit.
    fn exits_within(&mut self, limit: Duration) -> bool {
        let end = Instant::now() + limit;
        while Instant::now() < end {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    /// Peak resident memory (VmHWM) in KiB.
    fn peak_rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap()
    }
}

fn spawn(mut cmd: Command, name: &'static str) -> (Child, SocketAddr) {
    // The access log goes to a file: nobody reads a pipe here, and a full pipe would stall it.
    let log = tempfile::NamedTempFile::new().unwrap().into_temp_path();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .unwrap_or_else(|_| {
            panic!(
                "{name} printed {line:?}; stderr:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            )
        });
    (child, addr)
}

fn ui(env: &TestEnv) -> Target {
    env.ok(&["experiments", "create", "attacked"]);
    let mut cmd = env.cmd();
    cmd.args(["ui", "--port", "0"]);
    let (child, addr) = spawn(cmd, "ui");
    Target {
        name: "ui",
        child,
        addr,
        normal: format!(
            "GET /api/experiments HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .into_bytes(),
        post_path: "/api/runs/rename",
    }
}

/// A LinearRegression on 3 features converted to ONNX (by skl2onnx, as tests/serve.rs does).
fn onnx_model(env: &TestEnv) -> PathBuf {
    let file = env.path().join("linear.onnx");
    let script = format!(
        r#"
import numpy as np
from sklearn.linear_model import LinearRegression
from skl2onnx import to_onnx
X = np.random.default_rng(7).normal(size=(40, 3)).astype(np.float32)
m = LinearRegression().fit(X, X @ np.array([1.5, -2.0, 0.25]))
open({path:?}, "wb").write(to_onnx(m, X[:1]).SerializeToString())
"#,
        path = file.to_string_lossy()
    );
    let python = venv_python_with(&["scikit-learn", "skl2onnx", "onnxruntime"], "onnx-venv");
    let out = Command::new(python).arg("-c").arg(script).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    file
}

const SCORE: &str = r#"{"inputs": [[0.1, 0.2, 0.3]]}"#;

fn scoring_request(addr: SocketAddr) -> Vec<u8> {
    format!(
        "POST /invocations HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{SCORE}",
        SCORE.len()
    )
    .into_bytes()
}

fn serve(env: &TestEnv) -> Target {
    let model = onnx_model(env);
    let mut cmd = env.cmd();
    cmd.args(["models", "serve", "--port", "0", "--workers", "2", "-m"])
        .arg(&model);
    let (child, addr) = spawn(cmd, "models serve");
    Target {
        name: "models serve",
        child,
        addr,
        normal: scoring_request(addr),
        post_path: "/invocations",
    }
}

fn both() -> (TestEnv, Vec<Target>) {
    let env = TestEnv::new();
    let targets = vec![ui(&env), serve(&env)];
    for t in &targets {
        assert_eq!(t.ask(), Some(200), "{}: the normal request", t.name);
    }
    (env, targets)
}

/// Reads one response: (status, headers, body). None on a timeout or a close before a whole head.
fn read_response(s: &mut TcpStream) -> Option<(u16, String, Vec<u8>)> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 16384];
    loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..i]).to_string();
            let status: u16 = head.get(9..12)?.parse().ok()?;
            if status == 100 {
                buf.drain(..i + 4);
                continue;
            }
            let len: usize = head
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case("content-length")
                        .then(|| v.trim().parse().ok())?
                })
                .unwrap_or(0);
            while buf.len() < i + 4 + len {
                let n = s.read(&mut chunk).ok().filter(|&n| n > 0)?;
                buf.extend_from_slice(&chunk[..n]);
            }
            return Some((status, head, buf[i + 4..i + 4 + len].to_vec()));
        }
        let n = s.read(&mut chunk).ok().filter(|&n| n > 0)?;
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Whether the server closed the connection (EOF or reset within 3 s).
fn closed(s: &mut TcpStream) -> bool {
    s.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
    let mut b = [0u8; 1024];
    match s.read(&mut b) {
        Ok(0) => true,
        Ok(_) => false,
        Err(e) => !matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        ),
    }
}

/// A normal client asking every 200 ms until `stop`; returns (asked, answered 200).
fn normal_client(t: &Target, stop: &AtomicBool) -> (usize, usize) {
    let (mut asked, mut ok) = (0, 0);
    while !stop.load(Ordering::SeqCst) && asked < 200 {
        asked += 1;
        if t.ask() == Some(200) {
            ok += 1;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    (asked, ok)
}

/// 200 connections each send a request head one byte a second (for ~13 s): the normal client is
/// answered throughout, and the header-read bound closes every slow connection.
#[test]
fn slowloris_two_hundred_connections_one_byte_a_second() {
    let (_env, targets) = both();
    std::thread::scope(|scope| {
        for t in &targets {
            scope.spawn(move || {
                let stop = AtomicBool::new(false);
                let (normal, slow_closed) = std::thread::scope(|inner| {
                    let normal = inner.spawn(|| normal_client(t, &stop));
                    let mut conns: Vec<Option<TcpStream>> = (0..200)
                        .map(|_| TcpStream::connect_timeout(&t.addr, Duration::from_secs(5)).ok())
                        .collect();
                    let head = format!("GET / HTTP/1.1\r\nHost: {}\r\nX-Slow: ", t.addr);
                    let mut cut = 0;
                    for second in 0..13 {
                        for c in conns.iter_mut() {
                            let Some(s) = c else { continue };
                            let byte = head.as_bytes().get(second).copied().unwrap_or(b'a');
                            if s.write_all(&[byte]).is_err() {
                                *c = None;
                                cut += 1;
                            }
                        }
                        std::thread::sleep(Duration::from_secs(1));
                    }
                    // What is still open must be closed by the server (or be on its way).
                    for s in conns.iter_mut().flatten() {
                        s.set_nonblocking(false).unwrap();
                        if closed(s) {
                            cut += 1;
                        }
                    }
                    stop.store(true, Ordering::SeqCst);
                    (normal.join().unwrap(), cut)
                });
                assert!(normal.0 >= 20, "{}: {normal:?}", t.name);
                assert_eq!(normal.0, normal.1, "{}: normal requests unanswered", t.name);
                assert_eq!(slow_closed, 200, "{}: slow connections left open", t.name);
            });
        }
    });
}

/// 1,000 keep-alive connections make one request each and then sit idle: the normal client is
/// still answered, and so is a second request on an idle connection.
#[test]
fn a_thousand_idle_keep_alive_connections() {
    let (_env, targets) = both();
    for t in &targets {
        let get = format!("GET /ping HTTP/1.1\r\nHost: {}\r\n\r\n", t.addr);
        let mut conns: Vec<TcpStream> = (0..1000)
            .filter_map(|_| TcpStream::connect_timeout(&t.addr, Duration::from_secs(5)).ok())
            .collect();
        assert_eq!(conns.len(), 1000, "{}: connections refused", t.name);
        for s in &mut conns {
            s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            let _ = s.write_all(get.as_bytes());
        }
        let mut answered = 0;
        for s in &mut conns {
            if read_response(s).is_some() {
                answered += 1;
            }
        }
        assert_eq!(answered, 1000, "{}: keep-alive requests unanswered", t.name);
        // All 1,000 now idle; the normal client keeps being answered.
        for _ in 0..10 {
            assert_eq!(t.ask(), Some(200), "{}: normal request", t.name);
        }
        let s = &mut conns[500];
        s.write_all(get.as_bytes()).unwrap();
        assert!(
            read_response(s).is_some(),
            "{}: idle connection reused",
            t.name
        );
    }
}

/// 1,200 chunked requests whose chunk size is `ffffffffffffffff`: each is refused at once (400 or
/// 413: the announced chunk is past any body limit), no connection
/// slot leaks (a normal request still gets 200), and SIGTERM then ends the server promptly.
#[test]
fn chunk_size_ffffffffffffffff_twelve_hundred_times() {
    let (_env, mut targets) = both();
    for t in &mut targets {
        let req = format!(
            "POST {} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n{{\"a\": 1}}\r\n",
            t.post_path, t.addr
        );
        let refused = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| {
                    for _ in 0..150 {
                        let Ok(mut s) = TcpStream::connect_timeout(&t.addr, Duration::from_secs(5))
                        else {
                            continue;
                        };
                        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
                        let _ = s.write_all(req.as_bytes());
                        if let Some((400 | 413, _, _)) = read_response(&mut s) {
                            refused.fetch_add(1, Ordering::SeqCst);
                        }
                    }
                });
            }
        });
        assert_eq!(refused.load(Ordering::SeqCst), 1200, "{}: refusals", t.name);
        assert_eq!(t.ask(), Some(200), "{}: normal request after", t.name);
        t.sigterm();
        assert!(
            t.exits_within(Duration::from_secs(10)),
            "{}: SIGTERM did not end the server",
            t.name
        );
    }
}

/// Requests whose framing two parsers could read differently, each followed by bytes that would be
/// a second request: 400, and the connection closed (the rest is never served).
#[test]
fn ambiguous_framing_gets_400_and_close() {
    let (_env, targets) = both();
    let framings = [
        "Content-Length: 5\r\nTransfer-Encoding: chunked",
        "Transfer-Encoding: chunked\r\nContent-Length: 5",
        "Transfer-Encoding: xchunked",
        "Transfer-Encoding: chunked, identity",
        "Content-Length: 5\r\nContent-Length: 6",
        "Content-Length: 1 0",
    ];
    for t in &targets {
        for framing in framings {
            let mut s = TcpStream::connect(t.addr).unwrap();
            s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            let smuggled = format!("GET /ping HTTP/1.1\r\nHost: {}\r\n\r\n", t.addr);
            let req = format!(
                "POST {} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n{framing}\r\n\r\n0\r\n\r\n{smuggled}",
                t.post_path, t.addr
            );
            s.write_all(req.as_bytes()).unwrap();
            let r = read_response(&mut s);
            assert_eq!(
                r.as_ref().map(|r| r.0),
                Some(400),
                "{}: {framing:?}",
                t.name
            );
            assert!(closed(&mut s), "{}: {framing:?} left open", t.name);
        }
        assert_eq!(t.ask(), Some(200), "{}", t.name);
    }
}

/// 24 clients each send a 60 MB body at once: the memory bodies in flight may take is bounded (peak
/// RSS stays far below 24 × 60 MB) and past the limits the answers are 413 or 503.
#[test]
fn twenty_four_concurrent_sixty_megabyte_bodies() {
    let (_env, targets) = both();
    let body = Arc::new(vec![b'x'; 60 << 20]);
    for t in &targets {
        let statuses = Mutex::new(Vec::new());
        std::thread::scope(|scope| {
            for _ in 0..24 {
                scope.spawn(|| {
                    let mut s = TcpStream::connect(t.addr).unwrap();
                    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
                    s.set_write_timeout(Some(Duration::from_secs(60))).unwrap();
                    let head = format!(
                        "POST {} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                        t.post_path,
                        t.addr,
                        body.len()
                    );
                    let mut reader = s.try_clone().unwrap();
                    let got = std::thread::scope(|w| {
                        let body = Arc::clone(&body);
                        w.spawn(move || {
                            let _ = s.write_all(head.as_bytes());
                            let _ = s.write_all(&body);
                        });
                        read_response(&mut reader).map(|r| r.0)
                    });
                    statuses.lock().unwrap().push(got);
                });
            }
        });
        let statuses = statuses.into_inner().unwrap();
        let peak_mib = t.peak_rss_kib() / 1024;
        eprintln!("{}: peak RSS {peak_mib} MiB, answers {statuses:?}", t.name);
        assert!(peak_mib < 700, "{}: peak RSS {peak_mib} MiB", t.name);
        // Every answer that arrived is a refusal: 413 past the per-request limit, 503 past the
        // budget, or the app's own 400 for a body that is not JSON.
        for s in statuses.iter().flatten() {
            assert!([400, 413, 503].contains(s), "{}: {statuses:?}", t.name);
        }
        let refused = statuses
            .iter()
            .filter(|s| matches!(s, Some(413 | 503)))
            .count();
        assert!(refused >= 12, "{}: {statuses:?}", t.name);
        assert_eq!(t.ask(), Some(200), "{}", t.name);
    }
}

/// A pyfunc model that answers with its worker's pid.
fn pid_model(env: &TestEnv) -> String {
    let out = run_python(
        &mlflow_sklearn_python(),
        &env.store(),
        r#"
import mlflow, pandas as pd

class Pid(mlflow.pyfunc.PythonModel):
    def predict(self, context, model_input, params=None):
        import os
        return [os.getpid()] * len(model_input)

with mlflow.start_run():
    info = mlflow.pyfunc.log_model(name="m", python_model=Pid(), input_example=pd.DataFrame({"x": [1.0]}))
print(info.model_uri)
"#,
    );
    out.lines().last().unwrap().trim().to_string()
}

fn post_json(addr: SocketAddr, path: &str, body: &[u8]) -> Option<(u16, String, Vec<u8>)> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nX-Mlrun-Write: 1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).ok()?;
    s.write_all(body).ok()?;
    read_response(&mut s)
}

/// A JSON body nested 100,000 deep is refused in the front with MLflow's 400, and the next normal
/// request is scored by the same Python worker (it never saw the body).
#[test]
fn json_nested_a_hundred_thousand_deep() {
    let (env, targets) = both();
    let deep: Vec<u8> = [
        &b"{\"inputs\": "[..],
        &vec![b'['; 100_000],
        &vec![b']'; 100_000],
        b"}",
    ]
    .concat();
    for t in &targets {
        let r = post_json(t.addr, t.post_path, &deep).expect("an answer");
        assert_eq!(r.0, 400, "{}: {}", t.name, String::from_utf8_lossy(&r.2));
        assert_eq!(t.ask(), Some(200), "{}", t.name);
    }
    let r = post_json(targets[1].addr, "/invocations", &deep).unwrap();
    let err: serde_json::Value = serde_json::from_slice(&r.2).unwrap();
    assert_eq!(err["error_code"], "BAD_REQUEST", "{err}");

    // A Python worker: the same pid answers before and after.
    let uri = pid_model(&env);
    let python = mlflow_sklearn_python();
    let mut cmd = env.cmd();
    cmd.env("PATH", path_with(&python))
        .args(["models", "serve", "--port", "0", "--workers", "1"])
        .args(["--env-manager", "local", "-m", &uri]);
    let (child, addr) = spawn(cmd, "models serve (python)");
    let t = Target {
        name: "python",
        child,
        addr,
        normal: Vec::new(),
        post_path: "/invocations",
    };
    let score = br#"{"dataframe_split": {"columns": ["x"], "data": [[1.0]]}}"#;
    let pid = |r: Option<(u16, String, Vec<u8>)>| {
        let r = r.expect("an answer");
        assert_eq!(r.0, 200, "{}", String::from_utf8_lossy(&r.2));
        let v: serde_json::Value = serde_json::from_slice(&r.2).unwrap();
        v["predictions"][0].as_i64().unwrap()
    };
    let before = pid(post_json(t.addr, "/invocations", score));
    let r = post_json(t.addr, "/invocations", &deep).expect("an answer");
    assert_eq!(r.0, 400, "{}", String::from_utf8_lossy(&r.2));
    let err: serde_json::Value = serde_json::from_slice(&r.2).unwrap();
    assert_eq!(err["error_code"], "BAD_REQUEST", "{err}");
    let after = pid(post_json(t.addr, "/invocations", score));
    assert_eq!(before, after, "the worker was replaced");
}

fn path_with(python: &Path) -> String {
    format!(
        "{}:{}",
        python.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}
