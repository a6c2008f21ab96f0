//! Heap accounting for the memory ceiling of a document ([`MemoryCeiling`]): a global
//! allocator ([`CountingAllocator`]) that counts the bytes each thread holds and, in steps of
//! [`FLUSH_BYTES`], the whole process.
//!
//! The `tablelift` binary installs the allocator; a library user who wants a ceiling installs
//! it too (`#[global_allocator] static A: tablelift::memory::CountingAllocator =
//! tablelift::memory::CountingAllocator;`). Without it every count stays 0 and no ceiling is
//! ever reached.
//!
//! A batch of several documents runs each on one worker thread, so the document's share is
//! what its thread holds more than when it started; a single document whose pages are read
//! in parallel is measured by the whole process.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, Ordering};

/// The process-wide count is updated once a thread's change since its last update reaches this
/// many bytes (either way), so that threads do not contend on it for every allocation.
pub const FLUSH_BYTES: isize = 1 << 20;

/// Bytes held by the whole process, give or take [`FLUSH_BYTES`] per thread.
static PROCESS_HELD: AtomicIsize = AtomicIsize::new(0);

thread_local! {
    /// Bytes this thread allocated and not freed (freed elsewhere counts against the freeing
    /// thread), and its change not yet added to [`PROCESS_HELD`].
    static THREAD: Cell<(isize, isize)> = const { Cell::new((0, 0)) };
}

fn count(delta: isize) {
    // `try_with`: a thread's last frees happen while its thread-locals are torn down.
    let _ = THREAD.try_with(|t| {
        let (held, pending) = t.get();
        let pending = pending + delta;
        if pending.abs() >= FLUSH_BYTES {
            PROCESS_HELD.fetch_add(pending, Ordering::Relaxed);
            t.set((held + delta, 0));
        } else {
            t.set((held + delta, pending));
        }
    });
}

/// The system allocator, counting.
pub struct CountingAllocator;

// SAFETY: every call is passed to the system allocator unchanged; the counting touches only a
// const-initialized thread-local `Cell` (no allocation, no destructor) and an atomic.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Bytes the calling thread holds (0 without [`CountingAllocator`]).
pub fn thread_held() -> isize {
    THREAD.try_with(|t| t.get().0).unwrap_or(0)
}

/// Bytes the process holds (0 without [`CountingAllocator`]).
pub fn process_held() -> isize {
    PROCESS_HELD.load(Ordering::Relaxed) + THREAD.try_with(|t| t.get().1).unwrap_or(0)
}

/// The most heap one document may hold, measured from when it started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryCeiling {
    /// The ceiling in bytes.
    pub bytes: usize,
    /// Measure the calling thread (one document per worker) rather than the process.
    pub per_thread: bool,
    /// What was held when the document started.
    pub baseline: isize,
}

impl MemoryCeiling {
    /// A ceiling of `bytes` for a document starting now on this thread (`per_thread`) or alone
    /// in the process.
    pub fn starting_now(bytes: usize, per_thread: bool) -> Self {
        let baseline = if per_thread { thread_held() } else { process_held() };
        MemoryCeiling { bytes, per_thread, baseline }
    }

    /// Bytes the document holds now.
    pub fn used(&self) -> usize {
        let now = if self.per_thread { thread_held() } else { process_held() };
        (now - self.baseline).max(0) as usize
    }

    /// True once the document holds more than its ceiling.
    pub fn exceeded(&self) -> bool {
        self.used() > self.bytes
    }
}
