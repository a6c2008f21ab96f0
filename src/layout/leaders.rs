//! Dot leaders: the runs of dots that lead the eye from a label to its value
//! ("Robbery . . . . . . 102.1", "Any Injury .......... 1.9"). In: a line's glyphs, left to right.
//! Out: the same glyphs without the leaders. A leader starts right after the label's text; dots
//! that stand apart ("..." for a missing value) or follow a number ("1.0...") are kept, and so is
//! the dot of an abbreviation with dots inside, set against its letter before spaced leaders
//! ("n.e.c. . . .").

use crate::pdf::Glyph;

/// Thresholds of dot leaders (in [`super::LayoutConfig`]).
#[derive(Debug, Clone)]
pub struct LeaderConfig {
    /// A dot leader has at least this many dots (or ellipses): three are a sentence's
    /// ellipsis, one or two an abbreviation's.
    pub min_dots: usize,
    /// …starts within this share of the font size of the label's last letter (a word space;
    /// dots set further off stand for a missing value)…
    pub start_gap: f64,
    /// …and its dots are at most this share of the font size apart.
    pub dot_gap: f64,
    /// Its first dot ends an abbreviation instead when it is set within this share of the
    /// font size of the letter before (a word with dots inside) and the next dot further off;
    /// a dot after a number at a wider gap than this starts a leader.
    pub attached_gap: f64,
}

impl Default for LeaderConfig {
    fn default() -> Self {
        LeaderConfig { min_dots: 4, start_gap: 0.6, dot_gap: 1.0, attached_gap: 0.05 }
    }
}

/// A glyph a leader is made of: a dot or an ellipsis.
fn is_dot(g: &Glyph) -> bool {
    matches!(g.text.as_str(), "." | "·" | "．" | "…" | "⋯")
}

/// The glyphs of a line (sorted left to right) without its dot leaders.
pub(super) fn without_leaders<'a>(glyphs: Vec<&'a Glyph>, cfg: &LeaderConfig) -> Vec<&'a Glyph> {
    let mut keep = vec![true; glyphs.len()];
    let mut i = 0;
    while i < glyphs.len() {
        if !is_dot(glyphs[i]) || i == 0 {
            i += 1;
            continue;
        }
        // A run of dots set at most a dot gap apart.
        let mut j = i;
        while j < glyphs.len() && is_dot(glyphs[j]) && (j == i || glyphs[j].bbox.x0 - glyphs[j - 1].bbox.x1 <= cfg.dot_gap * glyphs[j].size.max(1.0)) {
            j += 1;
        }
        let count = j - i;
        let before = glyphs[i - 1];
        // After text, or after a number ending a label ("năm 2025 . . .") at a word space (dots
        // against a number continue it: "1.0...").
        let size = glyphs[i].size.max(1.0);
        let tight = cfg.attached_gap * size;
        let gap = |a: &Glyph, b: &Glyph| b.bbox.x0 - a.bbox.x1;
        let start_gap = gap(before, glyphs[i]);
        let last = before.text.chars().last();
        let after_text = last.is_some_and(|c| c.is_alphabetic() || matches!(c, ')' | '）' | ']' | '%')) || (last.is_some_and(|c| c.is_ascii_digit()) && start_gap > tight);
        let close = start_gap <= cfg.start_gap * size;
        if count >= cfg.min_dots && after_text && close {
            // A dot set against the last letter of a word with dots inside, with the leader's
            // dots spaced wider after it, ends an abbreviation ("n.e.c. . . . ."): it stays.
            // (After a plain word, "counterfeiting. . . .", it is the leader's first dot.)
            let word_start = (1..i).rev().find(|&k| gap(glyphs[k - 1], glyphs[k]) > tight).unwrap_or(0);
            let abbreviation = glyphs[word_start..i].iter().any(|g| is_dot(g));
            let attached = abbreviation && start_gap <= tight && gap(glyphs[i], glyphs[i + 1]) > start_gap + tight;
            let from = if attached { i + 1 } else { i };
            keep[from..j].iter_mut().for_each(|k| *k = false);
        }
        i = j;
    }
    glyphs.into_iter().zip(keep).filter(|(_, k)| *k).map(|(g, _)| g).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::BBox;
    use std::sync::Arc;

    /// Glyphs of `text` from x, 5 pt per character (spaces leave a gap).
    fn glyphs(text: &str, x: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .filter(|(_, c)| *c != ' ')
            .map(|(i, c)| {
                let x0 = x + 5.0 * i as f64;
                Glyph { text: c.to_string().into(), bbox: BBox::new(x0, 0.0, x0 + 5.0, 10.0), baseline: 8.0, size: 10.0, font: Arc::from("F"), bold: false, invisible: false, upright: true, watermark: false }
            })
            .collect()
    }

    fn text(gs: &[Glyph]) -> String {
        let refs: Vec<&Glyph> = gs.iter().collect();
        without_leaders(refs, &LeaderConfig::default()).iter().map(|g| g.text.to_string()).collect()
    }

    #[test]
    fn leaders_after_a_label_go_and_other_dots_stay() {
        let mut line = glyphs("Robbery. . . . . . .", 0.0);
        line.extend(glyphs("102.1", 120.0));
        assert_eq!(text(&line), "Robbery102.1");
        // An abbreviation's dot against its letter, then spaced leaders: the dot stays.
        let mut abbreviation = glyphs("Health n.e.c", 0.0);
        abbreviation.extend(glyphs(". . . . .", 60.0));
        assert_eq!(text(&abbreviation), "Healthn.e.c.");
        let mut dense = glyphs("Any Injury.........", 0.0);
        dense.extend(glyphs("1.9", 120.0));
        assert_eq!(text(&dense), "AnyInjury1.9");
        // "..." for a missing value, set apart; dots after a number; an abbreviation's dot.
        let mut missing = glyphs("Bad debts", 0.0);
        missing.extend(glyphs("...", 80.0));
        assert_eq!(text(&missing), "Baddebts...");
        assert_eq!(text(&glyphs("1.0...", 0.0)), "1.0...");
        assert_eq!(text(&glyphs("1.0....", 0.0)), "1.0....");
        // A label ending in a year, then leaders a space after it.
        assert_eq!(text(&glyphs("năm 2025 . . . . .", 0.0)), "năm2025");
        assert_eq!(text(&glyphs("U.S. data", 0.0)), "U.S.data");
        // An ellipsis in a sentence: three dots, or one "…".
        assert_eq!(text(&glyphs("Tournolive...)", 0.0)), "Tournolive...)");
        assert_eq!(text(&glyphs("làm đường… (m²)", 0.0)), "làmđường…(m²)");
    }
}
