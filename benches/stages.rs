//! Per-stage benchmarks: one criterion group per pipeline stage, so a slowdown in one stage shows
//! on its own.
//!
//! - `pdf`: `Document::open` + `doc.page(n)` for every page of a few budget PDFs;
//! - `layout`: `build_lines` over pre-extracted pages;
//! - `tables`: `extract_tables` over pre-extracted pages;
//! - `numbers`: `parse_cell` over real cell strings from the budget-dev ground truth, and
//!   `extract::read_numbers` over pre-extracted tables.
//!
//! PDFs come from `samples/` when it holds any, otherwise from `../shared/corpus/budget-dev`.
//! Run with `cargo bench --bench stages` (add `-- --quick` for a fast smoke run).

// A panic is how a test or benchmark reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tablelift::extract::{Options, document_text, open, page_lines, read_numbers, read_pages};
use tablelift::layout::{LayoutConfig, build_lines};
use tablelift::number::{NumberFormat, parse_cell};
use tablelift::pdf::{Document, PageContent, PdfLimits};
use tablelift::table::{Table, TableConfig, extract_tables, extract_tables_with_lines};

/// Preferred sample documents (a mix of ruled / unruled, Vietnamese / Chinese); any that are
/// missing are replaced by the first PDFs of the directory in name order.
const PREFERRED: &[&str] =
    &["vi_pl02_mtqg_wide_ruled.pdf", "vi_ngansach_xa_unruled.pdf", "zh_xiangmu_jixiao_mubiao.pdf", "zh_yiban_jiben_yuan_unruled.pdf"];
const MAX_DOCS: usize = 4;
/// At most this many non-empty cells are taken from each truth file.
const CELLS_PER_FILE: usize = 50;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn budget_dev() -> PathBuf {
    manifest_dir().join("../shared/corpus/budget-dev")
}

fn pdfs_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// The sample PDFs: `samples/` if it has PDFs, else budget-dev.
fn sample_pdfs() -> Vec<PathBuf> {
    let samples = pdfs_in(&manifest_dir().join("samples"));
    let all = if samples.is_empty() { pdfs_in(&budget_dev()) } else { samples };
    assert!(!all.is_empty(), "no sample PDFs in samples/ or ../shared/corpus/budget-dev");
    let mut chosen: Vec<PathBuf> =
        PREFERRED.iter().filter_map(|name| all.iter().find(|p| p.file_name().is_some_and(|f| f == *name)).cloned()).collect();
    for p in &all {
        if chosen.len() >= MAX_DOCS {
            break;
        }
        if !chosen.contains(p) {
            chosen.push(p.clone());
        }
    }
    chosen
}

struct Sample {
    name: String,
    bytes: Vec<u8>,
    pages: Vec<PageContent>,
    /// The tables and the document text the number stage reads.
    tables: Vec<Table>,
    text: String,
}

fn load_samples() -> Vec<Sample> {
    sample_pdfs()
        .into_iter()
        .filter_map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            let doc = match Document::open(bytes.clone(), PdfLimits::default()) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("skipping {}: {e}", path.display());
                    return None;
                }
            };
            let pages: Vec<PageContent> = (1..=doc.page_count()).filter_map(|n| doc.page(n).ok()).collect();
            let opts = Options::default();
            let all_pages = read_pages(&open(bytes.clone(), &opts).ok()?, &opts).ok()?;
            let lines = page_lines(&all_pages, &opts.layout);
            let tables = extract_tables_with_lines(&all_pages, &lines, &opts.table, &opts.layout);
            let text = document_text(&lines);
            Some(Sample { name, bytes, pages, tables, text })
        })
        .collect()
}

/// Real cell strings from the budget-dev truth files ("rows"), with the number format each file
/// declares (decimal comma → VI, otherwise EN).
fn truth_cells() -> Vec<(String, NumberFormat)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(budget_dev())
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.to_string_lossy().ends_with(".truth.json")).collect())
        .unwrap_or_default();
    files.sort();
    let mut cells = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else { continue };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
        let format = if json["decimal_sep"].as_str() == Some(",") { NumberFormat::VI } else { NumberFormat::EN };
        let rows = json["tables"].as_array().into_iter().flatten().filter_map(|t| t["rows"].as_array()).flatten();
        let strs = rows.filter_map(|r| r.as_array()).flatten().filter_map(|c| c.as_str()).filter(|s| !s.trim().is_empty());
        cells.extend(strs.take(CELLS_PER_FILE).map(|s| (s.to_owned(), format)));
    }
    assert!(!cells.is_empty(), "no cells found in ../shared/corpus/budget-dev/*.truth.json");
    cells
}

fn configure<'a>(c: &'a mut Criterion, name: &str) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    g
}

fn stages(c: &mut Criterion) {
    let samples = load_samples();
    assert!(!samples.is_empty(), "no sample PDF could be opened");

    // (a) PDF layer: open + every page.
    {
        let mut g = configure(c, "pdf");
        for s in &samples {
            g.throughput(Throughput::Elements(s.pages.len() as u64));
            g.bench_with_input(BenchmarkId::new("open_and_pages", &s.name), s, |b, s| {
                b.iter_batched(
                    || s.bytes.clone(),
                    |bytes| {
                        let doc = Document::open(bytes, PdfLimits::default()).unwrap();
                        let pages: Vec<_> = (1..=doc.page_count()).map(|n| doc.page(n)).collect();
                        black_box(pages)
                    },
                    BatchSize::SmallInput,
                )
            });
        }
        g.finish();
    }

    // (b) layout: lines from glyphs of pre-extracted pages.
    {
        let mut g = configure(c, "layout");
        let cfg = LayoutConfig::default();
        for s in &samples {
            g.throughput(Throughput::Elements(s.pages.len() as u64));
            g.bench_with_input(BenchmarkId::new("build_lines", &s.name), s, |b, s| {
                b.iter(|| {
                    for p in &s.pages {
                        black_box(build_lines(black_box(&p.glyphs), &cfg));
                    }
                })
            });
        }
        g.finish();
    }

    // (c) tables: table detection and assembly over pre-extracted pages.
    {
        let mut g = configure(c, "tables");
        let (tcfg, lcfg) = (TableConfig::default(), LayoutConfig::default());
        for s in &samples {
            g.throughput(Throughput::Elements(s.pages.len() as u64));
            g.bench_with_input(BenchmarkId::new("extract_tables", &s.name), s, |b, s| {
                b.iter(|| black_box(extract_tables(black_box(&s.pages), &tcfg, &lcfg)))
            });
        }
        g.finish();
    }

    // (d) numbers: cell parsing on real cell strings, and the whole numbers stage per document.
    {
        let mut g = configure(c, "numbers");
        let cells = truth_cells();
        g.throughput(Throughput::Elements(cells.len() as u64));
        for (label, fixed) in [("vi", Some(NumberFormat::VI)), ("en", Some(NumberFormat::EN)), ("declared", None)] {
            g.bench_function(BenchmarkId::new("parse_cell", format!("{label}/{}cells", cells.len())), |b| {
                b.iter(|| {
                    for (text, declared) in &cells {
                        let f = fixed.as_ref().unwrap_or(declared);
                        black_box(parse_cell(black_box(text), f));
                    }
                })
            });
        }
        let opts = Options::default();
        for s in &samples {
            g.throughput(Throughput::Elements(s.tables.len().max(1) as u64));
            g.bench_with_input(BenchmarkId::new("read_numbers", &s.name), s, |b, s| {
                b.iter_batched(|| s.tables.clone(), |tables| black_box(read_numbers(tables, &s.text, &opts)), BatchSize::SmallInput)
            });
        }
        g.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
