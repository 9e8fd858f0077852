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
