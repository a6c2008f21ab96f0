//! One run per output directory: an exclusive `flock` on `DIR/.tablelift.lock`, held for the
//! whole run. The file names the holder (pid, host, start time) so that a second run can say
//! who is running. The kernel drops a `flock` when its process dies, however it dies, so the
//! lock of a killed run (even `kill -9`) is free again at once: a stale lock needs no clean-up.
//! The file itself stays (removing it would let two runs lock two different files).

use crate::error::{Error, Result};
use rustix::fs::{FlockOperation, flock};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Name of the lock file in the output directory.
pub const LOCK_FILE: &str = ".tablelift.lock";

/// A held lock on an output directory, released when dropped.
#[derive(Debug)]
pub struct DirLock {
    file: std::fs::File,
}

impl DirLock {
    /// Lock `dir` (which must exist). Held by another run: `locked` at once without `wait`,
    /// else after waiting up to `wait` for it to end.
    pub fn acquire(dir: &Path, wait: Option<Duration>) -> Result<DirLock> {
        let path = dir.join(LOCK_FILE);
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::from_io(path.display(), &e))?;
        let deadline = wait.map(|w| Instant::now() + w);
        loop {
            match flock(&file, FlockOperation::NonBlockingLockExclusive) {
                Ok(()) => break,
                Err(rustix::io::Errno::WOULDBLOCK) => {
                    if deadline.is_some_and(|d| Instant::now() < d) {
                        std::thread::sleep(Duration::from_millis(100));
                        continue;
                    }
                    return Err(Error::Locked(held_message(&mut file, &path, wait)));
                }
                Err(e) => return Err(Error::Io(format!("{}: lock: {e}", path.display()))),
            }
        }
        let me = format!("pid {} on host {} started {}\n", std::process::id(), hostname(), unix_now());
        let written = file.set_len(0).and_then(|_| file.seek(SeekFrom::Start(0))).and_then(|_| file.write_all(me.as_bytes()));
        written.map_err(|e| Error::from_io(path.display(), &e))?;
        Ok(DirLock { file })
    }
}

impl Drop for DirLock {
    fn drop(&mut self) {
        // Emptied so that a finished run leaves no stale holder; the lock goes with the file.
        let _ = self.file.set_len(0);
    }
}

/// "pid P on host H, started … (N s ago)", read from the lock file of the running process.
fn held_message(file: &mut std::fs::File, path: &Path, wait: Option<Duration>) -> String {
    let mut text = String::new();
    let _ = file.seek(SeekFrom::Start(0)).and_then(|_| file.read_to_string(&mut text));
    let mut words = text.split_whitespace();
    let field = |words: &mut std::str::SplitWhitespace, key: &str| {
        words.find(|w| *w == key).and_then(|_| words.next()).map(str::to_string)
    };
    let (pid, host, started) = (field(&mut words, "pid"), field(&mut words, "host"), field(&mut words, "started"));
    let dir = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
    let holder = match (pid, host, started.and_then(|s| s.parse::<u64>().ok())) {
        (Some(pid), Some(host), Some(t)) => {
            format!("pid {pid} on host {host}, started {} ({} s ago)", utc_text(t), unix_now().saturating_sub(t))
        }
        _ => "a process that has not written its name yet".to_string(),
    };
    let hint = match wait {
        Some(w) => format!("still running after waiting {} s", w.as_secs_f64()),
        None => "wait for it with --wait-lock SECS".to_string(),
    };
    format!("{} is in use by another tablelift run: {holder}; {hint}", dir.display())
}

fn unix_now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

fn hostname() -> String {
    let name = rustix::system::uname().nodename().to_string_lossy().into_owned();
    if name.is_empty() { "unknown".into() } else { name.replace(char::is_whitespace, "_") }
}

/// `YYYY-MM-DD HH:MM:SS UTC` of a Unix time (Howard Hinnant's civil-from-days).
fn utc_text(t: u64) -> String {
    let (days, secs) = ((t / 86_400) as i64, t % 86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC", secs / 3600, secs / 60 % 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_refused_naming_the_holder_then_free_after_drop() {
        let dir = tempfile::tempdir().unwrap();
        let held = DirLock::acquire(dir.path(), None).unwrap();
        // flock locks belong to the open file description: a second open conflicts even in
        // the same process, as a second run would.
        let e = DirLock::acquire(dir.path(), None).unwrap_err();
        assert_eq!(e.code(), "locked");
        assert!(e.to_string().contains(&format!("pid {}", std::process::id())), "{e}");
        let start = Instant::now();
        let e = DirLock::acquire(dir.path(), Some(Duration::from_millis(300))).unwrap_err();
        assert!(start.elapsed() >= Duration::from_millis(300) && e.to_string().contains("after waiting"), "{e}");
        drop(held);
        assert!(DirLock::acquire(dir.path(), None).is_ok());
    }

    #[test]
    fn utc_dates() {
        assert_eq!(utc_text(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc_text(784_111_777), "1994-11-06 08:49:37 UTC");
        assert_eq!(utc_text(951_782_400), "2000-02-29 00:00:00 UTC");
    }
}
