//! `--log-format json`: the run as NDJSON events on stderr, one whole line per event, typed
//! like ripgrep's `--json` (`{"type":"document","data":{…}}`): `begin` (inputs, output
//! directory), one `document` per input (its manifest line), `error` when the batch stops
//! (a full disk), and `summary` at the end (the totals and the elapsed time). A scheduler or log
//! pipeline can follow the run without parsing prose.

use super::config::BatchSummary;
use super::manifest::ManifestLine;
use crate::error::Error;
use serde::Serialize;
use std::io::Write;

/// One event.
#[derive(Serialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
pub enum Event<'a> {
    /// The run starts.
    Begin {
        /// Inputs given (before shards and `--resume`).
        inputs: usize,
        /// The output directory, if any.
        out: Option<String>,
        /// The database rows are loaded into (`--sink`), its password shown as `***`.
        #[serde(skip_serializing_if = "Option::is_none")]
        sink: Option<String>,
    },
    /// One input is settled (its manifest line).
    Document(&'a ManifestLine),
    /// The batch stopped early.
    Error {
        /// Stable error code (`no_space`, `locked`, `io`).
        code: &'static str,
        /// What happened and what to do.
        message: String,
    },
    /// The run ended.
    Summary {
        /// Totals.
        #[serde(flatten)]
        summary: &'a BatchSummary,
        /// Wall-clock milliseconds of the whole run.
        elapsed_ms: u64,
    },
}

/// Write one event as one line on stderr (a single write, so lines of concurrent workers
/// never interleave).
pub fn emit(event: &Event<'_>) {
    if let Ok(mut line) = serde_json::to_vec(event) {
        line.push(b'\n');
        let _ = std::io::stderr().lock().write_all(&line);
    }
}

/// The `error` event of `e`.
pub fn error_event(e: &Error) -> Event<'static> {
    Event::Error { code: e.code(), message: e.to_string() }
}
