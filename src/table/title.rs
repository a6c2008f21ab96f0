//! A table's title, decided once: the nearest line above the table that reads as a title (has
//! letters, is not a parenthesised remark, is not a unit line), with the lines it wraps from.
//! In: the context lines above the table (nearest last). Out: the title text.

use crate::layout::{is_title_shaped, join_pieces};
use crate::text::is_unit_line;
use super::model::ContextLine;

/// The title among the lines above a table (nearest last). A title wrapped over several lines
/// is joined: its later lines start in lowercase.
pub fn table_title(lines_above: &[ContextLine]) -> Option<String> {
    let is_title_line = |t: &str| is_title_shaped(t) && !is_unit_line(t);
    let lines: Vec<&str> = lines_above.iter().map(|l| l.text.trim()).collect();
    lines.iter().rposition(|t| is_title_line(t)).map(|mut k| {
        let mut parts = vec![lines[k]];
        while k > 0 && lines[k].chars().next().is_some_and(char::is_lowercase) && is_title_line(lines[k - 1]) {
            k -= 1;
            parts.insert(0, lines[k]);
        }
        join_pieces(parts)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::BBox;

    fn lines(texts: &[&str]) -> Vec<ContextLine> {
        texts.iter().map(|t| ContextLine::new(*t, BBox::default())).collect()
    }

    #[test]
    fn nearest_title_shaped_line_not_a_remark_or_unit() {
        let above = lines(&["PHỤ LỤC 02: Phân bổ vốn sự nghiệp", "(Kèm theo Tờ trình số 82/TTr-UBND ngày 21/5/2025)", "Đơn vị tính: Triệu đồng"]);
        assert_eq!(table_title(&above).as_deref(), Some("PHỤ LỤC 02: Phân bổ vốn sự nghiệp"));
        assert_eq!(table_title(&lines(&["Đơn vị tính: Triệu đồng"])), None);
        assert_eq!(table_title(&[]), None);
    }

    #[test]
    fn wrapped_title_lines_are_joined() {
        let wrapped = lines(&["Table 3. Revenue of the municipal", "budget by source"]);
        assert_eq!(table_title(&wrapped).as_deref(), Some("Table 3. Revenue of the municipal budget by source"));
    }
}
