//! Native ONNX scoring with tract: the model is loaded and optimised once, then each request's data
//! becomes input tensors and the outputs become MLflow's `onnx` pyfunc answer (a frame in gives a
//! list of records, one column per output; a tensor or a dict of tensors gives a dict of output
//! name to nested list; with a tensor signature every answer is that dict, and requests are first
//! checked against the signature as MLflow's schema enforcement does), so a client cannot tell this
//! from `mlflow models serve` on the same model.
//!
//! Why tract (0.23): it is pure Rust (no onnxruntime shared library to download, which `ort` needs,
//! and which this project's machines cannot fetch), maintained (monthly releases by Sonos), runs on
//! the CPU (wonnx needs a GPU through wgpu and has had no release since 2023), and it implements the
//! `ai.onnx.ml` operators sklearn-onnx emits for linear models and tree classifiers (LinearRegressor,
//! LinearClassifier, TreeEnsembleClassifier, Normalizer, CategoryMapper), which candle-onnx does not.
//! Its gaps: TreeEnsembleRegressor and ZipMap (convert classifiers with `zipmap=False`).
use super::protocol::{Frame, Input, Scoring, ScoringError};
use super::schema::{py_shape, InputSchema, TensorSpec};
use crate::pyfloat;
use serde_json::Value;
use std::path::Path;
use std::sync::Arc;
use tract_onnx::prelude::*;

type Plan = Arc<TypedRunnableModel>;

/// A loaded ONNX model, shareable across threads (`run` takes `&self`).
pub struct OnnxModel {
    plan: Plan,
    inputs: Vec<TensorInfo>,
    outputs: Vec<String>,
    /// The model's tensor signature, when it has one: requests are checked against it first, and
    /// every answer is a dict of tensors (MLflow hands the model a numpy array, even for a frame).
    signature: Option<InputSchema>,
}

#[derive(Debug, Clone)]
struct TensorInfo {
    name: String,
    dtype: DatumType,
    /// None for a free (symbolic) dimension.
    shape: Vec<Option<usize>>,
}

fn err(e: impl std::fmt::Display) -> ScoringError {
    ScoringError::mlflow("BAD_REQUEST", &e.to_string())
}

impl OnnxModel {
    pub fn load(path: &Path) -> Result<Self, String> {
        let model = tract_onnx::onnx()
            .model_for_path(path)
            .and_then(with_batch_symbol)
            .and_then(|m| m.into_optimized())
            .map_err(|e| format!("cannot load the ONNX model '{}': {e:#}", path.display()))?;
        let info = |o: &OutletId| -> TractResult<TensorInfo> {
            let fact = model.outlet_fact(*o)?;
            Ok(TensorInfo {
                name: model
                    .outlet_label(*o)
                    .unwrap_or(&model.node(o.node).name)
                    .to_string(),
                dtype: fact.datum_type,
                shape: fact
                    .shape
                    .iter()
                    .map(|d| d.to_i64().ok().map(|v| v as usize))
                    .collect(),
            })
        };
        let load = || -> TractResult<(Vec<TensorInfo>, Vec<String>)> {
            let inputs = model
                .input_outlets()?
                .iter()
                .map(|o| {
                    let mut i = info(o)?;
                    i.name = model.node(o.node).name.clone();
                    Ok(i)
                })
                .collect::<TractResult<Vec<_>>>()?;
            let outputs = model
                .output_outlets()?
                .iter()
                .map(|o| info(o).map(|i| i.name))
                .collect::<TractResult<Vec<_>>>()?;
            Ok((inputs, outputs))
        };
        let (inputs, outputs) = load().map_err(|e| format!("{e:#}"))?;
        let plan = model
            .into_runnable()
            .map_err(|e| format!("cannot plan the ONNX model '{}': {e:#}", path.display()))?;
        Ok(Self {
            plan,
            inputs,
            outputs,
            signature: None,
        })
    }

    /// Takes the model's signature (from its MLmodel); only a tensor signature matters here.
    pub fn with_signature(mut self, schema: Option<&InputSchema>) -> Self {
        self.signature = schema
            .filter(|s| matches!(s, InputSchema::Tensors(t) if !t.is_empty()))
            .cloned();
        self
    }

    /// What MLflow's `_enforce_tensor_schema` refuses: a shape the signature does not allow, or a
    /// frame whose width an unnamed signature does not have.
    fn enforce_signature(&self, req: &Scoring, json: Option<&Value>) -> Result<(), ScoringError> {
        let Some(schema @ InputSchema::Tensors(specs)) = &self.signature else {
            return Ok(());
        };
        let fail = |inner: String| {
            ScoringError::schema(&format!(
                "Failed to predict data. \nError: Failed to enforce schema of data with schema '{}'. Error: {inner}",
                schema.repr()
            ))
        };
        let check = |spec: &TensorSpec, got: &[usize]| -> Result<(), ScoringError> {
            let fits = spec.shape.len() == got.len()
                && spec
                    .shape
                    .iter()
                    .zip(got)
                    .all(|(w, g)| *w == -1 || usize::try_from(*w).ok() == Some(*g));
            if fits {
                return Ok(());
            }
            let got: Vec<i64> = got.iter().map(|&g| g as i64).collect();
            Err(fail(format!(
                "Shape of input {} does not match expected shape {}.",
                py_shape(&got),
                py_shape(&spec.shape)
            )))
        };
        let named = schema.has_input_names();
        match (&req.input, json) {
            (Input::Frame(f), _) if !named => {
                let width = f
                    .columns
                    .as_ref()
                    .map_or_else(|| f.data.first().map_or(0, Vec::len), Vec::len);
                if width > 1 {
                    if specs[0].shape != [-1, width as i64] {
                        return Err(fail(format!(
                            "This model contains a model signature with an unnamed input. Since the input data is a pandas DataFrame containing multiple columns, the input shape must be of the structure (-1, number_of_dataframe_columns). Instead, the input DataFrame passed had {width} columns and an input shape of {} with all values within the DataFrame of scalar type. Please adjust the passed in DataFrame to match the expected structure",
                            py_shape(&specs[0].shape)
                        )));
                    }
                    check(&specs[0], &[f.data.len(), width])?;
                }
            }
            (_, Some(Value::Object(m))) if named => {
                for spec in specs {
                    if let Some(x) = spec.name.as_ref().and_then(|n| m.get(n)) {
                        check(spec, &flatten(x)?.1)?;
                    }
                }
            }
            (_, Some(v @ Value::Array(_))) if !named => check(&specs[0], &flatten(v)?.1)?,
            _ => {}
        }
        Ok(())
    }

    pub fn input_names(&self) -> Vec<&str> {
        self.inputs.iter().map(|i| i.name.as_str()).collect()
    }

    /// Scores one request; the reply body is `{"predictions": …}` as MLflow's json.dumps writes it.
    pub fn predict(&self, req: &Scoring) -> Result<String, ScoringError> {
        let (feed, frame) = match &req.input {
            Input::Frame(f) => {
                self.enforce_signature(req, None)?;
                (self.feed_from_frame(f)?, true)
            }
            Input::Inputs(raw) | Input::Instances(raw) => {
                let v: Value = serde_json::from_str(raw.get()).map_err(err)?;
                let v = match (&req.input, v) {
                    // instances as a list of records are a dict of columns
                    (Input::Instances(_), Value::Array(items))
                        if !items.is_empty() && items.iter().all(Value::is_object) =>
                    {
                        let mut cols = serde_json::Map::new();
                        for item in items {
                            if let Value::Object(m) = item {
                                for (k, x) in m {
                                    if let Value::Array(c) =
                                        cols.entry(k).or_insert_with(|| Value::Array(vec![]))
                                    {
                                        c.push(x);
                                    }
                                }
                            }
                        }
                        Value::Object(cols)
                    }
                    (_, v) => v,
                };
                self.enforce_signature(req, Some(&v))?;
                (self.feed_from_json(&v)?, false)
            }
        };
        // A tensor signature: MLflow feeds the model a numpy array, which answers with tensors.
        let frame = frame && self.signature.is_none();
        let outs = self.plan.run(feed).map_err(|e| {
            ScoringError::mlflow(
                "BAD_REQUEST",
                "Encountered an unexpected error while evaluating the model. Verify that the serialized input Dataframe is compatible with the model for inference.",
            )
            .with_stack_trace(&format!("mlrun's ONNX runtime failed: {e:#}"))
        })?;
        let mut columns = Vec::with_capacity(outs.len());
        for (name, t) in self.outputs.iter().zip(outs.iter()) {
            columns.push((name.as_str(), values_of(t)?, t.shape().to_vec()));
        }
        let mut body = String::from("{\"predictions\": ");
        if frame {
            // pandas.DataFrame.from_dict({name: output.reshape(-1)}) → records
            let n = columns.first().map_or(0, |c| c.1.len());
            if columns.iter().any(|c| c.1.len() != n) {
                return Err(ScoringError::mlflow(
                    "BAD_REQUEST",
                    "All arrays must be of the same length: the model's outputs cannot form one data frame; send the data as \"inputs\" to get each output as a tensor",
                ));
            }
            body.push('[');
            for r in 0..n {
                if r > 0 {
                    body.push_str(", ");
                }
                body.push('{');
                for (j, (name, vals, _)) in columns.iter().enumerate() {
                    if j > 0 {
                        body.push_str(", ");
                    }
                    body.push_str(&crate::models::mlmodel::py_json_string(name));
                    body.push_str(": ");
                    body.push_str(&vals[r]);
                }
                body.push('}');
            }
            body.push(']');
        } else {
            body.push('{');
            for (j, (name, vals, shape)) in columns.iter().enumerate() {
                if j > 0 {
                    body.push_str(", ");
                }
                body.push_str(&crate::models::mlmodel::py_json_string(name));
                body.push_str(": ");
                nested(&mut body, vals, shape);
            }
            body.push('}');
        }
        body.push('}');
        Ok(body)
    }

    fn feed_from_frame(&self, f: &Frame) -> Result<TVec<TValue>, ScoringError> {
        let rows = f.data.len();
        if self.inputs.len() == 1 {
            let width = f.data.first().map_or(0, Vec::len);
            let flat: Vec<&Value> = f.data.iter().flatten().collect();
            let t = self.tensor(&self.inputs[0], &flat, vec![rows, width])?;
            return Ok(tvec!(t.into()));
        }
        let names = f.column_names();
        let mut feed = TVec::new();
        for input in &self.inputs {
            let Some(j) = names.iter().position(|n| *n == input.name) else {
                return Err(ScoringError::mlflow(
                    "BAD_REQUEST",
                    &format!(
                        "The ONNX model needs an input column '{}' (its inputs: {})",
                        input.name,
                        self.input_names().join(", ")
                    ),
                ));
            };
            let col: Vec<&Value> = f.data.iter().map(|r| &r[j]).collect();
            let shape = if input.shape.len() == 2 {
                vec![rows, 1]
            } else {
                vec![rows]
            };
            feed.push(self.tensor(input, &col, shape)?.into());
        }
        Ok(feed)
    }

    fn feed_from_json(&self, v: &Value) -> Result<TVec<TValue>, ScoringError> {
        match v {
            Value::Object(m) => {
                let mut feed = TVec::new();
                for input in &self.inputs {
                    let Some(x) = m.get(&input.name) else {
                        return Err(ScoringError::mlflow(
                            "BAD_REQUEST",
                            &format!(
                                "The ONNX model needs an input '{}' (its inputs: {})",
                                input.name,
                                self.input_names().join(", ")
                            ),
                        ));
                    };
                    let (flat, shape) = flatten(x)?;
                    feed.push(self.tensor(input, &flat, shape)?.into());
                }
                Ok(feed)
            }
            _ => {
                if self.inputs.len() != 1 {
                    return Err(ScoringError::mlflow(
                        "BAD_REQUEST",
                        &format!(
                            "Unable to map numpy array input to the expected model input. Numpy arrays can only be used as input for MLflow ONNX models that have a single input. This model requires {} inputs. Please pass in data as either a dictionary or a DataFrame with the following tensors: {:?}.",
                            self.inputs.len(),
                            self.input_names()
                        ),
                    ));
                }
                let (flat, shape) = flatten(v)?;
                Ok(tvec!(self.tensor(&self.inputs[0], &flat, shape)?.into()))
            }
        }
    }

    /// Builds a tensor of the input's type (numbers cast as MLflow's float64 → float32 step does).
    fn tensor(
        &self,
        input: &TensorInfo,
        vals: &[&Value],
        shape: Vec<usize>,
    ) -> Result<Tensor, ScoringError> {
        if input.shape.len() == shape.len() {
            for (i, (want, got)) in input.shape.iter().zip(&shape).enumerate() {
                if let Some(w) = want {
                    if w != got {
                        let wanted: Vec<i64> = input
                            .shape
                            .iter()
                            .map(|d| d.map_or(-1, |d| d as i64))
                            .collect();
                        let sent: Vec<i64> = shape.iter().map(|&d| d as i64).collect();
                        return Err(ScoringError::mlflow(
                            "BAD_REQUEST",
                            &format!(
                                "Invalid input shape for '{}': dimension {i} is {got}, the model expects {w} (model input shape {}, got {})",
                                input.name,
                                py_shape(&wanted),
                                py_shape(&sent),
                            ),
                        ));
                    }
                }
            }
        }
        let num = |v: &Value| -> Result<f64, ScoringError> {
            match v {
                Value::Number(n) => Ok(n.as_f64().unwrap_or(f64::NAN)),
                Value::Bool(b) => Ok(f64::from(u8::from(*b))),
                Value::Null => Ok(f64::NAN),
                Value::String(s) => s.trim().parse().map_err(|_| {
                    ScoringError::invalid_input(&format!(
                        "could not convert string to float: {}",
                        super::protocol::py_repr(s)
                    ))
                }),
                other => Err(ScoringError::invalid_input(&format!(
                    "expected a number, got {other}"
                ))),
            }
        };
        let t = match input.dtype {
            DatumType::F32 => {
                let d = vals
                    .iter()
                    .map(|v| num(v).map(|x| x as f32))
                    .collect::<Result<Vec<_>, _>>()?;
                Tensor::from_shape(&shape, &d)
            }
            DatumType::F64 => {
                let d = vals.iter().map(|v| num(v)).collect::<Result<Vec<_>, _>>()?;
                Tensor::from_shape(&shape, &d)
            }
            DatumType::I64 => {
                let d = vals
                    .iter()
                    .map(|v| num(v).map(|x| x as i64))
                    .collect::<Result<Vec<_>, _>>()?;
                Tensor::from_shape(&shape, &d)
            }
            DatumType::I32 => {
                let d = vals
                    .iter()
                    .map(|v| num(v).map(|x| x as i32))
                    .collect::<Result<Vec<_>, _>>()?;
                Tensor::from_shape(&shape, &d)
            }
            DatumType::String => {
                let d: Vec<String> = vals
                    .iter()
                    .map(|v| match v {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .collect();
                let mut t = Tensor::from(tract_ndarray::Array1::from(d));
                t.set_shape(&shape).map_err(err)?;
                Ok(t)
            }
            other => {
                return Err(ScoringError::internal(&format!(
                    "mlrun cannot feed ONNX inputs of type {other:?}"
                )))
            }
        };
        t.map_err(err)
    }
}

/// tract wants every input fact determined; converters leave the batch dimension unnamed (None), so
/// each unknown dimension becomes one symbol `N` (the batch size of a request).
fn with_batch_symbol(mut model: InferenceModel) -> TractResult<InferenceModel> {
    use tract_onnx::tract_hir::infer::Factoid;
    let n = model.symbols.sym("N");
    for ix in 0..model.input_outlets()?.len() {
        let fact = model.input_fact(ix)?.clone();
        let dt = fact.datum_type.concretize().unwrap_or(DatumType::F32);
        let dims: Vec<TDim> = fact
            .shape
            .dims()
            .map(|d| d.concretize().unwrap_or_else(|| n.clone().into()))
            .collect();
        model.set_input_fact(ix, InferenceFact::dt_shape(dt, dims))?;
    }
    Ok(model)
}

/// A rectangular nested JSON list, flattened, with its shape.
fn flatten(v: &Value) -> Result<(Vec<&Value>, Vec<usize>), ScoringError> {
    fn shape_of(v: &Value) -> Vec<usize> {
        match v {
            Value::Array(a) => {
                let mut s = vec![a.len()];
                if let Some(first) = a.first() {
                    s.extend(shape_of(first));
                }
                s
            }
            _ => vec![],
        }
    }
    fn walk<'a>(v: &'a Value, shape: &[usize], out: &mut Vec<&'a Value>) -> bool {
        match (v, shape.split_first()) {
            (Value::Array(a), Some((n, rest))) => {
                a.len() == *n && a.iter().all(|x| walk(x, rest, out))
            }
            (Value::Array(_), None) => false,
            (x, None) => {
                out.push(x);
                true
            }
            (_, Some(_)) => false,
        }
    }
    let shape = shape_of(v);
    let mut out = Vec::new();
    if !walk(v, &shape, &mut out) {
        return Err(ScoringError::invalid_input(
            "the tensor input is not rectangular (all rows must have the same length)",
        ));
    }
    Ok((out, shape))
}

/// Each value of an output tensor as Python's json.dumps writes it.
fn values_of(t: &TValue) -> Result<Vec<String>, ScoringError> {
    let internal = |e: TractError| ScoringError::internal(&format!("{e:#}"));
    let dt = t.datum_type();
    if dt == DatumType::String {
        let view = t.try_as_plain_ram().map_err(internal)?;
        let s = view.as_slice::<String>().map_err(internal)?;
        return Ok(s
            .iter()
            .map(|x| crate::models::mlmodel::py_json_string(x))
            .collect());
    }
    if dt == DatumType::Bool {
        let view = t.try_as_plain_ram().map_err(internal)?;
        let s = view.as_slice::<bool>().map_err(internal)?;
        return Ok(s
            .iter()
            .map(|b| if *b { "true" } else { "false" }.to_string())
            .collect());
    }
    if dt.is_integer() {
        let c = t.cast_to::<i64>().map_err(internal)?;
        let view = c.try_as_plain_ram().map_err(internal)?;
        return Ok(view
            .as_slice::<i64>()
            .map_err(internal)?
            .iter()
            .map(i64::to_string)
            .collect());
    }
    let c = t.cast_to::<f64>().map_err(internal)?;
    let view = c.try_as_plain_ram().map_err(internal)?;
    Ok(view
        .as_slice::<f64>()
        .map_err(internal)?
        .iter()
        .map(|x| py_json_float(*x))
        .collect())
}

/// json.dumps of a float: repr, with NaN and Infinity spelled as JavaScript does.
fn py_json_float(x: f64) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x.is_infinite() {
        if x > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        pyfloat::format(x)
    }
}

fn nested(out: &mut String, vals: &[String], shape: &[usize]) {
    match shape.split_first() {
        None => out.push_str(vals.first().map_or("null", String::as_str)),
        Some((n, rest)) => {
            let stride: usize = rest.iter().product();
            out.push('[');
            for i in 0..*n {
                if i > 0 {
                    out.push_str(", ");
                }
                nested(out, &vals[i * stride..(i + 1) * stride], rest);
            }
            out.push(']');
        }
    }
}
