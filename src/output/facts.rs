//! Facts NDJSON: one line per numeric cell with stable keys (SPEC section 5).

use super::SourceInfo;
use super::document::column_path;
use crate::error::{Error, Result};
use crate::extract::{DocumentHead, DocumentSink, DocumentTail, ExtractedDocument, ExtractedTable};
use serde::Serialize;
use std::io::Write;

#[derive(Debug, Serialize)]
pub struct Fact<'a> {
    pub doc_sha256: &'a str,
    pub path: &'a str,
    pub table: String,
    pub page: usize,
    pub row: usize,
    pub col: usize,
    pub row_label: Option<&'a str>,
    pub row_path: Vec<String>,
    pub row_text: String,
    pub column_path: Vec<String>,
    pub text: &'a str,
    pub value: String,
    pub percent: bool,
    pub unit: Option<String>,
    pub multiplier: Option<String>,
    pub scaled_value: Option<String>,
    pub verified: bool,
}

/// The facts of every table of a document, as NDJSON lines appended to `out`.
pub fn write_facts(out: &mut Vec<u8>, doc: &ExtractedDocument, source: &SourceInfo<'_>) {
    for (k, t) in doc.tables.iter().enumerate() {
        // Writing into a Vec cannot fail.
        let _ = write_table_facts(out, source.sha256, source.path, k, t);
    }
}

/// Writes a document's facts NDJSON to `out` table by table as the driver hands them over.
pub struct FactsSink<'a, W: Write> {
    out: W,
    source: SourceInfo<'a>,
}

impl<'a, W: Write> FactsSink<'a, W> {
    /// A sink writing the facts of the document `source` to `out`.
    pub fn new(out: W, source: SourceInfo<'a>) -> Self {
        FactsSink { out, source }
    }

    /// The writer, once the document is complete.
    pub fn into_inner(self) -> W {
        self.out
    }
}

impl<W: Write> DocumentSink for FactsSink<'_, W> {
    fn begin(&mut self, _head: &DocumentHead) -> Result<()> {
        Ok(())
    }
    fn table(&mut self, index: usize, table: &ExtractedTable) -> Result<()> {
        write_table_facts(&mut self.out, self.source.sha256, self.source.path, index, table)
    }
    fn end(&mut self, _tail: &DocumentTail) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

/// The facts of one table (`index` counts from 0), as NDJSON lines written to `out`.
fn write_table_facts(out: &mut impl Write, doc_sha256: &str, path: &str, index: usize, extracted: &ExtractedTable) -> Result<()> {
    let (t, nums) = (&extracted.table, &extracted.numbers);
    let table_id = format!("t{}", index + 1);
    let percent = crate::number::Unit { text: "%".into(), currency: None, multiplier: rust_decimal::Decimal::ONE };
    let column_paths: Vec<Vec<String>> = (0..t.n_cols).map(|c| column_path(t, c)).collect();
    let text_col = nums.columns.iter().position(|k| *k == crate::number::ColumnKind::Text);
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
            let fact = Fact {
                doc_sha256,
                path,
                table: table_id.clone(),
                page: row.page,
                row: ri,
                col: ci,
                row_label: row.label.as_deref(),
                row_path: row_path.clone(),
                row_text: row_text.clone(),
                column_path: column_paths.get(ci).cloned().unwrap_or_default(),
                text: &cell.text,
                value: v.value.to_string(),
                percent: v.percent,
                unit: unit.map(|u| u.text.clone()),
                multiplier: unit.map(|u| u.multiplier.to_string()),
                scaled_value: unit.and_then(|u| u.scale(v.value)).map(|d| d.to_string()),
                verified: extracted.quality.verified,
            };
            let mut line = serde_json::to_vec(&fact).map_err(|e| Error::Internal(e.to_string()))?;
            line.push(b'\n');
            out.write_all(&line)?;
        }
    }
    Ok(())
}
