//! A model's input signature (the `signature.inputs` JSON string of MLmodel, spec §9.1) in the form
//! the scoring front needs: column specs to check a data frame against, or tensor specs to shape an
//! ONNX feed. Unknown types are kept as `Other` and never rejected here: the model's own MLflow has
//! the last word on what it accepts.
use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub enum InputSchema {
    Columns(Vec<ColSpec>),
    Tensors(Vec<TensorSpec>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ColSpec {
    pub name: Option<String>,
    pub ty: ColType,
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ColType {
    Boolean,
    Integer,
    Long,
    Float,
    Double,
    String,
    Binary,
    Datetime,
    /// `array`, `object`, `map`, `any`, or a type this version does not know.
    Other(String),
}

impl ColType {
    fn parse(s: &str) -> Self {
        match s {
            "boolean" => Self::Boolean,
            "integer" => Self::Integer,
            "long" => Self::Long,
            "float" => Self::Float,
            "double" => Self::Double,
            "string" => Self::String,
            "binary" => Self::Binary,
            "datetime" => Self::Datetime,
            other => Self::Other(other.to_string()),
        }
    }
    pub fn name(&self) -> &str {
        match self {
            Self::Boolean => "boolean",
            Self::Integer => "integer",
            Self::Long => "long",
            Self::Float => "float",
            Self::Double => "double",
            Self::String => "string",
            Self::Binary => "binary",
            Self::Datetime => "datetime",
            Self::Other(s) => s,
        }
    }
    /// The numpy dtype pandas casts the column to (as MLflow names it in its errors).
    pub fn numpy(&self) -> Option<&'static str> {
        match self {
            Self::Integer => Some("int32"),
            Self::Long => Some("int64"),
            Self::Float => Some("float32"),
            Self::Double => Some("float64"),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TensorSpec {
    pub name: Option<String>,
    /// numpy dtype name, e.g. `float32`.
    pub dtype: String,
    /// -1 for a free dimension.
    pub shape: Vec<i64>,
}

impl InputSchema {
    /// Parses `signature.inputs`; None for an absent or unreadable one (MLflow then skips checks).
    pub fn parse(json: &str) -> Option<Self> {
        let items: Vec<Value> = serde_json::from_str(json).ok()?;
        if items.is_empty() {
            return None;
        }
        let name = |v: &Value| v.get("name").and_then(Value::as_str).map(str::to_string);
        if items
            .iter()
            .all(|i| i.get("type") == Some(&"tensor".into()))
        {
            let specs = items
                .iter()
                .map(|i| {
                    let spec = i.get("tensor-spec")?;
                    Some(TensorSpec {
                        name: name(i),
                        dtype: spec.get("dtype")?.as_str()?.to_string(),
                        shape: spec
                            .get("shape")?
                            .as_array()?
                            .iter()
                            .map(|d| d.as_i64().unwrap_or(-1))
                            .collect(),
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            return Some(Self::Tensors(specs));
        }
        let cols = items
            .iter()
            .map(|i| ColSpec {
                name: name(i),
                ty: ColType::parse(i.get("type").and_then(Value::as_str).unwrap_or("any")),
                required: i.get("required").and_then(Value::as_bool).unwrap_or(true),
            })
            .collect();
        Some(Self::Columns(cols))
    }

    /// MLflow's `repr(schema)`: `['a': double (required), 'b': long (optional)]`.
    pub fn repr(&self) -> String {
        let parts: Vec<String> = match self {
            Self::Columns(cols) => cols
                .iter()
                .map(|c| {
                    let req = if c.required { "required" } else { "optional" };
                    match &c.name {
                        Some(n) => format!("'{n}': {} ({req})", c.ty.name()),
                        None => format!("{} ({req})", c.ty.name()),
                    }
                })
                .collect(),
            Self::Tensors(ts) => ts
                .iter()
                .map(|t| {
                    let shape = py_shape(&t.shape);
                    match &t.name {
                        Some(n) => format!("'{n}': Tensor('{}', {shape})", t.dtype),
                        None => format!("Tensor('{}', {shape})", t.dtype),
                    }
                })
                .collect(),
        };
        format!("[{}]", parts.join(", "))
    }

    /// MLflow's `Schema.has_input_names()`: the first input is named.
    pub fn has_input_names(&self) -> bool {
        match self {
            Self::Columns(cols) => cols.first().is_some_and(|c| c.name.is_some()),
            Self::Tensors(ts) => ts.first().is_some_and(|t| t.name.is_some()),
        }
    }

    /// Names of the required columns, when this is a column schema with names.
    pub fn required_columns(&self) -> Vec<&str> {
        match self {
            Self::Columns(cols) => cols
                .iter()
                .filter(|c| c.required)
                .filter_map(|c| c.name.as_deref())
                .collect(),
            Self::Tensors(_) => vec![],
        }
    }

    pub fn column(&self, name: &str) -> Option<&ColSpec> {
        match self {
            Self::Columns(cols) => cols.iter().find(|c| c.name.as_deref() == Some(name)),
            Self::Tensors(_) => None,
        }
    }
}

/// A shape as Python prints a tuple of ints: `(-1, 3)`, `(3,)`, `()`.
pub fn py_shape(dims: &[i64]) -> String {
    let inner = dims
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if dims.len() == 1 {
        format!("({inner},)")
    } else {
        format!("({inner})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_schema_and_repr() {
        let s = InputSchema::parse(
            r#"[{"type": "double", "name": "a", "required": true}, {"type": "long", "name": "c", "required": false}]"#,
        )
        .unwrap();
        assert_eq!(s.repr(), "['a': double (required), 'c': long (optional)]");
        assert_eq!(s.required_columns(), ["a"]);
        assert_eq!(s.column("c").unwrap().ty.numpy(), Some("int64"));
    }

    #[test]
    fn tensor_schema() {
        let s = InputSchema::parse(
            r#"[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 2]}}]"#,
        )
        .unwrap();
        assert_eq!(
            s,
            InputSchema::Tensors(vec![TensorSpec {
                name: None,
                dtype: "float32".into(),
                shape: vec![-1, 2]
            }])
        );
        assert_eq!(s.repr(), "[Tensor('float32', (-1, 2))]");
        assert!(InputSchema::parse("[]").is_none());
        assert!(InputSchema::parse("nope").is_none());
    }
}
