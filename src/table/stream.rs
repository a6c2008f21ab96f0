//! Unruled tables: blocks of text lines whose gaps line up in columns. In: a page's text lines
//! (those no ruled table took) and its rulings outside ruled tables. Out: the page's stream
//! tables. This file grows the blocks and reads each into a table; chunking (`chunk`), columns
//! (`stream_columns`), rows (`stream_rows`, `rule_bands`) and the prose gate (`running_text`)
//! each have a file of their own.

use crate::text::{is_caption_line, is_table_caption};
use super::chunk::{BlockSpacing, ChunkedLine, chunks_of, chunks_with_cuts, fine_chunks};
use super::narrow_gutter::narrow_gutter_chunks;
use super::config::TableConfig;
use super::model::{Method, PageTable, TableRow};
use super::caption_rules::span_underlined_captions;
use super::rule_bands::merge_wrapped;
use super::running_text::{drop_running_text_edges, reads_as_prose};
use super::header::move_wrapped_caption_ends;
use super::stream_columns::{column_bounds, content_extents, has_body_value, merge_crossed_empty_columns, open_blank_last_column, prune_thin_columns, row_from_line, single_column_extents, split_at_own_columns};
use super::stream_rows::{filled_columns, merge_header_lines};
use super::stream_tail::{gutter_crossing_tail, misfit_tail};
use super::wrap_groups::LineMetrics;
use crate::layout::TextLine;
use crate::pdf::{Orientation, Ruling};

fn line_size(l: &TextLine) -> f64 {
    l.words.iter().map(|w| w.size).fold(1.0, f64::max)
}

/// Find the unruled tables among a page's text lines. `rulings` are the page's rulings not used
/// by ruled tables.
pub fn find_stream_tables(page: usize, lines: &[&TextLine], rulings: &[Ruling], cfg: &TableConfig) -> Vec<PageTable> {
    let upright: Vec<&TextLine> = lines.iter().copied().filter(|l| l.upright).collect();
    let infos = narrow_gutter_chunks(upright.iter().map(|l| ChunkedLine { chunks: chunks_of(l, cfg), line: l }).collect(), cfg);
    let mut tables = Vec::new();
    let mut i = 0;
    let mut prev_end = 0usize;
    // The previous block's last line (a wrapped line of its last row may follow its last line
    // of cells): no later block takes it.
    let mut prev_last: Option<usize> = None;
    while i < infos.len() {
        if infos[i].chunks.len() < 2 {
            i += 1;
            continue;
        }
        // Grow a block of lines: multi-chunk lines, with single-chunk lines allowed between
        // them when the vertical gaps stay small.
        let mut members = vec![i];
        let mut j = i + 1;
        let mut last_multi = i;
        while j < infos.len() {
            let prev = &infos[*members.last().unwrap_or(&i)];
            let gap = infos[j].line.bbox.y0 - prev.line.bbox.y1;
            let size = line_size(infos[j].line);
            // Captions alone so far (short texts, no value yet): the body may sit a little
            // further down.
            let captions_only = members.iter().all(|&m| {
                infos[m].chunks.iter().all(|c| !super::header::is_value_cell(&c.text) && c.text.split_whitespace().count() <= cfg.stream.max_caption_words)
            });
            let limit = if captions_only { cfg.max_header_gap } else { cfg.max_row_gap };
            if gap > limit * size && !continues_after_blank_row(&infos, &members, j, cfg) {
                break;
            }
            members.push(j);
            // (A line of one value keeps the block going like a line of cells.)
            if infos[j].chunks.len() >= 2 || is_lone_value(&infos[j], infos[i].line.bbox.x0) {
                last_multi = j;
            } else if j - last_multi > cfg.max_single_lines && !in_label_area(&infos, &members, infos[j].line) {
                // Under a header alone (no value yet), the label area is that of the next line
                // of cells: a section heading wrapped around its marker line ("HOUSING AND
                // COMMUNITY / I / AMENITIES") and the first row's wrapped label may come first.
                let next_cells = (j + 1..infos.len()).find(|&k| infos[k].chunks.len() >= 2);
                let header_only = !members.iter().any(|&m| has_value(&infos[m]));
                if !(header_only && next_cells.is_some_and(|k| in_label_area(&infos, &[k], infos[j].line))) {
                    break;
                }
            }
            j += 1;
        }
        // A second table set close below the first (its caption and header within a row gap)
        // starts a block of its own.
        if let Some(p) = next_table_start(&infos, &members, cfg) {
            members.truncate(p);
            j = members[p - 1] + 1;
            last_multi = members.iter().copied().filter(|&m| infos[m].chunks.len() >= 2).max().unwrap_or(i);
        }
        // Trailing single-chunk lines are not part of the table, except the wrapped lines of
        // its last row (set closer than two rows).
        let row_pitch = value_row_pitch(&infos, &members);
        let wrap_limit = row_pitch - cfg.stream.wrap_pitch_slack * line_size(infos[last_multi].line);
        // A wrapped cell stays clear of the block's values (a note runs across them).
        let values: Vec<(f64, f64)> =
            members.iter().flat_map(|&m| infos[m].chunks.iter().skip(1)).filter(|c| super::header::is_value_cell(&c.text)).map(|c| (c.bbox.x0, c.bbox.x1)).collect();
        let clear_of_values = |l: &TextLine| values.iter().all(|&(a, b)| l.bbox.x1 <= a || l.bbox.x0 >= b);
        // (The label of values set alone on their line wraps around them: its lines start left
        // of the values, where the line above them starts.)
        let values_only = infos[last_multi].chunks.iter().all(|c| super::header::is_value_cell(&c.text));
        let label_around_last = values_only && last_multi > 0 && members.contains(&(last_multi - 1));
        let row_left = |k: usize| if k == last_multi && label_around_last { infos[k - 1].line.bbox.x0 } else { infos[k].line.bbox.x0 };
        let mut keep = last_multi;
        while row_pitch.is_finite()
            && keep + 1 < j
            && members.contains(&(keep + 1))
            && infos[keep + 1].line.baseline - infos[keep].line.baseline < wrap_limit
            && infos[keep + 1].line.bbox.x0 >= row_left(keep) - cfg.position_slack
            && clear_of_values(infos[keep + 1].line)
        {
            keep += 1;
        }
        while members.last().is_some_and(|&m| m > keep) {
            members.pop();
        }
        // The body ends at its last value line when what follows holds no values and sits
        // further below it than two rows sit apart (notes, a signature block, the next
        // table's captions).
        if let Some(end) = body_end(&infos, &members, row_pitch, cfg) {
            while members.last().is_some_and(|&m| m > end) {
                members.pop();
            }
            last_multi = members.iter().copied().filter(|&m| infos[m].chunks.len() >= 2).max().unwrap_or(members[0]);
        }
        // … and so does it at a line that lays a word across a gutter the body holds open.
        if let Some(end) = gutter_end(&infos, &members, cfg) {
            members.truncate(end);
            last_multi = members.iter().copied().filter(|&m| infos[m].chunks.len() >= 2).max().unwrap_or(members[0]);
        }
        // … and so does it at a rule drawn under the last value line across the body, when
        // no value follows (a signature block or notes under a ruled table's closing rule).
        if let Some(end) = rule_end(&infos, &members, rulings, cfg) {
            // (`end` lies after the last value line, so `members` keeps that line.)
            members.truncate(end);
            last_multi = members.iter().copied().filter(|&m| infos[m].chunks.len() >= 2).max().unwrap_or(members[0]);
        }
        // Header lines above the first multi-chunk line, inside the band of a rule drawn
        // above the table (a ruled header whose first line has one caption only).
        while let Some(&first) = members.first() {
            if first == 0 || first <= prev_end {
                break;
            }
            let cand = &infos[first - 1];
            let top = infos[first].line.bbox.y0;
            let gap = top - cand.line.bbox.y1;
            let rule_above = rulings.iter().any(|r| {
                r.orientation == Orientation::Horizontal && r.pos < cand.line.bbox.y0 && r.pos > cand.line.bbox.y0 - cfg.stream.rule_above_heights * cand.line.bbox.height()
            });
            let rule_between = rulings.iter().any(|r| r.orientation == Orientation::Horizontal && r.pos > cand.line.bbox.y1 - cfg.position_slack && r.pos < top + cfg.position_slack);
            if rule_above && !rule_between && gap <= cand.line.bbox.height() {
                members.insert(0, first - 1);
            } else {
                break;
            }
        }
        // A caption spanning some of the columns, set tight above the first header line
        // ("Funding source" over three amount columns, "年份" over the years).
        while let Some(&first) = members.first() {
            if first == 0 || prev_last.is_some_and(|p| first - 1 <= p) || !is_spanning_caption(&infos, &members, first - 1, prev_last.is_some_and(|p| first - 1 == p + 1), rulings, cfg) {
                break;
            }
            members.insert(0, first - 1);
        }
        i = last_multi + 1;
        prev_end = last_multi;
        prev_last = members.last().copied();
        let block: Vec<&ChunkedLine<'_>> = members.iter().map(|&m| &infos[m]).collect();
        // A "Table 1." caption just above (or at the top of) the block says it is a table even
        // when its cells are words, not numbers.
        let first = members[0];
        let top = infos[first].line.bbox.y0;
        let reach = cfg.stream.caption_search_lines;
        let captioned = (first.saturating_sub(reach)..(first + reach).min(infos.len())).any(|k| {
            let l = infos[k].line;
            is_table_caption(&l.text()) && top - l.bbox.y1 <= cfg.stream.caption_gap_sizes * line_size(l)
        });
        // (A block that starts the page's text may be the last rows of a table from the page
        // before.)
        let page_top = members[0] == 0;
        // (… and a block after which the page holds no line of cells, the head of a table the
        // next page goes on with.)
        let page_end = infos[last_multi + 1..].iter().all(|l| l.chunks.len() < 2);
        if let Some(t) = block_to_table(page, &block, rulings, Reading { captioned, page_top, page_end }, cfg) {
            tables.push(t);
        }
    }
    tables
}

/// The block `members` goes on at line `j` across a blank row: `j` sits no further below the
/// block's last line than `blank_row_pitches` value rows' pitches (plus `table_end_slack`; with one value line
/// so far, the step down to it from the line above stands for the pitch), and the first value
/// line from `j` on puts each of its values under a value column of the block (overlapping
/// one, one right edge shared) with only group headings and wrapped labels before it (lines in
/// the block's label area, each within a row gap of the line above). Tables leave blank rows
/// between groups of rows; the next table has a header (captions over the value columns),
/// prose and notes run across them.
fn continues_after_blank_row(infos: &[ChunkedLine<'_>], members: &[usize], j: usize, cfg: &TableConfig) -> bool {
    let Some(&last) = members.last() else { return false };
    // (With one value line so far, the step down to it from the line above, the block's or
    // its header's, stands for a row: at most a row gap and a line.)
    let pitch = match value_row_pitch(infos, members) {
        p if p.is_finite() => p,
        _ => last.checked_sub(1).map_or(f64::INFINITY, |k| {
            let most = cfg.max_row_gap * line_size(infos[last].line) + infos[last].line.bbox.height();
            (infos[last].line.baseline - infos[k].line.baseline).min(most)
        }),
    };
    let step = infos[j].line.baseline - infos[last].line.baseline;
    if !pitch.is_finite() || step > cfg.stream.blank_row_pitches * pitch + cfg.stream.table_end_slack * line_size(infos[last].line) || is_table_caption(&infos[j].line.text()) {
        return false;
    }
    let columns: Vec<(f64, f64)> = members.iter().flat_map(|&m| infos[m].chunks.iter().skip(1)).filter(|c| super::header::is_value_cell(&c.text)).map(|c| (c.bbox.x0, c.bbox.x1)).collect();
    // (Group headings and wrapped labels in the label area, each within a row gap of the line
    // above, may come before it.)
    let heading = |h: usize| !has_value(&infos[h]) && in_label_area(infos, members, infos[h].line);
    let close = |h: usize| h == j || infos[h].line.bbox.y0 - infos[h - 1].line.bbox.y1 <= cfg.max_row_gap * line_size(infos[h].line);
    let Some(k) = (j..infos.len()).find(|&h| !heading(h) || !close(h)) else { return false };
    if !has_value(&infos[k]) || !close(k) {
        return false;
    }
    let size = line_size(infos[k].line);
    let values: Vec<_> = infos[k].chunks.iter().skip(1).filter(|c| super::header::is_value_cell(&c.text)).collect();
    let under_column = |c: &super::chunk::Chunk| columns.iter().any(|&(a, b)| c.bbox.x0 < b && c.bbox.x1 > a);
    let shares_edge = |c: &super::chunk::Chunk| columns.iter().any(|&(_, b)| (c.bbox.x1 - b).abs() <= size);
    !values.is_empty() && values.iter().all(|c| under_column(c)) && values.iter().any(|c| shares_edge(c))
}

/// A line of one value set right of `left` (the block's left edge, by more than a font size):
/// a row's values between the wrapped lines of its labels.
fn is_lone_value(l: &ChunkedLine<'_>, left: f64) -> bool {
    matches!(l.chunks.as_slice(), [c] if super::header::is_value_cell(&c.text) && c.bbox.x0 > left + line_size(l.line))
}

/// A single-chunk line lies in the block's label area: wholly left of every value the block's
/// lines hold beside their first chunk (the wrapped lines of a long label, a section heading and
/// its wrap, a row number set on a line of its own). Such runs may be longer than
/// `max_single_lines` inside a table; prose and notes run across the value columns.
fn in_label_area(infos: &[ChunkedLine<'_>], members: &[usize], line: &TextLine) -> bool {
    let left = members.iter().flat_map(|&m| infos[m].chunks.iter().skip(1)).filter(|c| super::header::is_value_cell(&c.text)).map(|c| c.bbox.x0).fold(f64::INFINITY, f64::min);
    left.is_finite() && line.bbox.x1 <= left
}

/// The line `k`, just above the block `members`, is a header caption spanning some of the
/// block's columns: one chunk, no value, not a table caption or a unit line, no larger than
/// the line below it, set no further above it than a line's height or than the block's first
/// two lines stand apart when both are captions (header lines are set tight, or at the
/// header's own pitch; a title or unit line stands apart) or, when it lies over the value
/// columns, than the body's rows (not when it directly follows the block before, `after_block`),
/// and lying over the block's columns away from its left edge (a heading or title over the
/// whole table starts at the left or spans it all) unless its line overlaps the line below,
/// beside that line's texts (captions set staggered in one header band).
fn is_spanning_caption(infos: &[ChunkedLine<'_>], members: &[usize], k: usize, after_block: bool, rulings: &[Ruling], cfg: &TableConfig) -> bool {
    let (cand, below) = (&infos[k], &infos[members[0]]);
    let [chunk] = cand.chunks.as_slice() else {
        return false;
    };
    let text = cand.line.text();
    let (x0, x1) = members.iter().filter(|&&m| infos[m].chunks.len() >= 2).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &m| (a.min(infos[m].line.bbox.x0), b.max(infos[m].line.bbox.x1)));
    let size = line_size(cand.line);
    // A short rule under the caption (booktabs' cmidrule) sets it further apart: up to the
    // reach of a rule above a header.
    let underlined = rulings.iter().any(|r| {
        r.orientation == Orientation::Horizontal
            && r.pos > cand.line.bbox.y1
            && r.pos < below.line.bbox.y0
            && r.start < chunk.bbox.x1
            && r.end > chunk.bbox.x0
            && !cfg.stream.separates_rows(r.length(), x1 - x0)
    });
    let reach = if underlined { cfg.stream.rule_above_heights } else { 1.0 };
    // A caption (capitalised) set wholly over the value columns, right of where the block's
    // first value starts, is no title over the table: it may sit as far above the header as
    // the body's rows sit apart (header levels set at the rows' pitch, "其中" over the
    // sub-columns), unless it directly follows the block before, whose last row's wrapped end
    // it is then.
    let values_x0 = members.iter().flat_map(|&m| infos[m].chunks.iter().skip(1)).filter(|c| super::header::is_value_cell(&c.text)).map(|c| c.bbox.x0).fold(f64::INFINITY, f64::min);
    let over_values = !after_block && chunk.bbox.x0 >= values_x0 - cfg.position_slack && super::stream_columns::names_a_column(&chunk.text);
    let within_a_row = over_values && below.line.baseline - cand.line.baseline <= value_row_pitch(infos, members) + cfg.position_slack;
    // Header lines set as far apart as the block's first two (both captions) are as tight.
    let header_gap = match members.get(1).map(|&m| &infos[m]) {
        Some(next) if !has_value(below) && !has_value(next) => next.line.bbox.y0 - below.line.bbox.y1 + cfg.position_slack,
        _ => 0.0,
    };
    // (A caption whose line overlaps the line below it, beside that line's texts, is set
    // staggered in the same header band: "单位名称" between "增长（%" and its "）", at the
    // table's left edge too.)
    let staggered = cand.line.bbox.y1 > below.line.bbox.y0 + cfg.position_slack && below.chunks.iter().all(|c| c.bbox.x1 <= chunk.bbox.x0 || c.bbox.x0 >= chunk.bbox.x1);
    !super::header::is_value_cell(&chunk.text)
        && !is_caption_line(&text)
        && !crate::text::is_unit_line(&text)
        && size <= line_size(below.line) + cfg.position_slack
        && (below.line.bbox.y0 - cand.line.bbox.y1 <= (reach * cand.line.bbox.height()).max(header_gap) || within_a_row)
        && (chunk.bbox.x0 >= x0 + size || staggered)
        && chunk.bbox.x1 <= x1 + cfg.position_slack
}

/// A line holds a value (not a year) beside its first chunk, or values set a narrow gutter
/// apart that read as one chunk ("6 072 365 123 (3 840 189 000) 9 912 554 123").
fn has_value(l: &ChunkedLine<'_>) -> bool {
    let values = |t: &str| {
        let mut words = t.split_whitespace();
        words.clone().all(crate::text::is_value_like) && words.any(|w| !crate::text::is_year_digits(w))
    };
    // (A label and its amount set a narrow gutter apart are one chunk that ends in the amount,
    // grouped or with decimals: "一、社会保障和就 4,144,429,769", "(nguồn ngân 6 448 656 386".)
    let ends_in_amount = |t: &str| {
        let words: Vec<&str> = t.split_whitespace().collect();
        match words.as_slice() {
            [_, .., last] if super::header::is_value_cell(last) && last.contains([',', '.']) => true,
            [_, .., head, group] => super::chunk::is_digit_group_pair(head, group),
            _ => false,
        }
    };
    l.chunks.iter().skip(1).any(|c| super::header::is_value_cell(&c.text) || values(&c.text) || ends_in_amount(&c.text))
}

/// The smallest baseline pitch between two neighbouring value lines of a block (two rows), or
/// infinity. When every row wraps (no two value lines are neighbours), the smallest pitch
/// between successive value lines (a value set alone on its line among them): each such pitch
/// spans a whole row with its wrapped lines, so a wrapped line of the last row still sits
/// closer than it.
fn value_row_pitch(infos: &[ChunkedLine<'_>], members: &[usize]) -> f64 {
    let adjacent = members.windows(2).filter(|w| w[1] == w[0] + 1 && has_value(&infos[w[0]]) && has_value(&infos[w[1]])).map(|w| infos[w[1]].line.baseline - infos[w[0]].line.baseline).fold(f64::INFINITY, f64::min);
    if adjacent.is_finite() {
        return adjacent;
    }
    // (A value set alone on its line, its label wrapped around it, is a row's value line too.)
    let left = members.first().map_or(0.0, |&m| infos[m].line.bbox.x0);
    let value_lines: Vec<f64> = members.iter().filter(|&&m| has_value(&infos[m]) || is_lone_value(&infos[m], left)).map(|&m| infos[m].line.baseline).collect();
    value_lines.windows(2).map(|w| w[1] - w[0]).fold(f64::INFINITY, f64::min)
}

/// Where the next table starts inside a grown block (a position in `members`), if it does: after
/// value lines, a line without values sits further below the line above it than two rows sit
/// apart (by more than `table_end_slack` font sizes, the measure of a table's end), and a
/// header-shaped line (several cells, no values) comes before the next value line. That is the
/// next table's caption and header; a section heading inside a table is followed by its rows,
/// not by a header, and is set in the label area (a marker and a name, "II  PHÒNG SƠN HẠ"). A
/// table caption there ("Table 2: …") starts the next table even when it is narrow enough to
/// sit in the label area of the one above. The rows' pitch is the smallest pitch between
/// neighbouring value lines, or else the widest pitch since the first value line. The table
/// above keeps at least `min_stream_rows` multi-chunk lines.
fn next_table_start(infos: &[ChunkedLine<'_>], members: &[usize], cfg: &TableConfig) -> Option<usize> {
    let (mut pitch, mut widest, mut seen_value) = (f64::INFINITY, f64::NEG_INFINITY, false);
    for p in 1..members.len() {
        let (a, b) = (&infos[members[p - 1]], &infos[members[p]]);
        seen_value |= has_value(a);
        let step = b.line.baseline - a.line.baseline;
        let row = if pitch.is_finite() { pitch } else { widest };
        let multi_above = members[..p].iter().filter(|&&m| infos[m].chunks.len() >= 2).count();
        if seen_value && row.is_finite() && multi_above >= cfg.min_stream_rows && !has_value(b) && step > row + cfg.stream.table_end_slack * line_size(a.line) {
            let rest = &members[p..];
            let q = rest.iter().position(|&m| has_value(&infos[m])).unwrap_or(rest.len());
            // A header has captions over the value columns; a section heading inside the
            // table ("II  PHÒNG SƠN HẠ": a marker and a name) keeps to the label area.
            let heading = |m: usize| infos[m].chunks.len() == 2 && in_label_area(infos, &members[..p], infos[m].line);
            // (Nor is a line of texts each starting where the body's text cells start: the next
            // row's labels of a two-sided table, "Social protection of | Public order and".)
            let text_starts: Vec<f64> = members[..p].iter().filter(|&&m| has_value(&infos[m])).flat_map(|&m| infos[m].chunks.iter()).filter(|c| !super::header::is_value_cell(&c.text)).map(|c| c.bbox.x0).collect();
            let labels = |m: usize| infos[m].chunks.iter().all(|c| !super::header::is_value_cell(&c.text) && text_starts.iter().any(|&x| (x - c.bbox.x0).abs() <= cfg.position_slack));
            let header_shaped = |m: usize| infos[m].chunks.len() >= 2 && !heading(m) && !labels(m);
            // A table caption ("Table 2: …") there names the next table whatever its width.
            let captioned = is_table_caption(&b.line.text());
            if q < rest.len() && (captioned || rest[..q].iter().any(|&m| header_shaped(m))) {
                return Some(p);
            }
        }
        if has_value(a) && has_value(b) && members[p] == members[p - 1] + 1 {
            pitch = pitch.min(step);
        }
        if seen_value {
            widest = widest.max(step);
        }
    }
    None
}

/// The last member of the table's body when lines without values follow its last value line
/// further down than the body's line pitch (plus slack): they are below the table.
///
/// The body's pitch is `row_pitch` when two value lines are neighbours somewhere (rows of one
/// line). Otherwise (headings or wrapped labels between every two rows) it is the widest
/// baseline step between neighbouring lines of the body, first to last value line: inside the
/// body lines sit at most a row apart, so a wider step after it leaves the table. (The pitch
/// between successive value lines would span a whole wrapped row and let notes and signature
/// blocks set a little apart pass as the last row's wrapped lines.)
fn body_end(infos: &[ChunkedLine<'_>], members: &[usize], row_pitch: f64, cfg: &TableConfig) -> Option<usize> {
    let k = members.iter().rposition(|&m| has_value(&infos[m]))?;
    let adjacent = members.windows(2).any(|w| w[1] == w[0] + 1 && has_value(&infos[w[0]]) && has_value(&infos[w[1]]));
    let row_pitch = if adjacent && row_pitch.is_finite() {
        row_pitch
    } else {
        let f = members.iter().position(|&m| has_value(&infos[m]))?;
        members[f..=k].windows(2).map(|w| infos[w[1]].line.baseline - infos[w[0]].line.baseline).fold(f64::NEG_INFINITY, f64::max)
    };
    if !row_pitch.is_finite() {
        return None;
    }
    let limit = row_pitch + cfg.stream.table_end_slack * line_size(infos[members[k]].line);
    members[k..].windows(2).find(|w| infos[w[1]].line.baseline - infos[w[0]].line.baseline > limit).map(|w| w[0])
}

/// The length `members` keeps when a horizontal rule lies below the last line holding a value
/// (so no line after it holds one), at least `separator_share` as wide as the body's lines
/// (first to last value line), and no such rule divides the lines after it (rows whose values
/// are blank): the lines up to the rule (the last row's wrapped lines) stay.
fn rule_end(infos: &[ChunkedLine<'_>], members: &[usize], rulings: &[Ruling], cfg: &TableConfig) -> Option<usize> {
    // (Any word after a line's first that reads as a value counts: a value between the wrapped
    // lines of its label, one set a narrow gutter after a dash.)
    let valued = |m: usize| infos[m].line.words.iter().skip(1).any(|w| super::header::is_value_cell(&w.text));
    let first = members.iter().position(|&m| valued(m))?;
    let last = members.iter().rposition(|&m| valued(m))?;
    let body = &members[first..=last];
    let x0 = body.iter().map(|&m| infos[m].line.bbox.x0).fold(f64::MAX, f64::min);
    let x1 = body.iter().map(|&m| infos[m].line.bbox.x1).fold(f64::MIN, f64::max);
    let below_last = infos[members[last]].line.bbox.y1;
    let rules: Vec<f64> = rulings
        .iter()
        .filter(|r| r.orientation == Orientation::Horizontal && r.pos > below_last && r.start.max(x0) < r.end.min(x1))
        .filter(|r| cfg.stream.separates_rows(r.end.min(x1) - r.start.max(x0), x1 - x0))
        .map(|r| r.pos)
        .collect();
    let rule = rules.iter().copied().fold(f64::INFINITY, f64::min);
    let end = members.iter().position(|&m| infos[m].line.bbox.center_y() > rule)?;
    // Rows without values under the rule, ruled off in turn, are the table's (groups whose
    // amounts are left blank).
    let tail_bottom = members.last().map_or(rule, |&m| infos[m].line.bbox.y1 + infos[m].line.bbox.height());
    let ruled_tail = rules.iter().any(|&y| y > rule + cfg.position_slack && y < tail_bottom);
    (end > last && !ruled_tail).then_some(end)
}

/// The length `members` keeps when a line after the last value line crosses a gutter of the
/// body (first to last value line): see [`gutter_crossing_tail`].
fn gutter_end(infos: &[ChunkedLine<'_>], members: &[usize], cfg: &TableConfig) -> Option<usize> {
    let first = members.iter().position(|&m| has_value(&infos[m]))?;
    let last = members.iter().rposition(|&m| has_value(&infos[m]))?;
    let lines: Vec<&TextLine> = members.iter().map(|&m| infos[m].line).collect();
    gutter_crossing_tail(&lines, first, last, &cfg.stream).filter(|&k| k > 0)
}

/// How a block is read: `captioned`, a table caption names it (cells of words are no reason to
/// reject it); `page_top`, it starts the page's text (too few rows, or rows of wrapped words that
/// read as prose, may still continue a table); `page_end`, no line of cells follows it on the
/// page (a header and too few rows may still start a table the next page goes on with).
#[derive(Debug, Clone, Copy)]
struct Reading {
    captioned: bool,
    page_top: bool,
    page_end: bool,
}

/// The table of a block of lines, if it is one (see [`Reading`]).
fn block_to_table(page: usize, block: &[&ChunkedLine<'_>], rulings: &[Ruling], reading: Reading, cfg: &TableConfig) -> Option<PageTable> {
    let captioned = reading.captioned;
    // A caption at the top of the block ("Table 14. Actual and projected …" and its wrapped
    // lowercase continuation lines) is the table's title, not a row.
    let line_text = |l: &ChunkedLine<'_>| l.line.text();
    // (A running page header above the caption goes with it.)
    let mut skip = 0;
    if let Some(k) = block.iter().take(cfg.stream.title_search_lines).position(|l| is_caption_line(&line_text(l))) {
        skip = k + 1;
        while skip < block.len() && line_text(block[skip]).trim_start().chars().next().is_some_and(char::is_lowercase) {
            skip += 1;
        }
    }
    let block = &block[skip..];
    let x0 = block.iter().map(|b| b.line.bbox.x0).fold(f64::MAX, f64::min);
    // Lines of cells: several chunks, or one value set right of the labels between the
    // wrapped lines of its label (text alone on the lines above and below, left of the value).
    let label_beside = |k: usize, v: &ChunkedLine<'_>| matches!(block[k].chunks.as_slice(), [c] if !super::header::is_value_cell(&c.text) && c.bbox.x1 < v.line.bbox.x0);
    let wrapped_value = |k: usize| k > 0 && k + 1 < block.len() && is_lone_value(block[k], x0) && label_beside(k - 1, block[k]) && label_beside(k + 1, block[k]);
    // Fewer lines of cells than a table needs: at the top of a page, lines of values may be the
    // last rows of the table of the page before (kept only if they continue it).
    let cell_lines = (0..block.len()).filter(|&k| block[k].chunks.len() >= 2 || wrapped_value(k)).count();
    let few_rows = cell_lines < cfg.min_stream_rows;
    let some_value = block.iter().any(|b| has_value(b));
    let rest_only = few_rows && reading.page_top && cell_lines >= 1 && some_value;
    // (A head: a line of cells over the line of values, the header over a first row.)
    let head_only = few_rows && !rest_only && reading.page_end && cell_lines >= 2 && some_value;
    if few_rows && !rest_only && !head_only {
        return None;
    }
    let x1 = block.iter().map(|b| b.line.bbox.x1).fold(f64::MIN, f64::max);
    // Columns from the cell edges the words show (a value beside text, two values), not only
    // from the chunking's gaps: narrow gutters leave whole columns in one chunk. Lines of one
    // chunk stay as they are (a heading or wrapped label is no evidence of columns).
    let spacing = BlockSpacing::of(block.iter().map(|b| b.line), cfg);
    let fine: Vec<ChunkedLine<'_>> =
        block.iter().map(|b| ChunkedLine { line: b.line, chunks: if b.chunks.len() >= 2 { fine_chunks(b.line, cfg, Some(&spacing)) } else { b.chunks.clone() } }).collect();
    let fine_block: Vec<&ChunkedLine<'_>> = fine.iter().collect();
    let bounds = merge_crossed_empty_columns(prune_thin_columns(open_blank_last_column(column_bounds(&fine_block, x0, x1, cfg), &fine_block, cfg), &fine_block, &cfg.stream), &fine_block, cfg);
    let n_cols = bounds.len() - 1;
    if n_cols < 2 {
        return None;
    }
    // Chunks that run across a column boundary at a word gap (tightly set captions) are split
    // there.
    let cuts = &bounds[1..bounds.len() - 1];
    let rechunked: Vec<ChunkedLine<'_>> = block.iter().map(|b| ChunkedLine { line: b.line, chunks: chunks_with_cuts(b.line, cfg, cuts, &spacing) }).collect();
    // Evidence that this is a table and not a letterhead, signature block or two-column prose,
    // measured on the cells the columns cut (a value and a remark set a narrow gutter apart are
    // one chunk but two cells); lines of one value between wrapped labels are lines of cells.
    let cells_multi: Vec<&ChunkedLine<'_>> = rechunked.iter().filter(|b| b.chunks.len() >= 2 || is_lone_value(b, x0)).collect();
    // (At the top of a page, lines that read as prose may still be the rest of a table of
    // words from the page before, wrapped text cells whose lines run on in lowercase: kept
    // only if they continue it.)
    let prose = !captioned && reads_as_prose(&cells_multi, cfg);
    if prose && !reading.page_top {
        return None;
    }
    let continuation_only = rest_only || prose;
    // (Rows that may be the rest of the table before are no head of another.)
    let head_only = head_only && !continuation_only;
    let extents = content_extents(&fine_block, &bounds, &cfg.stream);
    let body_start = rechunked.iter().position(|b| has_body_value(b, &cfg.stream)).unwrap_or(0);
    // A header chunk across columns whose pieces at its cell edges each stand in one column
    // of their own is those captions, set a narrow gutter apart ("政府性基金 财政拨款收入",
    // the second wider than the values under it and past their boundary).
    let mut rechunked = rechunked;
    for line in rechunked.iter_mut().take(body_start) {
        let pieces = fine_chunks(line.line, cfg, Some(&spacing));
        line.chunks = split_at_own_columns(std::mem::take(&mut line.chunks), &pieces, &bounds, &extents, &cfg.stream);
    }
    // (On each header line, the captions on the header lines under it.)
    let captions_below: Vec<Vec<Option<(f64, f64)>>> = (0..body_start).map(|k| single_column_extents(rechunked[k + 1..body_start].iter(), &bounds, &cfg.stream)).collect();
    let mut rows: Vec<TableRow> = rechunked.iter().enumerate().map(|(k, b)| row_from_line(page, b, captions_below.get(k).map(Vec::as_slice), &bounds, &extents, &cfg.stream)).collect();
    // (A caption's bracket or unit wrapped onto the line of the captions below rejoins it
    // before the header's lines are read as levels.)
    move_wrapped_caption_ends(&mut rows, body_start, &cfg.header);
    // Lines after the body that put text into an amount column are below the table: read the
    // block again without them (its columns may have bent around them).
    if let Some(k) = misfit_tail(&rows, &cfg.stream) {
        return block_to_table(page, &block[..k], rulings, reading, cfg);
    }
    let mut bounds = bounds;
    drop_running_text_edges(&mut rows, &mut bounds, &cfg.stream);
    // Footnotes set right under the body ("*Per 100,000 …", "Abbreviation: …") are notes, not
    // rows.
    while rows.len() > 2 && rows.last().is_some_and(|r| filled_columns(r) == [0] && super::assemble::is_note(&r.cells[0].text)) {
        rows.pop();
    }
    // Leading lines with text in the first column only (headings, a note under a caption) sit
    // above the table: read the block again without them.
    let lead = rows.iter().take_while(|r| filled_columns(r) == [0]).count();
    if lead > 0 && lead < block.len() {
        return block_to_table(page, &block[lead..], rulings, reading, cfg);
    }
    let top = block.first().map_or(0.0, |b| b.line.bbox.y0);
    let bottom = block.last().map_or(0.0, |b| b.line.bbox.y1);
    // Horizontal rulings spanning most of the block (including the rules just above and below
    // it) split rows; lines of one band form one row unless the band holds several value lines.
    let line_h = block.iter().map(|b| b.line.bbox.height()).fold(1.0, f64::max);
    // A short rule under a header caption spans it over the columns the rule covers.
    span_underlined_captions(&mut rows, body_start, &bounds, rulings, line_h, cfg);
    let mut seps: Vec<f64> = rulings
        .iter()
        .filter(|r| r.orientation == Orientation::Horizontal && r.pos > top - line_h && r.pos < bottom + line_h)
        .filter(|r| cfg.stream.separates_rows(r.length(), x1 - x0))
        .map(|r| r.pos)
        .collect();
    seps.sort_by(f64::total_cmp);
    seps.dedup_by(|a, b| (*a - *b).abs() < cfg.position_slack);
    let inner = seps.iter().filter(|&&y| y > top + cfg.position_slack && y < bottom - cfg.position_slack).count();
    let use_seps = inner >= 1;
    let metrics = LineMetrics::new(block.iter().map(|b| (b.line.bbox.y0, b.line.baseline, line_size(b.line))).collect());
    let mut rows = merge_wrapped(rows, if use_seps { &seps } else { &[] }, &metrics, cfg);
    if !use_seps {
        rows = merge_header_lines(rows, cfg);
    }
    if rows.len() < 2 {
        return None;
    }
    let mut bbox = block.iter().skip(1).fold(block[0].line.bbox, |b, l| b.union(&l.line.bbox));
    // Footnote lines dropped from the bottom stay below the table (its notes).
    if let Some(last) = rows.last() {
        bbox.y1 = bbox.y1.min(last.bottom);
    }
    Some(PageTable { page, bbox, method: Method::Stream, column_x: bounds, rows, header_rows: 0, lines_above: Vec::new(), lines_below: Vec::new(), page_furniture: Vec::new(), continuation_only, head_only })
}

#[cfg(test)]
#[path = "stream_tests.rs"]
mod tests;
