//! `mlrun ui`'s HTTP API without a browser: search with MLflow's grammar (errors with spans),
//! paging, histories, artifacts (and every way of leaving the artifact folder refused), writes
//! only with the write header and a Host of ours; and `mlrun report`'s HTML and markdown.
mod common;
use common::http::{get, request};
use common::{ui_fixture, TestEnv, UiServer, HOSTILE};
use serde_json::Value;

/// What the pages send with a write.
const WRITE_HEADERS: [(&str, &str); 2] =
    [("X-Mlrun-Write", "1"), ("Content-Type", "application/json")];

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn api_search_pages_histories_and_errors() {
    let env = TestEnv::new();
    let f = ui_fixture(&env);
    let exp = common::ui_experiment_id(&env);
    let ui = UiServer::start(&env.store());

    let v = get(&format!("{}/api/experiments", ui.url)).json();
    let e = v["experiments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["experiment"]["name"] == "ui")
        .unwrap();
    assert_eq!(e["run_count"], 4);

    // A filter and an order, through the same grammar as `runs search`.
    let r = get(&format!(
        "{}/api/runs/search?experiment_id={exp}&filter={}&order_by={}&columns=metrics.acc,params.lr",
        ui.url,
        enc("params.model = 'cnn'"),
        enc("metrics.acc DESC")
    ));
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    let ids: Vec<&str> = v["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["run_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [f.child.as_str(), f.parent.as_str()]);
    // Only the columns asked for, plus the parent tag that nests the child.
    let child = &v["runs"][0];
    assert!(child["params"].get("model").is_none());
    assert_eq!(child["params"]["lr"], "0.01");
    assert_eq!(child["tags"]["mlflow.parentRunId"], f.parent.as_str());

    // Paging: two runs a page, tokens until the end, every run once.
    let mut seen = Vec::new();
    let mut token = String::new();
    for _ in 0..10 {
        let v = get(&format!(
            "{}/api/runs/search?experiment_id={exp}&max_results=2&columns=&page_token={}",
            ui.url,
            enc(&token)
        ))
        .json();
        seen.extend(
            v["runs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["run_id"].as_str().unwrap().to_string()),
        );
        match v["next_page_token"].as_str() {
            Some(t) => token = t.to_string(),
            None => break,
        }
    }
    seen.sort();
    let mut all = vec![f.parent, f.child, f.hostile.clone(), f.running.clone()];
    all.sort();
    assert_eq!(seen, all);

    // A bad filter: MLflow's message, the field, and the bytes at fault.
    let bad = "metrics.acc > 'x' and params.lr = 1";
    let r = get(&format!(
        "{}/api/runs/search?experiment_id={exp}&filter={}",
        ui.url,
        enc(bad)
    ));
    assert_eq!(r.status, 400);
    let err = &r.json()["error"];
    assert_eq!(err["error_code"], "INVALID_PARAMETER_VALUE");
    assert_eq!(err["field"], "filter");
    let cli = env.fails(&["runs", "search", "--experiment-id", &exp, "--filter", bad]);
    let msg = err["message"].as_str().unwrap();
    assert!(cli.contains(msg), "CLI said {cli:?}, UI said {msg:?}");
    let span = err["span"].as_array().unwrap();
    let (a, b) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&bad[a..b], "'x'");
    let r = get(&format!(
        "{}/api/runs/search?experiment_id={exp}&order_by={}",
        ui.url,
        enc("metrics.acc SIDEWAYS")
    ));
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["field"], "order_by.0");

    // Histories: each run's points as [step, timestamp, value].
    let v = get(&format!(
        "{}/api/metrics/histories?run_ids={},{}&keys=loss",
        ui.url, f.hostile, f.running
    ))
    .json();
    let series = v["series"].as_array().unwrap();
    assert_eq!(series.len(), 2);
    assert_eq!(series[0]["points"].as_array().unwrap().len(), 5);
    assert_eq!(series[1]["status"], "RUNNING");

    // The run page: latest and best per metric (loss: lower is better).
    let v = get(&format!("{}/api/runs/get?run_id={}", ui.url, f.hostile)).json();
    let loss = v["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["key"] == "loss")
        .unwrap();
    assert_eq!(loss["count"], 5);
    assert_eq!(loss["best"], loss["min"]);
    assert!((loss["latest"].as_f64().unwrap() - 0.4).abs() < 1e-9);

    // Unknown things are errors, not pages.
    assert_eq!(
        get(&format!("{}/api/runs/get?run_id=nope", ui.url)).status,
        404
    );
    assert_eq!(get(&format!("{}/api/nothing", ui.url)).status, 404);
    // One log line per request on stderr.
    let log = ui.stderr.lock().unwrap().clone();
    assert!(log.contains("GET /api/experiments 200"), "{log}");
}

#[test]
fn api_artifacts_stay_inside_the_run() {
    let env = TestEnv::new();
    let f = ui_fixture(&env);
    // A secret beside the run's folder, one level up, and at the store's root.
    std::fs::write(env.store().join("secret.txt"), "TOP SECRET").unwrap();
    let ui = UiServer::start(&env.store());
    let art = |path: &str| {
        get(&format!(
            "{}/api/artifacts/get?run_id={}&path={path}",
            ui.url, f.hostile
        ))
    };

    let ok = art("notes.txt");
    assert_eq!(ok.status, 200);
    assert!(ok.text().starts_with("plain text <script>"));
    assert_eq!(ok.header("Content-Type"), Some("text/plain; charset=utf-8"));
    assert_eq!(ok.header("X-Content-Type-Options"), Some("nosniff"));
    assert!(ok
        .header("Content-Security-Policy")
        .unwrap()
        .contains("sandbox"));
    // HTML artifacts never come back as HTML.
    assert_eq!(
        art("page.html").header("Content-Type"),
        Some("text/plain; charset=utf-8")
    );
    let png = art("sub/dot.png");
    assert_eq!(png.header("Content-Type"), Some("image/png"));
    assert_eq!(&png.body[..4], b"\x89PNG");
    let dl = get(&format!(
        "{}/api/artifacts/get?run_id={}&path=data.json&download=1",
        ui.url, f.hostile
    ));
    assert_eq!(
        dl.header("Content-Disposition"),
        Some("attachment; filename=\"data.json\"")
    );

    let store = env.store().display().to_string();
    let attempts = [
        "../meta.yaml".to_string(),
        "../../secret.txt".to_string(),
        "..%2F..%2Fsecret.txt".to_string(),
        "%2e%2e/%2e%2e/secret.txt".to_string(),
        "sub/../../meta.yaml".to_string(),
        "sub%2F..%2F..%2Fmeta.yaml".to_string(),
        "..%5C..%5Csecret.txt".to_string(),
        enc(&format!("{store}/secret.txt")),
        "%2Fetc%2Fpasswd".to_string(),
        "/etc/passwd".to_string(),
        "%252e%252e%252fsecret.txt".to_string(),
        "notes.txt%00.png".to_string(),
    ];
    for a in &attempts {
        let r = art(a);
        assert!(
            matches!(r.status, 400 | 404),
            "{a}: status {} {}",
            r.status,
            r.text()
        );
        let text = r.text();
        assert!(
            !text.contains("TOP SECRET") && !text.contains("run_id:") && !text.contains("root:"),
            "{a}: {text}"
        );
    }
    // Listing refuses the same way, and so does a run id that is a path.
    let r = get(&format!(
        "{}/api/artifacts/list?run_id={}&path=..%2F..",
        ui.url, f.hostile
    ));
    assert_eq!(r.status, 400, "{}", r.text());
    let r = get(&format!(
        "{}/api/artifacts/get?run_id=..%2F..&path=secret.txt",
        ui.url
    ));
    assert_eq!(r.status, 400, "{}", r.text());
}

#[test]
fn api_writes_need_the_header_and_our_host() {
    let env = TestEnv::new();
    let f = ui_fixture(&env);
    let ui = UiServer::start(&env.store());
    let w = |path: &str, body: Value, headers: &[(&str, &str)]| {
        common::ui_post(&ui, &format!("runs/{path}"), &body, headers)
    };
    let hdr = WRITE_HEADERS;
    let before = env.snapshot();
    // A cross-site form can't add a custom header: refused, nothing changes.
    let r = w(
        "rename",
        serde_json::json!({"run_id": f.parent, "name": "x"}),
        &[("Content-Type", "text/plain")],
    );
    assert_eq!(r.status, 403);
    // DNS rebinding: the right header on a foreign Host is refused too.
    let r = w(
        "rename",
        serde_json::json!({"run_id": f.parent, "name": "x"}),
        &[("X-Mlrun-Write", "1"), ("Host", "evil.example:80")],
    );
    assert_eq!(r.status, 403);
    let r = request(
        "GET",
        &format!("{}/api/experiments", ui.url),
        &[("Host", "evil.example")],
        b"",
    );
    assert_eq!(r.status, 403);
    assert_eq!(env.snapshot(), before, "a refused write changed the store");

    // With the header: rename, tag, untag, note, delete, restore, each through the store.
    let ok = |path: &str, body: Value| {
        let r = w(path, body, &hdr);
        assert_eq!(r.status, 200, "{path}: {}", r.text());
    };
    ok(
        "rename",
        serde_json::json!({"run_id": f.parent, "name": "renamed"}),
    );
    ok(
        "set-tag",
        serde_json::json!({"run_id": f.parent, "key": "k", "value": HOSTILE}),
    );
    ok(
        "note",
        serde_json::json!({"run_id": f.parent, "content": "a *note*"}),
    );
    let run = env.json(&["runs", "describe", &f.parent]);
    assert_eq!(run["run"]["info"]["run_name"], "renamed");
    let tags = run["run"]["data"]["tags"].as_array().unwrap();
    let tag = |k: &str| {
        tags.iter()
            .find(|t| t["key"] == k)
            .map(|t| t["value"].clone())
    };
    assert_eq!(tag("k"), Some(Value::from(HOSTILE)));
    assert_eq!(tag("mlflow.note.content"), Some(Value::from("a *note*")));
    assert_eq!(tag("mlflow.runName"), Some(Value::from("renamed")));
    ok(
        "delete-tag",
        serde_json::json!({"run_id": f.parent, "key": "k"}),
    );
    ok("delete", serde_json::json!({"run_id": f.child}));
    let run = env.json(&["runs", "describe", &f.child]);
    assert_eq!(run["run"]["info"]["lifecycle_stage"], "deleted");
    ok("restore", serde_json::json!({"run_id": f.child}));
    // Store validation comes back as an error the page can show.
    let r = w(
        "set-tag",
        serde_json::json!({"run_id": f.parent, "key": "", "value": "v"}),
        &hdr,
    );
    assert_eq!(r.status, 400);
    assert!(r.json()["error"]["message"].as_str().unwrap().len() > 5);
    // GET never writes.
    let r = get(&format!("{}/api/runs/delete?run_id={}", ui.url, f.parent));
    assert_eq!(r.status, 404);
}

#[test]
fn pages_are_embedded_and_locked_down() {
    let env = TestEnv::new();
    env.ok(&["experiments", "create", "e"]);
    let ui = UiServer::start(&env.store());
    let page = get(&format!("{}/", ui.url));
    assert_eq!(page.status, 200);
    assert!(page.text().contains("/assets/app.js"));
    let csp = page.header("Content-Security-Policy").unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline'; script"));
    let js = get(&format!("{}/assets/app.js", ui.url)).text();
    assert!(js.contains("createTextNode"));
    // Data never goes through innerHTML / outerHTML / insertAdjacentHTML / document.write.
    for bad in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!js.contains(bad), "app.js uses {bad}");
    }
    // Nothing is fetched from anywhere else.
    for asset in ["/", "/assets/app.js", "/assets/style.css"] {
        // (The SVG namespace is a name, not a request.)
        let t = get(&format!("{}{asset}", ui.url))
            .text()
            .replace("http://www.w3.org/2000/svg", "");
        assert!(
            !t.contains("https://") && !t.contains("http://"),
            "{asset} links out"
        );
    }
}

#[test]
fn chart_module_is_served_and_locked_down() {
    let env = TestEnv::new();
    env.ok(&["experiments", "create", "e"]);
    let ui = UiServer::start(&env.store());
    let r = get(&format!("{}/assets/charts.js", ui.url));
    assert_eq!(r.status, 200);
    assert!(r
        .header("Content-Type")
        .unwrap()
        .starts_with("text/javascript"));
    let js = r.text();
    assert!(js.contains("export function lineChart"));
    for bad in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!js.contains(bad), "charts.js uses {bad}");
    }
    let t = js.replace("http://www.w3.org/2000/svg", "");
    assert!(!t.contains("https://") && !t.contains("http://"));
    // app.js loads it from this server only.
    let app = get(&format!("{}/assets/app.js", ui.url)).text();
    assert!(app.contains("import('/assets/charts.js')"));
}

#[test]
fn ui_refuses_a_busy_port_and_a_bad_host() {
    let env = TestEnv::new();
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port().to_string();
    let err = env.fails(&["ui", "--port", &port]);
    assert!(err.contains("cannot listen"), "{err}");
    let out = env.run(&["ui", "--host", "example.com"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn report_html_is_self_contained_and_escaped() {
    let env = TestEnv::new();
    let f = ui_fixture(&env);
    let out = env.path().join("report.html");
    env.ok(&[
        "report",
        "--experiment-name",
        "ui",
        "--order-by",
        "metrics.acc DESC",
        "-c",
        "run_name,metrics.acc,metrics.loss:min,params.lr,params.evil",
        "--metrics",
        "loss,acc",
        "-o",
        out.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(&out).unwrap();
    // Every run in the table, best acc first (running-run has acc 0.8).
    let rows: Vec<&str> = html.split("<tr>").skip(2).collect();
    assert_eq!(rows.len(), 4);
    assert!(rows[0].contains("running-run"));
    // Two charts, one path per run with that metric.
    assert_eq!(html.matches("<svg").count(), 2);
    assert_eq!(html.matches("class=\"series\"").count(), 8);
    // Self-contained: no URL to fetch, no script or style from elsewhere.
    for bad in ["src=\"http", "href=\"http", "<link", "src=\"/", "@import"] {
        assert!(!html.contains(bad), "report has {bad}");
    }
    // Hostile values are text.
    assert!(!html.contains(HOSTILE));
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;"));
    let _ = f;

    // Markdown for a CI summary, from the same search.
    let md = env.ok(&[
        "--output",
        "markdown",
        "report",
        "--experiment-name",
        "ui",
        "--filter",
        "params.model = 'cnn'",
        "-c",
        "run_name,metrics.acc",
    ]);
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines.len(), 4, "{md}");
    assert!(lines[0].starts_with("| run_name"));
    // No file and no format: a usage error with a hint.
    let out = env.run(&["report", "--experiment-name", "ui"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("hint:"));
    // A bad filter fails as `runs search` does, pointing at the token.
    let err = env.fails(&[
        "report",
        "--experiment-name",
        "ui",
        "--filter",
        "metrics.acc >",
        "-o",
        "x.html",
    ]);
    assert!(err.contains('^'), "{err}");
}

/// The column chooser sends keys verbatim: a metric named `loss:min` is that metric (the typed
/// grammar of `runs search --columns` would read it as loss's minimum), and an `attributes.`
/// column loads nothing.
#[test]
fn api_columns_take_keys_verbatim() {
    let env = TestEnv::new();
    let f = ui_fixture(&env);
    let exp = common::ui_experiment_id(&env);
    env.ok(&["log-metric", "--run-id", &f.child, "loss:min", "0.5"]);
    let ui = UiServer::start(&env.store());
    let r = get(&format!(
        "{}/api/runs/search?experiment_id={exp}&columns={}",
        ui.url,
        enc("metrics.loss:min,attributes.status")
    ));
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    let child = v["runs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["run_id"] == f.child.as_str())
        .unwrap();
    assert_eq!(child["metrics"]["loss:min"], 0.5, "{child}");
    let r = get(&format!(
        "{}/api/runs/search?experiment_id={exp}&columns=metric.acc",
        ui.url
    ));
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(
        r.text().contains("unknown column 'metric.acc'"),
        "{}",
        r.text()
    );
}

#[test]
fn ui_stops_gracefully_then_ends_by_the_signal_as_uvicorn_does() {
    use std::os::unix::process::ExitStatusExt;
    let env = TestEnv::new();
    env.ok(&["experiments", "create", "e"]);
    for sig in [libc::SIGTERM, libc::SIGINT] {
        let mut ui = UiServer::start(&env.store());
        assert_eq!(get(&format!("{}/", ui.url)).status, 200);
        // SAFETY: kill(2) on our own child's pid, not yet reaped.
        unsafe {
            libc::kill(ui.child.id() as i32, sig);
        }
        let status = ui.child.wait().unwrap();
        assert_eq!(
            status.signal(),
            Some(sig),
            "ui ended with {status}\n{}",
            ui.stderr.lock().unwrap()
        );
    }
}

/// The registry pages page: models by name and a model's versions, highest first, a page at a
/// time with tokens until the end.
#[test]
fn api_registry_pages() {
    let env = TestEnv::new();
    let dir = env.path().join("model");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("MLmodel"), "flavors: {}\n").unwrap();
    for name in ["c", "a", "b"] {
        env.ok(&["models", "create", name]);
    }
    for _ in 0..3 {
        env.ok(&["models", "register", dir.to_str().unwrap(), "a"]);
    }
    let ui = UiServer::start(&env.store());
    let pages = |path: &str, list: &str, key: &str| -> Vec<Vec<String>> {
        let mut out = Vec::new();
        let mut token = String::new();
        for _ in 0..10 {
            let r = get(&format!(
                "{}/api/{path}max_results=2&page_token={}",
                ui.url,
                enc(&token)
            ));
            assert_eq!(r.status, 200, "{}", r.text());
            let v = r.json();
            out.push(
                v[list]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.pointer(key).unwrap().to_string())
                    .collect(),
            );
            match v["next_page_token"].as_str() {
                Some(t) => token = t.to_string(),
                None => break,
            }
        }
        out
    };
    assert_eq!(
        pages("registry/models?", "models", "/model/name"),
        [vec!["\"a\"", "\"b\""], vec!["\"c\""]]
    );
    assert_eq!(
        pages("registry/model?name=a&", "versions", "/version"),
        [vec!["\"3\"", "\"2\""], vec!["\"1\""]]
    );
}

/// A model logged by MLflow 3 (sklearn, with a signature and an input example): the run page's
/// endpoint reports its flavors, signature and example as MLflow wrote them.
#[test]
fn logged_model_details_come_from_its_mlmodel() {
    let env = TestEnv::new();
    let store = env.store();
    let out = common::run_python(
        &common::mlflow_sklearn_python(),
        &store,
        r#"
import json, mlflow, numpy as np
from sklearn.linear_model import LinearRegression
X = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 4.0]]); y = np.array([1.0, 2.0, 3.0])
mlflow.set_experiment("models")
with mlflow.start_run() as run:
    info = mlflow.sklearn.log_model(LinearRegression().fit(X, y), name="reg", input_example=X[:2])
print(json.dumps({"run_id": run.info.run_id, "model_id": info.model_id}))
"#,
    );
    let ids: Value = serde_json::from_str(out.trim().lines().last().unwrap()).unwrap();
    let ui = UiServer::start(&store);
    let model_id = ids["model_id"].as_str().unwrap();
    let r = get(&format!(
        "{}/api/logged-models/get?model_id={model_id}",
        ui.url
    ));
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["model"]["name"], "reg");
    assert_eq!(v["model"]["source_run_id"], ids["run_id"]);
    let flavors: Vec<&str> = v["flavors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert!(
        flavors.contains(&"sklearn") && flavors.contains(&"python_function"),
        "{flavors:?}"
    );
    let inputs: Value = serde_json::from_str(v["signature"]["inputs"].as_str().unwrap()).unwrap();
    assert_eq!(inputs[0]["type"], "tensor", "{inputs}");
    let example: Value =
        serde_json::from_str(v["input_example"]["text"].as_str().unwrap()).unwrap();
    assert_eq!(example, serde_json::json!([[1.0, 2.0], [2.0, 1.0]]));

    // A hostile MLmodel or model folder: an example named by a climbing path, or the example file
    // swapped for a link to a file outside. Answered, and nothing outside the model is read.
    let secret = env.path().join("secret.txt");
    std::fs::write(&secret, "TOPSECRET").unwrap();
    let mlmodel = walkdir::WalkDir::new(&store)
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_name() == "MLmodel" && e.path().to_string_lossy().contains(model_id))
        .unwrap()
        .into_path();
    let folder = mlmodel.parent().unwrap().to_path_buf();
    let text = std::fs::read_to_string(&mlmodel).unwrap();
    let name = v["input_example"]["name"].as_str().unwrap().to_string();
    let climbing = format!("../../../../../../..{}", secret.display());
    std::fs::write(&mlmodel, text.replace(&name, &climbing)).unwrap();
    let url = format!("{}/api/logged-models/get?model_id={model_id}", ui.url);
    let r = get(&url);
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.json()["input_example"].is_null(), "{}", r.text());
    assert!(!r.text().contains("TOPSECRET"));
    std::fs::write(&mlmodel, &text).unwrap();
    std::fs::remove_file(folder.join(&name)).unwrap();
    std::os::unix::fs::symlink(&secret, folder.join(&name)).unwrap();
    let r = get(&url);
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(!r.text().contains("TOPSECRET"), "{}", r.text());
    // An unknown id is the store's own not-found.
    let r = get(&format!("{}/api/logged-models/get?model_id=m-nope", ui.url));
    assert_eq!(r.status, 404, "{}", r.text());
}

/// The registry page's in-place edits: aliases, stages and tags written through the registry's
/// checked writes (only with the write header), read back by MLflow's own client.
#[test]
fn registry_edits_in_place_reach_mlflow() {
    let env = TestEnv::new();
    let model = common::model_dir(env.path(), "r");
    let model = model.to_str().unwrap();
    env.ok(&["models", "register", model, "clf"]);
    env.ok(&["models", "register", model, "clf"]);
    let ui = UiServer::start(&env.store());
    let w = |path: &str, body: Value, headers: &[(&str, &str)]| {
        common::ui_post(&ui, &format!("registry/{path}"), &body, headers)
    };
    let hdr = WRITE_HEADERS;
    let before = env.snapshot();
    let r = w(
        "set-alias",
        serde_json::json!({"name": "clf", "alias": "champion", "version": 1}),
        &[("Content-Type", "text/plain")],
    );
    assert_eq!(r.status, 403);
    assert_eq!(env.snapshot(), before, "a refused write changed the store");
    let ok = |path: &str, body: Value| {
        let r = w(path, body, &hdr);
        assert_eq!(r.status, 200, "{path}: {}", r.text());
    };
    ok(
        "set-alias",
        serde_json::json!({"name": "clf", "alias": "champion", "version": 1}),
    );
    ok(
        "set-alias",
        serde_json::json!({"name": "clf", "alias": "old", "version": "2"}),
    );
    ok(
        "delete-alias",
        serde_json::json!({"name": "clf", "alias": "old"}),
    );
    ok(
        "transition",
        serde_json::json!({"name": "clf", "version": 2, "stage": "Production"}),
    );
    ok(
        "set-version-tag",
        serde_json::json!({"name": "clf", "version": 2, "key": "validated", "value": "yes"}),
    );
    ok(
        "set-version-tag",
        serde_json::json!({"name": "clf", "version": 2, "key": "gone", "value": "x"}),
    );
    ok(
        "delete-version-tag",
        serde_json::json!({"name": "clf", "version": 2, "key": "gone"}),
    );
    ok(
        "set-model-tag",
        serde_json::json!({"name": "clf", "key": "team", "value": HOSTILE}),
    );
    // MLflow's own checks, as MLflow words them: a reserved alias, a version that is not one.
    let r = w(
        "set-alias",
        serde_json::json!({"name": "clf", "alias": "latest", "version": 1}),
        &hdr,
    );
    assert_eq!(r.status, 400, "{}", r.text());
    let r = w(
        "transition",
        serde_json::json!({"name": "clf", "version": 9, "stage": "Staging"}),
        &hdr,
    );
    assert_eq!(r.status, 404, "{}", r.text());
    let out = common::run_python(
        &common::mlflow_python(),
        &env.store(),
        r#"
import json
from mlflow import MlflowClient
c = MlflowClient()
v1 = c.get_model_version_by_alias("clf", "champion")
v2 = c.get_model_version("clf", "2")
m = c.get_registered_model("clf")
print(json.dumps({"champion": str(v1.version), "stage": v2.current_stage, "tags": v2.tags,
                  "aliases": {k: str(v) for k, v in m.aliases.items()}, "model_tags": m.tags}))
"#,
    );
    let v: Value = serde_json::from_str(out.trim().lines().last().unwrap()).unwrap();
    assert_eq!(v["champion"], "1");
    assert_eq!(v["stage"], "Production");
    assert_eq!(v["tags"], serde_json::json!({"validated": "yes"}));
    assert_eq!(v["aliases"], serde_json::json!({"champion": "1"}));
    assert_eq!(v["model_tags"], serde_json::json!({"team": HOSTILE}));
}
