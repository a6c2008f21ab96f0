//! Batch stage. In: input paths and a batch configuration. Out: per-document output files
//! (atomic), `manifest.ndjson`, optional facts NDJSON, and a summary. One bad document never
//! stops the batch.

mod atomic;
mod config;
mod document_job;
mod facts_file;
mod inputs;
mod manifest;
mod plan;
mod progress;
mod resume;
mod runner;

pub use atomic::write_atomic;
pub use config::{BatchConfig, BatchSummary, DEFAULT_MAP_FROM, Shard};
pub use document_job::{DocumentOutcome, JobError, run_document};
pub use inputs::{InputFile, expand_inputs};
pub use manifest::{ManifestLine, Status, read_manifest};
pub use resume::output_path;
pub use runner::run_batch;
