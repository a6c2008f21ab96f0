//! Column formulas that a table's header states in words rather than in a column-number row:
//! "Chia ra" / "分为" captions over parts, total captions (合计, Tổng số, Total) beside their
//! siblings, and "after adjustment" columns.

use super::column_kind::{ColumnKind, header_text};
use super::formula::ColumnFormula;
use crate::table::Table;
use crate::text::is_total_caption;

/// Formulas a header states in words: a caption "Chia ra" / "Bao gồm" / "分为" ("divided
/// into") spanning columns a..=b right of a number column means that column = Σ a..=b.
/// ("Trong đó" / "其中", "of which", lists only some parts, so it gives no formula.)
pub(super) fn split_header_formulas(table: &Table, columns: &[ColumnKind]) -> Vec<ColumnFormula> {
    let summable = summable_columns(table, columns);
    let mut out = Vec::new();
    for row in &table.header_rows {
        for (c, cell) in row.cells.iter().enumerate() {
            let t = cell.text.trim().to_lowercase();
            let divided = matches!(t.as_str(), "chia ra" | "bao gồm" | "分为" | "分项" | "of which:" | "broken down");
            if divided && !cell.covered && cell.col_span >= 2 && c >= 1 && columns.get(c - 1) == Some(&ColumnKind::Number) {
                let terms: Vec<(i8, usize)> = (c..c + cell.col_span).map(|k| (1, k)).collect();
                if terms.iter().all(|(_, k)| summable.get(*k) == Some(&true)) {
                    out.push(ColumnFormula { target: c - 1, terms });
                }
            }
        }
    }
    out
}

/// Columns that can take part in a formula: number columns and columns with no text at all
/// (an empty amount column is still an amount column).
fn summable_columns(table: &Table, columns: &[ColumnKind]) -> Vec<bool> {
    (0..table.n_cols)
        .map(|c| {
            columns.get(c) == Some(&ColumnKind::Number)
                || table.rows.iter().all(|r| r.cells.get(c).is_none_or(|x| x.text.trim().is_empty()))
        })
        .collect()
}

/// The header anchor cell covering `col` in header row `r`: (anchor column, span).
fn anchor_at(table: &Table, r: usize, col: usize) -> Option<(usize, usize)> {
    let (a, cell) = table.header_rows.get(r)?.anchor_covering(col)?;
    Some((a, cell.col_span.max(1)))
}

/// Formulas a header states with a total caption: a column captioned 合计 / 小计 / Tổng số /
/// Total equals the sum of the sibling captions to its right under the same parent caption;
/// a sibling spanning several columns counts through its own total sub-column.
pub(super) fn total_header_formulas(table: &Table, columns: &[ColumnKind]) -> Vec<ColumnFormula> {
    let n = table.n_cols;
    let summable = summable_columns(table, columns);
    let mut out = Vec::new();
    for (r, row) in table.header_rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            if cell.covered || !is_total_caption(&cell.text) || columns.get(c) != Some(&ColumnKind::Number) {
                continue;
            }
            // Parent range: the caption above spanning this column, or the whole table.
            let (_, hi) = match r.checked_sub(1).and_then(|p| anchor_at(table, p, c)) {
                Some((a, span)) if span > 1 => (a, a + span),
                _ => (0, n),
            };
            let mut terms = Vec::new();
            let mut k = c + cell.col_span.max(1);
            let mut complete = true;
            while k < hi {
                let Some((a, span)) = anchor_at(table, r, k) else { break };
                if a != k || is_total_caption(&row.cells[k].text) {
                    break;
                }
                // A sibling over several columns counts through its own total sub-column, or
                // else through all of its columns.
                let reps: Vec<usize> = if span == 1 {
                    vec![k]
                } else {
                    (r + 1..table.header_rows.len())
                        .flat_map(|rr| (k..k + span).map(move |cc| (rr, cc)))
                        .find(|&(rr, cc)| table.header_rows[rr].cells.get(cc).is_some_and(|x| !x.covered && is_total_caption(&x.text)))
                        .map_or_else(|| (k..k + span).collect(), |(_, cc)| vec![cc])
                };
                if reps.iter().all(|col| summable.get(*col) == Some(&true)) {
                    terms.extend(reps.into_iter().map(|col| (1, col)));
                } else {
                    complete = false;
                    break;
                }
                k += span;
            }
            if complete && terms.len() >= 2 {
                out.push(ColumnFormula { target: c, terms });
            }
        }
    }
    out
}

/// An "after adjustment" column (Dự toán sau điều chỉnh, 调整后, after adjustment) equals the
/// adjustment column before it (điều chỉnh, 调整, adjustment: signed) plus the number column
/// before that.
pub(super) fn adjustment_formulas(table: &Table, columns: &[ColumnKind]) -> Vec<ColumnFormula> {
    let caption = |c: usize| header_text(table, c).to_lowercase();
    let is_after = |t: &str| t.contains("sau điều chỉnh") || t.contains("调整后") || t.contains("after adjustment");
    let is_adjustment = |t: &str| !is_after(t) && (t.contains("điều chỉnh") || t.contains("调整") || t.contains("adjustment"));
    let mut out = Vec::new();
    for t in 0..columns.len() {
        if columns[t] != ColumnKind::Number || !is_after(&caption(t)) {
            continue;
        }
        let Some(a) = (0..t).rev().find(|&c| columns[c] == ColumnKind::Number && is_adjustment(&caption(c))) else { continue };
        let Some(b) = (0..a).rev().find(|&c| columns[c] == ColumnKind::Number) else { continue };
        out.push(ColumnFormula { target: t, terms: vec![(1, b), (1, a)] });
    }
    out
}
