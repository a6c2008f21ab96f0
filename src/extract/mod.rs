//! The one driver: PDF bytes in, [`ExtractedDocument`] out. It runs the stages in order,
//! pdf → layout → table → number (values, checks, quality verdict), once, and checks the time budget between pages, between
//! stages and between tables. The CLI, the batch and the library all call it; output sinks
//! only serialize what it returns. `inspect` and `text` reuse its first stages
//! ([`open`], [`read_pages`], [`page_lines`]).

mod document_run;
mod model;
mod options;
mod sink;

pub use model::{ExtractedDocument, ExtractedTable, PageWarning};
pub use options::{Locale, Options, UnknownLocale};
pub use sink::{DocumentHead, DocumentSink, DocumentTail};

use crate::error::{Error, Result};
use crate::layout::{LayoutConfig, TextLine, lines_of_pages};
use crate::number::{
    FormatEvidence, LanguageHint, LocaleGuess, assess_quality, column_evidence_with_config, detect_language_with_config, document_format_with_config,
    numbers_in_text_with_config, table_numbers_with_config,
};
use crate::pdf::{Document as PdfDocument, PageContent, PdfBytes};
use crate::table::Table;
use rayon::prelude::*;

/// Run every stage over a document's bytes and collect the whole document in memory.
pub fn extract_document(bytes: impl Into<PdfBytes>, opts: &Options) -> Result<ExtractedDocument> {
    let mut doc = ExtractedDocument::empty();
    extract_document_into(bytes, opts, &mut doc)?;
    Ok(doc)
}

/// Run every stage over a document's bytes, window by window of pages
/// ([`Options::window_pages`]), handing the head, each finished table and the tail to `sink`
/// as they are ready. Returns the tail it gave the sink.
pub fn extract_document_into(bytes: impl Into<PdfBytes>, opts: &Options, sink: &mut dyn DocumentSink) -> Result<DocumentTail> {
    let mut doc = open(bytes, opts)?;
    let (page_count, producer) = (doc.page_count(), doc.producer());
    let read = |first: usize, count: usize| {
        // The pages of the windows before are done with: neither their decoded content nor a
        // mapped file's bytes need stay.
        doc.trim_cache()?;
        doc.release_resident();
        read_page_range(&doc, first, count, opts)
    };
    document_run::run_document(page_count, producer, read, opts, sink)
}

/// Run the stages after the PDF stage over pages already read (or built by a test): layout,
/// tables, numbers. The document's page count is `pages.len()` and it has no producer.
pub fn extract_from_pages(pages: Vec<PageContent>, opts: &Options) -> Result<ExtractedDocument> {
    let page_count = pages.len();
    let mut pages = pages.into_iter();
    let read = |_first: usize, count: usize| Ok(pages.by_ref().take(count).collect());
    let mut doc = ExtractedDocument::empty();
    document_run::run_document(page_count, None, read, opts, &mut doc)?;
    Ok(doc)
}

/// Open a PDF within the options' limits.
pub fn open(bytes: impl Into<PdfBytes>, opts: &Options) -> Result<PdfDocument> {
    PdfDocument::open(bytes, opts.limits.clone())
}

/// A megabyte, for messages.
const MB: f64 = (1u64 << 20) as f64;

/// Give up with a `timeout` error once the options' deadline has passed, or with
/// `limit_exceeded` once the document holds more than its memory ceiling.
pub fn check_deadline(opts: &Options) -> Result<()> {
    if let Some(ceiling) = &opts.memory_ceiling
        && ceiling.exceeded()
    {
        return Err(Error::LimitExceeded(format!(
            "document held {:.1} MB of memory, over its ceiling of {:.1} MB",
            ceiling.used() as f64 / MB,
            ceiling.bytes as f64 / MB
        )));
    }
    match opts.deadline {
        Some(d) if std::time::Instant::now() > d => Err(Error::Timeout("document took longer than its time budget".into())),
        _ => Ok(()),
    }
}

/// Read every page (see [`read_page_range`]).
pub fn read_pages(doc: &PdfDocument, opts: &Options) -> Result<Vec<PageContent>> {
    read_page_range(doc, 1, doc.page_count(), opts)
}

/// Read `count` pages from page `first` (1-based), split into one contiguous run per worker
/// thread (unless the options say sequential), each with its own page reader: fonts are cached
/// per reader, so each font is parsed once per run, and the cache goes with the run.
pub fn read_page_range(doc: &PdfDocument, first: usize, count: usize, opts: &Options) -> Result<Vec<PageContent>> {
    let end = (first + count).min(doc.page_count() + 1);
    let n = end.saturating_sub(first);
    let runs = if opts.sequential_pages { 1 } else { rayon::current_num_threads().clamp(1, n.max(1)) };
    let run_len = n.div_ceil(runs).max(1);
    let read_run = |run: usize| -> Result<Vec<PageContent>> {
        let reader = doc.reader();
        let start = first + run * run_len;
        (start..(start + run_len).min(end))
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
    lines_of_pages(pages, layout, false)
}

/// A page whose glyphs mostly lack a Unicode mapping has this many glyphs per unmapped one, or
/// fewer (a tenth unmapped is enough to garble its text).
const GLYPHS_PER_UNMAPPED: usize = 10;

/// Page-level problems: images but no text layer (scanned), glyphs without Unicode mapping.
pub(crate) fn page_warnings(pages: &[PageContent]) -> Vec<PageWarning> {
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

/// The document's text as lines (up to about [`document_run::DOCUMENT_TEXT_BYTES`]), for
/// language detection and for the numbers in its prose.
pub fn document_text(lines: &[Vec<TextLine>]) -> String {
    let mut s = String::new();
    document_run::add_text(&mut s, lines);
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

/// The number stage over a document's tables: its language and number format
/// ([`decide_format`]), then each table's values, units and checks ([`table_numbers`]).
pub fn read_numbers(tables: Vec<Table>, text: &str, opts: &Options) -> Result<DocumentNumbers> {
    let forced = opts.locale.fixed_format().is_some();
    // Format evidence per column, gathered once: the document's guess sums it, each table's
    // columns check it against that guess. A fixed format needs none.
    let evidence: Vec<Vec<FormatEvidence>> =
        if forced { vec![Vec::new(); tables.len()] } else { tables.iter().map(|t| column_evidence_with_config(t, &opts.number)).collect() };
    let (locale, language) = decide_format(&evidence, text, opts);
    let mut out = Vec::with_capacity(tables.len());
    for (table, evidence) in tables.into_iter().zip(&evidence) {
        check_deadline(opts)?;
        out.push(table_numbers(table, evidence, &locale, language, opts));
    }
    Ok(DocumentNumbers { locale, language, tables: out })
}

/// A document's language and number format: from the column evidence of its tables and the
/// numbers in `text`, unless the options fix a locale.
pub fn decide_format(evidence: &[Vec<FormatEvidence>], text: &str, opts: &Options) -> (LocaleGuess, LanguageHint) {
    let cfg = &opts.number;
    let language = detect_language_with_config(text, cfg);
    let text_numbers = numbers_in_text_with_config(text, cfg);
    (document_format_with_config(evidence, &text_numbers, language, opts.locale.fixed_format(), cfg), language)
}

/// One table's values, units, checks and quality verdict, read in the document's format
/// (`evidence` is the table's column evidence, empty when the format is fixed).
pub fn table_numbers(table: Table, evidence: &[FormatEvidence], locale: &LocaleGuess, language: LanguageHint, opts: &Options) -> ExtractedTable {
    let numbers = table_numbers_with_config(&table, evidence, locale, language, &opts.number);
    let quality = assess_quality(&table, &numbers, &opts.quality);
    ExtractedTable { table, numbers, quality }
}
