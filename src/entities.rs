//! The tracking entities, with serde shapes that follow MLflow's REST API (snake_case field names in
//! protobuf order; int64 as JSON numbers; NaN and ±inf as the strings MLflow uses).
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Run status, stored as an integer in meta.yaml and as a name over REST.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus {
    Running = 1,
    Scheduled = 2,
    Finished = 3,
    Failed = 4,
    Killed = 5,
}

impl RunStatus {
    pub fn from_int(i: i64) -> Option<Self> {
        Some(match i {
            1 => Self::Running,
            2 => Self::Scheduled,
            3 => Self::Finished,
            4 => Self::Failed,
            5 => Self::Killed,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Running => "RUNNING",
            Self::Scheduled => "SCHEDULED",
            Self::Finished => "FINISHED",
            Self::Failed => "FAILED",
            Self::Killed => "KILLED",
        }
    }
    pub fn is_terminated(self) -> bool {
        matches!(self, Self::Finished | Self::Failed | Self::Killed)
    }
}

impl fmt::Display for RunStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RunStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s.to_ascii_uppercase().as_str() {
            "RUNNING" => Self::Running,
            "SCHEDULED" => Self::Scheduled,
            "FINISHED" => Self::Finished,
            "FAILED" => Self::Failed,
            "KILLED" => Self::Killed,
            _ => return Err(format!("invalid run status '{s}'")),
        })
    }
}

impl Serialize for RunStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// `active` or `deleted`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LifecycleStage {
    Active,
    Deleted,
}

impl LifecycleStage {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Deleted => "deleted",
        }
    }
}

/// Which runs or experiments a listing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViewType {
    #[default]
    ActiveOnly,
    DeletedOnly,
    All,
}

impl ViewType {
    pub fn admits(self, stage: LifecycleStage) -> bool {
        match self {
            Self::ActiveOnly => stage == LifecycleStage::Active,
            Self::DeletedOnly => stage == LifecycleStage::Deleted,
            Self::All => true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyValue {
    pub key: String,
    pub value: String,
}

impl KeyValue {
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            value: value.into(),
        }
    }
}

pub type Param = KeyValue;
pub type Tag = KeyValue;

fn ser_f64<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.is_nan() {
        s.serialize_str("NaN")
    } else if v.is_infinite() {
        s.serialize_str(if *v > 0.0 { "Infinity" } else { "-Infinity" })
    } else {
        s.serialize_f64(*v)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metric {
    pub key: String,
    #[serde(serialize_with = "ser_f64")]
    pub value: f64,
    pub timestamp: i64,
    pub step: i64,
}

impl Metric {
    /// MLflow's latest value: Python's `max(points, key=(step, timestamp, value))`. A later point
    /// wins only when its key is strictly greater, so with NaN involved the first of the tied
    /// points stays, exactly as Python's tuple comparison decides.
    pub fn latest(points: &[Metric]) -> Option<&Metric> {
        let mut best: Option<&Metric> = None;
        for p in points {
            if best.is_none_or(|b| {
                Self::beats(
                    (p.step, p.timestamp, p.value),
                    (b.step, b.timestamp, b.value),
                )
            }) {
                best = Some(p);
            }
        }
        best
    }

    /// `a > b` for (step, timestamp, value) tuples under Python's rules.
    pub fn beats(a: (i64, i64, f64), b: (i64, i64, f64)) -> bool {
        if a.0 != b.0 {
            return a.0 > b.0;
        }
        if a.1 != b.1 {
            return a.1 > b.1;
        }
        a.2 > b.2
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Experiment {
    pub experiment_id: String,
    pub name: String,
    pub artifact_location: String,
    pub lifecycle_stage: LifecycleStage,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_update_time: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_time: Option<i64>,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunInfo {
    pub run_uuid: String,
    pub experiment_id: String,
    pub run_name: String,
    pub user_id: String,
    pub status: RunStatus,
    pub start_time: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
    pub artifact_uri: String,
    pub lifecycle_stage: LifecycleStage,
    pub run_id: String,
    #[serde(skip)]
    pub deleted_time: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RunData {
    pub metrics: Vec<Metric>,
    pub params: Vec<Param>,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Run {
    pub info: RunInfo,
    pub data: RunData,
    pub inputs: serde_json::Map<String, serde_json::Value>,
    pub outputs: serde_json::Map<String, serde_json::Value>,
}

impl Run {
    pub fn tag(&self, key: &str) -> Option<&str> {
        self.data
            .tags
            .iter()
            .find(|t| t.key == key)
            .map(|t| t.value.as_str())
    }

    /// The run's dataset inputs (`inputs.dataset_inputs`), in the order the store gave them; an
    /// entry without a dataset name is skipped.
    pub fn dataset_inputs(&self) -> Vec<DatasetInput> {
        let Some(list) = self.inputs.get("dataset_inputs").and_then(|d| d.as_array()) else {
            return Vec::new();
        };
        let text = |v: Option<&serde_json::Value>| {
            v.and_then(|v| v.as_str()).unwrap_or_default().to_string()
        };
        list.iter()
            .filter_map(|i| {
                let ds = i.get("dataset")?;
                let name = ds.get("name")?.as_str()?.to_string();
                let tags: Vec<(String, String)> = i
                    .get("tags")
                    .and_then(|t| t.as_array())
                    .map(|t| {
                        t.iter()
                            .filter_map(|t| {
                                Some((t.get("key")?.as_str()?.to_string(), text(t.get("value"))))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                Some(DatasetInput {
                    dataset: Dataset {
                        name,
                        digest: text(ds.get("digest")),
                        source_type: text(ds.get("source_type")),
                        source: text(ds.get("source")),
                        schema: text(ds.get("schema")),
                        profile: text(ds.get("profile")),
                    },
                    tags,
                })
            })
            .collect()
    }

    /// The MLflow 3 logged models this run made (`outputs.model_outputs`): model id and step.
    pub fn model_outputs(&self) -> Vec<(&str, i64)> {
        let Some(models) = self.outputs.get("model_outputs").and_then(|m| m.as_array()) else {
            return Vec::new();
        };
        models
            .iter()
            .filter_map(|m| {
                let id = m.get("model_id")?.as_str()?;
                // Over REST the step may come as a string (proto3 JSON's int64).
                let step = match m.get("step") {
                    Some(serde_json::Value::String(s)) => s.parse().ok()?,
                    Some(v) => v.as_i64()?,
                    None => 0,
                };
                Some((id, step))
            })
            .collect()
    }
}

/// One entry of an artifact listing, as MLflow's `FileInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileInfo {
    pub path: String,
    pub is_dir: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_size: Option<u64>,
}

/// A dataset an experiment's runs use as input (REST `Dataset`); source, schema and profile are
/// JSON strings, kept as stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Dataset {
    pub name: String,
    pub digest: String,
    pub source_type: String,
    pub source: String,
    pub schema: String,
    pub profile: String,
}

/// One dataset input of a run: the dataset and the input's tags (`mlflow.data.context` among them).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DatasetInput {
    pub dataset: Dataset,
    pub tags: Vec<(String, String)>,
}

impl DatasetInput {
    /// The `mlflow.data.context` tag: what the dataset was used for.
    pub fn context(&self) -> Option<&str> {
        self.tags
            .iter()
            .find(|(k, _)| k == "mlflow.data.context")
            .map(|(_, v)| v.as_str())
    }

    /// Where the dataset is, for a person: the source JSON's `uri`/`url`/`path`, else the JSON.
    pub fn source_text(&self) -> String {
        let parsed: Option<serde_json::Value> = serde_json::from_str(&self.dataset.source).ok();
        parsed
            .as_ref()
            .and_then(|v| {
                ["uri", "url", "path"]
                    .iter()
                    .find_map(|k| v.get(*k).and_then(|u| u.as_str()))
            })
            .map(str::to_string)
            .unwrap_or_else(|| self.dataset.source.clone())
    }

    /// The input without its name, for a row keyed by it: `digest D, context C, source T S`.
    pub fn details(&self) -> String {
        let mut s = format!("digest {}", self.dataset.digest);
        if let Some(c) = self.context() {
            s.push_str(&format!(", context {c}"));
        }
        if !self.dataset.source.is_empty() {
            s.push_str(&format!(
                ", source {} {}",
                self.dataset.source_type,
                self.source_text()
            ));
        }
        s
    }
}

/// A metric's latest point (MLflow's rule) and its range over the whole history.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MetricSummary {
    pub timestamp: i64,
    pub value: f64,
    pub step: i64,
    pub min: f64,
    pub max: f64,
    pub count: usize,
}

/// One artifact file with its size and SHA-256, for telling two runs' outputs apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArtifactEntry {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

impl ArtifactEntry {
    /// The entry for `path` whose bytes `r` yields, read in blocks.
    pub fn read(path: String, r: &mut dyn std::io::Read) -> std::io::Result<Self> {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 256 * 1024];
        let mut size = 0u64;
        loop {
            let n = r.read(&mut buf)?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            size += n as u64;
        }
        let sha256 = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(Self { path, size, sha256 })
    }
}

/// Whether lower values of a metric are better, guessed from its name (loss, error, time …), used by
/// `mlrun compare` and the UI to mark the best value of a metric.
pub fn lower_is_better(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    const LOWER: [&str; 12] = [
        "loss",
        "error",
        "err",
        "mse",
        "mae",
        "rmse",
        "perplexity",
        "time",
        "latency",
        "duration",
        "wer",
        "cer",
    ];
    k.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|part| LOWER.contains(&part))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_is_better_by_name() {
        assert!(lower_is_better("val_loss"));
        assert!(lower_is_better("train/error"));
        assert!(!lower_is_better("accuracy"));
        assert!(!lower_is_better("lossy_count"));
    }
}
