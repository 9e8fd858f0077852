//! `mlrun compare` (runs side by side, one row per value, the best of each metric marked) and
//! `mlrun diff` (what changed between two runs, artifacts included by size and hash).
use super::error::{CliError, CliResult};
use super::output::{print_json, print_table};
use super::runs_table::{cell, fmt_number, metric_value, Agg, Attr, ColumnSpec};
use super::table::{Cell, Column, Table};
use super::{Ctx, OutputFormat};
use clap::Args;
use mlrun::{ArtifactEntry, Run, TrackingStore};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Runs to compare (two or more)
    #[arg(required = true, num_args = 1.., value_name = "RUN_ID")]
    pub run_ids: Vec<String>,
    /// Hide rows whose value is the same in every run
    #[arg(long)]
    pub only_diff: bool,
    /// Metrics to show, comma-separated [default: all]
    #[arg(long, value_delimiter = ',', value_name = "KEY")]
    pub metrics: Vec<String>,
    /// Params to show, comma-separated [default: all]
    #[arg(long, value_delimiter = ',', value_name = "KEY")]
    pub params: Vec<String>,
    /// Tags to show, comma-separated [default: none]
    #[arg(long, value_delimiter = ',', value_name = "KEY")]
    pub tags: Vec<String>,
    /// Add each metric's min and max over its whole history
    #[arg(long)]
    pub summary: bool,
    /// Metrics where lower is better (by default names like loss, error, mse, time are)
    #[arg(long = "lower-is-better", value_delimiter = ',', value_name = "KEY")]
    pub lower: Vec<String>,
    /// Metrics where higher is better (overrides the name-based guess)
    #[arg(long = "higher-is-better", value_delimiter = ',', value_name = "KEY")]
    pub higher: Vec<String>,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The run to compare from
    pub run_a: String,
    /// The run to compare to
    pub run_b: String,
    /// Leave artifacts out (hashing large artifacts takes time)
    #[arg(long)]
    pub no_artifacts: bool,
}

/// Whether lower values of a metric are better, guessed from its name unless the user said.
fn lower_is_better(key: &str, a: &CompareArgs) -> bool {
    if a.lower.iter().any(|k| k == key) {
        return true;
    }
    if a.higher.iter().any(|k| k == key) {
        return false;
    }
    mlrun::lower_is_better(key)
}

fn load_runs(store: &dyn TrackingStore, ids: &[String]) -> CliResult<Vec<Run>> {
    let mut seen = BTreeSet::new();
    ids.iter()
        .filter(|id| seen.insert(id.as_str()))
        .map(|id| {
            store.get_run(id).map_err(|e| {
                // A damaged run keeps the store's own hint; a wrong id gets this one.
                let unknown = matches!(e, mlrun::store::StoreError::NotFound(_));
                let e = CliError::from(e);
                if unknown {
                    e.with_hint("`mlrun runs search` lists run ids")
                } else {
                    e
                }
            })
        })
        .collect()
}

pub fn compare(ctx: &Ctx, a: CompareArgs) -> CliResult {
    let store = ctx.store()?;
    let runs = load_runs(store, &a.run_ids)?;
    let keys = |f: &dyn Fn(&Run) -> Vec<String>, chosen: &[String]| -> Vec<String> {
        if chosen.is_empty() {
            let all: BTreeSet<String> = runs.iter().flat_map(f).collect();
            all.into_iter().collect()
        } else {
            chosen.to_vec()
        }
    };
    let metric_keys = keys(
        &|r| r.data.metrics.iter().map(|m| m.key.clone()).collect(),
        &a.metrics,
    );
    let param_keys = keys(
        &|r| r.data.params.iter().map(|p| p.key.clone()).collect(),
        &a.params,
    );

    let mut rows: Vec<ColumnSpec> = vec![
        ColumnSpec::Attr(Attr::RunName),
        ColumnSpec::Attr(Attr::Status),
        ColumnSpec::Attr(Attr::StartTime),
        ColumnSpec::Attr(Attr::Duration),
    ];
    rows.extend(param_keys.into_iter().map(ColumnSpec::Param));
    for k in metric_keys {
        rows.push(ColumnSpec::Metric(k.clone(), Agg::Latest));
        if a.summary {
            rows.push(ColumnSpec::Metric(k.clone(), Agg::Min));
            rows.push(ColumnSpec::Metric(k, Agg::Max));
        }
    }
    rows.extend(a.tags.iter().cloned().map(ColumnSpec::Tag));

    let human = ctx.output == OutputFormat::Table;
    let mut out_rows = Vec::new();
    for spec in &rows {
        let mut raw = Vec::new(); // numbers, to find the best
        let mut texts = Vec::new();
        for run in &runs {
            let summary = match spec {
                ColumnSpec::Metric(k, Agg::Min | Agg::Max) => {
                    store.metric_summary(&run.info.run_id, k)?
                }
                _ => None,
            };
            texts.push(cell(run, spec, summary.as_ref(), human));
            raw.push(match spec {
                ColumnSpec::Metric(k, agg) => metric_value(run, k, *agg, summary.as_ref()),
                _ => None,
            });
        }
        // Compare exact values, not the rounded text a person sees.
        let exact: Vec<String> = runs
            .iter()
            .zip(&raw)
            .map(|(run, v)| match v {
                Some(v) => mlrun::pyfloat::format(*v),
                None => cell(run, spec, None, false),
            })
            .collect();
        let same = exact.windows(2).all(|w| w[0] == w[1]);
        if a.only_diff && same {
            continue;
        }
        let best = match spec {
            ColumnSpec::Metric(k, _) if runs.len() > 1 && !same => {
                let lower = lower_is_better(k, &a);
                raw.iter()
                    .enumerate()
                    .filter_map(|(i, v)| v.filter(|v| !v.is_nan()).map(|v| (i, v)))
                    .reduce(|b, x| {
                        if (lower && x.1 < b.1) || (!lower && x.1 > b.1) {
                            x
                        } else {
                            b
                        }
                    })
                    .map(|(_, v)| {
                        // Every run holding the best value is marked, not just the first.
                        raw.iter()
                            .enumerate()
                            .filter(|(_, r)| **r == Some(v))
                            .map(|(j, _)| j)
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            }
            _ => vec![],
        };
        out_rows.push((spec.name(), texts, exact, same, best));
    }

    if ctx.output == OutputFormat::Json {
        let rows: Vec<_> = out_rows
            .iter()
            .map(|(key, _, exact, same, best)| {
                json!({
                    "key": key,
                    "values": runs.iter().zip(exact).map(|(r, v)| {
                        let missing = v.is_empty() && !matches!(key.as_str(), "run_name");
                        (r.info.run_id.clone(), if missing { json!(null) } else { json!(v) })
                    }).collect::<serde_json::Map<_, _>>(),
                    "same": same,
                    "best": best.iter().map(|i| runs[*i].info.run_id.clone()).collect::<Vec<_>>(),
                })
            })
            .collect();
        let ids: Vec<_> = runs.iter().map(|r| r.info.run_id.clone()).collect();
        return print_json(&json!({ "runs": ids, "rows": rows }));
    }
    let header = |r: &Run| {
        if human {
            r.info.run_id.chars().take(8).collect::<String>()
        } else {
            r.info.run_id.clone()
        }
    };
    let mut columns = vec![Column::new("key")];
    columns.extend(runs.iter().map(|r| Column::number(header(r))));
    let mut table = Table::new(columns);
    for (key, texts, _, _, best) in out_rows {
        let mut row = vec![Cell::new(key)];
        row.extend(texts.into_iter().enumerate().map(|(i, t)| {
            if best.contains(&i) {
                Cell::highlighted(t)
            } else {
                Cell::new(t)
            }
        }));
        table.rows.push(row);
    }
    print_table(ctx, &table)
}

/// One changed value between two runs. `a`/`b` are None where the run lacks it.
struct Change {
    kind: &'static str,
    key: String,
    a: Option<String>,
    b: Option<String>,
    note: String,
}

pub fn diff(ctx: &Ctx, a: DiffArgs) -> CliResult {
    let store = ctx.store()?;
    let run_a = store.get_run(&a.run_a)?;
    let run_b = store.get_run(&a.run_b)?;
    let mut changes = Vec::new();

    let info = |r: &Run| -> BTreeMap<String, String> {
        [
            (Attr::RunName, "run_name"),
            (Attr::Status, "status"),
            (Attr::ExperimentId, "experiment_id"),
            (Attr::UserId, "user_id"),
        ]
        .into_iter()
        .map(|(attr, n)| (n.to_string(), cell(r, &ColumnSpec::Attr(attr), None, false)))
        .collect()
    };
    diff_maps("info", info(&run_a), info(&run_b), &mut changes, |_, _| {
        String::new()
    });
    let kv = |v: &[mlrun::KeyValue]| -> BTreeMap<String, String> {
        v.iter().map(|p| (p.key.clone(), p.value.clone())).collect()
    };
    diff_maps(
        "param",
        kv(&run_a.data.params),
        kv(&run_b.data.params),
        &mut changes,
        |_, _| String::new(),
    );
    let metrics = |r: &Run| -> BTreeMap<String, String> {
        r.data
            .metrics
            .iter()
            .map(|m| (m.key.clone(), mlrun::pyfloat::format(m.value)))
            .collect()
    };
    diff_maps(
        "metric",
        metrics(&run_a),
        metrics(&run_b),
        &mut changes,
        |x, y| match (mlrun::pyfloat::parse(x), mlrun::pyfloat::parse(y)) {
            (Some(x), Some(y)) if x.is_finite() && y.is_finite() => {
                let d = y - x;
                let sign = if d >= 0.0 { "+" } else { "" };
                format!("{sign}{}", fmt_number(d, true))
            }
            _ => String::new(),
        },
    );
    diff_maps(
        "tag",
        kv(&run_a.data.tags),
        kv(&run_b.data.tags),
        &mut changes,
        |_, _| String::new(),
    );
    if !a.no_artifacts {
        let manifest = |r: &Run| -> CliResult<BTreeMap<String, ArtifactEntry>> {
            Ok(store
                .artifact_manifest(&r.info.run_id)?
                .into_iter()
                .map(|e| (e.path.clone(), e))
                .collect())
        };
        let (ma, mb) = (manifest(&run_a)?, manifest(&run_b)?);
        let paths: BTreeSet<&String> = ma.keys().chain(mb.keys()).collect();
        for p in paths {
            let (x, y) = (ma.get(p), mb.get(p));
            if x.map(|e| &e.sha256) == y.map(|e| &e.sha256) {
                continue;
            }
            let desc = |e: &ArtifactEntry| format!("{} bytes sha256:{}", e.size, &e.sha256[..12]);
            let note = match (x, y) {
                (Some(x), Some(y)) => format!("{:+} bytes", y.size as i64 - x.size as i64),
                (None, _) => "added".into(),
                (_, None) => "removed".into(),
            };
            changes.push(Change {
                kind: "artifact",
                key: p.clone(),
                a: x.map(desc),
                b: y.map(desc),
                note,
            });
        }
    }

    if ctx.output == OutputFormat::Json {
        let v: Vec<_> = changes
            .iter()
            .map(|c| json!({"kind": c.kind, "key": c.key, "a": c.a, "b": c.b, "note": c.note}))
            .collect();
        return print_json(
            &json!({"run_a": run_a.info.run_id, "run_b": run_b.info.run_id, "changes": v}),
        );
    }
    let short = |r: &Run| r.info.run_id.chars().take(8).collect::<String>();
    let mut table = Table::new(vec![
        Column::new("kind"),
        Column::new("key"),
        Column::new(short(&run_a)),
        Column::new(short(&run_b)),
        Column::new("change"),
    ]);
    for c in changes {
        table.push_row([
            c.kind.to_string(),
            c.key,
            c.a.unwrap_or_else(|| "-".into()),
            c.b.unwrap_or_else(|| "-".into()),
            c.note,
        ]);
    }
    if table.rows.is_empty() {
        ctx.say("no differences");
        return Ok(());
    }
    print_table(ctx, &table)
}

fn diff_maps(
    kind: &'static str,
    a: BTreeMap<String, String>,
    b: BTreeMap<String, String>,
    out: &mut Vec<Change>,
    note: impl Fn(&str, &str) -> String,
) {
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    for k in keys {
        let (x, y) = (a.get(k), b.get(k));
        if x == y {
            continue;
        }
        let n = match (x, y) {
            (Some(x), Some(y)) => note(x, y),
            (None, _) => "added".into(),
            (_, None) => "removed".into(),
        };
        out.push(Change {
            kind,
            key: k.clone(),
            a: x.cloned(),
            b: y.cloned(),
            note: n,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args() -> CompareArgs {
        CompareArgs {
            run_ids: vec![],
            only_diff: false,
            metrics: vec![],
            params: vec![],
            tags: vec![],
            summary: false,
            lower: vec!["acc_drop".into()],
            higher: vec!["val_loss_gain".into()],
        }
    }

    #[test]
    fn direction_from_name_or_flags() {
        let a = args();
        assert!(lower_is_better("val_loss", &a));
        assert!(lower_is_better("train/mse", &a));
        assert!(lower_is_better("acc_drop", &a));
        assert!(!lower_is_better("accuracy", &a));
        assert!(!lower_is_better("val_loss_gain", &a));
        // "glossary" contains "loss" but is not a loss.
        assert!(!lower_is_better("glossary", &a));
    }
}
