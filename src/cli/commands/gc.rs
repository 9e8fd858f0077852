//! `mlrun gc`: permanently removes deleted runs and experiments.
use crate::cli::error::CliResult;
use crate::cli::{now_ms, Ctx};
use clap::Args;

#[derive(Debug, Args)]
pub struct GcArgs {
    /// Only remove what was deleted at least this long ago (e.g. 30d, 1d2h, 10m, 1.5h)
    #[arg(long, value_parser = parse_duration_ms)]
    pub older_than: Option<i64>,
    /// Comma-separated run ids to remove (must be deleted)
    #[arg(long, value_delimiter = ',')]
    pub run_ids: Vec<String>,
    /// Comma-separated experiment ids to remove (must be deleted)
    #[arg(long, value_delimiter = ',')]
    pub experiment_ids: Vec<String>,
}

/// MLflow's `#d#h#m#s` durations (floats allowed) in milliseconds.
pub fn parse_duration_ms(s: &str) -> Result<i64, String> {
    let err = || format!("invalid duration '{s}': use a form like 30d, 1d2h, 10m30s or 1.5h");
    let mut total = 0f64;
    let mut num = String::new();
    let mut any = false;
    for c in s.chars() {
        if c.is_ascii_digit() || c == '.' {
            num.push(c);
        } else {
            let unit = match c {
                'd' => 86_400_000.0,
                'h' => 3_600_000.0,
                'm' => 60_000.0,
                's' => 1000.0,
                _ => return Err(err()),
            };
            let v: f64 = num.parse().map_err(|_| err())?;
            total += v * unit;
            num.clear();
            any = true;
        }
    }
    if !num.is_empty() || !any {
        return Err(err());
    }
    Ok(total as i64)
}

pub fn cmd_gc(ctx: &Ctx, a: GcArgs) -> CliResult {
    let store = ctx.store()?;
    let (runs, exps) = store.gc(a.older_than, &a.run_ids, &a.experiment_ids, now_ms())?;
    for r in runs {
        ctx.say(&format!("Run with ID {r} has been permanently deleted."));
    }
    for e in exps {
        ctx.say(&format!(
            "Experiment with ID {e} has been permanently deleted."
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration_ms("1d").unwrap(), 86_400_000);
        assert_eq!(parse_duration_ms("1h30m").unwrap(), 5_400_000);
        assert_eq!(parse_duration_ms("1.5s").unwrap(), 1500);
        assert!(parse_duration_ms("5").is_err());
        assert!(parse_duration_ms("5x").is_err());
    }
}
