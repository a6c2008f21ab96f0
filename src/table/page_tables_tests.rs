use super::*;
use crate::pdf::BBox;
use crate::table::model::{Method, TableCell, TableRow};

fn row(cells: Vec<TableCell>) -> TableRow {
    TableRow { page: 1, top: 0.0, bottom: 1.0, cells, label: None, level: None }
}

fn full_width(text: &str, n: usize) -> TableRow {
    let mut cells = vec![TableCell { text: text.into(), row_span: 1, col_span: n, covered: false }];
    cells.extend((1..n).map(|_| TableCell::covered()));
    row(cells)
}

#[test]
fn a_framed_title_and_notes_move_out_of_the_rows() {
    // us-012: a frame around "Exhibit B.4 …", the table and its notes.
    let body = |a: &str, b: &str| row(vec![TableCell::new(a.into()), TableCell::new(b.into()), TableCell::new("Yes".into())]);
    let mut t = PageTable {
        page: 1,
        bbox: BBox::new(0.0, 0.0, 100.0, 100.0),
        method: Method::Ruled,
        column_x: vec![0.0, 30.0, 60.0, 100.0],
        rows: vec![full_width("Exhibit B.4 State Implementation", 3), body("", "AYP"), body("NC", "Yes"), body("ND", "No"), full_width("Note: “na” means not available.", 3)],
        lines_above: vec!["Appendix B".into()],
        lines_below: Vec::new(),
        page_furniture: Vec::new(),
    };
    move_title_and_notes_out(&mut t);
    assert_eq!(t.rows.len(), 3);
    assert_eq!(t.lines_above, vec!["Appendix B", "Exhibit B.4 State Implementation"]);
    assert_eq!(t.lines_below, vec!["Note: “na” means not available."]);
    // A full-width section row inside the body stays.
    let mut t2 = PageTable { rows: vec![body("", "2024"), full_width("Real estate loans", 3), body("Mortgage", "1,000"), body("Consumer", "20")], ..t };
    move_title_and_notes_out(&mut t2);
    assert_eq!(t2.rows.len(), 4);
}
