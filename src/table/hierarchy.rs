//! Row hierarchy from the markers in a table's label column: I, II / A, B / 1, 2 / 1.1 /
//! a, b, a) / * / -, + / 一、/ （一）. The first marker style met is level 1, the next new style
//! level 2, and so on; total rows (TỔNG CỘNG, 合计, Total …) are level 0. Classification codes
//! (208 / 20805 / 2080505) give levels by their length.

use super::config::HierarchyConfig;
use super::model::{RowKind, TableRow};
use crate::text::{CHINESE_NUMERALS, MarkerStyle, is_total_label, marker_style};

/// Levels from a classification-code column (科目编码 208 / 20805 / 2080505, economic codes
/// 301 / 30101): the shortest code length is level 1, the next level 2, and so on. None per row
/// without a code; None overall when no column among the first three holds such codes.
fn code_column_levels(rows: &[TableRow], cfg: &HierarchyConfig) -> Option<Vec<Option<u8>>> {
    for c in 0..cfg.code_columns {
        let codes: Vec<&str> = rows.iter().filter_map(|r| r.cells.get(c)).map(|x| x.text.trim()).filter(|t| !t.is_empty()).collect();
        if codes.len() < cfg.min_codes || !codes.iter().all(|t| t.len() >= cfg.min_code_len && t.len() <= cfg.max_code_len && t.chars().all(|ch| ch.is_ascii_digit())) {
            continue;
        }
        let mut lengths: Vec<usize> = codes.iter().map(|t| t.len()).collect();
        lengths.sort_unstable();
        lengths.dedup();
        if lengths.len() < 2 {
            continue;
        }
        return Some(
            rows.iter()
                .map(|r| {
                    let t = r.cells.get(c).map_or("", |x| x.text.trim());
                    lengths.iter().position(|&l| l == t.len() && !t.is_empty()).map(|k| u8::try_from(k + 1).unwrap_or(u8::MAX))
                })
                .collect(),
        );
    }
    None
}

/// True for a subtotal label: "…小计", "Cộng …", "Subtotal".
fn is_subtotal_label(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    t.ends_with("小计") || t.starts_with("subtotal") || t.starts_with("sub-total")
}

/// Levels from subtotal rows: each subtotal row is level 1 and the rows under it level 2.
fn subtotal_levels(rows: &[TableRow]) -> Option<Vec<Option<u8>>> {
    let first = |r: &TableRow| r.cells.first().map(|c| c.text.clone()).unwrap_or_default();
    if !rows.iter().any(|r| is_subtotal_label(&first(r))) {
        return None;
    }
    let mut seen = false;
    Some(
        rows.iter()
            .map(|r| {
                if is_subtotal_label(&first(r)) {
                    seen = true;
                    Some(1)
                } else {
                    seen.then_some(2)
                }
            })
            .collect(),
    )
}

/// True when the first column only numbers the rows 1, 2, 3, … (序号, STT without hierarchy).
fn is_plain_numbering(rows: &[TableRow], cfg: &HierarchyConfig) -> bool {
    let nums: Vec<u32> = rows.iter().filter_map(|r| r.cells.first()).filter(|c| !c.text.trim().is_empty()).map(|c| c.text.trim().parse::<u32>().unwrap_or(0)).collect();
    nums.len() >= cfg.min_numbered_rows && nums.iter().all(|&n| n > 0) && nums.windows(2).all(|w| w[1] == w[0] + 1)
}

/// Assign `label` and `level` to body rows: total rows are level 0; then levels come from a
/// code column, else from the markers of the first column (or "一、" at the start of the name).
pub fn assign_hierarchy(rows: &mut [TableRow], cfg: &HierarchyConfig) {
    assign_levels(rows, cfg);
    for r in rows.iter_mut().filter(|r| r.level == Some(0)) {
        r.kind = RowKind::Total;
    }
}

/// The `label` and `level` of each body row (see [`assign_hierarchy`]).
fn assign_levels(rows: &mut [TableRow], cfg: &HierarchyConfig) {
    let code_levels = code_column_levels(rows, cfg).or_else(|| subtotal_levels(rows));
    let numbering = is_plain_numbering(rows, cfg);
    let mut tracker = LevelTracker::default();
    for (i, r) in rows.iter_mut().enumerate() {
        let label_text = r.cells.first().map(|c| c.text.trim().to_string()).unwrap_or_default();
        let name_text = r.cells.get(1).map(|c| c.text.trim().to_string()).unwrap_or_default();
        let any_total = r.cells.iter().take(cfg.total_label_cells).any(|c| is_total_label(&c.text));
        if any_total && (label_text.is_empty() || is_total_label(&label_text) || numbering || code_levels.is_some()) {
            r.level = Some(0);
            r.label = (!numbering && marker_style(&label_text).is_some()).then_some(label_text);
            continue;
        }
        if let Some(levels) = &code_levels {
            r.level = levels[i];
            continue;
        }
        if !numbering && let Some(style) = marker_style(&label_text) {
            r.level = Some(self::LevelTracker::level(&mut tracker, style));
            r.label = Some(label_text);
            continue;
        }
        // Chinese tables put "一、" / "（一）" at the start of the name.
        let head: String = name_text.chars().take_while(|c| !c.is_alphanumeric() || CHINESE_NUMERALS.contains(*c)).collect();
        if let Some(style) = marker_style(&head).filter(|s| matches!(s, MarkerStyle::ChineseNumeral | MarkerStyle::ChineseParen)) {
            r.level = Some(tracker.level(style));
        }
    }
}

/// Assigns levels to a sequence of row markers.
#[derive(Debug, Default)]
pub struct LevelTracker {
    stack: Vec<MarkerStyle>,
}

impl LevelTracker {
    /// Level (1-based) of a row with this marker style.
    pub fn level(&mut self, style: MarkerStyle) -> u8 {
        if let Some(k) = self.stack.iter().position(|s| *s == style) {
            self.stack.truncate(k + 1);
        } else {
            self.stack.push(style);
        }
        u8::try_from(self.stack.len()).unwrap_or(u8::MAX)
    }
}

#[cfg(test)]
#[path = "hierarchy_tests.rs"]
mod tests;
