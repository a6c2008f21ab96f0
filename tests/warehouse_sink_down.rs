//! `--sink` to a server that accepts connections and never answers (a hung server, a
//! firewall that swallows packets): each connection attempt is given up after its deadline,
//! the documents are recorded as `sink_unavailable` without each waiting for the server again,
//! and the batch ends in seconds. Needs no PostgreSQL: the "server" is a silent socket.

// A panic is how a test reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod warehouse_common;

use std::net::TcpListener;
use std::time::{Duration, Instant};
use warehouse_common::{bin, manifest, samples};

#[test]
fn a_server_that_never_answers_fails_the_documents_quickly() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // Accept and hold every connection, never reading or writing.
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for s in listener.incoming() {
            held.push(s);
        }
    });
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let start = Instant::now();
    let mut child = bin()
        .args(["extract", "--quiet", "-j", "2", "-o"])
        .arg(&out)
        .arg("--sink")
        .arg(format!("postgres://loader:Sw0rdfish@127.0.0.1:{port}/dw?sslmode=disable"))
        .arg(samples())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Without a deadline for the handshake the run would never end: give up on it at 90 s.
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("the run still waits for the silent server after 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let elapsed = start.elapsed();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(1), "{stderr}");
    let lines = manifest(&out);
    assert_eq!(lines.len(), 12, "every sample has its line");
    assert!(lines.iter().all(|l| l["error_code"] == "sink_unavailable"), "{lines:?}");
    assert!(lines.iter().all(|l| l["error"].as_str().unwrap().contains("loader:***@127.0.0.1")), "{lines:?}");
    assert!(stderr.contains("no answer within 10 s"), "{stderr}");
    assert!(!stderr.contains("Sw0rdfish") && !std::fs::read_to_string(out.join("manifest.ndjson")).unwrap().contains("Sw0rdfish"));
    // One 10 s deadline at the start; then the documents do not each wait for the server.
    assert!(elapsed < Duration::from_secs(30), "took {elapsed:?}");
}
