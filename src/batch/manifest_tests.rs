//! Unit tests of `manifest`.

use super::*;

fn line(path: &str, status: Status) -> ManifestLine {
    ManifestLine { path: path.into(), sha256: "ab".into(), status, pages: 1, tables: 0, error_code: None, error: None, duplicate_of: None, ms: 3 }
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
