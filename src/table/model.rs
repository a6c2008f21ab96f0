//! The table stage's output types.

use crate::pdf::BBox;
use serde::Serialize;

/// How a table was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// From a connected grid of rulings.
    Ruled,
    /// From aligned text columns (rulings, if any, only separate rows).
    Stream,
}

/// One grid position. A spanning cell holds its text at its top-left position; the positions
/// it covers are `covered` with empty text.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct TableCell {
    pub text: String,
    pub row_span: usize,
    pub col_span: usize,
    pub covered: bool,
}

impl TableCell {
    pub fn new(text: String) -> Self {
        TableCell { text, row_span: 1, col_span: 1, covered: false }
    }
    pub fn blank() -> Self {
        TableCell::new(String::new())
    }
    pub fn covered() -> Self {
        TableCell { covered: true, ..TableCell::blank() }
    }
}

/// One row of a table on one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    pub page: usize,
    pub top: f64,
    pub bottom: f64,
    pub cells: Vec<TableCell>,
    /// Row marker from the label column ("I", "1", "a)", "一、"), set on finished tables.
    pub label: Option<String>,
    /// Depth in the row hierarchy: 0 for total rows, 1 for top level; None without markers.
    pub level: Option<u8>,
}

impl TableRow {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.trim().is_empty())
    }
    /// The non-blank cell texts, in order.
    pub fn texts(&self) -> Vec<&str> {
        self.cells.iter().map(|c| c.text.as_str()).filter(|t| !t.trim().is_empty()).collect()
    }
}

/// A table found on one page, before headers are split off and pages are stitched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageTable {
    pub page: usize,
    pub bbox: BBox,
    pub method: Method,
    /// Column boundaries (n_cols + 1 values).
    pub column_x: Vec<f64>,
    pub rows: Vec<TableRow>,
    /// How many of `rows` are header rows (counted once the page's rows are final; 0 when no
    /// body row is recognisable).
    pub header_rows: usize,
    /// Text lines just above the table (nearest last), for title and unit.
    pub lines_above: Vec<String>,
    /// Text lines just below the table (nearest first), for notes.
    pub lines_below: Vec<String>,
    /// Running header/footer lines of the page ("… 单位：万元"), context for the unit.
    pub page_furniture: Vec<String>,
}

impl PageTable {
    pub fn n_cols(&self) -> usize {
        self.column_x.len().saturating_sub(1)
    }
}

/// A finished table: header rows split from body rows, continued across pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub pages: Vec<usize>,
    pub bbox: BBox,
    pub method: Method,
    /// Text lines just above the table on its first page, nearest last (title, unit line, …).
    pub context_above: Vec<String>,
    /// Notes under the table ("注：…", "Ghi chú: …", "Source: …").
    pub notes: Vec<String>,
    /// Running header/footer lines of its first page (may carry the unit).
    pub page_furniture: Vec<String>,
    pub header_rows: Vec<TableRow>,
    pub rows: Vec<TableRow>,
    pub n_cols: usize,
}
