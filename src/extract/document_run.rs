//! The driver's loop over one document in windows of pages, so that memory does not grow
//! with the document: a window's pages are read, laid out and cut into page tables (in
//! parallel unless the options say sequential), then dropped; only the table that may still
//! continue onto the next page, the furniture keys of the previous window and the first part
//! of the document's text are carried over.
//!
//! Page furniture (running headers, page numbers) is learnt over the window and the one before
//! it. The number format is decided once, from the document's text and the tables of its
//! first window; the tables finished before that wait for it, every later table goes to the
//! number stage and on to the sink as soon as it is finished. A document no longer than one
//! window is therefore read exactly as if it were read whole.

use super::model::{ExtractedTable, PageWarning};
use super::options::Options;
use super::sink::{DocumentHead, DocumentSink, DocumentTail};
use super::{check_deadline, decide_format, page_warnings, table_numbers};
use crate::error::Result;
use crate::layout::{TextLine, lines_of_pages};
use crate::number::{FormatEvidence, LanguageHint, LocaleGuess, column_evidence_with_config};
use crate::pdf::PageContent;
use crate::table::{Assembler, FurnitureKeys, PageFurniture, PageText, Table, tables_of_pages};

/// Most bytes of a document's text read for its language and the numbers in its prose.
pub(super) const DOCUMENT_TEXT_BYTES: usize = 200_000;

/// Run the stages after the PDF stage over a document of `page_count` pages, reading them
/// window by window with `read(first, count)` (1-based), and hand everything to `sink`.
pub fn run_document(
    page_count: usize,
    producer: Option<String>,
    mut read: impl FnMut(usize, usize) -> Result<Vec<PageContent>>,
    opts: &Options,
    sink: &mut dyn DocumentSink,
) -> Result<DocumentTail> {
    // One page alone learns no page furniture (a line repeated on one page is not repeated).
    let window = opts.window_pages.max(2);
    let mut run = DocumentRun {
        opts,
        sink,
        head: DocumentHead { page_count, producer, locale: LocaleGuess { format: crate::number::NumberFormat::EN, confidence: 0.0 }, language: LanguageHint::Unknown },
        decided: false,
        text: String::new(),
        warnings: Vec::new(),
        waiting: Vec::new(),
        delivered: 0,
        verified: true,
    };
    let mut assembler = Assembler::new(&opts.table);
    let mut previous_keys: Vec<FurnitureKeys> = Vec::new();
    let mut first = 1;
    while first <= page_count {
        check_deadline(opts)?;
        let pages = read(first, window.min(page_count + 1 - first))?;
        first += window;
        run.warnings.extend(page_warnings(&pages));
        let lines = lines_of_pages(&pages, &opts.layout, opts.sequential_pages);
        check_deadline(opts)?;
        add_text(&mut run.text, &lines);
        let keys: Vec<FurnitureKeys> = lines.iter().map(|l| FurnitureKeys::of_page(l, &opts.table.assemble)).collect();
        let furniture = PageFurniture::from_keys(&previous_keys.iter().chain(&keys).collect::<Vec<_>>(), &opts.table.assemble);
        let page_tables = tables_of_pages(&pages, &lines, &furniture, &opts.table, &opts.layout, opts.sequential_pages);
        check_deadline(opts)?;
        for pt in page_tables {
            let at = pages.iter().position(|p| p.number == pt.page);
            let page = at.map_or(PageText { width: opts.table.assemble.default_page_width, lines: &[] }, |i| PageText { width: pages[i].width, lines: &lines[i] });
            if let Some(t) = assembler.push(pt, page) {
                run.finished(t)?;
            }
        }
        drop((pages, lines));
        previous_keys = keys;
        if first <= page_count {
            // More pages follow: the format is decided from what the first window holds.
            run.decide(assembler.open_table())?;
        }
    }
    if let Some(t) = assembler.finish() {
        run.finished(t)?;
    }
    run.decide(None)?;
    let tail = DocumentTail { pages: page_count, tables: run.delivered, verified: run.verified, warnings: run.warnings };
    run.sink.end(&tail)?;
    Ok(tail)
}

/// Append the text of these lines to `text` while it is shorter than [`DOCUMENT_TEXT_BYTES`].
pub(super) fn add_text(text: &mut String, lines: &[Vec<TextLine>]) {
    for line in lines.iter().flatten() {
        if text.len() > DOCUMENT_TEXT_BYTES {
            break;
        }
        text.push_str(&line.text());
        text.push('\n');
    }
}

/// One document on its way through: what is carried from window to window.
struct DocumentRun<'a> {
    opts: &'a Options,
    sink: &'a mut dyn DocumentSink,
    head: DocumentHead,
    /// The number format is decided and the head delivered.
    decided: bool,
    /// The start of the document's text, for its language and the numbers in its prose.
    text: String,
    warnings: Vec<PageWarning>,
    /// Tables finished before the number format was decided, with their format evidence.
    waiting: Vec<(Table, Vec<FormatEvidence>)>,
    delivered: usize,
    verified: bool,
}

impl DocumentRun<'_> {
    /// A table is finished: read its numbers and deliver it, or keep it until the format is
    /// decided.
    fn finished(&mut self, table: Table) -> Result<()> {
        let evidence = self.evidence(&table);
        if self.decided {
            self.deliver(table, &evidence)
        } else {
            self.waiting.push((table, evidence));
            Ok(())
        }
    }

    fn evidence(&self, table: &Table) -> Vec<FormatEvidence> {
        if self.opts.locale.fixed_format().is_some() { Vec::new() } else { column_evidence_with_config(table, &self.opts.number) }
    }

    /// Decide the number format (once) from the text, the waiting tables and the table still
    /// open, deliver the head and then the waiting tables.
    fn decide(&mut self, open: Option<&Table>) -> Result<()> {
        if self.decided {
            return Ok(());
        }
        let mut evidence: Vec<Vec<FormatEvidence>> = self.waiting.iter().map(|(_, e)| e.clone()).collect();
        evidence.extend(open.map(|t| self.evidence(t)));
        (self.head.locale, self.head.language) = decide_format(&evidence, &self.text, self.opts);
        self.decided = true;
        self.sink.begin(&self.head)?;
        for (table, evidence) in std::mem::take(&mut self.waiting) {
            self.deliver(table, &evidence)?;
        }
        Ok(())
    }

    fn deliver(&mut self, table: Table, evidence: &[FormatEvidence]) -> Result<()> {
        check_deadline(self.opts)?;
        let extracted: ExtractedTable = table_numbers(table, evidence, &self.head.locale, self.head.language, self.opts);
        self.verified &= extracted.quality.verified;
        self.sink.table(self.delivered, &extracted)?;
        self.delivered += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract_document};

    /// Reading a document window by window (here two or three pages at a time, so tables continue
    /// across windows and page furniture is learnt from two windows) gives the same tables and
    /// number format as reading it whole, on every multi-page sample (only the format's
    /// confidence may differ: it is decided from the first window).
    #[test]
    fn small_windows_read_like_one_window() {
        let mut multi_page = 0;
        for (path, bytes) in crate::test_samples::sample_pdfs() {
            let whole = extract_document(bytes.clone(), &Options::default()).unwrap();
            if whole.page_count < 2 {
                continue;
            }
            multi_page += 1;
            for window_pages in [2, 3] {
                let windowed = extract_document(bytes.clone(), &Options { window_pages, ..Options::default() }).unwrap();
                let at = format!("{} in windows of {window_pages}", path.display());
                assert_eq!(format!("{:?}", windowed.tables), format!("{:?}", whole.tables), "{at}");
                assert_eq!(windowed.warnings, whole.warnings, "{at}");
                assert_eq!(windowed.locale.format, whole.locale.format, "{at}");
            }
        }
        assert!(multi_page >= 8, "multi-page samples: {multi_page}");
    }
}
