//! Glyphs → words → text lines.

use crate::pdf::{BBox, Glyph, median};
use compact_str::CompactString;
use serde::Serialize;

/// Tunables of the layout stage.
#[derive(Debug, Clone)]
pub struct LayoutConfig {
    /// Two glyphs are on one line when their baselines differ by less than this share of the
    /// font size.
    pub baseline_tolerance: f64,
    /// A horizontal gap wider than this share of the font size starts a new word.
    pub word_gap: f64,
    /// A jump back to the left of more than this share of the font size also starts a new
    /// word: the text overlaps from another column (kerning never moves back this far).
    pub backward_jump: f64,
    /// Rotated glyphs are in one vertical line when their box centres are within this share of
    /// the font size horizontally (under half a line height).
    pub rotated_line_tolerance: f64,
    /// Dot leaders dropped when lines are built.
    pub leaders: super::leaders::LeaderConfig,
}

impl Default for LayoutConfig {
    fn default() -> Self {
        LayoutConfig { baseline_tolerance: 0.35, word_gap: 0.16, backward_jump: 0.6, rotated_line_tolerance: 0.4, leaders: super::leaders::LeaderConfig::default() }
    }
}

/// A run of glyphs with no word gap between them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Word {
    /// Inline up to 24 bytes (most words): a page has thousands.
    pub text: CompactString,
    /// Box of its glyphs.
    pub bbox: BBox,
    /// Largest font size of its glyphs, in points.
    pub size: f64,
    /// Set in a bold font.
    pub bold: bool,
    /// y of its glyphs' baseline (the median: a superscript does not move it). The words of
    /// one line may stand a little apart (a line joins baselines within a tolerance).
    pub baseline: f64,
}

/// Words sharing a baseline, left to right. Rotated text gets lines of its own
/// (`upright == false`), ordered top to bottom.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextLine {
    /// Its words, left to right.
    pub words: Vec<Word>,
    /// Box of its words.
    pub bbox: BBox,
    /// y of the shared baseline.
    pub baseline: f64,
    /// Upright horizontal text (false for rotated or vertical text).
    pub upright: bool,
}

impl TextLine {
    /// Words joined with single spaces.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(&w.text);
        }
        s
    }
}

fn make_word(glyphs: &[&Glyph]) -> Word {
    let mut text = CompactString::default();
    let mut bbox = glyphs[0].bbox;
    let mut size = 0.0f64;
    let mut bold = 0;
    for g in glyphs {
        text.push_str(&g.text);
        bbox = bbox.union(&g.bbox);
        size = size.max(g.size);
        bold += g.bold as usize;
    }
    // (`glyphs` is not empty: its first glyph gave the box.)
    let baseline = median(glyphs.iter().map(|g| g.baseline)).unwrap_or(glyphs[0].baseline);
    Word { text, bbox, size, bold: bold * 2 > glyphs.len(), baseline }
}

fn words_of(glyphs: &[&Glyph], cfg: &LayoutConfig) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start = 0;
    for i in 1..glyphs.len() {
        let (a, b) = (glyphs[i - 1], glyphs[i]);
        let gap = b.bbox.x0 - a.bbox.x1;
        let size = a.size.max(b.size);
        // A large backwards jump is also a break (overlapping text from another column).
        if gap > cfg.word_gap * size || gap < -cfg.backward_jump * size {
            words.push(make_word(&glyphs[start..i]));
            start = i;
        }
    }
    if start < glyphs.len() {
        words.push(make_word(&glyphs[start..]));
    }
    words
}

/// Group a page's glyphs into text lines, top to bottom.
pub fn build_lines(glyphs: &[Glyph], cfg: &LayoutConfig) -> Vec<TextLine> {
    let refs: Vec<&Glyph> = glyphs.iter().collect();
    build_lines_from(&refs, cfg)
}

/// [`build_lines`] over borrowed glyphs (e.g. the glyphs of one table cell).
pub fn build_lines_from(glyphs: &[&Glyph], cfg: &LayoutConfig) -> Vec<TextLine> {
    let mut upright: Vec<&Glyph> = glyphs.iter().copied().filter(|g| g.upright).collect();
    upright.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.bbox.x0.total_cmp(&b.bbox.x0)));
    let mut lines: Vec<TextLine> = Vec::new();
    let mut i = 0;
    while i < upright.len() {
        // Sweep down the baselines: a glyph joins the line while its baseline is within
        // tolerance of the previous glyph's (single linkage, so superscripts do not split it).
        let mut j = i + 1;
        while j < upright.len() {
            let (p, q) = (upright[j - 1], upright[j]);
            let tol = cfg.baseline_tolerance * p.size.max(q.size).max(1.0);
            if q.baseline - p.baseline > tol {
                break;
            }
            j += 1;
        }
        let mut members: Vec<&Glyph> = upright[i..j].to_vec();
        members.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
        let members = super::leaders::without_leaders(members, &cfg.leaders);
        let words = words_of(&members, cfg);
        let bbox = words.iter().skip(1).fold(words[0].bbox, |b, w| b.union(&w.bbox));
        // The line's baseline: the most common (here: median) glyph baseline (`members` is
        // not empty: its words gave the box).
        let baseline = median(members.iter().map(|g| g.baseline)).unwrap_or(bbox.y1);
        lines.push(TextLine { words, bbox, baseline, upright: true });
        i = j;
    }

    // Rotated or vertical text: cluster by the box centre x, read in the direction it is
    // drawn (the glyphs come in drawing order): top to bottom, or bottom to top for text
    // turned counter-clockwise (a column caption set sideways).
    let mut rotated: Vec<(usize, &Glyph)> = glyphs.iter().copied().enumerate().filter(|(_, g)| !g.upright).collect();
    rotated.sort_by(|(_, a), (_, b)| a.bbox.center_x().total_cmp(&b.bbox.center_x()).then(a.bbox.y0.total_cmp(&b.bbox.y0)));
    let mut i = 0;
    while i < rotated.len() {
        let x = rotated[i].1.bbox.center_x();
        let tol = cfg.rotated_line_tolerance * rotated[i].1.size.max(1.0);
        let mut j = i + 1;
        while j < rotated.len() && rotated[j].1.bbox.center_x() - x <= tol {
            j += 1;
        }
        let cluster = &rotated[i..j];
        // Drawn upwards when the first glyph drawn sits below the last one drawn.
        let upward = match (cluster.iter().min_by_key(|(k, _)| *k), cluster.iter().max_by_key(|(k, _)| *k)) {
            (Some((_, first)), Some((_, last))) => first.bbox.y0 > last.bbox.y0,
            _ => false,
        };
        let mut members: Vec<&Glyph> = cluster.iter().map(|(_, g)| *g).collect();
        members.sort_by(|a, b| if upward { b.bbox.y0.total_cmp(&a.bbox.y0) } else { a.bbox.y0.total_cmp(&b.bbox.y0) });
        let w = make_word(&members);
        lines.push(TextLine { bbox: w.bbox, baseline: w.bbox.y1, words: vec![w], upright: false });
        i = j;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn g(t: &str, x: f64, baseline: f64) -> Glyph {
        Glyph {
            text: t.into(),
            bbox: BBox::new(x, baseline - 8.0, x + 5.0, baseline + 2.0),
            baseline,
            size: 10.0,
            font: Arc::from("F"),
            bold: false,
            invisible: false,
            upright: true,
            watermark: false,
        }
    }

    #[test]
    fn glyphs_become_words_and_lines() {
        let glyphs = vec![g("b", 5.0, 100.0), g("a", 0.0, 100.2), g("c", 20.0, 99.9), g("x", 0.0, 120.0)];
        let lines = build_lines(&glyphs, &LayoutConfig::default());
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text(), "ab c");
        assert_eq!(lines[1].text(), "x");
    }

    #[test]
    fn sideways_text_reads_in_the_direction_it_is_drawn() {
        // One glyph per 6 pt down a column at x 50, drawn in the order given.
        let sideways = |text: &str, ys: &[f64]| -> Vec<Glyph> {
            text.chars().zip(ys).map(|(c, &y)| Glyph { bbox: BBox::new(50.0, y, 58.0, y + 6.0), upright: false, ..g(&c.to_string(), 50.0, y) }).collect()
        };
        // Turned counter-clockwise (a column caption set sideways): drawn bottom to top.
        let up = sideways("Total", &[130.0, 124.0, 118.0, 112.0, 106.0]);
        assert_eq!(build_lines(&up, &LayoutConfig::default())[0].text(), "Total");
        // Turned clockwise: drawn top to bottom.
        let down = sideways("Total", &[106.0, 112.0, 118.0, 124.0, 130.0]);
        assert_eq!(build_lines(&down, &LayoutConfig::default())[0].text(), "Total");
    }
}
