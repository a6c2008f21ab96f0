//! Atomic file writes (a temporary file beside the target, renamed over it) and the one
//! flush to disk at the end of a batch.
//!
//! A killed process never leaves a half-written output: the rename is atomic. Files are not
//! synced one by one (one journal commit per file made a batch wait on the disk); the batch
//! syncs its output file systems once when it ends, and `--resume` redoes any document whose
//! output is missing or empty (what a crash of the machine itself can leave).

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::Io(format!("{}: {e}", dir.display())))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::Io(format!("{}: {e}", path.display())));
    }
    Ok(())
}

/// Flush everything written under `dir` to disk: the whole file system (Linux `syncfs`, one
/// journal commit), or on other systems the directory's files one by one.
pub fn sync_dir(dir: &Path) -> Result<()> {
    let io = |e: std::io::Error| Error::Io(format!("sync {}: {e}", dir.display()));
    #[cfg(target_os = "linux")]
    {
        let d = std::fs::File::open(dir).map_err(io)?;
        rustix::fs::syncfs(&d).map_err(|e| io(e.into()))
    }
    #[cfg(not(target_os = "linux"))]
    {
        for e in std::fs::read_dir(dir).map_err(io)?.flatten() {
            let p = e.path();
            if p.is_dir() {
                sync_dir(&p)?;
            } else {
                std::fs::File::open(&p).and_then(|f| f.sync_all()).map_err(io)?;
            }
        }
        Ok(())
    }
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
