//! MLflow's validation rules (spec §4): key characters, the path-traversal rule, lengths and id formats.
//! Every check returns the exact reason so the CLI can name the value at fault.
use crate::error::StoreError;

pub const MAX_KEY_LEN: usize = 250;
pub const MAX_PARAM_VALUE_LEN: usize = 6000;
pub const MAX_TAG_VALUE_LEN: usize = 8000;
pub const MAX_EXPERIMENT_TAG_VALUE_LEN: usize = 20000;
pub const MAX_EXPERIMENT_NAME_LEN: usize = 500;
pub const MAX_ARTIFACT_LOCATION_LEN: usize = 2048;
pub const MAX_BATCH_METRICS: usize = 1000;
pub const MAX_BATCH_PARAMS: usize = 100;
pub const MAX_BATCH_TAGS: usize = 100;

fn invalid(msg: String) -> StoreError {
    StoreError::InvalidParameter(msg)
}

/// POSIX `os.path.normpath`, as MLflow uses it to detect keys that would resolve to another name.
pub fn normpath(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let initial = if path.starts_with("//") && !path.starts_with("///") {
        2
    } else if path.starts_with('/') {
        1
    } else {
        0
    };
    let mut parts: Vec<&str> = Vec::new();
    for comp in path.split('/') {
        if comp.is_empty() || comp == "." {
            continue;
        }
        if comp != ".." || (initial == 0 && parts.is_empty()) || parts.last() == Some(&"..") {
            parts.push(comp);
        } else if !parts.is_empty() {
            parts.pop();
        }
    }
    let joined = parts.join("/");
    let out = format!("{}{}", "/".repeat(initial), joined);
    if out.is_empty() {
        ".".into()
    } else {
        out
    }
}

/// A param, metric or tag key: allowed characters, no traversal, at most 250 characters. Refusals
/// read as MLflow's file store client words them: the key as `json.dumps` quotes it, named
/// `name` for a metric and `key` otherwise.
pub fn key(key: &str, what: &str) -> Result<(), StoreError> {
    key_at(key, what, if what == "Metric" { "name" } else { "key" })
}

/// [`key`], naming the key by its place in a request as MLflow's `log_batch` does
/// (`metrics[0].name`, `params[1].key`, `tags[2].key`).
pub fn key_at(key: &str, what: &str, param: &str) -> Result<(), StoreError> {
    let quoted = crate::pyjson::dumps_str(key);
    let ok_chars = key
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '/' | '.' | '-' | ' ' | ':'));
    if !ok_chars {
        return Err(invalid(format!(
            "Invalid value {quoted} for parameter '{param}' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/)."
        )));
    }
    let norm = normpath(key);
    if norm != key || norm == "." || norm.starts_with("..") || norm.starts_with('/') {
        return Err(invalid(format!(
            "Invalid value {quoted} for parameter '{param}' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '{norm}'"
        )));
    }
    length_limit(&format!("{what} key"), key, MAX_KEY_LEN)
}

/// MLflow's `_validate_length_limit` without truncation: `value` at most `limit` characters, else
/// its `exceeds_maximum_length` message naming `what`.
pub fn length_limit(what: &str, value: &str, limit: usize) -> Result<(), StoreError> {
    if value.chars().count() > limit {
        return Err(invalid(format!(
            "'{what}' exceeds the maximum length of {limit} characters"
        )));
    }
    Ok(())
}

/// How strictly [`rel_path`] reads a path: a user's argument may carry harmless spelling (`a/`,
/// `./a`, `a//b`) that normalises away; a name listed by a server or read from a store must already
/// be in normal form, since nothing a peer sends is trusted to mean what it seems to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelPath {
    Argument,
    Listed,
}

/// The one check every artifact path passes before it becomes a path on disk or in a URL: a
/// relative, `/`-separated path that stays beneath its root. Refused: `..` segments, absolute
/// paths, backslashes (a separator elsewhere), NUL and other control characters, and (for listed
/// names) empty or `.` segments. Returns the normal form (`""` is the root) or the reason.
pub fn rel_path(path: &str, how: RelPath) -> Result<String, &'static str> {
    if path.contains('\0') {
        return Err("it contains a NUL byte");
    }
    if path.chars().any(char::is_control) {
        return Err("it contains a control character");
    }
    if path.contains('\\') {
        return Err("it contains a backslash");
    }
    if path.starts_with('/') && (how == RelPath::Listed || !path.trim_start_matches('/').is_empty())
    {
        return Err("it is absolute");
    }
    let body = match how {
        RelPath::Argument => path.trim_end_matches('/'),
        RelPath::Listed => path,
    };
    let mut parts = Vec::new();
    for comp in body.split('/') {
        match comp {
            ".." => return Err("it has a '..' segment"),
            "" if how == RelPath::Listed => return Err("it has an empty segment"),
            "." if how == RelPath::Listed => return Err("it has a '.' segment"),
            "" | "." => {}
            c => parts.push(c),
        }
    }
    Ok(parts.join("/"))
}

fn id_like(s: &str, max_tail: usize) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphanumeric() => {}
        _ => return false,
    }
    let mut n = 0;
    for c in chars {
        if !(c.is_alphanumeric() || c == '_' || c == '-') {
            return false;
        }
        n += 1;
    }
    n <= max_tail
}

pub fn run_id(id: &str) -> Result<(), StoreError> {
    if id_like(id, 255) {
        Ok(())
    } else {
        Err(invalid(format!(
            "Invalid value \"{id}\" for parameter 'run_id' supplied."
        )))
    }
}

pub fn experiment_id(id: &str) -> Result<(), StoreError> {
    if id_like(id, 63) {
        Ok(())
    } else {
        Err(invalid(format!("Invalid experiment ID: '{id}'")))
    }
}

/// MLflow's `_validate_experiment_name`: only the empty name is refused (a name of spaces is a
/// name, as MLflow's client and file store take it).
pub fn experiment_name(name: &str) -> Result<(), StoreError> {
    if name.is_empty() {
        return Err(invalid("Invalid experiment name: ''".into()));
    }
    if name.chars().count() > MAX_EXPERIMENT_NAME_LEN {
        return Err(invalid(format!(
            "Experiment name exceeds the maximum length of {MAX_EXPERIMENT_NAME_LEN} characters"
        )));
    }
    Ok(())
}

pub fn timestamp(ts: i64) -> Result<(), StoreError> {
    if ts < 0 {
        return Err(invalid(format!(
            "Invalid value {ts} for parameter 'timestamp' supplied: Timestamp must be a nonnegative long (64-bit integer)"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_mlflow_rules() {
        for ok in [
            "lr",
            "a..b",
            "nested/param",
            "with space",
            "m:1",
            "ключ_é",
            "a-b.c",
        ] {
            assert!(key(ok, "Param").is_ok(), "{ok}");
        }
        for bad in [
            "", ".", "a/", "a//b", "a/../b", "/abs", "../x", "a/./b", "a@b", "a\0b", "..",
        ] {
            assert!(key(bad, "Param").is_err(), "{bad:?}");
        }
        assert!(key(&"k".repeat(251), "Param").is_err());
    }

    #[test]
    fn normpath_matches_python() {
        assert_eq!(normpath("a/../b"), "b");
        assert_eq!(normpath("../x"), "../x");
        assert_eq!(normpath("//a"), "//a");
        assert_eq!(normpath("///a"), "/a");
        assert_eq!(normpath("a/"), "a");
    }

    #[test]
    fn ids() {
        assert!(run_id("b9ceacd9793f4e1090215fe995479888").is_ok());
        assert!(run_id("../etc").is_err());
        assert!(experiment_id("0").is_ok());
        assert!(experiment_id("a/b").is_err());
    }

    #[test]
    fn rel_paths_stay_beneath_their_root() {
        use RelPath::*;
        for (p, want) in [
            ("", ""),
            (".", ""),
            ("/", ""),
            ("a/./b/", "a/b"),
            ("a//b", "a/b"),
        ] {
            assert_eq!(rel_path(p, Argument).as_deref(), Ok(want), "{p}");
        }
        assert_eq!(rel_path("a/b.txt", Listed).as_deref(), Ok("a/b.txt"));
        assert_eq!(rel_path("..x/y..", Listed).as_deref(), Ok("..x/y.."));
        for p in [
            "..",
            "../x",
            "a/../../b",
            "/etc/passwd",
            "a\\b",
            "..\\x",
            "a\0b",
            "a\u{1b}]0;t",
        ] {
            assert!(rel_path(p, Argument).is_err(), "{p:?}");
            assert!(rel_path(p, Listed).is_err(), "{p:?}");
        }
        for p in ["", ".", "./a", "a//b", "a/", "a/./b", "/"] {
            assert!(rel_path(p, Listed).is_err(), "{p:?}");
        }
    }
}
