//! Hostile and broken inputs, built by the test itself: each gives `ok` or its stable error
//! code, never a panic, a hang or a runaway allocation.

// A panic is how a test or benchmark reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::stream;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tablelift::{Error, Options};

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples").join(name)).unwrap()
}

/// One page whose content stream is `content`, with Helvetica as /F1 (object 5) and `extra`
/// objects from 6 on.
fn one_page_pdf(content: Vec<u8>, resources: &str, extra: Vec<Vec<u8>>) -> Vec<u8> {
    let mut more = vec![b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec()];
    more.extend(extra);
    common::one_page_pdf(content, &format!("/Font << /F1 5 0 R >> {resources}"), more)
}

fn code(r: &Result<tablelift::Document, Error>) -> &'static str {
    match r {
        Ok(_) => "ok",
        Err(e) => e.code(),
    }
}

#[test]
fn not_a_pdf_inputs() {
    let opts = Options::default();
    assert_eq!(code(&tablelift::extract(Vec::new(), &opts)), "not_a_pdf");
    assert_eq!(code(&tablelift::extract(b"<!DOCTYPE html><html><body>Not found</body></html>".to_vec(), &opts)), "not_a_pdf");
    assert_eq!(code(&tablelift::extract(b"PK\x03\x04 zip archive".to_vec(), &opts)), "not_a_pdf");
    let msg = tablelift::extract(b"<html>".to_vec(), &opts).err().unwrap().to_string();
    assert!(msg.contains("HTML"), "says what the file is: {msg}");
}

#[test]
fn header_only_and_cut_files_are_truncated() {
    let opts = Options::default();
    assert_eq!(code(&tablelift::extract(b"%PDF-1.4\n".to_vec(), &opts)), "truncated");
    let good = sample("vi_totrinh_dieuchinh_dong.pdf");
    assert_eq!(code(&tablelift::extract(good[..200].to_vec(), &opts)), "truncated");
}

#[test]
fn truncations_and_byte_flips_never_panic() {
    let opts = Options::default();
    let allowed = ["ok", "truncated", "damaged_xref", "not_a_pdf", "limit_exceeded", "unsupported_feature"];
    for name in ["vi_pl02_mtqg_wide_ruled.pdf", "zh_shouzhi_zongbiao_2022.pdf", "vi_kehoach_prose.pdf"] {
        let good = sample(name);
        for k in 1..20 {
            let cut = good.len() * k / 20;
            let r = tablelift::extract(good[..cut].to_vec(), &opts);
            assert!(allowed.contains(&code(&r)), "{name} cut at {cut}: {:?}", r.err());
        }
        // Deterministic pseudo-random byte flips (xorshift).
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15 ^ good.len() as u64;
        for _ in 0..30 {
            let mut bad = good.clone();
            for _ in 0..8 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let i = (state % bad.len() as u64) as usize;
                bad[i] ^= (state >> 32) as u8 | 1;
            }
            let r = tablelift::extract(bad, &opts);
            assert!(allowed.contains(&code(&r)), "{name} with flipped bytes: {:?}", r.err());
        }
    }
}

#[test]
fn flate_bomb_is_refused_not_followed() {
    // 300 MB of spaces compress to about 300 KB; the default limit is 256 MB per stream.
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..300 {
        enc.write_all(&chunk).unwrap();
    }
    let bomb = enc.finish().unwrap();
    let pdf = one_page_pdf(stream("/Filter /FlateDecode", &bomb), "", vec![]);
    let start = Instant::now();
    let r = tablelift::extract(pdf, &Options::default());
    assert_eq!(code(&r), "limit_exceeded", "{:?}", r.err());
    assert!(start.elapsed() < Duration::from_secs(20));
}

#[test]
fn content_limit_applies() {
    let content = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n".repeat(2000);
    let pdf = one_page_pdf(stream("", &content), "", vec![]);
    let mut opts = Options::default();
    opts.limits.max_content_bytes = 10_000;
    assert_eq!(code(&tablelift::extract(pdf.clone(), &opts)), "limit_exceeded");
    opts.limits.max_content_bytes = 1 << 20;
    opts.limits.max_glyphs_per_page = 1000;
    assert_eq!(code(&tablelift::extract(pdf.clone(), &opts)), "limit_exceeded");
    assert_eq!(code(&tablelift::extract(pdf, &Options::default())), "ok");
}

#[test]
fn self_referencing_and_deep_forms_terminate() {
    // Object 6 is a form that draws itself; objects 7.. form a chain 300 deep.
    let mut extra = vec![stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X 6 0 R >> >>", b"/X Do")];
    let depth = 300;
    for k in 0..depth {
        let next = if k + 1 < depth { format!("/Resources << /XObject << /Y {} 0 R >> >>", 8 + k) } else { String::new() };
        let body: &[u8] = if k + 1 < depth { b"q 1 0 0 1 0 0 cm /Y Do Q" } else { b"BT /F1 12 Tf 72 720 Td (deep) Tj ET" };
        extra.push(stream(&format!("/Type /XObject /Subtype /Form /BBox [0 0 595 842] {next}"), body));
    }
    let pdf = one_page_pdf(stream("", b"/X Do /Y Do"), "/XObject << /X 6 0 R /Y 7 0 R >>", extra);
    let start = Instant::now();
    let r = tablelift::extract(pdf, &Options::default());
    assert!(matches!(code(&r), "ok" | "limit_exceeded"), "{:?}", r.err());
    assert!(start.elapsed() < Duration::from_secs(10), "took {:?}", start.elapsed());
}

#[test]
fn time_budget_gives_timeout() {
    let opts = Options { deadline: Some(Instant::now()), ..Options::default() };
    std::thread::sleep(Duration::from_millis(2));
    assert_eq!(code(&tablelift::extract(sample("vi_pl02_mtqg_wide_ruled.pdf"), &opts)), "timeout");
}

#[test]
fn image_only_page_is_ok_with_a_warning() {
    // A page that draws one 1x1 image and no text: a scan.
    let img = stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", &[128]);
    let pdf = one_page_pdf(stream("", b"q 500 0 0 700 40 60 cm /Im Do Q"), "/XObject << /Im 6 0 R >>", vec![img]);
    let doc = tablelift::extract(pdf, &Options::default()).expect("a scan is ok");
    assert!(doc.tables.is_empty());
    assert_eq!(doc.warnings.len(), 1);
    assert_eq!(doc.warnings[0].code, "no_text_layer");
}

#[test]
fn pages_whose_glyphs_stay_unmapped_are_flagged() {
    // The sample's CJK fonts lose their ToUnicode maps (same byte length, so offsets hold).
    let pdf = sample("zh_kongbiao_2022.pdf");
    let needle = b"/ToUnicode";
    let mut broken = pdf.clone();
    let mut i = 0;
    while let Some(k) = broken[i..].windows(needle.len()).position(|w| w == needle) {
        broken[i + k + needle.len() - 1] = b'X';
        i += k + needle.len();
    }
    assert_ne!(broken, pdf);
    let doc = tablelift::extract(broken, &Options::default()).expect("still a document");
    assert_eq!(doc.warnings.len(), 3, "one warning per page");
    assert!(doc.warnings.iter().all(|w| w.code == "unmapped_glyphs"));
}

#[test]
fn absurd_cid_width_ranges_are_refused_not_expanded() {
    // Found by reading hayro-font (fuzzing confirmed the hang): a /W or /W2 range over all 2^32
    // CIDs makes the font loader insert billions of entries.
    for (key, entry) in [("W", "[0 4294967295 1]"), ("W2", "[0 4294967295 1 1 1]")] {
        let content = stream("", b"BT /F2 12 Tf 72 720 Td <0001> Tj ET");
        let type0 = b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] >>".to_vec();
        let cid = format!("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /{key} {entry} >>").into_bytes();
        let pdf = common::one_page_pdf(content, "/Font << /F2 5 0 R >>", vec![type0, cid]);
        let start = Instant::now();
        let r = tablelift::extract(pdf, &Options::default());
        assert_eq!(code(&r), "limit_exceeded", "/{key}: {:?}", r.err());
        assert!(start.elapsed() < Duration::from_secs(5));
    }
    let regression = std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/pdf_document/timeout-hayro-font-w-range.pdf")).unwrap();
    assert_eq!(code(&tablelift::extract(regression, &Options::default())), "limit_exceeded");
}

#[test]
fn object_stream_bomb_is_refused_before_opening() {
    // The catalog lives in an object stream padded with 300 MB of spaces; hayro would decode it
    // while reading the cross-reference stream, so the raw-byte guard must catch it first.
    let header = b"1 0 2 34\n";
    let objs = b"<< /Type /Catalog /Pages 2 0 R >>\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\n";
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(header).unwrap();
    enc.write_all(objs).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..300 {
        enc.write_all(&chunk).unwrap();
    }
    let packed = enc.finish().unwrap();
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = std::collections::BTreeMap::new();
    let mut add = |out: &mut Vec<u8>, n: u32, body: &[u8]| {
        offsets.insert(n, out.len());
        writeln!(out, "{n} 0 obj").unwrap();
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    };
    add(&mut out, 3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
    add(&mut out, 4, &stream(&format!("/Type /ObjStm /N 2 /First {} /Filter /FlateDecode", header.len()), &packed));
    let xref_at = out.len();
    // Cross-reference stream, entries of 1 + 4 + 2 bytes: free 0, objects 1 and 2 in stream 4,
    // objects 3 and 4 at their offsets.
    let mut x = Vec::new();
    for (t, f2, f3) in [(0u8, 0u32, 65535u16), (2, 4, 0), (2, 4, 1), (1, offsets[&3] as u32, 0), (1, offsets[&4] as u32, 0)] {
        x.push(t);
        x.extend_from_slice(&f2.to_be_bytes());
        x.extend_from_slice(&f3.to_be_bytes());
    }
    writeln!(out, "5 0 obj").unwrap();
    out.extend_from_slice(&stream("/Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R", &x));
    write!(out, "\nendobj\nstartxref\n{xref_at}\n%%EOF\n").unwrap();
    let start = Instant::now();
    let r = tablelift::extract(out, &Options::default());
    assert_eq!(code(&r), "limit_exceeded", "{:?}", r.err());
    assert!(start.elapsed() < Duration::from_secs(10));
}
