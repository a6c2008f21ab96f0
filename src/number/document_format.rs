//! The document's number format: format evidence per table column, summed over the document
//! with the numbers of its prose and its language.

use super::format::NumberFormat;
use super::locale::{FormatEvidence, LanguageHint, LocaleGuess};
use crate::table::Table;

/// Number-format evidence of each column of a table's body (one entry per column, covering the
/// longest row).
pub fn column_evidence(table: &Table) -> Vec<FormatEvidence> {
    let n = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0).max(table.n_cols);
    let mut evidence = vec![FormatEvidence::default(); n];
    for r in &table.rows {
        for (e, c) in evidence.iter_mut().zip(&r.cells) {
            e.add_cell(&c.text);
        }
    }
    evidence
}

/// Guess the document's number format from all tables' body cells (their [`column_evidence`]),
/// the numbers in the document's other text (`text_numbers`, e.g. "EUR 2.500" in a paragraph)
/// and its language.
pub fn document_format(evidence: &[Vec<FormatEvidence>], text_numbers: &[String], language: LanguageHint, forced: Option<NumberFormat>) -> LocaleGuess {
    if let Some(format) = forced {
        return LocaleGuess { format, confidence: 1.0 };
    }
    let mut all = FormatEvidence::default();
    for e in evidence.iter().flatten() {
        all.merge(e);
    }
    for t in text_numbers {
        all.add_cell(t);
    }
    all.decide(language)
}
