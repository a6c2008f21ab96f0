//! `--parquet DIR` end to end: every fact read back from the Parquet files (with the `parquet`
//! crate's reader, and with DuckDB when `TABLELIFT_DUCKDB_PYTHON` names a Python that has it)
//! equals the facts NDJSON exactly; the documented schema lists exactly the columns written;
//! files appear whole or not at all, also after `kill -9`, and `--resume` redoes missing ones.

// A panic is how a test reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod warehouse_common;

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use warehouse_common::{FactKey, bin, canonical, configured, copy_samples, facts_by_key, manifest, samples};

/// A Parquet field as JSON; decimals canonical.
fn field_json(f: &Field) -> Value {
    match f {
        Field::Null => Value::Null,
        Field::Bool(b) => json!(b),
        Field::Long(n) => json!(n),
        Field::Str(s) => json!(s),
        Field::Decimal(d) => {
            let bytes: [u8; 16] = d.data().try_into().expect("DECIMAL(38,10) is 16 bytes");
            assert_eq!(d.scale(), 10);
            json!(Decimal::from_i128_with_scale(i128::from_be_bytes(bytes), 10).normalize().to_string())
        }
        Field::ListInternal(l) => Value::Array(l.elements().iter().map(field_json).collect()),
        other => panic!("unexpected Parquet field {other:?}"),
    }
}

/// Every row of one Parquet file as a JSON object.
fn read_rows(path: &Path) -> Vec<BTreeMap<String, Value>> {
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| row.unwrap().get_column_iter().map(|(k, v)| (k.clone(), field_json(v))).collect())
        .collect()
}

/// Top-level column names of a Parquet file, in order.
fn columns(path: &Path) -> Vec<String> {
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader.metadata().file_metadata().schema().get_fields().iter().map(|f| f.name().to_string()).collect()
}

fn parquet_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|r| r.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "parquet")).collect()).unwrap_or_default();
    v.sort();
    v
}

/// Every file under `dir`, recursively.
fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() { stack.push(p) } else { out.push(p) }
        }
    }
    out.sort();
    out
}

/// The facts of all `facts/*.parquet` files, keyed like the NDJSON.
fn parquet_facts(pq: &Path) -> BTreeMap<FactKey, Value> {
    let mut m = BTreeMap::new();
    for file in parquet_files(&pq.join("facts")) {
        for row in read_rows(&file) {
            let key = (row["doc_sha256"].as_str().unwrap().to_string(), row["table"].as_str().unwrap().to_string(), row["row"].as_i64().unwrap(), row["col"].as_i64().unwrap());
            let value: Value = row.into_iter().collect::<serde_json::Map<_, _>>().into();
            assert!(m.insert(key, value).is_none(), "a fact appears once");
        }
    }
    m
}

fn extract(out: &Path, pq: &Path, facts: &Path, corpus: &Path) -> std::process::Output {
    bin().args(["extract", "--quiet", "-j", "2", "-o"]).arg(out).arg("--facts").arg(facts).arg("--parquet").arg(pq).arg(corpus).output().unwrap()
}

#[test]
fn every_fact_reads_back_from_parquet_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, pq, facts) = (tmp.path().join("out"), tmp.path().join("pq"), tmp.path().join("facts.ndjson"));
    let run = extract(&out, &pq, &facts, &samples());
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let want = facts_by_key(&facts);
    let got = parquet_facts(&pq);
    assert!(want.len() > 1000, "the samples have many facts ({})", want.len());
    assert_eq!(got.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>(), "the same facts");
    for (k, w) in &want {
        assert_eq!(&got[k], w, "fact {k:?}");
    }
    eprintln!("{} facts compared, 0 differ", want.len());

    // One documents row and one tables row per table of each document JSON.
    let lines = manifest(&out);
    let ok: Vec<&Value> = lines.iter().filter(|l| l["status"] == "ok").collect();
    assert_eq!(parquet_files(&pq.join("documents")).len(), ok.len());
    for l in ok {
        let sha = l["sha256"].as_str().unwrap();
        let docs = read_rows(&pq.join(format!("documents/doc={sha}.parquet")));
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0]["doc_sha256"], *sha);
        assert_eq!(docs[0]["pages"], l["pages"]);
        assert_eq!(docs[0]["tables"], l["tables"]);
        let rel = Path::new(l["path"].as_str().unwrap()).strip_prefix(samples()).unwrap().with_extension("json");
        let doc: Value = serde_json::from_slice(&std::fs::read(out.join(rel)).unwrap()).unwrap();
        let tables = read_rows(&pq.join(format!("tables/doc={sha}.parquet")));
        let json_tables = doc["tables"].as_array().unwrap();
        assert_eq!(tables.len(), json_tables.len());
        let facts_of_doc = want.keys().filter(|k| k.0 == sha).count() as i64;
        assert_eq!(docs[0]["facts"], json!(facts_of_doc));
        for (t, j) in tables.iter().zip(json_tables) {
            assert_eq!(t["table"], j["id"]);
            assert_eq!(t["pages"], j["pages"]);
            assert_eq!(t["title"], j["title"]);
            assert_eq!(t["verified"], j["quality"]["verified"]);
            assert_eq!(t["rows"], json!(j["rows"].as_array().unwrap().len()));
            let headers: Vec<Value> = j["columns"].as_array().unwrap().iter().map(|c| c["header"].clone()).collect();
            assert_eq!(serde_json::from_str::<Value>(t["header_paths"].as_str().unwrap()).unwrap(), Value::Array(headers));
            match j["unit"].as_object() {
                Some(u) => assert_eq!(t["unit_multiplier"], json!(canonical(u["multiplier"].as_str().unwrap()))),
                None => assert_eq!(t["unit_multiplier"], Value::Null),
            }
        }
    }
    // No temporary file is left.
    assert!(all_files(&pq).iter().all(|p| p.extension().is_some_and(|x| x == "parquet")), "only whole .parquet files");

    // A re-run writes the same rows (files replaced whole).
    let again = extract(&out, &pq, &facts, &samples());
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(parquet_facts(&pq), got);
}

/// `schema/parquet.md` lists exactly the columns of each file, in order.
#[test]
fn documented_schema_matches_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, pq, facts) = (tmp.path().join("out"), tmp.path().join("pq"), tmp.path().join("facts.ndjson"));
    let run = extract(&out, &pq, &facts, &samples().join("vi_pl02_mtqg_wide_ruled.pdf"));
    assert_eq!(run.status.code(), Some(0));
    let doc = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema/parquet.md")).unwrap();
    for dataset in ["documents", "tables", "facts"] {
        let section = doc.split(&format!("\n## {dataset}\n")).nth(1).unwrap_or_else(|| panic!("schema/parquet.md has a section {dataset}"));
        let section = section.split("\n## ").next().unwrap();
        let documented: Vec<String> = section
            .lines()
            .filter_map(|l| l.strip_prefix("| `"))
            .map(|l| l.split('`').next().unwrap().to_string())
            .collect();
        let file = &parquet_files(&pq.join(dataset))[0];
        assert_eq!(documented, columns(file), "schema/parquet.md section {dataset}");
    }
    // The facts file carries every field of the facts NDJSON schema.
    let fact_schema: Value = serde_json::from_str(&std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema/fact.schema.json")).unwrap()).unwrap();
    let ndjson: BTreeSet<String> = fact_schema["properties"].as_object().unwrap().keys().cloned().collect();
    let parquet: BTreeSet<String> = columns(&parquet_files(&pq.join("facts"))[0]).into_iter().collect();
    assert_eq!(ndjson, parquet, "facts Parquet columns = facts NDJSON fields");
}

/// A kill at any moment leaves only whole Parquet files (temporary ones are dot-named and
/// removed by the next run), and `--resume` completes the dataset, also redoing a document
/// whose Parquet file went missing.
#[test]
fn kill_then_resume_leaves_only_whole_files() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("in");
    copy_samples(&corpus);
    let (full, full_pq, full_facts) = (tmp.path().join("full"), tmp.path().join("full_pq"), tmp.path().join("full.ndjson"));
    assert!(extract(&full, &full_pq, &full_facts, &corpus).status.success());
    let want = parquet_facts(&full_pq);
    for delay_ms in [10u64, 40, 120] {
        let (out, pq, facts) = (tmp.path().join("out"), tmp.path().join("pq"), tmp.path().join("facts.ndjson"));
        let mut child = bin()
            .args(["extract", "--quiet", "-j", "1", "-o"])
            .arg(&out)
            .arg("--parquet")
            .arg(&pq)
            .arg("--facts")
            .arg(&facts)
            .arg(&corpus)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // Whatever is named *.parquet is complete and readable.
        for dataset in ["documents", "tables", "facts"] {
            for f in parquet_files(&pq.join(dataset)) {
                read_rows(&f);
            }
        }
        // A lost file is redone by --resume.
        if let Some(f) = parquet_files(&pq.join("facts")).first() {
            std::fs::remove_file(f).unwrap();
        }
        let resumed = bin().args(["extract", "--quiet", "--resume", "-o"]).arg(&out).arg("--parquet").arg(&pq).arg("--facts").arg(&facts).arg(&corpus).output().unwrap();
        assert_eq!(resumed.status.code(), Some(0), "{}", String::from_utf8_lossy(&resumed.stderr));
        assert!(all_files(&pq).iter().all(|p| p.extension().is_some_and(|x| x == "parquet")), "no temporary file left");
        assert_eq!(parquet_facts(&pq), want, "resumed after {delay_ms} ms");
        for d in ["documents", "tables", "facts"] {
            assert_eq!(parquet_files(&pq.join(d)).len(), parquet_files(&full_pq.join(d)).len());
        }
        std::fs::remove_dir_all(&out).unwrap();
        std::fs::remove_dir_all(&pq).unwrap();
    }
}

/// Without `--parquet` nothing Parquet is written.
#[test]
fn without_parquet_only_json_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let run = bin().args(["extract", "--quiet", "-o"]).arg(&out).arg(samples().join("zh_kongbiao_2022.pdf")).output().unwrap();
    assert!(run.status.success());
    assert!(all_files(tmp.path()).iter().all(|p| p.extension().is_some_and(|x| x == "json" || x == "ndjson" || x == "lock")), "{:?}", all_files(tmp.path()));
}

/// The README's DuckDB one-liner over the Parquet, and every fact as DuckDB reads it, against
/// the facts NDJSON.
#[test]
fn duckdb_reads_every_fact_exactly() {
    let Some(python) = configured("TABLELIFT_DUCKDB_PYTHON", "the DuckDB check of the Parquet files") else { return };
    let tmp = tempfile::tempdir().unwrap();
    let (out, pq, facts) = (tmp.path().join("out"), tmp.path().join("pq"), tmp.path().join("facts.ndjson"));
    assert!(extract(&out, &pq, &facts, &samples()).status.success());
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/warehouse/duckdb_facts.py");
    // The README's one-liner, verbatim but for the directory.
    let readme = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let line = readme.lines().find_map(|l| l.trim().strip_prefix("duckdb -c \"")).expect("README has a `duckdb -c \"…\"` line");
    let query = line.strip_suffix('"').expect("the query ends the line").replace("out/parquet", pq.to_str().unwrap());
    assert!(query.contains(&format!("{}/facts/*.parquet", pq.display())), "the README queries out/parquet/facts/*.parquet: {line}");
    let run = std::process::Command::new(&python).arg(&script).arg(&pq).arg(&query).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let stdout = String::from_utf8(run.stdout).unwrap();
    let mut lines = stdout.lines();
    // First line: the README query's result as JSON rows [unit, facts, total].
    let readme: Vec<Value> = serde_json::from_str(lines.next().unwrap()).unwrap();
    let want = facts_by_key(&facts);
    let mut by_unit: BTreeMap<Option<String>, (i64, Decimal)> = BTreeMap::new();
    for f in want.values().filter(|f| f["verified"] == true) {
        let e = by_unit.entry(f["unit"].as_str().map(str::to_string)).or_insert((0, Decimal::ZERO));
        e.0 += 1;
        if let Some(s) = f["scaled_value"].as_str() {
            e.1 += s.parse::<Decimal>().unwrap();
        }
    }
    assert_eq!(readme.len(), by_unit.len(), "one row per unit: {readme:?}");
    for r in &readme {
        let unit = r[0].as_str().map(str::to_string);
        let (n, total) = by_unit[&unit];
        assert_eq!(r[1], json!(n), "{unit:?}");
        let got = r[2].as_str().map(canonical);
        let want_total = if want.values().any(|f| f["verified"] == true && f["unit"].as_str().map(str::to_string) == unit && !f["scaled_value"].is_null()) { Some(total.normalize().to_string()) } else { None };
        assert_eq!(got, want_total, "sum for {unit:?}");
    }
    // Then one fact per line.
    let mut got = BTreeMap::new();
    for l in lines {
        let mut f: Value = serde_json::from_str(l).unwrap();
        for k in ["value", "multiplier", "scaled_value"] {
            if let Some(s) = f[k].as_str() {
                f[k] = Value::String(canonical(s));
            }
        }
        let key = (f["doc_sha256"].as_str().unwrap().to_string(), f["table"].as_str().unwrap().to_string(), f["row"].as_i64().unwrap(), f["col"].as_i64().unwrap());
        got.insert(key, f);
    }
    assert_eq!(got.len(), want.len());
    for (k, w) in &want {
        assert_eq!(&got[k], w, "fact {k:?} through DuckDB");
    }
    eprintln!("{} facts compared through DuckDB, 0 differ", want.len());
}

/// A ruled table of 3 columns whose cells are `rows`, one page, Helvetica.
fn table_pdf(rows: &[[&str; 3]]) -> Vec<u8> {
    let (x0, y0, rh, xs) = (72.0, 700.0, 20.0, [72.0, 222.0, 322.0, 422.0]);
    let mut c = String::from("0.5 w\n");
    for i in 0..=rows.len() {
        let y = y0 - i as f64 * rh;
        c += &format!("{x0} {y} m {} {y} l S\n", xs[3]);
    }
    for x in xs {
        c += &format!("{x} {y0} m {x} {} l S\n", y0 - rows.len() as f64 * rh);
    }
    for (i, r) in rows.iter().enumerate() {
        for (j, t) in r.iter().enumerate() {
            c += &format!("BT /F1 10 Tf {} {} Td ({t}) Tj ET\n", xs[j] + 4.0, y0 - (i + 1) as f64 * rh + 6.0);
        }
    }
    common::one_page_pdf(common::stream("", c.as_bytes()), "/Font << /F1 5 0 R >>", vec![b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec()])
}

/// A value with more places than DECIMAL(38,10) holds fails the document (`sink_rejected`)
/// rather than being rounded: no Parquet file for it, the others are written.
#[test]
fn a_value_that_would_round_is_rejected_not_rounded() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("in");
    std::fs::create_dir_all(&corpus).unwrap();
    let rows = [["Item", "2023", "2024"], ["Roads", "1,250.5", "1,300.25"], ["Schools", "2,100.75", "0.000000000001"], ["Health", "980.125", "1,010.5"]];
    std::fs::write(corpus.join("tiny.pdf"), table_pdf(&rows)).unwrap();
    std::fs::copy(samples().join("zh_kongbiao_2022.pdf"), corpus.join("kongbiao.pdf")).unwrap();
    // The value is read exactly (the facts NDJSON has it)...
    let facts_only = tmp.path().join("facts.ndjson");
    let run = bin().args(["extract", "--quiet", "-o"]).arg(tmp.path().join("plain")).arg("--facts").arg(&facts_only).arg(&corpus).output().unwrap();
    assert_eq!(run.status.code(), Some(0));
    assert!(std::fs::read_to_string(&facts_only).unwrap().contains(r#""value":"0.000000000001""#));
    // ...and does not fit DECIMAL(38,10).
    let (out, pq, facts) = (tmp.path().join("out"), tmp.path().join("pq"), tmp.path().join("f.ndjson"));
    let run = extract(&out, &pq, &facts, &corpus);
    assert_eq!(run.status.code(), Some(1), "{}", String::from_utf8_lossy(&run.stderr));
    let lines = manifest(&out);
    let tiny = lines.iter().find(|l| l["path"].as_str().unwrap().ends_with("tiny.pdf")).unwrap();
    assert_eq!(tiny["status"], "failed");
    assert_eq!(tiny["error_code"], "sink_rejected");
    assert!(tiny["error"].as_str().unwrap().contains("0.000000000001"));
    let sha = tiny["sha256"].as_str().unwrap();
    for d in ["documents", "tables", "facts"] {
        assert!(!pq.join(d).join(format!("doc={sha}.parquet")).exists(), "no {d} file for the rejected document");
        assert_eq!(parquet_files(&pq.join(d)).len(), 1, "the other document's {d} file is there");
    }
    assert!(all_files(&pq).iter().all(|p| p.extension().is_some_and(|x| x == "parquet")), "no temporary file left");
}
