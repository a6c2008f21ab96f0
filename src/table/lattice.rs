//! Ruled tables: glyphs placed into the cells of a [`RulingGrid`].

use super::cell_text::cell_text;
use super::config::TableConfig;
use super::stream::chunks_of;
use crate::layout::{build_lines_from, join_pieces};
use super::model::{Method, PageTable, TableCell, TableRow};
use super::ruling_grid::RulingGrid;
use crate::layout::LayoutConfig;
use crate::pdf::Glyph;

/// Index of the interval of `bounds` holding `x` (None outside).
fn slot(bounds: &[f64], x: f64) -> Option<usize> {
    if bounds.len() < 2 || x < bounds[0] || x > bounds[bounds.len() - 1] {
        return None;
    }
    let i = bounds.partition_point(|&b| b <= x);
    Some(i.saturating_sub(1).min(bounds.len() - 2))
}

/// Build the page table of a grid. Returns the table and, per glyph index, whether the glyph
/// was used (so that the stream stage does not read it again).
pub fn table_from_grid(page: usize, grid: &RulingGrid, glyphs: &[&Glyph], cfg: &TableConfig, layout: &LayoutConfig) -> (PageTable, Vec<usize>) {
    let (nr, nc) = (grid.ys.len() - 1, grid.xs.len() - 1);
    // Map each grid position to the cell that owns it.
    let mut owner = vec![usize::MAX; nr * nc];
    for (k, c) in grid.cells.iter().enumerate() {
        for r in c.row..c.row + c.row_span {
            for col in c.col..c.col + c.col_span {
                owner[r * nc + col] = k;
            }
        }
    }
    let mut per_cell: Vec<Vec<&Glyph>> = vec![Vec::new(); grid.cells.len()];
    let mut used = Vec::new();
    for (i, g) in glyphs.iter().enumerate() {
        let (x, y) = (g.bbox.center_x(), (g.bbox.y0 + g.bbox.y1) / 2.0);
        if let (Some(c), Some(r)) = (slot(&grid.xs, x), slot(&grid.ys, y)) {
            let k = owner[r * nc + c];
            if k != usize::MAX {
                per_cell[k].push(*g);
                used.push(i);
            }
        }
    }
    let mut rows: Vec<TableRow> = (0..nr)
        .map(|r| TableRow { page, top: grid.ys[r], bottom: grid.ys[r + 1], cells: vec![TableCell::blank(); nc], label: None, level: None })
        .collect();
    for (k, c) in grid.cells.iter().enumerate() {
        for r in c.row..c.row + c.row_span {
            for col in c.col..c.col + c.col_span {
                rows[r].cells[col] = TableCell::covered();
            }
        }
        if c.col_span > 1
            && c.row_span == 1
            && let Some(parts) = split_by_columns(&per_cell[k], &grid.xs[c.col..=c.col + c.col_span], cfg, layout)
        {
            // A wide cell whose text sits in separate columns (or groups of columns): the
            // verticals are just not drawn.
            for col in c.col..c.col + c.col_span {
                rows[c.row].cells[col] = TableCell::blank();
            }
            for (first, span, text) in parts {
                rows[c.row].cells[c.col + first] = TableCell { text, row_span: 1, col_span: span, covered: false };
                for k in 1..span {
                    rows[c.row].cells[c.col + first + k] = TableCell::covered();
                }
            }
            continue;
        }
        if c.col_span == 1
            && c.row_span > 1
            && let Some(parts) = split_by_rows(&per_cell[k], &grid.ys[c.row..=c.row + c.row_span], layout)
        {
            // A tall cell whose lines each sit inside one row of the grid: the rules of this
            // column are just not drawn (row labels left of a ruled body).
            for (j, text) in parts.into_iter().enumerate() {
                rows[c.row + j].cells[c.col] = TableCell::new(text);
            }
            continue;
        }
        rows[c.row].cells[c.col] = TableCell {
            text: cell_text(&per_cell[k], layout),
            row_span: c.row_span,
            col_span: c.col_span,
            covered: false,
        };
    }
    // Bands without horizontal rules between their rows: one row per text line.
    let mut split_rows: Vec<TableRow> = Vec::with_capacity(rows.len());
    for (r, row) in rows.into_iter().enumerate() {
        // Only bands that no cell spans into or out of.
        let band_ok = grid.cells.iter().all(|c| c.row + c.row_span <= r || c.row > r || (c.row == r && c.row_span == 1));
        if band_ok {
            let band: Vec<&Glyph> = per_cell
                .iter()
                .zip(&grid.cells)
                .filter(|(_, c)| c.row == r)
                .flat_map(|(g, _)| g.iter().copied())
                .collect();
            if let Some(sub) = split_band(&band, &grid.xs, page, cfg, layout) {
                split_rows.extend(sub);
                continue;
            }
        }
        split_rows.push(row);
    }
    let rows = split_rows;
    let table = PageTable {
        page,
        bbox: grid.bbox,
        method: Method::Ruled,
        column_x: grid.xs.clone(),
        rows,
        lines_above: Vec::new(),
        lines_below: Vec::new(),
        page_furniture: Vec::new(),
    };
    (compact(table), used)
}

/// Column boundaries missing from a grid: inside each grid column, whitespace gaps shared by
/// the text lines that have several chunks there (at least `min_lines` of them, and no line
/// with a chunk across the gap).
pub fn missing_column_bounds(grid: &RulingGrid, glyphs: &[&Glyph], cfg: &TableConfig, layout: &LayoutConfig) -> Vec<f64> {
    let inside: Vec<&Glyph> = glyphs.iter().copied().filter(|g| grid.bbox.contains_point(g.bbox.center_x(), g.bbox.center_y())).collect();
    let lines = build_lines_from(&inside, layout);
    let chunked: Vec<Vec<super::stream::Chunk>> = lines.iter().map(|l| chunks_of(l, cfg)).collect();
    let mut extra = Vec::new();
    for c in 0..grid.xs.len() - 1 {
        let (l, r) = (grid.xs[c], grid.xs[c + 1]);
        let in_col: Vec<Vec<&super::stream::Chunk>> = chunked
            .iter()
            .map(|cs| cs.iter().filter(|ch| ch.bbox.center_x() > l && ch.bbox.center_x() < r).collect::<Vec<_>>())
            .filter(|cs: &Vec<&super::stream::Chunk>| !cs.is_empty())
            .collect();
        let multi = in_col.iter().filter(|cs| cs.len() >= 2).count();
        if multi < cfg.min_stream_rows || multi * 2 < in_col.len() {
            continue;
        }
        // Candidate gaps: between consecutive chunks of multi-chunk lines; keep those that no
        // chunk of any line in this column crosses.
        let mut gaps: Vec<(f64, f64)> = Vec::new();
        for cs in in_col.iter().filter(|cs| cs.len() >= 2) {
            let mut xs: Vec<(f64, f64)> = cs.iter().map(|ch| (ch.bbox.x0, ch.bbox.x1)).collect();
            xs.sort_by(|a, b| a.0.total_cmp(&b.0));
            for w in xs.windows(2) {
                gaps.push((w[0].1, w[1].0));
            }
        }
        let mut found: Vec<f64> = Vec::new();
        for (a, b) in gaps {
            // Narrow the gap to the part free of every chunk in the column.
            let (mut ga, mut gb) = (a, b);
            for ch in in_col.iter().flatten() {
                if ch.bbox.x1 <= ga || ch.bbox.x0 >= gb {
                    continue;
                }
                if ch.bbox.x0 <= ga && ch.bbox.x1 >= gb {
                    gb = ga; // crossed entirely
                    break;
                }
                if ch.bbox.x0 <= ga {
                    ga = ch.bbox.x1;
                } else {
                    gb = gb.min(ch.bbox.x0);
                }
            }
            if gb - ga >= cfg.min_gap_width {
                let mid = (ga + gb) / 2.0;
                if !found.iter().any(|f| (f - mid).abs() < cfg.min_gap_width * 2.0) {
                    found.push(mid);
                }
            }
        }
        extra.extend(found);
    }
    extra
}

/// Rows of a band (one grid row) that holds several rows of the table because the rules
/// between them are not drawn: when some column has values on at least two text lines, each
/// line is a row (wrapped labels joined as in unruled tables). None otherwise.
fn split_band(glyphs: &[&Glyph], xs: &[f64], page: usize, cfg: &TableConfig, layout: &LayoutConfig) -> Option<Vec<TableRow>> {
    let lines = build_lines_from(glyphs, layout);
    if lines.len() < 2 || lines.iter().any(|l| !l.upright) {
        return None;
    }
    let n = xs.len() - 1;
    let placed: Vec<Vec<(usize, String)>> = lines
        .iter()
        .map(|l| {
            chunks_of(l, cfg)
                .into_iter()
                .filter_map(|ch| slot(xs, ch.bbox.x0 + 0.5).map(|c| (c, ch.text)))
                .collect()
        })
        .collect();
    let value_lines_per_col = (0..n)
        .map(|c| placed.iter().filter(|p| p.iter().any(|(col, t)| *col == c && crate::text::is_value_like(t))).count())
        .max()
        .unwrap_or(0);
    if value_lines_per_col < 2 {
        return None;
    }
    let mut rows: Vec<TableRow> = Vec::new();
    for (line, cells) in lines.iter().zip(placed) {
        let mut row = TableRow { page, top: line.bbox.y0, bottom: line.bbox.y1, cells: vec![TableCell::blank(); n], label: None, level: None };
        for (c, t) in cells {
            row.cells[c].text = join_pieces([row.cells[c].text.as_str(), t.as_str()]);
        }
        rows.push(row);
    }
    // Wrapped labels join their rows as in unruled tables.
    Some(super::stream::merge_wrapped_lines(rows, cfg))
}

/// Text per row of a cell spanning the rows between `ys`, when its text lines each lie inside
/// one row and at least three rows get text; None when the text reads as one tall cell (lines
/// of a wrapped paragraph do not keep to the rows' pitch).
fn split_by_rows(glyphs: &[&Glyph], ys: &[f64], layout: &LayoutConfig) -> Option<Vec<String>> {
    let n = ys.len() - 1;
    let mut parts: Vec<Vec<&Glyph>> = vec![Vec::new(); n];
    for line in build_lines_from(glyphs, layout) {
        let tol = 0.15 * line.bbox.height();
        let r = slot(ys, (line.bbox.y0 + line.bbox.y1) / 2.0)?;
        if line.bbox.y0 < ys[r] - tol || line.bbox.y1 > ys[r + 1] + tol || !line.upright {
            return None;
        }
        if !parts[r].is_empty() {
            return None;
        }
        parts[r] = glyphs.iter().copied().filter(|g| g.bbox.center_y() >= line.bbox.y0 && g.bbox.center_y() <= line.bbox.y1).collect();
    }
    if parts.iter().filter(|p| !p.is_empty()).count() < 3 {
        return None;
    }
    Some(parts.iter().map(|p| cell_text(p, layout)).collect())
}

/// Text per column group of a cell spanning the columns between `xs`, when its text falls
/// apart into chunks over at least two separate groups of columns: (first column, columns
/// spanned, text) per group. A chunk may span several columns (a date centred over its
/// "$000's | %" pair); chunks whose column ranges overlap without being equal mean the text
/// spans the cell: None.
fn split_by_columns(glyphs: &[&Glyph], xs: &[f64], cfg: &TableConfig, layout: &LayoutConfig) -> Option<Vec<(usize, usize, String)>> {
    let mut groups: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for line in build_lines_from(glyphs, layout) {
        for ch in chunks_of(&line, cfg) {
            let a = slot(xs, ch.bbox.x0 + 0.5)?;
            let b = slot(xs, ch.bbox.x1 - 0.5)?;
            match groups.iter_mut().find(|(ga, gb, _)| *ga <= b && a <= *gb) {
                Some((ga, gb, texts)) if *ga == a && *gb == b => texts.push(ch.text),
                Some(_) => return None,
                None => groups.push((a, b, vec![ch.text])),
            }
        }
    }
    if groups.len() < 2 {
        return None;
    }
    groups.sort_by_key(|g| g.0);
    Some(groups.into_iter().map(|(a, b, texts)| (a, b - a + 1, join_pieces(texts.iter().map(String::as_str)))).collect())
}

/// Remove grid rows and columns in which no cell starts with text (double rules, thin
/// decorative strips), shrinking the spans that cross them.
pub fn compact(mut t: PageTable) -> PageTable {
    let nc = t.n_cols();
    // Columns: keep a column if any non-covered cell anchored in it has text.
    let keep_col: Vec<bool> = (0..nc)
        .map(|c| t.rows.iter().any(|r| !r.cells[c].covered && !r.cells[c].text.trim().is_empty()))
        .collect();
    if keep_col.iter().any(|k| !k) && keep_col.iter().any(|k| *k) {
        for row in &mut t.rows {
            // Spans crossing a dropped column shrink by one.
            for c in 0..nc {
                if !keep_col[c] {
                    // Find the anchor covering (row, c) in this row, if it lies to the left.
                    let mut a = c;
                    while a > 0 && row.cells[a].covered {
                        a -= 1;
                    }
                    if a < c && !row.cells[a].covered && a + row.cells[a].col_span > c {
                        row.cells[a].col_span -= 1;
                    } else if a == c && !row.cells[c].covered && row.cells[c].col_span > 1 && c + 1 < nc {
                        // An empty anchor in a dropped column hands its span to the next one.
                        let span = row.cells[c].col_span - 1;
                        let rs = row.cells[c].row_span;
                        row.cells[c + 1] = TableCell { text: std::mem::take(&mut row.cells[c].text), row_span: rs, col_span: span, covered: false };
                    }
                }
            }
            let mut k = 0;
            row.cells.retain(|_| {
                let keep = keep_col[k];
                k += 1;
                keep
            });
        }
        let mut xs = vec![t.column_x[0]];
        for c in 0..nc {
            if keep_col[c] {
                xs.push(t.column_x[c + 1]);
            } else if let Some(last) = xs.last_mut() {
                *last = t.column_x[c + 1];
            }
        }
        t.column_x = xs;
    }
    // Rows: drop a row when every cell in it is blank or covered; row spans crossing it shrink.
    let nc = t.n_cols();
    let mut r = 0;
    while r < t.rows.len() {
        if t.rows[r].cells.iter().all(|c| c.covered || c.text.trim().is_empty()) && t.rows.len() > 1 {
            // Shrink row spans of anchors above that cover this row; hand anchors' spans down.
            for c in 0..nc {
                if t.rows[r].cells[c].covered {
                    let mut a = r;
                    while a > 0 && t.rows[a].cells[c].covered {
                        a -= 1;
                    }
                    if !t.rows[a].cells[c].covered && a + t.rows[a].cells[c].row_span > r && t.rows[a].cells[c].row_span > 1 {
                        t.rows[a].cells[c].row_span -= 1;
                    }
                } else if t.rows[r].cells[c].row_span > 1 && r + 1 < t.rows.len() {
                    let cell = t.rows[r].cells[c].clone();
                    t.rows[r + 1].cells[c] = TableCell { row_span: cell.row_span - 1, ..cell };
                }
            }
            let bottom = t.rows[r].bottom;
            if r > 0 {
                t.rows[r - 1].bottom = bottom;
            }
            t.rows.remove(r);
        } else {
            r += 1;
        }
    }
    t
}

#[cfg(test)]
#[path = "lattice_tests.rs"]
mod tests;
