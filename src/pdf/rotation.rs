//! Pages whose text mostly runs sideways or upside down (a landscape table printed on a portrait
//! page) are turned so that the dominant text reads left to right; glyph boxes and rulings
//! move with the page, and the page's width and height swap for a quarter turn.

use super::geometry::BBox;
use super::glyph::Glyph;
use super::ruling::{Orientation, Ruling};

/// The direction a glyph's text runs, on the page (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextDirection {
    LeftToRight,
    /// Upwards (text turned a quarter anticlockwise).
    BottomToTop,
    RightToLeft,
    /// Downwards (turned a quarter clockwise).
    TopToBottom,
}

impl TextDirection {
    /// From the advance vector of a glyph.
    pub fn of(dx: f64, dy: f64) -> TextDirection {
        if dx.abs() >= dy.abs() {
            if dx >= 0.0 { TextDirection::LeftToRight } else { TextDirection::RightToLeft }
        } else if dy < 0.0 {
            TextDirection::BottomToTop
        } else {
            TextDirection::TopToBottom
        }
    }
}

/// A point map that turns the page so that `dir` text reads left to right, and the new size.
fn turn(dir: TextDirection, w: f64, h: f64) -> (impl Fn(f64, f64) -> (f64, f64), f64, f64) {
    let map = move |x: f64, y: f64| match dir {
        TextDirection::LeftToRight => (x, y),
        TextDirection::BottomToTop => (h - y, x),
        TextDirection::TopToBottom => (y, w - x),
        TextDirection::RightToLeft => (w - x, h - y),
    };
    let (nw, nh) = match dir {
        TextDirection::BottomToTop | TextDirection::TopToBottom => (h, w),
        _ => (w, h),
    };
    (map, nw, nh)
}

/// Turn the page when more than half of its glyphs run in one direction other than left to
/// right. Returns glyphs, rulings and the page size in the turned frame.
pub fn upright_page(glyphs: Vec<Glyph>, directions: &[TextDirection], rulings: Vec<Ruling>, w: f64, h: f64) -> (Vec<Glyph>, Vec<Ruling>, f64, f64) {
    let count = |d: TextDirection| directions.iter().filter(|x| **x == d).count();
    let dominant = [TextDirection::BottomToTop, TextDirection::TopToBottom, TextDirection::RightToLeft]
        .into_iter()
        .find(|&d| count(d) * 2 > directions.len());
    let Some(dir) = dominant else {
        return (glyphs, rulings, w, h);
    };
    let (map, nw, nh) = turn(dir, w, h);
    let glyphs = glyphs
        .into_iter()
        .zip(directions)
        .map(|(mut g, d)| {
            let (ax, ay) = map(g.bbox.x0, g.bbox.y0);
            let (bx, by) = map(g.bbox.x1, g.bbox.y1);
            g.bbox = BBox::new(ax, ay, bx, by);
            g.upright = *d == dir;
            // Boxes run from 0.8 em above the baseline to 0.2 em below it.
            g.baseline = g.bbox.y1 - 0.2 * g.size;
            g
        })
        .collect();
    let rulings = rulings
        .into_iter()
        .filter_map(|r| {
            let ((x0, y0), (x1, y1)) = match r.orientation {
                Orientation::Horizontal => ((r.start, r.pos), (r.end, r.pos)),
                Orientation::Vertical => ((r.pos, r.start), (r.pos, r.end)),
            };
            let (a, b) = (map(x0, y0), map(x1, y1));
            Ruling::from_segment(a.0, a.1, b.0, b.1)
        })
        .collect();
    (glyphs, rulings, nw, nh)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn glyph(x0: f64, y0: f64, x1: f64, y1: f64) -> Glyph {
        Glyph { text: "a".into(), bbox: BBox::new(x0, y0, x1, y1), baseline: 0.0, size: 10.0, font: Arc::from("F"), bold: false, invisible: false, upright: false, watermark: false }
    }

    #[test]
    fn anticlockwise_text_is_turned_upright() {
        // On a 600 x 800 page, text running upwards near the left edge.
        let glyphs = vec![glyph(100.0, 500.0, 110.0, 505.0), glyph(100.0, 494.0, 110.0, 499.0)];
        let dirs = [TextDirection::BottomToTop, TextDirection::BottomToTop];
        let rulings = vec![Ruling { orientation: Orientation::Vertical, pos: 90.0, start: 100.0, end: 700.0 }];
        let (g, r, w, h) = upright_page(glyphs, &dirs, rulings, 600.0, 800.0);
        assert_eq!((w, h), (800.0, 600.0));
        assert!(g.iter().all(|g| g.upright));
        // The first glyph (lower on the page) now comes first from the left.
        assert!(g[0].bbox.x0 < g[1].bbox.x0);
        assert_eq!(r[0].orientation, Orientation::Horizontal);
        assert_eq!(r[0].pos, 90.0);
    }

    #[test]
    fn mostly_upright_pages_stay() {
        let glyphs = vec![glyph(0.0, 0.0, 5.0, 10.0); 3];
        let dirs = [TextDirection::LeftToRight, TextDirection::LeftToRight, TextDirection::TopToBottom];
        let (_, _, w, h) = upright_page(glyphs, &dirs, Vec::new(), 600.0, 800.0);
        assert_eq!((w, h), (600.0, 800.0));
    }
}
