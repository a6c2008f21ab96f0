//! Command line. In: arguments. Out: work for the other stages and an exit status
//! (0 all ok, 1 some document failed, 2 bad usage).

mod page_range;

use crate::layout::{LayoutConfig, build_lines, render_page_text};
use crate::pdf::{Document, PdfLimits};
use clap::{Parser, Subcommand};
use page_range::PageSelection;
use std::io::Write;
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "tablelift", version, about = "Tables from born-digital budget PDFs as typed JSON")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print each page's text in reading layout (columns kept), pages ended by a form feed.
    Text {
        file: PathBuf,
        /// Pages to print, e.g. `1-3,7`.
        #[arg(long, value_parser = PageSelection::parse)]
        pages: Option<PageSelection>,
    },
}

/// Run the CLI and return the process exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Text { file, pages } => run_text(&file, pages.as_ref()),
    }
}

fn run_text(file: &PathBuf, pages: Option<&PageSelection>) -> i32 {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("tablelift: {}: {e}", file.display());
            return 2;
        }
    };
    let doc = match Document::open(bytes, PdfLimits::default()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("tablelift: {}: {e}", file.display());
            return 1;
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let cfg = LayoutConfig::default();
    let mut status = 0;
    for n in 1..=doc.page_count() {
        if pages.is_some_and(|p| !p.contains(n)) {
            continue;
        }
        match doc.page(n) {
            Ok(page) => {
                let lines = build_lines(&page.glyphs, &cfg);
                if out.write_all(render_page_text(&lines).as_bytes()).is_err() {
                    return 1;
                }
            }
            Err(e) => {
                eprintln!("tablelift: {} page {n}: {e}", file.display());
                let _ = out.write_all(b"\x0c");
                status = 1;
            }
        }
    }
    let _ = out.flush();
    status
}
