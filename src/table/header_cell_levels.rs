//! A wide grid cell holding a header of several levels because neither its verticals nor the
//! rules between its levels are drawn. In: the text lines of one cell and the column boundaries
//! it spans. Out: the header's levels, each a list of (first column, columns spanned, text), or
//! None when the text does not read as captions over sub-columns.

use super::chunk::{BlockSpacing, Chunk, chunks_with_cuts};
use super::config::TableConfig;
use super::ruling_grid::slot;
use crate::layout::{TextLine, join_pieces};

/// One caption placed over the columns `first..=last` (relative to the cell's first column).
#[derive(Debug, Clone, PartialEq)]
struct Placed {
    first: usize,
    last: usize,
    texts: Vec<String>,
    /// Left and right edge of its ink on its first line.
    ink: (f64, f64),
}

impl Placed {
    fn overlaps(&self, o: &Placed) -> bool {
        self.first <= o.last && o.first <= self.last
    }
    fn same_columns(&self, o: &Placed) -> bool {
        self.first == o.first && self.last == o.last
    }
    fn contains(&self, o: &Placed) -> bool {
        self.first <= o.first && o.last <= self.last
    }
    fn spans(&self) -> bool {
        self.last > self.first
    }
}

/// The levels of a multi-level header set in one wide cell: each text line's chunks are placed
/// over the columns they cover; captions of different lines that share columns must nest (a
/// caption over sub-columns, or a caption wrapped over the same columns), and some caption must
/// stand over at least two captions of a line below it, or nothing says the lines are levels.
/// A line joins the level above when its captions all continue captions of that level (a
/// wrapped caption) or when neither the line nor the level spans columns; otherwise it starts a
/// level. `drawn_levels`: the number of grid rows the cell spans, when rules are drawn between
/// its levels; `spacing`, the word spacing of the grid's lines. None for a single level, a line of values (a row, not a header), or captions that
/// straddle each other's columns (text running across the cell).
pub(super) fn header_levels(lines: &[TextLine], xs: &[f64], drawn_levels: Option<usize>, spacing: &BlockSpacing, cfg: &TableConfig) -> Option<Vec<Vec<(usize, usize, String)>>> {
    // Levels need two lines, and a cell of two columns (a body row's wide cell is read often).
    if lines.len() < 2 || xs.len() < 3 {
        return None;
    }
    // Where the captions as chunked read as no levels, captions set no wider apart than a
    // word space may still be cut at column boundaries: where each piece is centred in its
    // own column ([`centred_pieces`]).
    levels_of_captions(lines, xs, drawn_levels, spacing, false, cfg).or_else(|| levels_of_captions(lines, xs, drawn_levels, spacing, true, cfg))
}

/// [`header_levels`] with the lines' chunks as captions, each chunk cut into its
/// [`centred_pieces`] when `split_centred`.
fn levels_of_captions(lines: &[TextLine], xs: &[f64], drawn_levels: Option<usize>, spacing: &BlockSpacing, split_centred: bool, cfg: &TableConfig) -> Option<Vec<Vec<(usize, usize, String)>>> {
    // Captions set a narrow gutter apart are cut where a column boundary lies in their gap
    // wider than the grid's word spaces (measured over all its lines: a header's lines may
    // show no word space of their own, only gutters).
    let cuts = &xs[1..xs.len() - 1];
    let mut placed_lines: Vec<Vec<Placed>> = Vec::with_capacity(lines.len());
    // The baseline of the last text line put into each entry of `placed_lines`.
    let mut baselines: Vec<f64> = Vec::with_capacity(lines.len());
    for line in lines {
        let mut placed: Vec<Placed> = Vec::new();
        let chunks = chunks_with_cuts(line, cfg, cuts, spacing);
        let chunks = if split_centred { chunks.into_iter().flat_map(|ch| centred_pieces(line, ch, xs, cfg)).collect() } else { chunks };
        for ch in chunks {
            if super::header::is_value_cell(&ch.text) && !super::header::is_column_number_cell(&ch.text) {
                return None;
            }
            let first = slot(xs, ch.bbox.x0 + cfg.lattice.edge_inset)?;
            let last = slot(xs, ch.bbox.x1 - cfg.lattice.edge_inset)?;
            let p = Placed { first, last, texts: vec![ch.text], ink: (ch.bbox.x0, ch.bbox.x1) };
            if placed.iter().any(|q| q.overlaps(&p)) {
                return None;
            }
            placed.push(p);
        }
        // A caption set between the lines of its neighbours (one line centred beside a wrapped
        // caption) sits less than a line below the line before it: with columns of its own,
        // it is on that line.
        let size = line.words.iter().map(|w| w.size).fold(0.0, f64::max);
        // (Not onto the wrapped line of a caption above: the line under "Central" reading
        // "government" is that caption's, whatever is set beside it.)
        let wrap_line = match placed_lines.as_slice() {
            [.., above, last] => continues(last, above),
            _ => false,
        };
        match (placed_lines.last_mut(), baselines.last_mut()) {
            (Some(prev), Some(base))
                if !wrap_line && line.baseline - *base < cfg.lattice.staggered_line_share * size && placed.iter().all(|p| prev.iter().all(|q| !q.overlaps(p))) =>
            {
                *base = line.baseline;
                prev.extend(placed);
                prev.sort_by_key(|p| p.first);
            }
            _ => {
                placed_lines.push(placed);
                baselines.push(line.baseline);
            }
        }
    }
    // A caption centred over sub-columns covers only the middle ones with its ink: it stands
    // over the group of captions below that it is centred on, and over the columns of every
    // caption below that it reaches into.
    for i in (0..placed_lines.len()).rev() {
        let (upper, below) = placed_lines.split_at_mut(i + 1);
        let groups: Vec<Option<(usize, usize)>> = upper[i].iter().map(|p| centred_group(p, &upper[i], below, cfg.lattice.centred_caption_share)).collect();
        for (p, group) in upper[i].iter_mut().zip(groups) {
            if let Some((first, last)) = group {
                p.first = p.first.min(first);
                p.last = p.last.max(last);
            }
            // (Each step widens the caption, so this ends within the cell's columns.)
            while let Some((first, last)) = below.iter().flatten().find(|q| q.overlaps(p) && !p.contains(q)).map(|q| (q.first, q.last)) {
                p.first = p.first.min(first);
                p.last = p.last.max(last);
            }
        }
        if upper[i].iter().enumerate().any(|(k, p)| upper[i][k + 1..].iter().any(|q| q.overlaps(p))) {
            return None;
        }
    }
    let all: Vec<(usize, &Placed)> = placed_lines.iter().enumerate().flat_map(|(i, ps)| ps.iter().map(move |p| (i, p))).collect();
    // Captions of different lines that share columns nest.
    let nested = all.iter().all(|(i, p)| all.iter().all(|(j, q)| i == j || !p.overlaps(q) || p.contains(q) || q.contains(p)));
    // Some caption stands over two or more captions of one line below it.
    let grouped = all.iter().any(|(i, p)| p.spans() && placed_lines.iter().skip(i + 1).any(|below| below.iter().filter(|q| p.contains(q) && !p.same_columns(q)).count() >= 2));
    if !nested || !grouped {
        return None;
    }
    let mut levels = group_levels(&placed_lines, false);
    // Rules drawn between the levels say how many there are: where the lines do not group
    // into that many, a line holding a caption's wrapped line beside captions in columns the
    // caption's level leaves empty is on that level ([`wraps_beside`]).
    if let Some(n) = drawn_levels.filter(|&n| n != levels.len()) {
        let joined = group_levels(&placed_lines, true);
        if joined.len() == n {
            levels = joined;
        }
    }
    if levels.len() < 2 {
        return None;
    }
    Some(
        levels
            .into_iter()
            .map(|mut level| {
                level.sort_by_key(|p| p.first);
                level.into_iter().map(|p| (p.first, p.last - p.first + 1, join_pieces(p.texts.iter().map(String::as_str)))).collect()
            })
            .collect(),
    )
}

/// The columns of the captions a short caption `p` is centred over, on the nearest line below
/// with a caption under `p`: a run of at least two captions (column numbers aside; years are
/// captions) filling the run's columns, whose ink reaches past `p`'s on both sides, whose
/// middle lies within `share` of the run's width of `p`'s centre, and over which `p` stands
/// alone on its own line (a line of single-column captions above their wrapped lines is no
/// group caption). The run reaches at most one column beyond `p`'s ink on either side (a
/// short caption covers the middle of its group, and a caption of one column can lie centred
/// over a whole line by chance), except over a series of years. The run nearest centred wins
/// (a caption whose ink reaches two columns is often centred over those two and the columns
/// either side alike: the run the centring fits best).
fn centred_group(p: &Placed, line: &[Placed], below: &[Vec<Placed>], share: f64) -> Option<(usize, usize)> {
    let lower = below.iter().find(|l| l.iter().any(|q| q.overlaps(p)))?;
    // A column number or footnote mark ("(1)") heads no group.
    if p.texts.iter().all(|t| super::header::is_column_number_cell(t)) {
        return None;
    }
    // (A year is a caption: "年份" over 2020 | 2021 | 2022.)
    let number = |t: &String| super::header::is_column_number_cell(t) && !crate::text::is_year_digits(t.trim());
    let mut caps: Vec<&Placed> = lower.iter().filter(|q| !q.texts.iter().all(number)).collect();
    caps.sort_by(|a, b| a.ink.0.total_cmp(&b.ink.0));
    let centre = (p.ink.0 + p.ink.1) / 2.0;
    // How far the middle of the run caps[a..=b] lies from `p`'s centre, when `p` may stand over
    // it (all but the reach: see below).
    let offset = |a: usize, b: usize| {
        let (lo, hi) = (caps[a].ink.0, caps[b].ink.1);
        let (first, last) = (caps[a].first, caps[b].last);
        let off = (centre - (lo + hi) / 2.0).abs();
        let alone = line.iter().all(|o| std::ptr::eq(o, p) || o.last < first || o.first > last);
        // (The run's captions fill its columns: a caption two lines set apart is no run.)
        let filled = (first..=last).all(|c| caps[a..=b].iter().any(|q| q.first <= c && c <= q.last));
        (lo <= p.ink.0 && p.ink.1 <= hi && off <= share * (hi - lo) && alone && filled).then_some(off)
    };
    let mut best: Option<(f64, usize, usize)> = None;
    for a in 0..caps.len() {
        for b in a + 1..caps.len() {
            let near = caps[a].first + 1 >= p.first && caps[b].last <= p.last + 1;
            let Some(off) = offset(a, b).filter(|_| near) else { continue };
            if best.as_ref().is_none_or(|&(d, _, _)| off < d) {
                best = Some((off, a, b));
            }
        }
    }
    let (_, mut a, mut b) = best?;
    // Years are one series: a short caption ("Year", "年份") centred over some of them stands
    // over all the years on either side that keep it centred, however far they reach.
    let year = |q: &Placed| q.texts.iter().all(|t| crate::text::is_year_digits(t.trim()));
    if caps[a..=b].iter().all(|q| year(q)) {
        while a > 0 && b + 1 < caps.len() && year(caps[a - 1]) && year(caps[b + 1]) && offset(a - 1, b + 1).is_some() {
            a -= 1;
            b += 1;
        }
    }
    Some((caps[a].first, caps[b].last))
}

/// Every caption of `line` stands over the same columns as a caption of `above`: the line
/// only continues those captions (their wrapped lines).
fn continues(line: &[Placed], above: &[Placed]) -> bool {
    line.iter().all(|p| above.iter().any(|q| q.same_columns(p)))
}

/// `ch` (a chunk of `line`) cut at the column boundaries that lie in gaps between its words,
/// when that makes several pieces, each inside one column and centred in it (within
/// `centred_caption_share` of the column's width): sub-captions set no wider apart than a
/// word space ("Dự toán sau điều chỉnh Chi thường xuyên"). Else `ch` alone. (A caption over
/// two columns cut at a word gap leaves pieces against the boundary, off their columns'
/// middles.)
fn centred_pieces(line: &TextLine, ch: Chunk, xs: &[f64], cfg: &TableConfig) -> Vec<Chunk> {
    let words: Vec<&crate::layout::Word> = line.words.iter().filter(|w| w.bbox.center_x() >= ch.bbox.x0 && w.bbox.center_x() <= ch.bbox.x1).collect();
    let mut pieces: Vec<Chunk> = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let at_cut = k > 0 && xs.iter().any(|&x| words[k - 1].bbox.x1 < x && w.bbox.x0 > x);
        match pieces.last_mut() {
            Some(last) if !at_cut => last.append(&w.text, &w.bbox),
            _ => pieces.push(Chunk { text: w.text.to_string(), bbox: w.bbox }),
        }
    }
    let centred = |p: &Chunk| {
        let col = slot(xs, p.bbox.x0 + cfg.lattice.edge_inset);
        col.is_some_and(|c| {
            let width = xs[c + 1] - xs[c];
            col == slot(xs, p.bbox.x1 - cfg.lattice.edge_inset) && (p.bbox.center_x() - (xs[c] + xs[c + 1]) / 2.0).abs() <= cfg.lattice.centred_caption_share * width
        })
    };
    if pieces.len() >= 2 && pieces.iter().all(centred) { pieces } else { vec![ch] }
}

/// The placed lines grouped into levels: a line joins the level above when its captions all
/// continue captions of that level, when neither the line nor the level spans columns, or
/// (with `beside`) when it [`wraps_beside`] that level.
fn group_levels(placed_lines: &[Vec<Placed>], beside: bool) -> Vec<Vec<Placed>> {
    let mut levels: Vec<Vec<Placed>> = Vec::new();
    for line in placed_lines.iter().filter(|l| !l.is_empty()) {
        if let Some(level) = levels.last_mut() {
            let flat = !line.iter().any(Placed::spans) && !level.iter().any(Placed::spans);
            if continues(line, level) || flat || (beside && wraps_beside(line, level)) {
                for p in line {
                    join_caption(level, p.clone());
                }
                continue;
            }
        }
        levels.push(line.clone());
    }
    levels
}

/// Some caption of `line` continues a caption of `above` (its wrapped line) and the others
/// stand in columns `above` leaves empty: captions set centred down the header's height beside
/// a wrapped group caption ("Nội dung" and "Tổng số" on the line of "ương" under "Ngân sách
/// Trung") are on the level of that caption.
fn wraps_beside(line: &[Placed], above: &[Placed]) -> bool {
    line.iter().any(|p| above.iter().any(|q| q.same_columns(p))) && line.iter().all(|p| above.iter().all(|q| q.same_columns(p) || !q.overlaps(p)))
}

/// Add `p` to a level: to the caption it shares columns with (widened to cover both), or as a
/// caption of its own.
fn join_caption(level: &mut Vec<Placed>, p: Placed) {
    match level.iter_mut().find(|q| q.overlaps(&p)) {
        Some(q) => {
            q.first = q.first.min(p.first);
            q.last = q.last.max(p.last);
            q.texts.extend(p.texts);
        }
        None => level.push(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{LayoutConfig, build_lines_from};
    use crate::pdf::Glyph;
    use crate::table::test_glyphs::text_at;

    /// A caption over `n` columns from column `a`.
    fn cap(a: usize, n: usize, t: &str) -> (usize, usize, String) {
        (a, n, t.to_string())
    }

    fn levels_of(texts: &[(&str, f64, f64)], xs: &[f64]) -> Option<Vec<Vec<(usize, usize, String)>>> {
        levels_drawn(texts, xs, None)
    }

    /// The levels of a cell spanning `drawn` grid rows (rules drawn between its levels).
    fn levels_drawn(texts: &[(&str, f64, f64)], xs: &[f64], drawn: Option<usize>) -> Option<Vec<Vec<(usize, usize, String)>>> {
        let g: Vec<Glyph> = texts.iter().flat_map(|(t, x, y)| text_at(t, *x, *y)).collect();
        let refs: Vec<&Glyph> = g.iter().collect();
        let lines = build_lines_from(&refs, &LayoutConfig::default());
        let cfg = TableConfig::default();
        header_levels(&lines, xs, drawn, &BlockSpacing::of(lines.iter(), &cfg), &cfg)
    }

    #[test]
    fn captions_over_sub_columns_become_levels() {
        // Columns 0..5 between these boundaries: Description | Total | Capital | Transfers |
        // Revised | Current. "Local government" centred over the last four (its ink covers
        // the middle two), "Funding source" over two of them and "Other funds" (wrapped over two
        // lines) over the other two.
        let xs = [0.0, 100.0, 150.0, 200.0, 250.0, 300.0, 350.0];
        let got = levels_of(
            &[
                ("Local government", 218.0, 8.0),
                ("Description", 20.0, 20.0),
                ("Total", 110.0, 20.0),
                ("Funding source", 172.0, 20.0),
                ("Other", 290.0, 20.0),
                ("funds", 290.0, 32.0),
                ("Capital", 160.0, 44.0),
                ("Transfers", 205.0, 44.0),
                ("Revised", 255.0, 44.0),
                ("Current", 305.0, 44.0),
            ],
            &xs,
        )
        .expect("levels");
        assert_eq!(
            got,
            vec![
                vec![cap(2, 4, "Local government")],
                vec![cap(0, 1, "Description"), cap(1, 1, "Total"), cap(2, 2, "Funding source"), cap(4, 2, "Other funds")],
                vec![cap(2, 1, "Capital"), cap(3, 1, "Transfers"), cap(4, 1, "Revised"), cap(5, 1, "Current")],
            ]
        );
    }

    #[test]
    fn a_caption_reaching_two_columns_stands_over_the_run_it_is_centred_on() {
        // Item | Total | Capital | Estimate | Budget: "Funding source" (56 pt) is wider than
        // "Estimate", so its ink reaches into Budget's column, yet it is centred over Capital |
        // Estimate | Budget: it stands over all three.
        let xs = [0.0, 100.0, 150.0, 200.0, 250.0, 300.0];
        let got = levels_of(
            &[("Funding source", 201.0, 8.0), ("Item", 5.0, 20.0), ("Total", 110.0, 20.0), ("Capital", 160.0, 32.0), ("Estimate", 205.0, 32.0), ("Budget", 274.0, 32.0)],
            &xs,
        );
        assert_eq!(
            got,
            Some(vec![vec![cap(2, 3, "Funding source")], vec![cap(0, 1, "Item"), cap(1, 1, "Total"), cap(2, 1, "Capital"), cap(3, 1, "Estimate"), cap(4, 1, "Budget")]])
        );
        // A run must fill its columns: with Budget a line lower than Capital, Estimate and
        // Remarks (no caption in its column on their line), the caption stands over the
        // columns its ink reaches, not over Capital … Remarks.
        let xs = [0.0, 100.0, 150.0, 200.0, 250.0, 300.0, 350.0];
        let got = levels_of(
            &[("Funding source", 201.0, 8.0), ("Capital", 160.0, 20.0), ("Estimate", 205.0, 20.0), ("Remarks", 305.0, 20.0), ("2024", 205.0, 32.0), ("Budget", 262.0, 32.0)],
            &xs,
        );
        assert_eq!(got, Some(vec![vec![cap(3, 2, "Funding source")], vec![cap(2, 1, "Capital"), cap(3, 1, "Estimate 2024"), cap(4, 1, "Budget"), cap(5, 1, "Remarks")]]));
    }

    #[test]
    fn a_caption_reaching_two_columns_stands_over_the_run_best_centred_under_it() {
        // Item | Outturn | Transfers | Adjustment | Total: "Breakdown" reaches Transfers and
        // Adjustment and is centred over those two (2.5 pt off) and over all four (0 pt off):
        // it stands over all four, not the narrower pair.
        let xs = [0.0, 100.0, 150.0, 200.0, 250.0, 300.0];
        let got = levels_of(
            &[("Breakdown", 187.0, 8.0), ("Item", 5.0, 20.0), ("Outturn", 115.0, 20.0), ("Transfers", 160.0, 20.0), ("Adjustment", 205.0, 20.0), ("Total", 275.0, 20.0)],
            &xs,
        );
        assert_eq!(
            got,
            Some(vec![vec![cap(1, 4, "Breakdown")], vec![cap(0, 1, "Item"), cap(1, 1, "Outturn"), cap(2, 1, "Transfers"), cap(3, 1, "Adjustment"), cap(4, 1, "Total")]])
        );
    }

    #[test]
    fn a_caption_centred_over_years_stands_over_them() {
        // "年份" centred over 2020 | 2021 | 2022 (years are captions, not column numbers).
        let got = levels_of(&[("年份", 59.0, 8.0), ("2020", 5.0, 20.0), ("2021", 55.0, 20.0), ("2022", 105.0, 20.0)], &[0.0, 50.0, 100.0, 150.0]);
        assert_eq!(got, Some(vec![vec![cap(0, 3, "年份")], vec![cap(0, 1, "2020"), cap(1, 1, "2021"), cap(2, 1, "2022")]]));
    }

    #[test]
    fn a_short_caption_centred_over_a_series_of_years_stands_over_all_of_it() {
        // Item | 2018 … 2022 | Change (%): "Year" (16 pt) centred over the five years lies in
        // the middle year's column; it stands over the whole series, not only over the three
        // columns next to its ink (2018 and 2022 are no captions of their own).
        let xs = [0.0, 100.0, 150.0, 200.0, 250.0, 300.0, 350.0, 420.0];
        let mut texts = vec![("Year", 220.0, 8.0), ("Item", 5.0, 20.0), ("Change (%)", 355.0, 20.0)];
        let years = ["2018", "2019", "2020", "2021", "2022"];
        texts.extend(years.iter().enumerate().map(|(k, y)| (*y, 120.0 + 50.0 * k as f64, 20.0)));
        let got = levels_of(&texts, &xs).expect("levels");
        let mut lower = vec![cap(0, 1, "Item")];
        lower.extend(years.iter().enumerate().map(|(k, y)| cap(k + 1, 1, y)));
        lower.push(cap(6, 1, "Change (%)"));
        assert_eq!(got, vec![vec![cap(1, 5, "Year")], lower]);
    }

    #[test]
    fn a_short_caption_centred_over_its_group_stands_over_the_group() {
        // "of which" (32 pt) centred over Current | Transfers | Revised (columns 2..4 of 50 pt
        // each): its ink lies in the middle column only. "Function" and "Total" sit beside it
        // on a line of their own.
        let xs = [0.0, 100.0, 150.0, 200.0, 250.0, 300.0];
        let got = levels_of(
            &[
                ("of which", 209.0, 8.0),
                ("Function", 20.0, 20.0),
                ("Total", 110.0, 20.0),
                ("Current", 161.0, 32.0),
                ("Transfers", 207.0, 32.0),
                ("Revised", 261.0, 32.0),
            ],
            &xs,
        )
        .expect("levels");
        // (The lines below it are one level: none spans columns.)
        assert_eq!(got, vec![vec![cap(2, 3, "of which")], vec![cap(0, 1, "Function"), cap(1, 1, "Total"), cap(2, 1, "Current"), cap(3, 1, "Transfers"), cap(4, 1, "Revised")]]);
        // With a caption beside it on its line, over the same run, it is a caption of one
        // column: one level.
        let beside = levels_of(&[("of which", 209.0, 8.0), ("Other", 262.0, 8.0), ("Current", 161.0, 32.0), ("Transfers", 207.0, 32.0), ("Revised", 261.0, 32.0)], &xs);
        assert_eq!(beside, None);
    }

    #[test]
    fn a_caption_set_between_the_lines_of_a_wrapped_neighbour_is_on_their_level() {
        // "Funds" over columns 2 and 3; "Budget / 2025" wrapped in column 3, and "Actual"
        // (with "Item" and "Total") centred between its lines, 5.5 pt under "Budget" (8 pt
        // text, lines 12 pt apart).
        let xs = [0.0, 100.0, 150.0, 200.0, 250.0];
        let got = levels_of(
            &[("Funds", 190.0, 8.0), ("Budget", 213.0, 22.0), ("Item", 5.0, 27.5), ("Total", 110.0, 27.5), ("Actual", 163.0, 27.5), ("2025", 217.0, 34.0)],
            &xs,
        );
        assert_eq!(got, Some(vec![vec![cap(2, 2, "Funds")], vec![cap(0, 1, "Item"), cap(1, 1, "Total"), cap(2, 1, "Actual"), cap(3, 1, "Budget 2025")]]));
        // A caption's wrapped line ("government" under "Central") keeps to its caption, with
        // a line set just under it beside.
        let got = levels_of(
            &[("Central", 186.0, 8.0), ("government", 180.0, 19.0), ("Item", 5.0, 22.4), ("Total", 110.0, 22.4), ("Estimate", 152.0, 34.0), ("Actual", 205.0, 34.0)],
            &xs,
        );
        assert_eq!(got, Some(vec![vec![cap(2, 2, "Central government")], vec![cap(0, 1, "Item"), cap(1, 1, "Total"), cap(2, 1, "Estimate"), cap(3, 1, "Actual")]]));
    }

    #[test]
    fn captions_beside_the_wrapped_line_of_a_group_caption_are_on_its_level() {
        // "Ngân sách Trung / ương" over columns 2 and 3, its wrapped line on the line of
        // "Nội dung" and "Tổng số" (set centred down the header's height), in a cell spanning
        // two grid rows (a short rule under the group caption): those two head columns of
        // their own on the group caption's level, not a level between it and the captions
        // under it.
        let xs = [0.0, 100.0, 150.0, 200.0, 250.0];
        let texts = [("Ngân sách Trung", 170.0, 8.0), ("Nội dung", 20.0, 20.0), ("Tổng số", 110.0, 20.0), ("ương", 192.0, 20.0), ("Quyết toán", 155.0, 32.0), ("Tổng số", 210.0, 32.0)];
        assert_eq!(
            levels_drawn(&texts, &xs, Some(2)),
            Some(vec![vec![cap(0, 1, "Nội dung"), cap(1, 1, "Tổng số"), cap(2, 2, "Ngân sách Trung ương")], vec![cap(2, 1, "Quyết toán"), cap(3, 1, "Tổng số")]])
        );
        // Without rules saying how many levels there are, a line under a caption over the
        // same columns may be a sub-caption of the same name ("Nguồn vốn" over "Nguồn vốn |
        // Trong đó"): its own level.
        assert_eq!(levels_of(&texts, &xs).map(|l| l.len()), Some(3));
    }

    #[test]
    fn captions_a_gutter_apart_split_against_the_word_spaces_of_the_whole_grid() {
        // "Current" and "Transfers" (one word each) set 6 pt apart across the boundary at 200
        // under "Funds": in the header cell alone that gap is the narrowest word space seen;
        // the body's labels show spaces of 4 pt, so it is a gutter.
        let xs = [0.0, 100.0, 150.0, 200.0, 250.0];
        let header = [("Funds", 190.0, 8.0), ("Item", 5.0, 20.0), ("Total", 110.0, 20.0), ("Current", 170.0, 20.0), ("Transfers", 204.0, 20.0)];
        let glyphs = |texts: &[(&str, f64, f64)]| texts.iter().flat_map(|(t, x, y)| text_at(t, *x, *y)).collect::<Vec<Glyph>>();
        let (head, body) = (glyphs(&header), glyphs(&[("Housing and community", 5.0, 40.0)]));
        let layout = LayoutConfig::default();
        let cfg = TableConfig::default();
        let lines = build_lines_from(&head.iter().collect::<Vec<_>>(), &layout);
        let grid_lines = build_lines_from(&head.iter().chain(&body).collect::<Vec<_>>(), &layout);
        let got = header_levels(&lines, &xs, None, &BlockSpacing::of(grid_lines.iter(), &cfg), &cfg);
        assert_eq!(got, Some(vec![vec![cap(2, 2, "Funds")], vec![cap(0, 1, "Item"), cap(1, 1, "Total"), cap(2, 1, "Current"), cap(3, 1, "Transfers")]]));
        // (Against the header's own spaces, the two captions are one.)
        assert_eq!(levels_of(&header, &xs), None);
    }

    #[test]
    fn sub_captions_a_word_space_apart_centred_in_their_columns_are_cut_apart() {
        // "Funding" over Current | Capital | Transfers, each centred in a column just wider
        // than it, set a word space (4 pt) apart: one chunk, cut at the column boundaries in
        // its gaps because each piece is centred in its own column.
        let xs = [0.0, 100.0, 132.0, 164.0, 204.0];
        let got = levels_of(&[("Funding", 138.0, 8.0), ("Item", 5.0, 20.0), ("Current", 102.0, 20.0), ("Capital", 134.0, 20.0), ("Transfers", 166.0, 20.0)], &xs);
        assert_eq!(got, Some(vec![vec![cap(1, 3, "Funding")], vec![cap(0, 1, "Item"), cap(1, 1, "Current"), cap(2, 1, "Capital"), cap(3, 1, "Transfers")]]));
        // Pieces against a boundary, off their columns' middles, are one caption's words.
        let xs = [0.0, 100.0, 150.0, 200.0];
        let got = levels_of(&[("Funding", 138.0, 8.0), ("Item", 5.0, 20.0), ("Current", 118.0, 20.0), ("Capital", 152.0, 20.0)], &xs);
        assert_eq!(got, None);
    }

    #[test]
    fn a_header_of_one_level_or_running_text_gives_no_levels() {
        let xs = [0.0, 100.0, 150.0, 200.0];
        // Captions of single columns on two lines (wrapped): one level.
        assert_eq!(levels_of(&[("Planned", 110.0, 8.0), ("Actual", 160.0, 8.0), ("2024", 110.0, 20.0), ("2024", 160.0, 20.0)], &xs), None);
        // A note wrapped across the cell: the lines share columns without one standing over
        // captions of another.
        assert_eq!(levels_of(&[("Amounts in thousands of dollars", 5.0, 8.0), ("unless stated", 5.0, 20.0)], &xs), None);
        // A line of values is a row, not a header level.
        assert_eq!(levels_of(&[("Funding source", 105.0, 8.0), ("1,200", 110.0, 20.0), ("3,400", 160.0, 20.0)], &xs), None);
    }
}
