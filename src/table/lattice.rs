//! Ruled tables: glyphs placed into the cells of a [`RulingGrid`]. In: a grid and the page's
//! glyphs. Out: the page table (wide and tall cells split where rules are missing, rule-less
//! bands split per text line, empty strips compacted) and the indices of the glyphs it used.

use super::cell_split::{split_band, split_by_columns, split_by_rows};
use super::cell_text::text_of_lines;
use super::chunk::{BlockSpacing, Chunk, chunks_of, fine_chunks};
use super::config::TableConfig;
use super::grid_compact::compact;
use super::header::{lift_lone_captions, move_wrapped_caption_ends};
use super::header_cell_levels::header_levels;
use super::model::{Method, PageTable, TableCell, TableRow};
use super::ruling_grid::{RulingGrid, slot};
use crate::layout::{LayoutConfig, build_lines_from};
use crate::pdf::Glyph;

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
    // Per grid row: the header levels its wide cells hold, (first column, levels).
    let mut levels_in_row: Vec<Vec<(usize, Levels)>> = vec![Vec::new(); nr];
    // Grid rows (first, count) whose wide cell holds one header level per row.
    let mut level_bands: Vec<(usize, usize)> = Vec::new();
    // The word spacing of all the grid's lines (where text columns start in every row), and the
    // boundaries before columns in which some chunk of text starts: only there may a wide
    // cell's text be cut between words (a boundary found inside a grid column and left empty
    // by every row is no edge of a sentence's words).
    let grid_glyphs: Vec<&Glyph> = per_cell.iter().flatten().copied().collect();
    let grid_lines = build_lines_from(&grid_glyphs, layout);
    let spacing = BlockSpacing::of(grid_lines.iter(), cfg);
    // (Header lines above the first line of values count at their cell edges: captions set a
    // narrow gutter apart, "Estimate Remarks" over a remarks column the body leaves blank.)
    let coarse: Vec<Vec<Chunk>> = grid_lines.iter().map(|l| chunks_of(l, cfg)).collect();
    let first_valued = coarse.iter().position(|cs| cs.iter().any(|c| super::header::is_value_cell(&c.text))).unwrap_or(0);
    let x0s = |cs: &[Chunk]| cs.iter().map(|ch| ch.bbox.x0).collect::<Vec<f64>>();
    let left_edges: Vec<f64> =
        coarse.iter().enumerate().flat_map(|(k, cs)| if k < first_valued { x0s(&fine_chunks(&grid_lines[k], cfg, Some(&spacing))) } else { x0s(cs) }).collect();
    let starts_in: Vec<bool> = {
        let mut v = vec![false; nc];
        for x in &left_edges {
            if let Some(c) = slot(&grid.xs, x + cfg.lattice.edge_inset) {
                v[c] = true;
            }
        }
        v
    };
    let drawn = grid.drawn_column_boundaries();
    let text_cuts: Vec<f64> = (1..nc).filter(|&c| starts_in[c]).map(|c| grid.xs[c]).collect();
    let mut rows: Vec<TableRow> = (0..nr)
        .map(|r| TableRow::new(page, grid.ys[r], grid.ys[r + 1], vec![TableCell::blank(); nc]))
        .collect();
    for (k, c) in grid.cells.iter().enumerate() {
        for row in rows.iter_mut().skip(c.row).take(c.row_span) {
            for cell in row.cells.iter_mut().skip(c.col).take(c.col_span) {
                *cell = TableCell::covered();
            }
        }
        // The cell's text lines, built once from its glyphs (for the splits and its text).
        let lines = build_lines_from(&per_cell[k], layout);
        if c.col_span > 1
            && let Some(levels) = header_levels(&lines, &grid.xs[c.col..=c.col + c.col_span], (c.row_span > 1).then_some(c.row_span), &spacing, cfg)
        {
            if c.row_span == 1 {
                // A wide cell holding a header of several levels (tried before splitting by
                // columns, which reads a group caption as the first words of a sub-caption):
                // the rows between the levels are split off below with the grid row.
                levels_in_row[c.row].push((c.col, levels));
                continue;
            }
            if c.row_span == levels.len() {
                // Rules under the spanning captions only (the cell's rows are levels where
                // they are drawn): one level per row of the grid.
                for (k, level) in levels.into_iter().enumerate() {
                    place_level(&mut rows[c.row + k], c.col, c.col_span, level);
                }
                level_bands.push((c.row, c.row_span));
                continue;
            }
        }
        if c.col_span > 1
            && c.row_span == 1
            && let Some(parts) = split_by_columns(&lines, &grid.xs[c.col..=c.col + c.col_span], &text_cuts, (!drawn[c.col..c.col + c.col_span - 1].contains(&true)).then_some(&left_edges[..]), &spacing, cfg)
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
            && let Some(parts) = split_by_rows(&per_cell[k], &lines, &grid.ys[c.row..=c.row + c.row_span], cfg, layout)
        {
            // A tall cell whose lines each sit inside one row of the grid: the rules of this
            // column are just not drawn (row labels left of a ruled body).
            for (j, text) in parts.into_iter().enumerate() {
                rows[c.row + j].cells[c.col] = TableCell::new(text);
            }
            continue;
        }
        rows[c.row].cells[c.col] = TableCell {
            text: text_of_lines(&lines),
            row_span: c.row_span,
            col_span: c.col_span,
            covered: false,
        };
    }
    for (first, count) in level_bands {
        settle_levels(&mut rows[first..first + count], cfg);
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
            if !levels_in_row[r].is_empty() {
                split_rows.extend(header_level_rows(row, &levels_in_row[r], cfg));
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
        header_rows: 0,
        lines_above: Vec::new(),
        lines_below: Vec::new(),
        page_furniture: Vec::new(),
        continuation_only: false,
        head_only: false,
    };
    (compact(table), used)
}

/// Header levels of one wide cell: per level, (first column, columns spanned, text), columns
/// counted from the cell's first column.
type Levels = Vec<Vec<(usize, usize, String)>>;

/// The rows of a grid row whose wide cells hold headers of several levels: the first row keeps
/// the grid row's other cells and each wide cell's top level, the rows below hold the lower
/// levels; a column's only caption (its wrapped end joined) is read at the top, as a merged
/// cell's is.
fn header_level_rows(row: TableRow, cells_levels: &[(usize, Levels)], cfg: &TableConfig) -> Vec<TableRow> {
    let n = cells_levels.iter().map(|(_, l)| l.len()).max().unwrap_or(1);
    let height = (row.bottom - row.top) / n as f64;
    let mut out: Vec<TableRow> = (0..n)
        .map(|k| {
            let mut r = if k == 0 { row.clone() } else { TableRow::new(row.page, row.top, row.bottom, vec![TableCell::blank(); row.cells.len()]) };
            r.top = row.top + height * k as f64;
            r.bottom = r.top + height;
            r
        })
        .collect();
    for (col, levels) in cells_levels {
        let width = levels.iter().flatten().map(|(a, span, _)| a + span).max().unwrap_or(0);
        for (k, r) in out.iter_mut().enumerate() {
            place_level(r, *col, width, levels.get(k).cloned().unwrap_or_default());
        }
    }
    settle_levels(&mut out, cfg);
    out
}

/// Header rows made of a wide cell's levels, settled as an unruled header's are: a caption's
/// wrapped end ("(%)" on the line of the years) joins it, then a column's only caption is read
/// at the top, spanning the rows.
fn settle_levels(rows: &mut [TableRow], cfg: &TableConfig) {
    let n = rows.len();
    move_wrapped_caption_ends(rows, n, &cfg.header);
    lift_lone_captions(rows, n);
}

/// Put one header level into the `width` columns of `row` from `col`: (first column from
/// `col`, columns spanned, text) per caption, blank cells between them.
fn place_level(row: &mut TableRow, col: usize, width: usize, level: Vec<(usize, usize, String)>) {
    for cell in row.cells.iter_mut().skip(col).take(width) {
        *cell = TableCell::blank();
    }
    for (a, span, text) in level {
        row.cells[col + a] = TableCell { text, row_span: 1, col_span: span, covered: false };
        for x in row.cells.iter_mut().skip(col + a + 1).take(span - 1) {
            *x = TableCell::covered();
        }
    }
}

#[cfg(test)]
#[path = "lattice_tests.rs"]
mod tests;
