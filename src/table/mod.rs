//! Table stage. In: the pages' glyphs and rulings ([`crate::pdf::PageContent`]). Out: [`Table`]s
//! with header rows, body rows of cells (spans kept), row labels and levels, title, unit text
//! and notes, continued across pages.
//!
//! Per page (`page_tables`): ruled tables come from connected ruling grids (`ruling_grid`; a box
//! around rows set by white space is left to the unruled reader: `framed_body`;
//! `grid_columns` adds the vertical rules text shows are missing), read by `lattice` (cells
//! split where rules are missing: `cell_split`; empty strips removed: `grid_compact`; a cell's
//! text: `cell_text`). Unruled tables come from the text left over, cut first into the blocks
//! set side by side (`side_by_side`), then read by `stream`: lines cut into
//! `chunk`s, columns from their x-occupancy (`stream_columns`), wrapped labels joined to their
//! row by line pitch (`wrap_groups`, `stream_rows`) or rows framed by rules (`rule_bands`),
//! running text kept out (`running_text`). Across pages, page furniture is kept out
//! (`page_furniture`); `assemble` splits off the header rows (`header`), decides the title
//! once (`title`), continues tables (a page's table read again in the columns of the table it
//! continues: `column_refit`; label lines and headings left above its rows: `lead_lines`)
//! and sets row kinds and levels (`hierarchy`). Every threshold is in [`TableConfig`] (`config`).

mod assemble;
mod caption_rules;
mod cell_split;
mod cell_text;
mod chunk;
mod column_refit;
mod config;
mod framed_body;
mod grid_columns;
mod grid_compact;
mod header;
mod header_cell_levels;
mod hierarchy;
mod lattice;
mod lead_lines;
mod model;
mod narrow_gutter;
mod outside_labels;
mod page_furniture;
mod page_tables;
mod ruling_grid;
mod rule_bands;
mod running_text;
mod section_join;
mod side_by_side;
mod stream;
mod stream_columns;
mod stream_rows;
mod stream_tail;
mod title;
mod wrap_groups;
#[cfg(test)]
mod test_glyphs;

pub use assemble::{Assembler, FurnitureKeys, PageFurniture, PageText};
pub use config::{AssembleConfig, GridConfig, HeaderConfig, HierarchyConfig, LatticeConfig, PageConfig, SideBySideConfig, StreamConfig, TableConfig};
pub use header::is_column_number_row;
pub use title::table_title;
pub use model::{ContextLine, Method, PageTable, RowKind, Table, TableCell, TableRow};
pub use page_tables::page_tables;
pub use ruling_grid::{GridCell, RulingGrid, find_grids};

use crate::layout::{LayoutConfig, TextLine, lines_of_pages};
use crate::pdf::PageContent;
use rayon::prelude::*;
use std::collections::HashMap;

/// The tables of each page, before headers are split off and pages are stitched (page
/// furniture is learnt from all pages first). For `extract_tables` and `tablelift inspect`.
pub fn find_page_tables(pages: &[PageContent], cfg: &TableConfig, layout: &LayoutConfig) -> Vec<PageTable> {
    find_page_tables_with_lines(pages, &lines_of_pages(pages, layout, false), cfg, layout)
}

/// [`find_page_tables`] with the pages' text lines already built ([`page_lines`]).
pub fn find_page_tables_with_lines(pages: &[PageContent], lines: &[Vec<TextLine>], cfg: &TableConfig, layout: &LayoutConfig) -> Vec<PageTable> {
    let furniture_input: Vec<(f64, &[TextLine])> = pages.iter().zip(lines).map(|(p, l)| (p.height, l.as_slice())).collect();
    let furniture = PageFurniture::learn(&furniture_input, &cfg.assemble);
    tables_of_pages(pages, lines, &furniture, cfg, layout, false)
}

/// The tables of each page (in page order) with page furniture already learnt; the pages are
/// worked on in parallel unless `sequential`.
pub fn tables_of_pages(
    pages: &[PageContent],
    lines: &[Vec<TextLine>],
    furniture: &PageFurniture,
    cfg: &TableConfig,
    layout: &LayoutConfig,
    sequential: bool,
) -> Vec<PageTable> {
    let one_page = |(p, page_lines): (&PageContent, &Vec<TextLine>)| {
        let ignore = |l: &TextLine| furniture.is_furniture(l, p.height);
        page_tables(p, page_lines, &ignore, cfg, layout)
    };
    let per_page: Vec<Vec<PageTable>> =
        if sequential { pages.iter().zip(lines).map(one_page).collect() } else { pages.par_iter().zip(lines).map(one_page).collect() };
    per_page.into_iter().flatten().collect()
}

/// Find, reconstruct and stitch the tables of a document's pages (given in page order).
pub fn extract_tables(pages: &[PageContent], cfg: &TableConfig, layout: &LayoutConfig) -> Vec<Table> {
    extract_tables_with_lines(pages, &lines_of_pages(pages, layout, false), cfg, layout)
}

/// [`extract_tables`] with the pages' text lines already built ([`page_lines`]).
pub fn extract_tables_with_lines(pages: &[PageContent], lines: &[Vec<TextLine>], cfg: &TableConfig, layout: &LayoutConfig) -> Vec<Table> {
    let texts: HashMap<usize, PageText> = pages.iter().zip(lines).map(|(p, l)| (p.number, PageText { width: p.width, lines: l })).collect();
    assemble::assemble(find_page_tables_with_lines(pages, lines, cfg, layout), &texts, cfg)
}
