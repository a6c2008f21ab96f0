//! Opening one connection to the sink's database, bounded in time: the TCP connect, TLS,
//! authentication and startup together get [`CONNECT_DEADLINE`] (the driver bounds only the TCP
//! connect), and on TCP a dead peer is noticed within about a minute (keepalives every 10 s
//! after 30 s idle, unacknowledged data given up after 60 s) instead of the kernel's hours.

use super::pg_errors::is_configuration;
use super::pg_target::{PgTarget, SslMode};
use crate::error::{Error, Result};
use postgres::Client;
use postgres::config::SslMode as DriverSslMode;
use std::time::Duration;
use tokio_postgres_rustls::MakeRustlsConnect;

/// The longest a new connection may take, from the TCP connect to the server being ready.
pub const CONNECT_DEADLINE: Duration = Duration::from_secs(10);

/// A new connection to `target`; `sink_unavailable` when the server cannot be reached or does
/// not answer in time, `sink_rejected` when it refuses the login or has no such database.
pub fn open_client(target: &PgTarget, tls: &MakeRustlsConnect) -> Result<Client> {
    let mut cfg = postgres::Config::new();
    cfg.host(&target.host).port(target.port).user(&target.user).dbname(&target.dbname).application_name("tablelift").connect_timeout(CONNECT_DEADLINE);
    if let Some(p) = &target.password {
        cfg.password(p.expose());
    }
    // The server has no TLS on a unix socket (libpq ignores sslmode there too).
    cfg.ssl_mode(match target.sslmode {
        _ if target.is_socket() => DriverSslMode::Disable,
        SslMode::Disable => DriverSslMode::Disable,
        SslMode::Prefer => DriverSslMode::Prefer,
        SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => DriverSslMode::Require,
    });
    if !target.is_socket() {
        cfg.keepalives(true)
            .keepalives_idle(Duration::from_secs(30))
            .keepalives_interval(Duration::from_secs(10))
            .keepalives_retries(3)
            .tcp_user_timeout(Duration::from_secs(60));
    }
    // The driver has no deadline for the whole handshake: it runs on a thread of its own, and a
    // server that never answers is given up (the thread ends when the socket does).
    let (sender, receiver) = std::sync::mpsc::channel();
    let tls = tls.clone();
    std::thread::Builder::new()
        .name("tablelift-pg-connect".into())
        .spawn(move || {
            let _ = sender.send(cfg.connect(tls));
        })
        .map_err(|e| Error::Internal(format!("cannot start a thread: {e}")))?;
    match receiver.recv_timeout(CONNECT_DEADLINE) {
        Ok(Ok(client)) => Ok(client),
        Ok(Err(e)) => {
            let msg = target.redact(&e.to_string());
            Err(if is_configuration(&e) { Error::SinkRejected(format!("{target}: {msg}")) } else { Error::SinkUnavailable(format!("{target}: {msg}")) })
        }
        Err(_) => Err(Error::SinkUnavailable(format!("{target}: no answer within {} s", CONNECT_DEADLINE.as_secs()))),
    }
}
