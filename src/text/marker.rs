//! Row markers of a label column: `I`, `II` / `A`, `B` / `1`, `2` / `1.1` / `a`, `a)` / `*` /
//! `-`, `+` / `一、` / `（一）` / `(1)`. Whether `(1)` is a marker or a negative number depends
//! on the column it stands in: see [`classify`](super::classify).

use super::roman::is_roman_numeral;

/// Chinese numeral characters of row markers and ordinals (`一、`, `（二）`, `第三`, `十二`).
pub const CHINESE_NUMERALS: &str = "一二三四五六七八九十百零〇两";

/// A row marker has at most this many characters (`LXXXVII.`, `（十二）`); longer label text is
/// a name.
const LONGEST_MARKER: usize = 8;

/// Arabic row numbers have at most this many digits (`999`); longer digit strings are codes or
/// values.
const MOST_MARKER_DIGITS: usize = 3;

/// Style of a row marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerStyle {
    /// `I`, `II.`, `IV)`.
    RomanUpper,
    /// `A`, `B.`.
    LatinUpper,
    /// `1`, `2.`, `12)`.
    Arabic,
    /// `1.1`, `2.3.1`.
    ArabicDotted,
    /// `a`, `b)`.
    LatinLower,
    /// `i`, `ii.`, `iv)`.
    RomanLower,
    /// `*`, `**`.
    Star,
    /// `-`, `–`, `—`, `•`.
    Dash,
    /// `+`.
    Plus,
    /// `一、`, `二`.
    ChineseNumeral,
    /// `（一）`, `(二)`.
    ChineseParen,
    /// `(1)`, `（2）`.
    ArabicParen,
}

/// True for a non-empty text of Chinese numeral characters only.
pub fn is_chinese_numeral(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| CHINESE_NUMERALS.contains(c))
}

/// A Roman numeral all in upper case (`upper`) or all in lower case.
fn is_roman_in_case(text: &str, upper: bool) -> bool {
    let in_case = if upper { text.chars().all(|c| c.is_ascii_uppercase()) } else { text.chars().all(|c| c.is_ascii_lowercase()) };
    in_case && is_roman_numeral(text)
}

/// The marker style of a label cell's text, if it is a row marker.
pub fn marker_style(label: &str) -> Option<MarkerStyle> {
    let t = label.trim();
    if t.is_empty() || t.chars().count() > LONGEST_MARKER {
        return None;
    }
    let core = t.trim_end_matches(['.', ')', '/', '、', ':']);
    if t.starts_with('（') || t.starts_with('(') {
        let inner = t.trim_start_matches(['（', '(']).trim_end_matches(['）', ')', '、']);
        if is_chinese_numeral(inner) {
            return Some(MarkerStyle::ChineseParen);
        }
        if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
            return Some(MarkerStyle::ArabicParen);
        }
        return None;
    }
    if is_chinese_numeral(core) {
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
    if core.chars().all(|c| c.is_ascii_digit()) && core.len() <= MOST_MARKER_DIGITS {
        return Some(MarkerStyle::Arabic);
    }
    if core.contains('.') && core.split('.').all(|p| !p.is_empty() && p.len() <= MOST_MARKER_DIGITS && p.chars().all(|c| c.is_ascii_digit())) {
        return Some(MarkerStyle::ArabicDotted);
    }
    if is_roman_in_case(core, true) {
        return Some(MarkerStyle::RomanUpper);
    }
    if core.chars().count() == 1 && core.chars().all(|c| c.is_uppercase()) {
        return Some(MarkerStyle::LatinUpper);
    }
    if core.chars().count() == 1 && core.chars().all(|c| c.is_lowercase()) && core != "i" {
        return Some(MarkerStyle::LatinLower);
    }
    if is_roman_in_case(core, false) {
        return Some(MarkerStyle::RomanLower);
    }
    None
}

/// True when a label cell is a row marker (I, 1, A, a), *, -, 一、 …).
pub fn is_row_marker(text: &str) -> bool {
    marker_style(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_styles() {
        assert_eq!(marker_style("I"), Some(MarkerStyle::RomanUpper));
        assert_eq!(marker_style("IV."), Some(MarkerStyle::RomanUpper));
        assert_eq!(marker_style("A"), Some(MarkerStyle::LatinUpper));
        assert_eq!(marker_style("12"), Some(MarkerStyle::Arabic));
        assert_eq!(marker_style("1.2"), Some(MarkerStyle::ArabicDotted));
        assert_eq!(marker_style("a)"), Some(MarkerStyle::LatinLower));
        assert_eq!(marker_style("i"), Some(MarkerStyle::RomanLower));
        assert_eq!(marker_style("iv"), Some(MarkerStyle::RomanLower));
        assert_eq!(marker_style("*"), Some(MarkerStyle::Star));
        assert_eq!(marker_style("-"), Some(MarkerStyle::Dash));
        assert_eq!(marker_style("一、"), Some(MarkerStyle::ChineseNumeral));
        assert_eq!(marker_style("（二）"), Some(MarkerStyle::ChineseParen));
        assert_eq!(marker_style("(1)"), Some(MarkerStyle::ArabicParen));
        assert_eq!(marker_style("Xã Sơn Hạ"), None);
        assert_eq!(marker_style("2080505"), None);
        assert_eq!(marker_style("1234"), None);
        assert_eq!(marker_style("(a b)"), None);
    }
}
