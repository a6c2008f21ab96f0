//! The batch CLI end to end: one manifest line per input, failures isolated, duplicates
//! reported, deterministic outputs, resume after a kill, and shards that split a corpus.

// A panic is how a test or benchmark reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tablelift"))
}

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// A corpus of the sample PDFs plus broken inputs and a duplicate.
fn make_corpus(dir: &Path) {
    std::fs::create_dir_all(dir.join("zz")).unwrap();
    for e in std::fs::read_dir(samples()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "pdf") {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    std::fs::copy(samples().join("zh_kongbiao_2022.pdf"), dir.join("zz/copy_of_kongbiao.PDF")).unwrap();
    std::fs::write(dir.join("html_page.pdf"), b"<!DOCTYPE html><html><body>404</body></html>").unwrap();
    std::fs::write(dir.join("empty.pdf"), b"").unwrap();
    let good = std::fs::read(samples().join("vi_totrinh_dieuchinh_dong.pdf")).unwrap();
    std::fs::write(dir.join("truncated.pdf"), &good[..good.len() / 3]).unwrap();
}

fn manifest(out: &Path) -> Vec<Value> {
    std::fs::read_to_string(out.join("manifest.ndjson"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("whole manifest line"))
        .collect()
}

/// Output files (relative path → bytes), manifest excluded.
fn outputs(out: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut m = BTreeMap::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().unwrap() != "manifest.ndjson" {
                m.insert(p.strip_prefix(out).unwrap().display().to_string(), std::fs::read(&p).unwrap());
            }
        }
    }
    m
}

#[test]
fn bad_files_fail_alone_and_duplicates_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("in");
    make_corpus(&corpus);
    let out = tmp.path().join("out");
    let status = bin().args(["extract", "--quiet", "-o"]).arg(&out).arg(&corpus).status().unwrap();
    assert_eq!(status.code(), Some(1), "some documents failed");
    let lines = manifest(&out);
    assert_eq!(lines.len(), 16, "one line per input (12 samples + duplicate + 3 broken)");
    let by_name: BTreeMap<String, &Value> =
        lines.iter().map(|l| (Path::new(l["path"].as_str().unwrap()).file_name().unwrap().to_string_lossy().into_owned(), l)).collect();
    assert_eq!(by_name["html_page.pdf"]["error_code"], "not_a_pdf");
    assert_eq!(by_name["empty.pdf"]["error_code"], "not_a_pdf");
    assert_eq!(by_name["truncated.pdf"]["status"], "failed");
    assert_eq!(by_name["copy_of_kongbiao.PDF"]["status"], "duplicate");
    assert_eq!(lines.iter().filter(|l| l["status"] == "ok").count(), 12);
    // Every good document is written; failed ones get a document saying why.
    let files = outputs(&out);
    assert!(files.contains_key("vi_pl02_mtqg_wide_ruled.json"));
    let failed: Value = serde_json::from_slice(&files["html_page.json"]).unwrap();
    assert_eq!(failed["status"], "failed");
    assert_eq!(failed["error"]["code"], "not_a_pdf");
}

#[test]
fn outputs_do_not_depend_on_job_count() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("in");
    make_corpus(&corpus);
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    bin().args(["extract", "--quiet", "-j", "1", "-o"]).arg(&a).arg(&corpus).status().unwrap();
    bin().args(["extract", "--quiet", "-j", "2", "-o"]).arg(&b).arg(&corpus).status().unwrap();
    assert!(outputs(&a) == outputs(&b), "same bytes whatever the job count");
}

#[test]
fn kill_and_resume_equals_an_uninterrupted_run() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("in");
    make_corpus(&corpus);
    let full = tmp.path().join("full");
    bin().args(["extract", "--quiet", "-o"]).arg(&full).arg(&corpus).status().unwrap();

    let out = tmp.path().join("resumed");
    for delay_ms in [5u64, 20, 60] {
        let mut child = bin().args(["extract", "--quiet", "-j", "1", "-o"]).arg(&out).arg(&corpus).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // Simulate a line cut short by the kill.
        use std::io::Write;
        if let Ok(mut f) = std::fs::OpenOptions::new().append(true).open(out.join("manifest.ndjson")) {
            let _ = f.write_all(br#"{"path":"cut"#);
        }
        let status = bin().args(["extract", "--quiet", "--resume", "-o"]).arg(&out).arg(&corpus).status().unwrap();
        assert_eq!(status.code(), Some(1));
        let (got, want) = (outputs(&out), outputs(&full));
        assert_eq!(got.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>(), "same files");
        assert!(got == want, "same bytes");
        let key = |l: &Value| (l["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string(), l["status"].to_string());
        let resumed: Vec<_> = manifest(&out).iter().map(key).collect();
        let set: BTreeSet<_> = resumed.iter().cloned().collect();
        assert_eq!(set.len(), resumed.len(), "no duplicated manifest line");
        assert_eq!(set, manifest(&full).iter().map(key).collect::<BTreeSet<_>>());
        std::fs::remove_dir_all(&out).unwrap();
    }
}

/// What a crash of the machine (not just the process) can leave: manifest lines saying `ok`
/// whose output never reached the disk (missing, or renamed in but empty). `--resume` redoes
/// those documents and keeps the others.
#[test]
fn resume_redoes_documents_whose_output_is_missing_or_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("in");
    make_corpus(&corpus);
    let out = tmp.path().join("out");
    bin().args(["extract", "--quiet", "-o"]).arg(&out).arg(&corpus).status().unwrap();
    let want = outputs(&out);
    let lost = out.join("vi_totrinh_dieuchinh_dong.json");
    let emptied = out.join("zh_kongbiao_2022.json");
    let kept = out.join("vi_kehoach_prose.json");
    assert!(lost.exists() && emptied.exists() && kept.exists());
    std::fs::remove_file(&lost).unwrap();
    std::fs::write(&emptied, b"").unwrap();
    let kept_time = std::fs::metadata(&kept).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let status = bin().args(["extract", "--quiet", "--resume", "-o"]).arg(&out).arg(&corpus).status().unwrap();
    assert_eq!(status.code(), Some(1), "the broken inputs still fail");
    assert!(outputs(&out) == want, "the lost and emptied outputs are back, byte for byte");
    assert_eq!(std::fs::metadata(&kept).unwrap().modified().unwrap(), kept_time, "a kept output is not rewritten");
    let lines = manifest(&out);
    let ok_lines = |name: &str| lines.iter().filter(|l| l["path"].as_str().unwrap().ends_with(name) && l["status"] == "ok").count();
    assert_eq!(ok_lines("vi_totrinh_dieuchinh_dong.pdf"), 1);
    assert_eq!(ok_lines("/zh_kongbiao_2022.pdf"), 1);
    assert_eq!(ok_lines("vi_kehoach_prose.pdf"), 1);
}

#[test]
fn shards_cover_the_corpus_without_overlap() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("in");
    make_corpus(&corpus);
    let mut seen: Vec<String> = Vec::new();
    for k in 1..=3 {
        let out = tmp.path().join(format!("shard{k}"));
        bin().args(["extract", "--quiet", "--shard", &format!("{k}/3"), "-o"]).arg(&out).arg(&corpus).status().unwrap();
        seen.extend(manifest(&out).iter().filter(|l| l["sha256"] != "").map(|l| l["path"].as_str().unwrap().to_string()));
    }
    let unique: BTreeSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no input in two shards");
    // All inputs that could be hashed (every file here) are in exactly one shard.
    assert_eq!(seen.len(), 16);
}

#[test]
fn usage_errors_exit_2() {
    let s = bin().args(["extract", "--resume", "x.pdf"]).stderr(Stdio::null()).status().unwrap();
    assert_eq!(s.code(), Some(2));
    let s = bin().args(["extract", "--shard", "4/3", "x.pdf"]).stderr(Stdio::null()).status().unwrap();
    assert_eq!(s.code(), Some(2));
    let s = bin().args(["extract", "--locale", "klingon", "x.pdf"]).stderr(Stdio::null()).status().unwrap();
    assert_eq!(s.code(), Some(2));
}

#[test]
fn single_file_prints_document_json_and_reads_stdin_lists() {
    let out = bin().arg("extract").arg(samples().join("vi_totrinh_dieuchinh_dong.pdf")).output().unwrap();
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["schema_version"], "1");
    assert_eq!(doc["tables"][0]["rows"][1]["cells"][6]["value"], "-1369000000");

    let mut child = bin().args(["extract", "--quiet", "--format", "grid", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "{}", samples().join("zh_kongbiao_2022.pdf").display()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let grid: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(grid["tables"].as_array().unwrap().len(), 3);
}

#[test]
fn inspect_draws_the_page_with_its_tables() {
    let tmp = tempfile::tempdir().unwrap();
    let svg = tmp.path().join("p.svg");
    let s = bin().args(["inspect", "--page", "2", "-o"]).arg(&svg).arg(samples().join("zh_kongbiao_2022.pdf")).stderr(Stdio::null()).status().unwrap();
    assert_eq!(s.code(), Some(0));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg"));
    assert_eq!(text.matches(r#"stroke="blue""#).count(), 1, "one table outlined");
    assert!(text.contains(">栏<") && text.contains(">次<"), "page text drawn");
    // An empty form: nothing to check, so not verified (checked by hand: no amounts on it).
    assert!(text.contains(r#"fill="red">unverified: 0 checks ok, 0 failed"#), "quality verdict drawn");
    let s = bin().args(["inspect", "--page", "9", "-o"]).arg(&svg).arg(samples().join("zh_kongbiao_2022.pdf")).stderr(Stdio::null()).status().unwrap();
    assert_eq!(s.code(), Some(2), "no such page");
}

#[test]
fn facts_carry_paths_units_and_scaled_values() {
    let tmp = tempfile::tempdir().unwrap();
    let facts = tmp.path().join("facts.ndjson");
    let s = bin().args(["extract", "--quiet", "--facts"]).arg(&facts).arg("-o").arg(tmp.path().join("out")).arg(samples().join("vi_pl02_mtqg_wide_ruled.pdf")).status().unwrap();
    assert_eq!(s.code(), Some(0));
    let lines: Vec<Value> = std::fs::read_to_string(&facts).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // Checked by hand on page 1: "Xã Sơn Hạ" (row 1 under project A), column "Tổng vốn",
    // printed 561,78 in triệu đồng.
    let f = lines.iter().find(|f| f["text"] == "561,78").expect("fact for 561,78");
    assert_eq!(f["value"], "561.78");
    assert_eq!(f["row_path"], serde_json::json!(["A", "1"]));
    assert_eq!(f["row_text"], "Xã Sơn Hạ");
    assert_eq!(f["column_path"], serde_json::json!(["Tổng vốn"]));
    assert_eq!(f["multiplier"], "1000000");
    assert_eq!(f["scaled_value"], "561780000.00");
    // Dash zeros are facts too (value 0); every fact has a decimal string value.
    assert!(lines.iter().any(|f| f["text"] == "-" && f["value"] == "0"));
    // Reloading the same PDF gives the same keys.
    let keys: std::collections::BTreeSet<(String, u64, u64)> =
        lines.iter().map(|f| (f["table"].as_str().unwrap().to_string(), f["row"].as_u64().unwrap(), f["col"].as_u64().unwrap())).collect();
    assert_eq!(keys.len(), lines.len(), "one fact per numeric cell");
}

#[test]
fn require_verified_quarantines_documents_with_unverified_tables() {
    // Checked by hand: every table of vi_totrinh_dieuchinh_dong has sums that hold (21
    // checks); zh_kongbiao_2022's three tables are empty forms with no identity to check.
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for name in ["vi_totrinh_dieuchinh_dong.pdf", "zh_kongbiao_2022.pdf"] {
        std::fs::copy(samples().join(name), input.join(name)).unwrap();
    }
    let out = tmp.path().join("out");
    let facts = tmp.path().join("facts.ndjson");
    let s = bin().args(["extract", "--quiet", "--require-verified", "--facts"]).arg(&facts).arg("-o").arg(&out).arg(&input).status().unwrap();
    assert_eq!(s.code(), Some(1), "an unverified document makes the run exit 1");
    let status_of = |name: &str| manifest(&out).into_iter().find(|l| l["path"].as_str().unwrap().ends_with(name)).unwrap()["status"].clone();
    assert_eq!(status_of("vi_totrinh_dieuchinh_dong.pdf"), "ok");
    assert_eq!(status_of("zh_kongbiao_2022.pdf"), "unverified");
    // Its output is still written, with the verdict per table.
    let doc: Value = serde_json::from_slice(&std::fs::read(out.join("zh_kongbiao_2022.json")).unwrap()).unwrap();
    assert!(doc["tables"].as_array().unwrap().iter().all(|t| t["quality"]["verified"] == false));
    let doc: Value = serde_json::from_slice(&std::fs::read(out.join("vi_totrinh_dieuchinh_dong.json")).unwrap()).unwrap();
    assert_eq!(doc["tables"][0]["quality"]["verified"], true);
    assert_eq!(doc["tables"][0]["quality"]["checks_failed"], 0);
    // Facts carry their table's verdict.
    let lines: Vec<Value> = std::fs::read_to_string(&facts).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!lines.is_empty() && lines.iter().all(|f| f["verified"] == true || f["path"].as_str().unwrap().ends_with("zh_kongbiao_2022.pdf")));
    // A resumed run keeps the unverified document as done (its output is there).
    let s = bin().args(["extract", "--quiet", "--require-verified", "--resume", "-o"]).arg(&out).arg(&input).status().unwrap();
    assert_eq!(s.code(), Some(0), "nothing redone");
    assert_eq!(manifest(&out).len(), 2);
    // Without the flag the same documents are simply ok.
    let out2 = tmp.path().join("out2");
    let s = bin().args(["extract", "--quiet", "-o"]).arg(&out2).arg(&input).status().unwrap();
    assert_eq!(s.code(), Some(0));
    assert!(manifest(&out2).iter().all(|l| l["status"] == "ok"));
}
