//! Python's `json` module where MLflow's words depend on it: `json.dumps` of a string (MLflow quotes
//! bad values with it), and why `json.loads(body)` refuses a body, as the exception's `repr()` that
//! MLflow's scoring server quotes in its 400s: `JSONDecodeError('Expecting value: line 1 column 1
//! (char 0)')` or `UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')`.
//!
//! Only the failure is ported (CPython 3.11's `_json` scanner: `scan_once_unicode`,
//! `_parse_object_unicode`, `_parse_array_unicode`, `scanstring_unicode`, `_match_number_unicode`),
//! for bodies serde_json already refused. `None` means Python would have read the body (NaN, a BOM,
//! a lone surrogate, UTF-16) or would decode it another way, and the caller keeps its own words.
use crate::search::pylit::{repr_bytes, repr_str};

/// A JSON string literal as Python's `json.dumps` (ensure_ascii) writes it.
pub fn dumps_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", unit));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Bodies up to this size get Python's exact reason when they are refused.
const MAX_EXACT_BODY: usize = 1 << 20;
/// Bytes of a body an error message quotes.
const MAX_QUOTED: usize = 1000;

/// The `repr()` of what `json.loads(body)` raises for `body`, if it raises.
pub fn loads_error(body: &[u8]) -> Option<String> {
    // Python's exact reason costs four bytes of memory per body byte here; past this size a
    // refused body gets the parser's own reason instead (a hostile client must not make every
    // refusal cost hundreds of MB).
    if body.len() > MAX_EXACT_BODY || body.starts_with(b"\xef\xbb\xbf") || non_utf8_encoding(body) {
        return None;
    }
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(e) => return decode_error(body, e, true),
    };
    let s: Vec<char> = text.chars().collect();
    let (msg, pos) = Scanner { s: &s }.document().err()?;
    let before = &s[..pos];
    let line = before.iter().filter(|&&c| c == '\n').count() + 1;
    let column = match before.iter().rposition(|&c| c == '\n') {
        Some(nl) => pos - nl,
        None => pos + 1,
    };
    let message = format!("{msg}: line {line} column {column} (char {pos})");
    Some(format!("JSONDecodeError({})", repr_str(&message)))
}

/// The `repr()` of the `UnicodeDecodeError` that `body.decode("utf-8")` raises (`surrogatepass`
/// as `json.loads` decodes: encoded surrogates are then read, and `None` is returned).
pub fn utf8_error(body: &[u8]) -> Option<String> {
    match std::str::from_utf8(body) {
        Ok(_) => None,
        Err(e) => decode_error(body, e, false),
    }
}

fn decode_error(body: &[u8], e: std::str::Utf8Error, surrogatepass: bool) -> Option<String> {
    let start = e.valid_up_to();
    let lead = body[start];
    let (end, reason) = match e.error_len() {
        None => (body.len(), "unexpected end of data"),
        Some(_)
            if surrogatepass
                && lead == 0xED
                && matches!(body.get(start + 1), Some(0xA0..=0xBF)) =>
        {
            return None
        }
        Some(_) if !(0xC2..=0xF4).contains(&lead) => (start + 1, "invalid start byte"),
        Some(n) => (start + n, "invalid continuation byte"),
    };
    // Python's message holds the whole body; it is cut as every quote of a body is.
    let mut quoted = repr_bytes(&body[..body.len().min(MAX_QUOTED)]);
    if body.len() > MAX_QUOTED {
        quoted.push('…');
    }
    Some(format!(
        "UnicodeDecodeError('utf-8', {quoted}, {start}, {end}, '{reason}')"
    ))
}

/// `json.detect_encoding` picks UTF-16 or UTF-32 for bodies with NUL bytes up front.
fn non_utf8_encoding(b: &[u8]) -> bool {
    b.starts_with(b"\xff\xfe")
        || b.starts_with(b"\xfe\xff")
        || (b.len() >= 4 && (b[0] == 0 || b[1] == 0))
        || (b.len() == 2 && (b[0] == 0 || b[1] == 0))
}

/// A failure: the message and the character index it names.
type Fail = (&'static str, usize);

struct Scanner<'a> {
    s: &'a [char],
}

impl Scanner<'_> {
    fn ws(&self, mut i: usize) -> usize {
        while matches!(self.s.get(i), Some(' ' | '\t' | '\n' | '\r')) {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    /// `JSONDecoder.decode`: one value between optional whitespace, then nothing.
    fn document(&self) -> Result<(), Fail> {
        let start = self.ws(0);
        let end = self.value(start, 0)?;
        let end = self.ws(end);
        if end != self.s.len() {
            return Err(("Extra data", end));
        }
        Ok(())
    }

    fn literal(&self, i: usize, word: &str) -> bool {
        let w: Vec<char> = word.chars().collect();
        self.s.get(i..i + w.len()) == Some(&w[..])
    }

    /// `scan_once`: the index after the value at `i`; a StopIteration is "Expecting value" at `i`.
    fn value(&self, i: usize, depth: usize) -> Result<usize, Fail> {
        // Python's recursion limit stops a deeper document with a RecursionError, not this.
        if depth > 900 {
            return Err(("Expecting value", i));
        }
        match self.at(i) {
            None => Err(("Expecting value", i)),
            Some('"') => self.string(i + 1),
            Some('{') => self.object(i + 1, depth + 1),
            Some('[') => self.array(i + 1, depth + 1),
            Some('n') if self.literal(i, "null") => Ok(i + 4),
            Some('t') if self.literal(i, "true") => Ok(i + 4),
            Some('f') if self.literal(i, "false") => Ok(i + 5),
            Some('N') if self.literal(i, "NaN") => Ok(i + 3),
            Some('I') if self.literal(i, "Infinity") => Ok(i + 8),
            Some('-') if self.literal(i, "-Infinity") => Ok(i + 9),
            Some(_) => self.number(i),
        }
    }

    fn digit(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| c.is_ascii_digit())
    }

    fn number(&self, start: usize) -> Result<usize, Fail> {
        let mut i = start;
        if self.at(i) == Some('-') {
            i += 1;
        }
        match self.at(i) {
            Some('1'..='9') => {
                while self.digit(i) {
                    i += 1;
                }
            }
            Some('0') => i += 1,
            _ => return Err(("Expecting value", start)),
        }
        if self.at(i) == Some('.') && self.digit(i + 1) {
            i += 2;
            while self.digit(i) {
                i += 1;
            }
        }
        if matches!(self.at(i), Some('e' | 'E')) && i + 1 < self.s.len() {
            let e_start = i;
            i += 1;
            if matches!(self.at(i), Some('-' | '+')) && i + 1 < self.s.len() {
                i += 1;
            }
            while self.digit(i) {
                i += 1;
            }
            if !self.digit(i - 1) {
                i = e_start;
            }
        }
        Ok(i)
    }

    /// `scanstring`: `i` is just past the opening quote.
    fn string(&self, mut i: usize) -> Result<usize, Fail> {
        let begin = i - 1;
        let len = self.s.len();
        loop {
            let mut c = None;
            while i < len {
                let ch = self.s[i];
                if ch == '"' || ch == '\\' {
                    c = Some(ch);
                    break;
                }
                if (ch as u32) <= 0x1f {
                    return Err(("Invalid control character at", i));
                }
                i += 1;
            }
            let Some(c) = c else {
                return Err(("Unterminated string starting at", begin));
            };
            i += 1;
            if c == '"' {
                return Ok(i);
            }
            let Some(esc) = self.at(i) else {
                return Err(("Unterminated string starting at", begin));
            };
            if esc != 'u' {
                if !matches!(esc, '"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't') {
                    return Err(("Invalid \\escape", i - 1));
                }
                i += 1;
                continue;
            }
            i += 1;
            let end = i + 4;
            if end >= len {
                return Err(("Invalid \\uXXXX escape", i - 1));
            }
            let hex = |from: usize| -> Option<u32> {
                let digits: String = self.s[from..from + 4].iter().collect();
                u32::from_str_radix(&digits, 16)
                    .ok()
                    .filter(|_| digits.chars().all(|d| d.is_ascii_hexdigit()))
            };
            let Some(unit) = hex(i) else {
                return Err(("Invalid \\uXXXX escape", end - 5));
            };
            i = end;
            if (0xD800..=0xDBFF).contains(&unit)
                && end + 6 < len
                && self.s[end] == '\\'
                && self.s[end + 1] == 'u'
            {
                if hex(end + 2).is_none() {
                    return Err(("Invalid \\uXXXX escape", end + 1));
                }
                i = end + 6;
            }
        }
    }

    /// `_parse_object`: `i` is just past `{`.
    fn object(&self, i: usize, depth: usize) -> Result<usize, Fail> {
        let mut i = self.ws(i);
        if self.at(i) == Some('}') {
            return Ok(i + 1);
        }
        loop {
            if self.at(i) != Some('"') {
                return Err(("Expecting property name enclosed in double quotes", i));
            }
            i = self.ws(self.string(i + 1)?);
            if self.at(i) != Some(':') {
                return Err(("Expecting ':' delimiter", i));
            }
            i = self.ws(self.value(self.ws(i + 1), depth)?);
            match self.at(i) {
                Some('}') => return Ok(i + 1),
                Some(',') => i = self.ws(i + 1),
                _ => return Err(("Expecting ',' delimiter", i)),
            }
        }
    }

    /// `_parse_array`: `i` is just past `[`.
    fn array(&self, i: usize, depth: usize) -> Result<usize, Fail> {
        let mut i = self.ws(i);
        if self.at(i) == Some(']') {
            return Ok(i + 1);
        }
        loop {
            i = self.ws(self.value(i, depth)?);
            match self.at(i) {
                Some(']') => return Ok(i + 1),
                Some(',') => i = self.ws(i + 1),
                _ => return Err(("Expecting ',' delimiter", i)),
            }
        }
    }
}

/// Python's `json.dumps(value)` with its defaults (`ensure_ascii`, `", "` and `": "` separators,
/// keys in the order given): what MLflow hashes for a dataset's digest.
pub fn dumps(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => if *b { "true" } else { "false" }.into(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            (_, _, Some(f)) => crate::pyfloat::format(f),
            _ => n.to_string(),
        },
        Value::String(s) => dumps_str(s),
        Value::Array(a) => format!("[{}]", a.iter().map(dumps).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, v)| format!("{}: {}", dumps_str(k), dumps(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
