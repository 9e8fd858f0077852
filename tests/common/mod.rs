//! Test harness: runs the built binary in a temp dir with a cleared environment, and provides the
//! real MLflow from PyPI in a cached venv for interop tests.
#![allow(dead_code)]
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const MLFLOW_VERSION: &str = "3.17.2";

pub struct TestEnv {
    pub dir: tempfile::TempDir,
    /// Whether commands run with pinned time and ids (see `pinned`), and how many have run.
    pinned: bool,
    commands: std::sync::atomic::AtomicU64,
}

/// The pinned clock of a `TestEnv::pinned` environment: 2026-01-02T03:04:05Z for its first command.
pub const PINNED_EPOCH_MS: u64 = 1_767_323_045_000;
/// How far the pinned clock moves between two commands (one clock read moves it 1 ms).
pub const PINNED_STEP_MS: u64 = 1_000;

impl TestEnv {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
            pinned: false,
            commands: Default::default(),
        }
    }
    /// An environment whose output can be compared byte for byte: each command gets its own
    /// pinned time and id seed (the nth command starts at `PINNED_EPOCH_MS + n * PINNED_STEP_MS`
    /// with seed n, as jj's test harness does), times show in UTC, and tables are 100 columns wide.
    /// Its dir is `/tmp/` and four random characters, as long as the `$TEST_ENV` that snapshots
    /// show in its place, so tables holding a path keep their widths wherever TMPDIR points.
    pub fn pinned() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("")
            .rand_bytes(4)
            .tempdir_in("/tmp")
            .unwrap_or_else(|_| tempfile::tempdir().unwrap());
        Self {
            dir,
            pinned: true,
            commands: Default::default(),
        }
    }
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
    pub fn store(&self) -> PathBuf {
        self.path().join("mlruns")
    }
    /// mlrun, run the harness's way (see `command`).
    pub fn cmd(&self) -> Command {
        self.command(env!("CARGO_BIN_EXE_mlrun"))
    }
    /// `program` (mlrun, or a wrapper such as strace or sh that runs it) in this env's dir with a
    /// cleared environment: PATH, USER, the store, and a pinned env's time, seed, zone and width.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = Command::new(program);
        c.current_dir(self.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("USER", "tester")
            .env("MLFLOW_TRACKING_URI", self.store())
            .stdin(Stdio::null());
        if self.pinned {
            use std::sync::atomic::Ordering;
            let n = self.commands.fetch_add(1, Ordering::SeqCst) + 1;
            c.env(
                "MLRUN_TEST_TIMESTAMP",
                (PINNED_EPOCH_MS + n * PINNED_STEP_MS).to_string(),
            )
            .env("MLRUN_TEST_SEED", n.to_string())
            .env("TZ", "UTC")
            .env("COLUMNS", "100");
        }
        c
    }
    /// A shell script run the harness's way, `$MLRUN` naming the mlrun under test.
    pub fn shell(&self, script: &str) -> Command {
        let mut c = self.command("sh");
        c.arg("-c")
            .arg(script)
            .env("MLRUN", env!("CARGO_BIN_EXE_mlrun"));
        c
    }
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }
    /// Runs with `MLFLOW_TRACKING_URI` set to `uri` (a folder or a tracking server).
    pub fn run_at(&self, uri: &str, args: &[&str]) -> Output {
        self.cmd()
            .env("MLFLOW_TRACKING_URI", uri)
            .args(args)
            .output()
            .unwrap()
    }
    /// Runs and requires success, returning trimmed stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        succeeded(self.run(args), args)
    }
    /// `ok` with the tracking URI `uri`.
    pub fn ok_at(&self, uri: &str, args: &[&str]) -> String {
        succeeded(self.run_at(uri, args), args)
    }
    /// `fails` with the tracking URI `uri`.
    pub fn fails_at(&self, uri: &str, args: &[&str]) -> String {
        failed(self.run_at(uri, args), args)
    }
    /// `json` with the tracking URI `uri`.
    pub fn json_at(&self, uri: &str, args: &[&str]) -> serde_json::Value {
        let mut a = vec!["--output", "json"];
        a.extend_from_slice(args);
        serde_json::from_str(&self.ok_at(uri, &a)).unwrap()
    }
    /// Runs and requires failure with exit code 1; returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        failed(self.run(args), args)
    }
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut a = vec!["--output", "json"];
        a.extend_from_slice(args);
        serde_json::from_str(&self.ok(&a)).unwrap()
    }
    /// A snapshot of every file under the store (path -> bytes), to show a failed command changed nothing.
    pub fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        fn walk(p: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
            let mut entries: Vec<_> = std::fs::read_dir(p).unwrap().flatten().collect();
            entries.sort_by_key(|e| e.path());
            for e in entries {
                if e.path().is_dir() {
                    out.push((e.path(), vec![]));
                    walk(&e.path(), out);
                } else {
                    out.push((e.path(), std::fs::read(e.path()).unwrap()));
                }
            }
        }
        walk(&self.store(), &mut out);
        out
    }
}

/// The Python of a venv holding the pinned MLflow, created once and cached under target/.
pub fn mlflow_python() -> PathBuf {
    venv_python(
        &format!("mlflow=={MLFLOW_VERSION}"),
        &format!("mlflow-venv-{MLFLOW_VERSION}"),
    )
}

/// The pinned MLflow 2.x client (mlflow-skinny carries the tracking client and file store).
pub const MLFLOW2_REQUIREMENT: &str = "mlflow-skinny==2.22.5";

/// A cached venv under target/ holding `requirement`, created once (under a lock) by the tests.
pub fn venv_python(requirement: &str, name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(name);
    std::fs::create_dir_all(root.parent().unwrap()).unwrap();
    let lock_path = root.with_extension("lock");
    let lock = std::fs::File::create(&lock_path).unwrap();
    lock.lock().unwrap();
    let python = root.join("bin").join("python");
    let ready = root.join(".ready");
    if !ready.exists() {
        let _ = std::fs::remove_dir_all(&root);
        let base = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
        let st = Command::new(&base)
            .args(["-m", "venv"])
            .arg(&root)
            .status()
            .unwrap();
        assert!(st.success(), "creating the venv failed");
        let st = Command::new(&python)
            .args(["-m", "pip", "install", "-q", "uv"])
            .status()
            .unwrap();
        assert!(st.success(), "installing uv failed");
        let st = Command::new(root.join("bin").join("uv"))
            .args(["pip", "install", "-q", "--python"])
            .arg(&python)
            .arg(requirement)
            .status()
            .unwrap();
        assert!(st.success(), "installing {requirement} failed");
        std::fs::write(&ready, requirement).unwrap();
    }
    python
}

/// A command's trimmed stdout, which must have succeeded.
fn succeeded(out: Output, args: &[&str]) -> String {
    assert!(
        out.status.success(),
        "mlrun {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .trim_end()
        .to_string()
}

/// A command's stderr, which must have failed with exit code 1.
fn failed(out: Output, args: &[&str]) -> String {
    assert_eq!(
        out.status.code(),
        Some(1),
        "mlrun {args:?} should fail: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr).unwrap()
}

/// A model folder with an MLmodel file (read, never loaded) and a weights file holding `marker`.
pub fn model_dir(root: &Path, marker: &str) -> PathBuf {
    let dir = root.join(format!("model-{marker}"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("MLmodel"),
        format!(
            "artifact_path: model\nflavors:\n  python_function:\n    loader_module: x{marker}\nmarker: {marker}\n"
        ),
    )
    .unwrap();
    std::fs::write(dir.join("weights.bin"), marker.repeat(100)).unwrap();
    dir
}

/// What `models log net.onnx --signature sig.json --input-example ex.json` reads, in `dir`: a
/// bare model file (its bytes only copied, never loaded), a tensor signature and an example.
pub fn bare_onnx_files(dir: &Path) {
    std::fs::write(dir.join("net.onnx"), b"\x08\x07onnx-bytes").unwrap();
    std::fs::write(
        dir.join("sig.json"),
        r#"{"inputs": [{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 2]}}],
            "outputs": [{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1]}}]}"#,
    )
    .unwrap();
    std::fs::write(dir.join("ex.json"), "[[1.0, 2.0]]").unwrap();
}

/// A run (in the experiment `exp` at `uri`, made when missing) whose artifacts hold `model/`, a
/// copy of `model_dir(marker)`; returns the run id.
pub fn run_with_model(env: &TestEnv, uri: &str, exp: &str, marker: &str) -> String {
    let _ = env.run_at(uri, &["experiments", "create", exp]);
    let run = env.ok_at(uri, &["runs", "start", "--experiment-name", exp]);
    let dir = model_dir(env.path(), marker);
    env.ok_at(
        uri,
        &[
            "artifacts",
            "log",
            "--run-id",
            &run,
            "--artifact-path",
            "model",
            dir.to_str().unwrap(),
        ],
    );
    env.ok_at(uri, &["runs", "end", &run]);
    run
}

/// Two string fields of each object in a JSON list (a model's latest versions by stage, its
/// aliases…), sorted.
pub fn pairs(items: &serde_json::Value, a: &str, b: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = items
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {items}"))
        .iter()
        .map(|v| {
            (
                v[a].as_str().unwrap().to_string(),
                v[b].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Runs a Python script with the real MLflow against `store`, returning stdout.
pub fn run_mlflow(store: &Path, script: &str) -> String {
    run_python(&mlflow_python(), store, script)
}

/// Runs a Python script with the given interpreter against `store`, returning stdout.
pub fn run_python(python: &Path, store: &Path, script: &str) -> String {
    run_python_at(python, &format!("file://{}", store.display()), script)
}

/// Runs a Python script with the given interpreter against the tracking URI `uri` (a folder's
/// `file://` URI or a server's URL), returning stdout.
pub fn run_python_at(python: &Path, uri: &str, script: &str) -> String {
    let out = Command::new(python)
        .arg("-c")
        .arg(script)
        .env("MLFLOW_ALLOW_FILE_STORE", "true")
        .env("MLFLOW_TRACKING_URI", uri)
        .env_remove("MLFLOW_RUN_ID")
        .env_remove("MLFLOW_EXPERIMENT_ID")
        .env_remove("MLFLOW_EXPERIMENT_NAME")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The pinned MLflow plus scikit-learn (named explicitly rather than trusting MLflow's own
/// dependencies to carry it), for interop tests that log and load real sklearn models.
pub fn mlflow_sklearn_python() -> PathBuf {
    venv_python_with(
        &[&format!("mlflow=={MLFLOW_VERSION}"), "scikit-learn"],
        "mlflow-sklearn-venv",
    )
}

/// Like `venv_python`, for several requirements installed together.
pub fn venv_python_with(requirements: &[&str], name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(name);
    std::fs::create_dir_all(root.parent().unwrap()).unwrap();
    let lock = std::fs::File::create(root.with_extension("lock")).unwrap();
    lock.lock().unwrap();
    let python = root.join("bin").join("python");
    let ready = root.join(".ready");
    let wanted = requirements.join("\n");
    if std::fs::read_to_string(&ready).ok().as_deref() != Some(wanted.as_str()) {
        let _ = std::fs::remove_dir_all(&root);
        let base = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
        let st = Command::new(&base)
            .args(["-m", "venv"])
            .arg(&root)
            .status()
            .unwrap();
        assert!(st.success(), "creating the venv failed");
        let st = Command::new(&python)
            .args(["-m", "pip", "install", "-q", "uv"])
            .status()
            .unwrap();
        assert!(st.success(), "installing uv failed");
        let st = Command::new(root.join("bin").join("uv"))
            .args(["pip", "install", "-q", "--python"])
            .arg(&python)
            .args(requirements)
            .status()
            .unwrap();
        assert!(st.success(), "installing {requirements:?} failed");
        std::fs::write(&ready, &wanted).unwrap();
    }
    python
}

/// Runs a Python script with MLflow and scikit-learn against `store`, returning stdout.
pub fn run_mlflow_sklearn(store: &Path, script: &str) -> String {
    run_python(&mlflow_sklearn_python(), store, script)
}

/// A minimal HTTP/1.1 client over a plain TCP socket (one request per connection), for the UI's API
/// tests and for driving chromedriver's WebDriver endpoint without an async stack.
pub mod http {
    use std::io::{Read, Write};
    use std::net::TcpStream;

    pub struct Reply {
        pub status: u16,
        pub headers: Vec<(String, String)>,
        pub body: Vec<u8>,
    }

    impl Reply {
        pub fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        }
        pub fn text(&self) -> String {
            String::from_utf8_lossy(&self.body).into_owned()
        }
        pub fn json(&self) -> serde_json::Value {
            serde_json::from_slice(&self.body)
                .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
        }
    }

    /// `url` is `http://host:port/path?query`; extra headers may override Host.
    pub fn request(method: &str, url: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let rest = url.strip_prefix("http://").expect("http URL");
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let path = if path.is_empty() { "/" } else { path };
        let mut stream = TcpStream::connect(authority).unwrap();
        let mut req = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            req.push_str(&format!("Host: {authority}\r\n"));
        }
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        stream.write_all(req.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        // Read the head, then exactly Content-Length bytes (some servers keep the connection
        // open whatever the request said), else up to the last chunk, else to EOF.
        let mut raw = Vec::new();
        let mut buf = [0u8; 65536];
        let split = loop {
            if let Some(p) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
                break p;
            }
            let n = stream.read(&mut buf).unwrap();
            assert!(n > 0, "connection closed before a complete HTTP head");
            raw.extend_from_slice(&buf[..n]);
        };
        let head_text = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
        let length = head_text
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse::<usize>().ok());
        let is_chunked = head_text.contains("transfer-encoding: chunked");
        loop {
            let body_len = raw.len() - split - 4;
            let done = match length {
                Some(n) => body_len >= n,
                None if is_chunked => raw.ends_with(b"0\r\n\r\n"),
                None => false,
            };
            if done || method == "HEAD" {
                break;
            }
            let n = stream.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            raw.extend_from_slice(&buf[..n]);
        }
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("a status line");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        let mut body = raw[split + 4..].to_vec();
        let chunked = headers
            .iter()
            .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
        if chunked {
            body = dechunk(&body);
        }
        Reply {
            status,
            headers,
            body,
        }
    }

    fn dechunk(mut b: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        loop {
            let Some(nl) = b.windows(2).position(|w| w == b"\r\n") else {
                return out;
            };
            let size_text = String::from_utf8_lossy(&b[..nl]);
            let size =
                usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap_or(0);
            if size == 0 {
                return out;
            }
            out.extend_from_slice(&b[nl + 2..nl + 2 + size]);
            b = &b[nl + 2 + size + 2..];
        }
    }

    pub fn get(url: &str) -> Reply {
        request("GET", url, &[], b"")
    }
}

/// Starts a server command that prints its URL as its first line on stdout (`mlrun ui`, `mlrun
/// server` with `--port 0`): the child and that line.
pub fn spawn_printing_url(mut cmd: Command) -> (std::process::Child, String) {
    use std::io::BufRead;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (child, line)
}

/// `mlrun server --port 0` over a new folder, its artifacts proxied, stopped when dropped.
pub struct MlrunServer {
    child: std::process::Child,
    pub url: String,
    _dir: tempfile::TempDir,
}

impl MlrunServer {
    pub fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mlrun"));
        cmd.arg("server")
            .arg("--backend-store-uri")
            .arg(dir.path().join("mlruns"))
            .arg("--artifacts-destination")
            .arg(dir.path().join("mlartifacts"))
            .args(["--port", "0"])
            .current_dir(dir.path())
            .stderr(Stdio::null());
        let (child, line) = spawn_printing_url(cmd);
        let url = line.trim().to_string();
        assert!(url.starts_with("http://127.0.0.1:"), "printed {line:?}");
        MlrunServer {
            child,
            url,
            _dir: dir,
        }
    }
}

impl Drop for MlrunServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `mlrun ui --port 0` on a store, stopped (by its own pid) when dropped.
pub struct UiServer {
    pub child: std::process::Child,
    pub url: String,
    pub stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl UiServer {
    pub fn start(store: &Path) -> Self {
        use std::io::BufRead;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mlrun"));
        cmd.args(["ui", "--port", "0"])
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("MLFLOW_TRACKING_URI", store)
            .stderr(Stdio::piped());
        let (mut child, line) = spawn_printing_url(cmd);
        let url = line.trim().trim_end_matches('/').to_string();
        assert!(url.starts_with("http://127.0.0.1:"), "ui printed {line:?}");
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let sink = std::sync::Arc::clone(&stderr);
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for l in std::io::BufReader::new(err).lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&l);
                s.push('\n');
            }
        });
        UiServer { child, url, stderr }
    }
}

impl Drop for UiServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Builds a synthetic store with scripts/gen_store.py (bench layout: experiment
/// 100000000000000001 "bench" with `runs` runs, 10 params p0..p9, 10 metrics m0..m9, tags t0..t4).
pub fn gen_store(dir: &Path, runs: usize) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/gen_store.py");
    let st = Command::new(std::env::var("PYTHON").unwrap_or_else(|_| "python3".into()))
        .arg(&script)
        .arg(dir)
        .args(["--runs", &runs.to_string(), "--long-history", "200"])
        .status()
        .unwrap();
    assert!(st.success(), "gen_store.py failed");
}

/// Hostile text: if any of it is ever parsed as markup, an alert fires or an element appears.
pub const HOSTILE: &str = "<script>alert('xss')</script><img src=x id=pwned onerror=alert(1)>";

/// The id of the UI fixture's experiment ("ui").
pub fn ui_experiment_id(env: &TestEnv) -> String {
    let v = env.json(&["experiments", "list"]);
    v["experiments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "ui")
        .unwrap()["experiment_id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A POST to the UI's write endpoints (`/api/<path>`) with these headers.
pub fn ui_post(
    ui: &UiServer,
    path: &str,
    body: &serde_json::Value,
    headers: &[(&str, &str)],
) -> http::Reply {
    http::request(
        "POST",
        &format!("{}/api/{path}", ui.url),
        headers,
        body.to_string().as_bytes(),
    )
}

/// Run ids of the UI fixture.
pub struct UiFixture {
    pub parent: String,
    pub child: String,
    pub hostile: String,
    pub running: String,
}

/// Experiment "ui": a parent with a nested child, a run whose name, param, tag and note are
/// hostile markup with text/JSON/CSV/PNG artifacts, and a run still RUNNING. Each has a `loss`
/// history (steps 0..4) and `acc`.
pub fn ui_fixture(env: &TestEnv) -> UiFixture {
    let start = |name: &str| env.ok(&["runs", "start", "--experiment-name", "ui", "--name", name]);
    let metrics = |run: &str, offset: f64| {
        for step in 0..5 {
            let loss = format!("{}", 1.0 / (step as f64 + 1.0) + offset);
            env.ok(&[
                "log-metric",
                "--run-id",
                run,
                "loss",
                &loss,
                "--step",
                &step.to_string(),
            ]);
        }
        env.ok(&[
            "log-metric",
            "--run-id",
            run,
            "acc",
            &format!("{}", 0.5 + offset),
        ]);
    };
    let parent = start("parent-run");
    env.ok(&["log-params", "--run-id", &parent, "lr=0.1", "model=cnn"]);
    metrics(&parent, 0.0);
    let child = start("child-run");
    env.ok(&["set-tag", "--run-id", &child, "mlflow.parentRunId", &parent]);
    env.ok(&["log-params", "--run-id", &child, "lr=0.01", "model=cnn"]);
    metrics(&child, 0.1);
    let hostile = start(HOSTILE);
    env.ok(&[
        "log-params",
        "--run-id",
        &hostile,
        &format!("evil={HOSTILE}"),
        "lr=0.001",
        "model=rnn",
    ]);
    env.ok(&["set-tag", "--run-id", &hostile, "evil", HOSTILE]);
    env.ok(&[
        "set-tag",
        "--run-id",
        &hostile,
        "mlflow.note.content",
        HOSTILE,
    ]);
    metrics(&hostile, 0.2);
    let files = env.path().join("files");
    std::fs::create_dir_all(files.join("sub")).unwrap();
    std::fs::write(files.join("notes.txt"), format!("plain text {HOSTILE}\n")).unwrap();
    std::fs::write(
        files.join("data.json"),
        format!("{{\"a\": [1, 2], \"evil\": {:?}}}", HOSTILE),
    )
    .unwrap();
    std::fs::write(
        files.join("table.csv"),
        format!("x,y\n1,2\n3,\"{}\"\n", HOSTILE.replace('"', "\"\"")),
    )
    .unwrap();
    std::fs::write(
        files.join("page.html"),
        format!("<html><body>{HOSTILE}</body></html>"),
    )
    .unwrap();
    // A 1x1 PNG.
    std::fs::write(
        files.join("sub").join("dot.png"),
        [
            0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0d, 0x49,
            0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0, 0x05, 0x00, 0x01,
            0xff, 0x56, 0xc7, 0x2f, 0x0d, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60,
            0x82,
        ],
    )
    .unwrap();
    env.ok(&[
        "artifacts",
        "log",
        "--run-id",
        &hostile,
        files.to_str().unwrap(),
    ]);
    let running = start("running-run");
    env.ok(&["log-params", "--run-id", &running, "lr=0.5", "model=mlp"]);
    metrics(&running, 0.3);
    for r in [&parent, &child, &hostile] {
        env.ok(&["runs", "end", r]);
    }
    UiFixture {
        parent,
        child,
        hostile,
        running,
    }
}

/// A real MLflow tracking server (the pinned MLflow, from a cached venv) on a real PostgreSQL, both on
/// free loopback ports, started once per test binary and shared by its tests (each uses its own
/// experiment names). A watchdog shell kills both process groups when the test binary exits.
pub mod tracking_server {
    // The servers live as long as the test binary; the watchdogs end them, and init reaps them.
    #![allow(clippy::zombie_processes)]
    use std::os::unix::process::CommandExt;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::sync::OnceLock;

    pub struct TrackingServer {
        pub url: String,
        /// The venv Python with mlflow and psycopg2 (for reading back with MlflowClient).
        pub python: PathBuf,
        pub dir: PathBuf,
    }

    pub fn free_port() -> u16 {
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    }

    thread_local! {
        /// The server this test thread talks to, when a test points it at an `mlrun server`.
        static TARGET: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    }

    /// Points this test thread's [`target`] at `url` (an `mlrun server`), instead of [`server`].
    pub fn set_target(url: &str) {
        TARGET.with(|t| *t.borrow_mut() = Some(url.to_string()));
    }

    /// The tracking server of the running test: the shared `mlflow server`, or the one
    /// [`set_target`] named; so one scenario runs word for word against either.
    pub fn target() -> String {
        TARGET
            .with(|t| t.borrow().clone())
            .unwrap_or_else(|| server().url.clone())
    }
    /// The shared server, started on first use.
    pub fn server() -> &'static TrackingServer {
        static SERVER: OnceLock<TrackingServer> = OnceLock::new();
        SERVER.get_or_init(start)
    }

    fn pg_bin() -> PathBuf {
        let find = || {
            let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
                .ok()?
                .flatten()
                .map(|e| e.path().join("bin"))
                .filter(|p| p.join("postgres").exists() && p.join("initdb").exists())
                .collect();
            dirs.sort_by_key(|p| {
                p.parent()
                    .and_then(|v| v.file_name())
                    .and_then(|v| v.to_str())
                    .and_then(|v| v.parse::<u32>().ok())
            });
            dirs.pop()
        };
        if let Some(p) = find() {
            return p;
        }
        // A fresh machine: Debian's server package (.ci/run installs it too).
        if is_root() {
            let _ = Command::new("sh")
                .arg("-c")
                .arg("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null")
                .status();
        }
        find().expect("PostgreSQL's server binaries (Debian package `postgresql`) are needed")
    }

    fn is_root() -> bool {
        unsafe { libc::geteuid() == 0 }
    }

    /// (uid, gid) of Debian's `postgres` user, when running as root (PostgreSQL refuses root).
    fn postgres_ids() -> Option<(u32, u32)> {
        if !is_root() {
            return None;
        }
        let out = Command::new("id").args(["-u", "postgres"]).output().ok()?;
        let uid = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
        let out = Command::new("id").args(["-g", "postgres"]).output().ok()?;
        let gid = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
        Some((uid, gid))
    }

    fn as_postgres(cmd: &mut Command, ids: Option<(u32, u32)>) {
        if let Some((uid, gid)) = ids {
            cmd.uid(uid).gid(gid).env("HOME", "/tmp");
        }
    }

    /// Kills process group `pgid` once this test binary is gone.
    pub fn watchdog(pgid: u32, signal: &str) {
        let me = std::process::id();
        Command::new("sh")
            .arg("-c")
            .arg(format!(
                "while kill -0 {me} 2>/dev/null; do sleep 0.5; done; kill -{signal} -{pgid} 2>/dev/null; sleep 3; kill -KILL -{pgid} 2>/dev/null"
            ))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
    }

    fn wait_for(what: &str, log: &Path, mut ready: impl FnMut() -> bool) {
        for _ in 0..600 {
            if ready() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        panic!(
            "{what} did not start; its log:\n{}",
            std::fs::read_to_string(log).unwrap_or_default()
        );
    }

    /// A real PostgreSQL (Debian's server package) on a free loopback port, started once per test
    /// binary under a temp folder, trust auth for user `mlflow`, fsync off.
    pub struct Postgres {
        pub port: u16,
        pub dir: PathBuf,
        python: PathBuf,
    }

    /// The shared PostgreSQL, started on first use.
    pub fn postgres() -> &'static Postgres {
        static PG: OnceLock<Postgres> = OnceLock::new();
        PG.get_or_init(start_postgres)
    }

    impl Postgres {
        /// A new, empty database named `name` (a name already made by this binary is dropped and
        /// made again) and its URI as MLflow spells it: `postgresql://mlflow@127.0.0.1:PORT/name`.
        pub fn database(&self, name: &str) -> String {
            let sql = format!("DROP DATABASE IF EXISTS \"{name}\"; CREATE DATABASE \"{name}\"");
            for stmt in sql.split("; ") {
                let ok = Command::new("psql")
                    .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", "mlflow"])
                    .args(["-d", "postgres", "-q", "-c", stmt])
                    .stdout(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success())
                    || Command::new(&self.python)
                        .arg("-c")
                        .arg(format!(
                            "import psycopg2; c = psycopg2.connect(host='127.0.0.1', port={}, user='mlflow', dbname='postgres'); c.autocommit = True; c.cursor().execute({stmt:?})",
                            self.port
                        ))
                        .status()
                        .is_ok_and(|s| s.success());
                assert!(ok, "PostgreSQL: {stmt} failed");
            }
            format!("postgresql://mlflow@127.0.0.1:{}/{name}", self.port)
        }
    }

    /// The venv with the pinned MLflow and psycopg2 (for the server and for reading back).
    pub fn server_python() -> PathBuf {
        super::venv_python_with(
            &[
                &format!("mlflow=={}", super::MLFLOW_VERSION),
                "psycopg2-binary",
            ],
            "mlflow-server-venv",
        )
    }

    fn start_postgres() -> Postgres {
        let python = server_python();
        let bin = pg_bin();
        // Remove what earlier test binaries left (their process is gone), then make ours.
        let tmp = std::env::temp_dir();
        for e in std::fs::read_dir(&tmp).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let pid = name
                .strip_prefix("mlrun-postgres-")
                .or_else(|| name.strip_prefix("mlrun-tracking-server-"));
            if let Some(pid) = pid {
                if !Path::new("/proc").join(pid).exists() {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        let dir = tmp.join(format!("mlrun-postgres-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let ids = postgres_ids();
        let pg = dir.join("pg");
        std::fs::create_dir_all(&pg).unwrap();
        if let Some((uid, gid)) = ids {
            std::os::unix::fs::chown(&pg, Some(uid), Some(gid)).unwrap();
        }
        let mut initdb = Command::new(bin.join("initdb"));
        initdb
            .arg("-D")
            .arg(pg.join("data"))
            .args(["-U", "mlflow", "--auth=trust", "-E", "UTF8", "--no-sync"])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        as_postgres(&mut initdb, ids);
        assert!(initdb.status().unwrap().success(), "initdb failed");
        let port = free_port();
        let mut postgres = Command::new(bin.join("postgres"));
        postgres
            .arg("-D")
            .arg(pg.join("data"))
            .args(["-p", &port.to_string(), "-k"])
            .arg(&pg)
            .args(["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"])
            .args(["-c", "max_connections=200"])
            .stdout(std::fs::File::create(dir.join("postgres.log")).unwrap())
            .stderr(std::fs::File::create(dir.join("postgres.err")).unwrap())
            .process_group(0);
        as_postgres(&mut postgres, ids);
        let child = postgres.spawn().unwrap();
        watchdog(child.id(), "QUIT");
        wait_for("PostgreSQL", &dir.join("postgres.err"), || {
            Command::new("pg_isready")
                .args(["-h", "127.0.0.1", "-p", &port.to_string()])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        });
        Postgres { port, dir, python }
    }

    fn start() -> TrackingServer {
        let python = server_python();
        let pg = postgres();
        let db = pg.database("mlflow");
        let dir =
            std::env::temp_dir().join(format!("mlrun-tracking-server-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("artifacts")).unwrap();
        let port = free_port();
        let log = dir.join("mlflow.log");
        let mlflow = python.parent().unwrap().join("mlflow");
        let child = Command::new(&mlflow)
            .arg("server")
            .arg("--backend-store-uri")
            .arg(db.replacen("postgresql://", "postgresql+psycopg2://", 1))
            .arg("--artifacts-destination")
            .arg(dir.join("artifacts"))
            .args(["--serve-artifacts", "--host", "127.0.0.1", "--workers", "1"])
            .args(["--port", &port.to_string()])
            .env("MLFLOW_SERVER_ENABLE_JOB_EXECUTION", "false")
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&log).unwrap())
            .stderr(std::fs::File::create(dir.join("mlflow.err")).unwrap())
            .process_group(0)
            .spawn()
            .unwrap();
        watchdog(child.id(), "TERM");
        let url = format!("http://127.0.0.1:{port}");
        wait_for("mlflow server", &dir.join("mlflow.err"), || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
                && super::http::get(&format!(
                    "{url}/api/2.0/mlflow/experiments/get?experiment_id=0"
                ))
                .status
                    == 200
        });
        TrackingServer { url, python, dir }
    }

    /// Runs a Python script with MLflow (able to reach the server), returning stdout.
    pub fn python(script: &str) -> String {
        let s = server();
        let out = Command::new(&s.python)
            .arg("-c")
            .arg(script)
            .env("MLFLOW_ALLOW_FILE_STORE", "true")
            .env_remove("MLFLOW_TRACKING_URI")
            .env_remove("MLFLOW_RUN_ID")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "python failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}
