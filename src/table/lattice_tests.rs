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

/// A frame with one vertical after the numbers column, every body row ruled, and rules under
/// the header's spanning captions only (over x 150..300): the header is one wide cell over
/// three rows (without those rules: one wide cell in one row). Columns 40 | 100 | 150 | 200 |
/// 250 are found from the text (given here).
fn framed_header_table(header: &[(&str, f64, f64)], rules_under_captions: bool) -> PageTable {
    let h = |y: f64, x0: f64| Ruling { orientation: Orientation::Horizontal, pos: y, start: x0, end: 300.0 };
    let v = |x: f64| Ruling { orientation: Orientation::Vertical, pos: x, start: 0.0, end: 60.0 };
    let mut rulings = vec![h(0.0, 0.0), h(36.0, 0.0), h(48.0, 0.0), h(60.0, 0.0), v(0.0), v(40.0), v(300.0)];
    if rules_under_captions {
        rulings.extend([h(12.0, 150.0), h(24.0, 150.0)]);
    }
    let grids = find_grids(&rulings, 1.0, &GridConfig::default());
    assert_eq!(grids.len(), 1);
    let grid = grids[0].with_extra_columns(&[100.0, 150.0, 200.0, 250.0]).expect("grid");
    let mut g: Vec<Glyph> = header.iter().flat_map(|(t, x, y)| text_at(t, *x, *y)).collect();
    for (k, (no, label)) in [("1", "Health"), ("2", "Roads")].iter().enumerate() {
        let y = 45.0 + 12.0 * k as f64;
        g.extend(text_at(no, 2.0, y));
        g.extend(text_at(label, 42.0, y));
        g.extend(["30", "10", "12", "8"].iter().zip([130.0, 180.0, 230.0, 280.0]).flat_map(|(t, x)| text_at(t, x, y)));
    }
    let refs: Vec<&Glyph> = g.iter().collect();
    table_from_grid(1, &grid, &refs, &TableConfig::default(), &LayoutConfig::default()).0
}

#[test]
fn a_header_of_several_levels_in_one_wide_cell_is_split_into_its_levels() {
    // "Local government" over the last three columns, "Funding" over two of them, "Other"
    // over the third; "Item" and "Total" set beside "Funding", between the header's lines.
    let header = [
        ("No.", 2.0, 21.0),
        ("Local government", 193.0, 9.0),
        ("Item", 42.0, 21.0),
        ("Total", 102.0, 21.0),
        ("Funding", 186.0, 21.0),
        ("Other", 265.0, 21.0),
        ("Capital", 152.0, 33.0),
        ("Transfers", 202.0, 33.0),
        ("Current", 252.0, 33.0),
    ];
    for rules_under_captions in [true, false] {
        let t = framed_header_table(&header, rules_under_captions);
        let texts: Vec<Vec<&str>> = t.rows.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
        assert_eq!(
            texts,
            vec![
                vec!["No.", "Item", "Total", "Local government", "", ""],
                vec!["", "", "", "Funding", "", "Other"],
                vec!["", "", "", "Capital", "Transfers", "Current"],
                vec!["1", "Health", "30", "10", "12", "8"],
                vec!["2", "Roads", "30", "10", "12", "8"],
            ],
            "rules under the captions: {rules_under_captions}"
        );
        assert_eq!(t.rows[0].cells[3].col_span, 3, "the top caption spans its group");
        assert_eq!(t.rows[1].cells[3].col_span, 2);
        assert!(t.rows[1].cells[4].covered);
    }
}

#[test]
fn a_unit_wrapped_under_a_lone_caption_in_a_wide_header_cell_joins_it_over_the_levels() {
    // "Years" over 2019 | 2020; beside it "Growth" with its unit "(%)" wrapped onto the
    // line of the years: one caption, spanning both levels as "Item" and "Total" do.
    let header = [
        ("No.", 2.0, 15.0),
        ("Item", 42.0, 15.0),
        ("Total", 102.0, 15.0),
        ("Years", 190.0, 9.0),
        ("Growth", 263.0, 9.0),
        ("2019", 168.0, 21.0),
        ("2020", 218.0, 21.0),
        ("(%)", 269.0, 21.0),
    ];
    let t = framed_header_table(&header, false);
    let texts: Vec<Vec<&str>> = t.rows.iter().take(2).map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
    assert_eq!(texts, vec![vec!["No.", "Item", "Total", "Years", "", "Growth (%)"], vec!["", "", "", "2019", "2020", ""]]);
    let growth = &t.rows[0].cells[5];
    assert_eq!((growth.row_span, t.rows[1].cells[5].covered), (2, true), "the caption spans the header's rows");
}

/// Three ruled rows of a two-column grid (a vertical after the numbers), with a boundary at
/// x 200 found inside its text column; rows 2 and 3 read `line2` and `line3`.
fn texts_with_found_boundary(line2: &[(&str, f64)], line3: &[(&str, f64)]) -> Vec<Vec<String>> {
    let h = |y: f64| Ruling { orientation: Orientation::Horizontal, pos: y, start: 0.0, end: 300.0 };
    let v = |x: f64| Ruling { orientation: Orientation::Vertical, pos: x, start: 0.0, end: 36.0 };
    let rulings = vec![h(0.0), h(12.0), h(24.0), h(36.0), v(0.0), v(40.0), v(300.0)];
    let grid = find_grids(&rulings, 1.0, &GridConfig::default())[0].with_extra_columns(&[200.0]).expect("grid");
    let mut g: Vec<Glyph> = Vec::new();
    g.extend(text_at("1", 2.0, 9.0));
    g.extend(text_at("Bedplate of welded design", 42.0, 9.0));
    for (no, line, y) in [("2", line2, 21.0), ("3", line3, 33.0)] {
        g.extend(text_at(no, 2.0, y));
        g.extend(line.iter().flat_map(|(t, x)| text_at(t, *x, y)));
    }
    let refs: Vec<&Glyph> = g.iter().collect();
    let (t, _) = table_from_grid(1, &grid, &refs, &TableConfig::default(), &LayoutConfig::default());
    t.rows.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).filter(|s| !s.is_empty()).collect()).collect()
}

#[test]
fn a_wide_word_space_over_a_boundary_no_row_uses_stays_inside_the_sentence() {
    // "and" ends at 194, "Ch 1" starts 6.5 pt later (word spaces are 4 pt), across the found
    // boundary at 200: no other row has text starting right of it, so the sentence is one cell.
    let line2 = [("Crankshaft calculations data sheet and", 42.0), ("Ch 1", 200.5)];
    let rows = texts_with_found_boundary(&line2, &[("Shaft coupling bolts", 42.0)]);
    assert_eq!(rows[1], vec!["2", "Crankshaft calculations data sheet and Ch 1"]);
    // Where another row's text starts in that column, the gap is a cell edge.
    let rows = texts_with_found_boundary(&line2, &[("Shaft coupling bolts", 42.0), ("Note", 210.0)]);
    assert_eq!(rows[1], vec!["2", "Crankshaft calculations data sheet and", "Ch 1"]);
}

#[test]
fn a_heading_row_of_a_grid_without_inner_verticals_is_no_merged_cell() {
    // A frame with one vertical after the numbers column and every row ruled; the columns
    // at x 100 and 150 are white space only (given here as found from the text).
    let h = |y: f64| Ruling { orientation: Orientation::Horizontal, pos: y, start: 0.0, end: 200.0 };
    let v = |x: f64| Ruling { orientation: Orientation::Vertical, pos: x, start: 0.0, end: 36.0 };
    let rulings = vec![h(0.0), h(12.0), h(24.0), h(36.0), v(0.0), v(40.0), v(200.0)];
    let grids = find_grids(&rulings, 1.0, &GridConfig::default());
    assert_eq!(grids.len(), 1);
    let grid = grids[0].with_extra_columns(&[100.0, 150.0]).expect("grid");
    assert_eq!(grid.drawn_column_boundaries(), vec![true, false, false]);
    let mut g: Vec<Glyph> = Vec::new();
    for (y, cells) in [(9.0, ["1", "Health", "30", "10"]), (21.0, ["II", "Social", "", ""]), (33.0, ["2", "Roads", "12", "8"])] {
        for (t, x) in cells.iter().zip([2.0, 42.0, 130.0, 180.0]) {
            g.extend(text_at(t, x, y));
        }
    }
    let refs: Vec<&Glyph> = g.iter().collect();
    let t = table_from_grid(1, &grid, &refs, &TableConfig::default(), &LayoutConfig::default()).0;
    let heading: Vec<(String, usize, bool)> = t.rows[1].cells.iter().map(|c| (c.text.clone(), c.col_span, c.covered)).collect();
    let cell = |t: &str| (t.to_string(), 1, false);
    assert_eq!(heading, vec![cell("II"), cell("Social"), cell(""), cell("")]);
}

#[test]
fn a_caption_a_narrow_gutter_after_another_over_a_blank_column_heads_it() {
    // Item | amounts | remarks, the verticals after the amounts not drawn (a boundary found at
    // 200): "Estimate Remarks" set 6 pt apart (word spaces are 4 pt) over the amounts and a
    // remarks column the body leaves blank. The header line's cell edges say where the
    // remarks caption starts.
    let h = |y: f64| Ruling { orientation: Orientation::Horizontal, pos: y, start: 0.0, end: 300.0 };
    let v = |x: f64| Ruling { orientation: Orientation::Vertical, pos: x, start: 0.0, end: 36.0 };
    let rulings = vec![h(0.0), h(12.0), h(24.0), h(36.0), v(0.0), v(100.0), v(300.0)];
    let grid = find_grids(&rulings, 1.0, &GridConfig::default())[0].with_extra_columns(&[200.0]).expect("grid");
    let mut g: Vec<Glyph> = Vec::new();
    for (t, x, y) in [("Item", 2.0, 9.0), ("Estimate", 165.0, 9.0), ("Remarks", 203.0, 9.0), ("Bihar state", 2.0, 21.0), ("1,275", 170.0, 21.0), ("Goa state", 2.0, 33.0), ("9,967", 170.0, 33.0)] {
        g.extend(text_at(t, x, y));
    }
    let refs: Vec<&Glyph> = g.iter().collect();
    let (t, _) = table_from_grid(1, &grid, &refs, &TableConfig::default(), &LayoutConfig::default());
    let texts: Vec<Vec<String>> = t.rows.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).collect();
    assert_eq!(texts[0], vec!["Item", "Estimate", "Remarks"], "{texts:?}");
    assert_eq!(texts[1], vec!["Bihar state", "1,275", ""]);
}
