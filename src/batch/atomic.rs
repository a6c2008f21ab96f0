//! Atomic file writes: a temporary file beside the target, renamed over it.
//!
//! A killed process never leaves a half-written output: the rename is atomic. Files are not
//! forced to disk (`fsync`): a sync per file made the batch wait on one journal commit per
//! document, and a file-system-wide sync at the end waits on whatever else the machine wrote.
//! What a crash of the machine itself can leave (an output missing or empty after its manifest
//! line) is redone by `--resume`.

use crate::error::{Error, Result};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Write `bytes` to `path` atomically: a temporary file in the same directory, then a
/// rename, so a reader never sees a partial file (directories are created as needed).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes).map_err(|e| Error::from_io(path.display(), &e))?;
    file.commit()
}

/// A file written piece by piece into a temporary file beside `path`, which becomes `path`
/// only on [`commit`](Self::commit); dropped without a commit, the temporary file is removed.
pub struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Start writing `path` (directories are created as needed).
    pub fn create(path: &Path) -> Result<Self> {
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| Error::from_io(dir.display(), &e))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let file = File::create(&tmp).map_err(|e| Error::from_io(tmp.display(), &e))?;
        Ok(AtomicFile { path: path.to_path_buf(), tmp, file: Some(BufWriter::new(file)) })
    }

    /// Flush what was written and rename it over `path`.
    pub fn commit(mut self) -> Result<()> {
        let result = match self.file.take() {
            Some(f) => f.into_inner().map_err(|e| e.into_error()).and_then(|_| std::fs::rename(&self.tmp, &self.path)),
            None => Ok(()),
        };
        result.map_err(|e| Error::from_io(self.path.display(), &e))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Err(std::io::Error::other("file already committed")),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().map_or(Ok(()), |f| f.flush())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Not committed (or the commit failed): the temporary file must not stay behind.
        if self.file.take().is_some() || self.tmp.exists() {
            let _ = std::fs::remove_file(&self.tmp);
        }
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
