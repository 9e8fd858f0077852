//! The one child-process supervisor, for `mlrun exec`, `mlrun run` and the serving workers: every
//! child starts through [`GroupChild::spawn`] (its own process group, SIGKILL when mlrun dies, the
//! [`SUPERVISOR_ENV`] marker). [`run_supervised`] adds what a command run to completion needs:
//! forward SIGINT/SIGTERM/SIGHUP that mlrun receives to that group, escalate to SIGKILL on a second
//! signal, wait, end its leftovers, and optionally tee the child's stdout/stderr (bytes unchanged,
//! one thread per stream) into sinks, log files and a per-line callback. What mlrun says or does
//! about a signal is the caller's: it gets a [`SignalEvent`] (the library never prints or exits).
//!
//! Invariants: every signal mlrun receives while a child is supervised reaches that child's process
//! group exactly once (the first as itself, any later one as SIGKILL); a signal that arrives before
//! the child is registered is delivered to it right after spawning; a group id is only signalled while
//! its leader is unreaped (we peek at its exit with `waitid(WNOWAIT)`), so a recycled id is never hit.
//! The handler is installed on first use and stays for the life of the process: afterwards, a second
//! signal while no child is running is reported as [`SignalEvent::Insisted`] (the binary exits at
//! once with 128+signal, a "press again to force").
//!
//! Why a separate group: a terminal's Ctrl-C goes to the foreground group. If the child shared ours it
//! would get SIGINT from the terminal *and* from us; in its own group it gets it once, from us, and a
//! `kill -INT <mlrun>` reaches it too. The cost: the child is a background job for the terminal, so a
//! child that *reads* from the terminal (pdb, `input()`) is stopped by SIGTTIN.
//!
//! The whole tree ends with the command (Linux). mlrun is a child subreaper, so descendants whose
//! parent died (daemons, `setsid` escapees) are reparented to mlrun instead of init; when the command
//! ends (normally or on a signal) every leftover descendant gets SIGTERM, then SIGKILL after
//! [`GRACE`], and is reaped. mlrun's own helper processes (git, docker inspect) share mlrun's process
//! group and are never touched; while other commands of a sweep still run, only the ended command's
//! group is ended (an escapee cannot be told apart from another command's), the rest when the last
//! command ends. If mlrun itself is SIGKILLed the direct child gets SIGKILL too (PR_SET_PDEATHSIG);
//! its own descendants then reparent to init. They carry `MLRUN_SUPERVISOR` (naming this mlrun) in
//! their environment, so [`super::mark_orphaned`] finds and kills them when it ends the
//! run left RUNNING (a cgroup would hold them without that, but an unprivileged mlrun usually has
//! no cgroup of its own to create).
use super::{ProcStat, Supervisor, SUPERVISOR_ENV};
use crate::RunStatus;
use std::io::{self, Read, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, Stdio};
use std::sync::{mpsc, Arc, Mutex, OnceLock};
use std::time::Duration;

/// How a supervised child ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// The child's exit code, when it exited normally.
    pub code: Option<i32>,
    /// The signal that killed the child, when one did.
    pub signal: Option<i32>,
    /// mlrun received SIGINT/SIGTERM/SIGHUP (and forwarded it to the child).
    pub interrupted: bool,
    /// The first signal mlrun received, when `interrupted`.
    pub received: Option<i32>,
}

impl Outcome {
    /// What mlrun should exit with: 128+signal when mlrun was interrupted (130 for Ctrl-C, 143 for
    /// SIGTERM, whatever the child then did); else the child's code; else 128+the signal that killed
    /// it (as a shell reports it).
    pub fn exit_code(&self) -> i32 {
        if let Some(sig) = self.received.filter(|_| self.interrupted) {
            return 128 + sig;
        }
        match (self.code, self.signal) {
            (Some(c), _) => c,
            (None, Some(s)) => 128 + s,
            (None, None) => 1,
        }
    }

    /// FINISHED on 0, KILLED when interrupted or killed by a signal, else FAILED.
    pub fn status(&self) -> RunStatus {
        if self.interrupted || self.signal.is_some() {
            RunStatus::Killed
        } else if self.code == Some(0) {
            RunStatus::Finished
        } else {
            RunStatus::Failed
        }
    }

    /// A short human description: "exited with code 3", "killed by signal 9 (SIGKILL)", …
    pub fn describe(&self) -> String {
        let base = match (self.code, self.signal) {
            (Some(c), _) => format!("exited with code {c}"),
            (None, Some(s)) => format!("was killed by signal {s} ({})", signal_name(s)),
            (None, None) => "ended".to_string(),
        };
        match self.received.filter(|_| self.interrupted) {
            Some(sig) => format!("{base} after mlrun forwarded {}", signal_name(sig)),
            None => base,
        }
    }
}

/// Which of the child's streams a line came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Called with each line the child prints (without its `\n`/`\r`; lossily decoded as UTF-8), on the
/// tee thread of its stream. Both streams call the same callback, one at a time.
pub type LineCallback = Box<dyn FnMut(Stream, &str) + Send>;

/// A sink the child's bytes are copied to as they come (the binary passes its stdout/stderr).
pub type Echo = Box<dyn Write + Send>;

/// Where to copy the child's output. Without a `Tee` the child inherits mlrun's stdout and stderr.
/// With one, both are piped: the bytes go unchanged to the echo sinks, to the log files, and line
/// by line to `on_line`.
#[derive(Default)]
pub struct Tee {
    /// Copy of the child's stdout, byte for byte.
    pub stdout_log: Option<std::fs::File>,
    /// Copy of the child's stderr. For one combined log pass `file.try_clone()` of the stdout log.
    pub stderr_log: Option<std::fs::File>,
    /// Where the child's stdout and stderr are echoed (none: only logged).
    pub stdout_echo: Option<Echo>,
    pub stderr_echo: Option<Echo>,
    pub on_line: Option<LineCallback>,
}

impl Tee {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn stdout_log(mut self, f: std::fs::File) -> Self {
        self.stdout_log = Some(f);
        self
    }
    pub fn stderr_log(mut self, f: std::fs::File) -> Self {
        self.stderr_log = Some(f);
        self
    }
    /// Echoes the child's stdout and stderr to these sinks as it prints.
    pub fn echo(mut self, stdout: Echo, stderr: Echo) -> Self {
        self.stdout_echo = Some(stdout);
        self.stderr_echo = Some(stderr);
        self
    }
    pub fn on_line(mut self, f: impl FnMut(Stream, &str) + Send + 'static) -> Self {
        self.on_line = Some(Box::new(f));
        self
    }
}

/// The exit code a shell uses when a command cannot be started: 127 not found, 126 not executable.
pub fn spawn_error_code(e: &io::Error) -> i32 {
    match e.kind() {
        io::ErrorKind::NotFound => 127,
        _ => 126,
    }
}

/// The first signal mlrun has received since the handler was installed, if any. `mlrun run` checks
/// this before starting the next child of a sweep.
pub fn received_signal() -> Option<i32> {
    state().lock().ok().and_then(|s| s.first)
}

/// Installs the signal handler (idempotent). `run_supervised` calls it; call it earlier to catch a
/// Ctrl-C during setup (it is then delivered to the child as soon as that starts).
pub fn install_handler() -> io::Result<()> {
    static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();
    INSTALLED
        .get_or_init(|| {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
                .map_err(|e| e.to_string())?;
            std::thread::Builder::new()
                .name("mlrun-signals".into())
                .spawn(move || {
                    for sig in signals.forever() {
                        on_signal(sig);
                    }
                })
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
        .clone()
        .map_err(io::Error::other)
}

#[derive(Default)]
struct State {
    /// Process groups of children being supervised (their leaders are unreaped).
    groups: Vec<i32>,
    /// run_supervised calls in progress (including the window before a group is registered).
    active: usize,
    /// Signals received so far.
    count: usize,
    first: Option<i32>,
}

fn state() -> &'static Mutex<State> {
    static STATE: OnceLock<Mutex<State>> = OnceLock::new();
    STATE.get_or_init(Default::default)
}

/// What happened on a signal mlrun received while the handler is installed; the caller decides
/// what to say (or do) about it. Reported on the signal thread, at most once per signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignalEvent {
    /// The signal was forwarded to the running commands, which are waited for.
    Forwarded(i32),
    /// A later signal: the running commands were SIGKILLed.
    Killed,
    /// A second signal while no command runs: the user insists. Carries the first signal (an
    /// unhandled one would have ended mlrun with 128 + it).
    Insisted(i32),
}

type SignalSink = Box<dyn Fn(SignalEvent) + Send + Sync>;

/// Where [`SignalEvent`]s go (the first sink set stays). Without one they are dropped, and a
/// signal still reaches the commands.
pub fn on_signal_events(sink: impl Fn(SignalEvent) + Send + Sync + 'static) {
    let _ = SINK.set(Box::new(sink));
}

static SINK: OnceLock<SignalSink> = OnceLock::new();

fn report(event: SignalEvent) {
    if let Some(sink) = SINK.get() {
        sink(event);
    }
}

fn on_signal(sig: i32) {
    let mut st = match state().lock() {
        Ok(s) => s,
        Err(p) => p.into_inner(),
    };
    st.count += 1;
    st.first.get_or_insert(sig);
    if st.active == 0 {
        if st.count >= 2 {
            // Nothing to forward to and the user insists.
            report(SignalEvent::Insisted(st.first.unwrap_or(sig)));
        }
        return;
    }
    let to_send = if st.count >= 2 { libc::SIGKILL } else { sig };
    for &g in &st.groups {
        signal_group(g, to_send);
    }
    if !st.groups.is_empty() {
        report(if to_send == libc::SIGKILL {
            SignalEvent::Killed
        } else {
            SignalEvent::Forwarded(sig)
        });
    }
}

fn signal_group(pgid: i32, sig: i32) {
    // SAFETY: kill(2) with a negative pid signals a process group; no memory is involved.
    unsafe {
        libc::kill(-pgid, sig);
    }
}

struct ActiveGuard;
impl Drop for ActiveGuard {
    fn drop(&mut self) {
        if let Ok(mut st) = state().lock() {
            st.active = st.active.saturating_sub(1);
        }
    }
}

/// Runs `cmd` to completion in its own process group, forwarding signals (see the module doc) and
/// teeing its output when `tee` is given. Stdin is inherited. An error means the command could not be
/// started (see [`spawn_error_code`]) or waiting on it failed.
pub fn run_supervised(mut cmd: Command, tee: Option<Tee>) -> io::Result<Outcome> {
    install_handler()?;
    if let Ok(mut st) = state().lock() {
        st.active += 1;
    }
    let _active = ActiveGuard;
    if tee.is_some() {
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    }
    become_subreaper();
    let mut child;
    let pid;
    {
        // Spawned under the lock, so a leftover sweep of another thread never sees this child
        // before it is registered.
        let mut st = state()
            .lock()
            .map_err(|_| io::Error::other("signal state poisoned"))?;
        child = GroupChild::spawn(cmd)?;
        pid = child.pid();
        st.groups.push(pid);
        // A signal that came before we registered the group is delivered now, exactly once.
        if let Some(first) = st.first {
            signal_group(pid, if st.count >= 2 { libc::SIGKILL } else { first });
        }
    }

    let mut done_rx = Vec::new();
    if let Some(tee) = tee {
        let cb = tee.on_line.map(|f| Arc::new(Mutex::new(f)));
        if let Some(out) = child.child.stdout.take() {
            done_rx.push(spawn_tee(
                out,
                tee.stdout_echo,
                tee.stdout_log,
                Stream::Stdout,
                cb.clone(),
            )?);
        }
        if let Some(err) = child.child.stderr.take() {
            done_rx.push(spawn_tee(
                err,
                tee.stderr_echo,
                tee.stderr_log,
                Stream::Stderr,
                cb,
            )?);
        }
    }

    // Wait without reaping, so the group id stays ours while we may still signal it.
    let waited = wait_no_reap(pid);
    if let Ok(mut st) = state().lock() {
        st.groups.retain(|&g| g != pid);
    }
    let status = child.child.wait()?;
    waited?;
    end_leftovers(pid);

    // The tee threads end when the pipes close. A grandchild that outlives the child may hold them
    // open; don't wait for it forever.
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    for rx in done_rx {
        let _ = rx.recv_timeout(deadline.saturating_duration_since(std::time::Instant::now()));
    }

    let received = state().lock().ok().and_then(|s| s.first);
    Ok(Outcome {
        code: status.code(),
        signal: status.signal(),
        interrupted: received.is_some(),
        received,
    })
}

/// How long leftover descendants have between SIGTERM and SIGKILL.
#[cfg(target_os = "linux")]
const GRACE: Duration = Duration::from_secs(2);
/// How long, after SIGKILL, mlrun waits for leftovers to be gone (a process stuck in the kernel
/// cannot be waited for forever).
#[cfg(target_os = "linux")]
const KILL_WAIT: Duration = Duration::from_secs(5);

/// A child in a process group of its own (it is the leader: the group id is its pid), which gets
/// SIGKILL when mlrun dies (Linux) and carries [`SUPERVISOR_ENV`] naming this mlrun. The group is
/// only signalled while the leader is unreaped, so a recycled id is never hit.
pub struct GroupChild {
    pub child: std::process::Child,
}

impl GroupChild {
    /// Starts `cmd` as described above. PR_SET_PDEATHSIG fires when the *thread* that spawned the
    /// child ends: spawn on a thread that lives as long as the child (the one that waits for it).
    pub fn spawn(mut cmd: Command) -> io::Result<Self> {
        cmd.process_group(0);
        die_with_parent(&mut cmd);
        if let Some(me) = Supervisor::current() {
            cmd.env(SUPERVISOR_ENV, me.marker());
        }
        Ok(Self {
            child: cmd.spawn()?,
        })
    }

    /// The child's pid, which is also its process group's id.
    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// SIGKILL to the whole group, then reaps the leader. Only while the leader is unreaped (no
    /// successful `wait`/`try_wait` on `child` before), so the id is still ours.
    pub fn kill(mut self) {
        signal_group(self.pid(), libc::SIGKILL);
        let _ = self.child.wait();
    }

    /// Waits up to `grace` for the child to exit by itself, then kills its group.
    pub fn stop(mut self, grace: Duration) {
        let end = std::time::Instant::now() + grace;
        while std::time::Instant::now() < end {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.kill();
    }
}

/// Makes mlrun the reaper of its orphaned descendants (once; Linux only).
fn become_subreaper() {
    #[cfg(target_os = "linux")]
    {
        static DONE: OnceLock<()> = OnceLock::new();
        DONE.get_or_init(|| {
            // SAFETY: prctl with integer arguments only.
            unsafe {
                libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
            }
        });
    }
}

/// The child gets SIGKILL when mlrun dies (Linux). PR_SET_PDEATHSIG fires when the *thread* that
/// spawned the child ends; `run_supervised` and the serving pool wait for the child on that same
/// thread, so that is when mlrun dies. If mlrun died before the prctl, the child kills itself at once.
fn die_with_parent(cmd: &mut Command) {
    #[cfg(target_os = "linux")]
    {
        let parent = std::process::id() as libc::pid_t;
        // SAFETY: the closure runs between fork and exec and only makes async-signal-safe calls.
        unsafe {
            cmd.pre_exec(move || {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) != 0 {
                    return Err(io::Error::last_os_error());
                }
                if libc::getppid() != parent {
                    libc::kill(libc::getpid(), libc::SIGKILL);
                }
                Ok(())
            });
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = cmd;
}

/// Ends what the command `ended` left behind: SIGTERM to every leftover descendant, SIGKILL to
/// those alive after [`GRACE`] (at once after a second signal to mlrun), reaping those that were
/// reparented to mlrun, until none is left or [`KILL_WAIT`] more has passed. See the module doc for
/// which processes count as leftovers.
#[cfg(target_os = "linux")]
fn end_leftovers(ended: i32) {
    use std::time::Instant;
    let me = std::process::id();
    let term_until = Instant::now() + GRACE;
    let give_up = term_until + KILL_WAIT;
    let mut termed: Vec<u32> = Vec::new();
    loop {
        let (victims, insisted) = match state().lock() {
            Ok(st) => (leftovers(me, ended as u32, &st.groups), st.count >= 2),
            Err(_) => return,
        };
        let mut live = Vec::new();
        for v in victims {
            match ProcStat::read(v) {
                // A zombie child of ours that no one else waits for (a deeper one is its
                // parent's to reap).
                Some(st) if st.is_dead() && st.ppid == me => {
                    // SAFETY: waitpid on one pid, without a status pointer.
                    unsafe {
                        libc::waitpid(v as libc::pid_t, std::ptr::null_mut(), libc::WNOHANG);
                    }
                }
                Some(st) if !st.is_dead() => live.push(v),
                _ => {}
            }
        }
        if live.is_empty() {
            return;
        }
        let now = Instant::now();
        if now >= give_up {
            return;
        }
        let force = insisted || now >= term_until;
        for v in live {
            let sig = if force {
                libc::SIGKILL
            } else if !termed.contains(&v) {
                termed.push(v);
                libc::SIGTERM
            } else {
                continue;
            };
            // SAFETY: kill(2) on a descendant of ours; no memory is involved.
            unsafe {
                libc::kill(v as libc::pid_t, sig);
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(not(target_os = "linux"))]
fn end_leftovers(_ended: i32) {}

/// The leftovers of the command whose group was `ended`: mlrun's children that are not a running
/// supervised command (`groups`) and not in mlrun's own process group (its helpers), with all their
/// descendants. While other commands run, only those still in the `ended` group.
#[cfg(target_os = "linux")]
fn leftovers(me: u32, ended: u32, groups: &[i32]) -> Vec<u32> {
    use super::{children_of, with_descendants};
    // SAFETY: getpgrp has no arguments and cannot fail.
    let own_group = unsafe { libc::getpgrp() } as u32;
    let roots: Vec<u32> = children_of(me)
        .into_iter()
        .filter(|&c| {
            if groups.contains(&(c as i32)) {
                return false;
            }
            match ProcStat::read(c) {
                Some(st) if st.pgrp != own_group => groups.is_empty() || st.pgrp == ended,
                _ => false,
            }
        })
        .collect();
    with_descendants(&roots)
}

fn wait_no_reap(pid: i32) -> io::Result<()> {
    loop {
        // SAFETY: siginfo_t is plain data; waitid fills it in.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let r = unsafe {
            libc::waitid(
                libc::P_PID,
                pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOWAIT,
            )
        };
        if r == 0 {
            return Ok(());
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

fn spawn_tee(
    mut src: impl Read + Send + 'static,
    mut echo: Option<Box<dyn Write + Send>>,
    mut log: Option<std::fs::File>,
    stream: Stream,
    cb: Option<Arc<Mutex<LineCallback>>>,
) -> io::Result<mpsc::Receiver<()>> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(format!("mlrun-tee-{stream:?}").to_lowercase())
        .spawn(move || {
            let mut buf = vec![0u8; 16 * 1024];
            let mut lines = LineSplitter::default();
            loop {
                let n = match src.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(_) => break,
                };
                let chunk = &buf[..n];
                // Flush each chunk: a `\r` progress bar has no newline to trigger line buffering.
                // A closed terminal or pipe stops the echo, never the draining.
                if let Some(w) = echo.as_mut() {
                    if w.write_all(chunk).and_then(|_| w.flush()).is_err() {
                        echo = None;
                    }
                }
                if let Some(f) = log.as_mut() {
                    if f.write_all(chunk).is_err() {
                        log = None;
                    }
                }
                if let Some(cb) = &cb {
                    lines.push(chunk, |line| call(cb, stream, line));
                }
            }
            if let Some(cb) = &cb {
                lines.finish(|line| call(cb, stream, line));
            }
            if let Some(f) = log.as_mut() {
                let _ = f.flush();
            }
            let _ = tx.send(());
        })?;
    Ok(rx)
}

fn call(cb: &Mutex<LineCallback>, stream: Stream, line: &[u8]) {
    let text = String::from_utf8_lossy(line);
    match cb.lock() {
        Ok(mut f) => f(stream, &text),
        Err(p) => (p.into_inner())(stream, &text),
    }
}

/// Splits a byte stream into lines at `\n` or `\r` (so each redraw of a progress bar is a line),
/// dropping empty ones. A line longer than `MAX_LINE` is not a metric line: it is discarded.
#[derive(Default)]
pub(crate) struct LineSplitter {
    pending: Vec<u8>,
    overlong: bool,
}

const MAX_LINE: usize = 64 * 1024;

impl LineSplitter {
    pub(crate) fn push(&mut self, chunk: &[u8], mut emit: impl FnMut(&[u8])) {
        for part in chunk.split_inclusive(|&b| b == b'\n' || b == b'\r') {
            let ended = matches!(part.last(), Some(b'\n' | b'\r'));
            let body = if ended { &part[..part.len() - 1] } else { part };
            if !self.overlong {
                self.pending.extend_from_slice(body);
                if self.pending.len() > MAX_LINE {
                    self.pending.clear();
                    self.overlong = true;
                }
            }
            if ended {
                if !self.overlong && !self.pending.is_empty() {
                    emit(&self.pending);
                }
                self.pending.clear();
                self.overlong = false;
            }
        }
    }

    pub(crate) fn finish(&mut self, mut emit: impl FnMut(&[u8])) {
        if !self.overlong && !self.pending.is_empty() {
            emit(&self.pending);
        }
        self.pending.clear();
        self.overlong = false;
    }
}

pub fn signal_name(sig: i32) -> &'static str {
    match sig {
        libc::SIGHUP => "SIGHUP",
        libc::SIGINT => "SIGINT",
        libc::SIGQUIT => "SIGQUIT",
        libc::SIGABRT => "SIGABRT",
        libc::SIGKILL => "SIGKILL",
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGPIPE => "SIGPIPE",
        libc::SIGTERM => "SIGTERM",
        _ => "signal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(chunks: &[&[u8]]) -> Vec<String> {
        let mut s = LineSplitter::default();
        let mut out = Vec::new();
        for c in chunks {
            s.push(c, |l| out.push(String::from_utf8_lossy(l).into_owned()));
        }
        s.finish(|l| out.push(String::from_utf8_lossy(l).into_owned()));
        out
    }

    #[test]
    fn lines_split_on_newline_and_carriage_return_across_chunks() {
        assert_eq!(
            split(&[b"a: 1\nb", b": 2\r\n", b"50%\r60%\rdone"]),
            ["a: 1", "b: 2", "50%", "60%", "done"]
        );
    }

    #[test]
    fn overlong_lines_are_dropped() {
        let long = vec![b'x'; MAX_LINE + 10];
        assert_eq!(split(&[&long, b"\nok\n"]), ["ok"]);
    }

    #[test]
    fn outcome_codes_and_statuses() {
        let o = |code, signal, received: Option<i32>| Outcome {
            code,
            signal,
            interrupted: received.is_some(),
            received,
        };
        assert_eq!(o(Some(0), None, None).exit_code(), 0);
        assert_eq!(o(Some(0), None, None).status(), RunStatus::Finished);
        assert_eq!(o(Some(3), None, None).exit_code(), 3);
        assert_eq!(o(Some(3), None, None).status(), RunStatus::Failed);
        assert_eq!(o(None, Some(9), None).exit_code(), 137);
        assert_eq!(o(None, Some(9), None).status(), RunStatus::Killed);
        assert_eq!(o(None, Some(2), Some(2)).exit_code(), 130);
        assert_eq!(o(Some(0), None, Some(15)).exit_code(), 143);
        assert_eq!(o(Some(0), None, Some(15)).status(), RunStatus::Killed);
    }
}
