//! Byte-exact emulation of PyYAML's
//! `yaml.safe_dump(d, default_flow_style=False, sort_keys=True, allow_unicode=True)`
//! (default width 80, indent 2) for a small value model.
//!
//! The emitter mirrors PyYAML's `emitter.py` (`analyze_scalar`,
//! `choose_scalar_style`, `write_plain`, `write_single_quoted`,
//! `write_double_quoted`, `write_indent`, `write_indicator`) and the implicit
//! resolvers of `resolver.py`, including column tracking and line folding. [`load`] is the other
//! direction: `yaml.load(text, Loader=CSafeLoader)` as MLflow reads every meta.yaml.
//!
//! A port, not a YAML crate: MLflow's readers compare meta.yaml bytes and PyYAML's quoting and line
//! folding choices, which no Rust emitter (serde_norway included) reproduces.
pub mod load;

/// A YAML value as produced by `safe_dump` from Python data.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Python `None` -> `null`.
    Null,
    /// Python `int`.
    Int(i64),
    /// Python `bool` -> `true` / `false`.
    Bool(bool),
    /// Python `float`, written as PyYAML's `represent_float` does (`1.0e-05`, `.nan`, `.inf`).
    Float(f64),
    /// Python `str`.
    Str(String),
    /// Python `list`. An empty list emits `[]`; a non-empty list is emitted as
    /// an (indentless) block sequence.
    List(Vec<Value>),
    /// Python `dict`. Keys are sorted on output. An empty map emits `{}`.
    Map(Vec<(String, Value)>),
}

/// Emit a top-level mapping. Keys are sorted (byte order of the string, as
/// Python sorts `str`). Output ends with `"\n"`.
pub fn dump(map: &[(String, Value)]) -> String {
    dump_with(map, true)
}

/// `yaml.safe_dump(d, default_flow_style=False)` without `allow_unicode` (how MLflow writes
/// `MLmodel`): non-ASCII text is double-quoted and escaped.
pub fn dump_ascii(map: &[(String, Value)]) -> String {
    dump_with(map, false)
}

fn dump_with(map: &[(String, Value)], allow_unicode: bool) -> String {
    let mut e = Emitter::new();
    e.allow_unicode = allow_unicode;
    if map.is_empty() {
        // Empty root mapping: flow style `{}`.
        e.write_indicator("{", true, true, false);
        e.write_indicator("}", false, false, false);
    } else {
        e.block_mapping(map, 0);
    }
    // Document end: implicit, just terminate the last line.
    e.indent = 0;
    e.write_indent();
    e.out
}

const BEST_WIDTH: usize = 80;
const BEST_INDENT: usize = 2;

fn is_break(ch: char) -> bool {
    matches!(ch, '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_blank_or_break_or_nul(ch: char) -> bool {
    matches!(
        ch,
        '\0' | ' ' | '\t' | '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

struct Analysis {
    empty: bool,
    multiline: bool,
    allow_block_plain: bool,
    allow_single_quoted: bool,
}

fn analyze_scalar(scalar: &[char], allow_unicode: bool) -> Analysis {
    if scalar.is_empty() {
        return Analysis {
            empty: true,
            multiline: false,
            allow_block_plain: true,
            allow_single_quoted: true,
        };
    }
    let n = scalar.len();
    let mut block_indicators = false;
    let mut line_breaks = false;
    let mut special_characters = false;
    let mut leading_space = false;
    let mut leading_break = false;
    let mut trailing_space = false;
    let mut trailing_break = false;
    let mut break_space = false;
    let mut space_break = false;

    if scalar.starts_with(&['-', '-', '-']) || scalar.starts_with(&['.', '.', '.']) {
        block_indicators = true;
    }
    let mut preceded_by_whitespace = true;
    let mut followed_by_whitespace = n == 1 || is_blank_or_break_or_nul(scalar[1]);
    let mut previous_space = false;
    let mut previous_break = false;

    for (index, &ch) in scalar.iter().enumerate() {
        if index == 0 {
            if "#,[]{}&*!|>'\"%@`".contains(ch) {
                block_indicators = true;
            }
            if (ch == '?' || ch == ':') && followed_by_whitespace {
                block_indicators = true;
            }
            if ch == '-' && followed_by_whitespace {
                block_indicators = true;
            }
        } else {
            if ch == ':' && followed_by_whitespace {
                block_indicators = true;
            }
            if ch == '#' && preceded_by_whitespace {
                block_indicators = true;
            }
        }
        if is_break(ch) {
            line_breaks = true;
        }
        if !(ch == '\n' || ('\x20'..='\x7e').contains(&ch)) {
            let unicode_ok = (ch == '\u{85}'
                || ('\u{a0}'..='\u{d7ff}').contains(&ch)
                || ('\u{e000}'..='\u{fffd}').contains(&ch)
                || ('\u{10000}'..'\u{10ffff}').contains(&ch))
                && ch != '\u{feff}';
            // With allow_unicode, printable unicode is not special.
            if !(unicode_ok && allow_unicode) {
                special_characters = true;
            }
        }
        if ch == ' ' {
            if index == 0 {
                leading_space = true;
            }
            if index == n - 1 {
                trailing_space = true;
            }
            if previous_break {
                break_space = true;
            }
            previous_space = true;
            previous_break = false;
        } else if is_break(ch) {
            if index == 0 {
                leading_break = true;
            }
            if index == n - 1 {
                trailing_break = true;
            }
            if previous_space {
                space_break = true;
            }
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = is_blank_or_break_or_nul(ch);
        followed_by_whitespace = index + 2 >= n || is_blank_or_break_or_nul(scalar[index + 2]);
    }

    let mut allow_block_plain = true;
    let mut allow_single_quoted = true;
    if leading_space || leading_break || trailing_space || trailing_break {
        allow_block_plain = false;
    }
    if break_space {
        allow_block_plain = false;
        allow_single_quoted = false;
    }
    if space_break || special_characters {
        allow_block_plain = false;
        allow_single_quoted = false;
    }
    if line_breaks || block_indicators {
        allow_block_plain = false;
    }
    Analysis {
        empty: false,
        multiline: line_breaks,
        allow_block_plain,
        allow_single_quoted,
    }
}

// ---------------------------------------------------------------------------
// Implicit resolvers (yaml.resolver.Resolver), used to decide whether a plain
// scalar would be read back as a str.

fn digits(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

fn skip_while(b: &[u8], mut i: usize, f: impl Fn(u8) -> bool) -> usize {
    while i < b.len() && f(b[i]) {
        i += 1;
    }
    i
}

fn opt_sign(b: &[u8], i: usize) -> usize {
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        i + 1
    } else {
        i
    }
}

fn is_digit_or_us(c: u8) -> bool {
    c.is_ascii_digit() || c == b'_'
}

/// `[0-9][0-9_]*` starting at i; returns end or None.
fn digit_then_digits_us(b: &[u8], i: usize) -> Option<usize> {
    if i < b.len() && b[i].is_ascii_digit() {
        Some(skip_while(b, i + 1, is_digit_or_us))
    } else {
        None
    }
}

/// `(?:[eE][-+][0-9]+)?` then end of input.
fn opt_exp_end(b: &[u8], i: usize) -> bool {
    if i == b.len() {
        return true;
    }
    if b[i] != b'e' && b[i] != b'E' {
        return false;
    }
    if i + 1 >= b.len() || (b[i + 1] != b'-' && b[i + 1] != b'+') {
        return false;
    }
    let j = digits(b, i + 2);
    j > i + 2 && j == b.len()
}

/// `(?::[0-5]?[0-9])+` starting at i; returns end or None. The sexagesimal
/// group is always followed by a non-digit, so greedy matching is exact.
fn sexagesimal(b: &[u8], mut i: usize) -> Option<usize> {
    let mut count = 0;
    while i < b.len() && b[i] == b':' {
        let j = digits(b, i + 1);
        let len = j - (i + 1);
        let ok = len == 1 || (len == 2 && (b'0'..=b'5').contains(&b[i + 1]));
        if !ok {
            return None;
        }
        i = j;
        count += 1;
    }
    if count > 0 {
        Some(i)
    } else {
        None
    }
}

fn is_yaml_float(b: &[u8]) -> bool {
    // [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
    let s = opt_sign(b, 0);
    if let Some(i) = digit_then_digits_us(b, s) {
        if i < b.len() && b[i] == b'.' {
            let j = skip_while(b, i + 1, is_digit_or_us);
            if opt_exp_end(b, j) {
                return true;
            }
        }
        // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        if let Some(j) = sexagesimal(b, i) {
            if j < b.len() && b[j] == b'.' && skip_while(b, j + 1, is_digit_or_us) == b.len() {
                return true;
            }
        }
    }
    // \.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
    if b.first() == Some(&b'.') {
        if let Some(i) = digit_then_digits_us(b, 1) {
            if opt_exp_end(b, i) {
                return true;
            }
        }
    }
    // [-+]?\.(?:inf|Inf|INF)
    let rest = &b[s..];
    if matches!(rest, b".inf" | b".Inf" | b".INF") {
        return true;
    }
    // \.(?:nan|NaN|NAN)
    matches!(b, b".nan" | b".NaN" | b".NAN")
}

fn is_yaml_int(b: &[u8]) -> bool {
    let s = opt_sign(b, 0);
    let rest = &b[s..];
    // [-+]?0b[0-1_]+
    if rest.len() > 2
        && rest.starts_with(b"0b")
        && rest[2..]
            .iter()
            .all(|&c| c == b'0' || c == b'1' || c == b'_')
    {
        return true;
    }
    // [-+]?0[0-7_]+
    if rest.len() > 1
        && rest[0] == b'0'
        && rest[1..]
            .iter()
            .all(|&c| (b'0'..=b'7').contains(&c) || c == b'_')
    {
        return true;
    }
    // [-+]?(?:0|[1-9][0-9_]*)
    if rest == b"0" {
        return true;
    }
    if !rest.is_empty()
        && (b'1'..=b'9').contains(&rest[0])
        && rest.iter().all(|&c| is_digit_or_us(c))
    {
        return true;
    }
    // [-+]?0x[0-9a-fA-F_]+
    if rest.len() > 2
        && rest.starts_with(b"0x")
        && rest[2..]
            .iter()
            .all(|&c| c.is_ascii_hexdigit() || c == b'_')
    {
        return true;
    }
    // [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
    if !rest.is_empty() && (b'1'..=b'9').contains(&rest[0]) {
        let i = skip_while(b, s + 1, is_digit_or_us);
        if sexagesimal(b, i) == Some(b.len()) {
            return true;
        }
    }
    false
}

fn is_yaml_timestamp(b: &[u8]) -> bool {
    let d = |i: usize| i < b.len() && b[i].is_ascii_digit();
    // [0-9]{4}-[0-9]{2}-[0-9]{2}
    if b.len() == 10
        && (0..4).all(d)
        && b[4] == b'-'
        && d(5)
        && d(6)
        && b[7] == b'-'
        && d(8)
        && d(9)
    {
        return true;
    }
    if !(0..4).all(d) || b.get(4) != Some(&b'-') {
        return false;
    }
    // -[0-9][0-9]?
    let one_or_two = |i: usize| -> Option<usize> {
        if !d(i) {
            return None;
        }
        Some(if d(i + 1) { i + 2 } else { i + 1 })
    };
    let Some(mut i) = one_or_two(5) else {
        return false;
    };
    if b.get(i) != Some(&b'-') {
        return false;
    }
    let Some(j) = one_or_two(i + 1) else {
        return false;
    };
    i = j;
    // (?:[Tt]|[ \t]+)
    match b.get(i) {
        Some(b'T') | Some(b't') => i += 1,
        Some(b' ') | Some(b'\t') => i = skip_while(b, i, |c| c == b' ' || c == b'\t'),
        _ => return false,
    }
    // [0-9][0-9]?:[0-9][0-9]:[0-9][0-9]
    let Some(j) = one_or_two(i) else {
        return false;
    };
    i = j;
    for _ in 0..2 {
        if b.get(i) != Some(&b':') || !d(i + 1) || !d(i + 2) {
            return false;
        }
        i += 3;
    }
    // (?:\.[0-9]*)?
    if b.get(i) == Some(&b'.') {
        i = digits(b, i + 1);
    }
    if i == b.len() {
        return true;
    }
    // (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?
    i = skip_while(b, i, |c| c == b' ' || c == b'\t');
    match b.get(i) {
        Some(b'Z') => i + 1 == b.len(),
        Some(b'-') | Some(b'+') => {
            let Some(mut j) = one_or_two(i + 1) else {
                return false;
            };
            if b.get(j) == Some(&b':') && d(j + 1) && d(j + 2) {
                j += 3;
            }
            j == b.len()
        }
        _ => false,
    }
}

/// The tag PyYAML's implicit resolvers give a plain scalar (`Resolver.resolve` with
/// `implicit[0]` true): the first resolver registered for the first character whose regex matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Implicit {
    Bool,
    Float,
    Int,
    Merge,
    Null,
    Timestamp,
    Value,
    Yaml,
    Str,
}

/// PyYAML's resolver for a plain scalar, in its registration order.
pub fn resolve_plain(s: &str) -> Implicit {
    let Some(first) = s.chars().next() else {
        return Implicit::Null; // '' resolves to null
    };
    resolve_exact(s, first)
}

fn resolve_exact(s: &str, first: char) -> Implicit {
    let b = s.as_bytes();
    if "yYnNtTfFoO".contains(first)
        && matches!(
            s,
            "yes"
                | "Yes"
                | "YES"
                | "no"
                | "No"
                | "NO"
                | "true"
                | "True"
                | "TRUE"
                | "false"
                | "False"
                | "FALSE"
                | "on"
                | "On"
                | "ON"
                | "off"
                | "Off"
                | "OFF"
        )
    {
        return Implicit::Bool;
    }
    if "-+0123456789.".contains(first) && is_yaml_float(b) {
        return Implicit::Float;
    }
    if "-+0123456789".contains(first) && is_yaml_int(b) {
        return Implicit::Int;
    }
    if first == '<' && s == "<<" {
        return Implicit::Merge;
    }
    if "~nN".contains(first) && matches!(s, "~" | "null" | "Null" | "NULL") {
        return Implicit::Null;
    }
    if first.is_ascii_digit() && is_yaml_timestamp(b) {
        return Implicit::Timestamp;
    }
    if first == '=' && s == "=" {
        return Implicit::Value;
    }
    if "!&*".contains(first) && matches!(s, "!" | "&" | "*") {
        return Implicit::Yaml;
    }
    Implicit::Str
}

fn resolves_non_str_exact(s: &str, first: char) -> bool {
    resolve_exact(s, first) != Implicit::Str
}

/// True if PyYAML's resolver maps the plain scalar `s` to `str`
/// (i.e. `implicit[0]` is true for a str node).
pub fn plain_resolves_to_str(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false; // '' resolves to null
    };
    if resolves_non_str_exact(s, first) {
        return false;
    }
    // Python's `$` also matches just before a trailing newline.
    if s.len() > 1 {
        if let Some(stripped) = s.strip_suffix('\n') {
            if resolves_non_str_exact(stripped, first) {
                return false;
            }
        }
    }
    true
}

// ---------------------------------------------------------------------------
// Emitter

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Plain,
    Single,
    Double,
}

struct Emitter {
    out: String,
    column: usize,
    whitespace: bool,
    indention: bool,
    indent: usize,
    allow_unicode: bool,
}

impl Emitter {
    fn new() -> Self {
        Emitter {
            allow_unicode: true,
            out: String::new(),
            column: 0,
            whitespace: true,
            indention: true,
            indent: 0,
        }
    }

    fn write_str(&mut self, data: &str) {
        self.column += data.chars().count();
        self.out.push_str(data);
    }

    fn write_chars(&mut self, data: &[char]) {
        self.column += data.len();
        self.out.extend(data.iter());
    }

    fn write_indicator(
        &mut self,
        indicator: &str,
        need_whitespace: bool,
        whitespace: bool,
        indention: bool,
    ) {
        if !self.whitespace && need_whitespace {
            self.out.push(' ');
            self.column += 1;
        }
        self.whitespace = whitespace;
        self.indention = self.indention && indention;
        self.write_str(indicator);
    }

    fn write_indent(&mut self) {
        let indent = self.indent;
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.write_line_break(None);
        }
        if self.column < indent {
            self.whitespace = true;
            for _ in self.column..indent {
                self.out.push(' ');
            }
            self.column = indent;
        }
    }

    fn write_line_break(&mut self, data: Option<char>) {
        self.out.push(data.unwrap_or('\n'));
        self.whitespace = true;
        self.indention = true;
        self.column = 0;
    }

    /// Emit a block mapping whose keys start at `indent`.
    fn block_mapping(&mut self, map: &[(String, Value)], indent: usize) {
        let mut entries: Vec<&(String, Value)> = map.iter().collect();
        entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        for (key, value) in entries {
            self.indent = indent;
            self.write_indent();
            let chars: Vec<char> = key.chars().collect();
            let analysis = analyze_scalar(&chars, self.allow_unicode);
            let simple = chars.len() < 128 && !analysis.empty && !analysis.multiline;
            if simple {
                self.scalar(
                    &chars,
                    plain_resolves_to_str(key),
                    true,
                    indent + BEST_INDENT,
                );
                self.indent = indent;
                self.write_indicator(":", false, false, false);
            } else {
                self.write_indicator("?", true, false, true);
                self.scalar(
                    &chars,
                    plain_resolves_to_str(key),
                    false,
                    indent + BEST_INDENT,
                );
                self.indent = indent;
                self.write_indent();
                self.write_indicator(":", true, false, true);
            }
            self.node(value, indent, true);
        }
        self.indent = indent;
    }

    /// Emit a value node. `parent_indent` is the indent of the enclosing
    /// block collection.
    fn node(&mut self, value: &Value, parent_indent: usize, mapping_context: bool) {
        let child = parent_indent + BEST_INDENT;
        match value {
            Value::Null => self.plain_non_str("null", child),
            Value::Int(i) => self.plain_non_str(&i.to_string(), child),
            Value::Bool(b) => self.plain_non_str(if *b { "true" } else { "false" }, child),
            Value::Float(f) => self.plain_non_str(&represent_float(*f), child),
            Value::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                self.scalar(&chars, plain_resolves_to_str(s), false, child);
            }
            Value::List(items) if items.is_empty() => {
                self.write_indicator("[", true, true, false);
                self.write_indicator("]", false, false, false);
            }
            Value::List(items) => {
                // Block sequence; indentless inside a mapping.
                let indentless = mapping_context && !self.indention;
                let seq_indent = if indentless { parent_indent } else { child };
                for item in items {
                    self.indent = seq_indent;
                    self.write_indent();
                    self.write_indicator("-", true, false, true);
                    self.node(item, seq_indent, false);
                }
                self.indent = parent_indent;
            }
            Value::Map(m) if m.is_empty() => {
                self.write_indicator("{", true, true, false);
                self.write_indicator("}", false, false, false);
            }
            Value::Map(m) => {
                self.block_mapping(m, child);
                self.indent = parent_indent;
            }
        }
    }

    /// Emit a non-str scalar (int, null): its tag is implicit, so it is plain.
    fn plain_non_str(&mut self, text: &str, indent: usize) {
        let chars: Vec<char> = text.chars().collect();
        let saved = self.indent;
        self.indent = indent;
        self.write_plain(&chars, true);
        self.indent = saved;
    }

    /// Emit a str scalar. `str_implicit` is PyYAML's `implicit[0]`: whether
    /// the plain form would resolve back to a str.
    fn scalar(&mut self, text: &[char], str_implicit: bool, simple_key: bool, indent: usize) {
        let saved = self.indent;
        self.indent = indent;
        let analysis = analyze_scalar(text, self.allow_unicode);
        let style = if str_implicit
            && !(simple_key && (analysis.empty || analysis.multiline))
            && analysis.allow_block_plain
        {
            Style::Plain
        } else if analysis.allow_single_quoted && !(simple_key && analysis.multiline) {
            Style::Single
        } else {
            Style::Double
        };
        let split = !simple_key;
        match style {
            Style::Plain => self.write_plain(text, split),
            Style::Single => self.write_single_quoted(text, split),
            Style::Double => self.write_double_quoted(text, split),
        }
        self.indent = saved;
    }

    fn write_plain(&mut self, text: &[char], split: bool) {
        if text.is_empty() {
            return;
        }
        if !self.whitespace {
            self.write_str(" ");
        }
        self.whitespace = false;
        self.indention = false;
        let mut spaces = false;
        let mut breaks = false;
        let mut start = 0;
        let mut end = 0;
        while end <= text.len() {
            let ch = text.get(end).copied();
            if spaces {
                if ch != Some(' ') {
                    if start + 1 == end && self.column > BEST_WIDTH && split {
                        self.write_indent();
                        self.whitespace = false;
                        self.indention = false;
                    } else {
                        self.write_chars(&text[start..end]);
                    }
                    start = end;
                }
            } else if breaks {
                if !ch.is_some_and(is_break) {
                    if text[start] == '\n' {
                        self.write_line_break(None);
                    }
                    for &br in &text[start..end] {
                        if br == '\n' {
                            self.write_line_break(None);
                        } else {
                            self.write_line_break(Some(br));
                        }
                    }
                    self.write_indent();
                    self.whitespace = false;
                    self.indention = false;
                    start = end;
                }
            } else if ch.is_none_or(|c| c == ' ' || is_break(c)) {
                self.write_chars(&text[start..end]);
                start = end;
            }
            if let Some(c) = ch {
                spaces = c == ' ';
                breaks = is_break(c);
            }
            end += 1;
        }
    }

    fn write_single_quoted(&mut self, text: &[char], split: bool) {
        self.write_indicator("'", true, false, false);
        let mut spaces = false;
        let mut breaks = false;
        let mut start = 0;
        let mut end = 0;
        while end <= text.len() {
            let ch = text.get(end).copied();
            if spaces {
                if ch != Some(' ') {
                    if start + 1 == end
                        && self.column > BEST_WIDTH
                        && split
                        && start != 0
                        && end != text.len()
                    {
                        self.write_indent();
                    } else {
                        self.write_chars(&text[start..end]);
                    }
                    start = end;
                }
            } else if breaks {
                if !ch.is_some_and(is_break) {
                    if text[start] == '\n' {
                        self.write_line_break(None);
                    }
                    for &br in &text[start..end] {
                        if br == '\n' {
                            self.write_line_break(None);
                        } else {
                            self.write_line_break(Some(br));
                        }
                    }
                    self.write_indent();
                    start = end;
                }
            } else if ch.is_none_or(|c| c == ' ' || c == '\'' || is_break(c)) && start < end {
                self.write_chars(&text[start..end]);
                start = end;
            }
            if ch == Some('\'') {
                self.write_str("''");
                start = end + 1;
            }
            if let Some(c) = ch {
                spaces = c == ' ';
                breaks = is_break(c);
            }
            end += 1;
        }
        self.write_indicator("'", false, false, false);
    }

    fn write_double_quoted(&mut self, text: &[char], split: bool) {
        self.write_indicator("\"", true, false, false);
        let mut start = 0;
        let mut end = 0;
        while end <= text.len() {
            let ch = text.get(end).copied();
            let needs_escape = match ch {
                None => true,
                Some(c) => {
                    "\"\\\u{85}\u{2028}\u{2029}\u{feff}".contains(c)
                        || !(('\x20'..='\x7e').contains(&c)
                            || (self.allow_unicode
                                && (('\u{a0}'..='\u{d7ff}').contains(&c)
                                    || ('\u{e000}'..='\u{fffd}').contains(&c))))
                }
            };
            if needs_escape {
                if start < end {
                    self.write_chars(&text[start..end]);
                    start = end;
                }
                if let Some(c) = ch {
                    let data = match escape_replacement(c) {
                        Some(r) => format!("\\{}", r),
                        None if (c as u32) <= 0xff => format!("\\x{:02X}", c as u32),
                        None if (c as u32) <= 0xffff => format!("\\u{:04X}", c as u32),
                        None => format!("\\U{:08X}", c as u32),
                    };
                    self.write_str(&data);
                    start = end + 1;
                }
            }
            if 0 < end
                && end + 1 < text.len()
                && (ch == Some(' ') || start >= end)
                && self.column as isize + end as isize - start as isize > BEST_WIDTH as isize
                && split
            {
                let mut data: String = if start < end {
                    text[start..end].iter().collect()
                } else {
                    String::new()
                };
                data.push('\\');
                if start < end {
                    start = end;
                }
                self.write_str(&data);
                self.write_indent();
                self.whitespace = false;
                self.indention = false;
                if text[start] == ' ' {
                    self.write_str("\\");
                }
            }
            end += 1;
        }
        self.write_indicator("\"", false, false, false);
    }
}

/// PyYAML's `represent_float`: `repr(x).lower()`, with `.0` put before a bare exponent.
fn represent_float(x: f64) -> String {
    if x.is_nan() {
        return ".nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { ".inf" } else { "-.inf" }.into();
    }
    let r = crate::pyfloat::format(x).to_lowercase();
    if !r.contains('.') && r.contains('e') {
        r.replacen('e', ".0e", 1)
    } else {
        r
    }
}

fn escape_replacement(c: char) -> Option<char> {
    Some(match c {
        '\0' => '0',
        '\x07' => 'a',
        '\x08' => 'b',
        '\x09' => 't',
        '\x0a' => 'n',
        '\x0b' => 'v',
        '\x0c' => 'f',
        '\x0d' => 'r',
        '\x1b' => 'e',
        '"' => '"',
        '\\' => '\\',
        '\u{85}' => 'N',
        '\u{a0}' => '_',
        '\u{2028}' => 'L',
        '\u{2029}' => 'P',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Value {
        Value::Str(v.to_string())
    }

    fn entry(k: &str, v: Value) -> (String, Value) {
        (k.to_string(), v)
    }

    #[test]
    fn mlflow_meta_yaml() {
        let map = vec![
            entry("name", s("Default")),
            entry("experiment_id", s("0")),
            entry("artifact_location", s("file:///home/user/proj/mlruns/0")),
            entry("lifecycle_stage", s("active")),
            entry("creation_time", Value::Int(1795433105677)),
            entry("last_update_time", Value::Int(1795433105677)),
            entry("workspace", s("default")),
            entry("trace_location", Value::Null),
            entry("effective_trace_archival_retention", Value::Null),
        ];
        let expected = "artifact_location: file:///home/user/proj/mlruns/0\n\
creation_time: 1795433105677\n\
effective_trace_archival_retention: null\n\
experiment_id: '0'\n\
last_update_time: 1795433105677\n\
lifecycle_stage: active\n\
name: Default\n\
trace_location: null\n\
workspace: default\n";
        assert_eq!(dump(&map), expected);
    }

    #[test]
    fn nested_tags() {
        let map = vec![entry(
            "tags",
            Value::Map(vec![entry("team", s("ml")), entry("nested/tag", s("v"))]),
        )];
        assert_eq!(dump(&map), "tags:\n  nested/tag: v\n  team: ml\n");
    }

    #[test]
    fn collections() {
        assert_eq!(dump(&[]), "{}\n");
        let map = vec![
            entry("e", Value::Map(vec![])),
            entry("l", Value::List(vec![])),
            entry("n", Value::Int(-5)),
            entry("z", Value::Null),
        ];
        assert_eq!(dump(&map), "e: {}\nl: []\nn: -5\nz: null\n");
        let map = vec![
            entry(
                "b",
                Value::Map(vec![entry(
                    "c",
                    Value::List(vec![s("1"), Value::Int(2), Value::Null]),
                )]),
            ),
            entry("a", Value::List(vec![s("x"), s("y")])),
            entry(
                "d",
                Value::List(vec![Value::Map(vec![
                    entry("y", s("2")),
                    entry("x", s("1")),
                ])]),
            ),
        ];
        assert_eq!(
            dump(&map),
            "a:\n- x\n- y\nb:\n  c:\n  - '1'\n  - 2\n  - null\nd:\n- x: '1'\n  y: '2'\n"
        );
    }

    /// Expected outputs generated by PyYAML 6.0.3
    /// `safe_dump({"k": s}, default_flow_style=False, sort_keys=True, allow_unicode=True)`.
    const VALUE_CASES: &[(&str, &str)] = &[
("", "k: ''\u{a}"),
("a", "k: a\u{a}"),
(" a", "k: ' a'\u{a}"),
("a ", "k: 'a '\u{a}"),
("  ", "k: '  '\u{a}"),
("x:y", "k: x:y\u{a}"),
("a: b", "k: 'a: b'\u{a}"),
("a #b", "k: 'a #b'\u{a}"),
("a#b", "k: a#b\u{a}"),
("#a", "k: '#a'\u{a}"),
("- x", "k: '- x'\u{a}"),
("-x", "k: -x\u{a}"),
("-", "k: '-'\u{a}"),
("--", "k: --\u{a}"),
("---", "k: '---'\u{a}"),
("--- a", "k: '--- a'\u{a}"),
("...", "k: '...'\u{a}"),
("... a", "k: '... a'\u{a}"),
("?", "k: '?'\u{a}"),
("? a", "k: '? a'\u{a}"),
("?a", "k: ?a\u{a}"),
(":", "k: ':'\u{a}"),
(": a", "k: ': a'\u{a}"),
(":a", "k: :a\u{a}"),
("a:", "k: 'a:'\u{a}"),
("[a", "k: '[a'\u{a}"),
("a]", "k: a]\u{a}"),
("{a", "k: '{a'\u{a}"),
("a}", "k: a}\u{a}"),
(",a", "k: ',a'\u{a}"),
("a,b", "k: a,b\u{a}"),
("&a", "k: '&a'\u{a}"),
("*a", "k: '*a'\u{a}"),
("!a", "k: '!a'\u{a}"),
("|a", "k: '|a'\u{a}"),
(">a", "k: '>a'\u{a}"),
("'a", "k: '''a'\u{a}"),
("\"a", "k: '\"a'\u{a}"),
("%a", "k: '%a'\u{a}"),
("@a", "k: '@a'\u{a}"),
("`a", "k: '`a'\u{a}"),
("it's", "k: it's\u{a}"),
("'quoted'", "k: '''quoted'''\u{a}"),
("a'b'c", "k: a'b'c\u{a}"),
("0", "k: '0'\u{a}"),
("1", "k: '1'\u{a}"),
("-1", "k: '-1'\u{a}"),
("+1", "k: '+1'\u{a}"),
("12", "k: '12'\u{a}"),
("012", "k: '012'\u{a}"),
("08", "k: 08\u{a}"),
("09", "k: 09\u{a}"),
("0o17", "k: 0o17\u{a}"),
("0x1F", "k: '0x1F'\u{a}"),
("0xG", "k: 0xG\u{a}"),
("0b101", "k: '0b101'\u{a}"),
("1_000", "k: '1_000'\u{a}"),
("1:20", "k: '1:20'\u{a}"),
("1:70", "k: 1:70\u{a}"),
("190:20:30", "k: '190:20:30'\u{a}"),
("1.5", "k: '1.5'\u{a}"),
("1e5", "k: 1e5\u{a}"),
("1.0e5", "k: 1.0e5\u{a}"),
("1.0e+5", "k: '1.0e+5'\u{a}"),
("1.e-3", "k: '1.e-3'\u{a}"),
(".5", "k: '.5'\u{a}"),
(".inf", "k: '.inf'\u{a}"),
("-.inf", "k: '-.inf'\u{a}"),
(".NaN", "k: '.NaN'\u{a}"),
(".nan", "k: '.nan'\u{a}"),
("+.INF", "k: '+.INF'\u{a}"),
("1:20.5", "k: '1:20.5'\u{a}"),
("1_2.3_4", "k: '1_2.3_4'\u{a}"),
("true", "k: 'true'\u{a}"),
("True", "k: 'True'\u{a}"),
("TRUE", "k: 'TRUE'\u{a}"),
("tRue", "k: tRue\u{a}"),
("yes", "k: 'yes'\u{a}"),
("Yes", "k: 'Yes'\u{a}"),
("no", "k: 'no'\u{a}"),
("NO", "k: 'NO'\u{a}"),
("on", "k: 'on'\u{a}"),
("Off", "k: 'Off'\u{a}"),
("y", "k: y\u{a}"),
("n", "k: n\u{a}"),
("Y", "k: Y\u{a}"),
("null", "k: 'null'\u{a}"),
("Null", "k: 'Null'\u{a}"),
("NULL", "k: 'NULL'\u{a}"),
("nULL", "k: nULL\u{a}"),
("~", "k: '~'\u{a}"),
("~a", "k: ~a\u{a}"),
("<<", "k: '<<'\u{a}"),
("=", "k: '='\u{a}"),
("==", "k: ==\u{a}"),
("!", "k: '!'\u{a}"),
("&", "k: '&'\u{a}"),
("*", "k: '*'\u{a}"),
("2020-01-01", "k: '2020-01-01'\u{a}"),
("2020-1-1", "k: 2020-1-1\u{a}"),
("2020-01-01 10:00:00", "k: '2020-01-01 10:00:00'\u{a}"),
("2020-01-01T10:00:00Z", "k: '2020-01-01T10:00:00Z'\u{a}"),
("2020-1-1t1:00:00.5 +05:30", "k: '2020-1-1t1:00:00.5 +05:30'\u{a}"),
("2020-01-01 10:00:00 ", "k: '2020-01-01 10:00:00 '\u{a}"),
("2020-01-01  10:00:00.123-5", "k: '2020-01-01  10:00:00.123-5'\u{a}"),
("20200101", "k: '20200101'\u{a}"),
("2020-01-01x", "k: 2020-01-01x\u{a}"),
("876315457058972340", "k: '876315457058972340'\u{a}"),
("1795433105677", "k: '1795433105677'\u{a}"),
("\u{43a}\u{43b}\u{44e}\u{447}_\u{e9}", "k: \u{43a}\u{43b}\u{44e}\u{447}_\u{e9}\u{a}"),
("emoji \u{1f600}", "k: emoji \u{1f600}\u{a}"),
("\u{65e5}\u{672c}\u{8a9e}", "k: \u{65e5}\u{672c}\u{8a9e}\u{a}"),
("a\u{9}b", "k: \"a\\tb\"\u{a}"),
("\u{9}", "k: \"\\t\"\u{a}"),
("a\u{d}b", "k: \"a\\rb\"\u{a}"),
("a\u{a}b", "k: 'a\u{a}\u{a}  b'\u{a}"),
("a\u{a}", "k: 'a\u{a}\u{a}  '\u{a}"),
("\u{a}a", "k: '\u{a}\u{a}  a'\u{a}"),
("a\u{a}\u{a}b", "k: 'a\u{a}\u{a}\u{a}  b'\u{a}"),
("a \u{a}b", "k: \"a \\nb\"\u{a}"),
("a\u{a} b", "k: \"a\\n b\"\u{a}"),
("\u{0}", "k: \"\\0\"\u{a}"),
("\u{7}", "k: \"\\a\"\u{a}"),
("\u{1b}", "k: \"\\e\"\u{a}"),
("\u{7f}", "k: \"\\x7F\"\u{a}"),
("\u{85}", "k: '\u{85}  '\u{a}"),
("\u{a0}", "k: \u{a0}\u{a}"),
("a\u{2028}b", "k: 'a\u{2028}  b'\u{a}"),
("\u{feff}", "k: \"\\uFEFF\"\u{a}"),
("\u{e000}", "k: \u{e000}\u{a}"),
("\u{fffe}", "k: \"\\uFFFE\"\u{a}"),
("\u{10ffff}", "k: \"\\U0010FFFF\"\u{a}"),
("file:///tmp/x", "k: file:///tmp/x\u{a}"),
("http://example.com/a?b=c#frag", "k: http://example.com/a?b=c#frag\u{a}"),
("a\\b", "k: a\\b\u{a}"),
("a\"b", "k: a\"b\u{a}"),
("a: b\u{a}c", "k: 'a: b\u{a}\u{a}  c'\u{a}"),
("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "k: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u{a}"),
("word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word", "k: word word word word word word word word word word word word word word word word\u{a}  word word word word word word word word word word word word word word word word\u{a}  word word word word word word word word word word word word word word word word\u{a}  word word\u{a}"),
("'ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ", "k: '''ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab\u{a}  ab ab ab ab ab ab ab ab ab ab ab ab ab ab '\u{a}"),
("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "k: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\u{a}"),
("b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b ", "k: 'b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b b\u{a}  b b b b b b '\u{a}"),
("https://example.com/segment/segment/segment/segment/segment/segment/segment/segment/segment/segment/segment/segment/segment/segment/segment/end", "k: https://example.com/segment/segment/segment/segment/segment/segment/segment/segment/segment/segment/segment/segment/segment/segment/segment/end\u{a}"),
("tab\u{9}and long long long long long long long long long long long long long long long long long long long long long long long long long long long long long long ", "k: \"tab\\tand long long long long long long long long long long long long long long\\\u{a}  \\ long long long long long long long long long long long long long long long long \"\u{a}"),
("quote's quote's quote's quote's quote's quote's quote's quote's quote's quote's quote's quote's quote's quote's quote's quote's quote's quote's quote's quote's \u{a}next next next next next next next next next next next next next next next next next next next next ", "k: \"quote's quote's quote's quote's quote's quote's quote's quote's quote's quote's\\\u{a}  \\ quote's quote's quote's quote's quote's quote's quote's quote's quote's quote's\\\u{a}  \\ \\nnext next next next next next next next next next next next next next next next\\\u{a}  \\ next next next next \"\u{a}"),
("multi\u{a}line\u{a}string with spaces multi\u{a}line\u{a}string with spaces multi\u{a}line\u{a}string with spaces multi\u{a}line\u{a}string with spaces multi\u{a}line\u{a}string with spaces ", "k: 'multi\u{a}\u{a}  line\u{a}\u{a}  string with spaces multi\u{a}\u{a}  line\u{a}\u{a}  string with spaces multi\u{a}\u{a}  line\u{a}\u{a}  string with spaces multi\u{a}\u{a}  line\u{a}\u{a}  string with spaces multi\u{a}\u{a}  line\u{a}\u{a}  string with spaces '\u{a}"),
("long line long line long line long line long line long line long line long line long line long line \u{9}tab more more more more more more more more more more more more more more more more more more more more", "k: \"long line long line long line long line long line long line long line long line\\\u{a}  \\ long line long line \\ttab more more more more more more more more more more more\\\u{a}  \\ more more more more more more more more more\"\u{a}"),
("a  b", "k: a  b\u{a}"),
("a   x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x ", "k: 'a   x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x\u{a}  x x x x x x x x x x x x x '\u{a}"),
("trailing\u{a}\u{a}", "k: 'trailing\u{a}\u{a}\u{a}  '\u{a}"),
("\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}", "k: \u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{1f642}\u{a}"),
("\u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} ", "k: '\u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9}\u{a}  \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} \u{e9} '\u{a}"),
("\\xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "k: \\xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u{a}"),
("x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y ", "k: 'x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y\u{a}  x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y x\"y '\u{a}"),
("\u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} \u{1} ", "k: \"\\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01\\\u{a}  \\ \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01\\\u{a}  \\ \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01 \\x01\\\u{a}  \\ \\x01 \\x01 \"\u{a}"),
    ];

    /// Same, for `{s: "v"}` (the string used as a key).
    const KEY_CASES: &[(&str, &str)] = &[
("nested/tag", "nested/tag: v\u{a}"),
("", "? ''\u{a}: v\u{a}"),
("a: b", "'a: b': v\u{a}"),
("0", "'0': v\u{a}"),
("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "? xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u{a}: v\u{a}"),
("a\u{a}b", "? 'a\u{a}\u{a}  b'\u{a}: v\u{a}"),
("it's", "it's: v\u{a}"),
("\u{43a}\u{43b}\u{44e}\u{447}_\u{e9}", "\u{43a}\u{43b}\u{44e}\u{447}_\u{e9}: v\u{a}"),
("a\u{9}b", "\"a\\tb\": v\u{a}"),
("true", "'true': v\u{a}"),
("- x", "'- x': v\u{a}"),
    ];

    /// Same, for `{"tags": {"k": s}}` (nested value, indent 4).
    const NESTED_CASES: &[(&str, &str)] = &[
("plain", "tags:\u{a}  k: plain\u{a}"),
("0", "tags:\u{a}  k: '0'\u{a}"),
("long long long long long long long long long long long long long long long long long long long long long long long long long long long long long long ", "tags:\u{a}  k: 'long long long long long long long long long long long long long long long long\u{a}    long long long long long long long long long long long long long long '\u{a}"),
("a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b a'b ", "tags:\u{a}  k: 'a''b a''b a''b a''b a''b a''b a''b a''b a''b a''b a''b a''b a''b a''b a''b a''b\u{a}    a''b a''b a''b a''b a''b a''b a''b a''b a''b a''b a''b a''b a''b a''b '\u{a}"),
("x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y x\u{9}y ", "tags:\u{a}  k: \"x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\t\\\u{a}    y x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty x\\ty \"\u{a}"),
("multi\u{a}line", "tags:\u{a}  k: 'multi\u{a}\u{a}    line'\u{a}"),
    ];

    #[test]
    fn pyyaml_value_table() {
        for (input, expected) in VALUE_CASES {
            assert_eq!(
                &dump(&[entry("k", s(input))]),
                expected,
                "value {:?}",
                input
            );
        }
    }

    #[test]
    fn pyyaml_key_table() {
        for (input, expected) in KEY_CASES {
            assert_eq!(&dump(&[entry(input, s("v"))]), expected, "key {:?}", input);
        }
    }

    #[test]
    fn pyyaml_nested_table() {
        for (input, expected) in NESTED_CASES {
            let map = [entry("tags", Value::Map(vec![entry("k", s(input))]))];
            assert_eq!(&dump(&map), expected, "nested {:?}", input);
        }
    }
}
