//! The driver's output side: a [`DocumentSink`] receives a document as it is extracted — its
//! head (page count, number format) once, then each table as it is final, then its tail
//! (page warnings, totals). Output formats (document JSON, grid JSON, facts, warehouse
//! loaders) implement it, so none of them needs the whole document in memory.
//!
//! When extraction fails part-way the driver returns the error; the caller then discards the
//! sink (a file sink deletes its temporary file, a database sink rolls back), so a sink never
//! has to undo anything itself.

use super::model::{ExtractedDocument, ExtractedTable, PageWarning};
use crate::error::Result;
use crate::number::{LanguageHint, LocaleGuess};

/// What is known of a document before its first table.
#[derive(Debug, Clone)]
pub struct DocumentHead {
    /// Pages in the PDF.
    pub page_count: usize,
    /// The `/Producer` of the PDF's info dictionary.
    pub producer: Option<String>,
    /// The document's number format (guessed, or fixed by [`super::Locale`]).
    pub locale: LocaleGuess,
    /// The language of the document's text, as far as it informs number formats.
    pub language: LanguageHint,
}

/// What is known of a document once its last page is read.
#[derive(Debug, Clone)]
pub struct DocumentTail {
    /// Pages in the PDF.
    pub pages: usize,
    /// Page-level problems that did not stop the document.
    pub warnings: Vec<PageWarning>,
    /// Tables delivered.
    pub tables: usize,
    /// Every delivered table is verified (true when there were none).
    pub verified: bool,
}

/// Receives one document from the driver: [`begin`](Self::begin) once, then
/// [`table`](Self::table) for each table in reading order (`index` counts from 0, the JSON id
/// is `t{index + 1}`), then [`end`](Self::end) once. An error from any call stops the document.
pub trait DocumentSink {
    /// The document's head, before any table.
    fn begin(&mut self, head: &DocumentHead) -> Result<()>;
    /// One finished table.
    fn table(&mut self, index: usize, table: &ExtractedTable) -> Result<()>;
    /// The document's tail, after the last table.
    fn end(&mut self, tail: &DocumentTail) -> Result<()>;
}

/// Several sinks fed together, in order.
impl DocumentSink for Vec<&mut dyn DocumentSink> {
    fn begin(&mut self, head: &DocumentHead) -> Result<()> {
        self.iter_mut().try_for_each(|s| s.begin(head))
    }
    fn table(&mut self, index: usize, table: &ExtractedTable) -> Result<()> {
        self.iter_mut().try_for_each(|s| s.table(index, table))
    }
    fn end(&mut self, tail: &DocumentTail) -> Result<()> {
        self.iter_mut().try_for_each(|s| s.end(tail))
    }
}

/// Collecting the whole document in memory is one sink among others (for the library API,
/// tests and `inspect`).
impl DocumentSink for ExtractedDocument {
    fn begin(&mut self, head: &DocumentHead) -> Result<()> {
        self.page_count = head.page_count;
        self.producer = head.producer.clone();
        self.locale = head.locale;
        self.language = head.language;
        Ok(())
    }
    fn table(&mut self, _index: usize, table: &ExtractedTable) -> Result<()> {
        self.tables.push(table.clone());
        Ok(())
    }
    fn end(&mut self, tail: &DocumentTail) -> Result<()> {
        self.warnings = tail.warnings.clone();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Options, extract_document, extract_document_into};

    /// A sink that records the order of calls.
    #[derive(Default)]
    struct CallLog(Vec<String>);

    impl DocumentSink for CallLog {
        fn begin(&mut self, head: &DocumentHead) -> Result<()> {
            self.0.push(format!("begin {}", head.page_count));
            Ok(())
        }
        fn table(&mut self, index: usize, _table: &ExtractedTable) -> Result<()> {
            self.0.push(format!("table {index}"));
            Ok(())
        }
        fn end(&mut self, tail: &DocumentTail) -> Result<()> {
            self.0.push(format!("end {}", tail.tables));
            Ok(())
        }
    }

    #[test]
    fn sinks_see_the_same_document_as_the_collector() {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/vi_pl02_mtqg_wide_ruled.pdf")).unwrap();
        let whole = extract_document(bytes.clone(), &Options::default()).unwrap();
        let (mut log, mut collected) = (CallLog::default(), ExtractedDocument::empty());
        let mut both: Vec<&mut dyn DocumentSink> = vec![&mut log, &mut collected];
        let tail = extract_document_into(bytes, &Options::default(), &mut both).unwrap();
        assert!(!whole.tables.is_empty());
        assert_eq!(tail.tables, whole.tables.len());
        let mut expected = vec![format!("begin {}", whole.page_count)];
        expected.extend((0..whole.tables.len()).map(|k| format!("table {k}")));
        expected.push(format!("end {}", whole.tables.len()));
        assert_eq!(log.0, expected);
        assert_eq!(format!("{collected:?}"), format!("{whole:?}"));
    }
}
