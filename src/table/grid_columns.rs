//! Column boundaries a ruled grid lacks. In: a grid and the page's glyphs. Out: the x of
//! whitespace gaps that the text lines inside a grid column share (vertical rules that are just
//! not drawn).

use super::chunk::{BlockSpacing, Chunk, ChunkedLine, chunks_of, fine_chunks, is_amount, with_notes_joined};
use super::stream_columns::{column_bounds, names_a_column, prune_thin_columns};
use super::config::TableConfig;
use super::ruling_grid::RulingGrid;
use crate::layout::{LayoutConfig, TextLine, build_lines_from};
use crate::pdf::Glyph;

/// Column boundaries missing from a grid: inside each grid column whose lines mostly have
/// several chunks there (at least `min_grid_column_lines` of them), or where that many lines hold
/// values beside text, the column boundaries those lines show as an unruled table
/// ([`column_bounds`]).
pub fn missing_column_bounds(grid: &RulingGrid, glyphs: &[&Glyph], cfg: &TableConfig, layout: &LayoutConfig) -> Vec<f64> {
    let inside: Vec<&Glyph> = glyphs.iter().copied().filter(|g| grid.bbox.contains_point(g.bbox.center_x(), g.bbox.center_y())).collect();
    // Lines of the grid's own glyphs, not the page's lines clipped to the grid: page lines run
    // on beside the grid, and baselines and word gaps are found over all of a line's glyphs.
    let lines = build_lines_from(&inside, layout);
    // Lines are split at their cell edges, as in an unruled table: a narrow gutter leaves a
    // label and its amounts, an amount and its remark ("61 493 527 carried over") or two
    // captions ("Budget 2025 Current") in one chunk. Not so a line of text alone that runs
    // across a drawn column boundary: a title across the grid ("Table 5: outlay 2012-13 (Rs.
    // in 000)") is no row of cells. (A note after an amount, "38 (24.7%)", sits in the
    // amount's column.)
    let spacing = BlockSpacing::of(lines.iter(), cfg);
    let chunked: Vec<LineChunks> = lines.iter().map(|l| LineChunks::new(chunks_of(l, cfg), with_notes_joined(fine_chunks(l, cfg, Some(&spacing))), cfg)).collect();
    let mut extra = Vec::new();
    for c in 0..grid.xs.len() - 1 {
        let (l, r) = (grid.xs[c], grid.xs[c + 1]);
        let in_col: Vec<(&TextLine, Vec<&Chunk>)> = lines
            .iter()
            .zip(&chunked)
            .map(|(line, cs)| (line, cs.in_column(l, r, cfg).iter().filter(|ch| ch.bbox.center_x() > l && ch.bbox.center_x() < r).collect::<Vec<_>>()))
            .filter(|(_, cs)| !cs.is_empty())
            .collect();
        // Lines of several chunks show the columns: most of the lines, or (labels wrapped
        // around their values, remarks after a few values) at least `min_grid_column_lines`
        // lines with values, or a header caption set wholly right of the column's values that
        // names a column of its own (a remarks column filled in a row or two).
        let multi = in_col.iter().filter(|(_, cs)| cs.len() >= 2).count();
        // (Values beside text: after it, or before a remark; a row marker before its label is
        // no value.)
        let value = |c: &Chunk| super::header::is_value_cell(&c.text);
        let valued = in_col.iter().filter(|(_, cs)| cs.len() >= 2 && (cs.iter().skip(1).any(|c| value(c)) || (value(cs[0]) && !crate::text::is_row_marker(&cs[0].text)))).count();
        let values_right = in_col.iter().flat_map(|(_, cs)| cs.iter()).filter(|c| value(c)).map(|c| c.bbox.x1).fold(f64::NEG_INFINITY, f64::max);
        // (Only where the column has values: a caption right of nothing names nothing.)
        let first_valued = in_col.iter().position(|(_, cs)| cs.iter().any(|c| value(c))).unwrap_or(0);
        let named = in_col[..first_valued].iter().any(|(_, cs)| cs.len() >= 2 && cs.last().is_some_and(|c| c.bbox.x0 > values_right && names_a_column(&c.text)));
        if multi < cfg.min_grid_column_lines || (multi * 2 < in_col.len() && !named && valued < cfg.min_grid_column_lines) {
            continue;
        }
        // The column's lines as an unruled table of their own: their shared gaps, where
        // captions over sub-columns and a title across the grid do not close a gap the
        // body's values leave open.
        let lines: Vec<ChunkedLine<'_>> = in_col.iter().map(|(line, cs)| ChunkedLine { line, chunks: cs.iter().map(|&c| c.clone()).collect() }).collect();
        let refs: Vec<&ChunkedLine<'_>> = lines.iter().collect();
        let bounds = prune_thin_columns(column_bounds(&refs, l, r, cfg), &refs, &cfg.stream);
        let found = &bounds[1..bounds.len() - 1];
        extra.extend(found);
    }
    extra
}

/// A line's chunks: `coarse` (cut at the column gap) and `fine` (also cut at its cell edges).
struct LineChunks {
    coarse: Vec<Chunk>,
    fine: Vec<Chunk>,
    /// The line shows cells wherever it lies: it has several chunks, or an amount.
    cells_anywhere: bool,
}

impl LineChunks {
    fn new(coarse: Vec<Chunk>, fine: Vec<Chunk>, cfg: &TableConfig) -> Self {
        let cells_anywhere = coarse.len() >= 2 || fine.iter().any(|c| is_amount(&c.text, cfg));
        LineChunks { coarse, fine, cells_anywhere }
    }

    /// The chunks the line shows inside the grid column from `l` to `r`: its fine chunks,
    /// unless it is one chunk of text that runs across a drawn boundary of the column, a title
    /// across the grid.
    fn in_column(&self, l: f64, r: f64, cfg: &TableConfig) -> &[Chunk] {
        let crosses = || self.coarse.iter().any(|ch| (ch.bbox.x0 < l - cfg.position_slack && ch.bbox.x1 > l) || (ch.bbox.x1 > r + cfg.position_slack && ch.bbox.x0 < r));
        if self.cells_anywhere || !crosses() { &self.fine } else { &self.coarse }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::{Orientation, Ruling};
    use crate::table::config::GridConfig;
    use crate::table::ruling_grid::find_grids;
    use crate::table::test_glyphs::text_at;

    /// Rows of a label at x = 2 and the amounts 47,824 | 9,967 | 1,275 at x = 100, 170, 250,
    /// one per label, 12 pt apart from `top`.
    fn amount_rows(labels: &[&str], top: f64) -> Vec<Glyph> {
        let mut g = Vec::new();
        for (k, label) in labels.iter().enumerate() {
            let y = top + 12.0 * k as f64;
            g.extend(text_at(label, 2.0, y));
            g.extend(["47,824", "9,967", "1,275"].iter().zip([100.0, 170.0, 250.0]).flat_map(|(t, x)| text_at(t, x, y)));
        }
        g
    }

    /// A grid 300 pt wide of `rows` rows ruled 12 pt apart, with vertical rules at 0, 80
    /// (after the labels) and 300 only.
    fn rows_ruled_apart(rows: u32) -> RulingGrid {
        let height = 12.0 * f64::from(rows);
        let h = |y: f64| Ruling { orientation: Orientation::Horizontal, pos: y, start: 0.0, end: 300.0 };
        let v = |x: f64| Ruling { orientation: Orientation::Vertical, pos: x, start: 0.0, end: height };
        let mut rulings: Vec<Ruling> = (0..=rows).map(|k| h(12.0 * f64::from(k))).collect();
        rulings.extend([v(0.0), v(80.0), v(300.0)]);
        let mut grids = find_grids(&rulings, 1.0, &GridConfig::default());
        assert_eq!(grids.len(), 1);
        grids.remove(0)
    }

    #[test]
    fn amount_columns_without_rules_are_found_under_a_title_and_group_captions() {
        // Rows ruled 12 pt apart, one vertical rule after the labels: the amount columns are
        // set apart by white space only. A title runs across the grid's first row and a
        // group caption ("Revenue") over the first two amount columns reaches into their gap.
        let grid = rows_ruled_apart(7);
        let mut g = text_at("Table 5: Public health outlay 2012-13 (Rs. in 000)", 60.0, 9.0);
        g.extend(text_at("Revenue", 110.0, 21.0));
        g.extend(text_at("Capital", 240.0, 21.0));
        g.extend(["Medical", "Family", "Total"].iter().zip([90.0, 160.0, 240.0]).flat_map(|(t, x)| text_at(t, x, 33.0)));
        g.extend(amount_rows(&["Assam", "Bihar", "Delhi", "Goa"], 45.0));
        let refs: Vec<&Glyph> = g.iter().collect();
        let found = missing_column_bounds(&grid, &refs, &TableConfig::default(), &LayoutConfig::default());
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0] > 124.0 && found[0] < 160.0, "{found:?}");
        assert!(found[1] > 190.0 && found[1] < 240.0, "{found:?}");
    }

    #[test]
    fn labels_wrapped_around_their_amounts_still_show_the_columns() {
        // Codes left of the one vertical rule; each name wraps over three lines with its
        // amounts on the middle one, set a third of an em (2.7 pt at 8 pt) after the name and
        // apart from each other: most lines of the column are wrapped text.
        let h = |y: f64| Ruling { orientation: Orientation::Horizontal, pos: y, start: 0.0, end: 300.0 };
        let v = |x: f64| Ruling { orientation: Orientation::Vertical, pos: x, start: 0.0, end: 148.0 };
        let mut rulings: Vec<Ruling> = (0..=4).map(|k| h(if k == 0 { 0.0 } else { 12.0 + 34.0 * f64::from(k - 1) })).collect();
        rulings.extend([v(0.0), v(40.0), v(300.0)]);
        let grids = find_grids(&rulings, 1.0, &GridConfig::default());
        assert_eq!(grids.len(), 1);
        let mut g = text_at("Code", 2.0, 9.0);
        for (k, (code, name)) in [("201", "Roads and bridge"), ("205", "Water and sewers"), ("208", "Parks and forest")].iter().enumerate() {
            let top = 12.0 + 34.0 * k as f64;
            g.extend(text_at(code, 2.0, top + 19.0));
            g.extend(text_at("Support for", 44.0, top + 9.0));
            g.extend(text_at(name, 44.0, top + 19.0));
            // The name ends at 108; amounts from 110.7 and 138.7 (five characters each).
            g.extend(text_at("1.200", 110.7, top + 19.0));
            g.extend(text_at("3.400", 138.7, top + 19.0));
            g.extend(text_at("in the district", 44.0, top + 29.0));
        }
        let refs: Vec<&Glyph> = g.iter().collect();
        let found = missing_column_bounds(&grids[0], &refs, &TableConfig::default(), &LayoutConfig::default());
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn two_rows_in_a_box_show_its_columns() {
        // The first page of a continued table: a header and two rows, ruled apart, one vertical
        // rule after the labels.
        let grid = rows_ruled_apart(3);
        // (One caption over the amounts: two lines of several cells.)
        let mut g = text_at("Outlay", 160.0, 9.0);
        g.extend(amount_rows(&["Assam", "Bihar"], 21.0));
        let refs: Vec<&Glyph> = g.iter().collect();
        let found = missing_column_bounds(&grid, &refs, &TableConfig::default(), &LayoutConfig::default());
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn a_remarks_column_named_in_the_header_and_filled_once_shows_its_column() {
        // Amounts in one ruled column, a remark after one of them only; the header names the
        // column ("Remarks") right of every amount.
        let grid = rows_ruled_apart(10);
        let mut g = text_at("Budget 2025", 100.0, 9.0);
        g.extend(text_at("Remarks", 160.0, 9.0));
        for k in 0..9 {
            let y = 21.0 + 12.0 * f64::from(k);
            g.extend(text_at("Health", 2.0, y));
            g.extend(text_at("2.021,07", 112.0, y));
            if k == 4 {
                g.extend(text_at("provisional", 160.0, y));
            }
        }
        let refs: Vec<&Glyph> = g.iter().collect();
        let found = missing_column_bounds(&grid, &refs, &TableConfig::default(), &LayoutConfig::default());
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0] > 144.0 && found[0] < 160.0, "{found:?}");
    }

    #[test]
    fn remarks_a_narrow_gutter_after_their_amounts_show_their_column() {
        // "61 493 527" (grouped with 1.5 pt thin spaces) ends at 135, "carried over" starts
        // 5 pt later (a word space is 4 pt, the column gap 7.2): each such line is one chunk
        // by the column gap alone.
        let grid = rows_ruled_apart(8);
        // (No caption names the remarks; the labels are wrapped, their lines beside no
        // amount.)
        let mut g = text_at("Estimate", 103.0, 9.0);
        for k in 0..7 {
            let y = 21.0 + 12.0 * f64::from(k);
            g.extend(text_at("Health", 2.0, y - 4.5));
            g.extend(text_at("services", 2.0, y + 4.5));
            g.extend([("61", 100.0), ("493", 109.5), ("527", 123.0)].iter().flat_map(|(t, x)| text_at(t, *x, y)));
            if k % 2 == 0 {
                g.extend(text_at("carried over", 140.0, y));
            }
        }
        let refs: Vec<&Glyph> = g.iter().collect();
        let found = missing_column_bounds(&grid, &refs, &TableConfig::default(), &LayoutConfig::default());
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0] > 135.0 && found[0] < 140.0, "{found:?}");
    }

    #[test]
    fn a_line_inside_the_column_is_read_at_its_cell_edges_a_title_across_it_is_not() {
        // CJK captions set tight (2 pt apart: one chunk by the column gap), inside the grid
        // column from 80 to 300: read at their cell edges.
        let cfg = TableConfig::default();
        let mut g = text_at("项目支出", 100.0, 9.0);
        g.extend(text_at("年初预算数", 118.0, 9.0));
        let refs: Vec<&Glyph> = g.iter().collect();
        let lines = build_lines_from(&refs, &LayoutConfig::default());
        let (coarse, fine) = (chunks_of(&lines[0], &cfg), fine_chunks(&lines[0], &cfg, None));
        assert_eq!(coarse.len(), 1);
        assert_eq!(LineChunks::new(coarse, fine, &cfg).in_column(80.0, 300.0, &cfg).len(), 2);
        // A title from 60 across the boundary at 80 stays one chunk.
        let g = text_at("Table 5: Public health outlay 2012-13 (Rs. in 000)", 60.0, 9.0);
        let refs: Vec<&Glyph> = g.iter().collect();
        let lines = build_lines_from(&refs, &LayoutConfig::default());
        let (coarse, fine) = (chunks_of(&lines[0], &cfg), fine_chunks(&lines[0], &cfg, None));
        assert!(fine.len() >= 2, "{fine:?}");
        assert_eq!(LineChunks::new(coarse, fine, &cfg).in_column(80.0, 300.0, &cfg).len(), 1);
    }

    #[test]
    fn remarks_after_the_values_show_their_column() {
        // Amounts with a remark set tight after a few of them, in one ruled column: most lines
        // hold the amount alone.
        let grid = rows_ruled_apart(10);
        let mut g = text_at("Amount", 100.0, 9.0);
        g.extend(text_at("Remarks", 160.0, 9.0));
        for k in 0..9 {
            let y = 21.0 + 12.0 * f64::from(k);
            g.extend(text_at("Health", 2.0, y));
            g.extend(text_at("2.021,07", 100.0, y));
            if k % 4 == 0 {
                g.extend(text_at("provisional", 160.0, y));
            }
        }
        let refs: Vec<&Glyph> = g.iter().collect();
        let found = missing_column_bounds(&grid, &refs, &TableConfig::default(), &LayoutConfig::default());
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0] > 140.0 && found[0] < 160.0, "{found:?}");
    }
}
