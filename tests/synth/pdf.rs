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
    pages_to_pdf(&[cv])
}

/// The content stream of one page.
fn page_content(cv: &Canvas, cids: &BTreeMap<char, u16>) -> String {
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
        // A watermark may turn anticlockwise (y up here) and is drawn in light grey.
        let (sin, cos) = run.angle.to_radians().sin_cos();
        let (grey, black) = if run.grey { ("0.8 g ", " 0 g") } else { ("", "") };
        let _ = writeln!(
            content,
            "{grey}BT /{font} {:.3} Tf {cos:.5} {sin:.5} {:.5} {cos:.5} {:.3} {:.3} Tm <{hex}> Tj ET{black}",
            run.size,
            -sin,
            run.x,
            h - run.baseline
        );
    }
    content
}

/// The PDF bytes of a drawing of one or more pages (the first page's face for all).
pub fn pages_to_pdf(pages: &[&Canvas]) -> Vec<u8> {
    let mut cids: BTreeMap<char, u16> = BTreeMap::new();
    for cv in pages {
        for run in &cv.runs {
            for ch in run.text.chars() {
                let n = cids.len() as u16 + 1;
                cids.entry(ch).or_insert(n);
            }
        }
    }
    let cv = pages[0];
    let widths: String = cids
        .iter()
        .map(|(ch, cid)| format!("{cid} [{}]", (advance(cv.face, *ch) * 1000.0).round()))
        .collect::<Vec<_>>()
        .join(" ");
    let cmap = to_unicode(&cids);
    // 1 catalog, 2 pages, 3/4 Type0 fonts, 5/6 CID fonts, 7 ToUnicode, then per page its
    // page object and content stream.
    let type0 = |name: &str, cid_obj: usize| {
        format!("<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{cid_obj} 0 R] /ToUnicode 7 0 R >>").into_bytes()
    };
    let cid = |name: &str| {
        format!("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [{widths}] /CIDToGIDMap /Identity >>").into_bytes()
    };
    let kids: Vec<String> = (0..pages.len()).map(|k| format!("{} 0 R", 8 + 2 * k)).collect();
    let mut bodies = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), pages.len()).into_bytes(),
        type0(cv.face.name(false, cv.cjk), 5),
        type0(cv.face.name(true, cv.cjk), 6),
        cid(cv.face.name(false, cv.cjk)),
        cid(cv.face.name(true, cv.cjk)),
        stream("", cmap.as_bytes()),
    ];
    for (k, page) in pages.iter().enumerate() {
        let (w, hh, rot) = if page.rotated { (page.height, page.width, " /Rotate 90") } else { (page.width, page.height, "") };
        bodies.push(format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {hh}]{rot} /Contents {} 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>", 9 + 2 * k).into_bytes());
        bodies.push(stream("", page_content(page, &cids).as_bytes()));
    }
    build(&bodies)
}
