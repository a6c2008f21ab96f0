//! One document, isolated: its bytes through the driver and into the chosen output format,
//! with panics caught as `internal` errors and the document's time budget set.

use super::config::BatchConfig;
use super::inputs::InputFile;
use crate::error::{Error, Result};
use crate::extract::{Options, extract_document};
use crate::output::{SourceInfo, serialize_document, write_facts};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

/// The serialized outputs of one document.
#[derive(Debug, Clone)]
pub struct DocumentOutput {
    /// The per-document file (document JSON or grid JSON).
    pub document: Vec<u8>,
    /// Facts NDJSON lines (may be empty).
    pub facts: Vec<u8>,
    /// Pages in the document.
    pub pages: usize,
    /// Tables found.
    pub tables: usize,
    /// Every table is verified.
    pub verified: bool,
}

/// Run one document isolated: panics become `internal` errors, the time budget is enforced
/// between pages and stages.
pub fn run_document(input: &InputFile, sha256: &str, cfg: &BatchConfig, opts: &Options) -> Result<DocumentOutput> {
    let bytes = std::fs::read(&input.path).map_err(|e| Error::Io(format!("{}: {e}", input.path.display())))?;
    run_document_bytes(bytes, &input.path.display().to_string(), sha256, cfg, opts)
}

/// [`run_document`] of bytes already read (a downloaded URL input), named `path` in the output.
pub fn run_document_bytes(bytes: Vec<u8>, path: &str, sha256: &str, cfg: &BatchConfig, opts: &Options) -> Result<DocumentOutput> {
    let opts = Options { deadline: Some(Instant::now() + cfg.timeout), ..opts.clone() };
    let source = SourceInfo { path, sha256, bytes: bytes.len() };
    let run = || -> Result<DocumentOutput> {
        let doc = extract_document(bytes, &opts)?;
        let mut facts = Vec::new();
        if cfg.facts.is_some() {
            write_facts(&mut facts, &doc, &source);
        }
        let document = serialize_document(&doc, &source, cfg.format)?;
        Ok(DocumentOutput { document, facts, pages: doc.page_count, tables: doc.tables.len(), verified: doc.all_verified() })
    };
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(r) => r,
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            Err(Error::Internal(format!("panic while processing: {msg}")))
        }
    }
}
