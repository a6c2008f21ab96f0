//! `--sink postgres://user:password@host:port/db?sslmode=…`: where the rows go, with what
//! the URL leaves out taken from the environment like `psql` does (`PGHOST`, `PGPORT`,
//! `PGUSER`, `PGPASSWORD`, `PGDATABASE`, `PGSSLMODE`, `PGSSLROOTCERT`). The password is held
//! apart and never shown: `Display` and `Debug` print `postgres://user:***@host:port/db`.

use crate::error::{Error, Result};

/// How TLS is used, as libpq's `sslmode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    /// No TLS.
    Disable,
    /// TLS when the server offers it, certificate not checked (libpq's default).
    Prefer,
    /// TLS or no connection; certificate not checked.
    Require,
    /// TLS, certificate chain checked against the root certificates (not the host name).
    VerifyCa,
    /// TLS, certificate chain and host name checked.
    VerifyFull,
}

impl SslMode {
    fn parse(s: &str) -> Result<SslMode> {
        Ok(match s {
            "disable" => SslMode::Disable,
            "allow" | "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => return Err(Error::SinkRejected(format!("unknown sslmode {other:?} (disable, prefer, require, verify-ca, verify-full)"))),
        })
    }

    fn name(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }
}

/// A password that prints as `***`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// The password itself, for the connection only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

/// A PostgreSQL database to load into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgTarget {
    /// Host name, address, or a directory holding the server's unix socket (starts with `/`).
    pub host: String,
    /// Port.
    pub port: u16,
    /// User name.
    pub user: String,
    /// Password, if any.
    pub password: Option<Secret>,
    /// Database.
    pub dbname: String,
    /// TLS use.
    pub sslmode: SslMode,
    /// PEM file of root certificates for `verify-ca` / `verify-full` (default: the Mozilla
    /// roots built in).
    pub sslrootcert: Option<String>,
}

impl PgTarget {
    /// Parse `--sink`, filling what the URL omits from `env` (`PGHOST` …).
    pub fn parse(url: &str, env: impl Fn(&str) -> Option<String>) -> Result<PgTarget> {
        // The message of a bad URL must not repeat it: it may hold a password.
        let bad = |why: &str| Error::SinkRejected(format!("--sink: {why} (expected postgres://user:password@host:port/database?sslmode=…)"));
        let parsed = url::Url::parse(url).map_err(|e| bad(&e.to_string()))?;
        if !matches!(parsed.scheme(), "postgres" | "postgresql") {
            return Err(bad(&format!("scheme {:?} is not postgres", parsed.scheme())));
        }
        let decode = |s: &str| percent_decode(s).ok_or_else(|| bad("bad percent-encoding"));
        let mut query = std::collections::HashMap::new();
        for (k, v) in parsed.query_pairs() {
            query.insert(k.into_owned(), v.into_owned());
        }
        let given = |s: String| Some(s).filter(|s| !s.is_empty());
        let host = match parsed.host_str().map(decode).transpose()?.and_then(given) {
            Some(h) => h,
            None => query.get("host").cloned().or_else(|| env("PGHOST")).unwrap_or_else(|| "localhost".into()),
        };
        let host = host.trim_start_matches('[').trim_end_matches(']').to_string();
        let port = match parsed.port() {
            Some(p) => p,
            None => match query.get("port").cloned().or_else(|| env("PGPORT")) {
                Some(p) => p.parse().map_err(|_| bad("bad port"))?,
                None => 5432,
            },
        };
        let user = match given(decode(parsed.username())?) {
            Some(u) => u,
            None => query.get("user").cloned().or_else(|| env("PGUSER")).or_else(|| env("USER")).unwrap_or_else(|| "postgres".into()),
        };
        let password = match parsed.password().map(decode).transpose()? {
            Some(p) => Some(p),
            None => query.get("password").cloned().or_else(|| env("PGPASSWORD")),
        }
        .filter(|p| !p.is_empty())
        .map(Secret);
        let dbname = match given(decode(parsed.path().trim_start_matches('/'))?) {
            Some(d) => d,
            None => query.get("dbname").cloned().or_else(|| env("PGDATABASE")).unwrap_or_else(|| user.clone()),
        };
        let sslmode = match query.get("sslmode").cloned().or_else(|| env("PGSSLMODE")) {
            Some(m) => SslMode::parse(&m)?,
            None => SslMode::Prefer,
        };
        let sslrootcert = query.get("sslrootcert").cloned().or_else(|| env("PGSSLROOTCERT"));
        for k in query.keys() {
            if !matches!(k.as_str(), "host" | "port" | "user" | "password" | "dbname" | "sslmode" | "sslrootcert") {
                return Err(bad(&format!("unknown parameter {k:?}")));
            }
        }
        Ok(PgTarget { host, port, user, password, dbname, sslmode, sslrootcert })
    }

    /// Parse `--sink` with the process environment.
    pub fn from_env(url: &str) -> Result<PgTarget> {
        Self::parse(url, |k| std::env::var(k).ok().filter(|v| !v.is_empty()))
    }

    /// True when `host` names a unix-socket directory.
    pub fn is_socket(&self) -> bool {
        self.host.starts_with('/')
    }

    /// `text` with every occurrence of the password replaced by `***` (for messages that come
    /// from elsewhere, such as a driver error).
    pub fn redact(&self, text: &str) -> String {
        match &self.password {
            Some(p) if !p.0.is_empty() => text.replace(&p.0, "***"),
            _ => text.to_string(),
        }
    }
}

impl std::fmt::Display for PgTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secret = if self.password.is_some() { ":***" } else { "" };
        // A socket directory or an IPv6 address in brackets, as in a URL.
        let host = if self.is_socket() || self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        write!(f, "postgres://{}{secret}@{host}:{}/{}?sslmode={}", self.user, self.port, self.dbname, self.sslmode.name())
    }
}

/// `%XX` escapes decoded (URL user names, passwords and paths may hold them).
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn url_parts_and_redaction() {
        let t = PgTarget::parse("postgres://etl:s3cr%40t@db.example:6543/dw?sslmode=verify-full", no_env).unwrap();
        assert_eq!((t.host.as_str(), t.port, t.user.as_str(), t.dbname.as_str()), ("db.example", 6543, "etl", "dw"));
        assert_eq!(t.password.as_ref().map(Secret::expose), Some("s3cr@t"));
        assert_eq!(t.sslmode, SslMode::VerifyFull);
        let shown = format!("{t} {t:?}");
        assert!(!shown.contains("s3cr"), "{shown}");
        assert_eq!(t.to_string(), "postgres://etl:***@db.example:6543/dw?sslmode=verify-full");
        assert_eq!(t.redact("auth failed for s3cr@t"), "auth failed for ***");
    }

    #[test]
    fn environment_fills_what_the_url_omits() {
        let env = |k: &str| match k {
            "PGHOST" => Some("/tmp/pgsock".to_string()),
            "PGPORT" => Some("5433".to_string()),
            "PGUSER" => Some("loader".to_string()),
            "PGPASSWORD" => Some("hunter2".to_string()),
            "PGSSLMODE" => Some("disable".to_string()),
            _ => None,
        };
        let t = PgTarget::parse("postgres://", env).unwrap();
        assert_eq!((t.host.as_str(), t.port, t.user.as_str(), t.dbname.as_str()), ("/tmp/pgsock", 5433, "loader", "loader"));
        assert!(t.is_socket());
        assert_eq!(t.sslmode, SslMode::Disable);
        assert_eq!(t.to_string(), "postgres://loader:***@[/tmp/pgsock]:5433/loader?sslmode=disable");
        // The URL wins over the environment.
        let t = PgTarget::parse("postgresql://me:pw@h/db?sslmode=require", env).unwrap();
        assert_eq!((t.host.as_str(), t.port, t.user.as_str(), t.dbname.as_str(), t.sslmode), ("h", 5433, "me", "db", SslMode::Require));
        assert_eq!(t.password.as_ref().map(Secret::expose), Some("pw"));
    }

    #[test]
    fn bad_urls_are_refused_without_echoing_them() {
        for url in ["mysql://u:topsecret@h/db", "postgres://u:topsecret@h/db?sslmode=sometimes", "postgres://u:topsecret@h/db?color=blue", "postgres://u:topsecret@h:99999/db"] {
            let e = PgTarget::parse(url, no_env).unwrap_err();
            assert!(!e.to_string().contains("topsecret"), "{e}");
        }
    }
}
