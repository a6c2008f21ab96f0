//! Text of one table cell from the glyphs inside it: lines top to bottom, joined with single
//! spaces (none between CJK characters).

use crate::layout::{LayoutConfig, build_lines_from, join_pieces};
use crate::pdf::Glyph;

/// The reading-order text of a set of glyphs that form one cell.
pub fn cell_text(glyphs: &[&Glyph], layout: &LayoutConfig) -> String {
    if glyphs.is_empty() {
        return String::new();
    }
    let lines = build_lines_from(glyphs, layout);
    let texts: Vec<String> = lines.iter().map(|l| l.text()).collect();
    join_pieces(texts.iter().map(String::as_str))
}
