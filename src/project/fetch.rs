//! Where a project comes from: a local folder, or a git URL cloned with the `git` command line
//! (`--version` a branch, tag or commit; `#subdir` honoured), and the git facts MLflow records as
//! tags. A local folder is never changed: a `--version` of it is cloned like a remote.
use super::{ProjectError, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A project URI split as MLflow splits it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectUri {
    /// The URI as given, quotes stripped (what `mlflow.source.name` records for a remote).
    pub uri: String,
    /// The part before `#`.
    pub base: String,
    /// The part after `#`, or empty.
    pub subdir: String,
    /// `Some` when `base` names an existing local folder.
    pub local: Option<PathBuf>,
}

/// MLflow's `_parse_subdirectory` and `_is_local_uri`. `cwd` anchors relative paths.
pub fn parse_uri(uri: &str, cwd: &Path) -> Result<ProjectUri> {
    let uri = uri.trim_matches(|c| c == '\'' || c == '"').to_string();
    let (base, subdir) = match uri.find('#') {
        Some(i) => (uri[..i].to_string(), uri[i + 1..].to_string()),
        None => (uri.clone(), String::new()),
    };
    if subdir.contains('.') {
        return Err(ProjectError::Execution(
            "'.' is not allowed in project subdirectory paths.".into(),
        ));
    }
    let path = if base.starts_with("file://") {
        crate::uri::local_path_from_uri(&base).ok()
    } else if base.contains("://") || base.starts_with("git@") {
        None
    } else {
        Some(PathBuf::from(&base))
    };
    let local = path
        .map(|p| super::spec::normalize(&cwd.join(p)))
        .filter(|p| p.exists());
    Ok(ProjectUri {
        uri,
        base,
        subdir,
        local,
    })
}

impl ProjectUri {
    /// MLflow's `mlflow.source.name`: for a local folder in a git work tree
    /// `file://<worktree>#<subdir>`, for another local folder its absolute path, else the URI.
    pub fn source_name(&self, git: &Path) -> String {
        let Some(local) = &self.local else {
            return self.uri.clone();
        };
        if self.uri.contains('#') {
            return self.uri.clone();
        }
        let abs = local.to_string_lossy().into_owned();
        match run_git(git, local, &["rev-parse", "--show-toplevel"]) {
            Ok(top) => {
                let rel = abs.replacen(&top, "", 1);
                let rel = rel.strip_prefix('/').unwrap_or(&rel);
                if rel.is_empty() {
                    format!("file://{top}")
                } else {
                    format!("file://{top}#{rel}")
                }
            }
            Err(_) => abs,
        }
    }
}

/// Runs `git args` in `dir`, returning trimmed stdout or the error with git's message.
pub fn run_git(git: &Path, dir: &Path, args: &[&str]) -> Result<String> {
    let out = Command::new(git)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| ProjectError::Git {
            args: args.join(" "),
            message: e.to_string(),
        })?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim_end().to_string())
    } else {
        Err(ProjectError::Git {
            args: args.join(" "),
            message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        })
    }
}

/// Clones `url` into `dst` (an empty folder) at `version` (a branch, tag or commit; the remote's
/// HEAD when `None`), then its submodules. Branches and tags are fetched shallow; a commit needs
/// the full history.
pub fn clone(git: &Path, url: &str, version: Option<&str>, dst: &Path) -> Result<()> {
    let parent = dst.parent().unwrap_or(Path::new("/"));
    let d = dst.to_string_lossy();
    let checkout_failed = |v: &str, e: ProjectError| {
        ProjectError::Execution(format!(
            "Unable to checkout version '{v}' of git repo {url}- please ensure that the version exists in the repo. Error: {e}"
        ))
    };
    match version {
        None => {
            run_git(
                git,
                parent,
                &["clone", "--quiet", "--depth", "1", "--", url, &d],
            )?;
        }
        Some(v) => {
            let shallow = run_git(
                git,
                parent,
                &[
                    "clone", "--quiet", "--depth", "1", "--branch", v, "--", url, &d,
                ],
            );
            if shallow.is_err() {
                let _ = std::fs::remove_dir_all(dst);
                run_git(
                    git,
                    parent,
                    &["clone", "--quiet", "--no-checkout", "--", url, &d],
                )?;
                run_git(git, dst, &["checkout", "--quiet", v])
                    .map_err(|e| checkout_failed(v, e))?;
                // A branch name checked out this way gets a local branch, as with MLflow.
            }
        }
    }
    run_git(
        git,
        dst,
        &["submodule", "update", "--init", "--recursive", "--quiet"],
    )?;
    Ok(())
}

/// The git facts MLflow records for a project's working folder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GitInfo {
    pub commit: Option<String>,
    pub repo_url: Option<String>,
    /// Set when `--version` names a local branch of the checkout.
    pub branch: Option<String>,
    /// Uncommitted changes in the work tree (mlrun's extra tag).
    pub dirty: Option<bool>,
}

pub fn git_info(git: &Path, dir: &Path, version: Option<&str>) -> GitInfo {
    let Ok(commit) = run_git(git, dir, &["rev-parse", "HEAD"]) else {
        return GitInfo::default();
    };
    let remotes = run_git(git, dir, &["remote"]).unwrap_or_default();
    let repo_url = remotes
        .lines()
        .next()
        .and_then(|r| run_git(git, dir, &["remote", "get-url", r]).ok())
        .map(|u| strip_credentials(&u));
    let branch = version.filter(|v| {
        run_git(
            git,
            dir,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("refs/heads/{v}"),
            ],
        )
        .is_ok_and(|s| !s.is_empty())
    });
    let dirty = run_git(git, dir, &["status", "--porcelain"])
        .ok()
        .map(|s| !s.is_empty());
    GitInfo {
        commit: Some(commit),
        repo_url,
        branch: branch.map(str::to_string),
        dirty,
    }
}

/// `https://user:token@host/x` → `https://host/x`, as MLflow strips credentials from remotes.
fn strip_credentials(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://") {
        if scheme.starts_with("http") {
            let (auth, path) = match rest.find('/') {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, ""),
            };
            if let Some((_, host)) = auth.rsplit_once('@') {
                return format!("{scheme}://{host}{path}");
            }
        }
    }
    url.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_split_like_mlflow() {
        let d = tempfile::tempdir().unwrap();
        let u = parse_uri("https://github.com/o/r#sub/dir", d.path()).unwrap();
        assert_eq!(
            (u.base.as_str(), u.subdir.as_str()),
            ("https://github.com/o/r", "sub/dir")
        );
        assert!(u.local.is_none());
        assert!(parse_uri("https://x/r#a.b", d.path())
            .unwrap_err()
            .to_string()
            .contains("'.' is not allowed"));
        let u = parse_uri("'.'", d.path()).unwrap();
        assert_eq!(u.local.as_deref(), Some(d.path()));
        let u = parse_uri(&format!("file://{}", d.path().display()), Path::new("/")).unwrap();
        assert_eq!(u.local.as_deref(), Some(d.path()));
        assert!(parse_uri("missing-dir", d.path()).unwrap().local.is_none());
        assert_eq!(
            strip_credentials("https://u:t@h.com/x.git"),
            "https://h.com/x.git"
        );
        assert_eq!(strip_credentials("git@h.com:x.git"), "git@h.com:x.git");
    }
}
