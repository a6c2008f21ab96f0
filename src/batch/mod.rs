//! Batch stage. In: input paths and a batch configuration. Out: per-document output files
//! (atomic), `manifest.ndjson`, optional facts NDJSON, and a summary. One bad document never
//! stops the batch.

mod atomic;
mod inputs;
mod manifest;
mod progress;
mod runner;

pub use atomic::write_atomic;
pub use inputs::{InputFile, expand_inputs};
pub use manifest::{ManifestLine, Status, read_manifest};
pub use runner::{BatchConfig, BatchSummary, Shard, hex, output_path, run_batch};
