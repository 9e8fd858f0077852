//! A hostile or broken tracking server: answers too big to hold, folder trees without end, a trickle
//! that never finishes, escape sequences in its error messages, a redirect to another host. Each
//! server is a thread on 127.0.0.1 that answers a bounded number of connections, and every mlrun is
//! killed if it outlives a generous bound (the tests assert its messages, never its timing).
use crate::common::TestEnv;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as the fake server read it.
struct Request {
    /// `GET /api/...?...`
    line: String,
    /// The header lines, lowercased.
    head: String,
}

impl Request {
    fn path(&self) -> &str {
        self.line.split(' ').nth(1).unwrap_or("")
    }
}

/// What the fake server saw.
struct Hostile {
    url: String,
    seen: Arc<Mutex<Vec<Request>>>,
    count: Arc<AtomicUsize>,
}

/// A server that answers each request with `reply(request, stream)` (which writes the whole answer,
/// keep-alive allowed) on at most `max_requests` requests, a thread per connection.
fn hostile(
    max_requests: usize,
    reply: impl Fn(&Request, &mut TcpStream) -> std::io::Result<()> + Send + Sync + 'static,
) -> Hostile {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let count = Arc::new(AtomicUsize::new(0));
    let reply = Arc::new(reply);
    let (log, counter) = (seen.clone(), count.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(max_requests) {
            let Ok(mut stream) = stream else { continue };
            let (log, counter, reply) = (log.clone(), counter.clone(), reply.clone());
            std::thread::spawn(move || {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
                let _ = stream.set_nodelay(true);
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let mut head = String::new();
                    let mut len = 0usize;
                    loop {
                        let mut h = String::new();
                        if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                            break;
                        }
                        let h = h.to_ascii_lowercase();
                        if let Some(v) = h.strip_prefix("content-length:") {
                            len = v.trim().parse().unwrap_or(0);
                        }
                        head.push_str(&h);
                    }
                    let mut body = vec![0u8; len.min(1 << 20)];
                    let _ = reader.read_exact(&mut body);
                    let req = Request {
                        line: line.trim_end().to_string(),
                        head,
                    };
                    if counter.fetch_add(1, Ordering::SeqCst) >= max_requests {
                        return;
                    }
                    let r = reply(&req, &mut stream);
                    log.lock().unwrap().push(req);
                    if r.is_err() {
                        return;
                    }
                }
            });
        }
    });
    Hostile { url, seen, count }
}

fn answer(stream: &mut TcpStream, status: u16, body: &str) -> std::io::Result<()> {
    let whole = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(whole.as_bytes())
}

/// A run whose artifacts live behind the server's proxy.
fn run_json(run_id: &str) -> String {
    format!(
        r#"{{"run": {{"info": {{"run_id": "{run_id}", "experiment_id": "0", "status": "RUNNING", "start_time": 1, "artifact_uri": "mlflow-artifacts:/0/{run_id}/artifacts", "lifecycle_stage": "active", "run_name": "r", "user_id": "u"}}, "data": {{}}}}}}"#
    )
}

/// How an mlrun run ended, with its peak memory.
struct Finished {
    code: Option<i32>,
    stderr: String,
    max_rss_kb: i64,
}

/// Runs mlrun against `url`; kills it if it is still running after `bound`. Peak RSS from `wait4`.
fn run_bounded(
    env: &TestEnv,
    url: &str,
    args: &[&str],
    vars: &[(&str, &str)],
    bound: Duration,
) -> Finished {
    let err_path = env
        .path()
        .join(format!("stderr-{}", uuid::Uuid::new_v4().simple()));
    let mut c = env.cmd();
    c.env("MLFLOW_TRACKING_URI", url)
        .env("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&err_path).unwrap());
    for (k, v) in vars {
        c.env(k, v);
    }
    // Reaped by wait4 below, which also reports its peak memory.
    #[allow(clippy::zombie_processes)]
    let child = c.spawn().unwrap();
    let pid = child.id() as libc::pid_t;
    let start = Instant::now();
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our own child, not yet reaped; the pointers are to live locals.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            break;
        }
        assert!(r == 0, "wait4 failed");
        if start.elapsed() > bound {
            // SAFETY: signalling and reaping our own child.
            unsafe {
                libc::kill(pid, libc::SIGKILL);
                libc::wait4(pid, &mut status, 0, &mut usage);
            }
            panic!(
                "mlrun {args:?} was still running after {bound:?}; stderr so far:\n{}",
                std::fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    Finished {
        code,
        stderr: String::from_utf8_lossy(&std::fs::read(&err_path).unwrap()).into_owned(),
        max_rss_kb: usage.ru_maxrss,
    }
}

/// Writes `total` bytes of a JSON-looking answer lazily, 64 KiB at a time, until the peer leaves.
fn endless_json(stream: &mut TcpStream, total: u64, chunked: bool) -> std::io::Result<()> {
    if chunked {
        write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        )?;
    } else {
        write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {total}\r\n\r\n"
        )?;
    }
    let block = vec![b' '; 64 * 1024];
    let mut sent = 0u64;
    while sent < total {
        if chunked {
            write!(stream, "{:x}\r\n", block.len())?;
            stream.write_all(&block)?;
            stream.write_all(b"\r\n")?;
        } else {
            stream.write_all(&block)?;
        }
        sent += block.len() as u64;
    }
    if chunked {
        stream.write_all(b"0\r\n\r\n")?;
    }
    Ok(())
}

const HUGE: u64 = 600 << 20;

/// Attack: a server declares a 600 MB JSON answer (Content-Length) and starts sending it; mlrun
/// used to buffer it whole (2 GB allowed). Now it refuses before reading, naming the URL and the cap.
#[test]
fn a_600_mb_json_answer_with_a_content_length_is_refused_unread() {
    let env = TestEnv::new();
    let server = hostile(4, |_, s| endless_json(s, HUGE, false));
    let out = run_bounded(
        &env,
        &server.url,
        &["experiments", "list"],
        &[],
        Duration::from_secs(120),
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("MiB")
            && out.stderr.contains(&server.url)
            && out.stderr.contains("experiments/search"),
        "{}",
        out.stderr
    );
    assert!(
        out.max_rss_kb < 100 * 1024,
        "peak RSS {} KiB",
        out.max_rss_kb
    );
}

/// Attack: the same 600 MB answer, chunked (no length up front); mlrun stops reading at the cap.
#[test]
fn a_600_mb_chunked_json_answer_stops_at_the_cap() {
    let env = TestEnv::new();
    let server = hostile(4, |_, s| endless_json(s, HUGE, true));
    let out = run_bounded(
        &env,
        &server.url,
        &["experiments", "list"],
        &[],
        Duration::from_secs(120),
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("MiB") && out.stderr.contains(&server.url),
        "{}",
        out.stderr
    );
    assert!(
        out.max_rss_kb < 400 * 1024,
        "peak RSS {} KiB",
        out.max_rss_kb
    );
}

/// Attack: a server that sends its answer a byte a second. `MLFLOW_HTTP_REQUEST_TIMEOUT` used to be
/// per read, so each byte restarted the clock; now it is a deadline for the whole request.
#[test]
fn a_byte_a_second_trickle_meets_the_deadline() {
    let env = TestEnv::new();
    let server = hostile(4, |_, s| {
        let body = format!("{{\"experiments\": []{}}}", " ".repeat(200));
        write!(
            s,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )?;
        for b in body.bytes() {
            s.write_all(&[b])?;
            s.flush()?;
            std::thread::sleep(Duration::from_millis(500));
        }
        Ok(())
    });
    let out = run_bounded(
        &env,
        &server.url,
        &["experiments", "list"],
        &[("MLFLOW_HTTP_REQUEST_TIMEOUT", "2")],
        Duration::from_secs(60),
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("timed out") && out.stderr.contains("MLFLOW_HTTP_REQUEST_TIMEOUT"),
        "{}",
        out.stderr
    );
}

/// A server whose artifact listing answers `listing(path)` for every folder.
fn artifact_server(
    max_requests: usize,
    listing: impl Fn(&str) -> String + Send + Sync + 'static,
) -> Hostile {
    hostile(max_requests, move |req, s| {
        let path = req.path();
        if path.contains("/runs/get") {
            answer(s, 200, &run_json("0123456789abcdef0123456789abcdef"))
        } else if let Some(q) = path.split_once("?path=").map(|(_, q)| q) {
            answer(s, 200, &listing(&q.replace("%2F", "/")))
        } else {
            answer(
                s,
                404,
                r#"{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "no"}"#,
            )
        }
    })
}

/// Attack: every folder of the artifact listing holds a folder, without end. mlrun used to walk it
/// with no depth limit; now it stops 64 levels down, naming the path where it stopped.
#[test]
fn an_endless_folder_tree_stops_at_the_depth_limit() {
    let env = TestEnv::new();
    let server = artifact_server(3000, |_| {
        r#"{"files": [{"path": "deeper", "is_dir": true}]}"#.into()
    });
    let out = download_all(&env, &server.url, &[], Duration::from_secs(120));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("64 folders deep") && out.stderr.contains("deeper/deeper/deeper"),
        "{}",
        out.stderr
    );
    let listings = server.count.load(Ordering::SeqCst);
    assert!(listings <= 70, "{listings} requests");
}

/// Attack: a folder with more subfolders than any run has (10,001, each listed separately). mlrun
/// used to send a request per folder without bound; now a walk stops at 10,000 listings.
#[test]
fn a_wide_folder_tree_stops_at_the_listing_limit() {
    let env = TestEnv::new();
    let wide: String = {
        let files: Vec<String> = (0..10_001)
            .map(|i| format!(r#"{{"path": "d{i}", "is_dir": true}}"#))
            .collect();
        format!(r#"{{"files": [{}]}}"#, files.join(", "))
    };
    let server = artifact_server(20_000, move |q| {
        if q.ends_with("/artifacts") {
            wide.clone()
        } else {
            r#"{"files": []}"#.into()
        }
    });
    let out = download_all(&env, &server.url, &[], Duration::from_secs(300));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("10000 folder listings") && out.stderr.contains("at 'd"),
        "{}",
        out.stderr
    );
}

/// Attack: a server error message holding a terminal-title OSC, a clear-screen CSI, a bell and
/// 100 KB of text. They used to reach the terminal raw and whole; now they are escaped and cut.
#[test]
fn escape_sequences_in_a_server_error_are_escaped() {
    let env = TestEnv::new();
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[Hgone\r\u{9b}31m";
    let long = "x".repeat(100_000);
    let json_msg = serde_json::json!({
        "error_code": "INVALID_PARAMETER_VALUE",
        "message": format!("{evil}{long}"),
    })
    .to_string();
    let text_msg = format!("{evil}{long}");
    let server = hostile(10, move |req, s| {
        if req.path().contains("experiments/search") {
            answer(s, 400, &json_msg)
        } else {
            answer(s, 500, &text_msg)
        }
    });
    for args in [
        &["experiments", "list"][..],
        &["experiments", "describe", "1"][..],
    ] {
        let out = run_bounded(&env, &server.url, args, &[], Duration::from_secs(60));
        assert_eq!(out.code, Some(1), "{}", out.stderr);
        assert!(
            !out.stderr.contains(['\u{1b}', '\u{7}', '\r', '\u{9b}']),
            "raw control characters: {:?}",
            out.stderr
        );
        assert!(out.stderr.contains("pwned"), "{}", out.stderr);
        assert!(out.stderr.len() < 4096, "{} bytes", out.stderr.len());
    }
}

/// Attack: the server redirects to another host, which answers an error. The message used to be
/// just that host's `nope`; now it names the host. Credentials never follow the redirect.
#[test]
fn a_redirect_to_another_host_is_named_and_gets_no_credentials() {
    let env = TestEnv::new();
    let other = hostile(4, |_, s| {
        answer(
            s,
            400,
            r#"{"error_code": "INVALID_PARAMETER_VALUE", "message": "nope"}"#,
        )
    });
    let port = other.url.rsplit(':').next().unwrap().to_string();
    let target = format!("http://localhost:{port}");
    let t = target.clone();
    let first = hostile(4, move |req, s| {
        let head = format!(
            "HTTP/1.1 302 Found\r\nLocation: {t}{}\r\nContent-Length: 0\r\n\r\n",
            req.path()
        );
        s.write_all(head.as_bytes())
    });
    let out = run_bounded(
        &env,
        &first.url,
        &["runs", "describe", "0123456789abcdef0123456789abcdef"],
        &[("MLFLOW_TRACKING_TOKEN", "tok-secret-31")],
        Duration::from_secs(60),
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("nope") && out.stderr.contains(&format!("localhost:{port}")),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("tok-secret-31"), "{}", out.stderr);
    let sent = first.seen.lock().unwrap();
    assert!(sent[0].head.contains("bearer tok-secret-31"));
    let received = other.seen.lock().unwrap();
    assert!(!received.is_empty(), "the redirect was not followed");
    for r in received.iter() {
        assert!(!r.head.contains("authorization"), "{}", r.head);
    }
}

/// A server with one artifact file, `big.bin`, whose download `send` writes after the headers.
fn one_file_server(
    len: u64,
    send: impl Fn(&mut TcpStream) -> std::io::Result<()> + Send + Sync + 'static,
) -> Hostile {
    hostile(10, move |req, s| {
        let path = req.path();
        if path.contains("/runs/get") {
            answer(s, 200, &run_json("0123456789abcdef0123456789abcdef"))
        } else if path.contains("?path=") {
            let listing = format!(
                r#"{{"files": [{{"path": "big.bin", "is_dir": false, "file_size": {len}}}]}}"#
            );
            answer(s, 200, &listing)
        } else if path.ends_with("/artifacts/big.bin") {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {len}\r\n\r\n"
            );
            s.write_all(head.as_bytes())?;
            send(s)
        } else {
            answer(s, 404, r#"{"error_code": "NOT_FOUND", "message": "no"}"#)
        }
    })
}

/// `artifacts download` of a whole run from the server at `url` into `<env>/dest`, bounded.
fn download_all(env: &TestEnv, url: &str, vars: &[(&str, &str)], bound: Duration) -> Finished {
    let dest = env.path().join("dest");
    run_bounded(
        env,
        url,
        &[
            "artifacts",
            "download",
            "--run-id",
            "0123456789abcdef0123456789abcdef",
            "--dest",
            dest.to_str().unwrap(),
        ],
        vars,
        bound,
    )
}

fn download_big(env: &TestEnv, url: &str) -> Finished {
    download_all(
        env,
        url,
        &[("MLFLOW_HTTP_REQUEST_TIMEOUT", "2")],
        Duration::from_secs(120),
    )
}

/// Not an attack but the other side of the caps: an artifact larger than the JSON cap, sent for
/// longer than the timeout but never idle that long, is streamed to disk whole in bounded memory.
#[test]
fn a_large_slow_download_streams_to_disk_past_the_cap_and_the_timeout() {
    let env = TestEnv::new();
    const LEN: u64 = 160 << 20;
    let server = one_file_server(LEN, |s| {
        let block = vec![7u8; 1 << 20];
        for i in 0..LEN >> 20 {
            if i % 40 == 39 {
                std::thread::sleep(Duration::from_millis(1000));
            }
            s.write_all(&block)?;
        }
        Ok(())
    });
    let out = download_big(&env, &server.url);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let got = std::fs::metadata(env.path().join("dest/big.bin")).unwrap();
    assert_eq!(got.len(), LEN);
    assert!(
        out.max_rss_kb < 100 * 1024,
        "peak RSS {} KiB",
        out.max_rss_kb
    );
}

/// A download that stops moving fails on the idle timeout, naming the file and the setting, and
/// leaves no partial file behind.
#[test]
fn a_stalled_download_fails_on_the_idle_timeout() {
    let env = TestEnv::new();
    let server = one_file_server(10 << 20, |s| {
        s.write_all(&vec![7u8; 1 << 20])?;
        std::thread::sleep(Duration::from_secs(30));
        Ok(())
    });
    let out = download_big(&env, &server.url);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("big.bin")
            && out
                .stderr
                .contains("no data moved for 2 s (MLFLOW_HTTP_REQUEST_TIMEOUT)"),
        "{}",
        out.stderr
    );
    assert!(!env.path().join("dest/big.bin").exists());
}

/// Attack: a registry whose model version lives at a "path" holding a terminal-title sequence; the
/// error naming that location used to print it raw. Every message now reaches the terminal through
/// one last guard that escapes control characters.
#[test]
fn escape_sequences_in_a_server_location_are_escaped() {
    let env = TestEnv::new();
    let server = hostile(10, |req, s| {
        let path = req.path();
        if path.contains("model-versions/get-download-uri") {
            answer(
                s,
                200,
                r#"{"artifact_uri": "/srv/\u001b]0;pwned\u0007\u001b[2J/model"}"#,
            )
        } else if path.contains("model-versions/get") {
            answer(
                s,
                200,
                r#"{"model_version": {"name": "m", "version": "1", "creation_timestamp": 1, "current_stage": "None", "source": "/srv/x", "status": "READY"}}"#,
            )
        } else {
            answer(s, 404, r#"{"error_code": "NOT_FOUND", "message": "no"}"#)
        }
    });
    let dest = env.path().join("dest");
    let out = run_bounded(
        &env,
        &server.url,
        &[
            "models",
            "download",
            "models:/m/1",
            "--dest",
            dest.to_str().unwrap(),
        ],
        &[],
        Duration::from_secs(60),
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("pwned"), "{}", out.stderr);
    assert!(
        !out.stderr.contains(['\u{1b}', '\u{7}']),
        "raw control characters: {:?}",
        out.stderr
    );
}

/// Attack: an experiment listing whose every page says "there is a next page, token `again`". mlrun
/// used to ask forever; now a token sent twice stops the listing, naming the endpoint.
#[test]
fn a_page_token_sent_twice_stops_the_listing() {
    let env = TestEnv::new();
    let server = hostile(3000, |_, s| {
        answer(
            s,
            200,
            r#"{"experiments": [{"experiment_id": "0", "name": "Default"}], "next_page_token": "again"}"#,
        )
    });
    let out = run_bounded(
        &env,
        &server.url,
        &["experiments", "list"],
        &[],
        Duration::from_secs(120),
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("'again' a second time") && out.stderr.contains("experiments/search"),
        "{}",
        out.stderr
    );
    assert_eq!(server.count.load(Ordering::SeqCst), 2);
}

/// Attack: a metric history whose pages never end, each with a new token. mlrun used to ask
/// forever (and hold every point); now a listing stops at 10,000 pages.
#[test]
fn endless_pages_stop_at_the_page_limit() {
    let env = TestEnv::new();
    let server = hostile(20_000, |req, s| {
        let path = req.path();
        if path.contains("/runs/get") {
            return answer(s, 200, &run_json("0123456789abcdef0123456789abcdef"));
        }
        let n = path
            .split("page_token=")
            .nth(1)
            .and_then(|t| t.split('&').next())
            .and_then(|t| t.parse::<u64>().ok())
            .unwrap_or(0);
        let page = format!(
            r#"{{"metrics": [{{"key": "loss", "value": 1.0, "timestamp": 1, "step": {n}}}], "next_page_token": "{}"}}"#,
            n + 1
        );
        answer(s, 200, &page)
    });
    let out = run_bounded(
        &env,
        &server.url,
        &[
            "metrics",
            "history",
            "0123456789abcdef0123456789abcdef",
            "loss",
        ],
        &[],
        Duration::from_secs(300),
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("past 10000 pages") && out.stderr.contains("metrics/get-history"),
        "{}",
        out.stderr
    );
}
