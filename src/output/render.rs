//! One document end to end: bytes → structure → numbers → serialized outputs.

use super::document::{DocumentJson, ErrorJson, LocaleJson, SourceJson, WarningJson, table_json};
use super::facts::write_facts;
use super::grid::grid_document;
use crate::error::{Error, Result};
use crate::extract::{Extraction, Options, extract_structure};
use crate::number::{FormatEvidence, LanguageHint, NumberFormat, TableNumbers, column_evidence, detect_language, document_format, numbers_in_text, table_numbers};

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

fn language_code(l: LanguageHint) -> Option<&'static str> {
    match l {
        LanguageHint::Vietnamese => Some("vi"),
        LanguageHint::Chinese => Some("zh"),
        LanguageHint::Japanese => Some("ja"),
        LanguageHint::Korean => Some("ko"),
        LanguageHint::English => Some("en"),
        LanguageHint::French => Some("fr"),
        LanguageHint::German => Some("de"),
        LanguageHint::Other | LanguageHint::Unknown => None,
    }
}

/// The document's text as lines (up to about 200 KB), for language detection and for the
/// numbers in its prose.
fn document_text(ex: &Extraction) -> String {
    let mut s = String::new();
    for line in ex.lines.iter().flatten() {
        if s.len() > 200_000 {
            break;
        }
        s.push_str(&line.text());
        s.push('\n');
    }
    s
}

/// Numbers of every table of an extraction.
pub fn read_numbers(ex: &Extraction, opts: &Options) -> (crate::number::LocaleGuess, LanguageHint, Vec<TableNumbers>) {
    let text = document_text(ex);
    let language = detect_language(&text);
    let forced = opts.locale.as_deref().and_then(NumberFormat::for_locale_code);
    let text_numbers = numbers_in_text(&text);
    // Format evidence per column, gathered once: the document's guess sums it, each table's
    // columns check it against that guess. A forced format needs none.
    let evidence: Vec<Vec<FormatEvidence>> =
        if forced.is_some() { vec![Vec::new(); ex.tables.len()] } else { ex.tables.iter().map(column_evidence).collect() };
    let guess = document_format(&evidence, &text_numbers, language, forced);
    let nums = ex.tables.iter().zip(&evidence).map(|(t, e)| table_numbers(t, e, &guess, language)).collect();
    (guess, language, nums)
}

/// The document JSON of an extraction.
pub fn document_json(ex: &Extraction, nums: &[TableNumbers], guess: &crate::number::LocaleGuess, language: LanguageHint, path: &str, sha256: &str, n_bytes: usize) -> DocumentJson {
    DocumentJson {
        schema_version: "1",
        source: SourceJson { path: path.to_string(), sha256: sha256.to_string(), bytes: n_bytes, pages: ex.page_count, producer: ex.producer.clone() },
        status: "ok",
        locale: Some(LocaleJson::new(guess, language_code(language))),
        tables: ex.tables.iter().zip(nums).enumerate().map(|(k, (t, n))| table_json(k, t, n)).collect(),
        warnings: ex.warnings.iter().map(|(page, code, message)| WarningJson { page: *page, code, message: message.clone() }).collect(),
        error: None,
    }
}

/// Extract a document and serialize it in `format`.
pub fn render_document(bytes: Vec<u8>, path: &str, sha256: &str, opts: &Options, format: OutputFormat) -> Result<Rendered> {
    let n_bytes = bytes.len();
    let ex = extract_structure(bytes, opts)?;
    let (guess, language, nums) = read_numbers(&ex, opts);
    let mut facts = Vec::new();
    for (k, (t, n)) in ex.tables.iter().zip(&nums).enumerate() {
        write_facts(&mut facts, sha256, path, k, t, n);
    }
    let document = match format {
        OutputFormat::Grid => {
            let values: Vec<Vec<Vec<Option<String>>>> =
                nums.iter().map(|n| n.values.iter().map(|r| r.iter().map(|v| v.map(|v| v.value.to_string())).collect()).collect()).collect();
            serde_json::to_vec(&grid_document(&ex.tables, Some(&values)))
        }
        OutputFormat::Json => serde_json::to_vec_pretty(&document_json(&ex, &nums, &guess, language, path, sha256, n_bytes)),
    }
    .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(Rendered { document, facts, pages: ex.page_count, tables: ex.tables.len() })
}

/// The output file of a document that failed: status "failed" and the error, no tables.
pub fn render_failure(path: &str, sha256: &str, n_bytes: usize, err: &Error, format: OutputFormat) -> Vec<u8> {
    let out = match format {
        OutputFormat::Grid => serde_json::to_vec(&serde_json::json!({"tables": [], "error": err.to_string()})),
        OutputFormat::Json => serde_json::to_vec_pretty(&DocumentJson {
            schema_version: "1",
            source: SourceJson { path: path.to_string(), sha256: sha256.to_string(), bytes: n_bytes, pages: 0, producer: None },
            status: "failed",
            locale: None,
            tables: Vec::new(),
            warnings: Vec::new(),
            error: Some(ErrorJson { code: err.code(), message: err.to_string() }),
        }),
    };
    out.unwrap_or_default()
}
