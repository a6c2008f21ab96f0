//! Unit tests of `hierarchy` (the marker and total-label words themselves are tested in
//! `text`).

use super::*;

#[test]
fn levels_follow_first_appearance() {
    let mut t = LevelTracker::default();
    let seq = ["A", "I", "1", "2", "II", "1", "B", "I"];
    let levels: Vec<u8> = seq.iter().map(|s| t.level(marker_style(s).unwrap())).collect();
    assert_eq!(levels, vec![1, 2, 3, 3, 2, 3, 1, 2]);
}

fn row(texts: &[&str]) -> TableRow {
    TableRow::new(1, 0.0, 1.0, texts.iter().map(|t| crate::table::TableCell::new(t.to_string())).collect())
}

#[test]
fn totals_levels_and_row_kinds() {
    let mut rows = vec![
        row(&["", "TỔNG CỘNG", "300"]),
        row(&["I", "Chi đầu tư", "100"]),
        row(&["1", "Xây dựng", "100"]),
        row(&["II", "Chi thường xuyên", "200"]),
    ];
    assign_hierarchy(&mut rows, &HierarchyConfig::default());
    let levels: Vec<Option<u8>> = rows.iter().map(|r| r.level).collect();
    assert_eq!(levels, vec![Some(0), Some(1), Some(2), Some(1)]);
    let kinds: Vec<RowKind> = rows.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, vec![RowKind::Total, RowKind::Body, RowKind::Body, RowKind::Body]);
    assert_eq!(rows[1].label.as_deref(), Some("I"));
}
