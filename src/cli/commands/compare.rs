//! `mlrun compare`: runs side by side, one row per value, the best of each metric marked.
use crate::cli::error::{CliError, CliResult};
use crate::cli::output::{print_json, print_table};
use crate::cli::runs_table::{cell, metric_value, Agg, Attr, ColumnSpec};
use crate::cli::table::{Cell, Column, Table};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::{Run, TrackingStore};
use serde_json::json;
use std::collections::BTreeSet;

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

pub fn cmd_compare(ctx: &Ctx, a: CompareArgs) -> CliResult {
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
    // One row per dataset name: each run's digest, context and source of it.
    let inputs: Vec<Vec<mlrun::DatasetInput>> = runs.iter().map(Run::dataset_inputs).collect();
    let names: BTreeSet<&str> = inputs
        .iter()
        .flatten()
        .map(|d| d.dataset.name.as_str())
        .collect();
    for name in names {
        let texts: Vec<String> = inputs
            .iter()
            .map(|ds| {
                ds.iter()
                    .filter(|d| d.dataset.name == name)
                    .map(mlrun::DatasetInput::details)
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .collect();
        let same = texts.windows(2).all(|w| w[0] == w[1]);
        if a.only_diff && same {
            continue;
        }
        out_rows.push((
            format!("dataset.{name}"),
            texts.clone(),
            texts,
            same,
            vec![],
        ));
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
