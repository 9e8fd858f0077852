//! Renders data on stdout: tables (MLflow's look, fitted to the terminal by `table`), markdown, CSV,
//! or JSON in MLflow's REST shapes; charts from `plot`. Only a known terminal width ever cuts a
//! value, so piped output stays whole and parseable.
use super::error::CliResult;
use super::plot::{self, Series};
use super::table::Table;
use super::{env_vars, Ctx, OutputFormat};
use serde::Serialize;
use std::io::Write;

/// Charts drawn to a pipe with no COLUMNS/LINES get a size that reads well in a log.
const CHART_SIZE: (usize, usize) = (80, 20);

/// The terminal's (width, height): `COLUMNS`/`LINES` first, then stdout's terminal; None when stdout
/// is not a terminal and the variable is unset, which means "don't cut". Resolved once, in `run`.
pub fn terminal_size() -> (Option<usize>, Option<usize>) {
    let var = |name: &str| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&n| n > 0)
    };
    let term = terminal_size::terminal_size_of(std::io::stdout());
    (
        var(env_vars::COLUMNS).or(term.map(|(w, _)| usize::from(w.0))),
        var(env_vars::LINES).or(term.map(|(_, h)| usize::from(h.0))),
    )
}

/// Tags as one `key=value, key=value` cell.
pub fn tags_text(tags: &[mlrun::Tag]) -> String {
    tags.iter()
        .map(|t| format!("{}={}", t.key, t.value))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A server's access log (`ui`, `models serve`): one line per request on stderr, as `line` words it;
/// none with -q.
pub fn access_log(
    ctx: &Ctx,
    line: fn(&mlrun::http::Access) -> String,
) -> Option<mlrun::http::Logger> {
    (!ctx.quiet).then(|| {
        std::sync::Arc::new(move |a: &mlrun::http::Access| {
            let _ = writeln!(std::io::stderr(), "{}", line(a));
        }) as mlrun::http::Logger
    })
}

/// The access log line of `ui` and `server`: method, target, status, bytes, milliseconds.
pub fn access_line(a: &mlrun::http::Access) -> String {
    format!(
        "{} {} {} {}B {:.1}ms",
        a.method,
        a.target,
        a.status,
        a.bytes,
        a.elapsed.as_secs_f64() * 1000.0
    )
}

pub fn print_json<T: Serialize>(value: &T) -> CliResult {
    // stdout is line-buffered; pretty JSON has a line per field, so buffer it whole-block or
    // pay a write(2) per line (a search of thousands of runs made ~100k of them).
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value).map_err(|e| {
        if e.is_io() {
            super::CliError::from(std::io::Error::from(e))
        } else {
            super::CliError::user(e.to_string())
        }
    })?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

pub fn print_line(s: &str) -> CliResult {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{s}")?;
    Ok(())
}

/// Prints plain rows in the chosen format (column kinds guessed, see `Table::from_rows`). Callers
/// with a REST shape print JSON themselves; others get an array of objects keyed by header.
pub fn print_rows(ctx: &Ctx, headers: &[&str], rows: &[Vec<String>]) -> CliResult {
    print_table(ctx, &Table::from_rows(headers, rows))
}

/// Prints a table in the chosen format: fitted to the terminal, markdown, CSV or JSON.
pub fn print_table(ctx: &Ctx, table: &Table) -> CliResult {
    let mut out = std::io::stdout().lock();
    match ctx.output {
        OutputFormat::Csv => table
            .write_csv(&mut out)
            .map_err(|e| super::CliError::user(e.to_string()))?,
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &table.to_json())
                .map_err(|e| super::CliError::user(e.to_string()))?;
            writeln!(out)?;
        }
        OutputFormat::Markdown => out.write_all(table.render_markdown().as_bytes())?,
        OutputFormat::Table => {
            out.write_all(table.render(ctx.term_width, ctx.stdout_color).as_bytes())?
        }
    }
    Ok(())
}

/// Draws series as a line chart sized to the terminal (80×20 when piped).
pub fn print_chart(ctx: &Ctx, series: &[Series]) -> CliResult {
    let width = ctx.term_width.unwrap_or(CHART_SIZE.0);
    // Leave a line for the prompt so the chart's top stays on screen.
    let height = ctx
        .term_height
        .map_or(CHART_SIZE.1, |h| h.saturating_sub(1).min(40));
    let chart = plot::line_chart(series, width, height, ctx.stdout_color);
    std::io::stdout().lock().write_all(chart.as_bytes())?;
    Ok(())
}
