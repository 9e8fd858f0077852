//! The `MLmodel` file (spec §9.1): read from any MLflow version with every key kept, written the way
//! `yaml.safe_dump(default_flow_style=False)` writes it (sorted keys, ASCII only), and built for a
//! folder that lacks one (ONNX or pickled scikit-learn files) so MLflow's pyfunc can load it.
use crate::pyyaml::{self, Value};
use crate::store::{Result, StoreError};
use std::path::Path;

pub const MLMODEL: &str = "MLmodel";
pub const PYFUNC: &str = "python_function";

/// An MLmodel document: its top-level keys in file order, values as PyYAML would dump them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MlModel {
    pub fields: Vec<(String, Value)>,
}

/// One flavor and its configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Flavor {
    pub name: String,
    pub config: Vec<(String, Value)>,
}

/// The signature, each part a JSON document (MLflow stores them as JSON strings).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Signature {
    pub inputs: Option<String>,
    pub outputs: Option<String>,
    pub params: Option<String>,
}

fn from_yaml(v: &serde_norway::Value) -> Value {
    use serde_norway::Value as Y;
    match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(*b),
        Y::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Y::String(s) => Value::Str(s.clone()),
        Y::Sequence(items) => Value::List(items.iter().map(from_yaml).collect()),
        Y::Mapping(m) => Value::Map(m.iter().map(|(k, v)| (yaml_key(k), from_yaml(v))).collect()),
        Y::Tagged(t) => from_yaml(&t.value),
    }
}

fn yaml_key(k: &serde_norway::Value) -> String {
    match k {
        serde_norway::Value::String(s) => s.clone(),
        serde_norway::Value::Bool(b) => if *b { "true" } else { "false" }.to_string(),
        serde_norway::Value::Number(n) => n.to_string(),
        serde_norway::Value::Null => "null".into(),
        other => format!("{other:?}"),
    }
}

fn get<'a>(map: &'a [(String, Value)], key: &str) -> Option<&'a Value> {
    map.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn as_str(v: Option<&Value>) -> Option<&str> {
    match v {
        Some(Value::Str(s)) => Some(s),
        _ => None,
    }
}

impl MlModel {
    pub fn parse(text: &str, path: &Path) -> Result<Self> {
        let bad = |message: String| StoreError::InvalidState {
            path: path.to_path_buf(),
            message,
        };
        match serde_norway::from_str::<serde_norway::Value>(text) {
            Ok(serde_norway::Value::Mapping(m)) => Ok(Self {
                fields: m.iter().map(|(k, v)| (yaml_key(k), from_yaml(v))).collect(),
            }),
            Ok(_) => Err(bad("MLmodel is not a mapping".into())),
            Err(e) => Err(bad(format!("unreadable MLmodel: {e}"))),
        }
    }

    /// Reads `<dir>/MLmodel` (or the file itself when given one).
    pub fn read(path: &Path) -> Result<Self> {
        let file = if path.is_dir() {
            path.join(MLMODEL)
        } else {
            path.to_path_buf()
        };
        let text = std::fs::read_to_string(&file).map_err(|e| StoreError::io(&file, e))?;
        Self::parse(&text, &file)
    }

    pub fn to_yaml(&self) -> String {
        pyyaml::dump_ascii(&self.fields)
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        get(&self.fields, key)
    }

    pub fn get_str(&self, key: &str) -> Option<&str> {
        as_str(self.get(key))
    }

    pub fn set(&mut self, key: &str, value: Value) {
        match self.fields.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => self.fields.push((key.to_string(), value)),
        }
    }

    pub fn remove(&mut self, key: &str) {
        self.fields.retain(|(k, _)| k != key);
    }

    pub fn flavors(&self) -> Vec<Flavor> {
        match self.get("flavors") {
            Some(Value::Map(m)) => m
                .iter()
                .map(|(name, cfg)| Flavor {
                    name: name.clone(),
                    config: match cfg {
                        Value::Map(c) => c.clone(),
                        _ => vec![],
                    },
                })
                .collect(),
            _ => vec![],
        }
    }

    pub fn flavor(&self, name: &str) -> Option<Flavor> {
        self.flavors().into_iter().find(|f| f.name == name)
    }

    pub fn add_flavor(&mut self, name: &str, config: Vec<(String, Value)>) {
        let mut flavors = match self.get("flavors") {
            Some(Value::Map(m)) => m.clone(),
            _ => vec![],
        };
        flavors.retain(|(k, _)| k != name);
        flavors.push((name.to_string(), Value::Map(config)));
        self.set("flavors", Value::Map(flavors));
    }

    pub fn signature(&self) -> Option<Signature> {
        match self.get("signature") {
            Some(Value::Map(m)) => Some(Signature {
                inputs: as_str(get(m, "inputs")).map(str::to_string),
                outputs: as_str(get(m, "outputs")).map(str::to_string),
                params: as_str(get(m, "params")).map(str::to_string),
            }),
            _ => None,
        }
    }

    /// Sets the signature as MLflow's `Model.to_dict` does, with its two companion flags.
    pub fn set_signature(&mut self, sig: &Signature) {
        let part = |p: &Option<String>| p.as_deref().map_or(Value::Null, |s| Value::Str(s.into()));
        self.set(
            "signature",
            Value::Map(vec![
                ("inputs".into(), part(&sig.inputs)),
                ("outputs".into(), part(&sig.outputs)),
                ("params".into(), part(&sig.params)),
            ]),
        );
        self.set("is_signature_from_type_hint", Value::Bool(false));
        self.set("type_hint_from_example", Value::Bool(false));
    }

    /// `saved_input_example_info` as (key, value) text pairs.
    pub fn input_example_info(&self) -> Option<Vec<(String, String)>> {
        match self.get("saved_input_example_info") {
            Some(Value::Map(m)) => {
                Some(m.iter().map(|(k, v)| (k.clone(), scalar_text(v))).collect())
            }
            _ => None,
        }
    }

    pub fn model_size_bytes(&self) -> Option<i64> {
        match self.get("model_size_bytes") {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        }
    }
}

/// A scalar as text (`null` for None), for tables.
pub fn scalar_text(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Int(i) => i.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Float(f) => crate::pyfloat::format(*f),
        Value::Str(s) => s.clone(),
        Value::List(_) | Value::Map(_) => serde_json::to_string(&to_json(v)).unwrap_or_default(),
    }
}

/// A YAML value as JSON (for `--output json`).
pub fn to_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Int(i) => (*i).into(),
        Value::Bool(b) => (*b).into(),
        Value::Float(f) => serde_json::Number::from_f64(*f)
            .map(serde_json::Value::Number)
            .unwrap_or_else(|| crate::pyfloat::format(*f).into()),
        Value::Str(s) => s.clone().into(),
        Value::List(items) => items.iter().map(to_json).collect(),
        Value::Map(m) => {
            serde_json::Value::Object(m.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

/// Python's `json.dumps(json.loads(text))`: the same document with `", "` and `": "` separators,
/// ASCII escapes, and key order kept (serde_json would sort it).
pub fn py_json_dumps(text: &str) -> std::result::Result<String, String> {
    serde_json::from_str::<serde_json::Value>(text).map_err(|e| e.to_string())?;
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b',' => {
                out.push_str(", ");
                i += 1;
            }
            b':' => {
                out.push_str(": ");
                i += 1;
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                let s: String = serde_json::from_str(&text[start..i]).map_err(|e| e.to_string())?;
                out.push_str(&py_json_string(&s));
            }
            _ => {
                let start = i;
                while i < b.len() && !b" \t\n\r,:]}".contains(&b[i]) && !b"[{".contains(&b[i]) {
                    i += 1;
                }
                if start == i {
                    out.push(b[i] as char);
                    i += 1;
                } else {
                    out.push_str(&text[start..i]);
                }
            }
        }
    }
    Ok(out)
}

pub use crate::pyjson::dumps_str as py_json_string;

/// `YYYY-MM-DD HH:MM:SS.ffffff` (naive UTC), as `str(datetime.utcnow())` writes it.
pub fn utc_time_string(since_epoch: std::time::Duration) -> String {
    // Past jiff's range (year 9999) there is no date MLflow could have written either.
    jiff::SignedDuration::try_from(since_epoch)
        .ok()
        .and_then(|d| jiff::Timestamp::from_duration(d).ok())
        .unwrap_or(jiff::Timestamp::MAX)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .strftime("%Y-%m-%d %H:%M:%S.%6f")
        .to_string()
}

/// What a bare model file is, judged by its name, and the flavors MLflow would write for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KnownFlavor {
    Onnx,
    Sklearn,
}

impl KnownFlavor {
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "onnx" => Some(Self::Onnx),
            "sklearn" | "scikit-learn" => Some(Self::Sklearn),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Self::Onnx => "onnx",
            Self::Sklearn => "sklearn",
        }
    }
    /// Guesses from a file name: `*.onnx` is ONNX; `*.pkl`, `*.pickle` and `*.skops` are sklearn.
    pub fn guess(file_name: &str) -> Option<Self> {
        let lower = file_name.to_ascii_lowercase();
        if lower.ends_with(".onnx") {
            Some(Self::Onnx)
        } else if [".pkl", ".pickle", ".skops"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            Some(Self::Sklearn)
        } else {
            None
        }
    }

    /// Adds this flavor and its `python_function` loader for the model file `data` (relative to the
    /// model folder), as `mlflow.onnx.save_model` / `mlflow.sklearn.save_model` do.
    pub fn add_to(self, m: &mut MlModel, data: &str, python_version: Option<&str>) {
        let s = |v: &str| Value::Str(v.to_string());
        // `env` names files that can only be written when the Python version is known.
        let mut pyfunc = vec![];
        if let Some(v) = python_version {
            let env = Value::Map(vec![
                ("conda".into(), s("conda.yaml")),
                ("virtualenv".into(), s("python_env.yaml")),
            ]);
            pyfunc.push(("env".to_string(), env));
            pyfunc.push(("python_version".into(), s(v)));
        }
        match self {
            Self::Onnx => {
                pyfunc.push(("loader_module".into(), s("mlflow.onnx")));
                pyfunc.push(("data".into(), s(data)));
                m.add_flavor(PYFUNC, pyfunc);
                m.add_flavor(
                    "onnx",
                    vec![
                        ("code".into(), Value::Null),
                        ("data".into(), s(data)),
                        (
                            "providers".into(),
                            Value::List(vec![
                                s("CUDAExecutionProvider"),
                                s("CPUExecutionProvider"),
                            ]),
                        ),
                        ("onnx_session_options".into(), Value::Null),
                    ],
                );
            }
            Self::Sklearn => {
                let format = if data.to_ascii_lowercase().ends_with(".skops") {
                    "skops"
                } else {
                    "cloudpickle"
                };
                pyfunc.push(("loader_module".into(), s("mlflow.sklearn")));
                pyfunc.push(("model_path".into(), s(data)));
                pyfunc.push(("predict_fn".into(), s("predict")));
                m.add_flavor(PYFUNC, pyfunc);
                m.add_flavor(
                    "sklearn",
                    vec![
                        ("code".into(), Value::Null),
                        ("pickled_model".into(), s(data)),
                        ("serialization_format".into(), s(format)),
                        ("skops_trusted_types".into(), Value::Null),
                    ],
                );
            }
        }
    }

    /// pip requirements for `requirements.txt` (unpinned: mlrun cannot know the versions).
    pub fn requirements(self) -> &'static [&'static str] {
        match self {
            Self::Onnx => &["mlflow", "onnx", "onnxruntime"],
            Self::Sklearn => &["mlflow", "cloudpickle", "scikit-learn"],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_rewrites_mlflow_mlmodel_byte_for_byte() {
        let text = "artifact_path: file:///tmp/regx/mlruns/0/models/m-a241/artifacts\nflavors:\n  python_function:\n    env:\n      conda: conda.yaml\n      virtualenv: python_env.yaml\n    loader_module: mlflow.sklearn\n    model_path: model.skops\n    predict_fn: predict\n    python_version: 3.11.7\n  sklearn:\n    code: null\n    pickled_model: model.skops\n    serialization_format: skops\n    sklearn_version: 1.9.1\n    skops_trusted_types: null\nis_signature_from_type_hint: false\nmlflow_version: 3.17.2\nmodel_id: m-a241\nmodel_size_bytes: 5647\nmodel_uuid: m-a241\nprompts: null\nrun_id: 99669db9b1824c9488b1587d32b4f145\nsaved_input_example_info:\n  artifact_path: input_example.json\n  serving_input_path: serving_input_example.json\n  type: ndarray\nsignature:\n  inputs: '[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"float64\", \"shape\": [-1, 2]}}]'\n  outputs: '[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"float64\", \"shape\": [-1]}}]'\n  params: null\ntype_hint_from_example: false\nutc_time_created: '2026-11-23 16:58:44.084422'\n";
        let m = MlModel::parse(text, Path::new("MLmodel")).unwrap();
        assert_eq!(m.to_yaml(), text);
        assert_eq!(m.flavors().len(), 2);
        assert_eq!(m.model_size_bytes(), Some(5647));
        let sig = m.signature().unwrap();
        assert!(sig.inputs.unwrap().contains("tensor-spec"));
        assert_eq!(sig.params, None);
    }

    #[test]
    fn python_json_dumps() {
        assert_eq!(
            py_json_dumps("[{\"type\":\"double\",\"name\":\"é\",\"required\":true}]").unwrap(),
            "[{\"type\": \"double\", \"name\": \"\\u00e9\", \"required\": true}]"
        );
        assert_eq!(
            py_json_dumps(" [ [1.0, 2], {} ] ").unwrap(),
            "[[1.0, 2], {}]"
        );
        assert!(py_json_dumps("[1,").is_err());
    }

    #[test]
    fn utc_times() {
        let d = std::time::Duration::from_micros(1_795_453_124_084_422);
        assert_eq!(utc_time_string(d), "2026-11-23 16:58:44.084422");
        assert_eq!(
            utc_time_string(std::time::Duration::ZERO),
            "1970-01-01 00:00:00.000000"
        );
    }
}

#[cfg(test)]
mod yaml_tests {
    use super::*;

    /// Expected bytes from PyYAML 6 `safe_dump(d, default_flow_style=False)` (no allow_unicode).
    #[test]
    fn ascii_dump_matches_pyyaml() {
        let s = |v: &str| Value::Str(v.into());
        let m = MlModel {
            fields: vec![
                ("a".into(), s("désc ü")),
                ("b".into(), Value::Bool(true)),
                ("c".into(), Value::Bool(false)),
                ("f".into(), Value::Float(1e-05)),
                ("g".into(), Value::Float(0.5)),
                ("h".into(), Value::Float(f64::NAN)),
                ("i".into(), Value::Float(f64::INFINITY)),
                ("j".into(), Value::Float(f64::NEG_INFINITY)),
                ("k".into(), Value::Float(1e20)),
                ("l".into(), Value::Float(3.0)),
                ("m".into(), Value::List(vec![Value::Float(1.5), s("x")])),
                (
                    "n".into(),
                    s("中文 text that is long enough to need folding at eighty columns in the ascii emitter ok"),
                ),
            ],
        };
        assert_eq!(
            m.to_yaml(),
            "a: \"d\\xE9sc \\xFC\"\nb: true\nc: false\nf: 1.0e-05\ng: 0.5\nh: .nan\ni: .inf\nj: -.inf\nk: 1.0e+20\nl: 3.0\nm:\n- 1.5\n- x\nn: \"\\u4E2D\\u6587 text that is long enough to need folding at eighty columns in the\\\n  \\ ascii emitter ok\"\n"
        );
    }
}
