//! A batch into a small tmpfs that fills up: one message, exit 1, no partial manifest line, no
//! new document started once the disk is full; `--resume` after freeing space ends identical
//! to a clean run. Needs `mount -t tmpfs` (root); skipped with a message where it is refused.

// A panic is how a test reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A mounted tmpfs, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        let o = Command::new("mount").args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"]).arg(dir).output().ok()?;
        if !o.status.success() {
            eprintln!("SKIPPED out_of_space: cannot mount a tmpfs here ({})", String::from_utf8_lossy(&o.stderr).trim());
            return None;
        }
        Some(Tmpfs(dir.to_path_buf()))
    }

    fn resize(&self, size: &str) {
        let o = Command::new("mount").args(["-o", &format!("remount,size={size}")]).arg(&self.0).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn extract(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tablelift")).arg("extract").args(args).output().unwrap()
}

/// Every manifest line must be whole; (path, status, sha256, pages, tables) of each.
fn manifest(out: &Path) -> BTreeSet<(String, String, String, u64, u64)> {
    let text = std::fs::read_to_string(out.join("manifest.ndjson")).unwrap();
    assert!(text.is_empty() || text.ends_with('\n'), "a cut manifest line: {text:?}");
    text.lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("partial manifest line {l:?}: {e}"));
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            (s("path"), s("status"), s("sha256"), v["pages"].as_u64().unwrap(), v["tables"].as_u64().unwrap())
        })
        .collect()
}

/// The per-document files (name → bytes).
fn outputs(out: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(out)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect()
}

#[test]
fn full_disk_stops_the_batch_and_resume_ends_like_a_clean_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = samples();
    // A clean run first: what the resumed run must end identical to, and how much it writes.
    let clean_out = dir.path().join("clean");
    let clean = extract(&[input.to_str().unwrap(), "-o", clean_out.to_str().unwrap(), "-j", "2"]);
    assert_eq!(clean.status.code(), Some(0));
    let total: usize = outputs(&clean_out).values().map(Vec::len).sum();
    // Room for about a third of it (tmpfs counts 4 KiB pages).
    let size = format!("{}k", (total / 3 / 4096).max(4) * 4);
    let mnt = dir.path().join("small");
    std::fs::create_dir_all(&mnt).unwrap();
    let Some(fs) = Tmpfs::mount(&mnt, &size) else { return };
    let out = mnt.join("out");
    let args = [input.to_str().unwrap(), "-o", out.to_str().unwrap(), "-j", "2"];

    let full = extract(&args);
    let stderr = String::from_utf8_lossy(&full.stderr);
    assert_eq!(full.status.code(), Some(1), "{size}: {stderr}");
    let messages: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(messages.len(), 1, "one message: {stderr}");
    assert!(messages[0].contains("no_space") && messages[0].contains("--resume"), "{stderr}");
    let partial = manifest(&out);
    // No new document started after the disk filled: at most the two in flight failed.
    let failed = partial.iter().filter(|l| l.1 == "failed").count();
    assert!(failed <= 2, "{partial:#?}");
    assert!(partial.len() < 12, "the batch stopped early: {partial:#?}");
    let leftovers: Vec<_> = std::fs::read_dir(&out).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().contains(".tmp-")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Space freed: --resume finishes the job.
    fs.resize("16m");
    let resumed = extract(&[&args[..], &["--resume"]].concat());
    assert_eq!(resumed.status.code(), Some(0), "{}", String::from_utf8_lossy(&resumed.stderr));

    assert_eq!(manifest(&out), manifest(&clean_out));
    let (got, want) = (outputs(&out), outputs(&clean_out));
    assert_eq!(got.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>());
    assert!(got == want, "resumed outputs are byte for byte those of a clean run");
}
