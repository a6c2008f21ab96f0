//! A page table read again in another table's columns. In: a page table, its page's text
//! lines, the column boundaries of the table on the other side of a page break and, when the
//! header repeats there, that header. Out: the same rows with their words put into those
//! columns, or nothing when a word would straddle a boundary or fall outside them.
//!
//! The last rows of a long table, on the next page, are too few for their own columns to show:
//! a column empty on that page is dropped, two rows under a frame show no gutter. The columns of
//! the table they continue do, and every word falling inside one of them is the evidence that
//! the rows are read right in them.

use super::header::is_value_cell;
use super::model::{PageTable, TableCell, TableRow};
use crate::layout::{TextLine, Word, join_pieces};

/// `pt`'s rows read in the columns `column_x` from its page's `lines`. Its header rows are
/// replaced by `header` when given (the same header read on the other page, in those columns),
/// else read again too. None when `pt`'s header rows do not hold `header`'s text, when a word
/// lies outside the columns, a value (or a word of a header read again) straddles a boundary
/// (by more than `slack`), or the re-read text is not exactly `pt`'s.
pub(super) fn refit_to_columns(pt: &PageTable, lines: &[TextLine], column_x: &[f64], header: Option<&[TableRow]>, slack: f64) -> Option<PageTable> {
    let hdr = pt.header().len();
    if header.is_some_and(|h| text_chars(pt.header()) != text_chars(h)) || column_x.len() < 2 {
        return None;
    }
    let (left, right) = (column_x[0].min(pt.bbox.x0), column_x[column_x.len() - 1].max(pt.bbox.x1));
    let n_cols = column_x.len() - 1;
    let (kept, reread) = match header {
        Some(h) => (h.iter().map(|r| TableRow { page: pt.page, ..r.clone() }).collect(), &pt.rows[hdr..]),
        None => (Vec::new(), &pt.rows[..]),
    };
    let mut rows: Vec<TableRow> = kept;
    let first_reread = rows.len();
    for (k, row) in reread.iter().enumerate() {
        // Captions span columns: a word of one across a boundary says the columns are not its.
        let strict = header.is_none() && k < hdr;
        // The row's lines, each as the words of every column.
        let mut pieces: Vec<Vec<String>> = vec![Vec::new(); n_cols];
        for line in lines.iter().filter(|l| l.upright) {
            let words = line.words.iter().filter(|w| (row.top..=row.bottom).contains(&w.bbox.center_y()) && w.bbox.x1 > left && w.bbox.x0 < right);
            for (col, text) in line_in_columns(words, column_x, slack, strict)?.into_iter().enumerate().filter(|(_, t)| !t.is_empty()) {
                pieces[col].push(text);
            }
        }
        let cells = pieces.iter().map(|p| TableCell::new(join_pieces(p.iter().map(String::as_str)))).collect();
        rows.push(TableRow { cells, ..row.clone() });
    }
    if text_chars(&rows[first_reread..]) != text_chars(reread) {
        return None;
    }
    let header_rows = header.map_or(hdr, <[TableRow]>::len);
    Some(PageTable { column_x: column_x.to_vec(), rows, header_rows, ..pt.clone() })
}

/// The non-space characters of rows' cells, sorted: their text, whatever the columns.
fn text_chars(rows: &[TableRow]) -> Vec<char> {
    let mut c: Vec<char> = rows.iter().flat_map(|r| r.cells.iter().flat_map(|c| c.text.chars())).filter(|c| !c.is_whitespace()).collect();
    c.sort_unstable();
    c
}

/// Whether `pt`'s header repeats `prev`'s: both have header rows, with the same text however
/// it was cut into cells.
pub(super) fn repeats_header(prev: &PageTable, pt: &PageTable) -> bool {
    !pt.header().is_empty() && text_chars(pt.header()) == text_chars(prev.header())
}

/// The words of one line (left to right) in the columns `column_x`: each column's words
/// joined with spaces; None when a word lies in no column (give or take `slack`). Unless
/// `strict`, a word of text may reach into the next column's gutter (a longer label than the
/// page the boundaries come from had): it goes to the column holding most of it. A value must
/// lie inside one.
pub(super) fn line_in_columns<'w>(words: impl IntoIterator<Item = &'w Word>, column_x: &[f64], slack: f64, strict: bool) -> Option<Vec<String>> {
    let mut texts = vec![String::new(); column_x.len().saturating_sub(1)];
    for w in words {
        let inside = column_x.windows(2).position(|c| w.bbox.x0 >= c[0] - slack && w.bbox.x1 <= c[1] + slack);
        let col = match inside {
            Some(col) => col,
            None if !strict && !is_value_cell(&w.text) => column_x.windows(2).position(|c| 2.0 * (w.bbox.x1.min(c[1]) - w.bbox.x0.max(c[0])) > w.bbox.width())?,
            None => return None,
        };
        if !texts[col].is_empty() {
            texts[col].push(' ');
        }
        texts[col].push_str(&w.text);
    }
    Some(texts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::BBox;
    use crate::table::model::Method;

    fn word(text: &str, x0: f64, top: f64) -> Word {
        Word { text: text.into(), bbox: BBox::new(x0, top, x0 + 5.0 * text.chars().count() as f64, top + 10.0), size: 10.0, bold: false, baseline: top + 10.0 }
    }

    fn line(words: Vec<Word>) -> TextLine {
        let bbox = words.iter().skip(1).fold(words[0].bbox, |b, w| b.union(&w.bbox));
        TextLine { words, bbox, baseline: bbox.y1 - 2.0, upright: true }
    }

    /// Two rows read as two columns: a label column, and everything else run together.
    fn two_column_fragment(rows: &[(&str, &str, f64)]) -> PageTable {
        PageTable {
            page: 2,
            bbox: BBox::new(50.0, 100.0, 400.0, 140.0),
            method: Method::Ruled,
            column_x: vec![50.0, 80.0, 400.0],
            rows: rows.iter().map(|(m, rest, top)| TableRow::new(2, *top, top + 14.0, vec![TableCell::new(m.to_string()), TableCell::new(rest.to_string())])).collect(),
            header_rows: 0,
            lines_above: Vec::new(),
            lines_below: Vec::new(),
            page_furniture: Vec::new(),
            continuation_only: true,
            head_only: false,
        }
    }

    #[test]
    fn rows_run_together_are_read_in_the_columns_they_continue() {
        let lines = vec![
            line(vec![word("3", 55.0, 102.0), word("Education", 85.0, 102.0), word("60,36", 250.0, 102.0), word("55,01", 340.0, 102.0)]),
            line(vec![word("4", 55.0, 118.0), word("Health", 85.0, 118.0), word("11,07", 250.0, 118.0)]),
        ];
        let pt = two_column_fragment(&[("3", "Education 60,36 55,01", 100.0), ("4", "Health 11,07", 116.0)]);
        let columns = [50.0, 80.0, 230.0, 320.0, 400.0];
        let refit = refit_to_columns(&pt, &lines, &columns, Some(&[]), 1.0).expect("every word inside one column");
        let texts: Vec<Vec<&str>> = refit.rows.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
        assert_eq!(texts, vec![vec!["3", "Education", "60,36", "55,01"], vec!["4", "Health", "11,07", ""]]);
        assert_eq!(refit.column_x, columns);
    }

    #[test]
    fn a_value_across_a_boundary_or_another_header_keeps_the_table_as_read() {
        let lines = vec![line(vec![word("3", 55.0, 102.0), word("Education", 85.0, 102.0), word("60,36", 250.0, 102.0)])];
        let pt = two_column_fragment(&[("3", "Education 60,36", 100.0)]);
        // "60,36" (250–275) runs over the boundary at 260; a word of text goes to the column
        // holding most of it ("Education", 85–130, over a boundary at 100).
        assert!(refit_to_columns(&pt, &lines, &[50.0, 80.0, 260.0, 400.0], Some(&[]), 1.0).is_none());
        let refit = refit_to_columns(&pt, &lines, &[50.0, 80.0, 120.0, 400.0], Some(&[]), 1.0).expect("text reaching into a gutter");
        assert_eq!(refit.rows[0].cells[1].text, "Education");
        let headed = PageTable { header_rows: 1, ..pt.clone() };
        assert!(refit_to_columns(&headed, &lines, &[50.0, 80.0, 230.0, 400.0], Some(&[]), 1.0).is_none());
        // A word of the rows left out of the columns: the text would not be the same.
        assert!(refit_to_columns(&pt, &lines, &[50.0, 80.0, 230.0], Some(&[]), 1.0).is_none());
    }
}
