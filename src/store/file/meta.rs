//! meta.yaml for experiments and runs: written in PyYAML's exact style (sorted keys, MLflow 3.x key
//! set, plus `run_uuid` so MLflow 2.x readers accept our runs), read leniently from any MLflow version.
use crate::entities::*;
use crate::pyyaml::{self, Value};
use crate::store::{Result, StoreError};
use std::path::Path;

fn s(v: &str) -> Value {
    Value::Str(v.to_string())
}

fn opt_int(v: Option<i64>) -> Value {
    v.map_or(Value::Null, Value::Int)
}

/// Experiment meta. `tags` is written only on rewrites (rename, delete, restore), as MLflow does.
pub fn experiment_yaml(e: &Experiment, with_tags: bool) -> String {
    let mut m = vec![
        ("artifact_location".to_string(), s(&e.artifact_location)),
        ("creation_time".to_string(), opt_int(e.creation_time)),
        (
            "effective_trace_archival_retention".to_string(),
            Value::Null,
        ),
        ("experiment_id".to_string(), s(&e.experiment_id)),
        ("last_update_time".to_string(), opt_int(e.last_update_time)),
        ("lifecycle_stage".to_string(), s(e.lifecycle_stage.as_str())),
        ("name".to_string(), s(&e.name)),
        ("trace_location".to_string(), Value::Null),
        ("workspace".to_string(), s("default")),
    ];
    if with_tags {
        let tags = e
            .tags
            .iter()
            .map(|t| (t.key.clone(), s(&t.value)))
            .collect();
        m.push(("tags".to_string(), Value::Map(tags)));
    }
    pyyaml::dump(&m)
}

pub fn run_yaml(r: &RunInfo) -> String {
    let mut m = vec![
        ("artifact_uri".to_string(), s(&r.artifact_uri)),
        ("end_time".to_string(), opt_int(r.end_time)),
        ("entry_point_name".to_string(), s("")),
        ("experiment_id".to_string(), s(&r.experiment_id)),
        ("lifecycle_stage".to_string(), s(r.lifecycle_stage.as_str())),
        ("run_id".to_string(), s(&r.run_id)),
        ("run_name".to_string(), s(&r.run_name)),
        // MLflow 2.x's RunInfo requires run_uuid; 3.x ignores it.
        ("run_uuid".to_string(), s(&r.run_id)),
        ("source_name".to_string(), s("")),
        ("source_type".to_string(), Value::Int(4)),
        ("source_version".to_string(), s("")),
        ("start_time".to_string(), Value::Int(r.start_time)),
        ("status".to_string(), Value::Int(r.status as i64)),
        ("tags".to_string(), Value::List(vec![])),
        ("user_id".to_string(), s(&r.user_id)),
    ];
    if let Some(d) = r.deleted_time {
        m.push(("deleted_time".to_string(), Value::Int(d)));
    }
    pyyaml::dump(&m)
}

fn parse_mapping(path: &Path, text: &str) -> Result<serde_norway::Mapping> {
    let bad = |message: String| StoreError::InvalidState {
        path: path.to_path_buf(),
        message,
    };
    match serde_norway::from_str::<serde_norway::Value>(text) {
        Ok(serde_norway::Value::Mapping(m)) => Ok(m),
        Ok(_) => Err(bad("meta.yaml is not a mapping".into())),
        Err(e) => Err(bad(format!("unreadable YAML: {e}"))),
    }
}

fn get<'a>(m: &'a serde_norway::Mapping, k: &str) -> Option<&'a serde_norway::Value> {
    m.get(serde_norway::Value::String(k.to_string()))
        .filter(|v| !v.is_null())
}

fn get_string(m: &serde_norway::Mapping, k: &str) -> Option<String> {
    match get(m, k)? {
        serde_norway::Value::String(s) => Some(s.clone()),
        serde_norway::Value::Number(n) => Some(n.to_string()),
        serde_norway::Value::Bool(b) => Some(if *b { "True".into() } else { "False".into() }),
        _ => None,
    }
}

fn get_int(m: &serde_norway::Mapping, k: &str) -> Option<i64> {
    match get(m, k)? {
        serde_norway::Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        serde_norway::Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn stage(m: &serde_norway::Mapping, path: &Path) -> Result<LifecycleStage> {
    match get_string(m, "lifecycle_stage").as_deref() {
        None | Some("active") => Ok(LifecycleStage::Active),
        Some("deleted") => Ok(LifecycleStage::Deleted),
        Some(other) => Err(StoreError::InvalidState {
            path: path.to_path_buf(),
            message: format!("unknown lifecycle_stage '{other}'"),
        }),
    }
}

/// Reads an experiment's meta.yaml. Tags come from the tags folder, not from here.
pub fn read_experiment(path: &Path) -> Result<Experiment> {
    let text = std::fs::read_to_string(path).map_err(|e| StoreError::io(path, e))?;
    let m = parse_mapping(path, &text)?;
    let missing = |k: &str| StoreError::InvalidState {
        path: path.to_path_buf(),
        message: format!("missing key '{k}'"),
    };
    Ok(Experiment {
        experiment_id: get_string(&m, "experiment_id").ok_or_else(|| missing("experiment_id"))?,
        name: get_string(&m, "name").ok_or_else(|| missing("name"))?,
        artifact_location: get_string(&m, "artifact_location").unwrap_or_default(),
        lifecycle_stage: stage(&m, path)?,
        last_update_time: get_int(&m, "last_update_time"),
        creation_time: get_int(&m, "creation_time"),
        tags: vec![],
    })
}

pub fn read_run(path: &Path) -> Result<RunInfo> {
    let text = std::fs::read_to_string(path).map_err(|e| StoreError::io(path, e))?;
    let m = parse_mapping(path, &text)?;
    let missing = |k: &str| StoreError::InvalidState {
        path: path.to_path_buf(),
        message: format!("missing key '{k}'"),
    };
    let run_id = get_string(&m, "run_id")
        .or_else(|| get_string(&m, "run_uuid"))
        .ok_or_else(|| missing("run_id"))?;
    let status = match get(&m, "status") {
        None => RunStatus::Running,
        Some(serde_norway::Value::String(s)) => {
            s.parse().map_err(|e: String| StoreError::InvalidState {
                path: path.to_path_buf(),
                message: e,
            })?
        }
        Some(_) => get_int(&m, "status")
            .and_then(RunStatus::from_int)
            .ok_or_else(|| StoreError::InvalidState {
                path: path.to_path_buf(),
                message: "invalid status".into(),
            })?,
    };
    Ok(RunInfo {
        run_uuid: run_id.clone(),
        run_id,
        experiment_id: get_string(&m, "experiment_id").ok_or_else(|| missing("experiment_id"))?,
        run_name: get_string(&m, "run_name").unwrap_or_default(),
        user_id: get_string(&m, "user_id").unwrap_or_default(),
        status,
        start_time: get_int(&m, "start_time").unwrap_or(0),
        end_time: get_int(&m, "end_time"),
        artifact_uri: get_string(&m, "artifact_uri").unwrap_or_default(),
        lifecycle_stage: stage(&m, path)?,
        deleted_time: get_int(&m, "deleted_time"),
    })
}
