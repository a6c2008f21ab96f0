//! Unit tests of `stream`.

use crate::text::is_numeric_token;

#[test]
fn money_amounts_count_as_numbers() {
    assert!(is_numeric_token("$9,600"));
    assert!(is_numeric_token("$1.1M"));
    assert!(is_numeric_token("12.5%"));
    assert!(!is_numeric_token("$"));
    assert!(!is_numeric_token("FY2010"));
}

#[test]
fn group_captions_over_two_columns_each_stay_a_header_level() {
    use crate::table::config::TableConfig;
    use crate::table::model::{TableCell, TableRow};
    use crate::table::stream_rows::merge_header_lines;
    let row = |t: &[&str]| TableRow::new(1, 0.0, 1.0, t.iter().map(|s| TableCell::new(s.to_string())).collect());
    let rows = vec![
        row(&["Revenue", "", "Expenditure", ""]),
        row(&["Item", "Budget", "Item", "Budget"]),
        row(&["Defence", "5,348,113,936", "Health", "4,532,254,000"]),
        row(&["TOTAL", "16,573,213,197", "TOTAL", "19,789,832,101"]),
    ];
    let out = merge_header_lines(rows, &TableConfig::default());
    let texts: Vec<Vec<&str>> = out.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
    assert_eq!(texts[0], ["Revenue", "", "Expenditure", ""]);
    assert_eq!(out[0].cells[0].col_span, 2);
    assert!(out[0].cells[1].covered);
    assert_eq!(texts[1], ["Item", "Budget", "Item", "Budget"]);
    // A caption wrapped onto a second line under it is still joined.
    let rows = vec![row(&["Code", "Budget", "Actual"]), row(&["", "estimate", "outturn"]), row(&["01", "1,000", "900"]), row(&["02", "2,000", "1,800"])];
    let out = merge_header_lines(rows, &TableConfig::default());
    assert_eq!(out[0].cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["Code", "Budget estimate", "Actual outturn"]);
}
