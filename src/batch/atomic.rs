//! Atomic file writes: a temporary file beside the target, renamed over it.
//!
//! A killed process never leaves a half-written output: the rename is atomic. Files are not
//! forced to disk (`fsync`): a sync per file made the batch wait on one journal commit per
//! document, and a file-system-wide sync at the end waits on whatever else the machine wrote.
//! What a crash of the machine itself can leave (an output missing or empty after its manifest
//! line) is redone by `--resume`.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Write `bytes` to `path` atomically: a temporary file in the same directory, then a
/// rename, so a reader never sees a partial file (directories are created as needed).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::from_io(dir.display(), &e))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::from_io(path.display(), &e));
    }
    Ok(())
}

/// Remove temporary files left in `dir` (recursively) by a run that was killed mid-write.
pub fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if p.is_dir() {
            remove_stale_temp_files(&p);
        } else if name.starts_with('.') && name.contains(".tmp-") {
            let _ = std::fs::remove_file(&p);
        }
    }
}
