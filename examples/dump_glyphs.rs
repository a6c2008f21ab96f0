//! Debugging aid: print every glyph (text, box, baseline, size) and ruling of one page.
//! `cargo run --release --example dump_glyphs -- FILE PAGE`
use tablelift::pdf::{Document, PdfLimits};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(file), Some(page)) = (args.get(1), args.get(2)) else {
        return Err("usage: dump_glyphs FILE PAGE".into());
    };
    let doc = Document::open(std::fs::read(file)?, PdfLimits::default())?;
    let page = doc.page(page.parse()?)?;
    println!("page {}x{} unmapped={} images={}", page.width, page.height, page.unmapped_glyphs, page.images);
    for g in &page.glyphs {
        println!("{:?} x0={:.1} y0={:.1} x1={:.1} y1={:.1} base={:.1} size={:.1} up={} inv={} {}", g.text, g.bbox.x0, g.bbox.y0, g.bbox.x1, g.bbox.y1, g.baseline, g.size, g.upright, g.invisible, g.font);
    }
    for r in &page.rulings {
        println!("{:?} pos={:.1} {:.1}..{:.1}", r.orientation, r.pos, r.start, r.end);
    }
    Ok(())
}
