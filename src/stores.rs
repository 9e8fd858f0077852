//! The one door to the stores: [`Stores::open`] parses a tracking URI once ([`crate::uri`]) and
//! returns the tracking store, the model registry and model-file access behind it, a folder's
//! (`FileStore`, `FileRegistry`) or a tracking server's (`RestStore`, `RestRegistry`). Commands take
//! what they need from here and never test a scheme or open a backend themselves; what differs
//! between the backends (where a model's files are, what a version's source may be) is each
//! backend's trait implementation, so model operations ([`Stores::models`]) are written once.
use crate::error::{Result, StoreError};
use crate::models::{ModelUri, Models};
use crate::registry::{ModelRegistry, ModelVersion};
use crate::store::file::registry::FileRegistry;
use crate::store::file::FileStore;
use crate::store::rest::{RestConfig, RestRegistry, RestStore};
use crate::store::sql::{registry::SqlRegistry, SqlStore};
use crate::store::TrackingStore;
use crate::uri::TrackingUri;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The stores behind one tracking URI.
pub struct Stores {
    /// The URI as given (a server's with its user info, for a child process).
    uri: String,
    display: String,
    backend: Backend,
    /// Where models downloaded from a tracking server are kept, made on first use.
    scratch: OnceLock<tempfile::TempDir>,
    /// The models downloaded so far: URI, files, version.
    downloads: Mutex<Vec<(String, PathBuf, Option<ModelVersion>)>>,
}

enum Backend {
    Folder {
        root: PathBuf,
        tracking: FileStore,
        registry: FileRegistry,
    },
    /// A database in MLflow's schema; the tracking store and the registry share its connection.
    Sql {
        tracking: SqlStore,
        registry: SqlRegistry,
    },
    /// Boxed: a server's handles (HTTP agents) are much larger than a folder's paths.
    Server {
        tracking: Box<RestStore>,
        registry: Box<RestRegistry>,
    },
}

impl Stores {
    /// Opens the stores behind a tracking URI: a plain path or `file:` URI (the folder is created
    /// as MLflow creates it), or an `http(s)://` tracking server reached with `config` (the binary
    /// resolves it from `MLFLOW_TRACKING_*`; this crate never reads the environment). Any other
    /// scheme is [`StoreError::UnsupportedScheme`].
    pub fn open(uri: &str, config: &RestConfig) -> Result<Self> {
        Self::open_with_artifact_root(uri, config, None)
    }

    /// Opens as [`Stores::open`], with the URI new experiments' artifact locations start with
    /// (MLflow's `--default-artifact-root`; `mlflow-artifacts:/` behind a server that proxies
    /// artifacts). `None`: the backend's own default. A tracking server applies its own.
    pub fn open_with_artifact_root(
        uri: &str,
        config: &RestConfig,
        artifact_root: Option<&str>,
    ) -> Result<Self> {
        let backend = match TrackingUri::parse(uri)? {
            TrackingUri::Server(url) => Backend::Server {
                tracking: Box::new(RestStore::new(&url, config.clone())?),
                registry: Box::new(RestRegistry::new(&url, config.clone())?),
            },
            TrackingUri::Database(db) => {
                // MLflow's client keeps a database's artifacts in `./mlruns` (made absolute).
                let root =
                    std::path::absolute("mlruns").map_err(|e| StoreError::io("mlruns", e))?;
                let root = match artifact_root {
                    Some(r) => r.to_string(),
                    None => root.to_string_lossy().into_owned(),
                };
                let tracking = SqlStore::open(&db, &root, crate::clock::now_ms())?;
                Backend::Sql {
                    registry: SqlRegistry::new(tracking.db().clone()),
                    tracking,
                }
            }
            TrackingUri::Local(path) => {
                let tracking =
                    FileStore::open_with_artifact_root(path, artifact_root.map(str::to_string))?;
                let root = tracking.root().to_path_buf();
                Backend::Folder {
                    registry: FileRegistry::open(&root)?,
                    root,
                    tracking,
                }
            }
        };
        Ok(Self {
            uri: uri.to_string(),
            display: crate::uri::display_uri(uri),
            backend,
            scratch: OnceLock::new(),
            downloads: Mutex::new(Vec::new()),
        })
    }

    /// MLflow's `MLFLOW_TRUNCATE_LONG_VALUES`, for a folder store: `true` (the default) truncates
    /// over-long param and tag values, `false` refuses them. A server applies its own setting.
    pub fn truncate_long_values(mut self, on: bool) -> Self {
        if let Backend::Folder { tracking, .. } = &mut self.backend {
            tracking.set_truncate_long_values(on);
        }
        self
    }

    /// The tracking store: experiments, runs, metrics, artifacts.
    pub fn tracking(&self) -> &(dyn TrackingStore + Send + Sync) {
        match &self.backend {
            Backend::Folder { tracking, .. } => tracking,
            Backend::Sql { tracking, .. } => tracking,
            Backend::Server { tracking, .. } => &**tracking,
        }
    }

    /// The tracking store alone, owned.
    pub fn into_tracking(self) -> Box<dyn TrackingStore + Send + Sync> {
        match self.backend {
            Backend::Folder { tracking, .. } => Box::new(tracking),
            Backend::Sql { tracking, .. } => Box::new(tracking),
            Backend::Server { tracking, .. } => tracking,
        }
    }

    /// The model registry: registered models, versions, aliases, stages.
    pub fn registry(&self) -> &(dyn ModelRegistry + Send + Sync) {
        match &self.backend {
            Backend::Folder { registry, .. } => registry,
            Backend::Sql { registry, .. } => registry,
            Backend::Server { registry, .. } => &**registry,
        }
    }

    /// The store's folder (absolute), when the URI names one; `None` for a tracking server.
    pub fn local_root(&self) -> Option<&Path> {
        match &self.backend {
            Backend::Folder { root, .. } => Some(root),
            Backend::Sql { .. } | Backend::Server { .. } => None,
        }
    }

    /// The URI fit to show or record (a server's without its user info).
    pub fn display_uri(&self) -> &str {
        &self.display
    }

    /// The tracking URI a child process (`mlrun exec`) is given: the store folder as an absolute
    /// `file://` URI and a SQLite file as an absolute `sqlite:////…` URI (the child may change
    /// directory), or the server's or PostgreSQL's URI as given.
    pub fn child_uri(&self) -> Result<String> {
        match &self.backend {
            Backend::Folder { root, .. } => {
                let abs = std::fs::canonicalize(root).map_err(|e| StoreError::io(root, e))?;
                Ok(crate::uri::path_to_file_uri(&abs))
            }
            Backend::Sql { .. } => match TrackingUri::parse(&self.uri)? {
                TrackingUri::Database(crate::uri::DbUri::Sqlite { path }) => {
                    let abs = std::fs::canonicalize(&path).map_err(|e| StoreError::io(&path, e))?;
                    Ok(format!(
                        "sqlite:///{}",
                        crate::uri::encode_path(&abs.to_string_lossy())
                    ))
                }
                _ => Ok(self.uri.clone()),
            },
            Backend::Server { .. } => Ok(self.uri.clone()),
        }
    }

    /// What names this store in the tags `mlrun sync` records on what it copies: a server's URL
    /// without user info, or `file://` and the folder's canonical path (unencoded, as earlier
    /// syncs recorded it, so syncing again finds what was copied).
    pub fn sync_label(&self) -> String {
        match &self.backend {
            Backend::Folder { root, .. } => {
                let abs = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
                format!("file://{}", abs.display())
            }
            Backend::Sql { .. } | Backend::Server { .. } => self.display.clone(),
        }
    }

    /// The model operations over these stores: resolve, download, log, register.
    pub fn models(&self) -> Models<'_> {
        Models::new(self.tracking(), self.registry())
    }

    /// The files of the model a URI names (`models:/…`, `runs:/…` or a local path) on this
    /// machine: in place where the store allows, else downloaded once (per URI) into a scratch
    /// folder that lives as long as these stores. Returns the model's folder (or single file) and
    /// the registered version the URI named.
    pub fn model_files(&self, uri: &str) -> Result<(PathBuf, Option<ModelVersion>)> {
        let mut done = self.downloads.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, path, version)) = done.iter().find(|(u, ..)| u == uri) {
            return Ok((path.clone(), version.clone()));
        }
        let scratch = match self.scratch.get() {
            Some(d) => d,
            None => {
                let d = tempfile::Builder::new()
                    .prefix("mlrun-models-")
                    .tempdir()
                    .map_err(|e| StoreError::io(std::env::temp_dir(), e))?;
                self.scratch.get_or_init(|| d)
            }
        };
        let dest = scratch.path().join(done.len().to_string());
        let r = self
            .models()
            .resolve(&ModelUri::parse(uri)?, &dest, &|_| {})?;
        done.push((uri.to_string(), r.path.clone(), r.version.clone()));
        Ok((r.path, r.version))
    }
}

/// The tracking store alone behind a tracking URI (a folder, or a server with default transport
/// settings); see [`Stores::open`].
pub fn open_store(uri: &str) -> Result<Box<dyn TrackingStore + Send + Sync>> {
    Ok(Stores::open(uri, &RestConfig::default())?.into_tracking())
}
