//! The metric line codec: `<timestamp_ms> <value> <step>\n`, values in Python's float spelling.
//! Readers accept 2, 3 or 5 fields (MLflow's dataset-tagged lines), as MLflow does.
use crate::entities::{Metric, MetricSummary as Summary};
use crate::pyfloat;

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

/// MLflow's latest value: Python's `max(points, key=(step, timestamp, value))`. A later point wins
/// only when its key is strictly greater, so with NaN involved the first of the tied points stays,
/// exactly as Python's tuple comparison decides.
pub fn latest(points: &[Metric]) -> Option<&Metric> {
    let mut best: Option<&Metric> = None;
    for p in points {
        if best.is_none_or(|b| {
            beats(
                (p.step, p.timestamp, p.value),
                (b.step, b.timestamp, b.value),
            )
        }) {
            best = Some(p);
        }
    }
    best
}

/// `a > b` for (step, timestamp, value) tuples under Python's rules.
fn beats(a: (i64, i64, f64), b: (i64, i64, f64)) -> bool {
    if a.0 != b.0 {
        return a.0 > b.0;
    }
    if a.1 != b.1 {
        return a.1 > b.1;
    }
    a.2 > b.2
}

/// One pass over a metric file's bytes without building a `Metric` per line: the latest point
/// (MLflow's rule), plus the min and max values for summary columns. `Err` holds the bad line.
pub fn scan(bytes: &[u8]) -> Result<Option<Summary>, String> {
    let mut out: Option<Summary> = None;
    let ends_whole = bytes.last().is_none_or(|&b| b == b'\n');
    let mut segments = bytes.split(|&b| b == b'\n').peekable();
    while let Some(raw) = segments.next() {
        let last = segments.peek().is_none();
        let line =
            std::str::from_utf8(raw).map_err(|_| String::from_utf8_lossy(raw).into_owned())?;
        if line.trim().is_empty() {
            continue;
        }
        // A last line without its newline that does not parse is an append still in flight.
        if last && !ends_whole && fields(line).is_none() {
            break;
        }
        let (timestamp, value, step) = fields(line).ok_or_else(|| line.to_string())?;
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
                if beats((step, timestamp, value), (s.step, s.timestamp, s.value)) {
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
    }
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
        assert_eq!(latest(&pts).unwrap().value, 1.0);
    }

    #[test]
    fn scan_matches_decode_and_python_max() {
        // Same (step, timestamp): Python keeps the first point when a NaN is compared.
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
        assert_eq!(scan(b"1 2 3 4\n").unwrap_err(), "1 2 3 4");
        assert!(scan(b"1 x 3\n").is_err());
        // An append in flight (no newline yet, not parseable) is not there yet; a whole last line
        // without its newline (a hand-edited file) still counts.
        assert_eq!(scan(b"1 2.0 0\n5 x").unwrap().unwrap().count, 1);
        assert_eq!(scan(b"1 2.0 0\n5 3.0 1").unwrap().unwrap().value, 3.0);
    }
}
