//! Glyph text from a font's ToUnicode map: spaces a map adds around one glyph's character
//! (" ." for a dot, as in some statistical abstracts' leaders and decimal points) are dropped.

// A panic is how a test or benchmark reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use tablelift::pdf::{Document, PdfLimits};

#[test]
fn spaces_a_to_unicode_map_adds_around_a_glyph_are_dropped() {
    // Codes 0x31 "1", 0x32 "2" map to themselves, 0x2E to " .": "12.2" drawn as one string.
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def 1 begincodespacerange <00> <FF> endcodespacerange 3 beginbfchar <31> <0031> <32> <0032> <2E> <0020002E> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end";
    let content = common::stream("", b"BT /F1 12 Tf 72 720 Td (12.2) Tj ET");
    let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>".to_vec();
    let pdf = common::one_page_pdf(content, "/Font << /F1 5 0 R >>", vec![font, common::stream("", cmap.as_bytes())]);
    let doc = Document::open(pdf, PdfLimits::default()).unwrap();
    let texts: Vec<String> = doc.page(1).unwrap().glyphs.iter().map(|g| g.text.to_string()).collect();
    assert_eq!(texts, ["1", "2", ".", "2"]);
}
