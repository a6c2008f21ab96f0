//! Unit tests of `section_join`.

use super::*;
use crate::layout::{LayoutConfig, build_lines_from};
use crate::pdf::{BBox, Glyph};
use crate::table::test_glyphs::text_at;

/// A two-column stream table of `rows` (label, amount), 12 pt per row from `top`, columns
/// 40 | 200 | 260.
fn table(top: f64, rows: &[(&str, &str)]) -> PageTable {
    let rows: Vec<TableRow> = rows
        .iter()
        .enumerate()
        .map(|(k, (a, b))| {
            let y = top + 12.0 * k as f64;
            TableRow::new(1, y, y + 12.0, vec![TableCell::new(a.to_string()), TableCell::new(b.to_string())])
        })
        .collect();
    let bottom = top + 12.0 * rows.len() as f64;
    PageTable {
        page: 1,
        bbox: BBox::new(40.0, top, 260.0, bottom),
        method: Method::Stream,
        column_x: vec![40.0, 200.0, 260.0],
        rows,
        header_rows: 0,
        lines_above: Vec::new(),
        lines_below: Vec::new(),
        page_furniture: Vec::new(),
        continuation_only: false,
        head_only: false,
    }
}

fn joined(between: &[(&str, f64)], lower_top: f64) -> Vec<PageTable> {
    let upper = table(0.0, &[("Net asset value", "5,111,372"), ("Units outstanding", "49,136")]);
    let lower = table(lower_top, &[("Net asset value", "49,144,825"), ("Units outstanding", "471,555")]);
    let glyphs: Vec<Glyph> = between.iter().flat_map(|(t, y)| text_at(t, 40.0, *y)).collect();
    let refs: Vec<&Glyph> = glyphs.iter().collect();
    let lines = build_lines_from(&refs, &LayoutConfig::default());
    let line_refs: Vec<&TextLine> = lines.iter().collect();
    join_sectioned_tables(vec![upper, lower], &line_refs, 600.0, &TableConfig::default())
}

#[test]
fn a_table_cut_at_its_section_heading_is_one_table() {
    // "Class B" a blank line under the first section, the second section a blank line below.
    let tables = joined(&[("Class B", 44.0)], 60.0);
    assert_eq!(tables.len(), 1);
    let labels: Vec<&str> = tables[0].rows.iter().map(|r| r.cells[0].text.as_str()).collect();
    assert_eq!(labels, ["Net asset value", "Units outstanding", "Class B", "Net asset value", "Units outstanding"]);
    assert_eq!(tables[0].rows[2].cells[1].text, "");
}

#[test]
fn a_caption_or_a_wide_gap_between_tables_keeps_them_apart() {
    assert_eq!(joined(&[("Table 2. Class B", 44.0)], 60.0).len(), 2);
    // Nine lines of space (the heading in the middle): two tables.
    assert_eq!(joined(&[("Class B", 80.0)], 130.0).len(), 2);
    // A lower table with a header of its own.
    let upper = table(0.0, &[("Net asset value", "5,111,372"), ("Units outstanding", "49,136")]);
    let lower = table(40.0, &[("Item", "2016"), ("Net asset value", "49,144,825"), ("Units outstanding", "471,555")]);
    assert_eq!(join_sectioned_tables(vec![upper, lower], &[], 600.0, &TableConfig::default()).len(), 2);
}
