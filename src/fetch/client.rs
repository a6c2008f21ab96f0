//! The HTTP client: one `ureq` agent (rustls, no redirects of its own), redirects followed
//! here hop by hop so each hop's scheme and host are checked, retries around whole attempts.

use super::download::{Downloaded, StreamError, starts_like_pdf, stream_to_temp};
use super::host_limit::HostLimit;
use super::record::FetchRecord;
use super::retry::{delay, parse_retry_after};
use super::url::FetchUrl;
use crate::error::Error;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};
use ureq::http::header::{CONTENT_LENGTH, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, LOCATION, RETRY_AFTER};

/// How URL inputs are fetched.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Downloads at once per `host:port`.
    pub per_host: usize,
    /// Retries after a 429, a 5xx, a timeout or a failed connection (0: one attempt only).
    pub retries: u32,
    /// First backoff; each retry doubles it (with jitter).
    pub backoff: Duration,
    /// Longest wait before a retry, whatever `Retry-After` asks for.
    pub max_backoff: Duration,
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// A read that brings nothing for this long is a stalled server (`timeout`).
    pub read_timeout: Duration,
    /// Budget of one attempt, response and whole body included.
    pub attempt_timeout: Duration,
    /// Largest body accepted (`limit_exceeded` above it).
    pub max_bytes: u64,
    /// Hosts a URL (and each redirect) may go to; empty: any host.
    pub allow_hosts: Vec<String>,
    /// Redirects followed at most.
    pub max_redirects: usize,
    /// Directory of the temporary download files.
    pub temp_dir: PathBuf,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            per_host: 2,
            retries: 4,
            backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(120),
            connect_timeout: Duration::from_secs(15),
            read_timeout: Duration::from_secs(30),
            attempt_timeout: Duration::from_secs(600),
            max_bytes: 512 << 20,
            allow_hosts: Vec::new(),
            max_redirects: 5,
            temp_dir: std::env::temp_dir(),
        }
    }
}

/// What the last run learnt about a URL: sent as `If-None-Match` / `If-Modified-Since`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conditional {
    /// The last `ETag`.
    pub etag: Option<String>,
    /// The last `Last-Modified`.
    pub last_modified: Option<String>,
}

impl Conditional {
    fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// The body of a fetch.
#[derive(Debug)]
pub enum FetchOutcome {
    /// `304 Not Modified` to a conditional request.
    NotModified,
    /// The bytes, starting like a PDF.
    Downloaded(Downloaded),
}

/// Fetches URL inputs; shared by the batch workers.
pub struct Fetcher {
    agent: ureq::Agent,
    cfg: FetchConfig,
    hosts: HostLimit,
}

/// How one attempt failed.
enum AttemptError {
    /// Worth another attempt (429, 5xx, timeout, connection), after `Retry-After` if given.
    Retry(Error, Option<Duration>),
    /// Final.
    Fatal(Error),
}

impl Fetcher {
    /// A fetcher with its own agent (no cookies kept, no redirects followed by the agent).
    pub fn new(cfg: FetchConfig) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(cfg.connect_timeout))
            .timeout_per_read(Some(cfg.read_timeout))
            .timeout_per_call(Some(cfg.attempt_timeout))
            .user_agent(concat!("tablelift/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let hosts = HostLimit::new(cfg.per_host);
        Fetcher { agent, cfg, hosts }
    }

    /// Fetch `url`, conditionally when `known` holds validators. The record is filled as far
    /// as the fetch got, also when it fails.
    pub fn fetch(&self, url: &FetchUrl, known: &Conditional) -> (FetchRecord, Result<FetchOutcome, Error>) {
        let mut record = FetchRecord { url: url.redacted(), ..FetchRecord::default() };
        if !url.host_allowed(&self.cfg.allow_hosts) {
            let e = Error::UrlRefused(format!("host {} is not in --allow-host", url.host()));
            return (record, Err(e));
        }
        let mut attempt = 0;
        loop {
            let result = {
                let _slot = self.hosts.acquire(&url.host_key());
                self.attempt(url, known, &mut record)
            };
            match result {
                Ok(out) => return (record, Ok(out)),
                Err(AttemptError::Retry(_, retry_after)) if attempt < self.cfg.retries => {
                    std::thread::sleep(delay(attempt, self.cfg.backoff, self.cfg.max_backoff, retry_after));
                    attempt += 1;
                }
                Err(AttemptError::Retry(e, _)) | Err(AttemptError::Fatal(e)) => return (record, Err(e)),
            }
        }
    }

    /// One attempt: the request and its redirects, then the body into a temporary file.
    fn attempt(&self, url: &FetchUrl, known: &Conditional, record: &mut FetchRecord) -> Result<FetchOutcome, AttemptError> {
        let mut current = url.clone();
        let mut redirects = 0;
        let mut response = loop {
            if !current.host_allowed(&self.cfg.allow_hosts) {
                return Err(AttemptError::Fatal(Error::UrlRefused(format!(
                    "redirected to {current}, host {} is not in --allow-host",
                    current.host()
                ))));
            }
            let mut req = self.agent.get(current.request_url());
            // Credentials in the URL go as Basic auth, and only to the URL's own origin.
            if let Some(auth) = url.basic_auth().filter(|_| url.same_origin(&current)) {
                req = req.header(ureq::http::header::AUTHORIZATION, auth);
            }
            if let Some(v) = &known.etag {
                req = req.header(IF_NONE_MATCH, v.as_str());
            }
            if let Some(v) = &known.last_modified {
                req = req.header(IF_MODIFIED_SINCE, v.as_str());
            }
            let response = req.call().map_err(|e| classify(&current, e))?;
            let status = response.status().as_u16();
            record.final_url = Some(current.redacted());
            record.http_status = Some(status);
            let location = response.headers().get(LOCATION).and_then(|v| v.to_str().ok());
            match (status, location) {
                (301 | 302 | 303 | 307 | 308, Some(location)) => {
                    if redirects == self.cfg.max_redirects {
                        return Err(AttemptError::Fatal(Error::UrlRefused(format!(
                            "more than {} redirects",
                            self.cfg.max_redirects
                        ))));
                    }
                    current = current.redirect(location).map_err(AttemptError::Fatal)?;
                    redirects += 1;
                }
                _ => break response,
            }
        };
        let status = response.status().as_u16();
        let header = |name| response.headers().get(name).and_then(|v: &ureq::http::HeaderValue| v.to_str().ok()).map(str::to_string);
        record.content_type = header(CONTENT_TYPE);
        if status == 304 {
            return if known.is_empty() {
                Err(AttemptError::Fatal(Error::HttpError("304 Not Modified to a request that was not conditional".into())))
            } else {
                Ok(FetchOutcome::NotModified)
            };
        }
        if status == 429 || (500..600).contains(&status) {
            let retry_after = header(RETRY_AFTER).and_then(|v| parse_retry_after(&v, SystemTime::now()));
            return Err(AttemptError::Retry(Error::HttpError(format!("HTTP {status}")), retry_after));
        }
        if !(200..300).contains(&status) {
            return Err(AttemptError::Fatal(Error::HttpError(format!("HTTP {status}"))));
        }
        record.etag = header(ETAG);
        record.last_modified = header(LAST_MODIFIED);
        let announced = header(CONTENT_LENGTH).and_then(|v| v.trim().parse::<u64>().ok());
        if let Some(n) = announced.filter(|&n| n > self.cfg.max_bytes) {
            return Err(AttemptError::Fatal(Error::LimitExceeded(format!(
                "Content-Length {n} is over the download limit of {} bytes",
                self.cfg.max_bytes
            ))));
        }
        let body = response.body_mut().as_reader();
        let downloaded = stream_to_temp(body, &self.cfg.temp_dir, self.cfg.max_bytes).map_err(|e| match e {
            StreamError::TooBig(n) => AttemptError::Fatal(Error::LimitExceeded(format!(
                "body over the download limit of {} bytes (stopped after {n})",
                self.cfg.max_bytes
            ))),
            StreamError::Write(e) => AttemptError::Fatal(e),
            StreamError::Read(n, e) => match classify(&current, ureq::Error::from(e)) {
                AttemptError::Retry(Error::Network(m), _) => AttemptError::Retry(
                    Error::Truncated(format!("download cut short after {n} bytes{}: {m}", expected(announced))),
                    None,
                ),
                other => other,
            },
        })?;
        record.bytes = Some(downloaded.bytes);
        if !starts_like_pdf(downloaded.file.path()) {
            let ct = record.content_type.as_deref().unwrap_or("no Content-Type");
            return Err(AttemptError::Fatal(Error::NotAPdf(format!(
                "served {ct}, {} bytes that do not start like a PDF",
                downloaded.bytes
            ))));
        }
        Ok(FetchOutcome::Downloaded(downloaded))
    }
}

fn expected(announced: Option<u64>) -> String {
    announced.map(|n| format!(" of {n}")).unwrap_or_default()
}

/// A failed request or body read (from `url`, the current hop): timeouts and connection
/// troubles are worth a retry.
fn classify(url: &FetchUrl, e: ureq::Error) -> AttemptError {
    use ureq::Error as U;
    let host = url.host();
    match e {
        U::Timeout(t) => AttemptError::Retry(Error::Timeout(format!("{host}: no answer in time ({t})")), None),
        U::BodyStalled => AttemptError::Retry(Error::Timeout(format!("{host}: the body stalled")), None),
        U::Io(io) if io.kind() == std::io::ErrorKind::TimedOut || io.kind() == std::io::ErrorKind::WouldBlock => {
            AttemptError::Retry(Error::Timeout(format!("{host}: {io}")), None)
        }
        U::Io(io) => AttemptError::Retry(Error::Network(format!("{host}: {io}")), None),
        U::ConnectionFailed | U::HostNotFound | U::Protocol(_) => AttemptError::Retry(Error::Network(format!("{host}: {e}")), None),
        other => AttemptError::Fatal(Error::Network(format!("{host}: {}", super::url::redact_text(&other.to_string())))),
    }
}
