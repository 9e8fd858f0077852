//! The runs-search cases both parity tests use (a folder store in search_parity.rs, MLflow's SQL
//! store in sql.rs): filters and order-bys that hit every trap of gen_store.py's tricky store, the
//! strings MLflow rejects, paging, and the MLflow side that answers them.
#![allow(dead_code)]
use serde_json::{json, Value};

/// Filters: every entity, comparator and quoting style, values that hit the traps, and strings MLflow
/// rejects. Returned with a few order-bys each so ordering and filtering are checked together.
pub fn filters(ids: &[String]) -> Vec<String> {
    let mut f: Vec<String> = vec![
        "".into(),
        "   ".into(),
        "metrics.acc > 0.5 and params.model = 'cnn'".into(),
        "metrics.acc >= 0.5 AND metrics.loss < 1 and tags.team != 'ops'".into(),
        "attributes.status = 'FINISHED' and metrics.acc != 0.5".into(),
        "params.lr = '0.1' and params.model LIKE '%nn'".into(),
    ];
    let metric_keys = ["acc", "loss", "`m/nested`", "\"m/nested\"", "missing"];
    let metric_values = [
        "0.5", "0", "-1", "1e-20", "2", "1.5e300", "-1.5e300", "3.25", "1", "-0.0", "0.50",
    ];
    // Every (key, comparator) pair meets several values, rotating so that each value meets every
    // comparator somewhere: the full cross product would take MLflow's file store many minutes.
    fn pick(vals: &[&'static str], seed: usize, n: usize) -> Vec<&'static str> {
        (0..n).map(|j| vals[(seed + j * 3) % vals.len()]).collect()
    }
    let numeric_ops = [">", ">=", "=", "!=", "<", "<="];
    let string_ops = ["=", "!=", "LIKE", "ILIKE", "like", "ilike"];
    for (ki, k) in metric_keys.iter().enumerate() {
        for (oi, op) in numeric_ops.iter().enumerate() {
            for v in pick(&metric_values, ki * 6 + oi, 4) {
                f.push(format!("metrics.{k} {op} {v}"));
            }
        }
    }
    for entity in ["metric", "METRICS", "`metrics`"] {
        f.push(format!("{entity}.acc > 0"));
    }
    let str_values = [
        "'0.1'", "'abc'", "'%b%'", "'a_c'", "'ABC'", "'%'", "'cnn'", "'%C%'", "'a.c'", "'1e-3'",
        "\"0.01\"", "'_nn'", "'c%'", "''", "'%n'", "'[a-z]%'", "'(x'", "'.*'", "'v'",
    ];
    for (entity, keys) in [
        (
            "params",
            &[
                "lr",
                "model",
                "`nested/param`",
                "\"nested/param\"",
                "missing",
            ][..],
        ),
        ("param", &["lr"][..]),
        ("parameters", &["model"][..]),
        (
            "tags",
            &[
                "team",
                "`with space`",
                "\"with space\"",
                "mlflow.runName",
                "mlflow.user",
            ][..],
        ),
        ("tag", &["team"][..]),
    ] {
        for (ki, k) in keys.iter().enumerate() {
            for (oi, op) in string_ops.iter().enumerate() {
                for v in pick(&str_values, ki * 6 + oi + entity.len(), 4) {
                    f.push(format!("{entity}.{k} {op} {v}"));
                }
            }
            f.push(format!("{entity}.{k} IS NULL"));
            f.push(format!("{entity}.{k} IS NOT NULL"));
            f.push(format!("{entity}.{k} is not null"));
        }
    }
    let t = 1_700_000_000_000i64;
    let times = [t, t + 3000, t + 4000, t + 13_000, 0];
    for (ai, attr) in [
        "start_time",
        "end_time",
        "created",
        "Created",
        "attributes.start_time",
    ]
    .iter()
    .enumerate()
    {
        for (oi, op) in numeric_ops.iter().enumerate() {
            for j in 0..3 {
                let v = times[(ai + oi + j * 2) % times.len()];
                f.push(format!("{attr} {op} {v}"));
            }
        }
    }
    let attr_values = [
        "'alpha'",
        "'alpha0'",
        "'a%'",
        "'A%'",
        "'%1'",
        "'FINISHED'",
        "'finished'",
        "'RUNNING'",
        "'bob'",
        "'%tricky%'",
        "'%200000000000000002%'",
        "'x y'",
        "'ünï'",
        "'d%lta'",
        "''",
        "'%'",
    ];
    for (ai, attr) in [
        "run_name",
        "attributes.run_name",
        "`Run name`",
        "\"run name\"",
        "`Run Name`",
        "status",
        "attribute.status",
        "run.status",
        "user_id",
        "artifact_uri",
        "run_id",
    ]
    .iter()
    .enumerate()
    {
        for (oi, op) in string_ops[..4].iter().enumerate() {
            for v in pick(&attr_values, ai * 4 + oi, 5) {
                f.push(format!("{attr} {op} {v}"));
            }
        }
    }
    let list = |n: usize| {
        ids.iter()
            .take(n)
            .map(|i| format!("'{i}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for op in ["IN", "NOT IN", "in", "not in"] {
        f.push(format!("attributes.run_id {op} ({})", list(3)));
        f.push(format!("run_id {op} ({})", list(1)));
        f.push(format!("run_id {op} ('nope', {})", list(2)));
    }
    let dataset_values = [
        "'train'",
        "'eval'",
        "'d1'",
        "'training'",
        "'%ain%'",
        "'TRAIN'",
    ];
    for k in ["name", "digest", "context"] {
        for (oi, op) in string_ops[..4].iter().enumerate() {
            for (j, v) in pick(&dataset_values, oi + k.len(), 3)
                .into_iter()
                .enumerate()
            {
                let entity = ["dataset", "datasets"][j % 2];
                f.push(format!("{entity}.{k} {op} {v}"));
            }
        }
        f.push(format!("dataset.{k} IN ('train', 'd2', 'validation')"));
        f.push(format!("dataset.{k} NOT IN ('train', 'd2')"));
    }
    // Odd spacing, case and quoting MLflow still accepts.
    f.extend(
        [
            "metrics.acc>0.5",
            "metrics.acc>=0.5 and params.lr='0.1'",
            "  metrics.acc   >   0.5   AND   tags.team = 'ml'  ",
            "metrics.acc > 0.5\nand tags.team = 'ml'",
            "params.lr <> '0.1'",
            "tags.team = \"ml\"",
            "metrics.acc > -0.5e1",
            "metrics.acc > .5",
            "metrics.acc > 5.",
            "metrics.acc > +1",
            "metrics.acc = 1e-20 and metrics.acc = 1e-20",
            "metrics.loss >= -inf",
            "params.model = 'cnn' and params.model != 'rnn' and params.lr IS NOT NULL",
        ]
        .map(String::from),
    );
    // Strings MLflow rejects: the reason must match too.
    f.extend(
        [
            "metrics.acc > 0.5 OR params.lr = '0.1'",
            "(metrics.acc > 0.5)",
            "metrics.acc > '0.5'",
            "params.lr = 0.1",
            "tags.team = ml",
            "metrics.acc > 0.5;",
            "metrics.acc > 0.5; params.lr = '1'",
            "foo.acc > 1",
            "lifecycle_stage = 'active'",
            "experiment_id = '0'",
            "attributes.run_id IS NULL",
            "status IS NOT NULL",
            "metrics.acc IS NULL",
            "params.lr > '0.1'",
            "tags.team < 'x'",
            "run_name > 'a'",
            "start_time = 'x'",
            "start_time LIKE '1%'",
            "status IN ('FINISHED')",
            "run_id IN ()",
            "run_id IN 'x'",
            "metrics.acc IN (1, 2)",
            "params.nested/param = 'v'",
            "metrics.acc",
            "metrics.acc >",
            "> 1",
            "metrics.acc > 1 and",
            "and metrics.acc > 1",
            "metrics.acc > 1 and and params.lr = 'x'",
            "metrics.acc = NaN",
            "metrics.acc > nan",
            "metrics.acc == 1",
            "metrics.`acc > 1",
            "params.'lr' = '0.1'",
            "dataset.foo = 'x'",
            "dataset.name > 'a'",
            "'abc' = params.lr",
            "metrics. > 1",
            "metrics.acc > 1 1",
            "tags.team = 'ml' extra",
            "params.lr = 'unterminated",
        ]
        .map(String::from),
    );
    f
}

pub fn order_bys() -> Vec<Vec<String>> {
    [
        vec![],
        vec!["metrics.acc DESC"],
        vec!["metrics.acc"],
        vec!["metrics.acc ASC", "metrics.loss DESC"],
        vec!["metrics.`m/nested` DESC"],
        vec!["params.lr ASC", "run_name DESC"],
        vec!["tags.team"],
        vec!["tags.`with space` DESC"],
        vec!["attributes.start_time ASC"],
        vec!["start_time DESC"],
        vec!["end_time"],
        vec!["run_name"],
        vec!["status DESC", "user_id"],
        vec!["created ASC"],
        vec!["artifact_uri"],
        vec!["run_id DESC"],
        vec!["metrics.missing DESC"],
        vec!["params.missing"],
        vec!["metrics.loss asc"],
    ]
    .into_iter()
    .map(|v| v.into_iter().map(String::from).collect())
    .collect()
}

pub fn bad_order_bys() -> Vec<Vec<String>> {
    [
        vec!["experiment_id"],
        vec!["lifecycle_stage DESC"],
        vec!["metrics.acc SIDEWAYS"],
        vec!["metrics.acc DESC ASC"],
        vec!["foo.bar"],
        vec![""],
        vec!["metrics.acc, params.lr"],
        vec!["dataset.name"],
    ]
    .into_iter()
    .map(|v| v.into_iter().map(String::from).collect())
    .collect()
}

pub const MLFLOW_SIDE: &str = r#"
import json, sys
import mlflow
from mlflow.entities import ViewType
from mlflow.tracking import MlflowClient
cases = json.load(open(CASES))
client = MlflowClient()
out = []
for c in cases:
    view = getattr(ViewType, c["view"])
    try:
        if c.get("page_size"):
            pages, token = [], None
            while True:
                res = client.search_runs(EXPS, c["filter"], view, c["page_size"], c["order_by"] or None, token)
                # The file store hands its token back as bytes; over REST it is the same text.
                token = res.token.decode() if isinstance(res.token, bytes) else res.token
                pages.append({"ids": [r.info.run_id for r in res], "token": token})
                if not token:
                    break
            out.append({"pages": pages})
        else:
            runs = mlflow.search_runs(experiment_ids=EXPS, filter_string=c["filter"],
                order_by=c["order_by"] or None, run_view_type=view, output_format="list",
                max_results=50000)
            out.append({"ids": [r.info.run_id for r in runs]})
    except Exception as e:
        out.append({"error": getattr(e, "message", str(e))})
print(json.dumps(out))
"#;

/// MLflow's messages print Python sets, whose order changes with each process's hash seed; compare
/// them with the set's items sorted.
pub fn normalize(msg: &str) -> String {
    let mut out = String::new();
    let mut rest = msg;
    while let Some(start) = rest.find("'{'") {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let mut items: Vec<&str> = rest[start + 2..start + len].split(", ").collect();
        items.sort_unstable();
        out.push_str(&rest[..start + 2]);
        out.push_str(&items.join(", "));
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// Every case: each filter with a rotating order-by and view, every order-by (good and bad) with a
/// few filters, and paged searches.
pub fn cases(ids: &[String]) -> Vec<Value> {
    let mut cases = Vec::new();
    let orders = order_bys();
    for (i, f) in filters(ids).into_iter().enumerate() {
        // Each filter runs with a rotating order-by and view, so every order meets many filters.
        let view = ["ALL", "ACTIVE_ONLY", "DELETED_ONLY"][i % 3];
        cases.push(json!({"filter": f, "order_by": orders[i % orders.len()], "view": view}));
    }
    for o in orders.iter().chain(&bad_order_bys()) {
        for f in ["", "metrics.acc > 0", "params.lr IS NOT NULL"] {
            cases.push(json!({"filter": f, "order_by": o, "view": "ALL"}));
        }
    }
    // Paging: the same tokens, the same pages.
    for (o, size) in [
        (vec![], 7),
        (vec!["metrics.acc DESC"], 6),
        (vec!["params.lr"], 25),
    ] {
        cases.push(json!({"filter": "", "order_by": o, "view": "ALL", "page_size": size}));
    }
    cases
}
