//! `--sink postgres://…` against a real PostgreSQL (`TABLELIFT_TEST_PG`, a URL of a user that
//! may create databases; `scripts/pg-test.sh` starts one): every value loaded equals the facts
//! NDJSON exactly, a re-run keeps the row counts, `kill -9` then `--resume` and two concurrent
//! runs give the same content as one clean load, a document whose rows changed is replaced,
//! a connection cut mid-batch is recorded (`sink_unavailable`) and recovered by `--resume`,
//! TLS modes connect, and the password never appears in any output. Each test loads into a
//! database of its own.

// A panic is how a test reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod warehouse_common;

use postgres::{Client, NoTls};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::net::ToSocketAddrs;
use std::path::Path;
use std::process::{Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use warehouse_common::cut_proxy::CutProxy;
use warehouse_common::{FactKey, bin, canonical, configured, copy_samples, facts_by_key, manifest, samples};

/// A database of the test's own, dropped at the end.
struct TestDb {
    admin: String,
    name: String,
    url: url::Url,
}

impl TestDb {
    fn create(admin: &str) -> TestDb {
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!("tl_test_{}_{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst));
        let mut c = Client::connect(admin, NoTls).unwrap();
        c.batch_execute(&format!("DROP DATABASE IF EXISTS {name}")).unwrap();
        c.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
        let mut url = url::Url::parse(admin).unwrap();
        url.set_path(&format!("/{name}"));
        TestDb { admin: admin.to_string(), name, url }
    }

    fn url(&self) -> String {
        self.url.to_string()
    }

    fn password(&self) -> String {
        self.url.password().unwrap_or_default().to_string()
    }

    /// The same database through another host and port (a proxy).
    fn via(&self, host: &str, port: u16) -> String {
        let mut u = self.url.clone();
        u.set_host(Some(host)).unwrap();
        u.set_port(Some(port)).unwrap();
        u.to_string()
    }

    fn client(&self) -> Client {
        Client::connect(&self.url(), NoTls).unwrap()
    }

    /// Everything loaded, one JSON text per row, sorted (the load time left out).
    fn content(&self) -> Vec<String> {
        let mut c = self.client();
        let rows = c
            .query(
                "SELECT x FROM (
                    SELECT (to_jsonb(d) - 'loaded_at')::text AS x FROM tablelift_documents d
                    UNION ALL SELECT to_jsonb(t)::text FROM tablelift_tables t
                    UNION ALL SELECT to_jsonb(f)::text FROM tablelift_facts f) s ORDER BY x",
                &[],
            )
            .unwrap();
        rows.iter().map(|r| r.get(0)).collect()
    }

    fn counts(&self) -> (i64, i64, i64) {
        let mut c = self.client();
        let n = |t: &str, c: &mut Client| c.query_one(&format!("SELECT count(*) FROM {t}"), &[]).unwrap().get::<_, i64>(0);
        (n("tablelift_documents", &mut c), n("tablelift_tables", &mut c), n("tablelift_facts", &mut c))
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut c) = Client::connect(&self.admin, NoTls) {
            let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
        }
    }
}

/// Tests that use the server hold this for reading; the one that stops it, for writing.
static SERVER: std::sync::RwLock<()> = std::sync::RwLock::new(());

fn admin() -> Option<String> {
    configured("TABLELIFT_TEST_PG", "the PostgreSQL sink tests")
}

fn load(out: &Path, sink: &str, corpus: &Path, extra: &[&str]) -> Output {
    bin().args(["extract", "--quiet", "-j", "2", "-o"]).arg(out).arg("--sink").arg(sink).args(extra).arg(corpus).output().unwrap()
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// The samples, plus copies made distinct by a comment after `%%EOF` (same tables, other
/// sha256), so a batch lasts long enough to be interrupted.
fn corpus(dir: &Path, copies: usize) -> usize {
    let n = copy_samples(dir);
    for e in std::fs::read_dir(samples()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "pdf") {
            let bytes = std::fs::read(&p).unwrap();
            for k in 0..copies {
                let mut b = bytes.clone();
                b.extend_from_slice(format!("\n% copy {k}\n").as_bytes());
                std::fs::write(dir.join(format!("copy{k}_{}", p.file_name().unwrap().to_string_lossy())), b).unwrap();
            }
        }
    }
    n * (copies + 1)
}

#[test]
fn every_value_loads_exactly_and_a_rerun_keeps_the_counts() {
    let Some(admin) = admin() else { return };
    let _shared = SERVER.read().unwrap_or_else(|e| e.into_inner());
    let db = TestDb::create(&admin);
    let tmp = tempfile::tempdir().unwrap();
    let (out, facts) = (tmp.path().join("out"), tmp.path().join("facts.ndjson"));
    let run = load(&out, &db.url(), &samples(), &["--facts", facts.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    let want = facts_by_key(&facts);
    let mut c = db.client();
    let rows = c
        .query(
            "SELECT doc_sha256, path, table_id, page, \"row\", col, row_label, row_path, row_text, column_path, text,
                    value::text, percent, unit, multiplier::text, scaled_value::text, verified
             FROM tablelift_facts",
            &[],
        )
        .unwrap();
    let mut got: BTreeMap<FactKey, Value> = BTreeMap::new();
    let mut exact_strings = 0;
    for r in &rows {
        let f = json!({
            "doc_sha256": r.get::<_, String>(0), "path": r.get::<_, String>(1), "table": r.get::<_, String>(2),
            "page": r.get::<_, i64>(3), "row": r.get::<_, i64>(4), "col": r.get::<_, i64>(5),
            "row_label": r.get::<_, Option<String>>(6), "row_path": r.get::<_, Vec<String>>(7), "row_text": r.get::<_, String>(8),
            "column_path": r.get::<_, Vec<String>>(9), "text": r.get::<_, String>(10), "value": r.get::<_, String>(11),
            "percent": r.get::<_, bool>(12), "unit": r.get::<_, Option<String>>(13), "multiplier": r.get::<_, Option<String>>(14),
            "scaled_value": r.get::<_, Option<String>>(15), "verified": r.get::<_, bool>(16),
        });
        let key = (f["doc_sha256"].as_str().unwrap().to_string(), f["table"].as_str().unwrap().to_string(), f["row"].as_i64().unwrap(), f["col"].as_i64().unwrap());
        got.insert(key, f);
    }
    // numeric keeps the decimal's own scale: the text PostgreSQL prints is the JSON's, byte
    // for byte, not only the same number.
    let raw: BTreeMap<FactKey, Value> = std::fs::read_to_string(&facts)
        .unwrap()
        .lines()
        .map(|l| {
            let f: Value = serde_json::from_str(l).unwrap();
            ((f["doc_sha256"].as_str().unwrap().to_string(), f["table"].as_str().unwrap().to_string(), f["row"].as_i64().unwrap(), f["col"].as_i64().unwrap()), f)
        })
        .collect();
    assert_eq!(got.len(), want.len(), "one row per fact");
    for (k, g) in &got {
        assert_eq!(g, &raw[k], "fact {k:?}: loaded exactly as the facts NDJSON prints it");
        exact_strings += 1;
    }
    assert!(exact_strings > 1000);
    for (k, w) in &want {
        let mut g = got[k].clone();
        for d in ["value", "multiplier", "scaled_value"] {
            if let Some(s) = g[d].as_str() {
                g[d] = json!(canonical(s));
            }
        }
        assert_eq!(&g, w);
    }
    eprintln!("{exact_strings} facts compared, 0 differ");

    // Tables and documents agree with the manifest and the document JSON.
    let lines = manifest(&out);
    assert_eq!(db.counts().0, lines.len() as i64);
    for l in &lines {
        let sha = l["sha256"].as_str().unwrap();
        let d = c.query_one("SELECT pages, tables FROM tablelift_documents WHERE doc_sha256 = $1", &[&sha]).unwrap();
        assert_eq!((json!(d.get::<_, i64>(0)), json!(d.get::<_, i64>(1))), (l["pages"].clone(), l["tables"].clone()));
        let rel = Path::new(l["path"].as_str().unwrap()).strip_prefix(samples()).unwrap().with_extension("json");
        let doc: Value = serde_json::from_slice(&std::fs::read(out.join(rel)).unwrap()).unwrap();
        for t in doc["tables"].as_array().unwrap() {
            let r = c
                .query_one("SELECT pages, title, verified, header_paths::text, unit_multiplier::text FROM tablelift_tables WHERE doc_sha256 = $1 AND table_id = $2", &[&sha, &t["id"].as_str().unwrap()])
                .unwrap();
            assert_eq!(json!(r.get::<_, Vec<i64>>(0)), t["pages"]);
            assert_eq!(json!(r.get::<_, Option<String>>(1)), t["title"]);
            assert_eq!(json!(r.get::<_, bool>(2)), t["quality"]["verified"]);
            let headers: Vec<Value> = t["columns"].as_array().unwrap().iter().map(|c| c["header"].clone()).collect();
            assert_eq!(serde_json::from_str::<Value>(&r.get::<_, String>(3)).unwrap(), Value::Array(headers));
            assert_eq!(json!(r.get::<_, Option<String>>(4)), t["unit"]["multiplier"]);
        }
    }

    // A re-run replaces, it does not add; --resume loads nothing twice either.
    let before = (db.counts(), db.content());
    let again = load(&out, &db.url(), &samples(), &[]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again));
    assert_eq!((db.counts(), db.content()), before, "same rows after a re-run");
    let resumed = load(&out, &db.url(), &samples(), &["--resume"]);
    assert_eq!(resumed.status.code(), Some(0));
    assert_eq!((db.counts(), db.content()), before, "same rows after --resume");
    // The migrations ran once.
    let versions: Vec<i32> = c.query("SELECT version FROM tablelift_schema_migrations", &[]).unwrap().iter().map(|r| r.get(0)).collect();
    assert_eq!(versions, vec![1]);
}

#[test]
fn kill_then_resume_and_concurrent_runs_match_one_clean_load() {
    let Some(admin) = admin() else { return };
    let _shared = SERVER.read().unwrap_or_else(|e| e.into_inner());
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let docs = corpus(&input, 3);
    let clean = TestDb::create(&admin);
    let run = load(&tmp.path().join("clean"), &clean.url(), &input, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    let want = clean.content();
    assert_eq!(clean.counts().0, docs as i64);
    for delay_ms in [40u64, 120, 300] {
        let db = TestDb::create(&admin);
        let out = tmp.path().join(format!("killed{delay_ms}"));
        let mut child = bin().args(["extract", "--quiet", "-j", "1", "-o"]).arg(&out).arg("--sink").arg(db.url()).arg(&input).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let resumed = load(&out, &db.url(), &input, &["--resume"]);
        assert_eq!(resumed.status.code(), Some(0), "{}", text(&resumed));
        assert!(db.content() == want, "killed after {delay_ms} ms, then --resume: same database content as one clean load");
    }
    // Two runs at once (other output directories, same database) load each document once.
    let db = TestDb::create(&admin);
    let spawn = |name: &str| bin().args(["extract", "--quiet", "-j", "2", "-o"]).arg(tmp.path().join(name)).arg("--sink").arg(db.url()).arg(&input).stderr(Stdio::null()).spawn().unwrap();
    let (mut a, mut b) = (spawn("a"), spawn("b"));
    assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
    assert!(db.content() == want, "two concurrent runs: same content as one clean load");
}

#[test]
fn a_document_whose_rows_changed_is_replaced() {
    let Some(admin) = admin() else { return };
    let _shared = SERVER.read().unwrap_or_else(|e| e.into_inner());
    let db = TestDb::create(&admin);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    assert!(load(&out, &db.url(), &samples(), &[]).status.success());
    let want = db.content();
    // What an older extraction of the same PDF could have left: other values, a table that is
    // no longer found, a table missing.
    let mut c = db.client();
    let sha: String = c.query_one("SELECT doc_sha256 FROM tablelift_tables GROUP BY doc_sha256 ORDER BY count(*) DESC LIMIT 1", &[]).unwrap().get(0);
    c.execute("UPDATE tablelift_facts SET value = value + 1, scaled_value = NULL WHERE doc_sha256 = $1", &[&sha]).unwrap();
    c.execute(
        "INSERT INTO tablelift_facts SELECT doc_sha256, path, 't99', page, \"row\", col, row_label, row_path, row_text, column_path, text, value, percent, unit, multiplier, scaled_value, verified FROM tablelift_facts WHERE doc_sha256 = $1 AND table_id = 't1'",
        &[&sha],
    )
    .unwrap();
    c.execute("DELETE FROM tablelift_tables WHERE doc_sha256 = $1 AND table_id = 't1'", &[&sha]).unwrap();
    c.execute("UPDATE tablelift_documents SET tables = 0 WHERE doc_sha256 = $1", &[&sha]).unwrap();
    assert!(db.content() != want);
    let again = load(&out, &db.url(), &samples(), &[]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again));
    assert!(db.content() == want, "the re-run replaced every row of the changed document");
}

#[test]
fn a_connection_cut_mid_batch_is_recorded_and_resumed() {
    let Some(admin) = admin() else { return };
    let _shared = SERVER.read().unwrap_or_else(|e| e.into_inner());
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let docs = corpus(&input, 2);
    let clean = TestDb::create(&admin);
    assert!(load(&tmp.path().join("clean"), &clean.url(), &input, &[]).status.success());
    let want = clean.content();

    let db = TestDb::create(&admin);
    let upstream = (db.url.host_str().unwrap(), db.url.port().unwrap_or(5432)).to_socket_addrs().unwrap().next().unwrap();
    // The migration's COMMIT, then 5 documents, then the server is gone.
    let proxy = CutProxy::start(upstream, 6);
    let via_proxy = db.via("127.0.0.1", proxy.port);
    let out = tmp.path().join("out");
    let cut = bin().args(["extract", "-j", "1", "--quiet", "-o"]).arg(&out).arg("--sink").arg(&via_proxy).arg(&input).output().unwrap();
    assert_eq!(cut.status.code(), Some(1), "some documents failed: {}", text(&cut));
    assert!(proxy.commits() >= 6);
    let lines = manifest(&out);
    assert_eq!(lines.len(), docs, "every input has its line");
    let failed: Vec<&Value> = lines.iter().filter(|l| l["status"] == "failed").collect();
    let ok = lines.iter().filter(|l| l["status"] == "ok").count();
    assert!(ok >= 4 && !failed.is_empty(), "{ok} ok, {} failed", failed.len());
    assert!(failed.iter().all(|l| l["error_code"] == "sink_unavailable"), "{failed:?}");
    // Documents the manifest calls ok are in the database; the others are not half there.
    let loaded = db.counts().0;
    assert!(loaded as usize >= ok, "{loaded} loaded, {ok} ok");
    // The outputs of failed documents were not put in place.
    for l in &failed {
        let rel = Path::new(l["path"].as_str().unwrap()).strip_prefix(&input).unwrap().with_extension("json");
        assert!(!out.join(rel).exists(), "no JSON for a document that was not loaded");
    }

    // The server back: --resume loads exactly what is missing.
    proxy.restore();
    let resumed = bin().args(["extract", "-j", "1", "--quiet", "--resume", "-o"]).arg(&out).arg("--sink").arg(&via_proxy).arg(&input).output().unwrap();
    assert_eq!(resumed.status.code(), Some(0), "{}", text(&resumed));
    assert!(db.content() == want, "after --resume: the same content as one clean load");
    assert!(manifest(&out).iter().all(|l| l["status"] == "ok"));

    // A server that is not there at all: every document says so, the run goes on to the end.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let out2 = tmp.path().join("out2");
    let down = bin().args(["extract", "--quiet", "-o"]).arg(&out2).arg("--sink").arg(db.via("127.0.0.1", port)).arg(samples()).output().unwrap();
    assert_eq!(down.status.code(), Some(1), "{}", text(&down));
    assert!(manifest(&out2).iter().all(|l| l["error_code"] == "sink_unavailable"));
    assert!(text(&down).contains("sink_unavailable"), "{}", text(&down));
}

/// `schema/postgres.md` lists exactly the columns of each table, with their types, and they are
/// the Parquet columns (`schema/parquet.md`) but for the documented differences.
#[test]
fn documented_tables_match_the_database() {
    let Some(admin) = admin() else { return };
    let _shared = SERVER.read().unwrap_or_else(|e| e.into_inner());
    let db = TestDb::create(&admin);
    let tmp = tempfile::tempdir().unwrap();
    assert!(load(&tmp.path().join("out"), &db.url(), &samples().join("zh_kongbiao_2022.pdf"), &[]).status.success());
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pg_doc = std::fs::read_to_string(root.join("schema/postgres.md")).unwrap();
    let pq_doc = std::fs::read_to_string(root.join("schema/parquet.md")).unwrap();
    let section = |doc: &str, name: &str| -> Vec<(String, String)> {
        let s = doc.split(&format!("\n## {name}\n")).nth(1).unwrap_or_else(|| panic!("section {name}"));
        s.split("\n## ").next().unwrap().lines().filter_map(|l| l.strip_prefix("| `")).map(|l| {
            let mut cells = l.split('|');
            let name = cells.next().unwrap().trim().trim_end_matches('`').to_string();
            (name, cells.next().unwrap().trim().to_string())
        }).collect()
    };
    let mut c = db.client();
    for (table, dataset) in [("tablelift_documents", "documents"), ("tablelift_tables", "tables"), ("tablelift_facts", "facts")] {
        let actual: Vec<(String, String, String)> = c
            .query("SELECT column_name::text, udt_name::text, is_nullable::text FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position", &[&table])
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        let documented = section(&pg_doc, table);
        assert_eq!(documented.iter().map(|d| d.0.clone()).collect::<Vec<_>>(), actual.iter().map(|a| a.0.clone()).collect::<Vec<_>>(), "schema/postgres.md {table}");
        for ((name, doc_type), (_, udt, nullable)) in documented.iter().zip(&actual) {
            let base = match udt.as_str() { "int8" => "bigint", "_int8" => "bigint[]", "_text" => "text[]", "bool" => "boolean", other => other };
            assert!(doc_type.starts_with(base), "{table}.{name}: documented {doc_type:?}, is {udt}");
            assert_eq!(doc_type.contains("nullable"), nullable == "YES", "{table}.{name} nullability");
        }
        // The Parquet columns, with table → table_id, and loaded_at added.
        let parquet: Vec<String> = section(&pq_doc, dataset).into_iter().map(|(n, _)| if n == "table" { "table_id".to_string() } else { n }).collect();
        let pg: Vec<String> = actual.into_iter().map(|a| a.0).filter(|n| n != "loaded_at").collect();
        assert_eq!(parquet, pg, "{table} has the columns of the Parquet {dataset}");
    }
}

/// `--resume --sink` after a run without `--sink` (or after rows were deleted by hand) loads the
/// documents the database lacks, though the manifest calls them ok.
#[test]
fn resume_loads_what_the_database_lacks() {
    let Some(admin) = admin() else { return };
    let _shared = SERVER.read().unwrap_or_else(|e| e.into_inner());
    let db = TestDb::create(&admin);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let plain = bin().args(["extract", "--quiet", "-o"]).arg(&out).arg(samples()).output().unwrap();
    assert!(plain.status.success());
    let docs = manifest(&out).len() as i64;
    let resumed = load(&out, &db.url(), &samples(), &["--resume"]);
    assert_eq!(resumed.status.code(), Some(0), "{}", text(&resumed));
    assert_eq!(db.counts().0, docs, "every document loaded by --resume");
    let want = db.content();
    // One document's rows gone: --resume puts them back, and only them.
    let mut c = db.client();
    let sha: String = c.query_one("SELECT doc_sha256 FROM tablelift_documents ORDER BY doc_sha256 LIMIT 1", &[]).unwrap().get(0);
    for t in ["tablelift_facts", "tablelift_tables", "tablelift_documents"] {
        c.execute(&format!("DELETE FROM {t} WHERE doc_sha256 = $1"), &[&sha]).unwrap();
    }
    let before = std::fs::read_to_string(out.join("manifest.ndjson")).unwrap();
    let again = load(&out, &db.url(), &samples(), &["--resume"]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again));
    assert!(db.content() == want);
    let after = std::fs::read_to_string(out.join("manifest.ndjson")).unwrap();
    // Resume keeps the lines of the documents it does not redo, byte for byte and in order, and
    // appends the redone ones. (Comparing lines as a set is not enough: a redone line can equal
    // its old one when the document took the same milliseconds.)
    let kept: Vec<&str> = before.lines().filter(|l| !l.contains(&sha)).collect();
    let after_lines: Vec<&str> = after.lines().collect();
    assert!(after_lines.len() > kept.len(), "{after}");
    assert_eq!(&after_lines[..kept.len()], &kept[..], "the other documents were not redone");
    let redone = &after_lines[kept.len()..];
    assert!(!redone.is_empty() && redone.iter().all(|l| l.contains(&sha)), "only the missing document was redone: {redone:?}");
}

/// The real server stopped (`pg_ctl stop -m fast`) while a batch loads into it, then started
/// again: the documents it did not take say `sink_unavailable`, the batch runs to its end, and
/// `--resume` gives the content of one clean load. The other tests wait meanwhile.
#[test]
fn the_server_stopped_mid_batch_is_recorded_and_resumed() {
    let Some(admin) = admin() else { return };
    let Some(ctl) = configured("TABLELIFT_TEST_PG_CTL", "stopping the test server mid-batch (scripts/pg-test.sh sets it)") else { return };
    let _alone = SERVER.write().unwrap_or_else(|e| e.into_inner());
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let docs = corpus(&input, 20);
    let clean = TestDb::create(&admin);
    assert!(load(&tmp.path().join("clean"), &clean.url(), &input, &[]).status.success());
    let want = clean.content();
    let server = |what: &str| assert!(std::process::Command::new("sh").arg(&ctl).arg(what).status().unwrap().success(), "pg_ctl {what}");
    let mut interrupted = false;
    for attempt in 0..3 {
        let db = TestDb::create(&admin);
        let out = tmp.path().join(format!("out{attempt}"));
        let mut child = bin().args(["extract", "-j", "1", "--quiet", "-o"]).arg(&out).arg("--sink").arg(db.url()).arg(&input).stderr(Stdio::null()).spawn().unwrap();
        // Stop the server once a few documents are in.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while std::fs::read_to_string(out.join("manifest.ndjson")).map_or(0, |m| m.lines().count()) < 3 && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        server("stop");
        let status = child.wait().unwrap();
        server("start");
        let lines = manifest(&out);
        assert_eq!(lines.len(), docs, "every input has its line");
        let failed: Vec<&Value> = lines.iter().filter(|l| l["status"] == "failed").collect();
        assert!(failed.iter().all(|l| l["error_code"] == "sink_unavailable"), "{failed:?}");
        if failed.is_empty() {
            continue; // the batch was done before the server stopped: try again
        }
        interrupted = true;
        assert_eq!(status.code(), Some(1));
        let resumed = load(&out, &db.url(), &input, &["--resume"]);
        assert_eq!(resumed.status.code(), Some(0), "{}", text(&resumed));
        assert!(db.content() == want, "stopped mid-batch, then --resume: the content of one clean load");
        break;
    }
    assert!(interrupted, "the server was stopped before the batch ended in one of 3 attempts");
}

#[test]
fn the_password_never_appears_in_any_output() {
    let Some(admin) = admin() else { return };
    let _shared = SERVER.read().unwrap_or_else(|e| e.into_inner());
    let db = TestDb::create(&admin);
    let password = db.password();
    assert!(password.len() >= 6, "the test URL has a password");
    let tmp = tempfile::tempdir().unwrap();
    let mut seen = String::new();
    let mut record = |o: &Output, out: Option<&Path>| {
        seen.push_str(&text(o));
        if let Some(out) = out
            && let Ok(m) = std::fs::read_to_string(out.join("manifest.ndjson"))
        {
            seen.push_str(&m);
        }
    };
    // A load that succeeds: text (with progress) and JSON events.
    let ok = tmp.path().join("ok");
    let o = bin().args(["extract", "-o"]).arg(&ok).arg("--sink").arg(db.url()).arg(samples()).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    record(&o, Some(&ok));
    let o = bin().args(["extract", "--log-format", "json", "-o"]).arg(&ok).arg("--sink").arg(db.url()).arg(samples()).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let begin: Value = serde_json::from_str(String::from_utf8_lossy(&o.stderr).lines().next().unwrap()).unwrap();
    assert!(begin["data"]["sink"].as_str().unwrap().contains(":***@"), "{begin}");
    record(&o, Some(&ok));
    // The password from PGPASSWORD instead of the URL.
    let mut no_pw = db.url.clone();
    no_pw.set_password(None).unwrap();
    let o = bin().args(["extract", "-o"]).arg(&ok).arg("--sink").arg(no_pw.as_str()).arg(samples()).env("PGPASSWORD", &password).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    record(&o, Some(&ok));
    // Loads that fail: the server not there (each document fails), a wrong password (the run
    // stops), a bad sslmode, and --help.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let down = tmp.path().join("down");
    let o = bin().args(["extract", "--log-format", "json", "-o"]).arg(&down).arg("--sink").arg(db.via("127.0.0.1", port)).arg(samples()).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(manifest(&down).iter().all(|l| l["error"].as_str().unwrap().contains(":***@")), "the failure names the database, redacted");
    record(&o, Some(&down));
    let o = bin().args(["extract", "-o"]).arg(&down).arg("--sink").arg(db.via("127.0.0.1", port)).arg(samples()).output().unwrap();
    record(&o, Some(&down));
    let mut wrong = db.url.clone();
    wrong.set_password(Some(&format!("{password}x"))).unwrap();
    let o = bin().args(["extract", "-o"]).arg(tmp.path().join("wrong")).arg("--sink").arg(wrong.as_str()).arg(samples()).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "a refused login is a usage error: {}", text(&o));
    assert!(text(&o).contains("sink_rejected") && text(&o).contains(":***@"), "{}", text(&o));
    record(&o, None);
    let mut bad_mode = db.url.clone();
    bad_mode.set_query(Some("sslmode=sometimes"));
    let o = bin().args(["extract", "--sink"]).arg(bad_mode.as_str()).arg(samples()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    record(&o, None);
    let o = bin().args(["extract", "--help"]).env("PGPASSWORD", &password).output().unwrap();
    record(&o, None);
    assert!(seen.len() > 1000, "output was collected");
    assert!(!seen.contains(&password), "the password appears in the output");
    assert!(!seen.contains(&format!("{password}x")));
}

/// TLS: `require` encrypts, `verify-full` checks the server's certificate against
/// `sslrootcert` (the test CA), and fails against the built-in roots.
#[test]
fn tls_modes_are_honoured() {
    let Some(admin) = admin() else { return };
    let _shared = SERVER.read().unwrap_or_else(|e| e.into_inner());
    let Some(ca) = configured("TABLELIFT_TEST_PG_CA", "the TLS test (the CA of the test server)") else { return };
    let db = TestDb::create(&admin);
    let tmp = tempfile::tempdir().unwrap();
    let one = samples().join("zh_kongbiao_2022.pdf");
    let with_query = |host: &str, q: &str| {
        let mut u = url::Url::parse(&db.via(host, db.url.port().unwrap())).unwrap();
        u.set_query(Some(q));
        u.to_string()
    };
    for (k, url) in [with_query("127.0.0.1", "sslmode=require"), with_query("localhost", &format!("sslmode=verify-full&sslrootcert={ca}")), with_query("127.0.0.1", &format!("sslmode=verify-ca&sslrootcert={ca}"))].iter().enumerate() {
        let o = load(&tmp.path().join(format!("tls{k}")), url, &one, &[]);
        assert_eq!(o.status.code(), Some(0), "{url}: {}", text(&o));
    }
    // verify-full against a name the certificate does not hold (127.0.0.1) fails.
    let o = load(&tmp.path().join("wrongname"), &with_query("127.0.0.1", &format!("sslmode=verify-full&sslrootcert={ca}")), &one, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    // The test CA is not among the Mozilla roots.
    let o = load(&tmp.path().join("untrusted"), &with_query("localhost", "sslmode=verify-full"), &one, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
}
