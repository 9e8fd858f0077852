//! The artifact proxy (`/api/2.0/mlflow-artifacts/artifacts[/PATH]`): download (GET PATH), list
//! (GET `?path=`), upload (PUT PATH, the body is the file) and delete (DELETE PATH) beneath the
//! artifacts destination. Every path is decoded once and checked by the one checker
//! ([`validate::rel_path`]) before it is used, and the folders beneath the root are opened one
//! component at a time without following a link ([`beneath`]), so nothing is read or written
//! outside the root, whatever the spelling.
use super::request::{json_response, ApiError, ApiResult, Params};
use crate::entities::FileInfo;
use crate::http;
use crate::store::file::beneath::{self, Kind, Node};
use crate::validate::{self, RelPath};
use std::ffi::OsString;
use std::io::{Seek, Write};
use std::path::Path;

pub(super) fn handle(root: &Path, req: &http::Request, raw: &str) -> ApiResult<http::Response> {
    let decoded = crate::uri::percent_decode(raw);
    match req.method.as_str() {
        "GET" | "HEAD" if decoded.is_empty() => {
            let p = Params::of(req)?;
            let path = p.str("path", false)?.unwrap_or_default();
            list(root, &checked(&path)?)
        }
        "GET" | "HEAD" => download(root, &checked_file(&decoded)?),
        "PUT" => upload(root, &checked_file(&decoded)?, req),
        "DELETE" => delete(root, &checked_file(&decoded)?),
        _ => Err(ApiError::new(
            "ENDPOINT_NOT_FOUND",
            format!("No endpoint {} {}", req.method, req.path),
        )),
    }
}

/// MLflow's `validate_path_is_safe`, through mlrun's one checker.
fn checked(path: &str) -> ApiResult<String> {
    // A path that still holds an escape after decoding was encoded twice: refused too.
    if path.contains('%') && crate::uri::percent_decode(path) != path {
        return Err(invalid_path(path));
    }
    validate::rel_path(path, RelPath::Argument).map_err(|_| invalid_path(path))
}

fn checked_file(path: &str) -> ApiResult<String> {
    let p = checked(path)?;
    if p.is_empty() {
        return Err(invalid_path(path));
    }
    Ok(p)
}

fn invalid_path(path: &str) -> ApiError {
    ApiError::invalid(format!("Invalid path: {path}"))
}

fn parts(rel: &str) -> Vec<OsString> {
    rel.split('/').map(OsString::from).collect()
}

fn list(root: &Path, rel: &str) -> ApiResult<http::Response> {
    let mut files = Vec::new();
    let dir = beneath::Dir::open(root, &[], false)?;
    if let Some(Node::Dir(dir)) = match dir {
        Some(d) => d.get(rel)?,
        None => None,
    } {
        for (name, kind, len) in dir.entries()? {
            let path = name.to_string_lossy().into_owned();
            match kind {
                Kind::Dir => files.push(FileInfo {
                    path,
                    is_dir: true,
                    file_size: None,
                }),
                Kind::File => files.push(FileInfo {
                    path,
                    is_dir: false,
                    file_size: Some(len),
                }),
                Kind::Link | Kind::Other => {}
            }
        }
    }
    let mut out = serde_json::json!({});
    if !files.is_empty() {
        out["files"] = serde_json::json!(files);
    }
    Ok(json_response(200, &out))
}

fn download(root: &Path, rel: &str) -> ApiResult<http::Response> {
    let node = match beneath::Dir::open(root, &[], false)? {
        Some(d) => d.get(rel)?,
        None => None,
    };
    match node {
        Some(Node::File(f, len)) => {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            Ok(http::Response {
                status: 200,
                content_type: content_type(name).into(),
                headers: vec![(
                    "Content-Disposition".into(),
                    format!(
                        "attachment; filename={}",
                        crate::uri::encode_component(name)
                    ),
                )],
                body: http::Body::File(f, len),
            })
        }
        Some(Node::Dir(_)) => Err(ApiError::invalid(format!(
            "Invalid path: {rel} is a folder; list it with ?path="
        ))),
        None => Err(ApiError::new(
            "RESOURCE_DOES_NOT_EXIST",
            format!("File {rel} does not exist"),
        )),
    }
}

/// Artifacts are served as data, never as something a browser would run.
fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()) {
        Some(e) if e == "json" => "application/json",
        Some(e) if e == "png" => "image/png",
        Some(e) if e == "jpg" || e == "jpeg" => "image/jpeg",
        Some(e) if matches!(e.as_str(), "txt" | "log" | "yaml" | "yml" | "csv" | "md") => {
            "text/plain"
        }
        _ => "application/octet-stream",
    }
}

/// The body is the file: on disk already when the front spooled it, else in memory.
fn upload(root: &Path, rel: &str, req: &http::Request) -> ApiResult<http::Response> {
    let parts = parts(rel);
    let Some((name, dirs)) = parts.split_last() else {
        return Err(invalid_path(rel));
    };
    let base = beneath::Dir::open(root, &[], true)?.ok_or_else(|| {
        ApiError::new(
            "INTERNAL_ERROR",
            format!(
                "the artifacts destination {} cannot be opened",
                root.display()
            ),
        )
    })?;
    // Checked whole before anything is made, so a refused path leaves nothing behind.
    base.check_writable(&parts, false)?;
    let dir = base.make_dirs(dirs)?;
    let io = |e| crate::error::StoreError::io(root, e);
    match &req.spooled {
        Some(file) => {
            // The same open file (a second descriptor); the request itself is borrowed.
            let mut file = file.try_clone().map_err(io)?;
            file.rewind().map_err(io)?;
            dir.write_file(name, &mut file, &|_| {})?;
        }
        None => {
            let mut tmp = tempfile::tempfile().map_err(io)?;
            tmp.write_all(&req.body)
                .and_then(|_| tmp.rewind())
                .map_err(io)?;
            dir.write_file(name, &mut tmp, &|_| {})?;
        }
    }
    Ok(json_response(200, &serde_json::json!({})))
}

fn delete(root: &Path, rel: &str) -> ApiResult<http::Response> {
    let parts = parts(rel);
    let Some((name, dirs)) = parts.split_last() else {
        return Err(invalid_path(rel));
    };
    let Some(dir) = beneath::Dir::open(root, dirs, false)? else {
        return Err(ApiError::new(
            "RESOURCE_DOES_NOT_EXIST",
            format!("File {rel} does not exist"),
        ));
    };
    let path = dir.path().join(name);
    let removed = match dir.kind(name)? {
        Some((Kind::Dir, _)) => std::fs::remove_dir_all(&path),
        Some(_) => std::fs::remove_file(&path),
        None => Ok(()),
    };
    removed.map_err(|e| crate::error::StoreError::io(&path, e))?;
    Ok(json_response(200, &serde_json::json!({})))
}
