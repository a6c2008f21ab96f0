//! Caption lines that name a table or a figure: "Table 14.", "Exhibit B.4", "Bảng 2",
//! "Biểu số 01", "表 3", "Figure 6", "Chart 2". In: a line's text. Out: whether it is such a
//! caption.

/// True for a table caption line: "Table 14.", "Exhibit B.4", "Bảng 2", "Biểu số 01", "表 3".
pub(super) fn is_caption_line(text: &str) -> bool {
    let t = text.trim_start().to_lowercase();
    const WORDS: [&str; 7] = ["table ", "exhibit ", "figure ", "bảng ", "biểu ", "chart ", "表"];
    WORDS.iter().any(|w| {
        t.strip_prefix(w).is_some_and(|rest| rest.trim_start().chars().next().is_some_and(|c| c.is_ascii_alphanumeric()))
    })
}

/// True for a caption that names a table: "Table 1.", "Exhibit B.4", "Bảng 2", "表 3" (not
/// figures or charts).
pub(super) fn is_table_caption(text: &str) -> bool {
    let t = text.trim_start().to_lowercase();
    is_caption_line(&t) && !t.starts_with("figure") && !t.starts_with("chart")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_words_name_tables_and_figures() {
        // us-012: "Exhibit B.4" names a table as "Table 14." does.
        for t in ["Table 14. Actual and projected", "Exhibit B.4 State Implementation", "  EXHIBIT 3: Outlays", "Bảng 2", "Biểu số 01", "表 3 一般公共预算", "Figure 6: Trends", "Chart 2"] {
            assert!(is_caption_line(t), "{t}");
        }
        // A caption word must be followed by a number or letter, and be the whole word.
        for t in ["Exhibits show the trend", "Exhibition hall", "Exhibit: see below", "Tables and charts", "The table below", "Table"] {
            assert!(!is_caption_line(t), "{t}");
        }
    }

    #[test]
    fn table_captions_are_not_figure_captions() {
        assert!(is_table_caption("Exhibit B.4 State Implementation"));
        assert!(is_table_caption("Table 1."));
        assert!(!is_table_caption("Figure 6: Trends"));
        assert!(!is_table_caption("Chart 2"));
    }
}
