//! Unit markers: the words that introduce a table's unit (`Đơn vị tính: triệu đồng`,
//! `ĐVT: đồng`, `单位：万元`, `Unit: EUR million`).

/// Unit markers, lowercase, longest first where one is a prefix of another.
pub const UNIT_MARKERS: &[&str] = &["đơn vị tính", "đơn vị", "đvt", "单位", "單位", "units", "unit"];

/// Byte offset in `lowercase_text` of the first unit marker found, trying the markers in the
/// order of [`UNIT_MARKERS`] (not the earliest position in the text).
pub fn find_unit_marker(lowercase_text: &str) -> Option<usize> {
    UNIT_MARKERS.iter().find_map(|marker| lowercase_text.find(marker))
}

#[cfg(test)]
mod tests {
    use super::find_unit_marker;

    #[test]
    fn markers() {
        assert_eq!(find_unit_marker("预算年度：2022 单位：万元"), Some("预算年度：2022 ".len()));
        assert_eq!(find_unit_marker("đvt: đồng"), Some(0));
        assert_eq!(find_unit_marker("tổng số"), None);
    }
}
