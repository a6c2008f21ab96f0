//! Which arithmetic checks a finished table gets, from its column kinds, row levels and header.

use super::checks::{Check, CheckRow, run_checks_with_config, running_total_check_with_config};
use super::column_kind::ColumnKind;
use super::config::NumberConfig;
use super::formula::parse_column_formulas;
use super::header_formulas::{adjustment_formulas, split_header_formulas, total_header_formulas};
use super::parse::CellValue;
use crate::table::{RowKind, Table};
use crate::text::is_share_caption;
use rust_decimal::Decimal;

/// True when a header caption over column `col` (its own, or a spanning one above it) names a
/// share or percentage.
pub(super) fn is_share_column(table: &Table, col: usize) -> bool {
    table.header_rows.iter().any(|r| r.anchor_covering(col).is_some_and(|(_, c)| is_share_caption(&c.text)))
}

/// The arithmetic checks of a table: column formulas (from a column-number row, else from
/// header captions), sums of children in a row hierarchy, and per-side running totals in a
/// two-sided table.
pub(super) fn table_checks(table: &Table, columns: &[ColumnKind], values: &[Vec<Option<CellValue>>], cfg: &NumberConfig) -> Vec<Check> {
    // Shares and percentages do not add up: a column whose caption says so is never checked,
    // whether or not its cells carry a % sign.
    let share: Vec<bool> = (0..columns.len()).map(|c| is_share_column(table, c)).collect();
    let rows: Vec<CheckRow> = table
        .rows
        .iter()
        .zip(values)
        .map(|(r, v)| CheckRow {
            level: r.level.unwrap_or(1),
            is_total: r.kind == RowKind::Total,
            values: v
                .iter()
                .zip(columns)
                .zip(&share)
                .map(|((x, k), share)| if *k == ColumnKind::Number && !share { x.filter(|c| !c.percent).map(|c| c.value) } else { None })
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
        .find(|r| r.kind == RowKind::ColumnNumbers)
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
        let mut checks = run_checks_with_config(&flat, &formulas, cfg);
        checks.extend(side_total_checks(table, columns, &rows, cfg));
        return checks;
    }
    if !has_hierarchy && formulas.is_empty() {
        return Vec::new();
    }
    run_checks_with_config(&rows, &formulas, cfg)
}

/// Running totals of each side of a two-sided table: a total row (本年收入合计, 收入总计, Total)
/// equals the rows since the previous total row of that side, that total row included.
fn side_total_checks(table: &Table, columns: &[ColumnKind], rows: &[CheckRow], cfg: &NumberConfig) -> Vec<Check> {
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
                let is_total = label_cols.iter().any(|&c| r.cells.get(c).is_some_and(|x| crate::text::is_total_label(&x.text)));
                if !is_total {
                    continue;
                }
                if let Some(found) = rows.get(i).and_then(|x| x.values.get(col).copied().flatten()) {
                    let terms: Vec<(usize, Option<Decimal>)> = (since..i).map(|j| (j, rows[j].values.get(col).copied().flatten())).collect();
                    out.extend(running_total_check_with_config(i, col, found, &terms, cfg));
                }
                since = i;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::{NumberFormat, table_numbers};
    use crate::table::{Method, TableCell, TableRow};

    fn row(texts: &[&str], level: Option<u8>) -> TableRow {
        let mut r = TableRow::new(1, 0.0, 1.0, texts.iter().map(|t| TableCell::new(t.to_string())).collect());
        r.level = level;
        r.kind = if level == Some(0) { RowKind::Total } else { RowKind::Body };
        r
    }

    /// A total row over two top-level rows, an amount column and a share column (values
    /// printed without a % sign) that does not add up.
    fn table(share_caption: &str) -> Table {
        let mut header = row(&["Nội dung", "Dự toán", share_caption], None);
        header.kind = RowKind::Header;
        let rows = vec![
            row(&["Tổng cộng", "1.300,50", "96,8"], Some(0)),
            row(&["Chi đầu tư", "1.100,20", "66,7"], Some(1)),
            row(&["Chi thường xuyên", "200,30", "98,0"], Some(1)),
        ];
        Table::from_rows(Method::Ruled, vec![header], rows)
    }

    fn checked_columns(t: &Table) -> Vec<usize> {
        let guess = crate::number::LocaleGuess { format: NumberFormat::VI, confidence: 1.0 };
        let n = table_numbers(t, &[], &guess, crate::number::LanguageHint::Vietnamese);
        assert!(n.checks.iter().all(|c| c.ok), "no failing check is proposed: {:?}", n.checks);
        n.checks.iter().map(|c| c.column).collect()
    }

    #[test]
    fn share_columns_are_not_summed() {
        // The amounts are checked; the shares under "Tỷ lệ (%)" are not (96,8 ≠ 66,7 + 98,0).
        assert_eq!(checked_columns(&table("Tỷ lệ (%)")), vec![1]);
        assert_eq!(checked_columns(&table("%")), vec![1]);
        // Under an ordinary caption the same column would be summed, and fail.
        let guess = crate::number::LocaleGuess { format: NumberFormat::VI, confidence: 1.0 };
        let n = table_numbers(&table("Dự toán điều chỉnh"), &[], &guess, crate::number::LanguageHint::Vietnamese);
        assert!(n.checks.iter().any(|c| c.column == 2 && !c.ok));
    }
}
