//! Rows of an unruled table from its lines. In: one row per text line. Out: the table's rows,
//! wrapped lines joined into their rows (up or down, by lowercase continuation and spacing),
//! multi-line headers joined column by column, column spans kept consistent.

use super::config::TableConfig;
use super::model::{TableCell, TableRow};
use crate::layout::join_pieces;

pub(super) fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

pub(super) fn filled_columns(r: &TableRow) -> Vec<usize> {
    r.cells.iter().enumerate().filter(|(_, c)| !c.covered && !c.text.trim().is_empty()).map(|(i, _)| i).collect()
}

/// Merge row `src` into `dst` (cell by cell), `src_below` telling the reading order.
pub(super) fn merge_rows(dst: &mut TableRow, src: &TableRow, src_below: bool) {
    for (d, s) in dst.cells.iter_mut().zip(&src.cells) {
        if s.text.trim().is_empty() {
            continue;
        }
        if d.covered {
            continue;
        }
        d.text = if src_below { join_pieces([d.text.as_str(), s.text.as_str()]) } else { join_pieces([s.text.as_str(), d.text.as_str()]) };
        d.col_span = d.col_span.max(s.col_span);
    }
    dst.top = dst.top.min(src.top);
    dst.bottom = dst.bottom.max(src.bottom);
    normalize_spans(&mut dst.cells);
}

/// Header line `line` is the wrapped line of captions spanning columns on the header row `cur`
/// ("Central" over two columns, "government" under it over the same two): each of its cells
/// that spans columns spans the same ones as a caption of `cur`, and its other captions stand
/// in columns `cur` leaves empty (captions centred down the header beside the wrapped one). A
/// caption over the same columns as the one above is its next line, not a level under it: a
/// group caption stands over two or more sub-captions.
pub(super) fn continues_spanning_captions(cur: &TableRow, line: &TableRow) -> bool {
    let mut continued = false;
    for c in filled_columns(line) {
        let (cell, above) = (&line.cells[c], cur.cells.get(c));
        if cell.col_span > 1 {
            if !above.is_some_and(|a| !a.covered && a.col_span == cell.col_span && !a.text.trim().is_empty()) {
                return false;
            }
            continued = true;
        } else if above.is_none_or(|a| a.covered || !a.text.trim().is_empty()) {
            return false;
        }
    }
    continued
}

/// Make column spans consistent: a span only covers blank positions to its right, and the
/// positions it covers are marked covered (and nothing else is).
pub(super) fn normalize_spans(cells: &mut [TableCell]) {
    let n = cells.len();
    for c in cells.iter_mut() {
        if c.covered && !c.text.trim().is_empty() {
            c.covered = false;
            c.col_span = 1;
        }
    }
    let mut i = 0;
    while i < n {
        if cells[i].covered {
            // An orphan covered cell (no anchor reaching it) becomes blank.
            cells[i] = TableCell::blank();
            i += 1;
            continue;
        }
        let want = cells[i].col_span.max(1);
        let mut span = 1;
        while span < want && i + span < n && cells[i + span].text.trim().is_empty() {
            span += 1;
        }
        cells[i].col_span = span;
        for c in cells.iter_mut().take(i + span).skip(i + 1) {
            *c = TableCell::covered();
        }
        i += span;
    }
}

/// Per column of `rows`: how many of its filled cells are values ([`super::header::is_value_cell`])
/// and how many are not.
pub(super) fn column_value_counts(rows: &[TableRow]) -> Vec<(usize, usize)> {
    let n_cols = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    (0..n_cols)
        .map(|c| {
            let cells = rows.iter().filter_map(|r| r.cells.get(c)).filter(|x| !x.covered && !x.text.trim().is_empty());
            cells.fold((0, 0), |(v, o), x| if super::header::is_value_cell(&x.text) { (v + 1, o) } else { (v, o + 1) })
        })
        .collect()
}

/// Without rules, each line of a multi-line header is a row of its own at first: join the
/// header lines column by column into one row, except that a line with a caption spanning
/// several columns stays a header level of its own, and a row of column numbers (A B 1 2 3)
/// stays a row of its own (joined to the captions above, `Transfers 2` reads as a value).
pub(super) fn merge_header_lines(rows: Vec<TableRow>, cfg: &TableConfig) -> Vec<TableRow> {
    // Header *lines* (one row per line, before joining): not the table's final header row
    // count, which page_tables counts once the rows are final.
    let h = super::header::header_row_count(&rows, &cfg.header);
    if h < 2 {
        return rows;
    }
    let mut rows = rows;
    spread_centred_captions(&mut rows[..h]);
    let mut out: Vec<TableRow> = Vec::with_capacity(rows.len());
    let mut current_spans = false;
    for (i, r) in rows.into_iter().enumerate() {
        let spans = r.cells.iter().any(|c| c.col_span > 1);
        if let Some(prev) = out.last_mut()
            && i < h
            && spread_group_captions(prev, &r)
        {
            current_spans = true;
        }
        match out.last_mut() {
            Some(prev) if i < h && ((!spans && !current_spans) || continues_spanning_captions(prev, &r)) && !super::header::is_column_number_row(&r) => merge_rows(prev, &r, true),
            _ => {
                current_spans = spans;
                out.push(r);
            }
        }
    }
    out
}

/// A caption centred over a group of sub-columns sits in the middle one, or across the middle
/// two ("Year" over "2020 … 2024", "其中" over three kinds of funds): when a header line below
/// it fills a run of columns around it, with the caption in the run's middle (a caption of one
/// column in a run of at least three) and alone over the run on its own line, the caption spans
/// the run. Lower lines are tried nearest first (captions of single columns centred beside a
/// mid-level line may extend its run; the sub-column captions' line does not). A caption wrapped
/// onto the line below continues in its column alone, or in a run it does not centre; a
/// column-number row, "A B 1 2 3", fills every column and groups none. When no one line
/// centres a run, the lines from the first one under the caption down may together (sub-
/// captions staggered around a wrapped one). A run never starts at the first column: text
/// centred over it and its neighbours is a line of a label.
pub(super) fn spread_centred_captions(lines: &mut [TableRow]) {
    let filled = |r: &TableRow, c: usize| r.cells.get(c).is_some_and(|x| x.covered || !x.text.trim().is_empty());
    for i in 0..lines.len() {
        for p in filled_columns(&lines[i]) {
            let q = p + lines[i].cells[p].col_span.max(1) - 1;
            // (A caption over three or more columns already stands where a rule under it says;
            // one over two was centred over their pair of cells.)
            if q > p + 1 {
                continue;
            }
            let n = lines[i].cells.len();
            let run_in = |fills: &dyn Fn(usize) -> bool| {
                let a = (0..p).rev().take_while(|&x| fills(x)).last().unwrap_or(p);
                let b = (q + 1..n).take_while(|&x| fills(x)).last().unwrap_or(q);
                (a, b)
            };
            // (A caption of one column sits in the middle column of an odd run, or beside the
            // middle of an even one; a caption already across columns is set symmetrically.)
            let slack = if p == q { 1 } else { 0 };
            let centred = |&(a, b): &(usize, usize)| a < p && q < b && (p - a).abs_diff(b - q) <= slack;
            let lower: Vec<&TableRow> = lines[i + 1..].iter().filter(|r| !super::header::is_column_number_row(r)).collect();
            let under = |r: &TableRow| (p..=q).all(|x| filled(r, x));
            let single = lower.iter().filter(|r| under(r)).map(|r| run_in(&|x| filled(r, x))).find(centred);
            // Sub-captions staggered over several lines (a wrapped one beside others centred
            // on its lines) fill the run only together: the lines from the first one under the
            // caption down.
            let together = || {
                let from = lower.iter().position(|r| under(r))?;
                Some(run_in(&|x| lower[from..].iter().any(|r| filled(r, x)))).filter(centred)
            };
            // (A group caption stands over value columns: text centred over the first column
            // and its neighbours is a line of a label.)
            let Some((a, b)) = single.or_else(together).filter(|&(a, _)| a > 0) else { continue };
            if (a..=b).all(|x| (p..=q).contains(&x) || (!lines[i].cells[x].covered && lines[i].cells[x].text.trim().is_empty())) {
                lines[i].span_over(p, a, b);
            }
        }
    }
}

/// When the header line `upper` holds group captions over the columns the line `below` names
/// ("Revenue" over "Item | Budget", "Expenditure" over the next two), spread each caption over
/// the blank cells to its right that `below` fills, and say so: the captions are a header level
/// of their own, not the first words of the captions below. Group captions are sparse: each
/// already spans columns (set centred over them) or has a blank neighbour to its right that
/// the line below fills, and that line fills at least twice as many columns.
fn spread_group_captions(upper: &mut TableRow, below: &TableRow) -> bool {
    let (fu, fb) = (filled_columns(upper), filled_columns(below));
    let n = upper.cells.len();
    let spanned: Vec<bool> = upper.cells.iter().map(|c| c.col_span > 1).collect();
    let groups = !fu.is_empty()
        && fb.len() >= 2 * fu.len()
        && fu.iter().all(|&c| spanned[c] || (c + 1 < n && !upper.cells[c + 1].covered && !fu.contains(&(c + 1)) && fb.contains(&(c + 1))));
    if !groups {
        return false;
    }
    for (k, &c) in fu.iter().enumerate() {
        if spanned[c] {
            continue;
        }
        let end = fu.get(k + 1).copied().unwrap_or(n);
        let span = (c + 1..end).take_while(|x| fb.contains(x)).count() + 1;
        upper.cells[c].col_span = span;
        for x in upper.cells.iter_mut().take(c + span).skip(c + 1) {
            *x = TableCell::covered();
        }
    }
    true
}

/// Join wrapped lines without rulings: a line with text in a single column joins the row above
/// when it continues it (lowercase start, tight spacing), or the row below when that row's text
/// in the same column continues it.
pub(super) fn merge_wrapped_lines(rows: Vec<TableRow>, cfg: &TableConfig) -> Vec<TableRow> {
    let n = rows.len();
    let filled: Vec<Vec<usize>> = rows.iter().map(filled_columns).collect();
    // Decide for each single-column line whether it joins up (-1), down (+1) or stays (0).
    let mut dir = vec![0i8; n];
    for i in 0..n {
        // A line whose every cell runs on in lowercase continues the row above.
        let runs_on = filled[i].len() >= 2 && filled[i].iter().all(|&c| starts_lowercase(&rows[i].cells[c].text));
        if runs_on && i > 0 && rows[i].top - rows[i - 1].bottom <= cfg.wrap_gap * (rows[i].bottom - rows[i].top).max(1.0) {
            dir[i] = -1;
            continue;
        }
        if filled[i].len() != 1 || rows[i].cells.len() < 2 {
            continue;
        }
        let c = filled[i][0];
        let text = rows[i].cells[c].text.as_str();
        let h = (rows[i].bottom - rows[i].top).max(1.0);
        let gap_up = if i > 0 { rows[i].top - rows[i - 1].bottom } else { f64::MAX };
        let gap_down = if i + 1 < n { rows[i + 1].top - rows[i].bottom } else { f64::MAX };
        let tight = cfg.wrap_gap * h;
        // Up: the row above has text in this column (or receives it from the line above it).
        let above_has_text = i > 0 && !rows[i - 1].cells[c].covered && !rows[i - 1].cells[c].text.is_empty();
        let above_receives = i >= 2 && dir[i - 2] == 1 && filled[i - 2] == [c];
        let up_ok = i > 0 && gap_up <= tight && (above_has_text || above_receives);
        // Down: the row below continues this text, or has values but nothing in this column
        // (its label is wrapped around its numbers). A caption spanning columns stays over a
        // row that fills some of them (a group caption over its sub-captions).
        let spanned = c..c + rows[i].cells[c].col_span.max(1);
        let down_ok = i + 1 < n
            && gap_down <= tight
            && filled[i + 1].len() > 1
            && !filled[i + 1].iter().any(|x| x != &c && spanned.contains(x))
            && ((filled[i + 1].contains(&c) && starts_lowercase(&rows[i + 1].cells[c].text))
                || (!filled[i + 1].contains(&c) && !rows[i + 1].cells[c].covered));
        if up_ok && starts_lowercase(text) {
            dir[i] = -1;
        } else if down_ok {
            dir[i] = 1;
        }
    }
    let mut out: Vec<TableRow> = Vec::new();
    let mut pending: Vec<TableRow> = Vec::new();
    for (i, r) in rows.into_iter().enumerate() {
        match dir[i] {
            -1 if !out.is_empty() => {
                if let Some(last) = out.last_mut() {
                    merge_rows(last, &r, true);
                }
            }
            1 => pending.push(r),
            _ => {
                let mut r = r;
                for p in pending.drain(..).rev() {
                    merge_rows(&mut r, &p, false);
                }
                out.push(r);
            }
        }
    }
    out.extend(pending);
    out
}
