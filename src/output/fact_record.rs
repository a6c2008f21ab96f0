//! The facts of a table as typed records (one per numeric cell): what the facts NDJSON, the
//! Parquet `facts` files and the PostgreSQL `tablelift_facts` table all carry, computed once
//! here so that the three never drift apart.

use super::document::column_path;
use crate::extract::ExtractedTable;
use crate::number::{ColumnKind, Unit};
use rust_decimal::Decimal;

/// One numeric cell in long format. Keys (`table`, `row`, `col`) are stable for a given PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct FactRecord {
    /// Table id within the document (`t1`, `t2`, …).
    pub table: String,
    /// 1-based page of the row.
    pub page: usize,
    /// 0-based body row.
    pub row: usize,
    /// 0-based column.
    pub col: usize,
    /// The row's marker, if any.
    pub row_label: Option<String>,
    /// Markers of the enclosing rows by level, outermost first.
    pub row_path: Vec<String>,
    /// Text of the row in the table's first text column ("" when none).
    pub row_text: String,
    /// Distinct non-blank header texts above the column, outermost first.
    pub column_path: Vec<String>,
    /// The cell as printed.
    pub text: String,
    /// The printed number, multiplier not applied.
    pub value: Decimal,
    /// Printed as a percentage.
    pub percent: bool,
    /// Unit as printed (the column's, else the table's).
    pub unit: Option<String>,
    /// What one unit is worth in base units.
    pub multiplier: Option<Decimal>,
    /// `value × multiplier` (none without a unit, or on overflow).
    pub scaled_value: Option<Decimal>,
    /// The table is verified.
    pub verified: bool,
}

/// The facts of one table (`index` counts from 0), in row then column order.
pub fn table_facts(index: usize, extracted: &ExtractedTable) -> Vec<FactRecord> {
    let (t, nums) = (&extracted.table, &extracted.numbers);
    let table_id = format!("t{}", index + 1);
    let percent = Unit { text: "%".into(), currency: None, multiplier: Decimal::ONE };
    let column_paths: Vec<Vec<String>> = (0..t.n_cols).map(|c| column_path(t, c)).collect();
    let text_col = nums.columns.iter().position(|k| *k == ColumnKind::Text);
    let mut facts = Vec::new();
    // Row path: labels of the enclosing rows by level.
    let mut stack: Vec<(u8, String)> = Vec::new();
    for (ri, (row, vals)) in t.rows.iter().zip(&nums.values).enumerate() {
        if let (Some(level), Some(label)) = (row.level, &row.label) {
            while stack.last().is_some_and(|(l, _)| *l >= level) {
                stack.pop();
            }
            stack.push((level, label.clone()));
        }
        let row_path: Vec<String> = stack.iter().map(|(_, l)| l.clone()).collect();
        let row_text = text_col.and_then(|c| row.cells.get(c)).map(|c| c.text.clone()).unwrap_or_default();
        for (ci, (cell, v)) in row.cells.iter().zip(vals).enumerate() {
            let Some(v) = v else { continue };
            // A percentage is a percentage whatever the table's money unit says.
            let unit = if v.percent {
                Some(&percent)
            } else {
                nums.column_units.get(ci).and_then(|u| u.as_ref()).or(nums.unit.as_ref())
            };
            facts.push(FactRecord {
                table: table_id.clone(),
                page: row.page,
                row: ri,
                col: ci,
                row_label: row.label.clone(),
                row_path: row_path.clone(),
                row_text: row_text.clone(),
                column_path: column_paths.get(ci).cloned().unwrap_or_default(),
                text: cell.text.clone(),
                value: v.value,
                percent: v.percent,
                unit: unit.map(|u| u.text.clone()),
                multiplier: unit.map(|u| u.multiplier),
                scaled_value: unit.and_then(|u| u.scale(v.value)),
                verified: extracted.quality.verified,
            });
        }
    }
    facts
}
