//! The one column grammar: which run value a table column shows (`metrics.loss`, `params.lr`,
//! `tags.team`, `status`, `metrics.loss:min` …), as `runs search`, `compare`, `report` and the web
//! UI's runs table name them. A person types keys (quotes, MLflow's entity aliases, `:min`/`:max`);
//! a program sends them verbatim (the UI's column chooser, whose keys may hold `:` or quotes).
use super::Needs;

/// A value a table can show for each run.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum ColumnSpec {
    Attr(Attr),
    Metric(String, Agg),
    Param(String),
    Tag(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Attr {
    RunId,
    RunName,
    Status,
    UserId,
    StartTime,
    EndTime,
    Duration,
    ExperimentId,
    ArtifactUri,
    LifecycleStage,
}

/// A metric column: its latest value (MLflow's), or a summary of its whole history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Agg {
    Latest,
    Min,
    Max,
}

/// How a column's key is spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySpelling {
    /// As a person types it: quoted keys, entity aliases, `:min`/`:max`/`:last` summaries.
    Typed,
    /// As a program sends it: `metrics.`, `params.`, `tags.` or `attributes.` then the key verbatim.
    Verbatim,
}

/// A column that names no run value, with the text at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ColumnError {
    pub column: String,
    pub message: String,
}

impl Attr {
    pub const ALL: [(Attr, &'static str); 10] = [
        (Attr::RunId, "run_id"),
        (Attr::RunName, "run_name"),
        (Attr::Status, "status"),
        (Attr::UserId, "user_id"),
        (Attr::StartTime, "start_time"),
        (Attr::EndTime, "end_time"),
        (Attr::Duration, "duration"),
        (Attr::ExperimentId, "experiment_id"),
        (Attr::ArtifactUri, "artifact_uri"),
        (Attr::LifecycleStage, "lifecycle_stage"),
    ];
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(a, _)| *a == self)
            .map_or("", |(_, n)| n)
    }
}

impl ColumnSpec {
    /// The column's name as CSV headers and `--columns` spell it.
    pub fn name(&self) -> String {
        match self {
            Self::Attr(a) => a.name().to_string(),
            Self::Metric(k, Agg::Latest) => format!("metrics.{k}"),
            Self::Metric(k, Agg::Min) => format!("metrics.{k}:min"),
            Self::Metric(k, Agg::Max) => format!("metrics.{k}:max"),
            Self::Param(k) => format!("params.{k}"),
            Self::Tag(k) => format!("tags.{k}"),
        }
    }

    /// Adds the keys a search must load to show this column (summaries are read apart).
    pub fn add_needs(&self, n: &mut Needs) {
        match self {
            Self::Metric(k, Agg::Latest) => {
                n.metrics.insert(k.clone());
            }
            Self::Param(k) => {
                n.params.insert(k.clone());
            }
            Self::Tag(k) => {
                n.tags.insert(k.clone());
            }
            _ => {}
        }
    }
}

/// The keys a search must load to show these columns.
pub fn needs_of<'a>(columns: impl IntoIterator<Item = &'a ColumnSpec>) -> Needs {
    let mut n = Needs::default();
    for c in columns {
        c.add_needs(&mut n);
    }
    n
}

/// Parses one column. Typed: `metrics.loss:min`, ``params.`a b` ``, `tags."x"`, `status`, with
/// MLflow's entity aliases. Verbatim: `ENTITY.KEY`, the key as is; an `attributes.` column names
/// no key to load and is `None`.
pub fn parse_column(s: &str, spelling: KeySpelling) -> Result<Option<ColumnSpec>, ColumnError> {
    match spelling {
        KeySpelling::Typed => parse_typed(s).map(Some),
        KeySpelling::Verbatim => {
            let bad = || ColumnError {
                column: s.to_string(),
                message: format!("unknown column '{s}'"),
            };
            let (entity, key) = s.split_once('.').ok_or_else(bad)?;
            Ok(match entity {
                "metrics" => Some(ColumnSpec::Metric(key.to_string(), Agg::Latest)),
                "params" => Some(ColumnSpec::Param(key.to_string())),
                "tags" => Some(ColumnSpec::Tag(key.to_string())),
                "attributes" => None,
                _ => return Err(bad()),
            })
        }
    }
}

fn parse_typed(s: &str) -> Result<ColumnSpec, ColumnError> {
    let s = s.trim();
    let err = |message: String| ColumnError {
        column: s.to_string(),
        message,
    };
    let unquote = |k: &str| -> String {
        let k = k.trim();
        for q in ['`', '"', '\''] {
            if k.len() >= 2 && k.starts_with(q) && k.ends_with(q) {
                return k[1..k.len() - 1].to_string();
            }
        }
        k.to_string()
    };
    let (body, agg) = match s.rsplit_once(':') {
        Some((b, "min")) => (b, Agg::Min),
        Some((b, "max")) => (b, Agg::Max),
        Some((b, "last" | "latest")) => (b, Agg::Latest),
        _ => (s, Agg::Latest),
    };
    let bad = || {
        err(format!(
            "unknown column '{s}': use metrics.KEY[:min|:max|:last], params.KEY, tags.KEY or one of {}",
            Attr::ALL.map(|(_, n)| n).join(", ")
        ))
    };
    if let Some((entity, key)) = body.split_once('.') {
        let key = unquote(key);
        if key.is_empty() {
            return Err(bad());
        }
        let spec = match unquote(entity).as_str() {
            "metric" | "metrics" => ColumnSpec::Metric(key, agg),
            "param" | "params" | "parameter" | "parameters" => ColumnSpec::Param(key),
            "tag" | "tags" => ColumnSpec::Tag(key),
            "attribute" | "attributes" | "attr" | "run" => {
                return parse_typed(&key);
            }
            _ => return Err(bad()),
        };
        if agg != Agg::Latest && !matches!(spec, ColumnSpec::Metric(..)) {
            return Err(err(format!(
                "'{s}': only metrics have :min, :max and :last"
            )));
        }
        return Ok(spec);
    }
    let name = match body {
        "created" | "Created" => "start_time",
        "run name" | "Run name" | "Run Name" | "name" => "run_name",
        other => other,
    };
    Attr::ALL
        .iter()
        .find(|(_, n)| *n == name)
        .map(|(a, _)| ColumnSpec::Attr(*a))
        .filter(|_| agg == Agg::Latest || body == s)
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> Result<ColumnSpec, ColumnError> {
        parse_column(s, KeySpelling::Typed).map(|c| c.expect("typed columns are always some"))
    }

    #[test]
    fn columns_parse_with_aliases_quotes_and_summaries() {
        assert_eq!(
            typed("metrics.loss:min").unwrap(),
            ColumnSpec::Metric("loss".into(), Agg::Min)
        );
        assert_eq!(
            typed("metric.`a b`").unwrap(),
            ColumnSpec::Metric("a b".into(), Agg::Latest)
        );
        assert_eq!(
            typed("params.\"nested/p\"").unwrap(),
            ColumnSpec::Param("nested/p".into())
        );
        assert_eq!(
            typed("tags.mlflow.runName").unwrap(),
            ColumnSpec::Tag("mlflow.runName".into())
        );
        assert_eq!(
            typed("attributes.created").unwrap(),
            ColumnSpec::Attr(Attr::StartTime)
        );
        assert!(typed("params.lr:min").is_err());
        assert!(typed("bogus")
            .unwrap_err()
            .message
            .contains("unknown column 'bogus'"));
        assert!(typed("metrics.").is_err());
    }

    #[test]
    fn verbatim_keys_are_taken_as_sent() {
        let v = |s| parse_column(s, KeySpelling::Verbatim);
        assert_eq!(
            v("metrics.a:min").unwrap(),
            Some(ColumnSpec::Metric("a:min".into(), Agg::Latest))
        );
        assert_eq!(
            v("params.`q`").unwrap(),
            Some(ColumnSpec::Param("`q`".into()))
        );
        assert_eq!(v("tags.x.y").unwrap(), Some(ColumnSpec::Tag("x.y".into())));
        assert_eq!(v("attributes.anything").unwrap(), None);
        assert_eq!(
            v("metric.a").unwrap_err().message,
            "unknown column 'metric.a'"
        );
        assert!(v("status").is_err());
    }

    #[test]
    fn needs_hold_latest_values_only() {
        let cols = [
            ColumnSpec::Metric("a".into(), Agg::Latest),
            ColumnSpec::Metric("b".into(), Agg::Min),
            ColumnSpec::Param("p".into()),
            ColumnSpec::Tag("t".into()),
            ColumnSpec::Attr(Attr::Status),
        ];
        let n = needs_of(&cols);
        assert_eq!(n.metrics.into_iter().collect::<Vec<_>>(), ["a"]);
        assert_eq!(n.params.into_iter().collect::<Vec<_>>(), ["p"]);
        assert_eq!(n.tags.into_iter().collect::<Vec<_>>(), ["t"]);
    }
}
