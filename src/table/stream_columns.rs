//! Columns of an unruled table. In: a block of chunked lines. Out: column boundaries (from the
//! x-occupancy of chunks, sliver columns merged), each column's content range, and one row per
//! line with its chunks placed in the columns they cover (spanning where a chunk crosses a
//! boundary).

use super::chunk::{Chunk, ChunkedLine};
use super::config::{StreamConfig, TableConfig};
use super::model::{TableCell, TableRow};
use crate::layout::join_pieces;
use crate::pdf::BBox;

/// Column separators from the x-occupancy of chunks: x positions covered by (almost) no
/// chunk of the block's multi-chunk lines. Occupancy is measured exactly (a sweep over the
/// chunks' edges), so a gutter of a third of an em at small sizes is not lost to rounding.
///
/// Once two value lines show the body's columns, a header chunk (a multi-chunk line above the
/// first value line) neither bridges nor narrows a gap that the body leaves open between
/// values: a caption spans the columns below ("Year" over 2020 and 2021), and a caption wider
/// than its right-aligned amounts reaches into the gutters beside them. Header chunks still
/// close the parts of other gaps they sit in (a column that only the header and the wrapped
/// lines show). A caption does not bridge the gaps between the captions under it, and a
/// caption of the lowest header level set clear inside a gap between two captioned value
/// columns names a column of its own, one the body leaves blank.
pub(super) fn column_bounds(infos: &[&ChunkedLine<'_>], x0: f64, x1: f64, cfg: &TableConfig) -> Vec<f64> {
    let multi: Vec<&&ChunkedLine<'_>> = infos.iter().filter(|i| i.chunks.len() >= 2).collect();
    // Headers and titles may cross a gap; tolerate a few crossings.
    let allowed = ((multi.len() as f64) * cfg.gap_crossing_share).floor() as usize;
    let span = |c: &super::chunk::Chunk| (c.bbox.x0.max(x0), c.bbox.x1.min(x1));
    // (A column-number row, "A B 1 2", is a header line: its numbers sit centred, not where
    // the column's values sit.)
    let has_value = |l: &ChunkedLine<'_>| has_body_value(l, &cfg.stream);
    let header_lines = if multi.iter().filter(|l| has_value(l)).count() >= 2 { multi.iter().take_while(|l| !has_value(l)).count() } else { 0 };
    let body_lines = &multi[header_lines..];
    let body: Vec<(f64, f64)> = body_lines.iter().flat_map(|i| i.chunks.iter()).map(span).collect();
    let is_value = |c: &super::chunk::Chunk| super::header::is_value_cell(&c.text);
    // Lines of one chunk: wrapped cell lines, headings.
    let one_chunk: Vec<(f64, f64)> = infos.iter().filter(|i| i.chunks.len() == 1).map(|i| span(&i.chunks[0])).collect();
    // Gaps between two values on at least two lines: those a caption spans ("Year" over two
    // value columns; a gap inside a text column of few lines may be a word space that happens
    // to line up). So are gaps between a name and its value on at least two lines that no
    // line of one chunk reaches into ("Expenditure" over a name column and its amounts; the
    // wrapped lines of a text column between a label and its value fill such a gap).
    let between_values = |&&(g0, g1): &&(f64, f64)| {
        let sides = |l: &ChunkedLine<'_>| match (l.chunks.iter().rfind(|c| c.bbox.x1 <= g0), l.chunks.iter().find(|c| c.bbox.x0 >= g1)) {
            (Some(a), Some(b)) => (is_value(a) as u8) + (is_value(b) as u8),
            _ => 0,
        };
        let count = |least: u8| body_lines.iter().filter(|l| sides(l) >= least).count();
        let filled = || one_chunk.iter().any(|&(a, b)| a < g1 && b > g0);
        count(2) >= 2 || (count(1) >= 2 && !filled())
    };
    let body_gaps: Vec<(f64, f64)> = open_stretches(&body, allowed.saturating_sub(header_lines)).iter().filter(between_values).copied().collect();
    // Nor does a caption bridge the gaps between the captions it stands over on a lower header
    // line ("Ngân sách địa phương" over "Quyết toán" and "Điều chỉnh", a column the body
    // leaves blank). Captions are a few words: a line of a sentence above the table, broken at
    // a wide word space, stands over nothing.
    let header = &multi[..header_lines];
    let caption_line = |l: &ChunkedLine<'_>| l.chunks.iter().all(|c| c.text.split_whitespace().count() <= cfg.stream.max_caption_words);
    let caption_gaps = |k: usize, (a, b): (f64, f64)| -> Vec<(f64, f64)> {
        let mut gaps = Vec::new();
        if !caption_line(header[k]) {
            return gaps;
        }
        for l in &header[k + 1..] {
            let under: Vec<(f64, f64)> = l.chunks.iter().map(span).filter(|&(x, y)| x < b && y > a).collect();
            if under.len() >= 2 {
                gaps.extend(under.windows(2).map(|w| (w[0].1, w[1].0)).filter(|&(g0, g1)| g1 > g0));
            }
        }
        gaps
    };
    // A caption of the header's lowest level (no caption under it) set clear inside a gap
    // between values names a column the body leaves blank ("Điều chỉnh" between "Tổng số" and
    // "Vốn nước ngoài"): it narrows the gap to the stretches beside it.
    // (A column-number row under it is no caption level; but under such a row a blank column
    // has its number, centred under its caption and clear inside the gap too: "2" under
    // "Outturn". `numbers_under`: the numbers under a caption, None without such a row.)
    let numbers_row = |l: &ChunkedLine<'_>| l.chunks.iter().all(|q| super::header::is_column_number_cell(&q.text));
    let lowest = |k: usize, (a, b): (f64, f64)| header[k + 1..].iter().filter(|l| !numbers_row(l)).all(|l| l.chunks.iter().map(span).all(|(x, y)| y <= a || x >= b));
    let numbers_under = |k: usize, (a, b): (f64, f64)| -> Option<Vec<(f64, f64)>> {
        let rows: Vec<&&&ChunkedLine<'_>> = header[k + 1..].iter().filter(|l| numbers_row(l)).collect();
        (!rows.is_empty()).then(|| rows.iter().flat_map(|l| l.chunks.iter().map(span)).filter(|&(x, y)| y > a && x < b).collect())
    };
    // The columns on both sides of the gap have captions of their own (a caption wider than the
    // narrow values under it, "Change (%)" over "3,1", is no blank column beside them).
    // (A column number is no such caption: "2" centred under "Actual 2024" numbers the values
    // right of the gap.)
    let captioned = |(l, r): (f64, f64), (a, b): (f64, f64)| header.iter().flat_map(|i| i.chunks.iter()).map(span).any(|(x, y)| x < r && y > l && (y <= a || x >= b));
    // The body chunks that end (start) at a gap's left (right) edge, as one x-range.
    let edge = |x: f64, left: bool| {
        let touching = body.iter().copied().filter(|&(l, r)| (if left { r - x } else { l - x }).abs() <= cfg.position_slack);
        touching.fold(None, |u: Option<(f64, f64)>, (l, r)| Some(u.map_or((l, r), |(p, q)| (p.min(l), q.max(r)))))
    };
    let blank_column = |k: usize, c: &super::chunk::Chunk| {
        let (a, b) = span(c);
        names_a_column(&c.text)
            && !super::header::is_column_number_cell(&c.text)
            && lowest(k, (a, b))
            && body_gaps.iter().any(|&(g0, g1)| {
                let clear = |(x, y): (f64, f64)| x - g0 >= cfg.min_gap_width && g1 - y >= cfg.min_gap_width;
                clear((a, b))
                    && numbers_under(k, (a, b)).is_none_or(|ns| !ns.is_empty() && ns.into_iter().all(|n| clear(n) && ((n.0 + n.1) / 2.0 - (a + b) / 2.0).abs() <= cfg.position_slack))
                    && [edge(g0, true), edge(g1, false)].iter().all(|e| e.is_some_and(|e| captioned(e, (a, b))))
            })
    };
    let mut spans = body.clone();
    for (k, c) in header.iter().enumerate().flat_map(|(k, i)| i.chunks.iter().map(move |c| (k, c))) {
        let (a, b) = span(c);
        if blank_column(k, c) {
            spans.push((a, b));
            continue;
        }
        let mut gaps: Vec<(f64, f64)> = body_gaps.iter().copied().chain(caption_gaps(k, (a, b))).filter(|&(g0, g1)| g0 < b && g1 > a).collect();
        gaps.sort_by(|p, q| p.0.total_cmp(&q.0));
        let mut from = a;
        for &(g0, g1) in &gaps {
            if g0 > from {
                spans.push((from, g0));
            }
            from = from.max(g1);
        }
        if b > from {
            spans.push((from, b));
        }
    }
    // Lines of one chunk (wrapped cell lines, headings) do not make gaps, but a separator is
    // placed where it cuts the fewest of them.
    // So are the header chunks that reach into a gap between values: the separator goes
    // between two captions where it can.
    // (Not a group caption above the body: a caption over two or more captions of a lower
    // header line, column numbers aside, crosses the boundary between them wherever it lies, "Nguồn vốn" over "Chi
    // thường xuyên | Dự toán năm 2025".)
    let body_top = infos.iter().position(|l| l.chunks.len() >= 2 && has_value(l)).unwrap_or(infos.len());
    let group_caption = |k: usize, c: &super::chunk::Chunk| {
        let (a, b) = span(c);
        k < body_top && infos[k + 1..body_top].iter().any(|l| l.chunks.len() >= 2 && !l.chunks.iter().all(|q| super::header::is_column_number_cell(&q.text)) && l.chunks.iter().map(span).filter(|&(x, y)| x < b && y > a).count() >= 2)
    };
    let header_chunks = || infos[..body_top].iter().enumerate().flat_map(|(k, i)| i.chunks.iter().map(move |c| (k, i, c)));
    let mut singles: Vec<(f64, f64)> = infos.iter().enumerate().filter(|(k, i)| i.chunks.len() == 1 && !group_caption(*k, &i.chunks[0])).map(|(_, i)| span(&i.chunks[0])).collect();
    singles.extend(header_chunks().filter(|(k, i, c)| i.chunks.len() >= 2 && !group_caption(*k, c)).map(|(_, _, c)| span(c)));
    // And so are the values of body lines and the cells beside a value, which reach into a gap
    // the other lines leave open (a lone remark set closer to the values than its caption, a
    // long label close to its amount): the separator goes beside them. (Other words of a long
    // label are not counted: the label crosses the gap as one cell, and cutting it between
    // two of its words would split it.)
    let beside_value = |cs: &[super::chunk::Chunk], k: usize| is_value(&cs[k]) || (k > 0 && is_value(&cs[k - 1])) || cs.get(k + 1).is_some_and(is_value);
    singles.extend(body_lines.iter().flat_map(|i| (0..i.chunks.len()).filter(|&k| beside_value(&i.chunks, k)).map(|k| span(&i.chunks[k]))));
    // Where a separator must cross such a line, it goes between two of its words (two captions
    // set close: "Vốn trong nước  Dự toán sau điều chỉnh").
    let words: Vec<(f64, f64)> = infos
        .iter()
        .filter(|i| i.chunks.len() == 1)
        .chain(multi[..header_lines].iter().copied())
        .flat_map(|i| i.line.words.iter())
        .map(|w| (w.bbox.x0, w.bbox.x1))
        .collect();
    // A separator that as many lines of one chunk cross as there are body lines beside it
    // cuts through a text column (its wrapped lines run across the gap the short lines leave),
    // not between two columns.
    let through_text = |x: f64| one_chunk.iter().filter(|&&(a, b)| a < x && b > x).count() >= body_lines.len().max(1);
    let mut bounds = vec![x0];
    bounds.extend(open_stretches(&spans, allowed).into_iter().filter(|&(a, b)| b - a >= cfg.min_gap_width).map(|(a, b)| least_cut(a, b, &singles, &words)).filter(|&x| !through_text(x)));
    bounds.push(x1);
    bounds
}

/// A value beside the line's first chunk that shows where a column's values sit (a value, not a
/// column number of a few digits: "A B 1 2" under the captions sits centred).
pub(super) fn has_body_value(l: &ChunkedLine<'_>, cfg: &StreamConfig) -> bool {
    l.chunks.iter().skip(1).any(|c| super::header::is_value_cell(&c.text) && !(c.text.chars().count() <= cfg.column_number_digits && c.text.chars().all(|c| c.is_ascii_digit())))
}

/// Merge into its left neighbour a column in which no body line (first to last value line)
/// starts a chunk while a body line's text runs across its left boundary from the left half of
/// the column before (where that column's cells start, not a cell poking over): a caption centred
/// over the wide part of a label column whose long labels run there on wrapped lines
/// ("Nội dung" over labels that wrap). A column that the body leaves empty and no body text
/// reaches (remarks left blank) stays.
pub(super) fn merge_crossed_empty_columns(mut bounds: Vec<f64>, block: &[&ChunkedLine<'_>], cfg: &TableConfig) -> Vec<f64> {
    let (Some(first), Some(last)) = (block.iter().position(|l| has_body_value(l, &cfg.stream)), block.iter().rposition(|l| has_body_value(l, &cfg.stream))) else {
        return bounds;
    };
    let body = &block[first..=last];
    loop {
        let n = bounds.len() - 1;
        let crossed_empty = (1..n).find(|&c| {
            let chunks = || body.iter().flat_map(|l| l.chunks.iter());
            let starts = chunks().any(|ch| ch.bbox.x0 >= bounds[c] && ch.bbox.x0 < bounds[c + 1]);
            let left_half = (bounds[c - 1] + bounds[c]) / 2.0;
            let crossed = chunks().any(|ch| ch.bbox.x0 < left_half && ch.bbox.x1 > bounds[c] + cfg.position_slack);
            !starts && crossed
        });
        match crossed_empty {
            Some(c) => {
                bounds.remove(c);
            }
            None => return bounds,
        }
    }
}

/// The stretches between the first and the last span where at most `allowed` of `spans` lie.
pub(super) fn open_stretches(spans: &[(f64, f64)], allowed: usize) -> Vec<(f64, f64)> {
    // +1 where a span starts, -1 where it ends (starts first at equal x: touching spans leave
    // no gap).
    let mut events: Vec<(f64, i32)> = spans.iter().flat_map(|&(a, b)| [(a, 1), (b, -1)]).collect();
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    let allowed = i32::try_from(allowed).unwrap_or(i32::MAX);
    let mut out = Vec::new();
    let mut depth = 0;
    let mut open_from: Option<f64> = None;
    let mut seen_text = false;
    for (x, d) in events {
        let was_open = depth <= allowed;
        depth += d;
        let is_open = depth <= allowed;
        if was_open && !is_open {
            if let Some(start) = open_from.take()
                && seen_text
            {
                out.push((start, x));
            }
            seen_text = true;
        } else if !was_open && is_open {
            open_from = Some(x);
        }
    }
    out
}

/// Where to put the separator of the gap `a..b` (open on every multi-chunk line): the middle of
/// the widest stretch crossed by the fewest one-chunk lines (`spans`), and among those by the
/// fewest of their words (`words`). The lines of a cell
/// wrapped around a row's values start inside the gap the value lines leave; a heading across
/// the whole table crosses every stretch alike and changes nothing.
fn least_cut(a: f64, b: f64, spans: &[(f64, f64)], words: &[(f64, f64)]) -> f64 {
    // Only what reaches into the gap can cross a stretch of it.
    let inside = |set: &[(f64, f64)]| set.iter().copied().filter(|&(l, r)| l < b && r > a).collect::<Vec<_>>();
    let (spans, words) = (&inside(spans)[..], &inside(words)[..]);
    let mut xs: Vec<f64> = spans.iter().chain(words).flat_map(|&(l, r)| [l, r]).filter(|&x| x > a && x < b).collect();
    xs.push(a);
    xs.push(b);
    xs.sort_by(f64::total_cmp);
    let crossing = |set: &[(f64, f64)], mid: f64| set.iter().filter(|&&(x0, x1)| x0 < mid && x1 > mid).count();
    let mut best: Option<((usize, usize), f64, f64)> = None;
    for w in xs.windows(2) {
        let (l, r) = (w[0], w[1]);
        let mid = (l + r) / 2.0;
        let depth = (crossing(spans, mid), crossing(words, mid));
        if best.is_none_or(|(d, bl, br)| depth < d || (depth == d && r - l > br - bl)) {
            best = Some((depth, l, r));
        }
    }
    best.map_or((a + b) / 2.0, |(_, l, r)| (l + r) / 2.0)
}

/// Width (points) assumed for a chunk narrower than this, so that shares of it stay finite.
const MIN_CHUNK_WIDTH: f64 = 0.1;

/// Columns a chunk covers (first..=last): those holding a real share of it (a quarter of the
/// chunk, or half the column), so a caption that only grazes a boundary stays in one column.
pub(super) fn chunk_columns(bounds: &[f64], b: &BBox, cfg: &StreamConfig) -> (usize, usize) {
    let n = bounds.len() - 1;
    let w = b.width().max(MIN_CHUNK_WIDTH);
    let mut first = None;
    let mut last = 0;
    for c in 0..n {
        let (l, r) = (bounds[c], bounds[c + 1]);
        let ov = (b.x1.min(r) - b.x0.max(l)).max(0.0);
        if ov >= cfg.chunk_column_share * w || ov >= cfg.column_chunk_share * (r - l) {
            if first.is_none() {
                first = Some(c);
            }
            last = c;
        }
    }
    let first = first.unwrap_or_else(|| bounds.partition_point(|&x| x <= b.center_x()).saturating_sub(1).min(n - 1));
    (first, last.max(first))
}

/// The block's first line with a body value and the right edge of the lines from it on (the
/// body's text; the header above may reach further right); None without a value line.
fn body_right_edge(block: &[&ChunkedLine<'_>], cfg: &StreamConfig) -> Option<(usize, f64)> {
    let first_value = block.iter().position(|l| has_body_value(l, cfg))?;
    Some((first_value, block[first_value..].iter().map(|l| l.line.bbox.x1).fold(f64::NEG_INFINITY, f64::max)))
}

/// `bounds` with a boundary before a blank last column: where the last caption of a header
/// line of several captions starts a gutter (`min_gap_width`) past the body's text and names a
/// column ("Quyết toán   Ghi chú" over amounts and a remarks column the body leaves blank), a
/// boundary midway, when the last column holds that caption. (A "key: value" pair is a form
/// field above the table, no caption: "Fecha: 28/11/2012  Hora: 20:12".) No line of the body
/// opens that gap, so the columns the body shows have no boundary there.
pub(super) fn open_blank_last_column(mut bounds: Vec<f64>, block: &[&ChunkedLine<'_>], cfg: &TableConfig) -> Vec<f64> {
    let Some((first_value, body_right)) = body_right_edge(block, &cfg.stream) else {
        return bounds;
    };
    let caption_x0 = block[..first_value]
        .iter()
        .filter(|l| l.chunks.len() >= 2)
        .filter_map(|l| l.chunks.last())
        .filter(|c| c.bbox.x0 - body_right >= cfg.min_gap_width && names_a_column(&c.text) && !c.text.contains([':', '：']))
        .map(|c| c.bbox.x0)
        .fold(f64::INFINITY, f64::min);
    let n = bounds.len();
    if caption_x0.is_finite() && n >= 2 && bounds[n - 2] < body_right {
        bounds.insert(n - 1, (body_right + caption_x0) / 2.0);
    }
    bounds
}

/// Drop column boundaries that leave a column holding a chunk centre on fewer than two lines
/// (a header word that sticks out beside its column makes a sliver column otherwise), except a
/// last column named by a header caption set wholly right of the body's text: a remarks column
/// the body leaves blank ("Ghi chú", "Remarks", "备注") or a column number. A caption starts
/// with a capital or a CJK character; a word in lower case or a bracketed "(d)" there runs on
/// from text or marks a sum, it names no column.
pub(super) fn prune_thin_columns(mut bounds: Vec<f64>, block: &[&ChunkedLine<'_>], cfg: &StreamConfig) -> Vec<f64> {
    let (first_value, body_right) = body_right_edge(block, cfg).unwrap_or((0, f64::INFINITY));
    let header = &block[..first_value];
    loop {
        let n = bounds.len() - 1;
        if n < 2 {
            return bounds;
        }
        let centred_in = |ch: &super::chunk::Chunk, c: usize| ch.bbox.center_x() >= bounds[c] && ch.bbox.center_x() < bounds[c + 1];
        let support: Vec<usize> = (0..n).map(|c| block.iter().filter(|l| l.chunks.iter().any(|ch| centred_in(ch, c))).count()).collect();
        let blank_remarks = |c: usize| {
            c == n - 1
                && bounds[c] > body_right
                && block[header.len()..].iter().all(|l| l.chunks.iter().all(|ch| !centred_in(ch, c)))
                && header.iter().any(|l| l.chunks.len() >= 2 && l.chunks.iter().any(|ch| centred_in(ch, c) && ch.bbox.x0 > body_right && names_a_column(&ch.text)))
        };
        let Some(c) = (0..n).find(|&c| support[c] < cfg.min_column_support && !blank_remarks(c)) else {
            return bounds;
        };
        // Merge with the neighbour whose boundary is nearer to this column's text.
        let remove = if c == 0 {
            1
        } else if c == n - 1 {
            n - 1
        } else {
            let centres: Vec<f64> = block.iter().flat_map(|l| l.chunks.iter()).map(|ch| ch.bbox.center_x()).filter(|&x| x >= bounds[c] && x < bounds[c + 1]).collect();
            let mid = if centres.is_empty() { (bounds[c] + bounds[c + 1]) / 2.0 } else { centres.iter().sum::<f64>() / centres.len() as f64 };
            if mid - bounds[c] < bounds[c + 1] - mid { c } else { c + 1 }
        };
        bounds.remove(remove);
    }
}

/// A caption that names a column: it starts with a letter that is not lower case, or it is a
/// column number ("3" in "A B 1 2 3").
pub(super) fn names_a_column(text: &str) -> bool {
    text.trim_start().chars().next().is_some_and(|c| c.is_alphabetic() && !c.is_lowercase()) || super::header::is_column_number_cell(text)
}

/// Per column, the x-range its text really occupies: the union of the chunks that lie inside
/// that column alone. Captions are placed against these ranges, not against the gap midpoints
/// (a caption wider than its right-aligned numbers pokes into the gap without spanning).
pub(super) fn content_extents(block: &[&ChunkedLine<'_>], bounds: &[f64], cfg: &StreamConfig) -> Vec<Option<(f64, f64)>> {
    let n = bounds.len() - 1;
    // Body-like lines only (most columns filled): captions would blur the ranges.
    let full = (n as f64 * cfg.body_line_fill).ceil().max(2.0) as usize;
    single_column_extents(block.iter().copied().filter(|l| l.chunks.len() >= full), bounds, cfg)
}

/// Per column, the left and right edge of the chunks of `lines` that lie in it alone.
pub(super) fn single_column_extents<'a, 'b: 'a>(lines: impl Iterator<Item = &'a ChunkedLine<'b>>, bounds: &[f64], cfg: &StreamConfig) -> Vec<Option<(f64, f64)>> {
    let mut ext: Vec<Option<(f64, f64)>> = vec![None; bounds.len() - 1];
    for l in lines {
        for ch in &l.chunks {
            let (a, b) = chunk_columns(bounds, &ch.bbox, cfg);
            if a == b {
                let e = ext[a].get_or_insert((ch.bbox.x0, ch.bbox.x1));
                e.0 = e.0.min(ch.bbox.x0);
                e.1 = e.1.max(ch.bbox.x1);
            }
        }
    }
    ext
}

/// Columns a chunk covers, judged by the columns' content ranges when it crosses a boundary.
pub(super) fn chunk_columns_by_content(bounds: &[f64], extents: &[Option<(f64, f64)>], b: &BBox, cfg: &StreamConfig) -> (usize, usize) {
    let (a, z) = chunk_columns(bounds, b, cfg);
    if a == z {
        return (a, z);
    }
    let touched: Vec<usize> = (a..=z)
        .filter(|&c| extents[c].is_some_and(|(l, r)| (b.x1.min(r) - b.x0.max(l)) > cfg.content_overlap_share * (r - l).max(1.0)))
        .collect();
    match (touched.first(), touched.last()) {
        (Some(&f), Some(&l)) => (f, l),
        _ => (a, z),
    }
}

/// The row of one chunked line: each chunk in the columns it covers. On a header line (above
/// the body's first value line; `captions_below`: the extents of the captions on the header
/// lines under it, see [`single_column_extents`]) a caption centred over two columns spans both.
pub(super) fn row_from_line(page: usize, info: &ChunkedLine<'_>, captions_below: Option<&[Option<(f64, f64)>]>, bounds: &[f64], extents: &[Option<(f64, f64)>], cfg: &StreamConfig) -> TableRow {
    let n = bounds.len() - 1;
    let mut cells = vec![TableCell::blank(); n];
    let placed: Vec<(usize, usize)> = info.chunks.iter().map(|ch| chunk_columns_by_content(bounds, extents, &ch.bbox, cfg)).collect();
    for (k, ch) in info.chunks.iter().enumerate() {
        let (a, b) = placed[k];
        // A caption centred over two columns whose neighbour holds nothing else on the line.
        let free = |c: usize| placed.iter().enumerate().all(|(j, &(x, y))| j == k || c < x || c > y);
        let centred = captions_below.and_then(|below| centred_pair(a, b, &ch.text, &ch.bbox, &CentringRanges { bounds, content: extents, below }, cfg));
        let (a, b) = centred.filter(|&(x, y)| free(x) && free(y)).unwrap_or((a, b));
        // A chunk in a column that an earlier chunk spans ends that span there: the earlier
        // chunk keeps the columns before this one (no text of the line is ever dropped).
        if cells[a].covered
            && let Some(owner) = (0..a).rev().find(|&c| !cells[c].covered)
        {
            let end = owner + cells[owner].col_span;
            cells[owner].col_span = a - owner;
            for c in cells.iter_mut().take(end).skip(a) {
                *c = TableCell::blank();
            }
        }
        let text = join_pieces([cells[a].text.as_str(), ch.text.as_str()]);
        cells[a].text = text;
        if b > a && (a + 1..=b).all(|c| cells[c].text.is_empty() && !cells[c].covered) {
            cells[a].col_span = b - a + 1;
            for c in cells.iter_mut().take(b + 1).skip(a + 1) {
                *c = TableCell::covered();
            }
        }
    }
    TableRow::new(page, info.line.bbox.y0, info.line.bbox.y1, cells)
}

/// `chunks` with each chunk that covers several columns (by their content ranges) replaced by
/// its captions: the `pieces` (the same line split at its cell edges) inside it, joined per
/// column, when each lies in one column, there are several, and each starts with a letter (a
/// number after a caption is its last word, "Breakdown 2"; "Budget 2025" is one caption).
pub(super) fn split_at_own_columns(chunks: Vec<Chunk>, pieces: &[Chunk], bounds: &[f64], extents: &[Option<(f64, f64)>], cfg: &StreamConfig) -> Vec<Chunk> {
    let mut out = Vec::with_capacity(chunks.len());
    for ch in chunks {
        let (a, z) = chunk_columns_by_content(bounds, extents, &ch.bbox, cfg);
        let mut captions: Vec<(usize, Chunk)> = Vec::new();
        let mut own = a < z;
        for p in pieces.iter().filter(|p| (ch.bbox.x0..=ch.bbox.x1).contains(&p.bbox.center_x())) {
            let (x, y) = chunk_columns_by_content(bounds, extents, &p.bbox, cfg);
            match captions.last_mut() {
                _ if x != y => own = false,
                Some((c, last)) if *c == x => last.append(&p.text, &p.bbox),
                Some((c, _)) if *c > x => own = false,
                _ => captions.push((x, p.clone())),
            }
        }
        if own && captions.len() >= 2 && captions.iter().all(|(_, c)| c.text.chars().next().is_some_and(char::is_alphabetic)) {
            out.extend(captions.into_iter().map(|(_, c)| c));
        } else {
            out.push(ch);
        }
    }
    out
}

/// What a header caption may be centred on: the column boundaries, the columns' content
/// ranges (body lines) and the ranges of the captions on the header lines under it.
#[derive(Clone, Copy)]
struct CentringRanges<'a> {
    bounds: &'a [f64],
    content: &'a [Option<(f64, f64)>],
    below: &'a [Option<(f64, f64)>],
}

/// A caption set inside one column but centred over it and a neighbour ("Năm" over "2018 |
/// 2019", "收入" over "项目 | 预算数"), or reaching into two columns but centred over them and
/// a neighbour ("Local government" over "Budget 2025 | Adjustment | Current", its ink past
/// the first column's middle and short of the third): it starts like a caption (or its ink
/// crosses a column boundary: "of which" in lower case over a pair) and its centre
/// lies within `centred_caption_slack` font sizes of the middle of the widened columns,
/// measured on their content ranges, on the captions under it (`below`: sub-captions wider
/// than the values under them) or on their boundaries (cells: a caption wider than the values
/// under it is centred on the cells), and `centred_caption_ratio` times nearer it than the
/// middle of its own columns.
/// Values are never captions; text flush with its column's content's left edge and narrower
/// than that content is a wrapped line of a text column.
fn centred_pair(a: usize, b: usize, text: &str, bbox: &BBox, ranges: &CentringRanges<'_>, cfg: &StreamConfig) -> Option<(usize, usize)> {
    let CentringRanges { bounds, content: extents, below } = *ranges;
    // (Text in lower case runs on from a label, unless its ink crosses a column boundary: "of
    // which" centred over a pair.)
    let crosses = bounds.iter().any(|&x| bbox.x0 < x && x < bbox.x1);
    if b > a + 1 || super::header::is_value_cell(text) || !(names_a_column(text) || crosses) {
        return None;
    }
    let (own_l, own_r) = (extents[a]?.0, extents[b]?.1);
    let centre = bbox.center_x();
    let slack = cfg.centred_caption_slack * bbox.height();
    let off = |(l, r): (f64, f64)| (centre - (l + r) / 2.0).abs();
    // How far it is from being centred in its own columns.
    let own = off((own_l, own_r)).min(off((bounds[a], bounds[b + 1])));
    // (A wrapped line of a text column: flush with its content's left edge, narrower than it.)
    if (bbox.x0 - own_l).abs() <= slack && bbox.width() < own_r - own_l {
        return None;
    }
    let on_ranges = |ranges: &[Option<(f64, f64)>], x: usize, y: usize| match (ranges.get(x).copied().flatten(), ranges.get(y).copied().flatten()) {
        (Some((l, _)), Some((_, r))) if bbox.x0 >= l && bbox.x1 <= r => off((l, r)),
        _ => f64::INFINITY,
    };
    let widened = |x: usize, y: usize| {
        let on_cells = if y + 1 < bounds.len() { off((bounds[x], bounds[y + 1])) } else { f64::INFINITY };
        let d = on_ranges(extents, x, y).min(on_ranges(below, x, y)).min(on_cells);
        (d <= slack && cfg.centred_caption_ratio * d < own).then_some((x, y))
    };
    a.checked_sub(1).and_then(|l| widened(l, b)).or_else(|| widened(a, b + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::TextLine;
    use crate::table::chunk::Chunk;

    fn ranges<'a>(bounds: &'a [f64], content: &'a [Option<(f64, f64)>], below: &'a [Option<(f64, f64)>]) -> CentringRanges<'a> {
        CentringRanges { bounds, content, below }
    }

    /// Lines of chunks given as (text, x0, x1).
    fn lines(rows: &[&[(&str, f64, f64)]]) -> (Vec<TextLine>, Vec<Vec<Chunk>>) {
        let mut text_lines = Vec::new();
        let mut chunks = Vec::new();
        for (k, row) in rows.iter().enumerate() {
            let y = k as f64 * 12.0;
            let cs: Vec<Chunk> = row.iter().map(|&(t, a, b)| Chunk { text: t.into(), bbox: BBox::new(a, y, b, y + 9.0) }).collect();
            let bbox = cs.iter().skip(1).fold(cs[0].bbox, |u, c| u.union(&c.bbox));
            text_lines.push(TextLine { bbox, baseline: y + 7.0, upright: true, words: Vec::new() });
            chunks.push(cs);
        }
        (text_lines, chunks)
    }

    fn bounds_of(rows: &[&[(&str, f64, f64)]]) -> Vec<f64> {
        let (text_lines, chunks) = lines(rows);
        let infos: Vec<ChunkedLine<'_>> = text_lines.iter().zip(chunks).map(|(line, chunks)| ChunkedLine { line, chunks }).collect();
        let refs: Vec<&ChunkedLine<'_>> = infos.iter().collect();
        column_bounds(&refs, 0.0, 200.0, &TableConfig::default())
    }

    fn pruned(rows: &[&[(&str, f64, f64)]]) -> Vec<f64> {
        let (text_lines, chunks) = lines(rows);
        let infos: Vec<ChunkedLine<'_>> = text_lines.iter().zip(chunks).map(|(line, chunks)| ChunkedLine { line, chunks }).collect();
        let refs: Vec<&ChunkedLine<'_>> = infos.iter().collect();
        let cfg = TableConfig::default();
        prune_thin_columns(column_bounds(&refs, 0.0, 200.0, &cfg), &refs, &cfg.stream)
    }

    #[test]
    fn a_blank_remarks_column_named_in_the_header_stays() {
        let body: [&[(&str, f64, f64)]; 2] = [&[("Roads", 0.0, 25.0), ("1 000", 100.0, 130.0)], &[("Schools", 0.0, 30.0), ("3 000", 100.0, 130.0)]];
        let named = pruned(&[&[("Item", 0.0, 20.0), ("Total", 108.0, 130.0), ("Remarks", 150.0, 185.0)], body[0], body[1]]);
        assert_eq!(named.len(), 4, "{named:?}");
        assert!(named[2] > 130.0 && named[2] < 150.0, "{named:?}");
        // A word that runs on in lower case, or a caption inside the body's width, makes no column.
        assert_eq!(pruned(&[&[("Item", 0.0, 20.0), ("Total", 108.0, 130.0), ("remarks", 150.0, 185.0)], body[0], body[1]]).len(), 3);
        assert_eq!(pruned(&[&[("Item", 0.0, 20.0), ("Total", 100.0, 112.0), ("Note", 116.0, 130.0)], body[0], body[1]]).len(), 3);
    }

    #[test]
    fn a_caption_over_a_name_and_its_amount_leaves_their_gap_open() {
        // A two-sided table: "Expenditure" is centred over the right-hand names and their
        // amounts, and reaches into the gap between them (its only gap wider than 2 pt).
        let rows: [&[(&str, f64, f64)]; 5] = [
            &[("Revenue", 70.0, 110.0), ("Expenditure", 150.0, 208.0)],
            &[("Item", 20.0, 40.0), ("Amount", 85.0, 115.0), ("Item", 125.0, 145.0), ("Amount", 180.0, 210.0)],
            &[("Taxes", 0.0, 40.0), ("4 364", 90.0, 115.0), ("Health", 125.0, 160.0), ("4 302", 185.0, 210.0)],
            &[("Fees", 0.0, 30.0), ("4 656", 90.0, 115.0), ("Schools", 125.0, 170.0), ("8 714", 185.0, 210.0)],
            &[("Total", 0.0, 35.0), ("9 020", 90.0, 115.0), ("Total", 125.0, 155.0), ("13 016", 180.0, 210.0)],
        ];
        let b = bounds_of(&rows);
        assert_eq!(b.len(), 5, "{b:?}");
        assert!(b[3] > 170.0 && b[3] < 180.0, "{b:?}");
        // A line of one chunk in that gap (a text column's wrapped line) keeps it closed.
        let mut wrapped = rows.to_vec();
        wrapped.push(&[("and the wrapped text", 125.0, 200.0)]);
        wrapped.push(&[("Other", 0.0, 30.0), ("1", 110.0, 115.0), ("More", 125.0, 150.0), ("2", 205.0, 210.0)]);
        assert_eq!(bounds_of(&wrapped).len(), 4, "{:?}", bounds_of(&wrapped));
    }

    #[test]
    fn no_separator_runs_through_the_wrapped_lines_of_a_text_column() {
        // Indicator text wraps over two lines per row, its second word alone beside the
        // target: the short lines leave a gap inside the text column that every wrapped line
        // crosses.
        let mut rows: Vec<&[(&str, f64, f64)]> = vec![&[("Level", 0.0, 20.0), ("Indicator", 70.0, 100.0), ("Target", 170.0, 190.0)]];
        for _ in 0..3 {
            rows.push(&[("Pay all pensions in full and on time to keep services", 40.0, 165.0)]);
            rows.push(&[("Output", 0.0, 25.0), ("running", 40.0, 60.0), ("≤96%", 175.0, 190.0)]);
        }
        let b = bounds_of(&rows);
        // Level | Indicator | Target: no cut between "running" and the caption.
        assert_eq!(b.len(), 4, "{b:?}");
        assert!(b[2] > 165.0 && b[2] < 175.0, "{b:?}");
    }

    #[test]
    fn a_chunk_in_a_column_an_earlier_chunk_spans_keeps_its_text() {
        // A long label crossing into the first value column, and the value of that column.
        let rows: [&[(&str, f64, f64)]; 1] = [&[("MINISTRY OF FOOD AND PUBLIC DISTRIBUTION", 0.0, 95.0), ("344.45", 110.0, 130.0), ("205.55", 160.0, 180.0)]];
        let (text_lines, chunks) = lines(&rows);
        let info = ChunkedLine { line: &text_lines[0], chunks: chunks.into_iter().next().unwrap_or_default() };
        let cfg = TableConfig::default();
        let bounds = [0.0, 60.0, 140.0, 200.0];
        let row = row_from_line(1, &info, None, &bounds, &[None, None, None], &cfg.stream);
        let cells: Vec<(&str, usize, bool)> = row.cells.iter().map(|c| (c.text.as_str(), c.col_span, c.covered)).collect();
        assert_eq!(cells, [("MINISTRY OF FOOD AND PUBLIC DISTRIBUTION", 1, false), ("344.45", 1, false), ("205.55", 1, false)]);
    }

    #[test]
    fn the_separator_goes_beside_a_remark_set_closer_than_its_caption() {
        // A remark on one row starts left of its caption: the cut between values and remarks
        // goes in the gap before the remark, not in the middle of the gap the other lines leave.
        // (Ten body lines: one line may cross a gap, as a caption may.)
        let plain: &[(&str, f64, f64)] = &[("Roads", 0.0, 25.0), ("1 000", 100.0, 130.0)];
        let mut rows: Vec<&[(&str, f64, f64)]> = vec![&[("Item", 0.0, 20.0), ("Total", 108.0, 130.0), ("Remarks", 160.0, 190.0)]];
        rows.extend([plain; 9]);
        rows.insert(5, &[("Schools", 0.0, 30.0), ("3 000", 100.0, 130.0), ("Carried over", 136.0, 185.0)]);
        let bounds = pruned(&rows);
        assert_eq!(bounds.len(), 4, "{bounds:?}");
        assert!(bounds[2] > 130.0 && bounds[2] < 136.0, "{bounds:?}");
    }

    #[test]
    fn a_caption_centred_over_two_columns_spans_them_on_header_lines_only() {
        // (Positions of a real layout: the boundary between the value columns falls at the
        // right end of their gap, so "Năm" lies wholly in the left one.)
        let rows: [&[(&str, f64, f64)]; 4] = [
            &[("Năm", 130.0, 153.0)],
            &[("Nội dung chi", 1.0, 64.0), ("2018", 98.0, 122.0), ("2019", 161.0, 185.0)],
            &[("Cả nước", 1.0, 41.0), ("144.03", 94.0, 127.0), ("174.04", 156.0, 189.0)],
            &[("Hà Nội", 1.0, 36.0), ("51.55", 100.0, 127.0), ("61.74", 162.0, 189.0)],
        ];
        let (text_lines, chunks) = lines(&rows);
        let infos: Vec<ChunkedLine<'_>> = text_lines.iter().zip(chunks).map(|(line, chunks)| ChunkedLine { line, chunks }).collect();
        let refs: Vec<&ChunkedLine<'_>> = infos.iter().collect();
        let cfg = TableConfig::default();
        let bounds = column_bounds(&refs, 0.0, 200.0, &cfg);
        assert_eq!(bounds.len(), 4, "{bounds:?}");
        let extents = content_extents(&refs, &bounds, &cfg.stream);
        // "Năm" lies in one column but is centred over both value columns (94..189).
        let spans = |header: bool| row_from_line(1, &infos[0], header.then_some(&[][..]), &bounds, &extents, &cfg.stream).cells.iter().map(|c| (c.text.clone(), c.col_span, c.covered)).collect::<Vec<_>>();
        assert_eq!(spans(true), [(String::new(), 1, false), ("Năm".into(), 2, false), (String::new(), 1, true)]);
        assert_eq!(spans(false).iter().map(|c| c.1).collect::<Vec<_>>(), [1, 1, 1]);
        // A caption centred in its own column stays there.
        let own = Chunk { text: "Tổng".into(), bbox: BBox::new(100.5, 0.0, 120.5, 9.0) };
        assert_eq!(centred_pair(1, 1, &own.text, &own.bbox, &ranges(&bounds, &extents, &[]), &cfg.stream), None);
        // So does a wrapped line of a text column (flush left, narrower than the column's text)
        // whose middle happens to fall on the middle of it and the column before.
        let text_column = [Some((0.0, 80.0)), Some((100.0, 180.0)), Some((200.0, 400.0))];
        let wrapped = BBox::new(200.0, 0.0, 300.0, 9.0);
        assert_eq!(centred_pair(2, 2, "Complete the annual", &wrapped, &ranges(&[0.0, 90.0, 190.0, 410.0], &text_column, &[]), &cfg.stream), None);
        // A caption wider than the values under it is centred on the cells: between the
        // column boundaries (100..300 here), even when it starts where the values do.
        let (cells, values) = ([0.0, 100.0, 200.0, 300.0], [Some((0.0, 60.0)), Some((160.0, 195.0)), Some((260.0, 295.0))]);
        assert_eq!(centred_pair(1, 1, "Nguồn vốn", &BBox::new(172.0, 0.0, 228.0, 9.0), &ranges(&cells, &values, &[]), &cfg.stream), Some((1, 2)));
        assert_eq!(centred_pair(1, 1, "Nguồn vốn đầu tư", &BBox::new(160.0, 0.0, 240.0, 9.0), &ranges(&cells, &values, &[]), &cfg.stream), Some((1, 2)));
        assert_eq!(centred_pair(1, 1, "Thực hiện", &BBox::new(160.0, 0.0, 195.0, 9.0), &ranges(&cells, &values, &[]), &cfg.stream), None);
        // Values are never captions.
        assert_eq!(centred_pair(1, 1, "1.25", &BBox::new(133.0, 0.0, 150.0, 9.0), &ranges(&bounds, &extents, &[]), &cfg.stream), None);
        // A caption in lower case centred over the pair spans it when its ink crosses their
        // boundary ("of which" at 185..215 over the boundary at 200); one inside a column runs
        // on from a label.
        assert_eq!(centred_pair(1, 1, "of which", &BBox::new(185.0, 0.0, 215.0, 9.0), &ranges(&cells, &values, &[]), &cfg.stream), Some((1, 2)));
        // (Centred on the values' ranges, 160..295, at 215..240 inside the second column.)
        assert_eq!(centred_pair(2, 2, "Of which", &BBox::new(215.0, 0.0, 240.0, 9.0), &ranges(&cells, &values, &[]), &cfg.stream), Some((1, 2)));
        assert_eq!(centred_pair(2, 2, "of which", &BBox::new(215.0, 0.0, 240.0, 9.0), &ranges(&cells, &values, &[]), &cfg.stream), None);
        // A caption reaching into two columns but centred over them and the next ("Local
        // government" over Budget | Adjustment | Current, values at 60..95, 110..145,
        // 160..195) stands over all three; one centred on its two columns stays on them.
        let (cells, values) = ([0.0, 50.0, 100.0, 150.0, 200.0], [Some((0.0, 40.0)), Some((60.0, 95.0)), Some((110.0, 145.0)), Some((160.0, 195.0))]);
        assert_eq!(centred_pair(1, 2, "Local government", &BBox::new(93.0, 0.0, 163.0, 9.0), &ranges(&cells, &values, &[]), &cfg.stream), Some((1, 3)));
        assert_eq!(centred_pair(1, 2, "Local government", &BBox::new(68.0, 0.0, 138.0, 9.0), &ranges(&cells, &values, &[]), &cfg.stream), None);
        // A caption centred over the sub-captions under it, which are wider than the values
        // under them and centred on cells the column boundaries do not show ("Trong đó" over
        // "Vốn nước ngoài | Vốn trong nước": values at 105..155 and 180..230, captions at
        // 92..155 and 162..230, boundaries where the gaps' middles fall).
        let (cells, values) = ([0.0, 85.0, 168.0, 230.0], [Some((0.0, 60.0)), Some((105.0, 155.0)), Some((180.0, 230.0))]);
        let below = [None, Some((92.0, 155.0)), Some((162.0, 230.0))];
        let trong_do = BBox::new(143.0, 0.0, 179.0, 9.0);
        assert_eq!(centred_pair(1, 1, "Trong đó", &trong_do, &ranges(&cells, &values, &below), &cfg.stream), Some((1, 2)));
        assert_eq!(centred_pair(1, 1, "Trong đó", &trong_do, &ranges(&cells, &values, &[]), &cfg.stream), None);
    }

    #[test]
    fn a_caption_over_two_value_columns_does_not_merge_them() {
        let b = bounds_of(&[
            &[("Function", 0.0, 30.0), ("Year", 110.0, 130.0), ("Change", 170.0, 200.0)],
            &[("EU-27", 0.0, 25.0), ("24 940,50", 86.0, 121.0), ("25 488,18", 128.0, 163.0), ("2,2", 190.0, 200.0)],
            &[("Spain", 0.0, 20.0), ("3 957,10", 90.0, 121.0), ("3 507,30", 133.0, 163.0), ("-11,4", 185.0, 200.0)],
        ]);
        assert_eq!(b.len(), 5, "{b:?}");
        assert!(b[2] > 121.0 && b[2] < 128.0, "{b:?}");
    }

    #[test]
    fn a_separator_under_two_close_captions_goes_between_them() {
        // "Domestic funds  Adjusted estimate" set as one chunk over two amount columns whose
        // gap is 70..100: the separator goes in the captions' word gap (76..82), not mid-gap
        // (85, inside "Adjusted").
        let (mut text_lines, chunks) = lines(&[
            &[("Item", 0.0, 20.0), ("Domestic funds Adjusted estimate", 40.0, 150.0)],
            &[("Roads", 0.0, 25.0), ("1,000", 45.0, 70.0), ("2,000", 100.0, 150.0)],
            &[("Schools", 0.0, 30.0), ("3,000", 45.0, 70.0), ("4,000", 100.0, 150.0)],
        ]);
        // The caption line as one chunk, with its words.
        let word = |t: &str, a: f64, b: f64| crate::layout::Word { text: t.into(), bbox: BBox::new(a, 0.0, b, 9.0), size: 9.0, bold: false, baseline: 9.0 };
        text_lines[0].words = vec![word("Domestic", 40.0, 60.0), word("funds", 62.0, 76.0), word("Adjusted", 82.0, 110.0), word("estimate", 112.0, 150.0)];
        let mut chunks = chunks;
        chunks[0] = vec![chunks[0][1].clone()];
        let infos: Vec<ChunkedLine<'_>> = text_lines.iter().zip(chunks).map(|(line, chunks)| ChunkedLine { line, chunks }).collect();
        let refs: Vec<&ChunkedLine<'_>> = infos.iter().collect();
        let b = column_bounds(&refs, 0.0, 200.0, &TableConfig::default());
        assert_eq!(b.len(), 4, "{b:?}");
        assert!(b[2] > 76.0 && b[2] < 82.0, "{b:?}");
    }

    #[test]
    fn a_group_caption_does_not_move_the_separator_between_the_captions_under_it() {
        // "Funding" centred over "Current spending | Budget 2025" crosses their word gap
        // (104..110); "Budget 2025" reaches far into the values' gap (104..140). The separator
        // goes between the two captions, not beside the group caption inside "Budget 2025".
        let body = |label: &'static str| -> [(&'static str, f64, f64); 4] { [(label, 0.0, 25.0), ("1,000", 40.0, 60.0), ("5 553,65", 85.0, 104.0), ("4 502,15", 140.0, 160.0)] };
        let (roads, schools) = (body("Roads"), body("Schools"));
        let b = bounds_of(&[
            &[("Funding", 100.0, 130.0)],
            &[("Item", 0.0, 20.0), ("Total", 40.0, 60.0)],
            &[("Current spending", 70.0, 104.0), ("Budget 2025", 110.0, 160.0)],
            &roads,
            &schools,
        ]);
        assert_eq!(b.len(), 5, "{b:?}");
        assert!(b[3] > 104.0 && b[3] < 110.0, "{b:?}");
    }

    #[test]
    fn a_wide_caption_over_one_column_keeps_it_whole() {
        // The column-number row's "2" sits centred under the caption, the amounts right-aligned.
        let b = bounds_of(&[
            &[("Code", 0.0, 20.0), ("Name", 40.0, 70.0), ("Current spending", 120.0, 200.0)],
            &[("A", 5.0, 10.0), ("B", 50.0, 55.0), ("2", 158.0, 162.0)],
            &[("201", 0.0, 15.0), ("Environment", 40.0, 90.0), ("927.92", 170.0, 200.0)],
            &[("205", 0.0, 15.0), ("Schools", 40.0, 75.0), ("304.88", 170.0, 200.0)],
        ]);
        assert_eq!(b.len(), 4, "{b:?}");
    }

    #[test]
    fn a_caption_over_the_run_of_wrapped_labels_is_no_column() {
        // Bounds 0 | 50 | 100 | 150 | 200: "Content" centred at 60–80 over labels that run to
        // 95 on their wrapped lines; an empty "Remarks" column at the right.
        let (text_lines, chunks) = lines(&[
            &[("Content", 60.0, 80.0), ("Amount", 110.0, 140.0), ("Remarks", 160.0, 190.0)],
            &[("Total", 0.0, 25.0), ("1,000", 115.0, 140.0)],
            &[("Funds for the schools and the", 0.0, 95.0)],
            &[("clinics", 0.0, 30.0), ("600", 125.0, 140.0)],
            &[("Roads", 0.0, 25.0), ("400", 125.0, 140.0)],
        ]);
        let infos: Vec<ChunkedLine<'_>> = text_lines.iter().zip(chunks).map(|(line, chunks)| ChunkedLine { line, chunks }).collect();
        let refs: Vec<&ChunkedLine<'_>> = infos.iter().collect();
        let cfg = TableConfig::default();
        assert_eq!(merge_crossed_empty_columns(vec![0.0, 50.0, 100.0, 150.0, 200.0], &refs, &cfg), [0.0, 100.0, 150.0, 200.0]);
        // Without the long label the caption's column stays (nothing shows it is the labels').
        let short: Vec<&ChunkedLine<'_>> = refs.iter().copied().filter(|l| l.chunks[0].text != "Funds for the schools and the").collect();
        assert_eq!(merge_crossed_empty_columns(vec![0.0, 50.0, 100.0, 150.0, 200.0], &short, &cfg).len(), 5);
    }

    #[test]
    fn a_caption_does_not_bridge_the_gap_between_the_captions_under_it() {
        // "Local budget" stands over "Outturn" and "Adjusted"; the body leaves "Adjusted" blank,
        // and the column-number row numbers it.
        let rows: [&[(&str, f64, f64)]; 5] = [
            &[("Item", 0.0, 20.0), ("Total", 60.0, 80.0), ("Local budget", 110.0, 170.0)],
            &[("Outturn", 100.0, 130.0), ("Adjusted", 145.0, 180.0)],
            &[("A", 8.0, 12.0), ("1", 68.0, 72.0), ("2", 113.0, 117.0), ("3", 160.0, 164.0)],
            &[("Roads", 0.0, 25.0), ("1,000", 55.0, 80.0), ("900", 115.0, 130.0)],
            &[("Schools", 0.0, 30.0), ("3,000", 55.0, 80.0), ("2,500", 105.0, 130.0)],
        ];
        let b = pruned(&rows);
        assert_eq!(b.len(), 5, "{b:?}");
        assert!(b[3] > 130.0 && b[3] < 145.0, "{b:?}");
        // A sentence above the table, broken at a wide word space, is no caption.
        let mut prose = rows.to_vec();
        prose[0] = &[("Item", 0.0, 20.0), ("Total", 60.0, 80.0), ("proportions that should be used in these analyses", 110.0, 170.0)];
        assert_eq!(pruned(&prose).len(), 4, "{:?}", pruned(&prose));
    }

    #[test]
    fn a_caption_set_clear_inside_a_gap_between_captioned_values_names_a_blank_column() {
        // "Adjusted estimate" (two lines) between the "Total" and "Foreign" amounts, its
        // column left blank.
        let rows: [&[(&str, f64, f64)]; 4] = [
            &[("Item", 0.0, 20.0), ("Total", 55.0, 80.0), ("Adjusted", 95.0, 125.0), ("Foreign", 150.0, 180.0)],
            &[("estimate", 95.0, 125.0)],
            &[("Roads", 0.0, 25.0), ("1,000", 55.0, 80.0), ("700", 165.0, 180.0)],
            &[("Schools", 0.0, 30.0), ("3,000", 55.0, 80.0), ("2,500", 150.0, 180.0)],
        ];
        let b = pruned(&rows);
        assert_eq!(b.len(), 5, "{b:?}");
        assert!(b[2] > 80.0 && b[2] < 95.0 && b[3] > 125.0 && b[3] < 150.0, "{b:?}");
        // A caption over values with no caption of their own is theirs ("Change" wider than
        // the narrow values right of it), and a column number is no caption.
        let own: [&[(&str, f64, f64)]; 3] = [&[("Item", 0.0, 20.0), ("Total", 55.0, 80.0), ("Change", 110.0, 140.0)], rows[2], rows[3]];
        assert_eq!(bounds_of(&own).len(), 4, "{:?}", bounds_of(&own));
        let numbered: [&[(&str, f64, f64)]; 5] = [
            &[("Item", 0.0, 20.0), ("Total", 55.0, 80.0), ("Actual", 110.0, 135.0), ("2024", 138.0, 180.0)],
            &[("A", 8.0, 12.0), ("1", 66.0, 70.0), ("2", 128.0, 133.0)],
            rows[2],
            rows[3],
            &[("Parks", 0.0, 25.0), ("500", 65.0, 80.0), ("-", 176.0, 180.0)],
        ];
        assert_eq!(bounds_of(&numbered).len(), 4, "{:?}", bounds_of(&numbered));
        // A blank column's own number centred under its caption, clear inside the gap too,
        // numbers it: the column stays.
        let blank_numbered: [&[(&str, f64, f64)]; 4] = [
            &[("Item", 0.0, 20.0), ("Total", 55.0, 80.0), ("Adjusted", 95.0, 125.0), ("Foreign", 150.0, 180.0)],
            &[("A", 8.0, 12.0), ("1", 66.0, 70.0), ("2", 108.0, 112.0), ("3", 163.0, 167.0)],
            rows[2],
            rows[3],
        ];
        let b = pruned(&blank_numbered);
        assert!(b.len() == 5 && b[2] > 80.0 && b[2] < 95.0 && b[3] > 125.0 && b[3] < 150.0, "{b:?}");
    }

    #[test]
    fn header_captions_a_narrow_gutter_apart_split_into_their_own_columns() {
        // Columns at 0..100 | 100..160 | 160..220, values at 120..155 and 181..220. "政府性基金
        // 财政拨款收入" (110..220) is one chunk across the boundary at 160; its pieces at the cell
        // edge, 110..150 and 156..220, each stand in a column of their own.
        let cfg = TableConfig::default();
        let chunk = |t: &str, x0: f64, x1: f64| Chunk { text: t.into(), bbox: BBox::new(x0, 0.0, x1, 9.0) };
        let bounds = [0.0, 100.0, 160.0, 220.0];
        let extents = [Some((0.0, 80.0)), Some((120.0, 155.0)), Some((181.0, 220.0))];
        let texts = |cs: Vec<Chunk>| cs.into_iter().map(|c| c.text).collect::<Vec<_>>();
        let whole = vec![chunk("政府性基金财政拨款收入", 110.0, 220.0)];
        let pieces = [chunk("政府性基金", 110.0, 150.0), chunk("财政拨款收入", 156.0, 220.0)];
        assert_eq!(texts(split_at_own_columns(whole.clone(), &pieces, &bounds, &extents, &cfg.stream)), ["政府性基金", "财政拨款收入"]);
        // Pieces in one column are one caption ("Budget" and "2025", split at the text before a
        // number).
        let pieces = [chunk("Budget", 110.0, 134.0), chunk("2025", 138.0, 154.0), chunk("Capital", 170.0, 218.0)];
        assert_eq!(texts(split_at_own_columns(vec![chunk("Budget 2025 Capital", 110.0, 218.0)], &pieces, &bounds, &extents, &cfg.stream)), ["Budget 2025", "Capital"]);
        // A number after a caption is its last word ("Breakdown 2"): the chunk stays whole.
        let pieces = [chunk("Breakdown", 110.0, 150.0), chunk("2", 200.0, 220.0)];
        assert_eq!(texts(split_at_own_columns(vec![chunk("Breakdown 2", 110.0, 220.0)], &pieces, &bounds, &extents, &cfg.stream)), ["Breakdown 2"]);
        // So does a chunk whose pieces share a column.
        let pieces = [chunk("政府性基金", 110.0, 130.0), chunk("财政拨款收入", 136.0, 155.0)];
        assert_eq!(texts(split_at_own_columns(whole, &pieces, &bounds, &extents, &cfg.stream)), ["政府性基金财政拨款收入"]);
    }
}
