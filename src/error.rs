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
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e.to_string())
    }
}

/// Result alias used across the crate.
pub type Result<T> = std::result::Result<T, Error>;
