//! meta.yaml for experiments and runs: written in PyYAML's exact style (sorted keys, MLflow 3.x key
//! set, plus `run_uuid` so MLflow 2.x readers accept our runs), read leniently from any MLflow version.
use crate::entities::*;
use crate::pyyaml::load::{load, Node};
use crate::pyyaml::{self, Value};
use crate::store::{Result, StoreError};
use std::path::Path;

fn s(v: &str) -> Value {
    Value::Str(v.to_string())
}

fn opt_int(v: Option<i64>) -> Value {
    v.map_or(Value::Null, Value::Int)
}

/// Experiment meta. `tags` is written only on rewrites (rename, delete, restore), as MLflow does.
pub fn experiment_yaml(e: &Experiment, with_tags: bool) -> String {
    let mut m = vec![
        ("artifact_location".to_string(), s(&e.artifact_location)),
        ("creation_time".to_string(), opt_int(e.creation_time)),
        (
            "effective_trace_archival_retention".to_string(),
            Value::Null,
        ),
        ("experiment_id".to_string(), s(&e.experiment_id)),
        ("last_update_time".to_string(), opt_int(e.last_update_time)),
        ("lifecycle_stage".to_string(), s(e.lifecycle_stage.as_str())),
        ("name".to_string(), s(&e.name)),
        ("trace_location".to_string(), Value::Null),
        ("workspace".to_string(), s("default")),
    ];
    if with_tags {
        let tags = e
            .tags
            .iter()
            .map(|t| (t.key.clone(), s(&t.value)))
            .collect();
        m.push(("tags".to_string(), Value::Map(tags)));
    }
    pyyaml::dump(&m)
}

pub fn run_yaml(r: &RunInfo) -> String {
    let mut m = vec![
        ("artifact_uri".to_string(), s(&r.artifact_uri)),
        ("end_time".to_string(), opt_int(r.end_time)),
        ("entry_point_name".to_string(), s("")),
        ("experiment_id".to_string(), s(&r.experiment_id)),
        ("lifecycle_stage".to_string(), s(r.lifecycle_stage.as_str())),
        ("run_id".to_string(), s(&r.run_id)),
        ("run_name".to_string(), s(&r.run_name)),
        // MLflow 2.x's RunInfo requires run_uuid; 3.x ignores it.
        ("run_uuid".to_string(), s(&r.run_id)),
        ("source_name".to_string(), s("")),
        ("source_type".to_string(), Value::Int(4)),
        ("source_version".to_string(), s("")),
        ("start_time".to_string(), Value::Int(r.start_time)),
        ("status".to_string(), Value::Int(r.status as i64)),
        ("tags".to_string(), Value::List(vec![])),
        ("user_id".to_string(), s(&r.user_id)),
    ];
    if let Some(d) = r.deleted_time {
        m.push(("deleted_time".to_string(), Value::Int(d)));
    }
    pyyaml::dump(&m)
}

/// Parses meta.yaml text as MLflow's `read_yaml` does (PyYAML's typing of plain scalars, so
/// `name: 1e3` is the str "1e3"); the root must be a mapping.
pub fn parse_mapping(path: &Path, text: &str) -> Result<Node> {
    let bad = |message: String| StoreError::InvalidState {
        path: path.to_path_buf(),
        message,
    };
    match load(text) {
        Ok(m @ Node::Map(_)) => Ok(m),
        Ok(_) => Err(bad("meta.yaml is not a mapping".into())),
        Err(e) => Err(bad(format!("unreadable YAML: {e}"))),
    }
}

/// Reads and parses a meta.yaml (see [`parse_mapping`]).
pub fn read_mapping(path: &Path) -> Result<Node> {
    let text = read_text(path)?;
    parse_mapping(path, &text)
}

/// A meta.yaml larger than this is damage (MLflow's are a few hundred bytes, a few KB with tags);
/// it is refused rather than read into memory whole.
pub const MAX_META: u64 = 16 << 20;

/// A meta.yaml's text, at most [`MAX_META`] bytes of UTF-8.
fn read_text(path: &Path) -> Result<String> {
    use std::io::Read;
    // As `fsutil::read_small` (search reads thousands of these: open, read, close), with a bound.
    let mut file = std::fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    let mut bytes = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let n = match file.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(StoreError::io(path, e)),
        };
        bytes.extend_from_slice(&buf[..n]);
        if n < buf.len() || bytes.len() as u64 > MAX_META {
            break;
        }
    }
    let bad = |message: String| StoreError::InvalidState {
        path: path.to_path_buf(),
        message,
    };
    if bytes.len() as u64 > MAX_META {
        return Err(bad(format!(
            "meta.yaml is larger than {} MiB",
            MAX_META >> 20
        )));
    }
    String::from_utf8(bytes).map_err(|_| bad("meta.yaml is not UTF-8".into()))
}

/// The non-null value under `k`.
pub fn get<'a>(m: &'a Node, k: &str) -> Option<&'a Node> {
    m.get(k).filter(|v| !matches!(v, Node::Null))
}

/// `str(value)` of a scalar, as MLflow's entities end up holding it.
pub fn get_string(m: &Node, k: &str) -> Option<String> {
    get(m, k).and_then(Node::py_str)
}

pub fn get_int(m: &Node, k: &str) -> Option<i64> {
    get(m, k).and_then(Node::py_int)
}

fn stage(m: &Node, path: &Path) -> Result<LifecycleStage> {
    match get_string(m, "lifecycle_stage").as_deref() {
        None | Some("active") => Ok(LifecycleStage::Active),
        Some("deleted") => Ok(LifecycleStage::Deleted),
        Some(other) => Err(StoreError::InvalidState {
            path: path.to_path_buf(),
            message: format!("unknown lifecycle_stage '{other}'"),
        }),
    }
}

/// Reads an experiment's meta.yaml. Tags come from the tags folder, not from here.
pub fn read_experiment(path: &Path) -> Result<Experiment> {
    let m = read_mapping(path)?;
    let missing = |k: &str| StoreError::InvalidState {
        path: path.to_path_buf(),
        message: format!("missing key '{k}'"),
    };
    Ok(Experiment {
        experiment_id: get_string(&m, "experiment_id").ok_or_else(|| missing("experiment_id"))?,
        name: get_string(&m, "name").ok_or_else(|| missing("name"))?,
        artifact_location: get_string(&m, "artifact_location").unwrap_or_default(),
        lifecycle_stage: stage(&m, path)?,
        last_update_time: get_int(&m, "last_update_time"),
        creation_time: get_int(&m, "creation_time"),
        tags: vec![],
    })
}

pub fn read_run(path: &Path) -> Result<RunInfo> {
    let text = read_text(path)?;
    // Search reads thousands of these; the flat form MLflow writes is parsed directly, and anything
    // unusual (folded lines, double quotes, values YAML would type) goes through the YAML parser.
    if let Some(info) = fast_run(&text) {
        return Ok(info);
    }
    let m = parse_mapping(path, &text)?;
    let missing = |k: &str| StoreError::InvalidState {
        path: path.to_path_buf(),
        message: format!("missing key '{k}'"),
    };
    let run_id = get_string(&m, "run_id")
        .or_else(|| get_string(&m, "run_uuid"))
        .ok_or_else(|| missing("run_id"))?;
    let status = match get(&m, "status") {
        None => RunStatus::Running,
        Some(Node::Str(s)) => s.parse().map_err(|e: String| StoreError::InvalidState {
            path: path.to_path_buf(),
            message: e,
        })?,
        Some(_) => get_int(&m, "status")
            .and_then(RunStatus::from_int)
            .ok_or_else(|| StoreError::InvalidState {
                path: path.to_path_buf(),
                message: "invalid status".into(),
            })?,
    };
    Ok(RunInfo {
        run_uuid: run_id.clone(),
        run_id,
        experiment_id: get_string(&m, "experiment_id").ok_or_else(|| missing("experiment_id"))?,
        run_name: get_string(&m, "run_name").unwrap_or_default(),
        user_id: get_string(&m, "user_id").unwrap_or_default(),
        status,
        start_time: get_int(&m, "start_time").unwrap_or(0),
        end_time: get_int(&m, "end_time"),
        artifact_uri: get_string(&m, "artifact_uri").unwrap_or_default(),
        lifecycle_stage: stage(&m, path)?,
        deleted_time: get_int(&m, "deleted_time"),
    })
}

/// `<run>/inputs/<id>/meta.yaml`: which dataset or model feeds the run, with the input's tags.
pub struct Input {
    pub source_type: String,
    pub source_id: String,
    pub tags: std::collections::BTreeMap<String, String>,
}

pub fn read_input(path: &Path) -> Result<Input> {
    let m = read_mapping(path)?;
    let mut tags = std::collections::BTreeMap::new();
    if let Some(Node::Map(t)) = get(&m, "tags") {
        for (k, v) in t {
            if let (Some(k), Some(v)) = (k.py_str(), v.py_str()) {
                tags.insert(k, v);
            }
        }
    }
    Ok(Input {
        source_type: get_string(&m, "source_type").unwrap_or_default(),
        source_id: get_string(&m, "source_id").unwrap_or_default(),
        tags,
    })
}

pub fn read_dataset(path: &Path) -> Result<Dataset> {
    let m = read_mapping(path)?;
    let field = |k: &str| get_string(&m, k).unwrap_or_default();
    Ok(Dataset {
        name: field("name"),
        digest: field("digest"),
        source_type: field("source_type"),
        source: field("source"),
        schema: field("schema"),
        profile: field("profile"),
    })
}

/// A scalar of the flat `key: value` form: plain text, a one-line single-quoted string, or null.
#[derive(Debug, PartialEq)]
enum Flat<'a> {
    Null,
    Plain(&'a str),
    Quoted(String),
}

/// `key: value` lines with no nesting, folding, comments or double quotes; `None` otherwise.
fn flat_pairs(text: &str) -> Option<Vec<(&str, Flat<'_>)>> {
    let mut out = Vec::with_capacity(16);
    for line in text.lines() {
        let (key, value) = line
            .split_once(": ")
            .or_else(|| line.strip_suffix(':').map(|k| (k, "")))?;
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return None;
        }
        let v = match value {
            "" | "null" | "~" => Flat::Null,
            "[]" => Flat::Plain("[]"),
            v if v.starts_with('\'') => {
                let inner = v.strip_prefix('\'')?.strip_suffix('\'')?;
                if inner.replace("''", "").contains('\'') {
                    return None;
                }
                Flat::Quoted(inner.replace("''", "'"))
            }
            v if v.starts_with(|c: char| "\"&*!|>%@`{[#?-,:".contains(c) || c.is_whitespace())
                || v.ends_with(char::is_whitespace)
                || v.contains(" #")
                || v.contains(": ") =>
            {
                return None
            }
            v => Flat::Plain(v),
        };
        out.push((key, v));
    }
    Some(out)
}

fn fast_run(text: &str) -> Option<RunInfo> {
    let pairs = flat_pairs(text)?;
    let get = |k: &str| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v);
    let string = |k: &str| -> Option<Option<String>> {
        Some(match get(k) {
            None | Some(Flat::Null) => None,
            Some(Flat::Quoted(s)) => Some(s.clone()),
            // PyYAML (what MLflow reads with) would type it; leave that to the full parser.
            Some(Flat::Plain(p)) if !pyyaml::plain_resolves_to_str(p) => return None,
            Some(Flat::Plain(p)) => Some(p.to_string()),
        })
    };
    let int = |k: &str| -> Option<Option<i64>> {
        Some(match get(k) {
            None | Some(Flat::Null) => None,
            Some(Flat::Plain(p)) => Some(p.parse().ok()?),
            Some(Flat::Quoted(_)) => return None,
        })
    };
    let run_id = string("run_id")?.or(string("run_uuid")?)?;
    let status = match int("status")? {
        None => RunStatus::Running,
        Some(i) => RunStatus::from_int(i)?,
    };
    let lifecycle_stage = match string("lifecycle_stage")?.as_deref() {
        None | Some("active") => LifecycleStage::Active,
        Some("deleted") => LifecycleStage::Deleted,
        Some(_) => return None,
    };
    Some(RunInfo {
        run_uuid: run_id.clone(),
        run_id,
        experiment_id: string("experiment_id")??,
        run_name: string("run_name")?.unwrap_or_default(),
        user_id: string("user_id")?.unwrap_or_default(),
        status,
        start_time: int("start_time")?.unwrap_or(0),
        end_time: int("end_time")?,
        artifact_uri: string("artifact_uri")?.unwrap_or_default(),
        lifecycle_stage,
        deleted_time: int("deleted_time")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(run_name: &str) -> RunInfo {
        RunInfo {
            run_uuid: "abc".into(),
            run_id: "abc".into(),
            experiment_id: "0".into(),
            run_name: run_name.into(),
            user_id: "me".into(),
            status: RunStatus::Failed,
            start_time: 5,
            end_time: None,
            artifact_uri: "file:///x y/abc/artifacts".into(),
            lifecycle_stage: LifecycleStage::Deleted,
            deleted_time: Some(9),
        }
    }

    /// Every meta.yaml we write reads back as written, by the fast path where it can (it follows
    /// PyYAML's typing, so `1e5` stays a string as MLflow reads it; a YAML 1.2 parser would make it
    /// a float), and the fast path steps aside for anything it does not fully understand.
    #[test]
    fn fast_run_agrees_with_yaml() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("meta.yaml");
        for name in [
            "plain",
            "it's",
            "007",
            "true",
            "a: b",
            "x #y",
            "- dash",
            "",
            "ünï",
            "null",
            "1e5",
            "'quoted'",
            "\"dq\"",
            "a very long name that goes past the eighty column limit of pyyaml for sure yes",
            " lead",
            "trail ",
            "[x]",
            "{y}",
            "~",
            "no",
        ] {
            let i = info(name);
            let text = run_yaml(&i);
            std::fs::write(&path, &text).unwrap();
            let read = read_run(&path).unwrap();
            assert_eq!(read.run_name, name, "{text}");
            if let Some(fast) = fast_run(&text) {
                assert_eq!(fast.run_name, name);
                assert_eq!(fast.end_time, None);
                assert_eq!(fast.deleted_time, Some(9));
                assert_eq!(fast.status, RunStatus::Failed);
                assert_eq!(fast.experiment_id, "0");
            }
        }
        assert!(fast_run(&run_yaml(&info("plain"))).is_some());
        let typed = run_yaml(&info("x")).replace("run_name: x", "run_name: true");
        assert!(fast_run(&typed).is_none());
        assert!(fast_run("run_id: x\nexperiment_id: 1\n").is_none()); // an int id: YAML's job
        assert!(fast_run("run_id: x\n  nested: y\n").is_none());
    }

    #[test]
    fn huge_meta_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("meta.yaml");
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(1 << 30).unwrap();
        let e = read_run(&path).unwrap_err().to_string();
        assert!(
            e.contains("larger than 16 MiB") && e.contains("meta.yaml"),
            "{e}"
        );
        assert!(read_experiment(&path).is_err());
    }
}
