//! Progress on stderr: an indicatif bar when stderr is a terminal and not `--quiet`.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Progress {
    bar: Option<ProgressBar>,
    pages: AtomicUsize,
    tables: AtomicUsize,
    failures: AtomicUsize,
}

impl Progress {
    pub fn new(total: u64, quiet: bool) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let b = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} docs  {msg}  ETA {eta}") {
                b.set_style(style);
            }
            b
        });
        Progress { bar, pages: AtomicUsize::new(0), tables: AtomicUsize::new(0), failures: AtomicUsize::new(0) }
    }

    pub fn is_visible(&self) -> bool {
        self.bar.is_some()
    }

    pub fn document_done(&self, pages: usize, tables: usize, failed: bool) {
        let p = self.pages.fetch_add(pages, Ordering::Relaxed) + pages;
        let t = self.tables.fetch_add(tables, Ordering::Relaxed) + tables;
        let f = self.failures.fetch_add(failed as usize, Ordering::Relaxed) + failed as usize;
        if let Some(b) = &self.bar {
            b.set_message(format!("{p} pages, {t} tables, {f} failed"));
            b.inc(1);
        }
    }

    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
