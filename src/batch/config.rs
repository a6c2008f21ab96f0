//! What one batch run is asked to do ([`BatchConfig`], [`Shard`]) and what it did
//! ([`BatchSummary`]).

use crate::fetch::FetchConfig;
use crate::output::OutputFormat;
use std::path::PathBuf;
use std::time::Duration;

/// Which share of the inputs this run processes: inputs whose sha256 falls in shard `k` of `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This run's shard, 1-based.
    pub k: u64,
    /// How many shards the inputs are split into.
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

    /// True when the document with this sha256 (hex) belongs to this shard: the first 64 bits
    /// of the digest, modulo `n`.
    pub fn contains(&self, sha256_hex: &str) -> bool {
        let head = u64::from_str_radix(sha256_hex.get(..16).unwrap_or("0"), 16).unwrap_or(0);
        head % self.n == self.k - 1
    }
}

/// Settings of one batch run.
#[derive(Debug, Clone)]
pub struct BatchConfig {
    /// Write `<DIR>/<relative path>.json` per document and `<DIR>/manifest.ndjson`; without it
    /// documents go to stdout.
    pub out_dir: Option<PathBuf>,
    /// Also write one NDJSON fact per numeric cell to this file.
    pub facts: Option<PathBuf>,
    /// Also write each document's rows as Parquet under this directory
    /// (`documents/`, `tables/`, `facts/`, one `doc=<sha256>.parquet` each).
    pub parquet: Option<PathBuf>,
    /// Also load each document's rows into this PostgreSQL database (`--sink`).
    pub sink: Option<std::sync::Arc<crate::warehouse::PgLoader>>,
    /// Which per-document file is written.
    pub format: OutputFormat,
    /// Worker threads.
    pub jobs: usize,
    /// Skip inputs already recorded as ok in the manifest whose output is on disk.
    pub resume: bool,
    /// Process only the inputs of this shard.
    pub shard: Option<Shard>,
    /// Time budget of each document.
    pub timeout: Duration,
    /// No progress bar.
    pub quiet: bool,
    /// A document whose tables are not all verified gets status `unverified` (exit status 1).
    pub require_verified: bool,
    /// How URL inputs are fetched.
    pub fetch: FetchConfig,
    /// Keep each downloaded PDF as `<DIR>/<sha256>.pdf` (content-addressed).
    pub keep_pdfs: Option<PathBuf>,
    /// When the output directory is locked by another run, wait this long for it (else fail
    /// at once).
    pub wait_lock: Option<Duration>,
    /// NDJSON events on stderr instead of progress bars and prose.
    pub log_json: bool,
    /// Files of at least this many bytes are mapped rather than read into memory, so that
    /// memory does not grow with the file (`u64::MAX`: never; see [`crate::pdf::PdfBytes`]).
    pub map_from: u64,
    /// The most heap one document may hold (bytes); past it the document fails with
    /// `limit_exceeded` instead of the machine running out of memory.
    pub max_memory: Option<usize>,
}

/// Files from this size on are mapped by default: above the corpus (the largest PDF is a few
/// megabytes), so only big budget books are mapped and their bytes never sit on the heap.
pub const DEFAULT_MAP_FROM: u64 = 16 << 20;

/// Totals of a batch run, for the summary line and the exit status.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BatchSummary {
    /// Inputs in this run's shard.
    pub documents: usize,
    /// Documents extracted and written.
    pub ok: usize,
    /// Documents written whose tables are not all verified (`--require-verified` only).
    pub unverified: usize,
    /// Documents that failed (unreadable, broken, timed out, output not written).
    pub failed: usize,
    /// Inputs with the same bytes as an earlier input.
    pub duplicates: usize,
    /// Inputs skipped by `--resume`.
    pub skipped: usize,
    /// Pages of the documents processed.
    pub pages: usize,
    /// Tables found.
    pub tables: usize,
    /// URL inputs not modified since the last run (not extracted again).
    pub unchanged: usize,
}
