//! Python-compatible float formatting (`repr(float)`) and parsing (`float(str)`).
//! A port, not `ryu` or Rust's `Display`: metric files, params and tables must read `1e-05`,
//! `1e+16` and `inf` exactly as MLflow writes them, which neither produces.

/// Python's `repr(float)` / `str(float)`.
pub fn format(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    // Rust's `{:e}` yields the shortest round-trip digit count, e.g.
    // "-1.2345e-7". Like CPython (David Gay's dtoa, mode 0), prefer the
    // correctly rounded decimal with that many digits when it round-trips:
    // Rust's shortest algorithm may pick a different last digit.
    let shortest = format!("{:e}", x);
    let n_digits = shortest
        .split('e')
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_digit())
        .count();
    let rounded = format!("{:.*e}", n_digits.saturating_sub(1), x);
    let sci = if rounded.parse::<f64>() == Ok(x) {
        rounded
    } else {
        shortest
    };
    let (neg, body) = match sci.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, sci.as_str()),
    };
    let (mantissa, exp) = body.split_once('e').unwrap_or((body, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let n = digits.len() as i32;

    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        // Fixed notation; `point` is the position of the decimal point.
        let point = exp + 1;
        if point <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-point) as usize));
            out.push_str(&digits);
        } else if point < n {
            out.push_str(&digits[..point as usize]);
            out.push('.');
            out.push_str(&digits[point as usize..]);
        } else {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', (point - n) as usize));
            out.push_str(".0");
        }
    } else {
        out.push_str(&digits[..1]);
        if n > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.unsigned_abs()));
    }
    out
}

/// Python's `float(str)`: accepts surrounding whitespace, `nan`, `inf`,
/// `Infinity` (any case, optional sign), `+1.5`, `1e-05`, `1.`, `.5`, and
/// underscores between digits (`1_000.5`). Returns `None` on invalid input.
pub fn parse(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c));
    if t.is_empty() {
        return None;
    }
    // Underscores are only allowed between two ASCII digits.
    let chars: Vec<char> = t.chars().collect();
    let mut cleaned = String::with_capacity(t.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            let prev_ok = i > 0 && chars[i - 1].is_ascii_digit();
            let next_ok = i + 1 < chars.len() && chars[i + 1].is_ascii_digit();
            if !(prev_ok && next_ok) {
                return None;
            }
        } else {
            cleaned.push(c);
        }
    }
    let (neg, body) = match cleaned.as_bytes().first() {
        Some(b'-') => (true, &cleaned[1..]),
        Some(b'+') => (false, &cleaned[1..]),
        _ => (false, cleaned.as_str()),
    };
    let lower = body.to_ascii_lowercase();
    let value = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            if !is_decimal_literal(body) {
                return None;
            }
            body.parse::<f64>().ok()?
        }
    };
    Some(if neg { -value } else { value })
}

/// `digits [. digits] [(e|E) [+|-] digits]` with at least one mantissa digit
/// (`1.`, `.5` allowed), ASCII only, no sign (already stripped).
pub(crate) fn is_decimal_literal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut mantissa_digits = i - int_start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        mantissa_digits += i - frac_start;
    }
    if mantissa_digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_table() {
        let cases: &[(f64, &str)] = &[
            (3.0, "3.0"),
            (0.75, "0.75"),
            (0.0001, "0.0001"),
            (1e15, "1000000000000000.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (123.456, "123.456"),
            (1e16, "1e+16"),
            (1.5e300, "1.5e+300"),
            (1e-5, "1e-05"),
            (2.5e-5, "2.5e-05"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (1e-20, "1e-20"),
            (f64::NAN, "nan"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (-2.5, "-2.5"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (100.0, "100.0"),
            (1234567890123456.7, "1234567890123456.8"),
            (9999999999999998.0, "9999999999999998.0"),
            (12345678901234567.0, "1.2345678901234568e+16"),
            (0.00012345, "0.00012345"),
            (0.000012345, "1.2345e-05"),
            (-1e-7, "-1e-07"),
            (1e100, "1e+100"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.0 / 3.0, "0.6666666666666666"),
            (123456789.0, "123456789.0"),
            (-1.5e-10, "-1.5e-10"),
            (0.5, "0.5"),
            (1e22, "1e+22"),
            (1.7e-4, "0.00017"),
            // Last-digit choice must match CPython (closest, not just shortest).
            (f64::from_bits(0x4287589c47cbb840), "3208668313975.0312"),
            (f64::from_bits(0x431b6373133c6835), "1927292566575629.2"),
            (f64::from_bits(0xc2ea97257f2320b4), "-233891771783429.62"),
        ];
        for (x, want) in cases {
            assert_eq!(format(*x), *want, "format({:?})", x);
        }
    }

    #[test]
    fn format_round_trips() {
        for x in [0.1, 1e-300, std::f64::consts::PI, 6.02214076e23, -7.5e-9] {
            assert_eq!(parse(&format(x)), Some(x));
        }
    }

    #[test]
    fn parse_valid() {
        let cases: &[(&str, f64)] = &[
            ("1.5", 1.5),
            ("+1.5", 1.5),
            ("-2.5", -2.5),
            ("  3.25 \n", 3.25),
            ("1e-05", 1e-5),
            ("1E5", 1e5),
            ("1.5e+3", 1500.0),
            ("1_000.5", 1000.5),
            ("1e1_0", 1e10),
            ("1.", 1.0),
            (".5", 0.5),
            ("10", 10.0),
            ("inf", f64::INFINITY),
            ("-inf", f64::NEG_INFINITY),
            ("+inf", f64::INFINITY),
            ("Infinity", f64::INFINITY),
            ("-iNfInItY", f64::NEG_INFINITY),
            ("0.30000000000000004", 0.30000000000000004),
            ("5e-324", 5e-324),
            ("1e400", f64::INFINITY),
        ];
        for (s, want) in cases {
            assert_eq!(parse(s), Some(*want), "parse({:?})", s);
        }
        assert!(parse("-0.0").unwrap().is_sign_negative());
        for s in ["nan", "NaN", "-nan", "+NAN", " nan "] {
            assert!(parse(s).unwrap().is_nan(), "parse({:?})", s);
        }
    }

    #[test]
    fn parse_invalid() {
        for s in [
            "", "   ", "abc", "1e", "1e+", ".", "-", "+", "1__0", "1_.5", "1._5", "_1", "1_",
            "1e_1", "0x10", "1.5.2", "1 2", "infinit", "nana", "--1", "+-1", "1,5", "e5",
        ] {
            assert_eq!(parse(s), None, "parse({:?})", s);
        }
    }
}
