//! Arbitrary bytes as a PDF: open, every page, layout, tables, numbers, document JSON and facts
//! (`tablelift::extract_document`, then document JSON and facts). Any typed error
//! is fine; a panic, an `internal` error, a hang or a runaway allocation is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tablelift_fuzz::run_document(data.to_vec());
});
