//! Batch stage. In: input paths and a batch configuration. Out: per-document output files
//! (atomic), `manifest.ndjson`, optional facts NDJSON, and a summary. One bad document never
//! stops the batch; a full disk does (after the documents in flight). Inputs may be URLs
//! (fetched by `crate::fetch`; state for conditional requests in `fetch-state.ndjson`).

mod atomic;
mod config;
mod document_job;
mod events;
mod fetch_state;
mod facts_file;
mod inputs;
mod lock;
mod manifest;
mod plan;
mod progress;
mod resume;
mod runner;

pub use atomic::write_atomic;
pub use config::{BatchConfig, BatchSummary, DEFAULT_MAP_FROM, Shard};
pub use document_job::{DocumentOutcome, JobError, run_document, run_document_bytes};
pub use events::{Event, emit, error_event};
pub use fetch_state::{STATE_FILE, UrlState};
pub use lock::{DirLock, LOCK_FILE};
pub use inputs::{InputFile, expand_inputs};
pub use manifest::{ManifestLine, Status, read_manifest};
pub use resume::output_path;
pub use runner::run_batch;
