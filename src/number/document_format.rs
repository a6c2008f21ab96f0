//! The document's number format: format evidence per table column, summed over the document
//! with the numbers of its prose and its language.

use super::config::NumberConfig;
use super::format::NumberFormat;
use super::locale::{FormatEvidence, LanguageHint, LocaleGuess};
use crate::table::Table;

/// Number-format evidence of each column of a table's body (one entry per column, covering the
/// longest row), with [`NumberConfig::DEFAULT`].
pub fn column_evidence(table: &Table) -> Vec<FormatEvidence> {
    column_evidence_with_config(table, &NumberConfig::DEFAULT)
}

/// [`column_evidence`] weighed with `cfg`.
pub fn column_evidence_with_config(table: &Table, cfg: &NumberConfig) -> Vec<FormatEvidence> {
    let n = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0).max(table.n_cols);
    let mut evidence = vec![FormatEvidence::default(); n];
    for r in &table.rows {
        for (e, c) in evidence.iter_mut().zip(&r.cells) {
            e.add_cell_with_config(&c.text, cfg);
        }
    }
    evidence
}

/// Guess the document's number format from all tables' body cells (their [`column_evidence`]),
/// the numbers in the document's other text (`text_numbers`, e.g. "EUR 2.500" in a paragraph)
/// and its language, with [`NumberConfig::DEFAULT`]. A `forced` format is certain.
pub fn document_format(evidence: &[Vec<FormatEvidence>], text_numbers: &[String], language: LanguageHint, forced: Option<NumberFormat>) -> LocaleGuess {
    document_format_with_config(evidence, text_numbers, language, forced, &NumberConfig::DEFAULT)
}

/// [`document_format`] with the weights and confidences of `cfg`.
pub fn document_format_with_config(
    evidence: &[Vec<FormatEvidence>],
    text_numbers: &[String],
    language: LanguageHint,
    forced: Option<NumberFormat>,
    cfg: &NumberConfig,
) -> LocaleGuess {
    if let Some(format) = forced {
        return LocaleGuess { format, confidence: 1.0 };
    }
    let mut all = FormatEvidence::default();
    for e in evidence.iter().flatten() {
        all.merge(e);
    }
    for t in text_numbers {
        all.add_cell_with_config(t, cfg);
    }
    all.decide_with_config(language, cfg)
}
