//! Column formulas printed in a column-number header row: `(1)=(2)+(8)+(14)`, `1=2+3`,
//! `(5)=(6)-(7)`, beside plain column numbers `(3)`, `4`, `栏次`.

use std::collections::HashMap;

use super::config::COLUMN_NUMBER_MAX_DIGITS;
use crate::text::fold_cell_text;

/// "Column `target` equals the signed sum of columns `terms`", in table column indices.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ColumnFormula {
    /// The column that holds the result.
    pub target: usize,
    /// `(+1 or -1, column index)`.
    pub terms: Vec<(i8, usize)>,
}

/// A printed column number `(k)` or `k`.
fn read_column_number(text: &str) -> Option<u32> {
    let inner = text
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(text);
    if inner.is_empty() || inner.len() > COLUMN_NUMBER_MAX_DIGITS || !inner.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    inner.parse().ok()
}

/// The right-hand side `(2)+(8)-(14)` as signed column numbers; `None` when it holds anything
/// but column numbers joined by `+` and `-`.
fn read_signed_terms(expression: &str) -> Option<Vec<(i8, u32)>> {
    let mut terms = Vec::new();
    let mut rest = expression;
    let mut sign: i8 = 1;
    let mut expecting_term = true;
    while !rest.is_empty() {
        if expecting_term {
            let term_length = if rest.starts_with('(') {
                rest.find(')')? + 1
            } else {
                rest.find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(rest.len())
            };
            terms.push((sign, read_column_number(&rest[..term_length])?));
            rest = &rest[term_length..];
            expecting_term = false;
        } else {
            sign = match rest.as_bytes().first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return None,
            };
            rest = &rest[1..];
            expecting_term = true;
        }
    }
    (!expecting_term && !terms.is_empty()).then_some(terms)
}

/// Parse column formulas from a header row of column-number cells, e.g. cells
/// `["A","B","(1)=(2)+(8)+(14)","(2)=(3)+(4)+(5)+(6)+(7)","(3)",...]` or `"1=2+3"`,
/// `"(5)=(6)-(7)"`: formulas in column indices of the table. A printed column number (k) maps
/// to the table column whose cell is `(k)`, starts with `(k)=`, or is `k`. A formula that names
/// a column number printed nowhere or twice in the row, or that uses other operators, is left
/// out.
pub fn parse_column_formulas(column_number_row: &[&str]) -> Vec<ColumnFormula> {
    // Cells without any whitespace: wrapped formulas such as "(8)=(9)+\n(10)" join up.
    let cells: Vec<String> = column_number_row
        .iter()
        .map(|cell| fold_cell_text(cell).chars().filter(|c| *c != ' ').collect())
        .collect();
    let mut column_of_number: HashMap<u32, Option<usize>> = HashMap::new();
    for (column, cell) in cells.iter().enumerate() {
        let printed = cell.split_once('=').map_or(cell.as_str(), |(left, _)| left);
        if let Some(number) = read_column_number(printed) {
            column_of_number
                .entry(number)
                .and_modify(|seen| *seen = None)
                .or_insert(Some(column));
        }
    }
    let column_of = |number: u32| column_of_number.get(&number).copied().flatten();
    cells
        .iter()
        .enumerate()
        .filter_map(|(column, cell)| {
            let (left, right) = cell.split_once('=')?;
            read_column_number(left)?;
            let terms = read_signed_terms(right)?
                .into_iter()
                .map(|(sign, number)| {
                    column_of(number)
                        .filter(|c| *c != column)
                        .map(|c| (sign, c))
                })
                .collect::<Option<Vec<_>>>()?;
            Some(ColumnFormula {
                target: column,
                terms,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_formula_row() {
        let mut row = vec!["A", "B", "(1)=(2)+(8)+(14)", "(2)=(3)+(4)+(5)\n+(6)+(7)"];
        row.extend([
            "(3)",
            "(4)",
            "(5)",
            "(6)",
            "(7)",
            "(8)=(9)+\n(10)+(11)+\n(12)+(13)",
        ]);
        row.extend([
            "(9)",
            "(10)",
            "(11)",
            "(12)",
            "(13)",
            "(14)=(15)+(16)+\n(17)+(18)+(19)",
        ]);
        row.extend(["(15)", "(16)", "(17)", "(18)", "(19)"]);
        let formulas = parse_column_formulas(&row);
        let plus = |columns: &[usize]| columns.iter().map(|c| (1i8, *c)).collect::<Vec<_>>();
        assert_eq!(
            formulas,
            vec![
                ColumnFormula {
                    target: 2,
                    terms: plus(&[3, 9, 15])
                },
                ColumnFormula {
                    target: 3,
                    terms: plus(&[4, 5, 6, 7, 8])
                },
                ColumnFormula {
                    target: 9,
                    terms: plus(&[10, 11, 12, 13, 14])
                },
                ColumnFormula {
                    target: 15,
                    terms: plus(&[16, 17, 18, 19, 20])
                },
            ]
        );
    }

    #[test]
    fn plain_and_minus_formulas() {
        assert_eq!(
            parse_column_formulas(&["栏次", "1", "2=3+4", "3", "4"]),
            vec![ColumnFormula {
                target: 2,
                terms: vec![(1, 3), (1, 4)]
            }]
        );
        assert_eq!(
            parse_column_formulas(&["(5)=(6)-(7)", "(6)", "(7)"]),
            vec![ColumnFormula {
                target: 0,
                terms: vec![(1, 1), (-1, 2)]
            }]
        );
        assert_eq!(
            parse_column_formulas(&["（１）＝（２）－（３）", "（２）", "（３）"]),
            vec![ColumnFormula {
                target: 0,
                terms: vec![(1, 1), (-1, 2)]
            }]
        );
    }

    #[test]
    fn rows_without_usable_formulas() {
        assert!(parse_column_formulas(&["栏次", "1", "2", "3"]).is_empty());
        assert!(parse_column_formulas(&[]).is_empty());
        // Column 9 is printed nowhere.
        assert!(parse_column_formulas(&["(1)=(2)+(9)", "(2)"]).is_empty());
        // Other operators.
        assert!(parse_column_formulas(&["(1)=(2)*(3)", "(2)", "(3)"]).is_empty());
        assert!(parse_column_formulas(&["(1)=(2)/(3)", "(2)", "(3)"]).is_empty());
        assert!(parse_column_formulas(&["(1)=", "(2)"]).is_empty());
        assert!(parse_column_formulas(&["(1)=(2)+", "(2)"]).is_empty());
        // Column 2 printed twice: ambiguous.
        assert!(parse_column_formulas(&["1=2+3", "2", "3", "2"]).is_empty());
        // A formula naming its own column.
        assert!(parse_column_formulas(&["1=1+2", "2"]).is_empty());
    }
}
