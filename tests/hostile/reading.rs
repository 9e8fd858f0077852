//! Reading what is there, correctly (issue 13): names PyYAML keeps as strings but a YAML 1.2 reader
//! types, damaged metric files, and stores whose shape is wrong.
use crate::common::{self, TestEnv};

/// Strings PyYAML writes unquoted (its resolver keeps them `str`) that a YAML 1.2 reader types as
/// numbers: the attack class. Derived from resolver.py: a float needs a `.` and a signed exponent,
/// `.5` takes no sign, and `0o` is no YAML 1.1 prefix.
const UNQUOTED: &[&str] = &[
    "1e3", "1E10", ".5e1", "0o17", "+1e3", "-2e5", "1e+3", "1.5e3", "-.5", "+.5", "1e-5", "6e0",
    "09",
];
/// Strings PyYAML types (int, float, bool, null, timestamp), so it writes them quoted.
const QUOTED: &[&str] = &[
    "1000.0",
    "0x1F",
    "1_000",
    "yes",
    "1:30",
    "2001-12-14",
    "~",
    ".inf",
    "0b11",
    "017",
    ".5e+1",
];

fn all_names() -> Vec<&'static str> {
    UNQUOTED.iter().chain(QUOTED).copied().collect()
}

/// Registered model names may not hold `:`.
fn registry_names() -> Vec<&'static str> {
    all_names()
        .into_iter()
        .filter(|n| !n.contains(':'))
        .collect()
}

fn py_list(names: &[&str]) -> String {
    serde_json::to_string(names).unwrap()
}

/// Attack: an experiment named `1e3` (or any spelling PyYAML leaves a string but YAML 1.2 reads as a
/// number) is read back as `1000.0`: `runs start --experiment-name 1e3` makes a second experiment,
/// `runs search --experiment-name 1e3` finds nothing, `experiments create 1000.0` is refused, and
/// the same happens in the trash. Every spelling round-trips through mlrun and through MLflow.
#[test]
fn yaml_number_like_experiment_names() {
    let env = TestEnv::new();
    env.ok(&["experiments", "create", "seed"]);
    // `1e3` comes before `1000.0`: a YAML 1.2 reader refuses the second as taken.
    for name in all_names() {
        let id = env.ok(&["experiments", "create", "--", name]);
        let before = env.json(&["experiments", "list"])["experiments"]
            .as_array()
            .unwrap()
            .len();
        let run = env.ok(&["runs", "start", &format!("--experiment-name={name}")]);
        let after = env.json(&["experiments", "list"])["experiments"]
            .as_array()
            .unwrap()
            .len();
        assert_eq!(
            before, after,
            "runs start made a second experiment for {name:?}"
        );
        let found = env.json(&["runs", "search", &format!("--experiment-name={name}")]);
        assert_eq!(found["runs"][0]["info"]["run_id"], run.as_str(), "{name:?}");
        let exp = env.json(&["experiments", "describe", "--", name]);
        assert_eq!(exp["experiment"]["experiment_id"], id.as_str(), "{name:?}");
        assert_eq!(exp["experiment"]["name"], name);
    }
    // MLflow reads every name back as written, and what it writes mlrun reads back the same.
    let out = common::run_mlflow(
        &env.store(),
        &format!(
            "import mlflow\n\
             c = mlflow.MlflowClient()\n\
             for n in {names}:\n\
             \x20   e = c.get_experiment_by_name(n)\n\
             \x20   assert e is not None and e.name == n, (n, e and e.name)\n\
             \x20   c.create_experiment('p' + n)\n\
             print('ok')\n",
            names = py_list(&all_names())
        ),
    );
    assert_eq!(out.trim(), "ok");
    for name in all_names() {
        let pname = format!("p{name}");
        let exp = env.json(&["experiments", "describe", &pname]);
        assert_eq!(exp["experiment"]["name"], pname.as_str());
    }
    // MLflow itself writes names like `1e3` unquoted; read one it made without a prefix.
    common::run_mlflow(
        &env.store(),
        "import mlflow\nmlflow.MlflowClient().create_experiment('2e4')\n",
    );
    let exp = env.json(&["experiments", "describe", "2e4"]);
    assert_eq!(exp["experiment"]["name"], "2e4");
    // Deleted experiments are read from the trash with the same rules.
    let id = env.json(&["experiments", "describe", "1e3"])["experiment"]["experiment_id"]
        .as_str()
        .unwrap()
        .to_string();
    env.ok(&["experiments", "delete", &id]);
    let deleted = env.json(&["experiments", "list", "--view", "deleted"]);
    assert_eq!(deleted["experiments"][0]["name"], "1e3", "{deleted}");
    env.ok(&["experiments", "restore", &id]);
    assert_eq!(
        env.json(&["experiments", "describe", "1e3"])["experiment"]["experiment_id"],
        id.as_str()
    );
}

/// Attack: registered models, model versions, run names and dataset inputs named like YAML numbers
/// are misread in the registry's meta.yaml and the inputs' meta.yaml as in the experiment's.
#[test]
fn yaml_number_like_names_in_registry_runs_and_inputs() {
    let env = TestEnv::new();
    let exp = env.ok(&["experiments", "create", "e"]);
    for name in registry_names() {
        env.ok(&[
            "models",
            "create",
            &format!("--description={name}"),
            "--",
            name,
        ]);
    }
    let out = common::run_mlflow(
        &env.store(),
        &format!(
            "import mlflow\n\
             from mlflow.entities import Dataset, DatasetInput, InputTag\n\
             c = mlflow.MlflowClient()\n\
             names = {names}\n\
             for n in {models}:\n\
             \x20   m = c.get_registered_model(n)\n\
             \x20   assert m.name == n and m.description == n, (n, m.name, m.description)\n\
             \x20   c.create_model_version(n, 'file:///tmp/m', description=n)\n\
             r = c.create_run('{exp}', run_name='1e3')\n\
             c.log_inputs(r.info.run_id, datasets=[DatasetInput(Dataset(name=n, digest='d' + str(i), source_type='local', source=n), tags=[InputTag('mlflow.data.context', n)]) for i, n in enumerate(names)])\n\
             print(r.info.run_id)\n",
            names = py_list(&all_names()),
            models = py_list(&registry_names())
        ),
    );
    let run_id = out.trim();
    for name in registry_names() {
        let m = env.json(&["models", "describe", "--", name]);
        assert_eq!(m["registered_model"]["name"], name, "{m}");
        assert_eq!(m["registered_model"]["description"], name, "{m}");
        let v = env.json(&["models", "version", "--", name, "1"]);
        assert_eq!(v["model_version"]["name"], name, "{v}");
        assert_eq!(v["model_version"]["description"], name, "{v}");
    }
    let run = env.json(&["runs", "describe", run_id]);
    assert_eq!(run["run"]["info"]["run_name"], "1e3");
    let inputs = run["run"]["inputs"]["dataset_inputs"].as_array().unwrap();
    let mut got: Vec<(String, String)> = inputs
        .iter()
        .map(|i| {
            (
                i["dataset"]["name"].as_str().unwrap().to_string(),
                i["tags"][0]["value"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    let mut want: Vec<(String, String)> = all_names()
        .iter()
        .map(|n| (n.to_string(), n.to_string()))
        .collect();
    want.sort();
    assert_eq!(got, want);
}
