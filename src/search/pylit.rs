//! Just enough of Python to reproduce what MLflow does with an `IN (...)` list: `ast.literal_eval` of the
//! parenthesised text (strings, numbers, tuples, lists, True/False/None), and `repr` of the result for
//! MLflow's error messages (the scoring server quotes with the same `repr_str`). Anything outside that
//! subset is reported as an ill-formed list.

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PyVal {
    Str(String),
    Bytes(Vec<u8>),
    Int(String),
    Float(f64),
    Const(&'static str),
    Tuple(Vec<PyVal>),
    List(Vec<PyVal>),
}

/// Python's `repr(str)`.
pub(crate) fn repr_str(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if !printable(c) => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// Python's `repr(bytes)`: `b'…'`, or `b"…"` when the bytes hold `'` and no `"`.
pub(crate) fn repr_bytes(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(q as char);
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            x if x == q => {
                out.push('\\');
                out.push(x as char);
            }
            0x20..=0x7e => out.push(x as char),
            _ => out.push_str(&format!("\\x{x:02x}")),
        }
    }
    out.push(q as char);
    out
}

/// An approximation of `str.isprintable` (no Unicode category tables here): controls, separators other
/// than the ASCII space, format characters and private use are not printable.
fn printable(c: char) -> bool {
    let n = c as u32;
    !(c.is_control()
        || (c.is_whitespace() && c != ' ')
        || n == 0xAD
        || (0x200B..=0x200F).contains(&n)
        || (0x202A..=0x202E).contains(&n)
        || (0x2060..=0x2064).contains(&n)
        || n == 0xFEFF
        || (0xE000..=0xF8FF).contains(&n)
        || (0xD800..=0xDFFF).contains(&n)
        || n >= 0xF0000)
}

pub(crate) fn repr(v: &PyVal) -> String {
    match v {
        PyVal::Str(s) => repr_str(s),
        PyVal::Bytes(b) => repr_bytes(b),
        PyVal::Int(s) => s.clone(),
        PyVal::Float(f) => crate::pyfloat::format(*f),
        PyVal::Const(c) => c.to_string(),
        PyVal::Tuple(items) => {
            if items.len() == 1 {
                format!("({},)", repr(&items[0]))
            } else {
                format!(
                    "({})",
                    items.iter().map(repr).collect::<Vec<_>>().join(", ")
                )
            }
        }
        PyVal::List(items) => format!(
            "[{}]",
            items.iter().map(repr).collect::<Vec<_>>().join(", ")
        ),
    }
}

struct P<'a> {
    s: &'a [char],
    i: usize,
    depth: usize,
}

/// `ast.literal_eval(text)`; `Err` stands for both SyntaxError and ValueError.
pub(crate) fn literal_eval(text: &str) -> Result<PyVal, ()> {
    let chars: Vec<char> = text.chars().collect();
    let mut p = P {
        s: &chars,
        i: 0,
        depth: 0,
    };
    // literal_eval strips leading spaces and tabs only, then parses in eval mode.
    while matches!(p.peek(), Some(' ' | '\t')) {
        p.i += 1;
    }
    let v = p.expr_list(false)?;
    p.skip(false);
    if p.i != chars.len() {
        return Err(());
    }
    Ok(v)
}

impl P<'_> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }
    fn skip(&mut self, nl: bool) {
        loop {
            match self.peek() {
                Some(' ' | '\t' | '\x0c') => self.i += 1,
                Some('\n' | '\r') if nl => self.i += 1,
                Some('\\') if matches!(self.s.get(self.i + 1), Some('\n')) => self.i += 2,
                Some('#') => {
                    while self.peek().is_some_and(|c| c != '\n' && c != '\r') {
                        self.i += 1;
                    }
                }
                _ => return,
            }
        }
    }
    /// A comma-separated sequence; several items (or a trailing comma) make a tuple.
    fn expr_list(&mut self, nl: bool) -> Result<PyVal, ()> {
        self.skip(nl);
        let first = self.atom(nl)?;
        self.skip(nl);
        if self.peek() != Some(',') {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.peek() == Some(',') {
            self.i += 1;
            self.skip(nl);
            if matches!(self.peek(), None | Some(')' | ']' | '}')) {
                break;
            }
            items.push(self.atom(nl)?);
            self.skip(nl);
        }
        Ok(PyVal::Tuple(items))
    }
    fn seq(&mut self, close: char) -> Result<Vec<PyVal>, ()> {
        let mut items = vec![];
        loop {
            self.skip(true);
            if self.peek() == Some(close) {
                self.i += 1;
                return Ok(items);
            }
            items.push(self.atom(true)?);
            self.skip(true);
            match self.peek() {
                Some(',') => self.i += 1,
                Some(c) if c == close => {}
                _ => return Err(()),
            }
        }
    }
    fn atom(&mut self, nl: bool) -> Result<PyVal, ()> {
        self.depth += 1;
        if self.depth > 200 {
            return Err(());
        }
        let r = self.atom_inner(nl);
        self.depth -= 1;
        r
    }
    fn atom_inner(&mut self, nl: bool) -> Result<PyVal, ()> {
        self.skip(nl);
        let c = self.peek().ok_or(())?;
        match c {
            '(' => {
                self.i += 1;
                self.skip(true);
                if self.peek() == Some(')') {
                    self.i += 1;
                    return Ok(PyVal::Tuple(vec![]));
                }
                let v = self.expr_list(true)?;
                self.skip(true);
                if self.peek() != Some(')') {
                    return Err(());
                }
                self.i += 1;
                Ok(v)
            }
            '[' => {
                self.i += 1;
                Ok(PyVal::List(self.seq(']')?))
            }
            '-' | '+' => {
                self.i += 1;
                self.skip(nl);
                match self.atom(nl)? {
                    PyVal::Int(s) if c == '-' => {
                        Ok(PyVal::Int(if s == "0" { s } else { format!("-{s}") }))
                    }
                    PyVal::Float(f) if c == '-' => Ok(PyVal::Float(-f)),
                    v @ (PyVal::Int(_) | PyVal::Float(_)) => Ok(v),
                    _ => Err(()),
                }
            }
            c if c.is_ascii_digit()
                || (c == '.' && self.s.get(self.i + 1).is_some_and(|d| d.is_ascii_digit())) =>
            {
                self.number()
            }
            _ => {
                let start = self.i;
                while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    self.i += 1;
                }
                let word: String = self.s[start..self.i].iter().collect();
                if matches!(self.peek(), Some('\'' | '"')) && word.len() <= 2 {
                    let lw = word.to_ascii_lowercase();
                    if ["", "r", "u", "b", "br", "rb"].contains(&lw.as_str()) {
                        return self.strings(start);
                    }
                    return Err(());
                }
                match word.as_str() {
                    "" if matches!(self.peek(), Some('\'' | '"')) => self.strings(start),
                    "True" => Ok(PyVal::Const("True")),
                    "False" => Ok(PyVal::Const("False")),
                    "None" => Ok(PyVal::Const("None")),
                    _ => Err(()),
                }
            }
        }
    }
    fn number(&mut self) -> Result<PyVal, ()> {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
        {
            if matches!(self.peek(), Some('e' | 'E'))
                && matches!(self.s.get(self.i + 1), Some('+' | '-'))
            {
                self.i += 1;
            }
            self.i += 1;
        }
        let raw: String = self.s[start..self.i]
            .iter()
            .filter(|&&c| c != '_')
            .collect();
        if raw.chars().all(|c| c.is_ascii_digit()) {
            let t = raw.trim_start_matches('0');
            if t.is_empty() {
                return Ok(PyVal::Int("0".into()));
            }
            if raw.starts_with('0') {
                return Err(());
            }
            return Ok(PyVal::Int(t.to_string()));
        }
        crate::pyfloat::parse(&raw).map(PyVal::Float).ok_or(())
    }
    /// One or more adjacent string literals (implicit concatenation).
    fn strings(&mut self, start: usize) -> Result<PyVal, ()> {
        self.i = start;
        let mut acc: Option<PyVal> = None;
        loop {
            let save = self.i;
            self.skip(false);
            let pstart = self.i;
            while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                self.i += 1;
            }
            let prefix: String = self.s[pstart..self.i]
                .iter()
                .collect::<String>()
                .to_ascii_lowercase();
            if !matches!(self.peek(), Some('\'' | '"'))
                || !["", "r", "u", "b", "br", "rb"].contains(&prefix.as_str())
            {
                self.i = save;
                break;
            }
            let raw = prefix.contains('r');
            let bytes = prefix.contains('b');
            let s = self.one_string(raw)?;
            let v = if bytes {
                if !s.is_ascii() {
                    return Err(());
                }
                PyVal::Bytes(s.chars().map(|c| c as u8).collect())
            } else {
                PyVal::Str(s)
            };
            acc = Some(match (acc, v) {
                (None, v) => v,
                (Some(PyVal::Str(a)), PyVal::Str(b)) => PyVal::Str(a + &b),
                (Some(PyVal::Bytes(mut a)), PyVal::Bytes(b)) => {
                    a.extend(b);
                    PyVal::Bytes(a)
                }
                _ => return Err(()),
            });
        }
        acc.ok_or(())
    }
    fn one_string(&mut self, raw: bool) -> Result<String, ()> {
        let q = self.peek().ok_or(())?;
        let triple = self.s.get(self.i + 1) == Some(&q) && self.s.get(self.i + 2) == Some(&q);
        self.i += if triple { 3 } else { 1 };
        let mut out = String::new();
        loop {
            let c = self.peek().ok_or(())?;
            if c == q {
                if !triple {
                    self.i += 1;
                    return Ok(out);
                }
                if self.s.get(self.i + 1) == Some(&q) && self.s.get(self.i + 2) == Some(&q) {
                    self.i += 3;
                    return Ok(out);
                }
            }
            if (c == '\n' || c == '\r') && !triple {
                return Err(());
            }
            if c == '\\' {
                let n = *self.s.get(self.i + 1).ok_or(())?;
                if raw {
                    out.push('\\');
                    out.push(n);
                    self.i += 2;
                    continue;
                }
                self.i += 2;
                match n {
                    '\n' => {}
                    '\\' => out.push('\\'),
                    '\'' => out.push('\''),
                    '"' => out.push('"'),
                    'a' => out.push('\x07'),
                    'b' => out.push('\x08'),
                    'f' => out.push('\x0c'),
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    'v' => out.push('\x0b'),
                    '0'..='7' => {
                        let mut v = n.to_digit(8).unwrap_or(0);
                        for _ in 0..2 {
                            match self.peek().and_then(|c| c.to_digit(8)) {
                                Some(d) => {
                                    v = v * 8 + d;
                                    self.i += 1;
                                }
                                None => break,
                            }
                        }
                        out.push(char::from_u32(v).ok_or(())?);
                    }
                    'x' | 'u' | 'U' => {
                        let k = match n {
                            'x' => 2,
                            'u' => 4,
                            _ => 8,
                        };
                        let hex: String =
                            self.s.get(self.i..self.i + k).ok_or(())?.iter().collect();
                        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                            return Err(());
                        }
                        let v = u32::from_str_radix(&hex, 16).map_err(|_| ())?;
                        out.push(char::from_u32(v).ok_or(())?);
                        self.i += k;
                    }
                    'N' => return Err(()),
                    other => {
                        out.push('\\');
                        out.push(other);
                    }
                }
                continue;
            }
            out.push(c);
            self.i += 1;
        }
    }
}
