//! `mlrun runs search` and the column model shared by search and compare: which run values a table
//! shows (`metrics.loss`, `params.lr`, `tags.team`, `status`, `metrics.loss:min` …) and how each is
//! rendered for a terminal, CSV or JSON.
use super::args::View;
use super::error::{CliError, CliResult};
use super::output::print_json;
use super::table::{Column, Table};
use super::{env_vars, Ctx, OutputFormat};
use clap::Args;
use mlrun::search::{self, Needs, SearchError};
use mlrun::store::{RunPage, RunQuery};
use mlrun::{pyfloat, MetricSummary, Run, TrackingStore};
use std::collections::BTreeSet;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Experiment id to search (repeatable) [default: $MLFLOW_EXPERIMENT_ID, else every active experiment]
    #[arg(long = "experiment-id", value_name = "ID")]
    pub experiment_ids: Vec<String>,
    /// Experiment name to search (repeatable)
    #[arg(long = "experiment-name", value_name = "NAME")]
    pub experiment_names: Vec<String>,
    /// MLflow filter, e.g. "metrics.acc > 0.9 and params.model = 'cnn'"
    #[arg(long, short = 'f', value_name = "FILTER")]
    pub filter: Option<String>,
    /// Order, e.g. "metrics.acc DESC" (repeatable; the first is the primary key)
    #[arg(long = "order-by", value_name = "KEY [ASC|DESC]")]
    pub order_by: Vec<String>,
    /// Most runs to return (at most 50000)
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_results: u32,
    /// Token from a previous page's `next_page_token`
    #[arg(long, value_name = "TOKEN")]
    pub page_token: Option<String>,
    /// Which runs: active, deleted or all
    #[arg(long, value_enum, default_value_t = View::Active)]
    pub view: View,
    /// Columns to show, comma-separated: metrics.K[:min|:max|:last], params.K, tags.K, or an
    /// attribute (run_id, run_name, status, user_id, start_time, end_time, duration, experiment_id,
    /// artifact_uri) [default: run_id, run_name, status, start_time, then every metric and param]
    #[arg(long, short = 'c', value_delimiter = ',', value_name = "COLUMN")]
    pub columns: Vec<String>,
}

/// A value a table can show for each run.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum ColumnSpec {
    Attr(Attr),
    Metric(String, Agg),
    Param(String),
    Tag(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Attr {
    RunId,
    RunName,
    Status,
    UserId,
    StartTime,
    EndTime,
    Duration,
    ExperimentId,
    ArtifactUri,
    LifecycleStage,
}

/// A metric column: its latest value (MLflow's), or a summary of its whole history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Agg {
    Latest,
    Min,
    Max,
}

impl Attr {
    const ALL: [(Attr, &'static str); 10] = [
        (Attr::RunId, "run_id"),
        (Attr::RunName, "run_name"),
        (Attr::Status, "status"),
        (Attr::UserId, "user_id"),
        (Attr::StartTime, "start_time"),
        (Attr::EndTime, "end_time"),
        (Attr::Duration, "duration"),
        (Attr::ExperimentId, "experiment_id"),
        (Attr::ArtifactUri, "artifact_uri"),
        (Attr::LifecycleStage, "lifecycle_stage"),
    ];
    fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(a, _)| *a == self)
            .map_or("", |(_, n)| n)
    }
}

impl ColumnSpec {
    /// The column's name as CSV headers and `--columns` spell it.
    pub fn name(&self) -> String {
        match self {
            Self::Attr(a) => a.name().to_string(),
            Self::Metric(k, Agg::Latest) => format!("metrics.{k}"),
            Self::Metric(k, Agg::Min) => format!("metrics.{k}:min"),
            Self::Metric(k, Agg::Max) => format!("metrics.{k}:max"),
            Self::Param(k) => format!("params.{k}"),
            Self::Tag(k) => format!("tags.{k}"),
        }
    }

    fn add_needs(&self, n: &mut Needs) {
        match self {
            Self::Metric(k, Agg::Latest) => {
                n.metrics.insert(k.clone());
            }
            Self::Param(k) => {
                n.params.insert(k.clone());
            }
            Self::Tag(k) => {
                n.tags.insert(k.clone());
            }
            _ => {}
        }
    }
}

/// Parses `metrics.loss:min`, ``params.`a b` ``, `tags."x"`, `status`, with MLflow's entity aliases.
pub fn parse_column(s: &str) -> Result<ColumnSpec, String> {
    let s = s.trim();
    let unquote = |k: &str| -> String {
        let k = k.trim();
        for q in ['`', '"', '\''] {
            if k.len() >= 2 && k.starts_with(q) && k.ends_with(q) {
                return k[1..k.len() - 1].to_string();
            }
        }
        k.to_string()
    };
    let (body, agg) = match s.rsplit_once(':') {
        Some((b, "min")) => (b, Agg::Min),
        Some((b, "max")) => (b, Agg::Max),
        Some((b, "last" | "latest")) => (b, Agg::Latest),
        _ => (s, Agg::Latest),
    };
    let bad = || {
        format!(
            "unknown column '{s}': use metrics.KEY[:min|:max|:last], params.KEY, tags.KEY or one of {}",
            Attr::ALL.map(|(_, n)| n).join(", ")
        )
    };
    if let Some((entity, key)) = body.split_once('.') {
        let key = unquote(key);
        if key.is_empty() {
            return Err(bad());
        }
        let spec = match unquote(entity).as_str() {
            "metric" | "metrics" => ColumnSpec::Metric(key, agg),
            "param" | "params" | "parameter" | "parameters" => ColumnSpec::Param(key),
            "tag" | "tags" => ColumnSpec::Tag(key),
            "attribute" | "attributes" | "attr" | "run" => {
                return parse_column(&key);
            }
            _ => return Err(bad()),
        };
        if agg != Agg::Latest && !matches!(spec, ColumnSpec::Metric(..)) {
            return Err(format!("'{s}': only metrics have :min, :max and :last"));
        }
        return Ok(spec);
    }
    let name = match body {
        "created" | "Created" => "start_time",
        "run name" | "Run name" | "Run Name" | "name" => "run_name",
        other => other,
    };
    Attr::ALL
        .iter()
        .find(|(_, n)| *n == name)
        .map(|(a, _)| ColumnSpec::Attr(*a))
        .filter(|_| agg == Agg::Latest || body == s)
        .ok_or_else(bad)
}

/// Turns a filter or order-by error into a CLI error that shows where it went wrong.
pub fn search_error(what: &str, input: &str, e: SearchError) -> CliError {
    let mut msg = e.message.clone();
    if let Some(span) = e.span.clone() {
        if span.start <= input.len()
            && span.end <= input.len()
            && input.is_char_boundary(span.start)
        {
            let pad = unicode_width::UnicodeWidthStr::width(&input[..span.start]);
            let len = input
                .get(span.clone())
                .map_or(1, unicode_width::UnicodeWidthStr::width)
                .max(1);
            msg = format!(
                "{msg}\n  {what}: {input}\n  {}{}",
                " ".repeat(what.len() + 2 + pad),
                "^".repeat(len)
            );
        }
    }
    CliError::user(msg)
}

/// Experiment ids from `--experiment-id`/`--experiment-name`, else the env, else every active one.
pub fn experiment_ids(
    store: &dyn TrackingStore,
    ids: &[String],
    names: &[String],
) -> CliResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        store.get_experiment(id)?;
        out.push(id.clone());
    }
    for name in names {
        let exp = store.get_experiment_by_name(name)?.ok_or_else(|| {
            CliError::user(format!("Could not find experiment with name '{name}'"))
                .with_hint("`mlrun experiments list` shows the experiments there are")
        })?;
        out.push(exp.experiment_id);
    }
    if out.is_empty() {
        if let Some(id) = std::env::var(env_vars::EXPERIMENT_ID)
            .ok()
            .filter(|s| !s.is_empty())
        {
            store.get_experiment(&id)?;
            out.push(id);
        } else if let Some(name) = std::env::var(env_vars::EXPERIMENT_NAME)
            .ok()
            .filter(|s| !s.is_empty())
        {
            return experiment_ids(store, &[], &[name]);
        } else {
            let listing = store.list_experiments(mlrun::ViewType::ActiveOnly)?;
            out = listing.items.into_iter().map(|e| e.experiment_id).collect();
        }
    }
    out.dedup();
    Ok(out)
}

/// A runs search's filter, orderings and columns as the user typed them, parsed; errors name the
/// flag at fault.
pub(super) fn parse_run_search(
    filter: &Option<String>,
    order_by: &[String],
    columns: &[String],
) -> CliResult<(search::RunFilter, Vec<search::RunOrderBy>, Vec<ColumnSpec>)> {
    let filter_text = filter.clone().unwrap_or_default();
    let filter = search::parse_run_filter(&filter_text)
        .map_err(|e| search_error("filter", &filter_text, e))?;
    // MLflow checks the last order-by first; report the same one it would.
    let mut order_by = order_by
        .iter()
        .rev()
        .map(|o| search::parse_run_order_by(o).map_err(|e| search_error("order-by", o, e)))
        .collect::<CliResult<Vec<_>>>()?;
    order_by.reverse();
    let columns = columns
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| parse_column(c).map_err(CliError::usage))
        .collect::<CliResult<_>>()?;
    Ok((filter, order_by, columns))
}

pub fn runs_search(ctx: &Ctx, store: &dyn TrackingStore, a: SearchArgs) -> CliResult {
    let (filter, order_by, columns) = parse_run_search(&a.filter, &a.order_by, &a.columns)?;
    let experiment_ids = experiment_ids(store, &a.experiment_ids, &a.experiment_names)?;
    // JSON gives MLflow's whole runs; a table reads only the columns it shows.
    let needs = (!columns.is_empty() && ctx.output != OutputFormat::Json).then(|| {
        let mut n = Needs::default();
        for c in &columns {
            c.add_needs(&mut n);
        }
        n
    });
    let page = store.search_runs(&RunQuery {
        experiment_ids,
        filter,
        order_by,
        max_results: a.max_results as usize,
        page_token: a.page_token,
        view: a.view.into(),
        columns: needs,
    })?;
    for b in &page.broken {
        ctx.warn(&format!("skipped: {b}"));
    }
    if ctx.output == OutputFormat::Json {
        return print_page_json(&page);
    }
    let columns = if columns.is_empty() {
        default_columns(&page.runs)
    } else {
        columns
    };
    let table = runs_table(store, &page.runs, &columns, ctx.output)?;
    super::output::print_table(ctx, &table)?;
    if let Some(t) = &page.next_page_token {
        ctx.say(&format!(
            "more runs match: pass --page-token {t} for the next page"
        ));
    }
    Ok(())
}

/// MLflow's `SearchRuns` response, serialized straight from the runs (no JSON tree in between:
/// a big search prints tens of megabytes).
#[derive(serde::Serialize)]
struct SearchRunsResponse<'a> {
    runs: &'a [Run],
    #[serde(skip_serializing_if = "Option::is_none")]
    next_page_token: Option<&'a str>,
}

fn print_page_json(page: &RunPage) -> CliResult {
    print_json(&SearchRunsResponse {
        runs: &page.runs,
        next_page_token: page.next_page_token.as_deref(),
    })
}

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
    fn columns_parse_with_aliases_quotes_and_summaries() {
        assert_eq!(
            parse_column("metrics.loss:min").unwrap(),
            ColumnSpec::Metric("loss".into(), Agg::Min)
        );
        assert_eq!(
            parse_column("metric.`a b`").unwrap(),
            ColumnSpec::Metric("a b".into(), Agg::Latest)
        );
        assert_eq!(
            parse_column("params.\"nested/p\"").unwrap(),
            ColumnSpec::Param("nested/p".into())
        );
        assert_eq!(
            parse_column("tags.mlflow.runName").unwrap(),
            ColumnSpec::Tag("mlflow.runName".into())
        );
        assert_eq!(
            parse_column("attributes.created").unwrap(),
            ColumnSpec::Attr(Attr::StartTime)
        );
        assert!(parse_column("params.lr:min").is_err());
        assert!(parse_column("bogus")
            .unwrap_err()
            .contains("unknown column 'bogus'"));
        assert!(parse_column("metrics.").is_err());
    }

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
