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

    /// A script's array of strings.
    fn strings(&self, script: &str) -> Vec<String> {
        self.js(script)
            .as_array()
            .unwrap_or_else(|| panic!("not an array: {script}"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    }

    /// Resizes the browser window (the page's width follows).
    fn set_size(&self, width: u32, height: u32) {
        self.cmd(
            "POST",
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        );
    }

    /// Real mouse input (WebDriver actions); coordinates are the viewport's.
    fn mouse(&self, steps: Value) {
        self.cmd(
            "POST",
            "/actions",
            Some(json!({"actions": [{"type": "pointer", "id": "mouse",
                "parameters": {"pointerType": "mouse"}, "actions": steps}]})),
        );
        self.cmd("DELETE", "/actions", None);
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

/// Ticks the runs table's rows at these positions (1-based); the ids of every ticked run.
fn tick_runs(b: &Browser, rows: &[usize]) -> Vec<String> {
    for i in rows {
        b.click(&format!(
            "#runs tbody tr:nth-child({i}) input[type=checkbox]"
        ));
    }
    b.strings("return Array.from(document.querySelectorAll('#runs tbody input:checked')).map(i => i.dataset.run)")
}

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
    let picked = tick_runs(&b, &[1, 2, 3]);
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
    let exp = common::ui_experiment_id(&env);
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

/// Where a data point is drawn, in viewport coordinates: the chart's frame carries its data range.
fn point_at(b: &Browser, frame: &str, x: f64, y: f64) -> (f64, f64) {
    let v = b.js(&format!(
        "var f = document.querySelector({}); f.scrollIntoView({{block: 'center'}}); var r = f.getBoundingClientRect(), d = f.dataset; \
         return [r.left + ({x} - d.x0) / (d.x1 - d.x0) * r.width, r.top + (1 - ({y} - d.y0) / (d.y1 - d.y0)) * r.height];",
        serde_json::to_string(frame).unwrap()
    ));
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

fn move_to(x: f64, y: f64) -> Value {
    json!({"type": "pointerMove", "duration": 0, "origin": "viewport", "x": x.round() as i64, "y": y.round() as i64})
}

/// A tick step is 1, 2, 2.5 or 5 times a power of ten.
fn is_nice_step(step: f64) -> bool {
    let mag = 10f64.powf(step.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .any(|m| ((step / mag) - m).abs() < 1e-6)
}

#[test]
fn browser_charts_fit_nice_ticks_tooltips_zoom_and_brushing_at_three_widths() {
    let _one = one_browser_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("mlruns");
    gen_store(&store, 60);
    let ui = UiServer::start(&store);
    let b = Browser::start();

    // Three runs ticked in the table, then the chart view: one line per ticked run per metric.
    b.goto(&format!(
        "{}/#/exp/{EXP}?size=25&cols=metrics.m0,metrics.m1,params.p0,params.p1",
        ui.url
    ));
    b.wait(
        "runs",
        "document.querySelectorAll('#runs tbody tr').length === 25",
    );
    assert!(b
        .js("return Number(document.body.dataset.firstTable) > 0")
        .as_bool()
        .unwrap());
    let picked = tick_runs(&b, &[2, 5, 9]);
    assert_eq!(picked.len(), 3);
    b.click("#view-chart");
    b.wait(
        "chart view",
        "document.querySelectorAll('#charts svg[data-metric=\"m1\"] path.series').length === 3",
    );
    assert!(b
        .js("return location.hash.includes('view=chart') && Number(document.body.dataset.firstChart) > 0")
        .as_bool()
        .unwrap());
    assert_eq!(
        b.js("return Array.from(document.querySelectorAll('#charts .chart-card')).map(c => c.dataset.metric)"),
        json!(["m0", "m1"])
    );
    let histories = common::http::get(&format!(
        "{}/api/metrics/histories?run_ids={}&keys=m0,m1",
        ui.url,
        picked.join(",")
    ))
    .json();
    let points = |run: &str, key: &str| -> Vec<Value> {
        histories["series"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["run_id"] == run && s["key"] == key)
            .unwrap()["points"]
            .as_array()
            .unwrap()
            .clone()
    };
    for key in ["m0", "m1"] {
        let paths = b.js(&format!("return Array.from(document.querySelectorAll('#charts svg[data-metric=\"{key}\"] path.series')).map(p => [p.dataset.run, Number(p.dataset.points)])"));
        let mut runs = Vec::new();
        for p in paths.as_array().unwrap() {
            let run = p[0].as_str().unwrap();
            assert_eq!(
                p[1].as_u64().unwrap() as usize,
                points(run, key).len(),
                "{p}"
            );
            runs.push(run.to_string());
        }
        runs.sort();
        let mut want = picked.clone();
        want.sort();
        assert_eq!(runs, want);
    }
    // Bars of the latest values: one per run.
    assert_eq!(
        b.js("return Array.from(document.querySelectorAll('#bars .chart-card')).map(c => c.querySelectorAll('rect.bar').length)"),
        json!([3, 3])
    );

    for width in [800u32, 1280, 1920] {
        b.set_size(width, 1000);
        b.wait(
            &format!("redrawn at {width}"),
            &format!("window.innerWidth <= {width} && Array.from(document.querySelectorAll('.chart-plot')).every(p => p.querySelector('svg') && p.querySelector('svg').viewBox.baseVal.width === Math.floor(p.clientWidth))"),
        );
        // Nothing drawn leaves its card, and no card leaves the page.
        let out = b.js(
            "var out = []; var page = document.documentElement.clientWidth;
             for (const card of document.querySelectorAll('.chart-card')) {
               const c = card.getBoundingClientRect();
               if (c.right > page + 0.5) out.push(['card', card.dataset.metric, c.right, page]);
               for (const e of card.querySelectorAll('svg, svg *')) {
                 if (e.closest('defs') || ['title', 'g', 'clipPath'].includes(e.tagName)) continue;
                 const r = e.getBoundingClientRect();
                 if (r.width === 0 && r.height === 0) continue;
                 if (r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5)
                   out.push([card.dataset.metric, e.tagName, e.getAttribute('class'), e.textContent, r.left, r.right, c.left, c.right]);
               }
             }
             return out;",
        );
        assert_eq!(out, json!([]), "at width {width}");
        // Tick labels: multiples of a nice step; whole numbers on a step axis.
        let axes = b.js("return Array.from(document.querySelectorAll('.chart-card[data-chart=line] .x-axis, .chart-card[data-chart=line] .y-axis, .chart-card[data-chart=bar] .x-axis, #scatter .x-axis, #scatter .y-axis, .pc-axis')).map(g => [g.dataset.kind || 'linear', Array.from(g.querySelectorAll('text.tick')).map(t => t.textContent)])");
        let axes = axes.as_array().unwrap();
        assert!(axes.len() >= 10, "{axes:?}");
        for axis in axes {
            let labels: Vec<f64> = axis[1]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| {
                    l.as_str()
                        .unwrap()
                        .parse()
                        .unwrap_or_else(|_| panic!("tick {l} is not a number"))
                })
                .collect();
            assert!(labels.len() >= 2, "{axis}");
            let step = labels[1] - labels[0];
            assert!(is_nice_step(step), "step {step} in {axis}");
            for w in labels.windows(2) {
                assert!(((w[1] - w[0]) - step).abs() < step * 1e-6, "{axis}");
            }
            for v in &labels {
                assert!(
                    ((v / step) - (v / step).round()).abs() < 1e-6,
                    "{v} in {axis}"
                );
            }
            if axis[0] == "step" {
                assert!(labels.iter().all(|v| v.fract() == 0.0), "{axis}");
            }
        }
        b.screenshot(&format!("charts-{width}"));
    }

    // Hover: with the other two runs toggled off in the legend, the point under the mouse is
    // the remaining run's, and the tooltip names its run, step and value.
    let m0 = ".chart-card[data-metric='m0']";
    for run in &picked[1..] {
        b.click(&format!("{m0} .legend button[data-run='{run}']"));
    }
    b.wait(
        "toggled off",
        &format!("document.querySelectorAll(\"{m0} path.series\").length === 1"),
    );
    let run = &picked[0];
    let p = points(run, "m0")[10].clone();
    let value = p[2].as_f64().unwrap();
    let (x, y) = point_at(
        &b,
        &format!("{m0} rect.frame"),
        p[0].as_f64().unwrap(),
        value,
    );
    b.mouse(json!([move_to(x, y)]));
    b.wait(
        "tooltip",
        &format!("!document.querySelector(\"{m0} .chart-tip\").hidden"),
    );
    let tip = b.js(&format!("var t = document.querySelector(\"{m0} .chart-tip\"); return [t.dataset.run, t.dataset.step, Number(t.querySelector('.tip-value').dataset.value), t.textContent]"));
    assert_eq!(tip[0], run.as_str(), "{tip}");
    assert_eq!(tip[1], p[0].to_string(), "{tip}");
    assert_eq!(tip[2].as_f64().unwrap(), value, "{tip}");
    assert!(tip[3].as_str().unwrap().contains("time "), "{tip}");
    b.screenshot("chart-tooltip");
    // From the keyboard: the focused chart's arrows walk the same run's points.
    b.js(&format!(
        "document.querySelector(\"{m0} svg.chart\").focus(); return 1"
    ));
    let right = json!({"type": "keyDown", "value": "\u{E014}"});
    let up = json!({"type": "keyUp", "value": "\u{E014}"});
    b.cmd(
        "POST",
        "/actions",
        Some(json!({"actions": [{"type": "key", "id": "kb",
            "actions": [right, up, right, up]}]})),
    );
    b.cmd("DELETE", "/actions", None);
    b.wait(
        "keyboard tooltip",
        &format!("document.querySelector(\"{m0} .chart-tip\").dataset.step === '1'"),
    );
    assert_eq!(
        b.js(&format!(
            "return document.querySelector(\"{m0} .chart-tip\").dataset.run"
        )),
        run.as_str()
    );

    // Downloads: the chart as SVG and PNG, its data as CSV (the download links are caught as
    // they are clicked, and their blobs read back).
    b.js("window.__saved = []; const blobs = new Map(); const make = URL.createObjectURL; \
          URL.createObjectURL = (bl) => { const u = make(bl); blobs.set(u, bl); return u; }; \
          HTMLAnchorElement.prototype.click = async function () { const bl = blobs.get(this.href); \
          window.__saved.push([this.download, bl.type, bl.size, bl.type === 'image/png' ? '' : await bl.text()]); }; return 1");
    for kind in ["csv", "svg", "png"] {
        b.click(&format!("{m0} button.dl-{kind}"));
    }
    b.wait("downloads", "window.__saved.length === 3");
    let saved = b.js("return window.__saved.sort()");
    let saved = saved.as_array().unwrap();
    assert_eq!(saved[0][0], "m0.csv");
    let csv = saved[0][3].as_str().unwrap();
    let total: usize = picked.iter().map(|r| points(r, "m0").len()).sum();
    assert_eq!(csv.lines().count(), total + 1, "{csv}");
    assert_eq!(
        csv.lines().next().unwrap(),
        "metric,run_id,run,step,timestamp,value"
    );
    let p0 = points(run, "m0")[0].clone();
    assert!(
        csv.lines().any(|l| l.starts_with(&format!("m0,{run},"))
            && l.ends_with(&format!(",{},{},{}", p0[0], p0[1], p0[2]))),
        "{csv}"
    );
    assert_eq!(saved[1][0], "m0.png");
    assert_eq!(saved[1][1], "image/png");
    assert!(saved[1][2].as_u64().unwrap() > 1000);
    assert_eq!(saved[2][0], "m0.svg");
    let svg = saved[2][3].as_str().unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("class=\"series"),
        "{svg}"
    );

    // Drag-to-zoom narrows the x axis; a double-click restores it.
    let m1 = ".chart-card[data-metric='m1']";
    let range = |b: &Browser| -> Vec<f64> {
        b.js(&format!("var d = document.querySelector(\"{m1} rect.frame\").dataset; return [Number(d.x0), Number(d.x1)]"))
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect()
    };
    let full = range(&b);
    let ticks_before = b.js(&format!(
        "return Array.from(document.querySelectorAll(\"{m1} .x-axis text.tick\")).map(t => t.textContent)"
    ));
    let (xa, ya) = point_at(
        &b,
        &format!("{m1} rect.frame"),
        full[0] + (full[1] - full[0]) * 0.3,
        0.0,
    );
    let (xb, _) = point_at(
        &b,
        &format!("{m1} rect.frame"),
        full[0] + (full[1] - full[0]) * 0.6,
        0.0,
    );
    let ya = ya - 40.0;
    b.mouse(json!([move_to(xa, ya), {"type": "pointerDown", "button": 0}, {"type": "pause", "duration": 50},
        move_to((xa + xb) / 2.0, ya), move_to(xb, ya), {"type": "pointerUp", "button": 0}]));
    b.wait(
        "zoomed",
        &format!("document.querySelector(\"{m1} svg[data-zoomed]\")"),
    );
    let zoomed = range(&b);
    assert!(
        zoomed[0] > full[0] && zoomed[1] < full[1],
        "{zoomed:?} within {full:?}"
    );
    assert!(
        (zoomed[1] - zoomed[0]) < (full[1] - full[0]) * 0.4,
        "{zoomed:?}"
    );
    assert_ne!(
        b.js(&format!("return Array.from(document.querySelectorAll(\"{m1} .x-axis text.tick\")).map(t => t.textContent)")),
        ticks_before
    );
    b.screenshot("chart-zoomed");
    b.mouse(json!([move_to(xa, ya), {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0},
        {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]));
    b.wait(
        "unzoomed",
        &format!("!document.querySelector(\"{m1} svg[data-zoomed]\")"),
    );
    assert_eq!(range(&b), full);

    // Parallel coordinates over the whole page (selection cleared): brushing an axis keeps only
    // the runs whose value lies in the brushed range.
    b.click("#view-table");
    b.wait("table", "document.querySelector('#clear-selection')");
    b.click("#clear-selection");
    b.click("#view-chart");
    b.wait(
        "all runs charted",
        "document.querySelectorAll('#parallel path.pc-line').length === 25",
    );
    let axis = "#parallel g.pc-axis[data-key='metrics.m1'] line.axis";
    let r = b.js(&format!("var l = document.querySelector(\"{axis}\"); l.scrollIntoView({{block: 'center'}}); var r = l.getBoundingClientRect(); return [r.left, r.top, r.bottom]"));
    let (ax, top, bottom) = (
        r[0].as_f64().unwrap(),
        r[1].as_f64().unwrap(),
        r[2].as_f64().unwrap(),
    );
    b.mouse(
        json!([move_to(ax, top + (bottom - top) * 0.2), {"type": "pointerDown", "button": 0},
        {"type": "pause", "duration": 50}, move_to(ax, top + (bottom - top) * 0.5),
        move_to(ax, top + (bottom - top) * 0.7), {"type": "pointerUp", "button": 0}]),
    );
    b.wait(
        "brushed",
        "document.querySelector(\"#parallel g.pc-axis[data-key='metrics.m1'][data-lo]\")",
    );
    let brush = b.js("var g = document.querySelector(\"#parallel g.pc-axis[data-key='metrics.m1']\"); return [Number(g.dataset.lo), Number(g.dataset.hi)]");
    let (lo, hi) = (brush[0].as_f64().unwrap(), brush[1].as_f64().unwrap());
    let page = common::http::get(&format!(
        "{}/api/runs/search?experiment_id={EXP}&max_results=25&columns=metrics.m1",
        ui.url
    ))
    .json();
    let mut want: Vec<String> = page["runs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            let v = r["metrics"]["m1"].as_f64().unwrap();
            v >= lo && v <= hi
        })
        .map(|r| r["run_id"].as_str().unwrap().to_string())
        .collect();
    want.sort();
    assert!(!want.is_empty() && want.len() < 25, "{lo}..{hi}: {want:?}");
    let mut shown = b.strings("return Array.from(document.querySelectorAll('#parallel path.pc-line:not(.filtered)')).map(p => p.dataset.run)");
    shown.sort();
    assert_eq!(shown, want);
    let mut listed = b.strings("return document.querySelector('#pc-kept').dataset.runs.split(',')");
    listed.sort();
    assert_eq!(listed, want);
    // The brush narrows the view's other charts to the same runs.
    for sel in [
        "#charts svg[data-metric='m1'] path.series",
        "#bars .chart-card[data-metric='m1 (latest)'] rect.bar",
    ] {
        let mut ids = b.strings(&format!(
            "return Array.from(document.querySelectorAll(\"{sel}\")).map(p => p.dataset.run)"
        ));
        ids.sort();
        assert_eq!(ids, want, "{sel}");
    }
    b.screenshot("parallel-brushed");

    // The filter drives the chart view as it drives the table, and a chart choice lands in the
    // URL: the lines are the filtered page's runs.
    b.goto(&format!(
        "{}/#/exp/{EXP}?size=25&view=chart&charts=m0&filter={}",
        ui.url, "params.p0%20%3D%20'0.1'"
    ));
    let filtered = common::http::get(&format!(
        "{}/api/runs/search?experiment_id={EXP}&max_results=25&columns=&filter=params.p0%20%3D%20'0.1'",
        ui.url
    ))
    .json();
    let mut want: Vec<String> = filtered["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["run_id"].as_str().unwrap().to_string())
        .collect();
    want.sort();
    assert!(!want.is_empty() && want.len() < 25);
    b.wait(
        "filtered lines",
        &format!(
            "document.querySelectorAll('#charts path.series').length === {}",
            want.len()
        ),
    );
    let mut lines = b.strings("return Array.from(document.querySelectorAll('#charts path.series')).map(p => p.dataset.run)");
    lines.sort();
    assert_eq!(lines, want);
    let before = b.renders();
    b.js("document.querySelector('#chart-metrics').open = true; return 1");
    b.click("#chart-metrics input[data-key='m1']");
    b.wait_render("metric added", &before);
    b.wait(
        "two charts",
        "document.querySelectorAll('#charts .chart-card').length === 2",
    );
    assert!(b
        .js("return location.hash.includes('charts=m0%2Cm1') && location.hash.includes('filter=')")
        .as_bool()
        .unwrap());

    // Dark mode: the page follows prefers-color-scheme.
    b.cmd(
        "POST",
        "/goog/cdp/execute",
        Some(json!({"cmd": "Emulation.setEmulatedMedia",
            "params": {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}})),
    );
    let bg = b.js("return [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('.chart-card')).backgroundColor]");
    assert_eq!(bg, json!(["rgb(21, 24, 28)", "rgb(29, 33, 38)"]));
    b.screenshot("charts-dark");
    b.cmd(
        "POST",
        "/goog/cdp/execute",
        Some(json!({"cmd": "Emulation.setEmulatedMedia", "params": {"features": []}})),
    );

    // 50+ runs on one chart: every line its own colour.
    b.goto(&format!(
        "{}/#/exp/{EXP}?size=100&view=chart&charts=m0",
        ui.url
    ));
    b.wait(
        "60 lines",
        "document.querySelectorAll('#charts svg[data-metric=\"m0\"] path.series').length === 60",
    );
    assert_eq!(
        b.js("return new Set(Array.from(document.querySelectorAll('#charts path.series')).map(p => p.getAttribute('stroke'))).size"),
        60
    );
    b.screenshot("chart-60-runs");
}

#[test]
fn browser_run_tree_system_metrics_datasets_models_registry_edits_and_search_help() {
    let _one = one_browser_at_a_time();
    let env = TestEnv::new();
    let f = ui_fixture(&env);
    // The parent: a system metric, a dataset input and a logged model.
    for (step, v) in [(0, "12.5"), (1, "40")] {
        env.ok(&[
            "log-metric",
            "--run-id",
            &f.parent,
            "system/cpu_utilization_percentage",
            v,
            "--step",
            &step.to_string(),
        ]);
    }
    env.ok(&[
        "log-input",
        "--run-id",
        &f.parent,
        "--name",
        "train",
        "--source",
        "data/train.csv",
        "--context",
        "training",
    ]);
    let model = common::model_dir(env.path(), "ui");
    let uri = env.ok(&[
        "models",
        "log",
        model.to_str().unwrap(),
        "--run-id",
        &f.parent,
    ]);
    let model_id = uri.trim_start_matches("models:/").to_string();
    // Versions 1 and 2 of "clf": the parent's model and one the child logged.
    env.ok(&["models", "register", &uri, "clf"]);
    let child_uri = env.ok(&[
        "models",
        "log",
        model.to_str().unwrap(),
        "--run-id",
        &f.child,
    ]);
    env.ok(&["models", "register", &child_uri, "clf"]);
    let ui = UiServer::start(&env.store());
    let b = Browser::start();

    // The run page: children listed, system metrics apart, the dataset, the model's MLmodel.
    b.goto(&format!("{}/#/run/{}", ui.url, f.parent));
    b.wait(
        "run page",
        "document.querySelector('#run-children li') && document.querySelector('.logged-model .flavors') && document.querySelector('#system-charts svg')",
    );
    assert_eq!(
        b.js("return Array.from(document.querySelectorAll('#run-children li')).map(li => li.dataset.run)"),
        json!([f.child])
    );
    assert_eq!(
        b.js("return Array.from(document.querySelectorAll('#system-metrics tbody tr')).map(r => [r.cells[0].textContent, r.cells[1].textContent])"),
        json!([["system/cpu_utilization_percentage", "40"]])
    );
    assert_eq!(
        b.js("return Array.from(document.querySelectorAll('#metrics tbody tr')).some(r => r.cells[0].textContent.startsWith('system/'))"),
        false
    );
    assert_eq!(
        b.js("return Array.from(document.querySelectorAll('#datasets tbody td')).slice(0, 3).map(td => td.textContent).filter((t, i) => i !== 1)"),
        json!(["train", "training"])
    );
    assert_eq!(
        b.js(&format!("return Array.from(document.querySelectorAll('.logged-model[data-model=\"{model_id}\"] [data-flavor]')).map(d => d.dataset.flavor)")),
        json!(["python_function"])
    );
    b.screenshot("run-page-tree-system-datasets-models");

    // Search help: completing a key present in the experiment, from the keyboard.
    let exp = common::ui_experiment_id(&env);
    b.goto(&format!("{}/#/exp/{exp}", ui.url));
    b.wait("runs", "document.querySelectorAll('#runs tbody tr').length");
    b.type_into("#filter", "metrics.lo");
    b.wait(
        "suggestions",
        "!document.querySelector('#filter-suggest').hidden",
    );
    assert_eq!(
        b.js("return Array.from(document.querySelectorAll('#filter-suggest li')).map(li => li.textContent)"),
        json!(["metrics.loss"])
    );
    let id = b.find("#filter");
    b.cmd(
        "POST",
        &format!("/element/{id}/value"),
        Some(json!({ "text": "\u{E007}" })),
    );
    assert_eq!(
        b.js("return document.querySelector('#filter').value"),
        "metrics.loss"
    );
    b.cmd(
        "POST",
        &format!("/element/{id}/value"),
        Some(json!({ "text": " < 0.6 and para" })),
    );
    b.wait(
        "entity suggestions",
        "Array.from(document.querySelectorAll('#filter-suggest li')).map(li => li.textContent).join() === 'params.'",
    );
    b.screenshot("search-help");

    // Registry: alias, stage and tag edited in place; MLflow's client reads them back.
    b.goto(&format!("{}/#/model/clf", ui.url));
    b.wait(
        "versions",
        "document.querySelector('#versions tr[data-version=\"1\"] .add-alias')",
    );
    let before = b.renders();
    b.type_into(
        "#versions tr[data-version='1'] .add-alias",
        "champion\u{E007}",
    );
    b.wait_render("alias set", &before);
    b.wait(
        "alias shown",
        "document.querySelector('#versions tr[data-version=\"1\"] .chip.alias')",
    );
    let before = b.renders();
    b.click("#versions tr[data-version='2'] select.stage option[value='Production']");
    b.wait_render("stage set", &before);
    let before = b.renders();
    b.type_into(
        "#versions tr[data-version='2'] .add-version-tag",
        "validated=yes\u{E007}",
    );
    b.wait_render("tag set", &before);
    b.wait(
        "tag shown",
        "document.querySelector('#versions tr[data-version=\"2\"] .chip.tag')",
    );
    b.screenshot("registry-edited");
    let out = common::run_python(
        &common::mlflow_python(),
        &env.store(),
        r#"
import json
from mlflow import MlflowClient
c = MlflowClient()
v2 = c.get_model_version("clf", "2")
print(json.dumps({"champion": str(c.get_model_version_by_alias("clf", "champion").version),
                  "stage": v2.current_stage, "tags": v2.tags}))
"#,
    );
    let v: Value = serde_json::from_str(out.trim().lines().last().unwrap()).unwrap();
    assert_eq!(
        v,
        json!({"champion": "1", "stage": "Production", "tags": {"validated": "yes"}})
    );
    // Removing the alias from its chip.
    let before = b.renders();
    b.click("#versions tr[data-version='1'] .chip.alias .chip-x");
    b.wait_render("alias removed", &before);
    b.wait(
        "alias gone",
        "!document.querySelector('#versions tr[data-version=\"1\"] .chip.alias')",
    );

    // Compare the runs behind two picked versions.
    b.click("#versions tr[data-version='1'] .pick-version");
    b.click("#versions tr[data-version='2'] .pick-version");
    b.click("#compare-versions");
    b.wait("compare", "document.querySelector('#compare')");
    let mut compared = b.strings("return Array.from(document.querySelectorAll('#compare thead th a')).map(a => a.getAttribute('href').split('/').pop())");
    compared.sort();
    let mut want = vec![f.parent.clone(), f.child.clone()];
    want.sort();
    assert_eq!(compared, want);
}
