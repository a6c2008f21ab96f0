//! URL inputs end to end against a real HTTP server on 127.0.0.1 (`tests/http`): every case a
//! scheduled job meets ends in its own status without losing the other documents; a second
//! run is all `unchanged` and rewrites nothing; a changed document is re-extracted.

// A panic is how a test reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod http;

use http::{LAST_MODIFIED, Server, etag_of, samples};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant, SystemTime};

/// Short retries and timeouts, so the suite stays fast.
const FAST: &[&str] = &["--retries", "2", "--retry-backoff", "0.05", "--read-timeout", "0.5", "--max-download-mib", "1"];

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tablelift")).args(["extract"]).args(args).args(FAST).output().unwrap()
}

/// The manifest by path; every line whole and valid against `schema/manifest.schema.json`.
fn manifest(out: &Path) -> BTreeMap<String, Value> {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/manifest.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let text = std::fs::read_to_string(out.join("manifest.ndjson")).unwrap();
    let mut m = BTreeMap::new();
    for l in text.lines() {
        let v: Value = serde_json::from_str(l).expect("whole manifest line");
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{l}: {errors:?}");
        let key = v["path"].as_str().unwrap().to_string();
        assert!(m.insert(key.clone(), v).is_none(), "one line per input: {key}");
    }
    m
}

fn sha256_of(path: &Path) -> String {
    tablelift::digest::sha256_hex(&std::fs::read(path).unwrap())
}

/// The document JSON without its `source` (which names the file or the URL).
fn tables_of(path: &Path) -> Value {
    let mut v: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("source");
    v
}

#[test]
fn every_case_ends_in_its_status_and_nothing_else_is_lost() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let (out, keep) = (dir.path().join("out"), dir.path().join("keep"));
    let good = [
        ("/pdf/vi_totrinh_dieuchinh_dong.pdf", "vi_totrinh_dieuchinh_dong.pdf"),
        ("/nolm/zh_kongbiao_2022.pdf", "zh_kongbiao_2022.pdf"),
        ("/flaky/zh_zhengfu_caigou.pdf", "zh_zhengfu_caigou.pdf"),
        ("/ratelimit/vi_decuong_phuluc_form.pdf", "vi_decuong_phuluc_form.pdf"),
        ("/redirect/zh_shouzhi_zongbiao_2022.pdf", "zh_shouzhi_zongbiao_2022.pdf"),
    ];
    let bad = [
        ("/html.pdf", "not_a_pdf"),
        ("/missing.pdf", "http_error"),
        ("/to-ftp/a.pdf", "url_refused"),
        ("/loop", "url_refused"),
        ("/truncated/vi_kehoach_prose.pdf", "truncated"),
        ("/endless.pdf", "limit_exceeded"),
        ("/lying.pdf", "limit_exceeded"),
        ("/stall/vi_ngansach_xa_unruled.pdf", "timeout"),
        ("/silent.pdf", "timeout"),
    ];
    let list: String = good.iter().map(|g| g.0).chain(bad.iter().map(|b| b.0)).map(|p| server.url(p) + "\n").collect();
    let list_file = dir.path().join("urls.txt");
    std::fs::write(&list_file, format!("# tonight's documents\n\n{list}")).unwrap();
    // A local file in the same run goes through as before.
    let local = samples().join("zh_xiangmu_jixiao_mubiao.pdf");
    let o = run(&[
        local.to_str().unwrap(),
        "--urls",
        list_file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--keep-pdfs",
        keep.to_str().unwrap(),
        "--log-format",
        "json",
        "-j",
        "4",
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "some documents failed: {stderr}");

    let m = manifest(&out);
    assert_eq!(m.len(), good.len() + bad.len() + 1, "{m:#?}");
    assert_eq!(m[&local.display().to_string()]["status"], "ok");
    for (route, file) in good {
        let line = &m[&server.url(route)];
        let want_sha = sha256_of(&samples().join(file));
        assert_eq!(line["status"], "ok", "{line}");
        assert_eq!(line["url"], server.url(route));
        assert_eq!(line["http_status"], 200);
        assert_eq!(line["sha256"], want_sha.as_str());
        assert_eq!(line["bytes"], std::fs::metadata(samples().join(file)).unwrap().len());
        // Same tables as the file itself gives.
        let output = out.join(format!("{}/{}", server.base.trim_start_matches("http://").replace(':', "_"), route.trim_start_matches('/')));
        let file_out = dir.path().join(format!("file-{file}"));
        let o = Command::new(env!("CARGO_BIN_EXE_tablelift")).args(["extract", "-o"]).arg(&file_out).arg(samples().join(file)).output().unwrap();
        assert!(o.status.success());
        assert_eq!(tables_of(&output.with_extension("json")), tables_of(&file_out.join(file).with_extension("json")), "{route}");
        // Kept by content.
        assert_eq!(std::fs::read(keep.join(format!("{want_sha}.pdf"))).unwrap(), std::fs::read(samples().join(file)).unwrap());
    }
    let pdf = &m[&server.url("/pdf/vi_totrinh_dieuchinh_dong.pdf")];
    let bytes = std::fs::read(samples().join("vi_totrinh_dieuchinh_dong.pdf")).unwrap();
    assert_eq!(pdf["etag"], etag_of(&bytes).as_str());
    assert_eq!(pdf["last_modified"], LAST_MODIFIED);
    assert_eq!(m[&server.url("/nolm/zh_kongbiao_2022.pdf")]["etag"], Value::Null);
    assert_eq!(m[&server.url("/redirect/zh_shouzhi_zongbiao_2022.pdf")]["final_url"], server.url("/pdf/zh_shouzhi_zongbiao_2022.pdf"));
    for (route, code) in bad {
        let line = &m[&server.url(route)];
        assert_eq!((line["status"].as_str(), line["error_code"].as_str()), (Some("failed"), Some(code)), "{route}: {line}");
    }
    assert!(m[&server.url("/html.pdf")]["error"].as_str().unwrap().contains("text/html"));

    // Retries: 500 and 429 once each, then served; the 429 waited for its Retry-After.
    assert_eq!(server.hits_of("/flaky/zh_zhengfu_caigou.pdf").len(), 2);
    let limited = server.hits_of("/ratelimit/vi_decuong_phuluc_form.pdf");
    assert_eq!(limited.len(), 2);
    assert!(limited[1].at - limited[0].at >= Duration::from_millis(990), "Retry-After: 1 honoured");
    // A cut body and a stall are retried (2 retries), a 404 is not, a redirect loop stops at 5.
    assert_eq!(server.hits_of("/truncated/vi_kehoach_prose.pdf").len(), 3);
    assert_eq!(server.hits_of("/stall/vi_ngansach_xa_unruled.pdf").len(), 3);
    assert_eq!(server.hits_of("/missing.pdf").len(), 1);
    assert_eq!(server.hits_of("/loop").len(), 6);
    assert_eq!(server.hits_of("/lying.pdf").len(), 1, "an announced size over the limit is not retried");

    // No download is left behind, and failed URLs wrote no output of their own but the
    // failure file.
    let leftovers: Vec<_> = std::fs::read_dir(&out).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().contains(".tmp-")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // The JSON log: begin, one document event per input, summary; nothing else.
    let events: Vec<Value> = stderr.lines().map(|l| serde_json::from_str(l).expect("an NDJSON event")).collect();
    assert_eq!(events.first().unwrap()["type"], "begin");
    assert_eq!(events.last().unwrap()["type"], "summary");
    let docs: Vec<&Value> = events.iter().filter(|e| e["type"] == "document").collect();
    assert_eq!(docs.len(), m.len());
    assert_eq!(events.len(), m.len() + 2);
    let summary = &events.last().unwrap()["data"];
    assert_eq!((summary["ok"].as_u64(), summary["failed"].as_u64()), (Some(6), Some(bad.len() as u64)));
}

#[test]
fn second_run_is_unchanged_and_rewrites_nothing_then_a_change_is_extracted() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let facts = dir.path().join("facts.ndjson");
    let names: Vec<String> = std::fs::read_dir(samples())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    // Most with validators (answered 304), two without (told unchanged by sha256), one that
    // changes later.
    let mut urls: Vec<String> = names.iter().enumerate().map(|(i, n)| server.url(&format!("/{}/{n}", if i < 2 { "nolm" } else { "pdf" }))).collect();
    urls.push(server.url("/switch/vi_totrinh_dieuchinh_dong.pdf"));
    let mut args: Vec<&str> = urls.iter().map(String::as_str).collect();
    args.extend(["-o", out.to_str().unwrap(), "-q", "--facts", facts.to_str().unwrap()]);

    let first = run(&args);
    assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(manifest(&out).values().all(|l| l["status"] == "ok"));
    let mtimes = |dir: &Path| -> BTreeMap<String, SystemTime> {
        walk(dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")).map(|p| (p.display().to_string(), std::fs::metadata(&p).unwrap().modified().unwrap())).collect()
    };
    let before = mtimes(&out);
    let facts_before = std::fs::read_to_string(&facts).unwrap();
    assert!(facts_before.lines().count() > 100);
    assert_eq!(before.len(), urls.len());
    let hits_before = server.hits.lock().unwrap().len();

    let start = Instant::now();
    let second = run(&args);
    let took = start.elapsed();
    assert_eq!(second.status.code(), Some(0), "{}", String::from_utf8_lossy(&second.stderr));
    eprintln!("second run over {} unchanged URLs: {:.0} ms", urls.len(), took.as_secs_f64() * 1000.0);
    let m = manifest(&out);
    assert_eq!(m.len(), urls.len());
    for (url, line) in &m {
        assert_eq!(line["status"], "unchanged", "{line}");
        let want = if url.contains("/nolm/") { 200 } else { 304 };
        assert_eq!(line["http_status"], want, "{line}");
        assert!(line["pages"].as_u64().unwrap() > 0 && line["sha256"].as_str().unwrap().len() == 64, "{line}");
    }
    assert_eq!(mtimes(&out), before, "no output rewritten");
    assert_eq!(std::fs::read_to_string(&facts).unwrap(), facts_before, "the facts of unchanged documents are kept");
    // --resume skips them all and still keeps their facts.
    let resumed = run(&[&args[..], &["--resume"]].concat());
    assert_eq!(resumed.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&facts).unwrap(), facts_before);
    // Every URL with validators was asked conditionally.
    let hits = server.hits.lock().unwrap()[hits_before..].to_vec();
    assert_eq!(hits.len(), urls.len());
    for h in hits.iter().filter(|h| !h.path.starts_with("/nolm/")) {
        assert!(h.headers.contains_key("if-none-match") && h.headers["if-modified-since"] == LAST_MODIFIED, "{h:?}");
    }

    // The document behind one URL changes: only it is extracted again, its output replaced.
    server.switch.store(true, std::sync::atomic::Ordering::SeqCst);
    let third = run(&args);
    assert_eq!(third.status.code(), Some(0));
    let m = manifest(&out);
    let switched = &m[&server.url("/switch/vi_totrinh_dieuchinh_dong.pdf")];
    assert_eq!(switched["status"], "ok");
    assert_eq!(switched["sha256"], sha256_of(&samples().join("zh_kongbiao_2022.pdf")).as_str());
    assert_eq!(m.values().filter(|l| l["status"] == "unchanged").count(), urls.len() - 1);
    let after = mtimes(&out);
    let changed: Vec<_> = after.iter().filter(|(k, v)| before[*k] != **v).map(|(k, _)| k.clone()).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].ends_with("switch/vi_totrinh_dieuchinh_dong.json"));

    // An output lost since: its URL is fetched without conditions and extracted again.
    let lost = after.keys().find(|k| k.contains("/pdf/")).unwrap().clone();
    std::fs::remove_file(&lost).unwrap();
    let hits_before = server.hits.lock().unwrap().len();
    let fourth = run(&args);
    assert_eq!(fourth.status.code(), Some(0));
    let m = manifest(&out);
    assert_eq!(m.values().filter(|l| l["status"] == "ok").count(), 1, "{m:#?}");
    assert!(Path::new(&lost).exists());
    let hits = server.hits.lock().unwrap()[hits_before..].to_vec();
    assert_eq!(hits.iter().filter(|h| !h.headers.contains_key("if-none-match") && h.path.starts_with("/pdf/")).count(), 1);
}

#[test]
fn a_new_version_that_fails_keeps_the_last_good_output() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let url = server.url("/breaks/zh_zhengfu_caigou.pdf");
    let args = [url.as_str(), "-o", out.to_str().unwrap(), "-q"];
    assert_eq!(run(&args).status.code(), Some(0));
    let output = walk(&out).into_iter().find(|p| p.extension().is_some_and(|e| e == "json")).unwrap();
    let (good, mtime) = (std::fs::read(&output).unwrap(), std::fs::metadata(&output).unwrap().modified().unwrap());

    server.switch.store(true, std::sync::atomic::Ordering::SeqCst);
    let broken = run(&args);
    assert_eq!(broken.status.code(), Some(1));
    let line = &manifest(&out)[&url];
    assert_eq!(line["status"], "failed", "{line}");
    assert_eq!(std::fs::read(&output).unwrap(), good, "the last good output stays");
    assert_eq!(std::fs::metadata(&output).unwrap().modified().unwrap(), mtime);

    // Back to the old version: the server says 304 to the old ETag.
    server.switch.store(false, std::sync::atomic::Ordering::SeqCst);
    assert_eq!(run(&args).status.code(), Some(0));
    let line = &manifest(&out)[&url];
    assert_eq!((line["status"].as_str(), line["http_status"].as_u64()), (Some("unchanged"), Some(304)), "{line}");
}

#[test]
fn allow_host_and_credentials() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // The server wants Basic auth of alice:s3cret: the credentials are sent, never shown.
    let with_creds = server.url("/auth/zh_kongbiao_2022.pdf").replace("http://", "http://alice:s3cret@");
    let o = run(&[&with_creds, "https://example.org/x.pdf", "--allow-host", "127.0.0.1", "-o", out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    let m = manifest(&out);
    let refused = &m["https://example.org/x.pdf"];
    assert_eq!(refused["error_code"], "url_refused");
    let shown = with_creds.replace("alice:s3cret", "***");
    assert_eq!(m[&shown]["status"], "ok");
    // The password is nowhere: not in the manifest, outputs, state or messages.
    for p in walk(&out) {
        let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
        assert!(!text.contains("s3cret"), "{}", p.display());
    }
    assert!(!stderr.contains("s3cret"));
    assert_eq!(server.hits.lock().unwrap().len(), 1, "nothing fetched from a host not allowed");
}

#[test]
fn at_most_per_host_downloads_at_once_and_urls_from_stdin() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let names = ["vi_kehoach_prose.pdf", "zh_kongbiao_2022.pdf", "zh_zhengfu_caigou.pdf", "vi_totrinh_dieuchinh_dong.pdf", "zh_shouzhi_zongbiao_2022.pdf", "vi_decuong_phuluc_form.pdf"];
    let list: String = names.iter().map(|n| server.url(&format!("/busy/{n}")) + "\n").collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tablelift"))
        .args(["extract", "--urls", "-", "-o", out.to_str().unwrap(), "-j", "6", "--per-host", "2", "-q"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), list.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(manifest(&out).len(), names.len());
    assert_eq!(server.busy_peak.load(std::sync::atomic::Ordering::SeqCst), 2, "six workers, two at once on the one host");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() { stack.push(p) } else { files.push(p) }
        }
    }
    files
}
