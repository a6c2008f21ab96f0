//! The PostgreSQL schema as versioned migrations (`migrations/NNNN_*.sql`, embedded), applied
//! in order, each in its own transaction with its row in `tablelift_schema_migrations`, under
//! an advisory lock so that two runs starting together apply each migration once.

use super::pg_errors::classify;
use crate::error::{Error, Result};
use postgres::Client;

/// `(version, name, sql)` of every migration, in order.
pub const MIGRATIONS: &[(i32, &str, &str)] = &[(1, "warehouse_tables", include_str!("../../migrations/0001_warehouse_tables.sql"))];

/// The advisory lock key migrations run under ("tablelift" in ASCII, truncated).
const MIGRATION_LOCK: i64 = 0x7461_626c_656c_6966;

/// Bring the database's schema up to the last migration. Returns the versions applied now.
pub fn migrate(client: &mut Client) -> Result<Vec<i32>> {
    client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK]).map_err(classify)?;
    let result = apply_missing(client);
    let unlocked = client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK]).map_err(classify);
    let applied = result?;
    unlocked?;
    Ok(applied)
}

fn apply_missing(client: &mut Client) -> Result<Vec<i32>> {
    client
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS tablelift_schema_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )",
        )
        .map_err(classify)?;
    let done: Vec<i32> = client.query("SELECT version FROM tablelift_schema_migrations", &[]).map_err(classify)?.iter().map(|r| r.get(0)).collect();
    let known = MIGRATIONS.last().map_or(0, |m| m.0);
    if let Some(newer) = done.iter().find(|v| **v > known) {
        return Err(Error::SinkRejected(format!("the database's tablelift schema is at version {newer}, newer than this tablelift knows ({known})")));
    }
    let mut applied = Vec::new();
    for (version, name, sql) in MIGRATIONS.iter().filter(|m| !done.contains(&m.0)) {
        let mut tx = client.transaction().map_err(classify)?;
        tx.batch_execute(sql).map_err(classify)?;
        tx.execute("INSERT INTO tablelift_schema_migrations (version, name) VALUES ($1, $2)", &[version, name]).map_err(classify)?;
        tx.commit().map_err(classify)?;
        applied.push(*version);
    }
    Ok(applied)
}
