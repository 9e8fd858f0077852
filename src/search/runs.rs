//! `search_runs`: SearchUtils.parse_search_filter / _does_run_match_clause / parse_order_by_for_search_runs
//! / sort, as MLflow's file store applies them.
use std::cmp::Ordering;

use super::filter::{
    err, is_numeric_token, is_string_token, parse_list, parse_statement, span_of, strip_quotes,
    strip_quotes_expected, trim_backticks, validate_comparison, ClauseStyle,
};
use super::like::like;
use super::sqlparse::{self, Cls, N};
use super::{Needs, SearchError, SearchRun};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunEntity {
    Metric,
    Param,
    Tag,
    Attribute,
    Dataset,
}

impl RunEntity {
    fn name(self) -> &'static str {
        match self {
            Self::Metric => "metric",
            Self::Param => "parameter",
            Self::Tag => "tag",
            Self::Attribute => "attribute",
            Self::Dataset => "dataset",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    Gt,
    Ge,
    Eq,
    Ne,
    Lt,
    Le,
    Like,
    ILike,
    In,
    NotIn,
    IsNull,
    IsNotNull,
}

impl Comparator {
    pub(crate) fn from_upper(s: &str) -> Option<Self> {
        Some(match s {
            ">" => Self::Gt,
            ">=" => Self::Ge,
            "=" => Self::Eq,
            "!=" => Self::Ne,
            "<" => Self::Lt,
            "<=" => Self::Le,
            "LIKE" => Self::Like,
            "ILIKE" => Self::ILike,
            "IN" => Self::In,
            "NOT IN" => Self::NotIn,
            "IS NULL" => Self::IsNull,
            "IS NOT NULL" => Self::IsNotNull,
            _ => return None,
        })
    }
    /// Python's comparison operators on an ordering; `None` (NaN involved) is false except for `!=`.
    pub(crate) fn on_ord(self, o: Option<Ordering>) -> bool {
        match (self, o) {
            (Self::Ne, None) => true,
            (_, None) => false,
            (Self::Gt, Some(o)) => o == Ordering::Greater,
            (Self::Ge, Some(o)) => o != Ordering::Less,
            (Self::Eq, Some(o)) => o == Ordering::Equal,
            (Self::Ne, Some(o)) => o != Ordering::Equal,
            (Self::Lt, Some(o)) => o == Ordering::Less,
            (Self::Le, Some(o)) => o != Ordering::Greater,
            _ => false,
        }
    }
    /// A string compared with a string value (`=`, `!=`, `<`… `LIKE`, `ILIKE`).
    pub(crate) fn on_str(self, lhs: &str, rhs: &str) -> bool {
        match self {
            Self::Like => like(lhs, rhs, false),
            Self::ILike => like(lhs, rhs, true),
            Self::In => lhs.contains(rhs),
            Self::NotIn => !lhs.contains(rhs),
            _ => self.on_ord(Some(lhs.cmp(rhs))),
        }
    }
    /// A string compared with a parsed list value.
    pub(crate) fn on_list(self, lhs: &str, rhs: &[String]) -> bool {
        match self {
            Self::In => rhs.iter().any(|x| x == lhs),
            Self::NotIn => !rhs.iter().any(|x| x == lhs),
            // str == tuple is False and str != tuple is True; ordering or LIKE on a tuple raises
            // TypeError in MLflow (an internal error there); no row matches here.
            Self::Ne => true,
            _ => false,
        }
    }
}

/// Python's exact int-vs-float comparison.
pub(crate) fn cmp_int_float(i: i128, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f >= 1.7e38 {
        return Some(Ordering::Less);
    }
    if f <= -1.7e38 {
        return Some(Ordering::Greater);
    }
    let fl = f.floor();
    let fi = fl as i128;
    match i.cmp(&fi) {
        Ordering::Equal if f > fl => Some(Ordering::Less),
        o => Some(o),
    }
}

/// A parsed right-hand side.
#[derive(Debug, Clone, PartialEq)]
pub enum RunValue {
    /// A metric value, compared as a float.
    Metric(f64),
    Int(i128),
    Float(f64),
    Str(String),
    List(Vec<String>),
    /// IS NULL / IS NOT NULL.
    None,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RunClause {
    pub entity: RunEntity,
    /// The key as written (after quote stripping); attribute aliases are resolved at match time.
    pub key: String,
    pub comparator: Comparator,
    pub value: RunValue,
    pub span: std::ops::Range<usize>,
}

/// A parsed `search_runs` filter; an empty string matches every run.
#[derive(Debug, Clone, Default)]
pub struct RunFilter {
    pub clauses: Vec<RunClause>,
}

const ENTITY_LIST: &str = "['metric', 'parameter', 'tag', 'attribute', 'dataset']";
const SEARCH_ATTRS: &str = "{'end_time', 'start_time', 'run_name', 'run_id', 'Run Name', 'user_id', 'Run name', 'run name', 'artifact_uri', 'status', 'Created', 'created'}";
const ORDER_ATTRS: &str = "{'end_time', 'start_time', 'run_name', 'run_id', 'user_id', 'artifact_uri', 'status', 'Created', 'created'}";
const SEARCH_ATTR_KEYS: &[&str] = &[
    "end_time",
    "start_time",
    "run_name",
    "run_id",
    "Run Name",
    "user_id",
    "Run name",
    "run name",
    "artifact_uri",
    "status",
    "Created",
    "created",
];
const ORDER_ATTR_KEYS: &[&str] = &[
    "end_time",
    "start_time",
    "run_name",
    "run_id",
    "user_id",
    "artifact_uri",
    "status",
    "Created",
    "created",
];
const NUMERIC_ATTRS: &[&str] = &["start_time", "end_time", "created", "Created"];
const METRIC_CMPS: &str = "{'>', '>=', '!=', '=', '<', '<='}";
const PARAM_CMPS: &str = "{'!=', '=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'}";
const STRING_ATTR_CMPS: &str = "{'!=', '=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}";

pub(crate) fn translate_key_alias(key: &str) -> &str {
    match key {
        "created" | "Created" => "start_time",
        "run name" | "Run name" | "Run Name" => "run_name",
        k => k,
    }
}

/// `SearchUtils._get_identifier`.
fn get_identifier(
    ident: &str,
    valid: &[&str],
    valid_repr: &str,
    span: &std::ops::Range<usize>,
) -> Result<(RunEntity, String), SearchError> {
    let (entity, key) = match ident.split_once('.') {
        None => ("attribute".to_string(), ident),
        Some((e, k)) => (e.to_string(), k),
    };
    let entity = trim_backticks(&entity);
    let ent = match entity.as_str() {
        "metric" | "metrics" => RunEntity::Metric,
        "parameter" | "parameters" | "param" | "params" => RunEntity::Param,
        "tag" | "tags" => RunEntity::Tag,
        "attribute" | "attributes" | "attr" | "run" => RunEntity::Attribute,
        "dataset" | "datasets" => RunEntity::Dataset,
        _ => {
            return Err(err(
                format!("Invalid entity type '{entity}'. Valid values are {ENTITY_LIST}"),
                Some(span.clone()),
            ))
        }
    };
    let key = trim_backticks(&strip_quotes(key));
    if ent == RunEntity::Attribute && !valid.contains(&key.as_str()) {
        return Err(err(
            format!("Invalid attribute key '{key}' specified. Valid keys are '{valid_repr}'"),
            Some(span.clone()),
        ));
    }
    if ent == RunEntity::Dataset && !["name", "digest", "context"].contains(&key.as_str()) {
        return Err(err(
            format!("Invalid dataset key '{key}' specified. Valid keys are '{{'name', 'digest', 'context'}}'"),
            Some(span.clone()),
        ));
    }
    Ok((ent, key))
}

fn get_value(tk: &sqlparse::Tk, ent: RunEntity, key: &str, t: &N) -> Result<RunValue, SearchError> {
    let v = tk.value(t);
    let sp = span_of(t);
    let ttype = t.borrow().ttype;
    match ent {
        RunEntity::Metric => {
            if !is_numeric_token(t) {
                return Err(err(
                    format!("Expected numeric value type for metric. Found {v}"),
                    Some(sp),
                ));
            }
            Ok(RunValue::Metric(py_float(&v)))
        }
        RunEntity::Param | RunEntity::Tag => {
            if is_string_token(t) {
                return Ok(RunValue::Str(strip_quotes_expected(&v, sp)?));
            }
            Err(err(
                format!(
                    "Expected a quoted string value for {} (e.g. 'my-value'). Got value {v}",
                    ent.name()
                ),
                Some(sp),
            ))
        }
        RunEntity::Attribute => {
            if NUMERIC_ATTRS.contains(&key) {
                if !is_numeric_token(t) {
                    return Err(err(
                        format!(
                            "Expected numeric value type for numeric attribute: {key}. Found {v}"
                        ),
                        Some(sp),
                    ));
                }
                return Ok(num_value(ttype, &v));
            }
            if is_string_token(t) {
                return Ok(RunValue::Str(strip_quotes_expected(&v, sp)?));
            }
            if sqlparse::cls(t) == Cls::Parenthesis {
                if key != "run_id" {
                    return Err(err(
                        "Only ['run_id'] attributes support comparison with a list of quoted string values.",
                        Some(sp),
                    ));
                }
                return Ok(RunValue::List(parse_list(tk, t)?));
            }
            Err(err(
                format!("Expected a quoted string value for attributes. Got value {v}"),
                Some(sp),
            ))
        }
        RunEntity::Dataset => {
            if is_string_token(t) {
                return Ok(RunValue::Str(strip_quotes_expected(&v, sp)?));
            }
            if sqlparse::cls(t) == Cls::Parenthesis {
                return Ok(RunValue::List(parse_list(tk, t)?));
            }
            Err(err(
                format!("Expected a quoted string value for dataset attributes. Got value {v}"),
                Some(sp),
            ))
        }
    }
}

pub(crate) fn py_float(s: &str) -> f64 {
    crate::pyfloat::parse(s)
        .or_else(|| s.parse().ok())
        .unwrap_or(f64::NAN)
}

/// `int(token)` for integer tokens, `float(token)` for float tokens.
pub(crate) fn num_value(ttype: Option<&str>, v: &str) -> RunValue {
    if ttype == Some("Literal.Number.Integer") {
        RunValue::Int(py_int(v))
    } else {
        RunValue::Float(py_float(v))
    }
}

/// An integer literal; values beyond i128 saturate, which keeps every comparison with an i64 right.
pub(crate) fn py_int(v: &str) -> i128 {
    v.parse::<i128>().unwrap_or(if v.starts_with('-') {
        i128::MIN
    } else {
        i128::MAX
    })
}

/// `SearchUtils.parse_search_filter`, plus the comparator checks MLflow makes while matching.
pub fn parse_run_filter(s: &str) -> Result<RunFilter, SearchError> {
    let parsed = parse_statement(s, ClauseStyle::Quoted)?;
    let tk = &parsed.tk;
    let mut raw = Vec::new();
    for c in &parsed.cmps {
        validate_comparison(tk, c, true)?;
        let id_span = span_of(&c.toks[0]);
        if c.toks.len() == 2 {
            let comparator = sqlparse::py_upper(&tk.value(&c.toks[1]));
            let (ent, key) = get_identifier(
                &tk.value(&c.toks[0]),
                SEARCH_ATTR_KEYS,
                SEARCH_ATTRS,
                &id_span,
            )?;
            if !matches!(ent, RunEntity::Tag | RunEntity::Param) {
                return Err(err(
                    format!(
                        "IS NULL / IS NOT NULL is only supported for tags and params, not for '{}' '{key}'",
                        ent.name()
                    ),
                    Some(c.span.clone()),
                ));
            }
            raw.push((
                ent,
                key,
                comparator,
                RunValue::None,
                c.span.clone(),
                span_of(&c.toks[1]),
            ));
            continue;
        }
        let (ent, key) = get_identifier(
            &tk.value(&c.toks[0]),
            SEARCH_ATTR_KEYS,
            SEARCH_ATTRS,
            &id_span,
        )?;
        let comparator = tk.value(&c.toks[1]);
        let value = get_value(tk, ent, &key, &c.toks[2])?;
        raw.push((
            ent,
            key,
            comparator,
            value,
            c.span.clone(),
            span_of(&c.toks[1]),
        ));
    }
    // MLflow checks comparators only when it evaluates a clause against a run; checking them here
    // (in clause order, after every clause parsed) rejects the same strings whenever any run exists.
    let mut clauses = Vec::with_capacity(raw.len());
    for (entity, key, comparator, value, span, cmp_span) in raw {
        let upper = sqlparse::py_upper(&comparator);
        let akey = translate_key_alias(&key);
        let (allowed, set, close): (&[&str], &str, &str) = match entity {
            RunEntity::Metric => (&[">", ">=", "!=", "=", "<", "<="], METRIC_CMPS, ""),
            RunEntity::Param => (
                &["!=", "=", "LIKE", "ILIKE", "IS NULL", "IS NOT NULL"],
                PARAM_CMPS,
                "'",
            ),
            RunEntity::Tag => (
                &["!=", "=", "LIKE", "ILIKE", "IS NULL", "IS NOT NULL"],
                PARAM_CMPS,
                "",
            ),
            RunEntity::Attribute if !NUMERIC_ATTRS.contains(&akey) => (
                &["!=", "=", "LIKE", "ILIKE", "IN", "NOT IN"],
                STRING_ATTR_CMPS,
                "'",
            ),
            RunEntity::Attribute => (&[">", ">=", "!=", "=", "<", "<="], STRING_ATTR_CMPS, ""),
            RunEntity::Dataset => (
                &["!=", "=", "LIKE", "ILIKE", "IN", "NOT IN"],
                STRING_ATTR_CMPS,
                "",
            ),
        };
        let comparator = match Comparator::from_upper(&upper) {
            Some(c) if allowed.contains(&upper.as_str()) => c,
            _ => {
                return Err(err(
                    format!("Invalid comparator '{upper}' not one of '{set}{close}"),
                    Some(cmp_span),
                ))
            }
        };
        clauses.push(RunClause {
            entity,
            key,
            comparator,
            value,
            span,
        });
    }
    Ok(RunFilter { clauses })
}

impl RunFilter {
    /// Adds the metric/param/tag keys (and whether datasets are needed) this filter reads.
    pub fn needs(&self, n: &mut Needs) {
        for c in &self.clauses {
            if c.entity == RunEntity::Dataset {
                n.datasets = true;
            }
            need_key(n, &c.entity, &c.key);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    pub fn matches(&self, r: &SearchRun) -> bool {
        self.clauses.iter().all(|c| c.matches(r))
    }
}

fn str_vs(cmp: Comparator, lhs: &str, v: &RunValue) -> bool {
    match v {
        RunValue::Str(s) => cmp.on_str(lhs, s),
        RunValue::List(l) => cmp.on_list(lhs, l),
        _ => false,
    }
}

impl RunClause {
    pub fn matches(&self, r: &SearchRun) -> bool {
        let cmp = self.comparator;
        let key = translate_key_alias(&self.key);
        let kv = |m: &std::collections::HashMap<String, String>| -> bool {
            let lhs = m.get(key);
            match cmp {
                Comparator::IsNull => lhs.is_none(),
                Comparator::IsNotNull => lhs.is_some(),
                _ => lhs.is_some_and(|l| str_vs(cmp, l, &self.value)),
            }
        };
        match self.entity {
            RunEntity::Metric => match (r.metrics.get(key), &self.value) {
                (Some(l), RunValue::Metric(v)) => cmp.on_ord(l.partial_cmp(v)),
                _ => false,
            },
            RunEntity::Param => kv(&r.params),
            RunEntity::Tag => kv(&r.tags),
            RunEntity::Attribute => {
                let i = &r.info;
                let num = |lhs: Option<i64>| match (lhs, &self.value) {
                    (None, _) => false,
                    (Some(l), RunValue::Int(v)) => cmp.on_ord(Some((l as i128).cmp(v))),
                    (Some(l), RunValue::Float(v)) => cmp.on_ord(cmp_int_float(l as i128, *v)),
                    _ => false,
                };
                match key {
                    "start_time" => num(Some(i.start_time)),
                    "end_time" => num(i.end_time),
                    "run_id" => str_vs(cmp, &i.run_id, &self.value),
                    "run_name" => str_vs(cmp, &i.run_name, &self.value),
                    "status" => str_vs(cmp, i.status.as_str(), &self.value),
                    "user_id" => str_vs(cmp, &i.user_id, &self.value),
                    "artifact_uri" => str_vs(cmp, &i.artifact_uri, &self.value),
                    _ => false,
                }
            }
            RunEntity::Dataset => match key {
                "context" => r
                    .datasets
                    .iter()
                    .filter_map(|d| d.context.as_deref())
                    .any(|c| str_vs(cmp, c, &self.value)),
                "name" => r.datasets.iter().any(|d| str_vs(cmp, &d.name, &self.value)),
                _ => r
                    .datasets
                    .iter()
                    .any(|d| str_vs(cmp, &d.digest, &self.value)),
            },
        }
    }
}

// ------------------------------------------------------------------------------------------ order_by

/// One parsed `order_by` entry for runs.
#[derive(Debug, Clone, PartialEq)]
pub struct RunOrderBy {
    pub entity: RunEntity,
    pub key: String,
    pub ascending: bool,
}

/// `shlex.split` (POSIX mode, no comments), which MLflow applies to `order_by` clauses. Ported, not
/// the `shlex` crate: it fails without a reason, and MLflow's error text carries Python's
/// (`No closing quotation`).
pub(crate) fn shlex_split(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut have = false;
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            ' ' | '\t' | '\r' | '\n' => {
                if have {
                    out.push(std::mem::take(&mut cur));
                    have = false;
                }
            }
            '\\' => {
                have = true;
                match it.next() {
                    Some(n) => cur.push(n),
                    None => return Err("No escaped character".into()),
                }
            }
            '\'' => {
                have = true;
                loop {
                    match it.next() {
                        Some('\'') => break,
                        Some(n) => cur.push(n),
                        None => return Err("No closing quotation".into()),
                    }
                }
            }
            '"' => {
                have = true;
                loop {
                    match it.next() {
                        Some('"') => break,
                        Some('\\') => match it.peek() {
                            Some(&n) if n == '"' || n == '\\' => {
                                cur.push(n);
                                it.next();
                            }
                            Some(_) => cur.push('\\'),
                            None => return Err("No closing quotation".into()),
                        },
                        Some(n) => cur.push(n),
                        None => return Err("No closing quotation".into()),
                    }
                }
            }
            c => {
                have = true;
                cur.push(c);
            }
        }
    }
    if have {
        out.push(cur);
    }
    Ok(out)
}

/// `SearchUtils._parse_order_by_string`: the key text and whether it is ascending.
pub(crate) fn parse_order_by_string(o: &str) -> Result<(String, bool), SearchError> {
    let whole = Some(0..o.len());
    let could_not = || {
        err(
            format!("Invalid order_by clause '{o}'. Could not be parsed."),
            whole.clone(),
        )
    };
    let stmts = sqlparse::parse(o).map_err(|_| {
        err(
            format!("Error on parsing order_by clause '{o}'"),
            whole.clone(),
        )
    })?;
    if stmts.len() != 1 {
        return Err(could_not());
    }
    let tk = sqlparse::Tk { text: o };
    let toks: Vec<N> = stmts[0].borrow().tokens.clone();
    let is_ts = |t: &N| tk.is(t, "Name.Builtin", Some(&["timestamp"]));
    let token_value = if toks.len() == 1 && sqlparse::cls(&toks[0]) == Cls::Identifier {
        tk.value(&toks[0])
    } else if toks.len() == 1 && is_ts(&toks[0]) {
        "timestamp".to_string()
    } else if !toks.is_empty()
        && is_ts(&toks[0])
        && toks[1..toks.len() - 1].iter().all(sqlparse::is_ws)
        && toks[toks.len() - 1].borrow().ttype == Some("Keyword.Order")
    {
        format!("timestamp {}", tk.value(&toks[toks.len() - 1]))
    } else {
        return Err(could_not());
    };
    let parts = shlex_split(&token_value.replace('`', "\"")).map_err(|m| err(m, whole.clone()))?;
    match parts.len() {
        0 | 1 => Ok((token_value, true)),
        2 => {
            let dir = parts[1].to_lowercase();
            if dir != "asc" && dir != "desc" {
                return Err(err(
                    format!("Invalid ordering key in order_by clause '{o}'."),
                    whole,
                ));
            }
            Ok((parts[0].clone(), dir == "asc"))
        }
        _ => Err(could_not()),
    }
}

pub(crate) fn py_strip(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c))
}

/// `SearchUtils.parse_order_by_for_search_runs`, plus the entity check `sort` makes.
pub fn parse_run_order_by(s: &str) -> Result<RunOrderBy, SearchError> {
    let (key, ascending) = parse_order_by_string(s)?;
    let whole = 0..s.len();
    let (entity, key) = get_identifier(py_strip(&key), ORDER_ATTR_KEYS, ORDER_ATTRS, &whole)?;
    if entity == RunEntity::Dataset {
        return Err(err("Invalid order_by entity type 'dataset'", Some(whole)));
    }
    Ok(RunOrderBy {
        entity,
        key,
        ascending,
    })
}

/// Parses a whole order_by list, reporting the error MLflow reports first (it parses last to first).
pub fn parse_run_order_by_list<S: AsRef<str>>(list: &[S]) -> Result<Vec<RunOrderBy>, SearchError> {
    let mut out = Vec::with_capacity(list.len());
    for s in list.iter().rev() {
        out.push(parse_run_order_by(s.as_ref())?);
    }
    out.reverse();
    Ok(out)
}

impl RunOrderBy {
    pub fn needs(&self, n: &mut Needs) {
        need_key(n, &self.entity, &self.key);
    }
}

/// Notes that a metric, param or tag `key` is read (other entities read no key).
fn need_key(n: &mut Needs, entity: &RunEntity, key: &str) {
    let set = match entity {
        RunEntity::Metric => &mut n.metrics,
        RunEntity::Param => &mut n.params,
        RunEntity::Tag => &mut n.tags,
        RunEntity::Dataset | RunEntity::Attribute => return,
    };
    set.insert(key.to_string());
}

#[derive(Debug, PartialEq, PartialOrd)]
enum SortVal<'a> {
    Num(f64),
    Int(i64),
    Str(&'a str),
}

/// (rank, value): rank 0 = present, 1 = NaN, 2 = missing — MLflow's key puts NaN before None in
/// both directions, and both after every real value.
fn sort_val<'a>(r: &'a SearchRun, o: &RunOrderBy) -> (u8, Option<SortVal<'a>>) {
    let key = translate_key_alias(&o.key);
    let v = match o.entity {
        RunEntity::Metric => r.metrics.get(key).map(|v| SortVal::Num(*v)),
        RunEntity::Param => r.params.get(key).map(|v| SortVal::Str(v)),
        RunEntity::Tag => r.tags.get(key).map(|v| SortVal::Str(v)),
        RunEntity::Attribute => match key {
            "start_time" => Some(SortVal::Int(r.info.start_time)),
            "end_time" => r.info.end_time.map(SortVal::Int),
            "run_id" => Some(SortVal::Str(&r.info.run_id)),
            "run_name" => Some(SortVal::Str(&r.info.run_name)),
            "status" => Some(SortVal::Str(r.info.status.as_str())),
            "user_id" => Some(SortVal::Str(&r.info.user_id)),
            "artifact_uri" => Some(SortVal::Str(&r.info.artifact_uri)),
            _ => None,
        },
        RunEntity::Dataset => None,
    };
    match v {
        None => (2, None),
        Some(SortVal::Num(f)) if f.is_nan() => (1, None),
        v => (0, v),
    }
}

/// MLflow's order: start_time DESC, run_id ASC, then each order_by as a stable sort, last first.
pub fn sort_runs(runs: &mut [SearchRun], order_by: &[RunOrderBy]) {
    runs.sort_by(|a, b| {
        b.info
            .start_time
            .cmp(&a.info.start_time)
            .then_with(|| a.info.run_id.cmp(&b.info.run_id))
    });
    for o in order_by.iter().rev() {
        runs.sort_by(|a, b| {
            let (ra, va) = sort_val(a, o);
            let (rb, vb) = sort_val(b, o);
            ra.cmp(&rb).then_with(|| {
                let ord = va.partial_cmp(&vb).unwrap_or(Ordering::Equal);
                if o.ascending {
                    ord
                } else {
                    ord.reverse()
                }
            })
        });
    }
}
