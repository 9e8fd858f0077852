//! What `artifacts log` sends, for every backend: the user's files and folders with symbolic links
//! followed, as MLflow's copy follows them (the target's contents are logged, never a link), each
//! followed link and each skipped special file told in a notice, and a link cycle refused before
//! anything is written rather than walked forever.
use crate::store::{Result, StoreError};
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

/// One file to log: where it goes (components beneath the artifact root) and where it comes from.
pub struct Upload {
    pub dest: Vec<OsString>,
    pub src: PathBuf,
    pub len: u64,
}

/// Everything one `artifacts log` writes: the folders (so empty ones exist too), the files, and
/// what the user should hear of.
#[derive(Default)]
pub struct Plan {
    pub dirs: Vec<Vec<OsString>>,
    pub files: Vec<Upload>,
    pub notices: Vec<String>,
}

/// The plan for logging `sources` beneath `base` (a checked `/`-separated path): a folder's
/// contents go into `base`, a file into `base/<its name>`. Missing sources, dangling links and link
/// cycles are errors naming the path.
pub fn plan(sources: &[PathBuf], base: &str) -> Result<Plan> {
    for src in sources {
        if fs::symlink_metadata(src).is_err() {
            return Err(StoreError::InvalidParameter(format!(
                "No such file or folder: '{}'",
                src.display()
            )));
        }
    }
    let base: Vec<OsString> = base
        .split('/')
        .filter(|p| !p.is_empty())
        .map(OsString::from)
        .collect();
    let mut plan = Plan::default();
    for src in sources {
        let mut ancestors = Vec::new();
        if fs::metadata(src).is_ok_and(|m| m.is_dir()) {
            walk(src, base.clone(), &mut ancestors, &mut plan)?;
        } else {
            let name = src.file_name().ok_or_else(|| {
                StoreError::InvalidParameter(format!("Not a file: '{}'", src.display()))
            })?;
            let mut dest = base.clone();
            dest.push(name.to_os_string());
            walk(src, dest, &mut ancestors, &mut plan)?;
        }
    }
    Ok(plan)
}

/// A folder's identity, to see a link lead back into a folder being walked.
#[cfg(unix)]
type Id = (u64, u64);
#[cfg(unix)]
fn identity(_path: &Path, meta: &fs::Metadata) -> Id {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
type Id = PathBuf;
#[cfg(not(unix))]
fn identity(path: &Path, _meta: &fs::Metadata) -> Id {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Walks `src` into the plan; `ancestors` are the folders being walked (identity and path).
fn walk(
    src: &Path,
    dest: Vec<OsString>,
    ancestors: &mut Vec<(Id, PathBuf)>,
    plan: &mut Plan,
) -> Result<()> {
    let lmeta = fs::symlink_metadata(src).map_err(|e| StoreError::io(src, e))?;
    let meta = if lmeta.file_type().is_symlink() {
        let target = fs::read_link(src).unwrap_or_default();
        let meta = fs::metadata(src).map_err(|_| {
            StoreError::InvalidParameter(format!(
                "'{}' is a symbolic link to '{}', which does not exist",
                src.display(),
                target.display()
            ))
        })?;
        plan.notices.push(format!(
            "'{}' is a symbolic link: logged what it points to ('{}')",
            src.display(),
            target.display()
        ));
        meta
    } else {
        lmeta
    };
    if meta.is_dir() {
        let id = identity(src, &meta);
        if let Some((_, again)) = ancestors.iter().find(|(a, _)| *a == id) {
            return Err(StoreError::InvalidParameter(format!(
                "'{}' is '{}' again, through a symbolic link: a link cycle; nothing was logged",
                src.display(),
                again.display()
            )));
        }
        ancestors.push((id, src.to_path_buf()));
        plan.dirs.push(dest.clone());
        let mut entries: Vec<_> = fs::read_dir(src)
            .map_err(|e| StoreError::io(src, e))?
            .collect::<std::io::Result<_>>()
            .map_err(|e| StoreError::io(src, e))?;
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let mut d = dest.clone();
            d.push(e.file_name());
            walk(&e.path(), d, ancestors, plan)?;
        }
        ancestors.pop();
    } else if meta.is_file() {
        plan.files.push(Upload {
            dest,
            src: src.to_path_buf(),
            len: meta.len(),
        });
    } else {
        plan.notices.push(format!(
            "skipped '{}': not a regular file or folder",
            src.display()
        ));
    }
    Ok(())
}

/// `dest` as a `/`-joined path (for URLs and messages).
pub fn joined(dest: &[OsString]) -> String {
    dest.iter()
        .map(|p| p.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
