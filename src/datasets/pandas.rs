//! What `mlflow.data.from_pandas(pd.read_csv(path), source=path)` records for a local CSV file:
//! MLflow's `compute_pandas_digest` (pandas' `hash_pandas_object` over the first 10,000 rows, the
//! row count and the column names), the inferred schema and the profile. The column types are
//! those `read_csv` infers (int64, float64, bool, bool with missing values, str); a column whose
//! type cannot be matched exactly is refused, naming it, rather than given a wrong digest.
use md5::{Digest, Md5};
use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// MLflow's `MAX_ROWS`: rows hashed into the digest.
pub(super) const MAX_ROWS: usize = 10_000;
/// pandas' default `hash_key` for object values.
const HASH_KEY: &[u8; 16] = b"0123456789123456";
/// pandas' default `na_values` for `read_csv`, matched exactly.
const NA_VALUES: [&str; 19] = [
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
    "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
];

/// Why a file's digest could not be computed as MLflow would.
#[derive(Debug, thiserror::Error)]
pub enum DigestError {
    #[error("cannot read '{}': {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("'{}' line {line}: {message}", path.display())]
    Row {
        path: PathBuf,
        line: u64,
        message: String,
    },
    #[error("'{}': {message}", path.display())]
    File { path: PathBuf, message: String },
    #[error("'{}' column '{column}': {message}", path.display())]
    Column {
        path: PathBuf,
        column: String,
        message: String,
    },
}

/// MLflow's record of a file read by pandas: digest, schema JSON and profile JSON, as
/// `PandasDataset.to_dict()` writes them.
#[derive(Debug, Clone, PartialEq)]
pub struct PandasRecord {
    pub digest: String,
    pub schema: String,
    pub profile: String,
}

/// The dtype `read_csv` gives a column.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Int,
    Float,
    Bool,
    /// True/False with missing values: pandas' object column.
    BoolWithNa,
    Str,
}

/// What a column's values allow, gathered over every row.
#[derive(Debug, Clone)]
struct Column {
    name: String,
    na: bool,
    values: usize,
    int: bool,
    int_overflow: bool,
    float: bool,
    bool_: bool,
}

impl Column {
    fn new(name: String) -> Self {
        Self {
            name,
            na: false,
            values: 0,
            int: true,
            int_overflow: false,
            float: true,
            bool_: true,
        }
    }

    fn see(&mut self, field: Option<&str>) {
        let Some(v) = field.filter(|v| !NA_VALUES.contains(v)) else {
            self.na = true;
            return;
        };
        self.values += 1;
        if self.int && parse_int(v).is_none() {
            self.int = false;
            self.int_overflow |= is_int_syntax(v);
        }
        if self.float && parse_float(v).is_none() {
            self.float = false;
        }
        if self.bool_ && parse_bool(v).is_none() {
            self.bool_ = false;
        }
    }

    fn kind(&self) -> Result<Kind, String> {
        if self.int_overflow {
            return Err(
                "holds an integer beyond int64, which pandas keeps as uint64 or a Python \
                 int; its digest is not computed here (pass --digest)"
                    .into(),
            );
        }
        Ok(match self {
            c if c.values == 0 => Kind::Float,
            c if c.int && !c.na => Kind::Int,
            c if c.int || c.float => Kind::Float,
            c if c.bool_ && c.na => Kind::BoolWithNa,
            c if c.bool_ => Kind::Bool,
            _ => Kind::Str,
        })
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn trim(v: &str) -> &str {
    v.trim_matches(|c: char| c.is_ascii() && is_space(c as u8))
}

fn is_int_syntax(v: &str) -> bool {
    let t = trim(v);
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// pandas' `str_to_int64`: spaces, an optional sign, digits, spaces; within int64.
fn parse_int(v: &str) -> Option<i64> {
    if !is_int_syntax(v) {
        return None;
    }
    let t = trim(v);
    t.strip_prefix('+').unwrap_or(t).parse().ok()
}

/// pandas' float parsing (correctly rounded, as Python's `float`): spaces, `[+-]digits[.digits]
/// [e[+-]digits]` (or `.digits`), spaces; or `inf`/`infinity` with a sign, any case.
fn parse_float(v: &str) -> Option<f64> {
    let t = trim(v);
    let lower = t.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "+inf" | "infinity" | "+infinity" => return Some(f64::INFINITY),
        "-inf" | "-infinity" => return Some(f64::NEG_INFINITY),
        _ => {}
    }
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    if !crate::pyfloat::is_decimal_literal(body) {
        return None;
    }
    t.parse().ok()
}

/// pandas' `to_boolean`: `true`/`false` in any case, nothing around them.
fn parse_bool(v: &str) -> Option<bool> {
    if v.eq_ignore_ascii_case("true") {
        Some(true)
    } else if v.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// pandas' final mix of a 64-bit hash (`_hash_ndarray`).
pub(super) fn mix(mut v: u64) -> u64 {
    v ^= v >> 30;
    v = v.wrapping_mul(0xBF58476D1CE4E5B9);
    v ^= v >> 27;
    v = v.wrapping_mul(0x94D049BB133111EB);
    v ^ (v >> 31)
}

/// pandas' hash of a float64: NaN and -0.0 made canonical, the bits mixed.
pub(super) fn hash_float(f: f64) -> u64 {
    let bits = if f.is_nan() {
        f64::NAN.to_bits()
    } else if f == 0.0 {
        0
    } else {
        f.to_bits()
    };
    mix(bits)
}

/// pandas' hash of a string: SipHash-2-4 of its UTF-8 bytes under the default key, mixed.
pub(super) fn hash_str(s: &str) -> u64 {
    let (k0, k1) = HASH_KEY.split_at(8);
    let key = |k: &[u8]| u64::from_le_bytes(k.try_into().unwrap_or_default());
    let mut h = siphasher::sip::SipHasher24::new_with_keys(key(k0), key(k1));
    h.write(s.as_bytes());
    mix(h.finish())
}

/// Reads `path` as `pd.read_csv(path)` would and returns what MLflow records for it.
pub fn csv_dataset(path: &Path) -> Result<PandasRecord, DigestError> {
    let bytes = std::fs::read(path).map_err(|source| DigestError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let file_err = |message: String| DigestError::File {
        path: path.to_path_buf(),
        message,
    };
    let text =
        std::str::from_utf8(&bytes).map_err(|e| file_err(format!("not UTF-8 text ({e})")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(r) => r.map_err(|e| file_err(e.to_string()))?,
        None => return Err(file_err("is empty: no header row".into())),
    };
    let names = crate::serve::protocol::csv_column_names(&header);
    for (i, n) in names.iter().enumerate() {
        if names[..i].contains(n) {
            return Err(DigestError::Column {
                path: path.to_path_buf(),
                column: n.clone(),
                message: "appears twice in the header (pandas renames the second; not matched \
                     here)"
                    .into(),
            });
        }
    }
    let ncols = names.len();
    let mut columns: Vec<Column> = names.iter().cloned().map(Column::new).collect();
    let mut head: Vec<csv::StringRecord> = Vec::new();
    let mut rows = 0usize;
    for record in records {
        let record = record.map_err(|e| file_err(e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        let row_err = |message: &str| DigestError::Row {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        };
        if record.len() == 1 && record[0].bytes().all(is_space) {
            // A blank line pandas skips, unless it is a quoted empty field: not told apart here.
            let start = record.position().map_or(0, |p| p.byte() as usize);
            let rest = &text.as_bytes()[start.min(text.len())..];
            let raw_end = rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
            if ncols == 1 || rest[..raw_end].contains(&b'"') {
                return Err(row_err(
                    "an empty or quoted-empty line, which pandas may skip or keep; not matched here",
                ));
            }
            continue;
        }
        if record.len() > ncols {
            return Err(row_err(&format!(
                "{} fields where the header has {ncols} (pandas would make an index of the first \
                 or refuse the file)",
                record.len()
            )));
        }
        for (i, c) in columns.iter_mut().enumerate() {
            // Past the end of a short row: missing, as pandas fills it.
            c.see(record.get(i));
        }
        if head.len() < MAX_ROWS {
            head.push(record);
        }
        rows += 1;
    }
    if rows == 0 {
        return Err(file_err("has a header but no rows".into()));
    }
    let kinds: Vec<Kind> = columns
        .iter()
        .map(|c| {
            c.kind().map_err(|message| DigestError::Column {
                path: path.to_path_buf(),
                column: c.name.clone(),
                message,
            })
        })
        .collect::<Result<_, _>>()?;

    let names_kinds: Vec<(&str, &str, bool)> = columns
        .iter()
        .zip(&kinds)
        .map(|(c, k)| {
            let ty = match k {
                Kind::Int => "long",
                Kind::Float => "double",
                Kind::Bool | Kind::BoolWithNa => "boolean",
                Kind::Str => "string",
            };
            (c.name.as_str(), ty, !c.na)
        })
        .collect();
    let strings: Vec<usize> = (0..ncols)
        .filter(|&i| kinds[i] == Kind::Str && !columns[i].na)
        .collect();
    let numbers: Vec<usize> = (0..ncols)
        .filter(|&i| matches!(kinds[i], Kind::Int | Kind::Float))
        .collect();
    let digest = pandas_digest(
        &names,
        strings,
        numbers,
        head.len(),
        rows,
        (0, 1),
        |i, r| {
            let v = head[r].get(i).filter(|v| !NA_VALUES.contains(v));
            match (kinds[i], v) {
                (Kind::Int, Some(v)) => mix(parse_int(v).unwrap_or_default() as u64),
                (Kind::Float, Some(v)) => hash_float(parse_float(v).unwrap_or(f64::NAN)),
                (Kind::Float, None) => hash_float(f64::NAN),
                (_, v) => hash_str(v.unwrap_or_default()),
            }
        },
    );
    Ok(PandasRecord {
        digest,
        schema: colspec_schema(&names_kinds),
        profile: profile(rows, ncols),
    })
}

/// MLflow's `compute_pandas_digest` of a frame whose column `names` are given: `strings` (columns
/// whose every value is a str) and `numbers` (numeric dtypes) are hashed, in the order
/// `Index.union` gives (sorted, unless one side is empty), over the first `head` rows;
/// `hash(column, row)` is pandas' hash of one cell. `index` is the frame's RangeIndex
/// `(start, step)`; `rows` counts every row.
pub(super) fn pandas_digest(
    names: &[String],
    strings: Vec<usize>,
    numbers: Vec<usize>,
    head: usize,
    rows: usize,
    index: (i64, i64),
    hash: impl Fn(usize, usize) -> u64,
) -> String {
    let chosen: Vec<usize> = if strings.is_empty() {
        numbers
    } else if numbers.is_empty() {
        strings
    } else {
        let mut all = [strings, numbers].concat();
        all.sort_by(|a, b| names[*a].cmp(&names[*b]));
        all
    };
    let num_items = chosen.len() as u64 + 1;
    let mut md5 = Md5::new();
    for r in 0..head.min(MAX_ROWS) {
        let mut out: u64 = 0x345678;
        let mut mult: u64 = 1000003;
        let label = index.0.wrapping_add((r as i64).wrapping_mul(index.1));
        let hashes = chosen
            .iter()
            .map(|&i| hash(i, r))
            .chain(std::iter::once(mix(label as u64)));
        for (i, h) in hashes.enumerate() {
            let inverse = num_items - i as u64;
            out ^= h;
            out = out.wrapping_mul(mult);
            mult = mult.wrapping_add(82520 + inverse + inverse);
        }
        md5.update(out.wrapping_add(97531).to_le_bytes());
    }
    md5.update((rows as i64).to_le_bytes());
    for n in names {
        md5.update(n.as_bytes());
    }
    md5.finalize()[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// MLflow's schema JSON for `(name, colspec type, required)` columns, as `json.dumps` writes it.
pub(super) fn colspec_schema(columns: &[(&str, &str, bool)]) -> String {
    let colspecs: Vec<String> = columns
        .iter()
        .map(|(name, ty, required)| {
            format!(
                "{{\"type\": \"{ty}\", \"name\": {}, \"required\": {required}}}",
                crate::pyjson::dumps_str(name),
            )
        })
        .collect();
    format!("{{\"mlflow_colspec\": [{}]}}", colspecs.join(", "))
}

/// MLflow's profile of a pandas dataset.
pub(super) fn profile(rows: usize, ncols: usize) -> String {
    format!(
        "{{\"num_rows\": {rows}, \"num_elements\": {}}}",
        rows * ncols
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_parse_as_pandas_reads_them() {
        assert_eq!(parse_int(" +7 "), Some(7));
        assert_eq!(parse_int("7.0"), None);
        assert_eq!(parse_float("+.5"), Some(0.5));
        assert_eq!(parse_float("5."), Some(5.0));
        assert_eq!(parse_float("-Infinity"), Some(f64::NEG_INFINITY));
        for bad in ["1e", "NAN", "+nan", "1_0", "0x10", "1d5", "."] {
            assert_eq!(parse_float(bad), None, "{bad}");
        }
        assert_eq!(parse_bool("tRuE"), Some(true));
        assert_eq!(parse_bool(" true"), None);
    }
}
