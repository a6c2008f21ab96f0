//! Unit tests of `outside_labels`.

use super::*;
use crate::pdf::{Orientation, Ruling};
use crate::table::config::GridConfig;
use crate::table::lattice::table_from_grid;
use crate::table::ruling_grid::find_grids;
use crate::table::test_glyphs::text_at;

/// A grid around three amount columns at x 100..250 (a header row and four body rows, 12 pt
/// each), with `left` (text, x, baseline) set beside it; returns the table and the glyphs
/// taken.
fn grid_with(left: &[(&str, f64, f64)]) -> (PageTable, usize) {
    let h = |y: f64| Ruling { orientation: Orientation::Horizontal, pos: y, start: 100.0, end: 250.0 };
    let v = |x: f64| Ruling { orientation: Orientation::Vertical, pos: x, start: 0.0, end: 60.0 };
    let mut rulings: Vec<Ruling> = (0..=5).map(|k| h(12.0 * f64::from(k))).collect();
    rulings.extend([v(100.0), v(150.0), v(200.0), v(250.0)]);
    let grid = find_grids(&rulings, 1.0, &GridConfig::default()).remove(0);
    let mut g: Vec<Glyph> = ["Budget", "Actual", "Change"].iter().zip([102.0, 152.0, 202.0]).flat_map(|(t, x)| text_at(t, x, 9.0)).collect();
    for k in 0..4 {
        let y = 21.0 + 12.0 * f64::from(k);
        g.extend(["1,200", "1,150", "50"].iter().zip([110.0, 160.0, 220.0]).flat_map(|(t, x)| text_at(t, x, y)));
    }
    let grid_glyphs = g.len();
    for (t, x, y) in left {
        g.extend(text_at(t, *x, *y));
    }
    let refs: Vec<&Glyph> = g.iter().collect();
    let (cfg, layout) = (TableConfig::default(), LayoutConfig::default());
    let (mut t, idx) = table_from_grid(1, &grid, &refs, &cfg, &layout);
    let mut used = vec![false; refs.len()];
    for i in idx {
        used[i] = true;
    }
    assert!(used[..grid_glyphs].iter().all(|u| *u));
    let taken = attach_outside_labels(&mut t, &refs, &used, &cfg, &layout);
    (t, taken.len())
}

#[test]
fn names_beside_a_grid_of_numbers_are_its_label_column() {
    let names = [("Alcona", 40.0, 21.0), ("Curtis", 40.0, 33.0), ("Greenbush", 40.0, 45.0), ("Mikado", 40.0, 57.0)];
    let (t, taken) = grid_with(&names);
    assert_eq!(taken, "AlconaCurtisGreenbushMikado".len());
    let first: Vec<&str> = t.rows.iter().map(|r| r.cells[0].text.as_str()).collect();
    assert_eq!(first, ["", "Alcona", "Curtis", "Greenbush", "Mikado"]);
    assert_eq!(t.n_cols(), 4);
}

#[test]
fn text_far_from_the_grid_or_between_its_rows_stays_outside() {
    // Ending 40 pt before the grid: the page's text.
    let far = [("Alcona", 10.0, 21.0), ("Curtis", 10.0, 33.0), ("Greenbush", 10.0, 45.0), ("Mikado", 10.0, 57.0)];
    assert_eq!(grid_with(&far).1, 0);
    // Two names in one row.
    let crowded = [("Alcona", 40.0, 19.0), ("Curtis", 40.0, 23.5), ("Greenbush", 40.0, 45.0), ("Mikado", 40.0, 57.0)];
    assert_eq!(grid_with(&crowded).1, 0);
    // The lines of a paragraph beside the grid.
    let prose = [("only 3 percent of", 20.0, 21.0), ("incidents did move", 20.0, 33.0), ("grounds or parking", 20.0, 45.0), ("between buildings", 20.0, 57.0)];
    assert_eq!(grid_with(&prose).1, 0);
    // Names for only two of the four body rows.
    let few = [("Alcona", 40.0, 21.0), ("Curtis", 40.0, 33.0)];
    assert_eq!(grid_with(&few).1, 0);
}
