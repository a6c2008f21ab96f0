//! Unit tests of `running_text`.

use super::*;

fn line(texts: &[&str], top: f64) -> TableRow {
    TableRow::new(1, top, top + 8.0, texts.iter().map(|t| TableCell::new(t.to_string())).collect())
}

#[test]
fn the_other_text_column_of_the_page_is_dropped() {
    // A table in the left column of a two-column page; the right column's lines share its
    // baselines.
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
fn money_amounts_are_numbers_to_the_prose_gate() {
    use crate::layout::{TextLine, Word};
    use crate::pdf::BBox;
    use crate::table::chunk::Chunk;
    let bbox = BBox::new(0.0, 0.0, 100.0, 8.0);
    let text = TextLine { words: vec![Word { text: "x".into(), bbox, size: 8.0, bold: false, baseline: bbox.y1 }], bbox, baseline: 6.0, upright: true };
    let chunked = |cells: &[&str]| ChunkedLine { line: &text, chunks: cells.iter().map(|c| Chunk { text: c.to_string(), bbox }).collect() };
    let cfg = TableConfig::default();
    // Two-column rows of programs and "$1.1M" amounts are a table…
    let money = [chunked(&["Performance.gov", "$1.1M"]), chunked(&["IT Dashboard", "$1.06M"]), chunked(&["eRulemaking", "$0.3M"])];
    assert!(!reads_as_prose(&money.iter().collect::<Vec<_>>(), &cfg));
    // …the same rows with words in place of the amounts are not (few wide lines, no numbers).
    let words = [chunked(&["Performance.gov", "Budget office"]), chunked(&["IT Dashboard", "Treasury"]), chunked(&["eRulemaking", "Justice"])];
    assert!(reads_as_prose(&words.iter().collect::<Vec<_>>(), &cfg));
    // An amount without a currency sign keeps its suffix and is not a number.
    let bare = [chunked(&["Performance.gov", "1.1M"]), chunked(&["IT Dashboard", "1.06M"]), chunked(&["eRulemaking", "0.3M"])];
    assert!(reads_as_prose(&bare.iter().collect::<Vec<_>>(), &cfg));
    // Prices with the sign after them ("8 €", set so in much of Europe) are numbers too.
    let prices = [chunked(&["Domaine de Montvac 2017", "9 €"]), chunked(&["Château Léoube 2016", "10 €"]), chunked(&["Villa Tempora 2015", "9€"])];
    assert!(!reads_as_prose(&prices.iter().collect::<Vec<_>>(), &cfg));
    // Long labels beside space-grouped amounts (a two-sided table): a number is one word.
    // Labels of 14 and 11 syllables: 25 + 2 words over 4 chunks, 6.75 a chunk (with every
    // digit group a word, 31 words: 7.75, prose).
    let row = || chunked(&["Phòng y tế, dân số và gia đình theo Nghị quyết số mười lăm", "6 363 000", "Hỗ trợ quản lý hành chính năm hai không hai lăm", "2 840 000"]);
    let two_sided = [row(), row(), row()];
    assert!(!reads_as_prose(&two_sided.iter().collect::<Vec<_>>(), &cfg));
}

#[test]
fn a_money_amount_in_a_column_is_no_running_text() {
    let cfg = StreamConfig::default();
    let column = |last: &str| {
        ["rising costs", "mostly flat", "down sharply", "unchanged", "up a little", last].iter().enumerate().map(|(i, t)| line(&["Item", t], 10.0 * i as f64)).collect::<Vec<_>>()
    };
    assert!(is_running_text_column(&column("about 1.1M"), 1, &cfg));
    assert!(!is_running_text_column(&column("$1.1M"), 1, &cfg), "a number: the column is the table's");
}

#[test]
fn a_remarks_column_repeating_a_few_words_is_no_running_text() {
    let cfg = StreamConfig::default();
    let column = |texts: &[&str]| texts.iter().enumerate().map(|(i, t)| line(&["Item", "1,200", t], 10.0 * i as f64)).collect::<Vec<_>>();
    let remarks = column(&["Remarks", "provisional", "provisional", "as disbursed", "provisional", "provisional", "provisional"]);
    assert!(!is_running_text_column(&remarks, 2, &cfg));
    // Lines of the page's other text column differ from line to line.
    let prose = column(&["the council", "agreed to fund", "the new roads", "in the district", "over two years", "and asked for"]);
    assert!(is_running_text_column(&prose, 2, &cfg));
}

#[test]
fn a_label_column_with_wrapped_labels_is_no_running_text() {
    // The left label column of a two-sided table, labels wrapped over up to three lines: half
    // its lines start in lowercase, but every label starts with a capital.
    let cfg = StreamConfig::default();
    let lines = [
        ("Revenue Item", ""),
        ("Recreation, culture and religion", "328,659.10"),
        ("for the regional authorities and", ""),
        ("general public services", ""),
        ("Public order and safety", "186,297.84"),
        ("Housing and community", "853,456.49"),
        ("amenities for the regional", ""),
        ("authorities", ""),
        ("General public services and", "790,155.08"),
        ("related programmes", ""),
    ];
    let rows: Vec<TableRow> = lines.iter().enumerate().map(|(i, (l, v))| line(&[l, v, "Education", "876,993.51"], 10.0 * i as f64)).collect();
    assert!(!is_running_text_column(&rows, 0, &cfg));
    // Lines of prose start with a capital only where a sentence does.
    let prose = ["the council", "agreed to fund", "the new roads. It", "in the district", "over two years", "and asked for", "A report is due", "by the end of"];
    let rows: Vec<TableRow> = prose.iter().enumerate().map(|(i, p)| line(&[p, "Education", "876,993.51"], 10.0 * i as f64)).collect();
    assert!(is_running_text_column(&rows, 0, &cfg));
}
