//! The bytes of a PDF: read into memory, or, for a big file, mapped from it so that the pages
//! already read can be handed back to the page cache ([`PdfBytes::release_resident`]) and
//! memory does not grow with the file.
//!
//! A mapped file that another process truncates while it is read makes the process fail with
//! SIGBUS (ripgrep's `--mmap` has the same caveat). Only files of at least the threshold given
//! to [`PdfBytes::read`] are mapped; a threshold of `u64::MAX` never maps.

use memmap2::Mmap;
use std::path::Path;

/// How often [`PdfBytes::released_while`] hands mapped pages back.
pub const RELEASE_INTERVAL: std::time::Duration = std::time::Duration::from_micros(500);

/// A PDF's bytes, owned or mapped.
pub enum PdfBytes {
    /// Read into memory.
    Owned(Vec<u8>),
    /// Mapped read-only from a file.
    Mapped(Mmap),
}

impl PdfBytes {
    /// Read the file at `path`: mapped when it has at least `map_from` bytes, read otherwise.
    pub fn read(path: &Path, map_from: u64) -> std::io::Result<PdfBytes> {
        let file = std::fs::File::open(path)?;
        let len = file.metadata()?.len();
        if len >= map_from && len > 0 {
            // SAFETY: the mapping is read-only and private to this process. Its contents change
            // only if another process rewrites the file meanwhile, and a truncation then ends
            // the process with SIGBUS: the documented caveat of mapping (see the module doc),
            // which is why only big files are mapped and `--no-mmap` turns it off.
            let map = unsafe { Mmap::map(&file)? };
            Ok(PdfBytes::Mapped(map))
        } else {
            std::fs::read(path).map(PdfBytes::Owned)
        }
    }

    /// Hand the mapped pages back to the page cache: they leave this process's resident
    /// memory and are read again from the cache when next touched. Nothing for owned bytes.
    pub fn release_resident(&self) {
        if let PdfBytes::Mapped(map) = self {
            // SAFETY: `DontNeed` on a read-only file mapping drops only this process's page
            // table entries; the next access reads the same bytes from the file again, so no
            // reference into the mapping sees different data.
            let _ = unsafe { map.unchecked_advise(memmap2::UncheckedAdvice::DontNeed) };
        }
    }

    /// Run `work` (which reads these bytes, e.g. the PDF library walking the page tree of a
    /// mapped file) while a second thread hands the mapped pages back every
    /// [`RELEASE_INTERVAL`]: a walk that touches objects all over a big file (and the kernel
    /// maps the neighbours of every page it faults in) then never holds more than a few
    /// megabytes of it resident. Owned bytes run `work` alone.
    pub fn released_while<T>(&self, work: impl FnOnce() -> T) -> T {
        if !matches!(self, PdfBytes::Mapped(_)) {
            return work();
        }
        let done = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                while !done.load(std::sync::atomic::Ordering::Acquire) {
                    self.release_resident();
                    std::thread::sleep(RELEASE_INTERVAL);
                }
            });
            let out = work();
            done.store(true, std::sync::atomic::Ordering::Release);
            out
        })
    }

    /// Size in bytes.
    pub fn len(&self) -> usize {
        self.as_ref().len()
    }

    /// No bytes at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl AsRef<[u8]> for PdfBytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            PdfBytes::Owned(v) => v,
            PdfBytes::Mapped(m) => m,
        }
    }
}

impl From<Vec<u8>> for PdfBytes {
    fn from(v: Vec<u8>) -> Self {
        PdfBytes::Owned(v)
    }
}

impl std::fmt::Debug for PdfBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfBytes::Owned(v) => write!(f, "PdfBytes::Owned({} bytes)", v.len()),
            PdfBytes::Mapped(m) => write!(f, "PdfBytes::Mapped({} bytes)", m.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapped_and_read_bytes_are_the_same() {
        let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/zh_kongbiao_2022.pdf"));
        let read = PdfBytes::read(path, u64::MAX).unwrap();
        let mapped = PdfBytes::read(path, 0).unwrap();
        assert!(matches!(read, PdfBytes::Owned(_)) && matches!(mapped, PdfBytes::Mapped(_)));
        mapped.release_resident();
        assert_eq!(read.as_ref(), mapped.as_ref());
        let sum = |b: &PdfBytes| b.as_ref().iter().map(|&x| u64::from(x)).sum::<u64>();
        assert_eq!(mapped.released_while(|| sum(&mapped)), sum(&read));
        assert_eq!(read.released_while(|| sum(&read)), sum(&read));
        assert_eq!(read.len(), std::fs::metadata(path).unwrap().len() as usize);
    }
}
