//! Typed errors for the whole pipeline, each with a stable machine-readable code.

use thiserror::Error;

/// Everything that can make a document fail. `code()` gives the stable string users filter on.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Error {
    /// The bytes do not start like a PDF (no `%PDF-` header near the start).
    #[error("not_a_pdf: {0}")]
    NotAPdf(String),
    /// The file ends before its structure is complete.
    #[error("truncated: {0}")]
    Truncated(String),
    /// The document is encrypted and needs a password (or uses an unsupported scheme).
    #[error("encrypted: {0}")]
    Encrypted(String),
    /// The cross-reference data is broken beyond repair.
    #[error("damaged_xref: {0}")]
    DamagedXref(String),
    /// A feature the PDF layer does not handle.
    #[error("unsupported_feature: {0}")]
    UnsupportedFeature(String),
    /// An input-controlled size or count went over its limit.
    #[error("limit_exceeded: {0}")]
    LimitExceeded(String),
    /// The document took longer than its time budget.
    #[error("timeout: {0}")]
    Timeout(String),
    /// Reading or writing a file failed.
    #[error("io: {0}")]
    Io(String),
    /// A bug in tablelift (a caught panic); the message says where.
    #[error("internal: {0}")]
    Internal(String),
    /// An output could not be written because the disk is full, a quota is reached or the
    /// file system is read-only (ENOSPC, EDQUOT, EROFS): the batch stops.
    #[error("no_space: {0}")]
    NoSpace(String),
    /// A URL input was refused before or while fetching it: not http(s), a host outside
    /// `--allow-host`, a redirect to another scheme, or too many redirects.
    #[error("url_refused: {0}")]
    UrlRefused(String),
    /// The server answered a URL input with an error status (after the retries).
    #[error("http_error: {0}")]
    HttpError(String),
    /// A URL input could not be fetched: name resolution, connection or TLS failed (after the
    /// retries).
    #[error("network: {0}")]
    Network(String),
    /// The output directory is in use by another run (its lock is held).
    #[error("locked: {0}")]
    Locked(String),
    /// The warehouse sink (`--sink`) could not be reached or went away (connection refused or
    /// lost, server shutting down): the document was not loaded; `--resume` loads it later.
    #[error("sink_unavailable: {0}")]
    SinkUnavailable(String),
    /// The warehouse sink refused the document's rows: a value that does not fit the declared
    /// column type exactly (a Parquet DECIMAL(38,10)), or the database rejected them.
    #[error("sink_rejected: {0}")]
    SinkRejected(String),
}

impl Error {
    /// Stable error code (`not_a_pdf`, `truncated`, `encrypted`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotAPdf(_) => "not_a_pdf",
            Error::Truncated(_) => "truncated",
            Error::Encrypted(_) => "encrypted",
            Error::DamagedXref(_) => "damaged_xref",
            Error::UnsupportedFeature(_) => "unsupported_feature",
            Error::LimitExceeded(_) => "limit_exceeded",
            Error::Timeout(_) => "timeout",
            Error::Io(_) => "io",
            Error::Internal(_) => "internal",
            Error::NoSpace(_) => "no_space",
            Error::UrlRefused(_) => "url_refused",
            Error::HttpError(_) => "http_error",
            Error::Network(_) => "network",
            Error::Locked(_) => "locked",
            Error::SinkUnavailable(_) => "sink_unavailable",
            Error::SinkRejected(_) => "sink_rejected",
        }
    }

    /// The warehouse sink failed (`sink_unavailable`, `sink_rejected`): the document is not
    /// loaded, but neither the document nor the output location is at fault.
    pub fn is_sink(&self) -> bool {
        matches!(self, Error::SinkUnavailable(_) | Error::SinkRejected(_))
    }

    /// The error of a failed write or read of `what`: `no_space` when the disk is full, a
    /// quota is reached or the file system is read-only, `io` otherwise.
    pub fn from_io(what: impl std::fmt::Display, e: &std::io::Error) -> Self {
        Self::io_with_message(format!("{what}: {e}"), e)
    }

    fn io_with_message(message: String, e: &std::io::Error) -> Self {
        use std::io::ErrorKind::{QuotaExceeded, ReadOnlyFilesystem, StorageFull};
        match e.kind() {
            StorageFull | QuotaExceeded | ReadOnlyFilesystem => Error::NoSpace(message),
            _ => Error::Io(message),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::io_with_message(e.to_string(), &e)
    }
}

/// Result alias used across the crate.
pub type Result<T> = std::result::Result<T, Error>;
