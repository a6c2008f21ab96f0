//! A TCP proxy in front of the real test PostgreSQL that can cut every connection at a chosen
//! moment — after the N-th `COMMIT` it forwards — and refuse new ones until restored: the
//! server going away mid-batch, at a point the test decides rather than by timing.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

struct State {
    commits: AtomicUsize,
    cut_after: AtomicUsize,
    down: AtomicBool,
    open: Mutex<Vec<TcpStream>>,
}

pub struct CutProxy {
    pub port: u16,
    state: Arc<State>,
}

impl CutProxy {
    /// Forward 127.0.0.1:`port` to `upstream`; cut everything after `cut_after` COMMITs.
    pub fn start(upstream: SocketAddr, cut_after: usize) -> CutProxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(State { commits: AtomicUsize::new(0), cut_after: AtomicUsize::new(cut_after), down: AtomicBool::new(false), open: Mutex::new(Vec::new()) });
        let st = state.clone();
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                if st.down.load(Ordering::SeqCst) {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                }
                let Ok(server) = TcpStream::connect(upstream) else { continue };
                {
                    let mut open = st.open.lock().unwrap();
                    open.push(client.try_clone().unwrap());
                    open.push(server.try_clone().unwrap());
                }
                let (c2, s2) = (client.try_clone().unwrap(), server.try_clone().unwrap());
                let st_up = st.clone();
                std::thread::spawn(move || pump(client, server, Some(st_up)));
                std::thread::spawn(move || pump(s2, c2, None));
            }
        });
        CutProxy { port, state }
    }

    /// Close every connection and refuse new ones.
    pub fn cut(&self) {
        cut(&self.state);
    }

    /// Accept connections again, and never cut by itself.
    pub fn restore(&self) {
        self.state.cut_after.store(usize::MAX, Ordering::SeqCst);
        self.state.down.store(false, Ordering::SeqCst);
    }

    /// COMMITs forwarded so far.
    pub fn commits(&self) -> usize {
        self.state.commits.load(Ordering::SeqCst)
    }
}

fn cut(st: &State) {
    st.down.store(true, Ordering::SeqCst);
    for s in st.open.lock().unwrap().drain(..) {
        let _ = s.shutdown(Shutdown::Both);
    }
}

/// Copy `from` → `to`; on the client side, count COMMITs and cut once there are enough.
fn pump(mut from: TcpStream, mut to: TcpStream, counting: Option<Arc<State>>) {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if to.write_all(&buf[..n]).is_err() {
            break;
        }
        if let Some(st) = &counting {
            let found = buf[..n].windows(6).filter(|w| *w == b"COMMIT").count();
            if found > 0 {
                let total = st.commits.fetch_add(found, Ordering::SeqCst) + found;
                if total >= st.cut_after.load(Ordering::SeqCst) {
                    cut(st);
                    break;
                }
            }
        }
    }
    let _ = to.shutdown(Shutdown::Both);
    let _ = from.shutdown(Shutdown::Both);
}
