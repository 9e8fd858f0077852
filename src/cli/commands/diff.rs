//! `mlrun diff`: what changed between two runs, artifacts included by size and hash.
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_table};
use crate::cli::runs_table::{cell, fmt_number, Attr, ColumnSpec};
use crate::cli::table::{Column, Table};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::{ArtifactEntry, Run};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

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

/// One changed value between two runs. `a`/`b` are None where the run lacks it.
struct Change {
    kind: &'static str,
    key: String,
    a: Option<String>,
    b: Option<String>,
    note: String,
}

pub fn cmd_diff(ctx: &Ctx, a: DiffArgs) -> CliResult {
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
    // Datasets keyed by name and context: the same training set at a new digest is a change.
    let datasets = |r: &Run| -> BTreeMap<String, String> {
        let mut m = BTreeMap::new();
        for d in r.dataset_inputs() {
            let key = match d.context() {
                Some(c) => format!("{} ({c})", d.dataset.name),
                None => d.dataset.name.clone(),
            };
            let details = d.details();
            m.entry(key)
                .and_modify(|v: &mut String| {
                    v.push_str("; ");
                    v.push_str(&details)
                })
                .or_insert(details);
        }
        m
    };
    diff_maps(
        "dataset",
        datasets(&run_a),
        datasets(&run_b),
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
