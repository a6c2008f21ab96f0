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

#[test]
fn inputs_of_one_name_get_outputs_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["one/plan.pdf", "two/plan.pdf", "two/PLAN.PDF", "one/other.pdf"] {
        std::fs::create_dir_all(dir.path().join(f).parent().unwrap()).unwrap();
        std::fs::write(dir.path().join(f), f.as_bytes()).unwrap();
    }
    let found = expand_inputs(&[dir.path().join("one"), dir.path().join("two")]).unwrap();
    let outputs: Vec<String> = found.iter().map(|f| f.relative.with_extension("json").display().to_string()).collect();
    // Every output name differs (case folded too); a name nobody shares stays short.
    let mut keys: Vec<String> = outputs.iter().map(|o| o.to_lowercase()).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), 4, "{outputs:?}");
    assert!(outputs.contains(&"other.json".to_string()), "{outputs:?}");
    let one = outputs.iter().find(|o| o.ends_with("one/plan.json")).expect("named by its path");
    assert!(!one.starts_with('/'), "{one}");
    // two/plan.pdf and two/PLAN.PDF still clash by path (case folded): hashed apart.
    assert_eq!(outputs.iter().filter(|o| o.contains("two/") && o.to_lowercase().contains("plan-")).count(), 2, "{outputs:?}");
}
