//! A run's artifacts in a local folder, for every store that keeps them on this machine (the folder
//! store, and a database whose artifact root is a local path): log, list, download, manifest and
//! size over a [`beneath::Dir`], so nothing below the artifact root is ever reached through a link
//! and no name climbs out of it. Each store only says how to open its run's root
//! ([`Opener`]: `None` when it does not exist yet and `create` was not asked).
use crate::entities::{ArtifactEntry, FileInfo};
use crate::store::file::beneath;
use crate::store::{arg_rel, Downloaded, Result, StoreError};
use std::fs;
use std::path::{Path, PathBuf};

/// Opens a run's artifact root (`create`: make it when missing).
pub(crate) type Opener<'a> = &'a dyn Fn(bool) -> Result<Option<beneath::Dir>>;

fn missing_root(run_id: &str) -> StoreError {
    StoreError::NotFound(format!("No artifact folder for run {run_id}"))
}

/// Logs files and folders under `artifact_path`; returns the plan's notices.
pub(crate) fn log(
    open: Opener,
    run_id: &str,
    sources: &[PathBuf],
    artifact_path: Option<&str>,
    progress: &dyn Fn(u64),
) -> Result<Vec<String>> {
    let rel = arg_rel(artifact_path)?;
    let plan = crate::store::upload::plan(sources, &rel)?;
    // Every destination is checked before anything is written, so a link on the way leaves
    // the store unchanged; the writes open each folder without following links again.
    if let Some(root) = open(false)? {
        for d in &plan.dirs {
            root.check_writable(d, true)?;
        }
        for f in &plan.files {
            root.check_writable(&f.dest, false)?;
        }
    }
    let root = open(true)?.ok_or_else(|| missing_root(run_id))?;
    for d in &plan.dirs {
        root.make_dirs(d)?;
    }
    for f in &plan.files {
        let Some((name, parents)) = f.dest.split_last() else {
            continue;
        };
        let dir = root.make_dirs(parents)?;
        let mut src = fs::File::open(&f.src).map_err(|e| StoreError::io(&f.src, e))?;
        dir.write_file(name, &mut src, progress)?;
    }
    Ok(plan.notices)
}

/// The entries of one artifact folder, sorted by path (links and special files left out).
pub(crate) fn list(open: Opener, path: Option<&str>) -> Result<Vec<FileInfo>> {
    let rel = arg_rel(path)?;
    let Some(root) = open(false)? else {
        return Ok(vec![]);
    };
    let Some(beneath::Node::Dir(dir)) = root.get(&rel)? else {
        return Ok(vec![]);
    };
    let mut out = Vec::new();
    for (name, kind, len) in dir.entries()? {
        let name = name.to_string_lossy();
        let path = if rel.is_empty() {
            name.into_owned()
        } else {
            format!("{rel}/{name}")
        };
        match kind {
            beneath::Kind::Dir => out.push(FileInfo {
                path,
                is_dir: true,
                file_size: None,
            }),
            beneath::Kind::File => out.push(FileInfo {
                path,
                is_dir: false,
                file_size: Some(len),
            }),
            // Links and special files are not artifacts: never listed, read or copied.
            beneath::Kind::Link | beneath::Kind::Other => {}
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// Copies the artifact (file or folder) at `path` into `dest`.
pub(crate) fn download(
    open: Opener,
    run_id: &str,
    path: Option<&str>,
    dest: &Path,
    progress: &dyn Fn(u64),
) -> Result<Downloaded> {
    let rel = arg_rel(path)?;
    let missing = || {
        StoreError::NotFound(format!(
            "No artifact at '{}' in run {run_id}",
            path.unwrap_or("")
        ))
    };
    let root = open(false)?.ok_or_else(missing)?;
    let node = root.get(&rel)?.ok_or_else(missing)?;
    let target = match rel.rsplit('/').next().filter(|n| !n.is_empty()) {
        Some(name) => dest.join(name),
        None => dest.to_path_buf(),
    };
    let mut notices = Vec::new();
    beneath::copy_out(node, &target, progress, &mut notices)?;
    Ok(Downloaded {
        path: target,
        notices,
    })
}

/// Every artifact file with its size and SHA-256, sorted by path.
pub(crate) fn manifest(open: Opener) -> Result<Vec<ArtifactEntry>> {
    let Some(root) = open(false)? else {
        return Ok(vec![]);
    };
    let mut out = Vec::new();
    beneath::each_file(&root, "", &mut |path, mut file, _| {
        let at = root.path().join(&path);
        out.push(ArtifactEntry::read(path, &mut file).map_err(|e| StoreError::io(at, e))?);
        Ok(())
    })?;
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// Total bytes under an artifact path (0 when nothing is there).
pub(crate) fn size(open: Opener, path: Option<&str>) -> Result<u64> {
    let rel = arg_rel(path)?;
    let Some(root) = open(false)? else {
        return Ok(0);
    };
    match root.get(&rel)? {
        Some(node) => beneath::size(node),
        None => Ok(0),
    }
}
