//! Writes that cannot be torn: temp file in the same folder, fsync, rename; whole-line appends; and
//! advisory locks on folders for read-modify-write steps.
use crate::entities::KeyValue;
use crate::store::{Result, StoreError};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Atomically replaces `path` with `contents`. The temp file lives in `tmp_dir` (same filesystem),
/// so a reader never sees a half-written file.
pub fn atomic_write_in(path: &Path, tmp_dir: &Path, contents: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| StoreError::io(parent, e))?;
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
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

/// The prefix of temp files that atomic writes leave for an instant; never a value.
pub const TMP_PREFIX: &str = ".mlrun-tmp-";

/// Every regular file under `dir` as (key, path), nested folders giving `/`-joined keys (how MLflow
/// stores keys with `/`). In-flight temp files are skipped; a missing folder has no files.
pub fn files_under(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, PathBuf)>) -> Result<()> {
        let rd = match fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(StoreError::io(dir, e)),
        };
        for entry in rd {
            let entry = entry.map_err(|e| StoreError::io(dir, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(TMP_PREFIX) {
                continue;
            }
            let key = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            let ft = entry
                .file_type()
                .map_err(|e| StoreError::io(entry.path(), e))?;
            if ft.is_dir() {
                walk(&entry.path(), &key, out)?;
            } else if ft.is_file() {
                out.push((key, entry.path()));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    Ok(out)
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
