//! Numbers of finished tables: the document's number format, each column's kind, each cell's
//! Decimal value, the table's unit, and its arithmetic checks.
//!
//! Column kinds decide what a numeric-looking cell means: row numbers (`1`, `II`, `a)`) in a
//! label column and codes (`2080505`, `208`, `20805`) in a code column are never values.

use super::checks::{Check, CheckRow, run_checks};
use super::format::NumberFormat;
use super::formula::parse_column_formulas;
use super::locale::{LanguageHint, LocaleGuess, guess_locale};
use super::parse::{CellNumber, NonValueKind, parse_cell};
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

fn column_kind(table: &Table, col: usize, format: &NumberFormat) -> ColumnKind {
    let texts: Vec<&str> = table
        .rows
        .iter()
        .filter_map(|r| r.cells.get(col))
        .filter(|c| !c.covered && !c.text.trim().is_empty())
        .map(|c| c.text.trim())
        .collect();
    if texts.is_empty() {
        return ColumnKind::Text;
    }
    let header = header_text(table, col).to_lowercase();
    let code_header = ["编码", "代码", "科目", "code", "mã"].iter().any(|k| header.contains(k));
    let label_header = ["stt", "序号", "tt", "no."].iter().any(|k| header.trim() == *k);
    // Label column: among the first two columns, every cell a row marker (or a total word).
    if col < 2 && (label_header || texts.iter().all(|t| is_marker(t) || crate::table::is_total_label(t))) && texts.iter().any(|t| is_marker(t)) {
        return ColumnKind::Label;
    }
    let digits_only = texts.iter().all(|t| t.chars().all(|c| c.is_ascii_digit()));
    let some_code = texts.iter().any(|t| matches!(parse_cell(t, format), CellNumber::NotAValue { kind: NonValueKind::Code }));
    if digits_only && (code_header || (some_code && texts.iter().all(|t| t.len() >= 3))) {
        return ColumnKind::Code;
    }
    let values = texts.iter().filter(|t| matches!(parse_cell(t, format), CellNumber::Value { .. })).count();
    if values * 2 >= texts.len() { ColumnKind::Number } else { ColumnKind::Text }
}

/// Guess the document's number format from all tables' body cells and the document language.
pub fn document_format(tables: &[Table], language: LanguageHint, forced: Option<NumberFormat>) -> LocaleGuess {
    if let Some(format) = forced {
        return LocaleGuess { format, confidence: 1.0 };
    }
    let cells = tables.iter().flat_map(|t| t.rows.iter()).flat_map(|r| r.cells.iter()).map(|c| c.text.as_str());
    guess_locale(cells, language)
}

/// Read the numbers of one table with the document's format (a column with strong evidence of
/// another format uses that one).
pub fn table_numbers(table: &Table, doc: &LocaleGuess, language: LanguageHint, forced: bool) -> TableNumbers {
    let n = table.n_cols;
    let mut col_format = vec![doc.format; n];
    if !forced {
        for (c, f) in col_format.iter_mut().enumerate() {
            let texts = table.rows.iter().filter_map(|r| r.cells.get(c)).map(|x| x.text.as_str());
            let g = guess_locale(texts, language);
            if g.format != doc.format && g.confidence >= 0.8 {
                *f = g.format;
            }
        }
    }
    let columns: Vec<ColumnKind> = (0..n).map(|c| column_kind(table, c, &col_format[c])).collect();
    let values: Vec<Vec<Option<CellValue>>> = table
        .rows
        .iter()
        .map(|r| {
            (0..n)
                .map(|c| {
                    let cell = r.cells.get(c)?;
                    if cell.covered || matches!(columns[c], ColumnKind::Label | ColumnKind::Code) {
                        return None;
                    }
                    match parse_cell(&cell.text, &col_format[c]) {
                        CellNumber::Value { value, percent } => Some(CellValue { value, percent }),
                        _ => None,
                    }
                })
                .collect()
        })
        .collect();
    let context = table_context(&table.context_above, &table.page_furniture);
    let column_units: Vec<Option<Unit>> = (0..n).map(|c| find_unit(&header_text(table, c))).collect();
    let checks = table_checks(table, &columns, &values);
    TableNumbers { format: doc.format, columns, values, context, column_units, checks }
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
    let has_hierarchy = table.rows.iter().any(|r| r.level.is_some_and(|l| l >= 1));
    let formulas = table
        .header_rows
        .iter()
        .rev()
        .find(|r| is_column_number_row(r))
        .map(|r| parse_column_formulas(&r.cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>()))
        .unwrap_or_default();
    if !has_hierarchy && formulas.is_empty() {
        return Vec::new();
    }
    run_checks(&rows, &formulas)
}
