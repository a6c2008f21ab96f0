//! Unit tests of `rule_bands`.

use super::*;
use crate::table::model::TableCell;

fn line(texts: &[&str], top: f64) -> TableRow {
    TableRow::new(1, top, top + 8.0, texts.iter().map(|t| TableCell::new(t.to_string())).collect())
}

fn texts(rows: &[TableRow]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).collect()
}

#[test]
fn a_caption_over_a_value_in_one_ruled_band_is_two_rows() {
    // Filled cell backgrounds whose gaps give rules at 0, 40 and 60: the header line and the
    // first body line share the first band.
    let rows = vec![line(&["Program", "Budget"], 5.0), line(&["Performance.gov", "$1.1M"], 20.0), line(&["IT Dashboard", "$1.06M"], 45.0)];
    let out = merge_wrapped(rows, &[0.0, 40.0, 60.0], &LineMetrics::default(), &TableConfig::default());
    assert_eq!(texts(&out), vec![vec!["Program", "Budget"], vec!["Performance.gov", "$1.1M"], vec!["IT Dashboard", "$1.06M"]]);
}

#[test]
fn years_over_the_first_body_line_in_one_ruled_band_are_captions() {
    // No rule under the header: "增长（%" wrapped around the years' line, then the first body
    // line, share the band. The years are captions, not a second line of values.
    let rows = vec![
        line(&["", "", "", "增长（%"], 5.0),
        line(&["项目", "2020", "2021", ""], 12.0),
        line(&["", "", "", "）"], 19.0),
        line(&["全国", "3,224,259,121", "3,372,515,833", "4.6"], 30.0),
        line(&["江苏省", "483,401,129", "384,300,076", "-20.5"], 45.0),
    ];
    let out = merge_wrapped(rows, &[0.0, 40.0, 60.0], &LineMetrics::default(), &TableConfig::default());
    assert_eq!(texts(&out)[0][..3], ["项目", "2020", "2021"]);
    assert!(texts(&out)[0][3].starts_with("增长（%") && texts(&out)[0][3].ends_with('）'), "{out:?}");
    assert_eq!(out.len(), 3);
}

#[test]
fn wrapped_captions_and_wrapped_labels_stay_one_row() {
    // A year under a caption is one wrapped header cell; a label wrapped over two lines with its
    // value on the second is one body row.
    let rows = vec![
        line(&["", "Dự toán năm"], 5.0),
        line(&["STT", "2024"], 15.0),
        line(&["Federal Risk Authorization", ""], 45.0),
        line(&["(FedRAMP)", "$0.3M"], 55.0),
    ];
    let out = merge_wrapped(rows, &[0.0, 40.0, 70.0], &LineMetrics::default(), &TableConfig::default());
    assert_eq!(texts(&out), vec![vec!["STT", "Dự toán năm 2024"], vec!["Federal Risk Authorization (FedRAMP)", "$0.3M"]]);
}

#[test]
fn a_body_framed_only_by_rules_keeps_its_rows() {
    // Booktabs: rules above the header, under it and under the body. Body lines that
    // fill the same columns are rows; the header band stays one row.
    let rows = vec![
        line(&["", "1994", "1997"], 5.0),
        line(&["Lowest", "$9,594 or less", "$22,400 or less"], 25.0),
        line(&["Lower middle", "$9,595–$17,992", "$22,401–$29,992"], 35.0),
        line(&["Highest", "Greater than $25,771", "Greater than $40,888"], 45.0),
    ];
    let out = merge_wrapped(rows, &[0.0, 20.0, 60.0], &LineMetrics::default(), &TableConfig::default());
    assert_eq!(out.len(), 4);
    assert_eq!(texts(&out)[3], vec!["Highest", "Greater than $25,771", "Greater than $40,888"]);
    // Two header bands: the lower one's wrapped captions fill different columns per line.
    let rows = vec![
        line(&["", "Expenditures", ""], 5.0),
        line(&["", "ADA", "Total"], 25.0),
        line(&["School year", "(in thousands)", "(in billions)"], 35.0),
    ];
    let out = merge_wrapped(rows, &[0.0, 20.0, 60.0], &LineMetrics::default(), &TableConfig::default());
    assert_eq!(texts(&out), vec![vec!["", "Expenditures", ""], vec!["School year", "ADA (in thousands)", "Total (in billions)"]]);
}

#[test]
fn many_row_starts_in_one_band_are_rows_and_lowercase_lines_run_on() {
    // A captioned text table framed by rules: section lines, labelled rows and a row
    // whose two cells both wrap onto a second line.
    let rows = vec![
        line(&["Variable", "Assumption"], 5.0),
        line(&["Demographic assumptions", ""], 25.0),
        line(&["Population", "Projections are consistent"], 35.0),
        line(&["Disposable income per capita in", "Annual percent changes range"], 45.0),
        line(&["constant dollars", "with an annual growth rate of 1.4%"], 53.0),
        line(&["Inflation rate", "Inflation rate ranges between 1.0% and 2.0%"], 63.0),
    ];
    let out = merge_wrapped(rows, &[0.0, 20.0, 80.0], &LineMetrics::default(), &TableConfig::default());
    assert_eq!(
        texts(&out),
        vec![
            vec!["Variable", "Assumption"],
            vec!["Demographic assumptions", ""],
            vec!["Population", "Projections are consistent"],
            vec!["Disposable income per capita in constant dollars", "Annual percent changes range with an annual growth rate of 1.4%"],
            vec!["Inflation rate", "Inflation rate ranges between 1.0% and 2.0%"],
        ]
    );
}

#[test]
fn target_values_in_one_band_are_rows_of_their_own() {
    // A performance table framed by rules above and below its body: its targets ("≥86%") are
    // values, so the band holds several rows, each label wrapped onto a second line.
    let rows = vec![
        line(&["Outcome", "Pay all pension entitlements", ""], 45.0),
        line(&["", "in full and on time", "≥86%"], 57.0),
        line(&["Output", "Complete the budget programme", ""], 75.0),
        line(&["", "on schedule", "≤83%"], 87.0),
    ];
    let metrics = LineMetrics::new(rows.iter().map(|r| (r.top, r.top + 6.0, 8.0)).collect());
    let out = merge_wrapped(rows, &[40.0, 100.0], &metrics, &TableConfig::default());
    assert_eq!(
        texts(&out),
        vec![vec!["Outcome", "Pay all pension entitlements in full and on time", "≥86%"], vec!["Output", "Complete the budget programme on schedule", "≤83%"]]
    );
}

#[test]
fn a_caption_centred_over_sub_columns_in_a_ruled_header_spans_them() {
    // Rules above and below the header: "Ngân sách Trung ương" sits over the middle of its three
    // sub-columns, "Tên đơn vị" and "Ghi chú" are centred beside them.
    let rows = vec![
        line(&["", "", "", "Ngân sách Trung ương", "", ""], 5.0),
        line(&["Tên đơn vị", "Điều chỉnh", "", "", "", "Ghi chú"], 12.0),
        line(&["", "", "Chi thường xuyên", "Chi đầu tư", "Vốn nước ngoài", ""], 19.0),
        line(&["Xã Nội vụ", "12,049,121", "8,032,853", "4,016,267", "0", ""], 35.0),
        line(&["Tổng cộng", "12,049,121", "8,032,853", "4,016,267", "0", ""], 45.0),
    ];
    let out = merge_wrapped(rows, &[0.0, 30.0, 55.0], &LineMetrics::default(), &TableConfig::default());
    assert_eq!(texts(&out)[0], ["", "", "Ngân sách Trung ương", "", "", ""]);
    assert_eq!(out[0].cells[2].col_span, 3);
    assert_eq!(texts(&out)[1], ["Tên đơn vị", "Điều chỉnh", "Chi thường xuyên", "Chi đầu tư", "Vốn nước ngoài", "Ghi chú"]);
    assert_eq!(texts(&out)[2], ["Xã Nội vụ", "12,049,121", "8,032,853", "4,016,267", "0", ""]);
}

#[test]
fn a_body_row_first_under_no_header_keeps_its_label_in_its_column() {
    // The top of a page that goes on with a table: the first band, under no header, is a row
    // whose label wraps around the line of its marker and value. Its first line sits in the
    // middle of the three columns the line under it fills, as a caption centred over them
    // would, but stands over values: it is the label's first line.
    let rows = vec![
        line(&["", "Primary school for culture", ""], 5.0),
        line(&["2", "and economic development of", "(46,377,283)"], 15.0),
        line(&["", "the mountain areas", ""], 25.0),
        line(&["3", "Ethnic affairs fund", "54,307,000"], 45.0),
    ];
    let out = merge_wrapped(rows, &[38.0, 60.0], &LineMetrics::default(), &TableConfig::default());
    assert_eq!(
        texts(&out),
        vec![
            vec!["2", "Primary school for culture and economic development of the mountain areas", "(46,377,283)"],
            vec!["3", "Ethnic affairs fund", "54,307,000"]
        ]
    );
}

#[test]
fn a_caption_between_the_lines_of_a_wrapped_neighbour_is_on_their_level() {
    // Header band (rules at 0 and 40): "Central / government" wrapped in column 3, "Funding
    // source" (spanning columns 1 and 2) centred between its lines; the sub-captions below.
    let mut funding = line(&["", "Funding source", "", ""], 10.0);
    funding.cells[1].col_span = 2;
    funding.cells[2] = TableCell::covered();
    let rows = vec![
        line(&["", "", "", "Central"], 5.0),
        funding,
        line(&["", "", "", "government"], 15.0),
        line(&["Item", "Outturn", "Budget", "Revised"], 27.0),
        line(&["Total", "5,678", "1,558", "1,482"], 45.0),
        line(&["Health", "394", "2,243", "1,001"], 55.0),
    ];
    let out = merge_wrapped(rows, &[0.0, 40.0, 50.0, 60.0], &LineMetrics::default(), &TableConfig::default());
    assert_eq!(texts(&out)[0], ["", "Funding source", "", "Central government"]);
    assert_eq!(out[0].cells[1].col_span, 2);
    assert_eq!(texts(&out)[1], ["Item", "Outturn", "Budget", "Revised"]);
}

#[test]
fn a_caption_over_two_columns_wrapped_over_two_lines_is_one_level() {
    // "Central / government" over Total | Estimate in a ruled header band: both lines span the
    // same two columns; the second is the caption's next line, not a level under it.
    let spanning = |texts: [&str; 5], top: f64| {
        let mut r = line(&texts, top);
        r.cells[3].col_span = 2;
        r.cells[4] = TableCell::covered();
        r
    };
    let rows = vec![
        spanning(["", "", "", "Central", ""], 5.0),
        spanning(["", "", "", "government", ""], 12.0),
        line(&["Code", "Name", "Capital", "Total", "Estimate"], 19.0),
        line(&["201", "Social protection", "216.49", "182.90", "33.59"], 35.0),
        line(&["205", "Education", "100.57", "33.39", "67.18"], 45.0),
    ];
    let out = merge_wrapped(rows, &[0.0, 30.0, 55.0], &LineMetrics::default(), &TableConfig::default());
    assert_eq!(texts(&out)[0], ["", "", "", "Central government", ""]);
    assert_eq!(out[0].cells[3].col_span, 2);
    assert_eq!(texts(&out)[1], ["Code", "Name", "Capital", "Total", "Estimate"]);
    assert_eq!(out.len(), 4);
}
