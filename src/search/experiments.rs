//! `search_experiments`: SearchExperimentsUtils (filter, order_by, sort) as the file store applies them.
use std::cmp::Ordering;

use super::filter::{
    err, is_numeric_token, is_string_token, parse_list, parse_statement, span_of, split_entity,
    strip_quotes, strip_quotes_expected, trim_backticks, validate_comparison, ClauseStyle,
};
use super::runs::{
    cmp_int_float, num_value, parse_order_by_string, py_strip, Comparator, RunValue,
};
use super::sqlparse::{self, Cls};
use super::SearchError;
use crate::entities::Experiment;

const VALID_ATTRS: &[&str] = &["name", "experiment_id", "creation_time", "last_update_time"];
const VALID_ATTRS_REPR: &str = "{'name', 'experiment_id', 'last_update_time', 'creation_time'}";
const NUMERIC: &[&str] = &["creation_time", "last_update_time"];
const STRING_ATTR_CMPS: &str = "{'!=', '=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}";
const TAG_CMPS: &str = "{'!=', '=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'}";

#[derive(Debug, Clone, PartialEq)]
pub struct ExperimentClause {
    /// `true` for `tags.<key>`, `false` for an attribute.
    pub is_tag: bool,
    pub key: String,
    pub comparator: Comparator,
    pub value: RunValue,
    pub span: std::ops::Range<usize>,
}

/// MLflow's cap on `max_results` for experiments.
pub const MAX_EXPERIMENT_RESULTS: i64 = 50_000;

/// The file store's checks on `search_experiments`' `max_results`, with its messages.
pub fn check_experiment_max_results(max_results: i64) -> Result<(), SearchError> {
    if max_results < 1 {
        return Err(err(
            format!("Invalid value {max_results} for parameter 'max_results' supplied. It must be a positive integer"),
            None,
        ));
    }
    if max_results > MAX_EXPERIMENT_RESULTS {
        return Err(err(
            format!("Invalid value {max_results} for parameter 'max_results' supplied. It must be at most {MAX_EXPERIMENT_RESULTS}"),
            None,
        ));
    }
    Ok(())
}

/// A parsed `search_experiments` filter; an empty string matches every experiment.
#[derive(Debug, Clone, Default)]
pub struct ExperimentFilter {
    pub clauses: Vec<ExperimentClause>,
}

/// `SearchExperimentsUtils._get_identifier`: only `attribute.`, `tag.` and `tags.` prefixes.
fn get_identifier(
    ident: &str,
    span: &std::ops::Range<usize>,
) -> Result<(bool, String), SearchError> {
    let (is_tag, key) = split_entity(ident, span.clone())?;
    let key = trim_backticks(&strip_quotes(key));
    if !is_tag && !VALID_ATTRS.contains(&key.as_str()) {
        return Err(err(
            format!("Invalid attribute key '{key}' specified. Valid keys are '{VALID_ATTRS_REPR}'"),
            Some(span.clone()),
        ));
    }
    Ok((is_tag, key))
}

pub fn parse_experiment_filter(s: &str) -> Result<ExperimentFilter, SearchError> {
    let parsed = parse_statement(s, ClauseStyle::Bare)?;
    let tk = &parsed.tk;
    let mut raw = Vec::new();
    for c in &parsed.cmps {
        validate_comparison(tk, c, true)?;
        let id_span = span_of(&c.toks[0]);
        let (is_tag, key) = get_identifier(&tk.value(&c.toks[0]), &id_span)?;
        if c.toks.len() == 2 {
            if !is_tag {
                return Err(err(
                    format!("IS NULL / IS NOT NULL is only supported for tags, not for attribute '{key}'"),
                    Some(c.span.clone()),
                ));
            }
            let comparator = sqlparse::py_upper(&tk.value(&c.toks[1]));
            raw.push((
                is_tag,
                key,
                comparator,
                RunValue::None,
                c.span.clone(),
                span_of(&c.toks[1]),
            ));
            continue;
        }
        let t = &c.toks[2];
        let v = tk.value(t);
        let sp = span_of(t);
        let value = if is_tag {
            if !is_string_token(t) {
                return Err(err(
                    format!(
                        "Expected a quoted string value for tag (e.g. 'my-value'). Got value {v}"
                    ),
                    Some(sp),
                ));
            }
            RunValue::Str(strip_quotes_expected(&v, sp)?)
        } else if NUMERIC.contains(&key.as_str()) {
            if !is_numeric_token(t) {
                return Err(err(
                    format!("Expected numeric value type for numeric attribute: {key}. Found {v}"),
                    Some(sp),
                ));
            }
            num_value(t.borrow().ttype, &v)
        } else if is_string_token(t) {
            RunValue::Str(strip_quotes_expected(&v, sp)?)
        } else if sqlparse::cls(t) == Cls::Parenthesis {
            if key != "experiment_id" {
                return Err(err(
                    "Only ['experiment_id'] attributes support comparison with a list of quoted string values.",
                    Some(sp),
                ));
            }
            RunValue::List(parse_list(tk, t)?)
        } else {
            return Err(err(
                format!("Expected a quoted string value for attributes. Got value {v}"),
                Some(sp),
            ));
        };
        raw.push((
            is_tag,
            key,
            tk.value(&c.toks[1]),
            value,
            c.span.clone(),
            span_of(&c.toks[1]),
        ));
    }
    let mut clauses = Vec::with_capacity(raw.len());
    for (is_tag, key, comparator, value, span, cmp_span) in raw {
        let upper = sqlparse::py_upper(&comparator);
        let (allowed, msg): (&[&str], String) = if !is_tag && !NUMERIC.contains(&key.as_str()) {
            (
                &["!=", "=", "LIKE", "ILIKE", "IN", "NOT IN"],
                format!("Invalid comparator '{upper}' not one of '{STRING_ATTR_CMPS}'"),
            )
        } else if !is_tag {
            (
                &[">", ">=", "!=", "=", "<", "<="],
                format!("Invalid comparator '{upper}' not one of '{STRING_ATTR_CMPS}"),
            )
        } else {
            (
                &["!=", "=", "LIKE", "ILIKE", "IS NULL", "IS NOT NULL"],
                format!("Invalid comparator '{upper}' not one of '{TAG_CMPS}"),
            )
        };
        let comparator = match Comparator::from_upper(&upper) {
            Some(c) if allowed.contains(&upper.as_str()) => c,
            _ => return Err(err(msg, Some(cmp_span))),
        };
        clauses.push(ExperimentClause {
            is_tag,
            key,
            comparator,
            value,
            span,
        });
    }
    Ok(ExperimentFilter { clauses })
}

impl ExperimentFilter {
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
    pub fn matches(&self, e: &Experiment) -> bool {
        self.clauses.iter().all(|c| c.matches(e))
    }
}

impl ExperimentClause {
    pub fn matches(&self, e: &Experiment) -> bool {
        let cmp = self.comparator;
        if self.is_tag {
            // Experiment.tags is a dict: the last value logged for a key wins.
            let lhs = e
                .tags
                .iter()
                .rev()
                .find(|t| t.key == self.key)
                .map(|t| t.value.as_str());
            return match cmp {
                Comparator::IsNull => lhs.is_none(),
                Comparator::IsNotNull => lhs.is_some(),
                _ => match (lhs, &self.value) {
                    (Some(l), RunValue::Str(v)) => cmp.on_str(l, v),
                    _ => false,
                },
            };
        }
        let num = |lhs: Option<i64>| -> bool {
            // MLflow compares float(value) with the attribute; None raises TypeError there for
            // ordering comparators (an internal error); here it simply does not match.
            let v = match &self.value {
                RunValue::Int(i) => *i as f64,
                RunValue::Float(f) => *f,
                _ => return false,
            };
            match lhs {
                None => cmp == Comparator::Ne,
                Some(l) => cmp.on_ord(cmp_int_float(l as i128, v)),
            }
        };
        let s = |lhs: &str| -> bool {
            match &self.value {
                RunValue::Str(v) => cmp.on_str(lhs, v),
                RunValue::List(l) => cmp.on_list(lhs, l),
                _ => false,
            }
        };
        match self.key.as_str() {
            "name" => s(&e.name),
            "experiment_id" => s(&e.experiment_id),
            "creation_time" => num(e.creation_time),
            "last_update_time" => num(e.last_update_time),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExperimentOrderBy {
    pub key: String,
    pub ascending: bool,
}

pub fn parse_experiment_order_by(s: &str) -> Result<ExperimentOrderBy, SearchError> {
    let (key, ascending) = parse_order_by_string(s)?;
    let whole = 0..s.len();
    let (is_tag, key) = get_identifier(py_strip(&key), &whole)?;
    if is_tag {
        return Err(err("Invalid order_by entity: tag", Some(whole)));
    }
    Ok(ExperimentOrderBy { key, ascending })
}

/// The file store's default when no order_by is given.
pub fn default_experiment_order_by() -> Vec<ExperimentOrderBy> {
    vec![
        ExperimentOrderBy {
            key: "creation_time".into(),
            ascending: false,
        },
        ExperimentOrderBy {
            key: "experiment_id".into(),
            ascending: true,
        },
    ]
}

enum EVal<'a> {
    S(&'a str),
    I(Option<i64>),
}

fn eval<'a>(e: &'a Experiment, key: &str) -> EVal<'a> {
    match key {
        "name" => EVal::S(&e.name),
        "experiment_id" => EVal::S(&e.experiment_id),
        "creation_time" => EVal::I(e.creation_time),
        _ => EVal::I(e.last_update_time),
    }
}

/// Sorts like `SearchExperimentsUtils.sort`; an empty `order_by` means MLflow's default
/// (`creation_time DESC, experiment_id ASC`). Unless `experiment_id` is a key, it breaks ties DESC.
/// `search_experiments` over a listing, as MLflow's file store runs it: filter, sort, then the
/// page `page_token` names; returns the page and the next page's token.
pub fn select_experiments(
    exps: Vec<Experiment>,
    filter: &ExperimentFilter,
    order_by: &[ExperimentOrderBy],
    max_results: i64,
    page_token: Option<&str>,
) -> Result<(Vec<Experiment>, Option<String>), SearchError> {
    let mut exps: Vec<Experiment> = exps.into_iter().filter(|e| filter.matches(e)).collect();
    sort_experiments(&mut exps, order_by);
    let (range, next) = super::paginate(exps.len(), max_results, page_token)?;
    Ok((exps.drain(range).collect(), next))
}

pub fn sort_experiments(exps: &mut [Experiment], order_by: &[ExperimentOrderBy]) {
    let mut keys: Vec<ExperimentOrderBy> = if order_by.is_empty() {
        default_experiment_order_by()
    } else {
        order_by.to_vec()
    };
    if !keys.iter().any(|k| k.key == "experiment_id") {
        keys.push(ExperimentOrderBy {
            key: "experiment_id".into(),
            ascending: false,
        });
    }
    exps.sort_by(|a, b| {
        for k in &keys {
            let o = match (eval(a, &k.key), eval(b, &k.key)) {
                (EVal::S(x), EVal::S(y)) => {
                    if k.ascending {
                        x.cmp(y)
                    } else {
                        y.cmp(x)
                    }
                }
                (EVal::I(x), EVal::I(y)) => match (x, y) {
                    (None, None) => Ordering::Equal,
                    (None, Some(_)) => Ordering::Greater,
                    (Some(_), None) => Ordering::Less,
                    (Some(x), Some(y)) => {
                        if k.ascending {
                            x.cmp(&y)
                        } else {
                            y.cmp(&x)
                        }
                    }
                },
                _ => Ordering::Equal,
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    });
}
