//! Grid cells that hold several cells' text because rules are missing. In: the glyphs of one
//! grid cell (or one grid row) and the boundaries it spans. Out: the texts per column group
//! (a wide cell), per row (a tall cell) or the rows of a band (a grid row holding several text
//! rows), or None when the text reads as one cell.

use super::cell_text::cell_text;
use super::chunk::{BlockSpacing, chunks_of, fine_chunks, is_amount_note, text_chunks_with_cuts};
use super::config::TableConfig;
use super::ruling_grid::slot;
use super::model::{TableCell, TableRow};
use crate::layout::{LayoutConfig, TextLine, build_lines_from, join_pieces};
use crate::pdf::{BBox, Glyph};

/// Rows of a band (one grid row) that holds several rows of the table because the rules
/// between them are not drawn: when some column has values on at least two text lines, each
/// line is a row (wrapped labels joined as in unruled tables). None otherwise.
pub(super) fn split_band(glyphs: &[&Glyph], xs: &[f64], page: usize, cfg: &TableConfig, layout: &LayoutConfig) -> Option<Vec<TableRow>> {
    // Built from the band's glyphs, not selected from the page's lines: a page line runs on
    // beside the grid and its baseline clustering and word gaps depend on all the page's
    // glyphs, so the band's own lines can differ from any selection of page lines.
    let lines = build_lines_from(glyphs, layout);
    if lines.len() < 2 || lines.iter().any(|l| !l.upright) {
        return None;
    }
    let n = xs.len() - 1;
    let placed: Vec<Vec<(usize, String)>> = lines
        .iter()
        .map(|l| {
            chunks_of(l, cfg)
                .into_iter()
                .filter_map(|ch| slot(xs, ch.bbox.x0 + cfg.lattice.edge_inset).map(|c| (c, ch.text)))
                .collect()
        })
        .collect();
    let value_lines_per_col = (0..n)
        .map(|c| placed.iter().filter(|p| p.iter().any(|(col, t)| *col == c && crate::text::is_value_like(t))).count())
        .max()
        .unwrap_or(0);
    if value_lines_per_col < cfg.stream.min_value_lines_per_band {
        return None;
    }
    let mut rows: Vec<TableRow> = Vec::new();
    for (line, cells) in lines.iter().zip(placed) {
        let mut row = TableRow::new(page, line.bbox.y0, line.bbox.y1, vec![TableCell::blank(); n]);
        for (c, t) in cells {
            row.cells[c].text = join_pieces([row.cells[c].text.as_str(), t.as_str()]);
        }
        rows.push(row);
    }
    // Wrapped labels join their rows as in unruled tables.
    Some(super::stream_rows::merge_wrapped_lines(rows, cfg))
}

/// Text per row of a cell spanning the rows between `ys`, when its text lines each lie inside
/// one row and at least three rows get text; None when the text reads as one tall cell (lines
/// of a wrapped paragraph do not keep to the rows' pitch). `lines` are the text lines built
/// from exactly `glyphs`.
pub(super) fn split_by_rows(glyphs: &[&Glyph], lines: &[TextLine], ys: &[f64], cfg: &TableConfig, layout: &LayoutConfig) -> Option<Vec<String>> {
    let n = ys.len() - 1;
    let mut parts: Vec<Vec<&Glyph>> = vec![Vec::new(); n];
    for line in lines {
        let tol = cfg.lattice.row_overlap_share * line.bbox.height();
        let r = slot(ys, (line.bbox.y0 + line.bbox.y1) / 2.0)?;
        if line.bbox.y0 < ys[r] - tol || line.bbox.y1 > ys[r + 1] + tol || !line.upright {
            return None;
        }
        if !parts[r].is_empty() {
            return None;
        }
        // The row's text from the glyphs within the line's height, read as a cell of their own
        // (not the line's text: a glyph of another line may reach into this height).
        parts[r] = glyphs.iter().copied().filter(|g| g.bbox.center_y() >= line.bbox.y0 && g.bbox.center_y() <= line.bbox.y1).collect();
    }
    if parts.iter().filter(|p| !p.is_empty()).count() < cfg.lattice.min_split_rows {
        return None;
    }
    Some(parts.iter().map(|p| cell_text(p, layout)).collect())
}

/// Text per column group of a cell spanning the columns between `xs`, when its text falls
/// apart into chunks over at least two separate groups of columns: (first column, columns
/// spanned, text) per group. A chunk may span several columns (a date centred over its
/// "$000's | %" pair); chunks whose column ranges overlap without being equal mean the text
/// spans the cell: None. `lines` are the text lines built from exactly the cell's glyphs;
/// `cuts` are the boundaries inside the cell where text may be cut between words (of columns
/// that hold text of their own elsewhere in the grid), `spacing` the word spacing of the whole
/// grid's lines (its left text edges show where text columns start in every row).
/// `unruled_edges` is given when no vertical rule is drawn at any of the cell's inner
/// boundaries anywhere in the grid: the left edges of the grid's chunks of text. In a cell of
/// captions only, a caption centred over its columns and an empty neighbour spans both.
pub(super) fn split_by_columns(lines: &[TextLine], xs: &[f64], cuts: &[f64], unruled_edges: Option<&[f64]>, spacing: &BlockSpacing, cfg: &TableConfig) -> Option<Vec<(usize, usize, String)>> {
    let mut groups: Vec<(usize, usize, Vec<String>, BBox)> = Vec::new();
    let mut left = f64::MAX;
    for line in lines {
        // Texts set a narrow gutter apart are cut where a column boundary lies in their gap; a
        // line with values splits at its cell edges too: amounts set a narrow gutter apart are
        // one chunk at the column gap ("766,63 218 893,55").
        // (Two amounts set a word space apart, "2 725 170 432 −7 791 842 000", are one chunk
        // but two values; a note on an amount is no second value.)
        let values = |cs: &[super::chunk::Chunk]| cs.iter().filter(|c| super::header::is_value_cell(&c.text) && !is_amount_note(&c.text)).count();
        let valued = values(&chunks_of(line, cfg)) >= 1 || values(&fine_chunks(line, cfg, Some(spacing))) >= 2;
        let chunks = text_chunks_with_cuts(line, cfg, cuts, spacing, valued);
        for ch in chunks {
            left = left.min(ch.bbox.x0);
            let a = slot(xs, ch.bbox.x0 + cfg.lattice.edge_inset)?;
            let b = slot(xs, ch.bbox.x1 - cfg.lattice.edge_inset)?;
            // (An amount that only grazes a boundary, its minus sign poking into the gutter,
            // stays in its column; text across a boundary is one cell's.)
            let (a, b) = if super::header::is_value_cell(&ch.text) { super::stream_columns::chunk_columns(xs, &ch.bbox, &cfg.stream) } else { (a, b) };
            match groups.iter_mut().find(|(ga, gb, ..)| *ga <= b && a <= *gb) {
                Some((ga, gb, texts, bbox)) if *ga == a && *gb == b => {
                    texts.push(ch.text);
                    *bbox = bbox.union(&ch.bbox);
                }
                Some(_) => return None,
                None => groups.push((a, b, vec![ch.text], ch.bbox)),
            }
        }
    }
    // One group is a split only when the cell is not drawn as merged (its inner boundaries
    // are white space throughout the grid) and the text leaves some of its columns empty: a
    // label starting in the cell's first column or where other rows' texts start (a
    // row-group heading in a grid missing its inner verticals), or an amount (beside an empty
    // cell, in its own column). A caption centred in the cell spans it.
    let one_of_several = match (unruled_edges, &groups[..]) {
        (Some(edges), [(a, b, texts, _)]) if b - a + 2 < xs.len() => {
            let aligned = edges.iter().filter(|&&x| (x - left).abs() <= cfg.position_slack).count() > cfg.min_stream_rows;
            let amount = texts.first().and_then(|t| t.split_whitespace().next()).is_some_and(super::header::is_value_cell);
            *a == 0 || aligned || amount
        }
        _ => false,
    };
    if groups.len() < 2 && !one_of_several {
        return None;
    }
    groups.sort_by_key(|g| g.0);
    let ends: Vec<(usize, usize)> = groups.iter().map(|g| (g.0, g.1)).collect();
    // Captions may be centred over columns they leave empty in a cell of captions only (in a
    // cell with a value, text is a label that starts in its column).
    let captions_only = !groups.iter().flat_map(|g| &g.2).any(|t| t.split_whitespace().any(super::header::is_value_cell));
    Some(
        groups
            .into_iter()
            .enumerate()
            .map(|(k, (a, b, texts, bbox))| {
                let text = join_pieces(texts.iter().map(String::as_str));
                // Columns no other group of the cell's text reaches.
                let free_from = k.checked_sub(1).map_or(0, |j| ends[j].1 + 1);
                let free_to = ends.get(k + 1).map_or(xs.len().saturating_sub(2), |e| e.0.saturating_sub(1));
                let centred = captions_only.then(|| centred_over_neighbour(a, b, &text, &bbox, xs, (free_from, free_to), cfg)).flatten();
                let (a, b) = centred.unwrap_or((a, b));
                (a, b - a + 1, text)
            })
            .collect(),
    )
}

/// Columns `a..=b` widened by one free neighbour (within `free`, columns between `xs`) when
/// the caption `text` at `bbox` is centred over the pair and not over its own columns: within
/// `centred_caption_slack` sizes of the pair's middle and `centred_caption_ratio` times nearer
/// it than its own columns' middle ("Revenue" centred over Item | Budget, where no vertical
/// rule is drawn). Values and text in lower case run on from a label: never captions.
fn centred_over_neighbour(a: usize, b: usize, text: &str, bbox: &BBox, xs: &[f64], free: (usize, usize), cfg: &TableConfig) -> Option<(usize, usize)> {
    if super::header::is_value_cell(text) || !super::stream_columns::names_a_column(text) {
        return None;
    }
    let centre = bbox.center_x();
    let off = |x: usize, y: usize| (centre - (xs[x] + xs[y + 1]) / 2.0).abs();
    let own = off(a, b);
    let slack = cfg.stream.centred_caption_slack * bbox.height();
    let left = a.checked_sub(1).filter(|&l| l >= free.0).map(|l| (l, b));
    let right = (b < free.1 && b + 2 < xs.len()).then_some((a, b + 1));
    [left, right]
        .into_iter()
        .flatten()
        .map(|(x, y)| (off(x, y), (x, y)))
        .filter(|&(d, _)| d <= slack && cfg.stream.centred_caption_ratio * d < own)
        .min_by(|p, q| p.0.total_cmp(&q.0))
        .map(|(_, r)| r)
}

#[cfg(test)]
#[path = "cell_split_tests.rs"]
mod tests;
