//! The hostile suite: one test per attack found on mlrun (issue 13), each failing on the main before
//! its fix. A hostile user, a hostile store on disk, a hostile tracking server and a machine that
//! kills mlrun at any system call.
#[path = "../common/mod.rs"]
mod common;

mod crash;
mod paths;
mod procs;
mod reading;
mod server;
mod walks;
