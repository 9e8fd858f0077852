//! The one wall clock the library reads: the time since the Unix epoch (zero if the system clock is
//! set before 1970, never a panic). A test can pin it (`pin`, called once by the binary from a hidden
//! env var): every read then returns the pinned time and moves it on by 1 ms, so readings stay
//! strictly increasing within a process, as they would on a real clock.
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The next pinned reading in milliseconds, or `UNPINNED`.
static PINNED: AtomicI64 = AtomicI64::new(UNPINNED);
const UNPINNED: i64 = i64::MIN;

/// Pins the clock at `ms` milliseconds since the epoch (negative values pin it at the epoch).
pub fn pin(ms: i64) {
    PINNED.store(ms.max(0), Ordering::SeqCst);
}

/// The pinned reading, advancing the pinned clock, or None when it is not pinned.
pub fn pinned_ms() -> Option<i64> {
    PINNED
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |v| {
            (v != UNPINNED).then(|| v.saturating_add(1))
        })
        .ok()
}

/// The time since the Unix epoch.
pub fn now() -> Duration {
    match pinned_ms() {
        Some(ms) => Duration::from_millis(ms as u64),
        None => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default(),
    }
}

/// Milliseconds since the Unix epoch, MLflow's timestamp unit.
pub fn now_ms() -> i64 {
    now().as_millis() as i64
}
