//! A drawing: text runs, rule lines and filled bands on one page, in top-left page points. It
//! becomes a `PageContent` (glyph level, exactly what the PDF stage would hand on) or a PDF
//! (see `pdf.rs`); both read the same widths from `fonts.rs`.

use super::fonts::{Face, advance, is_wide};
use std::sync::Arc;
use tablelift::pdf::{BBox, Glyph, PageContent, Ruling, mark_level_watermarks, merge_rulings};

/// One line of text set at `x` on `baseline`.
#[derive(Debug, Clone)]
pub struct TextRun {
    /// The characters (spaces advance, they draw nothing).
    pub text: String,
    /// Left edge.
    pub x: f64,
    /// Baseline y.
    pub baseline: f64,
    /// Font size in points.
    pub size: f64,
    /// Bold face.
    pub bold: bool,
    /// Turned this many degrees anticlockwise about its origin (a watermark); 0 for ordinary
    /// text.
    pub angle: f64,
    /// Drawn in light grey (a watermark).
    pub grey: bool,
}

/// A stroked axis-aligned line.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// Start x.
    pub x0: f64,
    /// Start y.
    pub y0: f64,
    /// End x.
    pub x1: f64,
    /// End y.
    pub y1: f64,
}

/// A filled rectangle (a shaded band), drawn in the PDF sample only: the glyph level has no
/// fills.
#[derive(Debug, Clone, Copy)]
pub struct Fill {
    /// Box.
    pub bbox: [f64; 4],
}

/// Everything drawn on one page.
#[derive(Debug, Clone)]
pub struct Canvas {
    /// Page width (points).
    pub width: f64,
    /// Page height (points).
    pub height: f64,
    /// Latin widths of the face.
    pub face: Face,
    /// Chinese text (font names SimSun / SimHei).
    pub cjk: bool,
    /// Text.
    pub runs: Vec<TextRun>,
    /// Rules.
    pub lines: Vec<Line>,
    /// Shaded bands.
    pub fills: Vec<Fill>,
    /// In the PDF, a portrait page with /Rotate 90 whose content is drawn sideways so that it
    /// shows as this (landscape) canvas.
    pub rotated: bool,
}

impl Canvas {
    /// An empty page.
    pub fn new(width: f64, height: f64, face: Face, cjk: bool) -> Self {
        Canvas {
            width,
            height,
            face,
            cjk,
            runs: Vec::new(),
            lines: Vec::new(),
            fills: Vec::new(),
            rotated: false,
        }
    }

    /// Set `text` at `x` on `baseline`.
    pub fn text(&mut self, text: &str, x: f64, baseline: f64, size: f64, bold: bool) {
        if !text.trim().is_empty() {
            self.runs.push(TextRun {
                text: text.to_string(),
                x,
                baseline,
                size,
                bold,
                angle: 0.0,
                grey: false,
            });
        }
    }

    /// A watermark: `text` in light grey, turned `angle` degrees anticlockwise, centred on
    /// (`cx`, `cy`).
    /// It is set smaller where it would not fit in nine tenths of the page.
    pub fn watermark(&mut self, text: &str, cx: f64, cy: f64, size: f64, angle: f64) {
        let (sin, cos) = angle.to_radians().sin_cos();
        let em: f64 = text.chars().map(|c| advance(self.face, c)).sum();
        let size = size.min(0.9 * self.width / (em * cos)).min(if sin > 0.0 { 0.9 * self.height / (em * sin) } else { f64::MAX });
        let w = em * size;
        self.runs.push(TextRun {
            text: text.to_string(),
            x: cx - w / 2.0 * cos,
            baseline: cy + w / 2.0 * sin,
            size,
            bold: true,
            angle,
            grey: true,
        });
    }

    /// A horizontal rule.
    pub fn hline(&mut self, y: f64, x0: f64, x1: f64) {
        self.lines.push(Line {
            x0,
            y0: y,
            x1,
            y1: y,
        });
    }

    /// A vertical rule.
    pub fn vline(&mut self, x: f64, y0: f64, y1: f64) {
        self.lines.push(Line {
            x0: x,
            y0,
            x1: x,
            y1,
        });
    }

    /// The page as the PDF stage would produce it: one glyph per non-space character with the
    /// collector's box (0.8 em above the baseline, 0.2 em below), rules merged.
    pub fn page_content(&self, number: usize) -> PageContent {
        let fonts: Vec<Arc<str>> = [false, true]
            .iter()
            .map(|&b| Arc::from(self.face.name(b, self.cjk)))
            .collect();
        let mut glyphs = Vec::new();
        for run in &self.runs {
            // Along the run's direction and its "up", in top-left page points (y down).
            let (sin, cos) = run.angle.to_radians().sin_cos();
            let (dir, up) = ((cos, -sin), (-sin, -cos));
            let mut d = 0.0;
            for ch in run.text.chars() {
                let w = advance(self.face, ch) * run.size;
                if !ch.is_whitespace() {
                    let origin = (run.x + dir.0 * d, run.baseline + dir.1 * d);
                    let end = (origin.0 + dir.0 * w, origin.1 + dir.1 * w);
                    // The collector's box: 0.8 em above the baseline, 0.2 em below.
                    let corners = [(origin, -0.2), (end, -0.2), (origin, 0.8), (end, 0.8)]
                        .map(|((x, y), k)| (x + up.0 * k * run.size, y + up.1 * k * run.size));
                    let xs = corners.map(|c| c.0);
                    let ys = corners.map(|c| c.1);
                    let min = |v: [f64; 4]| v.iter().copied().fold(f64::MAX, f64::min);
                    let max = |v: [f64; 4]| v.iter().copied().fold(f64::MIN, f64::max);
                    glyphs.push(Glyph {
                        text: ch.to_string().into(),
                        bbox: BBox::new(min(xs), min(ys), max(xs), max(ys)),
                        baseline: origin.1,
                        size: run.size,
                        font: fonts[run.bold as usize].clone(),
                        bold: run.bold,
                        invisible: false,
                        upright: run.angle == 0.0,
                        watermark: run.angle != 0.0,
                    });
                }
                d += w;
            }
        }
        // As the PDF stage does: level watermarks are marked once the page's glyphs are in.
        mark_level_watermarks(&mut glyphs);
        let rulings: Vec<Ruling> = self
            .lines
            .iter()
            .filter_map(|l| Ruling::from_segment(l.x0, l.y0, l.x1, l.y1))
            .collect();
        PageContent {
            number,
            width: self.width,
            height: self.height,
            glyphs,
            rulings: merge_rulings(rulings, 1.0),
            unmapped_glyphs: 0,
            images: 0,
        }
    }

    /// The page as text rows (runs placed at their x, scaled to `cols` characters across the
    /// page; spaces shown as `·` inside a run): for looking at a layout by eye.
    pub fn ascii(&self, cols: usize) -> String {
        let scale = cols as f64 / self.width;
        let mut rows: Vec<(f64, Vec<(usize, String)>)> = Vec::new();
        for run in self.runs.iter().filter(|r| !r.grey) {
            let row = match rows
                .iter()
                .position(|(y, _)| (*y - run.baseline).abs() < 0.5)
            {
                Some(i) => i,
                None => {
                    rows.push((run.baseline, Vec::new()));
                    rows.len() - 1
                }
            };
            let shown: String = run
                .text
                .chars()
                .map(|c| if c.is_whitespace() { '·' } else { c })
                .collect();
            rows[row].1.push(((run.x * scale) as usize, shown));
        }
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut out = String::new();
        for (y, mut cells) in rows {
            cells.sort();
            let mut line = String::new();
            let mut col = 0;
            for (c, text) in cells {
                if col >= c && col > 0 {
                    line.push('|');
                    col += 1;
                }
                while col < c {
                    line.push(' ');
                    col += 1;
                }
                line.push_str(&text);
                col += text
                    .chars()
                    .map(|ch| if is_wide(ch) { 2 } else { 1 })
                    .sum::<usize>();
            }
            out.push_str(&format!("{y:6.1} {line}\n"));
        }
        out
    }
}
