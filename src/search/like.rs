//! LIKE / ILIKE as MLflow's file store evaluates them: `re.escape(pattern)`, then `%` -> `.*` and
//! `_` -> `.`, anchored with `^`/`$` unless the pattern starts/ends with `%`, applied with `re.match`.
//! So `.` does not match a newline and `$` also matches before a final newline.

#[derive(Debug, Clone, Copy, PartialEq)]
enum Pat {
    Lit(char),
    One,
    Many,
}

fn fold(c: char) -> char {
    // Python's re.IGNORECASE compares simple lower-case forms.
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

pub(crate) fn like(s: &str, pattern: &str, ignore_case: bool) -> bool {
    let pat: Vec<Pat> = pattern
        .chars()
        .map(|c| match c {
            '%' => Pat::Many,
            '_' => Pat::One,
            c => Pat::Lit(if ignore_case { fold(c) } else { c }),
        })
        .collect();
    let anchored_end = !pattern.ends_with('%');
    let text: Vec<char> = s
        .chars()
        .map(|c| if ignore_case { fold(c) } else { c })
        .collect();
    let n = text.len();
    // reach[j]: the pattern prefix consumed so far can end at text position j.
    let mut reach = vec![false; n + 1];
    reach[0] = true;
    for p in &pat {
        let mut next = vec![false; n + 1];
        match p {
            Pat::Lit(c) => {
                for j in 0..n {
                    if reach[j] && text[j] == *c {
                        next[j + 1] = true;
                    }
                }
            }
            Pat::One => {
                for j in 0..n {
                    if reach[j] && text[j] != '\n' {
                        next[j + 1] = true;
                    }
                }
            }
            Pat::Many => {
                let mut on = false;
                for j in 0..=n {
                    on = reach[j] || (on && text[j - 1] != '\n');
                    next[j] = on;
                }
            }
        }
        reach = next;
    }
    if !anchored_end {
        return reach.iter().any(|&r| r);
    }
    reach[n] || (n > 0 && text[n - 1] == '\n' && reach[n - 1])
}

#[cfg(test)]
mod tests {
    use super::like;

    #[test]
    fn python_regex_semantics() {
        assert!(like("abc", "a%", false));
        assert!(like("abc", "%c", false));
        assert!(like("abc", "a_c", false));
        assert!(!like("abc", "A%", false));
        assert!(like("abc", "A%", true));
        assert!(like("a.c", "a.c", false));
        assert!(!like("abc", "a.c", false));
        assert!(like("abc\n", "abc", false));
        assert!(!like("a\nb", "%b", false));
        assert!(like("a\nb", "a%", false));
        assert!(!like("a\nc", "a_c", false));
        assert!(like("", "", false));
        assert!(like("x", "%", false));
        assert!(like("", "%", false));
        assert!(like("a(b", "a(b", false));
    }
}

/// Whose LIKE and ILIKE a registry filter follows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LikeRules {
    /// MLflow's file store (Python's `re`, see [`like`]).
    #[default]
    Python,
    /// SQLite with `case_sensitive_like` on: no escape character; ILIKE is `lower(x) LIKE
    /// lower(y)`, and SQLite's `lower` folds ASCII letters only.
    Sqlite,
    /// PostgreSQL: `\` escapes the next character; ILIKE folds case by Unicode.
    Postgres,
    /// PostgreSQL whose character type folds ASCII letters only (the `C` locale).
    PostgresAscii,
}

/// SQL's LIKE under `rules` (not `Python`): the whole text must match; `%` is any run of
/// characters (newlines included), `_` exactly one.
pub(crate) fn sql_like(s: &str, pattern: &str, rules: LikeRules, ignore_case: bool) -> bool {
    let fold = |c: char| match (ignore_case, rules) {
        (false, _) => c,
        (true, LikeRules::Sqlite | LikeRules::PostgresAscii) => c.to_ascii_lowercase(),
        (true, _) => fold(c),
    };
    let mut pat = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        pat.push(match c {
            '\\' if matches!(rules, LikeRules::Postgres | LikeRules::PostgresAscii) => {
                match chars.next() {
                    Some(e) => Pat::Lit(fold(e)),
                    // PostgreSQL refuses a pattern ending in its escape character; nothing matches.
                    None => return false,
                }
            }
            '%' => Pat::Many,
            '_' => Pat::One,
            c => Pat::Lit(fold(c)),
        });
    }
    let text: Vec<char> = s.chars().map(fold).collect();
    let mut reach = vec![false; text.len() + 1];
    reach[0] = true;
    for p in &pat {
        let mut next = vec![false; text.len() + 1];
        for j in 0..=text.len() {
            if !reach[j] {
                continue;
            }
            match p {
                Pat::Many => next[j..].iter_mut().for_each(|r| *r = true),
                Pat::One if j < text.len() => next[j + 1] = true,
                Pat::Lit(c) if j < text.len() && text[j] == *c => next[j + 1] = true,
                _ => {}
            }
        }
        reach = next;
    }
    reach[text.len()]
}

#[cfg(test)]
mod sql_like_tests {
    use super::*;

    #[test]
    fn sql_like_follows_each_database() {
        use LikeRules::{Postgres, Sqlite};
        assert!(sql_like("a%b", "a\\%b", Postgres, false));
        assert!(!sql_like("a%b", "a\\%b", Sqlite, false));
        assert!(sql_like("a\\xb", "a\\%b", Sqlite, false));
        assert!(sql_like("x\ny", "x%", Sqlite, false));
        assert!(!sql_like("Abc", "a%", Sqlite, false));
        assert!(sql_like("Abc", "a%", Sqlite, true));
        assert!(!sql_like("Ünï", "ü%", Sqlite, true));
        assert!(sql_like("Ünï", "ü%", Postgres, true));
        assert!(!sql_like("Ünï", "ü%", LikeRules::PostgresAscii, true));
        assert!(sql_like("a_b", "a\\_b", LikeRules::PostgresAscii, false));
        assert!(sql_like("ab", "a_", Postgres, false) && !sql_like("abc", "a_", Postgres, false));
    }
}
