//! "Grid JSON" for the evaluators in ../shared/tools: per table its page, all rows (header rows
//! first) as cell strings, the spans of merged cells and the parsed values.

use crate::table::{Table, TableRow};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct GridDocument {
    pub tables: Vec<GridTable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct GridTable {
    pub page: usize,
    pub rows: Vec<Vec<String>>,
    /// Inclusive `[first_row, first_col, last_row, last_col]` of each merged cell.
    pub spans: Vec<[usize; 4]>,
    /// One decimal string or null per cell (null in header rows).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<Vec<Option<String>>>>,
}

/// Build the grid JSON of a document's tables. `values` gives, per table, per body row, the
/// value strings (None when the caller has no values).
pub fn grid_document(tables: &[Table], values: Option<&[Vec<Vec<Option<String>>>]>) -> GridDocument {
    let tables = tables
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let all: Vec<&TableRow> = t.header_rows.iter().chain(&t.rows).collect();
            let rows: Vec<Vec<String>> = all.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).collect();
            let mut spans = Vec::new();
            for (ri, r) in all.iter().enumerate() {
                for (ci, c) in r.cells.iter().enumerate() {
                    if !c.covered && (c.row_span > 1 || c.col_span > 1) {
                        let r1 = (ri + c.row_span - 1).min(all.len() - 1);
                        let c1 = (ci + c.col_span - 1).min(r.cells.len() - 1);
                        if r1 > ri || c1 > ci {
                            spans.push([ri, ci, r1, c1]);
                        }
                    }
                }
            }
            let values = values.and_then(|v| v.get(k)).map(|body| {
                let mut out: Vec<Vec<Option<String>>> = t.header_rows.iter().map(|r| vec![None; r.cells.len()]).collect();
                out.extend(body.iter().cloned());
                out
            });
            GridTable { page: t.pages.first().copied().unwrap_or(1), rows, spans, values }
        })
        .collect();
    GridDocument { tables, error: None }
}
