//! The layout generator's fixed sample (issue 12): a few hundred generated pages scored at
//! the glyph level; asserts floors at today's figures so that a regression fails.

// A panic is how a test reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod synth;

/// The PDF of a layout reads back as the same glyphs (text, boxes) and rules as its glyph
/// level: the two paths draw one truth.
#[test]
fn pdf_of_a_layout_reads_back_as_its_glyphs() {
    for i in 0..12 {
        let l = synth::generate(synth::layout_seed(3, i), synth::GenOptions::default());
        let want = l.canvas.page_content(1);
        let doc = tablelift::pdf::Document::open(synth::pdf::to_pdf(&l.canvas), tablelift::pdf::PdfLimits::default()).unwrap();
        let got = doc.page(1).unwrap();
        assert_eq!(got.glyphs.len(), want.glyphs.len(), "layout {i}");
        for (g, w) in got.glyphs.iter().zip(&want.glyphs) {
            assert_eq!(g.text, w.text, "layout {i}");
            for (a, b) in [(g.bbox.x0, w.bbox.x0), (g.bbox.x1, w.bbox.x1), (g.baseline, w.baseline), (g.bbox.y0, w.bbox.y0)] {
                assert!((a - b).abs() < 0.05, "layout {i} glyph {:?}: {a} vs {b}", g.text);
            }
        }
        assert_eq!(got.rulings.len(), want.rulings.len(), "layout {i}");
    }
}
