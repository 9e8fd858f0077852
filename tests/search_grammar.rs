//! Differential test of the search grammars against the real MLflow: every string in the corpus is
//! parsed by mlrun and by MLflow's SearchUtils (through `tests/search_grammar/oracle.py`), and the
//! accepted clauses or the error messages must agree. Set reprs in messages are compared sorted, since
//! Python prints sets in hash order.
mod common;

use mlrun::search::{self, RunValue};
use std::io::Write;
use std::process::{Command, Stdio};

fn val(v: &RunValue) -> String {
    match v {
        RunValue::Metric(f) | RunValue::Float(f) => mlrun::pyfloat::format(*f),
        RunValue::Int(i) => i.to_string(),
        RunValue::Str(s) => search::py_repr_str(s),
        RunValue::List(l) => format!(
            "[{}]",
            l.iter()
                .map(|s| search::py_repr_str(s))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        RunValue::None => "None".into(),
    }
}

fn cmp_name(c: search::Comparator) -> &'static str {
    use search::Comparator::*;
    match c {
        Gt => ">",
        Ge => ">=",
        Eq => "=",
        Ne => "!=",
        Lt => "<",
        Le => "<=",
        Like => "LIKE",
        ILike => "ILIKE",
        In => "IN",
        NotIn => "NOT IN",
        IsNull => "IS NULL",
        IsNotNull => "IS NOT NULL",
    }
}

fn entity(e: search::RunEntity) -> &'static str {
    use search::RunEntity::*;
    match e {
        Metric => "metric",
        Param => "parameter",
        Tag => "tag",
        Attribute => "attribute",
        Dataset => "dataset",
    }
}

fn tag_or_attr(is_tag: bool) -> &'static str {
    if is_tag {
        "tag"
    } else {
        "attribute"
    }
}

fn ours(kind: &str, s: &str) -> Result<Vec<String>, String> {
    let e = |e: search::SearchError| e.message;
    Ok(match kind {
        "runs" => search::parse_run_filter(s)
            .map_err(e)?
            .clauses
            .iter()
            .map(|c| {
                format!(
                    "{}|{}|{}|{}",
                    entity(c.entity),
                    c.key,
                    cmp_name(c.comparator),
                    val(&c.value)
                )
            })
            .collect(),
        "exps" => search::parse_experiment_filter(s)
            .map_err(e)?
            .clauses
            .iter()
            .map(|c| {
                format!(
                    "{}|{}|{}|{}",
                    tag_or_attr(c.is_tag),
                    c.key,
                    cmp_name(c.comparator),
                    val(&c.value)
                )
            })
            .collect(),
        "models" | "versions" => {
            let cl = if kind == "models" {
                search::parse_model_filter(s).map_err(e)?.clauses
            } else {
                search::parse_model_version_filter(s).map_err(e)?.clauses
            };
            cl.iter()
                .map(|c| {
                    format!(
                        "{}|{}|{}|{}",
                        tag_or_attr(c.is_tag),
                        c.key,
                        cmp_name(c.comparator),
                        val(&c.value)
                    )
                })
                .collect()
        }
        "run_order" => {
            let o = search::parse_run_order_by(s).map_err(e)?;
            let asc = if o.ascending { "True" } else { "False" };
            vec![format!("{}|{}|{asc}", entity(o.entity), o.key)]
        }
        "exp_order" | "model_order" | "version_order" => {
            let (k, a) = match kind {
                "exp_order" => search::parse_experiment_order_by(s).map(|o| (o.key, o.ascending)),
                "model_order" => search::parse_model_order_by(s).map(|o| (o.key, o.ascending)),
                _ => search::parse_model_version_order_by(s).map(|o| (o.key, o.ascending)),
            }
            .map_err(e)?;
            vec![format!(
                "attribute|{k}|{}",
                if a { "True" } else { "False" }
            )]
        }
        "page" => vec![search::decode_page_token_signed(s).map_err(e)?.to_string()],
        _ => unreachable!(),
    })
}

/// Sorts the elements of every `{'a', 'b'}` set repr so hash order does not matter.
fn norm(msg: &str) -> String {
    let mut out = String::new();
    let mut rest = msg;
    while let Some(i) = rest.find("{'") {
        out.push_str(&rest[..i]);
        match rest[i..].find("'}") {
            Some(j) => {
                let inner = &rest[i + 1..i + j + 1];
                let mut items: Vec<&str> = inner.split(", ").collect();
                items.sort();
                out.push('{');
                out.push_str(&items.join(", "));
                out.push('}');
                rest = &rest[i + j + 2..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

pub fn corpus() -> Vec<(&'static str, String)> {
    let mut v: Vec<(&'static str, String)> = Vec::new();
    let hand = include_str!("search_grammar/corpus.txt");
    for line in hand.lines() {
        if line.is_empty() || line.starts_with("##") {
            continue;
        }
        let (kind, s) = line.split_once(' ').unwrap_or((line, ""));
        // `\n`, `\t` and `\\` escapes let the corpus hold any string on one line.
        let s = s
            .replace("\\n", "\n")
            .replace("\\t", "\t")
            .replace("\\r", "\r");
        v.push((Box::leak(kind.to_string().into_boxed_str()), s));
    }
    // Generated: every identifier with every comparator and value shape.
    let idents = [
        "metrics.m",
        "metric.m",
        "params.p",
        "param.`p q`",
        "tags.t",
        "tag.\"t.u\"",
        "attributes.status",
        "run_id",
        "start_time",
        "end_time",
        "created",
        "`Run name`",
        "\"run name\"",
        "dataset.name",
        "datasets.context",
        "dataset.digest",
        "experiment_id",
        "lifecycle_stage",
        "foo.bar",
        "`tags`.`x`",
        "name",
        "creation_time",
        "last_update_time",
        "tags.`mlflow.runName`",
        "version_number",
        "source_path",
        "creation_timestamp",
    ];
    let cmps = [
        "=", "!=", ">", ">=", "<", "<=", "<>", "==", "LIKE", "ilike", "NOT LIKE", "IN", "not in",
        "IS", "RLIKE",
    ];
    let vals = [
        "'a'",
        "\"b\"",
        "1",
        "-2.5",
        "1e3",
        ".5",
        "('x', 'y')",
        "('x')",
        "()",
        "(1, 'a')",
        "x",
        "`q`",
        "NULL",
        "0x1F",
        "'it''s'",
    ];
    for i in idents {
        for c in cmps {
            for val in vals {
                let s = format!("{i} {c} {val}");
                for kind in ["runs", "exps", "models", "versions"] {
                    v.push((kind, s.clone()));
                }
            }
        }
        for tail in ["IS NULL", "is not null", "IS NOT  NULL", "IS  NULL"] {
            for kind in ["runs", "exps", "models", "versions"] {
                v.push((kind, format!("{i} {tail}")));
            }
        }
        for dir in ["", " ASC", " desc", " DeSc", " up", " asc asc"] {
            for kind in ["run_order", "exp_order", "model_order", "version_order"] {
                v.push((kind, format!("{i}{dir}")));
            }
        }
    }
    // Random strings assembled from grammar pieces (fixed seed): odd spacing, quoting and nesting.
    const PIECES: &[&str] = &[
        "metrics.",
        "params.",
        "tags.",
        "attributes.",
        "dataset.",
        "run_id",
        "start_time",
        "name",
        "`",
        "\"",
        "'",
        "a",
        "b c",
        " ",
        "  ",
        "\n",
        "\t",
        "=",
        "!=",
        "<>",
        ">=",
        "<",
        "LIKE",
        "ILIKE",
        "NOT",
        "IN",
        "IS",
        "NULL",
        "AND",
        "and",
        "OR",
        "(",
        ")",
        ",",
        ";",
        ".",
        "1",
        "-2.5",
        "1e3",
        "0x1f",
        "$$",
        "/*",
        "*/",
        "--",
        "# ",
        "[",
        "]",
        "::",
        "CASE",
        "END",
        "WHERE",
        "AS",
        "DESC",
        "asc",
        "é",
        "\\",
        "%",
        "_",
        "*",
        "+",
        "'x'",
        "('a', 'b')",
        "f(",
        "metrics.a > 1",
        " AND ",
        "tags.`k` = 'v'",
        "run_id IN ('a')",
        "params.p IS NULL",
    ];
    let mut rng = fastrand::Rng::with_seed(17);
    for i in 0..6000 {
        let n = rng.usize(1..12);
        let s: String = (0..n).map(|_| PIECES[rng.usize(..PIECES.len())]).collect();
        let kinds = [
            "runs",
            "exps",
            "models",
            "versions",
            "run_order",
            "exp_order",
        ];
        v.push((kinds[i % kinds.len()], s));
    }
    v
}

#[test]
fn grammar_matches_mlflow() {
    let python = common::mlflow_python();
    let corpus = corpus();
    let input = serde_json::to_string(&corpus).unwrap();
    let mut child = Command::new(&python)
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/search_grammar/oracle.py"
        ))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), corpus.len());
    let mut failures = Vec::new();
    for ((kind, s), theirs) in corpus.iter().zip(&lines) {
        let mine = ours(kind, s);
        let ok = match (
            &mine,
            theirs.get("ok"),
            theirs.get("err"),
            theirs.get("other"),
        ) {
            (Ok(m), Some(t), _, _) => serde_json::to_value(m).unwrap() == *t,
            (Err(m), _, Some(t), _) => norm(m) == norm(t.as_str().unwrap()),
            // MLflow fails with a non-MLflow exception (an internal error); any error will do.
            (Err(_), _, _, Some(_)) => true,
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "{kind} {s:?}\n   mlrun:  {mine:?}\n   mlflow: {theirs}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        corpus.len(),
        failures.join("\n")
    );
}
