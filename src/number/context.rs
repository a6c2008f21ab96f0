//! A table's unit from the text around it: the nearest unit line above the table, else a unit
//! at the end of its title ("… 单位：万元"), else the unit in a running header line.

use crate::table::ContextLine;
use crate::text::{Unit, find_unit, find_unit_marker, is_unit_line};

/// The unit of a table from the lines above it (nearest last), its title (decided by the table
/// stage) and the running header lines of its page.
pub fn table_unit(lines_above: &[ContextLine], title: Option<&str>, page_furniture: &[String]) -> Option<Unit> {
    lines_above
        .iter()
        .rev()
        .filter(|l| is_unit_line(&l.text))
        .find_map(|l| find_unit(&l.text))
        .or_else(|| title.and_then(find_unit))
        .or_else(|| page_furniture.iter().find_map(|l| unit_in_running_header(l)))
}

/// The unit in a running header line such as "475 望都县乡村振兴局 预算年度：2022 单位：万元":
/// read from its unit label ("单位", "Đơn vị", "ĐVT", "Unit") to the end of the line.
fn unit_in_running_header(line: &str) -> Option<Unit> {
    find_unit_marker(&line.to_lowercase()).and_then(|byte| line.get(byte..)).and_then(find_unit)
}

#[cfg(test)]
#[path = "context_tests.rs"]
mod tests;
