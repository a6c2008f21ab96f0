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
        // A column of "99.32", "19.88", "20.76" reads as markers one by one but is amounts:
        // every cell has the same two or more places after the point, and the first parts go
        // down, which outline numbers (1.1, 1.2, 2.1, within a group) do not.
        let parts: Vec<(&str, &str)> = texts().filter_map(|t| t.split_once('.')).collect();
        let places = parts.first().map_or(0, |(_, b)| b.len());
        let same_places = !parts.is_empty() && parts.len() == cells.len() && places >= 2 && parts.iter().all(|(_, b)| b.len() == places);
        let first: Vec<u64> = parts.iter().filter_map(|(a, _)| a.parse().ok()).collect();
        let amounts = same_places && first.windows(2).any(|w| w[0] > w[1]);
        if (label_header || all_labels) && !amounts && label_shapes.iter().any(is_marker) {
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
