//! Tables for stdout: MLflow's look (column width = max(cell, header + 2, 4), two spaces between
//! columns, a dash rule, no border), shrunk to the terminal only when a width is known. Invariants:
//! one row is one line, widths count display columns (wide CJK, emoji), headers are never cut, a cut
//! value always ends in `…`, and markdown/CSV/JSON are never cut.
use std::borrow::Cow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Marks a highlighted cell when there is no colour to show it with.
const MARK: char = '*';
const ELLIPSIS: char = '…';
const GAP: &str = "  ";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Right,
}

/// What a column holds; decides which columns give up width first when the table is too wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// Names, paths, tag values: shrink first.
    #[default]
    Text,
    /// Run and experiment ids: shrink only once every text column is at its floor.
    Id,
    /// Numbers: shrink last, since a cut number misleads more than a cut name.
    Number,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub header: String,
    pub align: Align,
    pub kind: Kind,
    /// Never shrink below this (the header's width is always kept anyway).
    pub min_width: usize,
}

impl Column {
    pub fn new(header: impl Into<String>) -> Self {
        Column {
            header: header.into(),
            align: Align::Left,
            kind: Kind::Text,
            min_width: 0,
        }
    }
    /// A right-aligned number column.
    pub fn number(header: impl Into<String>) -> Self {
        Column::new(header).kind(Kind::Number).align(Align::Right)
    }
    pub fn id(header: impl Into<String>) -> Self {
        Column::new(header).kind(Kind::Id)
    }
    pub fn align(mut self, align: Align) -> Self {
        self.align = align;
        self
    }
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }
    pub fn min_width(mut self, min_width: usize) -> Self {
        self.min_width = min_width;
        self
    }
}

/// One value. A highlighted cell is bold on a colour terminal, ends in `*` on a plain one, is
/// `**bold**` in markdown and plain in CSV/JSON, so machine-read output never carries the marker.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub text: String,
    pub highlight: bool,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            highlight: false,
        }
    }
    pub fn highlighted(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            highlight: true,
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::new(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::new(text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Self {
        Table {
            columns,
            rows: Vec::new(),
        }
    }

    /// Columns guessed from plain rows, for callers that only have strings: a column whose every
    /// non-empty value parses as a number is a number, a header naming an id is an id. Alignment
    /// stays left, as MLflow prints it.
    pub fn from_rows(headers: &[&str], rows: &[Vec<String>]) -> Self {
        let columns = headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let mut values = rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .filter(|v| !v.is_empty());
                let numeric = values.clone().next().is_some()
                    && values.all(|v| v.trim().parse::<f64>().is_ok());
                let lower = h.to_lowercase();
                let kind = if numeric {
                    Kind::Number
                } else if lower == "id" || lower.ends_with(" id") || lower.ends_with("_id") {
                    Kind::Id
                } else {
                    Kind::Text
                };
                Column::new(*h).kind(kind)
            })
            .collect();
        Table {
            columns,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| Cell::new(c.as_str())).collect())
                .collect(),
        }
    }

    pub fn push_row<C: Into<Cell>>(&mut self, row: impl IntoIterator<Item = C>) {
        self.rows.push(row.into_iter().map(Into::into).collect());
    }

    /// The cell at (row, column), empty when the row is short.
    fn cell(&self, row: &[Cell], col: usize) -> Cell {
        row.get(col).cloned().unwrap_or_default()
    }

    /// The aligned text table; `max_width` is the terminal's width (None: never cut, as when piped).
    pub fn render(&self, max_width: Option<usize>, color: bool) -> String {
        if self.columns.is_empty() {
            return String::new();
        }
        let marker = |c: &Cell| usize::from(c.highlight && !color);
        let headers: Vec<String> = self
            .columns
            .iter()
            .map(|c| one_line(&c.header).into_owned())
            .collect();
        // The widest of each column's values and header: what it needs before anything is cut.
        let snug: Vec<usize> = (0..self.columns.len())
            .map(|i| {
                self.rows
                    .iter()
                    .map(|r| {
                        let c = self.cell(r, i);
                        one_line(&c.text).width() + marker(&c)
                    })
                    .max()
                    .unwrap_or(0)
                    .max(headers[i].width())
            })
            .collect();
        let natural: Vec<usize> = snug
            .iter()
            .zip(&headers)
            .map(|(s, h)| (*s).max(h.width() + 2).max(4))
            .collect();
        let floors: Vec<usize> = self
            .columns
            .iter()
            .zip(&headers)
            .zip(&natural)
            .map(|((c, h), n)| (*n).min(h.width().max(2).max(c.min_width)))
            .collect();
        let kinds: Vec<Kind> = self.columns.iter().map(|c| c.kind).collect();
        let widths = fit_widths(&natural, &snug, &floors, &kinds, max_width);

        let mut out = String::new();
        let header_cells: Vec<(String, usize)> =
            headers.iter().map(|h| (h.clone(), h.width())).collect();
        push_line(&mut out, &self.columns, &widths, header_cells);
        let rule = widths.iter().map(|w| ("-".repeat(*w), *w)).collect();
        push_line(&mut out, &self.columns, &widths, rule);
        for row in &self.rows {
            let cells = widths
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let c = self.cell(row, i);
                    let mark = marker(&c);
                    let mut s = truncate(&one_line(&c.text), w.saturating_sub(mark)).into_owned();
                    if mark == 1 {
                        s.push(MARK);
                    }
                    let vw = s.width();
                    if c.highlight && color && !s.is_empty() {
                        s = format!("{BOLD}{s}{RESET}");
                    }
                    (s, vw)
                })
                .collect();
            push_line(&mut out, &self.columns, &widths, cells);
        }
        out
    }

    /// A GitHub-flavoured markdown table, never cut: `|` escaped, newlines as `<br>`.
    pub fn render_markdown(&self) -> String {
        if self.columns.is_empty() {
            return String::new();
        }
        let mut out = String::new();
        let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
        out.push_str(&line(
            self.columns.iter().map(|c| md_escape(&c.header)).collect(),
        ));
        out.push_str(&line(
            self.columns
                .iter()
                .map(|c| match c.align {
                    Align::Left => "---".to_string(),
                    Align::Right => "---:".to_string(),
                })
                .collect(),
        ));
        for row in &self.rows {
            out.push_str(&line(
                (0..self.columns.len())
                    .map(|i| {
                        let c = self.cell(row, i);
                        let s = md_escape(&c.text);
                        if c.highlight && !s.is_empty() {
                            format!("**{s}**")
                        } else {
                            s
                        }
                    })
                    .collect(),
            ));
        }
        out
    }

    /// CSV with a header record; short rows are padded so every record has the same length.
    pub fn write_csv<W: std::io::Write>(&self, w: W) -> csv::Result<()> {
        let mut w = csv::Writer::from_writer(w);
        w.write_record(self.columns.iter().map(|c| c.header.as_str()))?;
        for row in &self.rows {
            w.write_record((0..self.columns.len()).map(|i| self.cell(row, i).text))?;
        }
        w.flush()?;
        Ok(())
    }

    /// An array of objects keyed by header: a fallback for commands without a REST shape of their own.
    pub fn to_json(&self) -> serde_json::Value {
        self.rows
            .iter()
            .map(|row| {
                self.columns
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (c.header.clone(), self.cell(row, i).text.into()))
                    .collect::<serde_json::Map<_, _>>()
                    .into()
            })
            .collect::<Vec<serde_json::Value>>()
            .into()
    }
}

/// Pads each (text, display width) to its column and joins them; trailing blanks are dropped as
/// MLflow does.
fn push_line(out: &mut String, columns: &[Column], widths: &[usize], cells: Vec<(String, usize)>) {
    let mut line = String::new();
    for (i, ((text, vw), col)) in cells.into_iter().zip(columns).enumerate() {
        if i > 0 {
            line.push_str(GAP);
        }
        let pad = " ".repeat(widths[i].saturating_sub(vw));
        match col.align {
            Align::Left => {
                line.push_str(&text);
                line.push_str(&pad);
            }
            Align::Right => {
                line.push_str(&pad);
                line.push_str(&text);
            }
        }
    }
    out.push_str(line.trim_end_matches(' '));
    out.push('\n');
}

/// Column widths that fit `max_total` (None: the natural widths). Padding goes first (down to
/// `snug`, the widest value or header); then the widest columns of the first kind (text, then ids,
/// then numbers) are cut, level by level, never below their floor. If the floors alone are too wide
/// the table overflows rather than hide its headers.
pub fn fit_widths(
    natural: &[usize],
    snug: &[usize],
    floors: &[usize],
    kinds: &[Kind],
    max_total: Option<usize>,
) -> Vec<usize> {
    let mut widths = natural.to_vec();
    let Some(max_total) = max_total else {
        return widths;
    };
    let total = widths.iter().sum::<usize>() + GAP.len() * widths.len().saturating_sub(1);
    let mut need = total.saturating_sub(max_total);
    let all: Vec<usize> = (0..widths.len()).collect();
    need -= shrink(&mut widths, snug, &all, need);
    for kind in [Kind::Text, Kind::Id, Kind::Number] {
        if need == 0 {
            break;
        }
        let idx: Vec<usize> = (0..widths.len()).filter(|&i| kinds[i] == kind).collect();
        need -= shrink(&mut widths, floors, &idx, need);
    }
    widths
}

/// Cuts the columns `idx` down to one common level (water-filling), so the widest lose width first;
/// returns how much was cut (at most `need`).
fn shrink(widths: &mut [usize], floors: &[usize], idx: &[usize], need: usize) -> usize {
    let cut_at = |widths: &[usize], level: usize| -> usize {
        idx.iter()
            .map(|&i| widths[i].saturating_sub(level.max(floors[i])))
            .sum()
    };
    let most = cut_at(widths, 0);
    if most <= need {
        for &i in idx {
            widths[i] = widths[i].min(floors[i]);
        }
        return most;
    }
    // cut_at falls as the level rises: find the highest level that still cuts enough.
    let (mut lo, mut hi) = (0, idx.iter().map(|&i| widths[i]).max().unwrap_or(0));
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if cut_at(widths, mid) >= need {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let mut surplus = cut_at(widths, lo) - need;
    for &i in idx {
        let cut = widths[i].min(lo.max(floors[i]));
        // Columns cut to exactly the level give back the overshoot, leftmost first.
        if surplus > 0 && cut == lo && lo < widths[i] && floors[i] <= lo {
            widths[i] = lo + 1;
            surplus -= 1;
        } else {
            widths[i] = cut;
        }
    }
    need
}

/// Cuts `s` to at most `width` display columns, ending in `…` when anything was dropped.
pub fn truncate(s: &str, width: usize) -> Cow<'_, str> {
    if s.width() <= width {
        return Cow::Borrowed(s);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let room = width - ELLIPSIS.width().unwrap_or(1);
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push(ELLIPSIS);
    Cow::Owned(out)
}

/// Keeps a value on one line: newlines become `⏎`, tabs a space, other control characters (an
/// escape sequence in a tag, say) their `\u{..}` form so they cannot drive the terminal.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push('⏎'),
            '\t' => out.push(' '),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn md_escape(s: &str) -> String {
    let s = s.replace("\r\n", "\n");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' | '\r' => out.push_str("<br>"),
            '\t' => out.push(' '),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<&str> {
        s.lines().collect()
    }

    fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        Table::from_rows(headers, &rows)
    }

    #[test]
    fn keeps_mlflows_look_when_it_fits() {
        let t = table(&["Id", "Name"], &[&["1", "a"], &["22", "bbbbbbb"]]);
        assert_eq!(
            t.render(Some(80), false),
            "Id    Name\n----  -------\n1     a\n22    bbbbbbb\n"
        );
    }

    #[test]
    fn not_cut_without_a_width() {
        let long = "x".repeat(500);
        let t = table(&["Name", "Value"], &[&["k", &long]]);
        let out = t.render(None, false);
        assert!(out.contains(&long));
        assert!(!out.contains('…'));
    }

    #[test]
    fn cuts_the_widest_column_with_an_ellipsis() {
        let long = "abcdefghij".repeat(10);
        let t = table(
            &["Run Id", "Name", "Path"],
            &[&["0123456789abcdef", "short", &long]],
        );
        let out = t.render(Some(60), false);
        for l in lines(&out) {
            assert!(l.width() <= 60, "{l:?} is {} wide", l.width());
        }
        let row = lines(&out)[2];
        assert!(
            row.starts_with("0123456789abcdef  short  abcdefghij"),
            "{row}"
        );
        assert!(row.ends_with('…'), "{row}");
        assert_eq!(row.width(), 60);
    }

    #[test]
    fn text_gives_way_before_ids_and_numbers() {
        let id = "f".repeat(32);
        let text = "t".repeat(40);
        let t = table(&["Run Id", "Note", "Loss"], &[&[&id, &text, "0.123456789"]]);
        let out = t.render(Some(60), false);
        let row = lines(&out)[2];
        assert!(row.contains(&id), "{row}");
        assert!(row.contains("0.123456789"), "{row}");
        assert!(row.contains('…'), "{row}");
        assert!(row.width() <= 60);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let t = table(&["Name", "Value"], &[&["名前名前名前名前名前", "1"]]);
        // 10 CJK chars = 20 columns; natural table is 20 + 2 + 7 = 29 wide.
        let full = t.render(None, false);
        assert_eq!(lines(&full)[1], format!("{}  -------", "-".repeat(20)));
        let cut = t.render(Some(20), false);
        for l in lines(&cut) {
            assert!(l.width() <= 20, "{l:?} is {} wide", l.width());
        }
        let row = lines(&cut)[2];
        // Value gives up its padding (7 -> 5) first, then Name is cut to 13: six CJK chars and `…`.
        assert!(row.starts_with("名前名前名前…"), "{row}");
        // The cut cell is padded to its column so the next column still lines up.
        assert_eq!(row.find('1').map(|b| row[..b].width()), Some(15));
    }

    #[test]
    fn never_narrower_than_header_and_ellipsis() {
        let t = table(&["K", "Description"], &[&["xxxxxxxxxx", &"y".repeat(50)]]);
        let out = t.render(Some(5), false);
        let l = lines(&out);
        assert_eq!(l[0], "K   Description");
        let row = l[2];
        // K column floors at 2 (one char and `…`), Description at its header's width.
        assert!(row.starts_with("x…  yyyyyyyyyy…"), "{row}");
    }

    #[test]
    fn newlines_and_tabs_stay_on_one_line() {
        let t = table(&["Key", "Value"], &[&["a\tb", "one\r\ntwo\nthree\x1b[31m"]]);
        let out = t.render(None, false);
        assert_eq!(out.lines().count(), 3);
        assert!(out.contains("a b"));
        assert!(out.contains("one⏎two⏎three\\u{1b}[31m"), "{out}");
    }

    #[test]
    fn highlight_degrades_without_colour() {
        let mut t = Table::new(vec![Column::new("Key"), Column::number("Best")]);
        t.push_row([Cell::new("loss"), Cell::highlighted("0.1")]);
        let plain = t.render(None, false);
        assert!(lines(&plain)[2].ends_with("0.1*"), "{plain}");
        let colored = t.render(None, true);
        assert!(colored.contains("\x1b[1m0.1\x1b[0m"), "{colored:?}");
        assert!(!t.render_markdown().contains('\x1b'));
        let mut csv = Vec::new();
        t.write_csv(&mut csv).unwrap();
        assert_eq!(String::from_utf8(csv).unwrap(), "Key,Best\nloss,0.1\n");
        assert!(t.render_markdown().contains("| loss | **0.1** |"));
    }

    #[test]
    fn right_aligned_numbers() {
        let mut t = Table::new(vec![Column::new("Key"), Column::number("Value")]);
        t.push_row(["a", "1.5"]);
        t.push_row(["b", "10.25"]);
        let out = t.render(None, false);
        assert_eq!(lines(&out)[2], "a          1.5");
        assert_eq!(lines(&out)[3], "b        10.25");
    }

    #[test]
    fn markdown_escapes_and_never_cuts() {
        let long = "z".repeat(300);
        let mut t = Table::new(vec![Column::new("a|b"), Column::number("n")]);
        t.push_row(["x|y\nz", long.as_str()]);
        let md = t.render_markdown();
        assert_eq!(
            md,
            format!("| a\\|b | n |\n| --- | ---: |\n| x\\|y<br>z | {long} |\n")
        );
    }

    #[test]
    fn csv_pads_short_rows_and_keeps_newlines_quoted() {
        let rows = vec![vec!["a\nb".to_string()], vec!["c".into(), "d".into()]];
        let t = Table::from_rows(&["X", "Y"], &rows);
        let mut csv = Vec::new();
        t.write_csv(&mut csv).unwrap();
        assert_eq!(String::from_utf8(csv).unwrap(), "X,Y\n\"a\nb\",\nc,d\n");
    }

    #[test]
    fn fit_widths_levels_the_widest_first() {
        // 30 + 20 + 10 + 2 * 2 gaps = 64; fitting 50 cuts 14 from the two widest down to one level.
        let f = fit_widths;
        let w = f(
            &[30, 20, 10],
            &[30, 20, 10],
            &[4, 4, 4],
            &[Kind::Text; 3],
            Some(50),
        );
        assert_eq!(w, vec![18, 18, 10]);
        assert_eq!(w.iter().sum::<usize>() + 4, 50);
        // An odd cut leaves the leftmost one column wider.
        let w = f(
            &[30, 20, 10],
            &[30, 20, 10],
            &[4, 4, 4],
            &[Kind::Text; 3],
            Some(51),
        );
        assert_eq!(w, vec![19, 18, 10]);
        // Floors win over the terminal.
        let w = f(&[30, 20], &[30, 20], &[10, 8], &[Kind::Text; 2], Some(5));
        assert_eq!(w, vec![10, 8]);
        assert_eq!(
            f(&[30, 20], &[30, 20], &[4, 4], &[Kind::Text; 2], None),
            vec![30, 20]
        );
        // Padding beyond the widest value goes before any value is cut.
        let w = f(
            &[15, 7, 7],
            &[13, 7, 6],
            &[13, 4, 5],
            &[Kind::Id, Kind::Text, Kind::Text],
            Some(30),
        );
        assert_eq!(w, vec![13, 7, 6]);
    }

    #[test]
    fn padding_goes_before_values() {
        let t = table(
            &["Experiment Id", "Name", "Stage"],
            &[&["0", "Default", "active"]],
        );
        // Natural: 15 + 7 + 7 + 4 = 33; snug: 13 + 7 + 6 + 4 = 30.
        let out = t.render(Some(30), false);
        assert_eq!(lines(&out)[2], "0              Default  active");
        assert!(!out.contains('…'));
    }

    #[test]
    fn kinds_are_guessed_from_plain_rows() {
        let t = table(
            &["Run Id", "Name", "Size"],
            &[&["ab", "x", "12"], &["cd", "y", ""]],
        );
        let kinds: Vec<Kind> = t.columns.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, vec![Kind::Id, Kind::Text, Kind::Number]);
    }

    #[test]
    fn truncate_respects_display_width() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello", 4), "hel…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("🎉🎉🎉", 5), "🎉🎉…");
        assert_eq!(truncate("abc", 0), "");
    }
}
