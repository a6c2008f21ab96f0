//! Fetch stage for URL inputs. In: an `http(s)://` URL, what the last run learnt about it
//! (`ETag`, `Last-Modified`) and a [`FetchConfig`]. Out: the PDF bytes in a temporary file
//! with their sha256 ([`Downloaded`]), or "not modified", plus a [`FetchRecord`] for the
//! manifest (url, final url, HTTP status, validators, bytes), or a typed error.
//!
//! Safe to point at the open web: only http and https, at most 5 redirects followed here (never
//! to another scheme, never from https down to http, every hop checked against
//! `--allow-host`), a size limit enforced while streaming to disk, timeouts on connect, on each
//! read and on the whole exchange, retries with exponential backoff and jitter on 429, 5xx and
//! connection failures (honouring `Retry-After`), at most `per_host` downloads per host at
//! once, and credentials in a URL never shown.

mod client;
mod download;
mod host_limit;
mod record;
mod retry;
mod url;

pub use client::{Conditional, FetchConfig, FetchOutcome, Fetcher};
pub use download::Downloaded;
pub use record::FetchRecord;
pub use url::FetchUrl;
