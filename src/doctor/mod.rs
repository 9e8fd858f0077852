//! `doctor`: checks a file store the way MLflow's reader and mlrun's own rules see it, and repairs
//! what a killed writer can leave. Each check is an independent function in `CHECKS` that returns
//! its findings (and with `fix`, repairs what it safely can, under the lock the writers take);
//! adding a check is adding a function. Nothing is repaired that the check cannot explain.
use crate::clock::now_ms;
use crate::entities::LifecycleStage;
use crate::store::file::fsutil::{self, lock_dir, STAGING_PREFIX};
use crate::store::file::layout::{self, Layout, VERSION_PREFIX};
use crate::store::file::metrics::{MAX_LINE, QUOTE};
use crate::store::file::registry::{read_mv_meta, read_rm_meta};
use crate::store::file::{meta, metrics, FileStore};
use crate::store::{Result, StoreError, TrackingStore};
use serde::Serialize;
use std::fs;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// What kind of problem a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A staged folder or temp file that no live writer owns.
    Leftover,
    /// An experiment whose place (root or `.trash/`) and stages disagree: a delete or restore
    /// killed half-way.
    HalfMovedExperiment,
    /// An experiment folder with no meta.yaml (MLflow skips it with a warning).
    MissingMeta,
    /// A meta.yaml that cannot be read.
    UnreadableMeta,
    /// A run or experiment whose meta names another folder than its own.
    FolderMismatch,
    /// A metric file whose last line has no newline (a write cut short).
    TornMetric,
    /// A metric file with lines that are not `timestamp value [step]`.
    GarbageMetric,
    /// A registered model or model version folder without a readable meta.yaml.
    RegistryMeta,
    /// A symbolic link among a run's artifacts.
    ArtifactLink,
    /// A RUNNING run whose supervising `mlrun exec`/`mlrun run` is gone (killed, or the machine
    /// rebooted): nothing will ever end it.
    OrphanedRun,
}

/// One problem found in the store.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The check that found it.
    pub check: &'static str,
    pub kind: FindingKind,
    pub path: PathBuf,
    pub message: String,
    /// Whether `--fix` knows a safe repair.
    pub fixable: bool,
    /// Whether it was repaired in this pass.
    pub fixed: bool,
}

/// What the checks see: the store root and whether to repair.
pub struct Ctx<'a> {
    pub root: &'a Path,
    pub fix: bool,
    store: FileStore,
}

pub type Check = fn(&Ctx) -> Result<Vec<Finding>>;

/// The checks, in the order they run (leftovers first, so later checks walk a tidied store).
pub const CHECKS: &[(&str, Check)] = &[
    ("leftovers", leftovers),
    ("experiments", experiments),
    ("runs", runs),
    ("metrics", metric_files),
    ("registry", registry),
    ("artifacts", artifact_links),
    ("supervisors", orphaned_runs),
];

/// Runs every check over the store at `root`; with `fix`, repairs what can be repaired safely.
pub fn diagnose(root: &Path, fix: bool) -> Result<Vec<Finding>> {
    if !root.is_dir() || !root.join(layout::TRASH).is_dir() && !root.join("0").is_dir() {
        return Err(StoreError::NotFound(format!(
            "{} is not an MLflow file store (no .trash/ or experiment 0)",
            root.display()
        )));
    }
    let ctx = Ctx {
        root,
        fix,
        store: FileStore::open(root)?,
    };
    let mut out = Vec::new();
    for (_, check) in CHECKS {
        out.extend(check(&ctx)?);
    }
    Ok(out)
}

fn finding(
    check: &'static str,
    kind: FindingKind,
    path: &Path,
    message: impl Into<String>,
) -> Finding {
    Finding {
        check,
        kind,
        path: path.to_path_buf(),
        message: message.into(),
        fixable: false,
        fixed: false,
    }
}

impl Finding {
    fn fixable(mut self, fixed: bool) -> Self {
        self.fixable = true;
        self.fixed = fixed;
        self
    }
}

fn subdirs(dir: &Path) -> Vec<String> {
    fsutil::subdirs(dir).unwrap_or_default()
}

/// Every experiment folder, active then trashed, as (id, folder, in trash).
fn experiment_dirs(root: &Path) -> Vec<(String, PathBuf, bool)> {
    let mut out = Vec::new();
    for name in subdirs(root) {
        if !layout::ROOT_RESERVED.contains(&name.as_str()) && !name.starts_with(STAGING_PREFIX) {
            out.push((name.clone(), root.join(&name), false));
        }
    }
    let trash = root.join(layout::TRASH);
    for name in subdirs(&trash) {
        if !name.starts_with(STAGING_PREFIX) {
            out.push((name.clone(), trash.join(&name), true));
        }
    }
    out
}

/// Every folder of an experiment that MLflow takes for a run and that looks like one.
fn run_dirs(exp_dir: &Path) -> Vec<PathBuf> {
    subdirs(exp_dir)
        .into_iter()
        .filter(|n| !layout::EXPERIMENT_RESERVED.contains(&n.as_str()))
        .filter(|n| !n.starts_with(STAGING_PREFIX))
        .map(|n| exp_dir.join(n))
        .filter(|d| {
            ["metrics", "params", "tags"]
                .iter()
                .any(|s| d.join(s).is_dir())
        })
        .collect()
}

/// Staged folders and temp files that killed writers left (never one a live writer holds).
fn leftovers(ctx: &Ctx) -> Result<Vec<Finding>> {
    Ok(fsutil::reap(ctx.root, ctx.fix)?
        .into_iter()
        .map(|l| {
            let what = if l.is_dir {
                "a staged folder no writer owns (a write killed before its final rename)"
            } else {
                "a temp file no writer owns (an atomic write killed before its rename)"
            };
            finding("leftovers", FindingKind::Leftover, &l.path, what).fixable(ctx.fix)
        })
        .collect())
}

/// Experiments whose meta is missing or unreadable, names another folder, or whose place and
/// stages disagree (a delete or restore killed half-way: finished as a delete, since the place is
/// what MLflow's listing goes by).
fn experiments(ctx: &Ctx) -> Result<Vec<Finding>> {
    const C: &str = "experiments";
    let mut out = Vec::new();
    for (id, dir, in_trash) in experiment_dirs(ctx.root) {
        let meta_path = Layout::meta(&dir);
        if !meta_path.exists() {
            // What an older mlrun's `experiments create` left when killed: a folder holding at
            // most tags and temp files, untouched for a while (MLflow's own create makes the folder
            // a moment before its meta, and takes no lock). Anything more is someone's data:
            // reported, not touched.
            let half_made = !in_trash && only_tags(&dir) && untouched_for(&dir, HALF_MADE_AGE);
            let f = finding(
                C,
                FindingKind::MissingMeta,
                &meta_path,
                "experiment folder without meta.yaml (MLflow skips it)",
            );
            if half_made {
                let fixed = ctx.fix && {
                    let _lock = lock_dir(ctx.root)?;
                    !meta_path.exists() && fs::remove_dir_all(&dir).is_ok()
                };
                out.push(f.fixable(fixed));
            } else {
                out.push(f);
            }
            continue;
        }
        let exp = match meta::read_experiment(&meta_path) {
            Ok(e) => e,
            Err(e) => {
                out.push(finding(
                    C,
                    FindingKind::UnreadableMeta,
                    &meta_path,
                    e.to_string(),
                ));
                continue;
            }
        };
        if exp.experiment_id != id {
            out.push(finding(
                C,
                FindingKind::FolderMismatch,
                &meta_path,
                format!(
                    "meta says experiment_id '{}' in folder '{id}' (MLflow ignores it)",
                    exp.experiment_id
                ),
            ));
            continue;
        }
        let deleted = exp.lifecycle_stage == LifecycleStage::Deleted;
        let message = if !in_trash && deleted {
            "marked deleted but not moved to .trash (a delete killed half-way); fix: finish the delete"
        } else if in_trash && !deleted {
            "in .trash but marked active (a delete or restore killed half-way); fix: finish the delete"
        } else if in_trash && has_active_runs(&dir) {
            "deleted, but some of its runs are still active (a delete killed half-way); fix: mark them deleted"
        } else {
            continue;
        };
        let f = finding(C, FindingKind::HalfMovedExperiment, &dir, message);
        let fixed = if ctx.fix {
            if in_trash && deleted {
                let _lock = lock_dir(ctx.root)?;
                ctx.store
                    .set_runs_stage(&dir, LifecycleStage::Deleted, now_ms())?;
            } else {
                ctx.store.delete_experiment(&id)?;
            }
            true
        } else {
            false
        };
        out.push(f.fixable(fixed));
    }
    Ok(out)
}

/// How long a folder must have been left alone before it counts as abandoned.
const HALF_MADE_AGE: std::time::Duration = std::time::Duration::from_secs(300);

fn only_tags(dir: &Path) -> bool {
    let Ok(rd) = fs::read_dir(dir) else {
        return false;
    };
    rd.flatten().all(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let ft = e.file_type().ok();
        (name == "tags" && ft.is_some_and(|t| t.is_dir()))
            || (name.starts_with(fsutil::TMP_PREFIX) && ft.is_some_and(|t| t.is_file()))
    })
}

fn untouched_for(dir: &Path, age: std::time::Duration) -> bool {
    fs::metadata(dir)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t.elapsed().is_ok_and(|e| e >= age))
}

fn has_active_runs(exp_dir: &Path) -> bool {
    run_dirs(exp_dir).iter().any(|d| {
        meta::read_run(&Layout::meta(d)).is_ok_and(|r| r.lifecycle_stage == LifecycleStage::Active)
    })
}

/// Runs whose meta.yaml is missing or unreadable, or names another run or experiment than its
/// folders (MLflow's `get_run` refuses those, `search_runs` skips or fails on them).
fn runs(ctx: &Ctx) -> Result<Vec<Finding>> {
    const C: &str = "runs";
    let mut out = Vec::new();
    for (exp_id, exp_dir, _) in experiment_dirs(ctx.root) {
        for dir in run_dirs(&exp_dir) {
            let folder = dir
                .file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let meta_path = Layout::meta(&dir);
            if !meta_path.exists() {
                out.push(finding(
                    C,
                    FindingKind::MissingMeta,
                    &meta_path,
                    "run folder without meta.yaml (MLflow skips it)",
                ));
                continue;
            }
            match meta::read_run(&meta_path) {
                Err(e) => out.push(finding(
                    C,
                    FindingKind::UnreadableMeta,
                    &meta_path,
                    e.to_string(),
                )),
                Ok(info) if info.run_id != folder || info.experiment_id != exp_id => {
                    out.push(finding(
                        C,
                        FindingKind::FolderMismatch,
                        &meta_path,
                        format!(
                            "meta says run '{}' of experiment '{}', but the folder is run '{folder}' of experiment '{exp_id}'",
                            info.run_id, info.experiment_id
                        ),
                    ))
                }
                Ok(_) => {}
            }
        }
    }
    Ok(out)
}

/// Metric files with garbage lines (reported with the first one's number and first bytes) or a
/// torn last line. A torn tail (bytes after the last newline, which no writer leaves: every point
/// is appended as one whole line) is trimmed under the run's lock, and only if the file is still
/// the length it was when read.
fn metric_files(ctx: &Ctx) -> Result<Vec<Finding>> {
    const C: &str = "metrics";
    let mut out = Vec::new();
    for (_, exp_dir, _) in experiment_dirs(ctx.root) {
        for dir in run_dirs(&exp_dir) {
            for (key, path) in fsutil::files_under(&Layout::metrics(&dir))? {
                let scan = scan_metric_file(&key, &path).map_err(|e| StoreError::io(&path, e))?;
                if let Some((n, first, count)) = &scan.garbage {
                    out.push(finding(
                        C,
                        FindingKind::GarbageMetric,
                        &path,
                        format!(
                            "{count} malformed line(s), the first at line {n}: {first:?} (not repaired: which points they were is unknown)"
                        ),
                    ));
                }
                if let Some(tail) = scan.torn_at {
                    let f = finding(
                        C,
                        FindingKind::TornMetric,
                        &path,
                        format!(
                            "the last line ({} bytes after byte {tail}) has no newline: a write cut short; fix: trim it",
                            scan.len - tail
                        ),
                    );
                    let fixed = ctx.fix && trim_tail(&dir, &path, tail, scan.len)?;
                    out.push(f.fixable(fixed));
                }
            }
        }
    }
    Ok(out)
}

struct MetricScan {
    /// (first bad line number, its first bytes, how many bad lines)
    garbage: Option<(u64, String, u64)>,
    /// Where the unterminated last line starts.
    torn_at: Option<u64>,
    len: u64,
}

/// Reads a metric file as a stream, never holding more than one bounded line.
fn scan_metric_file(key: &str, path: &Path) -> std::io::Result<MetricScan> {
    let mut reader = std::io::BufReader::new(fs::File::open(path)?);
    let mut line = Vec::with_capacity(128);
    let mut scan = MetricScan {
        garbage: None,
        torn_at: None,
        len: 0,
    };
    let mut lineno = 0u64;
    loop {
        line.clear();
        let start = scan.len;
        let n = (&mut reader)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        scan.len += n as u64;
        let mut terminated = line.ends_with(b"\n");
        if !terminated && n > MAX_LINE {
            // Overlong: skip to its end without holding it.
            loop {
                let buf = reader.fill_buf()?;
                if buf.is_empty() {
                    break;
                }
                let (used, found) = match buf.iter().position(|&b| b == b'\n') {
                    Some(i) => (i + 1, true),
                    None => (buf.len(), false),
                };
                reader.consume(used);
                scan.len += used as u64;
                if found {
                    terminated = true;
                    break;
                }
            }
        }
        if !terminated {
            scan.torn_at = Some(start);
            break;
        }
        lineno += 1;
        let text = String::from_utf8_lossy(line.strip_suffix(b"\n").unwrap_or(&line)).into_owned();
        if text.trim().is_empty() {
            continue;
        }
        if n > MAX_LINE || metrics::decode(key, &text).is_none() {
            let g = scan
                .garbage
                .get_or_insert_with(|| (lineno, text.chars().take(QUOTE).collect(), 0));
            g.2 += 1;
        }
    }
    Ok(scan)
}

/// Cuts a metric file back to `keep` bytes under the run's lock, if it is still `len` long.
fn trim_tail(run_dir: &Path, path: &Path, keep: u64, len: u64) -> Result<bool> {
    let _lock = lock_dir(run_dir)?;
    let f = fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| StoreError::io(path, e))?;
    let now = f.metadata().map_err(|e| StoreError::io(path, e))?.len();
    if now != len {
        return Ok(false);
    }
    f.set_len(keep).map_err(|e| StoreError::io(path, e))?;
    f.sync_all().map_err(|e| StoreError::io(path, e))?;
    Ok(true)
}

/// Registered models and versions without a readable meta.yaml: MLflow's registry raises on
/// every listing while one exists.
fn registry(ctx: &Ctx) -> Result<Vec<Finding>> {
    const C: &str = "registry";
    let mut out = Vec::new();
    let models = ctx.root.join(layout::REGISTRY_DIR);
    for name in subdirs(&models) {
        if name.starts_with(STAGING_PREFIX) {
            continue;
        }
        let dir = models.join(&name);
        if let Err(e) = read_rm_meta(&dir) {
            out.push(finding(
                C,
                FindingKind::RegistryMeta,
                &Layout::meta(&dir),
                e.to_string(),
            ));
        }
        for v in subdirs(&dir) {
            if !v.starts_with(VERSION_PREFIX) {
                continue;
            }
            let vdir = dir.join(&v);
            if let Err(e) = read_mv_meta(&vdir) {
                out.push(finding(
                    C,
                    FindingKind::RegistryMeta,
                    &Layout::meta(&vdir),
                    e.to_string(),
                ));
            }
        }
    }
    Ok(out)
}

/// Symbolic links among runs' artifacts: whatever they point to is outside what the store
/// vouches for. Reported, never followed or removed.
fn artifact_links(ctx: &Ctx) -> Result<Vec<Finding>> {
    let mut out = Vec::new();
    for (_, exp_dir, _) in experiment_dirs(ctx.root) {
        for dir in run_dirs(&exp_dir) {
            let art = Layout::artifacts(&dir);
            if fs::symlink_metadata(&art).is_ok_and(|m| m.file_type().is_symlink()) {
                out.push(finding(
                    "artifacts",
                    FindingKind::ArtifactLink,
                    &art,
                    "the artifacts folder is a symbolic link",
                ));
                continue;
            }
            for e in fsutil::walk(&art).max_depth(65).into_iter().flatten() {
                if e.file_type().is_symlink() {
                    let to = fs::read_link(e.path())
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    out.push(finding(
                        "artifacts",
                        FindingKind::ArtifactLink,
                        e.path(),
                        format!("artifact is a symbolic link (to {to}); mlrun neither follows nor removes it"),
                    ));
                }
            }
        }
    }
    Ok(out)
}

/// RUNNING runs whose supervising mlrun is gone (`crate::supervise`). `--fix` ends each FAILED with
/// the reason as its `mlrun.end_reason` tag, killing what its command left running.
fn orphaned_runs(ctx: &Ctx) -> Result<Vec<Finding>> {
    let mut out = Vec::new();
    for orphan in crate::supervise::orphaned_runs(&ctx.store)? {
        let path = ctx.root.join(&orphan.experiment_id).join(&orphan.run_id);
        let mut message = format!("run {} is RUNNING but {}", orphan.run_id, orphan.reason);
        if !orphan.leftover_pids.is_empty() {
            message.push_str(&format!(
                "; its command left processes running: {:?}",
                orphan.leftover_pids
            ));
        }
        let fixed = if ctx.fix {
            crate::supervise::mark_orphaned(&ctx.store, &orphan)?;
            message.push_str(" (ended FAILED)");
            true
        } else {
            false
        };
        out.push(finding("supervisors", FindingKind::OrphanedRun, &path, message).fixable(fixed));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(bytes: &[u8]) -> MetricScan {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m");
        fs::write(&p, bytes).unwrap();
        scan_metric_file("m", &p).unwrap()
    }

    #[test]
    fn metric_scan_finds_torn_tails_and_garbage_without_holding_long_lines() {
        let s = scan(b"1 0.5 0\n2 0.6 1\n3 0.");
        assert_eq!(
            (s.torn_at, s.garbage.is_none(), s.len),
            (Some(16), true, 20)
        );
        let s = scan(b"1 0.5 0\n2 0.6 1\n");
        assert_eq!((s.torn_at, s.garbage.is_none()), (None, true));
        // An overlong line of NULs, terminated: garbage, quoted short; then a good line.
        let mut b = vec![0u8; 3 * MAX_LINE];
        b.extend_from_slice(b"\n4 1 2\n");
        let s = scan(&b);
        let (line, quote, count) = s.garbage.unwrap();
        assert_eq!((line, count, s.torn_at), (1, 1, None));
        assert!(quote.chars().count() <= QUOTE);
        // The same, unterminated: one torn tail starting at 0.
        let s = scan(&vec![0u8; 3 * MAX_LINE]);
        assert_eq!((s.torn_at, s.len), (Some(0), 3 * MAX_LINE as u64));
    }
}
