//! One URL input in the batch: fetched by the worker that processes it (conditionally when its
//! last output is on disk), settled as `unchanged` when the server answers 304 or the bytes have
//! the last run's sha256 (no extraction, output untouched), else kept under `--keep-pdfs` and
//! handed to the same document job as a file; its fetch state is recorded once its output is
//! written.

use super::Shared;
use crate::batch::fetch_state::{FetchState, UrlState};
use crate::batch::atomic::write_atomic;
use crate::batch::document_job::{JobError, run_document_bytes};
use crate::batch::manifest::{ManifestLine, Status};
use crate::batch::plan::WorkItem;
use crate::batch::resume::output_path;
use crate::error::{Error, Result};
use crate::pdf::PdfBytes;
use crate::fetch::{Conditional, Downloaded, FetchOutcome, FetchRecord, FetchUrl, Fetcher};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What the workers share for URL inputs.
pub(super) struct UrlContext {
    pub fetcher: Fetcher,
    /// The output directory's fetch state (none without `--out`: every fetch is unconditional).
    pub state: Option<FetchState>,
    pub keep_pdfs: Option<PathBuf>,
}

impl Shared<'_> {
    /// Fetch, maybe extract, and write one URL input; its manifest line.
    pub(super) fn process_url(&self, item: &WorkItem, url: &FetchUrl, ctx: &UrlContext) -> ManifestLine {
        let input = &self.inputs[item.input];
        let start = Instant::now();
        let path = input.path.display().to_string();
        let output = self.cfg.out_dir.as_ref().map(|d| output_path(d, input));
        let on_disk = output.as_ref().is_some_and(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 0));
        let known = ctx.state.as_ref().and_then(|s| s.get(&path)).filter(|_| on_disk);
        let cond = known.map_or_else(Conditional::default, |k| Conditional { etag: k.etag.clone(), last_modified: k.last_modified.clone() });
        let (mut record, result) = ctx.fetcher.fetch(url, &cond);
        let ms = || start.elapsed().as_millis() as u64;
        let failed = |record: FetchRecord, sha: String, e: &Error| ManifestLine { fetch: Some(record), ..ManifestLine::failed(path.clone(), sha, e, ms()) };
        let downloaded = match (result, known) {
            (Err(e), _) => {
                // A download that filled the disk stops the batch like any output write.
                if e.code() == "no_space" {
                    self.note_write_error(e.clone());
                }
                return failed(record, String::new(), &e);
            }
            (Ok(FetchOutcome::NotModified), Some(k)) => {
                record.etag = record.etag.or_else(|| k.etag.clone());
                record.last_modified = record.last_modified.or_else(|| k.last_modified.clone());
                record.bytes = Some(k.bytes);
                return self.unchanged(ctx, item.input, k, record, ms());
            }
            (Ok(FetchOutcome::NotModified), None) => {
                let e = Error::HttpError("304 Not Modified without a known copy".into());
                return failed(record, String::new(), &e);
            }
            (Ok(FetchOutcome::Downloaded(d)), Some(k)) if d.sha256 == k.sha256 => {
                if let Err(e) = keep_pdf(ctx.keep_pdfs.as_deref(), &d) {
                    self.note_write_error(e.clone());
                    return failed(record, d.sha256.clone(), &e);
                }
                return self.unchanged(ctx, item.input, k, record, ms());
            }
            (Ok(FetchOutcome::Downloaded(d)), _) => d,
        };
        let sha = downloaded.sha256.clone();
        if let Err(e) = keep_pdf(ctx.keep_pdfs.as_deref(), &downloaded) {
            self.note_write_error(e.clone());
            return failed(record, sha, &e);
        }
        // Mapped when big, like a file input (the mapping outlives the temporary file's name).
        let bytes = match PdfBytes::read(downloaded.file.path(), self.cfg.map_from) {
            Ok(b) => b,
            Err(e) => return failed(record, sha, &Error::from_io("download", &e)),
        };
        drop(downloaded);
        let line = match run_document_bytes(input, bytes, &sha, self.cfg, &self.opts) {
            Ok(out) => {
                let ok = ManifestLine { fetch: Some(record.clone()), ..ManifestLine::ok(path.clone(), sha.clone(), out.pages, out.tables, ms()) };
                if self.cfg.require_verified && !out.verified { ManifestLine { status: Status::Unverified, ..ok } } else { ok }
            }
            Err(JobError::Output(e)) => {
                self.note_write_error(e.clone());
                failed(record.clone(), sha.clone(), &e)
            }
            Err(JobError::Sink(e)) => failed(record.clone(), sha.clone(), &e),
            Err(JobError::Document(e)) => {
                // A new version that fails keeps the last good output (and the state that
                // describes it); only a URL with no earlier output gets a failure file.
                if known.is_none() {
                    self.write_failure_file(input, &path, &sha, &e);
                }
                failed(record.clone(), sha.clone(), &e)
            }
        };
        self.note_url_digest(item.input, &sha);
        if matches!(line.status, Status::Ok | Status::Unverified)
            && let Some(state) = &ctx.state
        {
            let new = UrlState {
                url: path.clone(),
                sha256: sha,
                bytes: record.bytes.unwrap_or(0),
                etag: record.etag,
                last_modified: record.last_modified,
                pages: line.pages,
                tables: line.tables,
            };
            if let Err(e) = state.record(&new) {
                self.note_write_error(e.clone());
                return failed(line.fetch.unwrap_or_default(), new.sha256, &e);
            }
        }
        line
    }

    /// The line of an unchanged URL input; its state is recorded again when the server sent
    /// new validators.
    fn unchanged(&self, ctx: &UrlContext, input: usize, known: &UrlState, record: FetchRecord, ms: u64) -> ManifestLine {
        self.note_url_digest(input, &known.sha256);
        let line = ManifestLine {
            status: Status::Unchanged,
            fetch: Some(record.clone()),
            ..ManifestLine::ok(known.url.clone(), known.sha256.clone(), known.pages, known.tables, ms)
        };
        if (record.etag != known.etag || record.last_modified != known.last_modified)
            && let Some(state) = &ctx.state
        {
            let new = UrlState { etag: record.etag.clone(), last_modified: record.last_modified.clone(), ..known.clone() };
            if let Err(e) = state.record(&new) {
                self.note_write_error(e.clone());
                return ManifestLine { fetch: Some(record), ..ManifestLine::failed(known.url.clone(), known.sha256.clone(), &e, ms) };
            }
        }
        line
    }
}

/// Keep the downloaded bytes as `<dir>/<sha256>.pdf` (content-addressed: the same bytes are
/// stored once, whatever URL served them).
fn keep_pdf(dir: Option<&Path>, d: &Downloaded) -> Result<()> {
    let Some(dir) = dir else { return Ok(()) };
    let target = dir.join(format!("{}.pdf", d.sha256));
    if std::fs::metadata(&target).is_ok_and(|m| m.len() == d.bytes) {
        return Ok(());
    }
    write_atomic(&target, &d.read()?)
}
