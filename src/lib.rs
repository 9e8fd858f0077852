//! mlrun's core: MLflow's file store (`mlruns/`) read and written byte-for-byte, usable from a test or a
//! server without a terminal. Nothing in this crate prints, exits or reads the environment; those
//! decisions belong to the binary (`src/cli/`).
#![warn(clippy::print_stdout, clippy::print_stderr, clippy::exit)]

pub mod account;
pub mod clock;
pub mod datasets;
pub mod doctor;
pub mod entities;
pub mod error;
pub mod evaluate;
pub mod http;
pub mod ids;
pub mod models;
pub mod project;
pub mod pyfloat;
pub mod pyjson;
pub mod pyyaml;
pub mod registry;
pub mod scalars;
pub mod search;
pub mod serve;
pub mod server;
pub mod store;
pub mod stores;
pub mod supervise;
pub mod sync;
pub mod sysmetrics;
pub mod ui;
pub mod uri;
pub mod validate;

pub use entities::*;
pub use store::{StoreError, TrackingStore};
pub use stores::{open_store, Stores};
