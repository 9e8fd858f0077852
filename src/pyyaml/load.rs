//! `yaml.load(text, Loader=CSafeLoader)`, which is how MLflow reads every meta.yaml: libyaml's parser
//! (the C parser CSafeLoader wraps, here as its Rust port) for events, PyYAML's implicit resolvers for
//! plain scalars and SafeConstructor's rules for values. A YAML 1.2 reader differs on plain scalars:
//! it reads `name: 1e3` (which PyYAML writes unquoted, being a str to it) as the float 1000.0.
use super::{resolve_plain, Implicit};
use std::collections::HashMap;
use unsafe_libyaml_norway as unsafe_sys;

/// A loaded value, as SafeConstructor builds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    /// Python `int`, in decimal (Python's ints are unbounded).
    Int(String),
    Float(f64),
    Str(String),
    /// `datetime.date` / `datetime.datetime`, as Python's `str()` shows it.
    Timestamp(String),
    Seq(Vec<Node>),
    /// A dict, in document order; a later duplicate key wins on lookup, as in a Python dict.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// Python's `str(value)` for a scalar; `None` for null and collections.
    pub fn py_str(&self) -> Option<String> {
        match self {
            Node::Str(s) | Node::Int(s) | Node::Timestamp(s) => Some(s.clone()),
            Node::Bool(b) => Some(if *b { "True" } else { "False" }.to_string()),
            Node::Float(f) => Some(crate::pyfloat::format(*f)),
            Node::Null | Node::Seq(_) | Node::Map(_) => None,
        }
    }

    /// Python's `int(value)` for a scalar, as MLflow's `from_dictionary` converts numeric fields.
    pub fn py_int(&self) -> Option<i64> {
        match self {
            Node::Int(s) => s.parse().ok(),
            Node::Bool(b) => Some(*b as i64),
            Node::Float(f) if f.is_finite() => Some(f.trunc() as i64),
            Node::Str(s) => {
                let t = s.trim().replace('_', "");
                t.parse().ok()
            }
            _ => None,
        }
    }

    /// The value under string key `k` of a mapping (the last one, as a dict keeps it).
    pub fn get(&self, k: &str) -> Option<&Node> {
        match self {
            Node::Map(pairs) => pairs
                .iter()
                .rev()
                .find(|(key, _)| matches!(key, Node::Str(s) if s == k))
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Deeper nesting than this is refused (a meta.yaml is two levels deep; a hostile one must not
/// overflow the stack when the tree is cloned or dropped).
const MAX_DEPTH: usize = 256;
/// Aliases are copied, not shared as in Python: a "billion laughs" file is refused once its copies
/// pass this many nodes.
const MAX_ALIAS_NODES: usize = 100_000;

fn size(n: &Node) -> usize {
    match n {
        Node::Seq(items) => 1 + items.iter().map(size).sum::<usize>(),
        Node::Map(pairs) => 1 + pairs.iter().map(|(k, v)| size(k) + size(v)).sum::<usize>(),
        _ => 1,
    }
}

/// Parses one YAML document as PyYAML's `yaml.load(..., Loader=CSafeLoader)` would. An empty stream
/// is `Null`. The error is a short description of what PyYAML would raise.
pub fn load(text: &str) -> Result<Node, String> {
    let mut parser = Parser::new(text.as_bytes());
    let mut anchors: HashMap<Vec<u8>, (Node, usize)> = HashMap::new();
    let mut alias_nodes = 0usize;
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0;
    loop {
        let event = parser.next()?;
        let (node, anchor) = match event {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err("expected a single document in the stream".into());
                }
                continue;
            }
            Event::StreamStart | Event::DocumentEnd => continue,
            Event::Alias(name) => match anchors.get(&name) {
                Some((n, n_size)) => {
                    alias_nodes += n_size;
                    if alias_nodes > MAX_ALIAS_NODES {
                        return Err("aliases expand to too many nodes".into());
                    }
                    (Item::Node(n.clone()), None)
                }
                None => {
                    return Err(format!(
                        "found undefined alias '{}'",
                        String::from_utf8_lossy(&name)
                    ))
                }
            },
            Event::Scalar {
                anchor,
                tag,
                value,
                plain_implicit,
            } => (
                construct_scalar(tag.as_deref(), value, plain_implicit)?,
                anchor,
            ),
            Event::SequenceStart { anchor } => {
                if stack.len() >= MAX_DEPTH {
                    return Err("collections nested too deeply".into());
                }
                stack.push(Frame::Seq(vec![], anchor));
                continue;
            }
            Event::MappingStart { anchor } => {
                if stack.len() >= MAX_DEPTH {
                    return Err("collections nested too deeply".into());
                }
                stack.push(Frame::Map {
                    pairs: vec![],
                    merges: vec![],
                    key: None,
                    anchor,
                });
                continue;
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq(items, anchor)) => (Item::Node(Node::Seq(items)), anchor),
                _ => return Err("unbalanced sequence".into()),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map {
                    pairs,
                    merges,
                    anchor,
                    ..
                }) => (Item::Node(flatten(pairs, merges)?), anchor),
                _ => return Err("unbalanced mapping".into()),
            },
        };
        if let (Some(a), Item::Node(n)) = (anchor, &node) {
            anchors.insert(a, (n.clone(), size(n)));
        }
        match stack.last_mut() {
            None => {
                root = Some(match node {
                    Item::Node(n) => n,
                    Item::Merge => Node::Str("<<".into()),
                })
            }
            Some(Frame::Seq(items, _)) => items.push(match node {
                Item::Node(n) => n,
                Item::Merge => Node::Str("<<".into()),
            }),
            Some(Frame::Map {
                pairs, merges, key, ..
            }) => match key.take() {
                None => *key = Some(node),
                Some(Item::Merge) => match node {
                    Item::Node(n) => merges.push(n),
                    Item::Merge => return Err("expected a mapping for merging".into()),
                },
                Some(Item::Node(k)) => {
                    if matches!(k, Node::Seq(_) | Node::Map(_)) {
                        return Err("found unhashable key".into());
                    }
                    pairs.push((
                        k,
                        match node {
                            Item::Node(n) => n,
                            Item::Merge => Node::Str("<<".into()),
                        },
                    ));
                }
            },
        }
    }
    Ok(root.unwrap_or(Node::Null))
}

/// A scalar, or the `<<` merge key (which only means something as a key).
enum Item {
    Node(Node),
    Merge,
}

enum Frame {
    Seq(Vec<Node>, Option<Vec<u8>>),
    Map {
        pairs: Vec<(Node, Node)>,
        merges: Vec<Node>,
        key: Option<Item>,
        anchor: Option<Vec<u8>>,
    },
}

/// SafeConstructor.flatten_mapping: merged pairs come first, so the mapping's own keys win.
fn flatten(pairs: Vec<(Node, Node)>, merges: Vec<Node>) -> Result<Node, String> {
    if merges.is_empty() {
        return Ok(Node::Map(pairs));
    }
    let mut merged = Vec::new();
    for m in merges {
        match m {
            Node::Map(p) => merged.extend(p),
            Node::Seq(items) => {
                for item in items.into_iter().rev() {
                    match item {
                        Node::Map(p) => merged.extend(p),
                        _ => return Err("expected a mapping for merging".into()),
                    }
                }
            }
            _ => return Err("expected a mapping or list of mappings for merging".into()),
        }
    }
    merged.extend(pairs);
    Ok(Node::Map(merged))
}

const TAG: &str = "tag:yaml.org,2002:";

fn construct_scalar(
    tag: Option<&str>,
    value: String,
    plain_implicit: bool,
) -> Result<Item, String> {
    let kind = match tag {
        None | Some("!") if plain_implicit => resolve_plain(&value),
        None | Some("!") => Implicit::Str,
        Some(t) => match t.strip_prefix(TAG) {
            Some("str") => Implicit::Str,
            Some("int") => Implicit::Int,
            Some("float") => Implicit::Float,
            Some("bool") => Implicit::Bool,
            Some("null") => Implicit::Null,
            Some("timestamp") => Implicit::Timestamp,
            _ => {
                return Err(format!(
                    "could not determine a constructor for the tag '{t}'"
                ))
            }
        },
    };
    let bad = |what: &str| format!("invalid {what} '{value}'");
    Ok(Item::Node(match kind {
        Implicit::Str => Node::Str(value),
        Implicit::Null => Node::Null,
        Implicit::Bool => match value.to_lowercase().as_str() {
            "yes" | "true" | "on" => Node::Bool(true),
            "no" | "false" | "off" => Node::Bool(false),
            _ => return Err(bad("bool")),
        },
        Implicit::Int => Node::Int(construct_int(&value).ok_or_else(|| bad("int"))?),
        Implicit::Float => Node::Float(construct_float(&value).ok_or_else(|| bad("float"))?),
        Implicit::Timestamp => {
            Node::Timestamp(construct_timestamp(&value).ok_or_else(|| bad("timestamp"))?)
        }
        Implicit::Merge => return Ok(Item::Merge),
        Implicit::Value | Implicit::Yaml => {
            return Err(format!(
                "could not determine a constructor for the scalar '{value}'"
            ))
        }
    }))
}

/// SafeConstructor.construct_yaml_int, to a decimal string.
fn construct_int(value: &str) -> Option<String> {
    let v = value.replace('_', "");
    let (neg, v) = match v.as_bytes().first()? {
        b'-' => (true, &v[1..]),
        b'+' => (false, &v[1..]),
        _ => (false, v.as_str()),
    };
    let n: i128 = if v == "0" {
        0
    } else if let Some(b) = v.strip_prefix("0b") {
        i128::from_str_radix(b, 2).ok()?
    } else if let Some(h) = v.strip_prefix("0x") {
        i128::from_str_radix(h, 16).ok()?
    } else if v.starts_with('0') {
        i128::from_str_radix(v, 8).ok()?
    } else if v.contains(':') {
        let mut n: i128 = 0;
        for part in v.split(':') {
            n = n.checked_mul(60)?.checked_add(part.parse().ok()?)?;
        }
        n
    } else {
        match v.parse::<i128>() {
            Ok(n) => n,
            // Beyond i128 only plain decimals are plausible; Python keeps them exactly.
            Err(_) if !v.is_empty() && v.bytes().all(|c| c.is_ascii_digit()) => {
                return Some(format!("{}{v}", if neg { "-" } else { "" }));
            }
            Err(_) => return None,
        }
    };
    Some(if neg { -n } else { n }.to_string())
}

/// SafeConstructor.construct_yaml_float.
fn construct_float(value: &str) -> Option<f64> {
    let v = value.replace('_', "").to_lowercase();
    let (sign, v) = match v.as_bytes().first()? {
        b'-' => (-1.0, &v[1..]),
        b'+' => (1.0, &v[1..]),
        _ => (1.0, v.as_str()),
    };
    if v == ".inf" {
        return Some(sign * f64::INFINITY);
    }
    if v == ".nan" {
        return Some(f64::NAN);
    }
    if v.contains(':') {
        let mut n = 0.0;
        for part in v.split(':') {
            n = n * 60.0 + crate::pyfloat::parse(part)?;
        }
        return Some(sign * n);
    }
    Some(sign * crate::pyfloat::parse(v)?)
}

/// SafeConstructor.construct_yaml_timestamp, then Python's `str()` of the date or datetime.
fn construct_timestamp(value: &str) -> Option<String> {
    let b = value.as_bytes();
    let num = |s: &[u8]| -> Option<u32> { std::str::from_utf8(s).ok()?.parse().ok() };
    let year = num(b.get(0..4)?)?;
    let mut i = 5;
    let field = |i: &mut usize| -> Option<u32> {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        num(&b[start..*i])
    };
    let month = field(&mut i)?;
    i += 1;
    let day = field(&mut i)?;
    let date = format!("{year:04}-{month:02}-{day:02}");
    if i == b.len() {
        return Some(date);
    }
    while i < b.len() && matches!(b[i], b'T' | b't' | b' ' | b'\t') {
        i += 1;
    }
    let hour = field(&mut i)?;
    i += 1;
    let minute = field(&mut i)?;
    i += 1;
    let second = field(&mut i)?;
    let mut micro = String::new();
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let mut f: String = value[start..i].chars().take(6).collect();
        while f.len() < 6 {
            f.push('0');
        }
        if f != "000000" {
            micro = format!(".{f}");
        }
    }
    while i < b.len() && matches!(b[i], b' ' | b'\t') {
        i += 1;
    }
    let tz = match b.get(i) {
        None => String::new(),
        Some(b'Z') => "+00:00".into(),
        Some(&sign) => {
            i += 1;
            let h = field(&mut i)?;
            let m = if b.get(i) == Some(&b':') {
                i += 1;
                field(&mut i)?
            } else {
                0
            };
            // A UTC offset of zero prints as +00:00 whatever its sign.
            let sign = if h == 0 && m == 0 { b'+' } else { sign };
            format!("{}{h:02}:{m:02}", sign as char)
        }
    };
    Some(format!(
        "{date} {hour:02}:{minute:02}:{second:02}{micro}{tz}"
    ))
}

// --- libyaml events -------------------------------------------------------------------------

enum Event {
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias(Vec<u8>),
    Scalar {
        anchor: Option<Vec<u8>>,
        tag: Option<String>,
        value: String,
        plain_implicit: bool,
    },
    SequenceStart {
        anchor: Option<Vec<u8>>,
    },
    SequenceEnd,
    MappingStart {
        anchor: Option<Vec<u8>>,
    },
    MappingEnd,
}

/// libyaml's parser over a borrowed input. The parser struct stays boxed (libyaml keeps pointers
/// into it) and is deleted on drop.
struct Parser<'a> {
    sys: Box<unsafe_sys::yaml_parser_t>,
    input: &'a [u8],
    failed: bool,
}

impl<'a> Parser<'a> {
    fn new(input: &'a [u8]) -> Self {
        // SAFETY: yaml_parser_initialize fully initialises the zeroed struct (it memsets it and
        // only fails on allocation failure, which aborts in Rust anyway); the input slice outlives
        // the parser, which `'a` enforces.
        unsafe {
            let mut raw: Box<std::mem::MaybeUninit<unsafe_sys::yaml_parser_t>> =
                Box::new(std::mem::MaybeUninit::zeroed());
            let p = raw.as_mut_ptr();
            let _ = unsafe_sys::yaml_parser_initialize(p);
            unsafe_sys::yaml_parser_set_encoding(p, unsafe_sys::YAML_UTF8_ENCODING);
            unsafe_sys::yaml_parser_set_input_string(p, input.as_ptr(), input.len() as u64);
            Parser {
                sys: Box::from_raw(Box::into_raw(raw).cast()),
                input,
                failed: false,
            }
        }
    }

    fn next(&mut self) -> Result<Event, String> {
        if self.failed {
            return Err("YAML parse error".into());
        }
        let mut event = std::mem::MaybeUninit::<unsafe_sys::yaml_event_t>::zeroed();
        // SAFETY: the parser is initialised and its input alive; a successful parse initialises the
        // event, which is read and then deleted exactly once.
        unsafe {
            let ev = event.as_mut_ptr();
            if unsafe_sys::yaml_parser_parse(&mut *self.sys, ev).fail {
                self.failed = true;
                return Err(self.describe_error());
            }
            let out = convert(&*ev);
            unsafe_sys::yaml_event_delete(ev);
            Ok(out)
        }
    }

    /// libyaml keeps its error text private; serde_norway reads the same input with the same
    /// parser and words the problem with a line and column.
    fn describe_error(&self) -> String {
        let text = String::from_utf8_lossy(self.input);
        match serde_norway::from_str::<serde_norway::Value>(&text) {
            Err(e) => e.to_string(),
            Ok(_) => "YAML parse error".into(),
        }
    }
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        // SAFETY: initialised in `new`, deleted once.
        unsafe { unsafe_sys::yaml_parser_delete(&mut *self.sys) }
    }
}

/// # Safety
/// `ev` must be an event just returned by a successful `yaml_parser_parse`.
unsafe fn convert(ev: &unsafe_sys::yaml_event_t) -> Event {
    // SAFETY (all blocks): the union field read matches `type_`, and libyaml's strings are
    // NUL-terminated or come with their length.
    unsafe fn cstr(p: *const u8) -> Option<Vec<u8>> {
        if p.is_null() {
            None
        } else {
            Some(
                unsafe { std::ffi::CStr::from_ptr(p.cast()) }
                    .to_bytes()
                    .to_vec(),
            )
        }
    }
    unsafe {
        match ev.type_ {
            unsafe_sys::YAML_STREAM_START_EVENT => Event::StreamStart,
            unsafe_sys::YAML_STREAM_END_EVENT => Event::StreamEnd,
            unsafe_sys::YAML_DOCUMENT_START_EVENT => Event::DocumentStart,
            unsafe_sys::YAML_DOCUMENT_END_EVENT => Event::DocumentEnd,
            unsafe_sys::YAML_ALIAS_EVENT => {
                Event::Alias(cstr(ev.data.alias.anchor).unwrap_or_default())
            }
            unsafe_sys::YAML_SCALAR_EVENT => {
                let s = &ev.data.scalar;
                let bytes = std::slice::from_raw_parts(s.value, s.length as usize);
                Event::Scalar {
                    anchor: cstr(s.anchor),
                    tag: cstr(s.tag).map(|t| String::from_utf8_lossy(&t).into_owned()),
                    value: String::from_utf8_lossy(bytes).into_owned(),
                    plain_implicit: s.plain_implicit,
                }
            }
            unsafe_sys::YAML_SEQUENCE_START_EVENT => Event::SequenceStart {
                anchor: cstr(ev.data.sequence_start.anchor),
            },
            unsafe_sys::YAML_SEQUENCE_END_EVENT => Event::SequenceEnd,
            unsafe_sys::YAML_MAPPING_START_EVENT => Event::MappingStart {
                anchor: cstr(ev.data.mapping_start.anchor),
            },
            unsafe_sys::YAML_MAPPING_END_EVENT => Event::MappingEnd,
            _ => Event::StreamEnd,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Node {
        load(text).unwrap().get("name").cloned().unwrap()
    }

    #[test]
    fn plain_scalars_resolve_as_pyyaml_does() {
        for s in [
            "1e3", "1E10", ".5e1x", "0o17", "+1e3", "09", "1.0e3", "abc", "0x", "1_000x",
        ] {
            assert_eq!(name(&format!("name: {s}\n")), Node::Str(s.into()), "{s}");
        }
        assert_eq!(name("name: '1.5'\n"), Node::Str("1.5".into()));
        assert_eq!(name("name: 1.5\n"), Node::Float(1.5));
        assert_eq!(name("name: 1.0e+3\n").py_str().unwrap(), "1000.0");
        assert_eq!(name("name: .5e+1\n").py_str().unwrap(), "5.0");
        assert_eq!(name("name: 017\n").py_str().unwrap(), "15");
        assert_eq!(name("name: 0x1F\n").py_str().unwrap(), "31");
        assert_eq!(name("name: 0b101\n").py_str().unwrap(), "5");
        assert_eq!(name("name: 1:30\n").py_str().unwrap(), "90");
        assert_eq!(name("name: 1_000\n").py_str().unwrap(), "1000");
        assert_eq!(name("name: yes\n"), Node::Bool(true));
        assert_eq!(name("name: Off\n"), Node::Bool(false));
        assert_eq!(name("name: ~\n"), Node::Null);
        assert_eq!(name("name:\n"), Node::Null);
        assert_eq!(name("name: !!str 1.5\n"), Node::Str("1.5".into()));
        assert_eq!(name("name: ! 1.5\n"), Node::Float(1.5));
        assert_eq!(name("name: 2001-12-14\n").py_str().unwrap(), "2001-12-14");
        assert_eq!(
            name("name: 2001-12-14t21:59:43.10-05:00\n")
                .py_str()
                .unwrap(),
            "2001-12-14 21:59:43.100000-05:00"
        );
        assert_eq!(name("name: \"a\\tb\"\n"), Node::Str("a\tb".into()));
        assert!(load("name: =\n").is_err());
        assert!(load("a: [1\n").is_err());
        assert!(load("a: 1\n---\nb: 2\n").is_err());
        assert_eq!(load("").unwrap(), Node::Null);
    }

    #[test]
    fn hostile_documents_are_refused() {
        let deep = format!("a: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
        assert!(load(&deep).unwrap_err().contains("deeply"));
        let mut laughs = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..9 {
            let prev = (b'a' + i) as char;
            let next = (b'a' + i + 1) as char;
            laughs += &format!(
                "{next}: &{next} [{}]\n",
                vec![format!("*{prev}"); 10].join(", ")
            );
        }
        assert!(load(&laughs).unwrap_err().contains("too many"));
    }

    #[test]
    fn merges_and_aliases() {
        let n = load("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n").unwrap();
        let m = n.get("m").unwrap();
        assert_eq!(m.get("x"), Some(&Node::Int("1".into())));
        assert_eq!(m.get("y"), Some(&Node::Int("3".into())));
    }
}
