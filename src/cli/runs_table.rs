//! A table of runs, shared by `runs search`, `runs list`, `compare`, `report` and `run`'s sweep
//! summary: the column model (MLflow's column grammar, in `mlrun::search::columns`) rendered for a
//! terminal (short headers, local times, 6 digits) or for files (full names, UTC, Python's repr).
use super::error::CliResult;
use super::table::{Column, Table};
use super::OutputFormat;
use mlrun::{pyfloat, MetricSummary, Run, TrackingStore};
use std::collections::BTreeSet;

pub use mlrun::search::columns::{Agg, Attr, ColumnSpec};

/// run_id, run_name, status, start_time, then every metric and param seen, sorted by key.
pub fn default_columns(runs: &[Run]) -> Vec<ColumnSpec> {
    let mut cols = vec![
        ColumnSpec::Attr(Attr::RunId),
        ColumnSpec::Attr(Attr::RunName),
        ColumnSpec::Attr(Attr::Status),
        ColumnSpec::Attr(Attr::StartTime),
    ];
    let metrics: BTreeSet<&str> = runs
        .iter()
        .flat_map(|r| r.data.metrics.iter().map(|m| m.key.as_str()))
        .collect();
    let params: BTreeSet<&str> = runs
        .iter()
        .flat_map(|r| r.data.params.iter().map(|p| p.key.as_str()))
        .collect();
    cols.extend(
        metrics
            .into_iter()
            .map(|k| ColumnSpec::Metric(k.to_string(), Agg::Latest)),
    );
    cols.extend(params.into_iter().map(|k| ColumnSpec::Param(k.to_string())));
    cols
}

/// The text of one column for one run. `summary` is the metric's history summary, looked up only
/// for :min/:max columns.
pub fn cell(run: &Run, col: &ColumnSpec, summary: Option<&MetricSummary>, human: bool) -> String {
    let i = &run.info;
    match col {
        ColumnSpec::Attr(a) => match a {
            Attr::RunId => i.run_id.clone(),
            Attr::RunName => i.run_name.clone(),
            Attr::Status => i.status.to_string(),
            Attr::UserId => i.user_id.clone(),
            Attr::StartTime => fmt_time(i.start_time, human),
            Attr::EndTime => i.end_time.map(|t| fmt_time(t, human)).unwrap_or_default(),
            Attr::Duration => i
                .end_time
                .map(|e| fmt_duration(e - i.start_time, human))
                .unwrap_or_default(),
            Attr::ExperimentId => i.experiment_id.clone(),
            Attr::ArtifactUri => i.artifact_uri.clone(),
            Attr::LifecycleStage => i.lifecycle_stage.as_str().to_string(),
        },
        ColumnSpec::Metric(k, agg) => metric_value(run, k, *agg, summary)
            .map(|v| fmt_number(v, human))
            .unwrap_or_default(),
        ColumnSpec::Param(k) => run
            .data
            .params
            .iter()
            .find(|p| &p.key == k)
            .map(|p| p.value.clone())
            .unwrap_or_default(),
        ColumnSpec::Tag(k) => run
            .data
            .tags
            .iter()
            .find(|t| &t.key == k)
            .map(|t| t.value.clone())
            .unwrap_or_default(),
    }
}

/// A metric column's number: the latest value from the run, or min/max from the history summary.
pub fn metric_value(
    run: &Run,
    key: &str,
    agg: Agg,
    summary: Option<&MetricSummary>,
) -> Option<f64> {
    match agg {
        Agg::Latest => run
            .data
            .metrics
            .iter()
            .find(|m| m.key == key)
            .map(|m| m.value),
        Agg::Min => summary.map(|s| s.min),
        Agg::Max => summary.map(|s| s.max),
    }
}

/// A table of runs: one row per run, one column per spec.
pub fn runs_table(
    store: &dyn TrackingStore,
    runs: &[Run],
    columns: &[ColumnSpec],
    output: OutputFormat,
) -> CliResult<Table> {
    let human = output == OutputFormat::Table;
    // On a terminal, `metrics.loss` is headed `loss` unless another column has that key: headers
    // are never cut, so short ones are what lets a wide table fit. Files keep the full names.
    let short = |c: &ColumnSpec| -> Option<String> {
        let (key, suffix) = match c {
            ColumnSpec::Metric(k, Agg::Latest) | ColumnSpec::Param(k) | ColumnSpec::Tag(k) => {
                (k, "")
            }
            ColumnSpec::Metric(k, Agg::Min) => (k, ":min"),
            ColumnSpec::Metric(k, Agg::Max) => (k, ":max"),
            ColumnSpec::Attr(_) => return None,
        };
        let clash = columns.iter().filter(|o| {
            matches!(o, ColumnSpec::Metric(k, _) | ColumnSpec::Param(k) | ColumnSpec::Tag(k) if k == key)
                && std::mem::discriminant(*o) != std::mem::discriminant(c)
        });
        (clash.count() == 0 && !Attr::ALL.iter().any(|(_, n)| n == key))
            .then(|| format!("{key}{suffix}"))
    };
    let header = |c: &ColumnSpec| {
        if human {
            short(c).unwrap_or_else(|| c.name())
        } else {
            c.name()
        }
    };
    let mut table = Table::new(
        columns
            .iter()
            .map(|c| match c {
                ColumnSpec::Metric(..) | ColumnSpec::Attr(Attr::Duration) => {
                    Column::number(header(c))
                }
                // Eight characters of an id are enough to tell runs apart and to paste.
                ColumnSpec::Attr(Attr::RunId | Attr::ExperimentId) => {
                    Column::id(header(c)).min_width(9)
                }
                // Cut statuses and times mislead; names and tags can give way first.
                ColumnSpec::Attr(Attr::Status) => Column::new(header(c)).min_width(9),
                ColumnSpec::Attr(Attr::StartTime | Attr::EndTime) => {
                    Column::new(header(c)).min_width(19)
                }
                _ => Column::new(header(c)),
            })
            .collect(),
    );
    for run in runs {
        let mut row = Vec::with_capacity(columns.len());
        for c in columns {
            let summary = match c {
                ColumnSpec::Metric(k, Agg::Min | Agg::Max) => {
                    store.metric_summary(&run.info.run_id, k)?
                }
                _ => None,
            };
            row.push(cell(run, c, summary.as_ref(), human));
        }
        table.push_row(row);
    }
    Ok(table)
}

/// Metric values: Python's repr for files (exact), 6 significant digits for people.
pub fn fmt_number(v: f64, human: bool) -> String {
    if !human || !v.is_finite() || v == 0.0 {
        return pyfloat::format(v);
    }
    let a = v.abs();
    if (1e-4..1e6).contains(&a) {
        let digits = (5 - a.log10().floor() as i32).clamp(0, 10) as usize;
        let s = format!("{v:.digits$}");
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    } else {
        format!("{v:.4e}")
    }
}

/// Epoch milliseconds as local time for people, or as MLflow's CSV spells it (UTC, ms) for files.
pub fn fmt_time(ms: i64, human: bool) -> String {
    let Ok(ts) = jiff::Timestamp::from_millisecond(ms) else {
        return ms.to_string();
    };
    if human {
        let zoned = ts.to_zoned(jiff::tz::TimeZone::system());
        zoned.strftime("%Y-%m-%d %H:%M:%S").to_string()
    } else {
        ts.to_zoned(jiff::tz::TimeZone::UTC)
            .strftime("%Y-%m-%d %H:%M:%S%.3f+00:00")
            .to_string()
    }
}

/// Durations as `1h02m`, `3m04s`, `1.5s` for people; milliseconds for files.
pub fn fmt_duration(ms: i64, human: bool) -> String {
    if !human {
        return ms.to_string();
    }
    let s = ms / 1000;
    match s {
        _ if ms < 0 => ms.to_string(),
        _ if ms < 1000 => format!("{ms}ms"),
        0..=59 => format!("{:.1}s", ms as f64 / 1000.0),
        60..=3599 => format!("{}m{:02}s", s / 60, s % 60),
        _ => format!("{}h{:02}m", s / 3600, (s % 3600) / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_durations_for_people() {
        assert_eq!(fmt_number(0.123456789, true), "0.123457");
        assert_eq!(fmt_number(0.123456789, false), "0.123456789");
        assert_eq!(fmt_number(1234.5, true), "1234.5");
        assert_eq!(fmt_number(2.0, true), "2");
        assert_eq!(fmt_number(1.5e300, true), "1.5000e300");
        assert_eq!(fmt_number(f64::NAN, true), "nan");
        assert_eq!(fmt_duration(1500, true), "1.5s");
        assert_eq!(fmt_duration(12, true), "12ms");
        assert_eq!(fmt_duration(3_723_000, true), "1h02m");
        assert_eq!(fmt_duration(184_000, true), "3m04s");
        assert_eq!(fmt_time(0, false), "1970-01-01 00:00:00.000+00:00");
    }
}
