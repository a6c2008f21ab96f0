//! Chunks of a text line: the words of one line that sit close together, one cell's worth of
//! text. In: a [`TextLine`] (and optionally column boundaries to cut at). Out: its [`Chunk`]s,
//! left to right. Used by unruled tables (stream) and inside ruled grids (lattice).

use super::config::TableConfig;
use crate::text::{MarkerStyle, is_numeric_token, marker_style};
use crate::layout::{TextLine, is_cjk, join_pieces};
use crate::pdf::BBox;

/// Words of one line that sit close together: one cell's worth of text on that line.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// The chunk's words joined with single spaces (none between CJK characters).
    pub text: String,
    /// The union of the words' boxes.
    pub bbox: BBox,
}

impl Chunk {
    /// The chunk with `text` (set at `bbox`, right of it) joined on as its next words.
    pub fn append(&mut self, text: &str, bbox: &BBox) {
        self.text = join_pieces([self.text.as_str(), text]);
        self.bbox = self.bbox.union(bbox);
    }
}

/// A note set after an amount in its cell, not a value of its own: a footnote mark, "(2)", or
/// a share, "38 (24.7%)".
pub fn is_amount_note(t: &str) -> bool {
    let t = t.trim();
    let inner = t.strip_prefix('(').and_then(|t| t.strip_suffix(')'));
    inner.is_some_and(|d| ((1..=2).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit())) || d.ends_with('%'))
}

/// The chunks of a line with each amount note joined to the amount before it (a note shows
/// no column of its own).
pub fn with_notes_joined(chunks: Vec<Chunk>) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    for ch in chunks {
        match out.last_mut() {
            Some(prev) if is_amount_note(&ch.text) && is_numeric_token(prev.text.trim()) => {
                prev.text = format!("{} {}", prev.text, ch.text);
                prev.bbox = prev.bbox.union(&ch.bbox);
            }
            _ => out.push(ch),
        }
    }
    out
}

/// Split a line into chunks at gaps wider than the configured column gap (and between two
/// numbers at a smaller gap).
pub fn chunks_of(line: &TextLine, cfg: &TableConfig) -> Vec<Chunk> {
    split_line(line, cfg, &[], Split { fine: false, block: None, text_gaps_at_cuts: false })
}

/// [`chunks_of`], also splitting at a word gap that contains one of the `cuts` (column
/// boundaries) and could be a cell edge: wider than the block's word spaces (see
/// [`BlockSpacing`]), or between words that cannot share a cell (see [`fine_chunks`]). A
/// caption spanning two columns ("Ngân sách địa phương") is not cut at an ordinary space that
/// happens to lie over a boundary.
pub(super) fn chunks_with_cuts(line: &TextLine, cfg: &TableConfig, cuts: &[f64], block: &BlockSpacing) -> Vec<Chunk> {
    split_line(line, cfg, cuts, Split { fine: false, block: Some(block), text_gaps_at_cuts: false })
}

/// The chunks of a line inside a ruled cell whose column boundaries `cuts` are known: those of
/// [`chunks_of`] (or of [`fine_chunks`] when `fine`), also split where a cut lies in a gap
/// between two words of text wider than the block's word spaces (a little wider is enough
/// when the second starts at one of the block's left text edges): a label and a text cell, or
/// two captions, set a narrow gutter apart; also where an amount (with separators, or grouped
/// with spaces) follows text at a cut, and where any number ("≥97%") follows text at a cut
/// wider than the block's word spaces. Unlike [`chunks_with_cuts`], other numbers beside text
/// at a cut stay with it ("0 reclassifications", "38 (24.7%)", "less than 80" at ordinary
/// spaces): the ruled grid's own columns are evidence enough for those.
pub(super) fn text_chunks_with_cuts(line: &TextLine, cfg: &TableConfig, cuts: &[f64], block: &BlockSpacing, fine: bool) -> Vec<Chunk> {
    split_line(line, cfg, cuts, Split { fine, block: Some(block), text_gaps_at_cuts: true })
}

/// [`chunks_of`], also splitting wherever the words on either side of a gap cannot belong to
/// one cell: a value followed by text or text by a value, two CJK words (`855.65 一般公共服务支出`, a code
/// beside a name), or two values that do not read as one space-grouped number
/// (`17.494.599.000 0`, `1 234 567 89 012`). These are candidate cell edges for finding the
/// columns of a block already known to be a table: a cut only becomes a column where the
/// block's lines agree on it (column bounds need almost every line open at that x).
///
/// `block` tells the word spacing of the line's block, when known ([`BlockSpacing`]): a line
/// whose cells are all one word ("Outcome  Timeliness  money") shows no word space of its own,
/// only gutters, so its gaps are measured against the spaces of the other lines.
pub(super) fn fine_chunks(line: &TextLine, cfg: &TableConfig, block: Option<&BlockSpacing>) -> Vec<Chunk> {
    split_line(line, cfg, &[], Split { fine: true, block, text_gaps_at_cuts: false })
}

/// The word spacing of a block of lines known to be a table, against which a line's gaps are
/// judged as word spaces or gutters.
#[derive(Debug, Clone, Default)]
pub(super) struct BlockSpacing {
    /// The narrowest word space of the block's lines, in font sizes ([`narrowest_space`]).
    pub narrowest: Option<f64>,
    /// Left text edges: x positions where words start, after a gap or at the start of their
    /// line, on at least [`crate::table::StreamConfig::min_edge_lines`] lines, after text that
    /// does not end at one x on all of them. The cells of a left-aligned text column start
    /// there on every line, its wrapped lines too, after cells of different widths; the words
    /// of a paragraph start where they happen to fall.
    pub left_edges: Vec<f64>,
}

impl BlockSpacing {
    /// The spacing of `lines`.
    pub(super) fn of<'a>(lines: impl Iterator<Item = &'a TextLine> + Clone, cfg: &TableConfig) -> BlockSpacing {
        let narrowest = lines.clone().filter_map(|l| narrowest_space(l, cfg)).min_by(f64::total_cmp);
        let tol = cfg.stream.edge_tolerance;
        // Per line, where its words start (at the line's start or after a word gap), with where
        // the word before ends.
        let starts: Vec<Vec<(f64, Option<f64>)>> = lines
            .map(|l| {
                let after_gap = l.words.windows(2).filter(|w| w[1].bbox.x0 - w[0].bbox.x1 > cfg.stream.min_cut_gap * w[1].size).map(|w| (w[1].bbox.x0, Some(w[0].bbox.x1)));
                l.words.first().map(|w| (w.bbox.x0, None)).into_iter().chain(after_gap).collect()
            })
            .collect();
        let mut left_edges: Vec<f64> = Vec::new();
        for &(x, _) in starts.iter().flatten() {
            if left_edges.iter().any(|&e| (e - x).abs() <= tol) {
                continue;
            }
            let there: Vec<Option<f64>> = starts.iter().filter_map(|s| s.iter().find(|&&(y, _)| (y - x).abs() <= tol).map(|&(_, before)| before)).collect();
            // The cells before a column end where their text ends; a phrase repeated down one
            // column ("OKLAHOMA CITY") starts its second word after the same first word.
            // (`there` holds at least the start `x` itself, so `there[0]` exists.)
            let ragged = there.iter().any(|b| match (b, there[0]) {
                (Some(b), Some(f)) => (b - f).abs() > tol,
                (b, f) => b.is_some() != f.is_some(),
            });
            if there.len() >= cfg.stream.min_edge_lines && ragged {
                left_edges.push(x);
            }
        }
        BlockSpacing { narrowest, left_edges }
    }

    /// A word starting at `x` starts at one of the block's left text edges.
    fn is_left_edge(&self, x: f64, cfg: &TableConfig) -> bool {
        self.left_edges.iter().any(|&e| (e - x).abs() <= cfg.stream.edge_tolerance)
    }
}

/// A word that reads as a cell edge on its own side: has a letter (CJK included).
pub(super) fn has_letter(t: &str) -> bool {
    t.chars().any(char::is_alphabetic)
}

/// An amount: a value, possibly grouped with spaces ("61 493 527"), that is no bare integer of
/// a few digits, which a sentence may hold ("ab 6 J.", "năm 2025"), nor a span of years
/// ("2012-13").
pub(super) fn is_amount(t: &str, cfg: &TableConfig) -> bool {
    let grouped: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    grouped.chars().any(|c| c.is_ascii_digit()) && crate::text::is_value_like(&grouped) && !bare_integer(&grouped, cfg.stream.text_integer_digits)
}

/// A bare integer of at most `digits` digits, as set in a sentence: "2025", "(5)", "2024," —
/// no group or decimal separator inside.
fn bare_integer(t: &str, digits: usize) -> bool {
    let core = t.trim_start_matches('(').trim_end_matches([',', '.', ';', ':', ')']);
    (1..=digits).contains(&core.len()) && core.chars().all(|c| c.is_ascii_digit())
}

/// The words `prev` and `next` read as two groups of one number grouped with spaces ("1 234
/// 567,8"): `prev` ends in a bare group of one to three digits, `next` is a three-digit group
/// (a decimal part, closing parenthesis, trailing minus or percent allowed).
pub(super) fn is_digit_group_pair(prev: &str, next: &str) -> bool {
    let head = prev.trim_start_matches(['-', '+', '(', '−']);
    let lead_ok = (1..=3).contains(&head.len()) && head.chars().all(|c| c.is_ascii_digit());
    let digits = next.chars().take_while(char::is_ascii_digit).count();
    let rest = &next[digits..];
    let rest = rest.trim_end_matches([')', '%', '-', '−']);
    let tail_ok = rest.is_empty() || (rest.len() > 1 && rest.starts_with([',', '.']) && rest[1..].chars().all(|c| c.is_ascii_digit()));
    lead_ok && digits == 3 && tail_ok
}

/// `next` continues the space-grouped number ending in `prev` ([`is_digit_group_pair`]) and
/// the gap is no wider than a group space.
fn continues_group(prev: &str, next: &str, gap_sizes: f64, cfg: &TableConfig) -> bool {
    is_digit_group_pair(prev, next) && gap_sizes <= cfg.stream.group_space_gap
}

/// The words on either side of a gap cannot be one cell (see [`fine_chunks`]).
fn cell_edge(prev: &str, next: &str, prev_starts_chunk: bool, gap_sizes: f64, cfg: &TableConfig) -> bool {
    // Row markers closed by punctuation ("1.", "(2)", "a)") head their label; digits may be a
    // code or an amount ("855.65" has a marker's shape too). The last group of a bracketed
    // amount ("(238 517 798)") has a marker's shape but heads nothing.
    let marker = |t: &str| prev_starts_chunk && marker_style(t).is_some() && !t.chars().last().is_some_and(|c| c.is_ascii_digit());
    // A target value ("≥86%", "≤100%") is a value too.
    let value = |t: &str| is_numeric_token(crate::text::without_comparison(t)) || crate::text::is_dash_zero(t);
    match (value(prev), value(next)) {
        (true, true) => !continues_group(prev, next, gap_sizes, cfg),
        // (A CJK punctuation mark is text too: "）" closing a label wrapped beside the value.)
        (true, false) => (has_letter(next) || next.chars().next().is_some_and(is_cjk)) && !marker(prev),
        (false, true) => has_letter(prev),
        // CJK text is set without spaces: a gap between two CJK words is a cell edge. So is
        // the gap after a bare letter marker that starts the chunk ("III  三、科学技术支出",
        // "B  EDUCATION"): a marker column set close to its labels (a list item's marker is
        // closed by punctuation or is a bullet, and heads its text).
        (false, false) => (prev.chars().last().is_some_and(is_cjk) && next.chars().next().is_some_and(is_cjk)) || (prev_starts_chunk && bare_letter_marker(prev)),
    }
}

/// A row marker of capital letters without closing punctuation: "I", "IV", "B".
fn bare_letter_marker(t: &str) -> bool {
    matches!(marker_style(t), Some(MarkerStyle::RomanUpper | MarkerStyle::LatinUpper)) && t.chars().all(|c| c.is_ascii_uppercase())
}

/// The narrowest word space of a line (gaps above a hairline), in font sizes; `None` for a
/// line of one word.
pub(super) fn narrowest_space(line: &TextLine, cfg: &TableConfig) -> Option<f64> {
    // Between words of text only: the thin space grouping a number's digits is no word space.
    line.words
        .windows(2)
        .filter(|w| has_letter(&w[0].text) && has_letter(&w[1].text))
        .map(|w| (w[1].bbox.x0 - w[0].bbox.x1) / w[1].size.max(1.0))
        .filter(|&g| g > cfg.stream.min_cut_gap)
        .min_by(f64::total_cmp)
}

/// How [`split_line`] splits beyond the chunk gap.
#[derive(Clone, Copy)]
struct Split<'a> {
    /// Split at every cell edge (see [`fine_chunks`]).
    fine: bool,
    /// The spacing of the line's block, when known.
    block: Option<&'a BlockSpacing>,
    /// At a cut, split only between two words of text set wider than the block's spaces (a
    /// little wider at a left text edge of the block), not at every cell edge (see
    /// [`text_chunks_with_cuts`]).
    text_gaps_at_cuts: bool,
}

fn split_line(line: &TextLine, cfg: &TableConfig, cuts: &[f64], split: Split<'_>) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let fine = split.fine;
    // Two text words further apart than the line's (or its block's) spaces sit in two cells;
    // a little wider is enough when the second starts at a left text edge of the block.
    let space = if fine || split.block.is_some() { narrowest_space(line, cfg).into_iter().chain(split.block.and_then(|b| b.narrowest)).min_by(f64::total_cmp) } else { None };
    let wide_space = space.map(|s| s * cfg.stream.text_edge_space_ratio);
    let wide_at_edge = |gap_sizes: f64, x: f64| space.is_some_and(|s| gap_sizes > s * cfg.stream.edge_space_ratio) && split.block.is_some_and(|b| b.is_left_edge(x, cfg));
    // A bare integer of a few digits set between two words of text at ordinary spaces ("năm
    // 2025 và", "Article 5 of") is part of the text: no cell edge on either side of it. (An
    // amount with group or decimal separators is no word of a sentence.) So is a dash there
    // ("giáo dục - đào tạo"): punctuation, not a zero.
    let ws = &line.words;
    let ordinary = |a: &crate::layout::Word, b: &crate::layout::Word| wide_space.is_some_and(|s| (b.bbox.x0 - a.bbox.x1) / b.size.max(1.0) <= s);
    let text_word = |t: &str| has_letter(t) && !is_numeric_token(t);
    let in_text = |i: usize| {
        i > 0 && i + 1 < ws.len() && (bare_integer(&ws[i].text, cfg.stream.text_integer_digits) || crate::text::is_dash_zero(&ws[i].text)) && text_word(&ws[i - 1].text) && text_word(&ws[i + 1].text) && ordinary(&ws[i - 1], &ws[i]) && ordinary(&ws[i], &ws[i + 1])
    };
    // On a line of values, a year set at an ordinary space after a word of text ends that
    // text ("Xã Sơn Hạ năm 2025  96.066.682"): a year is no amount of a value column.
    let year = |t: &str| crate::text::is_year_digits(t.trim_end_matches([',', '.', ';', ':', ')']));
    let values_line = ws.iter().any(|w| is_numeric_token(&w.text) && !year(&w.text));
    let year_ends_text = |i: usize| values_line && i > 0 && year(&ws[i].text) && text_word(&ws[i - 1].text) && ordinary(&ws[i - 1], &ws[i]);
    // A number that carries its own group or decimal separator (punctuation after a number,
    // "October 16, 2011,", is not a separator).
    let separated = |t: &str| t.trim_end_matches([',', '.', ';', ':']).contains([',', '.']);
    for (i, w) in line.words.iter().enumerate() {
        if let Some(last) = out.last_mut() {
            let gap = w.bbox.x0 - last.bbox.x1;
            let size = w.size.max(1.0);
            let prev_word = last.text.rsplit(' ').next().unwrap_or("");
            let text_pair = has_letter(prev_word) && has_letter(&w.text) && !is_numeric_token(prev_word) && !is_numeric_token(&w.text);
            let wide = (wide_space.is_some_and(|s| gap / size > s) || wide_at_edge(gap / size, w.bbox.x0)) && text_pair;
            let embedded = in_text(i) || in_text(i - 1) || year_ends_text(i);
            let could_be_edge = gap > cfg.stream.min_cut_gap * size && !embedded && (wide || cell_edge(prev_word, &w.text, last.text == prev_word, gap / size, cfg));
            let at_cut = gap > cfg.stream.min_cut_gap * w.size && cuts.iter().any(|&x| last.bbox.x1 < x && w.bbox.x0 > x);
            // An amount (with a group or decimal separator, or grouped with spaces) after a
            // word of text at a cut starts the amount column ("religion 50,840,650" set a third
            // of an em apart); a bare integer stays with the words before it ("less than 80").
            let amount_after_text = text_word(prev_word) && is_numeric_token(&w.text) && (separated(&w.text) || ws.get(i + 1).is_some_and(|n| continues_group(&w.text, &n.text, (n.bbox.x0 - w.bbox.x1) / n.size.max(1.0), cfg)));
            // So does any value (a target "≥97%") set wider than the block's word spaces after
            // text at a cut.
            let wide_before_number = text_word(prev_word) && is_numeric_token(crate::text::without_comparison(&w.text)) && wide_space.is_some_and(|s| gap / size > s);
            // And text set wider than the block's word spaces after an amount or a year at a
            // cut starts the column after them ("9.556.000  new item": a remark; "Dự toán năm
            // 2025  Chi thường xuyên": two captions). A bare integer of a few digits may be a
            // word of the text ("ab 6 J.").
            let wide_after_number = is_numeric_token(prev_word) && (is_amount(&last.text, cfg) || year(prev_word)) && text_word(&w.text) && wide_space.is_some_and(|s| gap / size > s);
            let edge_at_cut = if split.text_gaps_at_cuts { !embedded && (wide || amount_after_text || wide_before_number || wide_after_number) } else { could_be_edge };
            let cut = (fine && could_be_edge) || (at_cut && (split.block.is_none() || edge_at_cut));
            let numbers = is_numeric_token(prev_word) && is_numeric_token(&w.text);
            // Two numbers that each carry their own separator ("3,068,550 3,103,540") are two
            // values however tightly set; the parts of a number grouped with spaces
            // ("1 234 567") are bare digit groups.
            let two_values = numbers && separated(prev_word) && separated(&w.text);
            let limit = if two_values { cfg.stream.separated_values_gap } else if numbers { cfg.number_gap } else { cfg.column_gap } * size;
            if gap <= limit && !cut {
                last.append(&w.text, &w.bbox);
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
