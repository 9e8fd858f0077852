//! The one URI codec: a tracking URI is parsed here once (a local folder or a tracking server), and
//! every percent-encoding and -decoding mlrun does (file URIs, REST paths and queries, the UI's query
//! strings) goes through this module, on the `percent-encoding` crate.
//!
//! The rules follow MLflow 3.17.2's Python: `urllib.parse.urlparse` for the parts of a URI,
//! `pathlib.Path.as_uri` (`quote_from_bytes`, `/` kept) for file URIs written into meta.yaml, and
//! `url2pathname` (`unquote`) to read them back.
use crate::error::{Result, StoreError};
use percent_encoding::{percent_decode_str, percent_encode, AsciiSet, NON_ALPHANUMERIC};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// What Python's `urllib.parse.quote` encodes with `safe=''`: all but RFC 3986's unreserved bytes.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');
/// Python's `quote` default (`safe='/'`), as `pathlib.Path.as_uri` uses it.
const PATH: &AsciiSet = &COMPONENT.remove(b'/');

/// A tracking (or registry) URI, parsed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrackingUri {
    /// A folder on this machine: a plain path, or a `file:` URI decoded to its path.
    Local(PathBuf),
    /// An MLflow tracking server, `http(s)://…` as given (user info included; see
    /// [`display_uri`] for the form fit to show).
    Server(String),
    /// A database in MLflow's SQL schema: `sqlite:///…` or `postgresql[+driver]://…`.
    Database(DbUri),
}

/// A database URI as SQLAlchemy (and so MLflow) spells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbUri {
    /// `sqlite:///relative/path.db`, `sqlite:////absolute/path.db` (`:memory:` is a database in
    /// memory).
    Sqlite { path: PathBuf },
    /// `postgresql://user:password@host:port/db?options`, also with a driver (`postgresql+psycopg2`),
    /// kept as given without the driver.
    Postgres { url: String },
}

impl DbUri {
    fn parse(uri: &str, scheme: &str) -> Result<Self> {
        let (engine, _driver) = scheme.split_once('+').unwrap_or((scheme, ""));
        let rest = &uri[scheme.len() + 1..];
        match engine.to_ascii_lowercase().as_str() {
            "sqlite" => {
                // SQLAlchemy: `sqlite://` + `/` + the path, so three slashes start a relative path
                // and four an absolute one; a query string is not part of the path.
                let rest = rest.split('?').next().unwrap_or("");
                let path = rest.strip_prefix("//").and_then(|r| r.strip_prefix('/'));
                match path {
                    Some(p) if !p.is_empty() => Ok(Self::Sqlite {
                        path: PathBuf::from(percent_decode(p)),
                    }),
                    _ => Err(StoreError::InvalidParameter(format!(
                        "Invalid SQLite database URI '{uri}': expected sqlite:///relative/path.db or sqlite:////absolute/path.db"
                    ))),
                }
            }
            "postgresql" => {
                if !rest.starts_with("//") {
                    return Err(StoreError::InvalidParameter(format!(
                        "Invalid PostgreSQL database URI '{}': expected postgresql://user:password@host:port/database",
                        display_db(uri)
                    )));
                }
                Ok(Self::Postgres {
                    url: format!("postgresql:{rest}"),
                })
            }
            _ => Err(StoreError::UnsupportedScheme {
                scheme: scheme.to_string(),
            }),
        }
    }

    /// The database as it may be shown: a password is replaced by `***`.
    pub fn display(&self) -> String {
        match self {
            Self::Sqlite { path } => format!("sqlite:///{}", path.display()),
            Self::Postgres { url } => display_db(url),
        }
    }
}

/// A database URI with its password (if any) replaced by `***`.
fn display_db(uri: &str) -> String {
    let Some((scheme, rest)) = uri.split_once("://") else {
        return uri.to_string();
    };
    let auth_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(auth_end);
    match authority.rsplit_once('@') {
        Some((info, host)) => {
            let user = info.split_once(':').map_or(info, |(u, _)| u);
            let masked = if info.contains(':') { ":***" } else { "" };
            format!("{scheme}://{user}{masked}@{host}{tail}")
        }
        None => uri.to_string(),
    }
}

impl TrackingUri {
    /// Parses a tracking URI: a plain path, a `file:` URI or an `http(s)://` server; any other scheme
    /// is refused with [`StoreError::UnsupportedScheme`].
    pub fn parse(uri: &str) -> Result<Self> {
        match scheme(uri).map(|s| s.to_ascii_lowercase()).as_deref() {
            None => Ok(Self::Local(PathBuf::from(uri))),
            Some("file") => file_uri_path(uri).map(Self::Local),
            Some("http" | "https") => Ok(Self::Server(uri.to_string())),
            Some(s) if s.starts_with("sqlite") || s.starts_with("postgresql") => Ok(
                Self::Database(DbUri::parse(uri, scheme(uri).unwrap_or_default())?),
            ),
            Some(_) => Err(StoreError::UnsupportedScheme {
                scheme: scheme(uri).unwrap_or_default().to_string(),
            }),
        }
    }

    /// The local folder this URI names, if it names one.
    pub fn local_root(&self) -> Option<&Path> {
        match self {
            Self::Local(p) => Some(p),
            Self::Server(_) | Self::Database(_) => None,
        }
    }
}

/// A tracking URI fit to show or record: a server's URL loses its user info and its trailing
/// slash; anything else is shown as given.
pub fn display_uri(uri: &str) -> String {
    if is_server(uri) {
        split_userinfo(uri.trim_end_matches('/')).0
    } else if scheme(uri).is_some_and(|s| s.starts_with("postgresql")) {
        display_db(uri)
    } else {
        uri.to_string()
    }
}

/// Whether a URI names a tracking server (scheme `http` or `https`, any case).
pub fn is_server(uri: &str) -> bool {
    matches!(
        scheme(uri).map(|s| s.to_ascii_lowercase()).as_deref(),
        Some("http" | "https")
    )
}

/// The local path behind a plain path or a `file:` URI (a tracking URI or an artifact URI); any
/// other scheme, a server's included, is [`StoreError::UnsupportedScheme`].
pub fn local_path_from_uri(uri: &str) -> Result<PathBuf> {
    match scheme(uri) {
        None => Ok(PathBuf::from(uri)),
        Some(s) if s.eq_ignore_ascii_case("file") => file_uri_path(uri),
        Some(s) => Err(StoreError::UnsupportedScheme {
            scheme: s.to_string(),
        }),
    }
}

/// The `file://` URI MLflow writes for an absolute path (`pathlib.Path.as_uri`): every byte but the
/// unreserved ones and `/` percent-encoded.
pub fn path_to_file_uri(p: &Path) -> String {
    format!("file://{}", percent_encode(&path_bytes(p), PATH))
}

/// Percent-encodes one URL component (a query key or value, a path segment): only RFC 3986's
/// unreserved characters pass.
pub fn encode_component(s: &str) -> String {
    percent_encode(s.as_bytes(), COMPONENT).to_string()
}

/// Percent-encodes a URL path, keeping its `/` separators.
pub fn encode_path(p: &str) -> String {
    percent_encode(p.as_bytes(), PATH).to_string()
}

/// Decodes `%XX` escapes (malformed ones are kept as they are; invalid UTF-8 becomes U+FFFD).
pub fn percent_decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// Decodes an `application/x-www-form-urlencoded` value: `+` is a space, then `%XX` escapes.
pub fn form_decode(s: &str) -> String {
    let spaced: Cow<str> = if s.contains('+') {
        Cow::Owned(s.replace('+', " "))
    } else {
        Cow::Borrowed(s)
    };
    percent_decode(&spaced)
}

/// Splits `scheme://user:pass@host/...` into the URL without user info and the decoded pair.
pub fn split_userinfo(uri: &str) -> (String, Option<(String, String)>) {
    let Some((scheme, rest)) = uri.split_once("://") else {
        return (uri.to_string(), None);
    };
    let auth_end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(auth_end);
    match authority.rsplit_once('@') {
        Some((info, host)) => {
            let (u, p) = info.split_once(':').unwrap_or((info, ""));
            (
                format!("{scheme}://{host}{path}"),
                Some((percent_decode(u), percent_decode(p))),
            )
        }
        None => (uri.to_string(), None),
    }
}

/// A URI's scheme as `urlparse` finds it: a letter, then letters, digits, `+`, `-` or `.`, before
/// the first `:`. One letter is a Windows drive, not a scheme.
fn scheme(uri: &str) -> Option<&str> {
    let (s, _) = uri.split_once(':')?;
    let mut chars = s.chars();
    let first = chars.next()?;
    (s.len() > 1
        && first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(s)
}

/// The path of a `file:` URI, as MLflow's `local_file_uri_to_path` reads it: the authority (if any)
/// must be this machine, `?query` and `#fragment` are not part of the path, escapes are decoded.
fn file_uri_path(uri: &str) -> Result<PathBuf> {
    let rest = &uri["file:".len()..];
    let rest = rest.split(['#']).next().unwrap_or("");
    let rest = rest.split(['?']).next().unwrap_or("");
    let path = match rest.strip_prefix("//") {
        Some(after) => {
            let end = after.find('/').unwrap_or(after.len());
            let (authority, path) = after.split_at(end);
            let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
            let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
            if !(host.is_empty()
                || host == "."
                || host.starts_with("localhost")
                || host.starts_with("127.0.0.1"))
            {
                return Err(StoreError::InvalidParameter(format!(
                    "{uri} is not a valid remote uri: a file: URI names a path on this machine"
                )));
            }
            path
        }
        None => rest,
    };
    Ok(path_from_bytes(percent_decode_str(path).collect()))
}

#[cfg(unix)]
fn path_bytes(p: &Path) -> Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    Cow::Borrowed(p.as_os_str().as_bytes())
}

#[cfg(not(unix))]
fn path_bytes(p: &Path) -> Cow<'_, [u8]> {
    match p.to_string_lossy() {
        Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
        Cow::Owned(s) => Cow::Owned(s.into_bytes()),
    }
}

#[cfg(unix)]
fn path_from_bytes(b: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(b))
}

#[cfg(not(unix))]
fn path_from_bytes(b: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&b).into_owned())
}

/// `runs:/RUN_ID/path` as MLflow's `RunsArtifactRepository.parse_runs_uri` reads it: the run id and
/// the run-relative path (`""` for the run's artifact root). `runs://profile/...` names a remote
/// (Databricks) workspace and is refused, as is a URI with no run id.
pub fn parse_runs_uri(uri: &str) -> Result<(String, String)> {
    let bad = || {
        StoreError::InvalidParameter(format!(
            "Not a proper runs:/ URI: {uri}. Runs URIs must be of the form 'runs:/<run_id>/run-relative/path/to/artifact'"
        ))
    };
    let rest = uri
        .strip_prefix("runs:")
        .and_then(|r| r.strip_prefix('/'))
        .ok_or_else(bad)?;
    if rest.starts_with('/') {
        return Err(bad());
    }
    let (run_id, path) = rest.split_once('/').unwrap_or((rest, ""));
    if run_id.is_empty() {
        return Err(bad());
    }
    Ok((run_id.to_string(), path.trim_matches('/').to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_uris_parse_once() {
        assert_eq!(
            TrackingUri::parse("mlruns").unwrap(),
            TrackingUri::Local("mlruns".into())
        );
        assert_eq!(
            TrackingUri::parse("FILE:///a%20b").unwrap(),
            TrackingUri::Local("/a b".into())
        );
        assert_eq!(
            TrackingUri::parse("C:/x").unwrap(),
            TrackingUri::Local("C:/x".into())
        );
        let s = TrackingUri::parse("https://u:p%40w@h:5000/").unwrap();
        assert_eq!(s, TrackingUri::Server("https://u:p%40w@h:5000/".into()));
        assert_eq!(display_uri("https://u:p%40w@h:5000/"), "https://h:5000");
        assert_eq!(display_uri("file:///a/"), "file:///a/");
        assert_eq!(s.local_root(), None);
        assert_eq!(
            TrackingUri::parse("sqlite:///x.db").unwrap(),
            TrackingUri::Database(DbUri::Sqlite {
                path: "x.db".into()
            })
        );
        assert_eq!(
            TrackingUri::parse("sqlite:////abs/m%20l.db").unwrap(),
            TrackingUri::Database(DbUri::Sqlite {
                path: "/abs/m l.db".into()
            })
        );
        assert!(matches!(
            TrackingUri::parse("sqlite://x.db"),
            Err(StoreError::InvalidParameter(_))
        ));
        let pg = TrackingUri::parse("postgresql+psycopg2://u:s3cret@h:5432/db").unwrap();
        assert_eq!(
            pg,
            TrackingUri::Database(DbUri::Postgres {
                url: "postgresql://u:s3cret@h:5432/db".into()
            })
        );
        assert_eq!(
            display_uri("postgresql+psycopg2://u:s3cret@h:5432/db"),
            "postgresql+psycopg2://u:***@h:5432/db"
        );
        assert!(matches!(
            TrackingUri::parse("mysql://x"),
            Err(StoreError::UnsupportedScheme { scheme }) if scheme == "mysql"
        ));
        assert!(is_server("HTTP://x") && !is_server("./http://x") && !is_server("/x"));
    }

    #[test]
    fn file_uris_read_as_mlflow_reads_them() {
        let p = |u| local_path_from_uri(u).unwrap();
        assert_eq!(p("file:///tmp/x"), PathBuf::from("/tmp/x"));
        assert_eq!(p("file://localhost/abs"), PathBuf::from("/abs"));
        assert_eq!(p("file:./m"), PathBuf::from("./m"));
        assert_eq!(p("file:///a?b#c"), PathBuf::from("/a"));
        assert_eq!(p("file:///a%zz%4"), PathBuf::from("/a%zz%4"));
        assert_eq!(p("file:/x%2Fy"), PathBuf::from("/x/y"));
        assert!(matches!(
            local_path_from_uri("file://elsewhere/x"),
            Err(StoreError::InvalidParameter(_))
        ));
        assert!(matches!(
            local_path_from_uri("http://x"),
            Err(StoreError::UnsupportedScheme { .. })
        ));
    }

    /// The bytes MLflow's `path_to_local_file_uri` writes for a folder named with every special
    /// character (observed with MLflow 3.17.2), and back.
    #[test]
    fn file_uris_written_as_mlflow_writes_them() {
        let dir = Path::new("/tmp/uritest/a b#c?d%e+f&g=h;é~!'(),[]@$*");
        let uri = path_to_file_uri(dir);
        assert_eq!(
            uri,
            "file:///tmp/uritest/a%20b%23c%3Fd%25e%2Bf%26g%3Dh%3B%C3%A9~%21%27%28%29%2C%5B%5D%40%24%2A"
        );
        assert_eq!(local_path_from_uri(&uri).unwrap(), dir);
    }

    #[test]
    fn components_and_queries() {
        assert_eq!(encode_component("a b/c~"), "a%20b%2Fc~");
        assert_eq!(encode_path("a b/c"), "a%20b/c");
        assert_eq!(form_decode("1+2%2B3"), "1 2+3");
        assert_eq!(percent_decode("..%2F..%2Fetc"), "../../etc");
        assert_eq!(percent_decode("%"), "%");
    }
}
