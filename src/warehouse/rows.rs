//! The rows a warehouse sink loads for one document: one [`DocumentRow`], one [`TableRow`]
//! per table and one [`FactRecord`] per numeric cell. Built here once, so the Parquet files
//! and the PostgreSQL tables hold the same values.

use crate::error::{Error, Result};
use crate::extract::{DocumentHead, DocumentTail, ExtractedTable};
use crate::output::{FactRecord, SourceInfo, column_path, language_code, table_facts};
use crate::table::Method;
use rust_decimal::Decimal;

/// One row of `documents`.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRow {
    /// Lower-case hex sha256 of the PDF.
    pub doc_sha256: String,
    /// The input path as given.
    pub path: String,
    /// Size of the PDF in bytes.
    pub bytes: i64,
    /// Pages in the PDF.
    pub pages: i64,
    /// The PDF's `/Producer`.
    pub producer: Option<String>,
    /// Decimal separator of the document's number format.
    pub locale_decimal: String,
    /// Group separator of the document's number format.
    pub locale_group: Option<String>,
    /// Language code (`vi`, `zh`, …), when recognised.
    pub language: Option<String>,
    /// Tables found.
    pub tables: i64,
    /// Numeric cells (rows of `facts`).
    pub facts: i64,
    /// Every table is verified (true without tables).
    pub verified: bool,
    /// Page-level warnings (no text layer, unmapped glyphs).
    pub page_warnings: i64,
    /// The tablelift version that extracted it.
    pub tablelift_version: String,
}

/// One row of `tables`.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// Table id within the document (`t1`, …).
    pub table: String,
    /// Pages the table is on.
    pub pages: Vec<i64>,
    /// Its title.
    pub title: Option<String>,
    /// The table's unit as printed.
    pub unit: Option<String>,
    /// What one unit is worth in base units.
    pub unit_multiplier: Option<Decimal>,
    /// `ruled` or `stream`.
    pub method: String,
    /// Header rows.
    pub header_rows: i64,
    /// Body rows.
    pub rows: i64,
    /// Columns.
    pub cols: i64,
    /// Per column, its header path (outermost caption first), as a JSON array of arrays.
    pub header_paths: String,
    /// Arithmetic checks that hold.
    pub checks_passed: i64,
    /// Arithmetic checks that fail.
    pub checks_failed: i64,
    /// Structural warnings.
    pub structure_warnings: i64,
    /// The table is verified.
    pub verified: bool,
    /// Numeric cells.
    pub facts: i64,
}

/// A count as a warehouse integer (counts of one document never reach 2^63).
pub fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The table row and the fact rows of the table at `index`.
pub fn table_rows(index: usize, extracted: &ExtractedTable) -> Result<(TableRow, Vec<FactRecord>)> {
    let (t, nums) = (&extracted.table, &extracted.numbers);
    let facts = table_facts(index, extracted);
    let paths: Vec<Vec<String>> = (0..t.n_cols).map(|c| column_path(t, c)).collect();
    let header_paths = serde_json::to_string(&paths).map_err(|e| Error::Internal(e.to_string()))?;
    let row = TableRow {
        table: format!("t{}", index + 1),
        pages: t.pages.iter().map(|&p| int(p)).collect(),
        title: t.title.clone(),
        unit: nums.unit.as_ref().map(|u| u.text.clone()),
        unit_multiplier: nums.unit.as_ref().map(|u| u.multiplier),
        method: match t.method {
            Method::Ruled => "ruled",
            Method::Stream => "stream",
        }
        .into(),
        header_rows: int(t.header_rows.len()),
        rows: int(t.rows.len()),
        cols: int(t.n_cols),
        header_paths,
        checks_passed: int(extracted.quality.checks_passed),
        checks_failed: int(extracted.quality.checks_failed),
        structure_warnings: int(extracted.quality.warnings.len()),
        verified: extracted.quality.verified,
        facts: int(facts.len()),
    };
    Ok((row, facts))
}

/// The document row, once its last table is known.
pub fn document_row(source: &SourceInfo<'_>, head: &DocumentHead, tail: &DocumentTail, facts: usize) -> DocumentRow {
    DocumentRow {
        doc_sha256: source.sha256.to_string(),
        path: source.path.to_string(),
        bytes: int(source.bytes),
        pages: int(tail.pages),
        producer: head.producer.clone(),
        locale_decimal: head.locale.format.decimal.to_string(),
        locale_group: head.locale.format.group.map(|c| c.to_string()),
        language: language_code(head.language).map(str::to_string),
        tables: int(tail.tables),
        facts: int(facts),
        verified: tail.verified,
        page_warnings: int(tail.warnings.len()),
        tablelift_version: env!("CARGO_PKG_VERSION").to_string(),
    }
}
