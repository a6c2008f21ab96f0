//! Tables set side by side. In: a page's text lines (those no ruled table took) and its free
//! rulings. Out: the lines cut into regions, each read on its own for unruled tables: where two
//! blocks stand side by side, the lines of that band are cut at the white corridor between them.
//!
//! The rows of one table share baselines across its gutters: each amount sits on the line of
//! its label or of the amount beside it. Two tables set side by side, each with its own type
//! size, leading and header, do not: their lines fall between each other's. So a vertical
//! corridor that no word and no rule crosses over a band of lines separates two blocks when
//! both sides hold amounts, the left side's lines end with them (a table's amount columns
//! come after its labels, so a code or label column left of a name is not taken for a table),
//! and few of the lines holding amounts on either side have words on the other side (or, under
//! a line with a table caption on each side, few of one side's).
//!
//! A table set in one column of a page of prose (a gazette) is cut from the column beside it
//! the same way: one side is a column of prose (long lines of many words at word spaces, some
//! of them in a row with no amount beside them) and the other holds rows ending with amounts
//! that fall between the prose lines.

use super::config::SideBySideConfig;
use crate::layout::{TextLine, Word};
use crate::pdf::{Orientation, Ruling, median};
use crate::text::{is_table_caption, is_value_like, is_year_digits, without_comparison};

/// A band of consecutive lines and the corridor that cuts it, from `left` to `right` (x).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Corridor {
    first: usize,
    last: usize,
    left: f64,
    right: f64,
}

/// The page's lines in regions read one by one, when some band of lines holds two blocks side
/// by side: the lines above the band, its left part, its right part and the lines below, each
/// cut again the same way. None when no band does (the page is one region). Lines are sorted
/// by y.
pub(super) fn side_by_side_regions(lines: &[&TextLine], rulings: &[Ruling], cfg: &SideBySideConfig) -> Option<Vec<Vec<TextLine>>> {
    if cfg.max_depth == 0 {
        return None;
    }
    let c = best_corridor(lines, rulings, cfg)?;
    let mut out = Vec::new();
    cut_at(lines.iter().map(|&l| l.clone()).collect(), c, rulings, cfg, cfg.max_depth, &mut out);
    Some(out)
}

fn cut_region(lines: Vec<TextLine>, rulings: &[Ruling], cfg: &SideBySideConfig, depth: usize, out: &mut Vec<Vec<TextLine>>) {
    let refs: Vec<&TextLine> = lines.iter().collect();
    match (depth > 0).then(|| best_corridor(&refs, rulings, cfg)).flatten() {
        Some(c) => cut_at(lines, c, rulings, cfg, depth, out),
        None => out.push(lines),
    }
}

fn cut_at(lines: Vec<TextLine>, c: Corridor, rulings: &[Ruling], cfg: &SideBySideConfig, depth: usize, out: &mut Vec<Vec<TextLine>>) {
    let cut = (c.left + c.right) / 2.0;
    let (mut left, mut right) = (Vec::new(), Vec::new());
    let mut rest = lines.into_iter().enumerate();
    let above: Vec<TextLine> = rest.by_ref().take(c.first).map(|(_, l)| l).collect();
    for (_, line) in rest.by_ref().take(c.last + 1 - c.first) {
        let (l, r) = split_line(line, cut);
        left.extend(l);
        right.extend(r);
    }
    let below: Vec<TextLine> = rest.map(|(_, l)| l).collect();
    for part in [above, left, right, below] {
        if !part.is_empty() {
            cut_region(part, rulings, cfg, depth.saturating_sub(1), out);
        }
    }
}

/// The line's words left and right of `x`, each as a line of its own on its words' baseline
/// (the two blocks' baselines may differ a little within one line); None when empty.
fn split_line(line: TextLine, x: f64) -> (Option<TextLine>, Option<TextLine>) {
    let (l, r): (Vec<_>, Vec<_>) = line.words.into_iter().partition(|w| w.bbox.center_x() < x);
    let make = |words: Vec<Word>| {
        let bbox = words.iter().skip(1).fold(words.first()?.bbox, |b, w| b.union(&w.bbox));
        let baseline = median(words.iter().map(|w| w.baseline))?;
        Some(TextLine { baseline, words, bbox, upright: line.upright })
    };
    (make(l), make(r))
}

/// The corridor cutting the most clearly separate blocks, if any does.
fn best_corridor(lines: &[&TextLine], rulings: &[Ruling], cfg: &SideBySideConfig) -> Option<Corridor> {
    let mut seen: Vec<Corridor> = Vec::new();
    let mut best: Option<(f64, Corridor)> = None;
    // Each word's right edge, a little beyond it, is where a corridor may start.
    for (anchor, line) in lines.iter().enumerate().filter(|(_, l)| l.upright) {
        for word in &line.words {
            let x = word.bbox.x1 + cfg.min_gap * word.size / 2.0;
            // (A corridor already found through this line and this x is that corridor: a
            // table's column of words tries its gutter once.)
            if seen.iter().any(|c| c.first <= anchor && anchor <= c.last && c.left < x && x < c.right) {
                continue;
            }
            let Some(c) = corridor_through(lines, anchor, x) else { continue };
            if c.right - c.left < cfg.min_gap * word.size || seen.contains(&c) {
                continue;
            }
            seen.push(c);
            if crossed_by_rule(&c, lines, rulings) {
                continue;
            }
            if let Some(aligned) = separates_blocks(&lines[c.first..=c.last], (c.left + c.right) / 2.0, cfg)
                && best.is_none_or(|(a, _)| aligned < a)
            {
                best = Some((aligned, c));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// The band of consecutive lines around line `anchor` that no word crosses at `x`, with the
/// free corridor they leave around it (None when the anchor is crossed or nothing stands on
/// one side). Rotated lines end a band.
fn corridor_through(lines: &[&TextLine], anchor: usize, x: f64) -> Option<Corridor> {
    let free = |l: &TextLine| l.upright && !l.words.iter().any(|w| w.bbox.x0 < x && w.bbox.x1 > x);
    if !free(lines[anchor]) {
        return None;
    }
    let first = lines[..anchor].iter().rposition(|l| !free(l)).map_or(0, |k| k + 1);
    let last = lines[anchor..].iter().position(|l| !free(l)).map_or(lines.len(), |k| anchor + k) - 1;
    let (mut left, mut right) = (f64::MIN, f64::MAX);
    for w in lines[first..=last].iter().flat_map(|l| &l.words) {
        if w.bbox.x1 <= x {
            left = left.max(w.bbox.x1);
        } else {
            right = right.min(w.bbox.x0);
        }
    }
    (left > f64::MIN && right < f64::MAX).then_some(Corridor { first, last, left, right })
}

/// True when a horizontal rule within the band runs across the corridor (one table's rule).
fn crossed_by_rule(c: &Corridor, lines: &[&TextLine], rulings: &[Ruling]) -> bool {
    let (top, bottom) = (lines[c.first].bbox.y0, lines[c.last].bbox.y1);
    rulings.iter().any(|r| r.orientation == Orientation::Horizontal && r.pos > top && r.pos < bottom && r.start < c.left && r.end > c.right)
}

/// When the band's lines, cut at `x`, are two blocks side by side: the largest share of
/// amount-holding lines of either side that have a word on the other side on the same baseline
/// (none when one side is a column of prose). Two tables of one style, set at one leading,
/// share baselines as one table's rows do, until their rows wrap differently: under a line of
/// the band holding a table caption on each side ("Table 1: …", "Table 2: …"), the lines of
/// one side falling between the other's are enough.
fn separates_blocks(band: &[&TextLine], x: f64, cfg: &SideBySideConfig) -> Option<f64> {
    let on_left = |w: &Word| w.bbox.center_x() < x;
    let holds_value = |l: &TextLine, left: bool| l.words.iter().any(|w| on_left(w) == left && is_amount(&w.text));
    let ends_with_value = |l: &TextLine| l.words.iter().rev().find(|w| on_left(w)).is_some_and(|w| is_amount(&w.text));
    // A value of this side shares its baseline with some word of the other side.
    let aligned = |l: &TextLine, left: bool| {
        l.words.iter().filter(|v| on_left(v) == left && is_amount(&v.text)).any(|v| {
            l.words.iter().any(|w| on_left(w) != left && (w.baseline - v.baseline).abs() <= cfg.baseline_tolerance * v.size.max(w.size))
        })
    };
    let left_values: Vec<&TextLine> = band.iter().copied().filter(|l| holds_value(l, true)).collect();
    let right_values: Vec<&TextLine> = band.iter().copied().filter(|l| holds_value(l, false)).collect();
    let share = |ls: &[&TextLine], left: bool| if ls.is_empty() { 0.0 } else { ls.iter().filter(|l| aligned(l, left)).count() as f64 / ls.len() as f64 };
    // A column of prose beside a table: the table's amount lines fall between the prose
    // lines, while a table's wrapped labels share baselines with its amounts.
    let prose = [is_prose_column(band, x, true, cfg), is_prose_column(band, x, false, cfg)];
    if prose[0] || prose[1] {
        // (Only beside a table, whose rows end with amounts: two columns of prose, amounts in
        // their sentences, are read as before, as running text.)
        let ends_with_amount = |l: &TextLine, left: bool| l.words.iter().rev().find(|w| on_left(w) == left).is_some_and(|w| is_amount(&w.text));
        let rows = band.iter().filter(|l| ends_with_amount(l, !prose[0])).count();
        if rows < cfg.min_rows_beside_prose {
            return None;
        }
        let left_share = if prose[0] { 0.0 } else { share(&left_values, true) };
        let right_share = if prose[1] { 0.0 } else { share(&right_values, false) };
        let aligned = left_share.max(right_share);
        return (aligned <= cfg.max_aligned_share).then_some(aligned);
    }
    if left_values.len() < cfg.min_value_lines || right_values.len() < cfg.min_value_lines {
        return None;
    }
    if left_values.iter().filter(|l| ends_with_value(l)).count() * 2 < left_values.len() {
        return None;
    }
    let (left_share, right_share) = (share(&left_values, true), share(&right_values, false));
    let aligned = left_share.max(right_share);
    // (The captions are read only for a band that the shares alone do not cut.)
    let side_text = |l: &TextLine, left: bool| crate::layout::join_pieces(l.words.iter().filter(|w| on_left(w) == left).map(|w| w.text.as_ref()));
    let two_captions = || band.iter().any(|l| is_table_caption(&side_text(l, true)) && is_table_caption(&side_text(l, false)));
    (aligned <= cfg.max_aligned_share || (left_share.min(right_share) <= cfg.max_aligned_share && two_captions())).then_some(aligned)
}

/// The band's words on the left of `x` (`left`) or on its right are a column of prose: most of
/// that side's lines are lines of prose, and enough of them follow one another with no amount
/// on the other side beside them (a column of prose runs on above and below the table beside
/// it; a table's wrapped labels meet an amount every few lines). A line of prose holds many
/// words (a layout word may hold several, set at ordinary spaces; CJK characters, set without
/// spaces, count a third of a word each), no gap wider than a stretched space between them,
/// across most of the side's width.
fn is_prose_column(band: &[&TextLine], x: f64, left: bool, cfg: &SideBySideConfig) -> bool {
    fn words_on(l: &TextLine, x: f64, left: bool) -> Vec<&Word> {
        l.words.iter().filter(|w| (w.bbox.center_x() < x) == left).collect()
    }
    let (x0, x1) = band.iter().flat_map(|l| words_on(l, x, left)).fold((f64::MAX, f64::MIN), |(a, b), w| (a.min(w.bbox.x0), b.max(w.bbox.x1)));
    let is_prose = |ws: &[&Word]| {
        let words: usize = ws.iter().flat_map(|w| w.text.split_whitespace()).filter(|t| t.chars().any(char::is_alphabetic)).map(|t| t.chars().filter(|&c| crate::layout::is_cjk(c)).count() / cfg.prose_cjk_per_word.max(1) + 1).sum();
        let spaced = ws.windows(2).all(|p| p[1].bbox.x0 - p[0].bbox.x1 <= cfg.prose_max_space * p[1].size.max(p[0].size));
        let span = ws.last().map_or(0.0, |w| w.bbox.x1) - ws.first().map_or(0.0, |w| w.bbox.x0);
        words >= cfg.prose_words && spaced && span >= cfg.prose_fill * (x1 - x0)
    };
    let (mut lines, mut prose, mut run, mut longest_run) = (0, 0, 0, 0);
    for l in band {
        // (A line beside an amount ends the run and is none of it: a wrapped label's line.)
        let beside_amount = l.words.iter().any(|w| (w.bbox.center_x() < x) != left && is_amount(&w.text));
        if beside_amount {
            run = 0;
        }
        let ws = words_on(l, x, left);
        if ws.is_empty() {
            continue;
        }
        lines += 1;
        if is_prose(&ws) {
            prose += 1;
            if !beside_amount {
                run += 1;
                longest_run = longest_run.max(run);
            }
        }
    }
    longest_run >= cfg.min_prose_lines && prose as f64 >= cfg.prose_line_share * lines as f64
}

/// A word that is an amount: value-like with a digit (a dash alone may be a list marker), or
/// a target such as "≥95%", and not a year (labels name years: "... năm 2025").
fn is_amount(text: &str) -> bool {
    let text = without_comparison(text);
    is_value_like(text) && text.chars().any(|c| c.is_ascii_digit()) && !is_year_digits(text)
}

#[cfg(test)]
#[path = "side_by_side_tests.rs"]
mod tests;
