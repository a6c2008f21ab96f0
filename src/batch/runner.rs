//! The batch run: plan the inputs, then extract the documents in parallel (largest first,
//! from a shared queue), each isolated, writing outputs atomically and one manifest line per
//! input as it finishes.

use super::atomic::{remove_stale_temp_files, write_atomic};
use super::config::{BatchConfig, BatchSummary};
use super::document_job::{JobError, run_document};
use super::facts_file;
use super::inputs::InputFile;
use super::manifest::{ManifestLine, ManifestWriter, Status};
use super::plan::{WorkItem, plan_batch};
use super::progress::Progress;
use super::resume::{output_path, prepare_manifest};
use crate::error::{Error, Result};
use crate::extract::Options;
use crate::output::{SourceInfo, serialize_failure};
use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
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
}

fn run_in_pool(inputs: &[InputFile], cfg: &BatchConfig, opts: &Options) -> Result<BatchSummary> {
    let mut done = HashSet::new();
    let mut manifest = None;
    if let Some(dir) = &cfg.out_dir {
        std::fs::create_dir_all(dir).map_err(|e| Error::Io(format!("{}: {e}", dir.display())))?;
        remove_stale_temp_files(dir);
        let path = dir.join("manifest.ndjson");
        done = prepare_manifest(&path, dir, inputs, cfg.resume)?;
        manifest = Some(Mutex::new(ManifestWriter::open(&path)?));
    }
    if let Some(f) = &cfg.facts {
        facts_file::prepare_parts(f)?;
    }
    let plan = plan_batch(inputs, cfg.shard, &done);
    match &manifest {
        Some(m) => {
            let mut w = m.lock().map_err(|_| Error::Internal("manifest lock poisoned".into()))?;
            for l in &plan.settled {
                w.append(l)?;
            }
        }
        None => {
            for l in plan.settled.iter().filter(|l| l.status == Status::Failed) {
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
        progress: Progress::new(plan.work.len() as u64, cfg.quiet),
        tally: Mutex::new(BatchSummary::default()),
        write_error: Mutex::new(None),
    };
    let next = AtomicUsize::new(0);
    rayon::scope(|scope| {
        for _ in 0..rayon::current_num_threads() {
            scope.spawn(|_| {
                while let Some(item) = plan.work.get(next.fetch_add(1, Ordering::Relaxed)) {
                    shared.process(item);
                }
            });
        }
    });
    shared.progress.finish();
    if let Some(e) = shared.write_error.into_inner().ok().flatten()
        && e.code() == "io"
    {
        return Err(e);
    }
    let tally = shared.tally.into_inner().unwrap_or_default();
    let mut summary = plan.summary;
    summary.ok += tally.ok;
    summary.failed += tally.failed;
    summary.unverified += tally.unverified;
    summary.pages += tally.pages;
    summary.tables += tally.tables;
    if let Some(f) = &cfg.facts {
        facts_file::join_parts(f, &plan.digests)?;
    }
    Ok(summary)
}

impl Shared<'_> {
    /// Extract one document, write its outputs and record its manifest line.
    fn process(&self, item: &WorkItem) {
        let input = &self.inputs[item.input];
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
        };
        if let Ok(mut t) = self.tally.lock() {
            match line.status {
                Status::Ok => t.ok += 1,
                Status::Unverified => t.unverified += 1,
                Status::Failed | Status::Duplicate => t.failed += 1,
            }
            t.pages += line.pages;
            t.tables += line.tables;
            self.progress.document_done(line.pages, line.tables, line.status == Status::Failed);
        }
        if line.status == Status::Failed && (self.manifest.is_none() || !self.progress.is_visible()) {
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
        if let Ok(mut w) = self.write_error.lock() {
            w.get_or_insert(e);
        }
    }
}
