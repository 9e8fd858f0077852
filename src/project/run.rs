//! Project execution: building a plan's environment (once, under a lock, so parallel runs share
//! it), preparing a project run (fetch or clone, entry point, the runs of a sweep, all checked
//! before anything is written) and the run tags `mlflow run` writes. The caller creates the runs
//! and runs the entry point under the supervisor (`crate::supervise::child`); progress is told to
//! a callback, never printed.
use super::env::{Plan, Step, READY_MARKER};
use super::{shlex_join, ProjectError, Result};
use crate::store::file::fsutil::{copy_tree, Links};
use std::path::Path;
use std::process::{Command, Stdio};

/// What building an environment is doing, for the caller to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress<'a> {
    /// The cached environment is ready and reused.
    Reusing(&'a Path),
    /// The environment is being created (a half-built one was removed first).
    Creating(&'a Path),
    /// A build command starts (shell-quoted).
    Running(&'a str),
}

/// Where a build command's stdout goes. Its stderr is always kept for the error message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolOutput {
    /// Kept (and dropped): nothing reaches the terminal.
    Capture,
    /// Onto mlrun's own stderr: build tools' output is talk, never data on stdout.
    Stderr,
}

/// Builds the cached environment unless it is ready (under a lock, so parallel runs build it
/// once), then runs the always-needed steps (a docker build).
pub fn prepare_env(
    plan: &Plan,
    output: ToolOutput,
    progress: &mut dyn FnMut(Progress),
) -> Result<()> {
    if let Some(env_dir) = &plan.env_dir {
        let parent = env_dir.parent().unwrap_or(Path::new("/"));
        std::fs::create_dir_all(parent).map_err(|e| ProjectError::io(parent, e))?;
        let lock_path = env_dir.with_extension("lock");
        let lock =
            std::fs::File::create(&lock_path).map_err(|e| ProjectError::io(&lock_path, e))?;
        lock.lock().map_err(|e| ProjectError::io(&lock_path, e))?;
        if plan.env_ready() {
            progress(Progress::Reusing(env_dir));
        } else {
            // A folder without the marker is a build that did not finish: start over.
            if env_dir.exists() {
                std::fs::remove_dir_all(env_dir).map_err(|e| ProjectError::io(env_dir, e))?;
            }
            progress(Progress::Creating(env_dir));
            let built = run_steps(&plan.setup, output, progress);
            if built.is_err() {
                let _ = std::fs::remove_dir_all(env_dir);
            }
            built?;
            let marker = env_dir.join(READY_MARKER);
            std::fs::write(&marker, "").map_err(|e| ProjectError::io(&marker, e))?;
        }
    }
    run_steps(&plan.prepare, output, progress)
}

fn run_steps(steps: &[Step], output: ToolOutput, progress: &mut dyn FnMut(Progress)) -> Result<()> {
    for step in steps {
        match step {
            Step::Write { path, contents } => {
                std::fs::write(path, contents).map_err(|e| ProjectError::io(path, e))?
            }
            Step::CopyDir { from, to } => copy_tree(from, to, Links::Copy)?,
            Step::Run { argv, cwd } => {
                let shown = shlex_join(argv);
                progress(Progress::Running(&shown));
                let mut cmd = Command::new(&argv[0]);
                cmd.args(&argv[1..]).current_dir(cwd).stdin(Stdio::null());
                if output == ToolOutput::Stderr {
                    use std::os::fd::AsFd;
                    let err = std::io::stderr()
                        .as_fd()
                        .try_clone_to_owned()
                        .map_err(|e| ProjectError::io("/dev/stderr", e))?;
                    cmd.stdout(Stdio::from(err));
                }
                let out = cmd.output().map_err(|source| ProjectError::StepStart {
                    command: shown.clone(),
                    source,
                })?;
                if !out.status.success() {
                    return Err(ProjectError::StepFailed {
                        command: shown,
                        status: out.status.to_string(),
                        stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
                    });
                }
            }
        }
    }
    Ok(())
}
