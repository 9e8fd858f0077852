//! Test harness: runs the built binary in a temp dir with a cleared environment, and provides the
//! real MLflow from PyPI in a cached venv for interop tests.
#![allow(dead_code)]
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const MLFLOW_VERSION: &str = "3.17.2";

pub struct TestEnv {
    pub dir: tempfile::TempDir,
}

impl TestEnv {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
    pub fn store(&self) -> PathBuf {
        self.path().join("mlruns")
    }
    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_mlrun"));
        c.current_dir(self.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("USER", "tester")
            .env("MLFLOW_TRACKING_URI", self.store())
            .stdin(Stdio::null());
        c
    }
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }
    /// Runs and requires success, returning trimmed stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
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
    /// Runs and requires failure with exit code 1; returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "mlrun {args:?} should fail: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stderr).unwrap()
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

/// Runs a Python script with the real MLflow against `store`, returning stdout.
pub fn run_mlflow(store: &Path, script: &str) -> String {
    run_python(&mlflow_python(), store, script)
}

/// Runs a Python script with the given interpreter against `store`, returning stdout.
pub fn run_python(python: &Path, store: &Path, script: &str) -> String {
    let out = Command::new(python)
        .arg("-c")
        .arg(script)
        .env("MLFLOW_ALLOW_FILE_STORE", "true")
        .env("MLFLOW_TRACKING_URI", format!("file://{}", store.display()))
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
