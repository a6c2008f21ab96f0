//! Caption words: the lines that name a table or a figure ("Table 14.", "Exhibit B.4",
//! "Bảng 2", "表 3", "Figure 6"), the labels of total rows (`TỔNG CỘNG`, `合计`, `Total`), the header
//! captions of total columns (`合计`, `Tổng số`, `Total`) and of share columns (`%`, `Tỷ lệ`,
//! `占比`).

/// First words of a Latin total label (lowercase).
const TOTAL_FIRST_WORDS: &[&str] = &["tổng", "cộng", "total", "totals", "totaal", "gesamt", "insgesamt"];

/// A Latin total label has at most this many words: "Tổng thu ngân sách xã" is one,
/// a sentence starting with "Total" is not.
const MOST_TOTAL_LABEL_WORDS: usize = 8;

/// True for the label text of a grand-total row: "TỔNG CỘNG", "Tổng thu ngân sách xã", "Cộng",
/// "合计", "收入总计", "Total", "Grand total".
pub fn is_total_label(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let words: Vec<&str> = t.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("");
    let latin_total = TOTAL_FIRST_WORDS.contains(&first) || t.starts_with("grand total") || t.starts_with("tổng cộng");
    let cjk: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let cjk_total = cjk == "合计" || cjk == "总计" || cjk.ends_with("总计") || cjk.ends_with("合计");
    (latin_total && words.len() <= MOST_TOTAL_LABEL_WORDS) || cjk_total
}

/// True for the header caption of a total column: 合计 / 小计 / 总计 / Tổng số / Tổng cộng /
/// Cộng / Total / Subtotal / Tổng (spaces and case ignored).
pub fn is_total_caption(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    matches!(t.as_str(), "合计" | "小计" | "总计" | "tổngsố" | "tổngcộng" | "cộng" | "total" | "subtotal" | "tổng")
}

/// Words of a header caption over shares, rates or percentages (lowercase).
const SHARE_WORDS: &[&str] = &["%", "tỷ lệ", "tỉ lệ", "比例", "占比", "比重", "百分比", "percent", "per cent", "pct", "ratio", "rate"];

/// True for the header caption of a column of shares or percentages: "%", "Tăng/giảm (%)",
/// "Tỷ lệ", "占比", "Percent change". Its values do not add up to a total.
pub fn is_share_caption(text: &str) -> bool {
    let t = text.to_lowercase();
    SHARE_WORDS.iter().any(|w| if w.is_ascii() && w.chars().all(char::is_alphabetic) { t.split(|c: char| !c.is_alphabetic()).any(|x| x == *w) } else { t.contains(w) })
}

/// True for a table caption line: "Table 14.", "Exhibit B.4", "Bảng 2", "Biểu số 01", "Phụ lục
/// 02:", "表 3", "附表1", or a Chinese title that names its table ("一般公共预算支出表",
/// "部门收支总表 2").
pub fn is_caption_line(text: &str) -> bool {
    let t = text.trim_start().to_lowercase();
    const WORDS: [&str; 9] = ["table ", "exhibit ", "figure ", "bảng ", "biểu ", "phụ lục ", "chart ", "表", "附表"];
    WORDS.iter().any(|w| t.strip_prefix(w).is_some_and(|rest| rest.trim_start().chars().next().is_some_and(char::is_alphanumeric))) || names_its_table(&t)
}

/// A Chinese title ends with 表 ("table"), perhaps followed by its number: "财政拨款收支总表",
/// "一般公共预算支出表3". Only CJK characters and digits, three to [`MOST_TITLE_CHARS`] of
/// them: a name before 表, and no sentence mentioning a table (longer, or punctuated).
fn names_its_table(t: &str) -> bool {
    let core = t.trim().trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    (3..=MOST_TITLE_CHARS).contains(&core.chars().count()) && core.ends_with('表') && core.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Most characters of a Chinese title that names its table.
const MOST_TITLE_CHARS: usize = 30;

/// True for a caption that names a table: "Table 1.", "Exhibit B.4", "Bảng 2", "表 3" (not
/// figures or charts).
pub fn is_table_caption(text: &str) -> bool {
    let t = text.trim_start().to_lowercase();
    is_caption_line(&t) && !t.starts_with("figure") && !t.starts_with("chart")
}

/// First words of a figure caption (lowercase).
const FIGURE_CAPTION_WORDS: [&str; 9] = ["figure", "fig.", "chart", "graph", "diagram", "hình", "biểu đồ", "图", "abbildung"];

/// True for a line that starts like a figure caption: "Figure 6:", "Chart 2", "Hình 1", "图 3".
/// The caption word is a whole word followed by the figure's number: a token holding a
/// digit, a letter or a roman numeral ("Figure 6:", "Chart A", "图3"); "Figures are
/// provisional", "Chart of accounts" and "图书购置费" name no figure.
pub fn is_figure_caption(text: &str) -> bool {
    let t = text.trim_start().to_lowercase();
    let numbered = |rest: &str| {
        let token = rest.trim_start().split(|c: char| c.is_whitespace() || c == ':').next().unwrap_or("");
        let core = token.trim_end_matches(['.', ')', ',', ';']);
        core.chars().any(|c| c.is_ascii_digit()) || (core.chars().count() == 1 && core.chars().all(char::is_alphabetic)) || (!core.is_empty() && core.len() <= 4 && core.chars().all(|c| "ivxlc".contains(c)))
    };
    let at_word_end = |rest: &str| rest.chars().next().is_none_or(|c| !c.is_alphabetic());
    FIGURE_CAPTION_WORDS.iter().any(|c| t.strip_prefix(c).is_some_and(|rest| at_word_end(rest) && numbered(rest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_words_name_tables_and_figures() {
        // "Exhibit B.4" names a table as "Table 14." does.
        for t in ["Table 14. Actual and projected", "Exhibit B.4 State Implementation", "  EXHIBIT 3: Outlays", "Bảng 2", "Biểu số 01", "PHỤ LỤC 02: DỰ TOÁN CHI", "Phụ lục I", "表 3 一般公共预算", "附表1", "2024年部门收支总表", "一般公共预算支出表3", "Figure 6: Trends", "Chart 2"] {
            assert!(is_caption_line(t), "{t}");
        }
        // A caption word must be followed by a number or letter, and be the whole word.
        for t in ["Exhibits show the trend", "Exhibition hall", "Exhibit: see below", "Tables and charts", "The table below", "Table", "Phụ lục", "表", "总表", "单位：万元", "本表反映部门收支总体情况，包括一般公共预算、政府性基金预算和国有资本经营预算的收入和支出情况表"] {
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

    #[test]
    fn figure_captions() {
        assert!(is_figure_caption("Figure 6: Trends"));
        assert!(is_figure_caption("  Hình 1. Cơ cấu chi"));
        assert!(is_figure_caption("图 3 支出结构"));
        assert!(!is_figure_caption("Table 1."));
        assert!(is_figure_caption("Chart A. Outlays"));
        assert!(is_figure_caption("Figure IV: Debt"));
        // The word must be whole and numbered.
        for t in ["Figures are provisional and may not add up", "Chart of accounts", "Graphic design services", "图书购置费", "Figure"] {
            assert!(!is_figure_caption(t), "{t}");
        }
    }

    #[test]
    fn share_captions() {
        assert!(is_share_caption("%"));
        assert!(is_share_caption("Tăng/giảm (%)"));
        assert!(is_share_caption("Tỷ lệ thực hiện"));
        assert!(is_share_caption("占比"));
        assert!(is_share_caption("Growth rate"));
        assert!(!is_share_caption("Dự toán năm 2025"));
        assert!(!is_share_caption("合计"));
        // Whole words only: "Corporate" and "separate" hold no rate.
        assert!(!is_share_caption("Corporate tax"));
        assert!(!is_share_caption("Separate accounts"));
    }

    #[test]
    fn total_labels() {
        assert!(is_total_label("TỔNG CỘNG"));
        assert!(is_total_label("合计"));
        assert!(is_total_label("Total"));
        assert!(is_total_label("TỔNG THU NGÂN SÁCH XÃ"));
        assert!(is_total_label("收入总计"));
        assert!(!is_total_label("Xã Sơn Hạ"));
        assert!(!is_total_label("Tổ chức các hội thi"));
        assert!(!is_total_label("Total expenditure of the departments listed in the annex below here"));
    }

    #[test]
    fn total_captions() {
        assert!(is_total_caption("Tổng số") && is_total_caption("合 计") && is_total_caption("TOTAL"));
        assert!(!is_total_caption("Tổng số thu") && !is_total_caption("收入总计"));
    }
}
