//! Columns set closer than the column gap. In: a page's chunked lines (chunks at the column
//! gap). Out: the same lines, those whose cells sit a narrow gutter apart (a third to half an
//! em) split into their cells, so that the block finder sees them as table lines.
//!
//! A line is split at a cell edge ([`fine_chunks`]) only when the edge is a gutter on this
//! line and lines up with gutters on nearby lines. A gutter is wider than the line's ordinary
//! word space (its lower median; an em third without words to compare), and does not follow a
//! list marker ("c)  The engine builder …" hangs its text, it is no cell). Two gutters line up
//! when their gaps overlap and they share an edge: the end of the cell before (right-aligned
//! cells), the start of the cell after (left-aligned), or the end of the cell after
//! (right-aligned values). Gutters line up down a table; the wider spaces of a line of prose
//! do not.

use super::chunk::{Chunk, ChunkedLine, fine_chunks, has_letter};
use super::config::TableConfig;
use crate::layout::TextLine;

/// A gutter of one line: the gap between two cells and the right end of the cell after it.
#[derive(Debug, Clone, Copy)]
struct Gutter {
    from: f64,
    to: f64,
    next_end: f64,
}

impl Gutter {
    fn lines_up_with(&self, o: &Gutter, tol: f64) -> bool {
        self.from.max(o.from) < self.to.min(o.to) && ((self.from - o.from).abs() <= tol || (self.to - o.to).abs() <= tol || (self.next_end - o.next_end).abs() <= tol)
    }
}

/// The line's ordinary word space in points: the lower median of the gaps between two words
/// with letters.
fn ordinary_space(line: &TextLine) -> Option<f64> {
    let letters = |t: &str| has_letter(t) && !crate::text::is_numeric_token(t);
    let mut gaps: Vec<f64> = line.words.windows(2).filter(|w| letters(&w[0].text) && letters(&w[1].text)).map(|w| w[1].bbox.x0 - w[0].bbox.x1).filter(|&g| g > 0.0).collect();
    gaps.sort_by(f64::total_cmp);
    gaps.get(gaps.len().checked_sub(1)? / 2).copied()
}

/// The gutters of a line whose cells are `chunks`. After a row marker only when the line is
/// already a line of cells (`table_line`: a marker column beside labels and values); a list
/// item alone on its line hangs its text after the marker.
fn gutters(line: &TextLine, chunks: &[Chunk], table_line: bool, cfg: &TableConfig) -> Vec<Gutter> {
    let size = line.words.iter().map(|w| w.size).fold(1.0, f64::max);
    let wider_than = ordinary_space(line).map_or(cfg.stream.group_space_gap * size, |s| s * cfg.stream.text_edge_space_ratio);
    chunks
        .windows(2)
        .filter(|w| w[1].bbox.x0 - w[0].bbox.x1 > wider_than && (table_line || !crate::text::is_row_marker(w[0].text.trim())))
        .map(|w| Gutter { from: w[0].bbox.x1, to: w[1].bbox.x0, next_end: w[1].bbox.x1 })
        .collect()
}

/// Split the lines whose narrow gutters line up with those of at least `min_column_support`
/// other lines within `gutter_window` lines: a line of one chunk into its cells, a line of
/// several chunks at those gutters only (two amounts set a narrow gutter apart inside one
/// chunk, beside a label at the column gap).
pub(super) fn narrow_gutter_chunks<'a>(mut infos: Vec<ChunkedLine<'a>>, cfg: &TableConfig) -> Vec<ChunkedLine<'a>> {
    let fine: Vec<Vec<Chunk>> = infos.iter().map(|i| fine_chunks(i.line, cfg, None)).collect();
    let all: Vec<Vec<Gutter>> = fine.iter().zip(&infos).map(|(f, i)| gutters(i.line, f, i.chunks.len() >= 2, cfg)).collect();
    let w = cfg.stream.gutter_window;
    let lined_up: Vec<Vec<Gutter>> = (0..infos.len())
        .map(|i| {
            let near = i.saturating_sub(w)..(i + w + 1).min(infos.len());
            let support = |g: &Gutter| near.clone().filter(|&j| j != i && all[j].iter().any(|o| g.lines_up_with(o, cfg.position_slack))).count();
            all[i].iter().copied().filter(|g| support(g) >= cfg.stream.min_column_support).collect()
        })
        .collect();
    for ((info, f), cuts) in infos.iter_mut().zip(fine).zip(lined_up) {
        if cuts.is_empty() {
            continue;
        }
        if info.chunks.len() < 2 {
            info.chunks = f;
        } else {
            info.chunks = cut_at(&info.chunks, f, &cuts);
        }
    }
    infos
}

/// `fine` (the cells of a line whose chunks are `chunks`) joined back into chunks, except
/// across a chunk boundary or one of the gutters `cuts`.
fn cut_at(chunks: &[Chunk], fine: Vec<Chunk>, cuts: &[Gutter]) -> Vec<Chunk> {
    let chunk_of = |c: &Chunk| chunks.iter().position(|k| c.bbox.x0 >= k.bbox.x0 && c.bbox.x1 <= k.bbox.x1);
    let mut out: Vec<Chunk> = Vec::new();
    let mut prev_chunk = None;
    for c in fine {
        let owner = chunk_of(&c);
        if let Some(last) = out.last_mut() {
            let at_cut = cuts.iter().any(|g| (g.from - last.bbox.x1).abs() < f64::EPSILON && (g.to - c.bbox.x0).abs() < f64::EPSILON);
            if owner.is_some() && owner == prev_chunk && !at_cut {
                last.append(&c.text, &c.bbox);
                continue;
            }
        }
        prev_chunk = owner;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Word;
    use crate::pdf::BBox;

    fn line(y: f64, words: &[(&str, f64, f64)]) -> TextLine {
        let words: Vec<Word> = words.iter().map(|&(t, x0, x1)| Word { text: t.into(), bbox: BBox::new(x0, y, x1, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 }).collect();
        TextLine { bbox: BBox::new(words[0].bbox.x0, y, words[words.len() - 1].bbox.x1, y + 10.0), baseline: y + 8.0, upright: true, words }
    }

    fn split_counts(lines: &[TextLine]) -> Vec<usize> {
        let cfg = TableConfig::default();
        let infos: Vec<ChunkedLine<'_>> = lines.iter().map(|l| ChunkedLine { chunks: super::super::chunk::chunks_of(l, &cfg), line: l }).collect();
        narrow_gutter_chunks(infos, &cfg).iter().map(|i| i.chunks.len()).collect()
    }

    #[test]
    fn gutters_of_a_third_of_an_em_that_line_up_split_their_lines() {
        // Spaces 2.6 pt, gutters 4 pt at 10 pt: "Outcome  Quality  Deliver the plan  ≥86%".
        let lines = [
            line(0.0, &[("Outcome", 0.0, 40.0), ("Quality", 44.0, 80.0), ("Deliver", 84.0, 115.0), ("the", 117.6, 130.0), ("plan", 132.6, 150.0), ("≥86%", 154.0, 174.0)]),
            line(12.0, &[("Output", 0.0, 35.0), ("Timely", 44.0, 75.0), ("Pay", 84.0, 100.0), ("all", 102.6, 115.0), ("claims", 117.6, 150.0), ("≥90%", 154.0, 174.0)]),
            line(24.0, &[("Outcome", 0.0, 40.0), ("Costs", 44.0, 80.0), ("Train", 84.0, 105.0), ("the", 107.6, 120.0), ("staff", 122.6, 146.0), ("≤75%", 154.0, 174.0)]),
        ];
        assert_eq!(split_counts(&lines), [4, 4, 4]);
    }

    #[test]
    fn amounts_a_narrow_gutter_apart_inside_a_chunk_split_there() {
        // Two amounts grouped with spaces (2.6 pt) set a 4 pt gutter apart; the "Total" line
        // holds them in one chunk beside its label.
        let amounts = |y: f64, label: &[(&'static str, f64, f64)]| {
            let mut w = label.to_vec();
            w.extend([("62", 100.0, 110.0), ("370", 112.6, 127.0), ("000", 129.6, 144.0), ("31", 148.0, 158.0), ("685", 160.6, 175.0), ("000", 177.6, 192.0)]);
            line(y, &w)
        };
        let lines = [amounts(0.0, &[]), amounts(12.0, &[]), amounts(24.0, &[("Total", 0.0, 25.0)])];
        assert_eq!(split_counts(&lines), [2, 2, 3]);
    }

    #[test]
    fn prose_and_lists_stay_whole() {
        // A hanging list: the markers line up, the text after them is no cell.
        let list = [
            line(0.0, &[("a)", 0.0, 8.0), ("The", 13.0, 35.0), ("engine", 37.6, 60.0), ("is", 62.6, 70.0), ("tested", 72.6, 95.0)]),
            line(12.0, &[("b)", 0.0, 8.0), ("Air", 13.0, 32.0), ("receivers", 34.6, 70.0), ("are", 72.6, 85.0), ("fitted", 87.6, 110.0)]),
            line(24.0, &[("c)", 0.0, 8.0), ("Valves", 13.0, 45.0), ("open", 47.6, 65.0), ("at", 67.6, 75.0), ("once", 77.6, 95.0)]),
        ];
        assert_eq!(split_counts(&list), [1, 1, 1]);
        // A marker column a narrow gutter left of its labels, on lines of cells (amounts at the
        // column gap), is a column.
        let marked = [
            line(0.0, &[("1", 0.0, 4.0), ("Education", 9.0, 50.0), ("90", 100.0, 110.0)]),
            line(12.0, &[("2", 0.0, 4.0), ("Schools", 9.0, 42.0), ("60", 100.0, 110.0)]),
            line(24.0, &[("3", 0.0, 4.0), ("Colleges", 9.0, 45.0), ("30", 100.0, 110.0)]),
        ];
        assert_eq!(split_counts(&marked), [3, 3, 3]);
        // Prose whose wider spaces (after a full stop) fall at different places.
        let prose = [
            line(0.0, &[("It", 0.0, 8.0), ("rose.", 10.6, 30.0), ("Then", 35.0, 55.0), ("it", 57.6, 62.0), ("fell", 64.6, 80.0)]),
            line(12.0, &[("again", 0.0, 22.0), ("and", 24.6, 38.0), ("again.", 40.6, 62.0), ("Costs", 67.0, 90.0), ("grew", 92.6, 110.0)]),
            line(24.0, &[("by", 0.0, 10.0), ("10%", 12.6, 28.0), ("in", 30.6, 38.0), ("all", 40.6, 52.0), ("years.", 54.6, 78.0)]),
        ];
        assert_eq!(split_counts(&prose), [1, 1, 1]);
    }
}
