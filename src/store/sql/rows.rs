//! Reading MLflow's tracking tables into entities, in bulk: one query per table for a whole set of
//! runs (named by a `WHERE` over `runs`), so a listing or a search page costs a few statements, not
//! a few per run. Values are read as MLflow's `to_mlflow_entity` reads them (a NaN metric is stored
//! as `is_nan` with value 0; a run without a name takes its `mlflow.runName` tag).
use super::db::{Row, Tx, Value};
use crate::entities::*;
use crate::error::{Result, StoreError};
use std::collections::HashMap;

/// The `runs` columns [`run_info`] reads, in its order.
pub const RUN_COLS: &str = "run_uuid, name, user_id, status, start_time, end_time, lifecycle_stage, artifact_uri, experiment_id, deleted_time";

/// The `experiments` columns [`experiment`] reads, in its order.
pub const EXP_COLS: &str =
    "experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time";

pub fn stage(s: &str) -> LifecycleStage {
    if s == "deleted" {
        LifecycleStage::Deleted
    } else {
        LifecycleStage::Active
    }
}

/// MLflow's `_parse_experiment_id`: experiment ids are integers in a database.
pub fn experiment_id(id: &str) -> Result<i64> {
    id.trim().parse::<i64>().map_err(|_| {
        StoreError::InvalidParameter(format!(
            "Invalid experiment ID '{id}'. Experiment ID must be a valid integer."
        ))
    })
}

/// `?, ?, …` for `n` values.
pub fn marks(n: usize) -> String {
    vec!["?"; n].join(", ")
}

pub fn run_info(row: &Row) -> Result<RunInfo> {
    let run_id = row.str(0);
    let status_text = row.str(3);
    let status = status_text.parse::<RunStatus>().map_err(|_| {
        StoreError::InvalidParameter(format!(
            "run {run_id} has status '{status_text}', which is not one of MLflow's run statuses"
        ))
    })?;
    Ok(RunInfo {
        run_uuid: run_id.clone(),
        run_id,
        run_name: row.str(1),
        user_id: row.str(2),
        status,
        start_time: row.i64(4),
        end_time: row.opt_i64(5),
        lifecycle_stage: stage(&row.str(6)),
        artifact_uri: row.str(7),
        experiment_id: row.str(8),
        deleted_time: row.opt_i64(9),
    })
}

pub fn experiment(row: &Row) -> Experiment {
    Experiment {
        experiment_id: row.str(0),
        name: row.str(1),
        artifact_location: row.str(2),
        lifecycle_stage: stage(&row.str(3)),
        creation_time: row.opt_i64(4),
        last_update_time: row.opt_i64(5),
        tags: Vec::new(),
    }
}

/// A stored metric value as MLflow reads it back.
pub fn metric_value(row: &Row, value: usize, is_nan: usize) -> f64 {
    if row.bool(is_nan) {
        f64::NAN
    } else {
        row.opt_f64(value).unwrap_or(0.0)
    }
}

/// Experiments (by a `WHERE` over `experiments`) with their tags, ordered by id.
pub fn experiments(tx: &mut Tx, filter: &str, params: &[Value]) -> Result<Vec<Experiment>> {
    let rows = tx.query(
        &format!("SELECT {EXP_COLS} FROM experiments WHERE {filter} ORDER BY experiment_id"),
        params,
    )?;
    let mut out: Vec<Experiment> = rows.iter().map(experiment).collect();
    let tags = tx.query(
        &format!(
            "SELECT experiment_id, key, value FROM experiment_tags WHERE experiment_id IN (SELECT experiment_id FROM experiments WHERE {filter}) ORDER BY experiment_id, key"
        ),
        params,
    )?;
    let mut by_id: HashMap<String, Vec<Tag>> = HashMap::new();
    for t in tags {
        by_id
            .entry(t.str(0))
            .or_default()
            .push(Tag::new(t.str(1), t.str(2)));
    }
    for e in &mut out {
        e.tags = by_id.remove(&e.experiment_id).unwrap_or_default();
    }
    Ok(out)
}

/// Which parts of a run to read.
#[derive(Clone, Copy)]
pub struct Parts {
    pub data: bool,
    pub io: bool,
}

impl Parts {
    pub const ALL: Parts = Parts {
        data: true,
        io: true,
    };
}

/// The runs a `WHERE` over `runs` selects, whole, in the order `order` gives.
pub fn runs(
    tx: &mut Tx,
    filter: &str,
    params: &[Value],
    order: &str,
    parts: Parts,
) -> Result<Vec<Run>> {
    let rows = tx.query(
        &format!("SELECT {RUN_COLS} FROM runs WHERE {filter} ORDER BY {order}"),
        params,
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        out.push(Run {
            info: run_info(r)?,
            data: RunData::default(),
            inputs: serde_json::Map::new(),
            outputs: serde_json::Map::new(),
        });
    }
    if out.is_empty() {
        return Ok(out);
    }
    let mut index: HashMap<String, usize> = HashMap::with_capacity(out.len());
    for (i, r) in out.iter().enumerate() {
        index.insert(r.info.run_id.clone(), i);
    }
    let sub = format!("SELECT run_uuid FROM runs WHERE {filter}");
    if parts.data {
        for row in tx.query(
            &format!("SELECT run_uuid, key, value, timestamp, step, is_nan FROM latest_metrics WHERE run_uuid IN ({sub}) ORDER BY run_uuid, key"),
            params,
        )? {
            if let Some(&i) = index.get(&row.str(0)) {
                out[i].data.metrics.push(Metric {
                    key: row.str(1),
                    value: metric_value(&row, 2, 5),
                    timestamp: row.i64(3),
                    step: row.i64(4),
                });
            }
        }
        for (table, is_params) in [("params", true), ("tags", false)] {
            for row in tx.query(
                &format!("SELECT run_uuid, key, value FROM {table} WHERE run_uuid IN ({sub}) ORDER BY run_uuid, key"),
                params,
            )? {
                if let Some(&i) = index.get(&row.str(0)) {
                    let kv = KeyValue::new(row.str(1), row.str(2));
                    if is_params {
                        out[i].data.params.push(kv);
                    } else {
                        out[i].data.tags.push(kv);
                    }
                }
            }
        }
        for r in &mut out {
            if r.info.run_name.is_empty() {
                if let Some(name) = r.tag("mlflow.runName") {
                    r.info.run_name = name.to_string();
                }
            }
        }
    }
    if parts.io {
        read_inputs_outputs(tx, &sub, params, &index, &mut out)?;
    }
    Ok(out)
}

/// Dataset inputs (with their input tags), model inputs and model outputs, as MLflow 3 keeps them
/// in `inputs`, `input_tags` and `datasets`.
fn read_inputs_outputs(
    tx: &mut Tx,
    sub: &str,
    params: &[Value],
    index: &HashMap<String, usize>,
    out: &mut [Run],
) -> Result<()> {
    use serde_json::{json, Value as J};
    let datasets = tx.query(
        &format!(
            "SELECT i.destination_id, i.input_uuid, d.name, d.digest, d.dataset_source_type, d.dataset_source, d.dataset_schema, d.dataset_profile FROM inputs i JOIN datasets d ON i.source_id = d.dataset_uuid WHERE i.destination_type = 'RUN' AND i.destination_id IN ({sub})"
        ),
        params,
    )?;
    let mut input_tags: HashMap<String, Vec<J>> = HashMap::new();
    if !datasets.is_empty() {
        for t in tx.query(
            &format!(
                "SELECT t.input_uuid, t.name, t.value FROM input_tags t JOIN inputs i ON i.input_uuid = t.input_uuid WHERE i.destination_type = 'RUN' AND i.destination_id IN ({sub})"
            ),
            params,
        )? {
            input_tags
                .entry(t.str(0))
                .or_default()
                .push(json!({"key": t.str(1), "value": t.str(2)}));
        }
    }
    let mut dataset_inputs: HashMap<usize, Vec<J>> = HashMap::new();
    for d in &datasets {
        let Some(&i) = index.get(&d.str(0)) else {
            continue;
        };
        let ds = Dataset {
            name: d.str(2),
            digest: d.str(3),
            source_type: d.str(4),
            source: d.str(5),
            schema: d.str(6),
            profile: d.str(7),
        };
        let tags = input_tags.remove(&d.str(1)).unwrap_or_default();
        dataset_inputs
            .entry(i)
            .or_default()
            .push(json!({"tags": tags, "dataset": ds}));
    }
    let mut model_inputs: HashMap<usize, Vec<J>> = HashMap::new();
    let mut model_outputs: HashMap<usize, Vec<J>> = HashMap::new();
    for m in tx.query(
        &format!(
            "SELECT source_type, source_id, destination_id, step FROM inputs WHERE source_type IN ('RUN_INPUT', 'RUN_OUTPUT') AND destination_type IN ('MODEL_INPUT', 'MODEL_OUTPUT') AND source_id IN ({sub})"
        ),
        params,
    )? {
        let Some(&i) = index.get(&m.str(1)) else {
            continue;
        };
        if m.str(0) == "RUN_INPUT" {
            model_inputs
                .entry(i)
                .or_default()
                .push(json!({"model_id": m.str(2)}));
        } else {
            model_outputs
                .entry(i)
                .or_default()
                .push(json!({"model_id": m.str(2), "step": m.i64(3)}));
        }
    }
    for (i, run) in out.iter_mut().enumerate() {
        let ds = dataset_inputs.remove(&i);
        let mi = model_inputs.remove(&i);
        if ds.is_some() || mi.is_some() {
            run.inputs
                .insert("dataset_inputs".into(), J::Array(ds.unwrap_or_default()));
            run.inputs
                .insert("model_inputs".into(), J::Array(mi.unwrap_or_default()));
        }
        if let Some(mo) = model_outputs.remove(&i) {
            run.outputs.insert("model_outputs".into(), J::Array(mo));
        }
    }
    Ok(())
}
