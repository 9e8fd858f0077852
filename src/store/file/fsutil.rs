//! Writes that cannot be torn: temp file in the same folder, fsync, rename; whole-line appends; and
//! advisory locks on folders for read-modify-write steps.
use crate::entities::KeyValue;
use crate::store::{Result, StoreError};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Atomically replaces `path` with `contents`. The temp file lives in `tmp_dir` (same filesystem),
/// so a reader never sees a half-written file.
pub fn atomic_write_in(path: &Path, tmp_dir: &Path, contents: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| StoreError::io(parent, e))?;
    }
    // The temp file is locked while it lives, so `reap` can tell a dead writer's leftover from a
    // live one. A reaper that slipped in between create and lock removed it: start again.
    let mut attempts = 0;
    loop {
        attempts += 1;
        let mut tmp = tempfile::Builder::new()
            .prefix(TMP_PREFIX)
            .tempfile_in(tmp_dir)
            .map_err(|e| StoreError::io(tmp_dir, e))?;
        tmp.as_file()
            .lock()
            .map_err(|e| StoreError::io(tmp.path(), e))?;
        tmp.write_all(contents)
            .map_err(|e| StoreError::io(path, e))?;
        tmp.as_file()
            .sync_all()
            .map_err(|e| StoreError::io(path, e))?;
        match tmp.persist(path) {
            Ok(_) => return Ok(()),
            Err(e) if e.error.kind() == std::io::ErrorKind::NotFound && attempts < 3 => continue,
            Err(e) => return Err(StoreError::io(path, e.error)),
        }
    }
}

/// Atomic replacement with the temp file next to the target.
pub fn atomic_write(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    atomic_write_in(path, dir, contents)
}

/// Appends `data` (whole lines) with one write on an O_APPEND file, so concurrent writers interleave
/// by line and never inside one.
pub fn append(path: &Path, data: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| StoreError::io(parent, e))?;
    }
    let mut f = OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| StoreError::io(path, e))?;
    f.write_all(data).map_err(|e| StoreError::io(path, e))?;
    Ok(())
}

/// Reads a small file in as few system calls as the kernel allows: open, read, close. `fs::read`
/// also asks for the size first and reads once more to see the end, which is most of the cost
/// when search reads tens of thousands of value files. A short read is taken as the end, which for
/// a regular file it is (a writer appending meanwhile is simply not seen, as with any snapshot).
pub fn read_small(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut f = File::open(path)?;
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let n = f.read(&mut buf)?;
        out.extend_from_slice(&buf[..n]);
        if n < buf.len() {
            return Ok(out);
        }
    }
}

/// An exclusive advisory lock on a folder, released on drop. Locking the folder itself leaves no lock
/// file behind for MLflow to trip over.
pub struct DirLock {
    _file: File,
}

pub fn lock_dir(dir: &Path) -> Result<DirLock> {
    let file = File::open(dir).map_err(|e| StoreError::io(dir, e))?;
    file.lock().map_err(|e| StoreError::io(dir, e))?;
    Ok(DirLock { _file: file })
}

/// The lock of a folder or file if no one holds it (a leftover of a dead writer), None if someone
/// does (or it is gone).
pub fn try_lock(path: &Path) -> Option<DirLock> {
    let file = File::open(path).ok()?;
    file.try_lock().ok()?;
    Some(DirLock { _file: file })
}

/// The folder under the store root where multi-step writes (a new experiment, run, registered
/// model, model version or logged model) are built before one rename moves them into place.
/// MLflow 3.17's file store never reads it: its experiment listing (`_get_active_experiments`)
/// skips every root folder whose name ends in `.trash`, experiments are otherwise found by exact
/// id, and the registry reads only `models/`. Anywhere else a half-made folder is read: a
/// dot-folder in the root fails MLflow's experiment id check and breaks `search_experiments`, in an
/// experiment it is taken for a run (and `search_runs` fails on its meta), in `models/` for a model.
pub const STAGING_DIR: &str = ".mlrun-staging.trash";
/// The prefix of one staged folder (also what older mlrun versions staged next to the target).
pub const STAGING_PREFIX: &str = ".mlrun-new-";

/// A folder being built in the staging area, locked while its writer lives; removed on drop unless
/// committed.
pub struct Staging {
    path: PathBuf,
    area: PathBuf,
    _lock: DirLock,
    done: bool,
}

impl Staging {
    /// A new empty staged folder. The writer holds the area's shared lock from mkdir until its own
    /// folder's lock is taken, so `reap` (which holds the area's exclusive lock) never sees a live
    /// writer's folder unlocked.
    pub fn new(root: &Path) -> Result<Self> {
        let area = root.join(STAGING_DIR);
        let mut last = None;
        for _ in 0..100 {
            fs::create_dir_all(&area).map_err(|e| StoreError::io(&area, e))?;
            // A writer that just finished may remove the empty area under us: start again.
            let area_file = match File::open(&area) {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    last = Some(e);
                    continue;
                }
                Err(e) => return Err(StoreError::io(&area, e)),
            };
            area_file
                .lock_shared()
                .map_err(|e| StoreError::io(&area, e))?;
            let dir = match tempfile::Builder::new()
                .prefix(STAGING_PREFIX)
                .tempdir_in(&area)
            {
                Ok(d) => d.keep(),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    last = Some(e);
                    continue;
                }
                Err(e) => return Err(StoreError::io(&area, e)),
            };
            let lock = lock_dir(&dir)?;
            return Ok(Self {
                path: dir,
                area,
                _lock: lock,
                done: false,
            });
        }
        Err(StoreError::io(
            &area,
            last.unwrap_or_else(|| std::io::Error::other("staging area keeps vanishing")),
        ))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Moves the staged folder to `target` in one rename.
    pub fn commit(mut self, target: &Path) -> Result<()> {
        fs::rename(&self.path, target).map_err(|e| StoreError::io(target, e))?;
        self.done = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.path);
        }
        // Leave the root as MLflow's own layout when no other write is staged (fails if one is).
        let _ = fs::remove_dir(&self.area);
    }
}

/// What a dead writer left behind: a staged folder or an atomic write's temp file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leftover {
    pub path: PathBuf,
    pub is_dir: bool,
}

/// Finds (and with `remove`, removes) the staged folders and temp files no live writer owns: those
/// in the staging area, temp files next to meta files and values, and the `.mlrun-new-*` folders
/// older mlrun versions staged next to their target. Each is removed while holding its own lock,
/// so a writer in flight never loses its work. Artifacts are user data and are not looked into.
pub fn reap(root: &Path, remove: bool) -> Result<Vec<Leftover>> {
    let mut out = Vec::new();
    let area = root.join(STAGING_DIR);
    if let Ok(area_file) = File::open(&area) {
        area_file.lock().map_err(|e| StoreError::io(&area, e))?;
        let rd = fs::read_dir(&area).map_err(|e| StoreError::io(&area, e))?;
        for entry in rd {
            let entry = entry.map_err(|e| StoreError::io(&area, e))?;
            let path = entry.path();
            let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
            reap_one(&path, is_dir, remove, &mut out)?;
        }
        drop(area_file);
        if remove {
            let _ = fs::remove_dir(&area);
        }
    }
    // Nine levels reach every meta file and value of MLflow's layout; artifacts are not looked into.
    let mut it = walk(root).max_depth(9).into_iter();
    while let Some(entry) = it.next() {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy();
        let ft = entry.file_type();
        if ft.is_file() && name.starts_with(TMP_PREFIX) {
            reap_one(entry.path(), false, remove, &mut out)?;
        } else if ft.is_dir() && name.starts_with(STAGING_PREFIX) {
            it.skip_current_dir();
            reap_one(entry.path(), true, remove, &mut out)?;
        } else if ft.is_dir() && (name == STAGING_DIR || name == "artifacts") {
            it.skip_current_dir();
        }
    }
    Ok(out)
}

fn reap_one(path: &Path, is_dir: bool, remove: bool, out: &mut Vec<Leftover>) -> Result<()> {
    let Some(lock) = try_lock(path) else {
        return Ok(());
    };
    if remove {
        let res = if is_dir {
            fs::remove_dir_all(path)
        } else {
            fs::remove_file(path)
        };
        match res {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(StoreError::io(path, e)),
        }
    }
    drop(lock);
    out.push(Leftover {
        path: path.to_path_buf(),
        is_dir,
    });
    Ok(())
}

/// The prefix of temp files that atomic writes leave for an instant; never a value.
pub const TMP_PREFIX: &str = ".mlrun-tmp-";

/// Every regular file under `dir` as (key, path), nested folders giving `/`-joined keys (how MLflow
/// stores keys with `/`). In-flight temp files are skipped; a missing folder has no files.
pub fn files_under(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let entries = walk(dir)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with(TMP_PREFIX));
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            // A folder that is gone (never made, or removed meanwhile) has no files.
            Err(e)
                if e.io_error()
                    .is_some_and(|e| e.kind() == io::ErrorKind::NotFound) =>
            {
                continue
            }
            Err(e) => return Err(walk_error(dir, e)),
        };
        if entry.file_type().is_file() {
            let key = entry
                .path()
                .strip_prefix(dir)
                .unwrap_or(entry.path())
                .iter()
                .map(|c| c.to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((key, entry.into_path()));
        }
    }
    Ok(out)
}

/// The names of the folders in `dir` (not links to folders), sorted; a missing `dir` has none.
///
/// One `read_dir`, not [`walk`]: walkdir opens and reads every folder it yields even at its
/// `max_depth`, which made each run lookup read every run folder name of a 10,000-run experiment.
pub fn subdirs(dir: &Path) -> Result<Vec<String>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        // As the walk it replaces: a missing `dir`, or a file, has no folders in it.
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(vec![])
        }
        Err(e) => return Err(StoreError::io(dir, e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| StoreError::io(dir, e))?;
        // The entry's own type (d_type, or lstat): a link to a folder is a link.
        let kind = entry
            .file_type()
            .map_err(|e| StoreError::io(entry.path(), e))?;
        if kind.is_dir() {
            out.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    out.sort_unstable();
    Ok(out)
}

/// The one tree walk: what is under `root` (not `root` itself), each folder's entries sorted by
/// name, symbolic links listed as links and never followed (so no walk leaves the tree).
pub fn walk(root: &Path) -> walkdir::WalkDir {
    walkdir::WalkDir::new(root)
        .min_depth(1)
        .follow_links(false)
        .sort_by_file_name()
}

fn walk_error(root: &Path, e: walkdir::Error) -> StoreError {
    let path = e.path().unwrap_or(root).to_path_buf();
    StoreError::io(path, io::Error::from(e))
}

/// Whether [`copy_tree`] copies symbolic links (as links, never what they point to) or skips them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    Skip,
    Copy,
}

/// Copies the file or folder `src` to `dest` (a folder's contents merged into `dest`, parents
/// made as needed), regular files by content; links per `links`; other kinds are skipped.
pub fn copy_tree(src: &Path, dest: &Path, links: Links) -> Result<()> {
    let meta = fs::symlink_metadata(src).map_err(|e| StoreError::io(src, e))?;
    if !meta.is_dir() {
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent).map_err(|e| StoreError::io(parent, e))?;
        }
        return copy_one(src, dest, meta.file_type(), links);
    }
    fs::create_dir_all(dest).map_err(|e| StoreError::io(dest, e))?;
    for entry in walk(src) {
        let entry = entry.map_err(|e| walk_error(src, e))?;
        let to = dest.join(entry.path().strip_prefix(src).unwrap_or(entry.path()));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&to).map_err(|e| StoreError::io(&to, e))?;
        } else {
            copy_one(entry.path(), &to, entry.file_type(), links)?;
        }
    }
    Ok(())
}

fn copy_one(src: &Path, dest: &Path, ft: fs::FileType, links: Links) -> Result<()> {
    if ft.is_file() {
        fs::copy(src, dest).map_err(|e| StoreError::io(src, e))?;
    } else if ft.is_symlink() && links == Links::Copy {
        let to = fs::read_link(src).map_err(|e| StoreError::io(src, e))?;
        std::os::unix::fs::symlink(to, dest).map_err(|e| StoreError::io(dest, e))?;
    }
    Ok(())
}

/// Total bytes of the regular files at or under `p`; links are not followed.
pub fn tree_size(p: &Path) -> u64 {
    walkdir::WalkDir::new(p)
        .follow_root_links(false)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// A folder of value files (params, tags, aliases) as key/value pairs, in folder order.
pub fn read_values(dir: &Path) -> Result<Vec<KeyValue>> {
    files_under(dir)?
        .into_iter()
        .map(|(key, path)| {
            let bytes = read_small(&path).map_err(|e| StoreError::io(&path, e))?;
            let value = String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            Ok(KeyValue { key, value })
        })
        .collect()
}
