//! One document end to end: bytes → structure → values → serialized outputs.

use super::grid::grid_document;
use crate::error::{Error, Result};
use crate::extract::{Options, extract_structure};

/// Which document file the batch writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Document JSON, schema version "1".
    Json,
    /// Grid JSON for ../shared/tools evaluators.
    Grid,
}

/// Serialized outputs of one document.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub document: Vec<u8>,
    /// Facts NDJSON lines (may be empty).
    pub facts: Vec<u8>,
    pub pages: usize,
    pub tables: usize,
}

/// Extract a document and serialize it in `format`.
pub fn render_document(bytes: Vec<u8>, path: &str, sha256: &str, opts: &Options, format: OutputFormat) -> Result<Rendered> {
    let _ = (path, sha256);
    let ex = extract_structure(bytes, opts)?;
    let document = match format {
        OutputFormat::Grid => serde_json::to_vec(&grid_document(&ex.tables, None)),
        OutputFormat::Json => return Err(Error::UnsupportedFeature("json".into())),
    }
    .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(Rendered { document, facts: Vec::new(), pages: ex.page_count, tables: ex.tables.len() })
}
