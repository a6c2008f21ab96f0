//! Text of one table cell from the glyphs inside it: lines top to bottom, joined with single
//! spaces (none between CJK characters).

use crate::layout::{LayoutConfig, TextLine, build_lines_from, join_pieces};
use crate::pdf::Glyph;

/// The reading-order text of a set of glyphs that form one cell.
pub fn cell_text(glyphs: &[&Glyph], layout: &LayoutConfig) -> String {
    if glyphs.is_empty() {
        return String::new();
    }
    text_of_lines(&build_lines_from(glyphs, layout))
}

/// The text of a cell whose lines are already built (from exactly the cell's glyphs).
pub fn text_of_lines(lines: &[TextLine]) -> String {
    let texts: Vec<String> = lines.iter().map(|l| l.text()).collect();
    join_pieces(texts.iter().map(String::as_str))
}
