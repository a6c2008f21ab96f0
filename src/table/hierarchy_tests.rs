//! Unit tests of `hierarchy`.

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
    assert!(is_total_label("TỔNG THU NGÂN SÁCH XÃ"));
    assert!(is_total_label("收入总计"));
    assert!(!is_total_label("Xã Sơn Hạ"));
    assert!(!is_total_label("Tổ chức các hội thi"));
}
