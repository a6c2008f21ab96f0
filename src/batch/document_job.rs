//! One document, isolated: its bytes through the driver into its output sinks (the
//! per-document file, its facts part), which write each table as it is final into temporary
//! files renamed into place only when the whole document succeeded. Panics are caught as
//! `internal` errors and the document's time budget is set.

use super::atomic::AtomicFile;
use super::config::BatchConfig;
use super::facts_file;
use super::inputs::InputFile;
use super::resume::output_path;
use crate::error::{Error, Result};
use crate::extract::{DocumentHead, DocumentSink, DocumentTail, ExtractedTable, Options, extract_document_into};
use crate::output::{DocumentFileSink, FactsSink, SourceInfo};
use crate::warehouse::{ParquetFiles, ParquetSink, PgDocumentSink, PgLoader, parquet_path};
use crate::memory::MemoryCeiling;
use crate::pdf::PdfBytes;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

/// What became of one document that was extracted and written.
#[derive(Debug, Clone, Copy)]
pub struct DocumentOutcome {
    /// Pages in the document.
    pub pages: usize,
    /// Tables found.
    pub tables: usize,
    /// Every table is verified.
    pub verified: bool,
}

/// Why a document has no output: the document itself (unreadable, broken, timed out), or
/// writing its output (which says something about the output location, not the document).
#[derive(Debug, Clone)]
pub enum JobError {
    /// The document failed.
    Document(Error),
    /// Its output could not be written.
    Output(Error),
    /// The warehouse sink did not take it (`sink_unavailable`, `sink_rejected`): no output was
    /// put in place and the old rows, if any, stay loaded.
    Sink(Error),
}

/// Run one document isolated: panics become `internal` errors, the time budget is enforced
/// between pages and stages, outputs appear only complete.
pub fn run_document(input: &InputFile, sha256: &str, cfg: &BatchConfig, opts: &Options) -> std::result::Result<DocumentOutcome, JobError> {
    // The ceiling counts from before the file is read: its bytes are the document's too.
    let memory_ceiling = cfg.max_memory.map(|bytes| MemoryCeiling::starting_now(bytes, opts.sequential_pages));
    let bytes = PdfBytes::read(&input.path, cfg.map_from).map_err(|e| JobError::Document(Error::Io(format!("{}: {e}", input.path.display()))))?;
    run_with_ceiling(input, bytes, sha256, cfg, opts, memory_ceiling)
}

/// [`run_document`] of bytes already read (a downloaded URL input, named by `input.path`); the
/// memory ceiling counts from here.
pub fn run_document_bytes(
    input: &InputFile,
    bytes: PdfBytes,
    sha256: &str,
    cfg: &BatchConfig,
    opts: &Options,
) -> std::result::Result<DocumentOutcome, JobError> {
    let memory_ceiling = cfg.max_memory.map(|bytes| MemoryCeiling::starting_now(bytes, opts.sequential_pages));
    run_with_ceiling(input, bytes, sha256, cfg, opts, memory_ceiling)
}

fn run_with_ceiling(
    input: &InputFile,
    bytes: PdfBytes,
    sha256: &str,
    cfg: &BatchConfig,
    opts: &Options,
    memory_ceiling: Option<MemoryCeiling>,
) -> std::result::Result<DocumentOutcome, JobError> {
    let opts = Options { deadline: Some(Instant::now() + cfg.timeout), memory_ceiling, ..opts.clone() };
    let path = input.path.display().to_string();
    let source = SourceInfo { path: &path, sha256, bytes: bytes.len() };
    let mut outputs = OutputFiles::open(input, source, cfg).map_err(JobError::Output)?;
    let run = || extract_document_into(bytes, &opts, &mut outputs);
    let tail = match catch_unwind(AssertUnwindSafe(run)) {
        Ok(Ok(tail)) => tail,
        Ok(Err(e)) if e.is_sink() => return Err(JobError::Sink(e)),
        Ok(Err(e)) => return Err(outputs.failure.take().map_or(JobError::Document(e), JobError::Output)),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            return Err(JobError::Document(Error::Internal(format!("panic while processing: {msg}"))));
        }
    };
    outputs.commit().map_err(|e| if e.is_sink() { JobError::Sink(e) } else { JobError::Output(e) })?;
    Ok(DocumentOutcome { pages: tail.pages, tables: tail.tables, verified: tail.verified })
}

/// The output sinks of one document, and the first error any of them gave.
struct OutputFiles<'a> {
    /// The per-document file: into the output directory, or held for stdout.
    document: DocumentFileSink<'a, Destination>,
    facts: Option<FactsSink<'a, AtomicFile>>,
    parquet: Option<ParquetSink<'a, AtomicFile>>,
    /// The rows for the database, and where they go.
    database: Option<(PgDocumentSink<'a>, &'a PgLoader)>,
    failure: Option<Error>,
}

/// Where the per-document file goes.
enum Destination {
    File(AtomicFile),
    /// Printed once the document is complete, so a failed document prints nothing.
    Stdout(Vec<u8>),
}

impl Write for Destination {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Destination::File(f) => f.write(buf),
            Destination::Stdout(v) => v.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Destination::File(f) => f.flush(),
            Destination::Stdout(_) => Ok(()),
        }
    }
}

impl<'a> OutputFiles<'a> {
    fn open(input: &InputFile, source: SourceInfo<'a>, cfg: &'a BatchConfig) -> Result<Self> {
        let destination = match &cfg.out_dir {
            Some(dir) => Destination::File(AtomicFile::create(&output_path(dir, input))?),
            None => Destination::Stdout(Vec::new()),
        };
        let facts = match &cfg.facts {
            Some(f) => Some(FactsSink::new(AtomicFile::create(&facts_file::part_path(f, source.sha256))?, source)),
            None => None,
        };
        let parquet = match &cfg.parquet {
            Some(dir) => {
                let file = |dataset| AtomicFile::create(&parquet_path(dir, dataset, source.sha256));
                let files = ParquetFiles { documents: file("documents")?, tables: file("tables")?, facts: file("facts")? };
                Some(ParquetSink::new(files, source)?)
            }
            None => None,
        };
        let database = cfg.sink.as_deref().map(|loader| (PgDocumentSink::new(source), loader));
        Ok(OutputFiles { document: DocumentFileSink::new(destination, source, cfg.format), facts, parquet, database, failure: None })
    }

    /// Put the complete outputs in place: the database's rows first (committed, or nothing
    /// else is put in place), then the Parquet files, then the document's file, then its facts
    /// part. The manifest line follows, so it never claims a document that is not loaded.
    fn commit(self) -> Result<()> {
        if let Some((sink, loader)) = self.database {
            let rows = sink.into_rows().ok_or_else(|| Error::Internal("database rows taken before the document ended".into()))?;
            loader.load(&rows)?;
        }
        if let Some(parquet) = self.parquet {
            let files = parquet.into_files().ok_or_else(|| Error::Internal("parquet files committed before the document ended".into()))?;
            files.documents.commit()?;
            files.tables.commit()?;
            files.facts.commit()?;
        }
        match self.document.into_inner() {
            Destination::File(f) => f.commit()?,
            Destination::Stdout(bytes) => {
                let mut stdout = std::io::stdout().lock();
                let written = stdout.write_all(&bytes).and_then(|_| stdout.write_all(b"\n")).and_then(|_| stdout.flush());
                // A reader that stops early (`| head`) is not an error of the document.
                match written {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
                    _ => {}
                }
            }
        }
        if let Some(facts) = self.facts {
            facts.into_inner().commit()?;
        }
        Ok(())
    }

    /// Feed every sink; the first error is kept as an output failure.
    fn each(&mut self, mut call: impl FnMut(&mut dyn DocumentSink) -> Result<()>) -> Result<()> {
        let mut result = call(&mut self.document);
        if result.is_ok()
            && let Some(f) = &mut self.facts
        {
            result = call(f);
        }
        if result.is_ok()
            && let Some(p) = &mut self.parquet
        {
            result = call(p);
        }
        if result.is_ok()
            && let Some((d, _)) = &mut self.database
        {
            result = call(d);
        }
        if let Err(e) = &result
            && !e.is_sink()
        {
            self.failure.get_or_insert_with(|| e.clone());
        }
        result
    }
}

impl DocumentSink for OutputFiles<'_> {
    fn begin(&mut self, head: &DocumentHead) -> Result<()> {
        self.each(|s| s.begin(head))
    }
    fn table(&mut self, index: usize, table: &ExtractedTable) -> Result<()> {
        self.each(|s| s.table(index, table))
    }
    fn end(&mut self, tail: &DocumentTail) -> Result<()> {
        self.each(|s| s.end(tail))
    }
}
