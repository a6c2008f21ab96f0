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
