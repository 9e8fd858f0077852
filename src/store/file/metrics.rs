//! The metric line codec: `<timestamp_ms> <value> <step>\n`, values in Python's float spelling.
//! Readers accept 2, 3 or 5 fields (MLflow's dataset-tagged lines), as MLflow does.
use crate::entities::Metric;
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

/// MLflow's latest value: the max of (step, timestamp, value). NaN compares as larger than any number.
pub fn latest(points: &[Metric]) -> Option<&Metric> {
    points.iter().max_by(|a, b| {
        a.step
            .cmp(&b.step)
            .then(a.timestamp.cmp(&b.timestamp))
            .then(a.value.total_cmp(&b.value))
    })
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
}
