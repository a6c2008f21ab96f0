//! How sure we are of a table: its arithmetic checks passed and failed, structural warnings
//! (cells that look like two merged cells, columns of mixed types, blank rows), and the verdict
//! `verified`, true only when every amount is the total or a term of an arithmetic identity
//! that holds, none fails, no cell looks merged and no value sits in a text column. A warehouse load
//! can quarantine everything else.
//!
//! In: a finished [`Table`] and its [`TableNumbers`]. Out: [`TableQuality`].

use super::parse::{CellNumber, parse_cell};
use crate::text::find_unit;
use super::column_kind::ColumnKind;
use super::config::QualityConfig;
use super::table_checks::is_share_column;
use super::table_numbers::TableNumbers;
use crate::table::Table;
use serde::Serialize;

/// The quality verdict of one table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableQuality {
    /// Arithmetic checks that hold.
    pub checks_passed: usize,
    /// Arithmetic checks that fail.
    pub checks_failed: usize,
    /// Structural warnings, in row then column order.
    pub warnings: Vec<StructureWarning>,
    /// Every amount is the total or a term of an identity that holds, none fails, no cell looks
    /// merged and no value sits in a text column.
    pub verified: bool,
}

/// Something in a table's structure that suggests it was rebuilt wrongly.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StructureWarning {
    /// What kind of problem.
    pub kind: WarningKind,
    /// The body row it is in (absent for a whole column).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// The column it is in (absent for a whole row).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// Kinds of structural warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// A cell holds two values ("17.494.599.000 0"), or a value followed by a text label
    /// ("855.65 一、一般公共服务支出"): two columns read as one.
    MergedCell,
    /// A column holds both values and text in real shares.
    MixedColumn,
    /// A body row with no text at all.
    BlankRow,
    /// A value in a column that mostly holds text: a number that strayed from its column, or a
    /// column-number row read as a body row.
    StrayValue,
}

/// Letters in the longest unit symbol written after a number without a unit marker ("km",
/// "ha", "人", "tấn").
const MAX_UNIT_SYMBOL_CHARS: usize = 4;

/// Characters in the longest footnote mark in brackets ("(1)", "(12)", "(a)").
const MAX_FOOTNOTE_MARK_CHARS: usize = 2;

/// Judge one table.
pub fn assess_quality(table: &Table, numbers: &TableNumbers, cfg: &QualityConfig) -> TableQuality {
    let checks_passed = numbers.checks.iter().filter(|c| c.ok).count();
    let checks_failed = numbers.checks.len() - checks_passed;
    let mut warnings = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        if row.is_blank() {
            warnings.push(StructureWarning { kind: WarningKind::BlankRow, row: Some(r), column: None });
            continue;
        }
        for (c, cell) in row.cells.iter().enumerate() {
            if !cell.covered && looks_merged(&cell.text, numbers) {
                warnings.push(StructureWarning { kind: WarningKind::MergedCell, row: Some(r), column: Some(c) });
            }
            let value = numbers.values.get(r).and_then(|v| v.get(c)).is_some_and(Option::is_some);
            if value && numbers.columns.get(c) == Some(&ColumnKind::Text) {
                warnings.push(StructureWarning { kind: WarningKind::StrayValue, row: Some(r), column: Some(c) });
            }
        }
    }
    for c in 0..table.n_cols {
        if is_mixed_column(table, numbers, c, cfg) {
            warnings.push(StructureWarning { kind: WarningKind::MixedColumn, row: None, column: Some(c) });
        }
    }
    let misplaced = warnings.iter().any(|w| matches!(w.kind, WarningKind::MergedCell | WarningKind::StrayValue));
    // Every amount is tied into an identity that holds, as its total or as one of its terms:
    // one lucky check says nothing about the other cells. Shares and percentages are derived
    // from the amounts and never summed, so they need none.
    let mut tied = std::collections::HashSet::new();
    for k in numbers.checks.iter().filter(|k| k.ok) {
        tied.insert((k.row, k.column));
        tied.extend(k.terms.iter().copied());
    }
    let covered = (0..table.n_cols).all(|c| {
        let cells: Vec<(usize, bool)> =
            numbers.values.iter().enumerate().filter_map(|(r, v)| v.get(c).copied().flatten().map(|x| (r, x.percent))).collect();
        let derived = is_share_column(table, c) || cells.iter().all(|&(_, percent)| percent);
        numbers.columns.get(c) != Some(&ColumnKind::Number) || derived || cells.iter().all(|&(r, _)| tied.contains(&(r, c)))
    });
    let verified = checks_passed > 0 && checks_failed == 0 && !misplaced && covered;
    TableQuality { checks_passed, checks_failed, verified, warnings }
}

/// A value token with a group or decimal separator ("855.65", "13.309.517.000", "5,956,052"):
/// an amount, not a section number or a count.
fn is_separated_value(token: &str, numbers: &TableNumbers) -> bool {
    token.chars().any(|ch| matches!(ch, '.' | ',')) && matches!(parse_cell(token, &numbers.format), CellNumber::Value { .. })
}

/// Two values side by side in one cell, an amount followed by a text label, or a label
/// followed by an amount: two columns read as one. A cell that reads as one value as a whole
/// (space-grouped "1 234 567"), or as a number with its unit ("12 triệu đồng", "1.500 km"), is
/// not merged.
fn looks_merged(text: &str, numbers: &TableNumbers) -> bool {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if tokens.len() < 2 || matches!(parse_cell(text, &numbers.format), CellNumber::Value { .. }) {
        return false;
    }
    let values = tokens.iter().filter(|t| matches!(parse_cell(t, &numbers.format), CellNumber::Value { .. })).count();
    let separated = tokens.iter().filter(|t| is_separated_value(t, numbers)).count();
    // Two amounts, at least one of them with separators (so "2 3" list numbers are not); a
    // value with its share or a footnote mark in brackets ("1269 (19.9%)", "10,000 (1)") is
    // one cell.
    let two_values = values == tokens.len() && separated >= 1 && !(tokens.len() == 2 && is_annotation(tokens[1]));
    // An amount first, then a label: words that are no unit, longer than a unit symbol and not
    // running on in lowercase ("$15,000 or more").
    let value_then_label = (1..tokens.len()).rev().find(|&k| is_amount(&tokens[..k], numbers)).is_some_and(|k| {
        let rest = tokens[k..].join(" ");
        !rest.chars().next().is_some_and(char::is_lowercase)
            && rest.chars().filter(|c| c.is_alphabetic()).count() > MAX_UNIT_SYMBOL_CHARS
            && find_unit(&rest).is_none()
    });
    // A label, then an amount ("合计 11.018,47", "收入总计 3 364 347 366").
    let label_then_value = (1..tokens.len()).find(|&k| is_amount(&tokens[k..], numbers)).is_some_and(|k| {
        tokens[..k].iter().any(|t| t.chars().any(char::is_alphabetic))
    });
    two_values || value_then_label || label_then_value
}

/// Tokens that together read as an amount: one value with a group or decimal separator, or a
/// value grouped by spaces over several tokens ("3 364 347 366"). A section number ("2.1")
/// is no amount: amounts carry a group separator or two decimals.
fn is_amount(tokens: &[&str], numbers: &TableNumbers) -> bool {
    match tokens {
        [one] => is_separated_value(one, numbers) && !is_section_number_shaped(one),
        [] => false,
        _ => matches!(parse_cell(&tokens.join(" "), &numbers.format), CellNumber::Value { .. }),
    }
}

/// A bracketed share or footnote mark after a value: "(19.9%)", "(1)", "(a)".
fn is_annotation(token: &str) -> bool {
    let Some(inner) = token.strip_prefix('(').and_then(|t| t.strip_suffix(')')) else { return false };
    inner.ends_with('%') || (inner.chars().count() <= MAX_FOOTNOTE_MARK_CHARS && inner.chars().all(char::is_alphanumeric))
}

/// Digits, one dot, at most one digit after it ("2.1", "12.5"): the shape of a section number.
fn is_section_number_shaped(token: &str) -> bool {
    match token.split_once('.') {
        Some((a, b)) => !a.is_empty() && a.chars().all(|c| c.is_ascii_digit()) && b.chars().count() == 1 && b.chars().all(|c| c.is_ascii_digit()),
        None => false,
    }
}

/// Values and text both in real shares of a column's non-blank body cells (label and code
/// columns excepted: their markers and codes are neither).
fn is_mixed_column(table: &Table, numbers: &TableNumbers, col: usize, cfg: &QualityConfig) -> bool {
    if matches!(numbers.columns.get(col), Some(ColumnKind::Label | ColumnKind::Code) | None) {
        return false;
    }
    let mut values = 0usize;
    let mut texts = 0usize;
    for (row, vals) in table.rows.iter().zip(&numbers.values) {
        let Some(cell) = row.cells.get(col).filter(|c| !c.covered && !c.text.trim().is_empty()) else { continue };
        if vals.get(col).is_some_and(Option::is_some) {
            values += 1;
        } else if matches!(parse_cell(&cell.text, &numbers.format), CellNumber::Text) {
            texts += 1;
        }
    }
    let all = values + texts;
    all >= cfg.mixed_column_min_cells
        && values as f64 >= cfg.mixed_column_share * all as f64
        && texts as f64 >= cfg.mixed_column_share * all as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::{CellValue, NumberFormat};
    use crate::table::{TableCell, TableRow};
    use rust_decimal::Decimal;

    fn numbers(format: NumberFormat) -> TableNumbers {
        TableNumbers {
            format,
            columns: Vec::new(),
            values: Vec::new(),
            unit: None,
            column_units: Vec::new(),
            checks: Vec::new(),
        }
    }

    #[test]
    fn merged_looking_cells() {
        let vi = numbers(NumberFormat::VI);
        let en = numbers(NumberFormat::EN);
        assert!(looks_merged("17.494.599.000 0", &vi));
        assert!(looks_merged("13.309.517.000 150.000.000", &vi));
        assert!(looks_merged("5,956,052 10,814,765", &en));
        assert!(looks_merged("855.65 一、一般公共服务支出", &en));
        // One value, one label, a number with its unit, a list of small numbers: not merged.
        assert!(!looks_merged("1.424,00", &vi));
        assert!(!looks_merged("Chi thường xuyên", &vi));
        assert!(!looks_merged("12 triệu đồng", &vi));
        assert!(!looks_merged("1.500 triệu đồng", &vi));
        assert!(!looks_merged("1.500 tấn", &vi));
        assert!(!looks_merged("2 3", &en));
        assert!(!looks_merged("1269 (19.9%)", &en));
        assert!(!looks_merged("10,000 (1)", &en));
        assert!(!looks_merged("2.1 Materials and welding", &en));
        assert!(!looks_merged("$15,000 or more", &en));
        assert!(looks_merged("94.4 94.2", &en));
        // A label and its amount in one cell.
        assert!(looks_merged("合计 11.018,47", &vi));
        assert!(looks_merged("收入总计 3 364 347 366", &numbers(NumberFormat::FR)));
        assert!(!looks_merged("Chương trình 135", &vi));
        assert!(!looks_merged("Section 2.1", &en));
        assert!(!looks_merged("1 234 567", &numbers(NumberFormat::FR)));
        assert!(!looks_merged("Điều 5 khoản 2", &vi));
    }

    fn row(cells: &[&str]) -> TableRow {
        TableRow::new(1, 0.0, 0.0, cells.iter().map(|t| TableCell::new(t.to_string())).collect())
    }

    fn table(rows: Vec<TableRow>) -> Table {
        Table::from_rows(crate::table::Method::Stream, Vec::new(), rows)
    }

    fn check(ok: bool) -> crate::number::Check {
        crate::number::Check { kind: crate::number::CheckKind::SumOfChildren, row: 0, column: 1, expected: Decimal::from(3), found: Decimal::from(3), ok, terms: vec![(1, 1), (2, 1)], identity: crate::number::Identity::Rows { target: 0, plus: vec![1, 2] } }
    }

    #[test]
    fn verified_needs_a_passing_check_no_failure_and_no_merged_cell() {
        let t = table(vec![row(&["Tổng", "3"]), row(&["A", "1"]), row(&["B", "2"])]);
        let v = |x: i64| Some(CellValue { value: Decimal::from(x), percent: false });
        let mut n = numbers(NumberFormat::VI);
        n.columns = vec![ColumnKind::Text, ColumnKind::Number];
        n.values = vec![vec![None, v(3)], vec![None, v(1)], vec![None, v(2)]];
        let cfg = QualityConfig::default();
        // No identity at all: not verified.
        assert!(!assess_quality(&t, &n, &cfg).verified);
        n.checks = vec![check(true)];
        let q = assess_quality(&t, &n, &cfg);
        assert!(q.verified);
        assert_eq!((q.checks_passed, q.checks_failed), (1, 0));
        n.checks.push(check(false));
        assert!(!assess_quality(&t, &n, &cfg).verified);
        // A merged-looking cell withdraws the verdict even when the checks hold.
        let merged = table(vec![row(&["Tổng", "3"]), row(&["A", "1.000 2.000"]), row(&["B", "2"])]);
        n.checks = vec![check(true)];
        let q = assess_quality(&merged, &n, &cfg);
        assert!(!q.verified);
        assert_eq!(q.warnings, vec![StructureWarning { kind: WarningKind::MergedCell, row: Some(1), column: Some(1) }]);
    }

    #[test]
    fn mixed_columns_and_blank_rows() {
        let mut rows: Vec<TableRow> = (0..3).map(|k| row(&["x", &format!("{k}.000")])).collect();
        rows.extend((0..3).map(|_| row(&["y", "chưa có số liệu"])));
        rows.push(row(&["", ""]));
        let t = table(rows);
        let v = |x: i64| Some(CellValue { value: Decimal::from(x), percent: false });
        let mut n = numbers(NumberFormat::VI);
        n.columns = vec![ColumnKind::Text, ColumnKind::Number];
        n.values = (0..3).map(|k| vec![None, v(k * 1000)]).chain((0..4).map(|_| vec![None, None])).collect();
        let q = assess_quality(&t, &n, &QualityConfig::default());
        assert_eq!(
            q.warnings,
            vec![
                StructureWarning { kind: WarningKind::BlankRow, row: Some(6), column: None },
                StructureWarning { kind: WarningKind::MixedColumn, row: None, column: Some(1) },
            ]
        );
    }
}
