use super::*;
use crate::pdf::BBox;
use crate::table::model::{ContextLine, Method, TableCell, TableRow};

fn row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(1, 0.0, 1.0, cells)
}

fn full_width(text: &str, n: usize) -> TableRow {
    let mut cells = vec![TableCell { text: text.into(), row_span: 1, col_span: n, covered: false }];
    cells.extend((1..n).map(|_| TableCell::covered()));
    row(cells)
}

#[test]
fn a_framed_title_and_notes_move_out_of_the_rows() {
    // A frame around "Exhibit B.4 …", the table and its notes.
    let body = |a: &str, b: &str| row(vec![TableCell::new(a.into()), TableCell::new(b.into()), TableCell::new("Yes".into())]);
    let mut t = PageTable {
        page: 1,
        bbox: BBox::new(0.0, 0.0, 100.0, 100.0),
        method: Method::Ruled,
        column_x: vec![0.0, 30.0, 60.0, 100.0],
        header_rows: 0,
        rows: vec![full_width("Exhibit B.4 State Implementation", 3), body("", "AYP"), body("NC", "Yes"), body("ND", "No"), full_width("Note: “na” means not available.", 3)],
        lines_above: vec![ContextLine::new("Appendix B", BBox::default())],
        lines_below: Vec::new(),
        page_furniture: Vec::new(),
        continuation_only: false,
        head_only: false,
    };
    move_title_and_notes_out(&mut t, &PageConfig::default());
    assert_eq!(t.rows.len(), 3);
    assert_eq!(t.lines_above.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), vec!["Appendix B", "Exhibit B.4 State Implementation"]);
    assert_eq!(t.lines_below, vec!["Note: “na” means not available."]);
    // A full-width section row inside the body stays.
    let mut t2 = PageTable { rows: vec![body("", "2024"), full_width("Real estate loans", 3), body("Mortgage", "1,000"), body("Consumer", "20")], ..t };
    move_title_and_notes_out(&mut t2, &PageConfig::default());
    assert_eq!(t2.rows.len(), 4);
}

#[test]
fn a_figure_caption_at_the_margin_marks_an_indented_chart() {
    use crate::layout::Word;
    let line = |text: &str, x0: f64, x1: f64, y0: f64| {
        let bbox = BBox::new(x0, y0, x1, y0 + 10.0);
        TextLine { words: vec![Word { text: text.into(), bbox, size: 10.0, bold: false, baseline: bbox.y1 }], bbox, baseline: y0 + 8.0, upright: true }
    };
    // "Figure 1" at the left margin, the chart's gridlines (read as a grid) indented.
    let chart = PageTable {
        page: 1,
        bbox: BBox::new(124.0, 160.0, 500.0, 320.0),
        method: Method::Ruled,
        column_x: vec![124.0, 300.0, 500.0],
        rows: Vec::new(),
        header_rows: 0,
        lines_above: Vec::new(),
        lines_below: Vec::new(),
        page_furniture: Vec::new(),
        continuation_only: false,
        head_only: false,
    };
    let caption = line("Figure 1", 72.0, 110.0, 70.0);
    let title = line("Student Enrollment and Number of Incidents", 180.0, 440.0, 100.0);
    assert!(under_figure_caption(&chart, &[&caption, &title], &TableConfig::default()));
    // A caption far to the side (the other column of the page) does not count.
    let aside = line("Figure 2", 620.0, 660.0, 120.0);
    assert!(!under_figure_caption(&chart, &[&aside], &TableConfig::default()));
}

#[test]
fn the_margin_reach_is_a_quarter_of_the_table_width_and_captions_may_wrap() {
    use crate::layout::Word;
    let line = |text: &str, x0: f64, x1: f64, y0: f64| {
        let bbox = BBox::new(x0, y0, x1, y0 + 10.0);
        TextLine { words: vec![Word { text: text.into(), bbox, size: 10.0, bold: false, baseline: bbox.y1 }], bbox, baseline: y0 + 8.0, upright: true }
    };
    // A chart 400 pt wide at x 200..600: the reach is 100 pt to either side (x 100..700).
    let chart = PageTable {
        page: 1,
        bbox: BBox::new(200.0, 200.0, 600.0, 400.0),
        method: Method::Ruled,
        column_x: vec![200.0, 400.0, 600.0],
        rows: Vec::new(),
        header_rows: 0,
        lines_above: Vec::new(),
        lines_below: Vec::new(),
        page_furniture: Vec::new(),
        continuation_only: false,
        head_only: false,
    };
    let cfg = TableConfig::default();
    assert!(under_figure_caption(&chart, &[&line("Figure 1", 60.0, 105.0, 150.0)], &cfg), "reaches 5 pt into the margin");
    assert!(!under_figure_caption(&chart, &[&line("Figure 1", 50.0, 95.0, 150.0)], &cfg), "ends 5 pt short of it");
    assert!(under_figure_caption(&chart, &[&line("Figure 1", 650.0, 700.0, 150.0)], &cfg), "the right margin counts too");
    // A caption wrapped over two lines, its first line beyond the caption distance (105 pt
    // above the chart): followed up from its second line, 92 pt above.
    let first = line("Figure 3: Student enrollment", 200.0, 400.0, 85.0);
    let second = line("and incidents, 2010", 200.0, 330.0, 98.0);
    assert!(under_figure_caption(&chart, &[&first, &second], &cfg));
    // A gap of more than 0.6 line heights between them: two paragraphs, no caption near.
    let apart = line("and incidents, 2010", 200.0, 330.0, 105.0);
    assert!(!under_figure_caption(&chart, &[&first, &apart], &cfg));
    // Too far above (beyond the caption distance) and not followed from a nearer line.
    let far = line("Figure 9", 200.0, 250.0, 40.0);
    assert!(!under_figure_caption(&chart, &[&far], &cfg));
}

#[test]
fn a_label_column_is_judged_on_the_body_rows() {
    // A small table under a header of three levels: the label column is blank beside the group
    // captions, but names every body row.
    let cells = |texts: &[&str]| row(texts.iter().map(|t| TableCell::new((*t).into())).collect());
    let t = PageTable {
        page: 1,
        bbox: BBox::new(0.0, 0.0, 100.0, 100.0),
        method: Method::Stream,
        column_x: vec![0.0, 20.0, 50.0, 70.0, 100.0],
        header_rows: 0,
        rows: vec![
            cells(&["", "", "", "Funding"]),
            cells(&["No.", "Name", "Total", ""]),
            cells(&["", "", "Own", "Grants"]),
            cells(&["", "Total", "66.75", "13.41"]),
            cells(&["1", "Schools", "66.75", "13.41"]),
        ],
        lines_above: Vec::new(),
        lines_below: Vec::new(),
        page_furniture: Vec::new(),
        continuation_only: false,
        head_only: false,
    };
    assert!(has_label_column(&t, &TableConfig::default()));
    // A chart's legend names few of its rows.
    let chart = PageTable { rows: vec![cells(&["", "2019", "2020", ""]), cells(&["", "100", "", "200"]), cells(&["", "", "50", ""]), cells(&["Sales", "", "", "25"])], ..t };
    assert!(!has_label_column(&chart, &TableConfig::default()));
}

#[test]
fn tables_side_by_side_keep_their_own_context_lines() {
    // Two tables side by side (the right one starts a little higher), a third under both.
    let boxes = [BBox::new(300.0, 95.0, 450.0, 200.0), BBox::new(50.0, 100.0, 200.0, 220.0), BBox::new(50.0, 300.0, 450.0, 400.0)];
    let left_title = BBox::new(60.0, 80.0, 180.0, 90.0);
    let right_title = BBox::new(320.0, 78.0, 430.0, 88.0);
    let page_title = BBox::new(150.0, 40.0, 350.0, 50.0);
    assert!(in_column_of(&boxes, 1, &left_title) && !in_column_of(&boxes, 1, &right_title));
    assert!(in_column_of(&boxes, 0, &right_title) && !in_column_of(&boxes, 0, &left_title));
    // A line over both belongs to both; the table under both sees every line above it.
    assert!(in_column_of(&boxes, 0, &page_title) && in_column_of(&boxes, 1, &page_title));
    assert!(in_column_of(&boxes, 2, &left_title) && in_column_of(&boxes, 2, &right_title));
    // Neither table beside the other is above or below it; the third is below both.
    assert_eq!(neighbour_bottom_above(&boxes, 1), f64::MIN);
    assert_eq!(neighbour_top_below(&boxes, 0), 300.0);
    assert_eq!(neighbour_bottom_above(&boxes, 2), 220.0);
}

#[test]
fn a_label_line_reaching_into_the_table_top_is_above_it() {
    // Rows at the top of a page: the first line of a label (y 50–59) set at the leading above
    // the line of its row's values, where the table starts (y 57).
    let table = BBox::new(130.0, 57.0, 460.0, 106.0);
    let label = BBox::new(240.0, 50.4, 420.0, 59.4);
    assert!(is_above(&label, &table, f64::MIN, 1.0));
    // A line of the column beside the table at that height is not (it lies outside its width).
    let beside = BBox::new(40.0, 50.4, 300.0, 59.4);
    assert!(!is_above(&beside, &table, f64::MIN, 1.0));
    // Nor is a line reaching into the table by more than half its height, or one above the
    // table over it.
    assert!(!is_above(&BBox::new(240.0, 53.5, 420.0, 62.5), &table, f64::MIN, 1.0));
    assert!(!is_above(&label, &table, 55.0, 1.0));
}
