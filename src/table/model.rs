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
    /// The cell's text (lines joined with single spaces; empty when blank or covered).
    pub text: String,
    /// Rows spanned (1 for an ordinary cell).
    pub row_span: usize,
    /// Columns spanned (1 for an ordinary cell).
    pub col_span: usize,
    /// True for a position covered by a spanning cell to its left or above.
    pub covered: bool,
}

impl TableCell {
    /// An ordinary (1 × 1) cell holding `text`.
    pub fn new(text: String) -> Self {
        TableCell { text, row_span: 1, col_span: 1, covered: false }
    }
    /// An ordinary cell without text.
    pub fn blank() -> Self {
        TableCell::new(String::new())
    }
    /// A position covered by a spanning cell.
    pub fn covered() -> Self {
        TableCell { covered: true, ..TableCell::blank() }
    }
}

/// One row of a table on one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    /// Page number (1-based).
    pub page: usize,
    /// Top of the row (page points, from the top of the page).
    pub top: f64,
    /// Bottom of the row.
    pub bottom: f64,
    /// One cell per column (covered positions included).
    pub cells: Vec<TableCell>,
    /// Row marker from the label column ("I", "1", "a)", "一、"), set on finished tables.
    pub label: Option<String>,
    /// Depth in the row hierarchy: 0 for total rows, 1 for top level; None without markers.
    pub level: Option<u8>,
    /// What the row is, decided once by the table stage.
    pub kind: RowKind,
}

/// What a row of a table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// A header row of captions.
    Header,
    /// A header row that numbers the columns ("(1)=(2)+(8)", "栏次 1 2 3"): no captions.
    ColumnNumbers,
    /// A total row (the hierarchy's level 0).
    Total,
    /// Any other body row.
    #[default]
    Body,
}

impl TableRow {
    /// The cell covering column `col`, with its column: `col`'s own cell, or the spanning cell
    /// to its left that reaches over it. None when no cell reaches it.
    pub fn anchor_covering(&self, col: usize) -> Option<(usize, &TableCell)> {
        let mut a = col.min(self.cells.len().checked_sub(1)?);
        while a > 0 && self.cells.get(a).is_some_and(|c| c.covered) {
            a -= 1;
        }
        let cell = self.cells.get(a)?;
        (a + cell.col_span.max(1) > col).then_some((a, cell))
    }

    /// A body row on `page` between `top` and `bottom`, without label or level.
    pub fn new(page: usize, top: f64, bottom: f64, cells: Vec<TableCell>) -> Self {
        TableRow { page, top, bottom, cells, label: None, level: None, kind: RowKind::Body }
    }
    /// Move the caption at column `from` to column `first` and span it over `first..=last`
    /// (which holds `from`), the other positions covered. Callers pass columns of this row
    /// (`last < cells.len()`).
    pub(super) fn span_over(&mut self, from: usize, first: usize, last: usize) {
        let caption = std::mem::replace(&mut self.cells[from], TableCell::blank());
        self.cells[first] = TableCell { col_span: last - first + 1, ..caption };
        for x in self.cells.iter_mut().take(last + 1).skip(first + 1) {
            *x = TableCell::covered();
        }
    }
    /// True when no cell holds text.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.trim().is_empty())
    }
    /// The non-blank cell texts, in order.
    pub fn texts(&self) -> Vec<&str> {
        self.cells.iter().map(|c| c.text.as_str()).filter(|t| !t.trim().is_empty()).collect()
    }
}

/// A line of text near a table (title, unit line, remark), with where it stands on its page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContextLine {
    /// The line's text.
    pub text: String,
    /// Its box on the page (for a title framed inside the table: the box of that row).
    pub bbox: BBox,
}

impl ContextLine {
    /// A context line.
    pub fn new(text: impl Into<String>, bbox: BBox) -> Self {
        ContextLine { text: text.into(), bbox }
    }
}

/// A table found on one page, before headers are split off and pages are stitched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageTable {
    /// Page number (1-based).
    pub page: usize,
    /// The table's box on the page.
    pub bbox: BBox,
    /// How the table was found.
    pub method: Method,
    /// Column boundaries (n_cols + 1 values).
    pub column_x: Vec<f64>,
    /// The rows, top to bottom (header rows first).
    pub rows: Vec<TableRow>,
    /// How many of `rows` are header rows (counted once the page's rows are final; 0 when no
    /// body row is recognisable).
    pub header_rows: usize,
    /// Text lines just above the table (nearest last), for title and unit.
    pub lines_above: Vec<ContextLine>,
    /// Text lines just below the table (nearest first), for notes.
    pub lines_below: Vec<String>,
    /// Running header/footer lines of the page ("… 单位：万元"), context for the unit.
    pub page_furniture: Vec<String>,
    /// Rows at the top of a page too few to stand as a table of their own: kept only when they
    /// continue the table that ended on the page before (the last rows of a long table), else
    /// dropped.
    pub continuation_only: bool,
    /// A header and a row or two ending a page, too few to stand as a table of their own: kept
    /// only when the next page's first table continues them (a table that starts at the foot
    /// of a page), else dropped.
    pub head_only: bool,
}

impl PageTable {
    /// Number of columns.
    pub fn n_cols(&self) -> usize {
        self.column_x.len().saturating_sub(1)
    }
    /// Its header rows (as many of `rows` as `header_rows` counts).
    pub fn header(&self) -> &[TableRow] {
        &self.rows[..self.header_rows.min(self.rows.len())]
    }
    /// How many body rows it has (the rows after its header).
    pub fn body_len(&self) -> usize {
        self.rows.len() - self.header().len()
    }
}

/// A finished table: header rows split from body rows, continued across pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// The pages the table is on, in order (more than one when continued).
    pub pages: Vec<usize>,
    /// The table's box on its first page.
    pub bbox: BBox,
    /// How the table was found (on its first page).
    pub method: Method,
    /// Text lines just above the table on its first page, nearest last (title, unit line, …).
    pub context_above: Vec<ContextLine>,
    /// Its title, decided once from `context_above` ([`crate::table::table_title`]).
    pub title: Option<String>,
    /// Notes under the table ("注：…", "Ghi chú: …", "Source: …").
    pub notes: Vec<String>,
    /// Running header/footer lines of its first page (may carry the unit).
    pub page_furniture: Vec<String>,
    /// Header rows (column captions, column-number row), from its first page.
    pub header_rows: Vec<TableRow>,
    /// Body rows of all its pages (repeated headers dropped), with labels and levels.
    pub rows: Vec<TableRow>,
    /// Number of columns.
    pub n_cols: usize,
}

impl Table {
    /// A table on page 1 from its header and body rows, without context lines, title or notes;
    /// as wide as its widest row. For building tables in code (tests, callers of the number
    /// stage).
    pub fn from_rows(method: Method, header_rows: Vec<TableRow>, rows: Vec<TableRow>) -> Self {
        let n_cols = header_rows.iter().chain(&rows).map(|r| r.cells.len()).max().unwrap_or(0);
        Table {
            pages: vec![1],
            bbox: BBox::default(),
            method,
            context_above: Vec::new(),
            title: None,
            notes: Vec::new(),
            page_furniture: Vec::new(),
            header_rows,
            rows,
            n_cols,
        }
    }
}
