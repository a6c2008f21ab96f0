//! A response body streamed into a temporary file under a size limit: neither a lying
//! `Content-Length` nor an endless body can fill memory or the disk.

use crate::digest::sha256_hex_of_reader;
use crate::error::Error;
use std::io::{Read, Write};
use std::path::Path;

/// The bytes of a URL input, in a temporary file removed when this is dropped.
#[derive(Debug)]
pub struct Downloaded {
    /// The temporary file (named `.download.tmp-*`, so a killed run's leftovers are removed
    /// by the next run's clean-up of the output directory).
    pub file: tempfile::NamedTempFile,
    /// Lower-case hex sha256 of the bytes.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
}

impl Downloaded {
    /// The bytes, read back from the temporary file.
    pub fn read(&self) -> crate::error::Result<Vec<u8>> {
        std::fs::read(self.file.path()).map_err(|e| Error::from_io(self.file.path().display(), &e))
    }
}

/// Why streaming stopped.
#[derive(Debug)]
pub enum StreamError {
    /// More than the limit arrived.
    TooBig(u64),
    /// Reading the body failed after this many bytes (a stall, a connection cut short).
    Read(u64, std::io::Error),
    /// Writing the temporary file failed (full disk: `no_space`).
    Write(Error),
}

/// Copy `body` into a new temporary file in `dir`, stopping as soon as more than `max` bytes
/// arrived.
pub fn stream_to_temp(mut body: impl Read, dir: &Path, max: u64) -> Result<Downloaded, StreamError> {
    let mut file = tempfile::Builder::new()
        .prefix(".download.tmp-")
        .tempfile_in(dir)
        .map_err(|e| StreamError::Write(Error::from_io(dir.display(), &e)))?;
    let mut buf = vec![0u8; 1 << 16];
    let mut total = 0u64;
    loop {
        let k = match body.read(&mut buf) {
            Ok(0) => break,
            Ok(k) => k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(StreamError::Read(total, e)),
        };
        total += k as u64;
        if total > max {
            return Err(StreamError::TooBig(total));
        }
        file.write_all(&buf[..k]).map_err(|e| StreamError::Write(Error::from_io("download", &e)))?;
    }
    file.flush().map_err(|e| StreamError::Write(Error::from_io("download", &e)))?;
    let reread = std::fs::File::open(file.path()).and_then(sha256_hex_of_reader);
    let (sha256, bytes) = reread.map_err(|e| StreamError::Write(Error::from_io("download", &e)))?;
    Ok(Downloaded { file, sha256, bytes })
}

/// True when the first KiB of `path` holds the `%PDF-` header (where PDF readers look for it).
pub fn starts_like_pdf(path: &Path) -> bool {
    let mut head = Vec::with_capacity(1024);
    let read = std::fs::File::open(path).and_then(|f| f.take(1024).read_to_end(&mut head));
    read.is_ok() && memchr::memmem::find(&head, b"%PDF-").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_at_the_limit_of_an_endless_body() {
        let dir = tempfile::tempdir().unwrap();
        let endless = std::io::repeat(b'x');
        match stream_to_temp(endless, dir.path(), 100_000) {
            Err(StreamError::TooBig(n)) => assert!(n > 100_000 && n <= 100_000 + (1 << 16)),
            other => panic!("{other:?}"),
        }
        // The temporary file is gone.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn keeps_bytes_and_digest() {
        let dir = tempfile::tempdir().unwrap();
        let d = stream_to_temp(&b"abc"[..], dir.path(), 3).unwrap();
        assert_eq!((d.bytes, d.sha256.as_str()), (3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assert_eq!(d.read().unwrap(), b"abc");
        assert!(!starts_like_pdf(d.file.path()));
    }
}
