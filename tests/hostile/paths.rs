//! Escapes: no name from a server or a store, and no symlink inside a store, takes a read or a
//! write outside where it belongs; and logging a symlink logs what it points to, saying so.
use crate::common::{http::get, TestEnv, UiServer};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const RUN: &str = "0123456789abcdef0123456789abcdef";

/// A request the hostile server saw: method, path with query, body.
type Seen = Arc<Mutex<Vec<(String, String, Vec<u8>)>>>;

/// A tiny hostile tracking server on 127.0.0.1: `runs/get` answers a run whose artifacts live
/// behind the proxy, the artifact root's listing is `root_files` (JSON), every deeper listing is
/// one file `pwned.txt`, every download is `PWNED`, and uploads are recorded. It serves at most
/// 200 connections, each with a read timeout, so it can never hold a test.
fn hostile_server(root_files: serde_json::Value) -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let seen: Seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(200) {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut first = String::new();
            if reader.read_line(&mut first).unwrap_or(0) == 0 {
                continue;
            }
            let mut len = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    len = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0u8; len.min(1 << 20)];
            let _ = reader.read_exact(&mut body);
            let mut parts = first.split(' ');
            let method = parts.next().unwrap_or("").to_string();
            let target = parts.next().unwrap_or("").to_string();
            log.lock()
                .unwrap()
                .push((method.clone(), target.clone(), body));
            let (status, ctype, text) = if target.starts_with("/api/2.0/mlflow/runs/get") {
                let run = serde_json::json!({"run": {"info": {
                    "run_id": RUN, "run_uuid": RUN, "experiment_id": "1", "run_name": "r",
                    "user_id": "u", "status": "RUNNING", "start_time": 1,
                    "artifact_uri": format!("mlflow-artifacts:/1/{RUN}/artifacts"),
                    "lifecycle_stage": "active"}, "data": {}}});
                (200, "application/json", run.to_string())
            } else if let Some(q) = target.strip_prefix("/api/2.0/mlflow-artifacts/artifacts?") {
                let files = if q == format!("path=1%2F{RUN}%2Fartifacts")
                    || q == format!("path=1/{RUN}/artifacts")
                {
                    root_files.clone()
                } else {
                    serde_json::json!([{"path": "pwned.txt", "is_dir": false, "file_size": 5}])
                };
                (
                    200,
                    "application/json",
                    serde_json::json!({ "files": files }).to_string(),
                )
            } else if method == "PUT" {
                (200, "application/json", "{}".to_string())
            } else if target.starts_with("/api/2.0/mlflow-artifacts/artifacts/") {
                (200, "application/octet-stream", "PWNED".to_string())
            } else {
                (
                    404,
                    "application/json",
                    r#"{"error_code":"ENDPOINT_NOT_FOUND","message":"no"}"#.into(),
                )
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                text.len()
            );
        }
    });
    (url, seen)
}

/// mlrun against the tracking server at `url`.
fn at(env: &TestEnv, url: &str, args: &[&str]) -> Output {
    let mut c = env.cmd();
    c.env("MLFLOW_TRACKING_URI", url)
        .env("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")
        .args(args);
    c.output().unwrap()
}

/// Every file under `dir` (following nothing), as paths.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in rd.flatten() {
        let ft = e.file_type().unwrap();
        if ft.is_dir() {
            out.extend(files_in(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A hostile tracking server lists artifact names that climb out of `--dest` (`../`, absolute,
/// backslashes, a `..` folder, a NUL, an empty or `.` segment, a control character):
/// `artifacts download` (and `list`) must refuse each, naming it and the server, exit 1, and write
/// nothing outside `--dest`.
#[test]
fn hostile_server_listing_cannot_write_outside_dest() {
    let env = TestEnv::new();
    let top = env.path().join("work");
    std::fs::create_dir_all(&top).unwrap();
    let abs = env.path().join("abs/pwned.txt");
    let names = [
        serde_json::json!([{"path": "../../escape/pwned.txt", "is_dir": false, "file_size": 5}]),
        serde_json::json!([{"path": abs.to_str().unwrap(), "is_dir": false, "file_size": 5}]),
        serde_json::json!([{"path": "..\\..\\escape\\pwned.txt", "is_dir": false, "file_size": 5}]),
        serde_json::json!([{"path": "..", "is_dir": true}]),
        serde_json::json!([{"path": "ok/../../../escape/pwned.txt", "is_dir": false}]),
        serde_json::json!([{"path": "a\u{0}b", "is_dir": false, "file_size": 5}]),
        serde_json::json!([{"path": "sub//pwned.txt", "is_dir": false, "file_size": 5}]),
        serde_json::json!([{"path": "./pwned.txt", "is_dir": false, "file_size": 5}]),
        serde_json::json!([{"path": "bell\u{7}\u{1b}]0;title\u{7}.txt", "is_dir": false}]),
    ];
    for files in names {
        let shown = files[0]["path"].as_str().unwrap().to_string();
        let (url, _) = hostile_server(files);
        let dest = top.join("a/b/dest");
        let out = at(
            &env,
            &url,
            &[
                "artifacts",
                "download",
                "--run-id",
                RUN,
                "--dest",
                dest.to_str().unwrap(),
            ],
        );
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{shown:?} was accepted: {err}");
        assert!(
            err.contains(&url),
            "{shown:?}: the server is not named: {err}"
        );
        assert!(
            err.contains("artifact name"),
            "{shown:?}: the name is not named: {err}"
        );
        assert!(!err.contains('\u{1b}'), "raw control characters: {err:?}");
        let outside: Vec<_> = files_in(env.path())
            .into_iter()
            .filter(|p| !p.starts_with(&dest))
            .collect();
        assert!(outside.is_empty(), "{shown:?} wrote {outside:?}");
        assert!(
            files_in(&dest).is_empty(),
            "{shown:?}: a refused download still wrote {:?}",
            files_in(&dest)
        );
        let out = at(&env, &url, &["artifacts", "list", "--run-id", RUN]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{shown:?} listed: {}",
            stderr(&out)
        );
    }
}

/// A started run of a fresh store, with one logged file `ok.txt`; and a folder `outside/` beside
/// the store holding `secret.txt`.
fn run_with_outside(env: &TestEnv) -> (String, PathBuf, PathBuf) {
    let run = env.ok(&["runs", "start", "--experiment-name", "e", "--name", "r"]);
    let f = env.path().join("ok.txt");
    std::fs::write(&f, "fine").unwrap();
    env.ok(&["artifacts", "log", "--run-id", &run, f.to_str().unwrap()]);
    let arts = env.store().join("1").join(&run).join("artifacts");
    let arts = if arts.is_dir() {
        arts
    } else {
        // The experiment id is not "1": find the run's folder.
        files_in(&env.store())
            .into_iter()
            .find(|p| p.ends_with("artifacts/ok.txt"))
            .unwrap()
            .parent()
            .unwrap()
            .to_path_buf()
    };
    let outside = env.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("secret.txt"), "TOP SECRET").unwrap();
    (run, arts, outside)
}

/// `artifacts/etclink -> <outside>` inside a run: the UI must neither serve
/// `etclink/secret.txt` nor list `etclink`.
#[test]
fn ui_does_not_serve_or_list_through_a_symlinked_folder() {
    let env = TestEnv::new();
    let (run, arts, outside) = run_with_outside(&env);
    symlink(&outside, arts.join("etclink")).unwrap();
    let ui = UiServer::start(&env.store());
    let r = get(&format!(
        "{}/api/artifacts/get?run_id={run}&path=etclink%2Fsecret.txt",
        ui.url
    ));
    assert!(!r.text().contains("TOP SECRET"), "served the secret");
    assert!(matches!(r.status, 400 | 404), "{} {}", r.status, r.text());
    let r = get(&format!(
        "{}/api/artifacts/list?run_id={run}&path=etclink",
        ui.url
    ));
    assert!(!r.text().contains("secret.txt"), "listed: {}", r.text());
    assert!(matches!(r.status, 400 | 404), "{} {}", r.status, r.text());
    // The file beside the link is still served.
    let r = get(&format!(
        "{}/api/artifacts/get?run_id={run}&path=ok.txt",
        ui.url
    ));
    assert_eq!(r.text(), "fine");
}

/// `artifacts download --uri runs:/R/etclink/secret.txt` through `artifacts/etclink -> <outside>`
/// must be refused, naming the link, and copy nothing.
#[test]
fn download_does_not_follow_a_symlink_in_the_middle_of_the_path() {
    let env = TestEnv::new();
    let (run, arts, outside) = run_with_outside(&env);
    symlink(&outside, arts.join("etclink")).unwrap();
    let dest = env.path().join("dest");
    let err = env.fails(&[
        "artifacts",
        "download",
        "--uri",
        &format!("runs:/{run}/etclink/secret.txt"),
        "--dest",
        dest.to_str().unwrap(),
    ]);
    assert!(err.contains("etclink"), "{err}");
    assert!(files_in(&dest).is_empty());
    let err = env.fails(&["artifacts", "list", "--run-id", &run, "etclink"]);
    assert!(err.contains("etclink"), "{err}");
}

/// Model commands resolve `runs:/R/etclink/model` through `artifacts/etclink -> <outside>` no more
/// than `artifacts download` does: `models download` and `models inspect` are refused, naming the
/// link, and nothing is copied.
#[test]
fn model_uri_does_not_follow_a_symlink_in_the_middle_of_the_path() {
    let env = TestEnv::new();
    let (run, arts, outside) = run_with_outside(&env);
    let model = outside.join("model");
    std::fs::create_dir_all(&model).unwrap();
    std::fs::write(model.join("MLmodel"), "flavors: {}\n").unwrap();
    std::fs::write(model.join("model.pkl"), "outside the store").unwrap();
    symlink(&outside, arts.join("etclink")).unwrap();
    let dest = env.path().join("dest");
    let uri = format!("runs:/{run}/etclink/model");
    let err = env.fails(&["models", "download", &uri, "--dest", dest.to_str().unwrap()]);
    assert!(err.contains("etclink"), "{err}");
    assert!(files_in(&dest).is_empty());
    let err = env.fails(&["models", "inspect", &uri]);
    assert!(err.contains("etclink"), "{err}");
}

/// `artifacts log f --artifact-path out` (and `out/sub`) with `artifacts/out -> <outside>` must be
/// refused with a clear error: nothing written outside, the store unchanged.
#[test]
fn log_refuses_a_symlink_on_the_destination_path() {
    let env = TestEnv::new();
    let (run, arts, outside) = run_with_outside(&env);
    symlink(&outside, arts.join("out")).unwrap();
    let f = env.path().join("f.txt");
    std::fs::write(&f, "payload").unwrap();
    let before = env.snapshot();
    for ap in ["out", "out/sub", "out/"] {
        let err = env.fails(&[
            "artifacts",
            "log",
            "--run-id",
            &run,
            f.to_str().unwrap(),
            "--artifact-path",
            ap,
        ]);
        assert!(err.contains("symbolic link"), "{ap}: {err}");
    }
    // A symlinked file at the destination is not written through either.
    symlink(outside.join("secret.txt"), arts.join("f.txt")).unwrap();
    let err = env.fails(&["artifacts", "log", "--run-id", &run, f.to_str().unwrap()]);
    assert!(err.contains("symbolic link"), "{err}");
    std::fs::remove_file(arts.join("f.txt")).unwrap();
    assert_eq!(
        std::fs::read_dir(&outside).unwrap().count(),
        1,
        "wrote outside the store"
    );
    assert_eq!(
        std::fs::read_to_string(outside.join("secret.txt")).unwrap(),
        "TOP SECRET"
    );
    assert_eq!(env.snapshot(), before, "the store changed");
}

/// A run's `artifacts` folder that is itself a symlink to a folder outside the store: list,
/// download and log refuse it.
#[test]
fn a_symlinked_artifacts_folder_is_refused() {
    let env = TestEnv::new();
    let (run, arts, outside) = run_with_outside(&env);
    std::fs::remove_dir_all(&arts).unwrap();
    symlink(&outside, &arts).unwrap();
    let dest = env.path().join("dest");
    let err = env.fails(&[
        "artifacts",
        "download",
        "--run-id",
        &run,
        "--dest",
        dest.to_str().unwrap(),
    ]);
    assert!(err.contains("symbolic link"), "{err}");
    assert!(files_in(&dest).is_empty());
    env.fails(&["artifacts", "list", "--run-id", &run]);
    let f = env.path().join("f.txt");
    std::fs::write(&f, "payload").unwrap();
    env.fails(&["artifacts", "log", "--run-id", &run, f.to_str().unwrap()]);
    assert!(!outside.join("f.txt").exists(), "wrote through the link");
}

/// A run folder that is a symlink (its content moved outside the store): its artifacts are not
/// read or written through it.
#[test]
fn a_symlinked_run_folder_is_refused_for_artifacts() {
    let env = TestEnv::new();
    let (run, arts, _) = run_with_outside(&env);
    let run_dir = arts.parent().unwrap().to_path_buf();
    let moved = env.path().join("moved-run");
    std::fs::rename(&run_dir, &moved).unwrap();
    symlink(&moved, &run_dir).unwrap();
    let dest = env.path().join("dest");
    let err = env.fails(&[
        "artifacts",
        "download",
        "--run-id",
        &run,
        "--dest",
        dest.to_str().unwrap(),
    ]);
    assert!(err.contains("symbolic link"), "{err}");
    assert!(files_in(&dest).is_empty());
    let f = env.path().join("f.txt");
    std::fs::write(&f, "payload").unwrap();
    env.fails(&["artifacts", "log", "--run-id", &run, f.to_str().unwrap()]);
    assert!(
        !moved.join("artifacts/f.txt").exists(),
        "wrote through the link"
    );
}

/// Is anything under `dir` a symlink?
fn has_links(dir: &Path) -> bool {
    std::fs::read_dir(dir).unwrap().flatten().any(|e| {
        let ft = e.file_type().unwrap();
        ft.is_symlink() || (ft.is_dir() && has_links(&e.path()))
    })
}

/// `artifacts log link.txt` where `link.txt -> data.txt`: MLflow logs the file's contents
/// (shutil.copy2 follows links); mlrun logged nothing and exited 0.
#[test]
fn log_of_a_symlinked_file_logs_its_target() {
    let env = TestEnv::new();
    let (run, arts, _) = run_with_outside(&env);
    let data = env.path().join("data.txt");
    std::fs::write(&data, "the data").unwrap();
    let link = env.path().join("link.txt");
    symlink(&data, &link).unwrap();
    let out = env.run(&["artifacts", "log", "--run-id", &run, link.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(arts.join("link.txt")).unwrap(),
        "the data"
    );
    assert!(
        stderr(&out).contains("link.txt"),
        "not said: {}",
        stderr(&out)
    );
    assert!(!has_links(&arts));
    // -q silences the talk, not the logging.
    let out = env.run(&[
        "-q",
        "artifacts",
        "log",
        "--run-id",
        &run,
        link.to_str().unwrap(),
        "--artifact-path",
        "q",
    ]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
    assert!(arts.join("q/link.txt").is_file());
}

/// `artifacts log linkdir` where `linkdir -> dir/`: its contents are logged.
#[test]
fn log_of_a_symlinked_folder_logs_its_contents() {
    let env = TestEnv::new();
    let (run, arts, _) = run_with_outside(&env);
    let dir = env.path().join("dir");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), "A").unwrap();
    std::fs::write(dir.join("sub/b.txt"), "B").unwrap();
    let link = env.path().join("linkdir");
    symlink(&dir, &link).unwrap();
    let out = env.run(&[
        "artifacts",
        "log",
        "--run-id",
        &run,
        link.to_str().unwrap(),
        "--artifact-path",
        "d",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(arts.join("d/a.txt")).unwrap(), "A");
    assert_eq!(
        std::fs::read_to_string(arts.join("d/sub/b.txt")).unwrap(),
        "B"
    );
    assert!(stderr(&out).contains("linkdir"), "{}", stderr(&out));
    assert!(!has_links(&arts));
}

/// A folder holding a symlinked file and a symlinked folder: both are logged as what they point
/// to, and a link cycle (`loop -> ..`) is refused instead of walked forever.
#[test]
fn log_of_a_folder_with_symlinks_logs_their_targets_and_stops_on_cycles() {
    let env = TestEnv::new();
    let (run, arts, outside) = run_with_outside(&env);
    let dir = env.path().join("dir");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("plain.txt"), "P").unwrap();
    symlink(outside.join("secret.txt"), dir.join("flink.txt")).unwrap();
    symlink(&outside, dir.join("dlink")).unwrap();
    let out = env.run(&[
        "artifacts",
        "log",
        "--run-id",
        &run,
        dir.to_str().unwrap(),
        "--artifact-path",
        "d",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(arts.join("d/plain.txt")).unwrap(),
        "P"
    );
    assert_eq!(
        std::fs::read_to_string(arts.join("d/flink.txt")).unwrap(),
        "TOP SECRET"
    );
    assert_eq!(
        std::fs::read_to_string(arts.join("d/dlink/secret.txt")).unwrap(),
        "TOP SECRET"
    );
    let err = stderr(&out);
    assert!(err.contains("flink.txt") && err.contains("dlink"), "{err}");
    assert!(!has_links(&arts));

    symlink("..", dir.join("loop")).unwrap();
    let before = env.snapshot();
    let out = env.run(&[
        "artifacts",
        "log",
        "--run-id",
        &run,
        dir.to_str().unwrap(),
        "--artifact-path",
        "cyc",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("loop"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), before, "the store changed");
}

/// The REST backend's upload of a folder holding a symlinked file sent nothing for it.
#[test]
fn rest_upload_of_a_folder_with_symlinks_sends_their_targets() {
    let env = TestEnv::new();
    let (url, seen) = hostile_server(serde_json::json!([]));
    let dir = env.path().join("dir");
    std::fs::create_dir_all(&dir).unwrap();
    let data = env.path().join("data.txt");
    std::fs::write(&data, "the data").unwrap();
    symlink(&data, dir.join("flink.txt")).unwrap();
    let out = at(
        &env,
        &url,
        &["artifacts", "log", "--run-id", RUN, dir.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("flink.txt"), "{}", stderr(&out));
    let seen = seen.lock().unwrap();
    let put = seen
        .iter()
        .find(|(m, t, _)| m == "PUT" && t.ends_with("/flink.txt"))
        .unwrap_or_else(|| panic!("no upload of flink.txt: {seen:?}"));
    assert_eq!(put.2, b"the data");
}

/// `artifacts download --uri runs:/R/linkdir` with `artifacts/linkdir -> <outside>` printed
/// `<dest>/linkdir`, a path it never wrote. What is printed must exist (or the command fails).
/// And a download of a folder holding a link reports the link it skipped.
#[test]
fn download_prints_only_what_it_wrote_and_reports_skipped_links() {
    let env = TestEnv::new();
    let (run, arts, outside) = run_with_outside(&env);
    symlink(&outside, arts.join("linkdir")).unwrap();
    let dest = env.path().join("dest");
    let out = env.run(&[
        "artifacts",
        "download",
        "--uri",
        &format!("runs:/{run}/linkdir"),
        "--dest",
        dest.to_str().unwrap(),
    ]);
    let printed = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if out.status.success() {
        assert!(
            Path::new(&printed).exists(),
            "printed {printed}, never wrote it"
        );
    } else {
        assert_eq!(out.status.code(), Some(1));
        assert!(printed.is_empty(), "printed {printed} and failed");
        assert!(stderr(&out).contains("linkdir"), "{}", stderr(&out));
    }
    // The whole tree: ok.txt copied, the link skipped and said so.
    let out = env.run(&[
        "artifacts",
        "download",
        "--run-id",
        &run,
        "--dest",
        dest.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dest.join("ok.txt")).unwrap(),
        "fine"
    );
    assert!(!dest.join("linkdir").exists());
    assert!(
        stderr(&out).contains("linkdir"),
        "not reported: {}",
        stderr(&out)
    );
}

/// A hostile run meta.yaml whose `artifact_uri` starts inside the store and climbs back out with
/// `..` (`<store>/1/R/../../../outside`): its "artifacts" are not read from outside the store.
#[test]
fn an_artifact_uri_climbing_out_of_the_store_is_refused() {
    let env = TestEnv::new();
    let (run, arts, outside) = run_with_outside(&env);
    let run_dir = arts.parent().unwrap();
    let meta = run_dir.join("meta.yaml");
    let text = std::fs::read_to_string(&meta).unwrap();
    let climb = format!("{}/../../../outside", run_dir.display());
    let text: String = text
        .lines()
        .map(|l| {
            if l.starts_with("artifact_uri:") {
                format!("artifact_uri: file://{climb}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(&meta, text).unwrap();
    assert!(Path::new(&climb).join("secret.txt").is_file());
    let dest = env.path().join("dest");
    let err = env.fails(&[
        "artifacts",
        "download",
        "--run-id",
        &run,
        "--dest",
        dest.to_str().unwrap(),
    ]);
    assert!(err.contains("climbs out"), "{err}");
    assert!(files_in(&dest).is_empty());
    assert!(outside.join("secret.txt").is_file());
}

/// `mlrun sync` of a registered version whose files are an MLflow 3 logged model folder of the
/// source store: a symlink planted in that folder must not carry what it points to into the
/// destination (reported, not followed).
#[test]
fn sync_does_not_follow_a_link_in_a_model_folder() {
    let env = TestEnv::new();
    let run = env.ok(&["runs", "start", "--experiment-name", "e", "--name", "r"]);
    let model = env.path().join("model");
    std::fs::create_dir_all(&model).unwrap();
    std::fs::write(model.join("MLmodel"), "artifact_path: model\nflavors: {}\n").unwrap();
    let uri = env.ok(&["models", "log", "--run-id", &run, model.to_str().unwrap()]);
    let uri = uri.lines().last().unwrap().to_string();
    let folder = files_in(&env.store())
        .into_iter()
        .find(|p| p.ends_with("artifacts/MLmodel") && p.to_string_lossy().contains("/models/m-"))
        .unwrap();
    let outside = env.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("secret.txt"), "TOP SECRET").unwrap();
    symlink(&outside, folder.parent().unwrap().join("lnk")).unwrap();
    env.ok(&["models", "register", &uri, "m"]);
    let dst = env.path().join("dst");
    let out = env.run(&["sync", env.store().to_str().unwrap(), dst.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let copied = files_in(&dst);
    assert!(
        copied.iter().any(|p| p.ends_with("MLmodel")),
        "the model was not copied: {copied:?}"
    );
    assert!(
        !copied.iter().any(|p| p.ends_with("secret.txt")),
        "followed the link: {copied:?}"
    );
    assert!(
        stderr(&out).contains("lnk"),
        "not reported: {}",
        stderr(&out)
    );
}
