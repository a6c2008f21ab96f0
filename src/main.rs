//! The `tablelift` command; see [`tablelift::cli`].

/// Counts the heap each worker holds, for `--max-memory` (see [`tablelift::memory`]).
#[global_allocator]
static ALLOCATOR: tablelift::memory::CountingAllocator = tablelift::memory::CountingAllocator;

fn main() {
    std::process::exit(tablelift::cli::run());
}
