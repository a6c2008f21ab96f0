//! Unit tests of `inputs`.

use super::*;

#[test]
fn finds_pdfs_recursively_any_case() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
    for f in ["x.pdf", "a/y.PDF", "a/b/z.Pdf", "a/notes.txt"] {
        std::fs::write(dir.path().join(f), b"%PDF-1.4").unwrap();
    }
    let found = expand_inputs(&[dir.path().to_path_buf()]).unwrap();
    let rel: Vec<String> = found.iter().map(|f| f.relative.display().to_string()).collect();
    assert_eq!(rel, vec!["a/b/z.Pdf", "a/y.PDF", "x.pdf"]);
}

#[test]
fn urls_are_inputs_and_other_schemes_refused() {
    let found = expand_inputs(&[PathBuf::from("https://bob:pw@example.org/b/plan.pdf")]).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, PathBuf::from("https://***@example.org/b/plan.pdf"));
    assert_eq!(found[0].relative, PathBuf::from("example.org/b/plan.pdf"));
    assert!(found[0].url.is_some());
    let refused = expand_inputs(&[PathBuf::from("ftp://example.org/plan.pdf")]).unwrap_err();
    assert_eq!(refused.code(), "url_refused");
    // A path that merely contains "://" further on is still a path.
    assert!(InputFile::from_url_text("dir/a://b.pdf").is_none());
}
