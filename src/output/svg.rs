//! A picture of one page for a person checking the table stage: the page's text at its
//! positions and its rulings in grey, each detected table outlined in blue, its row boundaries
//! in green, its column boundaries in red, and merged cells in orange. Each finished table
//! that starts on the page gets its quality verdict written under it (green when verified, red
//! otherwise), rows with a failing check are shaded red and cells that look merged are boxed
//! in magenta.

use crate::extract::ExtractedTable;
use crate::number::WarningKind;
use crate::pdf::{Orientation, PageContent};
use crate::table::PageTable;
use std::fmt::Write;

fn esc(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '&' => "&amp;".to_string(),
            '"' => "&quot;".to_string(),
            c if c.is_control() => String::new(),
            c => c.to_string(),
        })
        .collect()
}

/// Render `page`, the `tables` found on it, and the verdicts of the `finished` tables (after
/// assembly and the number stage) that are on it, as an SVG document.
pub fn page_svg(page: &PageContent, tables: &[PageTable], finished: &[ExtractedTable]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.2} {h:.2}"><rect width="100%" height="100%" fill="white"/>"#,
        w = page.width,
        h = page.height
    );
    for r in &page.rulings {
        let (x1, y1, x2, y2) = match r.orientation {
            Orientation::Horizontal => (r.start, r.pos, r.end, r.pos),
            Orientation::Vertical => (r.pos, r.start, r.pos, r.end),
        };
        let _ = writeln!(s, r##"<line x1="{x1:.2}" y1="{y1:.2}" x2="{x2:.2}" y2="{y2:.2}" stroke="#999" stroke-width="0.5"/>"##);
    }
    for g in &page.glyphs {
        let _ = writeln!(
            s,
            r##"<text x="{:.2}" y="{:.2}" font-size="{:.2}" textLength="{:.2}" lengthAdjust="spacingAndGlyphs" fill="{}">{}</text>"##,
            g.bbox.x0,
            g.baseline,
            g.size,
            g.bbox.width().max(0.1),
            if g.invisible { "#ccc" } else { "#222" },
            esc(&g.text)
        );
    }
    for t in tables {
        let b = &t.bbox;
        for row in &t.rows {
            let _ = writeln!(s, r#"<line x1="{:.2}" y1="{:.2}" x2="{:.2}" y2="{:.2}" stroke="green" stroke-width="0.6"/>"#, b.x0, row.top, b.x1, row.top);
        }
        for x in &t.column_x {
            let _ = writeln!(s, r#"<line x1="{x:.2}" y1="{:.2}" x2="{x:.2}" y2="{:.2}" stroke="red" stroke-width="0.6"/>"#, b.y0, b.y1);
        }
        for (ri, row) in t.rows.iter().enumerate() {
            for (ci, cell) in row.cells.iter().enumerate() {
                if cell.covered || (cell.row_span <= 1 && cell.col_span <= 1) {
                    continue;
                }
                let x0 = t.column_x.get(ci).copied().unwrap_or(b.x0);
                let x1 = t.column_x.get(ci + cell.col_span).copied().unwrap_or(b.x1);
                let bottom = t.rows.get(ri + cell.row_span - 1).map_or(row.bottom, |r| r.bottom);
                let _ = writeln!(
                    s,
                    r#"<rect x="{x0:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="orange" fill-opacity="0.12" stroke="orange" stroke-width="0.8"/>"#,
                    row.top,
                    x1 - x0,
                    bottom - row.top
                );
            }
        }
        let _ = writeln!(
            s,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="none" stroke="blue" stroke-width="1.2"/><text x="{:.2}" y="{:.2}" font-size="7" fill="blue">{:?} {}x{}</text>"#,
            b.x0,
            b.y0,
            b.width(),
            b.height(),
            b.x0,
            (b.y0 - 2.0).max(7.0),
            t.method,
            t.rows.len(),
            t.n_cols()
        );
    }
    for t in finished.iter().filter(|t| t.table.pages.first() == Some(&page.number)) {
        draw_verdict(&mut s, t, page.number);
    }
    s.push_str("</svg>\n");
    s
}

/// The quality verdict of a finished table under its box, failing-check rows and merged-looking
/// cells of the table's rows on `page`.
fn draw_verdict(s: &mut String, t: &ExtractedTable, page: usize) {
    let (b, q) = (&t.table.bbox, &t.quality);
    let on_page = |row: usize| t.table.rows.get(row).filter(|r| r.page == page);
    for c in t.numbers.checks.iter().filter(|c| !c.ok) {
        if let Some(r) = on_page(c.row) {
            let _ = writeln!(
                s,
                r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="red" fill-opacity="0.15"><title>{:?} column {}: expected {} found {}</title></rect>"#,
                b.x0,
                r.top,
                b.width(),
                r.bottom - r.top,
                c.kind,
                c.column,
                c.expected,
                c.found
            );
        }
    }
    for w in q.warnings.iter().filter(|w| matches!(w.kind, WarningKind::MergedCell | WarningKind::StrayValue)) {
        if let Some(r) = w.row.and_then(on_page) {
            let _ = writeln!(
                s,
                r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="none" stroke="magenta" stroke-width="1"><title>{:?}, column {}</title></rect>"#,
                b.x0,
                r.top,
                b.width(),
                r.bottom - r.top,
                w.kind,
                w.column.unwrap_or(0)
            );
        }
    }
    let (colour, verdict) = if q.verified { ("green", "verified".to_string()) } else { ("red", "unverified".to_string()) };
    let warnings: Vec<String> = q.warnings.iter().map(|w| format!("{:?}", w.kind)).collect();
    let _ = writeln!(
        s,
        r#"<text x="{:.2}" y="{:.2}" font-size="7" fill="{colour}">{verdict}: {} checks ok, {} failed{}</text>"#,
        b.x0,
        b.y1 + 8.0,
        q.checks_passed,
        q.checks_failed,
        if warnings.is_empty() { String::new() } else { format!("; {}", esc(&warnings.join(", "))) }
    );
}
