//! Output scalars: metrics read from a command's printed lines, after Guild AI's `output-scalars`.
//!
//! Rules (also in `mlrun exec --help`):
//! - **Default patterns.** A line made only of `key: value` / `key=value` pairs (separated by spaces,
//!   `,`, `;`, `|` or ` - `) yields one metric per pair: `loss: 0.5`, `acc=0.9`,
//!   `epoch=3 loss=0.25 acc=0.91`, `loss: 0.2 - accuracy: 0.9`. A key starts with a letter or `_` and
//!   continues with letters, digits, `_ . / -`; a value is a number (`1`, `-2.5e-3`, `nan`, `inf`).
//!   Guild's `key: value (step N)` / `key: value (N)` form is read too. A line with anything else on it
//!   (`Epoch 3: loss=0.5`, `time: 12:30:00`) is not a metric line, so ordinary logs are not mined.
//! - **Custom patterns** (`--metric-pattern`, repeatable) replace the defaults. They are regular
//!   expressions in which `\key`, `\value` and `\step` stand for the key, number and integer patterns
//!   above. Each match gives values by named groups (`(?P<key>…)`+`(?P<value>…)` as key and value;
//!   otherwise every named group is a metric of that name) or by exactly two unnamed groups (key,
//!   value). Every match on a line counts (the regex is applied repeatedly, like `finditer`).
//! - **Steps.** A value named `step` is not a metric: it sets the step for the values on its line and
//!   every later line, until the next `step`. Until the first `step` is seen, steps are counted per
//!   key: the n-th value of a key is at step n-1. (Guild counts one implied step for all keys, bumped
//!   when any key repeats; mlrun counts per key, so a metric printed every batch and another printed
//!   every epoch each get dense steps.)
//! - Keys named in `ignore` (mlrun exec passes its `-P` params) are skipped by the default patterns,
//!   as Guild skips flags, so a script echoing `lr=0.01` doesn't log its param as a metric. Keys that
//!   MLflow would reject are skipped.
use regex::Regex;
use std::collections::{HashMap, HashSet};

const KEY: &str = r"[_a-zA-Z][\w./-]*";
const VALUE: &str = r"[-+]?(?:[0-9]+\.?[0-9]*(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|(?i:nan|inf(?:inity)?))";
const STEP: &str = "[0-9]+";

/// One parsed value.
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    pub key: String,
    pub value: f64,
    pub step: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum PatternError {
    #[error("invalid metric pattern '{pattern}': {message}")]
    Invalid { pattern: String, message: String },
}

enum Patterns {
    Default {
        line: Regex,
        pair: Regex,
        guild_step: Regex,
    },
    Custom(Vec<Regex>),
}

/// Turns lines into scalars, keeping the step state between lines. Feed it every line of a run, in
/// order (both streams: a `step` line on stderr sets the step for stdout values too).
pub struct ScalarParser {
    patterns: Patterns,
    ignore: HashSet<String>,
    step: Option<i64>,
    counts: HashMap<String, i64>,
}

/// Expands Guild's `\key`, `\value` and `\step` aliases in a pattern.
pub fn expand_aliases(pattern: &str) -> String {
    pattern
        .replace(r"\key", &format!("(?:{KEY})"))
        .replace(r"\value", &format!("(?:{VALUE})"))
        .replace(r"\step", &format!("(?:{STEP})"))
}

impl Default for ScalarParser {
    fn default() -> Self {
        let pair = format!(r"({KEY})(?::[ \t]*|=)({VALUE})");
        let sep = r"(?:[ \t]*[,;|][ \t]*|[ \t]+-[ \t]+|[ \t]+)";
        let line = format!(r"^[ \t]*{pair}(?:{sep}{pair})*[ \t]*[,;]?[ \t]*$");
        let guild_step =
            format!(r"^[ \t]*({KEY}):[ \t]*({VALUE})[ \t]+\((?:step[ \t]+)?({STEP})\)[ \t]*$");
        let compile = |s: &str| Regex::new(s).expect("built-in pattern compiles");
        Self::new(Patterns::Default {
            line: compile(&line),
            pair: compile(&pair),
            guild_step: compile(&guild_step),
        })
    }
}

impl ScalarParser {
    fn new(patterns: Patterns) -> Self {
        Self {
            patterns,
            ignore: HashSet::new(),
            step: None,
            counts: HashMap::new(),
        }
    }

    /// Custom patterns instead of the defaults (see the module doc for how groups are read).
    pub fn with_patterns<S: AsRef<str>>(patterns: &[S]) -> Result<Self, PatternError> {
        let mut out = Vec::new();
        for p in patterns {
            let p = p.as_ref();
            let err = |message: String| PatternError::Invalid {
                pattern: p.to_string(),
                message,
            };
            let re = Regex::new(&expand_aliases(p)).map_err(|e| err(e.to_string()))?;
            let named = re.capture_names().flatten().count();
            let groups = re.captures_len() - 1;
            if named == 0 && groups != 2 {
                return Err(err(format!(
                    "it has {groups} unnamed group(s); use two, (key)(value), or named groups such as (?P<loss>\\value)"
                )));
            }
            out.push(re);
        }
        Ok(Self::new(Patterns::Custom(out)))
    }

    /// Keys the default patterns skip (the run's params).
    pub fn ignore_keys(mut self, keys: impl IntoIterator<Item = String>) -> Self {
        self.ignore.extend(keys);
        self
    }

    /// The scalars on one line (without its line ending), with their steps.
    pub fn parse_line(&mut self, line: &str) -> Vec<Scalar> {
        let line = line.trim_end();
        let mut vals: Vec<(String, f64)> = Vec::new();
        let mut put = |k: &str, v: &str| {
            if let Some(v) = crate::pyfloat::parse(v) {
                match vals.iter_mut().find(|(key, _)| key == k) {
                    Some(slot) => slot.1 = v,
                    None => vals.push((k.to_string(), v)),
                }
            }
        };
        let mut use_ignore = false;
        match &self.patterns {
            Patterns::Default {
                line: line_re,
                pair,
                guild_step,
            } => {
                use_ignore = true;
                if let Some(c) = guild_step.captures(line) {
                    put(&c[1], &c[2]);
                    put("step", &c[3]);
                } else if line_re.is_match(line) {
                    for c in pair.captures_iter(line) {
                        put(&c[1], &c[2]);
                    }
                }
            }
            Patterns::Custom(res) => {
                for re in res {
                    let names: Vec<&str> = re.capture_names().flatten().collect();
                    for c in re.captures_iter(line) {
                        if names.contains(&"key") && names.contains(&"value") {
                            if let (Some(k), Some(v)) = (c.name("key"), c.name("value")) {
                                put(k.as_str(), v.as_str());
                            }
                            if let Some(s) = c.name("step") {
                                put("step", s.as_str());
                            }
                        } else if !names.is_empty() {
                            for n in &names {
                                if let Some(v) = c.name(n) {
                                    put(n, v.as_str());
                                }
                            }
                        } else if let (Some(k), Some(v)) = (c.get(1), c.get(2)) {
                            put(k.as_str(), v.as_str());
                        }
                    }
                }
            }
        }
        if let Some(i) = vals.iter().position(|(k, _)| k == "step") {
            let (_, s) = vals.remove(i);
            if s.fract() == 0.0 && s.is_finite() && s.abs() < 9.0e15 {
                self.step = Some(s as i64);
            }
        }
        let mut out = Vec::with_capacity(vals.len());
        for (key, value) in vals {
            if (use_ignore && self.ignore.contains(&key))
                || crate::validate::key(&key, "metric").is_err()
            {
                continue;
            }
            let step = match self.step {
                Some(s) => s,
                None => {
                    let n = self.counts.entry(key.clone()).or_insert(0);
                    *n += 1;
                    *n - 1
                }
            };
            out.push(Scalar { key, value, step });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(p: &mut ScalarParser, text: &str) -> Vec<(String, f64, i64)> {
        text.lines()
            .flat_map(|l| p.parse_line(l))
            .map(|s| (s.key, s.value, s.step))
            .collect()
    }
    fn t(k: &str, v: f64, s: i64) -> (String, f64, i64) {
        (k.to_string(), v, s)
    }

    #[test]
    fn colon_and_equals_lines_with_per_key_steps() {
        let mut p = ScalarParser::default();
        let got = run(
            &mut p,
            "loss: 0.5\nacc=0.9\nloss: 0.25\nsomething else\nloss=0.1",
        );
        assert_eq!(
            got,
            [
                t("loss", 0.5, 0),
                t("acc", 0.9, 0),
                t("loss", 0.25, 1),
                t("loss", 0.1, 2)
            ]
        );
    }

    #[test]
    fn step_lines_set_the_step_for_following_values() {
        let mut p = ScalarParser::default();
        let got = run(
            &mut p,
            "loss: 0.9\nstep: 2\nloss: 0.5\nacc=0.9\nstep=5 loss=0.1\nacc: 1",
        );
        assert_eq!(
            got,
            [
                t("loss", 0.9, 0),
                t("loss", 0.5, 2),
                t("acc", 0.9, 2),
                t("loss", 0.1, 5),
                t("acc", 1.0, 5)
            ]
        );
    }

    #[test]
    fn several_pairs_on_a_line_and_keras_style_separators() {
        let mut p = ScalarParser::default();
        let got = run(
            &mut p,
            "epoch=1 loss=0.5, val/acc=0.75\nloss: 0.2 - accuracy: 0.9\na=1; b=2 | c=3",
        );
        assert_eq!(
            got,
            [
                t("epoch", 1.0, 0),
                t("loss", 0.5, 0),
                t("val/acc", 0.75, 0),
                t("loss", 0.2, 1),
                t("accuracy", 0.9, 0),
                t("a", 1.0, 0),
                t("b", 2.0, 0),
                t("c", 3.0, 0)
            ]
        );
    }

    #[test]
    fn guild_step_suffix() {
        let mut p = ScalarParser::default();
        let got = run(&mut p, "x: 1.5 (10)\ny: 2 (step 11)\nz: 3");
        assert_eq!(got, [t("x", 1.5, 10), t("y", 2.0, 11), t("z", 3.0, 11)]);
    }

    #[test]
    fn prose_and_non_numbers_are_not_metrics() {
        let mut p = ScalarParser::default();
        let text = "Epoch 3: loss=0.5\ntime: 12:30:00\nname: resnet\nurl=http://x\n  \n\
                    loss=0.5 and more\nError: 3 files\n1=2\nx=1e400\nversion: 1.2.3";
        let got = run(&mut p, text);
        // 1e400 parses as inf in Python too; that's a number.
        assert_eq!(got, [t("x", f64::INFINITY, 0)]);
    }

    #[test]
    fn special_values_and_signs() {
        let mut p = ScalarParser::default();
        let got = run(&mut p, "a: -1.5e-3\nb=+2\nc: nan\nd=-inf\ne: .5");
        assert_eq!(got.len(), 5);
        assert_eq!(got[0], t("a", -1.5e-3, 0));
        assert_eq!(got[1], t("b", 2.0, 0));
        assert!(got[2].1.is_nan());
        assert_eq!(got[3], t("d", f64::NEG_INFINITY, 0));
        assert_eq!(got[4], t("e", 0.5, 0));
    }

    #[test]
    fn params_are_ignored_by_default_patterns() {
        let mut p = ScalarParser::default().ignore_keys(["lr".to_string()]);
        assert_eq!(run(&mut p, "lr=0.01 loss=1"), [t("loss", 1.0, 0)]);
    }

    #[test]
    fn custom_patterns_with_aliases_and_groups() {
        let mut p = ScalarParser::with_patterns(&[
            r"Epoch (?P<step>\step): (?P<key>\key) is (?P<value>\value)",
            r"acc ~ (?P<accuracy>\value)",
            r"(\key)->(\value)",
        ])
        .unwrap();
        let got = run(
            &mut p,
            "Epoch 3: loss is 0.5\nacc ~ 0.9 acc ~ 0.95\na->1 b->2\nloss: 7",
        );
        assert_eq!(
            got,
            [
                t("loss", 0.5, 3),
                t("accuracy", 0.95, 3),
                t("a", 1.0, 3),
                t("b", 2.0, 3)
            ]
        );
    }

    #[test]
    fn bad_custom_patterns_are_errors() {
        assert!(ScalarParser::with_patterns(&["(unclosed"]).is_err());
        let e = ScalarParser::with_patterns(&[r"loss (\value)"])
            .err()
            .unwrap();
        assert!(e.to_string().contains("unnamed group"), "{e}");
    }
}
