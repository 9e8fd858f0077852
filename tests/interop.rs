//! Interop with the real MLflow from PyPI (pinned in common::MLFLOW_VERSION), both ways, on one folder.
mod common;
use common::{run_mlflow, run_python, venv_python, TestEnv, MLFLOW2_REQUIREMENT};
use serde_json::{json, Value};

#[test]
fn mlflow_reads_what_mlrun_writes() {
    let env = TestEnv::new();
    let exp = env.ok(&[
        "experiments",
        "create",
        "interop",
        "--tag",
        "team=ml",
        "--tag",
        "nested/tag=v",
    ]);
    let parent = env.ok(&["runs", "start", "--experiment-id", &exp, "--name", "parent"]);
    let run = env.ok(&[
        "runs",
        "start",
        "--experiment-id",
        &exp,
        "--name",
        "yes",
        "--parent-run-id",
        &parent,
        "--tag",
        "with space=x y",
    ]);
    for (k, v, step) in [
        ("acc", "0.5", "0"),
        ("acc", "0.75", "1"),
        ("big", "inf", "0"),
        ("neg", "-inf", "0"),
        ("tiny", "1e-20", "0"),
        ("huge", "1.5e300", "0"),
        ("intm", "3", "0"),
        ("loss", "nan", "0"),
        ("m/nested", "1", "5"),
    ] {
        env.ok(&[
            "log-metric",
            "--run-id",
            &run,
            k,
            v,
            "--step",
            step,
            "--timestamp",
            "1700000000000",
        ]);
    }
    env.ok(&[
        "log-params",
        "--run-id",
        &run,
        "lr=0.01",
        "nested/param=a: b",
        "quote='0'",
    ]);
    env.ok(&["set-tag", "--run-id", &run, "note", "multi\nline"]);
    std::fs::write(env.path().join("hello.txt"), "hi").unwrap();
    env.ok(&[
        "artifacts",
        "log",
        "--run-id",
        &run,
        "hello.txt",
        "--artifact-path",
        "sub/dir",
    ]);
    env.ok(&["runs", "end", &run]);
    env.ok(&["experiments", "rename", &exp, "interop-renamed"]);
    let deleted = env.ok(&["experiments", "create", "to-delete"]);
    env.ok(&["experiments", "delete", &deleted]);

    let script = format!(
        r#"
import json, math, mlflow
from mlflow import MlflowClient
from mlflow.entities import ViewType
c = MlflowClient()
r = c.get_run("{run}")
def f(x):
    return repr(x) if isinstance(x, float) and (math.isnan(x) or math.isinf(x)) else x
out = {{
  "status": r.info.status, "name": r.info.run_name, "exp": r.info.experiment_id,
  "stage": r.info.lifecycle_stage, "end": r.info.end_time is not None,
  "metrics": {{k: f(v) for k, v in r.data.metrics.items()}},
  "params": r.data.params, "tags": r.data.tags,
  "acc_history": [(m.value, m.step, m.timestamp) for m in c.get_metric_history("{run}", "acc")],
  "artifacts": [a.path for a in c.list_artifacts("{run}", "sub/dir")],
  "exp_name": c.get_experiment("{exp}").name,
  "exp_tags": c.get_experiment("{exp}").tags,
  "deleted": [e.experiment_id for e in c.search_experiments(view_type=ViewType.DELETED_ONLY)],
  "runs": sorted(x.info.run_id for x in c.search_runs(["{exp}"], filter_string="params.lr = '0.01'")),
}}
print(json.dumps(out))
"#
    );
    let v: Value = serde_json::from_str(run_mlflow(&env.store(), &script).trim()).unwrap();
    assert_eq!(v["status"], "FINISHED");
    assert_eq!(v["name"], "yes");
    assert_eq!(v["exp"], exp.as_str());
    assert_eq!(v["end"], true);
    assert_eq!(v["metrics"]["acc"], 0.75);
    assert_eq!(v["metrics"]["big"], "inf");
    assert_eq!(v["metrics"]["neg"], "-inf");
    assert_eq!(v["metrics"]["loss"], "nan");
    assert_eq!(v["metrics"]["tiny"], 1e-20);
    assert_eq!(v["metrics"]["huge"], 1.5e300);
    assert_eq!(v["metrics"]["intm"], 3.0);
    assert_eq!(v["metrics"]["m/nested"], 1.0);
    assert_eq!(v["params"]["lr"], "0.01");
    assert_eq!(v["params"]["nested/param"], "a: b");
    assert_eq!(v["params"]["quote"], "'0'");
    assert_eq!(v["tags"]["note"], "multi\nline");
    assert_eq!(v["tags"]["with space"], "x y");
    assert_eq!(v["tags"]["mlflow.parentRunId"], parent.as_str());
    assert_eq!(v["tags"]["mlflow.runName"], "yes");
    assert_eq!(
        v["acc_history"],
        serde_json::json!([[0.5, 0, 1700000000000i64], [0.75, 1, 1700000000000i64]])
    );
    assert_eq!(v["artifacts"], serde_json::json!(["sub/dir/hello.txt"]));
    assert_eq!(v["exp_name"], "interop-renamed");
    assert_eq!(v["exp_tags"]["nested/tag"], "v");
    assert_eq!(v["deleted"], serde_json::json!([deleted]));
    assert_eq!(v["runs"], serde_json::json!([run]));
}

/// Every meta.yaml mlrun writes is exactly what PyYAML writes for the same data (MLflow's own dumper
/// settings), including quoting of tricky names and line folding.
#[test]
fn meta_yaml_is_byte_identical_to_pyyaml() {
    let env = TestEnv::new();
    let names = [
        "0", "yes", "null", "2020-01-01", "#hash", "a: b", "it's", "ключ_é", "tab\there", " lead",
        "a very long experiment name that goes on and on past the eighty column limit of PyYAML's folding",
        "~", "1.5", "1e5", "-", "- x", "@at", "%pct",
    ];
    for n in names {
        let id = env.ok(&["experiments", "create", "--", n]);
        env.ok(&[
            "runs",
            "start",
            "--experiment-id",
            &id,
            &format!("--name={n}"),
        ]);
    }
    let first = env.ok(&["experiments", "create", "renamed"]);
    env.ok(&["experiments", "set-tag", &first, "t", "'quoted' value: x"]);
    env.ok(&["experiments", "rename", &first, "renamed again"]);
    let script = r#"
import os, sys, yaml
root = os.environ["MLFLOW_TRACKING_URI"][len("file://"):]
n = 0
for d, _, files in os.walk(root):
    for f in files:
        if f == "meta.yaml":
            p = os.path.join(d, f)
            text = open(p, encoding="utf-8").read()
            again = yaml.dump(yaml.safe_load(text), default_flow_style=False, allow_unicode=True, sort_keys=True, Dumper=yaml.SafeDumper)
            if again != text:
                print("MISMATCH", p, repr(text), repr(again))
                sys.exit(1)
            n += 1
print(n)
"#;
    let count: usize = run_mlflow(&env.store(), script).trim().parse().unwrap();
    assert_eq!(count, 2 * names.len() + 2);
}

#[test]
fn mlrun_reads_what_mlflow_writes() {
    let env = TestEnv::new();
    let script = r#"
import json, mlflow
mlflow.set_experiment("from-mlflow")
mlflow.set_experiment_tag("team", "ml")
with mlflow.start_run(run_name="first-run", description="a note") as run:
    mlflow.log_param("lr", 0.01)
    mlflow.log_param("nested/param", "x")
    mlflow.log_metric("acc", 0.5, step=0)
    mlflow.log_metric("acc", 0.75, step=1)
    mlflow.log_metric("loss", float("nan"))
    mlflow.log_metric("tiny", 1e-05)
    mlflow.set_tag("with space", "v")
    mlflow.log_text("hello", "notes/t.txt")
    mlflow.log_dict({"a": 1}, "d.json")
    @mlflow.trace
    def f(x):
        return x + 1
    f(2)
deleted = mlflow.start_run(run_name="gone"); mlflow.end_run()
mlflow.MlflowClient().delete_run(deleted.info.run_id)
print(json.dumps({"run": run.info.run_id, "exp": run.info.experiment_id, "deleted": deleted.info.run_id}))
"#;
    let ids: Value = serde_json::from_str(run_mlflow(&env.store(), script).trim()).unwrap();
    let run = ids["run"].as_str().unwrap();
    let exp = ids["exp"].as_str().unwrap();
    let r = env.json(&["runs", "describe", run]);
    let info = &r["run"]["info"];
    assert_eq!(info["run_name"], "first-run");
    assert_eq!(info["status"], "FINISHED");
    assert_eq!(info["experiment_id"], exp);
    let data = &r["run"]["data"];
    let get = |kind: &str, k: &str| {
        data[kind]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["key"] == k)
            .map(|e| e["value"].clone())
            .unwrap_or(Value::Null)
    };
    assert_eq!(get("params", "lr"), "0.01");
    assert_eq!(get("params", "nested/param"), "x");
    assert_eq!(get("metrics", "acc"), 0.75);
    assert_eq!(get("metrics", "loss"), "NaN");
    assert_eq!(get("metrics", "tiny"), 1e-05);
    assert_eq!(get("tags", "with space"), "v");
    assert_eq!(get("tags", "mlflow.note.content"), "a note");
    // The experiment holds traces/ (and MLflow 3 folders) that mlrun does not model: listing still works.
    let runs = env.json(&["runs", "list", "--experiment-id", exp]);
    assert_eq!(runs["runs"].as_array().unwrap().len(), 1);
    let all = env.json(&["runs", "list", "--experiment-id", exp, "--view", "all"]);
    assert_eq!(all["runs"].as_array().unwrap().len(), 2);
    let listed = env.json(&["artifacts", "list", "--run-id", run]);
    let paths: Vec<&str> = listed["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["d.json", "notes"]);
    let e = env.json(&["experiments", "describe", "from-mlflow"]);
    assert_eq!(e["experiment"]["tags"][0]["value"], "ml");
    // mlrun keeps logging into MLflow's run, and MLflow still reads it.
    env.ok(&["log-metric", "--run-id", run, "acc", "0.9", "--step", "2"]);
    let out = run_mlflow(&env.store(), &format!("from mlflow import MlflowClient; print(MlflowClient().get_run('{run}').data.metrics['acc'])"));
    assert_eq!(out.trim(), "0.9");
}

#[test]
fn migrate_filestore_keeps_every_value() {
    let env = TestEnv::new();
    let exp = env.ok(&["experiments", "create", "mig", "--tag", "k=v"]);
    let run = env.ok(&["runs", "start", "--experiment-id", &exp, "--name", "mrun"]);
    env.ok(&["log-params", "--run-id", &run, "lr=0.01", "batch=32"]);
    env.ok(&["log-metric", "--run-id", &run, "acc", "0.5", "--step", "0"]);
    env.ok(&["log-metric", "--run-id", &run, "acc", "0.25", "--step", "1"]);
    env.ok(&["set-tag", "--run-id", &run, "t", "x"]);
    env.ok(&["runs", "end", &run]);
    let db = env.path().join("m.db");
    let script = format!(
        r#"
import json, subprocess, sys, os
from mlflow.cli import cli
from click.testing import CliRunner
res = CliRunner().invoke(cli, ["migrate-filestore", "--source", "{store}", "--target", "sqlite:///{db}", "--no-progress"])
assert res.exit_code == 0, res.output + repr(res.exception)
from mlflow import MlflowClient
c = MlflowClient(tracking_uri="sqlite:///{db}")
r = c.get_run("{run}")
print(json.dumps({{"params": r.data.params, "metrics": r.data.metrics, "tag": r.data.tags.get("t"),
  "status": r.info.status, "hist": [(m.value, m.step) for m in c.get_metric_history("{run}", "acc")],
  "exp": c.get_experiment("{exp}").name, "exp_tag": c.get_experiment("{exp}").tags.get("k")}}))
"#,
        store = env.store().display(),
        db = db.display(),
    );
    let v: Value = serde_json::from_str(
        run_mlflow(&env.store(), &script)
            .trim()
            .lines()
            .last()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        v["params"],
        serde_json::json!({"lr": "0.01", "batch": "32"})
    );
    assert_eq!(v["metrics"]["acc"], 0.25);
    assert_eq!(v["tag"], "x");
    assert_eq!(v["status"], "FINISHED");
    assert_eq!(v["hist"], serde_json::json!([[0.5, 0], [0.25, 1]]));
    assert_eq!(v["exp"], "mig");
    assert_eq!(v["exp_tag"], "v");
}

/// MLflow 2.x needs `run_uuid` in run meta; mlrun writes it, so 2.x reads mlrun's runs, and mlrun reads
/// stores written by 2.x.
#[test]
fn mlflow_2x_both_ways() {
    let py2 = venv_python(MLFLOW2_REQUIREMENT, "mlflow2-venv");
    let env = TestEnv::new();
    let run = env.ok(&["runs", "start", "--experiment-name", "two", "--name", "r2"]);
    env.ok(&["log-metric", "--run-id", &run, "acc", "0.5", "--step", "3"]);
    env.ok(&["log-param", "--run-id", &run, "lr", "0.1"]);
    env.ok(&["runs", "end", &run]);
    let script = format!(
        r#"
import json, mlflow
from mlflow import MlflowClient
assert mlflow.__version__.startswith("2."), mlflow.__version__
c = MlflowClient()
r = c.get_run("{run}")
with mlflow.start_run(experiment_id=r.info.experiment_id, run_name="by-2x") as new:
    mlflow.log_metric("loss", 0.25, step=1)
    mlflow.log_param("p", "q")
print(json.dumps({{"status": r.info.status, "name": r.info.run_name, "acc": r.data.metrics["acc"],
  "lr": r.data.params["lr"], "new": new.info.run_id}}))
"#
    );
    let v: Value = serde_json::from_str(run_python(&py2, &env.store(), &script).trim()).unwrap();
    assert_eq!(v["status"], "FINISHED");
    assert_eq!(v["name"], "r2");
    assert_eq!(v["acc"], 0.5);
    assert_eq!(v["lr"], "0.1");
    let new = v["new"].as_str().unwrap();
    let r = env.json(&["runs", "describe", new]);
    assert_eq!(r["run"]["info"]["run_name"], "by-2x");
    assert_eq!(r["run"]["data"]["metrics"][0]["value"], 0.25);
    assert_eq!(r["run"]["data"]["params"][0]["value"], "q");
}

/// A run that logged MLflow 3 models lists them as MLflow's `RunOutputs`: `runs describe --output
/// json` shows the same `model_outputs` (model id and step) as MLflow's `get_run`.
#[test]
fn run_outputs_match_mlflow_for_logged_models() {
    let env = TestEnv::new();
    let script = r#"
import json, mlflow, warnings
warnings.filterwarnings("ignore")
class M(mlflow.pyfunc.PythonModel):
    def predict(self, context, model_input):
        return model_input
with mlflow.start_run() as r:
    mlflow.pyfunc.log_model(name="model", python_model=M(), step=3)
    mlflow.pyfunc.log_model(name="second", python_model=M())
with mlflow.start_run() as plain:
    pass
c = mlflow.MlflowClient()
print(json.dumps({"run": r.info.run_id, "plain": plain.info.run_id,
                  "outputs": c.get_run(r.info.run_id).outputs.to_dictionary(),
                  "plain_outputs": c.get_run(plain.info.run_id).outputs.to_dictionary()}))
"#;
    let v: Value = serde_json::from_str(run_mlflow(&env.store(), script).trim()).unwrap();
    let sorted = |o: &Value| {
        let mut m = o["model_outputs"].as_array().cloned().unwrap_or_default();
        m.sort_by_key(|x| x["model_id"].as_str().unwrap_or_default().to_string());
        m
    };
    let mlflow_outputs = sorted(&v["outputs"]);
    assert_eq!(mlflow_outputs.len(), 2, "{v}");
    let r = env.json(&["runs", "describe", v["run"].as_str().unwrap()]);
    assert_eq!(sorted(&r["run"]["outputs"]), mlflow_outputs);
    // The table view lists them too: one `model` row each, with its step.
    let table = env.ok(&["runs", "describe", v["run"].as_str().unwrap()]);
    for m in &mlflow_outputs {
        let (id, step) = (
            m["model_id"].as_str().unwrap(),
            format!("step {}", m["step"]),
        );
        assert!(
            table
                .lines()
                .any(|l| l.starts_with("model") && l.contains(id) && l.trim_end().ends_with(&step)),
            "{id} {step} in\n{table}"
        );
    }
    let plain = env.json(&["runs", "describe", v["plain"].as_str().unwrap()]);
    assert_eq!(plain["run"]["outputs"], json!({}));
    assert_eq!(v["plain_outputs"]["model_outputs"], json!([]));
}

/// Corners where MLflow's client against a file store answers differently from a SQL store: a name
/// of spaces is a valid experiment name, and logging to a deleted run or tagging a deleted
/// experiment is refused with the file store's words. mlrun's messages are compared with MLflow's.
#[test]
fn validation_corners_match_mlflow_file_store() {
    let env = TestEnv::new();
    let script = r#"
import json, mlflow
c = mlflow.MlflowClient()
out = {}
out["spaces"] = c.create_experiment("   ")
gone = c.create_experiment("gone")
r = c.create_run(gone)
c.delete_run(r.info.run_id)
c.delete_experiment(gone)
def err(f):
    try:
        f()
    except Exception as e:
        return e.message.splitlines()[0]
out["run"] = r.info.run_id
out["exp"] = gone
out["log_to_deleted_run"] = err(lambda: c.log_metric(r.info.run_id, "m", 1.0))
out["tag_deleted_experiment"] = err(lambda: c.set_experiment_tag(gone, "k", "v"))
out["empty_name"] = err(lambda: c.create_experiment(""))
# Every call that logs to a run, against a deleted one; names holding a backslash.
from mlflow.entities import Metric, Param, RunTag
import os, tempfile
d = c.create_run("0").info.run_id
c.delete_run(d)
out["deleted"] = d
f = os.path.join(tempfile.mkdtemp(), "a.txt")
open(f, "w").write("x")
out["deleted.log-metric"] = err(lambda: c.log_metric(d, "m", 1.0))
out["deleted.log-param"] = err(lambda: c.log_param(d, "p", "v"))
out["deleted.set-tag"] = err(lambda: c.set_tag(d, "t", "v"))
out["deleted.batch"] = err(lambda: c.log_batch(d, metrics=[Metric("m", 1.0, 0, 0)]))
out["deleted.artifact"] = err(lambda: c.log_artifact(d, f))
out["deleted.artifacts"] = sorted(a.path for a in c.list_artifacts(d))
live = c.create_run("0").info.run_id
out["live"] = live
out["bs.experiment"] = c.create_experiment("a\\b")
out["bs.run_name"] = c.create_run("0", run_name="r\\s").info.run_name
out["bs.model"] = c.create_registered_model("m\\n").name
out["bs.tag"] = err(lambda: c.set_tag(live, "a\\b", "v"))
out["bs.param"] = err(lambda: c.log_param(live, "a\\b", "v"))
out["bs.metric"] = err(lambda: c.log_metric(live, "a\\b", 1.0))
out["bs.metric_path"] = err(lambda: c.log_metric(live, "a/../b", 1.0))
out["bs.unicode"] = err(lambda: c.log_param(live, "\u00e9!", "v"))
out["bs.exp_tag"] = err(lambda: c.set_experiment_tag("0", "a\\b", "v"))
out["bs.model_tag"] = err(lambda: c.set_registered_model_tag("m\\n", "a\\b", "v"))
out["bs.batch_metric"] = err(lambda: c.log_batch(live, metrics=[Metric("ok", 1.0, 0, 0), Metric("a\\b", 1.0, 0, 0)]))
out["bs.batch_param"] = err(lambda: c.log_batch(live, params=[Param("ok", "v"), Param("a\\b", "v")]))
out["bs.batch_tag"] = err(lambda: c.log_batch(live, tags=[RunTag("ok", "v"), RunTag("a\\b", "v")]))
print(json.dumps(out))
"#;
    let v: Value = serde_json::from_str(run_mlflow(&env.store(), script).trim()).unwrap();
    let first_error_line = |args: &[&str]| {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        stderr
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches("error: ")
            .to_string()
    };
    let run = v["run"].as_str().unwrap();
    let exp = v["exp"].as_str().unwrap();
    assert_eq!(
        first_error_line(&["log-metric", "--run-id", run, "m", "1"]),
        v["log_to_deleted_run"]
    );
    assert_eq!(
        first_error_line(&["experiments", "set-tag", exp, "k", "v"]),
        v["tag_deleted_experiment"]
    );
    assert_eq!(
        first_error_line(&["experiments", "create", ""]),
        v["empty_name"]
    );
    // Logging to a deleted run: refused with the file store's words, except artifacts, which
    // MLflow's client writes there all the same.
    let deleted = v["deleted"].as_str().unwrap();
    let batch = env.path().join("batch.json");
    std::fs::write(
        &batch,
        r#"{"metrics": [{"key": "m", "value": 1, "timestamp": 0, "step": 0}]}"#,
    )
    .unwrap();
    let file = env.path().join("a.txt");
    std::fs::write(&file, "x").unwrap();
    let at = |args: &[&str]| -> Vec<String> {
        args.iter().map(|a| a.replace("{run}", deleted)).collect()
    };
    for (case, args) in [
        (
            "log-metric",
            at(&["log-metric", "--run-id", "{run}", "m", "1"]),
        ),
        (
            "log-param",
            at(&["log-param", "--run-id", "{run}", "p", "v"]),
        ),
        ("set-tag", at(&["set-tag", "--run-id", "{run}", "t", "v"])),
        (
            "batch",
            at(&["log-batch", "--run-id", "{run}", batch.to_str().unwrap()]),
        ),
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_eq!(
            first_error_line(&args),
            v[format!("deleted.{case}")],
            "{case}"
        );
    }
    assert!(
        v["deleted.artifact"].is_null(),
        "MLflow refused: {}",
        v["deleted.artifact"]
    );
    env.ok(&[
        "artifacts",
        "log",
        "--run-id",
        deleted,
        file.to_str().unwrap(),
    ]);
    let listed = env.ok(&["artifacts", "list", "--run-id", deleted]);
    assert!(listed.contains("a.txt"), "{listed}");
    assert_eq!(v["deleted.artifacts"], json!(["a.txt"]));

    // Names holding a backslash: experiments, run names and registered models take them; keys
    // are refused with the key quoted as MLflow's json.dumps quotes it.
    let live = v["live"].as_str().unwrap();
    env.ok(&["experiments", "create", "c\\d"]);
    let name = env.ok(&["runs", "start", "--name", "r\\s"]);
    let run = env.json(&["runs", "describe", &name]);
    assert_eq!(run["run"]["info"]["run_name"], v["bs.run_name"]);
    env.ok(&["models", "create", "n\\m"]);
    for (case, args) in [
        ("tag", vec!["set-tag", "--run-id", live, "a\\b", "v"]),
        ("param", vec!["log-param", "--run-id", live, "a\\b", "v"]),
        ("metric", vec!["log-metric", "--run-id", live, "a\\b", "1"]),
        (
            "metric_path",
            vec!["log-metric", "--run-id", live, "a/../b", "1"],
        ),
        (
            "unicode",
            vec!["log-param", "--run-id", live, "\u{e9}!", "v"],
        ),
        ("exp_tag", vec!["experiments", "set-tag", "0", "a\\b", "v"]),
        ("model_tag", vec!["models", "set-tag", "n\\m", "a\\b", "v"]),
    ] {
        assert_eq!(first_error_line(&args), v[format!("bs.{case}")], "{case}");
    }

    for (case, body) in [
        (
            "batch_metric",
            json!({"metrics": [{"key": "ok", "value": 1, "timestamp": 0, "step": 0}, {"key": "a\\b", "value": 1, "timestamp": 0, "step": 0}]}),
        ),
        (
            "batch_param",
            json!({"params": [{"key": "ok", "value": "v"}, {"key": "a\\b", "value": "v"}]}),
        ),
        (
            "batch_tag",
            json!({"tags": [{"key": "ok", "value": "v"}, {"key": "a\\b", "value": "v"}]}),
        ),
    ] {
        std::fs::write(&batch, body.to_string()).unwrap();
        let args = ["log-batch", "--run-id", live, batch.to_str().unwrap()];
        assert_eq!(first_error_line(&args), v[format!("bs.{case}")], "{case}");
    }

    // MLflow made an experiment named "   "; mlrun finds it and makes another like it.
    let e = env.json(&["experiments", "describe", "   "]);
    assert_eq!(e["experiment"]["experiment_id"], v["spaces"]);
    env.ok(&["experiments", "create", "  "]);
}

/// `MLFLOW_TRUNCATE_LONG_VALUES`: unset, over-long param and tag values are cut to MLflow's
/// limits; `false`, MLflow refuses them with its `exceeds_maximum_length` message, and so does
/// mlrun, writing nothing.
#[test]
fn long_values_truncate_or_fail_as_mlflow_does() {
    let env = TestEnv::new();
    let script = r#"
import json, os, mlflow
from mlflow.entities import Param, RunTag
c = mlflow.MlflowClient()
out = {}
run = c.create_run("0").info.run_id
for setting in ("true", "false"):
    os.environ["MLFLOW_TRUNCATE_LONG_VALUES"] = setting
    for what, call in [
        ("param", lambda: c.log_param(run, "p" + setting, "x" * 6001)),
        ("batch", lambda: c.log_batch(run, params=[Param("b" + setting, "y" * 6001)])),
        ("tag", lambda: c.log_batch(run, tags=[RunTag("ok", "v"), RunTag("t" + setting, "z" * 8001)])),
    ]:
        try:
            call()
            out[what + setting] = "ok"
        except Exception as e:
            out[what + setting] = e.message
r = c.get_run(run)
out["lengths"] = sorted([[k, len(v)] for k, v in list(r.data.params.items()) + list(r.data.tags.items()) if not k.startswith("mlflow.")])
print(json.dumps(out))
"#;
    let mlflow: Value = serde_json::from_str(run_mlflow(&env.store(), script).trim()).unwrap();
    let run = env.ok(&["runs", "start"]);
    let mut got = serde_json::Map::new();
    for setting in ["true", "false"] {
        let batch_file = env.path().join(format!("b{setting}.json"));
        let tag_file = env.path().join(format!("t{setting}.json"));
        std::fs::write(
            &batch_file,
            json!({"params": [{"key": format!("b{setting}"), "value": "y".repeat(6001)}]})
                .to_string(),
        )
        .unwrap();
        std::fs::write(&tag_file, json!({"tags": [{"key": "ok", "value": "v"}, {"key": format!("t{setting}"), "value": "z".repeat(8001)}]}).to_string()).unwrap();
        let (param_key, param_value) = (format!("p{setting}"), "x".repeat(6001));
        for (what, args) in [
            (
                "param",
                vec!["log-param", "--run-id", &run, &param_key, &param_value],
            ),
            (
                "batch",
                vec!["log-batch", "--run-id", &run, batch_file.to_str().unwrap()],
            ),
            (
                "tag",
                vec!["log-batch", "--run-id", &run, tag_file.to_str().unwrap()],
            ),
        ] {
            let out = env
                .cmd()
                .env("MLFLOW_TRUNCATE_LONG_VALUES", setting)
                .args(&args)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
            // MLflow's client adds a paragraph on repeated params to the store's message.
            let want = mlflow[format!("{what}{setting}")].as_str().unwrap();
            let want = want.lines().next().unwrap();
            let v = if out.status.success() {
                "ok".to_string()
            } else if stderr.contains(want) {
                want.to_string()
            } else {
                stderr
            };
            got.insert(format!("{what}{setting}"), json!(v));
        }
    }
    let r = env.json(&["runs", "describe", &run]);
    let mut lengths: Vec<Value> = ["params", "tags"]
        .iter()
        .flat_map(|k| r["run"]["data"][k].as_array().cloned().unwrap_or_default())
        .filter(|kv| !kv["key"].as_str().unwrap().starts_with("mlflow."))
        .map(|kv| json!([kv["key"], kv["value"].as_str().unwrap().chars().count()]))
        .collect();
    lengths.sort_by_key(|v| v.to_string());
    got.insert("lengths".into(), json!(lengths));
    let mut mlflow = mlflow;
    for v in mlflow.as_object_mut().unwrap().values_mut() {
        if let Some(first) = v.as_str().and_then(|s| s.lines().next()) {
            *v = json!(first);
        }
    }
    assert_eq!(Value::Object(got), mlflow);
}
