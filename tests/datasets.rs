//! `mlrun log-input` against `mlflow.log_input` on a folder and on a SQLite database: the dataset
//! mlrun records for a source equals the one MLflow records for the same source (name, digest,
//! source type, source, schema, profile, context), read back by MLflow's client.
mod common;

use common::*;
use std::process::Command;

/// MLflow logs `MetaDataset`s of the same sources into a run of its own and prints, for a run id
/// given, its dataset inputs as MLflow's client reads them.
const READ: &str = r#"
import json, os, sys
import mlflow
from mlflow import MlflowClient
from mlflow.data.meta_dataset import MetaDataset
from mlflow.data.sources import LocalArtifactDatasetSource
from mlflow.data.http_dataset_source import HTTPDatasetSource
from mlflow.types import Schema, ColSpec
uri = os.environ["URI"]
mlflow.set_tracking_uri(uri)
with mlflow.start_run(experiment_id="0") as r:
    mlflow.log_input(MetaDataset(LocalArtifactDatasetSource("data/train.csv"), name="train"), context="training")
    mlflow.log_input(MetaDataset(HTTPDatasetSource("https://example.com/é.csv"), name="eval",
                     schema=Schema([ColSpec("double", "x"), ColSpec("string", "y")])), context="validation")
def inputs(run_id):
    run = MlflowClient(tracking_uri=uri).get_run(run_id)
    return sorted([i.dataset.name, i.dataset.digest, i.dataset.source_type, i.dataset.source,
                   i.dataset.schema, {t.key: t.value for t in i.tags}] for i in run.inputs.dataset_inputs)
print(json.dumps([inputs(r.info.run_id), inputs(sys.argv[1])]))
"#;

#[test]
fn log_input_records_what_mlflow_log_input_records() {
    let env = TestEnv::new();
    let schema = env.path().join("schema.json");
    std::fs::write(
        &schema,
        r#"{"mlflow_colspec": [{"type": "double", "name": "x", "required": true}, {"type": "string", "name": "y", "required": true}]}"#,
    )
    .unwrap();
    let sqlite = format!("sqlite:///{}", env.path().join("mlflow.db").display());
    let folder = format!("file://{}", env.store().display());
    for uri in [folder, sqlite] {
        let run = env.ok_at(&uri, &["runs", "start"]);
        let run = run.trim();
        env.ok_at(
            &uri,
            &[
                "log-input",
                "--run-id",
                run,
                "--name",
                "train",
                "--source",
                "data/train.csv",
                "--context",
                "training",
            ],
        );
        env.ok_at(
            &uri,
            &[
                "log-input",
                "--run-id",
                run,
                "--name",
                "eval",
                "--source",
                "https://example.com/é.csv",
                "--context",
                "validation",
                "--schema",
                schema.to_str().unwrap(),
            ],
        );
        // Logged twice, it is one input (MLflow keeps one per dataset and run).
        env.ok_at(
            &uri,
            &[
                "log-input",
                "--run-id",
                run,
                "--name",
                "train",
                "--source",
                "data/train.csv",
                "--context",
                "training",
            ],
        );
        let out = Command::new(mlflow_python())
            .args(["-c", READ, run])
            .env("URI", &uri)
            .env("MLFLOW_ALLOW_FILE_STORE", "true")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{uri}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let both: serde_json::Value =
            serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().last().unwrap())
                .unwrap();
        assert_eq!(both[0].as_array().unwrap().len(), 2, "{uri}: {both}");
        assert_eq!(both[0], both[1], "{uri}");
    }
    // A run that does not exist, or a schema that is not JSON: refused, named.
    let err = env.fails(&[
        "log-input",
        "--run-id",
        "0123456789abcdef0123456789abcdef",
        "--name",
        "x",
        "--source",
        "x.csv",
    ]);
    assert!(err.contains("0123456789abcdef0123456789abcdef"), "{err}");
    std::fs::write(&schema, "{nope").unwrap();
    let run = env.ok(&["runs", "start"]);
    let err = env.fails(&[
        "log-input",
        "--run-id",
        run.trim(),
        "--name",
        "x",
        "--source",
        "x.csv",
        "--schema",
        schema.to_str().unwrap(),
    ]);
    assert!(
        err.contains("schema.json") && err.contains("not JSON"),
        "{err}"
    );
}

/// MLflow logs two runs of one experiment, each with a pandas dataset (same name, other rows, so
/// another digest) and a source commit, and registers the second run's model.
const LINEAGE: &str = r#"
import json, mlflow, pandas as pd
from mlflow import MlflowClient
mlflow.set_experiment("lineage")
out = {}
for i in (1, 2):
    with mlflow.start_run() as r:
        df = pd.DataFrame({"x": [1, 2, i], "y": [0.5, 1.5, 2.5]})
        mlflow.log_input(mlflow.data.from_pandas(df, source="data/train.csv", name="train"), context="training")
        mlflow.set_tag("mlflow.source.git.commit", "abc123" + str(i))
        out["run%d" % i] = r.info.run_id
        out["uri%d" % i] = r.info.artifact_uri
c = MlflowClient()
c.create_registered_model("m")
c.create_model_version("m", out["uri2"] + "/model", run_id=out["run2"])
for i in (1, 2):
    out["digest%d" % i] = c.get_run(out["run%d" % i]).inputs.dataset_inputs[0].dataset.digest
print(json.dumps(out))
"#;

#[test]
fn datasets_shown_by_describe_diff_compare_report_search_and_model_lineage() {
    let env = TestEnv::new();
    let sqlite = format!("sqlite:///{}", env.path().join("mlflow.db").display());
    let folder = format!("file://{}", env.store().display());
    for uri in [folder, sqlite] {
        let out = run_python_at(&mlflow_python(), &uri, LINEAGE);
        let ids: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
        let s = |k: &str| ids[k].as_str().unwrap().to_string();
        let (run1, run2, d1, d2) = (s("run1"), s("run2"), s("digest1"), s("digest2"));
        assert_ne!(d1, d2, "{uri}");

        let table = env.ok_at(&uri, &["runs", "describe", &run2]);
        let row = table
            .lines()
            .find(|l| l.starts_with("dataset"))
            .unwrap_or_else(|| panic!("{uri}: no dataset row in\n{table}"));
        for want in ["train", d2.as_str(), "context training", "data/train.csv"] {
            assert!(row.contains(want), "{uri}: {want} not in {row}");
        }

        let diff = env.json_at(&uri, &["diff", &run1, &run2, "--no-artifacts"]);
        let change = diff["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["kind"] == "dataset")
            .unwrap_or_else(|| panic!("{uri}: {diff}"))
            .clone();
        assert_eq!(change["key"], "train (training)", "{uri}");
        assert!(
            change["a"].as_str().unwrap().contains(&d1),
            "{uri}: {change}"
        );
        assert!(
            change["b"].as_str().unwrap().contains(&d2),
            "{uri}: {change}"
        );

        let cmp = env.json_at(&uri, &["compare", &run1, &run2]);
        let row = cmp["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == "dataset.train")
            .unwrap_or_else(|| panic!("{uri}: {cmp}"))
            .clone();
        assert_eq!(row["same"], false);
        assert!(row["values"][&run1].as_str().unwrap().contains(&d1));
        assert!(row["values"][&run2].as_str().unwrap().contains(&d2));

        let html = env.path().join("report.html");
        env.ok_at(
            &uri,
            &[
                "report",
                "--experiment-name",
                "lineage",
                "-o",
                html.to_str().unwrap(),
            ],
        );
        let html = std::fs::read_to_string(&html).unwrap();
        assert!(html.contains(&d1) && html.contains(&d2) && html.contains("datasets"));

        for (filter, want) in [
            (format!("dataset.digest = '{d2}'"), vec![run2.clone()]),
            (
                "dataset.name = 'train' and dataset.context = 'training'".to_string(),
                vec![run1.clone(), run2.clone()],
            ),
            ("dataset.name = 'eval'".to_string(), vec![]),
        ] {
            let found = env.json_at(
                &uri,
                &[
                    "runs",
                    "search",
                    "--experiment-name",
                    "lineage",
                    "--filter",
                    &filter,
                ],
            );
            let mut got: Vec<String> = found["runs"]
                .as_array()
                .map(|rs| {
                    rs.iter()
                        .map(|r| r["info"]["run_id"].as_str().unwrap().to_string())
                        .collect()
                })
                .unwrap_or_default();
            got.sort();
            let mut want = want;
            want.sort();
            assert_eq!(got, want, "{uri}: {filter}");
        }

        // Lineage: the registered version names its run, commit and datasets.
        let v = env.json_at(&uri, &["models", "version", "m", "1"]);
        let l = &v["lineage"];
        assert_eq!(l["run_id"], run2.as_str(), "{uri}: {v}");
        assert_eq!(l["source_commit"], "abc1232");
        assert_eq!(l["dataset_inputs"][0]["dataset"]["digest"], d2.as_str());
        assert_eq!(v["model_version"]["version"], "1");
        let d = env.json_at(&uri, &["models", "describe", "m"]);
        assert_eq!(d["lineage"]["1"]["source_commit"], "abc1232", "{uri}: {d}");
        let t = env.ok_at(&uri, &["models", "version", "m", "1"]);
        assert!(
            t.contains("abc1232") && t.contains(&d2) && t.contains(&run2),
            "{t}"
        );
        let t = env.ok_at(&uri, &["models", "describe", "m"]);
        assert!(
            t.contains("version 1 source commit") && t.contains(&d2),
            "{t}"
        );
    }
}

/// CSV files made here, each logged by MLflow (`from_pandas(pd.read_csv(path), source=path)`)
/// into a run of its own and by `mlrun log-input --source path` into another: the two runs'
/// inputs must be equal field by field.
fn csv_cases() -> Vec<(&'static str, String)> {
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let words = ["alpha", "béta", "日本", "x,y", "quote\"d", "", "NA", "-0"];
    let mut mixed = String::from("id,score,label,maybe,flag,ratio,note\n");
    for i in 0..40 {
        let r = next();
        let score = match r % 7 {
            0 => String::new(),
            1 => "-0.0".into(),
            2 => "inf".into(),
            3 => format!("{:e}", (r % 100_000) as f64 / 7.0),
            _ => format!("{}", (r % 10_000) as f64 / 1000.0),
        };
        let label = ["alpha", "béta", "日本", "x y"][(r % 4) as usize];
        let maybe = words[(r >> 8) as usize % words.len()];
        let maybe = if maybe.contains([',', '"']) {
            format!("\"{}\"", maybe.replace('"', "\"\""))
        } else {
            maybe.to_string()
        };
        let flag = ["True", "false", "TRUE", "False"][(r >> 16) as usize % 4];
        let ratio = if i % 9 == 4 {
            String::new()
        } else {
            format!("{}", r % 50)
        };
        mixed.push_str(&format!(
            "{},{score},{label},{maybe},{flag},{ratio},{}\n",
            i as i64 - 20,
            if i % 2 == 0 {
                "\"multi\nline\""
            } else {
                " spaced "
            }
        ));
    }
    // Past MLflow's 10,000 hashed rows: a string column with a missing value only at the end, a
    // float column with long decimals.
    let mut big = String::from("n,x,s,late_na\n");
    for i in 0..12_345 {
        let r = next();
        let x = f64::from_bits((r >> 12) | 0x3FF0_0000_0000_0000) - 1.0;
        big.push_str(&format!(
            "{i},{x:?},s{},{}\n",
            r % 1000,
            if i == 12_000 { "" } else { "v" }
        ));
    }
    vec![
        ("mixed.csv", mixed),
        ("big.csv", big),
        // Numbers only (their columns hashed in file order), strings only.
        ("numbers.csv", "b,a\n1,0.5\n2,\n3,NaN\n".into()),
        ("strings.csv", "z,y\nq,w\né,ü\n".into()),
        // BOM, CRLF, a blank line, a short row, an unnamed column, bools with gaps, all empty.
        (
            "odd.csv",
            "\u{feff}k,,flag,empty\r\n1,2,True,\r\n   \r\n3,4,,\r\n5\r\n".into(),
        ),
    ]
}

/// Logs each file with `mlrun log-input --source PATH` (named by its file name) into `run`, and
/// with `mlflow.log_input(mlflow.data.from_pandas(READ(path), source=path))` into a run of
/// MLflow's own: the two runs' inputs, read by MLflow's client, must be equal field by field.
fn assert_logged_as_mlflow_logs(env: &TestEnv, run: &str, paths: &[String], read: &str) {
    for p in paths {
        let name = p.rsplit('/').next().unwrap();
        env.ok(&[
            "log-input",
            "--run-id",
            run,
            "--name",
            name,
            "--source",
            p,
            "--context",
            "training",
        ]);
    }
    let script = format!(
        r#"
import json, sys, warnings
warnings.filterwarnings("ignore")
import mlflow, pandas as pd
from mlflow import MlflowClient
with mlflow.start_run(experiment_id="0") as r:
    for p in {paths:?}:
        mlflow.log_input(mlflow.data.from_pandas({read}(p), source=p, name=p.rsplit("/", 1)[1]), context="training")
def inputs(run_id):
    run = MlflowClient().get_run(run_id)
    return sorted([i.dataset.name, i.dataset.digest, i.dataset.source_type, i.dataset.source,
                   i.dataset.schema, i.dataset.profile, {{t.key: t.value for t in i.tags}}]
                  for i in run.inputs.dataset_inputs)
print(json.dumps([inputs(r.info.run_id), inputs({run:?})]))
"#
    );
    let folder = format!("file://{}", env.store().display());
    let out = run_python_at(&mlflow_python(), &folder, &script);
    let both: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    let (theirs, ours) = (both[0].as_array().unwrap(), both[1].as_array().unwrap());
    assert_eq!(theirs.len(), paths.len(), "{both}");
    assert_eq!(ours.len(), paths.len(), "{both}");
    for (t, o) in theirs.iter().zip(ours) {
        assert_eq!(t, o, "MLflow's record, then mlrun's");
    }
}

/// How many dataset inputs `run` has, as `mlrun runs describe` shows them.
fn inputs_logged(env: &TestEnv, run: &str) -> usize {
    let logged = env.json(&["runs", "describe", run]);
    logged["run"]["inputs"]["dataset_inputs"]
        .as_array()
        .map_or(0, Vec::len)
}

/// `mlrun log-input --source PATH` that fails: its stderr.
fn log_input_refused(env: &TestEnv, run: &str, path: &str) -> String {
    env.fails(&[
        "log-input",
        "--run-id",
        run,
        "--name",
        "bad",
        "--source",
        path,
    ])
}

#[test]
fn log_input_of_a_csv_file_records_what_mlflow_from_pandas_records() {
    let env = TestEnv::new();
    let run = env.ok(&["runs", "start"]);
    let run = run.trim();
    let mut paths = Vec::new();
    for (name, text) in csv_cases() {
        let path = env.path().join(name);
        std::fs::write(&path, text).unwrap();
        paths.push(path.to_str().unwrap().to_string());
    }
    assert_logged_as_mlflow_logs(&env, run, &paths, "pd.read_csv");

    // What cannot be matched is refused, naming the column or line; nothing is logged.
    for (text, want) in [
        ("a,b\n1,99999999999999999999\n", "column 'b'"),
        ("a,a\n1,2\n", "column 'a'"),
        ("a,b\n1,2,3\n", "line 2"),
        ("a,b\n", "no rows"),
    ] {
        let path = env.path().join("bad.csv");
        std::fs::write(&path, text).unwrap();
        let err = log_input_refused(&env, run, path.to_str().unwrap());
        assert!(
            err.contains("bad.csv") && err.contains(want),
            "{text:?}: {err}"
        );
    }
    assert_eq!(inputs_logged(&env, run), 5);
}

/// Sixty small CSV files drawn at random from cells pandas reads in different ways (signs, spaces,
/// exponents, infinities, NA spellings, bools in any case, unicode, quoted commas and newlines,
/// int64's limits): for each one mlrun logs, digest, schema and profile equal MLflow's; a file it
/// refuses is named.
const FUZZ: &str = r##"
import glob, json, os, random, sys, warnings
warnings.filterwarnings("ignore")
import mlflow, pandas as pd
from mlflow import MlflowClient
out_dir = sys.argv[1]
if sys.argv[2] == "write":
    random.seed(7)
    vals = ["1", "-2", "+3", " 5 ", "0", "1.5", "-0.0", "1e5", "1E-3", ".5", "5.", "inf", "-Infinity",
            "NaN", "nan", "NA", "N/A", "", "null", "None", "True", "false", "TRUE", "tRuE", "x", "é",
            "日本", "a b", '"q,c"', '"multi\nline"', "9223372036854775807", "-9223372036854775808",
            "0x1", "1_0", "NAN", "1e", "#N/A", "<NA>", " ", "-nan", "00012", "1.7976931348623157e308"]
    for f in range(60):
        ncol = random.randint(1, 5)
        names = ["c%d%s" % (i, random.choice(["", "é", "_z"])) for i in range(ncol)]
        random.shuffle(names)
        pools = [random.sample(vals, random.randint(1, 4)) for _ in range(ncol)]
        rows = [",".join(random.choice(p) for p in pools) for _ in range(random.randint(1, 30))]
        open(os.path.join(out_dir, "f%02d.csv" % f), "w").write("\n".join([",".join(names)] + rows) + "\n")
    sys.exit(0)
ours = {i.dataset.name: i.dataset for i in MlflowClient().get_run(sys.argv[2]).inputs.dataset_inputs}
bad = []
for p in sorted(glob.glob(os.path.join(out_dir, "f*.csv"))):
    n, o = os.path.basename(p), ours.get(os.path.basename(p))
    if o is None:
        continue
    d = mlflow.data.from_pandas(pd.read_csv(p), source=p, name=n).to_dict()
    if (o.digest, o.schema, o.profile) != (d["digest"], d["schema"], d["profile"]):
        bad.append([n, o.digest, d["digest"], o.schema, d["schema"], o.profile, d["profile"]])
print(json.dumps({"checked": len(ours), "bad": bad}))
"##;

#[test]
fn random_csv_files_get_mlflow_digests_or_are_refused() {
    let env = TestEnv::new();
    let folder = format!("file://{}", env.store().display());
    let dir = env.path().join("csv");
    std::fs::create_dir_all(&dir).unwrap();
    let python = mlflow_python();
    let write = Command::new(&python)
        .args(["-c", FUZZ])
        .arg(&dir)
        .arg("write")
        .status()
        .unwrap();
    assert!(write.success());
    let run = env.ok(&["runs", "start"]);
    let run = run.trim();
    let mut refused = Vec::new();
    for i in 0..60 {
        let path = dir.join(format!("f{i:02}.csv"));
        let name = format!("f{i:02}.csv");
        let out = env.run(&[
            "log-input",
            "--run-id",
            run,
            "--name",
            &name,
            "--source",
            path.to_str().unwrap(),
        ]);
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr).into_owned();
            assert!(err.contains(&name), "{err}");
            refused.push(err);
        }
    }
    assert!(refused.len() <= 6, "{refused:?}");
    let out = run_python_at(
        &python,
        &folder,
        &format!("import sys; sys.argv = ['', {:?}, {run:?}]\n{FUZZ}", dir),
    );
    let v: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    assert_eq!(v["checked"], 60 - refused.len(), "{v}");
    assert_eq!(v["bad"], serde_json::json!([]), "{v}");
}

/// pyarrow writes Parquet files here: ints, ints with nulls, floats with NaN and nulls, float32,
/// strings with unicode and nulls, bools (with nulls too), past 10,000 rows in several row
/// groups, snappy and uncompressed, one from a pandas frame (its metadata restores a RangeIndex
/// from 5), one with no extension; then files with a column mlrun refuses.
const PARQUET: &str = r#"
import sys, random
import pyarrow as pa, pyarrow.parquet as pq, pandas as pd
d = sys.argv[1]
random.seed(3)
n = 12_345
words = ["alpha", "béta", "日本", "", "x y", "NA"]
def maybe(v, i, k):
    return None if i % k == 0 else v
t = pa.table({
    "id": pa.array(range(-50, n - 50), pa.int64()),
    "small": pa.array([random.randint(-2**31, 2**31 - 1) for _ in range(n)], pa.int32()),
    "tiny": pa.array([random.randint(-128, 127) for _ in range(n)], pa.int8()),
    "u16": pa.array([random.randint(0, 65535) for _ in range(n)], pa.uint16()),
    "gaps": pa.array([maybe(random.randint(-10**15, 10**15), i, 7) for i in range(n)], pa.int64()),
    "x": pa.array([float("nan") if i % 11 == 0 else maybe(random.uniform(-1e6, 1e6), i, 13) for i in range(n)], pa.float64()),
    "neg0": pa.array([-0.0 if i % 2 else random.random() for i in range(n)], pa.float64()),
    "f32": pa.array([random.uniform(-5, 5) for _ in range(n)], pa.float32()),
    "label": pa.array([random.choice(words) for _ in range(n)], pa.string()),
    "note": pa.array([maybe(random.choice(words), i, 17) for i in range(n)], pa.large_string()),
    "flag": pa.array([random.random() < 0.5 for _ in range(n)]),
    "flag_na": pa.array([maybe(random.random() < 0.5, i, 5) for i in range(n)]),
})
pq.write_table(t, d + "/snappy.parquet", row_group_size=3000, compression="snappy")
pq.write_table(t, d + "/plain.parquet", row_group_size=4000, compression="none")
df = pd.DataFrame({"b": [3, 1, 2, 9, 9, 9, 7], "a": ["é", "q", "z", "w", "日本", "", "k"], "c": [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.0]})
df.iloc[5:].to_parquet(d + "/frame.parquet")
pq.write_table(pa.table({"z": ["q", "é"], "y": ["w", "ü"]}), d + "/strings.bin")
pq.write_table(pa.table({
    "f32": pa.array([float("nan"), None, -0.0, 1.25, -3.5e38], pa.float32()),
    "u8": pa.array([0, 255, 7, 8, 9], pa.uint8()),
    "u32": pa.array([0, 2**32 - 1, 7, 8, 9], pa.uint32()),
    "i16n": pa.array([-1, None, 300, -32768, 5], pa.int16()),
    "i32n": pa.array([-1, 2, None, 2**31 - 1, 5], pa.int32()),
    "view": pa.array(["a", "ü", "日本", "", "z"], pa.string_view()),
}), d + "/extra.parquet", compression="snappy")
pq.write_table(pa.table({"t": [True, False], "u": [None, True]}), d + "/bools.parquet")
pq.write_table(pa.table({"ok": [1, 2], "when": pa.array([1, 2], pa.timestamp("ms"))}), d + "/bad_when.parquet")
pq.write_table(pa.table({"cat": pa.array(["a", "b", "a"]).dictionary_encode()}), d + "/bad_cat.parquet")
pq.write_table(pa.table({"dec": pa.array([1, 2], pa.decimal128(5, 2))}), d + "/bad_dec.parquet")
pd.DataFrame({"n": pd.array([1, None], dtype="Int64")}).to_parquet(d + "/bad_n.parquet")
"#;

#[test]
fn log_input_of_a_parquet_file_records_what_mlflow_from_pandas_records() {
    let env = TestEnv::new();
    let dir = env.path().join("pq");
    std::fs::create_dir_all(&dir).unwrap();
    let python = mlflow_python();
    let write = Command::new(&python)
        .args(["-c", PARQUET])
        .arg(&dir)
        .status()
        .unwrap();
    assert!(write.success());
    let run = env.ok(&["runs", "start"]);
    let run = run.trim();
    let paths: Vec<String> = [
        "snappy.parquet",
        "plain.parquet",
        "frame.parquet",
        "strings.bin",
        "extra.parquet",
        "bools.parquet",
    ]
    .iter()
    .map(|name| dir.join(name).to_str().unwrap().to_string())
    .collect();
    assert_logged_as_mlflow_logs(&env, run, &paths, "pd.read_parquet");

    // A column whose pandas dtype is not matched is refused by name; nothing is logged.
    for (name, column) in [
        ("bad_when.parquet", "column 'when'"),
        ("bad_cat.parquet", "column 'cat'"),
        ("bad_dec.parquet", "column 'dec'"),
        ("bad_n.parquet", "column 'n'"),
    ] {
        let err = log_input_refused(&env, run, dir.join(name).to_str().unwrap());
        assert!(err.contains(name) && err.contains(column), "{name}: {err}");
    }
    // Damaged files (cut short, footer overwritten, a page's bytes flipped): refused with the
    // file named, never a panic, nothing logged.
    let good = std::fs::read(dir.join("snappy.parquet")).unwrap();
    let mut flipped = good.clone();
    for b in flipped[8..good.len() / 2].iter_mut().step_by(7) {
        *b ^= 0x5a;
    }
    let mut footer = good.clone();
    let n = footer.len();
    footer[n - 8..n - 4].copy_from_slice(&u32::MAX.to_le_bytes());
    for (name, bytes) in [
        ("cut.parquet", good[..good.len() / 2].to_vec()),
        ("magic-only.parquet", b"PAR1".to_vec()),
        ("footer.parquet", footer),
        ("flipped.parquet", flipped),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = env
            .cmd()
            .args(["log-input", "--run-id", run, "--name", "bad", "--source"])
            .arg(&path)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(
            err.contains(name) && !err.contains("panicked"),
            "{name}: {err}"
        );
    }
    assert_eq!(inputs_logged(&env, run), 6);
}
