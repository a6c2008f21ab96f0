use super::*;
use crate::table::model::TableCell;

fn line(texts: &[&str], top: f64) -> TableRow {
    TableRow { page: 1, top, bottom: top + 8.0, cells: texts.iter().map(|t| TableCell::new(t.to_string())).collect(), label: None, level: None }
}

fn texts(rows: &[TableRow]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).collect()
}

#[test]
fn a_caption_over_a_value_in_one_ruled_band_is_two_rows() {
    // Filled cell backgrounds whose gaps give rules at 0, 40 and 60: the header line and the
    // first body line share the first band (us-011a).
    let rows = vec![line(&["Program", "Budget"], 5.0), line(&["Performance.gov", "$1.1M"], 20.0), line(&["IT Dashboard", "$1.06M"], 45.0)];
    let out = merge_wrapped(rows, &[0.0, 40.0, 60.0], &TableConfig::default());
    assert_eq!(texts(&out), vec![vec!["Program", "Budget"], vec!["Performance.gov", "$1.1M"], vec!["IT Dashboard", "$1.06M"]]);
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
    let out = merge_wrapped(rows, &[0.0, 40.0, 70.0], &TableConfig::default());
    assert_eq!(texts(&out), vec![vec!["STT", "Dự toán năm 2024"], vec!["Federal Risk Authorization (FedRAMP)", "$0.3M"]]);
}

#[test]
fn money_amounts_count_as_numbers() {
    assert!(is_numeric_token("$9,600"));
    assert!(is_numeric_token("$1.1M"));
    assert!(is_numeric_token("12.5%"));
    assert!(!is_numeric_token("$"));
    assert!(!is_numeric_token("FY2010"));
}

#[test]
fn a_body_framed_only_by_rules_keeps_its_rows() {
    // Booktabs: rules above the header, under it and under the body (us-003). Body lines that
    // fill the same columns are rows; the header band stays one row.
    let rows = vec![
        line(&["", "1994", "1997"], 5.0),
        line(&["Lowest", "$9,594 or less", "$22,400 or less"], 25.0),
        line(&["Lower middle", "$9,595–$17,992", "$22,401–$29,992"], 35.0),
        line(&["Highest", "Greater than $25,771", "Greater than $40,888"], 45.0),
    ];
    let out = merge_wrapped(rows, &[0.0, 20.0, 60.0], &TableConfig::default());
    assert_eq!(out.len(), 4);
    assert_eq!(texts(&out)[3], vec!["Highest", "Greater than $25,771", "Greater than $40,888"]);
    // Two header bands: the lower one's wrapped captions fill different columns per line.
    let rows = vec![
        line(&["", "Expenditures", ""], 5.0),
        line(&["", "ADA", "Total"], 25.0),
        line(&["School year", "(in thousands)", "(in billions)"], 35.0),
    ];
    let out = merge_wrapped(rows, &[0.0, 20.0, 60.0], &TableConfig::default());
    assert_eq!(texts(&out), vec![vec!["", "Expenditures", ""], vec!["School year", "ADA (in thousands)", "Total (in billions)"]]);
}

#[test]
fn the_other_text_column_of_the_page_is_dropped() {
    // A table in the left column of a two-column page; the right column's lines share its
    // baselines (us-025).
    let prose = ["differences in access to care", "health through preventing", "rosis should be given priority", "prevalence of risk factors", "at early ages. However,", "conducted regarding behavior"];
    let mut rows: Vec<TableRow> = prose.iter().enumerate().map(|(i, p)| line(&["State", "1,144", "193.5", p], 10.0 * i as f64)).collect();
    rows.push(line(&["", "", "", "the initiation and progression"], 70.0));
    let mut bounds = vec![0.0, 100.0, 150.0, 200.0, 400.0];
    drop_running_text_edges(&mut rows, &mut bounds, &StreamConfig::default());
    assert_eq!(bounds, vec![0.0, 100.0, 150.0, 200.0]);
    assert_eq!(rows.len(), 6, "the row of prose alone is gone");
    assert!(rows.iter().all(|r| r.cells.len() == 3));
    // A table's own text column starts its cells with capitals: it stays.
    let mut rows: Vec<TableRow> = (0..6).map(|i| line(&["Tuition", "1,200", "The cost of taking a course varies"], 10.0 * i as f64)).collect();
    let mut bounds = vec![0.0, 100.0, 150.0, 400.0];
    drop_running_text_edges(&mut rows, &mut bounds, &StreamConfig::default());
    assert_eq!(bounds.len(), 4);
}

#[test]
fn many_row_starts_in_one_band_are_rows_and_lowercase_lines_run_on() {
    // A captioned text table framed by rules (us-019): section lines, labelled rows and a row
    // whose two cells both wrap onto a second line.
    let rows = vec![
        line(&["Variable", "Assumption"], 5.0),
        line(&["Demographic assumptions", ""], 25.0),
        line(&["Population", "Projections are consistent"], 35.0),
        line(&["Disposable income per capita in", "Annual percent changes range"], 45.0),
        line(&["constant dollars", "with an annual growth rate of 1.4%"], 53.0),
        line(&["Inflation rate", "Inflation rate ranges between 1.0% and 2.0%"], 63.0),
    ];
    let out = merge_wrapped(rows, &[0.0, 20.0, 80.0], &TableConfig::default());
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
fn tightly_set_numbers_with_separators_are_two_values() {
    use crate::layout::{TextLine, Word};
    use crate::pdf::BBox;
    let word = |t: &str, x0: f64, x1: f64| Word { text: t.into(), bbox: BBox::new(x0, 0.0, x1, 8.0), size: 8.0, bold: false };
    let line = |words: Vec<Word>| TextLine { bbox: BBox::new(words[0].bbox.x0, 0.0, words[words.len() - 1].bbox.x1, 8.0), baseline: 6.0, upright: true, words };
    let cfg = TableConfig::default();
    // 3 pt between the numbers: less than the usual number gap (4 pt at 8 pt), more than a
    // tight space.
    let chunks = chunks_of(&line(vec![word("3,068,550", 0.0, 36.0), word("3,103,540", 39.0, 75.0)]), &cfg);
    assert_eq!(chunks.len(), 2);
    // A number grouped with spaces stays one number; punctuation after a date is no separator.
    assert_eq!(chunks_of(&line(vec![word("1", 0.0, 4.0), word("234", 7.0, 19.0), word("567,8", 22.0, 42.0)]), &cfg).len(), 1);
    assert_eq!(chunks_of(&line(vec![word("16,", 0.0, 10.0), word("2011,", 13.0, 33.0)]), &cfg).len(), 1);
}
