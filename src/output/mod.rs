//! Output stage: sinks that serialize the driver's [`crate::extract::ExtractedDocument`] and
//! never run a stage themselves. Document JSON (schema version "1"), grid JSON for the
//! evaluators, facts NDJSON for the warehouse, and an SVG picture of a page with its detected
//! tables (`tablelift inspect`).

mod document;
mod document_sink;
mod fact_record;
mod facts;
mod grid;
mod svg;

pub use document::{DocumentJson, column_path, document_json, failure_json, language_code, table_json};
pub use document_sink::DocumentFileSink;
pub use fact_record::{FactRecord, table_facts};
pub use facts::{FactsSink, write_facts};
pub use grid::{GridDocument, GridTable, grid_document, grid_failure, grid_table};
pub use svg::page_svg;

use crate::error::{Error, Result};
use crate::extract::ExtractedDocument;

/// Where a document came from, as the outputs name it.
#[derive(Debug, Clone, Copy)]
pub struct SourceInfo<'a> {
    /// The input path as given (empty for bytes handed to the library).
    pub path: &'a str,
    /// Lower-case hex sha256 of the PDF's bytes.
    pub sha256: &'a str,
    /// Size of the PDF in bytes.
    pub bytes: usize,
}

/// Which per-document file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Document JSON, schema version "1", on one line.
    Json,
    /// Document JSON indented for people to read (the same values; about twice the bytes).
    PrettyJson,
    /// Grid JSON for the ../shared/tools evaluators.
    Grid,
}

impl std::str::FromStr for OutputFormat {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "json" => Ok(OutputFormat::Json),
            "json-pretty" => Ok(OutputFormat::PrettyJson),
            "grid" => Ok(OutputFormat::Grid),
            other => Err(format!("unknown format {other:?} (json, json-pretty or grid)")),
        }
    }
}

/// The per-document file of an extracted document, in `format` (the bytes
/// [`DocumentFileSink`] writes table by table).
pub fn serialize_document(doc: &ExtractedDocument, source: &SourceInfo<'_>, format: OutputFormat) -> Result<Vec<u8>> {
    match format {
        OutputFormat::Grid => serde_json::to_vec(&grid_document(doc)),
        OutputFormat::Json => serde_json::to_vec(&document_json(doc, source)),
        OutputFormat::PrettyJson => serde_json::to_vec_pretty(&document_json(doc, source)),
    }
    .map_err(|e| Error::Internal(e.to_string()))
}

/// The per-document file of a document that failed, in `format`: what went wrong, no tables.
pub fn serialize_failure(source: &SourceInfo<'_>, err: &Error, format: OutputFormat) -> Result<Vec<u8>> {
    match format {
        OutputFormat::Grid => serde_json::to_vec(&grid_failure(err)),
        OutputFormat::Json => serde_json::to_vec(&failure_json(source, err)),
        OutputFormat::PrettyJson => serde_json::to_vec_pretty(&failure_json(source, err)),
    }
    .map_err(|e| Error::Internal(e.to_string()))
}
