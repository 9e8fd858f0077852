//! The statement-level steps every MLflow search parser shares: sqlparse, the IN / IS NULL token
//! joining, the "only comparisons and AND" check, and the token-level value rules.
use super::pylit::{self, PyVal};
use super::sqlparse::{self, cls, group_node, is_ws, synthetic, Cls, Tk, N};
use super::SearchError;

/// One comparison as MLflow's `_get_comparison` sees it: non-whitespace children.
pub(crate) struct RawCmp {
    pub toks: Vec<N>,
    pub span: std::ops::Range<usize>,
}

/// How `Invalid clause(s)` lists the offending tokens: quoted for runs, bare elsewhere.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum ClauseStyle {
    Quoted,
    Bare,
}

pub(crate) struct Parsed<'a> {
    pub tk: Tk<'a>,
    pub cmps: Vec<RawCmp>,
}

pub(crate) fn span_of(n: &N) -> std::ops::Range<usize> {
    let b = n.borrow();
    b.start..b.end
}

pub(crate) fn err(message: impl Into<String>, span: Option<std::ops::Range<usize>>) -> SearchError {
    SearchError {
        message: message.into(),
        span,
    }
}

/// `parse_search_filter` up to `_process_statement`'s validity check.
pub(crate) fn parse_statement(s: &str, style: ClauseStyle) -> Result<Parsed<'_>, SearchError> {
    let tk = Tk { text: s };
    if s.is_empty() {
        return Ok(Parsed { tk, cmps: vec![] });
    }
    let whole = Some(0..s.len());
    let stmts = sqlparse::parse(s)
        .map_err(|_| err(format!("Error on parsing filter '{s}'"), whole.clone()))?;
    if stmts.is_empty() {
        return Err(err(
            format!("Invalid filter '{s}'. Could not be parsed."),
            whole,
        ));
    }
    if stmts.len() > 1 {
        let second = span_of(&stmts[1]);
        return Err(err(
            format!(
                "Search filter contained multiple expression {}. Provide AND-ed expression list.",
                pylit::repr_str(s)
            ),
            Some(second),
        ));
    }
    let toks: Vec<N> = stmts[0].borrow().tokens.clone();
    let joined = join_in_comparison_tokens(&tk, toks);
    let invalid: Vec<&N> = joined
        .iter()
        .filter(|t| !(cls(t) == Cls::Comparison || is_ws(t) || tk.is(t, "Keyword", Some(&["AND"]))))
        .collect();
    if !invalid.is_empty() {
        let list = invalid
            .iter()
            .map(|t| match style {
                ClauseStyle::Quoted => format!("'{}'", tk.value(t)),
                ClauseStyle::Bare => tk.value(t),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let span = span_of(invalid[0]);
        return Err(err(
            format!("Invalid clause(s) in filter string: {list}"),
            Some(span),
        ));
    }
    let cmps = joined
        .iter()
        .filter(|t| cls(t) == Cls::Comparison)
        .map(|c| {
            let toks: Vec<N> = c
                .borrow()
                .tokens
                .iter()
                .filter(|t| !is_ws(t))
                .cloned()
                .collect();
            RawCmp {
                toks,
                span: span_of(c),
            }
        })
        .collect();
    Ok(Parsed { tk, cmps })
}

/// MLflow's `_join_in_comparison_tokens` (sqlparse >= 0.4.4 no longer groups IN as a comparison).
fn join_in_comparison_tokens(tk: &Tk, tokens: Vec<N>) -> Vec<N> {
    let nws: Vec<N> = tokens.into_iter().filter(|t| !is_ws(t)).collect();
    let n = nws.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if n - i < 3 {
            out.extend(nws[i..].iter().cloned());
            break;
        }
        let first = nws[i].clone();
        i += 1;
        if cls(&first) != Cls::Identifier {
            out.push(first);
            continue;
        }
        let second = nws[i].clone();
        let third = nws[i + 1].clone();
        i += 2;
        if tk.is(&second, "Keyword", Some(&["IN"])) && cls(&third) == Cls::Parenthesis {
            out.push(group_node(Cls::Comparison, vec![first, second, third]));
            continue;
        }
        if tk.is(&second, "Keyword", Some(&["IS"])) && tk.is(&third, "Keyword", Some(&["NULL"])) {
            let at = third.borrow().end;
            out.push(group_node(
                Cls::Comparison,
                vec![first, synthetic("Keyword", "IS NULL", at)],
            ));
            continue;
        }
        if tk.is(&second, "Keyword", Some(&["IS"]))
            && third.borrow().ttype == Some("Keyword")
            && sqlparse::py_upper(&tk.value(&third)) == "NOT NULL"
        {
            let at = third.borrow().end;
            out.push(group_node(
                Cls::Comparison,
                vec![first, synthetic("Keyword", "IS NOT NULL", at)],
            ));
            continue;
        }
        if i >= n {
            out.extend([first, second, third]);
            break;
        }
        let fourth = nws[i].clone();
        i += 1;
        if tk.is(&second, "Keyword", Some(&["NOT"]))
            && tk.is(&third, "Keyword", Some(&["IN"]))
            && cls(&fourth) == Cls::Parenthesis
        {
            let at = second.borrow().start;
            let kw = sqlparse::leaf("Keyword", at, third.borrow().end);
            // MLflow builds a fresh "NOT IN" token; keep its span but give it MLflow's text.
            kw.borrow_mut().synthetic = Some("NOT IN");
            out.push(group_node(Cls::Comparison, vec![first, kw, fourth]));
            continue;
        }
        out.extend([first, second, third, fourth]);
    }
    out
}

/// The comparison's first token must be an identifier.
fn expect_identifier(tk: &Tk, c: &RawCmp, base: &str) -> Result<(), SearchError> {
    if cls(&c.toks[0]) != Cls::Identifier {
        return Err(err(
            format!(
                "{base}. Expected 'Identifier' found '{}'",
                tk.value(&c.toks[0])
            ),
            Some(span_of(&c.toks[0])),
        ));
    }
    Ok(())
}

/// `_validate_comparison`: `allow_is_null` is false for the registry parsers, which never accept it.
pub(crate) fn validate_comparison(
    tk: &Tk,
    c: &RawCmp,
    allow_is_null: bool,
) -> Result<(), SearchError> {
    let base = "Invalid comparison clause";
    if allow_is_null && c.toks.len() == 2 {
        let comparator = sqlparse::py_upper(&tk.value(&c.toks[1]));
        if comparator == "IS NULL" || comparator == "IS NOT NULL" {
            return expect_identifier(tk, c, base);
        }
    }
    if c.toks.len() != 3 {
        return Err(err(
            format!("{base}. Expected 3 tokens found {}", c.toks.len()),
            Some(c.span.clone()),
        ));
    }
    expect_identifier(tk, c, base)?;
    Ok(())
}

/// `attribute.k`, `tag.k`/`tags.k` or a bare `k` (an attribute) of the experiment and registry
/// grammars, as (is a tag, key); any other prefix is MLflow's error, at `span`.
pub(crate) fn split_entity(
    ident: &str,
    span: std::ops::Range<usize>,
) -> Result<(bool, &str), SearchError> {
    Ok(match ident.split_once('.') {
        None => (false, ident),
        Some((e, k)) => match e {
            "attribute" => (false, k),
            "tag" | "tags" => (true, k),
            _ => {
                return Err(err(
                    format!("Invalid entity type '{e}'. Valid entity types are ('attribute', 'tag', 'tags')"),
                    Some(span),
                ))
            }
        },
    })
}

pub(crate) fn is_quoted(v: &str, q: char) -> bool {
    v.chars().count() >= 2 && v.starts_with(q) && v.ends_with(q)
}

pub(crate) fn trim_ends(v: &str) -> String {
    let mut cs = v.chars();
    cs.next();
    cs.next_back();
    cs.collect()
}

pub(crate) fn trim_backticks(v: &str) -> String {
    if is_quoted(v, '`') {
        trim_ends(v)
    } else {
        v.to_string()
    }
}

/// `_strip_quotes(value, expect_quoted_value=False)`.
pub(crate) fn strip_quotes(v: &str) -> String {
    if is_quoted(v, '\'') || is_quoted(v, '"') {
        trim_ends(v)
    } else {
        v.to_string()
    }
}

/// `_strip_quotes(value, expect_quoted_value=True)`.
pub(crate) fn strip_quotes_expected(
    v: &str,
    span: std::ops::Range<usize>,
) -> Result<String, SearchError> {
    if is_quoted(v, '\'') || is_quoted(v, '"') {
        Ok(trim_ends(v))
    } else {
        Err(err(
            format!(
                "Parameter value is either not quoted or unidentified quote types used for string value {v}. Use either single or double quotes."
            ),
            Some(span),
        ))
    }
}

/// A token MLflow accepts as a quoted string: a single-quoted literal or an Identifier.
pub(crate) fn is_string_token(t: &N) -> bool {
    t.borrow().ttype == Some("Literal.String.Single") || cls(t) == Cls::Identifier
}

pub(crate) fn is_numeric_token(t: &N) -> bool {
    matches!(
        t.borrow().ttype,
        Some("Literal.Number.Integer" | "Literal.Number.Float")
    )
}

/// `_parse_list_from_sql_token` + `_check_valid_identifier_list`.
pub(crate) fn parse_list(tk: &Tk, t: &N) -> Result<Vec<String>, SearchError> {
    let span = Some(span_of(t));
    let v = pylit::literal_eval(&tk.value(t)).map_err(|_| {
        err(
            "While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.",
            span.clone(),
        )
    })?;
    let items = match v {
        PyVal::Tuple(items) => items,
        other => vec![other],
    };
    if items.is_empty() {
        return Err(err(
            "While parsing a list in the query, expected a non-empty list of string values, but got empty list",
            span,
        ));
    }
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        match it {
            PyVal::Str(s) => out.push(s.clone()),
            _ => {
                return Err(err(
                    format!(
                        "While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: {}",
                        pylit::repr(&PyVal::Tuple(items.clone()))
                    ),
                    span,
                ))
            }
        }
    }
    Ok(out)
}
