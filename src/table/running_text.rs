//! The prose gate: running text is not a table. In: a block's chunked lines, or a table's rows.
//! Out: whether the block reads as prose (many words per chunk, lowercase starts and few
//! numbers, no wide lines), and the table without columns of running text at its edges (the
//! other text column of a two-column page).

use super::chunk::ChunkedLine;
use super::config::{StreamConfig, TableConfig};
use super::model::{TableCell, TableRow};
use crate::text::is_numeric_token;
use super::stream_rows::{filled_columns, starts_lowercase};

/// True when the multi-chunk lines of a block read as prose, a letterhead or a signature block
/// rather than a table: many words per chunk, many chunks starting in lowercase with few numbers
/// (newspaper columns), or few wide lines and few numbers.
pub(super) fn reads_as_prose(multi: &[&ChunkedLine<'_>], cfg: &TableConfig) -> bool {
    let wide_lines = multi.iter().filter(|m| m.chunks.len() >= cfg.stream.wide_line_chunks).count();
    // (A price with its sign after it, "8 €", is one numeric chunk.)
    let numeric = |t: &str| is_numeric_token(t) || t.split_whitespace().all(is_numeric_token);
    let numeric_chunks = multi.iter().flat_map(|m| m.chunks.iter()).filter(|c| numeric(&c.text)).count();
    let total_chunks: usize = multi.iter().map(|m| m.chunks.len()).sum();
    // (A number grouped with spaces, "6 363 000", is one word.)
    let words: usize = multi.iter().flat_map(|m| m.chunks.iter()).map(|c| if numeric(&c.text) { 1 } else { c.text.split_whitespace().count() }).sum();
    let numeric_share = numeric_chunks as f64 / total_chunks.max(1) as f64;
    // Newspaper columns read as chunks too: their lines run on from the line above, so many
    // start in lowercase, which table cells rarely do.
    let lowercase_chunks = multi.iter().flat_map(|m| m.chunks.iter()).filter(|c| starts_lowercase(&c.text)).count();
    let running_text = lowercase_chunks as f64 / total_chunks.max(1) as f64 > cfg.max_lowercase_share && numeric_share < cfg.stream.few_numbers_share;
    let prose_like = words as f64 / total_chunks.max(1) as f64 > cfg.max_words_per_chunk || running_text;
    prose_like || (wide_lines < cfg.stream.min_wide_lines && numeric_share < cfg.stream.few_numbers_share)
}

/// True when column `c` holds running text: lines of the page's other text column that share
/// baselines with the table's rows. Such lines break mid-sentence, so most start in lowercase
/// (a table's own text column starts its cells with capitals), none is a number, and most
/// differ from each other (a remarks column repeats a few words: "provisional", "as disbursed").
/// A line of prose starts with a capital only where a sentence does, so lines in lowercase
/// outnumber those with a capital `lowercase_per_capital` times over; a label column wrapped
/// over up to three lines starts every label with one.
pub(super) fn is_running_text_column(rows: &[TableRow], c: usize, cfg: &StreamConfig) -> bool {
    let cells: Vec<&str> = rows.iter().filter_map(|r| r.cells.get(c)).filter(|x| !x.covered && !x.text.trim().is_empty()).map(|x| x.text.trim()).collect();
    let lowercase = cells.iter().filter(|t| starts_lowercase(t)).count();
    let capital = cells.iter().filter(|t| t.chars().next().is_some_and(char::is_uppercase)).count();
    let distinct = cells.iter().collect::<std::collections::HashSet<_>>().len();
    cells.len() >= cfg.min_running_text_cells
        && lowercase * 2 >= cells.len()
        && lowercase > cfg.lowercase_per_capital * capital
        && distinct * 2 > cells.len()
        && !cells.iter().any(|t| t.split_whitespace().all(is_numeric_token))
}

/// Drop columns of running text at either edge of a table (a table set in one column of a
/// two-column page picks up the other column's lines), and the rows left empty.
pub(super) fn drop_running_text_edges(rows: &mut Vec<TableRow>, bounds: &mut Vec<f64>, cfg: &StreamConfig) {
    let n_cols = |b: &Vec<f64>| b.len().saturating_sub(1);
    while n_cols(bounds) > 2 && is_running_text_column(rows, n_cols(bounds) - 1, cfg) {
        let last = n_cols(bounds) - 1;
        for r in rows.iter_mut() {
            r.cells.truncate(last);
            for (k, cell) in r.cells.iter_mut().enumerate() {
                cell.col_span = cell.col_span.min(last - k).max(1);
            }
        }
        bounds.pop();
    }
    while n_cols(bounds) > 2 && is_running_text_column(rows, 0, cfg) {
        for r in rows.iter_mut() {
            if !r.cells.is_empty() {
                r.cells.remove(0);
            }
            if let Some(first) = r.cells.first_mut().filter(|c| c.covered) {
                *first = TableCell::blank();
            }
        }
        bounds.remove(0);
    }
    rows.retain(|r| !filled_columns(r).is_empty());
}

#[cfg(test)]
#[path = "running_text_tests.rs"]
mod tests;
