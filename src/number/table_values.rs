//! Numbers of finished tables: the document's number format, each column's kind, each cell's
//! Decimal value, the table's unit, and its arithmetic checks.
//!
//! Column kinds decide what a numeric-looking cell means: row numbers (`1`, `II`, `a)`) in a
//! label column and codes (`2080505`, `208`, `20805`) in a code column are never values.

use super::checks::{Check, CheckRow, run_checks};
use super::format::NumberFormat;
use super::formula::parse_column_formulas;
use super::locale::{FormatEvidence, LanguageHint, LocaleGuess};
use super::non_value::NonValueKind;
use super::parse::{CellNumber, parse_cell};
use super::context::{TableContext, table_context};
use super::unit::{Unit, find_unit};
use crate::table::{Table, is_column_number_row};
use rust_decimal::Decimal;
use serde::Serialize;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// Row markers / row numbers (STT, 序号): never values.
    Label,
    /// Classification codes (科目编码 2080505, 208, 20805): never values.
    Code,
    /// Mostly values.
    Number,
    /// Mostly text.
    Text,
}

/// A parsed cell value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellValue {
    pub value: Decimal,
    pub percent: bool,
}

/// The numbers of one table.
#[derive(Debug, Clone)]
pub struct TableNumbers {
    pub format: NumberFormat,
    pub columns: Vec<ColumnKind>,
    /// Per body row, per column.
    pub values: Vec<Vec<Option<CellValue>>>,
    /// The table's title and unit (from the lines above it).
    pub context: TableContext,
    /// Units found in column headers ("金额（万元）"), per column.
    pub column_units: Vec<Option<Unit>>,
    pub checks: Vec<Check>,
}

fn is_marker(t: &str) -> bool {
    crate::table::is_row_marker(t)
}

fn header_text(table: &Table, col: usize) -> String {
    table.header_rows.iter().filter_map(|r| r.cells.get(col)).map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ")
}

/// The kind of column `col`, given each body row's parsed cell there (`None`: covered, missing
/// or blank).
fn column_kind(table: &Table, col: usize, parsed: &[Vec<Option<CellNumber>>]) -> ColumnKind {
    let cells: Vec<(&str, &CellNumber)> = table
        .rows
        .iter()
        .zip(parsed)
        .filter_map(|(r, p)| Some((r.cells.get(col)?.text.trim(), p.get(col)?.as_ref()?)))
        .collect();
    if cells.is_empty() {
        return ColumnKind::Text;
    }
    let texts = || cells.iter().map(|(t, _)| *t);
    let header = header_text(table, col).to_lowercase();
    let code_header = ["编码", "代码", "科目", "code", "mã"].iter().any(|k| header.contains(k));
    let label_header = ["stt", "序号", "tt", "no."].iter().any(|k| header.trim() == *k);
    // Label column: among the first two columns, every cell a row marker (or a total word).
    if col < 2 && (label_header || texts().all(|t| is_marker(t) || crate::table::is_total_label(t))) && texts().any(is_marker) {
        return ColumnKind::Label;
    }
    let digits_only = texts().all(|t| t.chars().all(|c| c.is_ascii_digit()));
    let some_code = cells.iter().any(|(_, p)| matches!(p, CellNumber::NotAValue { kind: NonValueKind::Code }));
    if digits_only && (code_header || (some_code && texts().all(|t| t.len() >= 3))) {
        return ColumnKind::Code;
    }
    let values = cells.iter().filter(|(_, p)| matches!(p, CellNumber::Value { .. })).count();
    if values * 2 >= cells.len() { ColumnKind::Number } else { ColumnKind::Text }
}

/// Number-format evidence of each column of a table's body (one entry per column, covering the
/// longest row).
pub fn column_evidence(table: &Table) -> Vec<FormatEvidence> {
    let n = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0).max(table.n_cols);
    let mut evidence = vec![FormatEvidence::default(); n];
    for r in &table.rows {
        for (e, c) in evidence.iter_mut().zip(&r.cells) {
            e.add_cell(&c.text);
        }
    }
    evidence
}

/// Guess the document's number format from all tables' body cells (their [`column_evidence`]),
/// the numbers in the document's other text (`text_numbers`, e.g. "EUR 2.500" in a paragraph)
/// and its language.
pub fn document_format(evidence: &[Vec<FormatEvidence>], text_numbers: &[String], language: LanguageHint, forced: Option<NumberFormat>) -> LocaleGuess {
    if let Some(format) = forced {
        return LocaleGuess { format, confidence: 1.0 };
    }
    let mut all = FormatEvidence::default();
    for e in evidence.iter().flatten() {
        all.merge(e);
    }
    for t in text_numbers {
        all.add_cell(t);
    }
    all.decide(language)
}

/// Number-like words of a text ("2.500", "1,234.5"), stripped of surrounding punctuation.
pub fn numbers_in_text(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_digit()))
        .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ','))
        .map(str::to_string)
        .collect()
}

/// Read the numbers of one table with the document's format (a column with strong evidence of
/// another format uses that one).
/// `evidence` is the table's [`column_evidence`]; a column whose own evidence points to another
/// format with confidence 0.8 or more reads with that format. Empty when the format is forced.
pub fn table_numbers(table: &Table, evidence: &[FormatEvidence], doc: &LocaleGuess, language: LanguageHint) -> TableNumbers {
    let n = table.n_cols;
    let mut col_format = vec![doc.format; n];
    for (f, e) in col_format.iter_mut().zip(evidence) {
        let g = e.decide(language);
        if g.format != doc.format && g.confidence >= 0.8 {
            *f = g.format;
        }
    }
    // Each body cell parsed once, with its column's format.
    let parsed: Vec<Vec<Option<CellNumber>>> = table
        .rows
        .iter()
        .map(|r| {
            (0..n)
                .map(|c| {
                    let cell = r.cells.get(c).filter(|x| !x.covered && !x.text.trim().is_empty())?;
                    Some(parse_cell(&cell.text, &col_format[c]))
                })
                .collect()
        })
        .collect();
    let columns: Vec<ColumnKind> = (0..n).map(|c| column_kind(table, c, &parsed)).collect();
    let values: Vec<Vec<Option<CellValue>>> = parsed
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(c, p)| match p {
                    Some(CellNumber::Value { value, percent }) if !matches!(columns[c], ColumnKind::Label | ColumnKind::Code) => {
                        Some(CellValue { value: *value, percent: *percent })
                    }
                    _ => None,
                })
                .collect()
        })
        .collect();
    let context = table_context(&table.context_above, &table.page_furniture);
    let column_units: Vec<Option<Unit>> = (0..n).map(|c| find_unit(&header_text(table, c))).collect();
    let checks = table_checks(table, &columns, &values);
    TableNumbers { format: doc.format, columns, values, context, column_units, checks }
}

/// Formulas a header states in words: a caption "Chia ra" / "Bao gồm" / "分为" ("divided
/// into") spanning columns a..=b right of a number column means that column = Σ a..=b.
/// ("Trong đó" / "其中", "of which", lists only some parts, so it gives no formula.)
fn split_header_formulas(table: &Table, columns: &[ColumnKind]) -> Vec<super::formula::ColumnFormula> {
    let summable = summable_columns(table, columns);
    let mut out = Vec::new();
    for row in &table.header_rows {
        for (c, cell) in row.cells.iter().enumerate() {
            let t = cell.text.trim().to_lowercase();
            let divided = matches!(t.as_str(), "chia ra" | "bao gồm" | "分为" | "分项" | "of which:" | "broken down");
            if divided && !cell.covered && cell.col_span >= 2 && c >= 1 && columns.get(c - 1) == Some(&ColumnKind::Number) {
                let terms: Vec<(i8, usize)> = (c..c + cell.col_span).map(|k| (1, k)).collect();
                if terms.iter().all(|(_, k)| summable.get(*k) == Some(&true)) {
                    out.push(super::formula::ColumnFormula { target: c - 1, terms });
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

fn is_total_caption(t: &str) -> bool {
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    matches!(t.as_str(), "合计" | "小计" | "总计" | "tổngsố" | "tổngcộng" | "cộng" | "total" | "subtotal" | "tổng")
}

/// The header anchor cell covering `col` in header row `r`: (anchor column, span).
fn anchor_at(table: &Table, r: usize, col: usize) -> Option<(usize, usize)> {
    let row = table.header_rows.get(r)?;
    let mut a = col.min(row.cells.len().checked_sub(1)?);
    while a > 0 && row.cells[a].covered {
        a -= 1;
    }
    let span = row.cells[a].col_span.max(1);
    (a + span > col).then_some((a, span))
}

/// Formulas a header states with a total caption: a column captioned 合计 / 小计 / Tổng số /
/// Total equals the sum of the sibling captions to its right under the same parent caption;
/// a sibling spanning several columns counts through its own total sub-column.
fn total_header_formulas(table: &Table, columns: &[ColumnKind]) -> Vec<super::formula::ColumnFormula> {
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
                out.push(super::formula::ColumnFormula { target: c, terms });
            }
        }
    }
    out
}

fn table_checks(table: &Table, columns: &[ColumnKind], values: &[Vec<Option<CellValue>>]) -> Vec<Check> {
    let rows: Vec<CheckRow> = table
        .rows
        .iter()
        .zip(values)
        .map(|(r, v)| CheckRow {
            level: r.level.unwrap_or(1),
            is_total: r.level == Some(0),
            values: v
                .iter()
                .zip(columns)
                .map(|(x, k)| if *k == ColumnKind::Number { x.filter(|c| !c.percent).map(|c| c.value) } else { None })
                .collect(),
        })
        .collect();
    // Two-sided tables (收入 | 支出 side by side) have a text column after a number column;
    // their rows are not one hierarchy, so only formulas are checked.
    let two_sided = columns.iter().enumerate().any(|(i, k)| {
        *k == ColumnKind::Text && columns[..i].contains(&ColumnKind::Number) && table.rows.iter().any(|r| r.cells.get(i).is_some_and(|x| !x.text.trim().is_empty()))
    });
    let has_hierarchy = !two_sided && table.rows.iter().any(|r| r.level.is_some_and(|l| l >= 1));
    let mut formulas = table
        .header_rows
        .iter()
        .rev()
        .find(|r| is_column_number_row(r))
        .map(|r| parse_column_formulas(&r.cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>()))
        .unwrap_or_default();
    if formulas.is_empty() {
        formulas = split_header_formulas(table, columns);
        formulas.extend(total_header_formulas(table, columns));
        formulas.extend(adjustment_formulas(table, columns));
    }
    if two_sided {
        // One flat level (no parent/child checks) plus, per side, running totals.
        let flat: Vec<CheckRow> = rows.iter().map(|r| CheckRow { level: 1, is_total: false, values: r.values.clone() }).collect();
        let mut checks = run_checks(&flat, &formulas);
        checks.extend(side_total_checks(table, columns, &rows));
        return checks;
    }
    if !has_hierarchy && formulas.is_empty() {
        return Vec::new();
    }
    run_checks(&rows, &formulas)
}

/// Running totals of each side of a two-sided table: a total row (本年收入合计, 收入总计, Total)
/// equals the rows since the previous total row of that side, that total row included.
fn side_total_checks(table: &Table, columns: &[ColumnKind], rows: &[CheckRow]) -> Vec<Check> {
    // Sides start at the first column and at each text column that follows a number column.
    let mut starts = vec![0];
    for i in 1..columns.len() {
        if columns[i] == ColumnKind::Text && columns[..i].contains(&ColumnKind::Number) && columns[i - 1] == ColumnKind::Number {
            starts.push(i);
        }
    }
    let mut out = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(columns.len());
        let label_cols: Vec<usize> = (start..end).filter(|&c| columns[c] != ColumnKind::Number).collect();
        let value_cols: Vec<usize> = (start..end).filter(|&c| columns[c] == ColumnKind::Number).collect();
        for &col in &value_cols {
            let mut since = 0;
            for (i, r) in table.rows.iter().enumerate() {
                let is_total = label_cols.iter().any(|&c| r.cells.get(c).is_some_and(|x| crate::table::is_total_label(&x.text)));
                if !is_total {
                    continue;
                }
                if let Some(found) = rows.get(i).and_then(|x| x.values.get(col).copied().flatten()) {
                    let terms: Vec<Option<Decimal>> = (since..i).map(|j| rows[j].values.get(col).copied().flatten()).collect();
                    out.extend(super::checks::running_total_check(i, col, found, &terms));
                }
                since = i;
            }
        }
    }
    out
}

/// An "after adjustment" column (Dự toán sau điều chỉnh, 调整后, after adjustment) equals the
/// adjustment column before it (điều chỉnh, 调整, adjustment: signed) plus the number column
/// before that.
fn adjustment_formulas(table: &Table, columns: &[ColumnKind]) -> Vec<super::formula::ColumnFormula> {
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
        out.push(super::formula::ColumnFormula { target: t, terms: vec![(1, b), (1, a)] });
    }
    out
}
