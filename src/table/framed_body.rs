//! A frame around an unruled table. In: a ruled grid and the page's glyphs. Out: whether the
//! grid is only a box drawn around a table whose rows and columns are set by white space (no
//! vertical rule inside it, and some band between its horizontal rules holding several rows of
//! values). Such a table is read as an unruled one: its text lines, wrapped labels and columns
//! tell its structure, the frame tells nothing.

use super::config::TableConfig;
use super::ruling_grid::RulingGrid;
use crate::layout::{LayoutConfig, build_lines_from};
use crate::pdf::Glyph;

/// True when `grid` draws no column boundary inside it and one of its bands (the space between
/// two neighbouring horizontal rules) holds at least `min_value_lines_per_band` text lines with
/// a value after their first word: rows that no rule separates.
pub fn is_frame_around_unruled_rows(grid: &RulingGrid, glyphs: &[&Glyph], cfg: &TableConfig, layout: &LayoutConfig) -> bool {
    if grid.xs.len() > 2 {
        return false;
    }
    let inside: Vec<&Glyph> = glyphs.iter().copied().filter(|g| grid.bbox.contains_point(g.bbox.center_x(), g.bbox.center_y())).collect();
    grid.ys.windows(2).any(|band| {
        let in_band: Vec<&Glyph> = inside.iter().copied().filter(|g| g.bbox.center_y() > band[0] && g.bbox.center_y() < band[1]).collect();
        let value_lines = build_lines_from(&in_band, layout).iter().filter(|l| l.words.iter().skip(1).any(|w| super::header::is_value_cell(&w.text))).count();
        value_lines >= cfg.stream.min_value_lines_per_band
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::{Orientation, Ruling};
    use crate::table::ruling_grid::find_grids;
    use crate::table::test_glyphs::text_at;

    fn rule(orientation: Orientation, pos: f64, start: f64, end: f64) -> Ruling {
        Ruling { orientation, pos, start, end }
    }

    /// A box from (0, 0) to (300, 100), a rule under the header at 20, and `rows` inside.
    fn boxed(extra_vertical: Option<f64>, rows: &[(&str, &str, f64)]) -> bool {
        let mut rulings = vec![
            rule(Orientation::Horizontal, 0.0, 0.0, 300.0),
            rule(Orientation::Horizontal, 20.0, 0.0, 300.0),
            rule(Orientation::Horizontal, 100.0, 0.0, 300.0),
            rule(Orientation::Vertical, 0.0, 0.0, 100.0),
            rule(Orientation::Vertical, 300.0, 0.0, 100.0),
        ];
        if let Some(x) = extra_vertical {
            rulings.push(rule(Orientation::Vertical, x, 0.0, 100.0));
        }
        let mut glyphs = text_at("Item", 10.0, 14.0);
        glyphs.extend(text_at("Amount", 240.0, 14.0));
        for (label, value, y) in rows {
            glyphs.extend(text_at(label, 10.0, *y));
            glyphs.extend(text_at(value, 260.0, *y));
        }
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let cfg = TableConfig::default();
        let grids = find_grids(&rulings, cfg.ruling_tolerance, &cfg.grid);
        grids.iter().any(|g| is_frame_around_unruled_rows(g, &refs, &cfg, &LayoutConfig::default()))
    }

    #[test]
    fn a_box_around_rows_set_by_white_space_is_a_frame() {
        let rows = [("Schools", "1,200", 35.0), ("Hospitals", "2,400", 50.0), ("Roads", "800", 65.0)];
        assert!(boxed(None, &rows));
        // A rule between the columns makes a ruled table.
        assert!(!boxed(Some(200.0), &rows));
        // One row of values in the body: nothing says the frame hides rows.
        assert!(!boxed(None, &rows[..1]));
    }
}
