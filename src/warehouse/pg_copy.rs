//! One document's rows into PostgreSQL in one transaction: an advisory lock on its sha256 (so
//! two runs loading the same document take turns) and the DELETE of its previous rows in one
//! simple query, binary `COPY` of the new rows into the three tables, COMMIT — so a re-run, a
//! resume or a concurrent run never duplicates or half-loads a document. The `COPY`
//! statements are prepared once per connection: about six round trips per document.

use super::pg_errors::classify;
use super::pg_numeric::PgNumeric;
use super::rows::{DocumentRow, TableRow, int};
use crate::error::{Error, Result};
use crate::output::FactRecord;
use bytes::{BufMut, BytesMut};
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::{IsNull, ToSql, Type};
use postgres::{Client, Statement, Transaction};

const COPY_DOCUMENTS: &str = "COPY tablelift_documents (doc_sha256, path, bytes, pages, producer, locale_decimal, locale_group, language, tables, facts, verified, page_warnings, tablelift_version) FROM STDIN (FORMAT binary)";
const COPY_TABLES: &str = "COPY tablelift_tables (doc_sha256, table_id, pages, title, unit, unit_multiplier, method, header_rows, \"rows\", cols, header_paths, checks_passed, checks_failed, structure_warnings, verified, facts) FROM STDIN (FORMAT binary)";
const COPY_FACTS: &str = "COPY tablelift_facts (doc_sha256, path, table_id, page, \"row\", col, row_label, row_path, row_text, column_path, text, value, percent, unit, multiplier, scaled_value, verified) FROM STDIN (FORMAT binary)";

/// A connection with its `COPY` statements prepared once, so a document costs a few round
/// trips: BEGIN, lock and deletes in one simple query, three COPYs, COMMIT.
pub struct Connection {
    client: Client,
    copy_documents: Statement,
    copy_tables: Statement,
    copy_facts: Statement,
}

impl Connection {
    /// Prepare the `COPY` statements on `client`.
    pub fn prepare(mut client: Client) -> Result<Connection> {
        let mut prepare = |sql: &str| client.prepare(sql).map_err(classify);
        let (copy_documents, copy_tables, copy_facts) = (prepare(COPY_DOCUMENTS)?, prepare(COPY_TABLES)?, prepare(COPY_FACTS)?);
        Ok(Connection { client, copy_documents, copy_tables, copy_facts })
    }

    /// The connection is gone (the server closed it or the network failed).
    pub fn is_closed(&self) -> bool {
        self.client.is_closed()
    }

    /// The client, for other queries.
    pub fn client_mut(&mut self) -> &mut Client {
        &mut self.client
    }

    /// Replace the document's rows in one transaction.
    pub fn load(&mut self, rows: &DocumentRows) -> Result<()> {
        load_document(self, rows)
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
