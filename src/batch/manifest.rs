//! `manifest.ndjson`: one line per input, appended and flushed as each document finishes.
//! A line cut short by a crash is dropped when the manifest is read back.

use crate::error::{Error, Result};
use crate::fetch::FetchRecord;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// Outcome of one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Extracted and written.
    Ok,
    /// Not extracted or not written; `error_code` says why.
    Failed,
    /// Same bytes as an earlier input; processed once, under `duplicate_of`.
    Duplicate,
    /// Extracted and written, but `--require-verified` was given and not every table is
    /// verified: a warehouse load should quarantine it.
    Unverified,
    /// A URL input the server reports not modified (304), or whose bytes have the sha256 of the
    /// last run's: not extracted again, its output left as it was.
    Unchanged,
}

/// One manifest line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManifestLine {
    /// The input path as given or found.
    pub path: String,
    /// Lower-case hex sha256 of its bytes (empty when it could not be read).
    pub sha256: String,
    /// Outcome.
    pub status: Status,
    /// Pages in the document.
    pub pages: usize,
    /// Tables found.
    pub tables: usize,
    /// Stable error code (`not_a_pdf`, `encrypted`, `timeout`, …) when failed.
    pub error_code: Option<String>,
    /// Human-readable error when failed.
    pub error: Option<String>,
    /// The earlier input with the same bytes, for a duplicate.
    pub duplicate_of: Option<String>,
    /// Wall-clock milliseconds spent on the document.
    pub ms: u64,
    /// For a URL input: url, final url, HTTP status, validators, bytes (absent for files).
    #[serde(flatten, default, skip_serializing_if = "Option::is_none")]
    pub fetch: Option<FetchRecord>,
}

impl ManifestLine {
    /// The line of a document extracted and written.
    pub fn ok(path: String, sha256: String, pages: usize, tables: usize, ms: u64) -> Self {
        ManifestLine { path, sha256, status: Status::Ok, pages, tables, error_code: None, error: None, duplicate_of: None, ms, fetch: None }
    }

    /// The line of a document that failed with `err`.
    pub fn failed(path: String, sha256: String, err: &Error, ms: u64) -> Self {
        ManifestLine {
            path,
            sha256,
            status: Status::Failed,
            pages: 0,
            tables: 0,
            error_code: Some(err.code().into()),
            error: Some(err.to_string()),
            duplicate_of: None,
            ms,
            fetch: None,
        }
    }
}

/// Read a manifest, ignoring a cut-short last line. Returns the complete lines.
pub fn read_manifest(path: &Path) -> Result<Vec<ManifestLine>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::Io(format!("{}: {e}", path.display()))),
    };
    Ok(text
        .split_inclusive('\n')
        .filter(|l| l.ends_with('\n'))
        .filter_map(|l| serde_json::from_str::<ManifestLine>(l.trim_end()).ok())
        .collect())
}

/// Rewrite a manifest atomically with the given lines (used by `--resume` to keep only what
/// will not be redone).
pub fn rewrite_manifest(path: &Path, lines: &[ManifestLine]) -> Result<()> {
    let mut buf = Vec::new();
    for l in lines {
        buf.extend(serde_json::to_vec(l).map_err(|e| Error::Internal(e.to_string()))?);
        buf.push(b'\n');
    }
    super::atomic::write_atomic(path, &buf)
}

/// An open manifest that appends whole lines.
pub struct ManifestWriter {
    file: std::fs::File,
    /// Length of the file after the last whole line (what a failed append is cut back to).
    len: u64,
}

impl ManifestWriter {
    /// Open `path` for appending (created when missing).
    pub fn open(path: &Path) -> Result<Self> {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| Error::from_io(path.display(), &e))?;
        let len = file.metadata().map_err(|e| Error::from_io(path.display(), &e))?.len();
        Ok(ManifestWriter { file, len })
    }

    /// Append one line with a single write, then flush it to the OS. A write that fails part
    /// way (a full disk takes what fits) is cut back to the last whole line, so the manifest
    /// never holds part of a line.
    pub fn append(&mut self, line: &ManifestLine) -> Result<()> {
        let mut buf = serde_json::to_vec(line).map_err(|e| Error::Internal(e.to_string()))?;
        buf.push(b'\n');
        append_whole(&mut self.file, &mut self.len, &buf).map_err(|e| Error::from_io("manifest", &e))
    }
}

/// Append `buf` to `file` (opened for appending, `len` bytes long) with one `write_all`; on
/// error, truncate back to `len`. Shared by the manifest and the fetch state.
pub(crate) fn append_whole(file: &mut std::fs::File, len: &mut u64, buf: &[u8]) -> std::io::Result<()> {
    match file.write_all(buf).and_then(|_| file.flush()) {
        Ok(()) => {
            *len += buf.len() as u64;
            Ok(())
        }
        Err(e) => {
            // Shrinking needs no space; if even this fails the reader drops a cut-short line.
            let _ = file.set_len(*len);
            Err(e)
        }
    }
}

#[cfg(test)]
#[path = "manifest_tests.rs"]
mod tests;
