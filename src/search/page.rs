//! Page tokens as MLflow reads and writes them: base64 of the JSON `{"offset": N}`, decoded with
//! Python's lenient `base64.b64decode`, and offsets applied with Python slice semantics.
use super::filter::err;
use super::pylit::{repr, repr_str, PyVal};
use super::SearchError;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// `SearchUtils.create_page_token`.
pub fn encode_page_token(offset: usize) -> String {
    STANDARD.encode(format!("{{\"offset\": {offset}}}").as_bytes())
}

/// `binascii.a2b_base64` in its default, non-strict mode: other characters are skipped and
/// decoding stops at complete padding. A port, not the `base64` crate: MLflow accepts tokens the
/// crate refuses (stray characters, missing or early padding), and must read them the same.
fn b64decode(s: &str) -> Option<Vec<u8>> {
    if !s.is_ascii() {
        return None;
    }
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::new();
    let (mut quad, mut left, mut pads) = (0u8, 0u32, 0u8);
    for &c in s.as_bytes() {
        if c == b'=' {
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    return Some(out);
                }
            }
            continue;
        }
        let Some(v) = val(c) else { continue };
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push(((left << 6) | v) as u8);
                left = 0;
            }
        }
    }
    (quad == 0).then_some(out)
}

fn json_repr(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "None".into(),
        serde_json::Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.to_string(),
            (_, Some(u)) => u.to_string(),
            _ => crate::pyfloat::format(n.as_f64().unwrap_or(f64::NAN)),
        },
        serde_json::Value::String(s) => repr_str(s),
        serde_json::Value::Array(a) => format!(
            "[{}]",
            a.iter().map(json_repr).collect::<Vec<_>>().join(", ")
        ),
        serde_json::Value::Object(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, v)| format!("{}: {}", repr_str(k), json_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// `SearchUtils.parse_start_offset_from_page_token`, keeping the sign MLflow allows.
pub fn decode_page_token_signed(token: &str) -> Result<i64, SearchError> {
    if token.is_empty() {
        return Ok(0);
    }
    let bytes =
        b64decode(token).ok_or_else(|| err("Invalid page token, could not base64-decode", None))?;
    let parsed: serde_json::Value = std::str::from_utf8(&bytes)
        .ok()
        .and_then(|s| serde_json::from_str(s).ok())
        .ok_or_else(|| {
            err(
                format!(
                    "Invalid page token, decoded value={}",
                    repr(&PyVal::Bytes(bytes.clone()))
                ),
                None,
            )
        })?;
    let bad_parsed = || {
        err(
            format!("Invalid page token, parsed value={}", json_repr(&parsed)),
            None,
        )
    };
    let offset = parsed
        .as_object()
        .and_then(|o| o.get("offset"))
        .ok_or_else(bad_parsed)?;
    // Python's truthiness: 0, 0.0, "", false, null, [] and {} are all "no offset".
    let falsy = match offset {
        serde_json::Value::Null => true,
        serde_json::Value::Bool(b) => !b,
        serde_json::Value::Number(n) => n.as_f64() == Some(0.0),
        serde_json::Value::String(s) => s.is_empty(),
        serde_json::Value::Array(a) => a.is_empty(),
        serde_json::Value::Object(o) => o.is_empty(),
    };
    if falsy {
        return Err(bad_parsed());
    }
    let not_stringable =
        |shown: String| err(format!("Invalid page token, not stringable {shown}"), None);
    match offset {
        serde_json::Value::Bool(_) => Ok(1),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Ok(i),
            None => Ok(n.as_f64().map(|f| f.trunc() as i64).unwrap_or(i64::MAX)),
        },
        serde_json::Value::String(s) => {
            let t: String = s.trim().replace('_', "");
            let valid = !t.is_empty()
                && !s.trim().starts_with('_')
                && !s.trim().ends_with('_')
                && !s.contains("__")
                && t.trim_start_matches(['+', '-'])
                    .chars()
                    .all(|c| c.is_ascii_digit())
                && t.trim_start_matches(['+', '-']).len() + 1 >= t.len();
            if !valid {
                return Err(not_stringable(s.clone()));
            }
            Ok(t.parse::<i64>().unwrap_or(if t.starts_with('-') {
                i64::MIN
            } else {
                i64::MAX
            }))
        }
        other => Err(not_stringable(json_repr(other))),
    }
}

/// The offset a page token carries (negative offsets, which MLflow accepts, read as 0 here; use
/// [`paginate`] to apply them exactly).
pub fn decode_page_token(token: &str) -> Result<usize, SearchError> {
    decode_page_token_signed(token).map(|o| o.max(0) as usize)
}

/// `SearchUtils.paginate` over a sorted list of `total` items: the slice to return and the token
/// for the next page, if any. `max_results` keeps its sign: MLflow's runs search slices
/// `[start:start + max_results]`, so 0 is an empty page and -1 drops the last item.
pub fn paginate(
    total: usize,
    max_results: i64,
    page_token: Option<&str>,
) -> Result<(std::ops::Range<usize>, Option<String>), SearchError> {
    let start = decode_page_token_signed(page_token.unwrap_or(""))? as i128;
    let end = start + max_results as i128;
    let n = total as i128;
    // Python slice bounds: negatives count from the end, then clamp to [0, n].
    let clamp = |i: i128| -> usize {
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
        i as usize
    };
    let (s, e) = (clamp(start), clamp(end));
    let range = s..e.max(s);
    let next = (end < n).then(|| encode_page_token_signed(end));
    Ok((range, next))
}

/// A page token for any offset (MLflow's `create_page_token`), negative ones included.
pub fn encode_page_token_signed(offset: i128) -> String {
    STANDARD.encode(format!("{{\"offset\": {offset}}}").as_bytes())
}
