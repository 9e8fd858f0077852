//! Reads and writes beneath an artifact root that never pass through a symbolic link. On unix every
//! path is opened one component at a time relative to its parent's open folder with `O_NOFOLLOW`,
//! so a link swapped in between a look and a use is still refused (no check-then-use race); a
//! file is written as a temp file in its open folder and renamed over its name. Elsewhere each
//! component's `symlink_metadata` is checked before use (a portable, racy fallback).
use crate::store::{Result, StoreError};
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::path::{Path, PathBuf};

/// What a name in a folder is, links not followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Dir,
    File,
    Link,
    /// A FIFO, socket or device: never read or written.
    Other,
}

/// An open folder beneath the root (its path is for messages only).
pub struct Dir {
    #[cfg(unix)]
    fd: std::os::fd::OwnedFd,
    path: PathBuf,
}

/// What a relative path names: an open folder or an open regular file with its size.
pub enum Node {
    Dir(Dir),
    File(File, u64),
}

fn symlink_error(path: PathBuf) -> StoreError {
    StoreError::Symlink { path }
}

fn not_a_folder(path: PathBuf) -> StoreError {
    StoreError::InvalidParameter(format!("'{}' is not a folder", path.display()))
}

impl Dir {
    /// Opens `base` (trusted: followed like any configured path) and then each of `below` without
    /// following links; `create` makes the missing ones. `None`: something is missing.
    pub fn open(base: &Path, below: &[OsString], create: bool) -> Result<Option<Dir>> {
        if create && below.is_empty() {
            std::fs::create_dir_all(base).map_err(|e| StoreError::io(base, e))?;
        }
        let Some(mut dir) = sys::open_base(base)? else {
            return Ok(None);
        };
        for name in below {
            dir = match dir.subdir(name, create)? {
                Some(d) => d,
                None => return Ok(None),
            };
        }
        Ok(Some(dir))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The entries of this folder, sorted by name, with their kinds (links not followed) and sizes;
    /// in-flight temp files are left out.
    pub fn entries(&self) -> Result<Vec<(OsString, Kind, u64)>> {
        let mut out = sys::list(self)?;
        let tmp = super::fsutil::TMP_PREFIX.as_bytes();
        out.retain(|(n, _, _)| !n.as_encoded_bytes().starts_with(tmp));
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    /// What `name` is here, links not followed; `None` if it does not exist.
    pub fn kind(&self, name: &OsStr) -> Result<Option<(Kind, u64)>> {
        sys::kind(self, name)
    }

    /// The folder `name` in this one (made if `create`); a link there is an error.
    pub fn subdir(&self, name: &OsStr, create: bool) -> Result<Option<Dir>> {
        let path = self.path.join(name);
        match sys::kind(self, name)? {
            None if create => {
                sys::mkdir(self, name)?;
            }
            None => return Ok(None),
            Some((Kind::Dir, _)) => {}
            Some((Kind::Link, _)) => return Err(symlink_error(path)),
            Some(_) => return Err(not_a_folder(path)),
        }
        sys::open_dir(self, name).map(Some)
    }

    /// What `name` is here, opened: a folder or a regular file. `None` if it does not exist or is
    /// neither; a link is an error.
    pub fn child(&self, name: &OsStr) -> Result<Option<Node>> {
        match sys::kind(self, name)? {
            None | Some((Kind::Other, _)) => Ok(None),
            Some((Kind::Link, _)) => Err(symlink_error(self.path.join(name))),
            Some((Kind::Dir, _)) => sys::open_dir(self, name).map(|d| Some(Node::Dir(d))),
            Some((Kind::File, _)) => sys::open_file(self, name).map(Some),
        }
    }

    /// The node at `rel` (`/`-separated, already checked; `""` is this folder).
    pub fn get(self, rel: &str) -> Result<Option<Node>> {
        let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
        let Some((last, dirs)) = parts.split_last() else {
            return Ok(Some(Node::Dir(self)));
        };
        let mut dir = self;
        for p in dirs {
            dir = match dir.subdir(OsStr::new(p), false)? {
                Some(d) => d,
                None => return Ok(None),
            };
        }
        dir.child(OsStr::new(last))
    }

    /// Checks that writing `rel` (a file, or a folder when `dir`) beneath this folder passes through
    /// no link and no file where a folder must be, without changing anything.
    pub fn check_writable(&self, rel: &[OsString], dir: bool) -> Result<()> {
        let Some((last, parents)) = rel.split_last() else {
            return Ok(());
        };
        let mut owned: Option<Dir> = None;
        for p in parents {
            let cur = owned.as_ref().unwrap_or(self);
            match cur.subdir(p, false)? {
                Some(d) => owned = Some(d),
                None => return Ok(()),
            }
        }
        let cur = owned.as_ref().unwrap_or(self);
        let path = cur.path.join(last);
        match cur.kind(last)? {
            Some((Kind::Link, _)) => Err(symlink_error(path)),
            Some((Kind::Dir, _)) if !dir => Err(StoreError::InvalidParameter(format!(
                "'{}' is a folder; a file cannot replace it",
                path.display()
            ))),
            Some((Kind::File | Kind::Other, _)) if dir => Err(not_a_folder(path)),
            _ => Ok(()),
        }
    }

    /// The folder at `rel` beneath this one, made where missing; a link on the way is an error.
    pub fn make_dirs(&self, rel: &[OsString]) -> Result<Dir> {
        let mut cur = sys::open_dir(self, OsStr::new("."))?;
        for p in rel {
            cur = cur
                .subdir(p, true)?
                .ok_or_else(|| not_a_folder(cur.path.join(p)))?;
        }
        Ok(cur)
    }

    /// Writes `src` as the file `name` here: a temp file in this folder, renamed over the name
    /// (so a reader never sees half a file and a link put there is replaced, never written
    /// through). An existing link or folder at `name` is refused.
    pub fn write_file(&self, name: &OsStr, src: &mut File, progress: &dyn Fn(u64)) -> Result<u64> {
        match self.kind(name)? {
            Some((Kind::Link, _)) => return Err(symlink_error(self.path.join(name))),
            Some((Kind::Dir, _)) => {
                return Err(StoreError::InvalidParameter(format!(
                    "'{}' is a folder; a file cannot replace it",
                    self.path.join(name).display()
                )))
            }
            _ => {}
        }
        sys::write_file(self, name, src, progress)
    }
}

/// Copies `reader` into `out` in blocks, reporting each block.
fn copy_with_progress(
    reader: &mut File,
    out: &mut File,
    from: &Path,
    to: &Path,
    progress: &dyn Fn(u64),
) -> Result<u64> {
    use std::io::{Read, Write};
    let mut buf = vec![0u8; 256 * 1024];
    let mut total = 0u64;
    loop {
        let n = reader.read(&mut buf).map_err(|e| StoreError::io(from, e))?;
        if n == 0 {
            return Ok(total);
        }
        out.write_all(&buf[..n])
            .map_err(|e| StoreError::io(to, e))?;
        total += n as u64;
        progress(n as u64);
    }
}

/// Copies what `node` is out of the store into `target` (a new file, or a folder made as needed).
/// Links and special files inside are never copied: each is named in `notices`.
pub fn copy_out(
    node: Node,
    target: &Path,
    progress: &dyn Fn(u64),
    notices: &mut Vec<String>,
) -> Result<()> {
    match node {
        Node::File(mut f, _) => {
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(|e| StoreError::io(parent, e))?;
            }
            let mut out = File::create(target).map_err(|e| StoreError::io(target, e))?;
            copy_with_progress(&mut f, &mut out, target, target, progress)?;
            Ok(())
        }
        Node::Dir(d) => {
            std::fs::create_dir_all(target).map_err(|e| StoreError::io(target, e))?;
            for (name, kind, _) in d.entries()? {
                let here = d.path().join(&name);
                match kind {
                    Kind::Link => notices.push(format!(
                        "skipped '{}': a symbolic link (never copied out of a store)",
                        here.display()
                    )),
                    Kind::Other => notices.push(format!(
                        "skipped '{}': not a regular file or folder",
                        here.display()
                    )),
                    Kind::Dir | Kind::File => {
                        if let Some(child) = d.child(&name)? {
                            copy_out(child, &target.join(&name), progress, notices)?;
                        }
                    }
                }
            }
            Ok(())
        }
    }
}

/// Calls `each` with every regular file beneath `dir` as (`/`-joined path after `prefix`, the open
/// file, its size), one open file at a time; links and special files are left out.
pub fn each_file(
    dir: &Dir,
    prefix: &str,
    each: &mut dyn FnMut(String, File, u64) -> Result<()>,
) -> Result<()> {
    for (name, kind, _) in dir.entries()? {
        if !matches!(kind, Kind::Dir | Kind::File) {
            continue;
        }
        let n = name.to_string_lossy();
        let rel = if prefix.is_empty() {
            n.into_owned()
        } else {
            format!("{prefix}/{n}")
        };
        match dir.child(&name)? {
            Some(Node::Dir(d)) => each_file(&d, &rel, each)?,
            Some(Node::File(f, len)) => each(rel, f, len)?,
            None => {}
        }
    }
    Ok(())
}

/// Total bytes of the regular files at `node`, links not followed.
pub fn size(node: Node) -> Result<u64> {
    fn dir_size(d: &Dir) -> Result<u64> {
        let mut total = 0;
        for (name, kind, len) in d.entries()? {
            match kind {
                Kind::File => total += len,
                Kind::Dir => {
                    if let Some(sub) = d.subdir(&name, false)? {
                        total += dir_size(&sub)?;
                    }
                }
                Kind::Link | Kind::Other => {}
            }
        }
        Ok(total)
    }
    match node {
        Node::File(_, len) => Ok(len),
        Node::Dir(d) => dir_size(&d),
    }
}

#[cfg(unix)]
mod sys {
    use super::{Dir, Kind, Node};
    use crate::store::{Result, StoreError};
    use std::ffi::{CStr, CString, OsStr, OsString};
    use std::fs::File;
    use std::io;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    use std::path::Path;

    fn cname(dir: &Dir, name: &OsStr) -> Result<CString> {
        CString::new(name.as_bytes()).map_err(|_| {
            StoreError::InvalidParameter(format!(
                "'{}' contains a NUL byte",
                dir.path.join(name).display()
            ))
        })
    }

    fn cvt(r: libc::c_int) -> io::Result<libc::c_int> {
        if r < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(r)
        }
    }

    const DIR_FLAGS: libc::c_int =
        libc::O_RDONLY | libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_CLOEXEC;

    pub fn open_base(base: &Path) -> Result<Option<Dir>> {
        let c = CString::new(base.as_os_str().as_bytes())
            .map_err(|_| StoreError::io(base, io::ErrorKind::InvalidInput.into()))?;
        // SAFETY: `c` is a valid C string; the returned fd is owned below.
        let fd = unsafe {
            libc::open(
                c.as_ptr(),
                libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC,
            )
        };
        match cvt(fd) {
            // SAFETY: a fresh fd that nothing else owns.
            Ok(fd) => Ok(Some(Dir {
                fd: unsafe { OwnedFd::from_raw_fd(fd) },
                path: base.to_path_buf(),
            })),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::io(base, e)),
        }
    }

    pub fn kind(dir: &Dir, name: &OsStr) -> Result<Option<(Kind, u64)>> {
        let c = cname(dir, name)?;
        // SAFETY: `st` is written by fstatat before it is read.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        let r = unsafe {
            libc::fstatat(
                dir.fd.as_raw_fd(),
                c.as_ptr(),
                &mut st,
                libc::AT_SYMLINK_NOFOLLOW,
            )
        };
        match cvt(r) {
            Ok(_) => Ok(Some((mode_kind(st.st_mode), st.st_size as u64))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) if e.raw_os_error() == Some(libc::ENOTDIR) => Ok(None),
            Err(e) => Err(StoreError::io(dir.path.join(name), e)),
        }
    }

    fn mode_kind(mode: libc::mode_t) -> Kind {
        match mode & libc::S_IFMT {
            libc::S_IFDIR => Kind::Dir,
            libc::S_IFREG => Kind::File,
            libc::S_IFLNK => Kind::Link,
            _ => Kind::Other,
        }
    }

    fn at_error(dir: &Dir, name: &OsStr, e: io::Error) -> StoreError {
        let path = dir.path.join(name);
        if e.raw_os_error() == Some(libc::ELOOP) {
            return StoreError::Symlink { path };
        }
        StoreError::io(path, e)
    }

    pub fn open_dir(dir: &Dir, name: &OsStr) -> Result<Dir> {
        let c = cname(dir, name)?;
        // SAFETY: valid fd and C string; the returned fd is owned below.
        let fd = unsafe { libc::openat(dir.fd.as_raw_fd(), c.as_ptr(), DIR_FLAGS) };
        let fd = cvt(fd).map_err(|e| at_error(dir, name, e))?;
        Ok(Dir {
            // SAFETY: a fresh fd that nothing else owns.
            fd: unsafe { OwnedFd::from_raw_fd(fd) },
            path: if name == "." {
                dir.path.clone()
            } else {
                dir.path.join(name)
            },
        })
    }

    pub fn open_file(dir: &Dir, name: &OsStr) -> Result<Node> {
        let c = cname(dir, name)?;
        // O_NONBLOCK: a FIFO put there in the meantime must not hang the open.
        let flags = libc::O_RDONLY | libc::O_NOFOLLOW | libc::O_CLOEXEC | libc::O_NONBLOCK;
        // SAFETY: valid fd and C string; the returned fd is owned below.
        let fd = unsafe { libc::openat(dir.fd.as_raw_fd(), c.as_ptr(), flags) };
        let fd = cvt(fd).map_err(|e| at_error(dir, name, e))?;
        // SAFETY: a fresh fd that nothing else owns.
        let file = File::from(unsafe { OwnedFd::from_raw_fd(fd) });
        let meta = file
            .metadata()
            .map_err(|e| StoreError::io(dir.path.join(name), e))?;
        if !meta.is_file() {
            return Err(StoreError::InvalidParameter(format!(
                "'{}' is not a regular file",
                dir.path.join(name).display()
            )));
        }
        // Back to blocking reads.
        // SAFETY: fcntl on an fd we own.
        unsafe { libc::fcntl(file.as_raw_fd(), libc::F_SETFL, libc::O_RDONLY) };
        Ok(Node::File(file, meta.len()))
    }

    pub fn mkdir(dir: &Dir, name: &OsStr) -> Result<()> {
        let c = cname(dir, name)?;
        // SAFETY: valid fd and C string.
        let r = unsafe { libc::mkdirat(dir.fd.as_raw_fd(), c.as_ptr(), 0o777) };
        match cvt(r) {
            Ok(_) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) => Err(StoreError::io(dir.path.join(name), e)),
        }
    }

    pub fn list(dir: &Dir) -> Result<Vec<(OsString, Kind, u64)>> {
        let err = |e: io::Error| StoreError::io(&dir.path, e);
        // A fresh open of the folder itself: its own read position, owned by the DIR stream.
        let c = CString::new(".").expect("no NUL");
        // SAFETY: valid fd and C string.
        let fd =
            cvt(unsafe { libc::openat(dir.fd.as_raw_fd(), c.as_ptr(), DIR_FLAGS) }).map_err(err)?;
        // SAFETY: fdopendir takes ownership of `fd` (closed by closedir).
        let stream = unsafe { libc::fdopendir(fd) };
        if stream.is_null() {
            let e = io::Error::last_os_error();
            // SAFETY: fdopendir failed, so `fd` is still ours to close.
            unsafe { libc::close(fd) };
            return Err(err(e));
        }
        let mut names = Vec::new();
        loop {
            // SAFETY: `stream` is a valid open DIR stream until closedir below.
            let ent = unsafe { libc::readdir(stream) };
            if ent.is_null() {
                break;
            }
            // SAFETY: d_name is a NUL-terminated name inside the entry readdir returned.
            let name = unsafe { CStr::from_ptr((*ent).d_name.as_ptr()) };
            let bytes = name.to_bytes();
            if bytes != b"." && bytes != b".." {
                names.push(OsString::from_vec(bytes.to_vec()));
            }
        }
        // SAFETY: closes the stream and its fd, once.
        unsafe { libc::closedir(stream) };
        let mut out = Vec::with_capacity(names.len());
        for n in names {
            if let Some((kind, size)) = kind(dir, &n)? {
                out.push((n, kind, size));
            }
        }
        Ok(out)
    }

    pub fn write_file(
        dir: &Dir,
        name: &OsStr,
        src: &mut File,
        progress: &dyn Fn(u64),
    ) -> Result<u64> {
        let target = dir.path.join(name);
        let tmp_name = OsString::from(format!(
            "{}{}",
            crate::store::file::fsutil::TMP_PREFIX,
            uuid::Uuid::new_v4().simple()
        ));
        let tmp_c = cname(dir, &tmp_name)?;
        let flags =
            libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL | libc::O_NOFOLLOW | libc::O_CLOEXEC;
        // SAFETY: valid fd and C string; the returned fd is owned below.
        let fd = unsafe { libc::openat(dir.fd.as_raw_fd(), tmp_c.as_ptr(), flags, 0o666) };
        let fd = cvt(fd).map_err(|e| StoreError::io(dir.path.join(&tmp_name), e))?;
        // SAFETY: a fresh fd that nothing else owns.
        let mut out = File::from(unsafe { OwnedFd::from_raw_fd(fd) });
        let unlink = || {
            // SAFETY: valid fd and C string.
            unsafe { libc::unlinkat(dir.fd.as_raw_fd(), tmp_c.as_ptr(), 0) };
        };
        let written = (|| {
            let n = super::copy_with_progress(src, &mut out, &target, &target, progress)?;
            if let Ok(meta) = src.metadata() {
                let _ = out.set_permissions(meta.permissions());
            }
            out.sync_all().map_err(|e| StoreError::io(&target, e))?;
            let name_c = cname(dir, name)?;
            // SAFETY: valid fds and C strings; renameat never follows a link at the target.
            let r = unsafe {
                libc::renameat(
                    dir.fd.as_raw_fd(),
                    tmp_c.as_ptr(),
                    dir.fd.as_raw_fd(),
                    name_c.as_ptr(),
                )
            };
            cvt(r).map_err(|e| StoreError::io(&target, e))?;
            Ok(n)
        })();
        if written.is_err() {
            unlink();
        }
        written
    }
}

#[cfg(not(unix))]
mod sys {
    //! The portable fallback: paths, each component's `symlink_metadata` checked before use.
    use super::{Dir, Kind, Node};
    use crate::store::{Result, StoreError};
    use std::ffi::{OsStr, OsString};
    use std::fs::{self, File};
    use std::io;
    use std::path::Path;

    pub fn open_base(base: &Path) -> Result<Option<Dir>> {
        match fs::metadata(base) {
            Ok(m) if m.is_dir() => Ok(Some(Dir {
                path: base.to_path_buf(),
            })),
            Ok(_) => Err(StoreError::InvalidParameter(format!(
                "'{}' is not a folder",
                base.display()
            ))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::io(base, e)),
        }
    }

    pub fn kind(dir: &Dir, name: &OsStr) -> Result<Option<(Kind, u64)>> {
        let p = dir.path.join(name);
        match fs::symlink_metadata(&p) {
            Ok(m) => {
                let ft = m.file_type();
                let k = if ft.is_symlink() {
                    Kind::Link
                } else if ft.is_dir() {
                    Kind::Dir
                } else if ft.is_file() {
                    Kind::File
                } else {
                    Kind::Other
                };
                Ok(Some((k, m.len())))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::io(p, e)),
        }
    }

    pub fn open_dir(dir: &Dir, name: &OsStr) -> Result<Dir> {
        if name == "." {
            return Ok(Dir {
                path: dir.path.clone(),
            });
        }
        match kind(dir, name)? {
            Some((Kind::Dir, _)) => Ok(Dir {
                path: dir.path.join(name),
            }),
            Some((Kind::Link, _)) => Err(StoreError::Symlink {
                path: dir.path.join(name),
            }),
            _ => Err(super::not_a_folder(dir.path.join(name))),
        }
    }

    pub fn open_file(dir: &Dir, name: &OsStr) -> Result<Node> {
        let p = dir.path.join(name);
        let f = File::open(&p).map_err(|e| StoreError::io(&p, e))?;
        let len = f.metadata().map_err(|e| StoreError::io(&p, e))?.len();
        Ok(Node::File(f, len))
    }

    pub fn mkdir(dir: &Dir, name: &OsStr) -> Result<()> {
        let p = dir.path.join(name);
        match fs::create_dir(&p) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => Err(StoreError::io(p, e)),
            _ => Ok(()),
        }
    }

    pub fn list(dir: &Dir) -> Result<Vec<(OsString, Kind, u64)>> {
        let mut out = Vec::new();
        for e in fs::read_dir(&dir.path).map_err(|e| StoreError::io(&dir.path, e))? {
            let e = e.map_err(|e| StoreError::io(&dir.path, e))?;
            if let Some((k, len)) = kind(dir, &e.file_name())? {
                out.push((e.file_name(), k, len));
            }
        }
        Ok(out)
    }

    pub fn write_file(
        dir: &Dir,
        name: &OsStr,
        src: &mut File,
        progress: &dyn Fn(u64),
    ) -> Result<u64> {
        let target = dir.path.join(name);
        let mut tmp = tempfile::Builder::new()
            .prefix(crate::store::file::fsutil::TMP_PREFIX)
            .tempfile_in(&dir.path)
            .map_err(|e| StoreError::io(&dir.path, e))?;
        let n = super::copy_with_progress(src, tmp.as_file_mut(), &target, &target, progress)?;
        tmp.persist(&target)
            .map_err(|e| StoreError::io(&target, e.error))?;
        Ok(n)
    }
}
