//! The batch: hash inputs, drop duplicates, apply shard and resume filters, then process the
//! documents in parallel (rayon), each isolated (panic caught, time budget), writing outputs
//! atomically and one manifest line per input.

use super::atomic::{remove_stale_temp_files, write_atomic};
use super::inputs::InputFile;
use super::manifest::{ManifestLine, ManifestWriter, Status, read_manifest, rewrite_manifest};
use super::progress::Progress;
use crate::error::{Error, Result};
use crate::output::{OutputFormat, Rendered, render_document, render_failure};
use crate::extract::Options;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Which share of the inputs this run processes: inputs whose sha256 falls in shard `k` of `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub k: u64,
    pub n: u64,
}

impl Shard {
    /// Parse `K/N` with 1 ≤ K ≤ N.
    pub fn parse(s: &str) -> std::result::Result<Shard, String> {
        let (k, n) = s.split_once('/').ok_or_else(|| format!("shard must be K/N, got {s:?}"))?;
        let k: u64 = k.trim().parse().map_err(|_| format!("bad shard number {k:?}"))?;
        let n: u64 = n.trim().parse().map_err(|_| format!("bad shard count {n:?}"))?;
        if n == 0 || k == 0 || k > n {
            return Err(format!("shard {k}/{n}: need 1 <= K <= N"));
        }
        Ok(Shard { k, n })
    }

    /// True when the document with this sha256 (hex) belongs to this shard.
    pub fn contains(&self, sha256_hex: &str) -> bool {
        let head = u64::from_str_radix(sha256_hex.get(..16).unwrap_or("0"), 16).unwrap_or(0);
        head % self.n == self.k - 1
    }
}

/// Settings of one batch run.
#[derive(Debug, Clone)]
pub struct BatchConfig {
    pub out_dir: Option<PathBuf>,
    pub facts: Option<PathBuf>,
    pub format: OutputFormat,
    pub jobs: usize,
    pub resume: bool,
    pub shard: Option<Shard>,
    pub timeout: Duration,
    pub quiet: bool,
}

/// Totals of a batch run, for the summary line and the exit status.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BatchSummary {
    pub documents: usize,
    pub ok: usize,
    pub failed: usize,
    pub duplicates: usize,
    pub skipped: usize,
    pub pages: usize,
    pub tables: usize,
}

fn sha256_file(path: &Path) -> Result<(String, u64)> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).map_err(|e| Error::Io(format!("{}: {e}", path.display())))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut n = 0u64;
    loop {
        let k = f.read(&mut buf).map_err(|e| Error::Io(format!("{}: {e}", path.display())))?;
        if k == 0 {
            break;
        }
        n += k as u64;
        h.update(&buf[..k]);
    }
    Ok((hex(&h.finalize()), n))
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Output file of an input: `<out>/<relative path with .json>`.
pub fn output_path(out: &Path, input: &InputFile) -> PathBuf {
    out.join(input.relative.with_extension("json"))
}

fn facts_part_dir(facts: &Path) -> PathBuf {
    let name = facts.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    facts.with_file_name(format!(".{name}.parts"))
}

/// Run one document isolated: panics become `internal` errors, the time budget is enforced
/// between stages and pages.
fn run_isolated(input: &InputFile, sha: &str, cfg: &BatchConfig, opts: &Options) -> Result<Rendered> {
    let bytes = std::fs::read(&input.path).map_err(|e| Error::Io(format!("{}: {e}", input.path.display())))?;
    let mut opts = opts.clone();
    opts.deadline = Some(Instant::now() + cfg.timeout);
    let path = input.path.display().to_string();
    match catch_unwind(AssertUnwindSafe(|| render_document(bytes, &path, sha, &opts, cfg.format))) {
        Ok(r) => r,
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            Err(Error::Internal(format!("panic while processing: {msg}")))
        }
    }
}

/// Process a list of inputs. Returns the summary; errors only for problems with the output
/// location (bad usage), never for a bad document.
pub fn run_batch(inputs: &[InputFile], cfg: &BatchConfig, opts: &Options) -> Result<BatchSummary> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.jobs.max(1))
        .build()
        .map_err(|e| Error::Internal(format!("thread pool: {e}")))?;
    pool.install(|| run_batch_in_pool(inputs, cfg, opts))
}

fn run_batch_in_pool(inputs: &[InputFile], cfg: &BatchConfig, opts: &Options) -> Result<BatchSummary> {
    let manifest_path = cfg.out_dir.as_ref().map(|d| d.join("manifest.ndjson"));
    if let Some(dir) = &cfg.out_dir {
        std::fs::create_dir_all(dir).map_err(|e| Error::Io(format!("{}: {e}", dir.display())))?;
        remove_stale_temp_files(dir);
    }
    // Resume: keep the manifest lines of documents that will not be redone.
    let mut done: HashSet<String> = HashSet::new();
    if let Some(mp) = &manifest_path {
        if cfg.resume {
            let old = read_manifest(mp)?;
            // A document counts as done when it did not fail and its output is on disk (a
            // crash of the machine can leave a manifest line whose output never reached it).
            let output_of: HashMap<String, PathBuf> = match &cfg.out_dir {
                Some(dir) => inputs.iter().map(|f| (f.path.display().to_string(), output_path(dir, f))).collect(),
                None => HashMap::new(),
            };
            let on_disk = |l: &ManifestLine| {
                l.status != Status::Ok || output_of.get(&l.path).is_none_or(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 0))
            };
            let keep: Vec<ManifestLine> = old.into_iter().filter(|l| l.status != Status::Failed && on_disk(l)).collect();
            done = keep.iter().map(|l| l.path.clone()).collect();
            rewrite_manifest(mp, &keep)?;
        } else {
            rewrite_manifest(mp, &[])?;
        }
    }
    let manifest = match &manifest_path {
        Some(p) => Some(Mutex::new(ManifestWriter::open(p)?)),
        None => None,
    };
    if let Some(f) = &cfg.facts {
        std::fs::create_dir_all(facts_part_dir(f)).map_err(|e| Error::Io(format!("{}: {e}", f.display())))?;
    }

    // Hash every input (in parallel); unreadable files fail later with their error.
    let hashed: Vec<(usize, Result<(String, u64)>)> = inputs.par_iter().enumerate().map(|(i, f)| (i, sha256_file(&f.path))).collect();
    let mut first_of: HashMap<String, usize> = HashMap::new();
    let mut summary = BatchSummary { documents: inputs.len(), ..Default::default() };
    let mut work: Vec<(usize, String, u64)> = Vec::new();
    let mut immediate: Vec<ManifestLine> = Vec::new();
    for (i, h) in &hashed {
        let input = &inputs[*i];
        let path = input.path.display().to_string();
        match h {
            Ok((sha, size)) => {
                if cfg.shard.is_some_and(|s| !s.contains(sha)) {
                    summary.documents -= 1;
                    continue;
                }
                if let Some(&first) = first_of.get(sha) {
                    summary.duplicates += 1;
                    if !done.contains(&path) {
                        immediate.push(ManifestLine {
                            path,
                            sha256: sha.clone(),
                            status: Status::Duplicate,
                            pages: 0,
                            tables: 0,
                            error_code: None,
                            error: None,
                            duplicate_of: Some(inputs[first].path.display().to_string()),
                            ms: 0,
                        });
                    }
                    continue;
                }
                first_of.insert(sha.clone(), *i);
                if done.contains(&path) {
                    summary.skipped += 1;
                    continue;
                }
                work.push((*i, sha.clone(), *size));
            }
            Err(e) => {
                summary.failed += 1;
                immediate.push(ManifestLine {
                    path,
                    sha256: String::new(),
                    status: Status::Failed,
                    pages: 0,
                    tables: 0,
                    error_code: Some(e.code().into()),
                    error: Some(e.to_string()),
                    duplicate_of: None,
                    ms: 0,
                });
            }
        }
    }
    if let Some(m) = &manifest {
        let mut w = m.lock().map_err(|_| Error::Internal("manifest lock poisoned".into()))?;
        for l in &immediate {
            w.append(l)?;
        }
    } else {
        for l in immediate.iter().filter(|l| l.status == Status::Failed) {
            eprintln!("tablelift: {}: {}", l.path, l.error.as_deref().unwrap_or(""));
        }
    }

    let progress = Progress::new(work.len() as u64, cfg.quiet);
    let totals = Mutex::new((0usize, 0usize, 0usize, 0usize)); // ok, failed, pages, tables
    let single_stdout = cfg.out_dir.is_none();
    let write_error: Mutex<Option<Error>> = Mutex::new(None);
    // Largest files first, handed out one at a time from a shared queue: the last documents to
    // finish are small ones, so no worker idles while another works through a big file.
    work.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    // With several documents, each worker reads its document's pages itself.
    let doc_opts = Options { sequential_pages: work.len() > 1, ..opts.clone() };
    let next = AtomicUsize::new(0);
    let process = |(i, sha, _): &(usize, String, u64)| {
        let input = &inputs[*i];
        let start = Instant::now();
        let result = run_isolated(input, sha, cfg, &doc_opts);
        let ms = start.elapsed().as_millis() as u64;
        let path = input.path.display().to_string();
        let line = match result {
            Ok(r) => {
                let written = (|| -> Result<()> {
                    if let Some(dir) = &cfg.out_dir {
                        write_atomic(&output_path(dir, input), &r.document)?;
                    } else if single_stdout {
                        use std::io::Write;
                        let mut out = std::io::stdout().lock();
                        let written = out.write_all(&r.document).and_then(|_| out.write_all(b"\n")).and_then(|_| out.flush());
                        // A reader that stops early (`| head`) is not an error of the document.
                        match written {
                            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
                            _ => {}
                        }
                    }
                    if let Some(f) = &cfg.facts {
                        write_atomic(&facts_part_dir(f).join(format!("{sha}.ndjson")), &r.facts)?;
                    }
                    Ok(())
                })();
                match written {
                    Ok(()) => ManifestLine { path, sha256: sha.clone(), status: Status::Ok, pages: r.pages, tables: r.tables, error_code: None, error: None, duplicate_of: None, ms },
                    Err(e) => {
                        if let Ok(mut w) = write_error.lock() {
                            w.get_or_insert(e.clone());
                        }
                        ManifestLine { path, sha256: sha.clone(), status: Status::Failed, pages: r.pages, tables: r.tables, error_code: Some(e.code().into()), error: Some(e.to_string()), duplicate_of: None, ms }
                    }
                }
            }
            Err(e) => {
                // The failed document still gets its output file, saying what went wrong.
                if let Some(dir) = &cfg.out_dir {
                    let size = std::fs::metadata(&input.path).map_or(0, |m| m.len() as usize);
                    let _ = write_atomic(&output_path(dir, input), &render_failure(&path, sha, size, &e, cfg.format));
                }
                ManifestLine { path, sha256: sha.clone(), status: Status::Failed, pages: 0, tables: 0, error_code: Some(e.code().into()), error: Some(e.to_string()), duplicate_of: None, ms }
            }
        };
        if let Ok(mut t) = totals.lock() {
            if line.status == Status::Ok {
                t.0 += 1;
            } else {
                t.1 += 1;
            }
            t.2 += line.pages;
            t.3 += line.tables;
            progress.document_done(line.pages, line.tables, line.status != Status::Ok);
        }
        if line.status == Status::Failed && (manifest.is_none() || !progress.is_visible()) {
            eprintln!("tablelift: {}: {}", line.path, line.error.as_deref().unwrap_or(""));
        }
        if let Some(m) = &manifest
            && let Ok(mut w) = m.lock()
            && let Err(e) = w.append(&line)
            && let Ok(mut we) = write_error.lock()
        {
            we.get_or_insert(e);
        }
    };
    rayon::scope(|scope| {
        for _ in 0..rayon::current_num_threads() {
            scope.spawn(|_| {
                while let Some(item) = work.get(next.fetch_add(1, Ordering::Relaxed)) {
                    process(item);
                }
            });
        }
    });
    progress.finish();
    if let Some(e) = write_error.into_inner().ok().flatten()
        && e.code() == "io"
    {
        return Err(e);
    }
    let (ok, failed, pages, tables) = totals.into_inner().unwrap_or_default();
    summary.ok += ok;
    summary.failed += failed;
    summary.pages += pages;
    summary.tables += tables;
    if let Some(f) = &cfg.facts {
        concat_facts(f, inputs, &hashed)?;
    }
    Ok(summary)
}

/// Concatenate the per-document fact files in input order into the facts file (atomically).
fn concat_facts(facts: &Path, inputs: &[InputFile], hashed: &[(usize, Result<(String, u64)>)]) -> Result<()> {
    let parts = facts_part_dir(facts);
    let mut seen = HashSet::new();
    let mut all = Vec::new();
    for (i, h) in hashed {
        let _ = &inputs[*i];
        if let Ok((sha, _)) = h
            && seen.insert(sha.clone())
            && let Ok(bytes) = std::fs::read(parts.join(format!("{sha}.ndjson")))
        {
            all.extend(bytes);
        }
    }
    write_atomic(facts, &all)
}
