//! Glyphs for the table stage's unit tests: text set at 8 pt, 4 pt per character.

use crate::pdf::{BBox, Glyph};
use std::sync::Arc;

/// Glyphs of `text` from x on baseline y, 8 pt (4 pt per character; a space leaves a gap).
pub(super) fn text_at(text: &str, x: f64, y: f64) -> Vec<Glyph> {
    text.chars()
        .enumerate()
        .filter(|(_, c)| *c != ' ')
        .map(|(i, c)| {
            let x0 = x + 4.0 * i as f64;
            Glyph { text: c.to_string().into(), bbox: BBox::new(x0, y - 6.4, x0 + 4.0, y + 1.6), baseline: y, size: 8.0, font: Arc::from("F"), bold: false, invisible: false, upright: true, watermark: false }
        })
        .collect()
}
