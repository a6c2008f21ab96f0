//! A table's title and unit from the text lines above it: the nearest unit line gives the
//! unit; the nearest other line with letters (not a parenthesised remark) is the title.

use crate::text::{Unit, find_unit, is_unit_line};

/// Title and unit of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableContext {
    /// The nearest title-shaped line above the table (wrapped lines joined).
    pub title: Option<String>,
    /// The unit of the nearest unit line above (else in the title, else in the running header).
    pub unit: Option<Unit>,
}

/// Read the lines above a table (nearest last); `page_furniture` (running header lines) gives
/// the unit when no line above does.
pub fn table_context(lines_above: &[String], page_furniture: &[String]) -> TableContext {
    let unit = lines_above.iter().rev().filter(|l| is_unit_line(l)).find_map(|l| find_unit(l));
    let is_title_line = |t: &str| crate::layout::is_title_shaped(t) && !is_unit_line(t);
    let lines: Vec<&str> = lines_above.iter().map(|l| l.trim()).collect();
    let title = lines.iter().rposition(|t| is_title_line(t)).map(|mut k| {
        // A title wrapped over several lines: its later lines start in lowercase.
        let mut parts = vec![lines[k]];
        while k > 0 && lines[k].chars().next().is_some_and(char::is_lowercase) && is_title_line(lines[k - 1]) {
            k -= 1;
            parts.insert(0, lines[k]);
        }
        crate::layout::join_pieces(parts)
    });
    // A title line may end with the unit ("… 单位：万元"); use it when no unit line exists.
    let unit = unit
        .or_else(|| title.as_deref().and_then(find_unit))
        .or_else(|| page_furniture.iter().find_map(|l| unit_in_running_header(l)));
    TableContext { title, unit }
}

/// The unit in a running header line such as "475 望都县乡村振兴局 预算年度：2022 单位：万元":
/// read from its unit label ("单位", "Đơn vị", "ĐVT", "Unit") to the end of the line.
fn unit_in_running_header(line: &str) -> Option<Unit> {
    crate::text::find_unit_marker(&line.to_lowercase()).and_then(|byte| line.get(byte..)).and_then(find_unit)
}

#[cfg(test)]
#[path = "context_tests.rs"]
mod tests;
