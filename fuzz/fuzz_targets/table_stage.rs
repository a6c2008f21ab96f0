//! The table stage (and the numbers and output stages after it) on arbitrary glyph sets.
//!
//! The input is decoded with `arbitrary` into 1–3 pages of text runs and rulings. A run is laid
//! out glyph by glyph the way the PDF layer reports them (one glyph per character, box from
//! 0.8 × size above to 0.2 × size below the baseline); rulings are single segments or whole
//! grids (so that lattice tables are common). Glyphs and rulings then go through the PDF layer's
//! own clean-up (`clean_glyphs`, `mark_level_watermarks`, `merge_rulings`), so the table stage sees what it would see from
//! a real page. Coordinates stay finite, in 0..1000 points; at most 400 glyphs per page.
#![no_main]

use std::sync::Arc;

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use tablelift::layout::LayoutConfig;
use tablelift::pdf::{BBox, Glyph, Orientation, PageContent, Ruling, clean_glyphs, mark_level_watermarks, merge_rulings};
use tablelift::extract::{document_text, page_lines};
use tablelift::table::{TableConfig, extract_tables_with_lines};

const MAX_GLYPHS: usize = 400;
const MAX_RULINGS: usize = 200;

/// Cell texts seen in budget tables: numbers in every format, labels, totals, units, markers,
/// column-number rows and formulas.
const TOKENS: &[&str] = &[
    "1.424,00", "14.100.210.000", "24.461,00", "-300.000.000", "6,490.30", "6490.30", "1 234,5",
    "1'234.50", "1,23,45,678.00", "(1.234)", "1.234-", "−5", "+7", "12,5%", "３４．５", "₫1.000",
    "¥200", "元", "-", "–", "—", "0", "1", "2", "3", "10", "2022", "2080505", "00515", "21/5/2025",
    "82/TTr-UBND", "≥98", "3 场", "500 人", "1.238", "1,238", "STT", "序号", "Nội dung",
    "Dự toán", "Chia ra", "TỔNG SỐ", "TỔNG CỘNG", "Tổng cộng", "合计", "总计", "Total",
    "Đơn vị: triệu đồng", "Đơn vị tính: nghìn đồng", "单位：万元", "金额（万元）", "(Unit: thousand USD)",
    "I", "II", "III", "a)", "b)", "1.", "1.1", "一、", "（一）", "①", "(1)", "(2)", "(3)",
    "(1)=(2)+(3)", "4=5+6", "栏次", "项目", "科目编码", "基本支出", "项目支出", "Chi thường xuyên",
    "Ngân sách xã", "Phụ lục", "Biểu số 01", "Ghi chú", "x", "ﬁ", "e\u{301}",
];

#[derive(Arbitrary, Debug)]
enum Text {
    Token(u8),
    Char(char),
    Free(String),
}

#[derive(Arbitrary, Debug)]
struct Run {
    text: Text,
    x: u16,
    baseline: u16,
    /// Font size 1..=64 points in quarter points.
    size: u8,
    /// Advance per glyph, in hundredths of the size.
    advance: u8,
    /// bit 0 bold, bit 1 invisible, bit 2 not upright, bit 3 font "B".
    flags: u8,
}

#[derive(Arbitrary, Debug)]
enum Rule {
    Line { vertical: bool, pos: u16, start: u16, len: u16 },
    Grid { x: u16, y: u16, cols: u8, rows: u8, col_width: u8, row_height: u8, skip: u8 },
}

#[derive(Arbitrary, Debug)]
struct Page {
    /// 0: A4 portrait, 1: A4 landscape, else from the two sizes below.
    kind: u8,
    w: u16,
    h: u16,
    runs: Vec<Run>,
    rules: Vec<Rule>,
}

/// A coordinate in 0..1000 points, in quarter points.
fn coord(v: u16) -> f64 {
    f64::from(v % 4000) / 4.0
}

fn text_of(t: &Text) -> String {
    match t {
        Text::Token(i) => TOKENS[*i as usize % TOKENS.len()].to_string(),
        Text::Char(c) => c.to_string(),
        Text::Free(s) => s.chars().take(24).collect(),
    }
}

fn lay_out(run: &Run, glyphs: &mut Vec<Glyph>) {
    let size = 1.0 + f64::from(run.size) / 4.0;
    let advance = size * (0.2 + f64::from(run.advance) / 100.0);
    let baseline = coord(run.baseline);
    let upright = run.flags & 4 == 0;
    let font: Arc<str> = if run.flags & 8 == 0 { Arc::from("Fuzz-Regular") } else { Arc::from("Fuzz-Bold") };
    let mut pos = coord(run.x);
    for c in text_of(&run.text).chars() {
        if glyphs.len() >= MAX_GLYPHS {
            return;
        }
        if !(c.is_whitespace() || c.is_control()) {
            // Upright text advances along x; other text (rotated) along y, as on a turned page.
            let bbox = if upright {
                BBox::new(pos, baseline - 0.8 * size, pos + advance, baseline + 0.2 * size)
            } else {
                BBox::new(baseline - 0.2 * size, pos - advance, baseline + 0.8 * size, pos)
            };
            glyphs.push(Glyph {
                text: c.to_string().into(),
                bbox,
                baseline: if upright { baseline } else { pos },
                size,
                font: font.clone(),
                bold: run.flags & 1 != 0,
                invisible: run.flags & 2 != 0,
                upright,
                watermark: run.flags & 4 != 0,
            });
        }
        pos = (pos + advance).min(1000.0);
    }
}

fn rulings_of(rule: &Rule, out: &mut Vec<Ruling>) {
    match *rule {
        Rule::Line { vertical, pos, start, len } => {
            let (pos, start) = (coord(pos), coord(start));
            let end = (start + coord(len)).min(1000.0);
            let orientation = if vertical { Orientation::Vertical } else { Orientation::Horizontal };
            out.push(Ruling { orientation, pos, start, end });
        }
        Rule::Grid { x, y, cols, rows, col_width, row_height, skip } => {
            let (x0, y0) = (coord(x), coord(y));
            let (cols, rows) = (1 + cols as usize % 8, 1 + rows as usize % 12);
            let cw = 8.0 + f64::from(col_width);
            let rh = 6.0 + f64::from(row_height) / 4.0;
            let x1 = (x0 + cw * cols as f64).min(1000.0);
            let y1 = (y0 + rh * rows as f64).min(1000.0);
            for r in 0..=rows {
                // `skip` leaves out one inner horizontal rule (a merged cell / unruled band).
                if r != 0 && r != rows && r == skip as usize % (rows + 1) {
                    continue;
                }
                let y = (y0 + rh * r as f64).min(1000.0);
                out.push(Ruling { orientation: Orientation::Horizontal, pos: y, start: x0, end: x1 });
            }
            for c in 0..=cols {
                let x = (x0 + cw * c as f64).min(1000.0);
                out.push(Ruling { orientation: Orientation::Vertical, pos: x, start: y0, end: y1 });
            }
        }
    }
}

fn build_page(number: usize, page: &Page) -> PageContent {
    let (width, height) = match page.kind % 4 {
        0 => (595.0, 842.0),
        1 => (842.0, 595.0),
        _ => (10.0 + coord(page.w), 10.0 + coord(page.h)),
    };
    let mut glyphs = Vec::new();
    for run in &page.runs {
        lay_out(run, &mut glyphs);
    }
    let mut rulings = Vec::new();
    for rule in &page.rules {
        if rulings.len() >= MAX_RULINGS {
            break;
        }
        rulings_of(rule, &mut rulings);
    }
    PageContent {
        number,
        width,
        height,
        glyphs: {
            let mut glyphs = clean_glyphs(glyphs, 1.0);
            mark_level_watermarks(&mut glyphs);
            glyphs
        },
        rulings: merge_rulings(rulings, 1.0),
        unmapped_glyphs: 0,
        images: 0,
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(n_pages) = u.int_in_range(1..=3usize) else { return };
    let mut pages = Vec::new();
    for number in 1..=n_pages {
        let Ok(page) = Page::arbitrary(&mut u) else { break };
        pages.push(build_page(number, &page));
    }
    if pages.is_empty() {
        return;
    }
    let layout = LayoutConfig::default();
    let lines = page_lines(&pages, &layout);
    let tables = extract_tables_with_lines(&pages, &lines, &TableConfig::default(), &layout);
    tablelift_fuzz::run_numbers_and_output(tables, &document_text(&lines), pages.len());
});
