//! Renders data on stdout: tables (MLflow's formatter: column width = max(cell, header + 2, 4), two
//! spaces between columns), CSV, or JSON in MLflow's REST shapes.
use super::error::CliResult;
use super::{Ctx, OutputFormat};
use serde::Serialize;
use std::io::Write;

pub fn print_json<T: Serialize>(value: &T) -> CliResult {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)
        .map_err(|e| super::CliError::user(e.to_string()))?;
    writeln!(out)?;
    Ok(())
}

pub fn print_line(s: &str) -> CliResult {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{s}")?;
    Ok(())
}

/// Prints rows as a table or CSV; callers handle JSON themselves (it has its own shape).
pub fn print_rows(ctx: &Ctx, headers: &[&str], rows: &[Vec<String>]) -> CliResult {
    let mut out = std::io::stdout().lock();
    if ctx.output == OutputFormat::Csv {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(headers)
            .map_err(|e| super::CliError::user(e.to_string()))?;
        for r in rows {
            w.write_record(r)
                .map_err(|e| super::CliError::user(e.to_string()))?;
        }
        w.flush()?;
        return Ok(());
    }
    let widths: Vec<usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let cells = rows
                .iter()
                .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
                .max()
                .unwrap_or(0);
            cells.max(h.chars().count() + 2).max(4)
        })
        .collect();
    let line = |cells: Vec<String>| -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            let pad = widths[i].saturating_sub(c.chars().count());
            s.push_str(&c.replace('\n', " "));
            s.push_str(&" ".repeat(pad));
        }
        s.trim_end().to_string()
    };
    writeln!(
        out,
        "{}",
        line(headers.iter().map(|h| h.to_string()).collect())
    )?;
    writeln!(
        out,
        "{}",
        line(widths.iter().map(|w| "-".repeat(*w)).collect())
    )?;
    for r in rows {
        writeln!(out, "{}", line(r.clone()))?;
    }
    Ok(())
}
