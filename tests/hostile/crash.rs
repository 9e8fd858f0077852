//! (filled in by the crash work)
