//! Row hierarchy from the markers in a table's label column: I, II / A, B / 1, 2 / 1.1 /
//! a, b, a) / * / -, + / 一、/ （一）. The first marker style met is level 1, the next new style
//! level 2, and so on; total rows (TỔNG CỘNG, 合计, Total …) are level 0. Classification codes
//! (208 / 20805 / 2080505) give levels by their length.

use super::config::HierarchyConfig;
use super::model::TableRow;

/// Style of a row marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerStyle {
    RomanUpper,
    LatinUpper,
    Arabic,
    ArabicDotted,
    LatinLower,
    RomanLower,
    Star,
    Dash,
    Plus,
    ChineseNumeral,
    ChineseParen,
    ArabicParen,
}

fn is_roman(s: &str, upper: bool) -> bool {
    let ok = |c: char| if upper { "IVXL".contains(c) } else { "ivxl".contains(c) };
    !s.is_empty() && s.len() <= 6 && s.chars().all(ok)
}

/// The marker style of a label cell's text, if it is a row marker.
pub fn marker_style(label: &str) -> Option<MarkerStyle> {
    let t = label.trim();
    if t.is_empty() || t.chars().count() > 8 {
        return None;
    }
    let core = t.trim_end_matches(['.', ')', '/', '、', ':']);
    if t.starts_with('（') || t.starts_with('(') {
        let inner = t.trim_start_matches(['（', '(']).trim_end_matches(['）', ')', '、']);
        if !inner.is_empty() && inner.chars().all(|c| "一二三四五六七八九十".contains(c)) {
            return Some(MarkerStyle::ChineseParen);
        }
        if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
            return Some(MarkerStyle::ArabicParen);
        }
        return None;
    }
    if !core.is_empty() && core.chars().all(|c| "一二三四五六七八九十".contains(c)) {
        return Some(MarkerStyle::ChineseNumeral);
    }
    match core {
        "*" | "**" => return Some(MarkerStyle::Star),
        "-" | "–" | "—" | "•" => return Some(MarkerStyle::Dash),
        "+" => return Some(MarkerStyle::Plus),
        _ => {}
    }
    if core.is_empty() {
        return None;
    }
    if core.chars().all(|c| c.is_ascii_digit()) && core.len() <= 3 {
        return Some(MarkerStyle::Arabic);
    }
    if core.contains('.') && core.split('.').all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit())) {
        return Some(MarkerStyle::ArabicDotted);
    }
    if is_roman(core, true) {
        return Some(MarkerStyle::RomanUpper);
    }
    if core.chars().count() == 1 && core.chars().all(|c| c.is_uppercase()) {
        return Some(MarkerStyle::LatinUpper);
    }
    if core.chars().count() == 1 && core.chars().all(|c| c.is_lowercase()) && core != "i" {
        return Some(MarkerStyle::LatinLower);
    }
    if is_roman(core, false) {
        return Some(MarkerStyle::RomanLower);
    }
    None
}

/// True for the label text of a grand-total row: "TỔNG CỘNG", "Tổng thu ngân sách xã", "Cộng",
/// "合计", "收入总计", "Total", "Grand total".
pub fn is_total_label(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let words: Vec<&str> = t.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("");
    let latin_total = matches!(first, "tổng" | "cộng" | "total" | "totals" | "totaal" | "gesamt" | "insgesamt")
        || t.starts_with("grand total")
        || t.starts_with("tổng cộng");
    let cjk: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let cjk_total = cjk == "合计" || cjk == "总计" || cjk.ends_with("总计") || cjk.ends_with("合计");
    (latin_total && words.len() <= 8) || cjk_total
}

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
                    lengths.iter().position(|&l| l == t.len() && !t.is_empty()).map(|k| (k + 1).min(255) as u8)
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
        let head: String = name_text.chars().take_while(|c| !c.is_alphanumeric() || "一二三四五六七八九十".contains(*c)).collect();
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
        self.stack.len().min(255) as u8
    }
}

#[cfg(test)]
#[path = "hierarchy_tests.rs"]
mod tests;
