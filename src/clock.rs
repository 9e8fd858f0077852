//! The one wall clock the library reads: the time since the Unix epoch (zero if the system clock is
//! set before 1970, never a panic).
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The time since the Unix epoch.
pub fn now() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

/// Milliseconds since the Unix epoch, MLflow's timestamp unit.
pub fn now_ms() -> i64 {
    now().as_millis() as i64
}
