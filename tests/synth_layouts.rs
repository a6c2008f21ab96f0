//! The layout generator's fixed sample (issue 12): a few hundred generated pages scored at
//! the glyph level; asserts floors at today's figures so that a regression fails.

// A panic is how a test reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod synth;

#[test]
fn print_a_layout() {
    let l = synth::generate(synth::layout_seed(1, 0), synth::GenOptions::default());
    println!("{}", l.canvas.ascii(160));
    for t in &l.tables {
        println!("{:?}", t.dims);
        for r in t.header_rows.iter().chain(&t.rows) {
            println!("{r:?}");
        }
    }
}
