//! Level watermarks. In: a page's glyphs. Out: the same glyphs, those of a watermark set level
//! marked (`Glyph::watermark`). A watermark or stamp set level ("DRAFT", "BẢN SAO") is text
//! several times the size of the page's text, drawn across it: some smaller glyph sits inside
//! one of its letters' boxes. A title, however large, stands clear of other text.

use super::geometry::median;
use super::glyph::Glyph;

/// A watermark's letters are at least this many times the page's median type size (titles
/// run to about twice body text; watermarks are set at four times it or more).
const SIZE_RATIO: f64 = 3.0;

/// Text a watermark lies across is set at most this share of its letters' size.
const TEXT_UNDER: f64 = 0.5;

/// Letters of one watermark share a baseline within this share of their size.
const SAME_LINE: f64 = 0.1;

/// Mark the glyphs of level watermarks: every glyph on the baseline and in the size of a
/// glyph [`SIZE_RATIO`] times the page's median size with a glyph under half its size
/// centred inside its box.
pub fn mark_level_watermarks(glyphs: &mut [Glyph]) {
    let Some(median) = median(glyphs.iter().filter(|g| g.upright).map(|g| g.size)) else {
        return;
    };
    let big: Vec<usize> = (0..glyphs.len()).filter(|&i| glyphs[i].upright && !glyphs[i].watermark && glyphs[i].size >= SIZE_RATIO * median).collect();
    let over_text = |i: usize| {
        let b = &glyphs[i];
        glyphs.iter().any(|g| g.size < TEXT_UNDER * b.size && b.bbox.contains_point(g.bbox.center_x(), g.bbox.center_y()))
    };
    let lines: Vec<(f64, f64)> = big.iter().filter(|&&i| over_text(i)).map(|&i| (glyphs[i].baseline, glyphs[i].size)).collect();
    for &i in &big {
        let g = &mut glyphs[i];
        if lines.iter().any(|&(baseline, size)| (g.baseline - baseline).abs() <= SAME_LINE * size && (g.size - size).abs() <= SAME_LINE * size) {
            g.watermark = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::BBox;
    use std::sync::Arc;

    fn glyph(text: &str, x: f64, baseline: f64, size: f64) -> Glyph {
        let w = 0.6 * size;
        Glyph { text: text.into(), bbox: BBox::new(x, baseline - 0.8 * size, x + w, baseline + 0.2 * size), baseline, size, font: Arc::from("F"), bold: false, invisible: false, upright: true, watermark: false }
    }

    #[test]
    fn large_letters_across_the_text_are_a_watermark_and_a_title_is_not() {
        let mut glyphs = Vec::new();
        // Body text: 10 pt lines from y 100 to 300.
        for k in 0..20 {
            glyphs.extend((0..30).map(|i| glyph("a", 50.0 + 6.0 * i as f64, 100.0 + 10.0 * k as f64, 10.0)));
        }
        // A 24 pt title above the text, and "DRAFT" at 60 pt across it: its "D" stands left
        // of the text, the other letters over it.
        glyphs.extend((0..5).map(|i| glyph("T", 50.0 + 15.0 * i as f64, 70.0, 24.0)));
        glyphs.extend("DRAFT".chars().enumerate().map(|(i, c)| glyph(&c.to_string(), 10.0 + 36.0 * i as f64, 220.0, 60.0)));
        mark_level_watermarks(&mut glyphs);
        let marked: String = glyphs.iter().filter(|g| g.watermark).map(|g| g.text.as_str()).collect();
        assert_eq!(marked, "DRAFT");
    }
}
