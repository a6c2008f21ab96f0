//! The memory ceiling: heap accounting per thread (with the counting allocator installed, as
//! the binary does), and `--max-memory` refusing a document with `limit_exceeded` while the
//! rest of the batch goes on.

// A panic is how a test reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::Command;
use tablelift::memory::{CountingAllocator, MemoryCeiling, thread_held};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

#[test]
fn a_thread_is_charged_for_what_it_holds() {
    // On a thread of its own, so that no other test's allocations are counted.
    std::thread::spawn(|| {
        let ceiling = MemoryCeiling::starting_now(4 << 20, true);
        let before = thread_held();
        let block = vec![7u8; 8 << 20];
        assert!(thread_held() - before >= 8 << 20, "8 MB held: {}", thread_held() - before);
        assert!(ceiling.exceeded(), "8 MB is over a 4 MB ceiling (used {})", ceiling.used());
        drop(block);
        assert!(thread_held() - before < 1 << 20, "freed: {}", thread_held() - before);
        assert!(!ceiling.exceeded());
    })
    .join()
    .unwrap();
}

/// `pdf` followed by `padding` bytes of comment lines and a repeated `startxref` pointing at
/// the original cross-reference table: the same document, a bigger file.
fn padded(pdf: &[u8], padding: usize) -> Vec<u8> {
    let text = String::from_utf8_lossy(pdf);
    let at = text.rfind("startxref").unwrap();
    let offset: String = text[at + 9..].trim_start().chars().take_while(char::is_ascii_digit).collect();
    let mut out = pdf.to_vec();
    while out.len() < pdf.len() + padding {
        out.extend_from_slice(b"\n% padding so that this file is bigger than its content\n");
    }
    out.extend_from_slice(format!("\nstartxref\n{offset}\n%%EOF\n").as_bytes());
    out
}

#[test]
fn max_memory_refuses_a_document_and_the_batch_goes_on() {
    let samples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    for name in ["vi_ngansach_xa_unruled", "zh_kongbiao_2022", "zh_zhengfu_caigou"] {
        std::fs::copy(samples.join(format!("{name}.pdf")), inputs.join(format!("{name}.pdf"))).unwrap();
    }
    // Read whole into memory (it is far below the size from which files are mapped), the
    // padded file alone holds 6 MB.
    let big = padded(&std::fs::read(samples.join("vi_totrinh_dieuchinh_dong.pdf")).unwrap(), 6 << 20);
    std::fs::write(inputs.join("padded.pdf"), big).unwrap();
    let run = |mb: &str, out: &str| {
        let status = Command::new(env!("CARGO_BIN_EXE_tablelift"))
            .args(["extract", "-q", "-j", "2", "--max-memory", mb, "-o"])
            .arg(tmp.path().join(out))
            .arg(&inputs)
            .status()
            .unwrap();
        let manifest = std::fs::read_to_string(tmp.path().join(out).join("manifest.ndjson")).unwrap();
        let lines: Vec<serde_json::Value> = manifest.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        (status.code(), lines)
    };
    let (code, lines) = run("3", "tight");
    assert_eq!(code, Some(1));
    assert_eq!(lines.len(), 4);
    for l in &lines {
        if l["path"].as_str().unwrap().ends_with("padded.pdf") {
            assert_eq!(l["status"], "failed", "{l}");
            assert_eq!(l["error_code"], "limit_exceeded", "{l}");
            assert!(l["error"].as_str().unwrap().contains("memory"), "{l}");
        } else {
            assert_eq!(l["status"], "ok", "{l}");
        }
    }
    // With room for it, the padded file is the document it was.
    let (code, lines) = run("100", "ample");
    assert_eq!(code, Some(0));
    assert!(lines.iter().all(|l| l["status"] == "ok" && l["tables"].as_u64() > Some(0)), "{lines:?}");
}
