//! The library entry point: PDF bytes in, extracted document out, stage by stage.

use crate::error::Result;
use crate::layout::LayoutConfig;
use crate::pdf::{Document as PdfDocument, PageContent, PdfLimits};
use crate::layout::TextLine;
use crate::table::{Table, TableConfig, extract_tables_with_lines, page_lines};
use rayon::prelude::*;

/// Everything that tunes one extraction.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub limits: PdfLimits,
    pub layout: LayoutConfig,
    pub table: TableConfig,
    /// Force a number format by locale code (`vi`, `zh`, `en`, `de`, `fr`, …); None guesses.
    pub locale: Option<String>,
    /// Give up (with a `timeout` error) when this moment passes; checked between pages and stages.
    pub deadline: Option<std::time::Instant>,
    /// Read the pages one after another on the calling thread. A batch that already runs one
    /// document per worker sets this: splitting pages too would load each font once per split.
    pub sequential_pages: bool,
}

fn check_deadline(opts: &Options) -> Result<()> {
    match opts.deadline {
        Some(d) if std::time::Instant::now() > d => Err(crate::error::Error::Timeout("document took longer than its time budget".into())),
        _ => Ok(()),
    }
}

/// What the pipeline found in one PDF before numbers are read.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub page_count: usize,
    pub producer: Option<String>,
    pub pages: Vec<PageContent>,
    /// Each page's text lines.
    pub lines: Vec<Vec<TextLine>>,
    pub tables: Vec<Table>,
    /// (page, code, message) for page-level problems that did not stop the document.
    pub warnings: Vec<(usize, &'static str, String)>,
}

/// Run the PDF, layout and table stages over a document's bytes.
pub fn extract_structure(bytes: Vec<u8>, opts: &Options) -> Result<Extraction> {
    let doc = PdfDocument::open(bytes, opts.limits.clone())?;
    let n = doc.page_count();
    let results = read_pages(&doc, opts)?;
    let mut pages = Vec::with_capacity(n);
    let mut warnings = Vec::new();
    for page in results {
        if page.glyphs.is_empty() {
            if page.images > 0 {
                warnings.push((page.number, "no_text_layer", format!("page {} has images but no text layer (scanned?)", page.number)));
            } else if page.unmapped_glyphs > 0 {
                warnings.push((page.number, "unmapped_glyphs", format!("page {}: {} glyphs have no Unicode mapping", page.number, page.unmapped_glyphs)));
            }
        } else if page.unmapped_glyphs * 10 > page.glyphs.len() {
            warnings.push((page.number, "unmapped_glyphs", format!("page {}: {} glyphs have no Unicode mapping", page.number, page.unmapped_glyphs)));
        }
        pages.push(page);
    }
    check_deadline(opts)?;
    let lines = page_lines(&pages, &opts.layout);
    let tables = extract_tables_with_lines(&pages, &lines, &opts.table, &opts.layout);
    check_deadline(opts)?;
    Ok(Extraction { page_count: n, producer: doc.producer(), pages, lines, tables, warnings })
}

/// Read every page. Pages are split into one contiguous run per worker thread, each with its
/// own page reader (fonts are cached per reader, so each font is parsed once per run).
fn read_pages(doc: &PdfDocument, opts: &Options) -> Result<Vec<PageContent>> {
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
