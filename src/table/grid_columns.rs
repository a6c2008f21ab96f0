//! Column boundaries a ruled grid lacks. In: a grid and the page's glyphs. Out: the x of
//! whitespace gaps that the text lines inside a grid column share (vertical rules that are just
//! not drawn).

use super::chunk::{Chunk, chunks_of};
use super::config::TableConfig;
use super::ruling_grid::RulingGrid;
use crate::layout::{LayoutConfig, build_lines_from};
use crate::pdf::Glyph;

/// Column boundaries missing from a grid: inside each grid column, whitespace gaps shared by
/// the text lines that have several chunks there (at least `min_lines` of them, and no line
/// with a chunk across the gap).
pub fn missing_column_bounds(grid: &RulingGrid, glyphs: &[&Glyph], cfg: &TableConfig, layout: &LayoutConfig) -> Vec<f64> {
    let inside: Vec<&Glyph> = glyphs.iter().copied().filter(|g| grid.bbox.contains_point(g.bbox.center_x(), g.bbox.center_y())).collect();
    // Lines of the grid's own glyphs, not the page's lines clipped to the grid: page lines run
    // on beside the grid, and baselines and word gaps are found over all of a line's glyphs.
    let lines = build_lines_from(&inside, layout);
    let chunked: Vec<Vec<Chunk>> = lines.iter().map(|l| chunks_of(l, cfg)).collect();
    let mut extra = Vec::new();
    for c in 0..grid.xs.len() - 1 {
        let (l, r) = (grid.xs[c], grid.xs[c + 1]);
        let in_col: Vec<Vec<&Chunk>> = chunked
            .iter()
            .map(|cs| cs.iter().filter(|ch| ch.bbox.center_x() > l && ch.bbox.center_x() < r).collect::<Vec<_>>())
            .filter(|cs: &Vec<&Chunk>| !cs.is_empty())
            .collect();
        let multi = in_col.iter().filter(|cs| cs.len() >= 2).count();
        if multi < cfg.min_stream_rows || multi * 2 < in_col.len() {
            continue;
        }
        // Candidate gaps: between consecutive chunks of multi-chunk lines; keep those that no
        // chunk of any line in this column crosses.
        let mut gaps: Vec<(f64, f64)> = Vec::new();
        for cs in in_col.iter().filter(|cs| cs.len() >= 2) {
            let mut xs: Vec<(f64, f64)> = cs.iter().map(|ch| (ch.bbox.x0, ch.bbox.x1)).collect();
            xs.sort_by(|a, b| a.0.total_cmp(&b.0));
            for w in xs.windows(2) {
                gaps.push((w[0].1, w[1].0));
            }
        }
        let mut found: Vec<f64> = Vec::new();
        for (a, b) in gaps {
            // Narrow the gap to the part free of every chunk in the column.
            let (mut ga, mut gb) = (a, b);
            for ch in in_col.iter().flatten() {
                if ch.bbox.x1 <= ga || ch.bbox.x0 >= gb {
                    continue;
                }
                if ch.bbox.x0 <= ga && ch.bbox.x1 >= gb {
                    gb = ga; // crossed entirely
                    break;
                }
                if ch.bbox.x0 <= ga {
                    ga = ch.bbox.x1;
                } else {
                    gb = gb.min(ch.bbox.x0);
                }
            }
            if gb - ga >= cfg.min_gap_width {
                let mid = (ga + gb) / 2.0;
                if !found.iter().any(|f| (f - mid).abs() < cfg.min_gap_width * cfg.lattice.duplicate_bound_gaps) {
                    found.push(mid);
                }
            }
        }
        extra.extend(found);
    }
    extra
}
