//! A PostgreSQL error as ours: the server unreachable or gone (connection refused or lost,
//! shutting down, out of connections) is `sink_unavailable`, to be loaded later by `--resume`;
//! anything the server refused about the rows or the schema is `sink_rejected`.

use crate::error::Error;

/// Classify a driver error (its message never holds the password: the driver does not repeat
/// it, and callers pass it through [`super::PgTarget::redact`] anyway).
pub fn classify(e: postgres::Error) -> Error {
    match e.as_db_error() {
        None => Error::SinkUnavailable(e.to_string()),
        Some(db) => {
            let code = db.code().code();
            // 08: connection exception; 57P0x: shutdown, crash, cannot connect now; 53:
            // insufficient resources (too many connections, disk full); 40: deadlock or
            // serialization failure (a retry later succeeds).
            let transient = code.starts_with("08") || code.starts_with("57P") || code.starts_with("53") || code.starts_with("40");
            let msg = format!("{} (SQLSTATE {code})", db.message());
            if transient { Error::SinkUnavailable(msg) } else { Error::SinkRejected(msg) }
        }
    }
}

/// True for errors that mean the configuration is wrong rather than the server away: the
/// password or user refused (28xxx), the database missing (3D000).
pub fn is_configuration(e: &postgres::Error) -> bool {
    e.as_db_error().is_some_and(|db| {
        let code = db.code().code();
        code.starts_with("28") || code == "3D000"
    })
}
