//! Row hierarchy from the markers in a table's label column: I, II / A, B / 1, 2 / 1.1 /
//! a, b, a) / * / -, + / 一、/ （一）. The first marker style met is level 1, the next new style
//! level 2, and so on; total rows (TỔNG CỘNG, 合计, Total …) are level 0.

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

/// True for the label text of a grand-total row.
pub fn is_total_label(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    const TOTALS: [&str; 9] = ["tổng cộng", "tổng số", "cộng", "合计", "总计", "合 计", "总 计", "total", "grand total"];
    TOTALS.iter().any(|k| t == *k || t.starts_with(&format!("{k} ")) || t.starts_with(&format!("{k}:")))
        || t.starts_with("tổng cộng")
        || t.starts_with("total ")
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
mod tests {
    use super::*;

    #[test]
    fn marker_styles() {
        assert_eq!(marker_style("I"), Some(MarkerStyle::RomanUpper));
        assert_eq!(marker_style("IV"), Some(MarkerStyle::RomanUpper));
        assert_eq!(marker_style("A"), Some(MarkerStyle::LatinUpper));
        assert_eq!(marker_style("12"), Some(MarkerStyle::Arabic));
        assert_eq!(marker_style("1.2"), Some(MarkerStyle::ArabicDotted));
        assert_eq!(marker_style("a)"), Some(MarkerStyle::LatinLower));
        assert_eq!(marker_style("*"), Some(MarkerStyle::Star));
        assert_eq!(marker_style("-"), Some(MarkerStyle::Dash));
        assert_eq!(marker_style("一、"), Some(MarkerStyle::ChineseNumeral));
        assert_eq!(marker_style("（二）"), Some(MarkerStyle::ChineseParen));
        assert_eq!(marker_style("Xã Sơn Hạ"), None);
        assert_eq!(marker_style("2080505"), None);
    }

    #[test]
    fn levels_follow_first_appearance() {
        let mut t = LevelTracker::default();
        let seq = ["A", "I", "1", "2", "II", "1", "B", "I"];
        let levels: Vec<u8> = seq.iter().map(|s| t.level(marker_style(s).unwrap())).collect();
        assert_eq!(levels, vec![1, 2, 3, 3, 2, 3, 1, 2]);
    }

    #[test]
    fn totals() {
        assert!(is_total_label("TỔNG CỘNG"));
        assert!(is_total_label("合计"));
        assert!(is_total_label("Total"));
        assert!(!is_total_label("Xã Sơn Hạ"));
    }
}
