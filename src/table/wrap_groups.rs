//! Rows of an unruled body from the spacing of its lines. In: one row per text line (and each
//! line's baseline and font size). Out: the body's rows, each wrapped label (or remark) joined
//! to the line carrying its row's values, whether the values sit on the first, a middle or the
//! last line of the label.
//!
//! The rule is general by construction: two lines that both carry values are two rows, so the
//! smallest baseline pitch between two such neighbours is a row pitch. Lines of one wrapped
//! cell are set at the font's leading, which is tighter than the pitch between two rows (rows
//! add cell padding). Lines closer than that row pitch are one row; a run of such lines holds
//! the values of one row at most (a row's numbers appear once), so a run holding two value
//! lines is cut at its widest pitch between them. Without two neighbouring value lines the
//! two pitch levels come from the pitches themselves (the first clear jump). When the pitches
//! tell nothing (rows set at the leading), [`merge_wrapped_lines`] decides from the text.

use super::config::TableConfig;
use super::model::TableRow;
use super::stream_rows::{column_value_counts, filled_columns, merge_rows, merge_wrapped_lines, spread_centred_captions};

/// The baseline and font size of each line of a block, found by the line's top.
#[derive(Debug, Default, Clone)]
pub(super) struct LineMetrics {
    /// (top, baseline, font size) per line.
    lines: Vec<(f64, f64, f64)>,
}

impl LineMetrics {
    /// Metrics of lines given as (top, baseline, font size).
    pub(super) fn new(lines: Vec<(f64, f64, f64)>) -> Self {
        LineMetrics { lines }
    }
    fn find(&self, r: &TableRow) -> Option<(f64, f64)> {
        self.lines.iter().find(|(top, _, _)| (top - r.top).abs() < f64::EPSILON * top.abs().max(1.0)).map(|&(_, b, s)| (b, s))
    }
}

/// What a line holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// A value (not a year) beside the first column.
    Values,
    /// Text only, in text columns only: a fragment of a wrapped label or remark, or a label
    /// row without values.
    Text,
    /// Anything else (captions over value columns): stays a row of its own here.
    Other,
}

/// Join the wrapped lines of a block's rows (one row per line on entry). See the module doc.
pub(super) fn group_wrapped_lines(rows: Vec<TableRow>, metrics: &LineMetrics, cfg: &TableConfig) -> Vec<TableRow> {
    let n = rows.len();
    let found: Option<Vec<(f64, f64)>> = rows.iter().map(|r| metrics.find(r)).collect();
    let Some(found) = found else {
        return merge_wrapped_lines(rows, cfg);
    };
    let kinds = line_kinds(&rows);
    let Some(first_value) = kinds.iter().position(|&k| k == Kind::Values) else {
        return merge_wrapped_lines(rows, cfg);
    };
    let base: Vec<f64> = found.iter().map(|f| f.0).collect();
    let size = crate::pdf::median(found.iter().map(|f| f.1)).map_or(1.0, |s| s.max(1.0));
    let pitch = |i: usize| base[i + 1] - base[i];
    let groupable = |i: usize| kinds[i] != Kind::Other && kinds[i + 1] != Kind::Other;
    let Some(limit) = row_pitch_limit(&rows, &kinds, &base, first_value, size, cfg) else {
        return merge_wrapped_lines(rows, cfg);
    };
    let tight = |i: usize| groupable(i) && pitch(i) < limit;
    // Text lines right above the first value line and tight to it belong to its row (its
    // label starts above its values).
    let mut start = first_value;
    while start > 0 && kinds[start - 1] == Kind::Text && tight(start - 1) {
        start -= 1;
    }
    // Text lines above that, after the header's last caption over a value column, are rows
    // without values (section headings), wrapped the same way.
    start = (0..start).rev().take_while(|&i| kinds[i] == Kind::Text).last().unwrap_or(start);
    // Runs of lines linked by tight pitches; a run holding several value lines is cut at its
    // widest pitch between two of them. A section heading right above its first row (set
    // apart from the rows above) is a row of its own: two lines that each start with a row
    // marker are two rows, and so are a heading in capitals and a label in mixed case below it,
    // and a heading in a script without case ("一、社会保障和就业支出") and the line set a row
    // below it (`heading_row_pitch`).
    // (So is a word in capitals alone on a line set apart from the rows above, "HEALTH": a
    // caption's wrapped word stands in the header, not between rows.)
    let heading = |i: usize| super::header::is_section_heading(&rows[i]) || (i > 0 && !tight(i - 1) && is_capitals_word(&rows[i]));
    let mut cuts = vec![false; n.saturating_sub(1)];
    for (i, c) in cuts.iter_mut().enumerate().skip(start) {
        *c = !tight(i) || (marked(&rows[i]) && marked(&rows[i + 1])) || (heading(i) && starts_mixed_case(&rows[i + 1])) || (kinds[i] == Kind::Text && heading(i) && caseless(&rows[i]) && pitch(i) > cfg.stream.heading_row_pitch * size);
    }
    let mut a = start;
    while a < n {
        let mut b = a;
        while b + 1 < n && !cuts[b] {
            b += 1;
        }
        split_run(a, b, &kinds, &base, &mut cuts);
        a = b + 1;
    }
    let mut rows = rows;
    // (Captions centred over the sub-captions below span them first: a group caption is a
    // level of the header, not a line wrapped onto the captions beside it. It needs a header
    // line under it.)
    let header = super::header::header_row_count(&rows, &cfg.header).min(start);
    if header >= 2 {
        spread_centred_captions(&mut rows[..header]);
    }
    let body = rows.split_off(start);
    let mut out = if start > 0 { merge_wrapped_lines(rows, cfg) } else { Vec::new() };
    let mut current: Option<TableRow> = None;
    for (k, r) in body.into_iter().enumerate() {
        let i = start + k;
        match current.as_mut() {
            Some(cur) if i > start && !cuts[i - 1] => merge_rows(cur, &r, true),
            _ => {
                out.extend(current.take());
                current = Some(r);
            }
        }
    }
    out.extend(current);
    out
}

/// A row whose text has no letter in upper or lower case (Chinese): case cannot set its
/// heading apart from the label below.
fn caseless(row: &TableRow) -> bool {
    !row.cells.iter().flat_map(|c| c.text.chars()).any(|ch| ch.is_uppercase() || ch.is_lowercase())
}

/// Cut the run of lines `a..=b` (linked by tight pitches) so that no piece holds two value
/// lines: between two value lines, at the widest pitch.
fn split_run(a: usize, b: usize, kinds: &[Kind], base: &[f64], cuts: &mut [bool]) {
    let values: Vec<usize> = (a..=b).filter(|&i| kinds[i] == Kind::Values).collect();
    for w in values.windows(2) {
        let (v, u) = (w[0], w[1]);
        if (v..u).any(|i| cuts[i]) {
            continue;
        }
        let widest = (v..u).max_by(|&x, &y| (base[x + 1] - base[x]).total_cmp(&(base[y + 1] - base[y])).then(y.cmp(&x)));
        if let Some(i) = widest {
            cuts[i] = true;
        }
    }
}

/// Pitches below this are lines of one row. From the smallest pitch between two neighbouring
/// value lines (two rows) less a slack; else from the first clear jump among the pitches
/// between successive lines of one text column (a cell's lines are set at the leading; a
/// value line centred between two label lines sits half a leading from each, which says
/// nothing of the leading); else among all the body's pitches. None when the pitches show no
/// two levels.
fn row_pitch_limit(rows: &[TableRow], kinds: &[Kind], base: &[f64], first_value: usize, size: f64, cfg: &TableConfig) -> Option<f64> {
    let slack = cfg.stream.wrap_pitch_slack * size;
    let n = kinds.len();
    let row_pitch = (first_value..n.saturating_sub(1)).filter(|&i| kinds[i] == Kind::Values && kinds[i + 1] == Kind::Values).map(|i| base[i + 1] - base[i]).fold(f64::MAX, f64::min);
    if row_pitch < f64::MAX {
        return Some(row_pitch - slack);
    }
    let first_jump = |mut pitches: Vec<f64>| {
        pitches.sort_by(f64::total_cmp);
        pitches.windows(2).find(|w| w[1] - w[0] > slack).map(|w| (w[0] + w[1]) / 2.0)
    };
    let from = first_value.saturating_sub(1);
    let lines: Vec<usize> = (from..n).filter(|&i| kinds[i] != Kind::Other).collect();
    let column_pitches: Vec<f64> = text_columns(rows)
        .iter()
        .enumerate()
        .filter(|&(_, &text)| text)
        .flat_map(|(c, _)| {
            let with_text: Vec<usize> = lines.iter().copied().filter(|&i| filled_columns(&rows[i]).contains(&c)).collect();
            with_text.windows(2).map(|w| base[w[1]] - base[w[0]]).collect::<Vec<_>>()
        })
        .collect();
    first_jump(column_pitches).or_else(|| first_jump((from..n.saturating_sub(1)).filter(|&i| kinds[i] != Kind::Other && kinds[i + 1] != Kind::Other).map(|i| base[i + 1] - base[i]).collect()))
}

/// Per column: a text column (more words than values over the block).
fn text_columns(rows: &[TableRow]) -> Vec<bool> {
    column_value_counts(rows).into_iter().map(|(values, words)| words > values).collect()
}

/// The line's first cell is a row marker alone ("I", "1", "a)"), in a column of its own.
fn marked(r: &TableRow) -> bool {
    r.cells.len() >= 2 && r.cells.first().is_some_and(|c| !c.covered && c.col_span <= 1 && crate::text::is_row_marker(c.text.trim()))
}

/// The line holds one word in capitals alone, in one of the first two columns, that is no row
/// marker ("HEALTH", not "II").
fn is_capitals_word(r: &TableRow) -> bool {
    matches!(filled_columns(r).as_slice(), [c] if *c < 2 && {
        let t = r.cells[*c].text.trim();
        t.split_whitespace().count() == 1 && t.chars().filter(|c| c.is_alphabetic()).count() >= 2 && super::header::in_capitals(t) && !crate::text::is_row_marker(t)
    })
}

/// The line's first text starts with a capital and holds lowercase letters: a label of its
/// own, not the continuation of a heading in capitals.
fn starts_mixed_case(r: &TableRow) -> bool {
    let first = r.cells.iter().find(|c| !c.covered && !c.text.trim().is_empty()).map(|c| c.text.trim());
    first.is_some_and(|t| t.chars().next().is_some_and(char::is_uppercase) && t.chars().any(char::is_lowercase))
}

/// Each line's [`Kind`]. Text columns hold more words than values over the block; a row marker
/// in the first column ("II  CHƯƠNG TRÌNH …", a section heading without values) leaves a line
/// of text a line of text.
fn line_kinds(rows: &[TableRow]) -> Vec<Kind> {
    let is_value = |t: &str| super::header::is_value_cell(t);
    let text_column = text_columns(rows);
    rows.iter()
        .map(|r| {
            let filled = filled_columns(r);
            if r.cells.iter().skip(1).any(|c| !c.covered && is_value(&c.text)) {
                Kind::Values
            } else if !filled.is_empty() && filled.iter().all(|&c| text_column[c] || (c == 0 && marked(r))) {
                Kind::Text
            } else {
                Kind::Other
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "wrap_groups_tests.rs"]
mod tests;
