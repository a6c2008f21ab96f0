//! Seeded layout generator with truth (issue 12). `generate(seed, opts)` lays out one page
//! with one to three tables of random family, rules, script, font, number format, header
//! shape, wraps and surroundings (stacked, side by side, or in a column of prose), records the value of every dimension, and returns the page
//! (glyph level, `PageContent`), its drawing (for the PDF sample) and the truth grid of each
//! table. `score` runs the extractor on it and compares; `report` aggregates per dimension.
//!
//! Modules: `rng` (splitmix64), `fonts` (advance widths), `words` (texts per script),
//! `numbers` (formats), `content` (the five families), `draw` (one table), `canvas` (page →
//! glyphs), `page` (a whole page), `score`, `report`, `pdf` (a real PDF of a drawing).

// Grids are filled by (row, column) index and the page composer takes its parts one by one:
// index loops and long argument lists read more plainly here than the alternatives.
#![allow(clippy::too_many_arguments, clippy::needless_range_loop, clippy::type_complexity)]

#![allow(dead_code)]

pub mod canvas;
pub mod content;
pub mod draw;
pub mod fonts;
pub mod numbers;
pub mod page;
pub mod pdf;
pub mod report;
pub mod rng;
pub mod score;
pub mod words;

use serde::Serialize;

/// One table's truth: the grid as the evaluators' grid JSON has it (header rows, then body
/// rows), the spans of merged cells, the value of each numeric body cell, and the dimension
/// values it was drawn with (the page's included).
#[derive(Debug, Clone, Serialize)]
pub struct TruthTable {
    /// Header rows (spanned positions blank).
    pub header_rows: Vec<Vec<String>>,
    /// Body rows.
    pub rows: Vec<Vec<String>>,
    /// Inclusive `[r0, c0, r1, c1]` of each merged cell, rows counted over header + body.
    pub spans: Vec<[usize; 4]>,
    /// Exact decimal string per body cell (None: no number).
    pub values: Vec<Vec<Option<String>>>,
    /// Dimension → value.
    pub dims: Vec<(&'static str, String)>,
}

/// One generated layout.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The seed it came from.
    pub seed: u64,
    /// What is drawn.
    pub canvas: canvas::Canvas,
    /// A second page, where the table of a one-table page continues (dimension `continued`).
    pub next_page: Option<canvas::Canvas>,
    /// Truth per table, top to bottom.
    pub tables: Vec<TruthTable>,
}

/// Generator switches.
#[derive(Debug, Clone, Copy, Default)]
pub struct GenOptions {
    /// Allow styles that only a real PDF can show (shaded bands).
    pub pdf_styles: bool,
}

/// The layout of `seed`.
pub fn generate(seed: u64, opts: GenOptions) -> Layout {
    page::generate(seed, opts)
}

impl Layout {
    /// The layout's pages, first to last.
    pub fn pages(&self) -> Vec<&canvas::Canvas> {
        std::iter::once(&self.canvas).chain(self.next_page.as_ref()).collect()
    }

    /// The layout drawn as a real PDF.
    pub fn pdf(&self) -> Vec<u8> {
        pdf::pages_to_pdf(&self.pages())
    }
}

/// The seed of the `i`-th layout of a run started from `base`.
pub fn layout_seed(base: u64, i: usize) -> u64 {
    rng::Rng::new(base ^ (i as u64).wrapping_mul(0xA076_1D64_78BD_642F)).next_u64()
}
