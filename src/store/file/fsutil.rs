//! Writes that cannot be torn: temp file in the same folder, fsync, rename; whole-line appends; and
//! advisory locks on folders for read-modify-write steps.
use crate::store::{Result, StoreError};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;

/// Atomically replaces `path` with `contents`. The temp file lives in `tmp_dir` (same filesystem),
/// so a reader never sees a half-written file.
pub fn atomic_write_in(path: &Path, tmp_dir: &Path, contents: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| StoreError::io(parent, e))?;
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".mlrun-tmp-")
        .tempfile_in(tmp_dir)
        .map_err(|e| StoreError::io(tmp_dir, e))?;
    tmp.write_all(contents)
        .map_err(|e| StoreError::io(path, e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| StoreError::io(path, e))?;
    tmp.persist(path)
        .map_err(|e| StoreError::io(path, e.error))?;
    Ok(())
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
