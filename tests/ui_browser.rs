//! `mlrun ui` in a real browser: Debian's headless Chromium driven over WebDriver (chromedriver's
//! HTTP API, through the small client in `common::http`). Each test opens pages of a store, acts as
//! a user would (types a filter, clicks a header, ticks runs) and reads the DOM back; screenshots
//! are kept under target/ui-screenshots/. Chromium comes from `.ci/run` (apt); without it these
//! tests fail with a hint rather than pass silently.
mod common;
use common::http::request;
use common::{gen_store, ui_fixture, TestEnv, UiServer, HOSTILE};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// A fresh machine has no browser: as root, install Debian's (once per test binary, since the tests
/// run in parallel and apt takes one lock); `.ci/run` does the same before `cargo test`.
fn ensure_chromium() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let present = Path::new(CHROMEDRIVER).exists() && Path::new(CHROMIUM).exists();
        // SAFETY: geteuid has no preconditions and cannot fail.
        if !present && unsafe { libc::geteuid() } == 0 {
            let _ = Command::new("sh")
                .arg("-c")
                .arg("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null")
                .status();
        }
    });
}

/// The browser tests run one at a time: two Chromiums at once starve a 2-core machine, and a port
/// picked by binding 0 and releasing it for chromedriver can be taken meanwhile by the other test's
/// UI server, so the WebDriver calls would reach mlrun instead.
static ONE_BROWSER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Held for a whole browser test, from before its UI server binds a port.
fn one_browser_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_BROWSER.lock().unwrap_or_else(|e| e.into_inner())
}

struct Browser {
    driver: Child,
    base: String,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start() -> Self {
        ensure_chromium();
        assert!(
            Path::new(CHROMEDRIVER).exists() && Path::new(CHROMIUM).exists(),
            "headless Chromium is needed: apt-get install -y chromium chromium-driver (.ci/run does)"
        );
        // A free port: bind 0, read it, release it for chromedriver.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", driver_log(port).display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        // Wait until it answers (bounded; a timeout here is a failure, not a measurement).
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                         "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync",
                         "--disable-dev-shm-usage", "--window-size=1400,1000",
                         format!("--user-data-dir={}", profile.path().display())],
            }
        }}});
        let v = wd(&base, "POST", "/session", Some(caps));
        let session = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        Browser {
            driver,
            base,
            session,
            _profile: profile,
        }
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        wd(
            &self.base,
            method,
            &format!("/session/{}{path}", self.session),
            body,
        )
    }

    fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    fn js(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// Polls a JS expression until it is truthy (bounded wait; panics with `what` if never).
    fn wait(&self, what: &str, expr: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let v = self.js(&format!("return ({expr});"));
            if !(v.is_null() || v == false || v == 0 || v == "") {
                return v;
            }
            if Instant::now() > deadline {
                self.screenshot(&format!("FAILED-{}", what.replace(' ', "-")));
                panic!("timed out waiting for {what}: {expr}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The page's render counter; `wait_render(n)` waits until a render after that one is done.
    fn renders(&self) -> String {
        self.js("return document.body.dataset.ready || ''")
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    fn wait_render(&self, what: &str, before: &str) {
        self.wait(
            what,
            &format!("document.body.dataset.ready && document.body.dataset.ready !== '{before}'"),
        );
    }

    fn find(&self, css: &str) -> String {
        let v = self.cmd(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}: {v}"))
            .to_string()
    }

    fn click(&self, css: &str) {
        let id = self.find(css);
        self.cmd("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.cmd("POST", &format!("/element/{id}/clear"), Some(json!({})));
        self.cmd(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    /// An open alert's text, if any (a hostile value that ran would open one).
    fn alert(&self) -> Option<String> {
        let v = self.cmd("GET", "/alert/text", None);
        v.as_str().map(String::from)
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        let v = self.cmd("GET", "/screenshot", None);
        let png = base64_decode(v.as_str().unwrap_or(""));
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ui-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = request(
            "DELETE",
            &format!("{}/session/{}", self.base, self.session),
            &[],
            b"",
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Where chromedriver on `port` logs (read back when it drops a connection).
fn driver_log(port: u16) -> PathBuf {
    std::env::temp_dir().join(format!("mlrun-chromedriver-{port}.log"))
}

/// One WebDriver call; returns `value` (errors come back as a value with `error`). A connection
/// chromedriver drops without an answer is tried once more (seen only under a fully loaded
/// machine); a second drop fails with the end of chromedriver's log.
fn wd(base: &str, method: &str, path: &str, body: Option<Value>) -> Value {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let send = || {
        std::panic::catch_unwind(|| {
            request(
                method,
                &format!("{base}{path}"),
                &[("Content-Type", "application/json")],
                body.as_bytes(),
            )
        })
    };
    let r = match send() {
        Ok(r) => r,
        Err(_) => {
            std::thread::sleep(Duration::from_secs(1));
            send().unwrap_or_else(|_| {
                let port: u16 = base
                    .rsplit(':')
                    .next()
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(0);
                let log = std::fs::read_to_string(driver_log(port)).unwrap_or_default();
                let tail: String = log
                    .lines()
                    .rev()
                    .take(30)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<Vec<_>>()
                    .join("\n");
                panic!("chromedriver dropped {method} {path} twice; its log ends:\n{tail}")
            })
        }
    };
    let v: Value = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
    v.get("value").cloned().unwrap_or(v)
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = s.bytes().filter_map(val).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for ch in digits.chunks(4) {
        let n = ch
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | (u32::from(d) << (18 - 6 * i)));
        for i in 0..ch.len().saturating_sub(1) {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

const EXP: &str = "100000000000000001";

#[test]
fn browser_runs_table_filter_sort_chart_compare() {
    let _one = one_browser_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("mlruns");
    gen_store(&store, 250);
    let ui = UiServer::start(&store);
    let b = Browser::start();

    // Experiments: the bench experiment with its run count.
    b.goto(&format!("{}/", ui.url));
    b.wait(
        "experiments",
        "document.querySelectorAll('#experiments tbody tr').length >= 2",
    );
    let count = b.js("return Array.from(document.querySelectorAll('#experiments tbody tr')).find(r => r.cells[0].textContent === 'bench').cells[2].textContent");
    assert_eq!(count, "250");
    b.screenshot("experiments");

    // The runs table: the first page only (100 of 250), with the default metric columns.
    b.click(&format!("#experiments a[href='#/exp/{EXP}']"));
    b.wait(
        "runs table",
        "document.querySelectorAll('#runs tbody tr').length",
    );
    assert_eq!(
        b.js("return document.querySelectorAll('#runs tbody tr').length"),
        100
    );
    assert_eq!(
        b.js("return !document.querySelector('#next').disabled"),
        true
    );
    assert_eq!(
        b.js("return document.querySelectorAll('#runs td[data-col=\"metrics.m0\"]').length"),
        100
    );
    b.screenshot("runs-table");

    // Paging: the second page holds other runs, and loads with only the chosen columns.
    let first = b.js("return document.querySelector('#runs tbody tr').dataset.run");
    b.click("#next");
    b.wait("page 2", &format!("document.querySelector('#runs tbody tr') && document.querySelector('#runs tbody tr').dataset.run !== '{}'", first.as_str().unwrap()));
    assert_eq!(
        b.js("return document.querySelectorAll('#runs tbody tr').length"),
        100
    );
    assert_eq!(
        b.js("return !document.querySelector('#prev').disabled"),
        true
    );

    // A filter typed as a user would; every row shown matches it.
    b.type_into("#filter", "metrics.m1 > 1.5 and params.p0 = '0.1'");
    let before = b.renders();
    b.click("#apply");
    b.wait_render("filtered", &before);
    let rows = b.js("return Array.from(document.querySelectorAll('#runs tbody tr')).map(r => [r.querySelector('td[data-col=\"metrics.m1\"]').textContent, r.querySelector('td[data-col=\"params.p0\"]').textContent])");
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty(), "the filter matched nothing");
    for r in rows {
        assert!(r[0].as_str().unwrap().parse::<f64>().unwrap() > 1.5, "{r}");
        assert_eq!(r[1], "0.1");
    }
    b.screenshot("runs-filtered");

    // Sorting by clicking a header: descending, then ascending.
    let before = b.renders();
    b.click("#runs th[data-order='metrics.`m1`']");
    b.wait_render("sorted desc", &before);
    b.wait("sorted desc", "document.querySelector('th.sorted-desc')");
    let vals = |b: &Browser| -> Vec<f64> {
        b.js("return Array.from(document.querySelectorAll('#runs td[data-col=\"metrics.m1\"]')).map(td => td.textContent)")
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().parse().unwrap())
            .collect()
    };
    let desc = vals(&b);
    assert!(
        desc.len() > 1 && desc.windows(2).all(|w| w[0] >= w[1]),
        "{desc:?}"
    );
    let before = b.renders();
    b.click("#runs th[data-order='metrics.`m1`']");
    b.wait_render("sorted asc", &before);
    b.wait("sorted asc", "document.querySelector('th.sorted-asc')");
    let asc = vals(&b);
    assert!(asc.windows(2).all(|w| w[0] <= w[1]), "{asc:?}");
    assert_eq!(asc.len(), desc.len());

    // A bad filter: MLflow's message inline, the bad token marked, no table.
    b.type_into("#filter", "metrics.m1 > 'high'");
    b.click("#apply");
    b.wait(
        "inline error",
        "document.querySelector('#search-error .error')",
    );
    let msg = b.js("return document.querySelector('#search-error .error').textContent");
    assert!(
        msg.as_str()
            .unwrap()
            .contains("Expected numeric value type for metric"),
        "{msg}"
    );
    assert_eq!(
        b.js("return document.querySelector('#search-error mark').textContent"),
        "'high'"
    );
    assert_eq!(b.js("return document.querySelector('#runs')"), Value::Null);
    b.screenshot("runs-filter-error");

    // Select three runs, chart them: one path per run, each with every point of its history.
    b.goto(&format!("{}/#/exp/{EXP}?size=25", ui.url));
    b.wait(
        "runs",
        "document.querySelectorAll('#runs tbody tr').length === 25",
    );
    for i in 1..=3 {
        b.click(&format!(
            "#runs tbody tr:nth-child({i}) input[type=checkbox]"
        ));
    }
    let picked: Vec<String> = b
        .js("return Array.from(document.querySelectorAll('#runs tbody input:checked')).map(i => i.dataset.run)")
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(picked.len(), 3);
    b.click("#chart");
    b.wait(
        "chart",
        "document.querySelectorAll('#charts svg path.series').length",
    );
    let paths = b.js("return Array.from(document.querySelectorAll('#charts svg[data-metric=\"m0\"] path.series')).map(p => [p.dataset.run, Number(p.dataset.points)])");
    let paths = paths.as_array().unwrap();
    assert_eq!(paths.len(), 3);
    for p in paths {
        let run = p[0].as_str().unwrap();
        assert!(picked.iter().any(|x| x == run));
        // gen_store: m0 has 200 points in every tenth run, 20 in the others.
        let n = p[1].as_u64().unwrap();
        assert!(n == 20 || n == 200, "{p}");
        let hist = common::http::get(&format!(
            "{}/api/metrics/histories?run_ids={run}&keys=m0",
            ui.url
        ))
        .json();
        assert_eq!(
            n as usize,
            hist["series"][0]["points"].as_array().unwrap().len()
        );
    }
    b.screenshot("chart");
    // Log scale and smoothing redraw the same series.
    let before = b.renders();
    b.click("#log-scale");
    b.wait_render("log scale", &before);
    assert_eq!(b.js("return document.querySelectorAll('#charts svg[data-metric=\"m0\"] path.series').length"), 3);

    // Compare: the three runs side by side, differing rows marked, a scatter point per run.
    b.goto(&format!("{}/#/compare?runs={}", ui.url, picked.join(",")));
    b.wait("compare", "document.querySelector('#compare')");
    assert_eq!(
        b.js("return document.querySelectorAll('#compare thead th a').length"),
        3
    );
    let diff_m0 = b.js("return document.querySelector('#compare tr[data-key=\"metric.m0\"]').classList.contains('diff')");
    assert_eq!(diff_m0, true);
    assert_eq!(b.js("return document.querySelectorAll('#compare tr[data-key=\"metric.m0\"] td.best').length"), 1);
    assert_eq!(
        b.js("return document.querySelectorAll('#scatter circle.point').length"),
        3
    );
    b.screenshot("compare");
    let before = b.renders();
    b.click("#only-diff");
    b.wait_render("only differences", &before);
    b.wait(
        "only differences",
        "location.hash.includes('only=1') && document.querySelector('#compare')",
    );
    assert_eq!(
        b.js("return document.querySelectorAll('#compare tbody tr:not(.diff)').length"),
        0
    );
}

#[test]
fn browser_run_page_hostile_values_artifacts_nesting_and_live_points() {
    let _one = one_browser_at_a_time();
    let env = TestEnv::new();
    let f = ui_fixture(&env);
    let ui = UiServer::start(&env.store());
    let b = Browser::start();

    // The runs table: hostile name and param as text; the child nested under its parent.
    let exp = env.json(&["experiments", "list"])["experiments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "ui")
        .unwrap()["experiment_id"]
        .as_str()
        .unwrap()
        .to_string();
    b.goto(&format!(
        "{}/#/exp/{exp}?cols=params.evil,params.lr,tags.evil,metrics.loss",
        ui.url
    ));
    b.wait(
        "runs",
        "document.querySelectorAll('#runs tbody tr').length === 4",
    );
    let evil_cells = b.js(&format!(
        "return Array.from(document.querySelectorAll('#runs td')).filter(td => td.textContent.includes({})).length",
        serde_json::to_string(HOSTILE).unwrap()
    ));
    assert_eq!(evil_cells, 3, "name, param and tag shown as text");
    let child_row = b.js(&format!(
        "var r = document.querySelector('tr[data-run=\"{}\"]'); return [r.className, r.dataset.parent, r.previousElementSibling.dataset.run]",
        f.child
    ));
    assert_eq!(child_row, json!(["child", f.parent, f.parent]));
    b.screenshot("runs-nested-hostile");

    // The hostile run's page: name, param, tag and note as text; nothing injected, nothing ran.
    b.goto(&format!("{}/#/run/{}", ui.url, f.hostile));
    b.wait("run page", "document.querySelector('#run-charts svg')");
    assert_eq!(
        b.js("return document.querySelector('#run-name').textContent"),
        HOSTILE
    );
    assert_eq!(
        b.js("return document.querySelector('#note').textContent"),
        HOSTILE
    );
    assert_eq!(
        b.js("return document.querySelectorAll('#pwned, img[src=x], main script').length"),
        0
    );
    assert_eq!(b.js("return document.scripts.length"), 1, "only app.js");
    assert_eq!(b.alert(), None);
    let param = b.js("return Array.from(document.querySelectorAll('#params tr')).find(r => r.cells[0].textContent === 'evil').cells[1].textContent");
    assert_eq!(param, HOSTILE);
    // Metrics: latest and best (lowest loss) with the point count.
    let loss = b.js("return Array.from(document.querySelector('#metrics').rows).find(r => r.cells[0].textContent === 'loss').cells[6].textContent");
    assert_eq!(loss, "5");

    // Artifacts: text, JSON (pretty), CSV (a table) and an image, each shown as data.
    let view = |path: &str| {
        b.click(&format!("#artifacts a[data-path='{path}']"));
        b.wait(path, &format!("document.querySelector('#artifact-viewer h3') && document.querySelector('#artifact-viewer h3').textContent === '{path}' && document.querySelector('#artifact-viewer').children.length > 1"));
    };
    view("notes.txt");
    assert_eq!(
        b.js("return document.querySelector('#artifact-viewer pre.text').textContent"),
        format!("plain text {HOSTILE}\n")
    );
    view("data.json");
    let pretty = b.js("return document.querySelector('#artifact-viewer pre.json').textContent");
    assert!(
        pretty.as_str().unwrap().contains("\"a\": [\n    1,"),
        "{pretty}"
    );
    view("table.csv");
    assert_eq!(
        b.js("return document.querySelectorAll('#artifact-viewer table.csv tbody tr').length"),
        2
    );
    assert_eq!(b.js("return document.querySelector('#artifact-viewer table.csv tbody tr:nth-child(2) td:nth-child(2)').textContent"), HOSTILE);
    view("page.html");
    assert_eq!(b.js("return document.querySelectorAll('#pwned').length"), 0);
    b.click("#artifacts .toggle");
    view("sub/dot.png");
    b.wait("image", "document.querySelector('#artifact-viewer img') && document.querySelector('#artifact-viewer img').complete && document.querySelector('#artifact-viewer img').naturalWidth === 1");
    assert_eq!(b.alert(), None);
    b.screenshot("run-page-hostile");

    // A traversal typed into the address bar: refused, the secret not shown.
    std::fs::write(env.store().join("secret.txt"), "TOP SECRET").unwrap();
    for p in [
        "../../secret.txt",
        "..%2F..%2Fsecret.txt",
        "%2e%2e/meta.yaml",
    ] {
        b.goto(&format!(
            "{}/api/artifacts/get?run_id={}&path={p}",
            ui.url, f.hostile
        ));
        let text = b.js("return document.body.textContent");
        let text = text.as_str().unwrap();
        assert!(text.contains("INVALID_PARAMETER_VALUE"), "{p}: {text}");
        assert!(
            !text.contains("TOP SECRET") && !text.contains("run_id:"),
            "{p}: {text}"
        );
    }
    b.screenshot("artifact-traversal-refused");

    // A run's MLflow 3 logged models: listed with their step.
    let model = common::model_dir(env.path(), "ui");
    let uri = env.ok(&[
        "models",
        "log",
        model.to_str().unwrap(),
        "--run-id",
        &f.parent,
    ]);
    b.goto(&format!("{}/#/run/{}?models", ui.url, f.parent));
    b.wait(
        "logged models",
        "document.querySelector('#logged-models tbody tr')",
    );
    assert_eq!(
        b.js("return Array.from(document.querySelectorAll('#logged-models td')).map(td => td.textContent)"),
        json!([uri.trim_start_matches("models:/"), "0"])
    );
    // Leave the page, so the next visit renders it afresh.
    b.goto(&format!("{}/#/models", ui.url));
    b.wait("models page", "document.querySelector('#no-models')");

    // Writes from the page: set a tag and a note, rename; the store has them.
    b.goto(&format!("{}/#/run/{}", ui.url, f.parent));
    b.wait("parent page", "document.querySelector('#tag-key')");
    b.type_into("#tag-key", "reviewed");
    b.type_into("#tag-value", "yes");
    b.click("#set-tag");
    b.wait("tag shown", "Array.from(document.querySelectorAll('#tags td')).some(td => td.textContent === 'reviewed')");
    b.type_into("#note-input", "looks good");
    b.click("#save-note");
    b.wait(
        "note shown",
        "document.querySelector('#note').textContent === 'looks good'",
    );
    b.type_into("#rename-input", "parent-renamed");
    b.click("#rename");
    b.wait(
        "renamed",
        "document.querySelector('#run-name').textContent === 'parent-renamed'",
    );
    let run = env.json(&["runs", "describe", &f.parent]);
    assert_eq!(run["run"]["info"]["run_name"], "parent-renamed");
    let tags = run["run"]["data"]["tags"].as_array().unwrap();
    assert!(tags
        .iter()
        .any(|t| t["key"] == "reviewed" && t["value"] == "yes"));
    assert!(tags
        .iter()
        .any(|t| t["key"] == "mlflow.note.content" && t["value"] == "looks good"));

    // Live: a point logged to the running run appears on its open chart without a reload.
    b.goto(&format!("{}/#/chart?runs={}&keys=loss", ui.url, f.running));
    b.wait(
        "chart",
        "document.querySelector('#charts path.series[data-points=\"5\"]')",
    );
    b.js("window.__marker = 1; return 1");
    env.ok(&[
        "log-metric",
        "--run-id",
        &f.running,
        "loss",
        "0.05",
        "--step",
        "5",
    ]);
    b.wait(
        "live point",
        "document.querySelector('#charts path.series[data-points=\"6\"]')",
    );
    assert_eq!(b.js("return window.__marker"), 1, "the page reloaded");
    b.screenshot("chart-live");

    // Registry: no models yet is said plainly; a registered model lists its versions.
    b.goto(&format!("{}/#/models", ui.url));
    b.wait("no models", "document.querySelector('#no-models')");
    env.ok(&["models", "create", "clf"]);
    b.goto(&format!("{}/#/", ui.url));
    b.goto(&format!("{}/#/models", ui.url));
    b.wait("models", "document.querySelector('#models a')");
    b.click("#models a");
    b.wait("model page", "document.querySelector('#versions')");
    assert_eq!(
        b.js("return document.querySelector('h1').textContent"),
        "clf"
    );
    b.screenshot("registry");
}
