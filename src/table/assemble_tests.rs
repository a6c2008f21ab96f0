//! Unit tests of `assemble`: page furniture, notes, titles, continuation across pages.

use super::*;
use crate::table::config::AssembleConfig;
use crate::layout::Word;
use crate::pdf::BBox;
use crate::table::model::{ContextLine, Method, TableCell};

/// A one-word-per-piece text line with its top at `y0` (10 pt high).
fn text_line(text: &str, x0: f64, y0: f64) -> TextLine {
    let bbox = BBox::new(x0, y0, x0 + 6.0 * text.chars().count() as f64, y0 + 10.0);
    TextLine { words: vec![Word { text: text.into(), bbox, size: 10.0, bold: false, baseline: bbox.y1 }], bbox, baseline: y0 + 8.0, upright: true }
}

fn row(page: usize, texts: &[&str]) -> TableRow {
    TableRow::new(page, 0.0, 1.0, texts.iter().map(|t| TableCell::new(t.to_string())).collect())
}

/// A three-column page table: a header row "Item | 2023 | 2024" then `body` rows.
fn page_table(page: usize, title: &str, body: &[&[&str]], notes: &[&str]) -> PageTable {
    let mut rows = vec![row(page, &["Item", "2023", "2024"])];
    rows.extend(body.iter().map(|b| row(page, b)));
    PageTable {
        page,
        bbox: BBox::new(72.0, 100.0, 540.0, 400.0),
        method: Method::Stream,
        column_x: vec![72.0, 300.0, 420.0, 540.0],
        rows,
        header_rows: 1,
        lines_above: if title.is_empty() { Vec::new() } else { vec![ContextLine::new(title, crate::pdf::BBox::default())] },
        lines_below: notes.iter().map(|n| n.to_string()).collect(),
        page_furniture: Vec::new(),
        continuation_only: false,
        head_only: false,
    }
}

fn widths() -> HashMap<usize, PageText<'static>> {
    (1..=4).map(|p| (p, PageText { width: 612.0, lines: &[] })).collect()
}

#[test]
fn a_continued_title_says_the_table_goes_on() {
    assert!(continues_title("Table 3. Spending (continued)", Some("Table 3. Spending")));
    assert!(continues_title("Table 3 (cont.)", None), "says so without an earlier title");
    assert!(continues_title("Bảng 2 (tiếp theo)", Some("Bảng 2")));
    assert!(continues_title("续表", None));
    // The same title again, page numbers aside.
    assert!(continues_title("Spending by agency, page 12", Some("Spending by agency, page 11")));
    // A different title starts a new table; an empty earlier title matches nothing.
    assert!(!continues_title("Table 4. Revenue", Some("Table 3. Spending")));
    assert!(!continues_title("2024", Some("2023")));
    assert!(!continues_title("Table 4. Revenue", None));
}

#[test]
fn the_title_skips_unit_lines_and_remarks() {
    let lines = |ls: &[&str]| ls.iter().map(|l| ContextLine::new(*l, crate::pdf::BBox::default())).collect::<Vec<_>>();
    assert_eq!(table_title(&lines(&["Table 3. Spending", "Đơn vị tính: Triệu đồng"])).as_deref(), Some("Table 3. Spending"));
    assert_eq!(table_title(&lines(&["Table 3. Spending", "(in thousands)"])).as_deref(), Some("Table 3. Spending"));
    assert_eq!(table_title(&lines(&["2024"])), None);
    // A long line with a colon is a title, not a "label: value" line.
    let long = "Table 3: Spending of the central government by function and by economic type";
    assert_eq!(table_title(&lines(&[long])).as_deref(), Some(long));
}

#[test]
fn notes_start_with_a_note_word_or_a_footnote_mark() {
    for n in ["Note: na means not available", "Notes:", "Source: OMB", "注：单位万元", "Ghi chú: …", "* Estimated", "† Revised", "Abbreviation: FY"] {
        assert!(is_note(n), "{n}");
    }
    for n in ["Total", "Table 3", "2024", "Nonprofit sector"] {
        assert!(!is_note(n), "{n}");
    }
}

#[test]
fn running_headers_and_page_numbers_are_furniture() {
    let cfg = AssembleConfig::default();
    let height = 792.0;
    // A running header repeated at the same place with a changing page number.
    let pages: Vec<Vec<TextLine>> = (1..=3)
        .map(|p| vec![text_line(&format!("Budget 2024 - page {p}"), 72.0, 30.0), text_line(&format!("Body text {p}{p}"), 72.0, 300.0 + 20.0 * p as f64)])
        .collect();
    let input: Vec<(f64, &[TextLine])> = pages.iter().map(|l| (height, l.as_slice())).collect();
    let furniture = PageFurniture::learn(&input, &cfg);
    assert!(furniture.is_furniture(&text_line("Budget 2024 - page 7", 72.0, 30.0), height));
    assert!(!furniture.is_furniture(&text_line("Budget 2024 - page 7", 72.0, 200.0), height), "elsewhere on the page");
    assert!(!furniture.is_furniture(&pages[0][1], height), "text at a different place on each page");
    // A bare page number counts only in the top or bottom margin.
    assert!(furniture.is_furniture(&text_line("- 12 -", 300.0, 760.0), height));
    assert!(furniture.is_furniture(&text_line("Page 3", 300.0, 20.0), height));
    assert!(!furniture.is_furniture(&text_line("12", 300.0, 400.0), height));
    assert!(!furniture.is_furniture(&text_line("12345", 300.0, 760.0), height), "too long for a page number");
    // One page: nothing repeats, but a page number in the margin is still furniture.
    let one = PageFurniture::learn(&input[..1], &cfg);
    assert!(!one.is_furniture(&pages[0][0], height));
    assert!(one.is_furniture(&text_line("7", 300.0, 770.0), height));
}

#[test]
fn a_table_continues_on_the_next_page_without_its_repeated_header() {
    let cfg = TableConfig::default();
    let first = page_table(1, "Table 3. Spending", &[&["Defense", "699", "709"], &["Health", "90", "95"]], &["Note: estimates"]);
    let second = page_table(2, "Table 3. Spending (continued)", &[&["Housing", "40", "41"]], &["Source: OMB", "Page 7 of the report"]);
    let tables = assemble(vec![first, second], &widths(), &cfg);
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    assert_eq!(t.pages, vec![1, 2]);
    assert_eq!(t.header_rows.len(), 1);
    let labels: Vec<&str> = t.rows.iter().map(|r| r.cells[0].text.as_str()).collect();
    assert_eq!(labels, vec!["Defense", "Health", "Housing"], "the repeated header is dropped");
    assert_eq!(t.notes, vec!["Note: estimates", "Source: OMB"], "only note lines are notes");
    assert_eq!(t.context_above.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), vec!["Table 3. Spending"]);
}

#[test]
fn a_new_title_a_skipped_page_or_other_columns_start_a_new_table() {
    let cfg = TableConfig::default();
    let body: &[&[&str]] = &[&["Defense", "699", "709"]];
    // A different title.
    let tables = assemble(vec![page_table(1, "Table 3. Spending", body, &[]), page_table(2, "Table 4. Revenue", body, &[])], &widths(), &cfg);
    assert_eq!(tables.len(), 2);
    // Not the next page.
    let tables = assemble(vec![page_table(1, "Table 3. Spending", body, &[]), page_table(3, "", body, &[])], &widths(), &cfg);
    assert_eq!(tables.len(), 2);
    // No title, a different header that does not repeat: the columns must line up (within
    // 3% of the page width).
    let moved = |dx: f64| {
        let mut t = page_table(2, "", body, &[]);
        t.rows[0] = row(2, &["Agency", "FY23", "FY24"]);
        t.column_x.iter_mut().for_each(|x| *x += dx);
        t
    };
    let tables = assemble(vec![page_table(1, "Table 3. Spending", body, &[]), moved(10.0)], &widths(), &cfg);
    assert_eq!(tables.len(), 1, "10 pt off on a 612 pt page: aligned");
    let tables = assemble(vec![page_table(1, "Table 3. Spending", body, &[]), moved(30.0)], &widths(), &cfg);
    assert_eq!(tables.len(), 2, "30 pt off: another table");
}

#[test]
fn a_headless_rest_under_a_line_that_names_no_table_continues_the_table() {
    let cfg = TableConfig::default();
    let first = page_table(1, "Table 3. Spending", &[&["Defense", "699", "709"], &["Health", "90", "95"]], &[]);
    // The next page: no header, the first line of a wrapped label above the rows (read as a
    // line above the table), and the amount column's boundary moved with its contents.
    let rest = |above: &str, gap: f64| {
        let mut t = page_table(2, "", &[], &[]);
        t.lines_above = vec![ContextLine::new(above, BBox::new(72.0, 90.0 - gap, 200.0, 100.0 - gap))];
        t.rows = vec![row(2, &["and community amenities", "40", "41"]), row(2, &["Total", "829", "845"])];
        t.header_rows = 0;
        t.column_x = vec![72.0, 340.0, 420.0, 540.0];
        t
    };
    let tables = assemble(vec![first.clone(), rest("Housing", 2.0)], &widths(), &cfg);
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].rows.len(), 4);
    // A table caption there starts a table of its own, and so does a line set apart (a title).
    assert_eq!(assemble(vec![first.clone(), rest("Table 4. Revenue", 2.0)], &widths(), &cfg).len(), 2);
    assert_eq!(assemble(vec![first, rest("Housing grants", 30.0)], &widths(), &cfg).len(), 2);
}

#[test]
fn rows_too_few_for_a_table_are_kept_only_when_they_continue_one() {
    let cfg = TableConfig::default();
    let first = page_table(1, "Table 3. Spending", &[&["Defense", "699", "709"], &["Health", "90", "95"]], &[]);
    let fragment = |page: usize, dx: f64| {
        let mut t = page_table(page, "", &[], &[]);
        t.rows = vec![row(page, &["Housing", "40", "41"]), row(page, &["Parks", "9", "8"])];
        t.header_rows = 0;
        t.continuation_only = true;
        t.column_x.iter_mut().for_each(|x| *x += dx);
        t
    };
    let tables = assemble(vec![first.clone(), fragment(2, 0.0)], &widths(), &cfg);
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].rows.len(), 4);
    assert_eq!(tables[0].pages, vec![1, 2]);
    // Not the next page, or columns elsewhere: dropped, and the table before stays as it was.
    let tables = assemble(vec![first.clone(), fragment(3, 0.0)], &widths(), &cfg);
    assert_eq!((tables.len(), tables[0].rows.len()), (1, 2));
    let tables = assemble(vec![first, fragment(2, 60.0)], &widths(), &cfg);
    assert_eq!((tables.len(), tables[0].rows.len()), (1, 2));
    // With nothing open, dropped.
    assert!(assemble(vec![fragment(1, 0.0)], &widths(), &cfg).is_empty());
}

#[test]
fn a_head_at_the_foot_of_a_page_is_kept_only_when_the_next_page_continues_it() {
    let cfg = TableConfig::default();
    // The header and a first row end page 1; page 2 goes on in the same columns.
    let head = |page: usize| {
        let mut t = page_table(page, "Table 3. Spending", &[&["Total", "789", "804"]], &[]);
        t.head_only = true;
        t
    };
    let mut rest = page_table(2, "", &[], &[]);
    rest.rows = vec![row(2, &["Defense", "699", "709"]), row(2, &["Health", "90", "95"])];
    rest.header_rows = 0;
    let tables = assemble(vec![head(1), rest.clone()], &widths(), &cfg);
    assert_eq!(tables.len(), 1);
    assert_eq!((tables[0].header_rows.len(), tables[0].rows.len(), tables[0].pages.clone()), (1, 3, vec![1, 2]));
    // Alone, or with no table going on from it on the next page: dropped.
    assert!(assemble(vec![head(1)], &widths(), &cfg).is_empty());
    let mut other = page_table(3, "Table 4. Revenue", &[&["Taxes", "500", "520"], &["Fees", "20", "21"]], &[]);
    other.header_rows = 1;
    let tables = assemble(vec![head(1), other], &widths(), &cfg);
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].title.as_deref(), Some("Table 4. Revenue"));
}

#[test]
fn rows_read_in_fewer_columns_continue_the_table_in_its_columns() {
    let cfg = TableConfig::default();
    let first = page_table(1, "Table 3. Spending", &[&["Defense", "699", "709"], &["Health", "90", "95"]], &[]);
    // The next page's two rows, too few for the amounts' gutter to show: read as two columns.
    let mut rest = page_table(2, "", &[], &[]);
    rest.rows = vec![TableRow::new(2, 100.0, 112.0, vec![TableCell::new("Housing".into()), TableCell::new("40 41".into())])];
    rest.rows.push(TableRow::new(2, 114.0, 126.0, vec![TableCell::new("Parks".into()), TableCell::new("9".into())]));
    rest.header_rows = 0;
    rest.column_x = vec![72.0, 300.0, 540.0];
    let lines = [
        TextLine { words: [text_line("Housing", 80.0, 101.0), text_line("40", 380.0, 101.0), text_line("41", 500.0, 101.0)].map(|l| l.words[0].clone()).to_vec(), ..text_line("Housing 40 41", 80.0, 101.0) },
        TextLine { words: [text_line("Parks", 80.0, 115.0), text_line("9", 386.0, 115.0)].map(|l| l.words[0].clone()).to_vec(), ..text_line("Parks 9", 80.0, 115.0) },
    ];
    let mut pages = widths();
    pages.insert(2, PageText { width: 612.0, lines: &lines });
    let tables = assemble(vec![first.clone(), rest.clone()], &pages, &cfg);
    assert_eq!(tables.len(), 1);
    let texts: Vec<Vec<&str>> = tables[0].rows.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
    assert_eq!(texts[2..], [vec!["Housing", "40", "41"], vec!["Parks", "9", ""]]);
    // A word across the open table's boundaries: a table of its own.
    let across = [TextLine { words: vec![Word { text: "Housing40".into(), bbox: BBox::new(80.0, 101.0, 330.0, 111.0), size: 10.0, bold: false, baseline: 111.0 }], ..lines[0].clone() }, lines[1].clone()];
    pages.insert(2, PageText { width: 612.0, lines: &across });
    rest.rows[0].cells[0].text = "Housing40".into();
    rest.rows[0].cells[1].text = "41".into();
    assert_eq!(assemble(vec![first, rest], &pages, &cfg).len(), 2);
}

#[test]
fn a_heading_above_the_rows_of_a_continued_table_is_one_of_its_rows() {
    let cfg = TableConfig::default();
    let first = page_table(1, "Table 3. Spending", &[&["Defense", "699", "709"], &["Health", "90", "95"]], &[]);
    let heading = text_line("HOUSING GRANTS", 80.0, 88.0);
    let mut rest = page_table(2, "", &[], &[]);
    rest.rows = vec![TableRow::new(2, 100.0, 110.0, ["Rent aid", "40", "41"].iter().map(|t| TableCell::new(t.to_string())).collect())];
    rest.bbox = BBox::new(72.0, 100.0, 540.0, 110.0);
    rest.header_rows = 0;
    rest.lines_above = vec![ContextLine::new(heading.text(), heading.bbox)];
    let lines = [heading.clone()];
    let mut pages = widths();
    pages.insert(2, PageText { width: 612.0, lines: &lines });
    let tables = assemble(vec![first, rest], &pages, &cfg);
    assert_eq!(tables.len(), 1);
    let texts: Vec<Vec<&str>> = tables[0].rows.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
    assert_eq!(texts[2..], [vec!["HOUSING GRANTS", "", ""], vec!["Rent aid", "40", "41"]]);
}

/// A line of one word per (x, text) with its top at `y0`.
fn words_line(words: &[(f64, &str)], y0: f64) -> TextLine {
    let words: Vec<Word> = words.iter().map(|(x, t)| text_line(t, *x, y0).words[0].clone()).collect();
    let bbox = words.iter().skip(1).fold(words[0].bbox, |b, w| b.union(&w.bbox));
    TextLine { words, bbox, baseline: y0 + 8.0, upright: true }
}

#[test]
fn the_page_with_fewer_rows_is_read_again_in_the_columns_of_the_other() {
    let cfg = TableConfig::default();
    // Three columns read right over three rows; one row under the repeated header read as two
    // columns (the amounts run together).
    let full = |page: usize| {
        let mut t = page_table(page, if page == 1 { "Table 3. Spending" } else { "" }, &[&["Defense", "699", "709"], &["Health", "90", "95"], &["Parks", "9", "8"]], &[]);
        for (k, r) in t.rows.iter_mut().enumerate() {
            (r.top, r.bottom) = (100.0 + 12.0 * k as f64, 110.0 + 12.0 * k as f64);
        }
        t
    };
    let short = |page: usize| {
        let mut t = page_table(page, if page == 1 { "Table 3. Spending" } else { "" }, &[], &[]);
        t.rows[0] = TableRow::new(page, 100.0, 110.0, vec![TableCell::new("Item".into()), TableCell::new("2023 2024".into())]);
        t.rows.push(TableRow::new(page, 112.0, 122.0, vec![TableCell::new("Housing".into()), TableCell::new("40 41".into())]));
        t.column_x = vec![72.0, 300.0, 540.0];
        t
    };
    let short_lines = [words_line(&[(80.0, "Item"), (380.0, "2023"), (500.0, "2024")], 100.0), words_line(&[(80.0, "Housing"), (380.0, "40"), (500.0, "41")], 112.0)];
    let rows_of = |t: &Table| t.rows.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect::<Vec<_>>()).collect::<Vec<_>>();
    let housing = vec!["Housing".to_string(), "40".into(), "41".into()];
    for short_page in [1, 2] {
        let mut pages = widths();
        pages.insert(short_page, PageText { width: 612.0, lines: &short_lines });
        let order = if short_page == 1 { vec![short(1), full(2)] } else { vec![full(1), short(2)] };
        let tables = assemble(order, &pages, &cfg);
        assert_eq!(tables.len(), 1, "short part on page {short_page}");
        assert_eq!(tables[0].n_cols, 3);
        let rows = rows_of(&tables[0]);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[if short_page == 1 { 0 } else { 3 }], housing);
    }
}

#[test]
fn of_two_pages_as_long_the_one_whose_header_fits_its_body_gives_the_columns() {
    let cfg = TableConfig::default();
    let cells = |texts: &[&str]| texts.iter().map(|t| TableCell::new(t.to_string())).collect::<Vec<_>>();
    // Page 1: one row under the header, its label left of the centred caption "Item": read as
    // a column of labels under no caption beside a column of the caption over no labels.
    let mut first = page_table(1, "Table 3. Spending", &[], &[]);
    first.column_x = vec![72.0, 150.0, 300.0, 420.0, 540.0];
    first.rows = vec![TableRow::new(1, 100.0, 110.0, cells(&["", "Item", "2023", "2024"])), TableRow::new(1, 112.0, 122.0, cells(&["Defense", "", "699", "709"]))];
    let lines = [words_line(&[(200.0, "Item"), (380.0, "2023"), (500.0, "2024")], 100.0), words_line(&[(80.0, "Defense"), (380.0, "699"), (500.0, "709")], 112.0)];
    // Page 2: the header repeated over as many rows, read in three columns.
    let rest = page_table(2, "", &[&["Health", "90", "95"]], &[]);
    let mut pages = widths();
    pages.insert(1, PageText { width: 612.0, lines: &lines });
    let tables = assemble(vec![first, rest], &pages, &cfg);
    assert_eq!(tables.len(), 1);
    let body: Vec<Vec<&str>> = tables[0].rows.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
    assert_eq!(body, [vec!["Defense", "699", "709"], vec!["Health", "90", "95"]]);
}

#[test]
fn a_column_empty_on_the_first_page_is_taken_from_the_next() {
    let cfg = TableConfig::default();
    // Page 1: no remark yet, so the remarks column does not show ("2023 Notes" one caption).
    let cells = |texts: &[&str]| texts.iter().map(|t| TableCell::new(t.to_string())).collect::<Vec<_>>();
    let mut first = page_table(1, "Table 3. Spending", &[], &[]);
    first.column_x = vec![72.0, 300.0, 540.0];
    first.rows = vec![TableRow::new(1, 100.0, 110.0, cells(&["Item", "2023 Notes"])), TableRow::new(1, 112.0, 122.0, cells(&["Defense", "699"])), TableRow::new(1, 124.0, 134.0, cells(&["Health", "90"]))];
    let lines = [words_line(&[(80.0, "Item"), (380.0, "2023"), (480.0, "Notes")], 100.0), words_line(&[(80.0, "Defense"), (380.0, "699")], 112.0), words_line(&[(80.0, "Health"), (386.0, "90")], 124.0)];
    // Page 2: the rest, headless, with remarks.
    let mut rest = page_table(2, "", &[], &[]);
    rest.column_x = vec![72.0, 300.0, 450.0, 540.0];
    rest.header_rows = 0;
    rest.rows = vec![TableRow::new(2, 100.0, 110.0, cells(&["Parks", "9", "late"])), TableRow::new(2, 112.0, 122.0, cells(&["Roads", "7", ""]))];
    let mut pages = widths();
    pages.insert(1, PageText { width: 612.0, lines: &lines });
    let tables = assemble(vec![first, rest], &pages, &cfg);
    assert_eq!(tables.len(), 1);
    let header: Vec<&str> = tables[0].header_rows[0].cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(header, ["Item", "2023", "Notes"]);
    let body: Vec<Vec<&str>> = tables[0].rows.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
    assert_eq!(body, [vec!["Defense", "699", ""], vec!["Health", "90", ""], vec!["Parks", "9", "late"], vec!["Roads", "7", ""]]);
}

#[test]
fn a_heading_ending_the_page_before_heads_the_rows_that_continue_the_table() {
    let cfg = TableConfig::default();
    let heading = text_line("HOUSING GRANTS", 80.0, 402.0);
    let mut first = page_table(1, "Table 3. Spending", &[&["Defense", "699", "709"], &["Health", "90", "95"]], &[]);
    first.lines_below = vec![heading.text()];
    let mut rest = page_table(2, "", &[&["Rent aid", "40", "41"]], &[]);
    rest.rows.remove(0);
    rest.header_rows = 0;
    let lines = [heading.clone()];
    let mut pages = widths();
    pages.insert(1, PageText { width: 612.0, lines: &lines });
    let tables = assemble(vec![first.clone(), rest.clone()], &pages, &cfg);
    assert_eq!(tables.len(), 1);
    let labels: Vec<&str> = tables[0].rows.iter().map(|r| r.cells[0].text.as_str()).collect();
    assert_eq!(labels, ["Defense", "Health", "HOUSING GRANTS", "Rent aid"]);
    // Without a next page that continues the table, the heading stays out of it.
    let tables = assemble(vec![first], &pages, &cfg);
    assert_eq!(tables[0].rows.len(), 2);
}
