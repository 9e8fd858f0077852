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
        if fs::metadata(src).is_ok_and(|m| m.is_dir()) {
            walk(src, &base, &mut plan)?;
        } else {
            let name = src.file_name().ok_or_else(|| {
                StoreError::InvalidParameter(format!("Not a file: '{}'", src.display()))
            })?;
            let mut dest = base.clone();
            dest.push(name.to_os_string());
            walk(src, &dest, &mut plan)?;
        }
    }
    Ok(plan)
}

/// Walks `src` (links followed, each folder in name order) into the plan beneath `dest`.
fn walk(src: &Path, dest: &[OsString], plan: &mut Plan) -> Result<()> {
    let entries = walkdir::WalkDir::new(src)
        .follow_links(true)
        .sort_by_file_name();
    for entry in entries {
        let entry = entry.map_err(|e| walk_error(src, e))?;
        let mut to = dest.to_vec();
        let rel = entry.path().strip_prefix(src).unwrap_or(Path::new(""));
        to.extend(rel.iter().map(|c| c.to_os_string()));
        if entry.path_is_symlink() {
            plan.notices.push(format!(
                "'{}' is a symbolic link: logged what it points to ('{}')",
                entry.path().display(),
                fs::read_link(entry.path()).unwrap_or_default().display()
            ));
        }
        let ft = entry.file_type();
        if ft.is_dir() {
            plan.dirs.push(to);
        } else if ft.is_file() {
            let meta = entry.metadata().map_err(|e| walk_error(src, e))?;
            plan.files.push(Upload {
                dest: to,
                src: entry.into_path(),
                len: meta.len(),
            });
        } else {
            plan.notices.push(format!(
                "skipped '{}': not a regular file or folder",
                entry.path().display()
            ));
        }
    }
    Ok(())
}

/// A link cycle and a dangling link are the user's to fix, and said so; anything else is I/O.
fn walk_error(src: &Path, e: walkdir::Error) -> StoreError {
    let path = e.path().unwrap_or(src).to_path_buf();
    if let Some(again) = e.loop_ancestor() {
        return StoreError::InvalidParameter(format!(
            "'{}' is '{}' again, through a symbolic link: a link cycle; nothing was logged",
            path.display(),
            again.display()
        ));
    }
    if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
        && fs::metadata(&path).is_err()
    {
        return StoreError::InvalidParameter(format!(
            "'{}' is a symbolic link to '{}', which does not exist",
            path.display(),
            fs::read_link(&path).unwrap_or_default().display()
        ));
    }
    StoreError::io(path, std::io::Error::from(e))
}

/// `dest` as a `/`-joined path (for URLs and messages).
pub fn joined(dest: &[OsString]) -> String {
    dest.iter()
        .map(|p| p.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
