//! Rows of an unruled table framed by horizontal rules. In: one row per text line and the y of
//! the rules across the table. Out: the table's rows: lines of one band between rules form one
//! row, unless the band holds several rows (values on several lines, complete rows, many row
//! starts) or a caption stands over a value.

use super::config::TableConfig;
use super::model::TableRow;
use super::stream_rows::{continues_spanning_captions, filled_columns, merge_rows, spread_centred_captions, starts_lowercase};
use super::wrap_groups::{LineMetrics, group_wrapped_lines};

/// Join wrapped lines into their rows. `separators` are the y of horizontal rulings across the
/// table; without them see [`group_wrapped_lines`]. `metrics`: the lines' baselines and sizes.
pub(super) fn merge_wrapped(rows: Vec<TableRow>, separators: &[f64], metrics: &LineMetrics, cfg: &TableConfig) -> Vec<TableRow> {
    if separators.is_empty() {
        return group_wrapped_lines(rows, metrics, cfg);
    }
    // Group lines by the band between separators (see [`flush_band`]).
    let mut out: Vec<TableRow> = Vec::new();
    let mut band: Vec<TableRow> = Vec::new();
    let mut band_id = usize::MAX;
    for r in rows {
        let mid = (r.top + r.bottom) / 2.0;
        let b = separators.partition_point(|&y| y < mid);
        if b != band_id {
            let first = out.is_empty();
            flush_band(std::mem::take(&mut band), &mut out, first, metrics, cfg);
            band_id = b;
        }
        band.push(r);
    }
    let first = out.is_empty();
    flush_band(band, &mut out, first, metrics, cfg);
    out
}

/// The rows of the lines of one band between rules. A band is one row, unless some column has
/// values on two or more of its lines (then the rules only frame a block of rows). A caption
/// above a value in the same column ("Budget" over "$1.1M", "(HA)" over "(2)") ends the row
/// at the value's line: captions and values that no rule separates are a header row and a
/// body row, not one wrapped row. (A year under a caption, "Dự toán năm" over "2024", is one
/// wrapped header cell.) Below the first band (the header), lines that all fill the same two
/// or more columns and do not continue a text in lowercase are rows of their own (a body
/// framed only by rules above and below, as in booktabs tables); wrapped captions fill
/// different columns line by line.
fn flush_band(band: Vec<TableRow>, out: &mut Vec<TableRow>, first: bool, metrics: &LineMetrics, cfg: &TableConfig) {
    if band.is_empty() {
        return;
    }
    let n = band[0].cells.len();
    let value_like = |t: &str| crate::text::is_value_like(crate::text::without_comparison(t));
    // (A year is a caption: "2020" over its column's first value is no second value line.)
    let is_value = |r: &TableRow, c: usize| r.cells.get(c).is_some_and(|x| super::header::is_value_cell(&x.text));
    let filled = filled_columns(&band[0]);
    let complete_rows = !first
        && band.len() >= 2
        && filled.len() >= 2
        && band[1..].iter().all(|r| filled_columns(r) == filled && !r.cells.iter().any(|c| starts_lowercase(&c.text)));
    // Three or more lines that each start a row (a label in the first column, no lowercase
    // continuation, text in another column) are a block of rows however their columns fill.
    let starts_row = |r: &TableRow| {
        let f = filled_columns(r);
        f.len() >= 2 && f[0] == 0 && !r.cells.iter().any(|c| starts_lowercase(&c.text))
    };
    let many_rows = !first && band.iter().filter(|r| starts_row(r)).count() >= cfg.stream.min_row_starts_per_band;
    if complete_rows || many_rows || (0..n).any(|c| band.iter().filter(|r| is_value(r, c)).count() >= cfg.stream.min_value_lines_per_band) {
        out.extend(group_wrapped_lines(band, metrics, cfg));
        return;
    }
    let is_caption = |r: &TableRow, c: usize| r.cells.get(c).is_some_and(|x| !x.text.trim().is_empty() && !value_like(&x.text));
    let body_value = |r: &TableRow, c: usize| r.cells.get(c).is_some_and(|x| super::header::is_value_cell(&x.text));
    let value_under_caption = (1..band.len()).find(|&i| (0..n).any(|c| body_value(&band[i], c) && band[..i].iter().any(|r| is_caption(r, c))));
    let mut band = band;
    let rest = value_under_caption.map(|i| band.split_off(i));
    if first {
        // (Captions stand above the values: at the top of a page that continues a table, the
        // first band is a row of the body, its label's first line over the line of its values.)
        let values_from = band.iter().position(|r| (0..n).any(|c| body_value(r, c))).unwrap_or(band.len());
        spread_centred_captions(&mut band[..values_from]);
        join_staggered_captions(&mut band, values_from);
    }
    // One row, except that a line with a cell spanning columns is a header level of its own (a
    // caption over several columns, then the captions under it; in the header band, a caption
    // centred over sub-columns spans them first).
    let mut current: Option<TableRow> = None;
    let mut current_spans = false;
    for r in band {
        let spans = r.cells.iter().any(|c| c.col_span > 1);
        match current.as_mut() {
            Some(cur) if (!spans && !current_spans) || continues_spanning_captions(cur, &r) => merge_rows(cur, &r, true),
            _ => {
                out.extend(current.take());
                current = Some(r);
                current_spans = spans;
            }
        }
    }
    out.extend(current);
    if let Some(rest) = rest {
        flush_band(rest, out, false, metrics, cfg);
    }
}

/// A caption set between the two lines of a wrapped neighbour ("Funding source" centred
/// beside "Central / government") is on their level: among the first `lines` lines of a
/// header band, a line whose captions all continue captions of the line two above (same
/// columns, neither line spanning any) around a line that fills none of those columns joins
/// that line, and so does the line between.
fn join_staggered_captions(band: &mut Vec<TableRow>, lines: usize) {
    let plain = |r: &TableRow| r.cells.iter().all(|c| c.col_span <= 1 && !c.covered);
    for i in 2..lines.min(band.len()) {
        let (top, mid, low) = (filled_columns(&band[i - 2]), filled_columns(&band[i - 1]), filled_columns(&band[i]));
        let staggered = !low.is_empty() && !mid.is_empty() && low.iter().all(|c| top.contains(c)) && mid.iter().all(|c| !top.contains(c)) && plain(&band[i - 2]) && plain(&band[i]);
        if staggered {
            let low = band.remove(i);
            let mid = band.remove(i - 1);
            merge_rows(&mut band[i - 2], &low, true);
            merge_rows(&mut band[i - 2], &mid, true);
            return;
        }
    }
}

#[cfg(test)]
#[path = "rule_bands_tests.rs"]
mod tests;
