//! (filled in by the procs work)
