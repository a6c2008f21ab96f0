//! Unit tests of `cell_split`.

use super::*;
use crate::table::test_glyphs::text_at;

/// [`split_by_rows`] over the lines of `glyphs`.
fn rows_of(glyphs: &[&Glyph], ys: &[f64]) -> Option<Vec<String>> {
    let layout = LayoutConfig::default();
    split_by_rows(glyphs, &build_lines_from(glyphs, &layout), ys, &TableConfig::default(), &layout)
}

/// [`split_by_columns`] over the lines of `glyphs`.
fn columns_of(glyphs: &[&Glyph], xs: &[f64]) -> Option<Vec<(usize, usize, String)>> {
    columns_of_cell(glyphs, xs, false)
}

/// [`split_by_columns`] of a cell whose inner boundaries are drawn (`unruled` false) or not.
fn columns_of_cell(glyphs: &[&Glyph], xs: &[f64], unruled: bool) -> Option<Vec<(usize, usize, String)>> {
    let lines = build_lines_from(glyphs, &LayoutConfig::default());
    let cfg = TableConfig::default();
    split_by_columns(&lines, xs, &xs[1..xs.len() - 1], unruled.then_some(&[]), &BlockSpacing::of(lines.iter(), &cfg), &cfg)
}

#[test]
fn a_tall_cell_with_one_line_per_row_is_split_into_rows() {
    // Rows 12 pt apart; the label column has no rules.
    let ys = [0.0, 12.0, 24.0, 36.0, 48.0];
    let g: Vec<Glyph> = [("Salaries (a)", 9.0), ("Fringe Benefits (b)", 21.0), ("Staff Travel", 45.0)].iter().flat_map(|(t, y)| text_at(t, 2.0, *y)).collect();
    let refs: Vec<&Glyph> = g.iter().collect();
    let parts = rows_of(&refs, &ys).expect("split");
    assert_eq!(parts, vec!["Salaries (a)", "Fringe Benefits (b)", "", "Staff Travel"]);
}

#[test]
fn a_wrapped_paragraph_in_a_tall_cell_stays_one_cell() {
    // Lines 9.6 pt apart over rows 12 pt apart: some line straddles a row boundary.
    let ys = [0.0, 12.0, 24.0, 36.0, 48.0];
    let g: Vec<Glyph> = (0..4).flat_map(|i| text_at("wrapped words of a note", 2.0, 8.0 + 9.6 * i as f64)).collect();
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(rows_of(&refs, &ys), None);
    // Two rows with text are not enough evidence.
    let g: Vec<Glyph> = [("Real estate", 9.0), ("loans", 21.0)].iter().flat_map(|(t, y)| text_at(t, 2.0, *y)).collect();
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(rows_of(&refs, &ys), None);
}

#[test]
fn a_wide_header_cell_splits_into_its_column_groups() {
    // Dates centred over "$000's | %" pairs, in one header cell without verticals.
    let xs = [0.0, 40.0, 80.0, 120.0, 160.0, 200.0];
    let g: Vec<Glyph> = [("12/31/2009", 60.0), ("12/31/2010", 140.0)].iter().flat_map(|(t, x)| text_at(t, *x, 8.0)).collect();
    let refs: Vec<&Glyph> = g.iter().collect();
    let parts = columns_of(&refs, &xs).expect("split");
    assert_eq!(parts, vec![(1, 2, "12/31/2009".to_string()), (3, 2, "12/31/2010".to_string())]);
    // Text running across the groups stays one cell.
    let g = text_at("Amounts in thousands of dollars", 30.0, 8.0);
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of(&refs, &xs), None);
}

#[test]
fn a_caption_centred_over_its_column_and_an_empty_neighbour_spans_both() {
    // Two tables side by side under one frame, label | amount each: "Revenue" and
    // "Expenditure" centred over their halves, each inside its label column.
    let xs = [0.0, 100.0, 130.0, 230.0, 260.0];
    let cell = |texts: &[(&str, f64)]| {
        let g: Vec<Glyph> = texts.iter().flat_map(|(t, x)| text_at(t, *x, 8.0)).collect();
        let refs: Vec<&Glyph> = g.iter().collect();
        columns_of(&refs, &xs)
    };
    assert_eq!(cell(&[("Revenue", 51.0), ("Expenditure", 173.0)]), Some(vec![(0, 2, "Revenue".to_string()), (2, 2, "Expenditure".to_string())]));
    // Captions centred in their own columns keep them.
    assert_eq!(cell(&[("Item", 42.0), ("Item", 172.0)]), Some(vec![(0, 1, "Item".to_string()), (2, 1, "Item".to_string())]));
    // In a cell with a value, text is a label: it keeps its column.
    assert_eq!(cell(&[("Revenue", 51.0), ("1 200", 240.0)]), Some(vec![(0, 1, "Revenue".to_string()), (3, 1, "1 200".to_string())]));
}

#[test]
fn a_heading_in_a_grid_without_inner_verticals_stays_in_its_column() {
    // A row-group heading in the label column of a framed grid whose other columns are set
    // apart by white space only: not a merged cell.
    let xs = [0.0, 120.0, 160.0, 200.0];
    let g = text_at("II. Social services", 2.0, 8.0);
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of_cell(&refs, &xs, true), Some(vec![(0, 1, "II. Social services".to_string())]));
    // Where the grid draws those verticals elsewhere, the missing ones make a merged cell.
    assert_eq!(columns_of_cell(&refs, &xs, false), None);
    // Text across the whole cell is one cell either way.
    let g = text_at("Amounts in thousands of dollars of the year", 2.0, 8.0);
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of_cell(&refs, &xs, true), None);
    // An amount beside an empty cell is in its own column; a caption centred in the cell
    // (over the amount columns) spans it.
    let g = text_at("66230.52", 165.0, 8.0);
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of_cell(&refs, &xs, true), Some(vec![(2, 1, "66230.52".to_string())]));
    let g = text_at("Total", 130.0, 8.0);
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of_cell(&refs, &xs, true), None);
    // The same text where the texts of several other rows start is a label of that column.
    let lines = build_lines_from(&refs, &LayoutConfig::default());
    let cfg = TableConfig::default();
    let edges = [130.0, 130.2, 129.9, 130.0, 20.0];
    let parts = split_by_columns(&lines, &xs, &xs[1..xs.len() - 1], Some(&edges), &BlockSpacing::of(lines.iter(), &cfg), &cfg);
    assert_eq!(parts, Some(vec![(1, 1, "Total".to_string())]));
}

#[test]
fn a_grid_row_with_money_on_two_lines_is_two_rows() {
    // One grid row (no rule between its lines) holding two rows of a program table.
    let xs = [0.0, 80.0, 160.0];
    let band = |a: &str, b: &str| -> Vec<Glyph> {
        [("Performance.gov", 2.0, 9.0), (a, 82.0, 9.0), ("IT Dashboard", 2.0, 21.0), (b, 82.0, 21.0)].iter().flat_map(|(t, x, y)| text_at(t, *x, *y)).collect()
    };
    let g = band("$1.1M", "$1.06M");
    let refs: Vec<&Glyph> = g.iter().collect();
    let rows = split_band(&refs, &xs, 1, &TableConfig::default(), &LayoutConfig::default()).expect("split");
    let texts: Vec<Vec<&str>> = rows.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
    assert_eq!(texts, vec![vec!["Performance.gov", "$1.1M"], vec!["IT Dashboard", "$1.06M"]]);
    // Words in the second column: one row of wrapped text, not split here.
    let g = band("Budget", "office");
    let refs: Vec<&Glyph> = g.iter().collect();
    assert!(split_band(&refs, &xs, 1, &TableConfig::default(), &LayoutConfig::default()).is_none());
}

#[test]
fn amounts_a_narrow_gutter_apart_in_a_wide_cell_split_into_their_columns() {
    // "766,63" ends at 24, "218 893,55" starts 2.7 pt (a third of an em) later: one chunk at
    // the column gap, two cells at their edge.
    let mut g = text_at("204 766,63", 0.0, 10.0);
    g.extend(text_at("218 893,55", 42.7, 10.0));
    let refs: Vec<&Glyph> = g.iter().collect();
    let parts = columns_of(&refs, &[-2.0, 41.0, 84.0]);
    assert_eq!(parts, Some(vec![(0, 1, "204 766,63".to_string()), (1, 1, "218 893,55".to_string())]));
}

#[test]
fn texts_a_narrow_gutter_apart_in_a_wide_cell_split_at_the_column_boundary() {
    // A label ("Timeliness", ending at 42) and an indicator text starting 5 pt later (word
    // spaces are 4 pt): one chunk by the column gap, two cells at the boundary in their gap.
    let mut g = text_at("Deliver the courses", 47.0, 10.0);
    g.extend(text_at("Timeliness", 2.0, 20.0));
    g.extend(text_at("planned for", 47.0, 20.0));
    g.extend(text_at("value for money", 47.0, 30.0));
    let refs: Vec<&Glyph> = g.iter().collect();
    let parts = columns_of(&refs, &[0.0, 44.5, 180.0]);
    assert_eq!(parts, Some(vec![(0, 1, "Timeliness".to_string()), (1, 1, "Deliver the courses planned for value for money".to_string())]));
}

#[test]
fn an_amount_a_narrow_gutter_after_a_label_in_a_wide_cell_starts_its_column() {
    // "Health and religion" ends at 78, its amount starts 2.7 pt (a third of an em) later, past
    // the boundary at 79.5: one chunk by the column gap, two cells at the boundary.
    let cell = |amount: &str| -> Vec<Glyph> {
        [("HEALTH", 2.0, 10.0), ("50,840,650", 80.7, 10.0), ("Health and religion", 2.0, 20.0), (amount, 80.7, 20.0)].iter().flat_map(|(t, x, y)| text_at(t, *x, *y)).collect()
    };
    let g = cell("50,840,650");
    let refs: Vec<&Glyph> = g.iter().collect();
    let parts = columns_of(&refs, &[0.0, 79.5, 122.0]);
    assert_eq!(parts, Some(vec![(0, 1, "HEALTH Health and religion".to_string()), (1, 1, "50,840,650 50,840,650".to_string())]));
    // So does an amount grouped with thin spaces (1.5 pt).
    let mut g = cell("50");
    g.extend(text_at("840", 90.2, 20.0));
    g.extend(text_at("650", 103.7, 20.0));
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of(&refs, &[0.0, 79.5, 122.0]).map(|p| p.len()), Some(2));
    // A bare integer after words is the sentence's last word ("less than 80"): the line's text
    // spans the boundary.
    let g = cell("80");
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of(&refs, &[0.0, 79.5, 122.0]), None);
}

#[test]
fn a_target_set_wider_than_a_word_space_after_a_wrapped_indicator_starts_its_column() {
    // "planned for the year" ends at 82, "≥97%" starts 6 pt later (wider than the 4 pt word
    // spaces, closer than the column gap), past the boundary at 85.
    let cell = |x: f64| -> Vec<Glyph> {
        [("Deliver courses", 2.0, 10.0), ("planned for the year", 2.0, 20.0), ("≥97%", x, 20.0), ("improve value", 2.0, 30.0)].iter().flat_map(|(t, x, y)| text_at(t, *x, *y)).collect()
    };
    let xs = [0.0, 85.0, 110.0];
    let g = cell(88.0);
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of(&refs, &xs), Some(vec![(0, 1, "Deliver courses planned for the year improve value".to_string()), (1, 1, "≥97%".to_string())]));
    // At an ordinary word space the number is the sentence's last word: the text spans the
    // boundary.
    let g = cell(86.0);
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of(&refs, &xs), None);
}

#[test]
fn a_remark_set_wider_than_a_word_space_after_an_amount_starts_its_column() {
    // "9.556.000" ends at 136, "new item" starts 6 pt later (wider than its 4 pt word space,
    // closer than the column gap), past the boundary at 139.
    let cell = |x: f64| -> Vec<Glyph> { [("9.556.000", 100.0, 10.0), ("new item", x, 10.0)].iter().flat_map(|(t, x, y)| text_at(t, *x, *y)).collect() };
    let xs = [90.0, 139.0, 190.0];
    let g = cell(142.0);
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of(&refs, &xs), Some(vec![(0, 1, "9.556.000".to_string()), (1, 1, "new item".to_string())]));
    // So does a caption after a caption ending in a year ("Budget for 2025" ends at 134).
    let g: Vec<Glyph> = [("Budget for 2025", 74.0, 10.0), ("Capital", 140.0, 10.0)].iter().flat_map(|(t, x, y)| text_at(t, *x, *y)).collect();
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of(&refs, &[70.0, 137.0, 190.0]), Some(vec![(0, 1, "Budget for 2025".to_string()), (1, 1, "Capital".to_string())]));
    // At an ordinary word space the words run on from the number ("2025 budget" over a
    // boundary): one cell across it.
    let g = cell(140.0);
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of(&refs, &xs), None);
}

#[test]
fn two_amounts_a_word_space_apart_in_a_wide_cell_split_at_the_column_boundary() {
    // "2 725 170 432" and "−7 791 842 000", digit groups 2 pt apart (a quarter of an em), the
    // two amounts a word space (4 pt) apart with the column boundary in that space: one chunk,
    // two values.
    let groups = [("2", 0.0), ("725", 6.0), ("170", 20.0), ("432", 34.0), ("−7", 50.0), ("791", 60.0), ("842", 74.0), ("000", 88.0)];
    let g: Vec<Glyph> = groups.iter().flat_map(|&(t, x)| text_at(t, x, 10.0)).collect();
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of(&refs, &[-2.0, 48.0, 102.0]), Some(vec![(0, 1, "2 725 170 432".to_string()), (1, 1, "−7 791 842 000".to_string())]));
    // A footnote mark after an amount is no second value: the cell stays whole.
    let mut g = text_at("36,000", 0.0, 10.0);
    g.extend(text_at("(2)", 26.0, 10.0));
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of(&refs, &[-2.0, 25.0, 60.0]), None);
}

#[test]
fn an_amount_whose_sign_grazes_the_boundary_stays_in_its_column() {
    // "−1,200" starts 1 pt left of the boundary at 40 (its minus sign in the gutter).
    let mut g = text_at("Health", 0.0, 10.0);
    g.extend(text_at("−1,200", 39.0, 10.0));
    let refs: Vec<&Glyph> = g.iter().collect();
    assert_eq!(columns_of(&refs, &[-2.0, 40.0, 80.0]), Some(vec![(0, 1, "Health".to_string()), (1, 1, "−1,200".to_string())]));
}

#[test]
fn footnote_marks_and_shares_are_notes_on_an_amount() {
    assert!(is_amount_note("(2)") && is_amount_note("(24.7%)"));
    // A negative amount in parentheses is a value.
    assert!(!is_amount_note("(238)") && !is_amount_note("(1 423 661)") && !is_amount_note("−7 791"));
}
