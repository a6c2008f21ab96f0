//! Document-level assembly: header rows split off, tables continued across pages (read again
//! in the columns of the table they continue: `column_refit`, `lead_lines`), title / unit /
//! notes attached, row hierarchy.

use super::column_refit::{refit_to_columns, repeats_header};
use super::config::TableConfig;
use super::hierarchy::assign_hierarchy;
use super::lead_lines::{LeadLine, lead_lines, tail_headings};
use super::header::is_column_number_row;
use super::model::{Method, PageTable, RowKind, Table, TableRow};
use super::title::table_title;
use crate::layout::{TextLine, join_pieces};
use std::collections::{HashMap, HashSet};

pub use super::page_furniture::{FurnitureKeys, PageFurniture};

/// A note under a table: "Note:", "Source:", "Ghi chú", "注", "Abbreviation:", or a footnote
/// marker (`*`, `†`, `‡`, `§`).
pub(super) fn is_note(t: &str) -> bool {
    let t = t.trim_start();
    ["注", "備註", "备注", "Ghi chú", "Ghi chu", "Note", "Notes", "Nguồn", "Source", "Abbreviation", "*", "†", "‡", "§"].iter().any(|p| t.starts_with(p))
}

fn row_key(r: &TableRow) -> String {
    r.texts().join("|").chars().filter(|c| !c.is_whitespace()).collect()
}

pub(super) fn columns_align(a: &PageTable, b: &PageTable, tol: f64) -> bool {
    a.column_x.len() == b.column_x.len() && a.column_x.iter().zip(&b.column_x).all(|(x, y)| (x - y).abs() <= tol)
}

/// As many columns, and the outer edges within `tol` (boundaries inside unruled gutters move
/// with their contents from page to page).
fn outer_edges_align(a: &PageTable, b: &PageTable, tol: f64) -> bool {
    let (xa, xb) = (&a.column_x, &b.column_x);
    xa.len() == xb.len() && xa.first().zip(xb.first()).is_some_and(|(x, y)| (x - y).abs() <= tol) && xa.last().zip(xb.last()).is_some_and(|(x, y)| (x - y).abs() <= tol)
}

/// True when a title above a table on a later page says the earlier table goes on: it repeats
/// the earlier title (digits aside, e.g. page numbers) or says "continued" / "tiếp theo" / "续".
fn continues_title(title: &str, previous: Option<&str>) -> bool {
    let norm = |t: &str| -> String {
        t.to_lowercase()
            .replace("continued", "")
            .replace("(cont.)", "")
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect()
    };
    let lower = title.to_lowercase();
    let says_continued = ["continued", "(cont", "tiếp theo", "(tiếp)", "续表", "（续）", "(续)"].iter().any(|w| lower.contains(w));
    says_continued || previous.is_some_and(|p| !norm(p).is_empty() && norm(p) == norm(title))
}

/// A page as the assembler sees it: its width, and its text lines to read a table again in
/// the columns of the one it continues.
#[derive(Debug, Clone, Copy)]
pub struct PageText<'a> {
    /// The page's width (points).
    pub width: f64,
    /// The page's text lines.
    pub lines: &'a [TextLine],
}

/// A table begun by the page table `pt`, titled `title`: its header rows split off.
fn new_table(pt: &PageTable, title: Option<String>) -> Table {
    let mut rows = pt.rows.clone();
    let body = rows.split_off(pt.header().len());
    for r in &mut rows {
        r.kind = if is_column_number_row(r) { RowKind::ColumnNumbers } else { RowKind::Header };
    }
    Table {
        pages: vec![pt.page],
        bbox: pt.bbox,
        method: pt.method,
        title,
        context_above: pt.lines_above.clone(),
        page_furniture: pt.page_furniture.clone(),
        notes: pt.lines_below.iter().filter(|l| is_note(l)).cloned().collect(),
        header_rows: rows,
        rows: body,
        n_cols: pt.n_cols(),
    }
}

/// `table` continued by the page table `pt` (from `page`): its repeated header rows skipped,
/// the label lines left above its rows put back, its rows and notes added.
fn extend_table(table: &mut Table, pt: &PageTable, page: PageText, cfg: &TableConfig) {
    let mut rows = pt.rows.clone();
    let keys: HashSet<String> = table.header_rows.iter().map(row_key).collect();
    let mut skip = 0;
    while skip < rows.len() && skip < pt.header_rows.max(table.header_rows.len()) && keys.contains(&row_key(&rows[skip])) {
        skip += 1;
    }
    rows.drain(..skip);
    // Lines of the labels left above the rows: a label wrapped over the page break, the
    // heading of the group the page starts with.
    let mut first_start: Option<TableRow> = None;
    for lead in lead_lines(pt, page.lines, cfg.position_slack) {
        match lead {
            LeadLine::EndsPrevious(line) => match table.rows.last_mut() {
                Some(last) => append_cells(last, &line),
                None => table.rows.push(line),
            },
            LeadLine::Row(line) => table.rows.push(line),
            LeadLine::StartsFirst(line) => match &mut first_start {
                Some(start) => append_cells(start, &line),
                None => first_start = Some(line),
            },
        }
    }
    if let Some(mut start) = first_start {
        match rows.first_mut() {
            Some(first) => {
                append_cells(&mut start, first);
                first.cells = start.cells;
                first.top = start.top;
            }
            None => rows.push(start),
        }
    }
    table.pages.push(pt.page);
    table.rows.extend(rows);
    table.notes.extend(pt.lines_below.iter().filter(|l| is_note(l)).cloned());
}

/// `row`'s cells with `more`'s texts appended, column by column (a covered position keeps
/// none).
fn append_cells(row: &mut TableRow, more: &TableRow) {
    for (cell, add) in row.cells.iter_mut().zip(&more.cells) {
        if !add.text.is_empty() && !cell.covered {
            cell.text = join_pieces([cell.text.as_str(), add.text.as_str()]);
        }
    }
}

/// Assemble a document's page tables (in page order) into finished tables, with each page's
/// text by page number (a page not given counts as default-wide without text).
pub fn assemble(page_tables: Vec<PageTable>, pages: &HashMap<usize, PageText>, cfg: &TableConfig) -> Vec<Table> {
    let mut assembler = Assembler::new(cfg);
    let mut out = Vec::new();
    for pt in page_tables {
        let page = pages.get(&pt.page).copied().unwrap_or(PageText { width: cfg.assemble.default_page_width, lines: &[] });
        out.extend(assembler.push(pt, page));
    }
    out.extend(assembler.finish());
    out
}

/// Assembles page tables as they arrive, page by page: a table is finished (header rows
/// split off, row hierarchy set) once a later page table cannot continue it. Only the open
/// table and the page table it last grew by are kept.
pub struct Assembler<'c> {
    cfg: &'c TableConfig,
    /// The table that the next page's first table may continue.
    open: Option<Table>,
    /// The page table `open` last grew by (its column positions decide a continuation).
    last_raw: Option<PageTable>,
    /// The text lines of `last_raw`'s page across and below it, to read it again in other
    /// columns and find the headings under it.
    last_lines: Vec<TextLine>,
}

/// Of two page tables under one repeated header, `a` shows the columns better than `b`: it
/// holds more body rows, or as many with fewer columns whose header and body disagree (a
/// caption over no body text, body text under no caption: a few rows can leave a label
/// column split from its centred caption, which more rows would close).
fn shows_columns_better(a: &PageTable, b: &PageTable) -> bool {
    a.body_len() > b.body_len() || (a.body_len() == b.body_len() && unheaded_columns(a) < unheaded_columns(b))
}

/// The columns of `pt` whose header holds text and body none, or the other way round.
fn unheaded_columns(pt: &PageTable) -> usize {
    // (A column under a caption spanning it is headed.)
    let filled = |rows: &[super::model::TableRow], c: usize| rows.iter().any(|r| r.cells.get(c).is_some_and(|x| x.covered || !x.text.trim().is_empty()));
    let (header, body) = pt.rows.split_at(pt.header().len());
    (0..pt.n_cols()).filter(|&c| filled(header, c) != filled(body, c)).count()
}

impl<'c> Assembler<'c> {
    /// An assembler with nothing open.
    pub fn new(cfg: &'c TableConfig) -> Self {
        Assembler { cfg, open: None, last_raw: None, last_lines: Vec::new() }
    }

    /// The table still open, as it stands (it may grow on the next page).
    pub fn open_table(&self) -> Option<&Table> {
        self.open.as_ref()
    }

    /// Add the next page table (in page order) from `page`. Returns the table it finished, if
    /// it starts a new one.
    pub fn push(&mut self, pt: PageTable, page: PageText) -> Option<Table> {
        let title = table_title(&pt.lines_above);
        let cfg = self.cfg;
        self.refit_open(&pt, title.as_deref(), page.width);
        let pt = self.refit_continuation(pt, title.as_deref(), page);
        let is_continuation = self.continues(&pt, title.as_deref(), page.width);
        if pt.continuation_only && !is_continuation {
            return None;
        }
        let mut finished = None;
        match &mut self.open {
            Some(prev) if is_continuation => {
                // Section headings set under the rows on the page before head the rows here.
                if let Some(raw) = &self.last_raw {
                    prev.rows.extend(tail_headings(raw, &self.last_lines, cfg.stream.blank_row_pitches, cfg.position_slack));
                }
                extend_table(prev, &pt, page, cfg);
            }
            _ => {
                let head_only = self.open_is_head_only();
                finished = self.open.replace(new_table(&pt, title)).filter(|_| !head_only).map(|t| self.close(t));
            }
        }
        self.last_lines = page.lines.iter().filter(|l| l.bbox.y_overlap(&pt.bbox) > 0.0 || l.bbox.y0 >= pt.bbox.y1 - cfg.position_slack).cloned().collect();
        self.last_raw = Some(pt);
        finished
    }

    /// True when `pt` (titled `title`) continues the open table: first table of the page after
    /// the open table's last, as many columns, and no new title in between.
    fn continues(&self, pt: &PageTable, title: Option<&str>, page_width: f64) -> bool {
        let (Some(prev), Some(prev_raw)) = (&self.open, &self.last_raw) else {
            return false;
        };
        let hdr = pt.header_rows;
        let header_repeats =
            hdr > 0 && prev.header_rows.len() == hdr && prev.header_rows.iter().zip(&pt.rows).all(|(a, b)| row_key(a) == row_key(b));
        let same_title = title.is_none_or(|t| continues_title(t, prev.title.as_deref()));
        let tol = self.cfg.assemble.column_align_share * page_width;
        let aligned = columns_align(prev_raw, pt, tol);
        let edges_aligned = aligned || outer_edges_align(prev_raw, pt, tol);
        // An unruled table without a header in the columns of the one before (its outer
        // edges at least) is its rest, under a line set tight above it that names no
        // table: the first line of a wrapped label, or a section heading (a title stands
        // apart).
        let tight_above = pt.lines_above.last().is_some_and(|l| pt.bbox.y0 - l.bbox.y1 <= l.bbox.height());
        let headless_rest =
            pt.method == Method::Stream && hdr == 0 && tight_above && edges_aligned && title.is_some_and(|t| !crate::text::is_table_caption(t));
        // (Rows too few to stand as a table continue one only in its columns.)
        let fragment_fits = !pt.continuation_only || edges_aligned;
        prev.pages.last() == Some(&(pt.page - 1))
            && prev.n_cols == pt.n_cols()
            && (same_title || headless_rest)
            && (header_repeats || hdr == 0 || aligned)
            && fragment_fits
    }

    /// `pt` read again in the columns of the open table, when as read it does not continue
    /// it but read so it does: a table at the top of the next page, inside the open table's
    /// outer edges, that repeats the open table's header where the open table shows the
    /// columns better ([`shows_columns_better`]; its header then becomes the open table's, the
    /// same text) or does not repeat it,
    /// and whose every word falls inside one of those columns (the last rows of a table, too
    /// few for an empty column or a gutter to show). Else `pt` as it is.
    fn refit_continuation(&self, pt: PageTable, title: Option<&str>, page: PageText) -> PageTable {
        let Some(prev_raw) = &self.last_raw else {
            return pt;
        };
        let repeats = repeats_header(prev_raw, &pt);
        let shown_better = !repeats || shows_columns_better(prev_raw, &pt);
        if !shown_better || !self.may_refit(&pt, &pt, prev_raw, title, page.width) {
            return pt;
        }
        let header = repeats.then(|| prev_raw.header());
        match refit_to_columns(&pt, page.lines, &prev_raw.column_x, header, self.cfg.position_slack) {
            Some(refit) if self.continues(&refit, title, page.width) => refit,
            _ => pt,
        }
    }

    /// The open table read again in the columns of `pt`, when `pt`, on the next page, does not
    /// continue it as read and shows its columns better: `pt` repeats the header and shows the
    /// columns better than the open table's one page ([`shows_columns_better`]), or does not
    /// repeat it and has more columns (a
    /// column empty on the first page). Kept when every word of the open table falls inside one of
    /// `pt`'s columns (its header's words strictly, unless `pt` repeats it: then its header
    /// rows become `pt`'s, the same text) and then `pt` continues it.
    fn refit_open(&mut self, pt: &PageTable, title: Option<&str>, page_width: f64) {
        let (Some(prev), Some(prev_raw)) = (&self.open, &self.last_raw) else {
            return;
        };
        let repeats = repeats_header(prev_raw, pt);
        let shows_better = if repeats { shows_columns_better(pt, prev_raw) } else { pt.n_cols() > prev_raw.n_cols() };
        if prev.pages.len() != 1 || !shows_better || !self.may_refit(pt, prev_raw, pt, title, page_width) {
            return;
        }
        let header = repeats.then(|| pt.header());
        let Some(raw) = refit_to_columns(prev_raw, &self.last_lines, &pt.column_x, header, self.cfg.position_slack) else {
            return;
        };
        let (old_open, old_raw) = (self.open.replace(new_table(&raw, prev.title.clone())), self.last_raw.replace(raw));
        if !self.continues(pt, title, page_width) {
            (self.open, self.last_raw) = (old_open, old_raw);
        }
    }

    /// Whether `inner` may be read again in the columns of `outer` (one of them the open table's
    /// last page table, the other `pt`): `pt` is on the next page and does not continue the open
    /// table as read, and `inner` lies inside `outer`'s outer edges.
    fn may_refit(&self, pt: &PageTable, inner: &PageTable, outer: &PageTable, title: Option<&str>, page_width: f64) -> bool {
        let tol = self.cfg.assemble.column_align_share * page_width;
        let (Some(left), Some(right)) = (outer.column_x.first(), outer.column_x.last()) else {
            return false;
        };
        let inside = inner.bbox.x0 >= left - tol && inner.bbox.x1 <= right + tol;
        let next_page = self.last_raw.as_ref().is_some_and(|r| pt.page == r.page + 1);
        inside && next_page && !self.continues(pt, title, page_width)
    }

    /// The open table, finished: no more pages follow.
    pub fn finish(&mut self) -> Option<Table> {
        let head_only = self.open_is_head_only();
        self.last_raw = None;
        self.last_lines.clear();
        self.open.take().filter(|_| !head_only).map(|t| self.close(t))
    }

    /// The open table is only the head of a table at the foot of its page
    /// ([`PageTable::head_only`]), which no next page has continued yet: it is dropped unless
    /// one does.
    fn open_is_head_only(&self) -> bool {
        self.open.as_ref().is_some_and(|t| t.pages.len() == 1) && self.last_raw.as_ref().is_some_and(|r| r.head_only)
    }

    fn close(&self, mut t: Table) -> Table {
        assign_hierarchy(&mut t.rows, &self.cfg.hierarchy);
        t
    }
}

#[cfg(test)]
#[path = "assemble_tests.rs"]
mod tests;
