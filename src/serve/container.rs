//! Model containers (`mlrun models generate-dockerfile` / `build-docker`): a build context whose
//! image answers MLflow's scoring protocol on port 8080 (`GET /ping`, `POST /invocations`), the
//! contract SageMaker, Azure ML and Kubernetes deploy.
//!
//! * An ONNX model gets an image with no Python at all, `FROM scratch` by default: the mlrun
//!   binary, the shared libraries it links (as the dynamic loader finds them: the `ldd` list,
//!   handed in by the caller) and the model. Nothing else is in it.
//! * A python_function model gets a Python base image (`python:3.11-slim` by default) with the
//!   model's requirements installed into a virtualenv at build time, so the container needs no
//!   network when it starts, and mlrun serving it with that environment.
//! * With no model, an image that serves the model mounted at `/opt/ml/model` at run time, as
//!   MLflow's does (a Python base with MLflow installed, for python_function models; ONNX models
//!   need nothing more).
//!
//! Every image runs as a non-root user (65532), stops cleanly on SIGTERM (mlrun is PID 1 and
//! drains requests), and reads `MLRUN_WORKERS` and `MLRUN_TIMEOUT` (`models serve --workers`,
//! `--timeout`) from its environment.
use crate::error::{Result, StoreError};
use crate::serve::{Backend, ServedModel};
use crate::store::file::fsutil::{copy_tree, Links};
use std::path::{Path, PathBuf};

/// Where the model is inside the image (SageMaker's path).
pub const MODEL_DIR: &str = "/opt/ml/model";
/// The port the image listens on (the deployment platforms' contract).
pub const PORT: u16 = 8080;
/// The user the image runs as (nobody in particular; no root).
pub const USER: &str = "65532:65532";
const DEFAULT_PYTHON_BASE: &str = "python:3.11-slim";

/// What the build context is made for.
pub struct ContextRequest<'a> {
    /// The model's folder (or a bare `.onnx` file), `None` for an image serving a mounted model.
    pub model: Option<&'a Path>,
    /// The mlrun binary copied into the image (a Linux executable).
    pub mlrun_binary: &'a Path,
    /// The shared libraries the binary links, as `ldd` lists them (absolute paths); copied into
    /// the image at the same paths when the base is `scratch`.
    pub libraries: &'a [PathBuf],
    /// The base image; `None` picks `scratch` for ONNX and a Python image otherwise.
    pub base_image: Option<&'a str>,
}

/// What was written.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Context {
    pub dir: PathBuf,
    pub base_image: String,
    /// "onnx", "python_function" or "mounted".
    pub kind: &'static str,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |e| StoreError::io(path, e)
}

/// The shared libraries `ldd` lists for a binary (its output, parsed): the path after `=>`, or the
/// first word when it is absolute (the dynamic loader); the vDSO has no file.
pub fn parse_ldd(output: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for line in output.lines() {
        let line = line.trim();
        let path = match line.split_once("=>") {
            Some((_, rest)) => rest.split_whitespace().next(),
            None => line.split_whitespace().next(),
        };
        if let Some(p) = path.filter(|p| p.starts_with('/')) {
            out.push(PathBuf::from(p));
        }
    }
    out
}

/// The requirements a python_function model lists (`requirements.txt`, else `python_env.yaml`'s
/// `dependencies`, which MLflow writes as `-r requirements.txt`).
fn has_requirements(model_dir: &Path) -> bool {
    model_dir.join("requirements.txt").is_file()
}

/// A Dockerfile's JSON-array form of a command.
fn exec_form(args: &[&str]) -> String {
    serde_json::to_string(args).unwrap_or_default()
}

/// Writes the build context for `req` into `dest` (which must be empty or not exist).
pub fn write_context(req: &ContextRequest, dest: &Path) -> Result<Context> {
    if dest.exists() && std::fs::read_dir(dest).map_err(io(dest))?.next().is_some() {
        return Err(StoreError::AlreadyExists(format!(
            "{} is not empty: give a new folder for the build context",
            dest.display()
        )));
    }
    std::fs::create_dir_all(dest).map_err(io(dest))?;
    let served = match req.model {
        Some(m) => Some(ServedModel::open(m)?),
        None => None,
    };
    std::fs::copy(req.mlrun_binary, dest.join("mlrun")).map_err(io(req.mlrun_binary))?;
    if let Some(path) = req.model {
        let target = dest.join("model");
        // The context is never inside what it copies (that copy would never end).
        let (abs_src, abs_dest) = (
            std::fs::canonicalize(path).map_err(io(path))?,
            std::fs::canonicalize(dest).map_err(io(dest))?,
        );
        if abs_dest.starts_with(&abs_src) {
            return Err(StoreError::InvalidParameter(format!(
                "the build context {} is inside the model {}: give a folder outside it",
                dest.display(),
                path.display()
            )));
        }
        if path.is_dir() {
            copy_tree(path, &target, Links::Skip)?;
        } else {
            // A bare model file: the folder `ServedModel` reads it from holds just it.
            std::fs::create_dir_all(&target).map_err(io(&target))?;
            let name = path.file_name().unwrap_or_default();
            std::fs::copy(path, target.join(name)).map_err(io(path))?;
        }
    }
    // A bare model file is served by its path in the model folder.
    let model_path = match req
        .model
        .filter(|p| p.is_file())
        .and_then(|p| p.file_name())
    {
        Some(name) => format!("{MODEL_DIR}/{}", name.to_string_lossy()),
        None => MODEL_DIR.to_string(),
    };
    let serve = |extra: &[&str]| {
        let mut args = vec![
            "/usr/local/bin/mlrun",
            "models",
            "serve",
            "-m",
            &model_path,
            "--host",
            "0.0.0.0",
            "--port",
        ];
        let port = PORT.to_string();
        args.push(&port);
        args.extend_from_slice(extra);
        exec_form(&args)
    };
    let header = "# Made by `mlrun models generate-dockerfile`: the image answers MLflow's scoring\n# protocol (GET /ping, POST /invocations) on port 8080. MLRUN_WORKERS and MLRUN_TIMEOUT tune it.\n";
    let (kind, base, body) = match served.as_ref().map(|m| &m.backend) {
        Some(Backend::Onnx(_)) => {
            let base = req.base_image.unwrap_or("scratch").to_string();
            let mut body = String::new();
            if base == "scratch" {
                // The binary's libraries at the paths its loader looks in, and a /tmp.
                let rootfs = dest.join("rootfs");
                std::fs::create_dir_all(rootfs.join("tmp")).map_err(io(&rootfs))?;
                for lib in req.libraries {
                    let rel = lib.strip_prefix("/").unwrap_or(lib);
                    let to = rootfs.join(rel);
                    if let Some(parent) = to.parent() {
                        std::fs::create_dir_all(parent).map_err(io(parent))?;
                    }
                    // Links are followed: the image holds each library's file under the name the
                    // loader asks for.
                    std::fs::copy(lib, &to).map_err(io(lib))?;
                }
                body.push_str("COPY rootfs/ /\n");
            }
            body.push_str(&format!(
                "COPY mlrun /usr/local/bin/mlrun\nCOPY model {MODEL_DIR}\nENV TMPDIR=/tmp\nUSER {USER}\nEXPOSE {PORT}\nENTRYPOINT {}\n",
                serve(&[])
            ));
            ("onnx", base, body)
        }
        Some(Backend::Pyfunc) => {
            let base = req.base_image.unwrap_or(DEFAULT_PYTHON_BASE).to_string();
            let model_dir = req.model.map(Path::to_path_buf).unwrap_or_default();
            // The environment layer comes before the model's files, so a new model with the same
            // requirements rebuilds nothing but its own layer.
            let (reqs, install) = if has_requirements(&model_dir) {
                (
                    "COPY model/requirements.txt /opt/requirements.txt\n".to_string(),
                    "/opt/venv/bin/pip install --no-cache-dir -r /opt/requirements.txt".to_string(),
                )
            } else {
                (
                    String::new(),
                    "/opt/venv/bin/pip install --no-cache-dir mlflow".to_string(),
                )
            };
            let body = format!(
                "COPY mlrun /usr/local/bin/mlrun\n{reqs}# The model's environment, built now, so the container needs no network to start.\nRUN python3 -m venv /opt/venv && {install}\nCOPY model {MODEL_DIR}\nENV PATH=/opt/venv/bin:$PATH\nUSER {USER}\nEXPOSE {PORT}\nENTRYPOINT {}\n",
                serve(&["--env-manager", "local"])
            );
            ("python_function", base, body)
        }
        None => {
            let base = req.base_image.unwrap_or(DEFAULT_PYTHON_BASE).to_string();
            let body = format!(
                "COPY mlrun /usr/local/bin/mlrun\n# Serves the model mounted at {MODEL_DIR} when the container starts (ONNX natively;\n# python_function with MLflow from this environment and the model's own requirements\n# installed beforehand).\nRUN python3 -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir mlflow\nENV PATH=/opt/venv/bin:$PATH\nUSER {USER}\nEXPOSE {PORT}\nENTRYPOINT {}\n",
                serve(&["--env-manager", "local"])
            );
            ("mounted", base, body)
        }
    };
    let dockerfile = format!("{header}FROM {base}\n{body}");
    std::fs::write(dest.join("Dockerfile"), dockerfile).map_err(io(dest))?;
    Ok(Context {
        dir: dest.to_path_buf(),
        base_image: base,
        kind,
    })
}

/// The container engines `build-docker` looks for, in order.
pub const ENGINES: &[&str] = &["docker", "podman", "buildah"];

/// The command line that builds `context` into `image` with `engine`.
pub fn build_command(engine: &str, engine_path: &Path, context: &Path, image: &str) -> Vec<String> {
    let mut cmd = vec![engine_path.to_string_lossy().into_owned()];
    match engine {
        "buildah" => cmd.push("bud".into()),
        _ => cmd.push("build".into()),
    }
    cmd.extend([
        "-t".to_string(),
        image.to_string(),
        "-f".to_string(),
        context.join("Dockerfile").to_string_lossy().into_owned(),
        context.to_string_lossy().into_owned(),
    ]);
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ldd_output_is_read_as_the_loader_resolves_it() {
        let out = "\tlinux-vdso.so.1 (0x00007ffd)\n\tlibgcc_s.so.1 => /lib/x86_64-linux-gnu/libgcc_s.so.1 (0x1)\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x2)\n\t/lib64/ld-linux-x86-64.so.2 (0x3)\n\tlibgone.so => not found\n";
        assert_eq!(
            parse_ldd(out),
            vec![
                PathBuf::from("/lib/x86_64-linux-gnu/libgcc_s.so.1"),
                PathBuf::from("/lib/x86_64-linux-gnu/libc.so.6"),
                PathBuf::from("/lib64/ld-linux-x86-64.so.2"),
            ]
        );
    }

    #[test]
    fn build_commands_per_engine() {
        let c = build_command(
            "buildah",
            Path::new("/usr/bin/buildah"),
            Path::new("/c"),
            "m:1",
        );
        assert_eq!(
            c,
            [
                "/usr/bin/buildah",
                "bud",
                "-t",
                "m:1",
                "-f",
                "/c/Dockerfile",
                "/c"
            ]
        );
        let c = build_command("docker", Path::new("docker"), Path::new("/c"), "m:1");
        assert_eq!(c[1], "build");
    }
}
