//! A hayro `Device` that records what tablelift needs from a page: positioned glyphs and
//! ruling segments. Everything else (images, clips, groups) is ignored.

use super::geometry::BBox;
use super::glyph::Glyph;
use super::rotation::TextDirection;
use super::ruling::Ruling;
use hayro_interpret::font::{Glyph as HGlyph, GlyphRun};
use hayro_interpret::{
    BlendMode, ClipPath, Device, DrawMode, DrawProps, Image, ImageDrawProps, Paint, SoftMask,
};
use compact_str::CompactString;
use kurbo::{Affine, BezPath, PathEl, Point, Rect, Vec2};
use std::sync::Arc;

/// Thickest filled rectangle still read as a ruling, in points.
const MAX_RULE_THICKNESS: f64 = 2.0;

/// Collects glyphs and rulings while hayro interprets a page.
/// Two path points closer than this (points) are one: a closed rectangle repeats its first.
const SAME_POINT: f64 = 0.01;

/// A rectangle side is axis-aligned when its ends differ by less than this (points) in x or y.
const AXIS_SLACK: f64 = 0.5;

/// A fill whose RGB components are all at least this is white: paper, not a rule (240 of 255).
const WHITE_RGB: f32 = 0.94;

/// A CMYK fill whose components are all at most this is white.
const WHITE_CMYK: f32 = 0.06;

/// Glyphs drawn smaller than this (points) are invisible marks, not text.
const MIN_GLYPH_SIZE: f64 = 0.1;

/// A glyph box reaches this share of the font size below the baseline …
const DESCENT: f64 = 0.2;

/// … and this share above it.
const ASCENT: f64 = 0.8;

/// Text runs upright when its direction rises at most this much per unit of advance.
const UPRIGHT_SLOPE: f64 = 0.1;

/// Text runs at a slant when its direction turns more than this much (the tangent, about
/// 14°) away from both page axes: a watermark or a stamp, not a caption set sideways.
const SLANT_SLOPE: f64 = 0.25;

/// Whether text advancing by (`dx`, `dy`) runs at a slant: turned from both page axes by more
/// than [`SLANT_SLOPE`].
fn is_slanted(dx: f64, dy: f64) -> bool {
    dx.abs().min(dy.abs()) > SLANT_SLOPE * dx.abs().max(dy.abs())
}

pub struct ContentCollector {
    /// Glyphs in drawing order, not yet cleaned.
    pub glyphs: Vec<Glyph>,
    /// Reading direction of each glyph (same order as `glyphs`).
    pub directions: Vec<TextDirection>,
    pub rulings: Vec<Ruling>,
    /// Glyphs whose Unicode value could not be determined.
    pub unmapped: usize,
    /// Images drawn on the page (a page with images and no text is probably a scan).
    pub images: usize,
    /// Set when the page went over `max_glyphs` or `max_paths`; collection stops.
    pub over_limit: bool,
    max_glyphs: usize,
    max_segments: usize,
    page_box: BBox,
    fonts: Vec<(u128, Arc<str>, bool)>,
    /// Text and advance of the character codes seen in the current glyph run (one run has one
    /// font, so a code always reads the same there; looking it up in the font is costly).
    run_codes: Vec<(u32, Option<CompactString>, f64)>,
}

impl ContentCollector {
    pub fn new(page_box: BBox, max_glyphs: usize, max_segments: usize) -> Self {
        ContentCollector {
            glyphs: Vec::new(),
            directions: Vec::new(),
            rulings: Vec::new(),
            unmapped: 0,
            images: 0,
            over_limit: false,
            max_glyphs,
            max_segments,
            page_box,
            fonts: Vec::new(),
            run_codes: Vec::new(),
        }
    }

    fn font_info(&mut self, g: &HGlyph<'_>) -> (Arc<str>, bool) {
        let HGlyph::Outline(o) = g else {
            return (Arc::from("Type3"), false);
        };
        let Some(data) = o.font_data() else {
            return (Arc::from(""), false);
        };
        if let Some((_, name, bold)) = self.fonts.iter().find(|(k, _, _)| *k == data.cache_key) {
            return (name.clone(), *bold);
        }
        let name: Arc<str> = Arc::from(data.postscript_name.clone().unwrap_or_default().as_str());
        let bold = data.weight.is_some_and(|w| w >= 600) || name.contains("Bold") || name.contains("bold");
        self.fonts.push((data.cache_key, name.clone(), bold));
        (name, bold)
    }

    /// Text and advance of a glyph's character code, looked up once per code in the current run.
    fn code_text_and_advance(&mut self, glyph: &HGlyph<'_>) -> (Option<CompactString>, f64) {
        let code = glyph.char_code();
        if let Some((_, text, advance)) = self.run_codes.iter().find(|(c, _, _)| *c == code) {
            return (text.clone(), *advance);
        }
        let (text, advance) = (unicode_text(glyph), glyph_advance(glyph));
        self.run_codes.push((code, text.clone(), advance));
        (text, advance)
    }

    fn push_segment(&mut self, a: Point, b: Point) {
        if self.rulings.len() >= self.max_segments {
            self.over_limit = true;
            return;
        }
        if let Some(r) = Ruling::from_segment(a.x, a.y, b.x, b.y) {
            self.rulings.push(r);
        }
    }

    fn stroke_path(&mut self, path: &BezPath, t: Affine) {
        let mut start = Point::ZERO;
        let mut last = Point::ZERO;
        for el in path.elements() {
            match *el {
                PathEl::MoveTo(p) => {
                    start = t * p;
                    last = start;
                }
                PathEl::LineTo(p) => {
                    let p = t * p;
                    self.push_segment(last, p);
                    last = p;
                }
                PathEl::QuadTo(_, p) | PathEl::CurveTo(_, _, p) => last = t * p,
                PathEl::ClosePath => {
                    self.push_segment(last, start);
                    last = start;
                }
            }
        }
    }

    /// A filled path: every axis-aligned rectangle in it that is at most 2 pt thick is a ruling.
    fn fill_path(&mut self, path: &BezPath, t: Affine) {
        let mut pts: Vec<Point> = Vec::with_capacity(5);
        let flush = |pts: &mut Vec<Point>, me: &mut Self| {
            if pts.len() >= 4 {
                me.fill_polygon(pts);
            }
            pts.clear();
        };
        for el in path.elements() {
            match *el {
                PathEl::MoveTo(p) => {
                    flush(&mut pts, self);
                    pts.push(t * p);
                }
                PathEl::LineTo(p) => pts.push(t * p),
                PathEl::QuadTo(..) | PathEl::CurveTo(..) => {
                    // Curved shapes are never rulings; poison this sub-path.
                    pts.clear();
                }
                PathEl::ClosePath => flush(&mut pts, self),
            }
        }
        flush(&mut pts, self);
    }

    fn fill_polygon(&mut self, pts: &[Point]) {
        // Accept 4 corners (optionally repeated first point) forming an axis-aligned rectangle.
        let pts: &[Point] = if pts.len() == 5 && (pts[0] - pts[4]).hypot() < SAME_POINT { &pts[..4] } else { pts };
        if pts.len() != 4 {
            return;
        }
        let axis_aligned = (0..4).all(|i| {
            let (a, b) = (pts[i], pts[(i + 1) % 4]);
            (a.x - b.x).abs() < AXIS_SLACK || (a.y - b.y).abs() < AXIS_SLACK
        });
        if !axis_aligned {
            return;
        }
        let r = Rect::from_points(pts[0], pts[2]);
        self.fill_rect(r);
    }

    fn fill_rect(&mut self, r: Rect) {
        let (w, h) = (r.width().abs(), r.height().abs());
        if h <= MAX_RULE_THICKNESS && w > h {
            let y = (r.y0 + r.y1) / 2.0;
            self.push_segment(Point::new(r.x0.min(r.x1), y), Point::new(r.x0.max(r.x1), y));
        } else if w <= MAX_RULE_THICKNESS && h > w {
            let x = (r.x0 + r.x1) / 2.0;
            self.push_segment(Point::new(x, r.y0.min(r.y1)), Point::new(x, r.y0.max(r.y1)));
        }
    }
}

/// White paint does not make a visible ruling. RGB and CMYK are judged from their raw
/// components, so that no colour conversion (for CMYK an ICC transform that costs tens of
/// milliseconds to set up) is needed. One component can be gray (1 = white) or the tint of a
/// spot colour (1 = full ink): those are converted; other spaces count as visible.
fn is_visible_paint(p: &Paint<'_>) -> bool {
    match p {
        Paint::Color(c) => {
            let v = c.components();
            let white = match v.len() {
                1 => {
                    let [r, g, b, _] = c.to_rgba().to_rgba8();
                    r >= 240 && g >= 240 && b >= 240
                }
                3 => v.iter().all(|x| *x >= WHITE_RGB),
                4 => v.iter().all(|x| *x <= WHITE_CMYK),
                _ => false,
            };
            !white
        }
        Paint::Pattern(_) => true,
    }
}

/// Small-caps fonts name their glyphs after the lowercase letter (`o.sc`) but are shown with
/// the capital's code: the code `O` drawing glyph `o.sc` reads as `O`, as poppler and MuPDF
/// read it. Only a pure case swap between code and glyph is corrected.
fn small_cap_as_capital(c: char, code: u32) -> char {
    match char::from_u32(code) {
        Some(k) if k.is_ascii_uppercase() && c.is_ascii_lowercase() && k.to_ascii_lowercase() == c => k,
        _ => c,
    }
}

/// The Unicode text of a glyph (small-cap case swaps read as capitals); None when unmapped.
fn unicode_text(glyph: &HGlyph<'_>) -> Option<CompactString> {
    match glyph.as_unicode()? {
        hayro_interpret::hayro_cmap::BfString::Char(c) => {
            let mut one = CompactString::default();
            one.push(small_cap_as_capital(c, glyph.char_code()));
            Some(one)
        }
        hayro_interpret::hayro_cmap::BfString::String(s) => Some(CompactString::from(s)),
    }
}

fn glyph_advance(g: &HGlyph<'_>) -> f64 {
    let adv = match g {
        HGlyph::Outline(o) => o.advance_width(),
        HGlyph::Type3(t) => t.advance_width(),
    };
    match adv {
        Some(a) if a.is_finite() && a > 0.0 => a as f64,
        _ => 500.0,
    }
}

impl<'a> Device<'a> for ContentCollector {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, draw_mode: &DrawMode) {
        if self.over_limit || !is_visible_paint(&props.paint) {
            return;
        }
        match draw_mode {
            DrawMode::Stroke(_) => self.stroke_path(path, props.transform),
            DrawMode::Fill(_) => self.fill_path(path, props.transform),
            DrawMode::FillAndStroke(..) => {
                self.fill_path(path, props.transform);
                self.stroke_path(path, props.transform);
            }
            DrawMode::Invisible => {}
        }
    }

    fn draw_rect(&mut self, rect: &Rect, props: DrawProps<'a>, draw_mode: &DrawMode) {
        self.draw_path(&kurbo::Shape::to_path(rect, 0.1), props, draw_mode);
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, draw_mode: &DrawMode) {
        if self.over_limit {
            return;
        }
        let invisible = matches!(draw_mode, DrawMode::Invisible);
        let Some(first) = run.glyphs().first() else { return };
        let (font, bold) = self.font_info(first);
        self.run_codes.clear();
        for glyph in run.glyphs() {
            if self.glyphs.len() >= self.max_glyphs {
                self.over_limit = true;
                return;
            }
            let t = props.transform * glyph.transform();
            let origin = t * Point::ZERO;
            let up: Vec2 = t * Point::new(0.0, 1000.0) - origin;
            let size = up.hypot();
            if !size.is_finite() || !origin.x.is_finite() || !origin.y.is_finite() || size < MIN_GLYPH_SIZE {
                continue;
            }
            // Keep glyphs whose origin lies on the page (crop box), with a small margin.
            if !self.page_box.contains_point(origin.x.clamp(self.page_box.x0 - 1.0, self.page_box.x1 + 1.0), origin.y)
                || origin.x < self.page_box.x0 - 2.0
                || origin.x > self.page_box.x1 + 2.0
            {
                continue;
            }
            let (text, advance) = self.code_text_and_advance(glyph);
            let Some(text) = text else {
                self.unmapped += 1;
                continue;
            };
            let end = t * Point::new(advance, 0.0);
            if text.chars().all(|c| c.is_whitespace() || c.is_control()) {
                continue;
            }
            // One glyph draws one shape: spaces its Unicode mapping adds around it (" ." for a
            // leader dot or a decimal point) are no text of the line's.
            let text = if text.trim() == text.as_str() { text } else { text.trim().into() };
            let dir = end - origin;
            let corners = [origin - up * DESCENT, end - up * DESCENT, origin + up * ASCENT, end + up * ASCENT];
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for c in corners {
                x0 = x0.min(c.x);
                y0 = y0.min(c.y);
                x1 = x1.max(c.x);
                y1 = y1.max(c.y);
            }
            let upright = dir.x > 0.0 && dir.y.abs() < UPRIGHT_SLOPE * dir.x.abs() && up.y < 0.0;
            let watermark = is_slanted(dir.x, dir.y);
            self.directions.push(TextDirection::of(dir.x, dir.y));
            self.glyphs.push(Glyph {
                text,
                bbox: BBox::new(x0, y0, x1, y1),
                baseline: origin.y,
                size,
                font: font.clone(),
                bold,
                invisible,
                upright,
                watermark,
            });
        }
    }

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.images += 1;
    }
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_caps_read_as_capitals_only_on_a_case_swap() {
        assert_eq!(small_cap_as_capital('o', 'O' as u32), 'O');
        assert_eq!(small_cap_as_capital('o', 'o' as u32), 'o');
        assert_eq!(small_cap_as_capital('a', 'O' as u32), 'a', "not a case swap");
        assert_eq!(small_cap_as_capital('ệ', 0x1EC7), 'ệ');
        assert_eq!(small_cap_as_capital('o', 0x12345), 'o');
    }

    #[test]
    fn text_at_a_slant_is_told_from_text_along_or_across_the_page() {
        let turned = |deg: f64| {
            let (sin, cos) = deg.to_radians().sin_cos();
            is_slanted(cos, -sin)
        };
        // Along, across and upside down: not slanted; a slightly skewed line neither.
        assert!(![0.0, 3.0, 90.0, 180.0, 270.0, -90.0].iter().any(|&d| turned(d)));
        // A watermark at 30°, 45° or 60°.
        assert!([30.0, 45.0, 60.0, -45.0, 135.0].iter().all(|&d| turned(d)));
    }
}
