//! Drawing one logical table on a canvas: column widths, wrapped cells, row heights, vertical
//! alignment of short cells in tall rows, and the rules of its style.

use super::canvas::Canvas;
use super::content::{ColKind, Logical, RowRole};
use super::fonts::{Face, is_wide, text_width};

/// Which rules a table has (dimension `rules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    /// No lines at all.
    None,
    /// A rule above the header and one under the last row.
    TopBottom,
    /// Top, under the header (with short rules under spanning header cells), bottom.
    Booktabs,
    /// Every row boundary, no verticals.
    Horizontal,
    /// Every cell boundary.
    Grid,
    /// Every row boundary, the outer frame and a rule after the first column only: the other
    /// columns are set apart by white space (a ruled grid missing its inner verticals).
    Frame,
    /// Shaded bands behind every other body row, no lines (PDF sample only).
    Shaded,
    /// The outer frame and a rule under the header; the body's rows are not ruled.
    Box,
}

impl Rules {
    /// Styles drawn at the glyph level (which has no fills).
    pub const GLYPH: [Rules; 6] = [
        Rules::None,
        Rules::TopBottom,
        Rules::Booktabs,
        Rules::Horizontal,
        Rules::Grid,
        Rules::Frame,
    ];

    /// Dimension value.
    pub fn name(self) -> &'static str {
        match self {
            Rules::None => "none",
            Rules::TopBottom => "top_bottom",
            Rules::Booktabs => "booktabs",
            Rules::Horizontal => "horizontal",
            Rules::Grid => "grid",
            Rules::Frame => "frame",
            Rules::Shaded => "shaded",
            Rules::Box => "box",
        }
    }
}

/// Where a short cell sits in a taller row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    /// On the first line.
    Top,
    /// Centred (the middle line of three, between the lines of two).
    Center,
    /// On the last line.
    Bottom,
}

impl VAlign {
    /// Dimension value.
    pub fn name(self) -> &'static str {
        match self {
            VAlign::Top => "first",
            VAlign::Center => "middle",
            VAlign::Bottom => "last",
        }
    }
}

/// How one table is drawn.
#[derive(Debug, Clone, Copy)]
pub struct TableStyle {
    /// Font size.
    pub size: f64,
    /// Latin widths.
    pub face: Face,
    /// Rules.
    pub rules: Rules,
    /// Gap between the contents of two columns, in em.
    pub gutter_em: f64,
    /// Vertical alignment of short cells.
    pub valign: VAlign,
    /// Widest a label column gets before it wraps, in em.
    pub label_max_em: f64,
    /// Widest a header cell makes its column before it wraps, in em.
    pub header_max_em: f64,
    /// Line height over font size.
    pub leading: f64,
    /// Space above and below a row's text, over font size.
    pub row_pad: f64,
    /// Header set in bold.
    pub header_bold: bool,
    /// Dot leaders run from each label's last line to its column's right edge.
    pub leaders: bool,
    /// Blank space set before each group row (or before every fifth row of a table without
    /// groups) of an unruled body, as a share of a one-line row's height (1: a blank row); 0
    /// for none.
    pub group_gap: f64,
    /// Accounting rules under amounts: a short rule over each amount of a total row set last,
    /// two under each amount of every total row (unruled bodies only).
    pub underlines: bool,
}

/// Tokens of a text for wrapping: (token, preceded by a space).
fn tokens(s: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut cur = String::new();
    let mut space = false;
    for ch in s.chars() {
        if ch == ' ' {
            if !cur.is_empty() {
                out.push((std::mem::take(&mut cur), space));
            }
            space = true;
        } else if is_wide(ch) {
            if !cur.is_empty() {
                out.push((std::mem::take(&mut cur), space));
                space = false;
            }
            out.push((ch.to_string(), space));
            space = false;
        } else {
            if cur.is_empty()
                && !out.is_empty()
                && !space
                && out.last().is_some_and(|(t, _)| t.chars().all(is_wide))
            {
                // Latin after an ideograph without a space: a break point too.
            }
            cur.push(ch);
        }
    }
    if !cur.is_empty() {
        out.push((cur, space));
    }
    out
}

/// Greedy wrap of `s` into lines no wider than `width`.
pub fn wrap(s: &str, face: Face, size: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (tok, space) in tokens(s) {
        let cand = if line.is_empty() {
            tok.clone()
        } else if space {
            format!("{line} {tok}")
        } else {
            format!("{line}{tok}")
        };
        if line.is_empty() || text_width(face, size, &cand) <= width + 1e-6 {
            line = cand;
        } else {
            lines.push(std::mem::replace(&mut line, tok));
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn widest_token(s: &str, face: Face, size: f64) -> f64 {
    tokens(s)
        .iter()
        .map(|(t, _)| text_width(face, size, t))
        .fold(0.0, f64::max)
}

/// What drawing a table gave: its box and the most lines a body text cell took.
#[derive(Debug, Clone, Copy)]
pub struct Drawn {
    /// Left, top, right, bottom.
    pub bbox: [f64; 4],
    /// Most lines of a wrapped body cell.
    pub max_lines: usize,
    /// Blank space was set between two body rows (a group gap).
    pub gapped: bool,
}

/// Column widths (content, without gutters).
fn column_widths(t: &Logical, st: &TableStyle) -> Vec<f64> {
    let (face, size) = (st.face, st.size);
    let n = t.kinds.len();
    let mut w = vec![0.0f64; n];
    for c in 0..n {
        let body_w = t
            .body
            .iter()
            .map(|r| text_width(face, size, &r[c].text))
            .fold(0.0, f64::max);
        w[c] = match t.kinds[c] {
            ColKind::Text => {
                let words = t
                    .body
                    .iter()
                    .map(|r| widest_token(&r[c].text, face, size))
                    .fold(0.0, f64::max);
                let mut w = body_w.min(st.label_max_em * size).max(words);
                // At most three lines per cell.
                while t
                    .body
                    .iter()
                    .any(|r| wrap(&r[c].text, face, size, w).len() > 3)
                {
                    w *= 1.1;
                }
                w
            }
            _ => body_w,
        };
    }
    for row in &t.header {
        for (c, cell) in row.iter().enumerate() {
            let Some(cell) = cell else { continue };
            if cell.col_span == 1 {
                let full = text_width(face, size, &cell.text);
                let min = widest_token(&cell.text, face, size);
                w[c] = w[c].max(full.min(st.header_max_em * size)).max(min);
            }
        }
    }
    // Spanning header cells: their longest word must fit the columns they cover.
    let gut = st.gutter_em * size;
    for row in &t.header {
        for (c, cell) in row.iter().enumerate() {
            let Some(cell) = cell else { continue };
            if cell.col_span > 1 {
                let have: f64 =
                    w[c..c + cell.col_span].iter().sum::<f64>() + gut * (cell.col_span - 1) as f64;
                let need = widest_token(&cell.text, face, size);
                if need > have {
                    w[c + cell.col_span - 1] += need - have;
                }
            }
        }
    }
    w
}

/// Total width of a table drawn in `st`.
pub fn table_width(t: &Logical, st: &TableStyle) -> f64 {
    let w = column_widths(t, st);
    w.iter().sum::<f64>() + st.gutter_em * st.size * (w.len() as f64)
}

/// Draw `t` with its top-left corner at (`x0`, `y0`).
pub fn draw_table(cv: &mut Canvas, t: &Logical, st: &TableStyle, x0: f64, y0: f64) -> Drawn {
    draw_table_in(cv, t, st, x0, y0, &column_widths(t, st))
}

/// The column widths of `t` drawn in `st` (content, without gutters).
pub fn widths(t: &Logical, st: &TableStyle) -> Vec<f64> {
    column_widths(t, st)
}

/// Draw `t` with the column widths `w` (those of the whole table when `t` is the part of it
/// continued on another page).
pub fn draw_table_in(cv: &mut Canvas, t: &Logical, st: &TableStyle, x0: f64, y0: f64, w: &[f64]) -> Drawn {
    let (face, size) = (st.face, st.size);
    let w = w.to_vec();
    let n = w.len();
    let gut = st.gutter_em * size;
    let lh = size * st.leading;
    let pad = st.row_pad * size;
    // Column content lefts; boundaries halfway through the gutters, outer ones half a gutter out.
    let mut left = Vec::with_capacity(n);
    let mut x = x0 + gut / 2.0;
    for &cw in &w {
        left.push(x);
        x += cw + gut;
    }
    let mut bounds: Vec<f64> = left.iter().map(|l| l - gut / 2.0).collect();
    bounds.push(x - gut / 2.0);

    // Header: lines per cell, row heights (rows of span 1 first, then spans widen their last row).
    let hn = t.header.len();
    let span_w = |c: usize, span: usize| left[c + span - 1] + w[c + span - 1] - left[c];
    let mut hlines: Vec<Vec<Option<Vec<String>>>> = t
        .header
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(c, cell)| {
                    cell.as_ref()
                        .map(|cell| wrap(&cell.text, face, size, span_w(c, cell.col_span)))
                })
                .collect()
        })
        .collect();
    let mut hrows = vec![1usize; hn];
    for (r, row) in t.header.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let (Some(cell), Some(lines)) = (cell, &hlines[r][c])
                && cell.row_span == 1 {
                    hrows[r] = hrows[r].max(lines.len());
                }
        }
    }
    for (r, row) in t.header.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let (Some(cell), Some(lines)) = (cell, &hlines[r][c]) {
                let have: usize = hrows[r..r + cell.row_span].iter().sum();
                if lines.len() > have {
                    hrows[r + cell.row_span - 1] += lines.len() - have;
                }
            }
        }
    }
    // Body: lines per cell.
    let blines: Vec<Vec<Vec<String>>> = t
        .body
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(c, cell)| {
                    if t.kinds[c] == ColKind::Text {
                        wrap(&cell.text, face, size, w[c])
                    } else {
                        vec![cell.text.clone()]
                    }
                })
                .collect()
        })
        .collect();
    let brows: Vec<usize> = blines
        .iter()
        .map(|r| r.iter().map(|l| l.len()).max().unwrap_or(1))
        .collect();
    let max_lines = t
        .body
        .iter()
        .zip(&blines)
        .flat_map(|(_, r)| {
            r.iter()
                .enumerate()
                .filter(|(c, _)| t.kinds[*c] == ColKind::Text)
                .map(|(_, l)| l.len())
        })
        .max()
        .unwrap_or(1);

    // Row tops (a group gap is blank space above a row's text, inside its top).
    let gap_before = |i: usize| {
        let grouped = t.roles.iter().any(|&r| r != RowRole::Leaf);
        let starts_group = if grouped { t.roles[i] != RowRole::Leaf } else { i.is_multiple_of(5) };
        if st.group_gap > 0.0 && i > 0 && starts_group { st.group_gap * (lh + 2.0 * pad) } else { 0.0 }
    };
    let gaps: Vec<f64> = (0..hn).map(|_| 0.0).chain((0..brows.len()).map(gap_before)).collect();
    let heights: Vec<f64> = hrows
        .iter()
        .chain(&brows)
        .map(|&k| k as f64 * lh + 2.0 * pad)
        .collect();
    let mut tops = vec![y0];
    for (h, g) in heights.iter().zip(&gaps) {
        tops.push(tops.last().copied().unwrap_or(y0) + h + g);
    }
    let ascent = 0.8 * size + (lh - size) / 2.0;

    // Header text: centred both ways in its span.
    for (r, row) in t.header.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (Some(cell), Some(lines)) = (cell, hlines[r][c].take()) else {
                continue;
            };
            let (top, bottom) = (tops[r], tops[r + cell.row_span]);
            let block = lines.len() as f64 * lh;
            let first = top + ((bottom - top) - block) / 2.0 + ascent;
            let (l, cw) = (left[c], span_w(c, cell.col_span));
            for (k, line) in lines.iter().enumerate() {
                let tw = text_width(face, size, line);
                cv.text(
                    line,
                    l + (cw - tw) / 2.0,
                    first + k as f64 * lh,
                    size,
                    st.header_bold,
                );
            }
        }
    }
    // Body text.
    for (i, row) in blines.iter().enumerate() {
        let r = hn + i;
        let bold = t.roles[i] != RowRole::Leaf;
        for (c, lines) in row.iter().enumerate() {
            let k = lines.len();
            let spare = (brows[i] - k) as f64 * lh;
            let off = match st.valign {
                VAlign::Top => 0.0,
                VAlign::Center => spare / 2.0,
                VAlign::Bottom => spare,
            };
            for (j, line) in lines.iter().enumerate() {
                let tw = text_width(face, size, line);
                let x = match t.kinds[c] {
                    ColKind::Text | ColKind::Code => left[c],
                    ColKind::Index => left[c] + (w[c] - tw) / 2.0,
                    ColKind::Amount | ColKind::Percent => left[c] + w[c] - tw,
                };
                let y = tops[r] + gaps[r] + pad + off + ascent + j as f64 * lh;
                cv.text(line, x, y, size, bold);
                // Leaders after the label's line that the row's values sit on (none when they
                // sit between two of its lines), a space after it, up to half an em before the
                // column's edge.
                let value_line = match st.valign {
                    VAlign::Top => Some(0),
                    VAlign::Center => ((k - 1) % 2 == 0).then_some((k - 1) / 2),
                    VAlign::Bottom => Some(k - 1),
                };
                if st.leaders && !line.trim().is_empty() && Some(j) == value_line && Some(c) == t.kinds.iter().position(|&kind| kind == ColKind::Text) {
                    let dot = text_width(face, size, ". ");
                    let from = x + tw + text_width(face, size, " ");
                    let n = ((left[c] + w[c] - 0.5 * size - from) / dot).floor();
                    if n >= 4.0 {
                        cv.text(&". ".repeat(n as usize), from, y, size, false);
                    }
                }
            }
        }
    }
    rules(cv, t, st, &bounds, &tops);
    if st.underlines {
        underlines(cv, t, &left, &w, &tops, &gaps, lh, pad);
    }
    Drawn {
        bbox: [bounds[0], y0, bounds[n], tops[tops.len() - 1]],
        max_lines,
        gapped: gaps.iter().any(|&g| g > 0.0),
    }
}

/// Grid position → index of the cell covering it (header spans; body cells are 1×1).
fn cover_map(t: &Logical) -> Vec<Vec<usize>> {
    let n = t.kinds.len();
    let rows = t.header.len() + t.body.len();
    let mut map = vec![vec![usize::MAX; n]; rows];
    let mut id = 0;
    for (r, row) in t.header.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let Some(cell) = cell {
                for rr in r..r + cell.row_span {
                    for cc in c..c + cell.col_span {
                        map[rr][cc] = id;
                    }
                }
                id += 1;
            }
        }
    }
    for row in map.iter_mut().skip(t.header.len()) {
        for v in row.iter_mut() {
            *v = id;
            id += 1;
        }
    }
    map
}

/// Accounting rules: over each amount of a total row that comes after other rows (a rule
/// under the last amounts added), and two under each amount of every total row.
#[allow(clippy::too_many_arguments)]
fn underlines(cv: &mut Canvas, t: &Logical, left: &[f64], w: &[f64], tops: &[f64], gaps: &[f64], lh: f64, pad: f64) {
    let hn = t.header.len();
    for (i, row) in t.body.iter().enumerate() {
        if t.roles[i] != RowRole::Total {
            continue;
        }
        let r = hn + i;
        let text_top = tops[r] + gaps[r] + pad;
        let text_bottom = tops[r + 1] - pad;
        for (c, cell) in row.iter().enumerate() {
            if !matches!(t.kinds[c], ColKind::Amount) || cell.text.trim().is_empty() {
                continue;
            }
            let (x0, x1) = (left[c], left[c] + w[c]);
            if i > 0 {
                cv.hline(text_top - 0.1 * lh, x0, x1);
            }
            cv.hline(text_bottom + 0.05 * lh, x0, x1);
            cv.hline(text_bottom + 0.15 * lh, x0, x1);
        }
    }
}

fn rules(cv: &mut Canvas, t: &Logical, st: &TableStyle, bounds: &[f64], tops: &[f64]) {
    let (xl, xr) = (bounds[0], bounds[bounds.len() - 1]);
    let (yt, yb) = (tops[0], tops[tops.len() - 1]);
    let hn = t.header.len();
    match st.rules {
        Rules::None => {}
        Rules::Shaded => {
            for i in (1..t.body.len()).step_by(2) {
                cv.fills.push(super::canvas::Fill {
                    bbox: [xl, tops[hn + i], xr, tops[hn + i + 1]],
                });
            }
        }
        Rules::TopBottom => {
            cv.hline(yt, xl, xr);
            cv.hline(yb, xl, xr);
        }
        Rules::Box => {
            cv.hline(yt, xl, xr);
            cv.hline(tops[hn], xl, xr);
            cv.hline(yb, xl, xr);
            cv.vline(xl, yt, yb);
            cv.vline(xr, yt, yb);
        }
        Rules::Booktabs => {
            cv.hline(yt, xl, xr);
            cv.hline(tops[hn], xl, xr);
            cv.hline(yb, xl, xr);
            for (r, row) in t.header.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    if let Some(cell) = cell
                        && cell.col_span > 1 && r + cell.row_span < hn {
                            cv.hline(
                                tops[r + cell.row_span],
                                bounds[c] + 2.0,
                                bounds[c + cell.col_span] - 2.0,
                            );
                        }
                }
            }
        }
        Rules::Horizontal | Rules::Grid | Rules::Frame => {
            let map = cover_map(t);
            let rows = map.len();
            let n = bounds.len() - 1;
            // Horizontal boundaries between rows r-1 and r, per column.
            for r in 0..=rows {
                let mut c = 0;
                while c < n {
                    let cut = |c: usize| r == 0 || r == rows || map[r - 1][c] != map[r][c];
                    if cut(c) {
                        let start = c;
                        while c < n && cut(c) {
                            c += 1;
                        }
                        cv.hline(tops[r], bounds[start], bounds[c]);
                    } else {
                        c += 1;
                    }
                }
            }
            // Verticals: every column boundary in a grid; in a frame, the outer ones and the
            // one after the stub column. Neither crosses a cell spanning it.
            let verticals: Vec<usize> = if st.rules == Rules::Grid { (0..=n).collect() } else if st.rules == Rules::Frame { vec![0, 1, n] } else { Vec::new() };
            for c in verticals {
                let mut r = 0;
                while r < rows {
                    let cut = |r: usize| c == 0 || c == n || map[r][c - 1] != map[r][c];
                    if cut(r) {
                        let start = r;
                        while r < rows && cut(r) {
                            r += 1;
                        }
                        cv.vline(bounds[c], tops[start], tops[r]);
                    } else {
                        r += 1;
                    }
                }
            }
        }
    }
}
