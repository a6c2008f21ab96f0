//! Chunks of a text line: the words of one line that sit close together, one cell's worth of
//! text. In: a [`TextLine`] (and optionally column boundaries to cut at). Out: its [`Chunk`]s,
//! left to right. Used by unruled tables (stream) and inside ruled grids (lattice).

use super::config::TableConfig;
use crate::text::is_numeric_token;
use crate::layout::{TextLine, join_pieces};
use crate::pdf::BBox;

/// Words of one line that sit close together: one cell's worth of text on that line.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// The chunk's words joined with single spaces (none between CJK characters).
    pub text: String,
    /// The union of the words' boxes.
    pub bbox: BBox,
}

/// Split a line into chunks at gaps wider than the configured column gap (and between two
/// numbers at a smaller gap).
pub fn chunks_of(line: &TextLine, cfg: &TableConfig) -> Vec<Chunk> {
    chunks_with_cuts(line, cfg, &[])
}

/// [`chunks_of`], also splitting at any word gap that contains one of the `cuts` (column
/// boundaries).
pub(super) fn chunks_with_cuts(line: &TextLine, cfg: &TableConfig, cuts: &[f64]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    for w in &line.words {
        if let Some(last) = out.last_mut() {
            let gap = w.bbox.x0 - last.bbox.x1;
            let cut = gap > cfg.stream.min_cut_gap * w.size && cuts.iter().any(|&x| last.bbox.x1 < x && w.bbox.x0 > x);
            let size = w.size.max(1.0);
            let prev_word = last.text.rsplit(' ').next().unwrap_or("");
            let numbers = is_numeric_token(prev_word) && is_numeric_token(&w.text);
            // Two numbers that each carry their own separator ("3,068,550 3,103,540") are two
            // values however tightly set; the parts of a number grouped with spaces
            // ("1 234 567") are bare digit groups.
            // (Punctuation after a number, "October 16, 2011,", is not a separator.)
            let separated = |t: &str| t.trim_end_matches([',', '.', ';', ':']).contains([',', '.']);
            let two_values = numbers && separated(prev_word) && separated(&w.text);
            let limit = if two_values { cfg.stream.separated_values_gap } else if numbers { cfg.number_gap } else { cfg.column_gap } * size;
            if gap <= limit && !cut {
                last.text = join_pieces([last.text.as_str(), w.text.as_str()]);
                last.bbox = last.bbox.union(&w.bbox);
                continue;
            }
        }
        out.push(Chunk { text: w.text.to_string(), bbox: w.bbox });
    }
    out
}

/// A text line with its chunks.
pub(super) struct ChunkedLine<'a> {
    /// The line.
    pub line: &'a TextLine,
    /// Its chunks, left to right.
    pub chunks: Vec<Chunk>,
}

#[cfg(test)]
#[path = "chunk_tests.rs"]
mod tests;
