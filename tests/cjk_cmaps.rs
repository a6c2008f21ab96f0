//! CJK text drawn through the predefined CMaps with no ToUnicode (common in Chinese government
//! PDFs): the PDF layer maps codes to CIDs with the CMap and CIDs to Unicode with the
//! character collection's UCS2 table. Byte strings were encoded with Python's codecs.

// A panic is how a test or benchmark reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use tablelift::pdf::{Document, PdfLimits};

fn pdf_with_type0(encoding: &str, ordering: &str, hex: &str) -> Vec<u8> {
    let content = common::stream("", format!("BT /F1 14 Tf 72 720 Td <{hex}> Tj ET").as_bytes());
    let type0 = format!("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /{encoding} /DescendantFonts [6 0 R] >>").into_bytes();
    let cid = format!("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering ({ordering}) /Supplement 2 >> /DW 1000 >>").into_bytes();
    common::one_page_pdf(content, "/Font << /F1 5 0 R >>", vec![type0, cid])
}

fn page_text(pdf: Vec<u8>) -> String {
    let doc = Document::open(pdf, PdfLimits::default()).unwrap();
    doc.page(1).unwrap().glyphs.iter().map(|g| g.text.as_str()).collect()
}

#[test]
fn predefined_cmaps_without_to_unicode() {
    let cases = [
        ("GBK-EUC-H", "GB1", "b2bfc3c5d4a4cbe3bacfbcc6", "部门预算合计"),
        ("GB-EUC-H", "GB1", "d4a4cbe3", "预算"),
        ("GBK2K-H", "GB1", "d4a4cbe3", "预算"),
        ("UniGB-UCS2-H", "GB1", "90e895e898847b97", "部门预算"),
        ("UniGB-UTF16-H", "GB1", "90e895e898847b97", "部门预算"),
        ("B5pc-H", "CNS1", "b977bae2", "預算"),
        ("ETen-B5-H", "CNS1", "b977bae2", "預算"),
        ("UniCNS-UCS2-H", "CNS1", "98107b97", "預算"),
        ("90ms-RKSJ-H", "Japan1", "975c8e5a", "予算"),
        ("UniJIS-UCS2-H", "Japan1", "4e887b97", "予算"),
        ("KSC-EUC-H", "Korea1", "bfb9bbea", "예산"),
        ("UniKS-UCS2-H", "Korea1", "c608c0b0", "예산"),
        ("GBK-EUC-V", "GB1", "d4a4cbe3", "预算"),
    ];
    for (encoding, ordering, hex, want) in cases {
        assert_eq!(page_text(pdf_with_type0(encoding, ordering, hex)), want, "{encoding}");
    }
}
