//! What the binary reads from the host on the library's behalf when it plans and builds a
//! project's or a model's environment (PATH lookups, host variables, the environments' root), and
//! how it shows an environment build on stderr. Shared by `run` and `models serve`/`predict`.
use super::env_vars;
use super::Ctx;
use mlrun::project::run::{self as prun, Progress, ToolOutput};
use mlrun::project::Plan;
use std::io::IsTerminal;
use std::os::fd::AsFd;
use std::path::PathBuf;

/// The first executable `name` on PATH.
pub fn which(name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| {
            p.metadata()
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}

pub fn host_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// Where cached environments live: MLFLOW_ENV_ROOT, else MLflow's `~/.mlflow/envs`.
pub fn env_root() -> PathBuf {
    match std::env::var_os(env_vars::ENV_ROOT).filter(|v| !v.is_empty()) {
        Some(v) => PathBuf::from(v),
        None => std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_else(std::env::temp_dir)
            .join(".mlflow")
            .join("envs"),
    }
}

/// Builds the plan's environment (see `mlrun::project::run::prepare_env`), with a spinner on a
/// terminal, else one `+ command` line per build command and the tools' output on stderr.
pub fn prepare_env(ctx: &Ctx, plan: &Plan) -> mlrun::project::Result<()> {
    let spinner = (!ctx.quiet && std::io::stderr().is_terminal()).then(|| {
        let s = indicatif::ProgressBar::new_spinner();
        s.enable_steady_tick(std::time::Duration::from_millis(100));
        s
    });
    let stderr = std::io::stderr();
    let output = if spinner.is_some() || ctx.quiet {
        ToolOutput::Capture
    } else {
        ToolOutput::Into(stderr.as_fd())
    };
    let result = prun::prepare_env(plan, output, &mut |p| match p {
        Progress::Reusing(dir) => ctx.say(&format!("Reusing environment {}", dir.display())),
        Progress::Creating(dir) => ctx.say(&format!("Creating environment {}", dir.display())),
        Progress::Running(shown) => match &spinner {
            Some(s) => s.set_message(shown.to_string()),
            None => ctx.say(&format!("+ {shown}")),
        },
    });
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    result
}
