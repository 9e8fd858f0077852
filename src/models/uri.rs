//! Model URIs, parsed as MLflow's `_parse_model_uri` does: `models:/NAME/VERSION`, `models:/NAME/STAGE`,
//! `models:/NAME/latest`, `models:/NAME@ALIAS` (split on the last `@`), `models:/MODEL_ID`,
//! `runs:/RUN_ID/path`, and plain paths or `file:` URIs.
use crate::store::{Result, StoreError};
use std::fmt;
use std::path::PathBuf;

/// Which version of a registered model a `models:/` URI means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    Version(i64),
    /// Any non-digit suffix other than `latest`; matched case-insensitively at resolution.
    Stage(String),
    Latest,
    Alias(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelUri {
    Registered {
        name: String,
        selector: Selector,
    },
    /// `models:/<model_id>`: an MLflow 3 logged model.
    Logged {
        model_id: String,
    },
    Run {
        run_id: String,
        path: String,
    },
    Local(PathBuf),
}

fn improper(uri: &str) -> StoreError {
    StoreError::InvalidParameter(format!(
        "Not a proper models:/ URI: {uri}. Models URIs must be of the form 'models:/name/suffix' or 'models:/name@alias' where suffix is a version, stage, or the string 'latest' and where alias is a registered model alias. Only one of suffix or alias can be defined at a time."
    ))
}

impl ModelUri {
    pub fn parse(uri: &str) -> Result<Self> {
        if let Some(rest) = uri.strip_prefix("models:") {
            return Self::parse_models(uri, rest);
        }
        if uri.starts_with("runs:") {
            let (run_id, path) = crate::uri::parse_runs_uri(uri)?;
            return Ok(Self::Run { run_id, path });
        }
        Ok(Self::Local(crate::uri::local_path_from_uri(uri)?))
    }

    fn parse_models(uri: &str, rest: &str) -> Result<Self> {
        if rest.starts_with("//") && !rest.starts_with("///") {
            return Err(StoreError::InvalidParameter(format!(
                "'{uri}' names a remote registry (models://PROFILE/...); only the local store is supported"
            )));
        }
        let path = rest.trim_start_matches('/');
        if !rest.starts_with('/') || path.is_empty() {
            return Err(improper(uri));
        }
        let parts: Vec<&str> = path.split('/').collect();
        if parts.len() > 2 || parts[0].trim().is_empty() {
            return Err(improper(uri));
        }
        if parts.len() == 2 {
            let (name, suffix) = (parts[0], parts[1]);
            if suffix.trim().is_empty() {
                return Err(improper(uri));
            }
            let selector = if suffix.bytes().all(|b| b.is_ascii_digit()) {
                Selector::Version(suffix.parse().map_err(|_| improper(uri))?)
            } else if suffix.eq_ignore_ascii_case("latest") {
                Selector::Latest
            } else {
                Selector::Stage(suffix.to_string())
            };
            return Ok(Self::Registered {
                name: name.to_string(),
                selector,
            });
        }
        if let Some((name, alias)) = path.rsplit_once('@') {
            if alias.trim().is_empty() {
                return Err(improper(uri));
            }
            return Ok(Self::Registered {
                name: name.to_string(),
                selector: Selector::Alias(alias.to_string()),
            });
        }
        Ok(Self::Logged {
            model_id: path.to_string(),
        })
    }
}

impl fmt::Display for ModelUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Registered { name, selector } => match selector {
                Selector::Version(v) => write!(f, "models:/{name}/{v}"),
                Selector::Stage(s) => write!(f, "models:/{name}/{s}"),
                Selector::Latest => write!(f, "models:/{name}/latest"),
                Selector::Alias(a) => write!(f, "models:/{name}@{a}"),
            },
            Self::Logged { model_id } => write!(f, "models:/{model_id}"),
            Self::Run { run_id, path } => write!(f, "runs:/{run_id}/{path}"),
            Self::Local(p) => write!(f, "{}", p.display()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reg(name: &str, selector: Selector) -> ModelUri {
        ModelUri::Registered {
            name: name.into(),
            selector,
        }
    }

    #[test]
    fn parses_like_mlflow() {
        let ok = [
            ("models:/a/1", reg("a", Selector::Version(1))),
            ("models:/a/01", reg("a", Selector::Version(1))),
            ("models:/a@b", reg("a", Selector::Alias("b".into()))),
            ("models:/a@b@c", reg("a@b", Selector::Alias("c".into()))),
            (
                "models:/a/Production",
                reg("a", Selector::Stage("Production".into())),
            ),
            ("models:/a/b@c", reg("a", Selector::Stage("b@c".into()))),
            ("models:/a/LATEST", reg("a", Selector::Latest)),
            ("models:///a/1", reg("a", Selector::Version(1))),
            ("models:/ a /1", reg(" a ", Selector::Version(1))),
            (
                "models:/m-123",
                ModelUri::Logged {
                    model_id: "m-123".into(),
                },
            ),
            (
                "runs:/abc/model",
                ModelUri::Run {
                    run_id: "abc".into(),
                    path: "model".into(),
                },
            ),
            ("/tmp/x", ModelUri::Local("/tmp/x".into())),
            ("file:///tmp/x", ModelUri::Local("/tmp/x".into())),
        ];
        for (uri, want) in ok {
            assert_eq!(ModelUri::parse(uri).unwrap(), want, "{uri}");
        }
        for bad in [
            "models:/a/b/c",
            "models:/a/",
            "models:/a@",
            "models:/",
            "models:a/1",
            "models://profile/a/1",
            "runs:/",
            "runs:abc",
        ] {
            assert!(ModelUri::parse(bad).is_err(), "{bad}");
        }
    }
}
