//! The published JSON Schemas (schema/*.schema.json) against real outputs of the binary: a batch
//! over the sample PDFs plus a broken file and a duplicate must produce per-document JSON, facts
//! NDJSON and manifest lines that all validate, and the schemas must reject wrong shapes.

// A panic is how a test or benchmark reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jsonschema::Validator;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load_schema(name: &str) -> Validator {
    let path = manifest_dir().join("schema").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let schema: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{name}: not draft 2020-12");
    if let Err(e) = jsonschema::meta::validate(&schema) {
        panic!("{name} is not a valid JSON Schema: {e}");
    }
    jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("{name}: {e}"))
}

struct Schemas {
    document: Validator,
    fact: Validator,
    manifest: Validator,
}

fn schemas() -> Schemas {
    Schemas {
        document: load_schema("document.schema.json"),
        fact: load_schema("fact.schema.json"),
        manifest: load_schema("manifest.schema.json"),
    }
}

/// Sample PDFs: samples/ when it has any, else ../shared/corpus/budget-dev.
fn sample_pdfs() -> Vec<PathBuf> {
    let candidates = [manifest_dir().join("samples"), manifest_dir().join("../shared/corpus/budget-dev")];
    for dir in candidates {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut pdfs: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
            .collect();
        if !pdfs.is_empty() {
            pdfs.sort();
            return pdfs;
        }
    }
    panic!("no sample PDFs in samples/ or ../shared/corpus/budget-dev");
}

/// Every error of `instance` against `v`, prefixed with `what`.
fn errors_of(v: &Validator, instance: &Value, what: &str) -> Vec<String> {
    v.iter_errors(instance).map(|e| format!("{what}: {}: {e}", e.instance_path())).collect()
}

/// All `*.json` files under `dir` (recursively), skipping hidden temporary files.
fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let p = e.path();
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if p.is_dir() {
            json_files(&p, out);
        } else if !hidden && p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

fn ndjson_lines(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(text.is_empty() || text.ends_with('\n'), "{}: last line not terminated", path.display());
    text.lines()
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("{} line {}: {e}: {l}", path.display(), i + 1)))
        .collect()
}

/// First body cell with a non-null value, as a JSON pointer to the cell.
fn first_value_cell(doc: &Value) -> Option<String> {
    for (ti, t) in doc["tables"].as_array()?.iter().enumerate() {
        for (ri, r) in t["rows"].as_array()?.iter().enumerate() {
            for (ci, c) in r["cells"].as_array()?.iter().enumerate() {
                if c["value"].is_string() {
                    return Some(format!("/tables/{ti}/rows/{ri}/cells/{ci}"));
                }
            }
        }
    }
    None
}

#[test]
fn batch_outputs_validate_against_published_schemas() {
    let s = schemas();
    let pdfs = sample_pdfs();
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for p in &pdfs {
        std::fs::copy(p, input.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(input.join("broken.pdf"), b"<html>not a pdf</html>").unwrap();
    // Sorted after every sample name, so it is the one reported as the duplicate.
    std::fs::copy(&pdfs[0], input.join("zz_duplicate.pdf")).unwrap();
    let out = tmp.path().join("out");
    let facts = tmp.path().join("facts.ndjson");

    let run = Command::new(env!("CARGO_BIN_EXE_tablelift"))
        .arg("extract")
        .arg("--quiet")
        .arg("-o")
        .arg(&out)
        .arg("--facts")
        .arg(&facts)
        .arg(&input)
        .output()
        .expect("run tablelift");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "exit status (broken.pdf must fail the batch); stderr:\n{stderr}");

    let mut errors = Vec::new();

    // Per-document JSON: one file per distinct input (the duplicate gets none).
    let mut docs = Vec::new();
    json_files(&out, &mut docs);
    docs.sort();
    assert_eq!(docs.len(), pdfs.len() + 1, "document files: {docs:?}");
    let mut ok_doc: Option<Value> = None;
    let mut failed_doc: Option<Value> = None;
    for p in &docs {
        let doc: Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        errors.extend(errors_of(&s.document, &doc, &p.display().to_string()));
        if doc["status"] == "failed" {
            failed_doc.get_or_insert(doc);
        } else if first_value_cell(&doc).is_some() {
            ok_doc.get_or_insert(doc);
        }
    }
    let failed_doc = failed_doc.expect("a failed document file (broken.json)");
    assert_eq!(failed_doc["error"]["code"], "not_a_pdf", "{failed_doc:#}");
    assert_eq!(failed_doc["tables"], json!([]));

    // Facts.
    let fact_lines = ndjson_lines(&facts);
    assert!(!fact_lines.is_empty(), "no facts written");
    for (i, f) in fact_lines.iter().enumerate() {
        errors.extend(errors_of(&s.fact, f, &format!("facts.ndjson line {}", i + 1)));
    }

    // Manifest: one line per input.
    let manifest = ndjson_lines(&out.join("manifest.ndjson"));
    assert_eq!(manifest.len(), pdfs.len() + 2, "one manifest line per input: {manifest:#?}");
    for (i, l) in manifest.iter().enumerate() {
        errors.extend(errors_of(&s.manifest, l, &format!("manifest.ndjson line {}", i + 1)));
    }
    let with_status = |st: &str| manifest.iter().filter(|l| l["status"] == st).collect::<Vec<_>>();
    assert!(!with_status("ok").is_empty(), "no ok manifest line: {manifest:#?}");
    let failed = with_status("failed");
    assert!(
        failed.iter().any(|l| l["path"].as_str().is_some_and(|p| p.ends_with("broken.pdf")) && l["error_code"] == "not_a_pdf"),
        "no failed line for broken.pdf with not_a_pdf: {manifest:#?}"
    );
    let dups = with_status("duplicate");
    assert_eq!(dups.len(), 1, "{manifest:#?}");
    assert!(dups[0]["path"].as_str().unwrap().ends_with("zz_duplicate.pdf"), "{:#}", dups[0]);

    assert!(errors.is_empty(), "{} schema violations:\n{}", errors.len(), errors.iter().take(50).cloned().collect::<Vec<_>>().join("\n"));

    // The schemas are strict enough to fail: wrong shapes of real outputs are rejected.
    let ok_doc = ok_doc.expect("an ok document with at least one value");
    let cell = first_value_cell(&ok_doc).unwrap();
    let mut bad = ok_doc.clone();
    let v = bad.pointer(&format!("{cell}/value")).unwrap().as_str().unwrap().to_string();
    *bad.pointer_mut(&format!("{cell}/value")).unwrap() = json!(v.parse::<f64>().unwrap());
    assert!(!s.document.is_valid(&bad), "a value given as a JSON number must be rejected");
    let mut bad = ok_doc.clone();
    *bad.pointer_mut(&format!("{cell}/value")).unwrap() = json!("1.234,5");
    assert!(!s.document.is_valid(&bad), "a value with a group separator must be rejected");
    let mut bad = ok_doc.clone();
    bad.as_object_mut().unwrap().insert("extra".into(), json!(1));
    assert!(!s.document.is_valid(&bad), "an unknown field must be rejected");
    let mut bad = ok_doc.clone();
    bad.pointer_mut("/tables/0").unwrap().as_object_mut().unwrap().remove("checks");
    assert!(!s.document.is_valid(&bad), "a missing field must be rejected");
    let mut bad = ok_doc.clone();
    bad.pointer_mut(&cell).unwrap().as_object_mut().unwrap().insert("row_span".into(), json!(1));
    assert!(!s.document.is_valid(&bad), "row_span 1 is never written");
    let mut bad = ok_doc.clone();
    bad["status"] = json!("failed");
    assert!(!s.document.is_valid(&bad), "a failed document has no tables and an error");
    let mut bad = failed_doc.clone();
    bad["error"]["code"] = json!("bogus");
    assert!(!s.document.is_valid(&bad), "an unknown error code must be rejected");

    let mut bad = fact_lines[0].clone();
    let v = bad["value"].as_str().unwrap().to_string();
    bad["value"] = json!(v.parse::<f64>().unwrap());
    assert!(!s.fact.is_valid(&bad), "a fact value given as a JSON number must be rejected");
    let mut bad = fact_lines[0].clone();
    bad.as_object_mut().unwrap().remove("doc_sha256");
    assert!(!s.fact.is_valid(&bad), "a fact without doc_sha256 must be rejected");

    let mut bad = with_status("ok")[0].clone();
    bad["status"] = json!("skipped");
    assert!(!s.manifest.is_valid(&bad), "an unknown status must be rejected");
    let mut bad = failed[0].clone();
    bad["error_code"] = json!(null);
    assert!(!s.manifest.is_valid(&bad), "a failed line needs an error code");
}
