//! A real HTTP/1.1 server for the fetch tests, on 127.0.0.1 in the test process, built on
//! std's `TcpListener` for byte-level control (cut bodies, stalls, lying lengths). It serves
//! the sample PDFs with ETags and answers the cases a scheduled job meets on the open web.
//!
//! Routes (`NAME` is a file in `samples/`):
//! - `/pdf/NAME`: the file, `ETag` and `Last-Modified`; `304` to a matching `If-None-Match`
//! - `/nolm/NAME`: the file without validators (unchanged is then told by sha256)
//! - `/switch/NAME`: like `/pdf/`, but serves `samples/zh_kongbiao_2022.pdf` once `switch` is set
//! - `/breaks/NAME`: like `/pdf/`, but its first third once `switch` is set (a broken new version)
//! - `/flaky/NAME`: `500` the first time, then the file
//! - `/ratelimit/NAME`: `429` with `Retry-After: 1` the first time, then the file
//! - `/redirect/NAME`: `302` to `/pdf/NAME`; `/to-ftp/NAME`: `302` to an ftp URL; `/loop`: `302` to itself
//! - `/auth/NAME`: the file to `Authorization: Basic` of alice:s3cret, else `401`
//! - `/html.pdf`: an HTML page; `/missing.pdf`: `404`
//! - `/truncated/NAME`: `Content-Length` of the file, half of it sent, connection closed
//! - `/endless.pdf`: a PDF header and zeros without end (no `Content-Length`)
//! - `/lying.pdf`: `Content-Length: 100000000000`
//! - `/stall/NAME`: headers, then nothing (for `STALL`); `/silent.pdf`: no answer at all
//! - `/slow/NAME`: the file after 3 s; `/busy/NAME`: after 0.3 s, counting requests at once

// A panic is how a test reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a stalled route stays silent.
pub const STALL: Duration = Duration::from_secs(20);

/// One request the server received.
#[derive(Debug, Clone)]
pub struct Hit {
    pub path: String,
    pub at: Instant,
    pub headers: HashMap<String, String>,
}

pub struct Server {
    pub base: String,
    pub hits: Arc<Mutex<Vec<Hit>>>,
    pub switch: Arc<AtomicBool>,
    /// Most `/busy/` requests served at once.
    pub busy_peak: Arc<AtomicUsize>,
}

pub fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let hits = Arc::new(Mutex::new(Vec::new()));
        let switch = Arc::new(AtomicBool::new(false));
        let busy_peak = Arc::new(AtomicUsize::new(0));
        let busy_now = Arc::new(AtomicUsize::new(0));
        let (h, s, peak) = (hits.clone(), switch.clone(), busy_peak.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (h, s, peak, now) = (h.clone(), s.clone(), peak.clone(), busy_now.clone());
                std::thread::spawn(move || {
                    let _ = handle(stream, &h, &s, &Busy { now: &now, peak: &peak });
                });
            }
        });
        Server { base, hits, switch, busy_peak }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Requests received for `path`.
    pub fn hits_of(&self, path: &str) -> Vec<Hit> {
        self.hits.lock().unwrap().iter().filter(|h| h.path == path).cloned().collect()
    }
}

/// The validators of a sample: a strong ETag from its bytes and a fixed date.
pub fn etag_of(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("\"{h:016x}\"")
}
pub const LAST_MODIFIED: &str = "Wed, 01 Oct 2025 00:00:00 GMT";

/// Counts of `/busy/` requests in progress.
struct Busy<'a> {
    now: &'a AtomicUsize,
    peak: &'a AtomicUsize,
}

fn handle(mut stream: TcpStream, hits: &Mutex<Vec<Hit>>, switch: &AtomicBool, busy: &Busy) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut l = String::new();
        if reader.read_line(&mut l)? == 0 || l == "\r\n" || l == "\n" {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let first = {
        let mut h = hits.lock().unwrap();
        let first = !h.iter().any(|x| x.path == path);
        h.push(Hit { path: path.clone(), at: Instant::now(), headers: headers.clone() });
        first
    };
    let (route, name) = path.trim_start_matches('/').split_once('/').unwrap_or((path.trim_start_matches('/'), ""));
    let sample = || std::fs::read(samples().join(name));
    match route {
        "pdf" | "nolm" | "switch" | "redirect-target" => {
            let bytes = if route == "switch" && switch.load(Ordering::SeqCst) {
                std::fs::read(samples().join("zh_kongbiao_2022.pdf"))?
            } else {
                sample()?
            };
            serve_file(&mut stream, &bytes, route != "nolm", &headers)
        }
        "auth" if headers.get("authorization").map(String::as_str) != Some("Basic YWxpY2U6czNjcmV0") => {
            respond(&mut stream, "401 Unauthorized", &[("WWW-Authenticate", "Basic")], b"who are you")
        }
        "auth" => serve_file(&mut stream, &sample()?, true, &headers),
        "breaks" if switch.load(Ordering::SeqCst) => {
            let bytes = sample()?;
            serve_file(&mut stream, &bytes[..bytes.len() / 3], true, &headers)
        }
        "breaks" => serve_file(&mut stream, &sample()?, true, &headers),
        "flaky" if first => respond(&mut stream, "500 Internal Server Error", &[], b"try later"),
        "ratelimit" if first => respond(&mut stream, "429 Too Many Requests", &[("Retry-After", "1")], b"slow down"),
        "flaky" | "ratelimit" => serve_file(&mut stream, &sample()?, true, &headers),
        "redirect" => respond(&mut stream, "302 Found", &[("Location", &format!("/pdf/{name}"))], b""),
        "to-ftp" => respond(&mut stream, "302 Found", &[("Location", &format!("ftp://127.0.0.1/{name}"))], b""),
        "loop" => respond(&mut stream, "302 Found", &[("Location", "/loop")], b""),
        "html.pdf" => respond(
            &mut stream,
            "200 OK",
            &[("Content-Type", "text/html; charset=utf-8")],
            b"<!DOCTYPE html><html><body>Document moved</body></html>",
        ),
        "missing.pdf" => respond(&mut stream, "404 Not Found", &[], b"no such file"),
        "truncated" => {
            let bytes = sample()?;
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", bytes.len());
            stream.write_all(head.as_bytes())?;
            stream.write_all(&bytes[..bytes.len() / 2])?;
            stream.flush()
        }
        "endless.pdf" => {
            stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nConnection: close\r\n\r\n%PDF-1.7\n")?;
            let zeros = vec![0u8; 1 << 16];
            loop {
                stream.write_all(&zeros)?;
            }
        }
        "lying.pdf" => {
            stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: 100000000000\r\nConnection: close\r\n\r\n%PDF-1.7\n")?;
            std::thread::sleep(STALL);
            Ok(())
        }
        "stall" => {
            let bytes = sample()?;
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", bytes.len());
            stream.write_all(head.as_bytes())?;
            stream.write_all(&bytes[..100])?;
            stream.flush()?;
            std::thread::sleep(STALL);
            Ok(())
        }
        "silent.pdf" => {
            std::thread::sleep(STALL);
            Ok(())
        }
        "busy" => {
            let n = busy.now.fetch_add(1, Ordering::SeqCst) + 1;
            busy.peak.fetch_max(n, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(300));
            busy.now.fetch_sub(1, Ordering::SeqCst);
            serve_file(&mut stream, &sample()?, true, &headers)
        }
        "slow" => {
            std::thread::sleep(Duration::from_millis(3000));
            serve_file(&mut stream, &sample()?, true, &headers)
        }
        _ => respond(&mut stream, "404 Not Found", &[], b"unknown route"),
    }
}

fn serve_file(stream: &mut TcpStream, bytes: &[u8], validators: bool, headers: &HashMap<String, String>) -> std::io::Result<()> {
    let etag = etag_of(bytes);
    if !validators {
        return respond(stream, "200 OK", &[("Content-Type", "application/pdf")], bytes);
    }
    if headers.get("if-none-match") == Some(&etag) {
        return respond(stream, "304 Not Modified", &[("ETag", &etag), ("Last-Modified", LAST_MODIFIED)], b"");
    }
    respond(stream, "200 OK", &[("Content-Type", "application/pdf"), ("ETag", &etag), ("Last-Modified", LAST_MODIFIED)], bytes)
}

fn respond(stream: &mut TcpStream, status: &str, headers: &[(&str, &str)], body: &[u8]) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    if !status.starts_with("304") {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}
