//! At most N downloads per host at once: a counting semaphore per `host:port`.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex};

/// Slots per host, shared by the workers.
pub struct HostLimit {
    per_host: usize,
    busy: Mutex<HashMap<String, usize>>,
    freed: Condvar,
}

/// A held slot, given back when dropped.
pub struct HostSlot<'a> {
    limit: &'a HostLimit,
    host: String,
}

impl HostLimit {
    /// A limit of `per_host` (at least 1) downloads per host.
    pub fn new(per_host: usize) -> Self {
        HostLimit { per_host: per_host.max(1), busy: Mutex::new(HashMap::new()), freed: Condvar::new() }
    }

    /// Wait for a slot of `host`.
    pub fn acquire(&self, host: &str) -> HostSlot<'_> {
        // A poisoned lock only means another worker panicked while counting; the counts
        // themselves are still whole numbers, so carry on with them.
        let mut busy = self.busy.lock().unwrap_or_else(|p| p.into_inner());
        while busy.get(host).copied().unwrap_or(0) >= self.per_host {
            busy = self.freed.wait(busy).unwrap_or_else(|p| p.into_inner());
        }
        *busy.entry(host.to_string()).or_insert(0) += 1;
        HostSlot { limit: self, host: host.to_string() }
    }
}

impl Drop for HostSlot<'_> {
    fn drop(&mut self) {
        let mut busy = self.limit.busy.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = busy.get_mut(&self.host) {
            *n = n.saturating_sub(1);
        }
        drop(busy);
        self.limit.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn never_more_than_the_limit_per_host() {
        let limit = HostLimit::new(2);
        let (now, peak) = (AtomicUsize::new(0), AtomicUsize::new(0));
        std::thread::scope(|s| {
            for _ in 0..6 {
                s.spawn(|| {
                    let _slot = limit.acquire("a:80");
                    let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(n, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(30));
                    now.fetch_sub(1, Ordering::SeqCst);
                });
            }
            // Another host is not held up by the busy one.
            let _other = limit.acquire("b:80");
        });
        assert_eq!(peak.load(Ordering::SeqCst), 2);
    }
}
