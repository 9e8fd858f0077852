//! `mlrun models generate-dockerfile` and `build-docker`: the build contexts, and a real image built
//! with buildah (`FROM scratch` for an ONNX model) whose filesystem is then run, chrooted as the
//! image's non-root user, answering MLflow's scoring protocol on port 8080's behalf.
#![cfg(target_os = "linux")]
mod common;

use common::*;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn onnx_model(dir: &Path) -> PathBuf {
    let folder = dir.join("onnx-model");
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("linear.onnx");
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

#[test]
fn build_contexts_for_onnx_python_and_mounted_models() {
    let env = TestEnv::new();
    let model = onnx_model(env.path());
    let ctx = env.path().join("ctx-onnx");
    env.ok(&[
        "models",
        "generate-dockerfile",
        "-m",
        model.to_str().unwrap(),
        "-d",
        ctx.to_str().unwrap(),
    ]);
    let dockerfile = std::fs::read_to_string(ctx.join("Dockerfile")).unwrap();
    assert!(dockerfile.contains("\nFROM scratch\n"), "{dockerfile}");
    assert!(dockerfile.contains("\nUSER 65532:65532\n"), "{dockerfile}");
    assert!(dockerfile.contains(r#"ENTRYPOINT ["/usr/local/bin/mlrun","models","serve","-m","/opt/ml/model/linear.onnx","--host","0.0.0.0","--port","8080"]"#), "{dockerfile}");
    assert!(
        !dockerfile.to_lowercase().contains("python"),
        "{dockerfile}"
    );
    assert!(ctx.join("model/linear.onnx").is_file() && ctx.join("mlrun").is_file());
    // The libraries the binary links are in the image at the paths its loader looks in.
    let ldd = Command::new("ldd")
        .arg(env!("CARGO_BIN_EXE_mlrun"))
        .output()
        .unwrap();
    for line in String::from_utf8_lossy(&ldd.stdout).lines() {
        if let Some(lib) = line.split_whitespace().find(|w| w.starts_with('/')) {
            assert!(
                ctx.join("rootfs").join(&lib[1..]).is_file(),
                "{lib} missing"
            );
        }
    }

    // A python_function model: its requirements installed at build time, served from that env.
    let py = model_dir(env.path(), "py");
    std::fs::write(
        py.join("requirements.txt"),
        "mlflow==3.17.2\nscikit-learn\n",
    )
    .unwrap();
    let ctx = env.path().join("ctx-py");
    env.ok(&[
        "models",
        "generate-dockerfile",
        "-m",
        py.to_str().unwrap(),
        "-d",
        ctx.to_str().unwrap(),
    ]);
    let dockerfile = std::fs::read_to_string(ctx.join("Dockerfile")).unwrap();
    assert!(
        dockerfile.contains("\nFROM python:3.11-slim\n"),
        "{dockerfile}"
    );
    assert!(
        dockerfile.contains("pip install --no-cache-dir -r /opt/requirements.txt"),
        "{dockerfile}"
    );
    // The environment is built before the model is copied (a new model reuses the layer).
    assert!(
        dockerfile.find("RUN python3 -m venv") < dockerfile.find("COPY model /opt/ml/model"),
        "{dockerfile}"
    );
    // No host path in what is shipped.
    assert!(
        !dockerfile.contains(env.path().to_str().unwrap()),
        "{dockerfile}"
    );
    assert!(
        dockerfile.contains(r#""--env-manager","local"]"#),
        "{dockerfile}"
    );
    assert!(ctx.join("model/MLmodel").is_file() && ctx.join("model/weights.bin").is_file());

    // No model: an image serving the model mounted at /opt/ml/model; --base-image is honoured.
    let ctx = env.path().join("ctx-mounted");
    env.ok(&[
        "models",
        "generate-dockerfile",
        "--base-image",
        "python:3.12-slim",
        "-d",
        ctx.to_str().unwrap(),
    ]);
    let dockerfile = std::fs::read_to_string(ctx.join("Dockerfile")).unwrap();
    assert!(
        dockerfile.contains("\nFROM python:3.12-slim\n") && !ctx.join("model").exists(),
        "{dockerfile}"
    );

    // Bad destinations: a folder that is not empty, or one inside the model.
    let err = env.fails(&[
        "models",
        "generate-dockerfile",
        "-m",
        model.to_str().unwrap(),
        "-d",
        ctx.to_str().unwrap(),
    ]);
    assert!(err.contains("is not empty"), "{err}");
    let inside = py.join("ctx");
    let err = env.fails(&[
        "models",
        "generate-dockerfile",
        "-m",
        py.to_str().unwrap(),
        "-d",
        inside.to_str().unwrap(),
    ]);
    assert!(err.contains("inside the model"), "{err}");
}

fn buildah() -> Option<PathBuf> {
    let found = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|d| d.join("buildah"))
        .find(|p| p.is_file());
    // Images are built as root (buildah's chroot isolation); .ci/run installs buildah.
    let root = unsafe { libc::geteuid() } == 0;
    assert!(
        found.is_some() || !root,
        "buildah is needed (Debian package `buildah`)"
    );
    found.filter(|_| root)
}

/// Runs buildah with `args`, which must succeed; its stdout, trimmed.
fn buildah_ok(buildah: &Path, args: &[&str]) -> String {
    let o = Command::new(buildah).args(args).output().unwrap();
    assert!(
        o.status.success(),
        "buildah {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Builds the ONNX model's image with buildah, runs the image's own filesystem (chrooted, as its
/// user 65532) and scores through it: the same predictions as `mlrun models predict` on the host;
/// SIGTERM stops it cleanly.
#[test]
fn an_onnx_image_from_scratch_serves_the_scoring_protocol() {
    let Some(buildah) = buildah() else {
        eprintln!("skipped: needs root and buildah");
        return;
    };
    let env = TestEnv::new();
    let model = onnx_model(env.path());
    let image = format!("localhost/mlrun-test-onnx:{}", std::process::id());
    let out = env
        .command(env!("CARGO_BIN_EXE_mlrun"))
        .args([
            "models",
            "build-docker",
            "-m",
            model.to_str().unwrap(),
            "-n",
            &image,
            "--engine",
            "buildah",
        ])
        .env("BUILDAH_ISOLATION", "chroot")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sh = |args: &[&str]| buildah_ok(&buildah, args);
    let config = sh(&[
        "inspect",
        "--format",
        "{{.Docker.Config.User}} {{.Docker.Config.ExposedPorts}}",
        &image,
    ]);
    assert!(
        config.starts_with("65532:65532") && config.contains("8080"),
        "{config}"
    );
    let container = sh(&["from", &image]);
    let root = sh(&["mount", &container]);
    // Nothing but the binary, its libraries, the model and /tmp.
    let mut top: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, ["lib", "lib64", "opt", "tmp", "usr"]);

    let port = free_port();
    let chroot = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .chain([PathBuf::from("/usr/sbin")])
        .map(|d| d.join("chroot"))
        .find(|p| p.is_file())
        .expect("chroot (coreutils)");
    let mut server = Command::new(chroot)
        .args([
            "--userspec=65532:65532",
            &root,
            "/usr/local/bin/mlrun",
            "models",
            "serve",
        ])
        .args([
            "-m",
            "/opt/ml/model/linear.onnx",
            "--host",
            "127.0.0.1",
            "--port",
            &port.to_string(),
        ])
        .current_dir("/")
        .env_clear()
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}");
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Some(st) = server.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(server.stderr.as_mut().unwrap(), &mut err).unwrap();
            panic!("the image's server ended ({st}) before it listened: {err}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the image's server did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(http::get(&format!("{url}/ping")).status, 200);
    let body = br#"{"inputs": [[0.1, 0.2, 0.3], [1, 2, 3]]}"#;
    let reply = http::request(
        "POST",
        &format!("{url}/invocations"),
        &[("Content-Type", "application/json")],
        body,
    );
    assert_eq!(reply.status, 200);
    let input = env.path().join("in.json");
    std::fs::write(&input, body).unwrap();
    let host = env.ok(&[
        "models",
        "predict",
        "-m",
        model.to_str().unwrap(),
        "-i",
        input.to_str().unwrap(),
    ]);
    let theirs: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    let ours: serde_json::Value = serde_json::from_str(&host).unwrap();
    assert_eq!(theirs, ours);

    unsafe { libc::kill(server.id() as i32, libc::SIGTERM) };
    let status = server.wait().unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(server.stderr.as_mut().unwrap(), &mut err).unwrap();
    assert!(err.contains("Stopped."), "{err}");
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(libc::SIGTERM)
    );
    sh(&["umount", &container]);
    sh(&["rm", &container]);
    sh(&["rmi", "-f", &image]);
}

/// A Python base image made here from Debian's packages (no registry is reachable): minbase with
/// python3 and venv, and the machine's CA bundle for pip (as a user's base image would carry their
/// network's). Made once and kept.
fn python_base(buildah: &Path) -> String {
    let image = "localhost/mlrun-test-python:bookworm";
    let have = Command::new(buildah)
        .args(["inspect", image])
        .output()
        .unwrap();
    if have.status.success() {
        return image.into();
    }
    let dir = tempfile::tempdir().unwrap();
    let tar = dir.path().join("rootfs.tar");
    let out = Command::new("mmdebstrap")
        .args([
            "--variant=minbase",
            "--include=python3,python3-venv,ca-certificates",
            "--format=tar",
            "bookworm",
        ])
        .arg(&tar)
        .output()
        .expect("mmdebstrap (Debian package `mmdebstrap`; .ci/run installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = |args: &[&str]| buildah_ok(buildah, args);
    let c = run(&["from", "scratch"]);
    run(&["add", &c, tar.to_str().unwrap(), "/"]);
    run(&[
        "copy",
        &c,
        "/etc/ssl/certs/ca-certificates.crt",
        "/etc/ssl/certs/ca-certificates.crt",
    ]);
    run(&[
        "config",
        "--env",
        "PIP_CERT=/etc/ssl/certs/ca-certificates.crt",
        &c,
    ]);
    run(&["commit", "-q", &c, image]);
    run(&["rm", &c]);
    image.into()
}

/// A python_function (sklearn) model's image, its requirements installed at build time on a
/// Debian base, run with `buildah run` as its user: the same predictions as `models predict` on
/// the host.
#[test]
fn an_sklearn_image_serves_the_scoring_protocol_with_its_environment_built_in() {
    let Some(buildah) = buildah() else {
        eprintln!("skipped: needs root and buildah");
        return;
    };
    let env = TestEnv::new();
    let python = mlflow_sklearn_python();
    let model = env.path().join("sk-model");
    let out = Command::new(&python)
        .arg("-c")
        .arg(format!(
            "import mlflow, numpy as np, pandas as pd\nfrom sklearn.linear_model import LinearRegression\nX = pd.DataFrame(np.random.default_rng(1).normal(size=(30, 2)), columns=['a', 'b'])\nmlflow.sklearn.save_model(LinearRegression().fit(X, X.a + 2 * X.b), {:?})",
            model.to_string_lossy()
        ))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let base = python_base(&buildah);
    let image = format!("localhost/mlrun-test-sklearn:{}", std::process::id());
    let out = env
        .command(env!("CARGO_BIN_EXE_mlrun"))
        .args([
            "models",
            "build-docker",
            "-m",
            model.to_str().unwrap(),
            "-n",
            &image,
        ])
        .args(["--engine", "buildah", "--base-image", &base])
        .env("BUILDAH_ISOLATION", "chroot")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sh = |args: &[&str]| buildah_ok(&buildah, args);
    let container = sh(&["from", &image]);
    let port = free_port();
    // The image's entry point, on a loopback port (buildah run shares the host's network).
    let mut server = Command::new(&buildah)
        .args([
            "run",
            "--isolation",
            "chroot",
            "--user",
            "65532:65532",
            &container,
            "--",
        ])
        .args([
            "/usr/local/bin/mlrun",
            "models",
            "serve",
            "-m",
            "/opt/ml/model",
        ])
        .args([
            "--host",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--env-manager",
            "local",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap();
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Some(st) = server.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(server.stderr.as_mut().unwrap(), &mut err).unwrap();
            panic!("the image's server ended ({st}) before it listened: {err}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the image's server did not start"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let url = format!("http://127.0.0.1:{port}");
    assert_eq!(http::get(&format!("{url}/ping")).status, 200);
    let body =
        br#"{"dataframe_split": {"columns": ["a", "b"], "data": [[1, 2], [3, 4], [-1, 0.5]]}}"#;
    let reply = http::request(
        "POST",
        &format!("{url}/invocations"),
        &[("Content-Type", "application/json")],
        body,
    );
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let input = env.path().join("in.json");
    std::fs::write(&input, body).unwrap();
    let host = env
        .command(env!("CARGO_BIN_EXE_mlrun"))
        .args([
            "models",
            "predict",
            "-m",
            model.to_str().unwrap(),
            "-i",
            input.to_str().unwrap(),
        ])
        .args(["--env-manager", "local"])
        .env(
            "PATH",
            format!(
                "{}:{}",
                python.parent().unwrap().display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .output()
        .unwrap();
    assert!(
        host.status.success(),
        "{}",
        String::from_utf8_lossy(&host.stderr)
    );
    let theirs: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    let ours: serde_json::Value = serde_json::from_slice(&host.stdout).unwrap();
    assert_eq!(theirs, ours);

    unsafe { libc::kill(-(server.id() as i32), libc::SIGTERM) };
    let _ = server.wait();
    sh(&["rm", &container]);
    sh(&["rmi", "-f", &image]);
}
