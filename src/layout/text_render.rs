//! Plain-text rendering of a page with columns kept in place (for `tablelift text`).

use super::line::TextLine;

/// Width (points) of one character column when the page has no words to measure: a 10 pt
/// Latin face's average advance.
const DEFAULT_CHAR_WIDTH: f64 = 5.0;

/// Baselines further apart than this many font sizes get a blank line between them (single
/// spacing is about 1.2 sizes; a paragraph break adds about one line).
const BLANK_LINE_GAP: f64 = 2.2;

/// Render lines as text: each word starts at the character column matching its x position
/// (never overlapping the previous word), blank lines stand for large vertical gaps.
pub fn render_page_text(lines: &[TextLine]) -> String {
    // Character cell width: the median width per character of all words.
    let mut widths: Vec<f64> = lines
        .iter()
        .filter(|l| l.upright)
        .flat_map(|l| l.words.iter())
        .filter_map(|w| {
            let n = w.text.chars().count();
            (n > 0 && w.bbox.width() > 0.0).then(|| w.bbox.width() / n as f64)
        })
        .collect();
    widths.sort_by(f64::total_cmp);
    let cell = widths.get(widths.len() / 2).copied().unwrap_or(DEFAULT_CHAR_WIDTH).max(1.0);

    let mut out = String::new();
    let mut prev: Option<&TextLine> = None;
    for line in lines {
        if let Some(p) = prev
            && line.upright
            && p.upright
        {
            let gap = line.baseline - p.baseline;
            let size = line.words.iter().map(|w| w.size).fold(1.0, f64::max);
            if gap > BLANK_LINE_GAP * size {
                out.push('\n');
            }
        }
        let mut s = String::new();
        let mut col = 0usize;
        for w in &line.words {
            let want = if line.upright { (w.bbox.x0 / cell).round().max(0.0) as usize } else { 0 };
            let target = if col == 0 && s.is_empty() { want } else { want.max(col + 1) };
            while col < target {
                s.push(' ');
                col += 1;
            }
            s.push_str(&w.text);
            col += w.text.chars().count();
        }
        out.push_str(s.trim_end());
        out.push('\n');
        prev = Some(line);
    }
    out.push('\u{c}');
    out
}
