//! Arithmetic self-checks of a table: parents equal the sum of their children, column formulas
//! hold on every row, total rows equal the sum of the top-level rows. Pure arithmetic over a
//! simple view of the table that the table stage builds.

use rust_decimal::Decimal;

use super::config::NumberConfig;
use super::formula::ColumnFormula;

/// One body row as the checks see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRow {
    /// 0 = total row, 1 = top level, 2 = child, …
    pub level: u8,
    /// A total row (checked against the sum of the top-level rows it covers).
    pub is_total: bool,
    /// One per column; `None` for blank and non-numeric cells.
    pub values: Vec<Option<Decimal>>,
}

/// The result of comparing one printed value with what the table's arithmetic says it should be.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Check {
    /// What was checked.
    pub kind: CheckKind,
    /// Index of the checked row in the rows given to [`run_checks`].
    pub row: usize,
    /// Column of the checked value.
    pub column: usize,
    /// What the arithmetic says the value should be.
    pub expected: Decimal,
    /// The printed value.
    pub found: Decimal,
    /// True when `expected` and `found` agree within the tolerance of `found`'s last printed
    /// decimal place.
    pub ok: bool,
    /// The cells (row, column) whose values were summed into `expected` (blank ones left out).
    #[serde(skip)]
    pub terms: Vec<(usize, usize)>,
    /// The identity checked, the same for every cell it is checked at.
    #[serde(skip)]
    pub identity: Identity,
}

/// An arithmetic identity of a table, checked cell by cell: a row that is the sum of other
/// rows (in each column where it has a value), or a column that is the signed sum of other
/// columns (on each row where it has a value). Rows are body rows, columns table columns.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Identity {
    /// Row `target` equals the sum of rows `plus`.
    Rows {
        /// The sum row (a parent, a total).
        target: usize,
        /// The rows it adds up.
        plus: Vec<usize>,
    },
    /// Column `target` equals the sum of columns `plus` minus the sum of columns `minus`.
    Columns {
        /// The result column.
        target: usize,
        /// Columns added.
        plus: Vec<usize>,
        /// Columns subtracted.
        minus: Vec<usize>,
    },
}

/// The kind of arithmetic check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// A parent row equals the sum of its child rows.
    SumOfChildren,
    /// A column formula (`(1)=(2)+(3)`, a total caption) holds on a row.
    ColumnFormula,
    /// A total row equals the sum of the top-level rows (or a running total of one side).
    TotalOfTopLevel,
}

fn value_at(row: &CheckRow, column: usize) -> Option<Decimal> {
    row.values.get(column).copied().flatten()
}

/// `cfg.check_tolerance` of a unit of the last printed decimal place of `found` (by default half
/// of it: 0.005 for `1424.00`, 0.5 for `300000000`).
fn tolerance_of(found: Decimal, cfg: &NumberConfig) -> Decimal {
    let last_place = Decimal::new(1, found.scale());
    last_place.checked_mul(cfg.check_tolerance).unwrap_or(Decimal::ZERO)
}

/// A check of `found` against the signed sum of `terms`, when there is something to compare:
/// at least one term has a value (a missing term counts as 0, as budget tables leave zero cells
/// blank), or the found value is zero (blank children under a dash). `None` also when the sum
/// overflows.
fn compare(
    kind: CheckKind,
    identity: &Identity,
    row: usize,
    column: usize,
    found: Decimal,
    terms: impl IntoIterator<Item = (i8, (usize, usize), Option<Decimal>)>,
    cfg: &NumberConfig,
) -> Option<Check> {
    let mut expected = Decimal::ZERO;
    let mut any_value = false;
    let mut cells = Vec::new();
    for (sign, cell, value) in terms {
        let Some(value) = value else {
            continue;
        };
        any_value = true;
        cells.push(cell);
        expected = if sign < 0 {
            expected.checked_sub(value)?
        } else {
            expected.checked_add(value)?
        };
    }
    if !any_value {
        // Blank children under a zero (or dash) parent: 0 = an empty sum.
        if !found.is_zero() {
            return None;
        }
    }
    let difference = expected.checked_sub(found)?.abs();
    let ok = difference <= tolerance_of(found, cfg);
    Some(Check {
        kind,
        row,
        column,
        expected,
        found,
        ok,
        terms: cells,
        identity: identity.clone(),
    })
}

/// A running-total check: `found` at (`row`, `column`) against the sum of `terms` (the rows
/// of the same column and their values; missing values count as 0), ok within half a unit of
/// `found`'s last printed decimal place.
pub fn running_total_check(row: usize, column: usize, found: Decimal, terms: &[(usize, Option<Decimal>)]) -> Option<Check> {
    running_total_check_with_config(row, column, found, terms, &NumberConfig::DEFAULT)
}

/// [`running_total_check`] with the tolerance of `cfg`.
pub fn running_total_check_with_config(row: usize, column: usize, found: Decimal, terms: &[(usize, Option<Decimal>)], cfg: &NumberConfig) -> Option<Check> {
    let identity = Identity::Rows { target: row, plus: terms.iter().map(|&(r, _)| r).collect() };
    compare(CheckKind::TotalOfTopLevel, &identity, row, column, found, terms.iter().map(|&(r, v)| (1, (r, column), v)), cfg)
}

/// For each row, the nearest earlier row of a smaller level, not looking past a total row.
fn parent_of_each_row(rows: &[CheckRow]) -> Vec<Option<usize>> {
    let mut parents = Vec::with_capacity(rows.len());
    let mut open_ancestors: Vec<usize> = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        if row.is_total {
            open_ancestors.clear();
            parents.push(None);
            continue;
        }
        while open_ancestors
            .last()
            .is_some_and(|&a| rows[a].level >= row.level)
        {
            open_ancestors.pop();
        }
        parents.push(open_ancestors.last().copied());
        open_ancestors.push(index);
    }
    parents
}

/// The top-level rows a total row sums: the non-total rows after it up to the next total row
/// (a total printed above its table), or if there are none, those before it back to the
/// previous total row (a total printed below). "Top level" is the smallest level among them.
fn top_level_rows_for_total(rows: &[CheckRow], total: usize) -> Vec<usize> {
    let after: Vec<usize> = (total + 1..rows.len())
        .take_while(|&i| !rows[i].is_total)
        .collect();
    let section = if after.is_empty() {
        (0..total)
            .rev()
            .take_while(|&i| !rows[i].is_total)
            .collect()
    } else {
        after
    };
    let Some(top_level) = section.iter().map(|&i| rows[i].level).min() else {
        return Vec::new();
    };
    let mut top: Vec<usize> = section
        .into_iter()
        .filter(|&i| rows[i].level == top_level)
        .collect();
    top.sort_unstable();
    top
}

/// Run all checks: for each parent row (a row followed by rows of deeper level), in each column
/// where the parent has a value and at least one child has a value, expected = Σ children
/// (a missing child value counts as 0), found = parent value; column formulas on each row where
/// the target has a value and some term has one; total rows vs the sum of the top-level rows.
/// A check is ok when |expected − found| ≤ half a unit of the last printed decimal place of
/// `found`. Checks come row by row: sums of children, then formulas, then totals. With
/// [`NumberConfig::DEFAULT`].
pub fn run_checks(rows: &[CheckRow], formulas: &[ColumnFormula]) -> Vec<Check> {
    run_checks_with_config(rows, formulas, &NumberConfig::DEFAULT)
}

/// [`run_checks`] with the tolerance of `cfg`.
pub fn run_checks_with_config(rows: &[CheckRow], formulas: &[ColumnFormula], cfg: &NumberConfig) -> Vec<Check> {
    let parents = parent_of_each_row(rows);
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    for (child, parent) in parents.iter().enumerate() {
        if let Some(parent) = parent {
            children[*parent].push(child);
        }
    }
    let mut checks = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let row_children = &children[index];
        if !row_children.is_empty() {
            let identity = Identity::Rows { target: index, plus: row_children.clone() };
            for (column, found) in row.values.iter().enumerate() {
                let Some(found) = *found else {
                    continue;
                };
                let terms = row_children
                    .iter()
                    .map(|&child| (1, (child, column), value_at(&rows[child], column)));
                checks.extend(compare(
                    CheckKind::SumOfChildren,
                    &identity,
                    index,
                    column,
                    found,
                    terms,
                    cfg,
                ));
            }
        }
        for formula in formulas {
            let Some(found) = value_at(row, formula.target) else {
                continue;
            };
            let terms = formula
                .terms
                .iter()
                .map(|&(sign, column)| (sign, (index, column), value_at(row, column)));
            let identity = Identity::Columns {
                target: formula.target,
                plus: formula.terms.iter().filter(|t| t.0 >= 0).map(|t| t.1).collect(),
                minus: formula.terms.iter().filter(|t| t.0 < 0).map(|t| t.1).collect(),
            };
            checks.extend(compare(
                CheckKind::ColumnFormula,
                &identity,
                index,
                formula.target,
                found,
                terms,
                cfg,
            ));
        }
        if row.is_total {
            let top_rows = top_level_rows_for_total(rows, index);
            let identity = Identity::Rows { target: index, plus: top_rows.clone() };
            for (column, found) in row.values.iter().enumerate() {
                let Some(found) = *found else {
                    continue;
                };
                let terms = top_rows
                    .iter()
                    .map(|&top| (1, (top, column), value_at(&rows[top], column)));
                checks.extend(compare(
                    CheckKind::TotalOfTopLevel,
                    &identity,
                    index,
                    column,
                    found,
                    terms,
                    cfg,
                ));
            }
        }
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap_or_default()
    }

    fn row(level: u8, values: &[Option<&str>]) -> CheckRow {
        CheckRow {
            level,
            is_total: false,
            values: values.iter().map(|v| v.map(dec)).collect(),
        }
    }

    fn total(values: &[Option<&str>]) -> CheckRow {
        CheckRow {
            is_total: true,
            ..row(0, values)
        }
    }

    fn summary(checks: &[Check]) -> Vec<(CheckKind, usize, usize, String, String, bool)> {
        checks
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.row,
                    c.column,
                    c.expected.to_string(),
                    c.found.to_string(),
                    c.ok,
                )
            })
            .collect()
    }

    use CheckKind::{ColumnFormula as Formula, SumOfChildren as Sum, TotalOfTopLevel as Total};

    #[test]
    fn parents_children_and_total() {
        let rows = vec![
            total(&[None, Some("1424.00")]),
            row(1, &[None, Some("1385.00")]),
            row(2, &[None, Some("44.00")]),
            row(2, &[None, None]), // blank = 0
            row(2, &[None, Some("1341.00")]),
            row(1, &[None, Some("39.00")]),
            row(2, &[None, Some("39.00")]),
        ];
        let checks = run_checks(&rows, &[]);
        assert_eq!(
            summary(&checks),
            vec![
                (Total, 0, 1, "1424.00".into(), "1424.00".into(), true),
                (Sum, 1, 1, "1385.00".into(), "1385.00".into(), true),
                (Sum, 5, 1, "39.00".into(), "39.00".into(), true),
            ]
        );
    }

    #[test]
    fn failing_parent() {
        let rows = vec![
            row(1, &[Some("61"), Some("5.0")]),
            row(2, &[Some("40"), None]),
            row(2, &[Some("20"), None]),
        ];
        let checks = run_checks(&rows, &[]);
        // Column 1: no child has a value, nothing to compare.
        assert_eq!(
            summary(&checks),
            vec![(Sum, 0, 0, "60".into(), "61".into(), false)]
        );
    }

    #[test]
    fn tolerance_is_half_the_last_printed_place() {
        let rows = vec![
            row(1, &[Some("1.00"), Some("1.00"), Some("1")]),
            row(2, &[Some("0.334"), Some("0.336"), Some("0.3")]),
            row(2, &[Some("0.670"), Some("0.670"), Some("0.3")]),
        ];
        let oks: Vec<bool> = run_checks(&rows, &[]).iter().map(|c| c.ok).collect();
        // 1.004 vs 1.00: within 0.005; 1.006: not; 0.6 vs 1: off by 0.4, within 0.5.
        assert_eq!(oks, vec![true, false, true]);
    }

    #[test]
    fn deeper_levels_and_skipped_levels() {
        let rows = vec![
            row(1, &[Some("10")]),
            row(2, &[Some("10")]),
            row(3, &[Some("4")]),
            row(3, &[Some("6")]),
            row(1, &[Some("5")]),
            row(3, &[Some("5")]), // a skipped level is still a child
        ];
        let checks = run_checks(&rows, &[]);
        assert_eq!(
            summary(&checks),
            vec![
                (Sum, 0, 0, "10".into(), "10".into(), true),
                (Sum, 1, 0, "10".into(), "10".into(), true),
                (Sum, 4, 0, "5".into(), "5".into(), true),
            ]
        );
    }

    #[test]
    fn formula_rows() {
        let formulas = vec![
            ColumnFormula {
                target: 0,
                terms: vec![(1, 1), (1, 2)],
            },
            ColumnFormula {
                target: 3,
                terms: vec![(1, 1), (-1, 2)],
            },
        ];
        let rows = vec![
            row(1, &[Some("10"), Some("6"), Some("4"), Some("2")]),
            row(1, &[Some("10"), Some("6"), None, None]),
            row(1, &[None, None, None, Some("3")]),
        ];
        let checks = run_checks(&rows, &formulas);
        assert_eq!(
            summary(&checks),
            vec![
                (Formula, 0, 0, "10".into(), "10".into(), true),
                (Formula, 0, 3, "2".into(), "2".into(), true),
                (Formula, 1, 0, "6".into(), "10".into(), false),
            ]
        );
    }

    #[test]
    fn total_at_the_bottom() {
        let rows = vec![
            row(1, &[Some("5")]),
            row(2, &[Some("5")]),
            row(1, &[Some("7")]),
            total(&[Some("12")]),
        ];
        let checks = run_checks(&rows, &[]);
        assert_eq!(
            summary(&checks),
            vec![
                (Sum, 0, 0, "5".into(), "5".into(), true),
                (Total, 3, 0, "12".into(), "12".into(), true),
            ]
        );
    }

    #[test]
    fn empty_and_overflowing_inputs() {
        assert!(run_checks(&[], &[]).is_empty());
        let formulas = vec![ColumnFormula {
            target: 0,
            terms: vec![(1, 5)],
        }];
        assert!(run_checks(&[row(1, &[Some("1")])], &formulas).is_empty());
        let rows = vec![
            row(1, &[Some("1")]),
            CheckRow {
                level: 2,
                is_total: false,
                values: vec![Some(Decimal::MAX)],
            },
            CheckRow {
                level: 2,
                is_total: false,
                values: vec![Some(Decimal::MAX)],
            },
        ];
        assert!(run_checks(&rows, &[]).is_empty());
    }

    #[test]
    fn serializes_like_the_spec() {
        // The term cells are for the quality verdict; the JSON keeps the spec's fields.
        let check = Check {
            kind: CheckKind::SumOfChildren,
            row: 0,
            column: 2,
            expected: dec("1424.00"),
            found: dec("1424.00"),
            ok: true,
            terms: vec![(1, 2), (2, 2)],
            identity: Identity::Rows { target: 0, plus: vec![1, 2] },
        };
        assert_eq!(
            serde_json::to_string(&check).unwrap_or_default(),
            r#"{"kind":"sum_of_children","row":0,"column":2,"expected":"1424.00","found":"1424.00","ok":true}"#
        );
    }
}
