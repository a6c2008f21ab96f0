//! Command line. In: arguments. Out: work for the other stages and an exit status
//! (0 all ok, 1 some document failed, 2 bad usage).

mod fetch_args;
mod page_range;
mod url_list;

use crate::warehouse::{PgLoader, PgTarget};
use crate::batch::{BatchConfig, Event, Shard, emit, error_event, expand_inputs, run_batch};
use crate::extract::{Locale, Options, open, page_lines, read_pages};
use crate::layout::{build_lines, render_page_text};
use crate::output::OutputFormat;
use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand};
use fetch_args::{FetchArgs, parse_seconds};
use page_range::PageSelection;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser)]
#[command(name = "tablelift", version, about = "Tables from born-digital budget PDFs as typed JSON")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract tables from PDFs (files, directories searched recursively, http(s) URLs, or `-`
    /// for a list of paths or URLs on stdin).
    Extract(Box<ExtractArgs>),
    /// Draw one page with its detected tables, rows, columns, merged cells and each table's
    /// quality verdict (failing checks in red) as SVG.
    Inspect {
        file: PathBuf,
        /// Page number (1-based).
        #[arg(long, default_value_t = 1)]
        page: usize,
        /// Output SVG file.
        #[arg(short, long)]
        out: PathBuf,
    },
    /// Print each page's text in reading layout (columns kept), pages ended by a form feed.
    Text {
        file: PathBuf,
        /// Pages to print, e.g. `1-3,7`.
        #[arg(long, value_parser = PageSelection::parse)]
        pages: Option<PageSelection>,
    },
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// PDF files, directories (searched recursively for *.pdf, any case), http(s):// URLs, or -
    /// to read one path or URL per line from stdin.
    #[arg(required_unless_present = "urls")]
    inputs: Vec<PathBuf>,
    /// Also fetch the http(s) URLs listed in FILE, one per line (- for stdin; # comments).
    #[arg(long, value_name = "FILE")]
    urls: Option<PathBuf>,
    /// Write <DIR>/<relative path>.json per document and <DIR>/manifest.ndjson.
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Also write one NDJSON fact per numeric cell to FILE.
    #[arg(long, value_name = "FILE")]
    facts: Option<PathBuf>,
    /// Also write each document's rows as Parquet: DIR/documents, DIR/tables and DIR/facts,
    /// one doc=<sha256>.parquet each (schema/parquet.md; values DECIMAL(38,10), never rounded).
    #[arg(long, value_name = "DIR")]
    parquet: Option<PathBuf>,
    /// Also load each document's rows into PostgreSQL, one transaction per document that
    /// replaces its earlier rows: postgres://USER:PASSWORD@HOST:PORT/DB?sslmode=MODE (parts left
    /// out come from PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE; sslmode
    /// disable, prefer, require, verify-ca, verify-full). The password is never shown.
    #[arg(long, value_name = "URL")]
    sink: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// Number format: auto, or a locale code such as vi, zh, en, de, fr.
    #[arg(long, default_value = "auto", value_parser = parse_locale)]
    locale: Locale,
    /// Skip inputs already recorded as ok in <DIR>/manifest.ndjson.
    #[arg(long)]
    resume: bool,
    /// Process only inputs whose sha256 falls in shard K of N.
    #[arg(long, value_name = "K/N", value_parser = Shard::parse)]
    shard: Option<Shard>,
    /// Per-document time budget in seconds.
    #[arg(long, default_value_t = 60.0)]
    timeout: f64,
    /// Output format of the per-document files: json (document JSON) or grid (for the
    /// evaluators).
    #[arg(long, default_value = "json", value_parser = clap::builder::PossibleValuesParser::new(["json", "grid"]).try_map(|s| s.parse::<OutputFormat>()))]
    format: OutputFormat,
    /// Indent the document JSON for people to read (about twice the bytes; default: one line).
    #[arg(long)]
    pretty: bool,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
    /// Give a document whose tables are not all verified (an arithmetic identity holds and
    /// none fails) the manifest status `unverified` and exit with status 1.
    #[arg(long)]
    require_verified: bool,
    /// Refuse a document of more than N pages (manifest error_code limit_exceeded).
    #[arg(long, value_name = "N", default_value_t = crate::pdf::PdfLimits::default().max_pages)]
    max_pages: usize,
    /// Refuse a document (manifest error_code limit_exceeded) once it holds more than MB
    /// megabytes of memory; with several jobs, each worker's document is measured on its own.
    #[arg(long, value_name = "MB")]
    max_memory: Option<usize>,
    /// Never map input files into memory; read them whole (files of 16 MiB or more are mapped
    /// by default, so memory does not grow with the file).
    #[arg(long)]
    no_mmap: bool,
    /// When another run holds the lock of --out, wait up to SECS for it (default: exit 2 at
    /// once).
    #[arg(long, value_name = "SECS", value_parser = parse_seconds)]
    wait_lock: Option<Duration>,
    /// text: progress bar and prose on stderr; json: one NDJSON event per document on stderr
    /// (begin, document, error, summary).
    #[arg(long, value_name = "FORMAT", default_value = "text", value_parser = ["text", "json"])]
    log_format: String,
    #[command(flatten)]
    fetch: FetchArgs,
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
        Command::Extract(args) => run_extract(*args),
        Command::Inspect { file, page, out } => run_inspect(&file, page, &out),
    }
}

fn run_extract(args: ExtractArgs) -> i32 {
    if args.resume && args.out.is_none() {
        eprintln!("tablelift: --resume needs --out DIR");
        return 2;
    }
    if args.pretty && args.format != OutputFormat::Json {
        eprintln!("tablelift: --pretty applies to --format json only");
        return 2;
    }
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        eprintln!("tablelift: --timeout must be a positive number of seconds");
        return 2;
    }
    let mut given = args.inputs.clone();
    if let Some(list) = &args.urls {
        match url_list::read_url_list(list) {
            Ok(urls) => given.extend(urls),
            Err(e) => {
                eprintln!("tablelift: {e}");
                return 2;
            }
        }
    }
    let inputs = match expand_inputs(&given) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("tablelift: {e}");
            return 2;
        }
    };
    if inputs.is_empty() {
        eprintln!("tablelift: no PDF files found in the inputs");
        return 2;
    }
    let log_json = args.log_format == "json";
    let sink = match args.sink.as_deref().map(|url| PgTarget::from_env(url).and_then(PgLoader::new)) {
        None => None,
        Some(Ok(loader)) => Some(std::sync::Arc::new(loader)),
        Some(Err(e)) => {
            eprintln!("tablelift: {e}");
            return 2;
        }
    };
    let cfg = BatchConfig {
        out_dir: args.out,
        facts: args.facts,
        parquet: args.parquet,
        sink,
        format: if args.pretty && args.format == OutputFormat::Json { OutputFormat::PrettyJson } else { args.format },
        jobs: args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        resume: args.resume,
        shard: args.shard,
        timeout: std::time::Duration::from_secs_f64(args.timeout),
        quiet: args.quiet,
        require_verified: args.require_verified,
        fetch: args.fetch.config(),
        keep_pdfs: args.fetch.keep_pdfs.clone(),
        wait_lock: args.wait_lock,
        log_json,
        max_memory: args.max_memory.map(|mb| mb.saturating_mul(1 << 20)),
        map_from: if args.no_mmap { u64::MAX } else { crate::batch::DEFAULT_MAP_FROM },
    };
    let mut opts = Options { locale: args.locale, ..Options::default() };
    opts.limits.max_pages = args.max_pages;
    let start = std::time::Instant::now();
    if log_json {
        emit(&Event::Begin {
            inputs: inputs.len(),
            out: cfg.out_dir.as_ref().map(|d| d.display().to_string()),
            sink: cfg.sink.as_ref().map(|s| s.target().to_string()),
        });
    }
    match run_batch(&inputs, &cfg, &opts) {
        Ok(s) if log_json => {
            emit(&Event::Summary { summary: &s, elapsed_ms: start.elapsed().as_millis() as u64 });
            if s.failed > 0 || s.unverified > 0 { 1 } else { 0 }
        }
        Ok(s) => {
            eprintln!(
                "tablelift: {} documents ({} ok, {}{}{} failed, {} duplicate, {} skipped), {} pages, {} tables in {:.1} s",
                s.documents,
                s.ok,
                if s.unchanged > 0 { format!("{} unchanged, ", s.unchanged) } else { String::new() },
                if cfg.require_verified { format!("{} unverified, ", s.unverified) } else { String::new() },
                s.failed,
                s.duplicates,
                s.skipped,
                s.pages,
                s.tables,
                start.elapsed().as_secs_f64()
            );
            if s.failed > 0 || s.unverified > 0 { 1 } else { 0 }
        }
        Err(e) => {
            if log_json {
                emit(&error_event(&e));
            } else {
                eprintln!("tablelift: {e}");
            }
            // A full disk stops the batch like a failed document (exit 1, `--resume` goes on);
            // anything else here is a problem with the output location or the usage.
            if e.code() == "no_space" { 1 } else { 2 }
        }
    }
}

fn run_inspect(file: &PathBuf, page_number: usize, out: &PathBuf) -> i32 {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("tablelift: {}: {e}", file.display());
            return 2;
        }
    };
    let opts = Options::default();
    let doc = match open(bytes, &opts) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("tablelift: {}: {e}", file.display());
            return 1;
        }
    };
    if page_number == 0 || page_number > doc.page_count() {
        eprintln!("tablelift: {}: no page {page_number} (the document has {})", file.display(), doc.page_count());
        return 2;
    }
    // Every page is read: page furniture (running headers) is learnt from all of them.
    let pages = match read_pages(&doc, &opts) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("tablelift: {}: {e}", file.display());
            return 1;
        }
    };
    let lines = page_lines(&pages, &opts.layout);
    let tables: Vec<_> = crate::table::find_page_tables_with_lines(&pages, &lines, &opts.table, &opts.layout)
        .into_iter()
        .filter(|t| t.page == page_number)
        .collect();
    let Some(page) = pages.get(page_number - 1).cloned() else {
        eprintln!("tablelift: {}: no page {page_number}", file.display());
        return 2;
    };
    // The finished tables (all stages) give the quality verdicts drawn on the page.
    let finished = match crate::extract::extract_from_pages(pages, &opts) {
        Ok(doc) => doc.tables,
        Err(e) => {
            eprintln!("tablelift: {}: {e}", file.display());
            return 1;
        }
    };
    // (Rows kept only as the last rows of the table before, or as the head of the table after,
    // are drawn when they did continue it or it them.)
    let mut tables = tables;
    tables.retain(|t| !(t.continuation_only || t.head_only) || finished.iter().any(|f| f.table.pages.len() > 1 && f.table.pages.contains(&t.page)));
    let svg = crate::output::page_svg(&page, &tables, &finished);
    if let Err(e) = std::fs::write(out, svg) {
        eprintln!("tablelift: {}: {e}", out.display());
        return 2;
    }
    eprintln!("tablelift: page {page_number}: {} tables drawn to {}", tables.len(), out.display());
    0
}

fn run_text(file: &PathBuf, pages: Option<&PageSelection>) -> i32 {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("tablelift: {}: {e}", file.display());
            return 2;
        }
    };
    let opts = Options::default();
    let doc = match open(bytes, &opts) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("tablelift: {}: {e}", file.display());
            return 1;
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut status = 0;
    for n in 1..=doc.page_count() {
        if pages.is_some_and(|p| !p.contains(n)) {
            continue;
        }
        match doc.page(n) {
            Ok(page) => {
                let lines = build_lines(&page.glyphs, &opts.layout);
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

/// `--locale`: `auto` or a known locale code; anything else is a usage error.
fn parse_locale(s: &str) -> Result<Locale, String> {
    s.parse::<Locale>().map_err(|e| e.to_string())
}
