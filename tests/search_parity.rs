//! Search parity, proven against the real MLflow (pinned in common::MLFLOW_VERSION): a store full of
//! traps (missing metrics, NaN, ±inf, equal values and start times, deleted runs, odd keys, datasets)
//! is searched with hundreds of filter and order-by strings by both `mlflow.search_runs` and
//! `mlrun runs search --output json`; the run ids, their order, page tokens and rejections must agree.
mod common;
mod search_cases;
use common::{mlflow_python, run_mlflow, run_python, TestEnv};
use search_cases::{normalize, MLFLOW_SIDE};
use serde_json::{json, Value};
use std::path::Path;

const EXPS: [&str; 2] = ["200000000000000002", "300000000000000003"];

fn tricky_store(env: &TestEnv) {
    let gen = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/gen_store.py");
    let st = std::process::Command::new(mlflow_python())
        .arg(gen)
        .arg(env.store())
        .arg("--tricky")
        .status()
        .unwrap();
    assert!(st.success(), "gen_store.py failed");
}

fn mlrun_search(env: &TestEnv, c: &Value, page_size: Option<u64>, token: Option<&str>) -> Value {
    let mut args: Vec<String> = vec![
        "--output".into(),
        "json".into(),
        "runs".into(),
        "search".into(),
    ];
    for e in EXPS {
        args.extend(["--experiment-id".into(), e.into()]);
    }
    args.push(format!("--filter={}", c["filter"].as_str().unwrap()));
    for o in c["order_by"].as_array().unwrap() {
        args.push(format!("--order-by={}", o.as_str().unwrap()));
    }
    let view = match c["view"].as_str().unwrap() {
        "ACTIVE_ONLY" => "active",
        "DELETED_ONLY" => "deleted",
        _ => "all",
    };
    args.extend(["--view".into(), view.into()]);
    args.extend([
        "--max-results".into(),
        page_size.unwrap_or(50000).to_string(),
    ]);
    if let Some(t) = token {
        args.extend(["--page-token".into(), t.into()]);
    }
    let out = env.cmd().args(&args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if !out.status.success() {
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        return json!({ "error": stderr });
    }
    assert!(
        !stderr.contains("skipped"),
        "no run of this store is broken: {stderr}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<Value> = v["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["info"]["run_id"].clone())
        .collect();
    json!({ "ids": ids, "token": v.get("next_page_token").cloned().unwrap_or(Value::Null) })
}

#[test]
fn runs_search_matches_mlflow() {
    let env = TestEnv::new();
    tricky_store(&env);
    let all = env.json(&[
        "runs",
        "search",
        "--experiment-id",
        EXPS[0],
        "--view",
        "all",
        "--order-by",
        "run_id",
    ]);
    let ids: Vec<String> = all["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["info"]["run_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 40);

    let cases = search_cases::cases(&ids);
    let cases_path = env.path().join("cases.json");
    std::fs::write(&cases_path, serde_json::to_vec(&cases).unwrap()).unwrap();
    let script = MLFLOW_SIDE
        .replace("CASES", &format!("{:?}", cases_path.to_str().unwrap()))
        .replace("EXPS", &format!("{EXPS:?}"));
    let expected: Vec<Value> =
        serde_json::from_str(&run_python(&mlflow_python(), &env.store(), &script)).unwrap();
    assert_eq!(expected.len(), cases.len());

    let mut failures = Vec::new();
    let (mut matched_ok, mut matched_err) = (0, 0);
    for (c, want) in cases.iter().zip(&expected) {
        if let Some(size) = c.get("page_size").and_then(Value::as_u64) {
            let mut token: Option<String> = None;
            for (n, page) in want["pages"].as_array().unwrap().iter().enumerate() {
                let got = mlrun_search(&env, c, Some(size), token.as_deref());
                if got["ids"] != page["ids"] || got["token"] != page["token"] {
                    failures.push(format!("{c} page {n}: mlflow {page} / mlrun {got}"));
                    break;
                }
                token = page["token"].as_str().map(String::from);
            }
            matched_ok += 1;
            continue;
        }
        let got = mlrun_search(&env, c, None, None);
        match (want.get("error"), got.get("error")) {
            (Some(w), Some(g)) => {
                let w = normalize(w.as_str().unwrap());
                if normalize(g.as_str().unwrap()).contains(&w) {
                    matched_err += 1;
                } else {
                    failures.push(format!("{c}: mlflow rejects with {w:?}, mlrun with {g}"));
                }
            }
            (None, None) => {
                if want["ids"] == got["ids"] {
                    matched_ok += 1;
                } else {
                    failures.push(format!(
                        "{c}:\n  mlflow {}\n  mlrun  {}",
                        want["ids"], got["ids"]
                    ));
                }
            }
            (Some(w), None) => failures.push(format!("{c}: mlflow rejects ({w}), mlrun answers")),
            (None, Some(g)) => failures.push(format!("{c}: mlrun rejects ({g}), mlflow answers")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} searches differ from MLflow:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    // The store must exercise both sides: plenty of answers and plenty of rejections.
    assert!(
        matched_ok > 300 && matched_err > 40,
        "{matched_ok} / {matched_err}"
    );
}

#[test]
fn experiments_search_matches_mlflow() {
    let env = TestEnv::new();
    tricky_store(&env);
    env.ok(&["experiments", "create", "other", "--tag", "team=ml"]);
    env.ok(&["experiments", "create", "Bert-base", "--tag", "team=nlp"]);
    let gone = env.ok(&["experiments", "create", "gone"]);
    env.ok(&["experiments", "delete", &gone]);
    let cases: Vec<(String, Vec<&str>, &str)> = [
        ("", vec![], "ACTIVE_ONLY"),
        ("", vec![], "ALL"),
        ("", vec![], "DELETED_ONLY"),
        ("name LIKE 'tricky%'", vec!["name DESC"], "ALL"),
        ("name ILIKE 'BERT%'", vec![], "ALL"),
        ("attributes.name != 'other'", vec!["name"], "ALL"),
        ("tags.team = 'ml'", vec![], "ALL"),
        ("tags.team IS NULL", vec!["name ASC"], "ALL"),
        ("tags.team IS NOT NULL", vec![], "ALL"),
        (
            "experiment_id IN ('200000000000000002', '0')",
            vec![],
            "ALL",
        ),
        (
            "creation_time > 1700000000000",
            vec!["creation_time"],
            "ALL",
        ),
        (
            "last_update_time >= 0",
            vec!["last_update_time DESC", "name"],
            "ALL",
        ),
        ("name = 'x' OR name = 'y'", vec![], "ALL"),
        ("lifecycle_stage = 'active'", vec![], "ALL"),
        ("name > 'a'", vec![], "ALL"),
        ("", vec!["lifecycle_stage"], "ALL"),
        ("", vec!["experiment_id DESC"], "ALL"),
    ]
    .into_iter()
    .map(|(f, o, v)| (f.to_string(), o, v))
    .collect();
    let script = format!(
        r#"
import json, mlflow
from mlflow.entities import ViewType
out = []
for f, o, v in {cases}:
    try:
        exps = mlflow.search_experiments(view_type=getattr(ViewType, v), filter_string=f or None, order_by=o or None)
        out.append({{"ids": [e.experiment_id for e in exps]}})
    except Exception as e:
        out.append({{"error": getattr(e, "message", str(e))}})
print(json.dumps(out))
"#,
        cases = serde_json::to_string(
            &cases
                .iter()
                .map(|(f, o, v)| json!([f, o, v]))
                .collect::<Vec<_>>()
        )
        .unwrap()
    );
    let expected: Vec<Value> =
        serde_json::from_str(&run_python(&mlflow_python(), &env.store(), &script)).unwrap();
    let mut failures = Vec::new();
    for ((f, o, v), want) in cases.iter().zip(&expected) {
        let mut args = vec![
            "--output".to_string(),
            "json".into(),
            "experiments".into(),
            "search".into(),
            format!("--filter={f}"),
            "--view".into(),
            match *v {
                "ACTIVE_ONLY" => "active",
                "DELETED_ONLY" => "deleted",
                _ => "all",
            }
            .into(),
        ];
        for x in o {
            args.push(format!("--order-by={x}"));
        }
        let out = env.cmd().args(&args).output().unwrap();
        let got = if out.status.success() {
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            json!({"ids": v["experiments"].as_array().unwrap().iter().map(|e| e["experiment_id"].clone()).collect::<Vec<_>>()})
        } else {
            json!({"error": String::from_utf8_lossy(&out.stderr)})
        };
        let ok = match (want.get("error"), got.get("error")) {
            (Some(w), Some(g)) => {
                normalize(g.as_str().unwrap()).contains(&normalize(w.as_str().unwrap()))
            }
            (None, None) => want["ids"] == got["ids"],
            _ => false,
        };
        if !ok {
            failures.push(format!("{f:?} {o:?} {v}: mlflow {want} / mlrun {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Registry searches on values that may be missing: versions registered with and without a run,
/// models and versions with and without a tag. MLflow's file store gives every clause on a missing
/// value SQL's NULL answer (no match, even for `!=`, `NOT IN` and `LIKE '%'`); both grammars are
/// searched by MLflow and by `mlrun models search/versions`, and must agree in rows and order.
#[test]
fn registry_search_on_missing_values_matches_mlflow() {
    let env = TestEnv::new();
    let setup = r#"
import json, mlflow
c = mlflow.MlflowClient()
with mlflow.start_run() as r:
    pass
run_id = r.info.run_id
c.create_registered_model("plain")
c.create_registered_model("tagged", tags={"team": "ml", "empty": ""})
c.create_model_version("plain", "/tmp/no-run")
c.create_model_version("plain", "/tmp/with-run", run_id=run_id)
c.create_model_version("tagged", "/tmp/tagged", run_id=run_id, tags={"stage": "qa"})
c.create_model_version("tagged", "/tmp/tagged-no-run", tags={"stage": ""})
print(json.dumps({"run_id": run_id}))
"#;
    let setup_out: Value = serde_json::from_str(run_mlflow(&env.store(), setup).trim()).unwrap();
    let run_id = setup_out["run_id"].as_str().unwrap();
    let version_filters: Vec<String> = vec![
        "run_id != 'zz'".into(),
        format!("run_id != '{run_id}'"),
        format!("run_id = '{run_id}'"),
        "run_id = ''".into(),
        "run_id != ''".into(),
        "run_id LIKE '%'".into(),
        "run_id ILIKE '%'".into(),
        "run_id IN ('zz', '')".into(),
        "run_id NOT IN ('zz')".into(),
        format!("run_id NOT IN ('{run_id}')"),
        "tags.stage != 'qa'".into(),
        "tags.stage = ''".into(),
        "tags.stage LIKE '%'".into(),
        "tags.missing != 'x'".into(),
        "name = 'plain' AND run_id != 'zz'".into(),
        "source_path != '/tmp/no-run'".into(),
    ];
    let model_filters: Vec<String> = vec![
        "tags.team != 'ops'".into(),
        "tags.team = 'ml'".into(),
        "tags.team LIKE '%'".into(),
        "tags.empty = ''".into(),
        "tags.empty != 'x'".into(),
        "tags.missing ILIKE '%'".into(),
        "name != 'x'".into(),
    ];
    let script = format!(
        r#"
import json, mlflow
c = mlflow.MlflowClient()
out = {{"versions": [], "models": []}}
for f in {vf}:
    out["versions"].append([[v.name, int(v.version)] for v in c.search_model_versions(f)])
for f in {mf}:
    out["models"].append([m.name for m in c.search_registered_models(f)])
print(json.dumps(out))
"#,
        vf = serde_json::to_string(&version_filters).unwrap(),
        mf = serde_json::to_string(&model_filters).unwrap(),
    );
    let mlflow: Value = serde_json::from_str(run_mlflow(&env.store(), &script).trim()).unwrap();
    let mut differ = Vec::new();
    for (i, f) in version_filters.iter().enumerate() {
        let v = env.json(&["models", "versions", "--filter", f]);
        let got: Vec<Value> = v["model_versions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                json!([
                    m["name"],
                    m["version"].as_str().unwrap().parse::<i64>().unwrap()
                ])
            })
            .collect();
        if Value::Array(got.clone()) != mlflow["versions"][i] {
            differ.push(format!(
                "versions {f:?}: mlrun {got:?}, mlflow {}",
                mlflow["versions"][i]
            ));
        }
    }
    for (i, f) in model_filters.iter().enumerate() {
        let v = env.json(&["models", "search", "--filter", f]);
        let got: Vec<Value> = v["registered_models"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["name"].clone())
            .collect();
        if Value::Array(got.clone()) != mlflow["models"][i] {
            differ.push(format!(
                "models {f:?}: mlrun {got:?}, mlflow {}",
                mlflow["models"][i]
            ));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// `max_results` of 0, -1 and past the cap, for every search: MLflow's runs search slices
/// `[offset:offset + max_results]` (0 is an empty page with a token, -1 drops the last run), its
/// experiment and registry searches refuse them with their own messages. mlrun must agree, and
/// never answer with its argument parser's refusal (exit 2).
#[test]
fn max_results_edges_match_mlflow() {
    let env = TestEnv::new();
    let setup = r#"
import json, mlflow
c = mlflow.MlflowClient()
for i in range(3):
    with mlflow.start_run(run_name=f"r{i}"):
        pass
for n in ("a", "b"):
    c.create_registered_model(n)
    c.create_model_version(n, f"/tmp/{n}")
out = {"runs": {}, "experiments": {}, "models": {}, "versions": {}}
for n in (0, -1, -2, 50001, 1001, 200001):
    k = str(n)
    for what, call in [
        ("runs", lambda: c.search_runs(["0"], max_results=n, order_by=["attributes.run_name"])),
        ("experiments", lambda: c.search_experiments(max_results=n)),
        ("models", lambda: c.search_registered_models(max_results=n)),
        ("versions", lambda: c.search_model_versions(max_results=n)),
    ]:
        try:
            res = call()
            t = res.token.decode() if isinstance(res.token, bytes) else res.token
            names = [x.info.run_name if what == "runs" else getattr(x, "name", None) for x in res]
            out[what][k] = {"names": names, "token": t}
        except Exception as e:
            out[what][k] = {"error": getattr(e, "message", str(e))}
print(json.dumps(out))
"#;
    let mlflow: Value = serde_json::from_str(run_mlflow(&env.store(), setup).trim()).unwrap();
    let mut differ = Vec::new();
    for n in ["0", "-1", "-2", "50001", "1001", "200001"] {
        for (what, args, list, name) in [
            (
                "runs",
                vec![
                    "runs",
                    "search",
                    "--experiment-id",
                    "0",
                    "--order-by",
                    "attributes.run_name",
                ],
                "runs",
                "/info/run_name",
            ),
            (
                "experiments",
                vec!["experiments", "search"],
                "experiments",
                "/name",
            ),
            (
                "models",
                vec!["models", "search"],
                "registered_models",
                "/name",
            ),
            (
                "versions",
                vec!["models", "versions"],
                "model_versions",
                "/name",
            ),
        ] {
            let mut args: Vec<&str> = [&["--output", "json"][..], &args].concat();
            args.extend(["--max-results", n]);
            let out = env.cmd().args(&args).output().unwrap();
            let want = &mlflow[what][n];
            let got = if out.status.success() {
                let v: Value = serde_json::from_slice(&out.stdout).unwrap();
                let names: Vec<Value> = v[list]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .map(|x| x.pointer(name).cloned().unwrap())
                            .collect()
                    })
                    .unwrap_or_default();
                json!({"names": names, "token": v.get("next_page_token").cloned().unwrap_or(Value::Null)})
            } else {
                let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
                assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
                match want["error"].as_str() {
                    Some(msg) if stderr.contains(msg) => want.clone(),
                    _ => json!({ "error": stderr }),
                }
            };
            if &got != want {
                differ.push(format!(
                    "{what} --max-results {n}: mlrun {got}, mlflow {want}"
                ));
            }
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// Registry searches paged with small pages: MLflow's file registry and `mlrun models
/// search/versions --page-token` must hand out the same rows page by page and the same tokens.
#[test]
fn registry_search_pages_match_mlflow() {
    let env = TestEnv::new();
    let setup = r#"
import json, mlflow
c = mlflow.MlflowClient()
for i, n in enumerate(["m3", "m1", "m5", "m2", "m4"]):
    c.create_registered_model(n, tags={"even": str(i % 2 == 0)})
    for v in range(i % 3 + 1):
        c.create_model_version(n, f"/tmp/{n}/{v}", tags={"v": str(v)})
def pages(search, size, **kw):
    out, token = [], None
    while True:
        res = search(max_results=size, page_token=token, **kw)
        token = res.token.decode() if isinstance(res.token, bytes) else res.token
        out.append({"rows": [[x.name, int(getattr(x, "version", 0) or 0)] for x in res], "token": token})
        if not token:
            return out
cases = json.load(open(CASES))
out = []
for c_ in cases:
    search = c.search_registered_models if c_["what"] == "models" else c.search_model_versions
    out.append(pages(search, c_["size"], filter_string=c_["filter"] or None, order_by=c_["order_by"] or None))
print(json.dumps(out))
"#;
    let cases = json!([
        {"what": "models", "size": 2, "filter": "", "order_by": []},
        {"what": "models", "size": 1, "filter": "tags.even = 'True'", "order_by": ["name DESC"]},
        {"what": "models", "size": 4, "filter": "name LIKE 'm%'", "order_by": ["creation_timestamp DESC"]},
        {"what": "models", "size": 5, "filter": "", "order_by": []},
        {"what": "versions", "size": 3, "filter": "", "order_by": ["name ASC", "version_number DESC"]},
        {"what": "versions", "size": 2, "filter": "tags.v = '0'", "order_by": ["name DESC"]},
        {"what": "versions", "size": 4, "filter": "name != 'm1'", "order_by": ["version_number ASC", "name ASC"]},
    ]);
    let cases_file = env.path().join("cases.json");
    std::fs::write(&cases_file, cases.to_string()).unwrap();
    let script = setup.replace("CASES", &format!("{:?}", cases_file.display().to_string()));
    let mlflow: Value = serde_json::from_str(run_mlflow(&env.store(), &script).trim()).unwrap();
    let mut differ = Vec::new();
    for (i, c) in cases.as_array().unwrap().iter().enumerate() {
        let (cmd, list) = match c["what"].as_str().unwrap() {
            "models" => ("search", "registered_models"),
            _ => ("versions", "model_versions"),
        };
        let mut pages = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let size = c["size"].to_string();
            let filter = format!("--filter={}", c["filter"].as_str().unwrap());
            let mut args = vec!["models", cmd, "--max-results", &size, &filter];
            let orders: Vec<String> = c["order_by"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| format!("--order-by={}", o.as_str().unwrap()))
                .collect();
            args.extend(orders.iter().map(String::as_str));
            if let Some(t) = &token {
                args.extend(["--page-token", t]);
            }
            let v = env.json(&args);
            let rows: Vec<Value> = v[list]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| {
                    let version = x["version"].as_str().map_or(0, |s| s.parse().unwrap());
                    json!([x["name"], version])
                })
                .collect();
            token = v
                .get("next_page_token")
                .and_then(Value::as_str)
                .map(String::from);
            pages.push(json!({"rows": rows, "token": token}));
            if token.is_none() || pages.len() > 20 {
                break;
            }
        }
        if Value::Array(pages.clone()) != mlflow[i] {
            differ.push(format!("{c}: mlrun {pages:?}, mlflow {}", mlflow[i]));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
