//! The metric line codec: `<timestamp_ms> <value> <step>\n`, values in Python's float spelling.
//! Readers accept 2, 3 or 5 fields (MLflow's dataset-tagged lines), as MLflow does.
use crate::entities::{Metric, MetricSummary as Summary};
use crate::pyfloat;
use crate::store::StoreError;
use std::io::Read;
use std::path::Path;

pub fn encode(m: &Metric, out: &mut String) {
    use std::fmt::Write;
    let _ = writeln!(
        out,
        "{} {} {}",
        m.timestamp,
        pyfloat::format(m.value),
        m.step
    );
}

pub fn decode(key: &str, line: &str) -> Option<Metric> {
    let fields: Vec<&str> = line.split(' ').collect();
    if !matches!(fields.len(), 2 | 3 | 5) {
        return None;
    }
    let timestamp = fields[0].trim().parse::<i64>().ok()?;
    let value = pyfloat::parse(fields[1])?;
    let step = if fields.len() >= 3 {
        fields[2].trim().parse::<i64>().ok()?
    } else {
        0
    };
    Some(Metric {
        key: key.to_string(),
        value,
        timestamp,
        step,
    })
}

/// The longest metric line a reader accepts. A valid line is short (three numbers, or five fields
/// with a dataset name MLflow caps at 500 bytes); a longer one is damage, and stops the read before
/// it becomes one huge string.
pub const MAX_LINE: usize = 4096;
/// How many bytes of a bad line an error quotes.
pub const QUOTE: usize = 40;

/// A line of a metric file that cannot be read: its number (from 1) and its first bytes, escaped.
#[derive(Debug, PartialEq)]
pub struct BadLine {
    pub number: u64,
    pub problem: &'static str,
    pub head: String,
}

impl BadLine {
    fn new(number: u64, problem: &'static str, raw: &[u8]) -> Self {
        let mut head = raw[..raw.len().min(QUOTE)].escape_ascii().to_string();
        if raw.len() > QUOTE {
            head.push('…');
        }
        Self {
            number,
            problem,
            head,
        }
    }
}

#[derive(Debug)]
pub enum LinesError {
    Io(std::io::Error),
    Bad(BadLine),
}

/// The one error every reader of a metric file gives: MLflow's reader raises on a malformed line
/// too, so a damaged file is an error everywhere, never a warning or a silent skip.
pub fn read_error(key: &str, path: &Path, e: LinesError) -> StoreError {
    match e {
        LinesError::Io(e) => StoreError::io(path, e),
        LinesError::Bad(b) => StoreError::InvalidState {
            path: path.to_path_buf(),
            message: format!(
                "Metric '{key}' is malformed: line {} {}: \"{}\"",
                b.number, b.problem, b.head
            ),
        },
    }
}

/// Streams the lines of a metric file to `each` in bounded memory (a buffer and at most one
/// [`MAX_LINE`] line). Blank lines are skipped. A line `each` refuses, a line longer than
/// [`MAX_LINE`] or one that is not UTF-8 is a [`BadLine`]; the last line without its newline that
/// `each` refuses is an append still in flight and is left out. Like `read_small`, a short read is
/// taken as the end of the (regular) file.
pub fn for_each_line(
    mut r: impl Read,
    mut each: impl FnMut(&str) -> bool,
) -> Result<(), LinesError> {
    let mut buf = [0u8; 16 * 1024];
    let mut pending: Vec<u8> = Vec::new();
    let mut number = 0u64;
    let mut handle = |number: u64, raw: &[u8], terminated: bool| -> Result<(), LinesError> {
        let Ok(line) = std::str::from_utf8(raw) else {
            if !terminated {
                return Ok(());
            }
            return Err(LinesError::Bad(BadLine::new(number, "is not UTF-8", raw)));
        };
        if line.trim().is_empty() || each(line) || !terminated {
            return Ok(());
        }
        Err(LinesError::Bad(BadLine::new(
            number,
            "is not \"timestamp value step\"",
            raw,
        )))
    };
    let too_long = |number: u64, pending: &[u8], more: &[u8]| {
        let mut head = pending[..pending.len().min(QUOTE)].to_vec();
        let room = QUOTE - head.len();
        head.extend_from_slice(&more[..more.len().min(room)]);
        let mut b = BadLine::new(number, "is longer than 4096 bytes", &head);
        b.head.push('…');
        LinesError::Bad(b)
    };
    loop {
        let n = loop {
            match r.read(&mut buf) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(LinesError::Io(e)),
            }
        };
        let mut chunk = &buf[..n];
        while let Some(i) = chunk.iter().position(|&b| b == b'\n') {
            let (seg, rest) = (&chunk[..i], &chunk[i + 1..]);
            number += 1;
            if pending.len() + seg.len() > MAX_LINE {
                return Err(too_long(number, &pending, seg));
            }
            if pending.is_empty() {
                handle(number, seg, true)?;
            } else {
                pending.extend_from_slice(seg);
                let line = std::mem::take(&mut pending);
                handle(number, &line, true)?;
            }
            chunk = rest;
        }
        if pending.len() + chunk.len() > MAX_LINE {
            return Err(too_long(number + 1, &pending, chunk));
        }
        pending.extend_from_slice(chunk);
        if n < buf.len() {
            break;
        }
    }
    if !pending.is_empty() {
        handle(number + 1, &pending, false)?;
    }
    Ok(())
}

/// Every point of a metric file, streamed.
pub fn decode_all(key: &str, r: impl Read) -> Result<Vec<Metric>, LinesError> {
    let mut out = Vec::new();
    for_each_line(r, |line| match decode(key, line) {
        Some(m) => {
            out.push(m);
            true
        }
        None => false,
    })?;
    Ok(out)
}

/// One pass over a metric file without building a `Metric` per line: the latest point (MLflow's
/// rule), plus the min and max values for summary columns.
pub fn scan(r: impl Read) -> Result<Option<Summary>, LinesError> {
    let mut out: Option<Summary> = None;
    for_each_line(r, |line| {
        let Some((timestamp, value, step)) = fields(line) else {
            return false;
        };
        match &mut out {
            None => {
                out = Some(Summary {
                    timestamp,
                    value,
                    step,
                    min: value,
                    max: value,
                    count: 1,
                })
            }
            Some(s) => {
                if Metric::beats((step, timestamp, value), (s.step, s.timestamp, s.value)) {
                    (s.timestamp, s.value, s.step) = (timestamp, value, step);
                }
                // NaN never becomes the min or max unless every value is NaN.
                if value < s.min || s.min.is_nan() {
                    s.min = value;
                }
                if value > s.max || s.max.is_nan() {
                    s.max = value;
                }
                s.count += 1;
            }
        }
        true
    })?;
    Ok(out)
}

fn fields(line: &str) -> Option<(i64, f64, i64)> {
    let mut it = line.split(' ');
    let (t, v) = (it.next()?, it.next()?);
    let s = it.next();
    let rest = it.count();
    if !(rest == 0 || (s.is_some() && rest == 2)) {
        return None;
    }
    // MLflow writes Python float reprs, which Rust parses directly; the full Python grammar
    // (underscores, surrounding whitespace) is the slow fallback.
    let value = v.parse::<f64>().ok().or_else(|| pyfloat::parse(v))?;
    let step = match s {
        Some(s) => s.trim().parse().ok()?,
        None => 0,
    };
    Some((t.trim().parse().ok()?, value, step))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_latest() {
        let mut s = String::new();
        let m = Metric {
            key: "k".into(),
            value: 1e-5,
            timestamp: 5,
            step: 2,
        };
        encode(&m, &mut s);
        assert_eq!(s, "5 1e-05 2\n");
        assert_eq!(decode("k", s.trim_end()).unwrap(), m);
        assert_eq!(decode("k", "5 nan").unwrap().step, 0);
        assert!(decode("k", "5 1.0 1 ds").is_none());
        assert!(decode("k", "5 1.0 1.5").is_none());
        let pts = vec![
            Metric {
                key: "k".into(),
                value: 9.0,
                timestamp: 10,
                step: 0,
            },
            Metric {
                key: "k".into(),
                value: 1.0,
                timestamp: 1,
                step: 1,
            },
        ];
        assert_eq!(Metric::latest(&pts).unwrap().value, 1.0);
    }

    #[test]
    fn scan_matches_decode_and_python_max() {
        // Same (step, timestamp): Python keeps the first point when a NaN is compared.
        let scan = |b: &[u8]| {
            super::scan(b).map_err(|e| match e {
                LinesError::Bad(b) => (b.number, b.head),
                LinesError::Io(e) => panic!("{e}"),
            })
        };
        let s = scan(b"5 nan 1\n5 2.0 1\n1 9.0 0\n").unwrap().unwrap();
        assert!(s.value.is_nan());
        assert_eq!((s.min, s.max, s.count), (2.0, 9.0, 3));
        let s = scan(b"5 2.0 1\n5 nan 1\n").unwrap().unwrap();
        assert_eq!(s.value, 2.0);
        let s = scan(b"5 1.0 1\n5 3.0 1\n5 2.0 1\n").unwrap().unwrap();
        assert_eq!(s.value, 3.0);
        let s = scan(b"7 -inf\n3 1_0.5 0 ds digest\n").unwrap().unwrap();
        assert_eq!((s.value, s.timestamp, s.max), (f64::NEG_INFINITY, 7, 10.5));
        assert_eq!(scan(b"").unwrap(), None);
        assert_eq!(scan(b"1 2 3 4\n").unwrap_err(), (1, "1 2 3 4".to_string()));
        assert_eq!(
            scan(b"1 2 3\n\n\x1b 2\n").unwrap_err(),
            (3, "\\x1b 2".to_string())
        );
        let long = vec![0u8; 100_000];
        let (n, head) = scan(&long).unwrap_err();
        assert_eq!((n, head.len()), (1, 40 * 4 + '…'.len_utf8()));
        let mut long = b"1 2.0 0\n".repeat(3000);
        long.extend(vec![b'7'; 5000]);
        long.push(b'\n');
        assert_eq!(scan(&long).unwrap_err().0, 3001);
        assert!(scan(b"1 x 3\n").is_err());
        // An append in flight (no newline yet, not parseable) is not there yet; a whole last line
        // without its newline (a hand-edited file) still counts.
        assert_eq!(scan(b"1 2.0 0\n5 x").unwrap().unwrap().count, 1);
        assert_eq!(scan(b"1 2.0 0\n5 3.0 1").unwrap().unwrap().value, 3.0);
    }
}
