//! Unit tests of `column_kind`: each kind from a small table.

use super::*;
use crate::number::{NumberFormat, parse_cell};
use crate::table::{Method, TableCell, TableRow};

fn row(texts: &[&str]) -> TableRow {
    TableRow::new(1, 0.0, 1.0, texts.iter().map(|t| TableCell::new(t.to_string())).collect())
}

fn table(header: &[&str], body: &[&[&str]]) -> Table {
    let header_rows = if header.is_empty() { Vec::new() } else { vec![row(header)] };
    Table::from_rows(Method::Ruled, header_rows, body.iter().map(|r| row(r)).collect())
}

/// The kind of every column, cells parsed as `table_numbers` does (blank cells are `None`).
fn kinds(t: &Table, format: NumberFormat) -> Vec<ColumnKind> {
    let parsed: Vec<Vec<Option<CellNumber>>> = t
        .rows
        .iter()
        .map(|r| (0..t.n_cols).map(|c| r.cells.get(c).filter(|x| !x.text.trim().is_empty()).map(|x| parse_cell(&x.text, &format))).collect())
        .collect();
    (0..t.n_cols).map(|c| column_kind(t, c, &parsed, &crate::number::NumberConfig::DEFAULT)).collect()
}

#[test]
fn label_column_of_row_markers_and_total_words() {
    let t = table(&["STT", "Nội dung", "Dự toán"], &[&["", "TỔNG SỐ", "1.500"], &["I", "Chi thường xuyên", "1.000"], &["1", "Xã Sơn Hạ", "500"], &["2", "Xã Sơn Thành", "-"]]);
    assert_eq!(kinds(&t, NumberFormat::VI), vec![ColumnKind::Label, ColumnKind::Text, ColumnKind::Number]);
}

#[test]
fn label_needs_a_marker_and_one_of_the_first_two_columns() {
    // Only total words, no marker: not a label column.
    let t = table(&["", "", ""], &[&["Total", "x", "1"], &["Total", "y", "2"]]);
    assert_eq!(kinds(&t, NumberFormat::EN)[0], ColumnKind::Text);
    // Row markers in the third column are values.
    let t = table(&["a", "b", "c"], &[&["x", "y", "1"], &["x", "y", "2"]]);
    assert_eq!(kinds(&t, NumberFormat::EN)[2], ColumnKind::Number);
}

#[test]
fn code_column_by_header_or_by_codes() {
    // A code header makes a digits-only column codes, even short ones.
    let t = table(&["科目编码", "科目名称", "金额"], &[&["208", "社会保障和就业支出", "11.85"], &["20805", "行政事业单位养老支出", "11.49"]]);
    assert_eq!(kinds(&t, NumberFormat::EN), vec![ColumnKind::Code, ColumnKind::Text, ColumnKind::Number]);
    // Without one, a code-shaped cell (7 digits) and no cell shorter than 3 digits.
    let t = table(&["", "", ""], &[&["x", "2080505", "1"], &["y", "208", "2"]]);
    assert_eq!(kinds(&t, NumberFormat::EN)[1], ColumnKind::Code);
    // A cell shorter than 3 digits makes it no code column: the value `20` is half the cells.
    let t = table(&["", "", ""], &[&["x", "2080505", "1"], &["y", "20", "2"]]);
    assert_eq!(kinds(&t, NumberFormat::EN)[1], ColumnKind::Number);
}

#[test]
fn number_when_at_least_half_the_cells_are_values() {
    let t = table(&["", "", ""], &[&["x", "y", "1,234.5"], &["x", "y", "n/a"], &["x", "y", "(12)"], &["x", "y", "text"]]);
    assert_eq!(kinds(&t, NumberFormat::EN)[2], ColumnKind::Number);
    let t = table(&["", "", ""], &[&["x", "y", "1,234.5"], &["x", "y", "n/a"], &["x", "y", "text"]]);
    assert_eq!(kinds(&t, NumberFormat::EN)[2], ColumnKind::Text);
}

#[test]
fn blank_column_is_text() {
    let t = table(&["", "", ""], &[&["x", "", "1"], &["y", "", "2"]]);
    assert_eq!(kinds(&t, NumberFormat::EN)[1], ColumnKind::Text);
}

#[test]
fn two_place_amounts_are_no_outline_markers() {
    // One by one these read as outline numbers; together (two places each, first parts going
    // down) they are amounts. Outline numbers that run on stay a label column.
    let t = table(&["单位名称", "2016", "2017"], &[&["全国", "99.32", "108.92"], &["北京市", "19.88", "24.80"], &["河北省", "58.68", "62.11"]]);
    assert_eq!(kinds(&t, NumberFormat::EN)[1], ColumnKind::Number);
    let t = table(&["", "Item", "Amount"], &[&["1.1", "Roads", "1,000"], &["1.2", "Bridges", "2,000"], &["2.1", "Schools", "500"]]);
    assert_eq!(kinds(&t, NumberFormat::EN)[0], ColumnKind::Label);
}
