//! `--sink postgres://…`: [`PgLoader`] loads each document's rows in one transaction (see
//! `pg_copy`), keeps one connection per worker (idle ones in a pool), reconnects when one
//! broke, stops asking a server that did not answer for a few seconds, and applies the
//! migrations once per run; [`PgDocumentSink`] collects a document's rows as the driver hands
//! over its tables.

use super::pg_connect::open_client;
use super::pg_errors::classify;
use super::pg_migrations::migrate;
use super::pg_copy::{Connection, DocumentRows};
use super::pg_target::PgTarget;
use super::pg_tls::connector;
use super::rows::{TableRow, document_row, table_rows};
use crate::error::{Error, Result};
use crate::extract::{DocumentHead, DocumentSink, DocumentTail, ExtractedTable};
use crate::output::{FactRecord, SourceInfo};
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

impl std::fmt::Debug for PgLoader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PgLoader({})", self.target)
    }
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
        Connection::prepare(client).map_err(|e| self.in_context(e))
    }

    fn put_back(&self, client: Connection) {
        if !client.is_closed()
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
        let rows = conn.client_mut().query("SELECT doc_sha256 FROM tablelift_documents WHERE doc_sha256 = ANY($1)", &[&sha256s]).map_err(|e| self.in_context(classify(e)));
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
            match client.load(rows) {
                Ok(()) => {
                    self.put_back(client);
                    return Ok(());
                }
                Err(e) => {
                    // A failed transaction was rolled back when dropped; a live connection
                    // can serve the next document.
                    let broken = client.is_closed();
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
