//! Row labels outside a ruled grid. In: a table read from a grid and the page's glyphs no
//! table has used. Out: the table with a first column of the labels set just left of the grid
//! (a grid drawn around the numbers only, the names of its rows beside it), and the glyphs
//! taken.

use super::chunk::chunks_of;
use super::config::TableConfig;
use super::header::header_row_count;
use super::model::{PageTable, TableCell};
use crate::layout::{LayoutConfig, build_lines_from};
use crate::pdf::Glyph;

/// Give `t` a first column of the labels left of its grid, when one text line sits in each of
/// at least `label_column_percent` of its body rows (and at least `min_stream_rows` of them),
/// every line one chunk lying within one row, the column ending at most `outside_label_gap`
/// font sizes before the grid, the lines aligned on a common left or right edge and read as
/// names, not a paragraph (few start in lowercase, few words each). Returns the indices
/// (into `glyphs`) of the glyphs taken; none when the text left of the grid is not such a
/// column.
pub fn attach_outside_labels(t: &mut PageTable, glyphs: &[&Glyph], used: &[bool], cfg: &TableConfig, layout: &LayoutConfig) -> Vec<usize> {
    let (top, bottom, left) = (t.bbox.y0, t.bbox.y1, t.bbox.x0);
    let near: Vec<usize> = (0..glyphs.len())
        .filter(|&i| {
            let g = glyphs[i];
            let y = g.bbox.center_y();
            !used[i] && g.upright && y > top && y < bottom && g.bbox.x1 <= left + cfg.position_slack
        })
        .collect();
    let refs: Vec<&Glyph> = near.iter().map(|&i| glyphs[i]).collect();
    let lines = build_lines_from(&refs, layout);
    // The column ends close to the grid (text further left is the page's, not the grid's).
    let size = lines.iter().map(|l| l.bbox.height()).fold(0.0, f64::max);
    let right = lines.iter().map(|l| l.bbox.x1).fold(f64::MIN, f64::max);
    if lines.is_empty() || left - right > cfg.page.outside_label_gap * size {
        return Vec::new();
    }
    let body = header_row_count(&t.rows, &cfg.header).min(t.rows.len());
    let mut labels: Vec<Option<String>> = vec![None; t.rows.len()];
    for l in &lines {
        if chunks_of(l, cfg).len() != 1 {
            return Vec::new();
        }
        let y = l.bbox.center_y();
        let Some(r) = t.rows.iter().position(|r| y > r.top && y < r.bottom) else {
            return Vec::new();
        };
        if labels[r].replace(l.text()).is_some() {
            return Vec::new();
        }
    }
    let n_body = t.rows.len() - body;
    let named = labels[body..].iter().flatten().count();
    if named < cfg.min_stream_rows || !cfg.page.names_label_column(named, n_body) {
        return Vec::new();
    }
    // Names, not the lines of a paragraph beside the grid (lowercase starts, many words).
    let texts: Vec<String> = labels.iter().flatten().cloned().collect();
    let lowercase = texts.iter().filter(|t| t.chars().next().is_some_and(char::is_lowercase)).count();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    if lowercase as f64 > cfg.max_lowercase_share * texts.len() as f64 || words as f64 > cfg.max_words_per_chunk * texts.len() as f64 {
        return Vec::new();
    }
    let aligned = |edge: &dyn Fn(&crate::layout::TextLine) -> f64| {
        let first = lines.first().map_or(0.0, edge);
        lines.iter().all(|l| (edge(l) - first).abs() <= cfg.position_slack)
    };
    if !aligned(&|l| l.bbox.x0) && !aligned(&|l| l.bbox.x1) {
        return Vec::new();
    }
    let x0 = lines.iter().map(|l| l.bbox.x0).fold(f64::MAX, f64::min);
    for (row, label) in t.rows.iter_mut().zip(labels) {
        row.cells.insert(0, TableCell::new(label.unwrap_or_default()));
    }
    t.column_x.insert(0, x0);
    t.bbox.x0 = x0;
    let taken: Vec<usize> = near.into_iter().filter(|&i| lines.iter().any(|l| l.bbox.contains_point(glyphs[i].bbox.center_x(), glyphs[i].bbox.center_y()))).collect();
    taken
}

#[cfg(test)]
#[path = "outside_labels_tests.rs"]
mod tests;
