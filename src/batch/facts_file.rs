//! The facts NDJSON file of a batch: each document's facts are written atomically to a part
//! file named by its sha256 as it finishes; at the end the parts are joined in input order
//! into the facts file (atomically), so a resumed run keeps the facts of skipped documents.

use super::atomic::write_atomic;
use crate::error::{Error, Result};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The directory of part files beside `facts` (`.<name>.parts`).
fn part_dir(facts: &Path) -> PathBuf {
    let name = facts.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    facts.with_file_name(format!(".{name}.parts"))
}

/// Create the part directory of `facts`.
pub fn prepare_parts(facts: &Path) -> Result<()> {
    std::fs::create_dir_all(part_dir(facts)).map_err(|e| Error::Io(format!("{}: {e}", facts.display())))
}

/// The part file of the document with this sha256 (written atomically by the document's job).
pub fn part_path(facts: &Path, sha256: &str) -> PathBuf {
    part_dir(facts).join(format!("{sha256}.ndjson"))
}

/// Join the part files of `digests` (each input's sha256, in input order; a digest counts
/// once) into the facts file.
pub fn join_parts(facts: &Path, digests: &[Option<String>]) -> Result<()> {
    let mut seen = HashSet::new();
    let mut all = Vec::new();
    for sha in digests.iter().flatten() {
        if seen.insert(sha.as_str())
            && let Ok(bytes) = std::fs::read(part_path(facts, sha))
        {
            all.extend(bytes);
        }
    }
    write_atomic(facts, &all)
}
