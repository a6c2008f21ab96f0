//! tablelift: tables from born-digital government budget PDFs as typed, normalised JSON.
//!
//! Pipeline (one module per stage, data flows one way):
//! `pdf` → `layout` → `table` → `number` → `output`, driven by `batch` and `cli`.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let bytes = std::fs::read("budget.pdf")?;
//! let doc = tablelift::extract(bytes, &tablelift::Options::default())?;
//! for table in &doc.tables {
//!     println!("{} {:?}: {} rows", table.id, table.title, table.rows.len());
//!     for row in &table.rows {
//!         // Every numeric cell carries an exact decimal string ("24461.00", "-300000000").
//!         let values: Vec<_> = row.cells.iter().filter_map(|c| c.value.as_deref()).collect();
//!         println!("  {:?} {:?}", row.label, values);
//!     }
//! }
//! println!("{}", serde_json::to_string_pretty(&doc)?);
//! # Ok(())
//! # }
//! ```

pub mod batch;
pub mod cli;
pub mod digest;
pub mod error;
pub mod extract;
pub mod fetch;
pub mod layout;
pub mod memory;
pub mod number;
pub mod output;
pub mod pdf;
pub mod table;
pub mod text;
pub mod warehouse;


pub use error::{Error, Result};
pub use extract::{ExtractedDocument, ExtractedTable, Locale, Options, UnknownLocale, extract_document, extract_from_pages};
pub use output::DocumentJson as Document;

/// Extract the tables of one PDF (its bytes) into the document JSON model (schema version
/// "1"): [`extract_document`] followed by [`output::document_json`]. Errors are typed
/// ([`Error::code`]); this never panics on bad input.
pub fn extract(bytes: Vec<u8>, opts: &Options) -> Result<Document> {
    let sha256 = digest::sha256_hex(&bytes);
    let n_bytes = bytes.len();
    let doc = extract_document(bytes, opts)?;
    Ok(output::document_json(&doc, &output::SourceInfo { path: "", sha256: &sha256, bytes: n_bytes }))
}

/// What unit tests share: the sample PDFs of `samples/`.
#[cfg(test)]
pub(crate) mod test_samples {
    /// Every sample PDF (path, bytes), in name order.
    pub fn sample_pdfs() -> Vec<(std::path::PathBuf, Vec<u8>)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
        let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "pdf")).collect();
        paths.sort();
        paths.into_iter().map(|p| { let bytes = std::fs::read(&p).unwrap(); (p, bytes) }).collect()
    }
}
