//! HTTP basic auth for `mlrun server --auth-file`: an htpasswd file of bcrypt hashes (`htpasswd
//! -B`), read once at start; plain, MD5 or SHA lines are refused with their line number. A request's
//! `Authorization: Basic …` is checked with bcrypt's constant-time verify; an unknown user is
//! verified against a dummy hash so its answer takes as long. A good pair is then remembered as a
//! keyed SHA-256 (never the password), so MLflow's clients, which send it on every call, do not
//! pay bcrypt each time.
use base64::Engine;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Most remembered good pairs; past it the memory is emptied and filled again.
const REMEMBERED: usize = 1024;

#[derive(Debug, thiserror::Error)]
pub enum AuthFileError {
    #[error("cannot read the credentials file {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}, line {line}: {reason}", path.display())]
    Malformed {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error("the credentials file {} names no users", path.display())]
    Empty { path: PathBuf },
}

/// The users a server accepts.
pub struct Credentials {
    users: HashMap<String, String>,
    /// What an unknown user's password is checked against, so the answer takes as long as a
    /// known user's: one of the file's own hashes (the right password for it fails all the same).
    decoy: String,
    /// Random per process: remembered pairs are hashed with it, so a memory dump or a timing
    /// difference in the set lookup tells nothing about a password.
    key: [u8; 16],
    remembered: Mutex<HashSet<[u8; 32]>>,
}

impl Credentials {
    /// Reads an htpasswd file: `user:$2y$…` lines, blank lines and `#` comments.
    pub fn load(path: &Path) -> Result<Self, AuthFileError> {
        let text = std::fs::read_to_string(path).map_err(|source| AuthFileError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Self, AuthFileError> {
        let bad = |line: usize, reason: String| AuthFileError::Malformed {
            path: path.to_path_buf(),
            line,
            reason,
        };
        let mut users = HashMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((user, hash)) = line.split_once(':') else {
                return Err(bad(i + 1, "expected user:hash".into()));
            };
            if user.is_empty() {
                return Err(bad(i + 1, "the user name is empty".into()));
            }
            if !["$2a$", "$2b$", "$2x$", "$2y$"]
                .iter()
                .any(|p| hash.starts_with(p))
                || hash.parse::<bcrypt::HashParts>().is_err()
            {
                return Err(bad(
                    i + 1,
                    format!(
                        "user '{user}': not a bcrypt hash (make one with `htpasswd -nB {user}`; \
                         plain, MD5 and SHA passwords are refused)"
                    ),
                ));
            }
            if users.insert(user.to_string(), hash.to_string()).is_some() {
                return Err(bad(i + 1, format!("user '{user}' appears twice")));
            }
        }
        let Some(decoy) = users.values().min().cloned() else {
            return Err(AuthFileError::Empty {
                path: path.to_path_buf(),
            });
        };
        Ok(Self {
            users,
            decoy,
            key: *uuid::Uuid::new_v4().as_bytes(),
            remembered: Mutex::new(HashSet::new()),
        })
    }

    /// Whether an `Authorization` header names a user of the file with the right password.
    pub fn allows(&self, authorization: Option<&str>) -> bool {
        let Some((user, password)) = authorization.and_then(basic_pair) else {
            return false;
        };
        let mut h = Sha256::new();
        h.update(self.key);
        h.update((user.len() as u64).to_le_bytes());
        h.update(user.as_bytes());
        h.update(password.as_bytes());
        let digest: [u8; 32] = h.finalize().into();
        let remembered = |f: &mut dyn FnMut(&mut HashSet<[u8; 32]>)| {
            let mut set = self.remembered.lock().unwrap_or_else(|e| e.into_inner());
            f(&mut set)
        };
        let mut known = false;
        remembered(&mut |s| known = s.contains(&digest));
        if known {
            return true;
        }
        let (hash, exists) = match self.users.get(&user) {
            Some(h) => (h.as_str(), true),
            None => (self.decoy.as_str(), false),
        };
        let ok = bcrypt::verify(password.as_bytes(), hash).unwrap_or(false) && exists;
        if ok {
            remembered(&mut |s| {
                if s.len() >= REMEMBERED {
                    s.clear();
                }
                s.insert(digest);
            });
        }
        ok
    }
}

/// `Basic base64(user:password)`.
fn basic_pair(header: &str) -> Option<(String, String)> {
    let (scheme, value) = header.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(value.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (user, password) = text.split_once(':')?;
    Some((user.to_string(), password.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_checked_and_named() {
        let p = Path::new("users.htpasswd");
        let e = Credentials::parse("# team\nalice:plain\n", p)
            .err()
            .unwrap();
        assert!(e.to_string().starts_with("users.htpasswd, line 2:"), "{e}");
        assert!(Credentials::parse("\n\n", p).is_err());
        assert!(Credentials::parse("bob:$apr1$x$y\n", p).is_err());
        assert!(Credentials::parse("nocolon\n", p).is_err());
    }

    #[test]
    fn basic_headers_are_decoded() {
        assert_eq!(
            basic_pair("Basic dTpwOnE="),
            Some(("u".into(), "p:q".into()))
        );
        assert_eq!(basic_pair("Bearer x"), None);
        assert_eq!(basic_pair("Basic !!!"), None);
    }
}
