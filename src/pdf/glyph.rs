//! Positioned glyphs and their clean-up: overprinted duplicates removed, combining marks
//! attached to their base letter (NFC), ligatures expanded.

use super::geometry::BBox;
use compact_str::CompactString;
use serde::Serialize;
use std::sync::Arc;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One drawn glyph (or, after clean-up, one base letter with its marks).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Glyph {
    /// Unicode text, NFC. Usually one character; ligatures give several. Stored inline (no
    /// heap allocation up to 24 bytes): a page has thousands of glyphs.
    pub text: CompactString,
    /// Box in page points, origin top-left.
    pub bbox: BBox,
    /// Baseline y in page points.
    pub baseline: f64,
    /// Effective font size in points (text matrix and CTM applied).
    pub size: f64,
    /// PostScript font name when known.
    pub font: Arc<str>,
    /// Set in a bold font (by name or weight).
    pub bold: bool,
    /// Drawn with text render mode 3 (or clip-only): present in the text layer, not visible.
    pub invisible: bool,
    /// Upright horizontal text (false for rotated or vertical text).
    pub upright: bool,
    /// A mark drawn over or under the page's content, a watermark or a stamp: set at a slant
    /// (neither along nor across the page), or level but several times the size of the text
    /// it lies across (`mark_level_watermarks`). Text of the page, never of a table.
    pub watermark: bool,
}

/// Expand the Latin presentation-form ligatures (U+FB00..U+FB06) into their letters.
fn expand_ligatures(s: &str) -> String {
    if !s.chars().any(|c| ('\u{FB00}'..='\u{FB06}').contains(&c)) {
        return s.to_string();
    }
    s.chars()
        .flat_map(|c| match c {
            '\u{FB00}' => "ff".chars().collect::<Vec<_>>(),
            '\u{FB01}' => "fi".chars().collect(),
            '\u{FB02}' => "fl".chars().collect(),
            '\u{FB03}' => "ffi".chars().collect(),
            '\u{FB04}' => "ffl".chars().collect(),
            '\u{FB05}' | '\u{FB06}' => "st".chars().collect(),
            other => vec![other],
        })
        .collect()
}

fn is_all_combining(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_combining_mark)
}

/// Clean a page's glyphs in content-stream order: drop overprinted duplicates (same text within
/// `dup_tol` points), attach combining marks to the base letter they sit on, NFC-normalise,
/// expand ligatures, and drop empty glyphs.
pub fn clean_glyphs(mut glyphs: Vec<Glyph>, dup_tol: f64) -> Vec<Glyph> {
    // 1. Attach combining marks to the base glyph they overlap most, looking at close
    //    neighbours in stream order (marks are drawn right before or after their base).
    let mut absorbed = vec![false; glyphs.len()];
    for i in 0..glyphs.len() {
        if !is_all_combining(&glyphs[i].text) {
            continue;
        }
        let lo = i.saturating_sub(4);
        let hi = (i + 5).min(glyphs.len());
        let mark_box = glyphs[i].bbox;
        let mut best: Option<(usize, f64)> = None;
        for j in lo..hi {
            if j == i || absorbed[j] || is_all_combining(&glyphs[j].text) {
                continue;
            }
            let g = &glyphs[j];
            let ov = g.bbox.x_overlap(&mark_box);
            let near_y = (g.baseline - glyphs[i].baseline).abs() <= g.size.max(1.0);
            if near_y && ov > 0.0 && best.is_none_or(|(_, b)| ov > b) {
                best = Some((j, ov));
            }
        }
        if let Some((j, _)) = best {
            let mark = std::mem::take(&mut glyphs[i].text);
            glyphs[j].text.push_str(&mark);
            absorbed[i] = true;
        }
    }
    let mut out: Vec<Glyph> = glyphs
        .into_iter()
        .zip(absorbed)
        .filter(|(g, a)| !a && !g.text.is_empty())
        .map(|(mut g, _)| {
            // ASCII is already NFC and has no ligatures.
            if !g.text.is_ascii() {
                g.text = expand_ligatures(&g.text).nfc().collect();
            }
            g
        })
        .collect();

    // 2. Drop overprinted duplicates: same text at (nearly) the same origin.
    if out.len() > 1 {
        // Baseline band, then x0, then stream order.
        let band = dup_tol.max(0.01);
        let mut keyed: Vec<(f64, f64, usize)> = out.iter().enumerate().map(|(i, g)| ((g.baseline / band).floor(), g.bbox.x0, i)).collect();
        // Stable: glyphs come mostly in reading order already, which a stable sort exploits.
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let order: Vec<usize> = keyed.into_iter().map(|(_, _, i)| i).collect();
        let mut keep = vec![true; out.len()];
        for (k, &a) in order.iter().enumerate() {
            if !keep[a] {
                continue;
            }
            for &b in order.iter().skip(k + 1).take(8) {
                let (ga, gb) = (&out[a], &out[b]);
                if gb.bbox.x0 - ga.bbox.x0 > dup_tol {
                    break;
                }
                if keep[b]
                    && ga.text == gb.text
                    && (ga.baseline - gb.baseline).abs() <= dup_tol
                    && (ga.bbox.x0 - gb.bbox.x0).abs() <= dup_tol
                {
                    // Keep the earlier-drawn one (lower index) and drop the other.
                    let drop = a.max(b);
                    keep[drop] = false;
                    if drop == a {
                        break;
                    }
                }
            }
        }
        let mut idx = 0;
        out.retain(|_| {
            let k = keep[idx];
            idx += 1;
            k
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x0: f64, x1: f64) -> Glyph {
        Glyph {
            text: text.into(),
            bbox: BBox::new(x0, 90.0, x1, 102.0),
            baseline: 100.0,
            size: 10.0,
            font: Arc::from("F"),
            bold: false,
            invisible: false,
            upright: true,
            watermark: false,
        }
    }

    #[test]
    fn combining_marks_join_their_base_as_nfc() {
        // "ệ" drawn as e + dot below + circumflex.
        let out = clean_glyphs(vec![g("e", 10.0, 15.0), g("\u{323}", 11.0, 14.0), g("\u{302}", 11.0, 14.0), g("n", 15.0, 20.0)], 1.0);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].text, "ệ");
        assert_eq!(out[0].text.chars().count(), 1);
        assert_eq!(out[1].text, "n");
    }

    #[test]
    fn mark_before_base_still_attaches() {
        let out = clean_glyphs(vec![g("\u{301}", 11.0, 14.0), g("a", 10.0, 15.0)], 1.0);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].text, "á");
    }

    #[test]
    fn fake_bold_duplicates_are_dropped() {
        let out = clean_glyphs(vec![g("A", 10.0, 16.0), g("A", 10.4, 16.4), g("B", 16.0, 22.0), g("A", 30.0, 36.0)], 1.0);
        let texts: Vec<_> = out.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(texts, vec!["A", "B", "A"]);
    }

    #[test]
    fn ligatures_expand() {
        let out = clean_glyphs(vec![g("\u{FB01}", 10.0, 16.0)], 1.0);
        assert_eq!(out[0].text, "fi");
    }
}
