//! Runs whose supervising mlrun is gone. `mlrun exec` and `mlrun run` record who supervises a run
//! (the `mlrun.supervisor` tag: host, boot id, pid and the pid's start time) while its command runs,
//! and delete the tag when they end the run (so does `mark_orphaned`). A RUNNING run whose recorded supervisor is no longer
//! alive on this host was orphaned (mlrun was SIGKILLed, the machine rebooted): [`orphaned_runs`]
//! finds such runs and [`mark_orphaned`] ends them FAILED with the reason in `mlrun.end_reason`.
//!
//! Identity: a pid alone is recycled and a reboot restarts pids, so a supervisor is alive only when
//! `/proc/sys/kernel/random/boot_id` matches ours and `/proc/<pid>/stat` shows the same start time
//! (field 22, clock ticks since boot). A run supervised on another host (host name) or in another
//! pid namespace (another container) is never judged: we cannot see its processes. Off Linux
//! nothing is recorded and nothing is found.
//!
//! Leftovers: a SIGKILLed mlrun takes its direct child along (PR_SET_PDEATHSIG), but the child's
//! own descendants are reparented to init and can no longer be found by ancestry. Every supervised
//! command gets [`SUPERVISOR_ENV`] naming its supervisor, inherited by all its descendants, so
//! [`mark_orphaned`] finds the ones still running (same user, same boot) by their environment and
//! kills them before it ends the run. A process that scrubbed its environment escapes this.
//!
//! Also here: the `/proc` readers the supervisor uses to find a command's leftover descendants, and
//! the supervisor itself ([`child`]), which starts and watches every child process mlrun runs.
pub mod child;

use crate::clock::now_ms;
use crate::store::{Result, StoreError, TrackingStore};
use crate::{RunStatus, Tag, ViewType};
use serde::{Deserialize, Serialize};

/// The run tag naming the mlrun process that supervises the run's command (JSON, see
/// [`Supervisor`]). Set when `mlrun exec`/`mlrun run` start the command, deleted when they end
/// the run. An `mlrun.` tag: MLflow shows it and otherwise ignores it.
pub const SUPERVISOR_TAG: &str = "mlrun.supervisor";
/// The run tag saying why mlrun (not the command) ended a run.
pub const END_REASON_TAG: &str = "mlrun.end_reason";
/// The environment variable every supervised command (and so every descendant) gets, holding
/// [`Supervisor::marker`].
pub const SUPERVISOR_ENV: &str = "MLRUN_SUPERVISOR";
/// MLflow's RunStatus: KILLED is "run killed by user", FAILED is "run execution failed". A run
/// whose supervisor vanished was not (knowingly) ended by its user, so it is FAILED.
pub const ORPHANED_STATUS: RunStatus = RunStatus::Failed;

/// Who supervises a run: enough to tell, later and on the same host, whether it still runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supervisor {
    pub host: String,
    pub boot_id: String,
    /// The pid namespace (`/proc/self/ns/pid`): containers of one machine share its boot id, and a
    /// pid means nothing outside its namespace.
    #[serde(default)]
    pub pid_ns: String,
    pub pid: u32,
    /// Field 22 of `/proc/<pid>/stat`: when the process started, in clock ticks since boot.
    pub start_time: u64,
}

/// Whether a recorded supervisor still runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Liveness {
    Alive,
    /// Gone, and why we know.
    Gone(String),
    /// Recorded on another host (or unreadable here): cannot be judged.
    Unknown,
}

impl Supervisor {
    /// This process, or None where /proc cannot tell (not Linux).
    pub fn current() -> Option<Self> {
        Self::of(std::process::id())
    }

    /// The process `pid` on this host, if it exists and /proc describes it.
    pub fn of(pid: u32) -> Option<Self> {
        Some(Self {
            host: host_name()?,
            boot_id: boot_id()?,
            pid_ns: pid_namespace().unwrap_or_default(),
            pid,
            start_time: ProcStat::read(pid)?.start_time,
        })
    }

    /// The value of the [`SUPERVISOR_TAG`] tag.
    pub fn tag_value(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a [`SUPERVISOR_TAG`] value; None when it is not one.
    pub fn parse(value: &str) -> Option<Self> {
        serde_json::from_str(value).ok()
    }

    /// The value of [`SUPERVISOR_ENV`]: unique to this process on this boot.
    pub fn marker(&self) -> String {
        format!("{}:{}:{}", self.boot_id, self.pid, self.start_time)
    }

    /// Processes still running on this host with this supervisor's [`SUPERVISOR_ENV`] in their
    /// environment (its commands' descendants), except the supervisor itself and the caller. Empty
    /// when it was recorded on another host or boot, or where /proc cannot tell; processes of other
    /// users cannot be read and are not listed.
    pub fn leftover_processes(&self) -> Vec<u32> {
        if host_name().as_deref() != Some(&self.host) || boot_id().as_deref() != Some(&self.boot_id)
        {
            return Vec::new();
        }
        let needle = format!("{SUPERVISOR_ENV}={}", self.marker()).into_bytes();
        let me = std::process::id();
        let Ok(entries) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        let mut out: Vec<u32> = entries
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
            .filter(|&pid| pid != me && pid != self.pid)
            .filter(|&pid| {
                std::fs::read(format!("/proc/{pid}/environ"))
                    .is_ok_and(|env| env.split(|&b| b == 0).any(|kv| kv == needle.as_slice()))
            })
            .filter(|&pid| ProcStat::read(pid).is_some_and(|st| !st.is_dead()))
            .collect();
        out.sort_unstable();
        out
    }

    /// The tag to set on a run this supervisor starts.
    pub fn tag(&self) -> Tag {
        Tag::new(SUPERVISOR_TAG, self.tag_value())
    }

    /// Whether this supervisor still runs, judged from this host.
    pub fn liveness(&self) -> Liveness {
        let (Some(host), Some(boot)) = (host_name(), boot_id()) else {
            return Liveness::Unknown;
        };
        if host != self.host || pid_namespace().unwrap_or_default() != self.pid_ns {
            return Liveness::Unknown;
        }
        let who = format!("pid {} on {}", self.pid, self.host);
        if boot != self.boot_id {
            return Liveness::Gone(format!(
                "its supervising mlrun ({who}) is gone: the machine was restarted"
            ));
        }
        match ProcStat::read(self.pid) {
            Some(st) if st.start_time == self.start_time && !st.is_dead() => Liveness::Alive,
            Some(st) if st.start_time == self.start_time => Liveness::Gone(format!(
                "its supervising mlrun ({who}) was killed before it could end the run"
            )),
            Some(_) => Liveness::Gone(format!(
                "its supervising mlrun ({who}) is gone (the pid now belongs to another process)"
            )),
            None => Liveness::Gone(format!(
                "its supervising mlrun ({who}) was killed before it could end the run"
            )),
        }
    }
}

/// A RUNNING run whose supervisor is gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrphanedRun {
    pub run_id: String,
    pub experiment_id: String,
    pub supervisor: Supervisor,
    /// Why it is orphaned, in words (becomes the `mlrun.end_reason` tag).
    pub reason: String,
    /// Processes the supervisor's commands left running (see
    /// [`Supervisor::leftover_processes`]); `mark_orphaned` kills them.
    pub leftover_pids: Vec<u32>,
}

/// Every active RUNNING run (of an active experiment) whose [`SUPERVISOR_TAG`] names an mlrun
/// that is no longer alive on this host. Runs without the tag (started by MLflow or by `mlrun runs
/// start`), supervised elsewhere, or with a live supervisor are left out; so are deleted runs,
/// which MLflow's rules forbid changing (restore one and it is found). Runs and experiments the
/// store cannot read are skipped (the store's listing reports them).
pub fn orphaned_runs(store: &dyn TrackingStore) -> Result<Vec<OrphanedRun>> {
    let ids: Vec<String> = store
        .list_experiments(ViewType::ActiveOnly)?
        .items
        .into_iter()
        .map(|e| e.experiment_id)
        .collect();
    let mut out = Vec::new();
    for id in ids {
        for run in store
            .list_runs(std::slice::from_ref(&id), ViewType::ActiveOnly)?
            .items
        {
            if let Some(o) = orphan_of(&run) {
                out.push(o);
            }
        }
    }
    Ok(out)
}

fn orphan_of(run: &crate::Run) -> Option<OrphanedRun> {
    if run.info.status != RunStatus::Running {
        return None;
    }
    let tag = run.data.tags.iter().find(|t| t.key == SUPERVISOR_TAG)?;
    let supervisor = Supervisor::parse(&tag.value)?;
    match supervisor.liveness() {
        Liveness::Gone(reason) => Some(OrphanedRun {
            run_id: run.info.run_id.clone(),
            experiment_id: run.info.experiment_id.clone(),
            leftover_pids: supervisor.leftover_processes(),
            supervisor,
            reason,
        }),
        Liveness::Alive | Liveness::Unknown => None,
    }
}

/// Ends an orphaned run: SIGKILL to the processes its supervisor's commands left running (they
/// would otherwise go on logging into an ended run), the reason in [`END_REASON_TAG`], status
/// [`ORPHANED_STATUS`] (FAILED), end time now. Checks again first, so a run that was ended
/// meanwhile, or that a live mlrun supervises now, is left as it is (and Ok is returned). The
/// supervisor tag is then deleted (the reason names the supervisor): MLflow's `start_run(run_id=…)`
/// can make an ended run RUNNING again, and a stale record must not get it ended a second time.
pub fn mark_orphaned(store: &dyn TrackingStore, orphan: &OrphanedRun) -> Result<()> {
    let run = store.get_run(&orphan.run_id)?;
    let Some(now) = orphan_of(&run) else {
        return Ok(());
    };
    if now.supervisor != orphan.supervisor {
        return Ok(());
    }
    kill_all(&now.leftover_pids);
    store.log_batch(
        &orphan.run_id,
        &[],
        &[],
        &[Tag::new(END_REASON_TAG, now.reason)],
    )?;
    store.update_run(&orphan.run_id, ORPHANED_STATUS, Some(now_ms()))?;
    match store.delete_tag(&orphan.run_id, SUPERVISOR_TAG) {
        Ok(()) | Err(StoreError::NotFound(_)) => Ok(()),
        Err(e) => Err(e),
    }
}

/// SIGKILL to each of `pids` (found by their environment a moment ago, so they are ours).
fn kill_all(pids: &[u32]) {
    #[cfg(unix)]
    for &pid in pids {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            continue;
        };
        // SAFETY: kill(2) on one positive pid; no memory is involved.
        unsafe {
            libc::kill(pid, libc::SIGKILL);
        }
    }
    #[cfg(not(unix))]
    let _ = pids;
}

fn host_name() -> Option<String> {
    read_trimmed("/proc/sys/kernel/hostname")
}

fn pid_namespace() -> Option<String> {
    let link = std::fs::read_link("/proc/self/ns/pid").ok()?;
    Some(link.to_string_lossy().into_owned())
}

fn boot_id() -> Option<String> {
    read_trimmed("/proc/sys/kernel/random/boot_id")
}

fn read_trimmed(path: &str) -> Option<String> {
    let s = std::fs::read_to_string(path).ok()?;
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The fields of `/proc/<pid>/stat` the supervisor needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProcStat {
    /// Field 3: R, S, D, Z (zombie), X (dead), …
    pub state: char,
    pub ppid: u32,
    pub pgrp: u32,
    /// Field 22, clock ticks since boot.
    pub start_time: u64,
}

impl ProcStat {
    /// None when the process does not exist (or /proc is not there).
    pub fn read(pid: u32) -> Option<Self> {
        let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        Self::parse(&text)
    }

    /// Parses a stat line. The command name (field 2) is in parentheses and may hold anything,
    /// spaces and ')' included, so fields are counted from its last ')'.
    pub fn parse(text: &str) -> Option<Self> {
        let (_, rest) = text.rsplit_once(')')?;
        let f: Vec<&str> = rest.split_ascii_whitespace().collect();
        Some(Self {
            state: f.first()?.chars().next()?,
            ppid: f.get(1)?.parse().ok()?,
            pgrp: f.get(2)?.parse().ok()?,
            start_time: f.get(19)?.parse().ok()?,
        })
    }

    /// A zombie or dead process: it has ended, only its parent has not reaped it.
    pub fn is_dead(&self) -> bool {
        matches!(self.state, 'Z' | 'X')
    }
}

/// The children of `pid` (of all its threads), from `/proc/<pid>/task/*/children`. Empty when
/// /proc cannot tell.
pub fn children_of(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return out;
    };
    for task in tasks.flatten() {
        if let Ok(text) = std::fs::read_to_string(task.path().join("children")) {
            out.extend(
                text.split_ascii_whitespace()
                    .filter_map(|p| p.parse::<u32>().ok()),
            );
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// `roots` and all their descendants, each once.
pub fn with_descendants(roots: &[u32]) -> Vec<u32> {
    let mut seen: Vec<u32> = Vec::new();
    let mut todo: Vec<u32> = roots.to_vec();
    while let Some(p) = todo.pop() {
        if seen.contains(&p) {
            continue;
        }
        seen.push(p);
        todo.extend(children_of(p));
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_lines_with_odd_command_names_parse() {
        let line = "4242 (a) b) c) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 98765 \
                    1000 100 18446744073709551615";
        let st = ProcStat::parse(line).unwrap();
        assert_eq!(st.state, 'S');
        assert_eq!(st.ppid, 1);
        assert_eq!(st.pgrp, 4242);
        assert_eq!(st.start_time, 98765);
        assert!(ProcStat::parse("garbage").is_none());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn liveness_sees_through_pid_reuse_reboots_and_other_hosts() {
        let me = Supervisor::current().unwrap();
        assert_eq!(me.liveness(), Liveness::Alive);
        assert_eq!(Supervisor::parse(&me.tag_value()), Some(me.clone()));
        let reused = Supervisor {
            start_time: me.start_time + 1,
            ..me.clone()
        };
        assert!(matches!(reused.liveness(), Liveness::Gone(r) if r.contains("another process")));
        let rebooted = Supervisor {
            boot_id: "00000000-0000-0000-0000-000000000000".into(),
            ..me.clone()
        };
        assert!(matches!(rebooted.liveness(), Liveness::Gone(r) if r.contains("restarted")));
        let elsewhere = Supervisor {
            host: format!("{}-elsewhere", me.host),
            pid: u32::MAX,
            ..me.clone()
        };
        assert_eq!(elsewhere.liveness(), Liveness::Unknown);
        let other_container = Supervisor {
            pid_ns: "pid:[1]".into(),
            pid: u32::MAX,
            ..me
        };
        assert_eq!(other_container.liveness(), Liveness::Unknown);
        assert_eq!(Supervisor::parse("not json"), None);
    }
}
