//! MLflow's scoring protocol (spec §9.2) as data: the content-type rules, the JSON and CSV request
//! forms turned into one [`Scoring`] request, the fail-fast checks against the model's signature,
//! and MLflow's error bodies. Messages follow `mlflow/pyfunc/scoring_server/__init__.py` word for
//! word where MLflow's text does not embed a pandas repr of the data.
//!
//! Invariant: what this module accepts, MLflow's own parser would accept too; checks it cannot do
//! as well as MLflow (dtype casts, tensor shapes, params schemas) are left to the model's MLflow in
//! the worker, which answers with MLflow's exact error.
use super::schema::{ColType, InputSchema};
use crate::models::mlmodel::py_json_string;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::fmt;

pub const CONTENT_TYPE_JSON: &str = "application/json";
pub const CONTENT_TYPE_CSV: &str = "text/csv";
pub const CONTENT_TYPE_PARQUET: &str = "application/vnd.apache.parquet";

/// MLflow builds this from a Python set, so its order depends on the hash seed; this is one order
/// MLflow prints.
const FORMATS_SET: &str = "{'dataframe_split', 'inputs', 'instances', 'dataframe_records'}";
const FORMATS: [&str; 4] = [
    "dataframe_split",
    "dataframe_records",
    "instances",
    "inputs",
];

pub const SCORING_PROTOCOL_CHANGE_INFO: &str = "IMPORTANT: The MLflow Model scoring protocol has changed in MLflow version 2.0. If you are seeing this error, you are likely using an outdated scoring request format. To resolve the error, either update your request format or adjust your MLflow Model's requirements file to specify an older version of MLflow (for example, change the 'mlflow' requirement specifier to 'mlflow==1.30.0'). If you are making a request using the MLflow client (e.g. via `mlflow.pyfunc.spark_udf()`), upgrade your MLflow client to a version >= 2.0 in order to use the new request format. For more information about the updated MLflow Model scoring protocol in MLflow 2.0, see https://mlflow.org/docs/latest/models.html#deploy-mlflow-models.";

/// How much of a bad body an error message quotes.
const QUOTE_LIMIT: usize = 1000;

/// A reply that is not a prediction: the HTTP status, the body and its content type.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoringError {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
}

impl ScoringError {
    /// `MlflowException(message, error_code=…)` serialized as MLflow does (json.dumps defaults).
    pub fn mlflow(error_code: &str, message: &str) -> Self {
        let (status, sqlstate, class) = match error_code {
            "BAD_REQUEST" | "INVALID_PARAMETER_VALUE" => (400, "KAM00", "INVALID_PARAMETER_VALUE"),
            _ => (500, "XXM00", "CLIENT_INTERNAL_ERROR"),
        };
        Self::classed(status, error_code, sqlstate, class, message)
    }

    /// A bad payload: `MlflowInvalidInputException`.
    pub fn invalid_input(message: &str) -> Self {
        Self::mlflow("BAD_REQUEST", &format!("Invalid input. {message}"))
    }

    /// What MLflow's pyfunc raises when a frame does not fit the signature.
    pub fn schema(message: &str) -> Self {
        Self::classed(
            400,
            "INVALID_PARAMETER_VALUE",
            "KAM01",
            "SCHEMA_ENFORCEMENT_FAILED",
            message,
        )
    }

    /// The body with MLflow's `stack_trace` field, which MLflow adds to the 400s it raises through
    /// `_handle_serving_error` (a CSV or Parquet body pandas cannot read) and to "unexpected error
    /// while evaluating the model". mlrun has no Python traceback to give; it says where the request
    /// stopped instead, so a client that reads the field finds one.
    pub fn with_stack_trace(mut self, trace: &str) -> Self {
        if self.body.ends_with('}') {
            self.body.pop();
            self.body
                .push_str(&format!(", \"stack_trace\": {}}}", py_json_string(trace)));
        }
        self
    }

    /// A server-side failure (a worker that died, a model that failed to answer).
    pub fn internal(message: &str) -> Self {
        Self::mlflow("INTERNAL_ERROR", message)
    }

    fn classed(status: u16, code: &str, sqlstate: &str, class: &str, message: &str) -> Self {
        Self {
            status,
            content_type: CONTENT_TYPE_JSON,
            body: format!(
                "{{\"error_code\": {}, \"message\": {}, \"sqlstate\": {}, \"error_class\": {}}}",
                py_json_string(code),
                py_json_string(message),
                py_json_string(sqlstate),
                py_json_string(class)
            ),
        }
    }

    pub fn text(status: u16, message: &str) -> Self {
        Self {
            status,
            content_type: "text/plain; charset=utf-8",
            body: message.to_string(),
        }
    }

    /// The 504 MLflow's timeout middleware sends (a bare string labelled JSON, as MLflow does).
    pub fn timeout() -> Self {
        Self {
            status: 504,
            content_type: CONTENT_TYPE_JSON,
            body: "Request processing time exceeded limit".into(),
        }
    }

    /// 413 for a body over the limit (MLflow has no limit of its own; this is the front's).
    pub fn too_large(limit: usize) -> Self {
        let mut e = Self::mlflow(
            "BAD_REQUEST",
            &format!(
                "Request body exceeds the server's limit of {limit} bytes. Send fewer rows per request or restart the server with a larger --max-body-size."
            ),
        );
        e.status = 413;
        e
    }

    /// The `stack_trace` of a JSON body (see `with_stack_trace`), if it has one.
    pub fn stack_trace(&self) -> Option<String> {
        serde_json::from_str::<Value>(&self.body)
            .ok()?
            .get("stack_trace")?
            .as_str()
            .map(str::to_string)
    }

    /// The human message: the `message` of a JSON body, else the body itself.
    pub fn message(&self) -> String {
        serde_json::from_str::<Value>(&self.body)
            .ok()
            .and_then(|v| v.get("message").and_then(Value::as_str).map(str::to_string))
            .unwrap_or_else(|| self.body.clone())
    }
}

type Result<T> = std::result::Result<T, ScoringError>;

/// The request body formats the scorer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Json,
    Csv,
}

/// MLflow's content-type rules: the part before `;` picks the parser; `charset` must be utf-8 and no
/// other parameter is allowed (both 415, text/plain). Parquet is recognised but not read by mlrun.
pub fn content_kind(content_type: Option<&str>) -> Result<BodyKind> {
    let raw = content_type.unwrap_or("");
    let mut parts = raw.split(';').map(str::trim);
    let mime = parts.next().unwrap_or("");
    let mut unexpected = Vec::new();
    for p in parts {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        if k == "charset" {
            if !v.eq_ignore_ascii_case("utf-8") {
                return Err(ScoringError::text(
                    415,
                    "The scoring server only supports UTF-8",
                ));
            }
        } else {
            unexpected.push(k.to_string());
        }
    }
    if !unexpected.is_empty() {
        return Err(ScoringError::text(
            415,
            &format!(
                "Unrecognized content type parameters: {}. {SCORING_PROTOCOL_CHANGE_INFO}",
                unexpected.join(", ")
            ),
        ));
    }
    match mime {
        CONTENT_TYPE_JSON => Ok(BodyKind::Json),
        CONTENT_TYPE_CSV => Ok(BodyKind::Csv),
        CONTENT_TYPE_PARQUET => Err(ScoringError::text(
            415,
            "mlrun's scoring server does not read Parquet request bodies; send the data as application/json or text/csv",
        )),
        _ => Err(ScoringError::text(
            415,
            &format!(
                "This predictor only supports the following content types: Types: ['{CONTENT_TYPE_CSV}', '{CONTENT_TYPE_JSON}', '{CONTENT_TYPE_PARQUET}']. Got '{}'.",
                content_type.unwrap_or("None")
            ),
        )),
    }
}

/// What the front knows about the model when parsing.
#[derive(Debug, Clone, Default)]
pub struct ModelInputs {
    pub schema: Option<InputSchema>,
    /// `is_signature_from_type_hint` in MLmodel: only `inputs` is accepted then.
    pub type_hint: bool,
}

/// A request ready for a model: a data frame (from `dataframe_split`, `dataframe_records` or CSV),
/// or the TF-serving forms passed through verbatim.
#[derive(Debug)]
pub struct Scoring {
    pub input: Input,
    pub params: Option<Box<RawValue>>,
}

#[derive(Debug)]
pub enum Input {
    Frame(Frame),
    Inputs(Box<RawValue>),
    Instances(Box<RawValue>),
}

/// A data frame in pandas' `split` orientation. Columns are `None` when the payload named none
/// (pandas then numbers them).
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub columns: Option<Vec<Value>>,
    pub data: Vec<Vec<Value>>,
    pub index: Option<Value>,
}

impl Frame {
    pub fn column_names(&self) -> Vec<String> {
        match &self.columns {
            Some(c) => c
                .iter()
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect(),
            None => (0..self.data.first().map_or(0, Vec::len))
                .map(|i| i.to_string())
                .collect(),
        }
    }
}

impl Scoring {
    /// The worker's request: `{"format": …, "data": …, "params": …}`, frames as `dataframe_split`.
    pub fn worker_message(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(256);
        let (format, data): (&str, String) = match &self.input {
            Input::Frame(f) => {
                let mut m = serde_json::Map::new();
                if let Some(c) = &f.columns {
                    m.insert("columns".into(), Value::Array(c.clone()));
                }
                m.insert(
                    "data".into(),
                    Value::Array(f.data.iter().cloned().map(Value::Array).collect()),
                );
                if let Some(i) = &f.index {
                    m.insert("index".into(), i.clone());
                }
                ("dataframe_split", Value::Object(m).to_string())
            }
            Input::Inputs(r) => ("inputs", r.get().to_string()),
            Input::Instances(r) => ("instances", r.get().to_string()),
        };
        out.extend_from_slice(b"{\"format\":\"");
        out.extend_from_slice(format.as_bytes());
        out.extend_from_slice(b"\",\"data\":");
        out.extend_from_slice(data.as_bytes());
        if let Some(p) = &self.params {
            out.extend_from_slice(b",\"params\":");
            out.extend_from_slice(p.get().as_bytes());
        }
        out.push(b'}');
        out
    }
}

/// Rows of several requests scored in one model call. Only plain frames batch: no params (they
/// could differ) and no index; requests batch together only when their columns are the same.
#[derive(Debug)]
pub struct BatchRows {
    /// The columns as JSON text: requests with equal keys can share a call.
    pub key: String,
    pub columns: Option<Vec<Value>>,
    pub rows: Vec<Vec<Value>>,
}

impl Scoring {
    /// The request as batchable rows, or itself back when it cannot share a model call.
    pub fn into_batch_rows(self) -> std::result::Result<BatchRows, Scoring> {
        match self {
            Scoring {
                input:
                    Input::Frame(Frame {
                        columns,
                        data,
                        index: None,
                    }),
                params: None,
            } => Ok(BatchRows {
                key: columns.as_ref().map_or_else(
                    || format!("#{}", data.first().map_or(0, Vec::len)),
                    |c| Value::Array(c.clone()).to_string(),
                ),
                columns,
                rows: data,
            }),
            other => Err(other),
        }
    }
}

/// The worker's request for several requests' rows at once: a `dataframe_split` of all rows plus
/// `"batch": [rows of each request]`. The worker answers each request separately (see
/// [`crate::serve::split_batch_reply`]), falling back to one call per request when the combined
/// call fails or its predictions do not line up with the rows.
pub fn batch_message(parts: &[&BatchRows]) -> Vec<u8> {
    let mut m = serde_json::Map::new();
    if let Some(c) = parts.first().and_then(|p| p.columns.as_ref()) {
        m.insert("columns".into(), Value::Array(c.clone()));
    }
    let rows: Vec<Value> = parts
        .iter()
        .flat_map(|p| p.rows.iter().cloned().map(Value::Array))
        .collect();
    m.insert("data".into(), Value::Array(rows));
    let sizes: Vec<Value> = parts.iter().map(|p| Value::from(p.rows.len())).collect();
    let msg = serde_json::json!({
        "format": "dataframe_split",
        "data": Value::Object(m),
        "batch": sizes,
    });
    msg.to_string().into_bytes()
}

/// A JSON object with its keys in document order (serde_json's map sorts them).
struct Ordered<V>(Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V2<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for V2<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, V>()? {
                    out.push((k, v));
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(V2(std::marker::PhantomData))
    }
}

use crate::pyjson;
use crate::search::pylit::repr_bytes;
/// Python's `repr()` of a str (the one port, beside `ast.literal_eval`'s).
pub(crate) use crate::search::pylit::repr_str as py_repr;

fn py_list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| py_repr(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The Python type name of a JSON value's first token, for MLflow's "unexpected input type".
fn py_type(raw: &str) -> &'static str {
    match raw.trim_start().as_bytes().first() {
        Some(b'"') => "str",
        Some(b't' | b'f') => "bool",
        Some(b'n') => "NoneType",
        Some(b'[') => "list",
        Some(b'{') => "dict",
        _ if raw.contains(['.', 'e', 'E']) => "float",
        _ => "int",
    }
}

/// The body as MLflow's message shows it (`repr()` of the bytes), cut at `QUOTE_LIMIT` bytes.
fn quote_body(body: &[u8]) -> String {
    let mut s = repr_bytes(&body[..body.len().min(QUOTE_LIMIT)]);
    if body.len() > QUOTE_LIMIT {
        s.push('…');
    }
    s
}

/// MLflow's 400 for a body `json.loads` refuses, naming Python's reason where it is known (the
/// reason serde_json gave, in Python's dress, where Python would have read the body).
fn not_json(body: &[u8], fallback: String) -> ScoringError {
    let why = pyjson::loads_error(body).unwrap_or(fallback);
    ScoringError::invalid_input(&format!(
        "Ensure that input is a valid JSON formatted string. Error: '{why}'\nInput: \n{}\n",
        quote_body(body)
    ))
}

/// Parses an `application/json` body as MLflow's `_parse_json_data` does, then checks it against
/// the signature.
pub fn parse_json(body: &[u8], model: &ModelInputs) -> Result<Scoring> {
    let text = std::str::from_utf8(body)
        .map_err(|e| not_json(body, format!("UnicodeDecodeError({e})")))?;
    let raw: &RawValue = serde_json::from_str(text).map_err(|e| {
        not_json(
            body,
            format!("JSONDecodeError({})", py_repr(&e.to_string())),
        )
    })?;
    let top = match py_type(raw.get()) {
        "dict" => serde_json::from_str::<Ordered<Box<RawValue>>>(raw.get())
            .map_err(|e| ScoringError::invalid_input(&e.to_string()))?,
        "list" => {
            return Err(ScoringError::invalid_input(&format!(
                "The input must be a JSON dictionary with exactly one of the input fields {FORMATS_SET}. Received a list."
            )))
        }
        other => {
            return Err(ScoringError::invalid_input(&format!(
                "The input must be a JSON dictionary with exactly one of the input fields {FORMATS_SET}. Received unexpected input type '<class '{other}'>."
            )))
        }
    };
    let mut params = None;
    let mut data: Vec<(String, Box<RawValue>)> = Vec::new();
    for (k, v) in top.0 {
        if k == "params" {
            params = Some(v);
        } else if FORMATS.contains(&k.as_str()) {
            data.push((k, v));
        }
    }
    let keys: Vec<String> = data.iter().map(|(k, _)| k.clone()).collect();
    if model.type_hint {
        return match data.into_iter().find(|(k, _)| k == "inputs") {
            Some((_, v)) => Ok(Scoring {
                input: Input::Inputs(v),
                params,
            }),
            None => Err(ScoringError::mlflow(
                "INVALID_PARAMETER_VALUE",
                &format!(
                    "Request payload must be a dictionary with 'inputs' key when the model contains a valid type hint. Found keys in payload: dict_keys({})",
                    py_list(&keys)
                ),
            )),
        };
    }
    if data.len() != 1 {
        return Err(ScoringError::mlflow(
            "BAD_REQUEST",
            &format!(
                "The input must be a JSON dictionary with exactly one of the input fields {FORMATS_SET}. Received dictionary with input fields: {}. {SCORING_PROTOCOL_CHANGE_INFO}",
                py_list(&keys)
            ),
        ));
    }
    let (format, value) = data.pop_single();
    let input = match format.as_str() {
        "dataframe_split" => Input::Frame(split_frame(&value)?),
        "dataframe_records" => Input::Frame(records_frame(&value)?),
        "instances" => {
            check_instances(&value, model)?;
            Input::Instances(value)
        }
        _ => {
            check_inputs(&value, model)?;
            Input::Inputs(value)
        }
    };
    let scoring = Scoring { input, params };
    if let Input::Frame(f) = &scoring.input {
        check_frame(f, model)?;
    }
    Ok(scoring)
}

trait PopSingle<T> {
    fn pop_single(self) -> T;
}
impl<T> PopSingle<T> for Vec<T> {
    fn pop_single(mut self) -> T {
        self.pop().expect("checked: exactly one")
    }
}

/// MLflow's check of a dataframe field's JSON type, and its words for what came instead.
fn frame_kind(raw: &RawValue, want: &str, message: &str) -> Result<()> {
    let got = match py_type(raw.get()) {
        kind if kind == want => return Ok(()),
        "list" => "list".to_string(),
        "dict" => "dictionary".to_string(),
        kind => format!("type <class '{kind}'>"),
    };
    Err(ScoringError::invalid_input(&format!(
        "{message} Got {got}."
    )))
}

fn split_frame(raw: &RawValue) -> Result<Frame> {
    frame_kind(raw, "dict", "Dataframe split format must be a dictionary.")?;
    let obj: Ordered<Value> =
        serde_json::from_str(raw.get()).map_err(|e| ScoringError::invalid_input(&e.to_string()))?;
    let keys: Vec<String> = obj.0.iter().map(|(k, _)| k.clone()).collect();
    let has_data = keys.iter().any(|k| k == "data");
    let extra = keys
        .iter()
        .any(|k| !["columns", "data", "index"].contains(&k.as_str()));
    if !has_data || extra {
        let set = if keys.is_empty() {
            "set()".to_string()
        } else {
            format!(
                "{{{}}}",
                keys.iter()
                    .map(|k| py_repr(k))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        return Err(ScoringError::invalid_input(&format!(
            "Dataframe split format must have 'data' field and optionally 'columns' and 'index' fields. Got {set}.'"
        )));
    }
    let mut frame = Frame {
        columns: None,
        data: vec![],
        index: None,
    };
    let bad = |m: String| {
        ScoringError::invalid_input(&format!(
            "Provided dataframe_split field is not a valid dataframe representation in 'split' format. Error: '{m}'"
        ))
    };
    for (k, v) in obj.0 {
        match (k.as_str(), v) {
            ("columns", Value::Array(c)) => frame.columns = Some(c),
            ("columns", Value::Null) => {}
            ("columns", _) => return Err(bad("columns must be a list".into())),
            ("index", Value::Null) => {}
            ("index", v) => frame.index = Some(v),
            ("data", Value::Array(rows)) => {
                // A flat list is one column (pandas reads it so).
                frame.data = rows
                    .into_iter()
                    .map(|r| match r {
                        Value::Array(cells) => cells,
                        scalar => vec![scalar],
                    })
                    .collect();
            }
            ("data", _) => return Err(bad("DataFrame constructor not properly called!".into())),
            _ => {}
        }
    }
    let width = frame
        .columns
        .as_ref()
        .map(Vec::len)
        .or_else(|| frame.data.first().map(Vec::len))
        .unwrap_or(0);
    if let Some(row) = frame.data.iter().find(|r| r.len() != width) {
        return Err(bad(format!(
            "{width} columns passed, passed data had {} columns",
            row.len()
        )));
    }
    if let (Some(Value::Array(idx)), n) = (&frame.index, frame.data.len()) {
        if idx.len() != n {
            return Err(bad(format!(
                "Shape of passed values is ({n}, {width}), indices imply ({}, {width})",
                idx.len()
            )));
        }
    }
    Ok(frame)
}

fn records_frame(raw: &RawValue) -> Result<Frame> {
    frame_kind(
        raw,
        "list",
        "Dataframe records format must be a list of records.",
    )?;
    let items: Vec<Box<RawValue>> =
        serde_json::from_str(raw.get()).map_err(|e| ScoringError::invalid_input(&e.to_string()))?;
    let bad = |m: &str| {
        ScoringError::invalid_input(&format!(
            "Provided dataframe_records field is not a valid dataframe representation in 'records' format. Error: '{m}'"
        ))
    };
    let mut columns: Vec<String> = Vec::new();
    let mut records: Vec<Vec<(String, Value)>> = Vec::with_capacity(items.len());
    for item in &items {
        if py_type(item.get()) != "dict" {
            return Err(bad("each record must be a JSON object of column to value"));
        }
        let rec: Ordered<Value> =
            serde_json::from_str(item.get()).map_err(|e| bad(&e.to_string()))?;
        for (k, _) in &rec.0 {
            if !columns.contains(k) {
                columns.push(k.clone());
            }
        }
        records.push(rec.0);
    }
    let data = records
        .into_iter()
        .map(|mut rec| {
            columns
                .iter()
                .map(|c| match rec.iter().position(|(k, _)| k == c) {
                    Some(i) => rec.swap_remove(i).1,
                    None => Value::Null,
                })
                .collect()
        })
        .collect();
    Ok(Frame {
        columns: Some(columns.into_iter().map(Value::String).collect()),
        data,
        index: None,
    })
}

fn missing_inputs(present: &[String], model: &ModelInputs) -> Result<()> {
    let Some(schema @ InputSchema::Columns(_)) = &model.schema else {
        return Ok(());
    };
    let required = schema.required_columns();
    if required.is_empty() {
        return Ok(());
    }
    let missing: Vec<String> = required
        .iter()
        .filter(|r| !present.iter().any(|p| p == *r))
        .map(|s| s.to_string())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let extra: Vec<String> = present
        .iter()
        .filter(|p| schema.column(p).is_none())
        .cloned()
        .collect();
    let mut msg = format!(
        "Failed to predict data. \nError: Failed to enforce schema of data with schema '{}'. Error: Model is missing inputs {}.",
        schema.repr(),
        py_list(&missing)
    );
    if !extra.is_empty() {
        msg.push_str(&format!(
            " Note that there were extra inputs: {}.",
            py_list(&extra)
        ));
    }
    Err(ScoringError::schema(&msg))
}

/// `inputs` as a dict names its columns: check them (an unnamed signature takes no dict at all).
/// Tensors are left to the model's MLflow.
fn check_inputs(raw: &RawValue, model: &ModelInputs) -> Result<()> {
    if py_type(raw.get()) == "dict" {
        if model.schema.as_ref().is_some_and(|s| !s.has_input_names()) {
            return Err(ScoringError::invalid_input(
                "Failed to parse input data. This model contains an un-named  model signature which expects a single n-dimensional array or a single value as input, however, an input of type <class 'dict'> was found.",
            ));
        }
        if let Ok(obj) = serde_json::from_str::<Ordered<Box<RawValue>>>(raw.get()) {
            let names: Vec<String> = obj.0.into_iter().map(|(k, _)| k).collect();
            missing_inputs(&names, model)?;
        }
    }
    Ok(())
}

/// `instances` as a list of records names its columns too.
fn check_instances(raw: &RawValue, model: &ModelInputs) -> Result<()> {
    if let Ok(items) = serde_json::from_str::<Vec<Box<RawValue>>>(raw.get()) {
        if !items.is_empty() && items.iter().all(|i| py_type(i.get()) == "dict") {
            let mut names: Vec<String> = Vec::new();
            for i in &items {
                if let Ok(obj) = serde_json::from_str::<Ordered<Box<RawValue>>>(i.get()) {
                    for (k, _) in obj.0 {
                        if !names.contains(&k) {
                            names.push(k);
                        }
                    }
                }
            }
            missing_inputs(&names, model)?;
        }
    }
    Ok(())
}

/// Python's `float(s)` on a string, as far as it matters here.
fn py_float(s: &str) -> Option<f64> {
    let t = s.trim().replace('_', "");
    let lower = t.to_ascii_lowercase();
    match lower.trim_start_matches(['+', '-']) {
        "nan" => return Some(f64::NAN),
        "inf" | "infinity" => {
            return Some(if lower.starts_with('-') {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        _ => {}
    }
    t.parse::<f64>().ok()
}

/// The signature checks MLflow would fail on: a missing required column, or a value in a float
/// column that no cast makes a number.
fn check_frame(frame: &Frame, model: &ModelInputs) -> Result<()> {
    let Some(schema @ InputSchema::Columns(_)) = &model.schema else {
        return Ok(());
    };
    let names = frame.column_names();
    if frame.columns.is_some() {
        missing_inputs(&names, model)?;
    }
    for (i, name) in names.iter().enumerate() {
        let Some(spec) = schema.column(name) else {
            continue;
        };
        if !matches!(spec.ty, ColType::Double | ColType::Float) {
            continue;
        }
        for row in &frame.data {
            if let Some(Value::String(s)) = row.get(i) {
                if py_float(s).is_none() {
                    let why = format!("could not convert string to float: {}", py_repr(s));
                    return Err(ScoringError::invalid_input(&format!(
                        "Data is not compatible with model signature. Failed to convert column {name} to type '{}'. Error: 'ValueError({})'",
                        spec.ty.numpy().unwrap_or("float64"),
                        py_repr(&why)
                    )));
                }
            }
        }
    }
    Ok(())
}

/// A CSV header's column names as pandas' `read_csv` makes them: an empty name is `Unnamed: i`.
pub(crate) fn csv_column_names(header: &csv::StringRecord) -> Vec<String> {
    header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            if h.is_empty() {
                format!("Unnamed: {i}")
            } else {
                h.to_string()
            }
        })
        .collect()
}

/// Parses a `text/csv` body as `pandas.read_csv` would (header row; dtypes from the signature, else
/// inferred per column: int, float, bool, or str; an empty cell is missing).
pub fn parse_csv(body: &[u8], model: &ModelInputs) -> Result<Scoring> {
    let fail = |m: &str| {
        ScoringError::mlflow(
            "BAD_REQUEST",
            &format!(
                "Failed to parse input as a Pandas DataFrame. Ensure that the input is a valid CSV-formatted Pandas DataFrame produced using the `pandas.DataFrame.to_csv()` method. Error: '{m}'"
            ),
        )
        .with_stack_trace(&format!("mlrun's CSV reader refused the body: {m}"))
    };
    let text = std::str::from_utf8(body).map_err(|e| {
        let why = pyjson::utf8_error(body).unwrap_or_else(|| format!("UnicodeDecodeError({e})"));
        ScoringError::invalid_input(&format!(
            "Ensure that input is a valid UTF-8 encoded string. Error: '{why}'"
        ))
    })?;
    // MLflow asks a tensor signature for the columns' pandas types, which it has not.
    if let Some(InputSchema::Tensors(_)) = &model.schema {
        return Err(fail(
            "TensorSpec only supports numpy types, use numpy_types() instead",
        ));
    }
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = csv_column_names(rdr.headers().map_err(|e| fail(&e.to_string()))?);
    if header.is_empty() || text.trim().is_empty() {
        return Err(fail("No columns to parse from file"));
    }
    let mut cells: Vec<Vec<String>> = Vec::new();
    for (n, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| fail(&e.to_string()))?;
        if rec.len() > header.len() {
            return Err(fail(&format!(
                "Error tokenizing data. C error: Expected {} fields in line {}, saw {}\n",
                header.len(),
                n + 2,
                rec.len()
            )));
        }
        let mut row: Vec<String> = rec.iter().map(str::to_string).collect();
        row.resize(header.len(), String::new());
        cells.push(row);
    }
    let mut columns: Vec<Vec<Value>> = Vec::with_capacity(header.len());
    for (i, name) in header.iter().enumerate() {
        let col: Vec<&str> = cells.iter().map(|r| r[i].as_str()).collect();
        let ty = model
            .schema
            .as_ref()
            .and_then(|s| s.column(name))
            .map(|c| c.ty.clone());
        columns.push(csv_column(&col, ty.as_ref(), i).map_err(|m| fail(&m))?);
    }
    let data = (0..cells.len())
        .map(|r| columns.iter().map(|c| c[r].clone()).collect())
        .collect();
    let frame = Frame {
        columns: Some(header.into_iter().map(Value::String).collect()),
        data,
        index: None,
    };
    check_frame(&frame, model)?;
    Ok(Scoring {
        input: Input::Frame(frame),
        params: None,
    })
}

fn float_value(x: f64) -> Value {
    serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
}

fn csv_column(
    col: &[&str],
    ty: Option<&ColType>,
    idx: usize,
) -> std::result::Result<Vec<Value>, String> {
    let is_na = |s: &str| {
        s.is_empty() || matches!(s, "NA" | "NaN" | "nan" | "N/A" | "NULL" | "null" | "None")
    };
    match ty {
        Some(ColType::Double | ColType::Float) => col
            .iter()
            .map(|s| {
                if is_na(s) {
                    Ok(Value::Null)
                } else {
                    py_float(s)
                        .map(float_value)
                        .ok_or_else(|| format!("could not convert string to float: {}", py_repr(s)))
                }
            })
            .collect(),
        Some(ColType::Long | ColType::Integer) => col
            .iter()
            .map(|s| {
                if is_na(s) {
                    Err(format!("Integer column has NA values in column {idx}"))
                } else {
                    s.trim().parse::<i64>().map(Value::from).map_err(|_| {
                        format!("invalid literal for int() with base 10: {}", py_repr(s))
                    })
                }
            })
            .collect(),
        Some(ColType::String) => Ok(col
            .iter()
            .map(|s| {
                if is_na(s) {
                    Value::Null
                } else {
                    Value::String(s.to_string())
                }
            })
            .collect()),
        _ => {
            let present: Vec<&str> = col.iter().copied().filter(|s| !is_na(s)).collect();
            let has_na = present.len() != col.len();
            if !present.is_empty()
                && !has_na
                && present.iter().all(|s| s.trim().parse::<i64>().is_ok())
            {
                return Ok(col
                    .iter()
                    .map(|s| Value::from(s.trim().parse::<i64>().unwrap_or(0)))
                    .collect());
            }
            if !present.is_empty() && present.iter().all(|s| s.trim().parse::<f64>().is_ok()) {
                return Ok(col
                    .iter()
                    .map(|s| {
                        if is_na(s) {
                            Value::Null
                        } else {
                            float_value(s.trim().parse().unwrap_or(f64::NAN))
                        }
                    })
                    .collect());
            }
            let boolish =
                |s: &str| matches!(s, "True" | "False" | "true" | "false" | "TRUE" | "FALSE");
            if !present.is_empty() && !has_na && present.iter().all(|s| boolish(s)) {
                return Ok(col
                    .iter()
                    .map(|s| Value::Bool(s.eq_ignore_ascii_case("true")))
                    .collect());
            }
            Ok(col
                .iter()
                .map(|s| {
                    if is_na(s) {
                        Value::Null
                    } else {
                        Value::String(s.to_string())
                    }
                })
                .collect())
        }
    }
}

/// Parses a body of either kind.
pub fn parse_body(kind: BodyKind, body: &[u8], model: &ModelInputs) -> Result<Scoring> {
    match kind {
        BodyKind::Json => parse_json(body, model),
        BodyKind::Csv => parse_csv(body, model),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn model() -> ModelInputs {
        ModelInputs {
            schema: InputSchema::parse(
                r#"[{"type": "double", "name": "a", "required": true}, {"type": "long", "name": "c", "required": false}]"#,
            ),
            type_hint: false,
        }
    }

    fn message(e: ScoringError) -> String {
        e.message()
    }

    #[test]
    fn a_tensor_signature_refuses_csv_and_an_unnamed_one_a_dict() {
        let tensors = ModelInputs {
            schema: InputSchema::parse(
                r#"[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 2]}}]"#,
            ),
            type_hint: false,
        };
        let e = parse_csv(b"a,b\n1,2\n", &tensors).unwrap_err();
        assert_eq!(e.status, 400);
        assert!(e.body.starts_with("{\"error_code\": \"BAD_REQUEST\""));
        assert!(message(e)
            .ends_with("Error: 'TensorSpec only supports numpy types, use numpy_types() instead'"));
        let e = parse_json(br#"{"inputs": {"x": [[1, 2]]}}"#, &tensors).unwrap_err();
        assert!(message(e).contains("an un-named  model signature"));
        assert!(parse_json(br#"{"inputs": [[1, 2]]}"#, &tensors).is_ok());
        // Named columns take a dict.
        assert!(parse_json(br#"{"inputs": {"a": [1.0]}}"#, &model()).is_ok());
    }

    #[test]
    fn content_types_follow_mlflow() {
        assert_eq!(content_kind(Some("application/json")), Ok(BodyKind::Json));
        assert_eq!(
            content_kind(Some("text/csv; charset=UTF-8")),
            Ok(BodyKind::Csv)
        );
        let e = content_kind(Some("application/json; charset=latin-1")).unwrap_err();
        assert_eq!(
            (e.status, e.body.as_str()),
            (415, "The scoring server only supports UTF-8")
        );
        let e = content_kind(Some("application/json; format=pandas-split")).unwrap_err();
        assert!(e
            .body
            .starts_with("Unrecognized content type parameters: format. IMPORTANT"));
        let e = content_kind(None).unwrap_err();
        assert!(e.body.ends_with("Got 'None'."), "{}", e.body);
        assert_eq!(e.content_type, "text/plain; charset=utf-8");
    }

    #[test]
    fn records_become_a_frame_with_columns_in_first_seen_order() {
        let s = parse_json(
            br#"{"dataframe_records": [{"a": 1, "b": "x"}, {"c": 3, "a": 2}], "params": {"k": 1}}"#,
            &model(),
        )
        .unwrap();
        let Input::Frame(f) = &s.input else {
            panic!("{s:?}")
        };
        assert_eq!(f.column_names(), ["a", "b", "c"]);
        assert_eq!(
            f.data,
            vec![
                vec![json!(1), json!("x"), Value::Null],
                vec![json!(2), Value::Null, json!(3)]
            ]
        );
        let msg: Value = serde_json::from_slice(&s.worker_message()).unwrap();
        assert_eq!(msg["format"], "dataframe_split");
        assert_eq!(msg["params"], json!({"k": 1}));
    }

    #[test]
    fn tensor_forms_pass_through_verbatim() {
        let s = parse_json(
            br#"{"inputs": {"z": [1], "a": [2.50]}}"#,
            &ModelInputs::default(),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(s.worker_message()).unwrap(),
            r#"{"format":"inputs","data":{"z": [1], "a": [2.50]}}"#
        );
    }

    #[test]
    fn payload_errors_use_mlflow_messages() {
        let m = model();
        assert!(message(parse_json(b"[1]", &m).unwrap_err()).ends_with("Received a list."));
        assert!(message(parse_json(b"\"s\"", &m).unwrap_err())
            .ends_with("Received unexpected input type '<class 'str'>."));
        let e = parse_json(br#"{"inputs": 1, "instances": 2}"#, &m).unwrap_err();
        assert!(
            message(e).contains("Received dictionary with input fields: ['inputs', 'instances'].")
        );
        let e = parse_json(br#"{"dataframe_split": {"columns": ["a"]}}"#, &m).unwrap_err();
        assert!(message(e).contains("must have 'data' field"));
        let e = parse_json(
            br#"{"dataframe_split": {"columns": ["c"], "data": [[1]]}}"#,
            &m,
        )
        .unwrap_err();
        assert_eq!(e.status, 400);
        assert!(e.body.contains("SCHEMA_ENFORCEMENT_FAILED"));
        assert!(message(e).contains("Model is missing inputs ['a']."));
        let e = parse_json(
            br#"{"dataframe_split": {"columns": ["a"], "data": [["1.5"], ["x"]]}}"#,
            &m,
        )
        .unwrap_err();
        assert!(
            message(e).ends_with("Error: 'ValueError(\"could not convert string to float: 'x'\")'")
        );
        let hinted = ModelInputs {
            schema: None,
            type_hint: true,
        };
        let e = parse_json(br#"{"dataframe_records": []}"#, &hinted).unwrap_err();
        assert!(message(e).contains("dict_keys(['dataframe_records'])"));
    }

    #[test]
    fn csv_is_typed_by_the_signature_or_inferred() {
        let s = parse_csv(b"a,c,s,,n\n1,2,x,7,1.5\n3,4,,8,\n", &model()).unwrap();
        let Input::Frame(f) = s.input else { panic!() };
        assert_eq!(f.column_names(), ["a", "c", "s", "Unnamed: 3", "n"]);
        assert_eq!(
            f.data[0],
            vec![json!(1.0), json!(2), json!("x"), json!(7), json!(1.5)]
        );
        assert_eq!(
            f.data[1],
            vec![json!(3.0), json!(4), Value::Null, json!(8), Value::Null]
        );
        let e = parse_csv(b"a\nx\n", &model()).unwrap_err();
        assert!(message(e).ends_with("Error: 'could not convert string to float: 'x''"));
        assert!(message(parse_csv(b"", &model()).unwrap_err()).contains("No columns to parse"));
    }

    #[test]
    fn python_reprs() {
        assert_eq!(py_repr("x"), "'x'");
        assert_eq!(py_repr("it's"), "\"it's\"");
        assert_eq!(py_repr("a\nb"), "'a\\nb'");
    }
}
