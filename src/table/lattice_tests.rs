//! Unit tests of `lattice`.

use super::*;
use crate::pdf::{Orientation, Ruling};
use crate::table::config::GridConfig;
use crate::table::ruling_grid::find_grids;
use crate::table::test_glyphs::text_at;

/// A five-column grid, three rows 12 pt high; the header row has no verticals between its
/// last four columns (one wide cell over x 40..200).
fn grid() -> RulingGrid {
    let h = |y: f64| Ruling { orientation: Orientation::Horizontal, pos: y, start: 0.0, end: 200.0 };
    let v = |x: f64, y0: f64| Ruling { orientation: Orientation::Vertical, pos: x, start: y0, end: 36.0 };
    let rulings = vec![h(0.0), h(12.0), h(24.0), h(36.0), v(0.0, 0.0), v(40.0, 0.0), v(80.0, 12.0), v(120.0, 12.0), v(160.0, 12.0), v(200.0, 0.0)];
    let grids = find_grids(&rulings, 1.0, &GridConfig::default());
    assert_eq!(grids.len(), 1);
    grids[0].clone()
}

fn header_of(header: &[(&str, f64)]) -> Vec<(String, usize, bool)> {
    let mut g: Vec<Glyph> = header.iter().flat_map(|(t, x)| text_at(t, *x, 9.0)).collect();
    for (r, y) in [(0, 21.0), (1, 33.0)] {
        for (c, x) in [(0, 2.0), (1, 42.0), (2, 82.0), (3, 122.0), (4, 162.0)] {
            g.extend(text_at(if c == 0 { ["Cash", "Debt"][r] } else { "10" }, x, y));
        }
    }
    let refs: Vec<&Glyph> = g.iter().collect();
    let (t, used) = table_from_grid(1, &grid(), &refs, &TableConfig::default(), &LayoutConfig::default());
    assert_eq!(used.len(), refs.len(), "every glyph lies in a cell");
    assert_eq!(t.rows.len(), 3);
    t.rows[0].cells.iter().map(|c| (c.text.clone(), c.col_span, c.covered)).collect()
}

#[test]
fn a_wide_header_cell_of_a_grid_splits_into_spanning_cells() {
    // Dates centred over "$000's | %" pairs in one header cell without verticals.
    let cells = header_of(&[("Item", 2.0), ("12/31/2009", 60.0), ("12/31/2010", 140.0)]);
    let want = |t: &str, span: usize, covered: bool| (t.to_string(), span, covered);
    assert_eq!(cells, vec![want("Item", 1, false), want("12/31/2009", 2, false), want("", 1, true), want("12/31/2010", 2, false), want("", 1, true)]);
}

#[test]
fn a_caption_across_the_wide_cell_stays_one_cell() {
    // One text over three of the four columns: one group only, no split.
    let cells = header_of(&[("Item", 2.0), ("Amounts in thousands", 45.0)]);
    assert_eq!(cells[1], ("Amounts in thousands".to_string(), 4, false));
    assert!(cells[2..].iter().all(|c| c.2), "the rest of the wide cell stays covered");
}
