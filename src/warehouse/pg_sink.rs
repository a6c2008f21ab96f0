//! `--sink postgres://…`: each document's rows loaded in one transaction — an advisory lock on
//! its sha256 (so two runs loading the same document take turns), DELETE of its previous rows,
//! binary `COPY` of the new ones, COMMIT — so a re-run, a resume or a concurrent run never
//! duplicates or half-loads a document. [`PgLoader`] keeps one connection per worker (idle
//! ones in a pool), reconnects when one broke, and applies the migrations once per run.

use super::pg_connect::open_client;
use super::pg_errors::classify;
use super::pg_migrations::migrate;
use super::pg_numeric::PgNumeric;
use super::pg_target::PgTarget;
use super::pg_tls::connector;
use super::rows::{DocumentRow, TableRow, document_row, int, table_rows};
use crate::error::{Error, Result};
use crate::extract::{DocumentHead, DocumentSink, DocumentTail, ExtractedTable};
use crate::output::{FactRecord, SourceInfo};
use bytes::{BufMut, BytesMut};
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::{IsNull, ToSql, Type};
use postgres::{Client, Statement, Transaction};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tokio_postgres_rustls::MakeRustlsConnect;

/// Loads documents into one PostgreSQL database; shared by the batch's workers.
pub struct PgLoader {
    target: PgTarget,
    tls: MakeRustlsConnect,
    idle: Mutex<Vec<Connection>>,
    migrated: AtomicBool,
    /// When a connection last failed for want of a server, and why.
    down: Mutex<Option<(Instant, String)>>,
}

/// After a failed connection attempt, documents fail at once for this long instead of each
/// asking the server again.
const RETRY_CONNECT_AFTER: Duration = Duration::from_secs(5);

const COPY_DOCUMENTS: &str = "COPY tablelift_documents (doc_sha256, path, bytes, pages, producer, locale_decimal, locale_group, language, tables, facts, verified, page_warnings, tablelift_version) FROM STDIN (FORMAT binary)";
const COPY_TABLES: &str = "COPY tablelift_tables (doc_sha256, table_id, pages, title, unit, unit_multiplier, method, header_rows, \"rows\", cols, header_paths, checks_passed, checks_failed, structure_warnings, verified, facts) FROM STDIN (FORMAT binary)";
const COPY_FACTS: &str = "COPY tablelift_facts (doc_sha256, path, table_id, page, \"row\", col, row_label, row_path, row_text, column_path, text, value, percent, unit, multiplier, scaled_value, verified) FROM STDIN (FORMAT binary)";

/// A connection with its `COPY` statements prepared once, so a document costs a few round
/// trips: BEGIN, lock and deletes in one simple query, three COPYs, COMMIT.
struct Connection {
    client: Client,
    copy_documents: Statement,
    copy_tables: Statement,
    copy_facts: Statement,
}

impl std::fmt::Debug for PgLoader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PgLoader({})", self.target)
    }
}

/// The rows of one document, ready to load.
#[derive(Debug, Clone)]
pub struct DocumentRows {
    /// The `tablelift_documents` row.
    pub document: DocumentRow,
    /// The `tablelift_tables` rows.
    pub tables: Vec<TableRow>,
    /// The `tablelift_facts` rows.
    pub facts: Vec<FactRecord>,
}

impl PgLoader {
    /// A loader for `target` (no connection yet).
    pub fn new(target: PgTarget) -> Result<PgLoader> {
        let tls = connector(&target)?;
        Ok(PgLoader { target, tls, idle: Mutex::new(Vec::new()), migrated: AtomicBool::new(false), down: Mutex::new(None) })
    }

    /// The database, as shown (password redacted).
    pub fn target(&self) -> &PgTarget {
        &self.target
    }

    /// Connect once and bring the schema up to date, before the first document. A server
    /// that is not there is `sink_unavailable` (documents then fail one by one and
    /// `--resume` loads them later); a refused login or a missing database is
    /// `sink_rejected`, which the batch reports as bad usage.
    pub fn prepare(&self) -> Result<()> {
        let client = self.connect()?;
        self.put_back(client);
        Ok(())
    }

    fn connect(&self) -> Result<Connection> {
        // A server that just failed to answer is not asked again for a while: each document
        // would wait for it otherwise.
        if let Ok(down) = self.down.lock()
            && let Some((since, msg)) = down.as_ref()
            && since.elapsed() < RETRY_CONNECT_AFTER
        {
            return Err(Error::SinkUnavailable(format!("{msg} (not asked again: that was {:.1} s ago)", since.elapsed().as_secs_f64())));
        }
        let mut client = match open_client(&self.target, &self.tls) {
            Ok(c) => c,
            Err(e) => {
                if let (Error::SinkUnavailable(msg), Ok(mut down)) = (&e, self.down.lock()) {
                    *down = Some((Instant::now(), msg.clone()));
                }
                return Err(e);
            }
        };
        if let Ok(mut down) = self.down.lock() {
            *down = None;
        }
        if !self.migrated.load(Ordering::Acquire) {
            migrate(&mut client).map_err(|e| self.in_context(e))?;
            self.migrated.store(true, Ordering::Release);
        }
        let mut prepare = |sql: &str| client.prepare(sql).map_err(|e| self.in_context(classify(e)));
        let (copy_documents, copy_tables, copy_facts) = (prepare(COPY_DOCUMENTS)?, prepare(COPY_TABLES)?, prepare(COPY_FACTS)?);
        Ok(Connection { client, copy_documents, copy_tables, copy_facts })
    }

    fn put_back(&self, client: Connection) {
        if !client.client.is_closed()
            && let Ok(mut idle) = self.idle.lock()
        {
            idle.push(client);
        }
    }

    /// An error with the (redacted) database named, and no password in it.
    fn in_context(&self, e: Error) -> Error {
        let msg = |m: &str| format!("{}: {}", self.target, self.target.redact(m));
        match e {
            Error::SinkUnavailable(m) => Error::SinkUnavailable(msg(&m)),
            Error::SinkRejected(m) => Error::SinkRejected(msg(&m)),
            other => other,
        }
    }

    /// Which of the documents `sha256s` the database holds.
    pub fn loaded(&self, sha256s: &[String]) -> Result<std::collections::HashSet<String>> {
        let pooled = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let mut conn = match pooled {
            Some(c) => c,
            None => self.connect()?,
        };
        let rows = conn.client.query("SELECT doc_sha256 FROM tablelift_documents WHERE doc_sha256 = ANY($1)", &[&sha256s]).map_err(|e| self.in_context(classify(e)));
        self.put_back(conn);
        Ok(rows?.iter().map(|r| r.get(0)).collect())
    }

    /// Replace the document's rows in one transaction. A pooled connection found broken is
    /// replaced by a new one once.
    pub fn load(&self, rows: &DocumentRows) -> Result<()> {
        let mut fresh_tried = false;
        loop {
            let pooled = self.idle.lock().ok().and_then(|mut idle| idle.pop());
            let fresh = pooled.is_none();
            let mut client = match pooled {
                Some(c) => c,
                None => self.connect()?,
            };
            match load_document(&mut client, rows) {
                Ok(()) => {
                    self.put_back(client);
                    return Ok(());
                }
                Err(e) => {
                    // A failed transaction was rolled back when dropped; a live connection
                    // can serve the next document.
                    let broken = client.client.is_closed();
                    self.put_back(client);
                    if e.code() == "sink_unavailable" && broken && !fresh && !fresh_tried {
                        fresh_tried = true;
                        // Drop the other pooled connections too: they likely broke with it.
                        if let Ok(mut idle) = self.idle.lock() {
                            idle.clear();
                        }
                        continue;
                    }
                    return Err(self.in_context(e));
                }
            }
        }
    }
}

/// `jsonb` in binary form: version 1, then the JSON text.
#[derive(Debug)]
struct Jsonb<'a>(&'a str);

impl ToSql for Jsonb<'_> {
    fn to_sql(&self, _ty: &Type, out: &mut BytesMut) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        out.put_u8(1);
        out.put_slice(self.0.as_bytes());
        Ok(IsNull::No)
    }
    fn accepts(ty: &Type) -> bool {
        *ty == Type::JSONB
    }
    fn to_sql_checked(&self, ty: &Type, out: &mut BytesMut) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        if !Self::accepts(ty) {
            return Err(format!("JSON is sent as jsonb, not {ty}").into());
        }
        self.to_sql(ty, out)
    }
}

/// The advisory lock key of a document: the first 64 bits of its sha256.
fn document_lock(sha256: &str) -> i64 {
    u64::from_str_radix(sha256.get(..16).unwrap_or("0"), 16).unwrap_or(0) as i64
}

fn load_document(conn: &mut Connection, rows: &DocumentRows) -> Result<()> {
    let sha = rows.document.doc_sha256.as_str();
    // The sha256 goes into the statement text (one round trip for the lock and the deletes):
    // it must be what it claims, 64 lower-case hex digits.
    if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return Err(Error::Internal(format!("not a sha256: {sha:?}")));
    }
    let Connection { client, copy_documents, copy_tables: tables_stmt, copy_facts: facts_stmt } = conn;
    let mut tx = client.transaction().map_err(classify)?;
    tx.batch_execute(&format!(
        "SELECT pg_advisory_xact_lock({lock});
         DELETE FROM tablelift_facts WHERE doc_sha256 = '{sha}';
         DELETE FROM tablelift_tables WHERE doc_sha256 = '{sha}';
         DELETE FROM tablelift_documents WHERE doc_sha256 = '{sha}'",
        lock = document_lock(sha)
    ))
    .map_err(classify)?;
    copy_document(&mut tx, copy_documents, &rows.document)?;
    copy_tables(&mut tx, tables_stmt, sha, &rows.tables)?;
    copy_facts(&mut tx, facts_stmt, &rows.document, &rows.facts)?;
    tx.commit().map_err(classify)
}

fn copy_document(tx: &mut Transaction<'_>, stmt: &Statement, d: &DocumentRow) -> Result<()> {
    let sink = tx.copy_in(stmt).map_err(classify)?;
    use Type as T;
    let types = [T::TEXT, T::TEXT, T::INT8, T::INT8, T::TEXT, T::TEXT, T::TEXT, T::TEXT, T::INT8, T::INT8, T::BOOL, T::INT8, T::TEXT];
    let mut w = BinaryCopyInWriter::new(sink, &types);
    w.write(&[
        &d.doc_sha256,
        &d.path,
        &d.bytes,
        &d.pages,
        &d.producer,
        &d.locale_decimal,
        &d.locale_group,
        &d.language,
        &d.tables,
        &d.facts,
        &d.verified,
        &d.page_warnings,
        &d.tablelift_version,
    ])
    .map_err(classify)?;
    w.finish().map_err(classify)?;
    Ok(())
}

fn copy_tables(tx: &mut Transaction<'_>, stmt: &Statement, sha: &str, tables: &[TableRow]) -> Result<()> {
    let sink = tx.copy_in(stmt).map_err(classify)?;
    use Type as T;
    let types = [
        T::TEXT, T::TEXT, T::INT8_ARRAY, T::TEXT, T::TEXT, T::NUMERIC, T::TEXT, T::INT8, T::INT8, T::INT8, T::JSONB, T::INT8, T::INT8, T::INT8, T::BOOL, T::INT8,
    ];
    let mut w = BinaryCopyInWriter::new(sink, &types);
    for t in tables {
        w.write(&[
            &sha,
            &t.table,
            &t.pages,
            &t.title,
            &t.unit,
            &t.unit_multiplier.map(PgNumeric),
            &t.method,
            &t.header_rows,
            &t.rows,
            &t.cols,
            &Jsonb(&t.header_paths),
            &t.checks_passed,
            &t.checks_failed,
            &t.structure_warnings,
            &t.verified,
            &t.facts,
        ])
        .map_err(classify)?;
    }
    w.finish().map_err(classify)?;
    Ok(())
}

fn copy_facts(tx: &mut Transaction<'_>, stmt: &Statement, d: &DocumentRow, facts: &[FactRecord]) -> Result<()> {
    let sink = tx.copy_in(stmt).map_err(classify)?;
    use Type as T;
    let types = [
        T::TEXT, T::TEXT, T::TEXT, T::INT8, T::INT8, T::INT8, T::TEXT, T::TEXT_ARRAY, T::TEXT, T::TEXT_ARRAY, T::TEXT, T::NUMERIC, T::BOOL, T::TEXT, T::NUMERIC, T::NUMERIC, T::BOOL,
    ];
    let mut w = BinaryCopyInWriter::new(sink, &types);
    for f in facts {
        w.write(&[
            &d.doc_sha256,
            &d.path,
            &f.table,
            &int(f.page),
            &int(f.row),
            &int(f.col),
            &f.row_label,
            &f.row_path,
            &f.row_text,
            &f.column_path,
            &f.text,
            &PgNumeric(f.value),
            &f.percent,
            &f.unit,
            &f.multiplier.map(PgNumeric),
            &f.scaled_value.map(PgNumeric),
            &f.verified,
        ])
        .map_err(classify)?;
    }
    w.finish().map_err(classify)?;
    Ok(())
}

/// Collects one document's rows as the driver hands over its tables; the batch loads them
/// with [`PgLoader::load`] once the document is complete, before its files are renamed.
pub struct PgDocumentSink<'a> {
    source: SourceInfo<'a>,
    head: Option<DocumentHead>,
    tables: Vec<TableRow>,
    facts: Vec<FactRecord>,
    rows: Option<DocumentRows>,
}

impl<'a> PgDocumentSink<'a> {
    /// A sink for the document `source`.
    pub fn new(source: SourceInfo<'a>) -> Self {
        PgDocumentSink { source, head: None, tables: Vec::new(), facts: Vec::new(), rows: None }
    }

    /// The document's rows, once [`DocumentSink::end`] succeeded.
    pub fn into_rows(self) -> Option<DocumentRows> {
        self.rows
    }
}

impl DocumentSink for PgDocumentSink<'_> {
    fn begin(&mut self, head: &DocumentHead) -> Result<()> {
        self.head = Some(head.clone());
        Ok(())
    }
    fn table(&mut self, index: usize, table: &ExtractedTable) -> Result<()> {
        let (row, facts) = table_rows(index, table)?;
        self.tables.push(row);
        self.facts.extend(facts);
        Ok(())
    }
    fn end(&mut self, tail: &DocumentTail) -> Result<()> {
        let head = self.head.as_ref().ok_or_else(|| Error::Internal("postgres sink: end before begin".into()))?;
        let document = document_row(&self.source, head, tail, self.facts.len());
        self.rows = Some(DocumentRows { document, tables: std::mem::take(&mut self.tables), facts: std::mem::take(&mut self.facts) });
        Ok(())
    }
}
