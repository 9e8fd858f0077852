//! Search, compare, diff and metric history driven as a user would: tables that fit or stay whole,
//! markdown and CSV, errors that point at the bad token, broken runs named and skipped.
mod common;
use common::TestEnv;
use serde_json::Value;

/// Three finished runs in experiment "exp": lr 0.1/0.01/0.001, loss histories, acc, a shared param.
fn three_runs(env: &TestEnv) -> Vec<String> {
    let mut ids = Vec::new();
    for (i, lr) in ["0.1", "0.01", "0.001"].iter().enumerate() {
        let name = format!("run-{i}");
        let run = env.ok(&["runs", "start", "--experiment-name", "exp", "--name", &name]);
        env.ok(&[
            "log-params",
            "--run-id",
            &run,
            &format!("lr={lr}"),
            "epochs=3",
        ]);
        for step in 0..4 {
            let loss = format!("{}", 1.0 / (step as f64 + 1.0) + i as f64 * 0.1);
            env.ok(&[
                "log-metric",
                "--run-id",
                &run,
                "loss",
                &loss,
                "--step",
                &step.to_string(),
            ]);
        }
        env.ok(&[
            "log-metric",
            "--run-id",
            &run,
            "acc",
            &format!("0.{}", 7 + i),
        ]);
        env.ok(&[
            "set-tag",
            "--run-id",
            &run,
            "team",
            if i == 0 { "a" } else { "b" },
        ]);
        env.ok(&["runs", "end", &run]);
        ids.push(run);
    }
    ids
}

fn ids_of(v: &Value) -> Vec<String> {
    v["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["info"]["run_id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn search_filters_orders_and_pages() {
    let env = TestEnv::new();
    let ids = three_runs(&env);
    let v = env.json(&[
        "runs",
        "search",
        "--experiment-name",
        "exp",
        "--filter",
        "metrics.acc >= 0.8 and params.epochs = '3'",
        "--order-by",
        "metrics.acc DESC",
    ]);
    assert_eq!(ids_of(&v), [ids[2].clone(), ids[1].clone()]);
    // Whole runs in MLflow's REST shape, with the latest loss (step 3) of run 2.
    let loss = v["runs"][0]["data"]["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["key"] == "loss")
        .unwrap()
        .clone();
    assert_eq!(loss["step"], 3);
    assert_eq!(loss["value"], 0.45);

    let page1 = env.json(&[
        "runs",
        "search",
        "--experiment-name",
        "exp",
        "--order-by",
        "params.lr",
        "--max-results",
        "2",
    ]);
    assert_eq!(ids_of(&page1), [ids[2].clone(), ids[1].clone()]);
    let token = page1["next_page_token"].as_str().unwrap();
    assert_eq!(token, "eyJvZmZzZXQiOiAyfQ=="); // base64 of {"offset": 2}, as MLflow writes it
    let page2 = env.json(&[
        "runs",
        "search",
        "--experiment-name",
        "exp",
        "--order-by",
        "params.lr",
        "--max-results",
        "2",
        "--page-token",
        token,
    ]);
    assert_eq!(ids_of(&page2), [ids[0].clone()]);
    assert!(page2.get("next_page_token").is_none());

    // Deleted runs only with --view.
    env.ok(&["runs", "delete", &ids[0]]);
    let active = env.json(&["runs", "search", "--experiment-name", "exp"]);
    assert_eq!(ids_of(&active).len(), 2);
    let deleted = env.json(&[
        "runs",
        "search",
        "--experiment-name",
        "exp",
        "--view",
        "deleted",
    ]);
    assert_eq!(ids_of(&deleted), [ids[0].clone()]);
}

#[test]
fn search_tables_fit_the_terminal_and_stay_whole_when_piped() {
    let env = TestEnv::new();
    let ids = three_runs(&env);
    let args = [
        "runs",
        "search",
        "--experiment-name",
        "exp",
        "--order-by",
        "params.lr DESC",
        "-c",
        "run_id,run_name,status,metrics.loss,metrics.loss:min,metrics.loss:max,params.lr,tags.team",
    ];
    // Piped with no COLUMNS: nothing is cut, ids are whole.
    let piped = env.ok(&args);
    assert!(!piped.contains('…'), "{piped}");
    assert!(piped.contains(&ids[0]));
    // Headers drop `metrics.`/`params.`/`tags.` on a terminal when the key alone is unambiguous.
    let header: Vec<&str> = piped.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(header[3..], ["loss", "loss:min", "loss:max", "lr", "team"]);
    // A narrow terminal: every line fits and cut values show an ellipsis.
    let narrow = env.cmd().env("COLUMNS", "70").args(args).output().unwrap();
    let text = String::from_utf8(narrow.stdout).unwrap();
    for line in text.lines() {
        assert!(line.chars().count() <= 70, "{line:?} is wider than 70");
    }
    assert!(text.contains('…'), "{text}");

    // CSV keeps exact values: min/max over the history, and the latest.
    let csv = env.ok(&[&["--output", "csv"][..], &args].concat());
    let mut rows = csv.lines();
    assert_eq!(
        rows.next().unwrap(),
        "run_id,run_name,status,metrics.loss,metrics.loss:min,metrics.loss:max,params.lr,tags.team"
    );
    let first: Vec<&str> = rows.next().unwrap().split(',').collect();
    assert_eq!(first[..3], [ids[0].as_str(), "run-0", "FINISHED"]);
    assert_eq!(first[3..], ["0.25", "0.25", "1.0", "0.1", "a"]);

    let md = env.ok(&[&["--output", "markdown"][..], &args].concat());
    let lines: Vec<&str> = md.lines().collect();
    assert!(lines[0].starts_with("| run_id | run_name |"), "{md}");
    assert!(lines[1].starts_with("| --- |"), "{md}");
    assert_eq!(lines.len(), 5);
}

#[test]
fn bad_filters_point_at_the_token_and_change_nothing() {
    let env = TestEnv::new();
    three_runs(&env);
    let before = env.snapshot();
    let err = env.fails(&[
        "runs",
        "search",
        "--filter",
        "metrics.acc > 0.5 OR params.lr = '0.1'",
    ]);
    assert!(
        err.contains("Invalid clause(s) in filter string: 'OR'"),
        "{err}"
    );
    // The caret sits under OR.
    let lines: Vec<&str> = err.lines().collect();
    let query_line = lines.iter().find(|l| l.contains("filter: ")).unwrap();
    let caret_line = lines
        .iter()
        .find(|l| l.trim_start().starts_with('^'))
        .unwrap();
    let col = caret_line.find('^').unwrap();
    assert_eq!(&query_line[col..col + 2], "OR");
    let err = env.fails(&["runs", "search", "--filter", "params.lr = 0.1"]);
    assert!(
        err.contains("Expected a quoted string value for param"),
        "{err}"
    );
    let err = env.fails(&["runs", "search", "--order-by", "experiment_id"]);
    assert!(
        err.contains("Invalid attribute key 'experiment_id'"),
        "{err}"
    );
    let err = env.fails(&["runs", "search", "--page-token", "not-a-token!"]);
    assert!(err.contains("Invalid page token"), "{err}");
    let err = env.fails(&["runs", "search", "--experiment-id", "424242"]);
    assert!(err.contains("424242"), "{err}");
    let out = env.run(&["runs", "search", "-c", "nonsense"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown column is a usage error"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown column 'nonsense'"), "{err}");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn a_broken_run_is_named_and_the_rest_still_answer() {
    let env = TestEnv::new();
    let ids = three_runs(&env);
    let exp = env.json(&["experiments", "describe", "exp"])["experiment"]["experiment_id"]
        .as_str()
        .unwrap()
        .to_string();
    let meta = env.store().join(&exp).join(&ids[1]).join("meta.yaml");
    std::fs::write(&meta, "run_id: [unclosed\n").unwrap();
    let out = env.run(&[
        "--output",
        "json",
        "runs",
        "search",
        "--experiment-id",
        &exp,
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(meta.to_str().unwrap()), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut got = ids_of(&v);
    got.sort();
    let mut want = vec![ids[0].clone(), ids[2].clone()];
    want.sort();
    assert_eq!(got, want);

    // An empty experiment answers with no runs, not an error.
    env.ok(&["experiments", "create", "empty"]);
    let v = env.json(&["runs", "search", "--experiment-name", "empty"]);
    assert_eq!(v["runs"].as_array().unwrap().len(), 0);
}

#[test]
fn compare_marks_the_best_and_hides_what_is_the_same() {
    let env = TestEnv::new();
    let ids = three_runs(&env);
    let mut args = vec!["--output", "json", "compare"];
    args.extend(ids.iter().map(String::as_str));
    args.extend(["--tags", "team", "--summary"]);
    let v: Value = serde_json::from_str(&env.ok(&args)).unwrap();
    let row = |key: &str| -> Value {
        v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == key)
            .unwrap_or_else(|| panic!("no row {key}: {v}"))
            .clone()
    };
    // Higher acc is better, lower loss is better.
    assert_eq!(row("metrics.acc")["best"], serde_json::json!([ids[2]]));
    assert_eq!(row("metrics.loss")["best"], serde_json::json!([ids[0]]));
    assert_eq!(row("metrics.loss:max")["values"][&ids[1]], "1.1");
    assert_eq!(row("params.epochs")["same"], true);
    assert_eq!(row("tags.team")["values"][&ids[2]], "b");

    let mut args = vec!["--color", "never", "compare", "--only-diff"];
    args.extend(ids.iter().map(String::as_str));
    let table = env.ok(&args);
    assert!(!table.contains("params.epochs"), "{table}");
    assert!(table.contains("params.lr"), "{table}");
    let acc_line = table
        .lines()
        .find(|l| l.starts_with("metrics.acc"))
        .unwrap();
    assert!(acc_line.trim_end().ends_with("0.9*"), "{acc_line}");

    let err = env.fails(&["compare", &ids[0], "0123456789abcdef0123456789abcdef"]);
    assert!(err.contains("0123456789abcdef0123456789abcdef"), "{err}");
}

#[test]
fn diff_shows_values_and_artifacts_that_changed() {
    let env = TestEnv::new();
    let ids = three_runs(&env);
    let same = env.path().join("same.txt");
    std::fs::write(&same, "identical").unwrap();
    let model_a = env.path().join("a/model.bin");
    let model_b = env.path().join("b/model.bin");
    std::fs::create_dir_all(model_a.parent().unwrap()).unwrap();
    std::fs::create_dir_all(model_b.parent().unwrap()).unwrap();
    std::fs::write(&model_a, "weights-v1").unwrap();
    std::fs::write(&model_b, "weights-version-2").unwrap();
    let only_b = env.path().join("extra.csv");
    std::fs::write(&only_b, "x\n1\n").unwrap();
    for (run, model) in [(&ids[0], &model_a), (&ids[1], &model_b)] {
        env.ok(&["artifacts", "log", "--run-id", run, same.to_str().unwrap()]);
        env.ok(&["artifacts", "log", "--run-id", run, model.to_str().unwrap()]);
    }
    env.ok(&[
        "artifacts",
        "log",
        "--run-id",
        &ids[1],
        only_b.to_str().unwrap(),
    ]);

    let v = env.json(&["diff", &ids[0], &ids[1]]);
    let changes = v["changes"].as_array().unwrap();
    let find = |kind: &str, key: &str| {
        changes
            .iter()
            .find(|c| c["kind"] == kind && c["key"] == key)
            .cloned()
    };
    assert_eq!(find("param", "lr").unwrap()["b"], "0.01");
    assert!(find("param", "epochs").is_none());
    assert_eq!(find("metric", "acc").unwrap()["note"], "+0.1");
    assert!(find("artifact", "same.txt").is_none());
    let model = find("artifact", "model.bin").unwrap();
    assert_eq!(model["note"], "+7 bytes");
    assert!(model["a"].as_str().unwrap().starts_with("10 bytes sha256:"));
    assert_eq!(find("artifact", "extra.csv").unwrap()["note"], "added");
    assert_eq!(find("tag", "team").unwrap()["a"], "a");

    let table = env.ok(&["diff", &ids[1], &ids[2], "--no-artifacts"]);
    assert!(
        table.contains("params") || table.contains("param"),
        "{table}"
    );
    assert!(!table.contains("artifact"), "{table}");
}

#[test]
fn metric_history_as_table_json_csv_and_chart() {
    let env = TestEnv::new();
    let ids = three_runs(&env);
    let v = env.json(&["metrics", "history", &ids[0], "loss"]);
    let values: Vec<f64> = v["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [1.0, 0.5, 1.0 / 3.0, 0.25]);
    let csv = env.ok(&["--output", "csv", "metrics", "history", &ids[0], "loss"]);
    assert_eq!(csv.lines().count(), 5);
    assert!(csv.starts_with("key,step,timestamp,value\n"), "{csv}");

    let both = format!("{},{}", ids[0], ids[1]);
    let chart = env
        .cmd()
        .env("COLUMNS", "60")
        .env("LINES", "16")
        .args(["metrics", "history", &both, "loss", "--plot"])
        .output()
        .unwrap();
    assert!(chart.status.success());
    let text = String::from_utf8(chart.stdout).unwrap();
    // Braille dots, a legend naming each series, and the summary with a sparkline.
    assert!(
        text.chars().any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
        "{text}"
    );
    assert!(text.contains(&format!("{} loss", &ids[0][..8])), "{text}");
    assert!(text.contains(&format!("{} loss", &ids[1][..8])), "{text}");
    assert!(
        text.lines().any(|l| l.contains('█') || l.contains('▁')),
        "{text}"
    );

    let err = env.fails(&["metrics", "history", &ids[0], "nope"]);
    assert!(err.contains("no metric 'nope'"), "{err}");
    assert!(
        err.contains("acc, loss") || err.contains("loss, acc"),
        "{err}"
    );
}

#[test]
fn experiments_search_filters_and_orders() {
    let env = TestEnv::new();
    env.ok(&["experiments", "create", "bert-base", "--tag", "team=nlp"]);
    env.ok(&["experiments", "create", "bert-large", "--tag", "team=nlp"]);
    env.ok(&["experiments", "create", "resnet", "--tag", "team=cv"]);
    let v = env.json(&[
        "experiments",
        "search",
        "--filter",
        "name LIKE 'bert%' and tags.team = 'nlp'",
        "--order-by",
        "name DESC",
    ]);
    let names: Vec<&str> = v["experiments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["bert-large", "bert-base"]);
    let err = env.fails(&[
        "experiments",
        "search",
        "--filter",
        "name = 'a' OR name = 'b'",
    ]);
    assert!(err.contains("Invalid clause(s)"), "{err}");
}
