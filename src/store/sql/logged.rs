//! MLflow 3 logged models in a database (`logged_models`, `logged_model_params`,
//! `logged_model_tags`, and the run's `RUN_OUTPUT` row in `inputs`), as `create_logged_model`,
//! `finalize_logged_model` and `log_outputs` write them; the files go to the model's artifact
//! location on this machine before the rows are written, in one transaction.
use super::db::{Row, Tx};
use super::rows;
use super::SqlStore;
use crate::entities::Run;
use crate::error::{Result, StoreError};
use crate::store::{LoggedModel, ModelDraft};
use crate::uri::local_path_from_uri;

/// `LoggedModelStatus.READY`.
const LOGGED_MODEL_READY: i64 = 2;
/// `LoggedModelStatus.PENDING`: recorded, its files still to come.
const LOGGED_MODEL_PENDING: i64 = 1;

const MODEL_COLS: &str = "model_id, experiment_id, name, artifact_location, source_run_id, status, creation_timestamp_ms";

fn logged_model(r: &Row) -> LoggedModel {
    LoggedModel {
        model_id: r.str(0),
        experiment_id: r.str(1),
        name: r.str(2),
        artifact_location: r.str(3),
        source_run_id: r.opt_str(4),
        status: r.i64(5),
        creation_timestamp: r.i64(6),
    }
}

fn not_found(model_id: &str) -> StoreError {
    StoreError::NotFound(format!("Logged model with ID '{model_id}' not found."))
}

impl SqlStore {
    fn live_model(tx: &mut Tx, model_id: &str) -> Result<LoggedModel> {
        tx.query_row(
            &format!("SELECT {MODEL_COLS} FROM logged_models WHERE model_id = ? AND (lifecycle_stage IS NULL OR lifecycle_stage <> 'deleted')"),
            &[model_id.into()],
        )?
        .map(|r| logged_model(&r))
        .ok_or_else(|| not_found(model_id))
    }

    pub(super) fn get_logged_model_impl(&self, model_id: &str) -> Result<LoggedModel> {
        self.db.read(|tx| Self::live_model(tx, model_id))
    }

    pub(super) fn find_logged_model_impl(
        &self,
        run: &Run,
        name: &str,
    ) -> Result<Option<LoggedModel>> {
        self.db.read(|tx| {
            Ok(tx
                .query_row(
                    &format!("SELECT {MODEL_COLS} FROM logged_models WHERE source_run_id = ? AND name = ? AND (lifecycle_stage IS NULL OR lifecycle_stage <> 'deleted') ORDER BY creation_timestamp_ms DESC"),
                    &[run.info.run_id.as_str().into(), name.into()],
                )?
                .map(|r| logged_model(&r)))
        })
    }

    pub(super) fn create_logged_model_impl(
        &self,
        run: &Run,
        name: &str,
        fill: &dyn Fn(&ModelDraft) -> Result<()>,
    ) -> Result<LoggedModel> {
        let run_id = run.info.run_id.as_str();
        let exp = self.db.read(|tx| {
            let info = self.active_run_info(tx, run_id)?;
            self.active_experiment(tx, &info.experiment_id)
        })?;
        let model_id = crate::ids::new_model_id();
        let artifact_location = format!(
            "{}/models/{model_id}/artifacts",
            exp.artifact_location.trim_end_matches('/')
        );
        let dir = local_path_from_uri(&artifact_location).map_err(|e| match e {
            StoreError::UnsupportedScheme { scheme } => StoreError::Unsupported(format!(
                "experiment {} keeps its artifacts at '{}': mlrun writes {scheme}: artifacts only through a tracking server",
                exp.experiment_id, exp.artifact_location
            )),
            e => e,
        })?;
        let created = crate::clock::now();
        let created_ms = created.as_millis() as i64;
        let filled = fill(&ModelDraft {
            dir: &dir,
            model_id: &model_id,
            artifact_location: &artifact_location,
            run_id,
            created,
        });
        let lm = LoggedModel {
            model_id: model_id.clone(),
            experiment_id: exp.experiment_id.clone(),
            name: name.to_string(),
            artifact_location: artifact_location.clone(),
            source_run_id: Some(run_id.to_string()),
            status: LOGGED_MODEL_READY,
            creation_timestamp: created_ms,
        };
        let recorded = filled.and_then(|()| self.record_model(run, &lm));
        if let Err(e) = recorded {
            // Files nobody records are removed (the model folder is this call's own).
            if let Some(model_dir) = dir.parent() {
                let _ = std::fs::remove_dir_all(model_dir);
            }
            return Err(e);
        }
        Ok(lm)
    }

    /// Writes a logged model's rows in one transaction: the model, the run's params and source
    /// tags copied onto it, and the run's `RUN_OUTPUT` row, as MLflow's `create_logged_model` and
    /// `log_outputs` write them.
    fn record_model(&self, run: &Run, lm: &LoggedModel) -> Result<()> {
        let run_id = run.info.run_id.as_str();
        let model_id = lm.model_id.as_str();
        self.db.write(|tx| {
            let exp_id = rows::experiment_id(&lm.experiment_id)?;
            self.active_run_info(tx, run_id)?;
            tx.execute(
                "INSERT INTO logged_models (model_id, experiment_id, name, artifact_location, creation_timestamp_ms, last_updated_timestamp_ms, status, lifecycle_stage, model_type, source_run_id, status_message) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', NULL, ?, NULL)",
                &[model_id.into(), exp_id.into(), lm.name.as_str().into(), lm.artifact_location.as_str().into(), lm.creation_timestamp.into(), lm.creation_timestamp.into(), lm.status.into(), run_id.into()],
            )?;
            for p in &run.data.params {
                tx.execute(
                    "INSERT INTO logged_model_params (model_id, experiment_id, param_key, param_value) VALUES (?, ?, ?, ?)",
                    &[model_id.into(), exp_id.into(), p.key.as_str().into(), p.value.as_str().into()],
                )?;
            }
            for key in ["mlflow.source.name", "mlflow.source.type", "mlflow.user"] {
                if let Some(v) = run.tag(key) {
                    tx.execute(
                        "INSERT INTO logged_model_tags (model_id, experiment_id, tag_key, tag_value) VALUES (?, ?, ?, ?)",
                        &[model_id.into(), exp_id.into(), key.into(), v.into()],
                    )?;
                }
            }
            tx.execute(
                "INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id, step) VALUES (?, 'RUN_OUTPUT', ?, 'MODEL_OUTPUT', ?, 0)",
                &[crate::ids::new_run_id().into(), run_id.into(), model_id.into()],
            )?;
            Ok(())
        })
    }

    /// A logged model recorded PENDING, its files to come through a server's artifact proxy.
    pub(super) fn create_logged_model_record_impl(
        &self,
        run: &Run,
        name: &str,
    ) -> Result<LoggedModel> {
        let run_id = run.info.run_id.as_str();
        let exp = self.db.read(|tx| {
            let info = self.active_run_info(tx, run_id)?;
            self.active_experiment(tx, &info.experiment_id)
        })?;
        let model_id = crate::ids::new_model_id();
        let lm = LoggedModel {
            artifact_location: format!(
                "{}/models/{model_id}/artifacts",
                exp.artifact_location.trim_end_matches('/')
            ),
            model_id,
            experiment_id: exp.experiment_id.clone(),
            name: name.to_string(),
            source_run_id: Some(run_id.to_string()),
            status: LOGGED_MODEL_PENDING,
            creation_timestamp: crate::clock::now_ms(),
        };
        self.record_model(run, &lm)?;
        Ok(lm)
    }

    pub(super) fn finalize_logged_model_impl(
        &self,
        model_id: &str,
        status: i64,
    ) -> Result<LoggedModel> {
        self.db.write(|tx| {
            Self::live_model(tx, model_id)?;
            tx.execute(
                "UPDATE logged_models SET status = ?, last_updated_timestamp_ms = ? WHERE model_id = ?",
                &[status.into(), crate::clock::now_ms().into(), model_id.into()],
            )?;
            Self::live_model(tx, model_id)
        })
    }

    pub(super) fn list_logged_models_impl(
        &self,
        experiment_ids: &[String],
    ) -> Result<Vec<LoggedModel>> {
        let ids = experiment_ids
            .iter()
            .map(|id| rows::experiment_id(id))
            .collect::<Result<Vec<i64>>>()?;
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let marks = vec!["?"; ids.len()].join(", ");
        let params: Vec<super::db::Value> = ids.into_iter().map(Into::into).collect();
        self.db.read(|tx| {
            Ok(tx
                .query(
                    &format!("SELECT {MODEL_COLS} FROM logged_models WHERE experiment_id IN ({marks}) AND (lifecycle_stage IS NULL OR lifecycle_stage <> 'deleted') ORDER BY creation_timestamp_ms, model_id"),
                    &params,
                )?
                .iter()
                .map(logged_model)
                .collect())
        })
    }

    /// MLflow's `log_inputs` for dataset inputs: a dataset row per (experiment, name, digest),
    /// an input row per (dataset, run) with its tags; what exists already is left as it is.
    pub(super) fn log_inputs_impl(
        &self,
        run_id: &str,
        datasets: &[serde_json::Value],
    ) -> Result<()> {
        let text = |v: &serde_json::Value, k: &str| -> Option<String> {
            v.get(k).and_then(|x| x.as_str()).map(str::to_string)
        };
        self.db.write(|tx| {
            let info = self.active_run_info(tx, run_id)?;
            let exp_id = rows::experiment_id(&info.experiment_id)?;
            let mut seen = std::collections::HashSet::new();
            for input in datasets {
                let ds = input.get("dataset").ok_or_else(|| {
                    StoreError::InvalidParameter(
                        "Dataset input must have a dataset associated with it.".into(),
                    )
                })?;
                let (name, digest) = (text(ds, "name").unwrap_or_default(), text(ds, "digest").unwrap_or_default());
                if !seen.insert((name.clone(), digest.clone())) {
                    continue;
                }
                let existing = tx
                    .query_row(
                        "SELECT dataset_uuid FROM datasets WHERE experiment_id = ? AND name = ? AND digest = ?",
                        &[exp_id.into(), name.as_str().into(), digest.as_str().into()],
                    )?
                    .map(|r| r.str(0));
                let ds_uuid = match existing {
                    Some(u) => u,
                    None => {
                        let u = crate::ids::new_run_id();
                        tx.execute(
                            "INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source, dataset_schema, dataset_profile) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            &[
                                u.as_str().into(),
                                exp_id.into(),
                                name.as_str().into(),
                                digest.as_str().into(),
                                text(ds, "source_type").unwrap_or_default().into(),
                                text(ds, "source").unwrap_or_default().into(),
                                text(ds, "schema").into(),
                                text(ds, "profile").into(),
                            ],
                        )?;
                        u
                    }
                };
                let have_input = tx
                    .query_row(
                        "SELECT 1 FROM inputs WHERE source_type = 'DATASET' AND source_id = ? AND destination_type = 'RUN' AND destination_id = ?",
                        &[ds_uuid.as_str().into(), run_id.into()],
                    )?
                    .is_some();
                if have_input {
                    continue;
                }
                let input_uuid = crate::ids::new_run_id();
                tx.execute(
                    "INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id) VALUES (?, 'DATASET', ?, 'RUN', ?)",
                    &[input_uuid.as_str().into(), ds_uuid.as_str().into(), run_id.into()],
                )?;
                for tag in input.get("tags").and_then(|t| t.as_array()).into_iter().flatten() {
                    tx.execute(
                        "INSERT INTO input_tags (input_uuid, name, value) VALUES (?, ?, ?)",
                        &[input_uuid.as_str().into(), text(tag, "key").unwrap_or_default().into(), text(tag, "value").unwrap_or_default().into()],
                    )?;
                }
            }
            Ok(())
        })
    }

    pub(super) fn update_logged_model_tag_impl(
        &self,
        model_id: &str,
        key: &str,
        update: &dyn Fn(Option<&str>) -> Option<String>,
    ) -> Result<()> {
        self.db.write(|tx| {
            let lm = Self::live_model(tx, model_id)?;
            let current = tx
                .query_row(
                    "SELECT tag_value FROM logged_model_tags WHERE model_id = ? AND tag_key = ?",
                    &[model_id.into(), key.into()],
                )?
                .map(|r| r.str(0));
            if let Some(value) = update(current.as_deref()) {
                tx.execute(
                    "INSERT INTO logged_model_tags (model_id, experiment_id, tag_key, tag_value) VALUES (?, ?, ?, ?) ON CONFLICT (model_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value",
                    &[model_id.into(), rows::experiment_id(&lm.experiment_id)?.into(), key.into(), value.into()],
                )?;
            }
            Ok(())
        })
    }
}
