//! The CMap and font parsers (hayro-cmap, hayro-font/skrifa) through tablelift's PDF layer.
//!
//! The fuzzer's bytes become one part of a small, otherwise valid one-page PDF that shows text
//! in the fuzzed font; the PDF goes through the whole pipeline (`tablelift_fuzz::run_document`).
//!
//! Input layout: `[mode, n, code × n, payload …]`. `mode % MODES` picks where the payload goes:
//!
//! | mode | font                                | payload is                                  |
//! |------|-------------------------------------|---------------------------------------------|
//! | 0    | Type0 /Identity-H, CIDFontType2     | the ToUnicode CMap                           |
//! | 1    | Type0, CIDFontType2                 | the /Encoding CMap stream (+ fixed ToUnicode)|
//! | 2    | Type0 /Identity-H, CIDFontType2     | FontFile2 (TrueType), fixed ToUnicode        |
//! | 3    | Type0 /Identity-H, CIDFontType0     | FontFile3 /CIDFontType0C (CFF), no ToUnicode |
//! | 4    | simple TrueType, WinAnsiEncoding    | FontFile2 (TrueType), no ToUnicode           |
//! | 5    | simple Type1                        | FontFile (Type 1), no ToUnicode              |
//! | 6    | simple Type1                        | FontFile3 /Type1C (CFF), no ToUnicode        |
//! | 7    | simple Type1 /Helvetica             | the ToUnicode CMap (one-byte codes)          |
//! | 8    | simple TrueType                     | FontFile3 /OpenType, no ToUnicode            |
//! | 9    | Type0 /Identity-H, CIDFontType2     | raw PDF spliced into the CIDFont dictionary (/W, /DW, /CIDToGIDMap …), fixed ToUnicode |
//!
//! The `n` code bytes are shown with `Tj` and `TJ` (hex strings, so any byte), after a fixed
//! line of codes so that some glyphs are always drawn.
#![no_main]

use libfuzzer_sys::fuzz_target;

const MODES: u8 = 10;

/// A ToUnicode CMap for two-byte codes 0001..00FF → U+0020.. and one-byte codes.
const FIXED_TO_UNICODE_2: &[u8] = b"/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfrange
<0001> <005F> <0020>
<0060> <00FF> <4E00>
endbfrange
1 beginbfchar
<0100> <0031002E0032>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
";

struct Pdf {
    out: Vec<u8>,
    offsets: Vec<usize>,
}

impl Pdf {
    fn new() -> Self {
        Pdf { out: b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec(), offsets: Vec::new() }
    }
    fn obj(&mut self, body: &[u8]) {
        self.offsets.push(self.out.len());
        self.out.extend_from_slice(format!("{} 0 obj\n", self.offsets.len()).as_bytes());
        self.out.extend_from_slice(body);
        self.out.extend_from_slice(b"\nendobj\n");
    }
    fn stream(&mut self, dict_entries: &str, data: &[u8]) {
        let mut body = format!("<< {dict_entries} /Length {} >>\nstream\n", data.len()).into_bytes();
        body.extend_from_slice(data);
        body.extend_from_slice(b"\nendstream");
        self.obj(&body);
    }
    fn finish(mut self) -> Vec<u8> {
        let xref = self.out.len();
        let n = self.offsets.len() + 1;
        self.out.extend_from_slice(format!("xref\n0 {n}\n0000000000 65535 f \n").as_bytes());
        for off in &self.offsets {
            self.out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
        }
        self.out.extend_from_slice(format!("trailer\n<< /Size {n} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
        self.out
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// Objects 1–4 are catalog, pages, page, contents; the font is object 5, its parts 6 and up.
fn build(mode: u8, codes: &[u8], payload: &[u8]) -> Vec<u8> {
    let two_byte = matches!(mode, 0 | 1 | 2 | 3 | 9);
    let fixed: &[u8] = if two_byte { b"\x00\x11\x00\x12\x00\x13\x00\x14\x00\x60\x01\x00" } else { b"ABCD1234" };
    let content = format!(
        "BT /F1 12 Tf 72 760 Td <{}> Tj 0 -20 Td <{}> Tj 0 -20 Td [<{}> -300 <{}>] TJ ET\n\
         BT /F1 9 Tf 0 1 -1 0 300 300 Tm <{}> Tj ET\n0 0 0 RG 1 w 72 700 m 500 700 l S",
        hex(fixed),
        hex(codes),
        hex(&codes[..codes.len() / 2]),
        hex(&codes[codes.len() / 2..]),
        hex(codes),
    );

    let mut pdf = Pdf::new();
    pdf.obj(b"<< /Type /Catalog /Pages 2 0 R >>");
    pdf.obj(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    pdf.obj(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
    pdf.stream("", content.as_bytes());

    let cid_system_info = "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>";
    let descriptor = |file_key: &str, sub: &str| {
        format!("<< /Type /FontDescriptor /FontName /FuzzFont /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /{file_key} 8 0 R {sub} >>")
    };
    match mode {
        // Type0 fonts: 5 font, 6 descendant, 7 ToUnicode or Encoding CMap, 8 font file, 9 descriptor.
        0 | 1 | 2 | 3 | 9 => {
            let encoding = if mode == 1 { "7 0 R" } else { "/Identity-H" };
            let to_unicode = match mode {
                0 => "/ToUnicode 7 0 R",
                1 | 2 | 9 => "/ToUnicode 10 0 R",
                _ => "",
            };
            pdf.obj(format!("<< /Type /Font /Subtype /Type0 /BaseFont /FuzzFont /Encoding {encoding} /DescendantFonts [6 0 R] {to_unicode} >>").as_bytes());
            let subtype = if mode == 3 { "CIDFontType0" } else { "CIDFontType2" };
            let mut cid = format!("<< /Type /Font /Subtype /{subtype} /BaseFont /FuzzFont {cid_system_info} /FontDescriptor 9 0 R ").into_bytes();
            if mode == 9 {
                cid.extend_from_slice(payload);
                cid.extend_from_slice(b"\n");
            } else {
                cid.extend_from_slice(b"/DW 500 /W [1 [600 600 600] 96 255 1000] /CIDToGIDMap /Identity ");
            }
            cid.extend_from_slice(b">>");
            pdf.obj(&cid);
            match mode {
                0 => pdf.stream("", payload),
                1 => pdf.stream("/Type /CMap /CMapName /FuzzCMap /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>", payload),
                _ => pdf.stream("", b"% unused"),
            }
            match mode {
                2 => pdf.stream("", payload),
                3 => pdf.stream("/Subtype /CIDFontType0C", payload),
                _ => pdf.stream("", b""),
            }
            let key = if mode == 3 { "FontFile3" } else { "FontFile2" };
            // Modes 0, 1 and 9 have an empty font file: the standard-font fallback is used.
            pdf.obj(descriptor(key, "").as_bytes());
            pdf.stream("", FIXED_TO_UNICODE_2);
        }
        // Simple fonts: 5 font, 6 ToUnicode, 7 unused, 8 font file, 9 descriptor.
        _ => {
            let (subtype, base, encoding, to_unicode, descriptor_ref) = match mode {
                4 => ("TrueType", "FuzzFont", "/Encoding /WinAnsiEncoding", "", "/FontDescriptor 9 0 R"),
                5 | 6 => ("Type1", "FuzzFont", "", "", "/FontDescriptor 9 0 R"),
                7 => ("Type1", "Helvetica", "/Encoding /WinAnsiEncoding", "/ToUnicode 6 0 R", ""),
                _ => ("TrueType", "FuzzFont", "", "", "/FontDescriptor 9 0 R"),
            };
            pdf.obj(
                format!("<< /Type /Font /Subtype /{subtype} /BaseFont /{base} /FirstChar 32 /LastChar 126 /Widths [{}] {encoding} {to_unicode} {descriptor_ref} >>", "500 ".repeat(95))
                    .as_bytes(),
            );
            pdf.stream("", if mode == 7 { payload } else { b"" });
            pdf.obj(b"<< >>");
            match mode {
                4 => pdf.stream("", payload),
                5 => pdf.stream(&format!("/Length1 {} /Length2 0 /Length3 0", payload.len()), payload),
                6 => pdf.stream("/Subtype /Type1C", payload),
                8 => pdf.stream("/Subtype /OpenType", payload),
                _ => pdf.stream("", b""),
            }
            let key = match mode {
                4 => "FontFile2",
                5 => "FontFile",
                _ => "FontFile3",
            };
            pdf.obj(descriptor(key, "").as_bytes());
        }
    }
    pdf.finish()
}

fuzz_target!(|data: &[u8]| {
    let (mode, rest) = match data {
        [mode, rest @ ..] => (mode % MODES, rest),
        [] => return,
    };
    let (n, rest) = match rest {
        [n, rest @ ..] => ((*n as usize % 33).min(rest.len()), rest),
        [] => (0, rest),
    };
    let (codes, payload) = rest.split_at(n);
    let pdf = build(mode, codes, payload);
    // `CMAP_FONT_DUMP=out.pdf` writes the PDF built from the input (to look at a crash with
    // other tools, or to turn it into a test file).
    if let Some(path) = std::env::var_os("CMAP_FONT_DUMP") {
        std::fs::write(path, &pdf).expect("write CMAP_FONT_DUMP");
    }
    tablelift_fuzz::run_document(pdf);
});
