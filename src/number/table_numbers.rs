//! Numbers of one finished table: each column's format and kind, each body cell's Decimal
//! value, the table's unit, column units and arithmetic checks.

use super::checks::Check;
use super::column_kind::{ColumnKind, column_kind, header_text};
use super::config::NumberConfig;
use super::context::table_unit;
use super::format::NumberFormat;
use super::locale::{FormatEvidence, LanguageHint, LocaleGuess};
use super::parse::{CellNumber, CellValue, parse_cell};
use super::table_checks::table_checks;
use crate::text::{NonValueKind, Unit, find_unit};
use rust_decimal::Decimal;
use crate::table::Table;

/// The numbers of one table.
#[derive(Debug, Clone)]
pub struct TableNumbers {
    /// The document's number format (columns with strong own evidence may have read with
    /// another one).
    pub format: NumberFormat,
    /// The kind of each column.
    pub columns: Vec<ColumnKind>,
    /// Per body row, per column.
    pub values: Vec<Vec<Option<CellValue>>>,
    /// The table's unit (from the lines above it, its title or the running header).
    pub unit: Option<Unit>,
    /// Units found in column headers ("金额（万元）"), per column.
    pub column_units: Vec<Option<Unit>>,
    /// The table's arithmetic checks.
    pub checks: Vec<Check>,
}

/// Read the numbers of one table with the document's format (a column with strong evidence of
/// another format uses that one).
/// `evidence` is the table's [`column_evidence`]; a column whose own evidence points to another
/// format with confidence [`NumberConfig::column_format_confidence`] or more reads with that
/// format. Empty when the format is forced. With [`NumberConfig::DEFAULT`].
pub fn table_numbers(table: &Table, evidence: &[FormatEvidence], doc: &LocaleGuess, language: LanguageHint) -> TableNumbers {
    table_numbers_with_config(table, evidence, doc, language, &NumberConfig::DEFAULT)
}

/// [`table_numbers`] with the thresholds of `cfg`.
pub fn table_numbers_with_config(table: &Table, evidence: &[FormatEvidence], doc: &LocaleGuess, language: LanguageHint, cfg: &NumberConfig) -> TableNumbers {
    let n = table.n_cols;
    let mut col_format = vec![doc.format; n];
    for (f, e) in col_format.iter_mut().zip(evidence) {
        let g = e.decide_with_config(language, cfg);
        if g.format != doc.format && g.confidence >= cfg.column_format_confidence {
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
    let columns: Vec<ColumnKind> = (0..n).map(|c| column_kind(table, c, &parsed, cfg)).collect();
    // A year-like integer among a column's amounts ("2028" mothers, "1965" adults) is an
    // amount too.
    let year_amount = |r: usize, c: usize| -> Option<CellValue> {
        let text = table.rows.get(r)?.cells.get(c)?.text.trim();
        let value = text.chars().all(|ch| ch.is_ascii_digit()).then(|| text.parse::<Decimal>().ok()).flatten()?;
        Some(CellValue { value, percent: false })
    };
    let values: Vec<Vec<Option<CellValue>>> = parsed
        .iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, p)| match p {
                    Some(CellNumber::Value { value, percent }) if !matches!(columns[c], ColumnKind::Label | ColumnKind::Code) => {
                        Some(CellValue { value: *value, percent: *percent })
                    }
                    Some(CellNumber::NotAValue { kind: NonValueKind::Year }) if columns[c] == ColumnKind::Number => year_amount(r, c),
                    _ => None,
                })
                .collect()
        })
        .collect();
    let unit = table_unit(&table.context_above, table.title.as_deref(), &table.page_furniture);
    let column_units: Vec<Option<Unit>> = (0..n).map(|c| find_unit(&header_text(table, c))).collect();
    let checks = table_checks(table, &columns, &values, cfg);
    TableNumbers { format: doc.format, columns, values, unit, column_units, checks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Method, TableCell, TableRow};

    fn row(texts: &[&str]) -> TableRow {
        TableRow::new(1, 0.0, 1.0, texts.iter().map(|t| TableCell::new(t.to_string())).collect())
    }

    #[test]
    fn a_year_like_count_among_amounts_is_an_amount() {
        let body = [row(&["Kerala", "5738", "2028"]), row(&["Orissa", "3756", "1628"]), row(&["Bihar", "2040", "1093"])];
        let t = Table::from_rows(Method::Ruled, vec![row(&["State", "Men", "Women"])], body.to_vec());
        let doc = LocaleGuess { format: NumberFormat::EN, confidence: 0.9 };
        let n = table_numbers(&t, &[], &doc, LanguageHint::Other);
        let col = |c: usize| n.values.iter().map(|r| r[c].map(|v| v.value.to_string())).collect::<Vec<_>>();
        assert_eq!(col(1), [Some("5738".to_string()), Some("3756".to_string()), Some("2040".to_string())]);
        assert_eq!(col(2), [Some("2028".to_string()), Some("1628".to_string()), Some("1093".to_string())]);
        // A column of years stays years.
        let years = Table::from_rows(Method::Ruled, vec![row(&["Plan", "Year"])], vec![row(&["A", "2024"]), row(&["B", "2025"]), row(&["C", "2026"])]);
        let n = table_numbers(&years, &[], &doc, LanguageHint::Other);
        assert!(n.values.iter().all(|r| r[1].is_none()));
    }
}
