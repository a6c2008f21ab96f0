//! `--parquet DIR`: a document's `documents`, `tables` and `facts` rows as three Parquet files
//! (snappy, values `DECIMAL(38,10)`). Facts are written in row groups of at most
//! [`ROW_GROUP_FACTS`] as tables arrive, so a long document does not hold all its facts;
//! the small `documents` and `tables` files are written when the document ends. The caller
//! gives the three writers (temporary files) and renames them into place only when the
//! whole document succeeded.

use super::parquet_columns::{RowGroupColumns, parquet_error};
use super::parquet_schema;
use super::rows::{DocumentRow, TableRow, document_row, table_rows};
use crate::error::{Error, Result};
use crate::extract::{DocumentHead, DocumentSink, DocumentTail, ExtractedTable};
use crate::output::{FactRecord, SourceInfo};
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use std::io::Write;
use std::sync::Arc;

/// Facts buffered before they are written as one row group.
pub const ROW_GROUP_FACTS: usize = 65_536;

/// The three files of one document.
pub struct ParquetFiles<W> {
    /// `documents/doc=<sha256>.parquet`.
    pub documents: W,
    /// `tables/doc=<sha256>.parquet`.
    pub tables: W,
    /// `facts/doc=<sha256>.parquet`.
    pub facts: W,
}

/// Writes one document into three Parquet files.
pub struct ParquetSink<'a, W: Write + Send> {
    source: SourceInfo<'a>,
    head: Option<DocumentHead>,
    facts: Option<SerializedFileWriter<W>>,
    pending: Vec<FactRecord>,
    fact_count: usize,
    tables: Vec<TableRow>,
    documents_out: Option<W>,
    tables_out: Option<W>,
    finished: Option<ParquetFiles<W>>,
}

fn writer<W: Write + Send>(out: W, schema: &str) -> Result<SerializedFileWriter<W>> {
    let schema = parse_message_type(schema).map_err(|e| Error::Internal(format!("parquet schema: {e}")))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("tablelift {}", env!("CARGO_PKG_VERSION")))
        .build();
    SerializedFileWriter::new(out, Arc::new(schema), Arc::new(props)).map_err(|e| parquet_error("parquet", e))
}

impl<'a, W: Write + Send> ParquetSink<'a, W> {
    /// A sink writing the document `source` into `files`.
    pub fn new(files: ParquetFiles<W>, source: SourceInfo<'a>) -> Result<Self> {
        Ok(ParquetSink {
            source,
            head: None,
            facts: Some(writer(files.facts, parquet_schema::FACTS)?),
            pending: Vec::new(),
            fact_count: 0,
            tables: Vec::new(),
            documents_out: Some(files.documents),
            tables_out: Some(files.tables),
            finished: None,
        })
    }

    /// The three complete files, once [`DocumentSink::end`] succeeded.
    pub fn into_files(self) -> Option<ParquetFiles<W>> {
        self.finished
    }

    fn flush_facts(&mut self) -> Result<()> {
        let (Some(w), false) = (&mut self.facts, self.pending.is_empty()) else { return Ok(()) };
        let group = w.next_row_group().map_err(|e| parquet_error("facts parquet", e))?;
        let mut c = RowGroupColumns::new(group, "facts parquet");
        let f = &self.pending;
        c.strings(f.iter().map(|_| self.source.sha256))?;
        c.strings(f.iter().map(|_| self.source.path))?;
        c.strings(f.iter().map(|r| r.table.as_str()))?;
        c.ints(f.iter().map(|r| super::rows::int(r.page)))?;
        c.ints(f.iter().map(|r| super::rows::int(r.row)))?;
        c.ints(f.iter().map(|r| super::rows::int(r.col)))?;
        c.opt_strings(f.iter().map(|r| r.row_label.as_deref()))?;
        c.string_lists(f.iter().map(|r| r.row_path.as_slice()))?;
        c.strings(f.iter().map(|r| r.row_text.as_str()))?;
        c.string_lists(f.iter().map(|r| r.column_path.as_slice()))?;
        c.strings(f.iter().map(|r| r.text.as_str()))?;
        c.decimals(f.iter().map(|r| r.value))?;
        c.bools(f.iter().map(|r| r.percent))?;
        c.opt_strings(f.iter().map(|r| r.unit.as_deref()))?;
        c.opt_decimals(f.iter().map(|r| r.multiplier))?;
        c.opt_decimals(f.iter().map(|r| r.scaled_value))?;
        c.bools(f.iter().map(|r| r.verified))?;
        c.close()?;
        self.pending.clear();
        Ok(())
    }
}

fn write_tables<W: Write + Send>(out: W, sha256: &str, rows: &[TableRow]) -> Result<W> {
    let mut w = writer(out, parquet_schema::TABLES)?;
    if !rows.is_empty() {
        let group = w.next_row_group().map_err(|e| parquet_error("tables parquet", e))?;
        let mut c = RowGroupColumns::new(group, "tables parquet");
        c.strings(rows.iter().map(|_| sha256))?;
        c.strings(rows.iter().map(|r| r.table.as_str()))?;
        c.int_lists(rows.iter().map(|r| r.pages.as_slice()))?;
        c.opt_strings(rows.iter().map(|r| r.title.as_deref()))?;
        c.opt_strings(rows.iter().map(|r| r.unit.as_deref()))?;
        c.opt_decimals(rows.iter().map(|r| r.unit_multiplier))?;
        c.strings(rows.iter().map(|r| r.method.as_str()))?;
        c.ints(rows.iter().map(|r| r.header_rows))?;
        c.ints(rows.iter().map(|r| r.rows))?;
        c.ints(rows.iter().map(|r| r.cols))?;
        c.strings(rows.iter().map(|r| r.header_paths.as_str()))?;
        c.ints(rows.iter().map(|r| r.checks_passed))?;
        c.ints(rows.iter().map(|r| r.checks_failed))?;
        c.ints(rows.iter().map(|r| r.structure_warnings))?;
        c.bools(rows.iter().map(|r| r.verified))?;
        c.ints(rows.iter().map(|r| r.facts))?;
        c.close()?;
    }
    w.into_inner().map_err(|e| parquet_error("tables parquet", e))
}

fn write_document<W: Write + Send>(out: W, d: &DocumentRow) -> Result<W> {
    let mut w = writer(out, parquet_schema::DOCUMENTS)?;
    let group = w.next_row_group().map_err(|e| parquet_error("documents parquet", e))?;
    let mut c = RowGroupColumns::new(group, "documents parquet");
    c.strings(std::iter::once(d.doc_sha256.as_str()))?;
    c.strings(std::iter::once(d.path.as_str()))?;
    c.ints(std::iter::once(d.bytes))?;
    c.ints(std::iter::once(d.pages))?;
    c.opt_strings(std::iter::once(d.producer.as_deref()))?;
    c.strings(std::iter::once(d.locale_decimal.as_str()))?;
    c.opt_strings(std::iter::once(d.locale_group.as_deref()))?;
    c.opt_strings(std::iter::once(d.language.as_deref()))?;
    c.ints(std::iter::once(d.tables))?;
    c.ints(std::iter::once(d.facts))?;
    c.bools(std::iter::once(d.verified))?;
    c.ints(std::iter::once(d.page_warnings))?;
    c.strings(std::iter::once(d.tablelift_version.as_str()))?;
    c.close()?;
    w.into_inner().map_err(|e| parquet_error("documents parquet", e))
}

impl<W: Write + Send> DocumentSink for ParquetSink<'_, W> {
    fn begin(&mut self, head: &DocumentHead) -> Result<()> {
        self.head = Some(head.clone());
        Ok(())
    }

    fn table(&mut self, index: usize, table: &ExtractedTable) -> Result<()> {
        let (row, facts) = table_rows(index, table)?;
        self.fact_count += facts.len();
        self.tables.push(row);
        self.pending.extend(facts);
        if self.pending.len() >= ROW_GROUP_FACTS {
            self.flush_facts()?;
        }
        Ok(())
    }

    fn end(&mut self, tail: &DocumentTail) -> Result<()> {
        self.flush_facts()?;
        let head = self.head.as_ref().ok_or_else(|| Error::Internal("parquet sink: end before begin".into()))?;
        let document = document_row(&self.source, head, tail, self.fact_count);
        let (Some(facts), Some(tables_out), Some(documents_out)) = (self.facts.take(), self.tables_out.take(), self.documents_out.take()) else {
            return Err(Error::Internal("parquet sink: end called twice".into()));
        };
        let facts = facts.into_inner().map_err(|e| parquet_error("facts parquet", e))?;
        let tables = write_tables(tables_out, self.source.sha256, &self.tables)?;
        let documents = write_document(documents_out, &document)?;
        self.finished = Some(ParquetFiles { documents, tables, facts });
        Ok(())
    }
}
