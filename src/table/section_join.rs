//! Tables of one page cut at their section headings. In: the page's tables (top to bottom) and
//! its text lines. Out: the same tables, a stream table and the one right under it joined when
//! the lower one goes on in the same columns without a header of its own and only section
//! headings stand between them ("Class B", "Total for the Fund" set a blank line or two apart
//! from the rows); the headings become rows.

use super::assemble::{columns_align, is_note};
use super::chunk::chunks_of;
use super::config::TableConfig;
use super::header::header_row_count;
use super::model::{Method, PageTable, TableCell, TableRow};
use crate::layout::TextLine;
use crate::text::is_caption_line;

/// Join each stream table with the stream table right under it when the columns align (as
/// across pages), the lower one has no header rows, and the lines between them are at most
/// `max_single_lines` section headings: one chunk each, in the first column, no caption or
/// note, each gap at most `max_header_gap` font sizes.
pub fn join_sectioned_tables(tables: Vec<PageTable>, lines: &[&TextLine], page_width: f64, cfg: &TableConfig) -> Vec<PageTable> {
    let mut out: Vec<PageTable> = Vec::with_capacity(tables.len());
    for t in tables {
        let headings = match out.last() {
            Some(upper) => section_headings(upper, &t, lines, page_width, cfg),
            None => None,
        };
        match (headings, out.last_mut()) {
            (Some(headings), Some(upper)) => {
                for l in headings {
                    let mut cells = vec![TableCell::blank(); upper.n_cols()];
                    cells[0] = TableCell::new(l.text());
                    upper.rows.push(TableRow::new(upper.page, l.bbox.y0, l.bbox.y1, cells));
                }
                upper.bbox = upper.bbox.union(&t.bbox);
                upper.rows.extend(t.rows);
                // (Joined to the table below it, a fragment stands as a table.)
                upper.continuation_only = false;
            }
            _ => out.push(t),
        }
    }
    out
}

/// The heading lines between `upper` and `lower` (top to bottom) when `lower` continues
/// `upper` after them.
fn section_headings<'a>(upper: &PageTable, lower: &PageTable, lines: &[&'a TextLine], page_width: f64, cfg: &TableConfig) -> Option<Vec<&'a TextLine>> {
    if upper.method != Method::Stream
        || lower.method != Method::Stream
        || !columns_align(upper, lower, cfg.assemble.column_align_share * page_width)
        || header_row_count(&lower.rows, &cfg.header) > 0
    {
        return None;
    }
    let (x0, x1) = (upper.bbox.x0.min(lower.bbox.x0), upper.bbox.x1.max(lower.bbox.x1));
    let first_column_end = *upper.column_x.get(1)?;
    let mut between: Vec<&TextLine> = lines
        .iter()
        .copied()
        .filter(|l| l.bbox.y0 >= upper.bbox.y1 - cfg.position_slack && l.bbox.y1 <= lower.bbox.y0 + cfg.position_slack && l.bbox.x1 > x0 && l.bbox.x0 < x1)
        .collect();
    between.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0));
    if between.len() > cfg.max_single_lines {
        return None;
    }
    let heading = |l: &TextLine| {
        let text = l.text();
        chunks_of(l, cfg).len() == 1 && l.bbox.x0 < first_column_end && !is_caption_line(&text) && !is_note(&text)
    };
    if !between.iter().all(|l| heading(l)) {
        return None;
    }
    // No gap wider than a header's between the pieces.
    let mut edges: Vec<(f64, f64)> = vec![(upper.bbox.y1, upper.bbox.y1)];
    edges.extend(between.iter().map(|l| (l.bbox.y0, l.bbox.y1)));
    edges.push((lower.bbox.y0, lower.bbox.y0));
    let size = upper.rows.last().map_or(0.0, |r| r.bottom - r.top).max(between.iter().map(|l| l.bbox.height()).fold(0.0, f64::max));
    if edges.windows(2).any(|w| w[1].0 - w[0].1 > cfg.max_header_gap * size) {
        return None;
    }
    Some(between)
}

#[cfg(test)]
#[path = "section_join_tests.rs"]
mod tests;
