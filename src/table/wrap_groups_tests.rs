//! Unit tests of `wrap_groups`.

use super::*;
use crate::table::model::TableCell;

fn line(texts: &[&str], base: f64) -> TableRow {
    TableRow::new(1, base - 8.0, base + 2.0, texts.iter().map(|t| TableCell::new(t.to_string())).collect())
}

fn texts(rows: &[TableRow]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).collect()
}

fn metrics(rows: &[TableRow]) -> LineMetrics {
    LineMetrics::new(rows.iter().map(|r| (r.top, r.top + 8.0, 10.0)).collect())
}

#[test]
fn labels_wrapped_around_their_values_join_them() {
    // Leading 12, rows 14 apart; the values sit on the middle line of a three-line label, a
    // single-line row follows, then a heading wrapped over two lines without values.
    let rows = vec![
        line(&["Alpha", "1", "2"], 10.0),
        line(&["Beta first", "", ""], 24.0),
        line(&["beta second", "3", "4"], 36.0),
        line(&["beta third", "", ""], 48.0),
        line(&["Gamma", "5", "6"], 62.0),
        line(&["HEADING ONE", "", ""], 76.0),
        line(&["CONTINUED", "", ""], 88.0),
        line(&["Delta", "7", "8"], 102.0),
    ];
    let m = metrics(&rows);
    let out = group_wrapped_lines(rows, &m, &TableConfig::default());
    assert_eq!(
        texts(&out),
        vec![
            vec!["Alpha", "1", "2"],
            vec!["Beta first beta second beta third", "3", "4"],
            vec!["Gamma", "5", "6"],
            vec!["HEADING ONE CONTINUED", "", ""],
            vec!["Delta", "7", "8"],
        ]
    );
}

#[test]
fn a_value_line_centred_between_two_label_lines_does_not_set_the_leading() {
    // Leading 11, rows 18.6 apart, no two value lines neighbours. The second row's values sit
    // between its two label lines, 5.5 from each: the leading is read from the label column's
    // own lines, so every row keeps all its lines.
    let rows = vec![
        line(&["Output", "Deliver the public services", ""], 92.1),
        line(&["", "programme and raise", "≥80%"], 103.2),
        line(&["", "satisfaction", ""], 114.2),
        line(&["", "Deliver the public services", ""], 132.9),
        line(&["Timeliness", "", "≤74%"], 138.4),
        line(&["", "on schedule", ""], 144.0),
        line(&["", "Pay all pensions", ""], 162.6),
        line(&["Quality", "in full and", "≥93%"], 173.7),
        line(&["", "on time", ""], 184.8),
    ];
    let m = metrics(&rows);
    let out = group_wrapped_lines(rows, &m, &TableConfig::default());
    assert_eq!(
        texts(&out),
        vec![
            vec!["Output", "Deliver the public services programme and raise satisfaction", "≥80%"],
            vec!["Timeliness", "Deliver the public services on schedule", "≤74%"],
            vec!["Quality", "Pay all pensions in full and on time", "≥93%"],
        ]
    );
}

#[test]
fn a_section_heading_with_its_marker_joins_its_wrapped_lines() {
    // A marker column ("I", "1") beside the labels; leading 12, rows 19 apart. The heading "I"
    // wraps over three lines without values; the row under it wraps after its values.
    let rows = vec![
        line(&["", "TOTAL", "100"], 10.0),
        line(&["I", "ECONOMIC AND SOCIAL", ""], 29.0),
        line(&["", "DEVELOPMENT OF THE", ""], 41.0),
        line(&["", "MOUNTAIN AREAS", ""], 53.0),
        line(&["1", "Schools and", "60"], 72.0),
        line(&["", "clinics", ""], 84.0),
        line(&["2", "Roads", "40"], 103.0),
    ];
    let m = metrics(&rows);
    let out = group_wrapped_lines(rows, &m, &TableConfig::default());
    assert_eq!(
        texts(&out),
        vec![
            vec!["", "TOTAL", "100"],
            vec!["I", "ECONOMIC AND SOCIAL DEVELOPMENT OF THE MOUNTAIN AREAS", ""],
            vec!["1", "Schools and clinics", "60"],
            vec!["2", "Roads", "40"],
        ]
    );
}

#[test]
fn a_wrapped_heading_above_the_first_value_line_is_one_row() {
    // The body's first row is a heading without values wrapped over two lines (leading 12),
    // set a row pitch (14) above the first row of values; a caption line over the values
    // (the header) stays apart.
    let rows = vec![
        line(&["Tên đơn vị", "Điều chỉnh"], 0.0),
        line(&["PHÒNG CHƯƠNG TRÌNH MTQG XÂY", ""], 20.0),
        line(&["DỰNG NÔNG THÔN MỚI", ""], 32.0),
        line(&["Xã Nội vụ", "12,049"], 46.0),
        line(&["Tổng cộng", "12,049"], 60.0),
    ];
    let m = metrics(&rows);
    let out = group_wrapped_lines(rows, &m, &TableConfig::default());
    assert_eq!(
        texts(&out),
        vec![vec!["Tên đơn vị", "Điều chỉnh"], vec!["PHÒNG CHƯƠNG TRÌNH MTQG XÂY DỰNG NÔNG THÔN MỚI", ""], vec!["Xã Nội vụ", "12,049"], vec!["Tổng cộng", "12,049"]]
    );
}

#[test]
fn two_lines_that_each_start_with_a_row_marker_are_two_rows() {
    // A total, a blank row, then a section heading right above its first row: the pitches
    // (30, then 16) read the heading as the first line of the row below, but each line has a
    // marker of its own.
    let rows = vec![
        line(&["", "TOTAL", "2,977", "9,863"], 10.0),
        line(&["I", "HOME AFFAIRS", "", ""], 40.0),
        line(&["1", "Son Ha commune", "2,977", "9,863"], 56.0),
    ];
    let m = metrics(&rows);
    let out = group_wrapped_lines(rows, &m, &TableConfig::default());
    assert_eq!(texts(&out), vec![vec!["", "TOTAL", "2,977", "9,863"], vec!["I", "HOME AFFAIRS", "", ""], vec!["1", "Son Ha commune", "2,977", "9,863"]]);
    // Without markers the same lines are one wrapped label over its values.
    let rows = vec![line(&["", "TOTAL", "2,977", "9,863"], 10.0), line(&["", "Home affairs of", "", ""], 40.0), line(&["", "Son Ha commune", "2,977", "9,863"], 56.0)];
    let m = metrics(&rows);
    assert_eq!(group_wrapped_lines(rows, &m, &TableConfig::default()).len(), 2);
}

#[test]
fn a_heading_in_capitals_above_a_label_in_mixed_case_is_a_row_of_its_own() {
    // Headings set apart by a blank row, each tight above its first row (pitches 25 and 43):
    // the pitches alone read each heading as the first line of the row below.
    let rows = vec![
        line(&["EDUCATION AND TRAINING", "", ""], 10.0),
        line(&["Primary schools (provincial budget)", "1,176,000", "2,535,207"], 35.0),
        line(&["ADMINISTRATIVE OFFICES", "", ""], 78.0),
        line(&["Social welfare office", "5,740,524", "4,209,857"], 103.0),
    ];
    let m = metrics(&rows);
    let out = group_wrapped_lines(rows, &m, &TableConfig::default());
    assert_eq!(texts(&out)[0], ["EDUCATION AND TRAINING", "", ""]);
    assert_eq!(out.len(), 4);
    // A label in capitals wrapped onto a second line in capitals stays one label.
    let rows = vec![
        line(&["EDUCATION AND", "", ""], 10.0),
        line(&["TRAINING OFFICES", "1,176,000", "2,535,207"], 35.0),
        line(&["ADMINISTRATIVE", "", ""], 78.0),
        line(&["OFFICES OF THE DISTRICT", "5,740,524", "4,209,857"], 103.0),
    ];
    let m = metrics(&rows);
    assert_eq!(texts(&group_wrapped_lines(rows, &m, &TableConfig::default()))[0], ["EDUCATION AND TRAINING OFFICES", "1,176,000", "2,535,207"]);
}

#[test]
fn a_word_in_capitals_set_apart_over_a_label_heads_its_group() {
    // No two value lines are neighbours: each group's heading, one word in capitals a blank
    // line below the row above, stands 16 over its one row, the rows 30 apart.
    let rows = vec![
        line(&["Total", "1 526 523,83"], 10.0),
        line(&["HEALTH", ""], 40.0),
        line(&["Public order and safety", "497 383,80"], 56.0),
        line(&["EDUCATION", ""], 86.0),
        line(&["Social protection", "223 955,76"], 102.0),
    ];
    let m = metrics(&rows);
    let out = group_wrapped_lines(rows, &m, &TableConfig::default());
    assert_eq!(
        texts(&out),
        vec![
            vec!["Total", "1 526 523,83"],
            vec!["HEALTH", ""],
            vec!["Public order and safety", "497 383,80"],
            vec!["EDUCATION", ""],
            vec!["Social protection", "223 955,76"]
        ]
    );
    // Set tight under the row above, a word in capitals may be the end of its label.
    let rows = vec![
        line(&["Total", "1 526 523,83"], 10.0),
        line(&["Contributions to", "497 383,80"], 40.0),
        line(&["NATO", ""], 52.0),
        line(&["Other", "223 955,76"], 82.0),
    ];
    let m = metrics(&rows);
    let out = group_wrapped_lines(rows, &m, &TableConfig::default());
    assert_eq!(texts(&out)[1], vec!["Contributions to NATO", "497 383,80"]);
}

#[test]
fn a_group_caption_stays_over_the_line_that_fills_its_columns() {
    // "其中" spans 事业收入 | 一般公共预算; the line under it holds the captions beside it and
    // the first line of the wrapped "一般公共 / 预算" in a column it spans: it is a level of
    // the header of its own, not a label wrapped around that line.
    let mut group = line(&["", "", "", "其中", ""], 10.0);
    group.cells[3].col_span = 2;
    group.cells[4] = TableCell::covered();
    let rows = vec![
        group,
        line(&["序号", "项目", "合计", "", "一般公共"], 22.0),
        line(&["", "", "", "事业收入", ""], 30.0),
        line(&["", "", "", "", "预算"], 38.0),
        line(&["", "支出合计", "6,932,255", "7,840,831", "-908,576"], 56.0),
        line(&["I", "一、行政运行", "6,932,255", "7,840,831", "-908,576"], 74.0),
    ];
    let m = metrics(&rows);
    let out = group_wrapped_lines(rows, &m, &TableConfig::default());
    assert_eq!(out[0].cells[3].text, "其中");
    assert_eq!(out[0].cells[3].col_span, 2);
    assert_eq!(texts(&out[1..2]), vec![vec!["序号", "项目", "合计", "", "一般公共"]]);
}

#[test]
fn a_caption_centred_over_sub_captions_spans_them_before_lines_are_joined() {
    // "政府性基金预算" centred over 事业收入 | 本年支出 | 年初预算数 (the last wrapped), with
    // 序号, 科目名称 and 合计 set between the lines: it spans the three sub-columns and stays
    // a level of its own instead of joining the line under it.
    let rows = vec![
        line(&["", "", "", "", "政府性基金预算", ""], 10.0),
        line(&["序号", "科目名称", "合计", "", "", "年初预算"], 22.0),
        line(&["", "", "", "事业收入", "本年支出", ""], 30.0),
        line(&["", "", "", "", "", "数"], 36.0),
        line(&["", "支出合计", "1736.06", "1673.07", "227.63", "−164.64"], 52.0),
        line(&["I", "一、行政运行", "1146.67", "503.90", "928.42", "722.15"], 70.0),
    ];
    let m = metrics(&rows);
    let out = group_wrapped_lines(rows, &m, &TableConfig::default());
    assert_eq!((out[0].cells[3].text.as_str(), out[0].cells[3].col_span), ("政府性基金预算", 3));
    assert_eq!(out[1].cells[0].text, "序号");
    // Text centred over the first column and its neighbours is a label's line (the top of a
    // page that continues a table), not a group caption.
    let rows = vec![
        line(&["", "Phòng bảo vệ môi trường theo Nghị", ""], 10.0),
        line(&["2", "quyết số 15/NQ-HĐND và y tế", "696 199 085 Theo tiến độ"], 22.0),
        line(&["", "và gia đình", ""], 34.0),
        line(&["3", "Xã văn hóa thông tin năm 2025", "662 731 000"], 48.0),
        line(&["4", "Trường Tiểu học", "526 750 000"], 62.0),
    ];
    let m = metrics(&rows);
    let out = group_wrapped_lines(rows, &m, &TableConfig::default());
    assert!(out.iter().all(|r| r.cells.iter().all(|c| c.col_span == 1)), "{:?}", texts(&out));
}

#[test]
fn a_chinese_heading_a_row_above_its_first_row_is_a_row_of_its_own() {
    // Rows one line each, about two sizes apart (size 10); the headings led by a Chinese
    // enumerator sit a row above their first rows: Chinese has no case to set them apart.
    let rows = vec![
        line(&["支出合计", "18,394", "14,141"], 10.0),
        line(&["一、社会保障和就业支出", "", ""], 42.0),
        line(&["事业运行项目", "1,600", "1,005"], 62.0),
        line(&["二、卫生健康支出", "", ""], 94.0),
        line(&["农林水支出", "5,242", "2,427"], 114.0),
    ];
    let m = metrics(&rows);
    let out = group_wrapped_lines(rows, &m, &TableConfig::default());
    assert_eq!(texts(&out)[1], ["一、社会保障和就业支出", "", ""]);
    assert_eq!(out.len(), 5);
    // A Chinese label wrapped at the leading (12 apart) stays one label.
    let rows = vec![
        line(&["支出合计", "18,394", "14,141"], 10.0),
        line(&["一、社会保障和就", "", ""], 42.0),
        line(&["业支出", "1,600", "1,005"], 54.0),
        line(&["二、卫生健康支出", "5,242", "2,427"], 86.0),
    ];
    let m = metrics(&rows);
    assert_eq!(texts(&group_wrapped_lines(rows, &m, &TableConfig::default()))[1], ["一、社会保障和就业支出", "1,600", "1,005"]);
}
