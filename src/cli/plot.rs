//! Terminal charts of metric histories: a braille line chart (2×4 dots per character cell) with
//! min/max labels on y, first/last step on x and a legend, plus a one-line sparkline. Invariants:
//! NaN and ±inf points are skipped, no line is wider than asked, a flat series or a single point
//! still draws, and colour escapes appear only when asked for.
//!
//! Hand-written rather than a crate: textplots (the best kept) works in f32, so millisecond
//! timestamps and long step ranges lose precision; it panics below 32×3, divides by zero on a flat
//! series and rests on drawille 0.3 (2021, unmaintained); rasciigraph plots by index, not by step.
use unicode_width::UnicodeWidthStr;

/// One line on a chart: (x, y) points, x being the step (or seconds since the start).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Series {
    pub label: String,
    pub points: Vec<(f64, f64)>,
}

impl Series {
    pub fn new(label: impl Into<String>, points: Vec<(f64, f64)>) -> Self {
        Series {
            label: label.into(),
            points,
        }
    }
}

/// Series colours, chosen to stay readable on dark and light backgrounds.
const PALETTE: [&str; 6] = [
    "\x1b[36m", "\x1b[33m", "\x1b[35m", "\x1b[32m", "\x1b[31m", "\x1b[34m",
];
const RESET: &str = "\x1b[0m";
const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// Braille dot bits by [x % 2][y % 4] within a cell (Unicode's dot numbering is column-major
/// for dots 1–6, then 7 and 8 on the bottom row).
const DOTS: [[u8; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];

/// Draws `series` overlaid in a box of `width` columns and at most `height` lines (legend included;
/// the plot keeps at least two rows, so tiny heights grow rather than vanish).
pub fn line_chart(series: &[Series], width: usize, height: usize, color: bool) -> String {
    let finite: Vec<Vec<(f64, f64)>> = series
        .iter()
        .map(|s| {
            let mut p: Vec<(f64, f64)> = s
                .points
                .iter()
                .copied()
                .filter(|(x, y)| x.is_finite() && y.is_finite())
                .collect();
            p.sort_by(|a, b| a.0.total_cmp(&b.0));
            p
        })
        .collect();
    let all = || finite.iter().flatten();
    let Some(x_range) = pad_range(all().map(|p| p.0)) else {
        let mut out = super::table::truncate("no finite values to plot", width).into_owned();
        out.push('\n');
        return out;
    };
    let y_range = pad_range(all().map(|p| p.1)).unwrap_or(x_range);

    let (y_top, y_bottom) = (fmt_num(y_range.1), fmt_num(y_range.0));
    let label_w = y_top.width().max(y_bottom.width());
    let cols = width.saturating_sub(label_w + 1).max(2);
    let legend = legend(series, width, color);
    let rows = height.saturating_sub(2 + legend.len()).max(2);

    // Pixels: 2 per column, 4 per row; `owner` keeps the last series drawn in a cell for its colour.
    let (pw, ph) = (cols * 2, rows * 4);
    let mut bits = vec![0u8; cols * rows];
    let mut owner = vec![0usize; cols * rows];
    let mut set = |px: usize, py: usize, s: usize| {
        let cell = (py / 4) * cols + px / 2;
        bits[cell] |= DOTS[px % 2][py % 4];
        owner[cell] = s;
    };
    for (s, points) in finite.iter().enumerate() {
        let pixel = |(x, y): (f64, f64)| {
            let px = scale(x, x_range, pw);
            let py = ph - 1 - scale(y, y_range, ph);
            (px, py)
        };
        let mut prev: Option<(usize, usize)> = None;
        for &p in points {
            let (px, py) = pixel(p);
            match prev {
                Some(from) => line(from, (px, py), |x, y| set(x, y, s)),
                None => set(px, py, s),
            }
            prev = Some((px, py));
        }
    }

    let mut out = String::new();
    for r in 0..rows {
        let (label, axis) = match r {
            0 => (y_top.as_str(), '┤'),
            r if r == rows - 1 => (y_bottom.as_str(), '┤'),
            _ => ("", '│'),
        };
        let mut line = format!("{}{label}{axis}", " ".repeat(label_w - label.width()));
        let mut painted: Option<usize> = None;
        for c in 0..cols {
            let cell = r * cols + c;
            if bits[cell] == 0 {
                line.push(' ');
                continue;
            }
            if color && painted != Some(owner[cell]) {
                line.push_str(PALETTE[owner[cell] % PALETTE.len()]);
                painted = Some(owner[cell]);
            }
            line.push(char::from_u32(0x2800 + u32::from(bits[cell])).unwrap_or(' '));
        }
        out.push_str(line.trim_end_matches(' '));
        if painted.is_some() {
            out.push_str(RESET);
        }
        out.push('\n');
    }
    out.push_str(&format!("{}└{}\n", " ".repeat(label_w), "─".repeat(cols)));
    let (x_first, x_last) = (fmt_num(x_range.0), fmt_num(x_range.1));
    let gap = cols.saturating_sub(x_first.width() + x_last.width());
    let x_labels = if gap >= 1 {
        format!("{x_first}{}{x_last}", " ".repeat(gap))
    } else {
        x_first
    };
    out.push_str(&format!("{}{x_labels}\n", " ".repeat(label_w + 1)));
    for l in legend {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// Legend entries (`● label`, the dot in the series' colour), packed into lines of `width`.
fn legend(series: &[Series], width: usize, color: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let (mut line, mut used) = (String::new(), 0);
    for (i, s) in series.iter().enumerate() {
        let label = super::table::one_line(&s.label);
        let label = super::table::truncate(&label, width.saturating_sub(2).max(1));
        let w = 2 + label.width();
        if used > 0 && used + 2 + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push_str("  ");
            used += 2;
        }
        if color {
            line.push_str(&format!("{}●{RESET} {label}", PALETTE[i % PALETTE.len()]));
        } else {
            line.push_str(&format!("● {label}"));
        }
        used += w;
    }
    if used > 0 {
        lines.push(line);
    }
    lines
}

/// One character per value (`▁`…`█`, a blank for NaN/±inf); longer inputs are averaged into
/// `width` buckets so the line never outgrows its column.
pub fn sparkline(values: &[f64], width: usize) -> String {
    if width == 0 || values.is_empty() {
        return String::new();
    }
    let buckets: Vec<f64> = if values.len() <= width {
        values.to_vec()
    } else {
        (0..width)
            .map(|b| {
                let chunk = &values[b * values.len() / width..(b + 1) * values.len() / width];
                let finite: Vec<f64> = chunk.iter().copied().filter(|v| v.is_finite()).collect();
                // Dividing first keeps the mean finite for values near f64::MAX.
                let n = finite.len() as f64;
                finite.iter().map(|v| v / n).sum::<f64>()
            })
            .collect()
    };
    let finite = || buckets.iter().copied().filter(|v| v.is_finite());
    let lo = finite().fold(f64::INFINITY, f64::min);
    let hi = finite().fold(f64::NEG_INFINITY, f64::max);
    buckets
        .iter()
        .map(|&v| {
            if !v.is_finite() {
                ' '
            } else if hi == lo {
                BLOCKS[3]
            } else {
                let t = (v * 0.5 - lo * 0.5) / (hi * 0.5 - lo * 0.5);
                BLOCKS[((t * 7.0).floor() as usize).min(7)]
            }
        })
        .collect()
}

/// The min and max of `values`, widened when they are equal so a flat series sits mid-chart
/// between honest labels; None when there are no values.
fn pad_range(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if lo > hi {
        return None;
    }
    if lo == hi {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        return Some((lo - pad, hi + pad));
    }
    Some((lo, hi))
}

/// Maps `v` in `range` to 0..n. Halving first keeps `hi - lo` finite even for ±1e308.
fn scale(v: f64, (lo, hi): (f64, f64), n: usize) -> usize {
    let t = ((v * 0.5 - lo * 0.5) / (hi * 0.5 - lo * 0.5)).clamp(0.0, 1.0);
    (t * (n - 1) as f64).round() as usize
}

/// Bresenham's line between two pixels, both ends included.
fn line((x0, y0): (usize, usize), (x1, y1): (usize, usize), mut plot: impl FnMut(usize, usize)) {
    let (x0, y0, x1, y1) = (x0 as i64, y0 as i64, x1 as i64, y1 as i64);
    let (dx, dy) = ((x1 - x0).abs(), -(y1 - y0).abs());
    let (sx, sy) = (if x0 < x1 { 1 } else { -1 }, if y0 < y1 { 1 } else { -1 });
    let (mut x, mut y, mut err) = (x0, y0, dx + dy);
    loop {
        plot(x as usize, y as usize);
        if x == x1 && y == y1 {
            break;
        }
        let e2 = 2 * err;
        if e2 >= dy {
            err += dy;
            x += sx;
        }
        if e2 <= dx {
            err += dx;
            y += sy;
        }
    }
}

/// Short axis labels: about four significant digits, exponent form for the very large or small.
fn fmt_num(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let a = v.abs();
    if !(1e-3..1e6).contains(&a) {
        return format!("{v:.2e}");
    }
    let decimals = (3 - a.log10().floor() as i32).clamp(0, 6) as usize;
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip_ansi(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn is_dot(c: char) -> bool {
        ('\u{2801}'..='\u{28ff}').contains(&c)
    }

    /// Columns holding dots, per plot row (top first), measured from the y axis.
    fn dot_columns(chart: &str) -> Vec<Vec<usize>> {
        chart
            .lines()
            .take_while(|l| !l.contains('└'))
            .map(|l| {
                let plot = l.split(['┤', '│']).nth(1).unwrap_or("");
                plot.chars()
                    .enumerate()
                    .filter(|(_, c)| is_dot(*c))
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect()
    }

    fn rising() -> Series {
        Series::new("loss", (0..50).map(|i| (i as f64, i as f64)).collect())
    }

    #[test]
    fn a_rising_series_rises_left_to_right() {
        let chart = line_chart(&[rising()], 40, 12, false);
        let rows = dot_columns(&chart);
        assert!(rows.len() >= 2);
        let (top, bottom) = (&rows[0], &rows[rows.len() - 1]);
        assert!(!top.is_empty() && !bottom.is_empty(), "{chart}");
        assert!(top.iter().min() > bottom.iter().max(), "{chart}");
        // Every row in between carries part of the line, further right as it goes up.
        let mids: Vec<usize> = rows
            .iter()
            .map(|r| r.iter().sum::<usize>() / r.len().max(1))
            .collect();
        assert!(mids.windows(2).all(|w| w[0] >= w[1]), "{chart}");
    }

    #[test]
    fn axes_labels_and_legend() {
        let chart = line_chart(
            &[rising(), Series::new("acc", vec![(0.0, 5.0), (49.0, 1.0)])],
            40,
            12,
            false,
        );
        let lines: Vec<&str> = chart.lines().collect();
        assert!(lines[0].starts_with("49┤"), "{chart}");
        assert!(lines.iter().any(|l| l.starts_with(" 0┤")), "{chart}");
        let x_labels = lines[lines.len() - 2];
        assert!(
            x_labels.trim_start().starts_with('0') && x_labels.ends_with("49"),
            "{chart}"
        );
        assert_eq!(lines[lines.len() - 1], "● loss  ● acc");
        assert!(lines.len() <= 12, "{chart}");
        for l in &lines {
            assert!(l.width() <= 40, "{l:?}");
        }
    }

    #[test]
    fn colour_only_when_asked_and_one_per_series() {
        let two = [rising(), Series::new("acc", vec![(0.0, 49.0), (49.0, 0.0)])];
        let plain = line_chart(&two, 40, 12, false);
        assert!(!plain.contains('\x1b'));
        let colored = line_chart(&two, 40, 12, true);
        assert!(colored.contains(PALETTE[0]) && colored.contains(PALETTE[1]));
        for l in strip_ansi(&colored).lines() {
            assert!(l.width() <= 40, "{l:?}");
        }
        assert_eq!(strip_ansi(&colored).lines().count(), plain.lines().count());
        assert!(
            colored
                .lines()
                .all(|l| !l.ends_with(' ') && !l.ends_with("  \x1b[0m")),
            "{colored:?}"
        );
    }

    #[test]
    fn nan_and_infinities_are_skipped() {
        let s = Series::new(
            "m",
            vec![
                (0.0, 1.0),
                (1.0, f64::NAN),
                (2.0, f64::INFINITY),
                (f64::NAN, 7.0),
                (3.0, 3.0),
                (4.0, f64::NEG_INFINITY),
            ],
        );
        let chart = line_chart(&[s], 30, 8, false);
        assert!(!chart.contains("NaN") && !chart.contains("inf"), "{chart}");
        let lines: Vec<&str> = chart.lines().collect();
        assert!(lines[0].starts_with("3┤"), "{chart}");
        assert!(chart.contains("\n0") || chart.contains(" 0"), "{chart}");
        assert!(
            lines[lines.len() - 2].ends_with('3'),
            "x stops at the last finite step: {chart}"
        );
        let all_bad = Series::new("m", vec![(0.0, f64::NAN)]);
        assert_eq!(
            line_chart(&[all_bad], 30, 8, false),
            "no finite values to plot\n"
        );
        assert_eq!(line_chart(&[], 30, 8, false), "no finite values to plot\n");
    }

    #[test]
    fn single_point_and_flat_series_draw() {
        let one = line_chart(&[Series::new("m", vec![(5.0, 0.5)])], 30, 8, false);
        let dots: usize = one.chars().filter(|c| is_dot(*c)).count();
        assert_eq!(dots, 1, "{one}");
        let flat = line_chart(
            &[Series::new("m", (0..20).map(|i| (i as f64, 2.0)).collect())],
            30,
            8,
            false,
        );
        let rows = dot_columns(&flat);
        assert_eq!(rows.iter().filter(|r| !r.is_empty()).count(), 1, "{flat}");
        assert!(flat.starts_with("2.2┤") && flat.contains("1.8┤"), "{flat}");
    }

    #[test]
    fn negative_values_and_huge_ranges() {
        let neg = line_chart(
            &[Series::new("m", vec![(0.0, -5.0), (1.0, 5.0)])],
            30,
            8,
            false,
        );
        assert!(neg.contains("-5┤"), "{neg}");
        let huge = Series::new(
            "m",
            vec![(0.0, 1.0), (1e12, 2.0), (-1e308, 0.0), (1e308, 3.0)],
        );
        let chart = line_chart(&[huge], 30, 8, false);
        assert!(
            chart.contains("-1.00e308") && chart.contains("1.00e308"),
            "{chart}"
        );
        let dots: usize = chart.chars().filter(|c| is_dot(*c)).count();
        assert!(dots > 1, "{chart}");
    }

    #[test]
    fn tiny_boxes_do_not_panic() {
        for (w, h) in [(0, 0), (1, 1), (3, 2), (10, 3)] {
            let chart = line_chart(&[rising()], w, h, true);
            assert!(chart.contains('└'));
        }
    }

    #[test]
    fn sparklines() {
        assert_eq!(sparkline(&[1.0, 2.0, 3.0], 10), "▁▄█");
        assert_eq!(sparkline(&[1.0, 8.0], 10), "▁█");
        assert_eq!(sparkline(&[4.0, 4.0], 10), "▄▄");
        assert_eq!(sparkline(&[1.0, f64::NAN, 3.0, f64::INFINITY], 10), "▁ █ ");
        assert_eq!(sparkline(&[], 10), "");
        assert_eq!(sparkline(&[1.0], 0), "");
        let long: Vec<f64> = (0..1000).map(f64::from).collect();
        let s = sparkline(&long, 8);
        assert_eq!(s, "▁▂▃▄▅▆▇█");
    }

    #[test]
    fn labels_are_short() {
        assert_eq!(fmt_num(0.0), "0");
        assert_eq!(fmt_num(0.123456), "0.1235");
        assert_eq!(fmt_num(-0.5), "-0.5");
        assert_eq!(fmt_num(999_999.0), "999999");
        assert_eq!(fmt_num(1.5e9), "1.50e9");
    }
}
