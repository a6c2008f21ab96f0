//! Unruled tables: blocks of text lines whose gaps line up in columns. Horizontal rulings,
//! when they separate most rows, decide where rows start.

use super::config::TableConfig;
use super::model::{Method, PageTable, TableCell, TableRow};
use crate::layout::{TextLine, join_pieces};
use crate::pdf::{BBox, Orientation, Ruling};
use crate::text::is_numeric_token;

/// Words of one line that sit close together: one cell's worth of text on that line.
#[derive(Debug, Clone)]
pub struct Chunk {
    pub text: String,
    pub bbox: BBox,
}

/// Split a line into chunks at gaps wider than the configured column gap (and between two
/// numbers at a smaller gap).
pub fn chunks_of(line: &TextLine, cfg: &TableConfig) -> Vec<Chunk> {
    chunks_with_cuts(line, cfg, &[])
}

/// [`chunks_of`], also splitting at any word gap that contains one of the `cuts` (column
/// boundaries).
fn chunks_with_cuts(line: &TextLine, cfg: &TableConfig, cuts: &[f64]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    for w in &line.words {
        if let Some(last) = out.last_mut() {
            let gap = w.bbox.x0 - last.bbox.x1;
            let cut = gap > 0.1 * w.size && cuts.iter().any(|&x| last.bbox.x1 < x && w.bbox.x0 > x);
            let size = w.size.max(1.0);
            let prev_word = last.text.rsplit(' ').next().unwrap_or("");
            let numbers = is_numeric_token(prev_word) && is_numeric_token(&w.text);
            // Two numbers that each carry their own separator ("3,068,550 3,103,540") are two
            // values however tightly set; the parts of a number grouped with spaces
            // ("1 234 567") are bare digit groups.
            // (Punctuation after a number, "October 16, 2011,", is not a separator.)
            let separated = |t: &str| t.trim_end_matches([',', '.', ';', ':']).contains([',', '.']);
            let two_values = numbers && separated(prev_word) && separated(&w.text);
            let limit = if two_values { 0.15 } else if numbers { cfg.number_gap } else { cfg.column_gap } * size;
            if gap <= limit && !cut {
                last.text = join_pieces([last.text.as_str(), w.text.as_str()]);
                last.bbox = last.bbox.union(&w.bbox);
                continue;
            }
        }
        out.push(Chunk { text: w.text.to_string(), bbox: w.bbox });
    }
    out
}

struct LineInfo<'a> {
    line: &'a TextLine,
    chunks: Vec<Chunk>,
}

fn line_size(l: &TextLine) -> f64 {
    l.words.iter().map(|w| w.size).fold(1.0, f64::max)
}

/// Column separators from the x-occupancy of chunks: x positions covered by (almost) no
/// chunk of the block's multi-chunk lines.
fn column_bounds(infos: &[&LineInfo<'_>], x0: f64, x1: f64, cfg: &TableConfig) -> Vec<f64> {
    let width = (x1 - x0).ceil().max(1.0) as usize + 1;
    let mut occ = vec![0u32; width];
    let multi: Vec<&&LineInfo<'_>> = infos.iter().filter(|i| i.chunks.len() >= 2).collect();
    for info in &multi {
        for c in &info.chunks {
            let a = ((c.bbox.x0 - x0).floor().max(0.0) as usize).min(width - 1);
            let b = ((c.bbox.x1 - x0).ceil().max(0.0) as usize).min(width - 1);
            for o in &mut occ[a..=b] {
                *o += 1;
            }
        }
    }
    // Headers and titles may cross a gap; tolerate a few crossings.
    let allowed = ((multi.len() as f64) * cfg.gap_crossing_share).floor() as u32;
    let mut bounds = vec![x0];
    let mut i = 0;
    while i < width {
        if occ[i] <= allowed && i > 0 {
            let start = i;
            while i < width && occ[i] <= allowed {
                i += 1;
            }
            if i < width && (i - start) as f64 >= cfg.min_gap_width {
                bounds.push(x0 + (start + i) as f64 / 2.0);
            }
        } else {
            i += 1;
        }
    }
    bounds.push(x1);
    bounds
}

/// Columns a chunk covers (first..=last): those holding a real share of it (a quarter of the
/// chunk, or half the column), so a caption that only grazes a boundary stays in one column.
fn chunk_columns(bounds: &[f64], b: &BBox) -> (usize, usize) {
    let n = bounds.len() - 1;
    let w = b.width().max(0.1);
    let mut first = None;
    let mut last = 0;
    for c in 0..n {
        let (l, r) = (bounds[c], bounds[c + 1]);
        let ov = (b.x1.min(r) - b.x0.max(l)).max(0.0);
        if ov >= 0.25 * w || ov >= 0.5 * (r - l) {
            if first.is_none() {
                first = Some(c);
            }
            last = c;
        }
    }
    let first = first.unwrap_or_else(|| bounds.partition_point(|&x| x <= b.center_x()).saturating_sub(1).min(n - 1));
    (first, last.max(first))
}

/// Drop column boundaries that leave a column holding a chunk centre on fewer than two lines
/// (a header word that sticks out beside its column makes a sliver column otherwise).
fn prune_thin_columns(mut bounds: Vec<f64>, block: &[&LineInfo<'_>]) -> Vec<f64> {
    loop {
        let n = bounds.len() - 1;
        if n < 2 {
            return bounds;
        }
        let support: Vec<usize> = (0..n)
            .map(|c| block.iter().filter(|l| l.chunks.iter().any(|ch| ch.bbox.center_x() >= bounds[c] && ch.bbox.center_x() < bounds[c + 1])).count())
            .collect();
        let Some(c) = (0..n).find(|&c| support[c] < 2) else {
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

/// Per column, the x-range its text really occupies: the union of the chunks that lie inside
/// that column alone. Captions are placed against these ranges, not against the gap midpoints
/// (a caption wider than its right-aligned numbers pokes into the gap without spanning).
fn content_extents(block: &[&LineInfo<'_>], bounds: &[f64]) -> Vec<Option<(f64, f64)>> {
    let n = bounds.len() - 1;
    let mut ext: Vec<Option<(f64, f64)>> = vec![None; n];
    // Body-like lines only (most columns filled): captions would blur the ranges.
    let full = (n as f64 * 0.6).ceil().max(2.0) as usize;
    for l in block.iter().filter(|l| l.chunks.len() >= full) {
        for ch in &l.chunks {
            let (a, b) = chunk_columns(bounds, &ch.bbox);
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
fn chunk_columns_by_content(bounds: &[f64], extents: &[Option<(f64, f64)>], b: &BBox) -> (usize, usize) {
    let (a, z) = chunk_columns(bounds, b);
    if a == z {
        return (a, z);
    }
    let touched: Vec<usize> = (a..=z)
        .filter(|&c| extents[c].is_some_and(|(l, r)| (b.x1.min(r) - b.x0.max(l)) > 0.2 * (r - l).max(1.0)))
        .collect();
    match (touched.first(), touched.last()) {
        (Some(&f), Some(&l)) => (f, l),
        _ => (a, z),
    }
}

fn row_from_line(page: usize, info: &LineInfo<'_>, bounds: &[f64], extents: &[Option<(f64, f64)>]) -> TableRow {
    let n = bounds.len() - 1;
    let mut cells = vec![TableCell::blank(); n];
    for ch in &info.chunks {
        let (a, b) = chunk_columns_by_content(bounds, extents, &ch.bbox);
        if cells[a].covered {
            continue;
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
    TableRow { page, top: info.line.bbox.y0, bottom: info.line.bbox.y1, cells, label: None, level: None }
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

fn filled_columns(r: &TableRow) -> Vec<usize> {
    r.cells.iter().enumerate().filter(|(_, c)| !c.covered && !c.text.trim().is_empty()).map(|(i, _)| i).collect()
}

/// Merge row `src` into `dst` (cell by cell), `src_below` telling the reading order.
fn merge_rows(dst: &mut TableRow, src: &TableRow, src_below: bool) {
    for (d, s) in dst.cells.iter_mut().zip(&src.cells) {
        if s.text.trim().is_empty() {
            continue;
        }
        if d.covered {
            continue;
        }
        d.text = if src_below { join_pieces([d.text.as_str(), s.text.as_str()]) } else { join_pieces([s.text.as_str(), d.text.as_str()]) };
        d.col_span = d.col_span.max(s.col_span);
    }
    dst.top = dst.top.min(src.top);
    dst.bottom = dst.bottom.max(src.bottom);
    normalize_spans(&mut dst.cells);
}

/// Make column spans consistent: a span only covers blank positions to its right, and the
/// positions it covers are marked covered (and nothing else is).
fn normalize_spans(cells: &mut [TableCell]) {
    let n = cells.len();
    for c in cells.iter_mut() {
        if c.covered && !c.text.trim().is_empty() {
            c.covered = false;
            c.col_span = 1;
        }
    }
    let mut i = 0;
    while i < n {
        if cells[i].covered {
            // An orphan covered cell (no anchor reaching it) becomes blank.
            cells[i] = TableCell::blank();
            i += 1;
            continue;
        }
        let want = cells[i].col_span.max(1);
        let mut span = 1;
        while span < want && i + span < n && cells[i + span].text.trim().is_empty() {
            span += 1;
        }
        cells[i].col_span = span;
        for c in cells.iter_mut().take(i + span).skip(i + 1) {
            *c = TableCell::covered();
        }
        i += span;
    }
}

/// Join wrapped lines into their rows. `separators` are the y of horizontal rulings across the
/// table; without them see [`merge_wrapped_lines`].
fn merge_wrapped(rows: Vec<TableRow>, separators: &[f64], cfg: &TableConfig) -> Vec<TableRow> {
    if separators.is_empty() {
        return merge_wrapped_lines(rows, cfg);
    }
    // Group lines by the band between separators (see [`flush_band`]).
    let mut out: Vec<TableRow> = Vec::new();
    let mut band: Vec<TableRow> = Vec::new();
    let mut band_id = usize::MAX;
    for r in rows {
        let mid = (r.top + r.bottom) / 2.0;
        let b = separators.partition_point(|&y| y < mid);
        if b != band_id {
            let first = out.is_empty();
            flush_band(std::mem::take(&mut band), &mut out, first, cfg);
            band_id = b;
        }
        band.push(r);
    }
    let first = out.is_empty();
    flush_band(band, &mut out, first, cfg);
    out
}

/// The rows of the lines of one band between rules. A band is one row, unless some column has
/// values on two or more of its lines (then the rules only frame a block of rows). A caption
/// above a value in the same column ("Budget" over "$1.1M", "(HA)" over "(2)") ends the row
/// at the value's line: captions and values that no rule separates are a header row and a
/// body row, not one wrapped row. (A year under a caption, "Dự toán năm" over "2024", is one
/// wrapped header cell.) Below the first band (the header), lines that all fill the same two
/// or more columns and do not continue a text in lowercase are rows of their own (a body
/// framed only by rules above and below, as in booktabs tables); wrapped captions fill
/// different columns line by line.
fn flush_band(band: Vec<TableRow>, out: &mut Vec<TableRow>, first: bool, cfg: &TableConfig) {
    if band.is_empty() {
        return;
    }
    let n = band[0].cells.len();
    let is_value = |r: &TableRow, c: usize| r.cells.get(c).is_some_and(|x| crate::text::is_value_like(&x.text));
    let filled = filled_columns(&band[0]);
    let complete_rows = !first
        && band.len() >= 2
        && filled.len() >= 2
        && band[1..].iter().all(|r| filled_columns(r) == filled && !r.cells.iter().any(|c| starts_lowercase(&c.text)));
    // Three or more lines that each start a row (a label in the first column, no lowercase
    // continuation, text in another column) are a block of rows however their columns fill.
    let starts_row = |r: &TableRow| {
        let f = filled_columns(r);
        f.len() >= 2 && f[0] == 0 && !r.cells.iter().any(|c| starts_lowercase(&c.text))
    };
    let many_rows = !first && band.iter().filter(|r| starts_row(r)).count() >= 3;
    if complete_rows || many_rows || (0..n).any(|c| band.iter().filter(|r| is_value(r, c)).count() >= 2) {
        out.extend(merge_wrapped_lines(band, cfg));
        return;
    }
    let is_caption = |r: &TableRow, c: usize| r.cells.get(c).is_some_and(|x| !x.text.trim().is_empty() && !crate::text::is_value_like(&x.text));
    let body_value = |r: &TableRow, c: usize| r.cells.get(c).is_some_and(|x| super::header::is_value_cell(&x.text));
    let value_under_caption = (1..band.len()).find(|&i| (0..n).any(|c| body_value(&band[i], c) && band[..i].iter().any(|r| is_caption(r, c))));
    let mut band = band;
    let rest = value_under_caption.map(|i| band.split_off(i));
    // One row, except that a line with a cell spanning columns is a header level of its own (a
    // caption over several columns, then the captions under it).
    let mut current: Option<TableRow> = None;
    let mut current_spans = false;
    for r in band {
        let spans = r.cells.iter().any(|c| c.col_span > 1);
        match current.as_mut() {
            Some(cur) if !spans && !current_spans => merge_rows(cur, &r, true),
            _ => {
                out.extend(current.take());
                current = Some(r);
                current_spans = spans;
            }
        }
    }
    out.extend(current);
    if let Some(rest) = rest {
        flush_band(rest, out, false, cfg);
    }
}

/// Without rules, each line of a multi-line header is a row of its own at first: join the
/// header lines column by column into one row, except that a line with a caption spanning
/// several columns stays a header level of its own.
fn merge_header_lines(rows: Vec<TableRow>) -> Vec<TableRow> {
    let h = super::header::header_row_count(&rows);
    if h < 2 {
        return rows;
    }
    let mut out: Vec<TableRow> = Vec::with_capacity(rows.len());
    let mut current_spans = false;
    for (i, r) in rows.into_iter().enumerate() {
        let spans = r.cells.iter().any(|c| c.col_span > 1);
        match out.last_mut() {
            Some(prev) if i < h && !spans && !current_spans => merge_rows(prev, &r, true),
            _ => {
                current_spans = spans;
                out.push(r);
            }
        }
    }
    out
}

/// Join wrapped lines without rulings: a line with text in a single column joins the row above
/// when it continues it (lowercase start, tight spacing), or the row below when that row's text
/// in the same column continues it.
pub(super) fn merge_wrapped_lines(rows: Vec<TableRow>, cfg: &TableConfig) -> Vec<TableRow> {
    let n = rows.len();
    let filled: Vec<Vec<usize>> = rows.iter().map(filled_columns).collect();
    // Decide for each single-column line whether it joins up (-1), down (+1) or stays (0).
    let mut dir = vec![0i8; n];
    for i in 0..n {
        // A line whose every cell runs on in lowercase continues the row above.
        let runs_on = filled[i].len() >= 2 && filled[i].iter().all(|&c| starts_lowercase(&rows[i].cells[c].text));
        if runs_on && i > 0 && rows[i].top - rows[i - 1].bottom <= cfg.wrap_gap * (rows[i].bottom - rows[i].top).max(1.0) {
            dir[i] = -1;
            continue;
        }
        if filled[i].len() != 1 || rows[i].cells.len() < 2 {
            continue;
        }
        let c = filled[i][0];
        let text = rows[i].cells[c].text.as_str();
        let h = (rows[i].bottom - rows[i].top).max(1.0);
        let gap_up = if i > 0 { rows[i].top - rows[i - 1].bottom } else { f64::MAX };
        let gap_down = if i + 1 < n { rows[i + 1].top - rows[i].bottom } else { f64::MAX };
        let tight = cfg.wrap_gap * h;
        // Up: the row above has text in this column (or receives it from the line above it).
        let above_has_text = i > 0 && !rows[i - 1].cells[c].covered && !rows[i - 1].cells[c].text.is_empty();
        let above_receives = i >= 2 && dir[i - 2] == 1 && filled[i - 2] == [c];
        let up_ok = i > 0 && gap_up <= tight && (above_has_text || above_receives);
        // Down: the row below continues this text, or has values but nothing in this column
        // (its label is wrapped around its numbers).
        let down_ok = i + 1 < n
            && gap_down <= tight
            && filled[i + 1].len() > 1
            && ((filled[i + 1].contains(&c) && starts_lowercase(&rows[i + 1].cells[c].text))
                || (!filled[i + 1].contains(&c) && !rows[i + 1].cells[c].covered));
        if up_ok && starts_lowercase(text) {
            dir[i] = -1;
        } else if down_ok {
            dir[i] = 1;
        }
    }
    let mut out: Vec<TableRow> = Vec::new();
    let mut pending: Vec<TableRow> = Vec::new();
    for (i, r) in rows.into_iter().enumerate() {
        match dir[i] {
            -1 if !out.is_empty() => {
                if let Some(last) = out.last_mut() {
                    merge_rows(last, &r, true);
                }
            }
            1 => pending.push(r),
            _ => {
                let mut r = r;
                for p in pending.drain(..).rev() {
                    merge_rows(&mut r, &p, false);
                }
                out.push(r);
            }
        }
    }
    out.extend(pending);
    out
}

/// Find the unruled tables among a page's text lines. `rulings` are the page's rulings not used
/// by ruled tables.
pub fn find_stream_tables(page: usize, lines: &[&TextLine], rulings: &[Ruling], cfg: &TableConfig) -> Vec<PageTable> {
    let infos: Vec<LineInfo<'_>> = lines.iter().filter(|l| l.upright).map(|l| LineInfo { chunks: chunks_of(l, cfg), line: l }).collect();
    let mut tables = Vec::new();
    let mut i = 0;
    let mut prev_end = 0usize;
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
                infos[m].chunks.iter().all(|c| !super::header::is_value_cell(&c.text) && c.text.split_whitespace().count() <= 6)
            });
            let limit = if captions_only { cfg.max_header_gap } else { cfg.max_row_gap };
            if gap > limit * size {
                break;
            }
            members.push(j);
            if infos[j].chunks.len() >= 2 {
                last_multi = j;
            } else if j - last_multi > cfg.max_single_lines {
                break;
            }
            j += 1;
        }
        // Trailing single-chunk lines are not part of the table.
        while members.last().is_some_and(|&m| m > last_multi) {
            members.pop();
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
                r.orientation == Orientation::Horizontal && r.pos < cand.line.bbox.y0 && r.pos > cand.line.bbox.y0 - 2.0 * cand.line.bbox.height()
            });
            let rule_between = rulings.iter().any(|r| r.orientation == Orientation::Horizontal && r.pos > cand.line.bbox.y1 - 1.0 && r.pos < top + 1.0);
            if rule_above && !rule_between && gap <= cand.line.bbox.height() {
                members.insert(0, first - 1);
            } else {
                break;
            }
        }
        i = last_multi + 1;
        prev_end = last_multi;
        let block: Vec<&LineInfo<'_>> = members.iter().map(|&m| &infos[m]).collect();
        // A "Table 1." caption just above (or at the top of) the block says it is a table even
        // when its cells are words, not numbers.
        let first = members[0];
        let top = infos[first].line.bbox.y0;
        let captioned = (first.saturating_sub(2)..(first + 2).min(infos.len())).any(|k| {
            let l = infos[k].line;
            is_table_caption(&l.text()) && top - l.bbox.y1 <= 4.0 * line_size(l)
        });
        if let Some(t) = block_to_table(page, &block, rulings, captioned, cfg) {
            tables.push(t);
        }
    }
    tables
}

/// True for a table caption line: "Table 14.", "Exhibit B.4", "Bảng 2", "Biểu số 01", "表 3".
pub(super) fn is_caption_line(text: &str) -> bool {
    let t = text.trim_start().to_lowercase();
    const WORDS: [&str; 7] = ["table ", "exhibit ", "figure ", "bảng ", "biểu ", "chart ", "表"];
    WORDS.iter().any(|w| {
        t.strip_prefix(w).is_some_and(|rest| rest.trim_start().chars().next().is_some_and(|c| c.is_ascii_alphanumeric()))
    })
}

/// True when column `c` holds running text: lines of the page's other text column that share
/// baselines with the table's rows. Such lines break mid-sentence, so most start in lowercase
/// (a table's own text column starts its cells with capitals), and none is a number.
fn is_running_text_column(rows: &[TableRow], c: usize) -> bool {
    let cells: Vec<&str> = rows.iter().filter_map(|r| r.cells.get(c)).filter(|x| !x.covered && !x.text.trim().is_empty()).map(|x| x.text.trim()).collect();
    let lowercase = cells.iter().filter(|t| starts_lowercase(t)).count();
    cells.len() >= 5 && lowercase * 2 >= cells.len() && !cells.iter().any(|t| t.split_whitespace().all(is_numeric_token))
}

/// Drop columns of running text at either edge of a table (a table set in one column of a
/// two-column page picks up the other column's lines), and the rows left empty.
fn drop_running_text_edges(rows: &mut Vec<TableRow>, bounds: &mut Vec<f64>) {
    let n_cols = |b: &Vec<f64>| b.len().saturating_sub(1);
    while n_cols(bounds) > 2 && is_running_text_column(rows, n_cols(bounds) - 1) {
        let last = n_cols(bounds) - 1;
        for r in rows.iter_mut() {
            r.cells.truncate(last);
            for (k, cell) in r.cells.iter_mut().enumerate() {
                cell.col_span = cell.col_span.min(last - k).max(1);
            }
        }
        bounds.pop();
    }
    while n_cols(bounds) > 2 && is_running_text_column(rows, 0) {
        for r in rows.iter_mut() {
            if !r.cells.is_empty() {
                r.cells.remove(0);
            }
            if let Some(first) = r.cells.first_mut().filter(|c| c.covered) {
                *first = TableCell::blank();
            }
        }
        bounds.remove(0);
    }
    rows.retain(|r| !filled_columns(r).is_empty());
}

/// True for a caption that names a table: "Table 1.", "Exhibit B.4", "Bảng 2", "表 3" (not
/// figures or charts).
fn is_table_caption(text: &str) -> bool {
    let t = text.trim_start().to_lowercase();
    is_caption_line(&t) && !t.starts_with("figure") && !t.starts_with("chart")
}

/// The table of a block of lines, if it is one. `captioned`: a table caption names the block,
/// so cells of words (no numbers) are no reason to reject it.
fn block_to_table(page: usize, block: &[&LineInfo<'_>], rulings: &[Ruling], captioned: bool, cfg: &TableConfig) -> Option<PageTable> {
    // A caption at the top of the block ("Table 14. Actual and projected …" and its wrapped
    // lowercase continuation lines) is the table's title, not a row.
    let line_text = |l: &LineInfo<'_>| l.line.text();
    // (A running page header above the caption goes with it.)
    let mut skip = 0;
    if let Some(k) = block.iter().take(4).position(|l| is_caption_line(&line_text(l))) {
        skip = k + 1;
        while skip < block.len() && line_text(block[skip]).trim_start().chars().next().is_some_and(char::is_lowercase) {
            skip += 1;
        }
    }
    let block = &block[skip..];
    let multi: Vec<&&LineInfo<'_>> = block.iter().filter(|b| b.chunks.len() >= 2).collect();
    if multi.len() < cfg.min_stream_rows {
        return None;
    }
    let x0 = block.iter().map(|b| b.line.bbox.x0).fold(f64::MAX, f64::min);
    let x1 = block.iter().map(|b| b.line.bbox.x1).fold(f64::MIN, f64::max);
    let bounds = prune_thin_columns(column_bounds(block, x0, x1, cfg), block);
    let n_cols = bounds.len() - 1;
    if n_cols < 2 {
        return None;
    }
    // Evidence that this is a table and not a letterhead, signature block or two-column prose.
    let wide_lines = multi.iter().filter(|m| m.chunks.len() >= 3).count();
    let numeric_chunks = multi.iter().flat_map(|m| m.chunks.iter()).filter(|c| c.text.split_whitespace().all(is_numeric_token)).count();
    let total_chunks: usize = multi.iter().map(|m| m.chunks.len()).sum();
    let words: usize = multi.iter().flat_map(|m| m.chunks.iter()).map(|c| c.text.split_whitespace().count()).sum();
    let numeric_share = numeric_chunks as f64 / total_chunks.max(1) as f64;
    // Newspaper columns read as chunks too: their lines run on from the line above, so many
    // start in lowercase, which table cells rarely do.
    let lowercase_chunks = multi.iter().flat_map(|m| m.chunks.iter()).filter(|c| starts_lowercase(&c.text)).count();
    let running_text = lowercase_chunks as f64 / total_chunks.max(1) as f64 > cfg.max_lowercase_share && numeric_share < 0.3;
    let prose_like = words as f64 / total_chunks.max(1) as f64 > cfg.max_words_per_chunk || running_text;
    if !captioned && (prose_like || (wide_lines < 2 && numeric_share < 0.3)) {
        return None;
    }
    let extents = content_extents(block, &bounds);
    // Chunks that run across a column boundary at a word gap (tightly set captions) are split
    // there.
    let cuts = &bounds[1..bounds.len() - 1];
    let rechunked: Vec<LineInfo<'_>> = block.iter().map(|b| LineInfo { line: b.line, chunks: chunks_with_cuts(b.line, cfg, cuts) }).collect();
    let mut rows: Vec<TableRow> = rechunked.iter().map(|b| row_from_line(page, b, &bounds, &extents)).collect();
    let mut bounds = bounds;
    drop_running_text_edges(&mut rows, &mut bounds);
    // Footnotes set right under the body ("*Per 100,000 …", "Abbreviation: …") are notes, not
    // rows.
    while rows.len() > 2 && rows.last().is_some_and(|r| filled_columns(r) == [0] && super::assemble::is_note(&r.cells[0].text)) {
        rows.pop();
    }
    // Leading lines with text in the first column only (headings, a note under a caption) sit
    // above the table: read the block again without them.
    let lead = rows.iter().take_while(|r| filled_columns(r) == [0]).count();
    if lead > 0 && lead < block.len() {
        return block_to_table(page, &block[lead..], rulings, captioned, cfg);
    }
    let top = block.first().map_or(0.0, |b| b.line.bbox.y0);
    let bottom = block.last().map_or(0.0, |b| b.line.bbox.y1);
    // Horizontal rulings spanning most of the block (including the rules just above and below
    // it) split rows; lines of one band form one row unless the band holds several value lines.
    let line_h = block.iter().map(|b| b.line.bbox.height()).fold(1.0, f64::max);
    let mut seps: Vec<f64> = rulings
        .iter()
        .filter(|r| r.orientation == Orientation::Horizontal && r.pos > top - line_h && r.pos < bottom + line_h)
        .filter(|r| r.length() >= 0.5 * (x1 - x0))
        .map(|r| r.pos)
        .collect();
    seps.sort_by(f64::total_cmp);
    seps.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    let inner = seps.iter().filter(|&&y| y > top + 1.0 && y < bottom - 1.0).count();
    let use_seps = inner >= 1;
    let mut rows = merge_wrapped(rows, if use_seps { &seps } else { &[] }, cfg);
    if !use_seps {
        rows = merge_header_lines(rows);
    }
    if rows.len() < 2 {
        return None;
    }
    let mut bbox = block.iter().skip(1).fold(block[0].line.bbox, |b, l| b.union(&l.line.bbox));
    // Footnote lines dropped from the bottom stay below the table (its notes).
    if let Some(last) = rows.last() {
        bbox.y1 = bbox.y1.min(last.bottom);
    }
    Some(PageTable { page, bbox, method: Method::Stream, column_x: bounds, rows, lines_above: Vec::new(), lines_below: Vec::new(), page_furniture: Vec::new() })
}

#[cfg(test)]
#[path = "stream_tests.rs"]
mod tests;
