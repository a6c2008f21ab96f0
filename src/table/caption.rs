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
