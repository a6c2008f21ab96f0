//! The one driver: PDF bytes in, [`ExtractedDocument`] out. It runs the stages in order,
//! pdf → layout → table → number (values, checks, quality verdict), once, and checks the time budget between pages, between
//! stages and between tables. The CLI, the batch and the library all call it; output sinks
//! only serialize what it returns. `inspect` and `text` reuse its first stages
//! ([`open`], [`read_pages`], [`page_lines`]).

mod model;
mod options;
mod sink;

pub use model::{ExtractedDocument, ExtractedTable, PageWarning};
pub use options::{Locale, Options, UnknownLocale};
pub use sink::{DocumentHead, DocumentSink, DocumentTail};

use crate::error::{Error, Result};
use crate::layout::{LayoutConfig, TextLine, build_lines};
use crate::number::{
    FormatEvidence, LanguageHint, LocaleGuess, assess_quality, column_evidence_with_config, detect_language_with_config, document_format_with_config,
    numbers_in_text_with_config, table_numbers_with_config,
};
use crate::pdf::{Document as PdfDocument, PageContent};
use crate::table::{Table, extract_tables_with_lines};
use rayon::prelude::*;

/// Most bytes of a document's text read for its language and the numbers in its prose.
const DOCUMENT_TEXT_BYTES: usize = 200_000;

/// Run every stage over a document's bytes.
pub fn extract_document(bytes: Vec<u8>, opts: &Options) -> Result<ExtractedDocument> {
    let doc = open(bytes, opts)?;
    let pages = read_pages(&doc, opts)?;
    let (page_count, producer) = (doc.page_count(), doc.producer());
    drop(doc);
    let mut extracted = extract_from_pages(pages, opts)?;
    extracted.page_count = page_count;
    extracted.producer = producer;
    Ok(extracted)
}

/// Run every stage over a document's bytes, handing the head, each finished table and the
/// tail to `sink` as they are ready. Returns the tail it gave the sink.
pub fn extract_document_into(bytes: Vec<u8>, opts: &Options, sink: &mut dyn DocumentSink) -> Result<DocumentTail> {
    let doc = extract_document(bytes, opts)?;
    sink.begin(&DocumentHead { page_count: doc.page_count, producer: doc.producer.clone(), locale: doc.locale, language: doc.language })?;
    for (k, t) in doc.tables.iter().enumerate() {
        sink.table(k, t)?;
    }
    let tail = DocumentTail { pages: doc.page_count, tables: doc.tables.len(), verified: doc.all_verified(), warnings: doc.warnings };
    sink.end(&tail)?;
    Ok(tail)
}

/// Run the stages after the PDF stage over pages already read (or built by a test): layout,
/// tables, numbers. The document's page count is `pages.len()` and it has no producer.
pub fn extract_from_pages(pages: Vec<PageContent>, opts: &Options) -> Result<ExtractedDocument> {
    let warnings = page_warnings(&pages);
    check_deadline(opts)?;
    let lines = page_lines(&pages, &opts.layout);
    check_deadline(opts)?;
    let tables = extract_tables_with_lines(&pages, &lines, &opts.table, &opts.layout);
    check_deadline(opts)?;
    let text = document_text(&lines);
    let page_count = pages.len();
    drop((pages, lines));
    let numbers = read_numbers(tables, &text, opts)?;
    Ok(ExtractedDocument {
        page_count,
        producer: None,
        locale: numbers.locale,
        language: numbers.language,
        tables: numbers.tables,
        warnings,
    })
}

/// Open a PDF within the options' limits.
pub fn open(bytes: Vec<u8>, opts: &Options) -> Result<PdfDocument> {
    PdfDocument::open(bytes, opts.limits.clone())
}

/// Give up with a `timeout` error once the options' deadline has passed.
pub fn check_deadline(opts: &Options) -> Result<()> {
    match opts.deadline {
        Some(d) if std::time::Instant::now() > d => Err(Error::Timeout("document took longer than its time budget".into())),
        _ => Ok(()),
    }
}

/// Read every page. Pages are split into one contiguous run per worker thread, each with its
/// own page reader (fonts are cached per reader, so each font is parsed once per run).
pub fn read_pages(doc: &PdfDocument, opts: &Options) -> Result<Vec<PageContent>> {
    let n = doc.page_count();
    let runs = if opts.sequential_pages { 1 } else { rayon::current_num_threads().clamp(1, n.max(1)) };
    let run_len = n.div_ceil(runs).max(1);
    let read_run = |run: usize| -> Result<Vec<PageContent>> {
        let reader = doc.reader();
        let first = run * run_len + 1;
        (first..(first + run_len).min(n + 1))
            .map(|i| {
                check_deadline(opts)?;
                reader.page(i)
            })
            .collect()
    };
    let per_run: Vec<Result<Vec<PageContent>>> =
        if runs == 1 { vec![read_run(0)] } else { (0..runs).into_par_iter().map(read_run).collect() };
    let mut pages = Vec::with_capacity(n);
    for run in per_run {
        pages.extend(run?);
    }
    Ok(pages)
}

/// The text lines of each page (layout stage), built once per page.
pub fn page_lines(pages: &[PageContent], layout: &LayoutConfig) -> Vec<Vec<TextLine>> {
    pages.par_iter().map(|p| build_lines(&p.glyphs, layout)).collect()
}

/// A page whose glyphs mostly lack a Unicode mapping has this many glyphs per unmapped one, or
/// fewer (a tenth unmapped is enough to garble its text).
const GLYPHS_PER_UNMAPPED: usize = 10;

/// Page-level problems: images but no text layer (scanned), glyphs without Unicode mapping.
fn page_warnings(pages: &[PageContent]) -> Vec<PageWarning> {
    let mut warnings = Vec::new();
    for page in pages {
        let unmapped = || PageWarning {
            page: page.number,
            code: "unmapped_glyphs",
            message: format!("page {}: {} glyphs have no Unicode mapping", page.number, page.unmapped_glyphs),
        };
        if page.glyphs.is_empty() {
            if page.images > 0 {
                warnings.push(PageWarning {
                    page: page.number,
                    code: "no_text_layer",
                    message: format!("page {} has images but no text layer (scanned?)", page.number),
                });
            } else if page.unmapped_glyphs > 0 {
                warnings.push(unmapped());
            }
        } else if page.unmapped_glyphs * GLYPHS_PER_UNMAPPED > page.glyphs.len() {
            warnings.push(unmapped());
        }
    }
    warnings
}

/// The document's text as lines (up to about [`DOCUMENT_TEXT_BYTES`]), for language detection
/// and for the numbers in its prose.
pub fn document_text(lines: &[Vec<TextLine>]) -> String {
    let mut s = String::new();
    for line in lines.iter().flatten() {
        if s.len() > DOCUMENT_TEXT_BYTES {
            break;
        }
        s.push_str(&line.text());
        s.push('\n');
    }
    s
}

/// What the number stage found for a document.
#[derive(Debug, Clone)]
pub struct DocumentNumbers {
    /// The document's number format.
    pub locale: LocaleGuess,
    /// The language of its text.
    pub language: LanguageHint,
    /// Each table with its numbers.
    pub tables: Vec<ExtractedTable>,
}

/// The number stage over a document's tables: its language and number format (from the
/// tables' columns and the numbers in `text`, unless the options fix a locale), then each
/// table's values, units and checks.
pub fn read_numbers(tables: Vec<Table>, text: &str, opts: &Options) -> Result<DocumentNumbers> {
    let cfg = &opts.number;
    let language = detect_language_with_config(text, cfg);
    let forced = opts.locale.fixed_format();
    let text_numbers = numbers_in_text_with_config(text, cfg);
    // Format evidence per column, gathered once: the document's guess sums it, each table's
    // columns check it against that guess. A fixed format needs none.
    let evidence: Vec<Vec<FormatEvidence>> =
        if forced.is_some() { vec![Vec::new(); tables.len()] } else { tables.iter().map(|t| column_evidence_with_config(t, cfg)).collect() };
    let locale = document_format_with_config(&evidence, &text_numbers, language, forced, cfg);
    let mut out = Vec::with_capacity(tables.len());
    for (table, evidence) in tables.into_iter().zip(&evidence) {
        check_deadline(opts)?;
        let numbers = table_numbers_with_config(&table, evidence, &locale, language, cfg);
        let quality = assess_quality(&table, &numbers, &opts.quality);
        out.push(ExtractedTable { table, numbers, quality });
    }
    Ok(DocumentNumbers { locale, language, tables: out })
}
