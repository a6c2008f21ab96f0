//! Helpers shared by the warehouse tests (Parquet, PostgreSQL): the binary, the samples, the
//! facts NDJSON as the reference every loaded value is compared with, and skipping a test
//! whose engine is not configured (which fails under `TABLELIFT_NO_SKIP=1`, as in CI).

#![allow(dead_code)]

pub mod cut_proxy;

use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tablelift"))
}

pub fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// The value of `var`, or `None` after saying why the test is skipped; with
/// `TABLELIFT_NO_SKIP=1` a missing engine fails the test instead.
pub fn configured(var: &str, what: &str) -> Option<String> {
    match std::env::var(var) {
        Ok(v) if !v.trim().is_empty() => Some(v),
        _ if std::env::var("TABLELIFT_NO_SKIP").is_ok_and(|v| v == "1") => {
            panic!("{var} is not set but TABLELIFT_NO_SKIP=1: {what} must run")
        }
        _ => {
            eprintln!("skipped: {var} is not set ({what})");
            None
        }
    }
}

/// A decimal string in one canonical form (no trailing zeros after the point), so that
/// `1.50` printed by one engine and `1.5000000000` by another compare equal exactly when the
/// numbers are equal.
pub fn canonical(s: &str) -> String {
    let d = Decimal::from_str(s).unwrap_or_else(|e| panic!("{s:?} is no decimal: {e}"));
    d.normalize().to_string()
}

/// One fact, with its decimal fields canonical: the comparison key of every loaded value.
pub type FactKey = (String, String, i64, i64);

/// The facts NDJSON as fact key → the fact's fields (decimals canonical).
pub fn facts_by_key(facts_ndjson: &Path) -> BTreeMap<FactKey, Value> {
    let text = std::fs::read_to_string(facts_ndjson).unwrap();
    let mut m = BTreeMap::new();
    for line in text.lines() {
        let mut f: Value = serde_json::from_str(line).unwrap();
        for k in ["value", "multiplier", "scaled_value"] {
            if let Some(s) = f[k].as_str() {
                f[k] = Value::String(canonical(s));
            }
        }
        let key = (
            f["doc_sha256"].as_str().unwrap().to_string(),
            f["table"].as_str().unwrap().to_string(),
            f["row"].as_i64().unwrap(),
            f["col"].as_i64().unwrap(),
        );
        assert!(m.insert(key, f).is_none(), "fact keys are unique");
    }
    m
}

/// Sample PDFs copied into `dir` (each once).
pub fn copy_samples(dir: &Path) -> usize {
    std::fs::create_dir_all(dir).unwrap();
    let mut n = 0;
    for e in std::fs::read_dir(samples()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "pdf") {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
            n += 1;
        }
    }
    n
}

/// The manifest lines of an output directory.
pub fn manifest(out: &Path) -> Vec<Value> {
    std::fs::read_to_string(out.join("manifest.ndjson"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("whole manifest line"))
        .collect()
}
