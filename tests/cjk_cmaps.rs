//! CJK text drawn through the predefined CMaps with no ToUnicode (common in Chinese government
//! PDFs): the PDF layer maps codes to CIDs with the CMap and CIDs to Unicode with the
//! character collection's UCS2 table. Byte strings were encoded with Python's codecs.

use std::io::Write;
use tablelift::pdf::{Document, PdfLimits};

fn pdf_with_type0(encoding: &str, ordering: &str, hex: &str) -> Vec<u8> {
    let content = format!("BT /F1 14 Tf 72 720 Td <{hex}> Tj ET");
    let bodies = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        format!("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /{encoding} /DescendantFonts [6 0 R] >>"),
        format!("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering ({ordering}) /Supplement 2 >> /DW 1000 >>"),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (k, b) in bodies.iter().enumerate() {
        offsets.push(out.len());
        write!(out, "{} 0 obj\n{b}\nendobj\n", k + 1).unwrap();
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", bodies.len() + 1).unwrap();
    for o in offsets {
        write!(out, "{o:010} 00000 n \n").unwrap();
    }
    write!(out, "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", bodies.len() + 1).unwrap();
    out
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
