//! Facts NDJSON: one line per numeric cell with stable keys (SPEC section 5).

use super::SourceInfo;
use super::fact_record::table_facts;
use crate::error::{Error, Result};
use crate::extract::{DocumentHead, DocumentSink, DocumentTail, ExtractedDocument, ExtractedTable};
use serde::Serialize;
use std::io::Write;

#[derive(Debug, Serialize)]
pub struct Fact<'a> {
    pub doc_sha256: &'a str,
    pub path: &'a str,
    pub table: &'a str,
    pub page: usize,
    pub row: usize,
    pub col: usize,
    pub row_label: Option<&'a str>,
    pub row_path: &'a [String],
    pub row_text: &'a str,
    pub column_path: &'a [String],
    pub text: &'a str,
    pub value: String,
    pub percent: bool,
    pub unit: Option<&'a str>,
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
    for f in &table_facts(index, extracted) {
        let fact = Fact {
            doc_sha256,
            path,
            table: &f.table,
            page: f.page,
            row: f.row,
            col: f.col,
            row_label: f.row_label.as_deref(),
            row_path: &f.row_path,
            row_text: &f.row_text,
            column_path: &f.column_path,
            text: &f.text,
            value: f.value.to_string(),
            percent: f.percent,
            unit: f.unit.as_deref(),
            multiplier: f.multiplier.map(|m| m.to_string()),
            scaled_value: f.scaled_value.map(|d| d.to_string()),
            verified: f.verified,
        };
        let mut line = serde_json::to_vec(&fact).map_err(|e| Error::Internal(e.to_string()))?;
        line.push(b'\n');
        out.write_all(&line)?;
    }
    Ok(())
}
