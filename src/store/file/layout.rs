//! Every path inside `mlruns/`, in one place. Keys reaching these functions have passed
//! `validate::key`, so they cannot climb out of their folder.
use std::path::{Path, PathBuf};

pub const TRASH: &str = ".trash";
pub const META: &str = "meta.yaml";
/// Folder names under the root that are not experiments (the last is where multi-step writes are
/// staged, see `fsutil::STAGING_DIR`).
pub const ROOT_RESERVED: &[&str] = &[TRASH, "models", super::fsutil::STAGING_DIR];
/// Folder names inside an experiment that are not runs.
pub const EXPERIMENT_RESERVED: &[&str] = &["tags", "datasets", "traces", "models"];

#[derive(Debug, Clone)]
pub struct Layout {
    pub root: PathBuf,
}

impl Layout {
    pub fn trash(&self) -> PathBuf {
        self.root.join(TRASH)
    }
    pub fn experiment(&self, id: &str) -> PathBuf {
        self.root.join(id)
    }
    pub fn trashed_experiment(&self, id: &str) -> PathBuf {
        self.trash().join(id)
    }
    pub fn meta(dir: &Path) -> PathBuf {
        dir.join(META)
    }
    pub fn experiment_tags(exp_dir: &Path) -> PathBuf {
        exp_dir.join("tags")
    }
    pub fn params(run_dir: &Path) -> PathBuf {
        run_dir.join("params")
    }
    pub fn metrics(run_dir: &Path) -> PathBuf {
        run_dir.join("metrics")
    }
    pub fn tags(run_dir: &Path) -> PathBuf {
        run_dir.join("tags")
    }
    pub fn artifacts(run_dir: &Path) -> PathBuf {
        run_dir.join("artifacts")
    }
    /// `<run>/inputs/`: one folder per dataset or model input, each with a meta.yaml.
    pub fn inputs(run_dir: &Path) -> PathBuf {
        run_dir.join("inputs")
    }
    /// `<exp>/datasets/<dataset_id>/`, shared by the experiment's runs.
    pub fn dataset(exp_dir: &Path, dataset_id: &str) -> PathBuf {
        exp_dir.join("datasets").join(dataset_id)
    }
    /// `<folder>/<key>`, with `/` in the key becoming nested folders.
    pub fn value_file(folder: &Path, key: &str) -> PathBuf {
        let mut p = folder.to_path_buf();
        for part in key.split('/') {
            p.push(part);
        }
        p
    }
    /// A folder counts as a run only with all three of metrics/, params/ and artifacts/.
    pub fn is_run_dir(dir: &Path) -> bool {
        Self::metrics(dir).is_dir() && Self::params(dir).is_dir() && Self::artifacts(dir).is_dir()
    }
    /// The default artifact root: the store root as a `file://` URI.
    pub fn artifact_root_uri(&self) -> String {
        path_to_file_uri(&self.root)
    }
}

pub use crate::uri::path_to_file_uri;

/// The model registry (`<root>/models/…`, spec §3) and MLflow 3 logged models (`<exp>/models/m-…`,
/// spec §1.8). Names reaching these have passed `registry::validate_model_name`.
pub const REGISTRY_DIR: &str = "models";
pub const VERSION_PREFIX: &str = "version-";

impl Layout {
    pub fn registry(&self) -> PathBuf {
        self.root.join(REGISTRY_DIR)
    }
    pub fn registered_model(&self, name: &str) -> PathBuf {
        self.registry().join(name)
    }
    pub fn model_version(&self, name: &str, version: i64) -> PathBuf {
        self.registered_model(name)
            .join(format!("{VERSION_PREFIX}{version}"))
    }
    /// `tags/` of a registered model or a model version.
    pub fn registry_tags(dir: &Path) -> PathBuf {
        dir.join("tags")
    }
    pub fn aliases(model_dir: &Path) -> PathBuf {
        model_dir.join("aliases")
    }
    /// The folder of an experiment's logged models (MLflow 3).
    pub fn logged_models(exp_dir: &Path) -> PathBuf {
        exp_dir.join("models")
    }
    pub fn logged_model_artifacts(model_dir: &Path) -> PathBuf {
        model_dir.join("artifacts")
    }
    /// `<run>/outputs/<model_id>/`: the record that a run produced a logged model.
    pub fn run_output(run_dir: &Path, model_id: &str) -> PathBuf {
        run_dir.join("outputs").join(model_id)
    }
    pub fn run_outputs(run_dir: &Path) -> PathBuf {
        run_dir.join("outputs")
    }
    /// The `MLmodel` file of a model folder.
    pub fn mlmodel(model_dir: &Path) -> PathBuf {
        model_dir.join("MLmodel")
    }
}
