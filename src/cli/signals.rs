//! The binary's one answer to signals: what it says and when it gives up waiting. Commands (`run`,
//! `exec`) get SIGINT/SIGTERM/SIGHUP forwarded by the supervisor (`mlrun::supervise::child`), which
//! reports each step here; servers (`ui`, `models serve`) stop gracefully on the first SIGINT or
//! SIGTERM, then end by that signal (as uvicorn ends `mlflow models serve` and `mlflow ui`). Either
//! way a second signal with nothing left to wait for exits at once with 128+signal.
use mlrun::supervise::child::{self, signal_name, SignalEvent};
use signal_hook::iterator::{Handle, Signals};
use std::io::{self, Write};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

/// Forwards signals to the commands mlrun supervises from now on (a Ctrl-C during setup reaches
/// the command as soon as it starts), saying so on stderr unless `quiet`.
pub fn forward_to_commands(quiet: bool) -> io::Result<()> {
    child::on_signal_events(move |event| {
        let msg = match event {
            SignalEvent::Insisted(first) => std::process::exit(128 + first),
            _ if quiet => return,
            SignalEvent::Forwarded(sig) => format!(
                "mlrun: sent {} to the command; waiting for it to end (send it again to kill it)",
                signal_name(sig)
            ),
            SignalEvent::Killed => "mlrun: killed the command (SIGKILL)".to_string(),
        };
        let _ = writeln!(io::stderr(), "{msg}");
    });
    child::install_handler()
}

/// A server's graceful stop: SIGINT/SIGTERM are caught from [`GracefulStop::catch`] on; once
/// [`GracefulStop::on_signal`] says how to stop, the first signal (even one caught before) calls it
/// (requests in flight finish) and a second one exits at once. Dropping it stops watching;
/// [`GracefulStop::finish`] also ends mlrun by the signal that stopped the server.
pub struct GracefulStop {
    signals: Option<Signals>,
    handle: Handle,
    watcher: Option<JoinHandle<()>>,
    /// The signal that stopped the server (0: none yet).
    caught: Arc<AtomicI32>,
}

impl GracefulStop {
    pub fn catch() -> io::Result<Self> {
        let signals = Signals::new([libc::SIGINT, libc::SIGTERM])?;
        Ok(Self {
            handle: signals.handle(),
            signals: Some(signals),
            watcher: None,
            caught: Arc::new(AtomicI32::new(0)),
        })
    }

    pub fn on_signal(&mut self, quiet: bool, stop: impl Fn() + Send + 'static) {
        let Some(mut signals) = self.signals.take() else {
            return;
        };
        let caught = Arc::clone(&self.caught);
        self.watcher = Some(std::thread::spawn(move || {
            let mut count = 0;
            for sig in signals.forever() {
                count += 1;
                if count > 1 {
                    std::process::exit(128 + sig);
                }
                if !quiet {
                    let _ = writeln!(
                        io::stderr(),
                        "mlrun: {}: finishing requests in flight, then stopping (send it again to stop now)",
                        signal_name(sig)
                    );
                }
                caught.store(sig, Ordering::SeqCst);
                stop();
            }
        }));
    }
}

impl GracefulStop {
    /// Stops watching; when a signal stopped the server, ends mlrun by that signal once the server
    /// has stopped gracefully, as uvicorn does (`mlflow models serve`, `mlflow ui`): a shell
    /// sees 130 or 143, a supervisor sees the signal.
    pub fn finish(self) {
        let caught = self.caught.load(Ordering::SeqCst);
        drop(self);
        if caught != 0 {
            let _ = io::stdout().flush();
            let _ = signal_hook::low_level::emulate_default_handler(caught);
        }
    }
}

impl Drop for GracefulStop {
    fn drop(&mut self) {
        self.handle.close();
        if let Some(w) = self.watcher.take() {
            let _ = w.join();
        }
    }
}
