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

use super::config::StreamConfig;
use super::header::is_value_cell;
use super::model::TableRow;
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
}
