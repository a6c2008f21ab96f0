//! Shared helpers of the tablelift fuzz targets.

use tablelift::extract::{Options, extract_document, read_numbers};
use tablelift::output::{OutputFormat, SourceInfo, document_json, serialize_document, write_facts};
use tablelift::pdf::PdfLimits;
use tablelift::table::Table;

/// Extraction options for fuzzing: the defaults with small input-controlled limits, so that a
/// legitimately large (but bounded) input stays well below libFuzzer's `-rss_limit_mb=2048` and
/// is refused with `limit_exceeded` instead. No deadline: a slow input should show up as a
/// libFuzzer timeout, not be hidden by the library's own time budget.
pub fn fuzz_options() -> Options {
    Options {
        limits: PdfLimits {
            max_glyphs_per_page: 50_000,
            max_segments_per_page: 50_000,
            max_decoded_stream_bytes: 16 << 20,
            max_content_bytes: 4 << 20,
            max_pages: 1_000,
            ..PdfLimits::default()
        },
        ..Options::default()
    }
}

const SHA: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const SOURCE: SourceInfo<'static> = SourceInfo { path: "fuzz.pdf", sha256: SHA, bytes: 0 };

/// The whole pipeline as the CLI runs it on one file: the driver (PDF, layout, tables,
/// numbers), document JSON and facts NDJSON. Typed errors are fine; an `internal` error (a bug
/// that the library caught, e.g. a serialisation failure) is a finding like a panic.
pub fn run_document(bytes: Vec<u8>) {
    match extract_document(bytes, &fuzz_options()) {
        Ok(doc) => {
            let file = serialize_document(&doc, &SOURCE, OutputFormat::Json).expect("document JSON serialises");
            assert!(!file.is_empty());
            let mut facts = Vec::new();
            write_facts(&mut facts, &doc, &SOURCE);
        }
        Err(e) => assert_ne!(e.code(), "internal", "internal error: {e}"),
    }
}

/// The stages after the table stage, on already built tables and document text: numbers,
/// document JSON, facts.
pub fn run_numbers_and_output(tables: Vec<Table>, text: &str, page_count: usize) {
    let opts = fuzz_options();
    let numbers = read_numbers(tables, text, &opts).expect("no deadline is set");
    assert!((0.0..=1.0).contains(&numbers.locale.confidence), "locale confidence {}", numbers.locale.confidence);
    let doc = tablelift::ExtractedDocument {
        page_count,
        producer: None,
        locale: numbers.locale,
        language: numbers.language,
        tables: numbers.tables,
        warnings: Vec::new(),
    };
    serde_json::to_vec(&document_json(&doc, &SOURCE)).expect("document JSON serialises");
    let mut facts = Vec::new();
    write_facts(&mut facts, &doc, &SOURCE);
}
