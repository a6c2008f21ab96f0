//! The options of URL inputs (`--per-host`, `--allow-host`, `--keep-pdfs`, retries, timeouts,
//! size limit) and what they make: a [`FetchConfig`].

use crate::fetch::FetchConfig;
use std::path::PathBuf;
use std::time::Duration;

/// How URL inputs are fetched.
#[derive(clap::Args)]
pub struct FetchArgs {
    /// URL inputs downloaded at once per host.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..))]
    pub per_host: u32,
    /// Only fetch from these hosts (and their subdomains), also after redirects; repeat or
    /// separate with commas.
    #[arg(long, value_name = "HOST", value_delimiter = ',')]
    pub allow_host: Vec<String>,
    /// Keep every downloaded PDF as DIR/<sha256>.pdf, to re-extract later without the network.
    #[arg(long, value_name = "DIR")]
    pub keep_pdfs: Option<PathBuf>,
    /// Retries after a 429, a 5xx, a timeout or a failed connection.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub retries: u32,
    /// First wait before a retry, doubled at each retry (with jitter); a Retry-After header
    /// wins.
    #[arg(long, value_name = "SECS", default_value = "1", value_parser = parse_seconds)]
    pub retry_backoff: Duration,
    /// Longest wait before a retry, whatever Retry-After says.
    #[arg(long, value_name = "SECS", default_value = "120", value_parser = parse_seconds)]
    pub max_retry_wait: Duration,
    /// A server that sends nothing for SECS (no answer, or a stalled body) is a `timeout`.
    #[arg(long, value_name = "SECS", default_value = "30", value_parser = parse_seconds)]
    pub read_timeout: Duration,
    /// Budget of one download attempt, connection to last byte.
    #[arg(long, value_name = "SECS", default_value = "600", value_parser = parse_seconds)]
    pub fetch_timeout: Duration,
    /// Largest download accepted, in MiB (`limit_exceeded` above).
    #[arg(long, value_name = "MIB", default_value_t = 512, value_parser = clap::value_parser!(u64).range(1..=1 << 20))]
    pub max_download_mib: u64,
}

impl FetchArgs {
    pub fn config(&self) -> FetchConfig {
        FetchConfig {
            per_host: self.per_host as usize,
            retries: self.retries,
            backoff: self.retry_backoff,
            max_backoff: self.max_retry_wait,
            connect_timeout: self.read_timeout.min(Duration::from_secs(15)),
            read_timeout: self.read_timeout,
            attempt_timeout: self.fetch_timeout,
            max_bytes: self.max_download_mib << 20,
            allow_hosts: self.allow_host.iter().map(|h| h.trim().to_string()).filter(|h| !h.is_empty()).collect(),
            ..FetchConfig::default()
        }
    }
}

/// A positive, finite number of seconds.
pub fn parse_seconds(s: &str) -> Result<Duration, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if x >= 0.0 && x.is_finite() && x < 1e9 => Ok(Duration::from_secs_f64(x)),
        _ => Err(format!("{s:?} is not a number of seconds")),
    }
}
