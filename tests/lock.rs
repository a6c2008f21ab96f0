//! One run per output directory: a second run into the same `--out` refuses at once (exit 2,
//! naming the running process) or waits with `--wait-lock`; the manifest then holds exactly
//! one line per document. A run killed with SIGKILL leaves no stale lock.

// A panic is how a test reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod http;

use http::{Server, samples};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn extract(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tablelift"));
    c.arg("extract").args(args).args(["--read-timeout", "30", "-q"]).stdout(Stdio::null()).stderr(Stdio::piped());
    c
}

/// Wait until the run `child` holds the lock of `out` (its pid is in the lock file).
fn wait_for_lock(child: &Child, out: &Path) {
    let start = Instant::now();
    let want = format!("pid {} ", child.id());
    while !std::fs::read_to_string(out.join(".tablelift.lock")).is_ok_and(|t| t.starts_with(&want)) {
        assert!(start.elapsed() < Duration::from_secs(20), "the first run never took the lock");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn manifest_paths(out: &Path) -> Vec<String> {
    std::fs::read_to_string(out.join("manifest.ndjson"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("whole line")["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn overlapping_runs_second_refuses_or_waits_and_the_manifest_holds_one_line_each() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let slow = server.url("/slow/zh_kongbiao_2022.pdf");
    let samples_dir = samples();
    let args = [slow.as_str(), samples_dir.to_str().unwrap(), "-o", out.to_str().unwrap()];

    let first = extract(&args).spawn().unwrap();
    wait_for_lock(&first, &out);
    let refused = extract(&args).output().unwrap();
    let msg = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{msg}");
    assert!(msg.contains(&format!("pid {}", first.id())) && msg.contains("--wait-lock"), "{msg}");
    // The same refusal as NDJSON events for a scheduler.
    let refused = extract(&[&args[..], &["--log-format", "json"]].concat()).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let events: Vec<serde_json::Value> = String::from_utf8_lossy(&refused.stderr).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!((events[0]["type"].as_str(), events[1]["type"].as_str()), (Some("begin"), Some("error")));
    assert_eq!(events[1]["data"]["code"], "locked");

    let waited = extract(&[&args[..], &["--wait-lock", "60"]].concat()).output().unwrap();
    let first = first.wait_with_output().unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
    assert_eq!(waited.status.code(), Some(0), "{}", String::from_utf8_lossy(&waited.stderr));

    let paths = manifest_paths(&out);
    let unique: BTreeSet<&String> = paths.iter().collect();
    assert_eq!(paths.len(), unique.len(), "one line per document: {paths:?}");
    assert_eq!(paths.len(), 13, "12 samples and the URL");
    assert!(unique.contains(&slow));
}

#[test]
fn a_run_killed_with_sigkill_leaves_no_stale_lock() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // The first run hangs on a stalled server until it is killed.
    let stalled = server.url("/stall/zh_kongbiao_2022.pdf");
    let mut first = extract(&[stalled.as_str(), "-o", out.to_str().unwrap()]).spawn().unwrap();
    wait_for_lock(&first, &out);
    first.kill().unwrap(); // SIGKILL
    first.wait().unwrap();
    assert!(std::fs::read_to_string(out.join(".tablelift.lock")).unwrap().contains(&format!("pid {}", first.id())), "the dead run's name is still in the file");

    let sample = samples().join("zh_zhengfu_caigou.pdf");
    let start = Instant::now();
    let next = extract(&[sample.to_str().unwrap(), "-o", out.to_str().unwrap()]).output().unwrap();
    assert_eq!(next.status.code(), Some(0), "{}", String::from_utf8_lossy(&next.stderr));
    assert!(start.elapsed() < Duration::from_secs(10), "no wait for a dead run");
    assert_eq!(manifest_paths(&out), vec![sample.display().to_string()]);
    // The finished run leaves the lock file empty, and no download of the killed run.
    assert_eq!(std::fs::read_to_string(out.join(".tablelift.lock")).unwrap(), "");
    let leftovers: Vec<_> = std::fs::read_dir(&out).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().contains(".tmp-")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
