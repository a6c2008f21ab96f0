//! Rules under header captions. In: the header lines of an unruled (stream) table, one row per
//! line, its column bounds and the page's horizontal rulings. Out: the same rows, a caption
//! spanning the columns of the short rule drawn just under it (booktabs' `\cmidrule`, the
//! underline of "Year" over 2017 | 2018 | 2019). The rule says which columns the caption groups
//! more surely than where its ink sits: a wrapped or staggered sub-caption leaves no line that
//! fills the run a centred caption would be spread over.

use super::config::TableConfig;
use super::model::TableRow;
use crate::pdf::{Orientation, Ruling};

/// The columns (first, last) that the horizontal rule `r` covers: those it runs along for more
/// than `share` of their width (as a chunk holds a column). None when it covers fewer than two.
fn covered_columns(r: &Ruling, bounds: &[f64], share: f64) -> Option<(usize, usize)> {
    let covered: Vec<usize> = (0..bounds.len().saturating_sub(1))
        .filter(|&c| {
            let (a, b) = (bounds[c], bounds[c + 1]);
            r.end.min(b) - r.start.max(a) > share * (b - a)
        })
        .collect();
    match covered.as_slice() {
        [first, .., last] if last > first => Some((*first, *last)),
        _ => None,
    }
}

/// Spread each caption of the header lines `rows[..header]` over the columns of a rule that
/// spans part of the table only (shorter than [`super::config::StreamConfig::separator_share`]
/// of its width) and lies under the caption's line, within `line_h` of its bottom, when the
/// caption is the only text of its line over those columns.
pub(super) fn span_underlined_captions(rows: &mut [TableRow], header: usize, bounds: &[f64], rulings: &[Ruling], line_h: f64, cfg: &TableConfig) {
    let (Some(&x0), Some(&x1)) = (bounds.first(), bounds.last()) else { return };
    let underlines: Vec<(&Ruling, (usize, usize))> = rulings
        .iter()
        .filter(|r| r.orientation == Orientation::Horizontal && !cfg.stream.separates_rows(r.length(), x1 - x0))
        .filter_map(|r| covered_columns(r, bounds, cfg.stream.column_chunk_share).map(|cols| (r, cols)))
        .collect();
    for row in rows.iter_mut().take(header) {
        for c in 0..row.cells.len() {
            let cell = &row.cells[c];
            if cell.covered || cell.col_span > 1 || cell.text.trim().is_empty() {
                continue;
            }
            let under = |r: &Ruling| r.pos > row.bottom - cfg.position_slack && r.pos < row.bottom + line_h;
            let Some(&(_, (a, b))) = underlines.iter().find(|(r, (a, b))| under(r) && (*a..=*b).contains(&c)) else { continue };
            let alone = b < row.cells.len() && (a..=b).all(|x| x == c || (!row.cells[x].covered && row.cells[x].text.trim().is_empty()));
            if alone {
                row.span_over(c, a, b);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::model::TableCell;

    /// A header line from `top` to `top + 8` with `texts` in its cells.
    fn line(top: f64, texts: &[&str]) -> TableRow {
        TableRow::new(1, top, top + 8.0, texts.iter().map(|t| TableCell::new(t.to_string())).collect())
    }

    fn rule(pos: f64, start: f64, end: f64) -> Ruling {
        Ruling { orientation: Orientation::Horizontal, pos, start, end }
    }

    #[test]
    fn a_caption_spans_the_columns_of_the_rule_under_it() {
        // "Chia ra" over Chi đầu tư | Dự toán sau điều chỉnh (wrapped) | Vốn trong nước, with
        // the outer two centred between the middle one's lines: no line fills the three columns.
        let bounds = [0.0, 100.0, 150.0, 200.0, 250.0, 300.0];
        let mut rows = vec![
            line(0.0, &["", "", "", "Chia ra", ""]),
            line(12.0, &["", "", "", "Dự toán sau", ""]),
            line(16.0, &["Nội dung", "Tổng số", "Chi đầu tư", "", "Vốn trong nước"]),
            line(20.0, &["", "", "", "điều chỉnh", ""]),
        ];
        let cfg = TableConfig::default();
        span_underlined_captions(&mut rows, 4, &bounds, &[rule(10.0, 152.0, 298.0)], 8.0, &cfg);
        assert_eq!(rows[0].cells[2].text, "Chia ra");
        assert_eq!(rows[0].cells[2].col_span, 3);
        assert!(rows[0].cells[3].covered && rows[0].cells[4].covered && rows[0].cells[3].text.is_empty());
        // A rule across the table separates rows and spans nothing; a rule more than a line
        // below the caption underlines something else; a rule under two captions of one line
        // (a rule between header levels) spans neither.
        for (rules, first) in [
            (vec![rule(10.0, 0.0, 300.0)], line(0.0, &["", "", "", "Chia ra", ""])),
            (vec![rule(19.0, 152.0, 298.0)], line(0.0, &["", "", "", "Chia ra", ""])),
            (vec![rule(10.0, 152.0, 298.0)], line(0.0, &["", "", "Budget", "Actual", ""])),
        ] {
            let mut rows = vec![first.clone(), line(16.0, &["Nội dung", "Tổng số", "Chi đầu tư", "Dự toán", "Vốn"])];
            span_underlined_captions(&mut rows, 2, &bounds, &rules, 8.0, &cfg);
            assert_eq!(rows[0], first);
        }
    }
}
