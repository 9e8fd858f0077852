//! `mlrun report`'s HTML: one self-contained file (inline CSS, inline SVG charts, a few lines of
//! inline script to sort the table), with no request to anywhere. Pure: data in, a string out.
//! Every value from the store passes through `escape` before it meets markup.
use std::fmt::Write;

/// The runs table as rendered text, one column flag per header saying whether it sorts as numbers.
pub struct ReportTable {
    pub headers: Vec<String>,
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
}

pub struct ChartSeries {
    pub label: String,
    /// (step, value) pairs; non-finite values are skipped when drawn.
    pub points: Vec<(f64, f64)>,
}

pub struct Chart {
    pub title: String,
    pub series: Vec<ChartSeries>,
}

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Colours of overlaid series (the same palette as the live UI).
pub const PALETTE: [&str; 10] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf",
];

const CSS: &str = "body{font:14px system-ui,sans-serif;margin:24px;color:#222}\
h1{font-size:20px}h2{font-size:16px;margin-top:28px}.sub{color:#666}\
table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ddd;padding:3px 8px;white-space:nowrap}\
th{background:#f4f4f4;cursor:pointer;position:sticky;top:0}td.num{text-align:right;font-variant-numeric:tabular-nums}\
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{border:1px solid #ddd;padding:8px}\
.chart h3{font-size:13px;margin:0 0 4px}.legend span{display:inline-block;margin-right:10px;font-size:12px}\
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}";

const SORT_JS: &str = "document.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){\
var t=th.closest('table'),b=t.tBodies[0],rows=Array.from(b.rows),num=th.dataset.num==='1',d=th.dataset.dir==='asc'?-1:1;\
th.dataset.dir=d===1?'asc':'desc';rows.sort(function(a,c){var x=a.cells[i].textContent,y=c.cells[i].textContent;\
if(num){x=x===''?Infinity:parseFloat(x);y=y===''?Infinity:parseFloat(y);return (x<y?-1:x>y?1:0)*d}return x.localeCompare(y)*d});\
rows.forEach(function(r){b.appendChild(r)})})});";

/// The whole report page.
pub fn render_html(title: &str, subtitle: &str, table: &ReportTable, charts: &[Chart]) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\
         <title>{}</title><style>{CSS}</style></head><body>\n<h1>{}</h1><p class=\"sub\">{}</p>\n",
        escape(title),
        escape(title),
        escape(subtitle)
    );
    if !charts.is_empty() {
        h.push_str("<h2>Metrics</h2><div class=\"charts\">\n");
        for c in charts {
            h.push_str(&svg_chart(c, 420, 240));
        }
        h.push_str("</div>\n");
    }
    let _ = write!(h, "<h2>Runs ({})</h2><table><thead><tr>", table.rows.len());
    for (i, head) in table.headers.iter().enumerate() {
        let num = table.numeric.get(i).copied().unwrap_or(false);
        let _ = write!(
            h,
            "<th data-num=\"{}\">{}</th>",
            u8::from(num),
            escape(head)
        );
    }
    h.push_str("</tr></thead><tbody>\n");
    for row in &table.rows {
        h.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if table.numeric.get(i).copied().unwrap_or(false) {
                " class=\"num\""
            } else {
                ""
            };
            let _ = write!(h, "<td{class}>{}</td>", escape(cell));
        }
        h.push_str("</tr>\n");
    }
    let _ = write!(
        h,
        "</tbody></table>\n<script>{SORT_JS}</script>\n</body></html>\n"
    );
    h
}

/// A line chart as an inline SVG block with a legend: one `<path class="series">` per series.
pub fn svg_chart(chart: &Chart, w: u32, h: u32) -> String {
    let (l, r, t, b) = (52.0, 10.0, 8.0, 22.0);
    let (wf, hf) = (f64::from(w), f64::from(h));
    let finite = || {
        chart
            .series
            .iter()
            .flat_map(|s| s.points.iter())
            .filter(|(x, y)| x.is_finite() && y.is_finite())
    };
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in finite() {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    let mut out = String::new();
    let _ = write!(
        out,
        "<div class=\"chart\"><h3>{}</h3><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">",
        escape(&chart.title)
    );
    if x0 > x1 {
        out.push_str("<text x=\"10\" y=\"20\">no finite points</text></svg></div>");
        return out;
    }
    if x1 == x0 {
        x1 = x0 + 1.0;
    }
    if y1 == y0 {
        y1 = y0 + 1.0;
    }
    let sx = |x: f64| l + (x - x0) / (x1 - x0) * (wf - l - r);
    let sy = |y: f64| t + (1.0 - (y - y0) / (y1 - y0)) * (hf - t - b);
    let _ = write!(
        out,
        "<rect x=\"{l}\" y=\"{t}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#ccc\"/>",
        wf - l - r,
        hf - t - b
    );
    for (v, y) in [(y1, t + 10.0), (y0, hf - b)] {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{y}\" font-size=\"10\" text-anchor=\"end\">{}</text>",
            l - 4.0,
            escape(&short_num(v))
        );
    }
    for (v, anchor, x) in [(x0, "start", l), (x1, "end", wf - r)] {
        let _ = write!(
            out,
            "<text x=\"{x}\" y=\"{}\" font-size=\"10\" text-anchor=\"{anchor}\">{}</text>",
            hf - 6.0,
            escape(&short_num(v))
        );
    }
    for (i, s) in chart.series.iter().enumerate() {
        let mut d = String::new();
        let mut pen_up = true;
        for &(x, y) in &s.points {
            if !(x.is_finite() && y.is_finite()) {
                pen_up = true;
                continue;
            }
            let _ = write!(
                d,
                "{}{:.1},{:.1}",
                if pen_up { "M" } else { "L" },
                sx(x),
                sy(y)
            );
            pen_up = false;
        }
        let _ = write!(
            out,
            "<path class=\"series\" d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\"><title>{}</title></path>",
            PALETTE[i % PALETTE.len()],
            escape(&s.label)
        );
    }
    out.push_str("</svg><div class=\"legend\">");
    for (i, s) in chart.series.iter().enumerate() {
        let _ = write!(
            out,
            "<span><i style=\"background:{}\"></i>{}</span>",
            PALETTE[i % PALETTE.len()],
            escape(&s.label)
        );
    }
    out.push_str("</div></div>\n");
    out
}

fn short_num(v: f64) -> String {
    let a = v.abs();
    if a != 0.0 && !(1e-3..1e5).contains(&a) {
        format!("{v:.2e}")
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_values_are_escaped_everywhere() {
        let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
        let html = render_html(
            evil,
            evil,
            &ReportTable {
                headers: vec![evil.into()],
                numeric: vec![false],
                rows: vec![vec![evil.into()]],
            },
            &[Chart {
                title: evil.into(),
                series: vec![ChartSeries {
                    label: evil.into(),
                    points: vec![(0.0, 1.0), (1.0, 2.0)],
                }],
            }],
        );
        assert!(!html.contains("<img"));
        assert!(!html.contains("<script>alert"));
        assert_eq!(html.matches("<script>").count(), 1, "only the sort script");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    #[test]
    fn charts_draw_one_path_per_series_and_skip_nan() {
        let c = Chart {
            title: "loss".into(),
            series: vec![
                ChartSeries {
                    label: "a".into(),
                    points: vec![(0.0, 1.0), (1.0, f64::NAN), (2.0, 0.5)],
                },
                ChartSeries {
                    label: "b".into(),
                    points: vec![(0.0, 2.0), (1.0, 1.0)],
                },
            ],
        };
        let svg = svg_chart(&c, 300, 200);
        assert_eq!(svg.matches("class=\"series\"").count(), 2);
        // The NaN lifts the pen: series a is two moves, not a line through NaN.
        let a = svg.split("class=\"series\" d=\"").nth(1).unwrap();
        let d = &a[..a.find('"').unwrap()];
        assert_eq!(d.matches('M').count(), 2);
        assert!(!svg.contains("NaN"));
    }
}
