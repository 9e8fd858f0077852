//! (filled in by the server work)
