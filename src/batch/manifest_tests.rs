//! Unit tests of `manifest`.

use super::*;

fn line(path: &str, status: Status) -> ManifestLine {
    ManifestLine { path: path.into(), sha256: "ab".into(), status, pages: 1, tables: 0, error_code: None, error: None, duplicate_of: None, ms: 3, fetch: None }
}

#[test]
fn truncated_last_line_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("manifest.ndjson");
    let mut w = ManifestWriter::open(&p).unwrap();
    w.append(&line("a.pdf", Status::Ok)).unwrap();
    w.append(&line("b.pdf", Status::Failed)).unwrap();
    drop(w);
    let mut f = std::fs::OpenOptions::new().append(true).open(&p).unwrap();
    f.write_all(br#"{"path":"c.pdf","sha2"#).unwrap();
    let lines = read_manifest(&p).unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1].status, Status::Failed);
}

#[test]
fn url_fields_only_on_url_lines_and_read_back() {
    let file = line("a.pdf", Status::Ok);
    let text = serde_json::to_string(&file).unwrap();
    assert!(!text.contains("url") && !text.contains("etag"), "{text}");
    assert_eq!(serde_json::from_str::<ManifestLine>(&text).unwrap(), file);
    let record = FetchRecord {
        url: "https://example.org/a.pdf".into(),
        final_url: Some("https://cdn.example.org/a.pdf".into()),
        http_status: Some(200),
        etag: Some("\"v1\"".into()),
        last_modified: None,
        content_type: Some("application/pdf".into()),
        bytes: Some(12),
    };
    let url = ManifestLine { status: Status::Unchanged, fetch: Some(record), ..line("https://example.org/a.pdf", Status::Ok) };
    let text = serde_json::to_string(&url).unwrap();
    assert!(text.contains(r#""status":"unchanged""#) && text.contains(r#""final_url":"https://cdn.example.org/a.pdf""#), "{text}");
    assert_eq!(serde_json::from_str::<ManifestLine>(&text).unwrap(), url);
}

/// On a full file system an append that only partly fits is cut back: the manifest ends with
/// the last whole line. Needs `mount -t tmpfs` (root); skipped with a message where refused.
#[test]
fn append_that_fills_the_disk_leaves_no_partial_line() {
    let dir = tempfile::tempdir().unwrap();
    let mounted = std::process::Command::new("mount").args(["-t", "tmpfs", "-o", "size=8k", "tmpfs"]).arg(dir.path()).output();
    if !mounted.as_ref().is_ok_and(|o| o.status.success()) {
        eprintln!("SKIPPED append_that_fills_the_disk_leaves_no_partial_line: cannot mount a tmpfs here");
        return;
    }
    let p = dir.path().join("manifest.ndjson");
    let result = std::panic::catch_unwind(|| {
        let mut w = ManifestWriter::open(&p).unwrap();
        // Lines of about 1000 bytes: eight fit in 8 KiB, the ninth only in part.
        let mut long = line("", Status::Ok);
        long.path = "x".repeat(999 - serde_json::to_vec(&long).unwrap().len());
        let line_len = serde_json::to_vec(&long).unwrap().len() + 1;
        assert_eq!(line_len, 1000);
        let mut written = 0;
        let err = loop {
            match w.append(&long) {
                Ok(()) => written += 1,
                Err(e) => break e,
            }
        };
        assert_eq!(err.code(), "no_space", "{err}");
        assert_eq!(written, 8);
        let bytes = std::fs::read(&p).unwrap();
        assert_eq!(bytes.len(), 8 * 1000, "cut back to the last whole line");
        assert_eq!(read_manifest(&p).unwrap().len(), 8);
    });
    let _ = std::process::Command::new("umount").arg(dir.path()).status();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}
