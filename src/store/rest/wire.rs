//! MLflow's REST JSON to and from mlrun's entities, and parsed search queries back to the strings
//! the server parses itself. Unknown fields are ignored, as MLflow's clients must.
use crate::entities::*;
use crate::search::{Comparator, RunEntity, RunFilter, RunOrderBy, RunValue};
use crate::store::{Result, StoreError};
use serde_json::{json, Map, Value};

fn bad(what: &str) -> StoreError {
    StoreError::Transport(format!(
        "the tracking server sent a malformed {what}; is it an MLflow tracking server?"
    ))
}

fn s(v: &Value, k: &str) -> String {
    match v.get(k) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn i(v: &Value, k: &str) -> Option<i64> {
    match v.get(k) {
        Some(Value::Number(n)) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Some(Value::String(s)) => s.parse().ok(),
        _ => None,
    }
}

pub fn kvs(v: Option<&Value>) -> Vec<KeyValue> {
    v.and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .map(|kv| KeyValue::new(s(kv, "key"), s(kv, "value")))
                .collect()
        })
        .unwrap_or_default()
}

pub fn kvs_json(items: &[KeyValue]) -> Value {
    Value::Array(
        items
            .iter()
            .map(|t| json!({"key": t.key, "value": t.value}))
            .collect(),
    )
}

fn stage(v: &Value) -> LifecycleStage {
    if s(v, "lifecycle_stage") == "deleted" {
        LifecycleStage::Deleted
    } else {
        LifecycleStage::Active
    }
}

pub fn experiment(v: &Value) -> Result<Experiment> {
    if !v.is_object() {
        return Err(bad("experiment"));
    }
    Ok(Experiment {
        experiment_id: s(v, "experiment_id"),
        name: s(v, "name"),
        artifact_location: s(v, "artifact_location"),
        lifecycle_stage: stage(v),
        last_update_time: i(v, "last_update_time"),
        creation_time: i(v, "creation_time"),
        tags: kvs(v.get("tags")),
    })
}

pub fn run_info(v: &Value) -> Result<RunInfo> {
    if !v.is_object() {
        return Err(bad("run info"));
    }
    let mut id = s(v, "run_id");
    if id.is_empty() {
        id = s(v, "run_uuid");
    }
    let status = match v.get("status") {
        Some(Value::Number(n)) => n.as_i64().and_then(RunStatus::from_int),
        Some(Value::String(st)) => st.parse().ok(),
        _ => None,
    }
    .unwrap_or(RunStatus::Running);
    Ok(RunInfo {
        run_uuid: id.clone(),
        experiment_id: s(v, "experiment_id"),
        run_name: s(v, "run_name"),
        user_id: s(v, "user_id"),
        status,
        start_time: i(v, "start_time").unwrap_or(0),
        end_time: i(v, "end_time"),
        artifact_uri: s(v, "artifact_uri"),
        lifecycle_stage: stage(v),
        run_id: id,
        deleted_time: None,
    })
}

/// A metric value: a JSON number, or one of the strings MLflow writes for NaN and ±inf.
pub fn metric_value(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => match s.as_str() {
            "NaN" | "nan" => Some(f64::NAN),
            "Infinity" | "inf" => Some(f64::INFINITY),
            "-Infinity" | "-inf" => Some(f64::NEG_INFINITY),
            other => other.parse().ok(),
        },
        _ => None,
    }
}

pub fn metric(v: &Value) -> Result<Metric> {
    Ok(Metric {
        key: s(v, "key"),
        value: metric_value(v.get("value")).ok_or_else(|| bad("metric"))?,
        timestamp: i(v, "timestamp").unwrap_or(0),
        step: i(v, "step").unwrap_or(0),
    })
}

pub fn metric_json(m: &Metric) -> Value {
    let value = if m.value.is_nan() {
        json!("NaN")
    } else if m.value.is_infinite() {
        json!(if m.value > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        })
    } else {
        json!(m.value)
    };
    json!({"key": m.key, "value": value, "timestamp": m.timestamp, "step": m.step})
}

fn obj(v: Option<&Value>) -> Map<String, Value> {
    v.and_then(|v| v.as_object()).cloned().unwrap_or_default()
}

pub fn run(v: &Value) -> Result<Run> {
    let info = run_info(v.get("info").ok_or_else(|| bad("run"))?)?;
    let data = v.get("data");
    let metrics = data
        .and_then(|d| d.get("metrics"))
        .and_then(|m| m.as_array())
        .map(|a| a.iter().map(metric).collect::<Result<Vec<_>>>())
        .transpose()?
        .unwrap_or_default();
    Ok(Run {
        info,
        data: RunData {
            metrics,
            params: kvs(data.and_then(|d| d.get("params"))),
            tags: kvs(data.and_then(|d| d.get("tags"))),
        },
        inputs: obj(v.get("inputs")),
        outputs: obj(v.get("outputs")),
    })
}

pub fn view_name(v: ViewType) -> &'static str {
    match v {
        ViewType::ActiveOnly => "ACTIVE_ONLY",
        ViewType::DeletedOnly => "DELETED_ONLY",
        ViewType::All => "ALL",
    }
}

// ------------------------------------------------------------------------------ query rendering

fn entity_prefix(e: RunEntity) -> &'static str {
    match e {
        RunEntity::Metric => "metrics",
        RunEntity::Param => "params",
        RunEntity::Tag => "tags",
        RunEntity::Attribute => "attributes",
        RunEntity::Dataset => "datasets",
    }
}

fn identifier(e: RunEntity, key: &str) -> Result<String> {
    let quoted = if !key.contains('`') {
        format!("`{key}`")
    } else if !key.contains('"') {
        format!("\"{key}\"")
    } else {
        return Err(StoreError::InvalidParameter(format!(
            "the key {key:?} holds both ` and \", which cannot be sent to a tracking server"
        )));
    };
    Ok(format!("{}.{quoted}", entity_prefix(e)))
}

fn string_literal(v: &str) -> Result<String> {
    if !v.contains('\'') && !v.ends_with('\\') {
        Ok(format!("'{v}'"))
    } else if !v.contains('"') && !v.ends_with('\\') {
        Ok(format!("\"{v}\""))
    } else {
        Err(StoreError::InvalidParameter(format!(
            "the value {v:?} cannot be quoted for a tracking server's filter"
        )))
    }
}

fn number(f: f64) -> String {
    if f.is_infinite() {
        // A literal that overflows to ±inf on the server too.
        if f > 0.0 { "1e999" } else { "-1e999" }.to_string()
    } else {
        format!("{f:?}")
    }
}

fn comparator(c: Comparator) -> &'static str {
    match c {
        Comparator::Gt => ">",
        Comparator::Ge => ">=",
        Comparator::Eq => "=",
        Comparator::Ne => "!=",
        Comparator::Lt => "<",
        Comparator::Le => "<=",
        Comparator::Like => "LIKE",
        Comparator::ILike => "ILIKE",
        Comparator::In => "IN",
        Comparator::NotIn => "NOT IN",
        Comparator::IsNull => "IS NULL",
        Comparator::IsNotNull => "IS NOT NULL",
    }
}

/// A parsed filter as a string the server's parser reads the same way (keys always quoted).
pub fn render_filter(f: &RunFilter) -> Result<String> {
    let mut parts = Vec::with_capacity(f.clauses.len());
    for c in &f.clauses {
        let lhs = identifier(c.entity, &c.key)?;
        let op = comparator(c.comparator);
        let rhs = match &c.value {
            RunValue::Metric(v) | RunValue::Float(v) => number(*v),
            RunValue::Int(v) => v.to_string(),
            RunValue::Str(v) => string_literal(v)?,
            RunValue::List(items) => {
                let items = items
                    .iter()
                    .map(|v| string_literal(v))
                    .collect::<Result<Vec<_>>>()?;
                format!("({})", items.join(", "))
            }
            RunValue::None => String::new(),
        };
        parts.push(if rhs.is_empty() {
            format!("{lhs} {op}")
        } else {
            format!("{lhs} {op} {rhs}")
        });
    }
    Ok(parts.join(" AND "))
}

pub fn render_order_by(o: &RunOrderBy) -> Result<String> {
    Ok(format!(
        "{} {}",
        identifier(o.entity, &o.key)?,
        if o.ascending { "ASC" } else { "DESC" }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{parse_run_filter, parse_run_order_by};

    #[test]
    fn filters_round_trip_through_the_parser() {
        for f in [
            "metrics.acc > 0.5 and params.lr = '0.01'",
            "tags.`with space` LIKE '%x%' AND attributes.run_id IN ('a', 'b')",
            "tags.t IS NULL and params.\"p-q\" IS NOT NULL",
            "attribute.start_time >= 17 AND metrics.m < -1e308 and status = \"it's\"",
            "run_name ILIKE 'x%' and datasets.name = 'd'",
        ] {
            let parsed = parse_run_filter(f).unwrap();
            let text = render_filter(&parsed).unwrap();
            let again = parse_run_filter(&text).unwrap();
            assert_eq!(parsed.clauses.len(), again.clauses.len(), "{text}");
            for (a, b) in parsed.clauses.iter().zip(&again.clauses) {
                assert_eq!(
                    (a.entity, &a.key, a.comparator, &a.value),
                    (b.entity, &b.key, b.comparator, &b.value),
                    "{text}"
                );
            }
        }
        let o = parse_run_order_by("metrics.`m/x` DESC").unwrap();
        let again = parse_run_order_by(&render_order_by(&o).unwrap()).unwrap();
        assert_eq!(o, again);
    }

    #[test]
    fn odd_metric_values_parse() {
        let m = metric(&json!({"key": "k", "value": "NaN", "timestamp": 1, "step": 2})).unwrap();
        assert!(m.value.is_nan());
        assert_eq!(metric_json(&m)["value"], "NaN");
        let m = metric(&json!({"key": "k", "value": "-Infinity", "timestamp": 1})).unwrap();
        assert_eq!(m.value, f64::NEG_INFINITY);
    }
}
