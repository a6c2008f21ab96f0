//! Table stage on synthetic pages (glyphs placed by the test): layouts that the sample PDFs do
//! not cover.

// A panic is how a test or benchmark reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Arc;
use tablelift::layout::LayoutConfig;
use tablelift::pdf::{BBox, Glyph, Orientation, PageContent, Ruling};
use tablelift::table::{TableConfig, extract_tables};

/// Glyphs of `text` starting at x on baseline y, 10 pt Helvetica-like (5 pt per character).
fn word(glyphs: &mut Vec<Glyph>, text: &str, x: f64, y: f64) {
    let mut cx = x;
    for ch in text.chars() {
        if ch != ' ' {
            glyphs.push(Glyph {
                text: ch.to_string().into(),
                bbox: BBox::new(cx, y - 8.0, cx + 5.0, y + 2.0),
                baseline: y,
                size: 10.0,
                font: Arc::from("Helvetica"),
                bold: false,
                invisible: false,
                upright: true,
                watermark: false,
            });
        }
        cx += 5.0;
    }
}

fn page(glyphs: Vec<Glyph>) -> PageContent {
    PageContent { number: 1, width: 842.0, height: 595.0, glyphs, rulings: Vec::new(), unmapped_glyphs: 0, images: 0 }
}

#[test]
fn sparse_unruled_budget_table_is_still_a_table() {
    // Row labels in column 0, most amounts blank (budget tables leave zeros blank).
    let mut g = Vec::new();
    word(&mut g, "Noi dung", 40.0, 100.0);
    for (k, h) in ["Tong so", "Giao duc", "Y te", "Van hoa", "Khac"].iter().enumerate() {
        word(&mut g, h, 250.0 + 110.0 * k as f64, 100.0);
    }
    let rows = ["Xa Son Ha", "Xa Son Thanh", "Xa Son Linh", "Xa Son Giang", "Xa Son Hai", "Xa Son Ba", "Xa Son Bao", "Xa Son Trung"];
    for (i, label) in rows.iter().enumerate() {
        let y = 120.0 + 16.0 * i as f64;
        word(&mut g, label, 40.0, y);
        // Total column always; one of the four detail columns on every other row (each column
        // gets values on at least two rows, the table is less than half filled).
        word(&mut g, "1.250,00", 250.0, y);
        let detail = [1, 2, 3, 4, 1, 2, 3, 4][i];
        if i < 4 || i % 2 == 0 {
            word(&mut g, "1.250,00", 250.0 + 110.0 * detail as f64, y);
        }
    }
    // Require more fill than this table has, so only its column of row labels keeps it.
    let strict = TableConfig { min_stream_fill: 0.9, ..TableConfig::default() };
    let tables = extract_tables(&[page(g)], &strict, &LayoutConfig::default());
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    assert_eq!(t.n_cols, 6);
    assert_eq!(t.header_rows.len(), 1);
    assert_eq!(t.rows.len(), 8);
    assert_eq!(t.rows[0].cells[0].text, "Xa Son Ha");
    assert_eq!(t.rows[0].cells[1].text, "1.250,00");
}

#[test]
fn prose_and_letterhead_are_not_tables() {
    let mut g = Vec::new();
    // Two-column letterhead.
    word(&mut g, "UY BAN NHAN DAN", 40.0, 60.0);
    word(&mut g, "CONG HOA XA HOI CHU NGHIA VIET NAM", 330.0, 60.0);
    word(&mut g, "HUYEN SON HA", 55.0, 74.0);
    word(&mut g, "Doc lap - Tu do - Hanh phuc", 370.0, 74.0);
    word(&mut g, "So: 82/TTr-UBND", 50.0, 92.0);
    word(&mut g, "Son Ha, ngay 21 thang 5 nam 2025", 360.0, 92.0);
    // A justified paragraph.
    for i in 0..8 {
        word(&mut g, "Thuc hien Nghi quyet so 15 cua Hoi dong nhan dan ve du toan ngan sach nam 2025 va cac", 40.0, 130.0 + 14.0 * i as f64);
    }
    let tables = extract_tables(&[page(g)], &TableConfig::default(), &LayoutConfig::default());
    assert!(tables.is_empty(), "found {} tables", tables.len());
}

/// Three newspaper columns of running text (us-001): their gutters line up like column gaps,
/// but lines run on from the line above; a "Table 1" caption would make a block of word
/// cells a table, running text stays text.
#[test]
fn text_in_newspaper_columns_is_not_a_table() {
    let lines = [
        ["quarters had a disability in", "303.9 million in the civilian", "had a severe disability (Table"],
        ["Were this population included", "noninstitutionalized population", "About 12.3 million people aged"],
        ["in the survey, the magnitude of", "had a disability in the year. About", "six years and older needed"],
        ["the disability estimates in this", "people were aged under fifteen", "assistance with one or more"],
        ["report would likely be larger.", "and over, and the number of", "activities of daily living and"],
        ["Highlights of the report", "people with a severe disability", "instrumental activities of"],
        ["approximately fifty million", "increased over the period, while", "daily living (see the tables)."],
    ];
    let mut g = Vec::new();
    for (i, cols) in lines.iter().enumerate() {
        for (k, text) in cols.iter().enumerate() {
            word(&mut g, text, 40.0 + 190.0 * k as f64, 100.0 + 12.0 * i as f64);
        }
    }
    let tables = extract_tables(&[page(g)], &TableConfig::default(), &LayoutConfig::default());
    assert!(tables.is_empty(), "found {} tables", tables.len());
}

/// A table printed sideways (text turned a quarter anticlockwise) on a portrait page: the page
/// is turned upright before layout.
#[test]
fn sideways_table_is_read_upright() {
    let rows = [["Region", "2023", "2024"], ["North", "1,250", "1,300"], ["South", "2,400", "2,350"], ["East", "900", "950"], ["West", "1,100", "1,150"]];
    let mut content = String::from("BT /F1 10 Tf\n");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            // Rotated 90° anticlockwise: text runs upwards; rows go right, columns go up.
            let x = 100.0 + 16.0 * r as f64;
            let y = 100.0 + 120.0 * c as f64;
            content.push_str(&format!("0 1 -1 0 {x} {y} Tm ({cell}) Tj\n"));
        }
    }
    content.push_str("ET");
    let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec();
    let pdf = common::one_page_pdf(common::stream("", content.as_bytes()), "/Font << /F1 5 0 R >>", vec![font]);

    let doc = tablelift::extract(pdf, &tablelift::Options::default()).unwrap();
    assert_eq!(doc.tables.len(), 1);
    let t = &doc.tables[0];
    let texts: Vec<Vec<&str>> = t.header_rows.iter().chain(t.rows.iter().map(|r| &r.cells)).map(|r| r.iter().map(|c| c.text.as_str()).collect()).collect();
    let want: Vec<Vec<&str>> = rows.iter().map(|r| r.to_vec()).collect();
    assert_eq!(texts, want);
    assert_eq!(t.rows[1].cells[1].value.as_deref(), Some("2400"));
}

#[test]
fn a_watermark_across_a_grid_stays_out_of_its_cells() {
    // A ruled grid of 3 columns and 4 rows, and "DRAFT" set at 40 pt and 45° across it.
    let mut g = Vec::new();
    let (xs, ys) = ([40.0, 160.0, 260.0, 360.0], [80.0, 100.0, 120.0, 140.0, 160.0]);
    let rows = [["Item", "2024", "2025"], ["Health", "1.250", "1.300"], ["Housing", "870", "910"], ["Total", "2.120", "2.210"]];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            word(&mut g, text, xs[c] + 4.0, ys[r] + 14.0);
        }
    }
    for (k, ch) in "DRAFT".chars().enumerate() {
        let (x, y) = (120.0 + 28.0 * k as f64, 150.0 - 28.0 * k as f64);
        g.push(Glyph { text: ch.to_string().into(), bbox: BBox::new(x, y - 30.0, x + 30.0, y), baseline: y, size: 40.0, font: Arc::from("Helvetica-Bold"), bold: true, invisible: false, upright: false, watermark: true });
    }
    let mut rulings: Vec<Ruling> = ys.iter().map(|&y| Ruling { orientation: Orientation::Horizontal, pos: y, start: xs[0], end: xs[3] }).collect();
    rulings.extend(xs.iter().map(|&x| Ruling { orientation: Orientation::Vertical, pos: x, start: ys[0], end: ys[4] }));
    let tables = extract_tables(&[PageContent { rulings, ..page(g) }], &TableConfig::default(), &LayoutConfig::default());
    assert_eq!(tables.len(), 1);
    let cells: Vec<Vec<&str>> = tables[0].header_rows.iter().chain(&tables[0].rows).map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
    assert_eq!(cells, rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>());
}
