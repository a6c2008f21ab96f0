//! The one document model the driver returns: what a PDF holds once every stage has run. Each
//! table owns its numbers; output sinks only serialize this.

use crate::number::{LanguageHint, LocaleGuess, TableNumbers, TableQuality};
use crate::table::Table;

/// One PDF after every stage: its tables with their numbers, the number format it was read
/// in, and the page-level problems that did not stop it.
#[derive(Debug, Clone)]
pub struct ExtractedDocument {
    /// Pages in the PDF.
    pub page_count: usize,
    /// The `/Producer` of the PDF's info dictionary.
    pub producer: Option<String>,
    /// The document's number format (guessed, or fixed by [`crate::extract::Locale`]).
    pub locale: LocaleGuess,
    /// The language of the document's text, as far as it informs number formats.
    pub language: LanguageHint,
    /// The tables in reading order (page, then position).
    pub tables: Vec<ExtractedTable>,
    /// Page-level problems that did not stop the document.
    pub warnings: Vec<PageWarning>,
}

impl ExtractedDocument {
    /// A document with no pages and no tables, to collect into as a [`super::DocumentSink`]
    /// (its head and tail are set by `begin` and `end`).
    pub fn empty() -> Self {
        ExtractedDocument {
            page_count: 0,
            producer: None,
            locale: LocaleGuess { format: crate::number::NumberFormat::EN, confidence: 0.0 },
            language: LanguageHint::Unknown,
            tables: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Every table is `verified` (true for a document without tables: nothing in it can be
    /// wrong).
    pub fn all_verified(&self) -> bool {
        self.tables.iter().all(|t| t.quality.verified)
    }
}

/// A finished table and its numbers (one value slot per body cell of `table`).
#[derive(Debug, Clone)]
pub struct ExtractedTable {
    /// Structure: header rows, body rows, cells, spans, labels, context lines, notes.
    pub table: Table,
    /// Numbers: column kinds, cell values, title and unit, checks.
    pub numbers: TableNumbers,
    /// How sure we are of it: checks passed and failed, structural warnings, `verified`.
    pub quality: TableQuality,
}

/// A page-level problem that did not stop the document (no text layer, unmapped glyphs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageWarning {
    /// 1-based page number.
    pub page: usize,
    /// Stable code (`no_text_layer`, `unmapped_glyphs`).
    pub code: &'static str,
    /// What a person reads.
    pub message: String,
}
