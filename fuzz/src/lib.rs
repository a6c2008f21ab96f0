//! Shared helpers of the tablelift fuzz targets.

use tablelift::output::{OutputFormat, read_numbers, document_json, write_facts};
use tablelift::pdf::PdfLimits;
use tablelift::{Extraction, Options};

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

/// The whole pipeline as the CLI runs it on one file: `extract` (PDF, layout, tables, numbers,
/// document JSON) plus facts NDJSON. Typed errors are fine; an `internal` error (a bug that the
/// library caught, e.g. a serialisation failure) is a finding like a panic.
pub fn run_document(bytes: Vec<u8>) {
    match tablelift::output::render_document(bytes, "fuzz.pdf", SHA, &fuzz_options(), OutputFormat::Json) {
        Ok(rendered) => assert!(!rendered.document.is_empty()),
        Err(e) => assert_ne!(e.code(), "internal", "internal error: {e}"),
    }
}

/// The stages after the table stage, on an already built extraction: numbers, document JSON,
/// facts.
pub fn run_numbers_and_output(ex: &Extraction) {
    let opts = fuzz_options();
    let (guess, language, nums) = read_numbers(ex, &opts);
    assert!((0.0..=1.0).contains(&guess.confidence), "locale confidence {}", guess.confidence);
    let doc = document_json(ex, &nums, &guess, language, "fuzz.pdf", SHA, 0);
    serde_json::to_vec(&doc).expect("document JSON serialises");
    let mut facts = Vec::new();
    for (k, (t, n)) in ex.tables.iter().zip(&nums).enumerate() {
        write_facts(&mut facts, SHA, "fuzz.pdf", k, t, n);
    }
}
