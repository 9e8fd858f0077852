//! Writing what another store holds into a folder with every id, time and status kept (`mlrun
//! migrate DATABASE FOLDER`): an experiment, a run with all its metric points, dataset and model
//! inputs and model outputs, a registered model with its versions and aliases — each in MLflow's
//! file-store layout, built in the staging area and moved into place whole, as every multi-step
//! write of the folder store is.
use super::fsutil::{atomic_write, atomic_write_in, Staging};
use super::layout::Layout;
use super::{meta, metrics, registry, FileStore};
use crate::entities::*;
use crate::error::{Result, StoreError};
use crate::pyyaml::{self, Value as Y};
use std::fs;

fn md5_hex(parts: &[&str]) -> String {
    use md5::Digest;
    let mut h = md5::Md5::new();
    for p in parts {
        h.update(p.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn s(v: &str) -> Y {
    Y::Str(v.to_string())
}

fn text(v: &serde_json::Value, k: &str) -> String {
    v.get(k)
        .and_then(|x| x.as_str())
        .unwrap_or_default()
        .to_string()
}

/// `FileStore._FileStoreInput.write_yaml`/`_FileStoreOutput.write_yaml`, keys sorted as PyYAML
/// dumps them (MLflow writes the source id as the destination id too).
fn vertex_yaml(
    source_type: &str,
    source_id: &str,
    destination_type: &str,
    tags: &[(String, String)],
    step: Option<i64>,
) -> String {
    let mut m = vec![
        ("destination_id".to_string(), s(source_id)),
        ("destination_type".to_string(), s(destination_type)),
        ("source_id".to_string(), s(source_id)),
        ("source_type".to_string(), s(source_type)),
    ];
    if let Some(step) = step {
        m.push(("step".to_string(), Y::Int(step)));
    }
    let tags = tags.iter().map(|(k, v)| (k.clone(), s(v))).collect();
    m.push(("tags".to_string(), Y::Map(tags)));
    m.sort_by(|a, b| a.0.cmp(&b.0));
    pyyaml::dump(&m)
}

/// Whether a folder holds nothing (or does not exist).
fn fsutil_subdirs_empty(dir: &std::path::Path) -> bool {
    fs::read_dir(dir).map_or(true, |mut d| d.next().is_none())
}

impl FileStore {
    /// Writes an experiment as given (its id, name, times, lifecycle stage, tags); a deleted one
    /// goes into `.trash`. Refused when the id is taken.
    pub fn import_experiment(&self, e: &Experiment) -> Result<()> {
        crate::validate::experiment_id(&e.experiment_id)?;
        let target = match e.lifecycle_stage {
            LifecycleStage::Active => self.layout.experiment(&e.experiment_id),
            LifecycleStage::Deleted => self.layout.trashed_experiment(&e.experiment_id),
        };
        // The Default experiment a new folder store starts with gives way to the one imported.
        let fresh_default = e.experiment_id == "0" && {
            let dir = self.layout.experiment("0");
            fs::read_dir(&dir).is_ok_and(|entries| {
                entries
                    .flatten()
                    .all(|x| x.file_name() == "meta.yaml" || x.file_name() == "tags")
            }) && fsutil_subdirs_empty(&Layout::experiment_tags(&dir))
        };
        if fresh_default {
            let dir = self.layout.experiment("0");
            fs::remove_dir_all(&dir).map_err(|err| StoreError::io(&dir, err))?;
        }
        if self.layout.experiment(&e.experiment_id).exists()
            || self.layout.trashed_experiment(&e.experiment_id).exists()
        {
            return Err(StoreError::AlreadyExists(format!(
                "Experiment with id {} already exists in {}",
                e.experiment_id,
                self.layout.root.display()
            )));
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|err| StoreError::io(parent, err))?;
        }
        let staging = Staging::new(&self.layout.root)?;
        let dir = staging.path().to_path_buf();
        for t in &e.tags {
            self.write_value(&Layout::experiment_tags(&dir), &dir, &t.key, &t.value)?;
        }
        let with_tags = e.lifecycle_stage == LifecycleStage::Deleted && !e.tags.is_empty();
        atomic_write(
            &Layout::meta(&dir),
            meta::experiment_yaml(e, with_tags).as_bytes(),
        )?;
        staging.commit(&target)
    }

    /// Writes dataset inputs (REST `DatasetInput`s) as MLflow's file store does: each dataset once
    /// into the experiment's `datasets/<md5(name, digest)>`, and an input record per dataset in
    /// the run folder `run_dir` (live, or staged).
    pub(super) fn write_dataset_inputs(
        &self,
        exp_dir: &std::path::Path,
        run_dir: &std::path::Path,
        run_id: &str,
        inputs: &[serde_json::Value],
    ) -> Result<()> {
        let empty = Vec::new();
        for input in inputs {
            let ds = input.get("dataset").cloned().unwrap_or_default();
            let (name, digest) = (text(&ds, "name"), text(&ds, "digest"));
            let dataset_id = md5_hex(&[&name, &digest]);
            let ds_dir = Layout::dataset(exp_dir, &dataset_id);
            if !ds_dir.exists() {
                let mut m: Vec<(String, Y)> = [
                    "digest",
                    "name",
                    "profile",
                    "schema",
                    "source",
                    "source_type",
                ]
                .iter()
                .map(|k| {
                    let v = match ds.get(*k) {
                        Some(serde_json::Value::String(x)) => s(x),
                        _ => Y::Null,
                    };
                    (k.to_string(), v)
                })
                .collect();
                m.sort_by(|a, b| a.0.cmp(&b.0));
                fs::create_dir_all(&ds_dir).map_err(|e| StoreError::io(&ds_dir, e))?;
                atomic_write(&Layout::meta(&ds_dir), pyyaml::dump(&m).as_bytes())?;
            }
            let tags: Vec<(String, String)> = input
                .get("tags")
                .and_then(|t| t.as_array())
                .unwrap_or(&empty)
                .iter()
                .map(|t| (text(t, "key"), text(t, "value")))
                .collect();
            let input_dir = Layout::inputs(run_dir).join(md5_hex(&[&dataset_id, run_id]));
            fs::create_dir_all(&input_dir).map_err(|e| StoreError::io(&input_dir, e))?;
            atomic_write(
                &Layout::meta(&input_dir),
                vertex_yaml("DATASET", &dataset_id, "RUN", &tags, None).as_bytes(),
            )?;
        }
        Ok(())
    }

    /// Writes a run as given (id, name, user, status, times, stage, artifact URI), its params and
    /// tags, every point of `points`, its dataset inputs (the datasets into its experiment's
    /// `datasets/`, named as MLflow names them), model inputs and model outputs.
    pub fn import_run(&self, run: &Run, points: &[Metric]) -> Result<()> {
        let info = &run.info;
        crate::validate::run_id(&info.run_id)?;
        let exp_dir = self.experiment_dir(&info.experiment_id)?;
        let target = exp_dir.join(&info.run_id);
        if target.exists() {
            return Err(StoreError::AlreadyExists(format!(
                "Run with id {} already exists in {}",
                info.run_id,
                exp_dir.display()
            )));
        }
        let staging = Staging::new(&self.layout.root)?;
        let dir = staging.path().to_path_buf();
        for sub in ["metrics", "params", "artifacts", "tags"] {
            fs::create_dir_all(dir.join(sub)).map_err(|e| StoreError::io(dir.join(sub), e))?;
        }
        for p in &run.data.params {
            self.write_value(&Layout::params(&dir), &dir, &p.key, &p.value)?;
        }
        for t in &run.data.tags {
            self.write_value(&Layout::tags(&dir), &dir, &t.key, &t.value)?;
        }
        let mut files: std::collections::BTreeMap<&str, String> = Default::default();
        for m in points {
            metrics::encode(m, files.entry(m.key.as_str()).or_default());
        }
        for (key, body) in files {
            let path = Layout::value_file(&Layout::metrics(&dir), key);
            atomic_write_in(&path, &dir, body.as_bytes())?;
        }
        let list = |k: &str, map: &serde_json::Map<String, serde_json::Value>| {
            map.get(k)
                .and_then(|v| v.as_array())
                .cloned()
                .unwrap_or_default()
        };
        self.write_dataset_inputs(
            &exp_dir,
            &dir,
            &info.run_id,
            &list("dataset_inputs", &run.inputs),
        )?;
        for input in list("model_inputs", &run.inputs) {
            let model_id = text(&input, "model_id");
            let input_dir = Layout::inputs(&dir).join(md5_hex(&[&model_id, &info.run_id]));
            fs::create_dir_all(&input_dir).map_err(|e| StoreError::io(&input_dir, e))?;
            atomic_write(
                &Layout::meta(&input_dir),
                vertex_yaml("MODEL", &model_id, "RUN", &[], None).as_bytes(),
            )?;
        }
        for output in list("model_outputs", &run.outputs) {
            let model_id = text(&output, "model_id");
            crate::validate::rel_path(&model_id, crate::validate::RelPath::Listed).map_err(
                |reason| StoreError::UnsafeName {
                    name: model_id.clone(),
                    origin: "the source store".into(),
                    reason,
                },
            )?;
            let step = output.get("step").and_then(|v| v.as_i64()).unwrap_or(0);
            let out_dir = Layout::run_output(&dir, &model_id);
            fs::create_dir_all(&out_dir).map_err(|e| StoreError::io(&out_dir, e))?;
            atomic_write(
                &Layout::meta(&out_dir),
                vertex_yaml("RUN_OUTPUT", &model_id, "MODEL_OUTPUT", &[], Some(step)).as_bytes(),
            )?;
        }
        self.write_run_meta(&dir, info)?;
        staging.commit(&target)
    }
}

impl registry::FileRegistry {
    /// Writes a registered model as given (name, times, description, tags, aliases) with its
    /// versions (numbers, stages, sources, runs, tags, times kept). Refused when the name is taken.
    pub fn import_model(
        &self,
        rm: &crate::registry::RegisteredModel,
        versions: &[crate::registry::ModelVersion],
    ) -> Result<()> {
        self.import_model_impl(rm, versions)
    }
}
