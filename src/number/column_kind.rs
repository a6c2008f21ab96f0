//! The kind of each column of a finished table (row markers, codes, values, text), which
//! decides what a numeric-looking cell means: row numbers (`1`, `II`, `a)`) in a label column
//! and codes (`2080505`, `208`, `20805`) in a code column are never values.

use crate::text::{Context, NonValueKind, TokenShape, classify};
use super::config::NumberConfig;
use super::parse::CellNumber;
use crate::table::Table;
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

/// The texts of the header cells above column `col`, joined by spaces.
pub(super) fn header_text(table: &Table, col: usize) -> String {
    table.header_rows.iter().filter_map(|r| r.cells.get(col)).map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ")
}

/// The kind of column `col`, given each body row's parsed cell there (`None`: covered, missing
/// or blank).
pub(super) fn column_kind(table: &Table, col: usize, parsed: &[Vec<Option<CellNumber>>], cfg: &NumberConfig) -> ColumnKind {
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
    if col < cfg.label_columns {
        let label_shapes: Vec<TokenShape> = texts().map(|t| classify(t, Context::Label)).collect();
        let is_marker = |s: &TokenShape| matches!(s, TokenShape::RowMarker(_));
        let all_labels = label_shapes.iter().all(|s| is_marker(s) || *s == TokenShape::TotalLabel);
        if (label_header || all_labels) && label_shapes.iter().any(is_marker) {
            return ColumnKind::Label;
        }
    }
    let digits_only = texts().all(|t| t.chars().all(|c| c.is_ascii_digit()));
    let some_code = cells.iter().any(|(_, p)| matches!(p, CellNumber::NotAValue { kind: NonValueKind::Code }));
    if digits_only && (code_header || (some_code && texts().all(|t| t.len() >= cfg.min_code_digits))) {
        return ColumnKind::Code;
    }
    let values = cells.iter().filter(|(_, p)| matches!(p, CellNumber::Value { .. })).count();
    if values as f64 >= cfg.number_column_share * cells.len() as f64 { ColumnKind::Number } else { ColumnKind::Text }
}

#[cfg(test)]
#[path = "column_kind_tests.rs"]
mod tests;
