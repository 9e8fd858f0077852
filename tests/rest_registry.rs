//! The model registry over REST (`RestRegistry`) and `mlrun sync` of registered models, against a
//! real MLflow tracking server on PostgreSQL (started once for this binary by
//! `common::tracking_server`), read back with MLflow's own `MlflowClient`.
mod common;

use common::tracking_server::{python, server, target};
use common::{model_dir, run_with_model, TestEnv};
use serde_json::{json, Value};

fn unique(prefix: &str) -> String {
    format!(
        "{prefix}-{}",
        &uuid::Uuid::new_v4().simple().to_string()[..12]
    )
}

fn ok_at(env: &TestEnv, uri: &str, args: &[&str]) -> String {
    env.ok_at(uri, args)
}

fn ok(env: &TestEnv, args: &[&str]) -> String {
    env.ok_at(&target(), args)
}

fn json(env: &TestEnv, args: &[&str]) -> Value {
    env.json_at(&target(), args)
}

fn fails(env: &TestEnv, args: &[&str]) -> String {
    env.fails_at(&target(), args)
}

#[test]
fn registry_commands_work_against_a_real_server() {
    registry_commands();
}

/// The same scenario, word for word, against `mlrun server` over a folder.
#[test]
fn registry_commands_work_against_mlrun_server() {
    let mlrun = common::MlrunServer::start();
    common::tracking_server::set_target(&mlrun.url);
    registry_commands();
}

fn registry_commands() {
    let env = TestEnv::new();
    let url = &target();
    let name = unique("rm");
    let run = run_with_model(&env, url, &unique("reg-exp"), "m1");

    ok(
        &env,
        &[
            "models",
            "create",
            &name,
            "--description",
            "the model",
            "--tag",
            "team=ml",
        ],
    );
    let dup = fails(&env, &["models", "create", &name]);
    assert!(dup.contains("already exists"), "{dup}");
    let source = format!("runs:/{run}/model");
    assert_eq!(ok(&env, &["models", "register", &source, &name]), "1");
    let v2 = json(
        &env,
        &[
            "models",
            "register",
            &source,
            &name,
            "--tag",
            "k=v",
            "--description",
            "second",
        ],
    );
    assert_eq!(v2["model_version"]["version"], "2", "{v2}");
    // The source is what MLflow's client sends for a run artifact: the run's artifact URI + path.
    let src = v2["model_version"]["source"].as_str().unwrap();
    assert!(
        src.starts_with("mlflow-artifacts:/") && src.ends_with(&format!("/{run}/artifacts/model")),
        "{src}"
    );
    ok(&env, &["models", "set-tag", &name, "owner", "ana"]);
    ok(
        &env,
        &[
            "models",
            "set-tag",
            &name,
            "vt",
            "1",
            "--model-version",
            "1",
        ],
    );
    ok(&env, &["models", "set-alias", &name, "champion", "1"]);
    ok(&env, &["models", "set-alias", &name, "challenger", "2"]);
    ok(&env, &["models", "transition", &name, "2", "staging"]);
    ok(&env, &["models", "transition", &name, "1", "Production"]);
    let bad = fails(&env, &["models", "set-alias", &name, "x", "9"]);
    assert!(bad.contains("not found") || bad.contains("9"), "{bad}");

    let described = json(&env, &["models", "describe", &name]);
    let rm = &described["registered_model"];
    assert_eq!(rm["description"], "the model", "{described}");
    let aliases = common::pairs(&rm["aliases"], "alias", "version");
    assert!(
        aliases.contains(&("champion".into(), "1".into())),
        "{described}"
    );
    let found = json(
        &env,
        &["models", "search", "--filter", &format!("name = '{name}'")],
    );
    assert_eq!(found["registered_models"].as_array().unwrap().len(), 1);
    let versions = json(&env, &["models", "versions", &name]);
    assert_eq!(
        versions["model_versions"].as_array().unwrap().len(),
        2,
        "{versions}"
    );

    // MLflow's own client reads back every value.
    let read = python(&format!(
        r#"
from mlflow import MlflowClient
c = MlflowClient(tracking_uri={url:?})
rm = c.get_registered_model({name:?})
print(rm.description, sorted(rm.tags.items()), sorted(rm.aliases.items()))
for mv in sorted(c.search_model_versions("name='{name}'"), key=lambda m: int(m.version)):
    print(mv.version, mv.current_stage, mv.description or None, sorted(mv.tags.items()), mv.run_id == {run:?}, mv.source.endswith("/artifacts/model"))
print(c.get_model_version_by_alias({name:?}, "challenger").version)
"#
    ));
    assert_eq!(
        read.trim(),
        "the model [('owner', 'ana'), ('team', 'ml')] [('challenger', '2'), ('champion', '1')]\n\
         1 Production None [('vt', '1')] True True\n\
         2 Staging second [('k', 'v')] True True\n\
         2",
        "{read}"
    );

    // Files come back through the artifact proxy, by alias, stage and version.
    for (i, uri) in [
        format!("models:/{name}@champion"),
        format!("models:/{name}/Staging"),
        format!("models:/{name}/2"),
    ]
    .iter()
    .enumerate()
    {
        let dest = env.path().join(format!("down{i}"));
        ok(
            &env,
            &["models", "download", uri, "--dest", dest.to_str().unwrap()],
        );
        let mlmodel = std::fs::read_to_string(dest.join("MLmodel")).unwrap();
        assert!(mlmodel.contains("marker: m1"), "{uri}: {mlmodel}");
        assert_eq!(
            std::fs::read_to_string(dest.join("weights.bin")).unwrap(),
            "m1".repeat(100)
        );
    }
    let missing = fails(
        &env,
        &[
            "models",
            "download",
            &format!("models:/{name}@nope"),
            "--dest",
            "x",
        ],
    );
    assert!(missing.contains("nope"), "{missing}");

    // Updates, tag and alias deletes, rename, version delete, model delete.
    ok(
        &env,
        &[
            "models",
            "update",
            &name,
            "--model-version",
            "1",
            "--description",
            "first",
        ],
    );
    ok(&env, &["models", "delete-tag", &name, "owner"]);
    ok(&env, &["models", "delete-alias", &name, "challenger"]);
    let renamed = format!("{name}-renamed");
    ok(&env, &["models", "rename", &name, &renamed]);
    assert!(fails(&env, &["models", "describe", &name]).contains("not found"));
    ok(&env, &["models", "delete-version", &renamed, "2"]);
    let after = python(&format!(
        r#"
from mlflow import MlflowClient
c = MlflowClient(tracking_uri={url:?})
rm = c.get_registered_model({renamed:?})
print(sorted(rm.tags.items()), sorted(rm.aliases.items()), [(m.version, m.description) for m in c.search_model_versions("name='{renamed}'")])
"#
    ));
    assert_eq!(
        after.trim(),
        "[('team', 'ml')] [('champion', '1')] [('1', 'first')]",
        "{after}"
    );
    ok(&env, &["models", "delete", &renamed]);
    assert!(fails(&env, &["models", "describe", &renamed]).contains("not found"));

    // A model logs to the server as MLflow's client logs it (tests/stores.rs checks the rest);
    // what cannot work over REST says so, naming the command.
    let dir = model_dir(env.path(), "x");
    let logged = ok(
        &env,
        &["models", "log", dir.to_str().unwrap(), "--run-id", &run],
    );
    assert!(logged.starts_with("models:/m-"), "{logged}");
    let local = fails(&env, &["models", "register", dir.to_str().unwrap(), &name]);
    assert!(local.contains("not supported over REST"), "{local}");
}

fn sync_json(env: &TestEnv, src: &str, dst: &str, extra: &[&str]) -> Value {
    let mut a = vec!["--output", "json", "sync", src, dst];
    a.extend_from_slice(extra);
    let out = env
        .cmd()
        .env_remove("MLFLOW_TRACKING_URI")
        .args(&a)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "mlrun {a:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn registered_models_sync_from_a_folder_to_a_server_and_back() {
    let env = TestEnv::new();
    let url = &server().url;
    let store = env.store();
    let folder = store.to_str().unwrap();
    let exp = unique("regsync-exp");
    let name = unique("regsync");
    let run = run_with_model(&env, folder, &exp, "off");
    let source = format!("runs:/{run}/model");
    ok_at(
        &env,
        folder,
        &[
            "models",
            "create",
            &name,
            "--description",
            "offline",
            "--tag",
            "team=ml",
        ],
    );
    ok_at(
        &env,
        folder,
        &["models", "register", &source, &name, "--tag", "k=v"],
    );
    ok_at(
        &env,
        folder,
        &["models", "register", &source, &name, "--description", "two"],
    );
    // An MLflow 3 logged model (files outside the run's artifacts), registered as version 3.
    let lm = model_dir(env.path(), "logged");
    ok_at(
        &env,
        folder,
        &[
            "models",
            "log",
            lm.to_str().unwrap(),
            "--run-id",
            &run,
            "--name",
            "lm",
            "--register",
            &name,
        ],
    );
    ok_at(
        &env,
        folder,
        &["models", "transition", &name, "1", "Production"],
    );
    ok_at(
        &env,
        folder,
        &["models", "transition", &name, "2", "Staging"],
    );
    ok_at(
        &env,
        folder,
        &["models", "set-alias", &name, "champion", "1"],
    );
    ok_at(&env, folder, &["models", "set-alias", &name, "newest", "3"]);

    let dry = sync_json(&env, folder, url, &["--experiment", &exp, "--dry-run"]);
    assert_eq!(dry["model_versions_created"], 3, "{dry}");
    let first = sync_json(&env, folder, url, &["--experiment", &exp]);
    assert_eq!(first["models_created"], 1, "{first}");
    assert_eq!(first["model_versions_created"], 3, "{first}");
    assert_eq!(
        first["model_warnings"].as_array().unwrap().len(),
        0,
        "{first}"
    );

    // MLflow's client sees the same versions, stages, tags, descriptions and aliases, and finds the
    // files through the server (version 1 from the run's artifacts, 3 from the copied logged model).
    let read = python(&format!(
        r#"
import mlflow, os
from mlflow import MlflowClient
c = MlflowClient(tracking_uri={url:?})
rm = c.get_registered_model({name:?})
print(rm.description, sorted(rm.tags.items()), sorted(rm.aliases.items()))
for mv in sorted(c.search_model_versions("name='{name}'"), key=lambda m: int(m.version)):
    tags = {{k: v for k, v in mv.tags.items() if k != "mlrun.sync.source"}}
    print(mv.version, mv.current_stage, mv.description or None, sorted(tags.items()), mv.source.startswith("mlflow-artifacts:/"), "mlrun.sync.source" in mv.tags)
mlflow.set_tracking_uri({url:?})
for alias in ["champion", "newest"]:
    d = mlflow.artifacts.download_artifacts(artifact_uri="models:/{name}@" + alias)
    print(alias, *[l for l in open(os.path.join(d, "MLmodel")).read().splitlines() if l.startswith("marker")])
print(c.get_model_version_by_alias({name:?}, "newest").run_id == c.get_model_version({name:?}, "1").run_id)
"#
    ));
    assert_eq!(
        read.trim(),
        "offline [('team', 'ml')] [('champion', '1'), ('newest', '3')]\n\
         1 Production None [('k', 'v')] True True\n\
         2 Staging two [] True True\n\
         3 None None [] True True\n\
         champion marker: off\n\
         newest marker: logged\n\
         True",
        "{read}"
    );

    // A second sync creates nothing and changes nothing.
    let again = sync_json(&env, folder, url, &["--experiment", &exp]);
    assert_eq!(again["models_created"], 0, "{again}");
    assert_eq!(again["model_versions_created"], 0, "{again}");
    assert_eq!(again["model_changes"], 0, "{again}");

    // A change on the source side is carried over on the next sync.
    ok_at(
        &env,
        folder,
        &["models", "transition", &name, "2", "Archived"],
    );
    let changed = sync_json(&env, folder, url, &["--experiment", &exp]);
    assert_eq!(changed["model_changes"], 1, "{changed}");
    assert_eq!(changed["model_versions_created"], 0, "{changed}");
    let stage = python(&format!(
        "from mlflow import MlflowClient\nprint(MlflowClient(tracking_uri={url:?}).get_model_version({name:?}, '2').current_stage)"
    ));
    assert_eq!(stage.trim(), "Archived");

    // Server → a new folder: the versions come back with sources in the folder's runs.
    let back = env.path().join("back");
    let back_s = back.to_str().unwrap();
    let down = sync_json(&env, url, back_s, &["--experiment", &exp]);
    assert_eq!(down["model_versions_created"], 3, "{down}");
    let described = serde_json::from_str::<Value>(&ok_at(
        &env,
        back_s,
        &["--output", "json", "models", "versions", &name],
    ))
    .unwrap();
    let versions = described["model_versions"].as_array().unwrap();
    assert_eq!(versions.len(), 3, "{described}");
    for v in versions {
        let src = v["source"].as_str().unwrap();
        assert!(src.starts_with("file://"), "{described}");
    }
    let dest = env.path().join("from-back");
    ok_at(
        &env,
        back_s,
        &[
            "models",
            "download",
            &format!("models:/{name}@newest"),
            "--dest",
            dest.to_str().unwrap(),
        ],
    );
    assert!(std::fs::read_to_string(dest.join("MLmodel"))
        .unwrap()
        .contains("marker: logged"));
    let twice = sync_json(&env, url, back_s, &["--experiment", &exp]);
    assert_eq!(twice["model_versions_created"], 0, "{twice}");
    assert_eq!(twice["model_changes"], 0, "{twice}");
}

/// Registry searches over REST hand filter, order, page size and token to the server: pages and
/// tokens come from it.
#[test]
fn registry_searches_page_through_the_server() {
    let env = TestEnv::new();
    let prefix = unique("pg");
    for n in ["a", "b", "c"] {
        ok(&env, &["models", "create", &format!("{prefix}-{n}")]);
    }
    let filter = format!("name LIKE '{prefix}-%'");
    // The names on a page, in the server's order.
    let names = |v: &Value| -> Vec<Value> {
        let page = v["registered_models"].as_array().unwrap();
        page.iter().map(|m| m["name"].clone()).collect()
    };
    let args = [
        "models",
        "search",
        "--filter",
        &filter,
        "--order-by",
        "name DESC",
    ];
    let first = json(&env, &[&args[..], &["--max-results", "2"]].concat());
    assert_eq!(
        names(&first),
        [json!(format!("{prefix}-c")), json!(format!("{prefix}-b"))]
    );
    let token = first["next_page_token"].as_str().expect("a next page");
    let second = json(
        &env,
        &[&args[..], &["--max-results", "2", "--page-token", token]].concat(),
    );
    assert_eq!(names(&second), [json!(format!("{prefix}-a"))]);
    assert!(second.get("next_page_token").is_none(), "{second}");
}
