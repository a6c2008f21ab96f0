//! "Grid JSON" for the evaluators in ../shared/tools: per table its page, all rows (header rows
//! first) as cell strings, the spans of merged cells and the parsed values.

use crate::error::Error;
use crate::extract::{ExtractedDocument, ExtractedTable};
use crate::table::TableRow;
use serde::Serialize;

/// The grid JSON of one document.
#[derive(Debug, Serialize)]
pub struct GridDocument {
    /// Why the document failed (serialized first, before the empty table list).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The document's tables.
    pub tables: Vec<GridTable>,
}

/// One table as a grid.
#[derive(Debug, Serialize)]
pub struct GridTable {
    /// Its first page.
    pub page: usize,
    /// Every row (header rows first) as cell texts.
    pub rows: Vec<Vec<String>>,
    /// Inclusive `[first_row, first_col, last_row, last_col]` of each merged cell.
    pub spans: Vec<[usize; 4]>,
    /// One decimal string or null per cell (null in header rows).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<Vec<Option<String>>>>,
}

/// The grid JSON of a document's tables, with their values.
pub fn grid_document(doc: &ExtractedDocument) -> GridDocument {
    GridDocument { tables: doc.tables.iter().map(grid_table).collect(), error: None }
}

/// The grid of one table, header rows first, with its spans and values.
pub fn grid_table(extracted: &ExtractedTable) -> GridTable {
    let t = &extracted.table;
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
    let mut values: Vec<Vec<Option<String>>> = t.header_rows.iter().map(|r| vec![None; r.cells.len()]).collect();
    values.extend(extracted.numbers.values.iter().map(|r| r.iter().map(|v| v.map(|v| v.value.to_string())).collect()));
    GridTable { page: t.pages.first().copied().unwrap_or(1), rows, spans, values: Some(values) }
}

/// The grid JSON of a document that failed: no tables, and the error.
pub fn grid_failure(err: &Error) -> GridDocument {
    GridDocument { tables: Vec::new(), error: Some(err.to_string()) }
}
