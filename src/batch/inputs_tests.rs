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
