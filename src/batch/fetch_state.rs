//! `DIR/fetch-state.ndjson`: what the last runs learnt about each URL input (validators,
//! sha256, pages, tables), so that the next run sends conditional requests and can tell an
//! unchanged document. One line per URL fetched and written, appended whole as it finishes
//! (last line per URL wins); compacted to one line per URL at the start of each run.

use super::atomic::write_atomic;
use super::manifest::append_whole;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Name of the state file in the output directory.
pub const STATE_FILE: &str = "fetch-state.ndjson";

/// What is known about one URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrlState {
    /// The URL without credentials (the key).
    pub url: String,
    /// sha256 of the bytes last extracted.
    pub sha256: String,
    /// Their size.
    pub bytes: u64,
    /// The server's `ETag` for them.
    pub etag: Option<String>,
    /// The server's `Last-Modified` for them.
    pub last_modified: Option<String>,
    /// Pages and tables of the output (repeated in an `unchanged` manifest line).
    pub pages: usize,
    /// Tables found.
    pub tables: usize,
}

/// The state of an output directory, open for appending.
pub struct FetchState {
    known: BTreeMap<String, UrlState>,
    path: PathBuf,
    writer: Mutex<(std::fs::File, u64)>,
}

impl FetchState {
    /// Read (ignoring a cut-short or unreadable line), compact and open the state of `dir`.
    pub fn open(dir: &Path) -> Result<FetchState> {
        let path = dir.join(STATE_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(Error::from_io(path.display(), &e)),
        };
        let mut known = BTreeMap::new();
        for line in text.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
            if let Ok(s) = serde_json::from_str::<UrlState>(line.trim_end()) {
                known.insert(s.url.clone(), s);
            }
        }
        let mut compact = Vec::new();
        for s in known.values() {
            compact.extend(serde_json::to_vec(s).map_err(|e| Error::Internal(e.to_string()))?);
            compact.push(b'\n');
        }
        write_atomic(&path, &compact)?;
        let file = std::fs::OpenOptions::new().append(true).open(&path).map_err(|e| Error::from_io(path.display(), &e))?;
        let len = compact.len() as u64;
        Ok(FetchState { known, path, writer: Mutex::new((file, len)) })
    }

    /// What the last run recorded for `url` (without credentials).
    pub fn get(&self, url: &str) -> Option<&UrlState> {
        self.known.get(url)
    }

    /// Record a URL's new state (one whole line).
    pub fn record(&self, state: &UrlState) -> Result<()> {
        let mut buf = serde_json::to_vec(state).map_err(|e| Error::Internal(e.to_string()))?;
        buf.push(b'\n');
        let mut w = self.writer.lock().map_err(|_| Error::Internal("fetch state lock poisoned".into()))?;
        let (file, len) = &mut *w;
        append_whole(file, len, &buf).map_err(|e| Error::from_io(self.path.display(), &e))
    }
}
