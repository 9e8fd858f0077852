//! The model registry on MLflow's SQL stores, against the real MLflow 3.17.2 client on the same
//! database, each test body on SQLite and on PostgreSQL: MLflow writes and mlrun reads every value
//! equal; mlrun writes and MLflow reads it equal; searches page alike; concurrent registrations
//! get distinct numbers; errors come in MLflow's words and write nothing.
#![allow(clippy::zombie_processes)]
mod common;

use common::tracking_server::{postgres, server_python};
use common::TestEnv;
use mlrun::registry::NewVersion;
use serde_json::Value;
use std::process::Command;

/// One database both sides open: mlrun's URI and MLflow's.
struct Db {
    uri: String,
    /// The same database as MLflow's SQLAlchemy is told it (the psycopg2 driver named).
    mlflow_uri: String,
    label: &'static str,
}

/// A fresh SQLite file and a fresh PostgreSQL database named `name`.
fn databases(env: &TestEnv, name: &str) -> Vec<Db> {
    let sqlite = format!(
        "sqlite:///{}",
        env.path().join(format!("{name}.db")).display()
    );
    let pg = postgres().database(name);
    vec![
        Db {
            mlflow_uri: sqlite.clone(),
            uri: sqlite,
            label: "sqlite",
        },
        Db {
            mlflow_uri: pg.replacen("postgresql://", "postgresql+psycopg2://", 1),
            uri: pg,
            label: "postgresql",
        },
    ]
}

/// Runs `script` with MLflow's client `c` on `db` (tracking and registry), returning stdout.
fn mlflow(env: &TestEnv, db: &Db, script: &str) -> String {
    let prelude = format!(
        "import json, warnings\nwarnings.filterwarnings('ignore')\nfrom mlflow import MlflowClient\nfrom mlflow.exceptions import MlflowException\nfrom mlflow.utils.proto_json_utils import message_to_json\nU = {:?}\nc = MlflowClient(tracking_uri=U, registry_uri=U)\ndef j(x):\n    return json.loads(message_to_json(x.to_proto()))\nfrom mlflow.entities.model_registry import RegisteredModelTag, ModelVersionTag\nS = c._get_registry_client().store\nP = 'mlflow.prompt.is_prompt'\n",
        db.mlflow_uri
    );
    let out = Command::new(server_python())
        .arg("-c")
        .arg(format!("{prelude}{script}"))
        .current_dir(env.path())
        .env_remove("MLFLOW_TRACKING_URI")
        .env_remove("MLFLOW_REGISTRY_URI")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "[{}] python failed:\n{}",
        db.label,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn mlflow_json(env: &TestEnv, db: &Db, script: &str) -> Value {
    let out = mlflow(env, db, script);
    serde_json::from_str(out.lines().last().unwrap_or("null")).unwrap()
}

/// Lists of tags, aliases and latest versions sorted, as neither side promises their order; empty
/// strings dropped, as MLflow's proto JSON leaves them out (a proto3 default) where mlrun shows "".
fn norm(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(_, v)| v.as_str() != Some(""))
                .map(|(k, v)| {
                    let mut v = norm(v);
                    if matches!(k.as_str(), "tags" | "aliases" | "latest_versions") {
                        if let Value::Array(a) = &mut v {
                            a.sort_by_key(|x| x.to_string());
                        }
                    }
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(norm).collect()),
        other => other.clone(),
    }
}

/// Where two JSON values differ (paths and both sides), empty when equal.
fn diff(a: &Value, b: &Value, path: &str, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                diff(
                    &x.get(k).cloned().unwrap_or(Value::Null),
                    &y.get(k).cloned().unwrap_or(Value::Null),
                    &format!("{path}.{k}"),
                    out,
                );
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                diff(p, q, &format!("{path}[{i}]"), out);
            }
        }
        _ if a != b => out.push(format!("{path}: mlrun {a} / mlflow {b}")),
        _ => {}
    }
}

#[track_caller]
fn assert_same(ours: &Value, theirs: &Value, label: &str) {
    let mut out = vec![];
    diff(ours, theirs, "", &mut out);
    assert!(out.is_empty(), "[{label}] differs:\n{}", out.join("\n"));
}

fn registry(db: &Db) -> mlrun::stores::Stores {
    mlrun::stores::Stores::open(&db.uri, &Default::default()).unwrap()
}

/// Everything mlrun's commands show of the registry (to compare with MLflow, and to show that a
/// failed command wrote nothing).
fn mlrun_dump(env: &TestEnv, db: &Db) -> Value {
    let models = env.json_at(&db.uri, &["models", "search"])["registered_models"].clone();
    let versions = env.json_at(&db.uri, &["models", "versions"])["model_versions"].clone();
    let mut described = serde_json::Map::new();
    for m in models.as_array().into_iter().flatten() {
        let name = m["name"].as_str().unwrap();
        described.insert(
            name.into(),
            env.json_at(&db.uri, &["models", "describe", name])["registered_model"].clone(),
        );
    }
    let mut each = serde_json::Map::new();
    for v in versions.as_array().into_iter().flatten() {
        let (n, ver) = (v["name"].as_str().unwrap(), v["version"].as_str().unwrap());
        each.insert(
            format!("{n}/{ver}"),
            env.json_at(&db.uri, &["models", "version", n, ver])["model_version"].clone(),
        );
    }
    norm(&serde_json::json!({
        "search": models, "models": described, "versions": versions, "version": each,
    }))
}

/// The same, as MLflow's client reads it.
const MLFLOW_DUMP: &str = r#"
ms = c.search_registered_models()
vs = c.search_model_versions()
print(json.dumps({
    "search": [j(m) for m in ms],
    "models": {m.name: j(c.get_registered_model(m.name)) for m in ms},
    "versions": [j(v) for v in vs],
    "version": {f"{v.name}/{v.version}": j(c.get_model_version(v.name, v.version)) for v in vs},
}))
"#;

fn mlflow_dump(env: &TestEnv, db: &Db) -> Value {
    norm(&mlflow_json(env, db, MLFLOW_DUMP))
}

#[test]
fn mlflow_writes_and_mlrun_reads_every_value() {
    let env = TestEnv::new();
    for db in databases(&env, "reg_mlflow_writes") {
        mlflow(
            &env,
            &db,
            r#"
c.create_registered_model("alpha", tags={"team": "ml", "uni": "é ✓ 模型", "multi": "a\nb"}, description="first model")
c.create_registered_model("Beta ü", description="")
S.create_registered_model("prompty", tags=[RegisteredModelTag(P, "true")])
for i in range(5):
    c.create_model_version("alpha", f"/tmp/src/{i}", run_id="0123456789abcdef0123456789abcdef" if i % 2 else None,
                           tags={"i": str(i), "k": "v"}, description=f"v{i + 1}", run_link="http://x/run" if i == 0 else None)
c.create_model_version("Beta ü", "s3://bucket/b", tags={})
c.set_registered_model_alias("alpha", "champ", 2)
c.set_registered_model_alias("alpha", "chall", 3)
c.set_registered_model_alias("alpha", "gone", 5)
c.transition_model_version_stage("alpha", 1, "Production")
c.transition_model_version_stage("alpha", 2, "Staging")
c.transition_model_version_stage("alpha", 3, "Archived")
c.delete_model_version("alpha", 5)
c.set_model_version_tag("Beta ü", 1, "note", "x" * 300)
"#,
        );
        let theirs = mlflow_dump(&env, &db);
        let ours = mlrun_dump(&env, &db);
        assert_same(&ours, &theirs, db.label);
        // The prompt is left out of searches on both sides; the deleted version is nowhere.
        assert_eq!(
            ours["search"].as_array().unwrap().len(),
            2,
            "[{}]",
            db.label
        );
        assert!(ours["version"].get("alpha/5").is_none());
        assert_eq!(
            ours["version"]["alpha/2"]["aliases"],
            serde_json::json!(["champ"])
        );

        // Aliases and latest versions through the library, against MLflow's answers.
        let theirs = mlflow_json(
            &env,
            &db,
            r#"print(json.dumps({
    "champ": j(c.get_model_version_by_alias("alpha", "champ")),
    "latest": j(c.get_model_version_by_alias("alpha", "latest")),
    "stages": sorted([j(v) for v in c.get_latest_versions("alpha", stages=["Production", "None"])], key=lambda v: v["version"]),
}))"#,
        );
        let stores = registry(&db);
        let reg = stores.registry();
        let mut stages: Vec<Value> = reg
            .get_latest_versions(
                "alpha",
                &[
                    mlrun::registry::Stage::Production,
                    mlrun::registry::Stage::None,
                ],
            )
            .unwrap()
            .iter()
            .map(|v| serde_json::to_value(v).unwrap())
            .collect();
        stages.sort_by_key(|v| v["version"].as_str().unwrap().parse::<i64>().unwrap());
        let ours = serde_json::json!({
            "champ": reg.get_model_version_by_alias("alpha", "champ").unwrap(),
            "latest": reg.get_model_version_by_alias("alpha", "latest").unwrap(),
            "stages": stages,
        });
        assert_same(&norm(&ours), &norm(&theirs), db.label);
    }
}

#[test]
fn mlrun_writes_and_mlflow_reads_every_value() {
    let env = TestEnv::new();
    for db in databases(&env, "reg_mlrun_writes") {
        let ok = |args: &[&str]| env.ok_at(&db.uri, args);
        // mlrun sets the database up and creates the models; versions come from the library
        // (`models register` needs the run side) and from MLflow's client.
        ok(&[
            "models",
            "create",
            "alpha",
            "--tag",
            "team=ml",
            "--tag",
            "uni=é✓",
            "--description",
            "d",
        ]);
        ok(&["models", "create", "doomed"]);
        let stores = registry(&db);
        for i in 0..3 {
            stores
                .registry()
                .create_model_version(NewVersion {
                    name: "alpha".into(),
                    source: format!("/tmp/src/{i}"),
                    run_id: Some("0123456789abcdef0123456789abcdef".into()),
                    tags: vec![mlrun::entities::Tag::new("i", i.to_string())],
                    description: Some(format!("v{}", i + 1)),
                    ..Default::default()
                })
                .unwrap();
        }
        mlflow(
            &env,
            &db,
            r#"c.create_model_version("alpha", "/tmp/src/mlflow")"#,
        );
        ok(&["models", "set-tag", "alpha", "owner", "me"]);
        ok(&["models", "set-tag", "alpha", "team", "ops"]);
        ok(&[
            "models",
            "set-tag",
            "alpha",
            "vt",
            "1",
            "--model-version",
            "2",
        ]);
        ok(&["models", "delete-tag", "alpha", "i", "--model-version", "1"]);
        ok(&["models", "update", "alpha", "--description", "new words"]);
        ok(&[
            "models",
            "update",
            "alpha",
            "--model-version",
            "3",
            "--description",
            "third",
        ]);
        ok(&["models", "set-alias", "alpha", "champ", "2"]);
        ok(&["models", "set-alias", "alpha", "old", "1"]);
        ok(&["models", "set-alias", "alpha", "tmp", "3"]);
        ok(&["models", "delete-alias", "alpha", "tmp"]);
        ok(&["models", "transition", "alpha", "1", "Production"]);
        ok(&[
            "models",
            "transition",
            "alpha",
            "2",
            "production",
            "--archive-existing",
        ]);
        ok(&["models", "delete-version", "alpha", "4"]);
        ok(&["models", "rename", "alpha", "omega"]);
        ok(&["models", "delete", "doomed"]);

        let theirs = mlflow_dump(&env, &db);
        assert_same(&mlrun_dump(&env, &db), &theirs, db.label);
        let m = &theirs["models"]["omega"];
        assert_eq!(m["description"], "new words");
        let tags: Vec<(String, String)> = m["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["key"].as_str().unwrap().into(),
                    t["value"].as_str().unwrap().into(),
                )
            })
            .collect();
        assert_eq!(
            tags,
            [("owner", "me"), ("team", "ops"), ("uni", "é✓")]
                .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        assert!(
            theirs["models"].get("alpha").is_none() && theirs["models"].get("doomed").is_none()
        );
        let v = &theirs["version"];
        assert_eq!(v["omega/1"]["current_stage"], "Archived", "[{}]", db.label);
        assert_eq!(v["omega/2"]["current_stage"], "Production");
        assert_eq!(v["omega/2"]["aliases"], serde_json::json!(["champ"]));
        assert_eq!(v["omega/1"]["aliases"], serde_json::json!(["old"]));
        assert!(v["omega/1"]["tags"].is_null(), "{}", v["omega/1"]);
        assert_eq!(v["omega/3"]["description"], "third");
        assert!(v.get("omega/4").is_none());

        // What MLflow reads of the deleted version, the aliases and a new version after it.
        let after = mlflow_json(
            &env,
            &db,
            r#"d = S._get_sql_model_version_including_deleted("omega", 4)
n = c.create_model_version("omega", "/tmp/after")
print(json.dumps({"deleted": [d.current_stage, d.source, d.run_id], "next": n.version,
    "champ": c.get_model_version_by_alias("omega", "champ").version,
    "tags": c.get_model_version("omega", 2).tags}))"#,
        );
        assert_eq!(
            after,
            serde_json::json!({"deleted": ["Deleted_Internal", "REDACTED-SOURCE-PATH", "REDACTED-RUN-ID"],
                "next": 5, "champ": 2, "tags": {"i": "1", "vt": "1"}}),
            "[{}]",
            db.label
        );
    }
}

/// A registry corpus for search parity: names that collate differently by byte and by locale,
/// tags, run ids, stages, a deleted version and a prompt.
const CORPUS: &str = r#"
import time
names = ["alpha", "Beta", "beta-2", "_under", "zeta model", "Ünïcode", "a%b", "gamma"]
for i, n in enumerate(names):
    c.create_registered_model(n, tags={"team": ["ml", "ops", "ML"][i % 3], "idx": str(i)} | ({"odd": "yes"} if i % 2 else {}))
    for v in range(1 + i % 3):
        c.create_model_version(n, f"s3://b/{n}/{v}", run_id=["aaaa1111", "bbbb2222", None][v % 3],
                               tags={"v": str(v)} | ({"k": "x"} if v else {}))
        time.sleep(0.002)
c.transition_model_version_stage("Beta", 1, "Production")
c.set_model_version_tag("gamma", 2, "k", "y")
c.delete_model_version("gamma", 1)
c.set_registered_model_tag("alpha", "team", "ml")
S.create_registered_model("prompt1", tags=[RegisteredModelTag(P, "true")])
S.create_model_version("prompt1", "s3://p", tags=[ModelVersionTag(P, "true")])
"#;

const MODEL_CASES: &[(&str, &[&str], i64)] = &[
    ("", &[], 100),
    ("", &[], 3),
    ("name LIKE '%a%'", &[], 2),
    ("name ILIKE '%A%'", &["name DESC"], 100),
    ("name = 'Beta'", &[], 10),
    ("name != 'Beta'", &["timestamp DESC"], 4),
    ("name IN ('alpha', 'gamma', 'nope')", &[], 10),
    ("name NOT IN ('alpha')", &["last_updated_timestamp ASC"], 5),
    ("tags.team = 'ml'", &[], 10),
    ("tags.team ILIKE 'ml'", &["name ASC"], 10),
    ("tags.team != 'ml'", &[], 10),
    ("tags.odd = 'yes' AND tags.team LIKE 'm%'", &[], 10),
    ("tags.`mlflow.prompt.is_prompt` = 'true'", &[], 10),
    ("tags.`mlflow.prompt.is_prompt` = 'false'", &[], 10),
    ("tags.`mlflow.prompt.is_prompt` != 'true'", &[], 3),
    ("name LIKE 'a\\%b'", &[], 10),
    ("", &["name DESC", "timestamp"], 10),
    ("", &["timestamp DESC", "last_updated_timestamp ASC"], 10),
    ("", &["creation_timestamp DESC"], 10),
    ("name > 'a'", &[], 10),
    ("creation_timestamp > 0", &[], 10),
    ("", &[], 1001),
];

const VERSION_CASES: &[(&str, &[&str], i64)] = &[
    ("", &[], 10000),
    ("", &[], 4),
    ("name = 'Beta'", &[], 10),
    ("name IN ('Beta', 'gamma')", &["version_number ASC"], 2),
    ("run_id = 'aaaa1111'", &["name DESC"], 3),
    ("run_id != 'aaaa1111'", &[], 10),
    (
        "run_id IN ('aaaa1111', 'bbbb2222')",
        &["creation_timestamp ASC"],
        10,
    ),
    ("run_id NOT IN ('aaaa1111')", &[], 10),
    ("source_path LIKE 's3://b/%/1'", &[], 10),
    (
        "version_number > 1",
        &["name ASC", "version_number DESC"],
        10,
    ),
    ("version_number = '2'", &[], 10),
    ("version_number >= 1 AND version_number <= 2", &[], 5),
    ("tags.v = '1'", &[], 10),
    ("tags.k != 'x'", &[], 10),
    ("tags.k ILIKE 'X' AND tags.v = '1'", &[], 10),
    ("tags.`mlflow.prompt.is_prompt` = 'true'", &[], 10),
    ("tags.`mlflow.prompt.is_prompt` != 'true'", &[], 10),
    ("", &["last_updated_timestamp ASC"], 7),
    ("", &["name DESC", "creation_timestamp"], 10),
    ("version_number = 1.5", &[], 10),
    ("version_number = 'abc'", &[], 10),
    ("", &["version_number", "version_number DESC"], 10),
    ("", &["tags.k"], 10),
    ("", &[], 0),
];

/// Every page of each case through MLflow's client: the names (or name/version) per page, or the
/// error's message.
const PAGES: &str = r#"
def pages(search, key):
    out = []
    for f, ob, mr in CASES:
        tok, seen = None, []
        try:
            while True:
                p = search(filter_string=f or None, order_by=ob or None, max_results=mr, page_token=tok)
                seen.append([key(x) for x in p])
                tok = p.token
                if not tok or len(seen) > 30:
                    break
            out.append(seen)
        except MlflowException as e:
            out.append({"error": e.message})
    return out
"#;

fn mlrun_pages(env: &TestEnv, db: &Db, versions: bool, f: &str, ob: &[&str], mr: i64) -> Value {
    let mut seen = vec![];
    let mut token: Option<String> = None;
    loop {
        let mr_s = mr.to_string();
        let mut args = vec![
            "--output",
            "json",
            "models",
            if versions { "versions" } else { "search" },
        ];
        if !f.is_empty() {
            args.extend(["--filter", f]);
        }
        for o in ob {
            args.extend(["--order-by", o]);
        }
        args.extend(["--max-results", &mr_s]);
        if let Some(t) = &token {
            args.extend(["--page-token", t]);
        }
        let out = env.run_at(&db.uri, &args);
        if !out.status.success() {
            return serde_json::json!({"error": String::from_utf8_lossy(&out.stderr).to_string()});
        }
        let page: Value = serde_json::from_slice(&out.stdout).unwrap();
        let items = page[if versions {
            "model_versions"
        } else {
            "registered_models"
        }]
        .clone();
        seen.push(Value::Array(
            items
                .as_array()
                .into_iter()
                .flatten()
                .map(|x| {
                    if versions {
                        Value::from(format!(
                            "{}/{}",
                            x["name"].as_str().unwrap(),
                            x["version"].as_str().unwrap()
                        ))
                    } else {
                        x["name"].clone()
                    }
                })
                .collect(),
        ));
        token = page["next_page_token"].as_str().map(str::to_string);
        if token.is_none() || seen.len() > 30 {
            return Value::Array(seen);
        }
    }
}

fn py_cases(cases: &[(&str, &[&str], i64)]) -> String {
    let items: Vec<String> = cases
        .iter()
        .map(|(f, ob, mr)| {
            format!(
                "({}, {}, {mr})",
                serde_json::to_string(f).unwrap(),
                serde_json::to_string(ob).unwrap()
            )
        })
        .collect();
    format!("CASES = [{}]\n", items.join(", "))
}

#[test]
fn registry_searches_match_mlflow_page_by_page() {
    let env = TestEnv::new();
    for db in databases(&env, "reg_search_parity") {
        mlflow(&env, &db, CORPUS);
        let theirs = mlflow_json(
            &env,
            &db,
            &format!(
                "{PAGES}{}m = pages(c.search_registered_models, lambda x: x.name)\n{}v = pages(c.search_model_versions, lambda x: f'{{x.name}}/{{x.version}}')\nprint(json.dumps([m, v]))",
                py_cases(MODEL_CASES),
                py_cases(VERSION_CASES)
            ),
        );
        for (versions, cases) in [(false, MODEL_CASES), (true, VERSION_CASES)] {
            for (i, (f, ob, mr)) in cases.iter().enumerate() {
                let want = &theirs[versions as usize][i];
                let got = mlrun_pages(&env, &db, versions, f, ob, *mr);
                match want.get("error") {
                    // mlrun says MLflow's message (the set MLflow prints in some is unordered).
                    Some(Value::String(msg)) => {
                        let got = got["error"].as_str().unwrap_or_else(|| panic!("[{}] {f:?} {ob:?} {mr}: mlflow failed with {msg}, mlrun answered {got}", db.label));
                        let head = msg.split('{').next().unwrap();
                        assert!(
                            got.contains(head),
                            "[{}] {f:?} {ob:?}: {got} vs {msg}",
                            db.label
                        );
                    }
                    _ => assert_eq!(
                        &got, want,
                        "[{}] versions={versions} {f:?} {ob:?} {mr}",
                        db.label
                    ),
                }
            }
        }
    }
}

/// The test binary, re-run as a child: registers 10 versions of `race` in the database the
/// environment names (nothing when run as a normal test).
#[test]
fn child_registers_ten_versions() {
    let Ok(uri) = std::env::var("SQLREG_CHILD_URI") else {
        return;
    };
    let stores = mlrun::stores::Stores::open(&uri, &Default::default()).unwrap();
    for i in 0..10 {
        stores
            .registry()
            .create_model_version(NewVersion {
                name: "race".into(),
                source: format!("/tmp/race/{i}"),
                ..Default::default()
            })
            .unwrap();
    }
}

#[test]
fn four_processes_registering_at_once_get_forty_distinct_numbers() {
    let env = TestEnv::new();
    for db in databases(&env, "reg_race") {
        env.ok_at(&db.uri, &["models", "create", "race"]);
        let children: Vec<_> = (0..4)
            .map(|_| {
                Command::new(std::env::current_exe().unwrap())
                    .args([
                        "--exact",
                        "child_registers_ten_versions",
                        "--nocapture",
                        "--test-threads",
                        "1",
                    ])
                    .env("SQLREG_CHILD_URI", &db.uri)
                    .stdout(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut c in children {
            assert!(c.wait().unwrap().success(), "[{}] a child failed", db.label);
        }
        let got = mlflow_json(
            &env,
            &db,
            r#"print(json.dumps(sorted(int(v.version) for v in c.search_model_versions("name = 'race'"))))"#,
        );
        assert_eq!(
            got,
            Value::from((1..=40).collect::<Vec<i64>>()),
            "[{}]",
            db.label
        );
    }
}

#[test]
fn errors_in_mlflows_words_write_nothing() {
    let env = TestEnv::new();
    for db in databases(&env, "reg_errors") {
        mlflow(
            &env,
            &db,
            r#"c.create_registered_model("alpha")
for i in range(2):
    c.create_model_version("alpha", f"/tmp/{i}")
c.transition_model_version_stage("alpha", 1, "Production")
c.set_registered_model_alias("alpha", "champ", 1)"#,
        );
        let theirs = mlflow_json(
            &env,
            &db,
            r#"
out = []
for f in [lambda: c.get_registered_model("nope"),
          lambda: c.get_model_version("alpha", 99),
          lambda: c.set_registered_model_alias("alpha", "bad alias", 1),
          lambda: c.set_registered_model_alias("alpha", "latest", 1),
          lambda: c.set_registered_model_alias("alpha", "ok", 99),
          lambda: c.transition_model_version_stage("alpha", 99, "Production", archive_existing_versions=True),
          lambda: c.rename_registered_model("nope", "x"),
          lambda: c.create_registered_model("alpha"),
          lambda: c.delete_model_version("alpha", 99),
          lambda: c.get_model_version_by_alias("alpha", "nope"),
          lambda: c.transition_model_version_stage("alpha", 2, "Archived", archive_existing_versions=True)]:
    try:
        f()
        out.append(None)
    except MlflowException as e:
        out.append(e.message)
print(json.dumps(out))"#,
        );
        let before = mlrun_dump(&env, &db);
        let stores = registry(&db);
        let by_alias = stores
            .registry()
            .get_model_version_by_alias("alpha", "nope")
            .unwrap_err()
            .to_string();
        let attempts: [&[&str]; 9] = [
            &["models", "describe", "nope"],
            &["models", "version", "alpha", "99"],
            &["models", "set-alias", "alpha", "bad alias", "1"],
            &["models", "set-alias", "alpha", "latest", "1"],
            &["models", "set-alias", "alpha", "ok", "99"],
            &[
                "models",
                "transition",
                "alpha",
                "99",
                "Production",
                "--archive-existing",
            ],
            &["models", "rename", "nope", "x"],
            &["models", "create", "alpha"],
            &["models", "delete-version", "alpha", "99"],
        ];
        for (i, args) in attempts.iter().enumerate() {
            let msg = theirs[i].as_str().unwrap();
            let err = env.fails_at(&db.uri, args);
            assert!(
                err.contains(msg),
                "[{}] {args:?}: {err} should say {msg}",
                db.label
            );
        }
        assert_eq!(by_alias, theirs[9].as_str().unwrap());
        let err = env.fails_at(
            &db.uri,
            &[
                "models",
                "transition",
                "alpha",
                "2",
                "Archived",
                "--archive-existing",
            ],
        );
        assert!(err.contains(theirs[10].as_str().unwrap()), "{err}");
        assert_eq!(
            mlrun_dump(&env, &db),
            before,
            "[{}] a failed command wrote",
            db.label
        );
    }
}
