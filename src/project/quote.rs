//! Shell quoting and command templating exactly as MLflow does them: Python's `shlex.quote` and
//! `str.format` with named fields. Params are logged in this quoted form, so the bytes must match
//! Python's (the `shlex` crate quotes differently, e.g. `"a b"` rather than `'a b'`).

use super::ProjectError;

/// Python's `shlex.quote`: the value as is when it is made of safe characters only, else wrapped
/// in single quotes with each `'` written `'"'"'`. The result is one shell word that the shell
/// takes literally: no expansion, substitution or word splitting can happen inside it.
pub fn shlex_quote(s: &str) -> String {
    if s.is_empty() {
        return "''".to_string();
    }
    // `re.compile(r'[^\w@%+=:,./-]', re.ASCII)`
    let safe = |c: char| c.is_ascii_alphanumeric() || "_@%+=:,./-".contains(c);
    if s.chars().all(safe) {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', "'\"'\"'"))
}

/// Undoes `shlex_quote`: reads one POSIX shell word (single quotes, double quotes, backslashes).
/// Returns `None` when `s` is not exactly one word, e.g. an unbalanced quote.
pub fn shlex_unquote(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => loop {
                match chars.next()? {
                    '\'' => break,
                    c => out.push(c),
                }
            },
            '"' => loop {
                match chars.next()? {
                    '"' => break,
                    '\\' => out.push(chars.next()?),
                    c => out.push(c),
                }
            },
            '\\' => out.push(chars.next()?),
            c if c.is_whitespace() => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// Joins words into one shell line, each quoted (Python's `shlex.join`).
pub fn shlex_join<S: AsRef<str>>(words: &[S]) -> String {
    words
        .iter()
        .map(|w| shlex_quote(w.as_ref()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Python's `template.format(**values)` for named fields: `{name}` is replaced by its value and
/// `{{`/`}}` stand for literal braces. Positional fields, attribute or index access, conversions
/// and format specs are refused (MLflow's values are strings; none of these is useful on them).
pub fn format_named(
    template: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<String, ProjectError> {
    let bad = |message: String| ProjectError::Command {
        command: template.to_string(),
        message,
    };
    let mut out = String::with_capacity(template.len());
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '}' => return Err(bad("Single '}' encountered in format string".into())),
            '{' => {
                let mut field = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    field.push(c);
                }
                if !closed {
                    return Err(bad("expected '}' before end of string".into()));
                }
                if field.is_empty() || field.chars().all(|c| c.is_ascii_digit()) {
                    return Err(bad(format!(
                        "positional field {{{field}}}: name a parameter, or write literal braces as {{{{ and }}}}"
                    )));
                }
                if field.contains(['!', ':', '.', '[', '{']) {
                    return Err(bad(format!(
                        "field {{{field}}}: only plain {{name}} fields are supported"
                    )));
                }
                match lookup(&field) {
                    Some(v) => out.push_str(&v),
                    // Python raises KeyError('name').
                    None => {
                        return Err(bad(format!(
                        "{{{field}}} is not a parameter of this entry point (KeyError: '{field}')"
                    )))
                    }
                }
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_like_python() {
        // Expected values from Python 3.11's shlex.quote.
        assert_eq!(shlex_quote(""), "''");
        assert_eq!(shlex_quote("0.1"), "0.1");
        assert_eq!(
            shlex_quote("a-b_c/d.e:f,g=h+i@j%k"),
            "a-b_c/d.e:f,g=h+i@j%k"
        );
        assert_eq!(shlex_quote("hello world"), "'hello world'");
        assert_eq!(shlex_quote("$(touch pwned)"), "'$(touch pwned)'");
        assert_eq!(shlex_quote("it's"), "'it'\"'\"'s'");
        assert_eq!(shlex_quote("a\nb"), "'a\nb'");
        assert_eq!(shlex_quote("`x`"), "'`x`'");
        assert_eq!(shlex_quote("é"), "'é'");
        assert_eq!(shlex_quote("~"), "'~'");
        assert_eq!(shlex_join(&["echo", "a b"]), "echo 'a b'");
        for v in ["", "plain", "a b", "it's", "$(x)\n`y`", "\"q\"", "\\"] {
            assert_eq!(shlex_unquote(&shlex_quote(v)).as_deref(), Some(v), "{v}");
        }
        assert_eq!(shlex_unquote("'open"), None);
    }

    #[test]
    fn formats_like_str_format() {
        let vals = |k: &str| match k {
            "a" => Some("1".to_string()),
            "name" => Some("'x y'".to_string()),
            _ => None,
        };
        assert_eq!(
            format_named("run {a} --n {name} {{lit}} }}{{", &vals).unwrap(),
            "run 1 --n 'x y' {lit} }{"
        );
        assert!(format_named("x }", &vals)
            .unwrap_err()
            .to_string()
            .contains("Single '}'"));
        assert!(format_named("x {a", &vals)
            .unwrap_err()
            .to_string()
            .contains("expected '}'"));
        assert!(format_named("{zz}", &vals)
            .unwrap_err()
            .to_string()
            .contains("KeyError: 'zz'"));
        assert!(format_named("{}", &vals).is_err());
        assert!(format_named("{0}", &vals).is_err());
        assert!(format_named("{a!r}", &vals).is_err());
    }
}
