//! The batch run: plan the inputs, then extract the documents in parallel (largest first,
//! from a shared queue), each isolated, writing outputs atomically and one manifest line per
//! input as it finishes. The output directory is locked for the run (`lock`); URL inputs are
//! fetched by the worker that takes them (`url_job`); a full disk stops the batch after the
//! documents in flight.

use super::atomic::{remove_stale_temp_files, write_atomic};
use super::config::{BatchConfig, BatchSummary};
use super::events::{Event, emit};
use super::fetch_state::FetchState;
use super::lock::DirLock;
use super::document_job::{JobError, run_document};
use super::facts_file;
use super::inputs::InputFile;
use super::manifest::{ManifestLine, ManifestWriter, Status, read_manifest};
use super::plan::{WorkItem, plan_batch};
use super::progress::Progress;
use super::resume::{Delivered, output_path, prepare_manifest};
use crate::error::{Error, Result};
use crate::extract::Options;
use crate::output::{SourceInfo, serialize_failure};
use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

/// Process a list of inputs. Returns the summary; errors only for problems with the output
/// location (bad usage, or a write that failed), never for a bad document.
pub fn run_batch(inputs: &[InputFile], cfg: &BatchConfig, opts: &Options) -> Result<BatchSummary> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.jobs.max(1))
        .build()
        .map_err(|e| Error::Internal(format!("thread pool: {e}")))?;
    pool.install(|| run_in_pool(inputs, cfg, opts))
}

/// What the workers share while a batch runs.
struct Shared<'a> {
    inputs: &'a [InputFile],
    cfg: &'a BatchConfig,
    opts: Options,
    manifest: Option<Mutex<ManifestWriter>>,
    progress: Progress,
    tally: Mutex<BatchSummary>,
    /// The first error writing an output or the manifest.
    write_error: Mutex<Option<Error>>,
    /// Set on a full disk: no new document starts.
    stop: AtomicBool,
    /// Fetching URL inputs (when there are any).
    urls: Option<UrlContext>,
    /// (input index, sha256) of the URL inputs fetched, for the facts file.
    url_digests: Mutex<Vec<(usize, String)>>,
}

#[path = "url_job.rs"]
mod url_job;
use url_job::UrlContext;

fn run_in_pool(inputs: &[InputFile], cfg: &BatchConfig, opts: &Options) -> Result<BatchSummary> {
    if let Some(loader) = &cfg.sink {
        match loader.prepare() {
            // A refused login or a missing database: nothing can be loaded, a usage error.
            Err(e) if e.code() == "sink_rejected" => return Err(e),
            // A server that is down: each document says so in the manifest; --resume loads
            // them once it is back.
            Err(e) if !cfg.log_json => {
                eprintln!("tablelift: {e} (documents are recorded as failed with sink_unavailable; run again with --resume once the database is up)")
            }
            _ => {}
        }
    }
    let mut done = HashSet::new();
    let mut manifest = None;
    let mut _lock = None;
    if let Some(dir) = &cfg.out_dir {
        std::fs::create_dir_all(dir).map_err(|e| Error::Io(format!("{}: {e}", dir.display())))?;
        _lock = Some(DirLock::acquire(dir, cfg.wait_lock)?);
        remove_stale_temp_files(dir);
        let path = dir.join("manifest.ndjson");
        let loaded = if cfg.resume { loaded_documents(cfg, &path)? } else { None };
        let delivered = Delivered { parquet: cfg.parquet.as_deref(), loaded: loaded.as_ref() };
        done = prepare_manifest(&path, dir, inputs, cfg.resume, &delivered)?;
        manifest = Some(Mutex::new(ManifestWriter::open(&path)?));
    }
    if let Some(f) = &cfg.facts {
        facts_file::prepare_parts(f)?;
    }
    if let Some(dir) = &cfg.parquet {
        std::fs::create_dir_all(dir).map_err(|e| Error::from_io(dir.display(), &e))?;
        remove_stale_temp_files(dir);
    }
    let urls = url_context(inputs, cfg)?;
    let plan = plan_batch(inputs, cfg.shard, &done);
    if cfg.log_json {
        plan.settled.iter().for_each(|l| emit(&Event::Document(l)));
    }
    match &manifest {
        Some(m) => {
            let mut w = m.lock().map_err(|_| Error::Internal("manifest lock poisoned".into()))?;
            for l in &plan.settled {
                w.append(l)?;
            }
        }
        None => {
            for l in plan.settled.iter().filter(|l| l.status == Status::Failed && !cfg.log_json) {
                eprintln!("tablelift: {}: {}", l.path, l.error.as_deref().unwrap_or(""));
            }
        }
    }
    let shared = Shared {
        inputs,
        cfg,
        // With several documents, each worker reads its document's pages itself.
        opts: Options { sequential_pages: plan.work.len() > 1, ..opts.clone() },
        manifest,
        progress: Progress::new(plan.work.len() as u64, cfg.quiet || cfg.log_json),
        tally: Mutex::new(BatchSummary::default()),
        write_error: Mutex::new(None),
        stop: AtomicBool::new(false),
        urls,
        url_digests: Mutex::new(Vec::new()),
    };
    let next = AtomicUsize::new(0);
    rayon::scope(|scope| {
        for _ in 0..rayon::current_num_threads() {
            scope.spawn(|_| {
                while !shared.stop.load(Ordering::Relaxed)
                    && let Some(item) = plan.work.get(next.fetch_add(1, Ordering::Relaxed))
                {
                    shared.process(item);
                }
            });
        }
    });
    shared.progress.finish();
    let tally = shared.tally.into_inner().unwrap_or_default();
    if let Some(e) = shared.write_error.into_inner().ok().flatten() {
        match e.code() {
            "io" => return Err(e),
            "no_space" => return Err(stopped_for_space(cfg, &e, &tally, plan.work.len())),
            _ => {}
        }
    }
    let mut digests = plan.digests;
    for (i, sha) in shared.url_digests.into_inner().unwrap_or_default() {
        digests[i] = Some(sha);
    }
    // URL inputs skipped by --resume: their sha256 is in the fetch state.
    if let Some(state) = shared.urls.as_ref().and_then(|u| u.state.as_ref()) {
        for (f, digest) in inputs.iter().zip(digests.iter_mut()) {
            if f.url.is_some() && digest.is_none() {
                *digest = state.get(&f.path.display().to_string()).map(|s| s.sha256.clone());
            }
        }
    }
    let mut summary = plan.summary;
    summary.ok += tally.ok;
    summary.failed += tally.failed;
    summary.unverified += tally.unverified;
    summary.pages += tally.pages;
    summary.tables += tally.tables;
    summary.unchanged += tally.unchanged;
    if let Some(f) = &cfg.facts {
        facts_file::join_parts(f, &digests)?;
    }
    Ok(summary)
}

/// For `--resume --sink`: which documents the manifest calls written are in the database
/// (those that are not, say from a run without `--sink`, are redone). `None` without a sink,
/// or when the database cannot be asked (the manifest is trusted then).
fn loaded_documents(cfg: &BatchConfig, manifest: &std::path::Path) -> Result<Option<HashSet<String>>> {
    let Some(loader) = &cfg.sink else { return Ok(None) };
    let shas: Vec<String> = read_manifest(manifest)?.into_iter().filter(|l| matches!(l.status, Status::Ok | Status::Unverified | Status::Unchanged)).map(|l| l.sha256).collect();
    Ok(loader.loaded(&shas).ok())
}

/// The fetcher and fetch state, when some input is a URL; downloads go to a temporary file in
/// the output directory (else the system's temporary directory).
fn url_context(inputs: &[InputFile], cfg: &BatchConfig) -> Result<Option<UrlContext>> {
    if inputs.iter().all(|f| f.url.is_none()) {
        return Ok(None);
    }
    let mut fetch = cfg.fetch.clone();
    if let Some(dir) = &cfg.out_dir {
        fetch.temp_dir = dir.clone();
    }
    if let Some(keep) = &cfg.keep_pdfs {
        std::fs::create_dir_all(keep).map_err(|e| Error::from_io(keep.display(), &e))?;
    }
    let state = cfg.out_dir.as_deref().map(FetchState::open).transpose()?;
    Ok(Some(UrlContext { fetcher: crate::fetch::Fetcher::new(fetch), state, keep_pdfs: cfg.keep_pdfs.clone() }))
}

/// The one message of a batch stopped by a full disk.
fn stopped_for_space(cfg: &BatchConfig, e: &Error, tally: &BatchSummary, planned: usize) -> Error {
    let settled = tally.ok + tally.unverified + tally.failed + tally.unchanged;
    let place = cfg.out_dir.as_ref().map(|d| format!("writing into {}: ", d.display())).unwrap_or_default();
    Error::NoSpace(format!(
        "{place}{} — the batch stopped after {settled} of {planned} documents; no manifest line was cut; free space and run again with --resume",
        e.to_string().trim_start_matches("no_space: ")
    ))
}

impl Shared<'_> {
    /// Extract one document, write its outputs and record its manifest line.
    fn process(&self, item: &WorkItem) {
        let input = &self.inputs[item.input];
        if let (Some(url), Some(ctx)) = (&input.url, &self.urls) {
            let line = self.process_url(item, url, ctx);
            return self.settle(line);
        }
        let start = Instant::now();
        let result = run_document(input, &item.sha256, self.cfg, &self.opts);
        let ms = start.elapsed().as_millis() as u64;
        let path = input.path.display().to_string();
        let line = match result {
            Ok(out) => {
                let line = ManifestLine::ok(path, item.sha256.clone(), out.pages, out.tables, ms);
                if self.cfg.require_verified && !out.verified { ManifestLine { status: Status::Unverified, ..line } } else { line }
            }
            Err(JobError::Output(e)) => {
                self.note_write_error(e.clone());
                ManifestLine::failed(path, item.sha256.clone(), &e, ms)
            }
            Err(JobError::Document(e)) => {
                self.write_failure_file(input, &path, &item.sha256, &e);
                ManifestLine::failed(path, item.sha256.clone(), &e, ms)
            }
            Err(JobError::Sink(e)) => ManifestLine::failed(path, item.sha256.clone(), &e, ms),
        };
        self.settle(line);
    }

    /// Count a document's line, show it, and append it to the manifest.
    fn settle(&self, line: ManifestLine) {
        if let Ok(mut t) = self.tally.lock() {
            match line.status {
                Status::Ok => t.ok += 1,
                Status::Unverified => t.unverified += 1,
                Status::Unchanged => t.unchanged += 1,
                Status::Failed | Status::Duplicate => t.failed += 1,
            }
            t.pages += line.pages;
            t.tables += line.tables;
            self.progress.document_done(line.pages, line.tables, line.status == Status::Failed);
        }
        if self.cfg.log_json {
            emit(&Event::Document(&line));
        } else if line.status == Status::Failed
            && line.error_code.as_deref() != Some("no_space")
            && (self.manifest.is_none() || !self.progress.is_visible())
        {
            eprintln!("tablelift: {}: {}", line.path, line.error.as_deref().unwrap_or(""));
        }
        if let Some(m) = &self.manifest
            && let Ok(mut w) = m.lock()
            && let Err(e) = w.append(&line)
        {
            self.note_write_error(e);
        }
    }

    /// A failed document still gets its output file, saying what went wrong.
    fn write_failure_file(&self, input: &InputFile, path: &str, sha256: &str, err: &Error) {
        if let Some(dir) = &self.cfg.out_dir {
            let bytes = std::fs::metadata(&input.path).map_or(0, |m| m.len() as usize);
            let source = SourceInfo { path, sha256, bytes };
            if let Ok(file) = serialize_failure(&source, err, self.cfg.format) {
                let _ = write_atomic(&output_path(dir, input), &file);
            }
        }
    }

    fn note_write_error(&self, e: Error) {
        if e.code() == "no_space" {
            self.stop.store(true, Ordering::Relaxed);
        }
        if let Ok(mut w) = self.write_error.lock() {
            w.get_or_insert(e);
        }
    }
}

impl Shared<'_> {
    /// Remember the sha256 of a fetched URL input (its facts part is joined under it).
    fn note_url_digest(&self, input: usize, sha256: &str) {
        if let Ok(mut d) = self.url_digests.lock() {
            d.push((input, sha256.to_string()));
        }
    }
}
