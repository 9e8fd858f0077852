//! The binary's one answer to signals: what it says and when it gives up waiting. Commands (`run`,
//! `exec`) get SIGINT/SIGTERM/SIGHUP forwarded by the supervisor (`mlrun::supervise::child`), which
//! reports each step here; servers (`ui`, `models serve`) stop gracefully on the first SIGINT or
//! SIGTERM. Either way a second signal with nothing left to wait for exits at once with 128+signal.
use mlrun::supervise::child::{self, signal_name, SignalEvent};
use signal_hook::iterator::{Handle, Signals};
use std::io::{self, Write};
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
/// (requests in flight finish) and a second one exits at once. Dropping it stops watching.
pub struct GracefulStop {
    signals: Option<Signals>,
    handle: Handle,
    watcher: Option<JoinHandle<()>>,
}

impl GracefulStop {
    pub fn catch() -> io::Result<Self> {
        let signals = Signals::new([libc::SIGINT, libc::SIGTERM])?;
        Ok(Self {
            handle: signals.handle(),
            signals: Some(signals),
            watcher: None,
        })
    }

    pub fn on_signal(&mut self, quiet: bool, stop: impl Fn() + Send + 'static) {
        let Some(mut signals) = self.signals.take() else {
            return;
        };
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
                stop();
            }
        }));
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
