//! The per-document file written as the driver hands over tables ([`DocumentFileSink`]): the
//! head goes out before the first table, each table as soon as it is final, the tail last, so
//! memory does not grow with the number of tables. The bytes equal those of serializing the
//! whole [`crate::output::DocumentJson`] (or [`crate::output::GridDocument`]) at once: the
//! parts around the table list are cut from that same serialization of a document with no
//! tables.

use super::document::{DocumentJson, LocaleJson, SourceJson, WarningJson, language_code, table_json};
use super::grid::{GridDocument, grid_table};
use super::{OutputFormat, SourceInfo};
use crate::error::{Error, Result};
use crate::extract::{DocumentHead, DocumentSink, DocumentTail, ExtractedTable};
use std::io::Write;

/// Where the table list sits in pretty document JSON (strings never hold a raw newline, so
/// this occurs once).
const PRETTY_TABLES: &str = "\n  \"tables\": []";
/// Where the table list sits in compact document or grid JSON.
const COMPACT_TABLES: &str = "\"tables\":[]";

/// Writes one document's file in `format` to `out` as tables arrive.
pub struct DocumentFileSink<'a, W: Write> {
    out: W,
    source: SourceInfo<'a>,
    format: OutputFormat,
    head: Option<DocumentHead>,
    tables: usize,
}

impl<'a, W: Write> DocumentFileSink<'a, W> {
    /// A sink writing the file of the document `source` to `out`.
    pub fn new(out: W, source: SourceInfo<'a>, format: OutputFormat) -> Self {
        DocumentFileSink { out, source, format, head: None, tables: 0 }
    }

    /// The writer, once the document is complete.
    pub fn into_inner(self) -> W {
        self.out
    }

    /// The whole file of a document without tables, split around its empty table list:
    /// everything up to and including the list's opening bracket, and everything from its
    /// closing bracket on.
    fn frame(&self, warnings: &[crate::extract::PageWarning]) -> Result<(String, String)> {
        let head = self.head.as_ref().ok_or_else(|| Error::Internal("document sink: table before begin".into()))?;
        let (text, marker) = match self.format {
            OutputFormat::Json | OutputFormat::PrettyJson => {
                let doc = DocumentJson {
                    schema_version: "1",
                    source: SourceJson::new(&self.source, head.page_count, head.producer.clone()),
                    status: "ok",
                    locale: Some(LocaleJson::new(&head.locale, language_code(head.language))),
                    tables: Vec::new(),
                    warnings: warnings.iter().map(WarningJson::from).collect(),
                    error: None,
                };
                if self.format == OutputFormat::Json {
                    (serde_json::to_string(&doc), COMPACT_TABLES)
                } else {
                    (serde_json::to_string_pretty(&doc), PRETTY_TABLES)
                }
            }
            OutputFormat::Grid => (serde_json::to_string(&GridDocument { error: None, tables: Vec::new() }), COMPACT_TABLES),
        };
        let text = text.map_err(|e| Error::Internal(e.to_string()))?;
        let at = text.find(marker).ok_or_else(|| Error::Internal("document sink: no table list in the document frame".into()))?;
        let open = at + marker.len() - 1;
        Ok((text[..open].to_string(), text[open..].to_string()))
    }
}

/// `text` with every line after the first indented by `indent` spaces.
fn indented(text: &str, indent: usize) -> String {
    text.replace('\n', &format!("\n{}", " ".repeat(indent)))
}

impl<W: Write> DocumentSink for DocumentFileSink<'_, W> {
    fn begin(&mut self, head: &DocumentHead) -> Result<()> {
        self.head = Some(head.clone());
        let (open, _) = self.frame(&[])?;
        self.out.write_all(open.as_bytes())?;
        Ok(())
    }

    fn table(&mut self, index: usize, table: &ExtractedTable) -> Result<()> {
        let sep = if self.tables == 0 { "" } else { "," };
        let text = match self.format {
            OutputFormat::Json => serde_json::to_string(&table_json(index, table)).map(|t| format!("{sep}{t}")),
            OutputFormat::PrettyJson => {
                let sep = if self.tables == 0 { "\n    " } else { ",\n    " };
                serde_json::to_string_pretty(&table_json(index, table)).map(|t| format!("{sep}{}", indented(&t, 4)))
            }
            OutputFormat::Grid => serde_json::to_string(&grid_table(table)).map(|t| format!("{sep}{t}")),
        }
        .map_err(|e| Error::Internal(e.to_string()))?;
        self.out.write_all(text.as_bytes())?;
        self.tables += 1;
        Ok(())
    }

    fn end(&mut self, tail: &DocumentTail) -> Result<()> {
        let (_, close) = self.frame(&tail.warnings)?;
        if self.tables > 0 && self.format == OutputFormat::PrettyJson {
            self.out.write_all(b"\n  ")?;
        }
        self.out.write_all(close.as_bytes())?;
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{ExtractedDocument, Options, extract_document_into};
    use crate::output::serialize_document;

    /// Streaming each sample (tables, no tables, several tables) gives the bytes of
    /// serializing the whole document, in both formats.
    #[test]
    fn streamed_file_equals_whole_serialization() {
        let mut seen_tables = 0;
        for (path, bytes) in crate::test_samples::sample_pdfs() {
            let source = SourceInfo { path: "x.pdf", sha256: "ab", bytes: bytes.len() };
            for format in [OutputFormat::Json, OutputFormat::PrettyJson, OutputFormat::Grid] {
                let mut whole = ExtractedDocument::empty();
                let mut file = DocumentFileSink::new(Vec::new(), source, format);
                let mut both: Vec<&mut dyn DocumentSink> = vec![&mut whole, &mut file];
                extract_document_into(bytes.clone(), &Options::default(), &mut both).unwrap();
                seen_tables += whole.tables.len();
                let expected = serialize_document(&whole, &source, format).unwrap();
                let streamed = file.into_inner();
                assert_eq!(String::from_utf8_lossy(&streamed), String::from_utf8_lossy(&expected), "{} {format:?}", path.display());
            }
        }
        assert!(seen_tables > 10, "the samples hold tables");
    }
}
