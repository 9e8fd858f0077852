//! MLflow's SQL stores: a database in MLflow's own schema (`sqlite:///mlflow.db`, MLflow 3's
//! default, and `postgresql://…`), read and written row for row as MLflow's `SqlAlchemyStore` does,
//! so MLflow reads every row mlrun writes and the reverse. [`db`] is the one connection interface
//! over both engines, [`schema`] the tables and the revision check.
pub mod db;
mod logged;
pub mod migrate;
pub mod registry;
mod rows;
pub mod schema;
mod search;
mod tracking;

use crate::error::Result;
use crate::uri::DbUri;
use db::Db;
use std::sync::Arc;

/// An open MLflow database with the artifact root new experiments default to.
pub struct SqlStore {
    db: Arc<Db>,
    /// Where an experiment created without an artifact location keeps its artifacts
    /// (`<root>/<experiment id>`): MLflow's client uses `./mlruns` made absolute.
    artifact_root: String,
}

impl SqlStore {
    /// Opens (and on first use sets up) the database `uri` names; see [`schema::prepare`].
    pub fn open(uri: &DbUri, artifact_root: &str, now_ms: i64) -> Result<Self> {
        let db = Db::connect(uri)?;
        schema::prepare(&db, artifact_root, now_ms)?;
        Ok(Self {
            db: Arc::new(db),
            artifact_root: artifact_root.trim_end_matches('/').to_string(),
        })
    }

    /// The connection (shared with the registry in the same database).
    pub fn db(&self) -> &Arc<Db> {
        &self.db
    }

    /// The default artifact root.
    pub fn artifact_root(&self) -> &str {
        &self.artifact_root
    }
}
