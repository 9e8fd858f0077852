//! MLflow's validation rules (spec §4): key characters, the path-traversal rule, lengths and id formats.
//! Every check returns the exact reason so the CLI can name the value at fault.
use crate::store::StoreError;

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

/// A param, metric or tag key: allowed characters, no traversal, at most 250 characters.
pub fn key(key: &str, what: &str) -> Result<(), StoreError> {
    let ok_chars = key
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '/' | '.' | '-' | ' ' | ':'));
    if !ok_chars {
        return Err(invalid(format!(
            "Invalid value \"{key}\" for parameter 'key' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/)."
        )));
    }
    let norm = normpath(key);
    if norm != key || norm == "." || norm.starts_with("..") || norm.starts_with('/') {
        return Err(invalid(format!(
            "Invalid value \"{key}\" for parameter 'key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '{norm}'"
        )));
    }
    if key.chars().count() > MAX_KEY_LEN {
        return Err(invalid(format!(
            "'{what} key' exceeds the maximum length of {MAX_KEY_LEN} characters"
        )));
    }
    Ok(())
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

pub fn experiment_name(name: &str) -> Result<(), StoreError> {
    if name.trim().is_empty() {
        return Err(invalid(
            "Invalid experiment name: '' . Experiment name cannot be empty."
                .replace("'' ", &format!("'{name}' ")),
        ));
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
}
