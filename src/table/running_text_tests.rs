//! Unit tests of `running_text`.

use super::*;

fn line(texts: &[&str], top: f64) -> TableRow {
    TableRow { page: 1, top, bottom: top + 8.0, cells: texts.iter().map(|t| TableCell::new(t.to_string())).collect(), label: None, level: None }
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
