//! All tables of one page: ruled grids first, then stream tables from the text left over;
//! each table gets the text lines just above and below it as context.

use super::config::{PageConfig, TableConfig};
use super::framed_body::is_frame_around_unruled_rows;
use super::grid_columns::missing_column_bounds;
use super::header::{header_row_count, join_wrapped_caption_ends, lift_lone_captions};
use super::lattice::table_from_grid;
use super::outside_labels::attach_outside_labels;
use super::section_join::join_sectioned_tables;
use super::side_by_side::side_by_side_regions;
use super::model::{ContextLine, Method, PageTable};
use super::ruling_grid::find_grids;
use super::stream::find_stream_tables;
use crate::layout::{LayoutConfig, TextLine, build_lines_from};
use crate::pdf::{BBox, Glyph, Orientation, PageContent, Ruling};

/// Find the tables of a page. `ignore` tells which text lines are running headers/footers;
/// `page_lines` are the page's text lines (built from all its glyphs); they are reused when no
/// ruled table took any glyph.
pub fn page_tables(page: &PageContent, page_lines: &[TextLine], ignore: &dyn Fn(&TextLine) -> bool, cfg: &TableConfig, layout: &LayoutConfig) -> Vec<PageTable> {
    // Invisible text (an OCR layer under a scan) counts only when there is nothing else; text
    // set at a slant (a watermark across the page) is no table's.
    let all_invisible = page.glyphs.iter().all(|g| g.invisible);
    let glyphs: Vec<&Glyph> = page.glyphs.iter().filter(|g| (!g.invisible || all_invisible) && !g.watermark).collect();
    let mut used = vec![false; glyphs.len()];
    let mut tables = Vec::new();
    let mut grid_boxes = Vec::new();
    for grid in find_grids(&page.rulings, cfg.ruling_tolerance, &cfg.grid) {
        // A box around an unruled table is read with the page's unruled text (below).
        if is_frame_around_unruled_rows(&grid, &glyphs, cfg, layout) {
            continue;
        }
        let extra = missing_column_bounds(&grid, &glyphs, cfg, layout);
        let grid = if extra.is_empty() { grid } else { grid.with_extra_columns(&extra).unwrap_or(grid) };
        let (mut t, idx) = table_from_grid(page.number, &grid, &glyphs, cfg, layout);
        // A grid is a table when, after dropping empty strips, it has at least 2 x 2 cells
        // and some text.
        if t.n_cols() >= 2 && t.rows.len() >= 2 && !idx.is_empty() {
            for i in idx {
                used[i] = true;
            }
            for i in attach_outside_labels(&mut t, &glyphs, &used, cfg, layout) {
                used[i] = true;
            }
            grid_boxes.push(t.bbox);
            tables.push(t);
        }
    }
    let built: Vec<TextLine>;
    let all_lines: &[TextLine] = if glyphs.len() == page.glyphs.len() && !used.contains(&true) {
        page_lines
    } else {
        // Rebuilt from the glyphs left over, not selected from `page_lines`: a page line may hold
        // both table cells and text beside the table, and lines are clustered by baseline over
        // all the glyphs given, so dropping the table's glyphs can split or reshape lines.
        let rest: Vec<&Glyph> = glyphs.iter().zip(&used).filter(|(_, u)| !**u).map(|(g, _)| *g).collect();
        built = build_lines_from(&rest, layout);
        &built
    };
    let (furniture, lines): (Vec<&TextLine>, Vec<&TextLine>) = all_lines.iter().partition(|l| ignore(l));
    let furniture: Vec<String> = furniture.iter().map(|l| l.text()).collect();
    // Rulings inside ruled tables do not split stream rows.
    let free_rulings: Vec<Ruling> = page
        .rulings
        .iter()
        .filter(|r| !grid_boxes.iter().any(|b| b.contains_point((r.start + r.end) / 2.0, r.pos) || b.contains_point(r.pos, (r.start + r.end) / 2.0)))
        .copied()
        .collect();
    // Sparse stream tables without a column of row labels are chart axes and legends (a sparse
    // budget table still names every row).
    // Blocks set side by side are read one by one, from lines cut at the corridor between them.
    let regions = side_by_side_regions(&lines, &free_rulings, &cfg.side_by_side);
    let (lines, streams): (Vec<&TextLine>, Vec<PageTable>) = match &regions {
        Some(regions) => {
            let streams = regions.iter().flat_map(|r| find_stream_tables(page.number, &r.iter().collect::<Vec<_>>(), &rulings_over(&free_rulings, r), cfg)).collect();
            let mut cut: Vec<&TextLine> = regions.iter().flatten().collect();
            cut.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.bbox.x0.total_cmp(&b.bbox.x0)));
            (cut, streams)
        }
        None => {
            let streams = find_stream_tables(page.number, &lines, &free_rulings, cfg);
            (lines, streams)
        }
    };
    tables.extend(streams.into_iter().filter(|t| fill_ratio(t) >= cfg.min_stream_fill || has_label_column(t, cfg)));
    // Anything right under a figure caption is a chart or diagram.
    tables.retain(|t| !under_figure_caption(t, &lines, cfg));
    tables.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0));
    let mut tables = join_sectioned_tables(tables, &lines, page.width, cfg);
    // Context: lines outside every table, above (nearest last) and below (nearest first).
    let outside: Vec<&TextLine> = lines
        .iter()
        .copied()
        .filter(|l| !tables.iter().any(|t| t.bbox.y_overlap(&l.bbox) > cfg.page.line_in_table_share * l.bbox.height() && t.bbox.x_overlap(&l.bbox) > 0.0))
        .collect();
    let boxes: Vec<BBox> = tables.iter().map(|t| t.bbox).collect();
    for (k, table) in tables.iter_mut().enumerate() {
        table.page_furniture = furniture.clone();
        let bottom = table.bbox.y1;
        let (prev_bottom, next_top) = (neighbour_bottom_above(&boxes, k), neighbour_top_below(&boxes, k));
        let outside: Vec<&&TextLine> = outside.iter().filter(|l| in_column_of(&boxes, k, &l.bbox)).collect();
        let above: Vec<ContextLine> = outside
            .iter()
            .filter(|l| is_above(&l.bbox, &table.bbox, prev_bottom, cfg.position_slack))
            .map(|l| ContextLine::new(l.text(), l.bbox))
            .collect();
        let n = above.len();
        table.lines_above = above.into_iter().skip(n.saturating_sub(cfg.context_lines)).collect();
        table.lines_below = outside
            .iter()
            .filter(|l| l.bbox.y0 >= bottom - cfg.position_slack && l.bbox.y1 <= next_top + cfg.position_slack)
            .take(cfg.context_lines)
            .map(|l| l.text())
            .collect();
        move_title_and_notes_out(table, &cfg.page);
        // The rows are final: count the header rows once, for assembly.
        let counted = header_row_count(&table.rows, &cfg.header);
        table.header_rows = join_wrapped_caption_ends(&mut table.rows, counted, &cfg.header);
        if table.method == Method::Stream {
            lift_lone_captions(&mut table.rows, table.header_rows);
        }
    }
    tables
}

/// Tables beside table `k` (sharing some of its height): a table set side by side with it.
fn beside(boxes: &[BBox], k: usize) -> impl Iterator<Item = &BBox> {
    boxes.iter().enumerate().filter(move |&(j, b)| j != k && b.y_overlap(&boxes[k]) > 0.0).map(|(_, b)| b)
}

/// A context line of table `k`: one over or under it, or, when tables stand beside it, one
/// not over or under those (their titles and notes are theirs).
fn in_column_of(boxes: &[BBox], k: usize, line: &BBox) -> bool {
    line.x_overlap(&boxes[k]) > 0.0 || !beside(boxes, k).any(|b| line.x_overlap(b) > 0.0)
}

/// A line (`line`, outside every table) is context above `table`: it ends above the table's top
/// (give or take `slack`) and not above the bottom of the table over it, `prev_bottom`. A line
/// inside the table's width may reach into its top by less than half its height: the first line
/// of a row's label, set at the leading above the line of the row's values, which the table's
/// top is (the rest of a label wrapped over a page break).
fn is_above(line: &BBox, table: &BBox, prev_bottom: f64, slack: f64) -> bool {
    let within_width = line.x0 >= table.x0 - slack && line.x1 <= table.x1 + slack;
    let ends_above = line.y1 <= table.y0 + slack || (within_width && line.center_y() <= table.y0);
    ends_above && line.y0 >= prev_bottom - slack
}

/// The bottom of the nearest table above table `k` (tables sorted by top; a table beside it
/// is not above it).
fn neighbour_bottom_above(boxes: &[BBox], k: usize) -> f64 {
    boxes[..k].iter().rev().find(|b| b.y_overlap(&boxes[k]) <= 0.0).map_or(f64::MIN, |b| b.y1)
}

/// The top of the nearest table below table `k` (a table beside it is not below it).
fn neighbour_top_below(boxes: &[BBox], k: usize) -> f64 {
    boxes[k + 1..].iter().find(|b| b.y_overlap(&boxes[k]) <= 0.0).map_or(f64::MAX, |b| b.y0)
}

/// The rulings whose middle lies within the x-range of `lines` (the rules of a block set
/// beside them belong to that block).
fn rulings_over(rulings: &[Ruling], lines: &[TextLine]) -> Vec<Ruling> {
    let (x0, x1) = lines.iter().fold((f64::MAX, f64::MIN), |(a, b), l| (a.min(l.bbox.x0), b.max(l.bbox.x1)));
    let middle = |r: &Ruling| if r.orientation == Orientation::Horizontal { (r.start + r.end) / 2.0 } else { r.pos };
    rulings.iter().filter(|r| (x0..=x1).contains(&middle(r))).copied().collect()
}

/// The text of a row that is one cell across the whole table, if it is.
fn full_width_text(t: &PageTable, r: usize) -> Option<String> {
    let (first, rest) = t.rows.get(r)?.cells.split_first()?;
    let blank = |c: &super::model::TableCell| c.covered || c.text.trim().is_empty();
    (!blank(first) && first.col_span >= t.n_cols().max(2) && rest.iter().all(blank)).then(|| first.text.clone())
}

/// A frame drawn around the title and the notes as well as the table makes them rows of one
/// cell across the table: the first such row naming a table ("Exhibit B.4 …") is the title,
/// the last ones starting like notes are notes. They move to the context lines.
fn move_title_and_notes_out(t: &mut PageTable, cfg: &PageConfig) {
    if t.rows.len() >= cfg.min_rows_for_title
        && let Some(title) = full_width_text(t, 0).filter(|x| crate::text::is_caption_line(x))
    {
        let row = t.rows.remove(0);
        t.lines_above.push(ContextLine::new(title, BBox::new(t.bbox.x0, row.top, t.bbox.x1, row.bottom)));
    }
    while t.rows.len() >= cfg.min_rows_for_notes
        && let Some(note) = full_width_text(t, t.rows.len() - 1).filter(|x| super::assemble::is_note(x))
    {
        t.rows.pop();
        t.lines_below.insert(0, note);
    }
}

/// True when some column names most body rows with words (letters, not just numbers). The
/// header's rows are not counted: a header of several levels leaves the label column blank
/// beside its group captions.
fn has_label_column(t: &PageTable, cfg: &TableConfig) -> bool {
    let body = &t.rows[header_row_count(&t.rows, &cfg.header).min(t.rows.len())..];
    let cfg = &cfg.page;
    let n = body.len().max(1);
    (0..t.n_cols()).any(|c| {
        let named = body.iter().filter(|r| r.cells.get(c).is_some_and(|x| x.text.chars().filter(|ch| ch.is_alphabetic()).count() >= cfg.min_label_letters)).count();
        cfg.names_label_column(named, n)
    })
}

/// Share of grid positions holding text.
fn fill_ratio(t: &PageTable) -> f64 {
    let total: usize = t.rows.iter().map(|r| r.cells.iter().filter(|c| !c.covered).count()).sum();
    let filled: usize = t.rows.iter().map(|r| r.cells.iter().filter(|c| !c.covered && !c.text.trim().is_empty()).count()).sum();
    filled as f64 / total.max(1) as f64
}

/// True when a figure caption ("Figure 6:", "Chart 2", "Hình 1", "图 3") is close above the
/// table: a line within `caption_distance`, or the first line of such a line's paragraph (a
/// caption may wrap over several lines).
fn under_figure_caption(t: &PageTable, lines: &[&TextLine], cfg: &TableConfig) -> bool {
    let is_caption = |l: &TextLine| crate::text::is_figure_caption(&l.text());
    // A caption may sit at the column's margin, left of a chart's indented plot area: lines
    // within a quarter of the table's width beside it count.
    let margin = cfg.page.caption_margin_share * (t.bbox.x1 - t.bbox.x0);
    let reach = BBox::new(t.bbox.x0 - margin, t.bbox.y0, t.bbox.x1 + margin, t.bbox.y1);
    let above: Vec<&TextLine> = lines.iter().copied().filter(|l| l.bbox.y1 <= t.bbox.y0 + cfg.position_slack && l.bbox.x_overlap(&reach) > 0.0).collect();
    above.iter().filter(|l| t.bbox.y0 - l.bbox.y1 <= cfg.caption_distance).any(|&start| {
        let mut current = start;
        for _ in 0..cfg.page.caption_lines {
            if is_caption(current) {
                return true;
            }
            let h = current.bbox.height().max(1.0);
            match above
                .iter()
                .filter(|l| l.bbox.y1 <= current.bbox.y0 + cfg.page.caption_line_slack && current.bbox.y0 - l.bbox.y1 <= cfg.page.caption_line_gap * h)
                .max_by(|a, b| a.bbox.y1.total_cmp(&b.bbox.y1))
            {
                Some(prev) => current = prev,
                None => return false,
            }
        }
        false
    })
}

#[cfg(test)]
#[path = "page_tables_tests.rs"]
mod tests;
