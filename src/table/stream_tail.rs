//! Where an unruled table's rows stop fitting its columns. In: the rows of a block, one per
//! text line, already placed in the block's columns. Out: the first row of a tail that is not
//! part of the table (a signature block, a list or a note set below the body at an ordinary
//! line distance), if there is one.
//!
//! The evidence is column type purity: a column whose body cells are amounts holds amounts.
//! After the last line with a value, the table can only continue with the wrapped lines of its
//! last row, which are text in text columns. A line that puts text into an amount column
//! ("单位负责人：" under the last amounts, "TM. ỦY BAN NHÂN DÂN" at the right of the page) is
//! below the table, and so is everything after it.
//!
//! Before the rows are read, the same holds for the gutters between columns: the body's lines
//! leave them empty, and a wrapped line of the last row stays in its column. A line after the
//! last value line that lays a word across a gutter (a signature block, a note) is below the
//! table (`gutter_crossing_tail`, on the block's text lines).

use super::config::StreamConfig;
use crate::layout::TextLine;
use super::header::is_value_cell;
use super::model::TableRow;
use super::stream_columns::open_stretches;
use super::stream_rows::column_value_counts;

/// The index of the first row after the body's last value row that puts text into an amount
/// column, if any.
pub(super) fn misfit_tail(rows: &[TableRow], cfg: &StreamConfig) -> Option<usize> {
    let has_value = |r: &TableRow| r.cells.iter().skip(1).any(|c| !c.covered && is_value_cell(&c.text));
    let first = rows.iter().position(has_value)?;
    let last = rows.iter().rposition(has_value)?;
    let amount_column: Vec<bool> = column_value_counts(&rows[first..=last])
        .into_iter()
        .map(|(values, others)| values >= cfg.min_value_lines_per_band && values as f64 >= cfg.amount_column_share * (values + others) as f64)
        .collect();
    let n = amount_column.len();
    (last + 1..rows.len()).find(|&k| {
        rows[k].cells.iter().enumerate().any(|(c, x)| {
            let span = c..(c + x.col_span.max(1)).min(n);
            !x.covered && !x.text.trim().is_empty() && !is_value_cell(&x.text) && span.into_iter().any(|s| amount_column[s])
        })
    })
}

/// The position in `lines` of the first line after `last` that lays a word across a gutter the
/// body lines `first..=last` leave open, if any. A gutter is a gap between the words of every
/// body line at least `group_space_gap` font sizes wide (wider than a word space, so the
/// spaces inside a text column are no gutter); a word crosses it when it covers more than
/// `gutter_cross_share` of it (a wrapped word may poke a little further out than the body's
/// lines in its column).
pub(super) fn gutter_crossing_tail(lines: &[&TextLine], first: usize, last: usize, cfg: &StreamConfig) -> Option<usize> {
    let body = lines.get(first..=last)?;
    let size = body.iter().flat_map(|l| l.words.iter().map(|w| w.size)).fold(1.0, f64::max);
    let spans: Vec<(f64, f64)> = body.iter().flat_map(|l| l.words.iter().map(|w| (w.bbox.x0, w.bbox.x1))).collect();
    let gutters: Vec<(f64, f64)> = open_stretches(&spans, 0).into_iter().filter(|&(g0, g1)| g1 - g0 >= cfg.group_space_gap * size).collect();
    let crosses = |l: &TextLine| l.words.iter().any(|w| gutters.iter().any(|&(g0, g1)| w.bbox.x1.min(g1) - w.bbox.x0.max(g0) > cfg.gutter_cross_share * (g1 - g0)));
    (last + 1..lines.len()).find(|&k| crosses(lines[k]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::model::TableCell;

    fn row(cells: &[&str]) -> TableRow {
        TableRow::new(1, 0.0, 1.0, cells.iter().map(|t| TableCell::new(t.to_string())).collect())
    }

    #[test]
    fn a_signature_under_the_amounts_is_cut_off() {
        let rows = vec![
            row(&["序号", "科目名称", "本年支出"]),
            row(&["1", "住房保障支出", "1 917 329 678"]),
            row(&["2", "科学技术支出", "2 190 646 000"]),
            row(&["3", "社会保障和就业支出住房", "(8 899 075 000)"]),
            row(&["", "保障支出及相关配套经费", ""]),
            row(&["", "制表人：", "单位负责人："]),
            row(&["", "王小明", "李建国"]),
        ];
        assert_eq!(misfit_tail(&rows, &StreamConfig::default()), Some(5));
    }

    #[test]
    fn wrapped_labels_and_text_columns_after_the_last_value_stay() {
        let rows = vec![
            row(&["Code", "Programme", "Amount", "Remarks"]),
            row(&["1", "Roads", "1,200", "new"]),
            row(&["2", "Schools and", "800", "carried over from"]),
            row(&["", "clinics", "", "the last year"]),
            row(&["3", "Water", "-", ""]),
        ];
        assert_eq!(misfit_tail(&rows, &StreamConfig::default()), None);
        // A column of mixed text and amounts is no amount column.
        let mixed = vec![row(&["a", "1,000"]), row(&["b", "n/a"]), row(&["c", "2,000"]), row(&["", "see note"])];
        assert_eq!(misfit_tail(&mixed, &StreamConfig::default()), None);
    }

    fn text_line(y: f64, words: &[(&str, f64, f64)]) -> TextLine {
        use crate::layout::Word;
        use crate::pdf::BBox;
        let words: Vec<Word> = words.iter().map(|&(t, x0, x1)| Word { text: t.into(), bbox: BBox::new(x0, y, x1, y + 8.0), size: 8.0, bold: false, baseline: y + 8.0 }).collect();
        TextLine { bbox: BBox::new(words[0].bbox.x0, y, words[words.len() - 1].bbox.x1, y + 8.0), baseline: y + 6.0, upright: true, words }
    }

    #[test]
    fn a_signature_across_the_gutters_ends_the_body() {
        // Label 10–60, text 80–150, value 170–190: gutters 60–80 and 150–170.
        let lines = [
            text_line(0.0, &[("Output", 10.0, 40.0), ("Deliver", 80.0, 110.0), ("the", 112.0, 125.0), ("plan", 127.0, 150.0), ("95%", 170.0, 190.0)]),
            text_line(10.0, &[("Quality", 10.0, 45.0), ("Train", 80.0, 100.0), ("staff", 102.0, 130.0), ("80%", 170.0, 190.0)]),
            // The wrapped line of the last row stays in its column…
            text_line(20.0, &[("in", 80.0, 90.0), ("rural", 92.0, 115.0), ("areas", 117.0, 145.0)]),
            // … a signature block does not.
            text_line(35.0, &[("PREPARED", 30.0, 72.0), ("BY", 74.0, 85.0)]),
            text_line(45.0, &[("Nguyen", 40.0, 70.0)]),
        ];
        let refs: Vec<&TextLine> = lines.iter().collect();
        assert_eq!(gutter_crossing_tail(&refs, 0, 1, &StreamConfig::default()), Some(3));
        assert_eq!(gutter_crossing_tail(&refs[..3], 0, 1, &StreamConfig::default()), None);
        // A word poking a little into a gutter (less than half of it) crosses nothing.
        let poke = [lines[0].clone(), lines[1].clone(), text_line(20.0, &[("areas", 80.0, 155.0)])];
        let refs: Vec<&TextLine> = poke.iter().collect();
        assert_eq!(gutter_crossing_tail(&refs, 0, 1, &StreamConfig::default()), None);
    }
}
