//! A real PDF of a drawing, for the PDF-drawn sample: every distinct character gets a CID in a
//! Type0 font (Identity-H) whose /W array carries the same advance widths as `fonts.rs` and
//! whose ToUnicode CMap maps it back, so Latin, Vietnamese and CJK all go through one path with
//! no embedded font program. Rules are stroked lines, shaded bands grey filled rectangles.

use super::canvas::Canvas;
use super::fonts::advance;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;

/// Objects from numbered bodies (object k+1 = bodies[k], object 1 the catalog) with an xref.
fn build(bodies: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (k, body) in bodies.iter().enumerate() {
        offsets.push(out.len());
        let _ = writeln!(out, "{} 0 obj", k + 1);
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", bodies.len() + 1);
    for o in offsets {
        let _ = writeln!(out, "{o:010} 00000 n ");
    }
    let _ = write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        bodies.len() + 1
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut v = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    v.extend_from_slice(data);
    v.extend_from_slice(b"\nendstream");
    v
}

fn to_unicode(cids: &BTreeMap<char, u16>) -> String {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Synth-UCS def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    let entries: Vec<_> = cids.iter().collect();
    for chunk in entries.chunks(100) {
        let _ = writeln!(s, "{} beginbfchar", chunk.len());
        for (ch, cid) in chunk {
            let mut buf = [0u16; 2];
            let hex: String = ch
                .encode_utf16(&mut buf)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            let _ = writeln!(s, "<{cid:04X}> <{hex}>");
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap CMapName currentdict /CMap defineresource pop end end");
    s
}

/// The PDF bytes of a one-page drawing.
pub fn to_pdf(cv: &Canvas) -> Vec<u8> {
    let mut cids: BTreeMap<char, u16> = BTreeMap::new();
    for run in &cv.runs {
        for ch in run.text.chars() {
            let n = cids.len() as u16 + 1;
            cids.entry(ch).or_insert(n);
        }
    }
    let h = cv.height;
    let mut content = String::new();
    if cv.rotated {
        // Shown turned 90° clockwise: user (x, y) appears at (y, x) from the top-left, so draw
        // the canvas through x' = h - y, y' = … : map canvas (X, Ytop) to user (Ytop, X), which
        // in the flipped y of the code below means the matrix [0 1 1 0 0 0] after the flip.
        let _ = writeln!(content, "0 1 1 0 0 0 cm 1 0 0 -1 0 {h} cm");
    }
    for f in &cv.fills {
        let [x0, y0, x1, y1] = f.bbox;
        let _ = writeln!(
            content,
            "0.85 g {x0:.3} {:.3} {:.3} {:.3} re f 0 g",
            h - y1,
            x1 - x0,
            y1 - y0
        );
    }
    content.push_str("0.5 w\n");
    for l in &cv.lines {
        let _ = writeln!(
            content,
            "{:.3} {:.3} m {:.3} {:.3} l S",
            l.x0,
            h - l.y0,
            l.x1,
            h - l.y1
        );
    }
    for run in &cv.runs {
        let hex: String = run
            .text
            .chars()
            .map(|c| format!("{:04X}", cids[&c]))
            .collect();
        let font = if run.bold { "F2" } else { "F1" };
        let _ = writeln!(
            content,
            "BT /{font} {:.3} Tf 1 0 0 1 {:.3} {:.3} Tm <{hex}> Tj ET",
            run.size,
            run.x,
            h - run.baseline
        );
    }
    let widths: String = cids
        .iter()
        .map(|(ch, cid)| format!("{cid} [{}]", (advance(cv.face, *ch) * 1000.0).round()))
        .collect::<Vec<_>>()
        .join(" ");
    let cmap = to_unicode(&cids);
    // 1 catalog, 2 pages, 3 page, 4 content, 5/6 Type0 fonts, 7/8 CID fonts, 9 ToUnicode.
    let type0 = |name: &str, cid_obj: usize| {
        format!("<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{cid_obj} 0 R] /ToUnicode 9 0 R >>").into_bytes()
    };
    let cid = |name: &str| {
        format!("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [{widths}] /CIDToGIDMap /Identity >>").into_bytes()
    };
    let bodies = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        {
            let (w, hh, rot) = if cv.rotated { (cv.height, cv.width, " /Rotate 90") } else { (cv.width, cv.height, "") };
            format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {hh}]{rot} /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>")
        }.into_bytes(),
        stream("", content.as_bytes()),
        type0(cv.face.name(false, cv.cjk), 7),
        type0(cv.face.name(true, cv.cjk), 8),
        cid(cv.face.name(false, cv.cjk)),
        cid(cv.face.name(true, cv.cjk)),
        stream("", cmap.as_bytes()),
    ];
    build(&bodies)
}
