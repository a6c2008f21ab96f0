//! Which inputs a run processes: every input hashed (in parallel), then filtered by shard,
//! duplicates (same sha256 as an earlier input) and `--resume`; the rest is the work list,
//! largest file first. A URL input is not hashed here (its bytes come when a worker fetches
//! it): its shard is chosen by the sha256 of its URL, it is never a duplicate, and it is done
//! by `--resume` like a file.

use super::config::{BatchSummary, Shard};
use super::inputs::InputFile;
use super::manifest::{ManifestLine, Status};
use crate::digest::{sha256_hex, sha256_hex_of_reader};
use crate::error::{Error, Result};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// One document to extract.
#[derive(Debug, Clone)]
pub struct WorkItem {
    /// Index into the inputs.
    pub input: usize,
    /// Lower-case hex sha256 of its bytes (empty for a URL input: not fetched yet).
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
}

/// What a run does with its inputs.
#[derive(Debug)]
pub struct BatchPlan {
    /// Documents to extract, largest first (ties in input order): the last documents to finish
    /// are small ones, so no worker idles while another works through a big file.
    pub work: Vec<WorkItem>,
    /// Manifest lines known before any extraction: duplicates, and inputs that could not be read.
    pub settled: Vec<ManifestLine>,
    /// Each input's sha256 (None when unreadable), in input order, for the facts file.
    pub digests: Vec<Option<String>>,
    /// Counts so far (documents in the shard, duplicates, skipped, unreadable).
    pub summary: BatchSummary,
}

fn sha256_file(path: &Path) -> Result<(String, u64)> {
    let file = std::fs::File::open(path).map_err(|e| Error::Io(format!("{}: {e}", path.display())))?;
    sha256_hex_of_reader(file).map_err(|e| Error::Io(format!("{}: {e}", path.display())))
}

/// Hash every input and decide what happens to it. `done` holds the paths an earlier run
/// finished (`--resume`).
pub fn plan_batch(inputs: &[InputFile], shard: Option<Shard>, done: &HashSet<String>) -> BatchPlan {
    let hashed: Vec<Result<(String, u64)>> =
        inputs.par_iter().map(|f| if f.url.is_some() { Ok((String::new(), 0)) } else { sha256_file(&f.path) }).collect();
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    let mut plan = BatchPlan {
        work: Vec::new(),
        settled: Vec::new(),
        digests: hashed.iter().map(|h| h.as_ref().ok().map(|(sha, _)| sha.clone()).filter(|sha| !sha.is_empty())).collect(),
        summary: BatchSummary { documents: inputs.len(), ..Default::default() },
    };
    for (i, h) in hashed.iter().enumerate() {
        let path = inputs[i].path.display().to_string();
        if let Some(url) = &inputs[i].url {
            if shard.is_some_and(|s| !s.contains(&sha256_hex(url.redacted().as_bytes()))) {
                plan.summary.documents -= 1;
            } else if done.contains(&path) {
                plan.summary.skipped += 1;
            } else {
                plan.work.push(WorkItem { input: i, sha256: String::new(), size: 0 });
            }
            continue;
        }
        match h {
            Ok((sha, size)) => {
                if shard.is_some_and(|s| !s.contains(sha)) {
                    plan.summary.documents -= 1;
                    continue;
                }
                if let Some(&first) = first_of.get(sha.as_str()) {
                    plan.summary.duplicates += 1;
                    if !done.contains(&path) {
                        plan.settled.push(ManifestLine {
                            path,
                            sha256: sha.clone(),
                            status: Status::Duplicate,
                            pages: 0,
                            tables: 0,
                            error_code: None,
                            error: None,
                            duplicate_of: Some(inputs[first].path.display().to_string()),
                            ms: 0,
                            fetch: None,
                        });
                    }
                    continue;
                }
                first_of.insert(sha, i);
                if done.contains(&path) {
                    plan.summary.skipped += 1;
                    continue;
                }
                plan.work.push(WorkItem { input: i, sha256: sha.clone(), size: *size });
            }
            Err(e) => {
                plan.summary.failed += 1;
                plan.settled.push(ManifestLine::failed(path, String::new(), e, 0));
            }
        }
    }
    plan.work.sort_by(|a, b| b.size.cmp(&a.size).then(a.input.cmp(&b.input)));
    plan
}
