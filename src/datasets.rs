//! Dataset inputs as MLflow records them (`mlflow.log_input`): the `DatasetInput` a source path or
//! URI makes, with MLflow's `MetaDataset` digest when none is given.
mod pandas;
mod parquet_file;

pub use pandas::{csv_dataset, DigestError, PandasRecord};
pub use parquet_file::{is_parquet, parquet_dataset};
/// The names these had when only CSV files were read.
pub type CsvDataset = PandasRecord;
pub type CsvDigestError = DigestError;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// Where a dataset comes from, as MLflow's dataset sources name it: `(source_type, source JSON)`.
/// A local path is a `local` source (`{"uri": path}`), an `http(s)://` URL an `http` source
/// (`{"url": …}`), any other `scheme://` URI a source of that scheme (`{"uri": …}`).
pub fn source_of(source: &str) -> (String, String) {
    let scheme = source
        .split_once("://")
        .map(|(s, _)| s.to_ascii_lowercase())
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '+'));
    match scheme.as_deref() {
        Some("http" | "https") => ("http".into(), crate::pyjson::dumps(&json!({"url": source}))),
        Some(s) if s != "file" => (s.to_string(), crate::pyjson::dumps(&json!({"uri": source}))),
        _ => (
            "local".into(),
            crate::pyjson::dumps(&json!({"uri": source})),
        ),
    }
}

/// MLflow's `MetaDataset` digest: the first 8 hex digits of the SHA-256 of
/// `json.dumps({"name": …, "source": …, "source_type": …, "schema": …})`, the schema being its
/// colspec list (`schema.to_dict()`) or `""`. `schema` is MLflow's schema JSON text
/// (`{"mlflow_colspec": [...]}`); its colspecs are hashed as written, so a file `json.dumps` wrote
/// gives MLflow's digest.
pub fn meta_digest(
    name: &str,
    source_json: &str,
    source_type: &str,
    schema: Option<&str>,
) -> Result<String, String> {
    #[derive(serde::Deserialize)]
    struct Colspecs<'a> {
        #[serde(borrow)]
        mlflow_colspec: &'a serde_json::value::RawValue,
    }
    let schema_text = match schema {
        None => crate::pyjson::dumps_str(""),
        Some(text) => serde_json::from_str::<Colspecs>(text)
            .map_err(|e| format!("not MLflow's schema JSON ({{\"mlflow_colspec\": [...]}}): {e}"))?
            .mlflow_colspec
            .get()
            .to_string(),
    };
    let text = format!(
        "{{\"name\": {}, \"source\": {}, \"source_type\": {}, \"schema\": {schema_text}}}",
        crate::pyjson::dumps_str(name),
        crate::pyjson::dumps_str(source_json),
        crate::pyjson::dumps_str(source_type),
    );
    let hash = Sha256::digest(text.as_bytes());
    Ok(hash.iter().take(4).map(|b| format!("{b:02x}")).collect())
}

/// The `DatasetInput` (REST shape) for a dataset: name, digest, source, optional schema and
/// profile (JSON text), and the `mlflow.data.context` tag when a context is given.
pub fn dataset_input(
    name: &str,
    digest: &str,
    source_type: &str,
    source_json: &str,
    schema: Option<&str>,
    profile: Option<&str>,
    context: Option<&str>,
) -> Value {
    let mut ds = json!({
        "name": name,
        "digest": digest,
        "source_type": source_type,
        "source": source_json,
    });
    if let Some(s) = schema {
        ds["schema"] = json!(s);
    }
    if let Some(p) = profile {
        ds["profile"] = json!(p);
    }
    let tags: Vec<Value> = context
        .map(|c| vec![json!({"key": "mlflow.data.context", "value": c})])
        .unwrap_or_default();
    json!({"dataset": ds, "tags": tags})
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values computed by MLflow 3.17.2: `MetaDataset(LocalArtifactDatasetSource("data/train.csv"),
    /// name="train").digest` and `MetaDataset(HTTPDatasetSource("https://x/y.csv"), name="é").digest`.
    #[test]
    fn digests_follow_mlflow_meta_dataset() {
        let (t, s) = source_of("data/train.csv");
        assert_eq!(
            (t.as_str(), s.as_str()),
            ("local", "{\"uri\": \"data/train.csv\"}")
        );
        let (t2, s2) = source_of("https://x/y.csv");
        assert_eq!(
            (t2.as_str(), s2.as_str()),
            ("http", "{\"url\": \"https://x/y.csv\"}")
        );
        assert_eq!(source_of("s3://b/k").0, "s3");
        assert_eq!(meta_digest("train", &s, &t, None).unwrap(), "ce52de5d");
        assert_eq!(meta_digest("é", &s2, &t2, None).unwrap(), "b5987e1c");
    }
}
