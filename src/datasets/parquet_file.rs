//! What `mlflow.data.from_pandas(pd.read_parquet(path), source=path)` records for a local Parquet
//! file. The file is read into arrow arrays with the column types pyarrow restores (its embedded
//! arrow schema applied), each mapped to the dtype `to_pandas` gives; a type whose pandas dtype,
//! hash or schema is not matched exactly here is refused, naming the column, never given a wrong
//! digest. The digest, schema and profile are the CSV port's (`pandas.rs`).
use super::pandas::{
    colspec_schema, hash_float, hash_str, mix, pandas_digest, profile, DigestError, PandasRecord,
    MAX_ROWS,
};
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type, UInt32Type,
    UInt8Type,
};
use arrow_array::Array;
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use std::io::Read;
use std::path::Path;

/// Whether `path` starts with Parquet's magic bytes.
pub fn is_parquet(path: &Path) -> bool {
    let mut magic = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok_and(|()| &magic == b"PAR1")
}

/// The pandas dtype a column becomes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Dtype {
    /// A signed or unsigned integer of `bytes` bytes: pandas hashes its bits zero-extended.
    Int {
        bytes: u8,
        unsigned: bool,
    },
    Float32,
    Float64,
    Bool,
    Str,
}

/// The first rows' values of a column, as read.
enum Head {
    Int(Vec<Option<i64>>),
    F32(Vec<f32>),
    F64(Vec<f64>),
    Str(Vec<Option<String>>),
    None,
}

struct Column {
    name: String,
    dtype: Dtype,
    nulls: bool,
    nan: bool,
    /// Values that are not null.
    present: usize,
    head: Head,
}

fn dtype_of(ty: &DataType) -> Option<Dtype> {
    let int = |bytes, unsigned| Some(Dtype::Int { bytes, unsigned });
    match ty {
        DataType::Int8 => int(1, false),
        DataType::Int16 => int(2, false),
        DataType::Int32 => int(4, false),
        DataType::Int64 => int(8, false),
        DataType::UInt8 => int(1, true),
        DataType::UInt16 => int(2, true),
        DataType::UInt32 => int(4, true),
        DataType::Float32 => Some(Dtype::Float32),
        DataType::Float64 => Some(Dtype::Float64),
        DataType::Boolean => Some(Dtype::Bool),
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => Some(Dtype::Str),
        _ => None,
    }
}

/// Checks the `pandas` metadata pyarrow writes for a DataFrame: `read_parquet` restores its index
/// and its columns' dtypes from it. Returns the RangeIndex `(start, step)` it restores.
fn pandas_metadata(
    text: &str,
    names: &[String],
    col_err: &dyn Fn(&str, String) -> DigestError,
    file_err: &dyn Fn(String) -> DigestError,
) -> Result<(i64, i64), DigestError> {
    let meta: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| file_err(format!("its pandas metadata is not JSON ({e})")))?;
    let unsupported = |what: &str| {
        file_err(format!(
            "its pandas metadata restores {what}, which is not matched here (pass --digest)"
        ))
    };
    let mut index = (0, 1);
    match meta["index_columns"].as_array().map(Vec::as_slice) {
        None | Some([]) => {}
        Some([range]) if range["kind"] == "range" && range["name"].is_null() => {
            let start = range["start"].as_i64();
            let step = range["step"].as_i64();
            match (start, step) {
                (Some(start), Some(step)) => index = (start, step),
                _ => return Err(unsupported("an index other than a RangeIndex")),
            }
        }
        Some(_) => return Err(unsupported("an index other than an unnamed RangeIndex")),
    }
    match meta["column_indexes"].as_array().map(Vec::as_slice) {
        None | Some([]) => {}
        Some([c]) if c["pandas_type"] == "unicode" && c["name"].is_null() => {}
        Some(_) => return Err(unsupported("column labels that are not plain strings")),
    }
    const PLAIN: [&str; 12] = [
        "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "float32", "float64",
        "bool", "object", "str",
    ];
    for c in meta["columns"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        let Some(field) = c["field_name"].as_str() else {
            continue;
        };
        if !names.iter().any(|n| n == field) {
            continue;
        }
        if c["name"].as_str() != Some(field) {
            return Err(col_err(
                field,
                "has a pandas label that is not this string, which is not matched here".into(),
            ));
        }
        let numpy = c["numpy_type"].as_str().unwrap_or_default();
        if !PLAIN.contains(&numpy) {
            return Err(col_err(
                field,
                format!("is restored by pandas as dtype {numpy}, which is not matched here"),
            ));
        }
    }
    Ok(index)
}

/// Reads `path` as `pd.read_parquet(path)` would and returns what MLflow records for it.
pub fn parquet_dataset(path: &Path) -> Result<PandasRecord, DigestError> {
    // The file is hostile input and the decoder a large third-party crate: should it ever panic
    // on a damaged file, that is this file's error, not the end of the process.
    std::panic::catch_unwind(|| read_parquet(path)).unwrap_or_else(|_| {
        Err(DigestError::File {
            path: path.to_path_buf(),
            message: "the Parquet reader failed on this file (damaged?)".into(),
        })
    })
}

fn read_parquet(path: &Path) -> Result<PandasRecord, DigestError> {
    let file_err = |message: String| DigestError::File {
        path: path.to_path_buf(),
        message,
    };
    let col_err = |column: &str, message: String| DigestError::Column {
        path: path.to_path_buf(),
        column: column.to_string(),
        message,
    };
    let file = std::fs::File::open(path).map_err(|source| DigestError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| file_err(format!("not a Parquet file mlrun can read ({e})")))?;
    let schema = builder.schema().clone();
    let names: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
    let mut columns = Vec::with_capacity(names.len());
    for (i, f) in schema.fields().iter().enumerate() {
        if names[..i].contains(f.name()) {
            return Err(col_err(
                f.name(),
                "appears twice, which is not matched here".into(),
            ));
        }
        let dtype = match dtype_of(f.data_type()) {
            Some(d) if !f.metadata().contains_key("ARROW:extension:name") => d,
            _ => {
                return Err(col_err(
                    f.name(),
                    format!(
                        "has type {}, whose pandas digest is not computed here (pass --digest)",
                        f.data_type()
                    ),
                ))
            }
        };
        columns.push(Column {
            name: f.name().clone(),
            dtype,
            nulls: false,
            nan: false,
            present: 0,
            head: match dtype {
                Dtype::Int { .. } => Head::Int(Vec::new()),
                Dtype::Float32 => Head::F32(Vec::new()),
                Dtype::Float64 => Head::F64(Vec::new()),
                Dtype::Str => Head::Str(Vec::new()),
                Dtype::Bool => Head::None,
            },
        });
    }
    let pandas_meta = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .and_then(|kv| kv.iter().find(|kv| kv.key == "pandas"))
        .and_then(|kv| kv.value.clone());
    let index = match pandas_meta {
        Some(text) => pandas_metadata(&text, &names, &col_err, &file_err)?,
        None => (0, 1),
    };
    let reader = builder
        .build()
        .map_err(|e| file_err(format!("cannot be read ({e})")))?;
    let mut rows = 0usize;
    for batch in reader {
        let batch = batch.map_err(|e| file_err(format!("cannot be read ({e})")))?;
        let take = MAX_ROWS.saturating_sub(rows).min(batch.num_rows());
        for (c, array) in columns.iter_mut().zip(batch.columns()) {
            read_column(c, array.as_ref(), take);
        }
        rows += batch.num_rows();
    }
    if rows == 0 {
        return Err(file_err("has no rows".into()));
    }

    let spec: Vec<(&str, &str, bool)> = columns
        .iter()
        .map(|c| {
            let ty = match c.dtype {
                Dtype::Int { .. } if c.nulls => "double",
                Dtype::Int {
                    bytes: 8,
                    unsigned: false,
                }
                | Dtype::Int {
                    bytes: 4,
                    unsigned: true,
                } => "long",
                Dtype::Int { .. } => "integer",
                Dtype::Float32 => "float",
                Dtype::Float64 => "double",
                Dtype::Bool => "boolean",
                Dtype::Str => "string",
            };
            (c.name.as_str(), ty, !c.nulls && !c.nan)
        })
        .collect();
    if let Some(c) = columns.iter().find(|c| c.present == 0) {
        return Err(col_err(
            &c.name,
            "holds only nulls (MLflow's schema types such a column by its values); not matched \
             here"
                .into(),
        ));
    }
    let strings: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].dtype == Dtype::Str && !columns[i].nulls)
        .collect();
    let numbers: Vec<usize> = (0..columns.len())
        .filter(|&i| !matches!(columns[i].dtype, Dtype::Str | Dtype::Bool))
        .collect();
    let head = rows.min(MAX_ROWS);
    let digest = pandas_digest(&names, strings, numbers, head, rows, index, |i, r| {
        let c = &columns[i];
        match (&c.head, c.dtype) {
            // An integer column with nulls is float64 in pandas.
            (Head::Int(v), _) if c.nulls => hash_float(v[r].map_or(f64::NAN, |x| x as f64)),
            (Head::Int(v), Dtype::Int { bytes, .. }) => {
                let x = v[r].unwrap_or_default() as u64;
                mix(if bytes == 8 {
                    x
                } else {
                    x & ((1u64 << (8 * bytes)) - 1)
                })
            }
            (Head::F32(v), _) => mix(float32_bits(v[r])),
            (Head::F64(v), _) => hash_float(v[r]),
            (Head::Str(v), _) => hash_str(v[r].as_deref().unwrap_or_default()),
            _ => 0,
        }
    });
    Ok(PandasRecord {
        digest,
        schema: colspec_schema(&spec),
        profile: profile(rows, columns.len()),
    })
}

/// pandas' bits of a float32 before mixing: NaN and -0.0 made canonical, zero-extended.
fn float32_bits(f: f32) -> u64 {
    if f.is_nan() {
        u64::from(f32::NAN.to_bits())
    } else if f == 0.0 {
        0
    } else {
        u64::from(f.to_bits())
    }
}

/// Notes a batch's nulls and NaNs in `c` and keeps its first `take` values.
fn read_column(c: &mut Column, array: &dyn Array, take: usize) {
    c.nulls |= array.null_count() > 0;
    c.present += array.len() - array.null_count();
    let valid = |r: usize| array.is_valid(r);
    match &mut c.head {
        Head::Int(h) => {
            macro_rules! ints {
                ($t:ty) => {{
                    if let Some(a) = array.as_primitive_opt::<$t>() {
                        h.extend((0..take).map(|r| valid(r).then(|| i64::from(a.value(r)))));
                    }
                }};
            }
            match array.data_type() {
                DataType::Int8 => ints!(Int8Type),
                DataType::Int16 => ints!(Int16Type),
                DataType::Int32 => ints!(Int32Type),
                DataType::UInt8 => ints!(UInt8Type),
                DataType::UInt16 => ints!(UInt16Type),
                DataType::UInt32 => ints!(UInt32Type),
                _ => ints!(Int64Type),
            }
        }
        Head::F32(h) => {
            let Some(a) = array.as_primitive_opt::<Float32Type>() else {
                return;
            };
            c.nan |= a.iter().flatten().any(f32::is_nan);
            h.extend((0..take).map(|r| if valid(r) { a.value(r) } else { f32::NAN }));
        }
        Head::F64(h) => {
            let Some(a) = array.as_primitive_opt::<Float64Type>() else {
                return;
            };
            c.nan |= a.iter().flatten().any(f64::is_nan);
            h.extend((0..take).map(|r| if valid(r) { a.value(r) } else { f64::NAN }));
        }
        Head::Str(h) => {
            let value = |r: usize| -> Option<String> {
                if !valid(r) {
                    return None;
                }
                Some(match array.data_type() {
                    DataType::LargeUtf8 => array.as_string_opt::<i64>()?.value(r).to_string(),
                    DataType::Utf8View => array.as_string_view_opt()?.value(r).to_string(),
                    _ => array.as_string_opt::<i32>()?.value(r).to_string(),
                })
            };
            h.extend((0..take).map(value));
        }
        Head::None => {}
    }
}
