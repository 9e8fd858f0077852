//! Registry searches: SearchModelUtils (registered models) and SearchModelVersionUtils (model versions)
//! as MLflow's registry file store applies them. That store appends a prompt-exclusion clause to every
//! filter before parsing (see [`with_prompt_filter`]); callers must do the same to get MLflow's results.
use std::cmp::Ordering;
use std::collections::HashMap;

use super::filter::{
    err, is_numeric_token, is_string_token, parse_list, parse_statement, span_of, split_entity,
    strip_quotes, strip_quotes_expected, trim_backticks, validate_comparison, ClauseStyle, RawCmp,
};
use super::like::{sql_like, LikeRules};
use super::runs::{num_value, parse_order_by_string, py_strip, Comparator, RunValue};
use super::sqlparse::{self, Cls, Tk};
use super::SearchError;

pub const IS_PROMPT_TAG_KEY: &str = "mlflow.prompt.is_prompt";
pub const SEARCH_REGISTERED_MODEL_MAX_RESULTS_DEFAULT: i64 = 100;
pub const SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD: i64 = 1000;
pub const SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT: i64 = 10000;
pub const SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD: i64 = 200_000;
/// Model versions in this stage are invisible to search.
pub const STAGE_DELETED_INTERNAL: &str = "Deleted_Internal";

/// The registry file store's checks on a search's `max_results` (`threshold` is the models' or
/// the versions' cap), with its messages.
pub fn check_max_results(max_results: i64, threshold: i64) -> Result<(), SearchError> {
    if max_results < 1 {
        return Err(err(
            format!("Invalid value for max_results. It must be a positive integer, but got {max_results}"),
            None,
        ));
    }
    if max_results > threshold {
        return Err(err(
            format!("Invalid value for request parameter max_results. It must be at most {threshold}, but got value {max_results}"),
            None,
        ));
    }
    Ok(())
}

/// `add_prompt_filter_string`: unless the filter mentions the prompt tag, AND a clause excluding
/// (or, with `is_prompt`, selecting) prompts.
pub fn with_prompt_filter(filter: Option<&str>, is_prompt: bool) -> String {
    let f = filter.unwrap_or("");
    if f.contains(IS_PROMPT_TAG_KEY) {
        return f.to_string();
    }
    let q = if is_prompt {
        format!("tag.`{IS_PROMPT_TAG_KEY}` = 'true'")
    } else {
        format!("tag.`{IS_PROMPT_TAG_KEY}` != 'true'")
    };
    if f.is_empty() {
        q
    } else {
        format!("{f} AND {q}")
    }
}

/// A registered model as its search sees it.
#[derive(Debug, Clone, Copy)]
pub struct ModelRecord<'a> {
    pub name: &'a str,
    pub creation_timestamp: i64,
    pub last_updated_timestamp: i64,
    pub tags: &'a HashMap<String, String>,
}

/// A model version as its search sees it.
#[derive(Debug, Clone, Copy)]
pub struct ModelVersionRecord<'a> {
    pub name: &'a str,
    pub version: i64,
    /// `None` for a version registered without a run: it matches no `run_id` clause, not even
    /// `!=` or `NOT IN` (SQL's NULL, which MLflow's file store follows too).
    pub run_id: Option<&'a str>,
    pub source: &'a str,
    pub current_stage: &'a str,
    pub creation_timestamp: i64,
    pub last_updated_timestamp: i64,
    pub tags: &'a HashMap<String, String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RegistryClause {
    pub is_tag: bool,
    pub key: String,
    pub comparator: Comparator,
    pub value: RunValue,
    pub span: std::ops::Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct ModelFilter {
    pub clauses: Vec<RegistryClause>,
    /// Whose LIKE and ILIKE the clauses follow (MLflow's file store unless set).
    pub like: LikeRules,
}

#[derive(Debug, Clone, Default)]
pub struct ModelVersionFilter {
    pub clauses: Vec<RegistryClause>,
    pub like: LikeRules,
}

struct Flavor {
    valid: &'static [&'static str],
    valid_repr: &'static str,
    numeric: &'static [&'static str],
    list_keys: &'static [&'static str],
    list_repr: &'static str,
    numeric_values: bool,
}

const MODELS: Flavor = Flavor {
    valid: &["name"],
    valid_repr: "{'name'}",
    numeric: &["creation_timestamp", "last_updated_timestamp"],
    list_keys: &["name"],
    list_repr: "['name']",
    numeric_values: false,
};

const VERSIONS: Flavor = Flavor {
    valid: &["name", "version_number", "run_id", "source_path"],
    valid_repr: "{'name', 'source_path', 'version_number', 'run_id'}",
    numeric: &[
        "version_number",
        "creation_timestamp",
        "last_updated_timestamp",
    ],
    list_keys: &["name", "run_id"],
    list_repr: "['name', 'run_id']",
    numeric_values: true,
};

const STRING_ATTR_CMPS: &str = "{'!=', '=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}";
const TAG_CMPS: &str = "{'!=', '=', 'LIKE', 'ILIKE'}";

fn identifier(
    f: &Flavor,
    ident: &str,
    span: &std::ops::Range<usize>,
) -> Result<(bool, String), SearchError> {
    let (is_tag, key) = split_entity(ident, span.clone())?;
    // Unlike the run and experiment parsers, the key is checked before its quotes are stripped.
    if !is_tag && !f.valid.contains(&key) {
        return Err(err(
            format!(
                "Invalid attribute key '{key}' specified. Valid keys are '{}'",
                f.valid_repr
            ),
            Some(span.clone()),
        ));
    }
    Ok((is_tag, trim_backticks(&strip_quotes(key))))
}

fn clause(
    f: &Flavor,
    tk: &Tk,
    c: &RawCmp,
) -> Result<(bool, String, String, RunValue), SearchError> {
    validate_comparison(tk, c, true)?;
    if c.toks.len() != 3 {
        return Err(err(
            format!(
                "not enough values to unpack (expected 3, got {})",
                c.toks.len()
            ),
            Some(c.span.clone()),
        ));
    }
    let (is_tag, key) = identifier(f, &tk.value(&c.toks[0]), &span_of(&c.toks[0]))?;
    let comparator = sqlparse::py_upper(&tk.value(&c.toks[1]));
    let t = &c.toks[2];
    let v = tk.value(t);
    let sp = span_of(t);
    let value = if is_tag {
        if !is_string_token(t) {
            return Err(err(
                format!("Expected a quoted string value for tag (e.g. 'my-value'). Got value {v}"),
                Some(sp),
            ));
        }
        RunValue::Str(strip_quotes_expected(&v, sp)?)
    } else if is_string_token(t) {
        RunValue::Str(strip_quotes_expected(&v, sp)?)
    } else if sqlparse::cls(t) == Cls::Parenthesis {
        if !f.list_keys.contains(&key.as_str()) {
            return Err(err(
                format!(
                    "Only {} attributes support comparison with a list of quoted string values.",
                    f.list_repr
                ),
                Some(sp),
            ));
        }
        RunValue::List(parse_list(tk, t)?)
    } else if f.numeric_values && is_numeric_token(t) {
        if !f.numeric.contains(&key.as_str()) {
            return Err(err(
                "Only the '{'creation_timestamp', 'version_number', 'last_updated_timestamp'}' attributes support comparison with numeric values.",
                Some(sp),
            ));
        }
        num_value(t.borrow().ttype, &v)
    } else {
        return Err(err(
            format!("Expected a quoted string value or a list of quoted string values for attributes. Got value {v}"),
            Some(sp),
        ));
    };
    Ok((is_tag, key, comparator, value))
}

/// Python's `int(x)` for a value compared with a numeric attribute.
fn to_int(v: &RunValue, span: &std::ops::Range<usize>) -> Result<RunValue, SearchError> {
    match v {
        RunValue::Int(i) => Ok(RunValue::Int(*i)),
        RunValue::Float(f) if f.is_finite() => Ok(RunValue::Int(f.trunc() as i128)),
        RunValue::Str(s) => {
            let t = py_strip(s).replace('_', "");
            t.parse::<i128>().map(RunValue::Int).map_err(|_| {
                err(
                    format!(
                        "invalid literal for int() with base 10: {}",
                        super::pylit::repr_str(s)
                    ),
                    Some(span.clone()),
                )
            })
        }
        _ => Err(err(
            "Invalid value for a numeric attribute",
            Some(span.clone()),
        )),
    }
}

/// Which registry checks a parsed filter's comparators and numeric values, and with which words:
/// the file registry when it matches (`int(value)`), or the SQL registry after parsing (a float
/// or a string that is not an integer is refused with its own message).
#[derive(Clone, Copy, PartialEq)]
enum Ints {
    File,
    Sql,
}

/// The SQL registry's `int(value)` for a numeric attribute, with its message.
fn sql_int(
    key: &str,
    v: &RunValue,
    span: &std::ops::Range<usize>,
) -> Result<RunValue, SearchError> {
    let refuse = |repr: String| {
        err(
            format!("Invalid value for numeric attribute '{key}': {repr}"),
            Some(span.clone()),
        )
    };
    match v {
        RunValue::Float(x) => Err(refuse(crate::pyfloat::format(*x))),
        RunValue::Str(s) => to_int(v, span).map_err(|_| refuse(super::pylit::repr_str(s))),
        other => to_int(other, span),
    }
}

fn parse_registry(f: &Flavor, s: &str, ints: Ints) -> Result<Vec<RegistryClause>, SearchError> {
    let parsed = parse_statement(s, ClauseStyle::Bare)?;
    let mut raw = Vec::new();
    for c in &parsed.cmps {
        let (is_tag, key, comparator, value) = clause(f, &parsed.tk, c)?;
        raw.push((
            is_tag,
            key,
            comparator,
            value,
            c.span.clone(),
            span_of(&c.toks[1]),
        ));
    }
    let mut out = Vec::with_capacity(raw.len());
    for (is_tag, key, upper, value, span, cmp_span) in raw {
        let numeric = !is_tag && f.numeric.contains(&key.as_str());
        let sql = ints == Ints::Sql;
        let (allowed, msg): (&[&str], String) = if is_tag {
            (
                &["!=", "=", "LIKE", "ILIKE"],
                if sql {
                    format!("Invalid comparator for tag: {upper}")
                } else {
                    format!("Invalid comparator '{upper}' not one of '{TAG_CMPS}")
                },
            )
        } else if numeric {
            (
                &[">", ">=", "!=", "=", "<", "<="],
                if sql {
                    format!("Invalid comparator for attribute {key}: {upper}")
                } else {
                    format!("Invalid comparator '{upper}' not one of '{STRING_ATTR_CMPS}")
                },
            )
        } else if sql {
            // MLflow's SQL registry takes IN and NOT IN only for the list keys.
            let list_ok = f.list_keys.contains(&key.as_str());
            (
                if list_ok {
                    &["!=", "=", "LIKE", "ILIKE", "IN", "NOT IN"]
                } else {
                    &["!=", "=", "LIKE", "ILIKE"]
                },
                format!("Invalid comparator for attribute: {upper}"),
            )
        } else {
            (
                &["!=", "=", "LIKE", "ILIKE", "IN", "NOT IN"],
                format!("Invalid comparator '{upper}' not one of '{STRING_ATTR_CMPS}'"),
            )
        };
        let comparator = match Comparator::from_upper(&upper) {
            Some(c) if allowed.contains(&upper.as_str()) => c,
            _ => return Err(err(msg, Some(cmp_span))),
        };
        let value = match (numeric, ints) {
            (true, Ints::File) => to_int(&value, &span)?,
            (true, Ints::Sql) => sql_int(&key, &value, &span)?,
            (false, _) => value,
        };
        out.push(RegistryClause {
            is_tag,
            key,
            comparator,
            value,
            span,
        });
    }
    Ok(out)
}

pub fn parse_model_filter(s: &str) -> Result<ModelFilter, SearchError> {
    Ok(ModelFilter {
        clauses: parse_registry(&MODELS, s, Ints::File)?,
        like: LikeRules::Python,
    })
}

pub fn parse_model_version_filter(s: &str) -> Result<ModelVersionFilter, SearchError> {
    Ok(ModelVersionFilter {
        clauses: parse_registry(&VERSIONS, s, Ints::File)?,
        like: LikeRules::Python,
    })
}

/// [`parse_model_filter`] as MLflow's SQL registry checks the comparators, with its messages.
pub fn parse_model_filter_sql(s: &str) -> Result<ModelFilter, SearchError> {
    Ok(ModelFilter {
        clauses: parse_registry(&MODELS, s, Ints::Sql)?,
        like: LikeRules::Python,
    })
}

/// [`parse_model_version_filter`] as MLflow's SQL registry checks the comparators and reads the
/// values of numeric attributes (see [`sql_int`]), clause by clause, with its messages.
pub fn parse_model_version_filter_sql(s: &str) -> Result<ModelVersionFilter, SearchError> {
    Ok(ModelVersionFilter {
        clauses: parse_registry(&VERSIONS, s, Ints::Sql)?,
        like: LikeRules::Python,
    })
}

enum Lhs<'a> {
    S(Option<&'a str>),
    I(i64),
}

fn clause_matches(c: &RegistryClause, lhs: Lhs, rules: LikeRules) -> bool {
    let cmp = c.comparator;
    match lhs {
        Lhs::S(l) => {
            if c.is_tag && c.key == IS_PROMPT_TAG_KEY && l.is_none() {
                let v = match &c.value {
                    RunValue::Str(v) => v.as_str(),
                    _ => "",
                };
                return (cmp == Comparator::Eq && v == "false")
                    || (cmp == Comparator::Ne && v == "true");
            }
            match (l, &c.value) {
                (None, _) => false,
                (Some(l), RunValue::Str(v)) => match cmp {
                    Comparator::Like | Comparator::ILike if rules != LikeRules::Python => {
                        sql_like(l, v, rules, cmp == Comparator::ILike)
                    }
                    _ => cmp.on_str(l, v),
                },
                (Some(l), RunValue::List(v)) => cmp.on_list(l, v),
                _ => false,
            }
        }
        Lhs::I(l) => match &c.value {
            RunValue::Int(v) => cmp.on_ord(Some((l as i128).cmp(v))),
            _ => false,
        },
    }
}

impl ModelFilter {
    pub fn matches(&self, m: &ModelRecord) -> bool {
        self.clauses.iter().all(|c| {
            let lhs = if c.is_tag {
                Lhs::S(m.tags.get(&c.key).map(|s| s.as_str()))
            } else {
                match c.key.as_str() {
                    "name" => Lhs::S(Some(m.name)),
                    "creation_timestamp" => Lhs::I(m.creation_timestamp),
                    _ => Lhs::I(m.last_updated_timestamp),
                }
            };
            clause_matches(c, lhs, self.like)
        })
    }
}

impl ModelVersionFilter {
    /// Also false for versions in the internal deleted stage, which MLflow never returns.
    pub fn matches(&self, v: &ModelVersionRecord) -> bool {
        if v.current_stage == STAGE_DELETED_INTERNAL {
            return false;
        }
        self.clauses.iter().all(|c| {
            let lhs = if c.is_tag {
                Lhs::S(v.tags.get(&c.key).map(|s| s.as_str()))
            } else {
                match c.key.as_str() {
                    "name" => Lhs::S(Some(v.name)),
                    "run_id" => Lhs::S(v.run_id),
                    "source_path" => Lhs::S(Some(v.source)),
                    "version_number" => Lhs::I(v.version),
                    "creation_timestamp" => Lhs::I(v.creation_timestamp),
                    _ => Lhs::I(v.last_updated_timestamp),
                }
            };
            clause_matches(c, lhs, self.like)
        })
    }
}

// ------------------------------------------------------------------------------------------ order_by

#[derive(Debug, Clone, PartialEq)]
pub struct ModelOrderBy {
    pub key: String,
    pub ascending: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ModelVersionOrderBy {
    /// `name`, `version_number`, `creation_timestamp` or `last_updated_timestamp`.
    pub key: String,
    pub ascending: bool,
}

fn parse_order(s: &str, valid: &[&str], valid_repr: &str) -> Result<(String, bool), SearchError> {
    let (is_tag, key, ascending) = parse_order_entity(s, valid, valid_repr)?;
    if is_tag {
        return Err(err("Invalid order_by entity: tag", Some(0..s.len())));
    }
    Ok((key, ascending))
}

/// `_parse_order_by_string` then `_get_identifier`: whether the key is a tag, the key, ascending.
fn parse_order_entity(
    s: &str,
    valid: &[&str],
    valid_repr: &str,
) -> Result<(bool, String, bool), SearchError> {
    let (key, ascending) = parse_order_by_string(s)?;
    let whole = 0..s.len();
    let ident = py_strip(&key);
    let (is_tag, key) = split_entity(ident, whole.clone())?;
    let key = trim_backticks(&strip_quotes(key));
    if !is_tag && !valid.contains(&key.as_str()) {
        return Err(err(
            format!("Invalid attribute key '{key}' specified. Valid keys are '{valid_repr}'"),
            Some(whole),
        ));
    }
    Ok((is_tag, key, ascending))
}

const VERSION_ORDER_KEYS: &[&str] = &[
    "name",
    "version_number",
    "creation_timestamp",
    "last_updated_timestamp",
];
const VERSION_ORDER_KEYS_REPR: &str =
    "{'name', 'creation_timestamp', 'version_number', 'last_updated_timestamp'}";

/// MLflow's refusal of an `order_by` list naming one column twice.
fn duplicate_orders(list: &[String]) -> SearchError {
    let items: Vec<String> = list.iter().map(|o| super::pylit::repr_str(o)).collect();
    err(
        format!(
            "`order_by` contains duplicate fields: [{}]",
            items.join(", ")
        ),
        None,
    )
}

/// The SQL registry's `order_by` for registered models (`SearchUtils`' parser, not the file
/// registry's): `name`, or `timestamp` / `last_updated_timestamp`, which both sort by the last
/// update time; then `name ASC` unless named. Returns (`name` or `last_updated_timestamp`, asc).
pub fn sql_model_orders(list: &[String]) -> Result<Vec<(String, bool)>, SearchError> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for o in list {
        let (token, ascending) = parse_order_by_string(o)?;
        let key = match py_strip(&token) {
            "name" => "name",
            "timestamp" | "last_updated_timestamp" => "last_updated_timestamp",
            other => {
                return Err(err(
                    format!(
                        "Invalid order by key '{other}' specified. Valid keys are '{{'name', 'timestamp'}}'"
                    ),
                    Some(0..o.len()),
                ))
            }
        };
        if out.iter().any(|(k, _)| k == key) {
            return Err(duplicate_orders(list));
        }
        out.push((key.to_string(), ascending));
    }
    if !out.iter().any(|(k, _)| k == "name") {
        out.push(("name".into(), true));
    }
    Ok(out)
}

/// The SQL registry's `order_by` for model versions (its default when empty:
/// `last_updated_timestamp DESC, name ASC, version_number DESC`), then `name ASC` and
/// `version_number DESC` unless named.
pub fn sql_version_orders(list: &[String]) -> Result<Vec<(String, bool)>, SearchError> {
    let default = [
        "last_updated_timestamp DESC".to_string(),
        "name ASC".to_string(),
        "version_number DESC".to_string(),
    ];
    let list = if list.is_empty() { &default[..] } else { list };
    let mut out: Vec<(String, bool)> = Vec::new();
    for o in list {
        let (is_tag, key, ascending) =
            parse_order_entity(o, VERSION_ORDER_KEYS, VERSION_ORDER_KEYS_REPR)?;
        if is_tag {
            return Err(err(
                format!(
                    "Invalid order by key '{key}' specified. Valid keys are {VERSION_ORDER_KEYS_REPR}"
                ),
                Some(0..o.len()),
            ));
        }
        if out.iter().any(|(k, _)| *k == key) {
            return Err(duplicate_orders(list));
        }
        out.push((key, ascending));
    }
    for (key, asc) in [("name", true), ("version_number", false)] {
        if !out.iter().any(|(k, _)| k == key) {
            out.push((key.into(), asc));
        }
    }
    Ok(out)
}

pub fn parse_model_order_by(s: &str) -> Result<ModelOrderBy, SearchError> {
    let (key, ascending) = parse_order(
        s,
        &["name", "creation_timestamp", "last_updated_timestamp"],
        "{'name', 'creation_timestamp', 'last_updated_timestamp'}",
    )?;
    Ok(ModelOrderBy { key, ascending })
}

pub fn parse_model_version_order_by(s: &str) -> Result<ModelVersionOrderBy, SearchError> {
    let (key, ascending) = parse_order(s, VERSION_ORDER_KEYS, VERSION_ORDER_KEYS_REPR)?;
    Ok(ModelVersionOrderBy { key, ascending })
}

fn cmp_keys<'a>(
    keys: &[(String, bool)],
    a: &dyn Fn(&str) -> Val<'a>,
    b: &dyn Fn(&str) -> Val<'a>,
) -> Ordering {
    for (k, asc) in keys {
        let o = match (a(k), b(k)) {
            (Val::S(x), Val::S(y)) => x.cmp(y),
            (Val::I(x), Val::I(y)) => x.cmp(&y),
            _ => Ordering::Equal,
        };
        let o = if *asc { o } else { o.reverse() };
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

enum Val<'a> {
    S(&'a str),
    I(i64),
}

/// `SearchModelUtils.sort`: the given keys, then `name ASC` unless name is among them.
pub fn sort_models(models: &mut [ModelRecord], order_by: &[ModelOrderBy]) {
    let mut keys: Vec<(String, bool)> = order_by
        .iter()
        .map(|o| (o.key.clone(), o.ascending))
        .collect();
    if !keys.iter().any(|(k, _)| k == "name") {
        keys.push(("name".into(), true));
    }
    models.sort_by(|a, b| {
        let get = |m: &ModelRecord<'_>, k: &str| -> i64 {
            if k == "creation_timestamp" {
                m.creation_timestamp
            } else {
                m.last_updated_timestamp
            }
        };
        let fa = |k: &str| {
            if k == "name" {
                Val::S(a.name)
            } else {
                Val::I(get(a, k))
            }
        };
        let fb = |k: &str| {
            if k == "name" {
                Val::S(b.name)
            } else {
                Val::I(get(b, k))
            }
        };
        cmp_keys(&keys, &fa, &fb)
    });
}

/// `SearchModelVersionUtils.sort` with the file store's default
/// (`last_updated_timestamp DESC, name ASC, version_number DESC`) when `order_by` is empty.
pub fn sort_model_versions(versions: &mut [ModelVersionRecord], order_by: &[ModelVersionOrderBy]) {
    let mut keys: Vec<(String, bool)> = if order_by.is_empty() {
        vec![
            ("last_updated_timestamp".into(), false),
            ("name".into(), true),
            ("version_number".into(), false),
        ]
    } else {
        order_by
            .iter()
            .map(|o| (o.key.clone(), o.ascending))
            .collect()
    };
    if !keys.iter().any(|(k, _)| k == "name") {
        keys.push(("name".into(), true));
    }
    // MLflow renames version_number to version before its tie-breaker check, so the check never
    // sees it and `version DESC` is always appended.
    keys.push(("version_number".into(), false));
    versions.sort_by(|a, b| {
        fn get<'b>(m: &ModelVersionRecord<'b>, k: &str) -> Val<'b> {
            match k {
                "name" => Val::S(m.name),
                "version_number" => Val::I(m.version),
                "creation_timestamp" => Val::I(m.creation_timestamp),
                _ => Val::I(m.last_updated_timestamp),
            }
        }
        let fa = |k: &str| get(a, k);
        let fb = |k: &str| get(b, k);
        cmp_keys(&keys, &fa, &fb)
    });
}
