//! A port of the parts of sqlparse 0.6.1 that MLflow's search parsers rely on: the lexer, the statement
//! splitter and the grouping passes. MLflow's accept/reject decisions and error texts depend on how
//! sqlparse chunks odd input, so this follows sqlparse step by step (including its snapshot-while-mutating
//! loops) rather than implementing a clean grammar. Nodes are shared (`Rc<RefCell>`) because sqlparse
//! mutates tokens by identity after moving them into new groups. A port, not a SQL parser crate
//! (`sqlparser` and kin build a grammar and reject or accept different input with other errors).
use std::cell::RefCell;
use std::rc::Rc;

use super::keywords::KEYWORDS;

pub(crate) type N = Rc<RefCell<Node>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cls {
    Token,
    Statement,
    Parenthesis,
    SquareBrackets,
    Case,
    If,
    For,
    Begin,
    Over,
    Function,
    Where,
    Identifier,
    Comparison,
    Operation,
    TypedLiteral,
    Assignment,
    Comment,
    IdentifierList,
    Values,
    TokenList,
}

#[derive(Debug)]
pub(crate) struct Node {
    pub ttype: Option<&'static str>,
    pub cls: Cls,
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<N>,
    /// Tokens MLflow synthesizes ("IS NULL") have no place in the input.
    pub synthetic: Option<&'static str>,
}

/// sqlparse raised (too deep, too many tokens): MLflow reports "Error on parsing filter".
#[derive(Debug)]
pub(crate) struct ParseFailed;

const MAX_DEPTH: usize = 100;
const MAX_TOKENS: usize = 10000;

fn under(t: Option<&str>, parent: &str) -> bool {
    match t {
        Some(t) => {
            t == parent
                || (t.len() > parent.len()
                    && t.starts_with(parent)
                    && t.as_bytes()[parent.len()] == b'.')
        }
        None => false,
    }
}

pub(crate) fn leaf(ttype: &'static str, start: usize, end: usize) -> N {
    Rc::new(RefCell::new(Node {
        ttype: Some(ttype),
        cls: Cls::Token,
        start,
        end,
        tokens: vec![],
        synthetic: None,
    }))
}

pub(crate) fn synthetic(ttype: &'static str, text: &'static str, at: usize) -> N {
    Rc::new(RefCell::new(Node {
        ttype: Some(ttype),
        cls: Cls::Token,
        start: at,
        end: at,
        tokens: vec![],
        synthetic: Some(text),
    }))
}

pub(crate) fn group_node(cls: Cls, tokens: Vec<N>) -> N {
    let start = tokens.first().map(|t| t.borrow().start).unwrap_or(0);
    let end = tokens.last().map(|t| t.borrow().end).unwrap_or(start);
    Rc::new(RefCell::new(Node {
        ttype: None,
        cls,
        start,
        end,
        tokens,
        synthetic: None,
    }))
}

/// Read-only helpers over a node, given the input text.
pub(crate) struct Tk<'a> {
    pub text: &'a str,
}

impl<'a> Tk<'a> {
    pub fn value(&self, n: &N) -> String {
        let b = n.borrow();
        if let Some(s) = b.synthetic {
            return s.to_string();
        }
        if b.cls != Cls::Token
            && b.synthetic.is_none()
            && b.tokens.iter().any(|t| t.borrow().synthetic.is_some())
        {
            return b.tokens.iter().map(|t| self.value(t)).collect();
        }
        self.text[b.start..b.end].to_string()
    }
    fn normalized(&self, n: &N) -> String {
        let v = self.value(n);
        if is_keyword(n) {
            py_upper(&v)
        } else {
            v
        }
    }
    /// `Token.match(ttype, values)`: exact type; keywords compare upper-cased.
    pub fn is(&self, n: &N, ttype: &str, values: Option<&[&str]>) -> bool {
        if n.borrow().ttype != Some(ttype) {
            return false;
        }
        match values {
            None => true,
            Some(vs) => {
                let norm = self.normalized(n);
                if is_keyword(n) {
                    vs.iter().any(|v| py_upper(v) == norm)
                } else {
                    vs.contains(&norm.as_str())
                }
            }
        }
    }
}

pub(crate) fn py_upper(s: &str) -> String {
    s.to_uppercase()
}

pub(crate) fn is_ws(n: &N) -> bool {
    under(n.borrow().ttype, "Text.Whitespace")
}
fn is_keyword(n: &N) -> bool {
    under(n.borrow().ttype, "Keyword")
}
fn is_group(n: &N) -> bool {
    n.borrow().cls != Cls::Token
}
pub(crate) fn cls(n: &N) -> Cls {
    n.borrow().cls
}
fn ttype(n: &N) -> Option<&'static str> {
    n.borrow().ttype
}
fn exact(n: &N, ts: &[&str]) -> bool {
    match ttype(n) {
        Some(t) => ts.contains(&t),
        None => false,
    }
}

// ---------------------------------------------------------------------------------------------- lexer

#[derive(Clone, Copy)]
struct Ch {
    off: usize,
    c: char,
}

fn py_w(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}
fn py_d(c: char) -> bool {
    c.is_ascii_digit()
}
fn py_s(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}
/// `[A-ZÀ-Ü]` under re.IGNORECASE.
fn az(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{C0}'..='\u{DC}').contains(&c)
        || (('\u{E0}'..='\u{FC}').contains(&c) && c != '\u{F7}')
}
fn hexd(c: char) -> bool {
    c.is_ascii_hexdigit()
}

struct Lexer<'a> {
    cs: Vec<Ch>,
    text: &'a str,
}

impl<'a> Lexer<'a> {
    fn at(&self, i: usize) -> Option<char> {
        self.cs.get(i).map(|c| c.c)
    }
    fn off(&self, i: usize) -> usize {
        self.cs.get(i).map(|c| c.off).unwrap_or(self.text.len())
    }
    /// Case-insensitive literal word at i; returns end index.
    fn lit(&self, i: usize, w: &str) -> Option<usize> {
        let mut j = i;
        for wc in w.chars() {
            let c = self.at(j)?;
            if !c.eq_ignore_ascii_case(&wc) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }
    fn ws1(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while self.at(j).is_some_and(py_s) {
            j += 1;
        }
        (j > i).then_some(j)
    }
    fn wb(&self, i: usize) -> bool {
        // \b at i, where i-1 is known to be a word char in every use here.
        let before = i > 0 && self.at(i - 1).is_some_and(py_w);
        let after = self.at(i).is_some_and(py_w);
        before != after
    }
    /// Words separated by `\s+`, then `\b`.
    fn words(&self, i: usize, ws: &[&str]) -> Option<usize> {
        let mut j = i;
        for (k, w) in ws.iter().enumerate() {
            if k > 0 {
                j = self.ws1(j)?;
            }
            j = self.lit(j, w)?;
        }
        self.wb(j).then_some(j)
    }
    fn any_words(&self, i: usize, alts: &[&[&str]]) -> Option<usize> {
        alts.iter().find_map(|ws| self.words(i, ws))
    }

    fn quoted(&self, i: usize, q: char, backslash: bool) -> Option<usize> {
        // `q(qq|\\q|[^q])*q` with Python's backtracking order.
        let mut stack: Vec<(usize, bool)> = Vec::new(); // (pos, was_pair)
        let mut j = i + 1;
        loop {
            match self.at(j) {
                Some(c) if c == q => {
                    if self.at(j + 1) == Some(q) {
                        stack.push((j, true));
                        j += 2;
                    } else {
                        return Some(j + 1);
                    }
                }
                Some('\\') if backslash && self.at(j + 1) == Some(q) => {
                    stack.push((j, false));
                    j += 2;
                }
                Some(_) => j += 1,
                None => match stack.pop() {
                    None => return None,
                    Some((p, true)) => return Some(p + 1),
                    Some((p, false)) => j = p + 1,
                },
            }
        }
    }

    fn number_float(&self, i: usize) -> Option<usize> {
        // (?![_A-ZÀ-Ü])-?(\d+(\.\d*)|\.\d+)(?![_A-ZÀ-Ü])
        let la = |j: usize| !self.at(j).is_some_and(|c| c == '_' || az(c));
        let s = if self.at(i) == Some('-') { i + 1 } else { i };
        let mut d = s;
        while self.at(d).is_some_and(py_d) {
            d += 1;
        }
        let mut k = d;
        while k > s {
            if self.at(k) == Some('.') {
                let mut e = k + 1;
                while self.at(e).is_some_and(py_d) {
                    e += 1;
                }
                let mut f = e;
                loop {
                    if la(f) {
                        return Some(f);
                    }
                    if f == k + 1 {
                        break;
                    }
                    f -= 1;
                }
            }
            k -= 1;
        }
        if self.at(s) == Some('.') {
            let mut e = s + 1;
            while self.at(e).is_some_and(py_d) {
                e += 1;
            }
            let mut f = e;
            while f > s + 1 {
                if la(f) {
                    return Some(f);
                }
                f -= 1;
            }
        }
        None
    }

    fn number_int(&self, i: usize) -> Option<usize> {
        let s = if self.at(i) == Some('-') { i + 1 } else { i };
        let mut d = s;
        while self.at(d).is_some_and(py_d) {
            d += 1;
        }
        let mut f = d;
        while f > s {
            if !self.at(f).is_some_and(|c| c == '_' || az(c)) {
                return Some(f);
            }
            f -= 1;
        }
        None
    }

    fn sci(&self, i: usize) -> Option<usize> {
        // -?\d+(\.\d+)?E-?\d+
        let mut j = if self.at(i) == Some('-') { i + 1 } else { i };
        let s = j;
        while self.at(j).is_some_and(py_d) {
            j += 1;
        }
        if j == s {
            return None;
        }
        let exp = |k: usize| -> Option<usize> {
            if !matches!(self.at(k), Some('e' | 'E')) {
                return None;
            }
            let mut m = k + 1;
            if self.at(m) == Some('-') {
                m += 1;
            }
            let ds = m;
            while self.at(m).is_some_and(py_d) {
                m += 1;
            }
            (m > ds).then_some(m)
        };
        if self.at(j) == Some('.') {
            let mut m = j + 1;
            while self.at(m).is_some_and(py_d) {
                m += 1;
            }
            if m > j + 1 {
                if let Some(e) = exp(m) {
                    return Some(e);
                }
            }
        }
        exp(j)
    }

    /// One token at char index i: (type, end index). `None` type means PROCESS_AS_KEYWORD.
    fn one(&self, i: usize) -> (Option<&'static str>, usize) {
        let c = self.cs[i].c;
        let n = self.cs.len();
        // comments `(--|# )\+?.*?(\r\n|\r|\n|$)`
        if (c == '-' && self.at(i + 1) == Some('-')) || (c == '#' && self.at(i + 1) == Some(' ')) {
            let hint = self.at(i + 2) == Some('+');
            let mut j = i + 2;
            while j < n && self.cs[j].c != '\r' && self.cs[j].c != '\n' {
                j += 1;
            }
            if j < n {
                j += if self.cs[j].c == '\r' && self.at(j + 1) == Some('\n') {
                    2
                } else {
                    1
                };
            }
            return (
                Some(if hint {
                    "Comment.Single.Hint"
                } else {
                    "Comment.Single"
                }),
                j,
            );
        }
        if c == '\r' {
            return (
                Some("Text.Whitespace.Newline"),
                if self.at(i + 1) == Some('\n') {
                    i + 2
                } else {
                    i + 1
                },
            );
        }
        if c == '\n' {
            return (Some("Text.Whitespace.Newline"), i + 1);
        }
        if py_s(c) {
            return (Some("Text.Whitespace"), i + 1);
        }
        if c == ':' && self.at(i + 1) == Some('=') {
            return (Some("Assignment"), i + 2);
        }
        if c == ':' && self.at(i + 1) == Some(':') {
            return (Some("Punctuation"), i + 2);
        }
        if c == '*' {
            return (Some("Wildcard"), i + 1);
        }
        if c == '`' {
            if let Some(e) = self.quoted_simple(i, '`') {
                return (Some("Name"), e);
            }
        }
        if c == '´' {
            if let Some(e) = self.quoted_simple(i, '´') {
                return (Some("Name"), e);
            }
        }
        if c == '?' {
            return (Some("Name.Placeholder"), i + 1);
        }
        if c == '%' {
            let mut j = i + 1;
            if self.at(j) == Some('(') {
                let mut k = j + 1;
                while self.at(k).is_some_and(py_w) {
                    k += 1;
                }
                if k > j + 1 && self.at(k) == Some(')') {
                    j = k + 1;
                }
            }
            if matches!(self.at(j), Some('s' | 'S')) {
                return (Some("Name.Placeholder"), j + 1);
            }
            if j != i + 1 && matches!(self.at(i + 1), Some('s' | 'S')) {
                return (Some("Name.Placeholder"), i + 2);
            }
        }
        if matches!(c, '$' | ':' | '?') && !(i > 0 && py_w(self.cs[i - 1].c)) {
            let mut j = i + 1;
            while self.at(j).is_some_and(py_w) {
                j += 1;
            }
            if j > i + 1 {
                return (Some("Name.Placeholder"), j);
            }
        }
        if c == '\\' {
            let mut j = i + 1;
            while self.at(j).is_some_and(py_w) {
                j += 1;
            }
            if j > i + 1 {
                return (Some("Generic.Command"), j);
            }
        }
        for w in ["CASE", "IN", "VALUES", "USING", "FROM", "AS"] {
            if let Some(e) = self.lit(i, w) {
                if self.wb(e) {
                    return (Some("Keyword"), e);
                }
            }
        }
        if c == '@' || c == '#' {
            let s = if c == '#' && self.at(i + 1) == Some('#') {
                i + 2
            } else {
                i + 1
            };
            let try_from = |s: usize| -> Option<usize> {
                if !self.at(s).is_some_and(az) {
                    return None;
                }
                let mut j = s + 1;
                while self.at(j).is_some_and(py_w) {
                    j += 1;
                }
                (j > s + 1).then_some(j)
            };
            if let Some(e) = try_from(s).or_else(|| if s == i + 2 { try_from(i + 1) } else { None })
            {
                return (Some("Name"), e);
            }
        }
        if az(c) {
            let mut j = i + 1;
            while self.at(j).is_some_and(py_w) {
                j += 1;
            }
            // Name followed by `\s*\.(?!\d)`
            let mut k = j;
            while self.at(k).is_some_and(py_s) {
                k += 1;
            }
            if self.at(k) == Some('.') && !self.at(k + 1).is_some_and(py_d) {
                return (Some("Name"), j);
            }
            // `(?<=\.)[A-ZÀ-Ü]\w*`: the lookbehind sees the text before the position.
            if i > 0 && self.cs[i - 1].c == '.' {
                return (Some("Name"), j);
            }
            if self.at(j) == Some('(') {
                return (Some("Name"), j);
            }
        }
        {
            let s = if c == '-' { i + 1 } else { i };
            if self.at(s) == Some('0') && matches!(self.at(s + 1), Some('x' | 'X')) {
                let mut j = s + 2;
                while self.at(j).is_some_and(hexd) {
                    j += 1;
                }
                if j > s + 2 {
                    return (Some("Literal.Number.Hexadecimal"), j);
                }
            }
        }
        if c == '-' || py_d(c) || c == '.' {
            if let Some(e) = self.sci(i) {
                return (Some("Literal.Number.Float"), e);
            }
            if let Some(e) = self.number_float(i) {
                return (Some("Literal.Number.Float"), e);
            }
            if let Some(e) = self.number_int(i) {
                return (Some("Literal.Number.Integer"), e);
            }
        }
        if c == '\'' {
            if let Some(e) = self.quoted(i, '\'', true) {
                return (Some("Literal.String.Single"), e);
            }
        }
        if c == '"' {
            if let Some(e) = self.quoted(i, '"', true) {
                return (Some("Literal.String.Symbol"), e);
            }
        }
        if c == '['
            && !(i > 0 && matches!(self.cs[i - 1].c, c2 if py_w(c2) || c2 == ']' || c2 == ')'))
        {
            let mut j = i + 1;
            while self.at(j).is_some_and(|c| c != ']' && c != '[') {
                j += 1;
            }
            if j > i + 1 && self.at(j) == Some(']') {
                return (Some("Name"), j + 1);
            }
        }
        if let Some(e) = self.multiword(i) {
            return e;
        }
        if py_w(c) {
            let mut j = i + 1;
            while self.at(j).is_some_and(|c| py_w(c) || c == '$' || c == '#') {
                j += 1;
            }
            return (None, j);
        }
        if matches!(c, ';' | ':' | '(' | ')' | '[' | ']' | ',' | '.') {
            return (Some("Punctuation"), i + 1);
        }
        // JSON operators `(\->>?|#>>?|@>|<@|\?\|?|\?&|\-|#\-)`
        let nx = self.at(i + 1);
        match c {
            '-' if nx == Some('>') => {
                return (
                    Some("Operator"),
                    if self.at(i + 2) == Some('>') {
                        i + 3
                    } else {
                        i + 2
                    },
                );
            }
            '#' if nx == Some('>') => {
                return (
                    Some("Operator"),
                    if self.at(i + 2) == Some('>') {
                        i + 3
                    } else {
                        i + 2
                    },
                );
            }
            '@' if nx == Some('>') => return (Some("Operator"), i + 2),
            '<' if nx == Some('@') => return (Some("Operator"), i + 2),
            '-' => return (Some("Operator"), i + 1),
            '#' if nx == Some('-') => return (Some("Operator"), i + 2),
            _ => {}
        }
        if matches!(c, '<' | '>' | '=' | '~' | '!') {
            let mut j = i + 1;
            while matches!(self.at(j), Some('<' | '>' | '=' | '~' | '!')) {
                j += 1;
            }
            return (Some("Operator.Comparison"), j);
        }
        if matches!(c, '+' | '/' | '@' | '#' | '%' | '^' | '&' | '|' | '-') {
            let mut j = i + 1;
            while matches!(
                self.at(j),
                Some('+' | '/' | '@' | '#' | '%' | '^' | '&' | '|' | '-')
            ) {
                j += 1;
            }
            return (Some("Operator"), j);
        }
        (Some("Error"), i + 1)
    }

    fn quoted_simple(&self, i: usize, q: char) -> Option<usize> {
        self.quoted(i, q, false)
    }

    fn multiword(&self, i: usize) -> Option<(Option<&'static str>, usize)> {
        if !self.at(i).is_some_and(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        let kw = |e| Some((Some("Keyword"), e));
        // ((LEFT|RIGHT|FULL)\s+)?((INNER|OUTER|STRAIGHT)\s+)? | ((CROSS|NATURAL)\s+)?  JOIN\b
        for a in ["LEFT", "RIGHT", "FULL", ""] {
            for b in ["INNER", "OUTER", "STRAIGHT", ""] {
                let mut ws: Vec<&str> = vec![];
                if !a.is_empty() {
                    ws.push(a);
                }
                if !b.is_empty() {
                    ws.push(b);
                }
                ws.push("JOIN");
                if let Some(e) = self.words(i, &ws) {
                    return kw(e);
                }
            }
        }
        for a in ["CROSS", "NATURAL"] {
            if let Some(e) = self.words(i, &[a, "JOIN"]) {
                return kw(e);
            }
        }
        if let Some(e) = self.any_words(
            i,
            &[
                &["END", "IF"],
                &["END", "LOOP"],
                &["END", "WHILE"],
                &["END", "FOR"],
                &["END", "CASE"],
                &["END"],
            ],
        ) {
            return kw(e);
        }
        if let Some(e) = self.any_words(i, &[&["IF", "NOT", "EXISTS"], &["IF", "EXISTS"]]) {
            return kw(e);
        }
        if let Some(e) = self.words(i, &["NOT", "NULL"]) {
            return kw(e);
        }
        for a in ["ASC", "DESC"] {
            if let Some(e) =
                self.any_words(i, &[&[a, "NULLS", "FIRST"], &[a, "NULLS", "LAST"], &[a]])
            {
                return Some((Some("Keyword.Order"), e));
            }
        }
        if let Some(e) = self.any_words(i, &[&["NULLS", "FIRST"], &["NULLS", "LAST"]]) {
            return Some((Some("Keyword.Order"), e));
        }
        if let Some(e) = self.words(i, &["UNION", "ALL"]) {
            return kw(e);
        }
        if let Some(e) = self.any_words(i, &[&["CREATE", "OR", "REPLACE"], &["CREATE"]]) {
            return Some((Some("Keyword.DDL"), e));
        }
        if let Some(e) = self.words(i, &["DOUBLE", "PRECISION"]) {
            return Some((Some("Name.Builtin"), e));
        }
        if let Some(e) = self.any_words(
            i,
            &[
                &["GROUP", "BY"],
                &["ORDER", "BY"],
                &["PRIMARY", "KEY"],
                &["HANDLER", "FOR"],
            ],
        ) {
            return kw(e);
        }
        // GO(\s\d+)\b
        if let Some(j) = self.lit(i, "GO") {
            if self.at(j).is_some_and(py_s) {
                let mut k = j + 1;
                while self.at(k).is_some_and(py_d) {
                    k += 1;
                }
                // backtracking over \d+ to find a \b
                while k > j + 1 {
                    if self.wb(k) {
                        return kw(k);
                    }
                    k -= 1;
                }
            }
        }
        for w in [
            "EXPLODE",
            "INLINE",
            "PARSE_URL_TUPLE",
            "POSEXPLODE",
            "STACK",
        ] {
            if let Some(j) = self.lit(i, "LATERAL") {
                if let Some(j) = self.ws1(j) {
                    if let Some(j) = self.lit(j, "VIEW") {
                        if let Some(j) = self.ws1(j) {
                            if let Some(e) = self.lit(j, w) {
                                if self.wb(e) {
                                    return kw(e);
                                }
                            }
                        }
                    }
                }
            }
        }
        // (AT|WITH')\s+TIME\s+ZONE\s+'[^']+'
        for a in ["AT", "WITH'"] {
            let r = (|| {
                let j = self.lit(i, a)?;
                let j = self.ws1(j)?;
                let j = self.lit(j, "TIME")?;
                let j = self.ws1(j)?;
                let j = self.lit(j, "ZONE")?;
                let j = self.ws1(j)?;
                if self.at(j) != Some('\'') {
                    return None;
                }
                let mut k = j + 1;
                while self.at(k).is_some_and(|c| c != '\'') {
                    k += 1;
                }
                (k > j + 1 && self.at(k) == Some('\'')).then_some(k + 1)
            })();
            if let Some(e) = r {
                return Some((Some("Keyword.TZCast"), e));
            }
        }
        for w in ["LIKE", "ILIKE", "RLIKE"] {
            if let Some(e) = self.any_words(i, &[&["NOT", w], &[w]]) {
                return Some((Some("Operator.Comparison"), e));
            }
        }
        if let Some(e) = self.any_words(
            i,
            &[
                &["NOT", "REGEXP", "BINARY"],
                &["NOT", "REGEXP"],
                &["REGEXP", "BINARY"],
                &["REGEXP"],
            ],
        ) {
            return Some((Some("Operator.Comparison"), e));
        }
        None
    }

    fn delimited(&self, i: usize) -> Option<(&'static str, usize)> {
        let c = self.cs[i].c;
        if c == '/' && self.at(i + 1) == Some('*') {
            let hint = self.at(i + 2) == Some('+');
            let mut j = if hint { i + 3 } else { i + 2 };
            while j + 1 < self.cs.len() {
                if self.cs[j].c == '*' && self.cs[j + 1].c == '/' {
                    return Some((
                        if hint {
                            "Comment.Multiline.Hint"
                        } else {
                            "Comment.Multiline"
                        },
                        j + 2,
                    ));
                }
                j += 1;
            }
            return None;
        }
        if c == '$' {
            if i > 0 && matches!(self.cs[i - 1].c, c2 if py_w(c2) || c2 == '"' || c2 == '$') {
                return None;
            }
            // tag: \$(?:[_A-ZÀ-Ü]\w*)?\$
            let mut j = i + 1;
            if self.at(j).is_some_and(|c| c == '_' || az(c)) {
                j += 1;
                while self.at(j).is_some_and(py_w) {
                    j += 1;
                }
            }
            if self.at(j) != Some('$') {
                return None;
            }
            let tag: Vec<char> = self.cs[i..=j].iter().map(|c| c.c).collect();
            let open_end = j + 1;
            let mut k = open_end;
            while k + tag.len() <= self.cs.len() {
                if self.cs[k..k + tag.len()]
                    .iter()
                    .map(|c| c.c)
                    .eq(tag.iter().copied())
                {
                    // A closer must itself be a whole delimiter match: `$tag$` not followed by \w
                    // would still be found by the lookahead scan, which matches the exact tag text
                    // only when the tag regex would end at the same `$`.
                    if tag_match_at(&self.cs, k) == Some(tag.len()) {
                        return Some(("Literal", k + tag.len()));
                    }
                }
                k += 1;
            }
            return None;
        }
        None
    }
}

/// Length of the `\$(?:[_A-ZÀ-Ü]\w*)?\$` match at k.
fn tag_match_at(cs: &[Ch], k: usize) -> Option<usize> {
    let at = |i: usize| cs.get(i).map(|c| c.c);
    if at(k) != Some('$') {
        return None;
    }
    let mut j = k + 1;
    if at(j).is_some_and(|c| c == '_' || az(c)) {
        let mut e = j + 1;
        while at(e).is_some_and(py_w) {
            e += 1;
        }
        if at(e) == Some('$') {
            return Some(e + 1 - k);
        }
        // backtrack: the optional group may be skipped
        j = k + 1;
    }
    if at(j) == Some('$') {
        return Some(j + 1 - k);
    }
    None
}

fn lookup_keyword(word: &str) -> &'static str {
    let up = py_upper(word);
    match KEYWORDS.binary_search_by(|(k, _)| (*k).cmp(up.as_str())) {
        Ok(i) => KEYWORDS[i].1,
        Err(_) => "Name",
    }
}

pub(crate) fn tokenize(text: &str) -> Vec<N> {
    let lx = Lexer {
        cs: text.char_indices().map(|(off, c)| Ch { off, c }).collect(),
        text,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < lx.cs.len() {
        if let Some((tt, e)) = lx.delimited(i) {
            out.push(leaf(tt, lx.off(i), lx.off(e)));
            i = e;
            continue;
        }
        let (tt, e) = lx.one(i);
        let tt = tt.unwrap_or_else(|| lookup_keyword(&text[lx.off(i)..lx.off(e)]));
        out.push(leaf(tt, lx.off(i), lx.off(e)));
        i = e;
    }
    out
}

// ------------------------------------------------------------------------------ statement splitter

#[derive(Default)]
struct Splitter {
    block_stack: Vec<&'static str>,
    unconfirmed: Option<&'static str>,
    is_create: bool,
    seen_begin: bool,
    consume_ws: bool,
    tokens: Vec<N>,
    level: i64,
}

impl Splitter {
    fn change(&mut self, tt: &'static str, value: &str) -> i64 {
        if tt == "Punctuation" && value == ";" {
            self.unconfirmed = None;
            if self.seen_begin {
                self.seen_begin = false;
                if self.block_stack.last() == Some(&"BEGIN") {
                    self.block_stack.pop();
                    return -1;
                }
            }
            return 0;
        }
        if tt == "Punctuation" && value == "(" {
            return 1;
        }
        if tt == "Punctuation" && value == ")" {
            return -1;
        }
        if !under(Some(tt), "Keyword") {
            return 0;
        }
        let unified = py_upper(value);
        if tt == "Keyword.DDL" && unified.starts_with("CREATE") {
            self.is_create = true;
            return 0;
        }
        if unified == "DECLARE" && self.is_create && self.block_stack.is_empty() {
            self.block_stack.push("DECLARE");
            return 1;
        }
        if unified == "BEGIN" {
            self.seen_begin = true;
            if self.block_stack.last() == Some(&"DECLARE") {
                self.block_stack.pop();
                self.block_stack.push("BEGIN");
                return 0;
            }
            self.block_stack.push("BEGIN");
            return 1;
        }
        if self.seen_begin
            && (tt == "Keyword" || tt == "Name")
            && [
                "TRANSACTION",
                "WORK",
                "TRAN",
                "DISTRIBUTED",
                "DEFERRED",
                "IMMEDIATE",
                "EXCLUSIVE",
            ]
            .contains(&unified.as_str())
        {
            self.seen_begin = false;
            if self.block_stack.last() == Some(&"BEGIN") {
                self.block_stack.pop();
                return -1;
            }
            return 0;
        }
        if self.block_stack.contains(&"BEGIN") {
            match unified.as_str() {
                "FOR" => {
                    self.unconfirmed = Some("FOR");
                    return 0;
                }
                "WHILE" => {
                    self.unconfirmed = Some("WHILE");
                    return 0;
                }
                "LOOP" | "DO" => {
                    if let Some(u) = self.unconfirmed.take() {
                        self.block_stack.push(u);
                        return 1;
                    }
                    if unified == "LOOP" {
                        self.block_stack.push("LOOP");
                        return 1;
                    }
                }
                "IF" => {
                    self.block_stack.push("IF");
                    return 1;
                }
                "CASE" => {
                    self.block_stack.push("CASE");
                    return 1;
                }
                _ => {}
            }
        }
        let top = self.block_stack.last().copied();
        let pop_if = |s: &mut Self, ok: &[&str]| -> i64 {
            if top.is_some_and(|t| ok.contains(&t)) {
                s.block_stack.pop();
                -1
            } else {
                0
            }
        };
        match unified.as_str() {
            "END IF" => pop_if(self, &["IF"]),
            "END FOR" => pop_if(self, &["FOR"]),
            "END WHILE" => pop_if(self, &["WHILE"]),
            "END LOOP" => pop_if(self, &["LOOP", "FOR", "WHILE"]),
            "END CASE" => pop_if(self, &["CASE"]),
            "END" => {
                self.block_stack.pop();
                -1
            }
            _ => 0,
        }
    }
}

/// Tokens that do not reset the splitter's "just saw BEGIN" state.
const QUIET: &[&str] = &[
    "Text.Whitespace",
    "Text.Whitespace.Newline",
    "Comment.Single",
    "Comment.Multiline",
];

/// `sqlparse.parse`: split into statements and group each.
pub(crate) fn parse(text: &str) -> Result<Vec<N>, ParseFailed> {
    let mut stmts = Vec::new();
    let mut sp = Splitter::default();
    for tok in tokenize(text) {
        let tt = ttype(&tok).unwrap_or("Error");
        let value = {
            let b = tok.borrow();
            text[b.start..b.end].to_string()
        };
        if sp.consume_ws && tt != "Text.Whitespace" && tt != "Comment.Single" {
            stmts.push(std::mem::take(&mut sp.tokens));
            sp = Splitter::default();
        }
        sp.level += sp.change(tt, &value);
        sp.tokens.push(tok);
        if tt == "Punctuation" && value == ";" {
            sp.seen_begin = false;
            if sp.level <= 0 && !sp.block_stack.contains(&"BEGIN") {
                sp.consume_ws = true;
            }
        } else if tt == "Keyword" && value.split_whitespace().next() == Some("GO") {
            sp.consume_ws = true;
        } else if !QUIET.contains(&tt) && (tt != "Keyword" || py_upper(&value) != "BEGIN") {
            sp.seen_begin = false;
        }
    }
    if !sp.tokens.is_empty() && !sp.tokens.iter().all(is_ws) {
        stmts.push(sp.tokens);
    }
    let tk = Tk { text };
    stmts
        .into_iter()
        .map(|toks| {
            let st = group_node(Cls::Statement, toks);
            group(&tk, &st)?;
            Ok(st)
        })
        .collect()
}

// ------------------------------------------------------------------------------------- grouping

fn len(n: &N) -> usize {
    n.borrow().tokens.len()
}
fn get(n: &N, i: usize) -> N {
    n.borrow().tokens[i].clone()
}

fn token_next(tl: &N, idx: Option<usize>, skip_ws: bool) -> (Option<usize>, Option<N>) {
    let Some(idx) = idx else { return (None, None) };
    let b = tl.borrow();
    for (i, t) in b.tokens.iter().enumerate().skip(idx + 1) {
        if !(skip_ws && is_ws(t)) {
            return (Some(i), Some(t.clone()));
        }
    }
    (None, None)
}

fn token_prev(tl: &N, idx: usize, skip_ws: bool) -> (Option<usize>, Option<N>) {
    let b = tl.borrow();
    // sqlparse: range(idx - 1, -1, -1)
    let mut i = idx as isize - 1;
    while i >= 0 {
        let t = &b.tokens[i as usize];
        if !(skip_ws && is_ws(t)) {
            return (Some(i as usize), Some(t.clone()));
        }
        i -= 1;
    }
    (None, None)
}

fn token_next_by(tl: &N, f: &dyn Fn(&N) -> bool, idx: Option<usize>) -> (Option<usize>, Option<N>) {
    let start = idx.map(|i| i + 1).unwrap_or(0);
    let b = tl.borrow();
    for (i, t) in b.tokens.iter().enumerate().skip(start) {
        if f(t) {
            return (Some(i), Some(t.clone()));
        }
    }
    (None, None)
}

/// Python's `seq[lo:hi]` as a Rust range over a sequence of `len` items: clamped to the sequence,
/// and empty (starting at `lo`) when `hi <= lo`, as sqlparse relies on when a `post` step hands
/// back an end before its start.
fn py_slice(lo: usize, hi: usize, len: usize) -> std::ops::Range<usize> {
    let lo = lo.min(len);
    lo..hi.clamp(lo, len)
}

fn group_tokens(tl: &N, cls: Cls, start: usize, end: usize, extend: bool) -> N {
    let end_idx = end + 1;
    let first = get(tl, start);
    let first_cls = cls_of(&first);
    let extend_ok =
        extend && (first_cls == cls || (cls == Cls::TokenList && first_cls != Cls::Token));
    let n = len(tl);
    if extend_ok {
        let sub: Vec<N> = tl
            .borrow_mut()
            .tokens
            .drain(py_slice(start + 1, end_idx, n))
            .collect();
        if let Some(last) = sub.last() {
            let e = last.borrow().end;
            first.borrow_mut().end = e;
        }
        first.borrow_mut().tokens.extend(sub);
        first
    } else {
        let sub: Vec<N> = tl
            .borrow_mut()
            .tokens
            .drain(py_slice(start, end_idx, n))
            .collect();
        let g = group_node(cls, sub);
        tl.borrow_mut().tokens.insert(start, g.clone());
        g
    }
}

fn cls_of(n: &N) -> Cls {
    n.borrow().cls
}

fn is_delimited_group(c: Cls) -> bool {
    matches!(
        c,
        Cls::Parenthesis | Cls::SquareBrackets | Cls::Case | Cls::If | Cls::For | Cls::Begin
    )
}

fn is_delimiter(tl: &N, tok: Option<&N>) -> bool {
    let Some(tok) = tok else { return false };
    let b = tl.borrow();
    is_delimited_group(b.cls)
        && (b.tokens.first().is_some_and(|f| Rc::ptr_eq(f, tok))
            || b.tokens.last().is_some_and(|l| Rc::ptr_eq(l, tok)))
}

type Pred<'a> = &'a dyn Fn(&N) -> bool;
type PredOpt<'a> = &'a dyn Fn(Option<&N>) -> bool;
type Post<'a> = &'a dyn Fn(&N, usize, usize, Option<usize>) -> (usize, usize);

struct GroupSpec<'a> {
    cls: Cls,
    m: Pred<'a>,
    vp: PredOpt<'a>,
    vn: PredOpt<'a>,
    post: Post<'a>,
    extend: bool,
    recurse: bool,
}

fn group_generic(tl: &N, g: &GroupSpec, depth: usize) -> Result<(), ParseFailed> {
    if depth > MAX_DEPTH || len(tl) > MAX_TOKENS {
        return Err(ParseFailed);
    }
    let snapshot: Vec<N> = tl.borrow().tokens.clone();
    let mut offset: isize = 0;
    let mut pidx: usize = 0;
    let mut prev: Option<N> = None;
    for (idx, token) in snapshot.iter().enumerate() {
        let tidx = idx as isize - offset;
        if tidx < 0 {
            continue;
        }
        let tidx = tidx as usize;
        if is_ws(token) {
            continue;
        }
        if g.recurse && is_group(token) && cls_of(token) != g.cls {
            group_generic(token, g, depth + 1)?;
        }
        if (g.m)(token) {
            let (nidx, next) = token_next(tl, Some(tidx), true);
            if let Some(p) = &prev {
                if (g.vp)(Some(p))
                    && (g.vn)(next.as_ref())
                    && !is_delimiter(tl, Some(p))
                    && !is_delimiter(tl, next.as_ref())
                {
                    let (from, to) = (g.post)(tl, pidx, tidx, nidx);
                    let grp = group_tokens(tl, g.cls, from, to, g.extend);
                    offset += to as isize - from as isize;
                    pidx = from;
                    prev = Some(grp);
                    continue;
                }
            }
        }
        pidx = tidx;
        prev = Some(token.clone());
    }
    Ok(())
}

fn group_matching(tk: &Tk, tl: &N, cls: Cls, depth: usize) -> Result<(), ParseFailed> {
    if depth > MAX_DEPTH || len(tl) > MAX_TOKENS {
        return Err(ParseFailed);
    }
    type Delim = (&'static str, &'static [&'static str]);
    let (open, close): (Delim, Delim) = match cls {
        Cls::Parenthesis => (("Punctuation", &["("]), ("Punctuation", &[")"])),
        Cls::SquareBrackets => (("Punctuation", &["["]), ("Punctuation", &["]"])),
        Cls::Case => (("Keyword", &["CASE"]), ("Keyword", &["END"])),
        Cls::If => (("Keyword", &["IF"]), ("Keyword", &["END IF"])),
        Cls::For => (("Keyword", &["FOR", "FOREACH"]), ("Keyword", &["END LOOP"])),
        Cls::Begin => (("Keyword", &["BEGIN"]), ("Keyword", &["END"])),
        _ => unreachable!("not a delimited group"),
    };
    let snapshot: Vec<N> = tl.borrow().tokens.clone();
    let mut opens: Vec<usize> = Vec::new();
    let mut offset = 0usize;
    for (idx, token) in snapshot.iter().enumerate() {
        let tidx = idx - offset;
        if is_ws(token) {
            continue;
        }
        if is_group(token) && cls_of(token) != cls {
            group_matching(tk, token, cls, depth + 1)?;
            continue;
        }
        if tk.is(token, open.0, Some(open.1)) {
            opens.push(tidx);
        } else if tk.is(token, close.0, Some(close.1)) {
            let Some(o) = opens.pop() else { continue };
            group_tokens(tl, cls, o, tidx, false);
            offset += tidx - o;
        }
    }
    Ok(())
}

/// `@recurse(*excluded)`: apply to sublists first (skipping excluded classes), then to tl.
fn recurse(tl: &N, excluded: &[Cls], f: &mut dyn FnMut(&N)) {
    let subs: Vec<N> = tl
        .borrow()
        .tokens
        .iter()
        .filter(|t| is_group(t))
        .cloned()
        .collect();
    for s in subs {
        if !excluded.contains(&cls_of(&s)) {
            recurse(&s, excluded, f);
        }
    }
    f(tl);
}

/// Nesting depth of groups, computed without recursion (inputs can nest thousands deep).
fn max_depth(n: &N) -> usize {
    let mut best = 0;
    let mut stack = vec![(n.clone(), 1usize)];
    while let Some((x, d)) = stack.pop() {
        best = best.max(d);
        for t in x.borrow().tokens.iter().filter(|t| is_group(t)) {
            stack.push((t.clone(), d + 1));
        }
    }
    best
}

impl Drop for Node {
    // Iterative, so that dropping a deeply nested tree cannot overflow the stack.
    fn drop(&mut self) {
        let mut stack = std::mem::take(&mut self.tokens);
        while let Some(n) = stack.pop() {
            if let Ok(cell) = Rc::try_unwrap(n) {
                let mut node = cell.into_inner();
                stack.append(&mut node.tokens);
            }
        }
    }
}

const T_NUM_STR_NAME: &[&str] = &[
    "Literal.Number",
    "Literal.Number.Integer",
    "Literal.Number.Float",
    "Literal.String",
    "Literal.String.Single",
    "Literal.String.Symbol",
    "Name",
    "Name.Placeholder",
];

fn group(tk: &Tk, st: &N) -> Result<(), ParseFailed> {
    // group_comments
    recurse(st, &[Cls::Comment], &mut |tl| {
        let is_cm = |t: &N| under(ttype(t), "Comment");
        let (mut tidx, mut token) = token_next_by(tl, &is_cm, None);
        while token.is_some() {
            let i0 = tidx.unwrap_or(0);
            let end = {
                let b = tl.borrow();
                b.tokens
                    .iter()
                    .enumerate()
                    .skip(i0)
                    .find(|(_, t)| !(is_cm(t) || under(ttype(t), "Text.Whitespace.Newline")))
                    .map(|(i, _)| i)
            };
            let Some(eidx) = end else { break };
            group_tokens(tl, Cls::Comment, i0, eidx - 1, false);
            (tidx, token) = token_next_by(tl, &is_cm, Some(i0));
        }
    });
    for c in [
        Cls::SquareBrackets,
        Cls::Parenthesis,
        Cls::Case,
        Cls::If,
        Cls::For,
        Cls::Begin,
    ] {
        group_matching(tk, st, c, 0)?;
    }
    // Every later `_group` pass recurses into each group with a depth limit; sqlparse fails there
    // (or with a RecursionError in the undecorated passes), which MLflow reports the same way.
    if max_depth(st) > MAX_DEPTH + 1 {
        return Err(ParseFailed);
    }
    // group_over
    recurse(st, &[Cls::Over], &mut |tl| {
        let m = |t: &N| tk.is(t, "Keyword", Some(&["OVER"]));
        let (mut tidx, mut token) = token_next_by(tl, &m, None);
        while token.is_some() {
            let (nidx, next) = token_next(tl, tidx, true);
            if next
                .as_ref()
                .is_some_and(|n| cls_of(n) == Cls::Parenthesis || under(ttype(n), "Name"))
            {
                group_tokens(tl, Cls::Over, tidx.unwrap_or(0), nidx.unwrap_or(0), false);
            }
            (tidx, token) = token_next_by(tl, &m, tidx);
        }
    });
    // group_functions
    recurse(st, &[Cls::Function], &mut |tl| {
        let (mut c, mut t, mut a) = (false, false, false);
        for tok in tl.borrow().tokens.iter() {
            let v = py_upper(&tk.value(tok));
            c |= v == "CREATE";
            t |= v == "TABLE";
            a |= v == "AS";
        }
        if c && t && !a {
            return;
        }
        let m = |x: &N| under(ttype(x), "Name");
        let (mut tidx, mut token) = token_next_by(tl, &m, None);
        while token.is_some() {
            let (nidx, next) = token_next(tl, tidx, true);
            if next.as_ref().is_some_and(|n| cls_of(n) == Cls::Parenthesis) {
                let (oidx, over) = token_next(tl, nidx, true);
                let eidx = if over.as_ref().is_some_and(|o| cls_of(o) == Cls::Over) {
                    oidx
                } else {
                    nidx
                };
                group_tokens(
                    tl,
                    Cls::Function,
                    tidx.unwrap_or(0),
                    eidx.unwrap_or(0),
                    false,
                );
            }
            (tidx, token) = token_next_by(tl, &m, tidx);
        }
    });
    // group_where
    recurse(st, &[Cls::Where], &mut |tl| {
        let mo = |t: &N| tk.is(t, "Keyword", Some(&["WHERE"]));
        let mc = |t: &N| {
            tk.is(
                t,
                "Keyword",
                Some(&[
                    "ORDER BY",
                    "GROUP BY",
                    "LIMIT",
                    "UNION",
                    "UNION ALL",
                    "EXCEPT",
                    "INTERSECT",
                    "HAVING",
                    "RETURNING",
                    "INTO",
                ]),
            )
        };
        let (mut tidx, mut token) = token_next_by(tl, &mo, None);
        while token.is_some() {
            let (eidx, end) = token_next_by(tl, &mc, tidx);
            let end_tok = if end.is_none() {
                let b = tl.borrow();
                if is_delimited_group_groupable(b.cls) {
                    b.tokens[b.tokens.len().saturating_sub(2)].clone()
                } else {
                    b.tokens[b.tokens.len() - 1].clone()
                }
            } else {
                get(tl, eidx.unwrap_or(1) - 1)
            };
            let eidx = tl
                .borrow()
                .tokens
                .iter()
                .position(|t| Rc::ptr_eq(t, &end_tok))
                .unwrap_or(0);
            group_tokens(tl, Cls::Where, tidx.unwrap_or(0), eidx, false);
            (tidx, token) = token_next_by(tl, &mo, tidx);
        }
    });
    if max_depth(st) > MAX_DEPTH + 1 {
        return Err(ParseFailed);
    }
    // group_period
    group_generic(
        st,
        &GroupSpec {
            cls: Cls::Identifier,
            m: &|t| {
                tk.is(t, "Punctuation", Some(&["."])) || tk.is(t, "Operator", Some(&["->", "->>"]))
            },
            vp: &|t| {
                t.is_some_and(|t| {
                    matches!(cls_of(t), Cls::SquareBrackets | Cls::Identifier)
                        || exact(t, &["Name", "Literal.String.Symbol"])
                })
            },
            vn: &|_| true,
            post: &|tl, pidx, tidx, nidx| {
                let ok = nidx.is_some_and(|n| {
                    let nx = get(tl, n);
                    matches!(cls_of(&nx), Cls::SquareBrackets | Cls::Function)
                        || exact(
                            &nx,
                            &[
                                "Name",
                                "Literal.String.Symbol",
                                "Wildcard",
                                "Literal.String.Single",
                            ],
                        )
                });
                if ok {
                    (pidx, nidx.unwrap_or(tidx))
                } else {
                    (pidx, tidx)
                }
            },
            extend: true,
            recurse: true,
        },
        0,
    )?;
    // group_arrays
    group_generic(
        st,
        &GroupSpec {
            cls: Cls::Identifier,
            m: &|t| cls_of(t) == Cls::SquareBrackets,
            vp: &|t| {
                t.is_some_and(|t| {
                    matches!(
                        cls_of(t),
                        Cls::SquareBrackets | Cls::Identifier | Cls::Function
                    ) || exact(t, &["Name", "Literal.String.Symbol"])
                })
            },
            vn: &|_| true,
            post: &|_, pidx, tidx, _| (pidx, tidx),
            extend: true,
            recurse: false,
        },
        0,
    )?;
    // group_identifier
    recurse(st, &[Cls::Identifier], &mut |tl| {
        let m = |t: &N| exact(t, &["Literal.String.Symbol", "Name"]);
        let (mut tidx, mut token) = token_next_by(tl, &m, None);
        while token.is_some() {
            group_tokens(
                tl,
                Cls::Identifier,
                tidx.unwrap_or(0),
                tidx.unwrap_or(0),
                false,
            );
            (tidx, token) = token_next_by(tl, &m, tidx);
        }
    });
    // group_order
    recurse(st, &[Cls::Identifier], &mut |tl| {
        let m = |t: &N| under(ttype(t), "Keyword.Order");
        let (mut tidx, mut token) = token_next_by(tl, &m, None);
        while token.is_some() {
            let (pidx, prev) = token_prev(tl, tidx.unwrap_or(0), true);
            if prev
                .as_ref()
                .is_some_and(|p| cls_of(p) == Cls::Identifier || under(ttype(p), "Literal.Number"))
            {
                group_tokens(
                    tl,
                    Cls::Identifier,
                    pidx.unwrap_or(0),
                    tidx.unwrap_or(0),
                    false,
                );
                tidx = pidx;
            }
            (tidx, token) = token_next_by(tl, &m, tidx);
        }
    });
    let not_none = |t: Option<&N>| t.is_some();
    // group_typecasts
    group_generic(
        st,
        &GroupSpec {
            cls: Cls::Identifier,
            m: &|t| tk.is(t, "Punctuation", Some(&["::"])),
            vp: &not_none,
            vn: &not_none,
            post: &|_, p, _, n| (p, n.unwrap_or(p)),
            extend: true,
            recurse: true,
        },
        0,
    )?;
    // group_tzcasts
    group_generic(
        st,
        &GroupSpec {
            cls: Cls::Identifier,
            m: &|t| ttype(t) == Some("Keyword.TZCast"),
            vp: &not_none,
            vn: &|t| {
                t.is_some_and(|t| {
                    is_ws(t)
                        || tk.is(t, "Keyword", Some(&["AS"]))
                        || tk.is(t, "Literal.String.Single", None)
                })
            },
            post: &|_, p, _, n| (p, n.unwrap_or(p)),
            extend: true,
            recurse: true,
        },
        0,
    )?;
    // group_typed_literal
    group_generic(
        st,
        &GroupSpec {
            cls: Cls::TypedLiteral,
            m: &|t| tk.is(t, "Name.Builtin", None) || tk.is(t, "Keyword", Some(&["TIMESTAMP"])),
            vp: &not_none,
            vn: &|t| t.is_some_and(|t| tk.is(t, "Literal.String.Single", None)),
            post: &|_, _, t, n| (t, n.unwrap_or(t)),
            extend: false,
            recurse: true,
        },
        0,
    )?;
    group_generic(
        st,
        &GroupSpec {
            cls: Cls::TypedLiteral,
            m: &|t| cls_of(t) == Cls::TypedLiteral,
            vp: &not_none,
            vn: &|t| {
                t.is_some_and(|t| {
                    tk.is(
                        t,
                        "Keyword",
                        Some(&["DAY", "HOUR", "MINUTE", "MONTH", "SECOND", "YEAR"]),
                    )
                })
            },
            post: &|_, _, t, n| (t, n.unwrap_or(t)),
            extend: true,
            recurse: true,
        },
        0,
    )?;
    // group_operator
    let op_valid = |t: Option<&N>| {
        t.is_some_and(|t| {
            matches!(
                cls_of(t),
                Cls::SquareBrackets
                    | Cls::Parenthesis
                    | Cls::Function
                    | Cls::Identifier
                    | Cls::Operation
                    | Cls::TypedLiteral
            ) || exact(t, T_NUM_STR_NAME)
                || tk.is(
                    t,
                    "Keyword",
                    Some(&["CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP"]),
                )
        })
    };
    group_generic(
        st,
        &GroupSpec {
            cls: Cls::Operation,
            m: &|t| exact(t, &["Operator", "Wildcard"]),
            vp: &op_valid,
            vn: &op_valid,
            post: &|tl, p, t, n| {
                get(tl, t).borrow_mut().ttype = Some("Operator");
                (p, n.unwrap_or(t))
            },
            extend: false,
            recurse: true,
        },
        0,
    )?;
    // group_comparison
    let cmp_valid = |t: Option<&N>| {
        t.is_some_and(|t| {
            matches!(
                cls_of(t),
                Cls::Parenthesis
                    | Cls::Function
                    | Cls::Identifier
                    | Cls::Operation
                    | Cls::TypedLiteral
            ) || exact(t, T_NUM_STR_NAME)
                || (is_keyword(t) && tk.normalized(t) == "NULL")
        })
    };
    group_generic(
        st,
        &GroupSpec {
            cls: Cls::Comparison,
            m: &|t| ttype(t) == Some("Operator.Comparison"),
            vp: &cmp_valid,
            vn: &cmp_valid,
            post: &|_, p, t, n| (p, n.unwrap_or(t)),
            extend: false,
            recurse: true,
        },
        0,
    )?;
    // group_as
    group_generic(
        st,
        &GroupSpec {
            cls: Cls::Identifier,
            m: &|t| is_keyword(t) && tk.normalized(t) == "AS",
            vp: &|t| t.is_some_and(|t| tk.normalized(t) == "NULL" || !is_keyword(t)),
            vn: &|t| t.is_some_and(|t| !exact(t, &["Keyword.DML", "Keyword.DDL", "Keyword.CTE"])),
            post: &|_, p, t, n| (p, n.unwrap_or(t)),
            extend: true,
            recurse: true,
        },
        0,
    )?;
    // group_aliased
    recurse(st, &[], &mut |tl| {
        let m = |t: &N| {
            matches!(
                cls_of(t),
                Cls::Parenthesis
                    | Cls::Function
                    | Cls::Case
                    | Cls::Identifier
                    | Cls::Operation
                    | Cls::Comparison
            ) || under(ttype(t), "Literal.Number")
        };
        let (mut tidx, mut token) = token_next_by(tl, &m, None);
        while token.is_some() {
            let (nidx, next) = token_next(tl, tidx, true);
            if next.as_ref().is_some_and(|n| cls_of(n) == Cls::Identifier) {
                group_tokens(
                    tl,
                    Cls::Identifier,
                    tidx.unwrap_or(0),
                    nidx.unwrap_or(0),
                    true,
                );
            }
            (tidx, token) = token_next_by(tl, &m, tidx);
        }
    });
    // group_assignment
    let asg_valid = |t: Option<&N>| t.is_some_and(|t| ttype(t) != Some("Keyword"));
    group_generic(
        st,
        &GroupSpec {
            cls: Cls::Assignment,
            m: &|t| tk.is(t, "Assignment", Some(&[":="])),
            vp: &asg_valid,
            vn: &asg_valid,
            post: &|tl, p, t, n| {
                let semi = |x: &N| tk.is(x, "Punctuation", Some(&[";"]));
                let (s, _) = token_next_by(tl, &semi, n);
                (p, s.or(n).unwrap_or(t))
            },
            extend: true,
            recurse: true,
        },
        0,
    )?;
    // align_comments
    recurse(st, &[], &mut |tl| {
        let m = |t: &N| cls_of(t) == Cls::Comment;
        let (mut tidx, mut token) = token_next_by(tl, &m, None);
        while token.is_some() {
            let (pidx, prev) = token_prev(tl, tidx.unwrap_or(0), true);
            if prev.as_ref().is_some_and(is_group) {
                group_tokens(
                    tl,
                    Cls::TokenList,
                    pidx.unwrap_or(0),
                    tidx.unwrap_or(0),
                    true,
                );
                tidx = pidx;
            }
            (tidx, token) = token_next_by(tl, &m, tidx);
        }
    });
    // group_identifier_list
    let il_valid = |t: Option<&N>| {
        t.is_some_and(|t| {
            matches!(
                cls_of(t),
                Cls::Function
                    | Cls::Case
                    | Cls::Identifier
                    | Cls::Comparison
                    | Cls::IdentifierList
                    | Cls::Operation
            ) || exact(t, T_NUM_STR_NAME)
                || exact(t, &["Keyword", "Comment", "Wildcard"])
        })
    };
    group_generic(
        st,
        &GroupSpec {
            cls: Cls::IdentifierList,
            m: &|t| tk.is(t, "Punctuation", Some(&[","])),
            vp: &il_valid,
            vn: &il_valid,
            post: &|_, p, t, n| (p, n.unwrap_or(t)),
            extend: true,
            recurse: true,
        },
        0,
    )?;
    // group_values
    {
        let m = |t: &N| tk.is(t, "Keyword", Some(&["VALUES"]));
        let (mut tidx, mut token) = token_next_by(st, &m, None);
        let start = tidx;
        let mut end: Option<usize> = None;
        while let Some(t) = &token {
            if cls_of(t) == Cls::Parenthesis {
                end = tidx;
            }
            (tidx, token) = token_next(st, tidx, true);
        }
        if let (Some(s), Some(e)) = (start, end) {
            group_tokens(st, Cls::Values, s, e, true);
        }
    }
    Ok(())
}

fn is_delimited_group_groupable(c: Cls) -> bool {
    matches!(c, Cls::Parenthesis | Cls::SquareBrackets)
}
