//! A request's parameters as MLflow's server reads them: a GET's query string or a JSON body, each
//! field checked with the messages of MLflow's `_validate_param_against_schema`, and the error
//! body (`{"error_code": …, "message": …}`) with MLflow's HTTP status for each code.
use crate::entities::KeyValue;
use crate::error::StoreError;
use crate::http;
use serde_json::{Map, Value};

/// Fields MLflow declares repeated: in a query string they may appear once and are still a list.
const REPEATED: &[&str] = &["experiment_ids", "order_by", "run_ids", "metric_keys"];

/// An answer that is not a success: MLflow's error code, message and HTTP status.
#[derive(Debug)]
pub struct ApiError {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status: status_of(code),
            code,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new("INVALID_PARAMETER_VALUE", message)
    }

    pub fn response(&self) -> http::Response {
        let body = serde_json::json!({"error_code": self.code, "message": self.message});
        json_response(self.status, &body)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            // A link met on a path a request named is that request's fault, not the store's.
            StoreError::Symlink { .. } => Self::invalid(e.to_string()),
            e => Self::new(e.code(), e.to_string()),
        }
    }
}

/// MLflow's `ERROR_CODE_TO_HTTP_STATUS`.
pub fn status_of(code: &str) -> u16 {
    match code {
        "INVALID_PARAMETER_VALUE" | "RESOURCE_ALREADY_EXISTS" | "BAD_REQUEST" => 400,
        "RESOURCE_DOES_NOT_EXIST" | "ENDPOINT_NOT_FOUND" | "NOT_FOUND" => 404,
        "PERMISSION_DENIED" => 403,
        "UNAUTHENTICATED" | "CUSTOMER_UNAUTHORIZED" => 401,
        "NOT_IMPLEMENTED" => 501,
        "TEMPORARILY_UNAVAILABLE" => 503,
        "RESOURCE_EXHAUSTED" | "REQUEST_LIMIT_EXCEEDED" => 429,
        "ABORTED" | "RESOURCE_CONFLICT" | "ALREADY_EXISTS" => 409,
        _ => 500,
    }
}

/// A JSON answer, indented as MLflow's `message_to_json` indents it.
pub fn json_response(status: u16, v: &Value) -> http::Response {
    let body = serde_json::to_vec_pretty(v).unwrap_or_else(|e| e.to_string().into_bytes());
    http::Response::bytes(status, "application/json", body)
}

pub type ApiResult<T = Value> = Result<T, ApiError>;

/// The parameters of one request.
#[derive(Debug)]
pub struct Params(pub Map<String, Value>);

impl Params {
    /// From a GET's query string, or else a JSON object body (an empty body is `{}`), refusing
    /// other content types as MLflow does.
    pub fn of(req: &http::Request) -> ApiResult<Self> {
        if req.method == "GET" || req.method == "HEAD" {
            let q = req.target.split_once('?').map_or("", |(_, q)| q);
            let mut map = Map::new();
            for (k, v) in crate::ui::parse_query(q) {
                if REPEATED.contains(&k.as_str()) {
                    if let Value::Array(a) =
                        map.entry(k).or_insert_with(|| Value::Array(Vec::new()))
                    {
                        a.push(Value::String(v));
                    }
                } else {
                    map.entry(k).or_insert(Value::String(v));
                }
            }
            return Ok(Params(map));
        }
        let json_type = req
            .header("content-type")
            .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/json"));
        if !json_type {
            return Err(ApiError::invalid(
                "Bad Request. Content-Type must be one of ['application/json'].",
            ));
        }
        if req.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Params(Map::new()));
        }
        match serde_json::from_slice::<Value>(&req.body) {
            Ok(Value::Object(m)) => Ok(Params(m)),
            // MLflow's `get_json(silent=True)` makes a broken body None, then an empty message.
            Ok(_) | Err(_) => Ok(Params(Map::new())),
        }
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.0.get(name).filter(|v| !v.is_null())
    }

    /// A string field; `required` refuses it missing or empty.
    pub fn str(&self, name: &str, required: bool) -> ApiResult<Option<String>> {
        match self.get(name) {
            None => missing(name, required).map(|_| None),
            Some(Value::String(s)) if s.is_empty() => {
                missing(name, required).map(|_| Some(s.clone()))
            }
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(v) => Err(invalid_value(name, v)),
        }
    }

    pub fn required(&self, name: &str) -> ApiResult<String> {
        Ok(self.str(name, true)?.unwrap_or_default())
    }

    /// The first of several names a field goes by (`run_id`, `run_uuid`).
    pub fn required_any(&self, names: &[&str]) -> ApiResult<String> {
        for n in names {
            if let Some(s) = self.str(n, false)?.filter(|s| !s.is_empty()) {
                return Ok(s);
            }
        }
        missing(names[0], true).map(|_| String::new())
    }

    /// An int64 field: a JSON number or a numeric string.
    pub fn int(&self, name: &str, required: bool) -> ApiResult<Option<i64>> {
        match self.get(name) {
            None => missing(name, required).map(|_| None),
            Some(Value::Number(n)) if n.is_i64() => Ok(n.as_i64()),
            Some(Value::String(s)) if s.trim().parse::<i64>().is_ok() => Ok(s.trim().parse().ok()),
            Some(v) => Err(invalid_value(name, v)),
        }
    }

    /// A double field: a number, a numeric string, or MLflow's NaN and infinity spellings.
    pub fn float(&self, name: &str, required: bool) -> ApiResult<Option<f64>> {
        match self.get(name) {
            None => missing(name, required).map(|_| None),
            Some(v @ (Value::Number(_) | Value::String(_))) => {
                match crate::store::rest::wire::metric_value(Some(v)) {
                    Some(f) => Ok(Some(f)),
                    None => Err(invalid_value(name, v)),
                }
            }
            Some(v) => Err(invalid_value(name, v)),
        }
    }

    /// A list of strings (one string is a list of one, as a query string gives it).
    pub fn strings(&self, name: &str) -> ApiResult<Vec<String>> {
        match self.get(name) {
            None => Ok(Vec::new()),
            Some(Value::String(s)) => Ok(vec![s.clone()]),
            Some(Value::Array(a)) => a
                .iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s.clone()),
                    _ => Err(invalid_value(name, &Value::Array(a.clone()))),
                })
                .collect(),
            Some(v) => Err(invalid_value(name, v)),
        }
    }

    /// A list of objects (MLflow's repeated messages).
    pub fn objects(&self, name: &str) -> ApiResult<Vec<Params>> {
        match self.get(name) {
            None => Ok(Vec::new()),
            Some(Value::Array(a)) => a
                .iter()
                .map(|v| match v {
                    Value::Object(m) => Ok(Params(m.clone())),
                    _ => Err(invalid_value(name, &Value::Array(a.clone()))),
                })
                .collect(),
            Some(v) => Err(invalid_value(name, v)),
        }
    }

    /// This request's own `key` (required) and `value` (a tag or param being set).
    pub fn key_value(&self) -> ApiResult<KeyValue> {
        Ok(KeyValue::new(
            self.required("key")?,
            self.str("value", false)?.unwrap_or_default(),
        ))
    }

    /// A repeated `{key, value}` field (tags, params).
    pub fn key_values(&self, name: &str) -> ApiResult<Vec<KeyValue>> {
        self.objects(name)?
            .into_iter()
            .map(|o| {
                Ok(KeyValue::new(
                    o.str("key", false)?.unwrap_or_default(),
                    o.str("value", false)?.unwrap_or_default(),
                ))
            })
            .collect()
    }
}

pub(super) fn missing(name: &str, required: bool) -> ApiResult<()> {
    if required {
        Err(ApiError::invalid(format!(
            "Missing value for required parameter '{name}'. See the API docs for more information \
             about request parameters."
        )))
    } else {
        Ok(())
    }
}

/// MLflow's `invalid_value` message with the value's Python repr and type.
fn invalid_value(name: &str, v: &Value) -> ApiError {
    ApiError::invalid(format!(
        "Invalid value {} for parameter '{name}' supplied:  Hint: Value was of type '{}'. See the \
         API docs for more information about request parameters.",
        py_repr(v),
        py_type(v)
    ))
}

fn py_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => crate::search::py_repr_str(s),
        Value::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Value::Object(m) => format!(
            "{{{}}}",
            m.iter()
                .map(|(k, v)| format!("{}: {}", crate::search::py_repr_str(k), py_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wrong_types_are_named_as_mlflow_names_them() {
        let p = Params(
            json!({"experiment_id": 5, "tags": {"a": [1, true, null]}})
                .as_object()
                .unwrap()
                .clone(),
        );
        let e = p.str("experiment_id", false).unwrap_err();
        assert!(e.message.starts_with("Invalid value 5 for parameter 'experiment_id' supplied:  Hint: Value was of type 'int'."), "{}", e.message);
        let e = p.objects("tags").unwrap_err();
        assert!(
            e.message.contains("{'a': [1, True, None]}"),
            "{}",
            e.message
        );
        let e = p.str("name", true).unwrap_err();
        assert_eq!(e.status, 400);
        assert!(e
            .message
            .starts_with("Missing value for required parameter 'name'."));
    }
}
