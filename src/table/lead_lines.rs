//! Label lines and headings left outside a table's rows at a page break. In: the page table
//! that continues a table (or the one it continues), its page's text lines. Out: each line set
//! tight above the continuing rows read in their columns, and what it is (a row of its own such
//! as a section heading, the rest of the label of the last row on the page before, or the start
//! of the first row's label); and the section headings that end the page before under its rows.
//!
//! The page's reading leaves these lines outside the table (lines of text alone are no table).
//! Once the assembler knows the rows continue a table, they are part of it: a row's label
//! wrapped over the page break, the heading of the group the page starts with.

use super::column_refit::line_in_columns;
use super::header::{is_section_heading, is_value_cell};
use super::model::{PageTable, TableCell, TableRow};
use crate::layout::TextLine;

/// What a line above a continued table's rows is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum LeadLine {
    /// The rest of the label of the table's last row on the page before.
    EndsPrevious(TableRow),
    /// A row of its own: a section heading, or a marker with a name.
    Row(TableRow),
    /// The first lines of the label of the page table's first row.
    StartsFirst(TableRow),
}

/// The lines set tight above `pt` (each at most a line's height above the next, the last above
/// the table's top), top to bottom, read in `pt`'s columns from the page's `lines`. Empty when
/// `pt` has a header, or a line holds a value or lies outside the columns: then they are not
/// lines of its labels.
pub(super) fn lead_lines(pt: &PageTable, lines: &[TextLine], slack: f64) -> Vec<LeadLine> {
    if pt.header_rows > 0 {
        return Vec::new();
    }
    let mut chain = Vec::new();
    let mut edge = pt.bbox.y0;
    for above in pt.lines_above.iter().rev() {
        if edge - above.bbox.y1 > above.bbox.height() {
            break;
        }
        edge = above.bbox.y0;
        chain.push(above);
    }
    chain.reverse();
    let mut rows = Vec::with_capacity(chain.len());
    for above in chain {
        let Some(line) = lines.iter().find(|l| l.upright && l.bbox == above.bbox) else {
            return Vec::new();
        };
        let Some(row) = line_row(pt, line, slack) else {
            return Vec::new();
        };
        if row.cells.iter().skip(1).any(|c| is_value_cell(&c.text)) {
            return Vec::new();
        }
        rows.push(row);
    }
    let values_first = values_on_first_line(pt, lines, slack);
    let first_marked = pt.rows.first().is_some_and(|r| r.cells.first().is_some_and(|c| !c.text.trim().is_empty()));
    let mut out: Vec<LeadLine> = Vec::with_capacity(rows.len());
    for row in rows {
        let marked = row.cells.first().is_some_and(|c| crate::text::is_row_marker(&c.text));
        let after_row = out.iter().any(|l| !matches!(l, LeadLine::EndsPrevious(_)));
        let lead = if is_section_heading(&row) || (marked && first_marked) {
            LeadLine::Row(row)
        } else if marked || after_row {
            LeadLine::StartsFirst(row)
        } else {
            // A label's line: the end of the last row's label when rows put their values on
            // their first line (or, without rows to show it, when it reads on from a line).
            let reads_on = row.cells.iter().find(|c| !c.text.is_empty()).and_then(|c| c.text.chars().next()).is_some_and(char::is_lowercase);
            if values_first.unwrap_or(reads_on) { LeadLine::EndsPrevious(row) } else { LeadLine::StartsFirst(row) }
        };
        // A row's start cannot come before a row of its own.
        if matches!(lead, LeadLine::Row(_)) {
            for l in &mut out {
                if let LeadLine::StartsFirst(r) = l {
                    *l = LeadLine::Row(r.clone());
                }
            }
        }
        out.push(lead);
    }
    out
}

/// Section headings set under `pt` at the end of its page's text (the first at most
/// `blank_row_pitches` of its rows' pitch under it, the others a line's height under the line
/// above, nothing else below): read in `pt`'s columns, the heading of the
/// group whose rows the next page starts with, if that page continues the table. Empty when a
/// line is not a heading, or other text follows.
pub(super) fn tail_headings(pt: &PageTable, lines: &[TextLine], blank_row_pitches: f64, slack: f64) -> Vec<TableRow> {
    let mut below: Vec<&TextLine> = lines.iter().filter(|l| l.upright && l.bbox.y0 >= pt.bbox.y1 - slack).collect();
    below.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0));
    // (Page furniture is no text of the page: lines_below leaves it out.)
    if below.len() != pt.lines_below.len() || below.iter().zip(&pt.lines_below).any(|(l, t)| l.text() != *t) {
        return Vec::new();
    }
    // The first may stand a blank row apart (the gap before a group), the others are its lines.
    let pitch = pt.rows.windows(2).map(|w| w[1].top - w[0].top).filter(|d| *d > 0.0).fold(f64::INFINITY, f64::min);
    let mut edge = pt.bbox.y1;
    let mut rows = Vec::with_capacity(below.len());
    for (k, line) in below.into_iter().enumerate() {
        let reach = if k == 0 && pitch.is_finite() { blank_row_pitches * pitch } else { line.bbox.height() };
        if line.bbox.y0 - edge > reach {
            return Vec::new();
        }
        edge = line.bbox.y1;
        match line_row(pt, line, slack) {
            Some(row) if is_section_heading(&row) => rows.push(row),
            _ => return Vec::new(),
        }
    }
    rows
}

/// A line read in `pt`'s columns as a row; a line whose words cross a boundary (a heading
/// across the columns) is one cell in the column it starts in. None outside the columns.
fn line_row(pt: &PageTable, line: &TextLine, slack: f64) -> Option<TableRow> {
    let texts = match line_in_columns(&line.words, &pt.column_x, slack, true) {
        Some(texts) => texts,
        None => {
            let start = pt.column_x.windows(2).position(|c| line.bbox.x0 >= c[0] - slack && line.bbox.x0 < c[1])?;
            let mut texts = vec![String::new(); pt.n_cols()];
            texts[start] = line.text();
            texts
        }
    };
    Some(TableRow::new(pt.page, line.bbox.y0, line.bbox.y1, texts.into_iter().map(TableCell::new).collect()))
}

/// Whether `pt`'s rows of several lines hold their values on their first line (Some(true)),
/// lower (Some(false)), or no row shows it (None, or rows that disagree).
fn values_on_first_line(pt: &PageTable, lines: &[TextLine], slack: f64) -> Option<bool> {
    // Values: value words right of the first column (which may hold markers).
    let value_x = *pt.column_x.get(1)?;
    let holds_value = |l: &TextLine| l.words.iter().any(|w| w.bbox.x0 >= value_x - slack && is_value_cell(&w.text));
    let (mut first, mut lower) = (0, 0);
    for row in &pt.rows {
        let in_row: Vec<&TextLine> = lines.iter().filter(|l| l.upright && (row.top..=row.bottom).contains(&l.bbox.center_y())).collect();
        if in_row.len() < 2 {
            continue;
        }
        match in_row.iter().position(|l| holds_value(l)) {
            Some(0) => first += 1,
            Some(_) => lower += 1,
            None => {}
        }
    }
    match (first, lower) {
        (0, 0) => None,
        (_, 0) => Some(true),
        (0, _) => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Word;
    use crate::pdf::BBox;
    use crate::table::model::{ContextLine, Method};

    /// A line of words at (x, text), 10 pt high from `top`.
    fn line(words: &[(f64, &str)], top: f64) -> TextLine {
        let words: Vec<Word> = words
            .iter()
            .map(|(x, t)| Word { text: (*t).into(), bbox: BBox::new(*x, top, x + 5.0 * t.chars().count() as f64, top + 10.0), size: 10.0, bold: false, baseline: top + 10.0 })
            .collect();
        let bbox = words.iter().skip(1).fold(words[0].bbox, |b, w| b.union(&w.bbox));
        TextLine { words, bbox, baseline: top + 8.0, upright: true }
    }

    /// Marker, label and amount columns; rows of (top, bottom, cells); the lines above.
    fn table(rows: &[(f64, f64, [&str; 3])], above: &[&TextLine]) -> PageTable {
        PageTable {
            page: 2,
            bbox: BBox::new(50.0, rows[0].0, 330.0, rows[rows.len() - 1].1),
            method: Method::Stream,
            column_x: vec![50.0, 80.0, 250.0, 330.0],
            rows: rows.iter().map(|(t, b, c)| TableRow::new(2, *t, *b, c.iter().map(|s| TableCell::new(s.to_string())).collect())).collect(),
            header_rows: 0,
            lines_above: above.iter().map(|l| ContextLine::new(l.text(), l.bbox)).collect(),
            lines_below: Vec::new(),
            page_furniture: Vec::new(),
            continuation_only: false,
            head_only: false,
        }
    }

    /// What a lead line is, and its cells joined with '|'.
    fn texts(lead: &LeadLine) -> (&'static str, String) {
        let (kind, row) = match lead {
            LeadLine::EndsPrevious(r) => ("ends previous", r),
            LeadLine::Row(r) => ("row", r),
            LeadLine::StartsFirst(r) => ("starts first", r),
        };
        (kind, row.cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join("|"))
    }

    #[test]
    fn a_heading_is_a_row_and_label_lines_go_where_the_rows_put_their_values() {
        let heading = line(&[(55.0, "II"), (85.0, "HEALTH"), (125.0, "SERVICES")], 88.0);
        // Rows with the amount on their first line: a line above ends the last row before.
        let values_first = [line(&[(55.0, "1"), (85.0, "Hospitals"), (290.0, "40,10")], 100.0), line(&[(85.0, "and clinics")], 111.0)];
        let wrapped = line(&[(85.0, "amenities")], 88.0);
        let pt = table(&[(100.0, 121.0, ["1", "Hospitals and clinics", "40,10"])], &[&wrapped]);
        let lines: Vec<TextLine> = values_first.iter().cloned().chain([wrapped.clone()]).collect();
        let leads: Vec<_> = lead_lines(&pt, &lines, 1.0).iter().map(texts).collect();
        assert_eq!(leads, [("ends previous", "|amenities|".to_string())]);
        // Rows with the amount on their last line: the line starts the first row's label.
        let values_last = [line(&[(85.0, "Hospitals")], 100.0), line(&[(55.0, "1"), (85.0, "and clinics"), (290.0, "40,10")], 111.0)];
        let lines: Vec<TextLine> = values_last.iter().cloned().chain([wrapped.clone()]).collect();
        let leads: Vec<_> = lead_lines(&pt, &lines, 1.0).iter().map(|l| texts(l).0).collect();
        assert_eq!(leads, ["starts first"]);
        // A heading in capitals is a row of its own, and a label line under it starts the first
        // row whatever the rows show.
        let under = line(&[(85.0, "amenities")], 76.0);
        let pt = table(&[(100.0, 121.0, ["1", "Hospitals and clinics", "40,10"])], &[&under, &heading]);
        let lines: Vec<TextLine> = values_first.iter().cloned().chain([heading.clone(), under.clone()]).collect();
        let leads: Vec<_> = lead_lines(&pt, &lines, 1.0).iter().map(texts).collect();
        assert_eq!(leads, [("ends previous", "|amenities|".to_string()), ("row", "II|HEALTH SERVICES|".to_string())]);
    }

    #[test]
    fn lines_with_values_or_set_apart_are_not_label_lines() {
        let rows = [line(&[(55.0, "1"), (85.0, "Hospitals"), (290.0, "40,10")], 100.0)];
        let pt_rows = [(100.0, 110.0, ["1", "Hospitals", "40,10"])];
        let valued = line(&[(85.0, "Total"), (290.0, "90,00")], 88.0);
        let pt = table(&pt_rows, &[&valued]);
        assert!(lead_lines(&pt, &[rows[0].clone(), valued.clone()], 1.0).is_empty());
        // A line more than its height above the rows is a title, not a label line.
        let apart = line(&[(85.0, "Spending")], 70.0);
        let pt = table(&pt_rows, &[&apart]);
        assert!(lead_lines(&pt, &[rows[0].clone(), apart.clone()], 1.0).is_empty());
    }

    #[test]
    fn a_heading_ending_the_page_under_the_rows_is_kept_for_the_next_page() {
        let rows = [(100.0, 110.0, ["1", "Hospitals", "40,10"]), (112.0, 122.0, ["2", "Clinics", "9,00"])];
        let heading = line(&[(55.0, "II"), (85.0, "HEALTH"), (125.0, "SERVICES")], 140.0);
        let mut pt = table(&rows, &[]);
        pt.lines_below = vec![heading.text()];
        let tail: Vec<String> = tail_headings(&pt, std::slice::from_ref(&heading), 2.0, 1.0).iter().map(|r| r.texts().join("|")).collect();
        assert_eq!(tail, ["II|HEALTH SERVICES"]);
        // More than two rows' pitch below, a label that is no heading, or text after it: none.
        let far = line(&[(55.0, "II"), (85.0, "HEALTH"), (125.0, "SERVICES")], 150.0);
        assert!(tail_headings(&pt, &[far], 2.0, 1.0).is_empty());
        let label = line(&[(85.0, "Hospitals")], 140.0);
        pt.lines_below = vec![label.text()];
        assert!(tail_headings(&pt, &[label], 2.0, 1.0).is_empty());
        let note = line(&[(55.0, "Source:"), (95.0, "ministry")], 152.0);
        pt.lines_below = vec![heading.text(), note.text()];
        assert!(tail_headings(&pt, &[heading, note], 2.0, 1.0).is_empty());
    }
}
