//! A URL input: parsed and checked (http or https only, host in `--allow-host`), shown without
//! credentials, resolved against a redirect's `Location`, and named for its output file.

use crate::digest::sha256_hex;
use crate::error::{Error, Result};
use std::path::PathBuf;

/// An `http` or `https` URL.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FetchUrl {
    url: url::Url,
}

impl FetchUrl {
    /// Parse `s`; anything but an absolute http(s) URL with a host is `url_refused`. The
    /// message never holds the credentials of `s`.
    pub fn parse(s: &str) -> Result<FetchUrl> {
        let url = url::Url::parse(s.trim()).map_err(|e| Error::UrlRefused(format!("{}: {e}", redact_text(s))))?;
        Self::checked(url)
    }

    fn checked(url: url::Url) -> Result<FetchUrl> {
        let u = FetchUrl { url };
        if !matches!(u.url.scheme(), "http" | "https") {
            return Err(Error::UrlRefused(format!("{}: only http and https URLs are fetched", u.redacted())));
        }
        if u.url.host_str().is_none_or(str::is_empty) {
            return Err(Error::UrlRefused(format!("{}: no host", u.redacted())));
        }
        Ok(u)
    }

    /// True for text that looks like a URL input (`http://` or `https://`, any case).
    pub fn looks_like_url(s: &str) -> bool {
        let s = s.trim_start().as_bytes();
        let starts = |p: &str| s.len() >= p.len() && s[..p.len()].eq_ignore_ascii_case(p.as_bytes());
        starts("http://") || starts("https://")
    }

    /// The URL to request: without user name and password (those go in [`Self::basic_auth`]).
    pub fn request_url(&self) -> String {
        let mut u = self.url.clone();
        let _ = u.set_password(None);
        let _ = u.set_username("");
        u.to_string()
    }

    /// The `Authorization: Basic` value of the user name and password in the URL, if any.
    pub fn basic_auth(&self) -> Option<String> {
        if self.url.username().is_empty() && self.url.password().is_none() {
            return None;
        }
        let decode = |s: &str| percent_decode(s);
        let mut pair = decode(self.url.username());
        pair.push(b':');
        pair.extend(decode(self.url.password().unwrap_or("")));
        Some(format!("Basic {}", base64(&pair)))
    }

    /// True when `other` has this URL's scheme, host and port (credentials go only there).
    pub fn same_origin(&self, other: &FetchUrl) -> bool {
        self.url.origin() == other.url.origin()
    }

    /// The URL as shown in messages, the manifest and the output: a user name or password is
    /// replaced by `***`.
    pub fn redacted(&self) -> String {
        if self.url.username().is_empty() && self.url.password().is_none() {
            return self.url.to_string();
        }
        let mut u = self.url.clone();
        // Only fails for URLs that cannot have credentials, and this one has some.
        let _ = u.set_password(None);
        let _ = u.set_username("***");
        u.to_string()
    }

    /// The scheme (`http` or `https`).
    pub fn scheme(&self) -> &str {
        self.url.scheme()
    }

    /// The host, lower case.
    pub fn host(&self) -> String {
        self.url.host_str().unwrap_or_default().to_ascii_lowercase()
    }

    /// `host:port` (the port the request goes to): the key of the per-host limit.
    pub fn host_key(&self) -> String {
        format!("{}:{}", self.host(), self.url.port_or_known_default().unwrap_or(0))
    }

    /// True when the host is allowed by `allow` (empty: every host); an entry allows that host
    /// and its subdomains.
    pub fn host_allowed(&self, allow: &[String]) -> bool {
        let host = self.host();
        allow.is_empty()
            || allow.iter().any(|a| {
                let a = a.trim().trim_end_matches('.').to_ascii_lowercase();
                host == a || host.strip_suffix(&a).is_some_and(|rest| rest.ends_with('.'))
            })
    }

    /// The target of a redirect from this URL. Refused: a scheme other than http or https, and
    /// a step down from https to http.
    pub fn redirect(&self, location: &str) -> Result<FetchUrl> {
        let next = self.url.join(location.trim()).map_err(|e| {
            Error::UrlRefused(format!("{}: bad redirect {:?}: {e}", self.redacted(), redact_text(location)))
        })?;
        let next = Self::checked(next)?;
        if self.scheme() == "https" && next.scheme() == "http" {
            return Err(Error::UrlRefused(format!("{}: redirect from https to http refused ({})", self.redacted(), next.redacted())));
        }
        Ok(next)
    }

    /// Where the output of this URL goes, relative to `--out`: `host[_port]/path` with every
    /// segment reduced to `[A-Za-z0-9._-]`, `index` for a path ending in `/`, and a query
    /// turned into a short hash (`name-q1a2b3c4d`) so that two queries never share a file.
    pub fn output_relative(&self) -> PathBuf {
        let mut p = PathBuf::from(match self.url.port() {
            Some(port) => format!("{}_{port}", safe_segment(&self.host())),
            None => safe_segment(&self.host()),
        });
        let segments: Vec<String> =
            self.url.path_segments().map(|s| s.map(safe_segment).collect()).unwrap_or_default();
        let n = segments.len();
        for (i, s) in segments.into_iter().enumerate() {
            let last = i + 1 == n;
            if s.is_empty() || s == "." || s == ".." {
                if last {
                    p.push("index");
                }
                continue;
            }
            p.push(s);
        }
        if n == 0 {
            p.push("index");
        }
        if let Some(q) = self.url.query() {
            let tag = &sha256_hex(q.as_bytes())[..8];
            let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let ext = p.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
            p.set_file_name(format!("{stem}-q{tag}{ext}"));
        }
        p
    }
}

impl std::fmt::Display for FetchUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted())
    }
}

/// `%XX` escapes decoded (user info in a URL is percent-encoded).
fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (b[i], b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Standard base64 with padding (RFC 4648), for a Basic credential.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &c)| n | u32::from(c) << (16 - 8 * i));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A path segment kept to `[A-Za-z0-9._-]` (anything else becomes `_`), at most 120 bytes.
fn safe_segment(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).take(120).collect()
}

/// Text that may hold a URL with credentials (`scheme://user:pass@host…`), with the
/// credentials replaced, for messages about text that did not parse.
pub fn redact_text(s: &str) -> String {
    let Some(start) = s.find("://").map(|i| i + 3) else { return s.to_string() };
    let end = s[start..].find(['/', '?', '#']).map_or(s.len(), |i| start + i);
    match s[start..end].rfind('@') {
        Some(at) => format!("{}***{}", &s[..start], &s[start + at..]),
        None => s.to_string(),
    }
}

#[cfg(test)]
#[path = "url_tests.rs"]
mod tests;
