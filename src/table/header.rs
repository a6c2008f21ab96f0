//! Header rows: the rows above the first body row, up to and including a column-number row
//! such as "(1)=(2)+(8)", "栏次 1 2 3" or "A B 1 2 3".

use super::config::HeaderConfig;
use super::model::{TableCell, TableRow};
use crate::text::{is_value_like, is_year_digits};

/// A cell of a column-number row: "(1)", "1", "(1)=(2)+(8)", "A", "栏次", "甲", "乙".
pub(super) fn is_column_number_cell(t: &str) -> bool {
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return false;
    }
    if matches!(t.as_str(), "栏次" | "甲" | "乙" | "丙" | "丁") {
        return true;
    }
    if single_capital(&t).is_some() {
        return true;
    }
    t.chars().all(|c| c.is_ascii_digit() || "()=+-*x×/".contains(c)) && t.chars().any(|c| c.is_ascii_digit()) && t.len() <= LONGEST_COLUMN_NUMBER_CELL
}

/// A column-number cell has at most this many bytes: a formula over a wide annex such as
/// "(1)=(2)+(8)+(14)+(20)+(26)+(32)" fits, a sentence does not.
const LONGEST_COLUMN_NUMBER_CELL: usize = 40;

/// A column-number row numbers at least this many columns: two could be a pair of values.
const FEWEST_COLUMN_NUMBERS: usize = 3;

/// Column numbers stay below this: tables have at most a few dozen columns, and larger
/// integers in a row are values.
const FIRST_NON_COLUMN_NUMBER: u32 = 200;

/// True for a row of column numbers (at least three cells, all column numbers, counting up):
/// a run of small numbers ("1 2 3", "(1) (2)"), or letters from A counting up before the
/// number 1 ("A B 1", "A 1 B" over a table with one value column).
pub fn is_column_number_row(row: &TableRow) -> bool {
    let texts = row.texts();
    if texts.len() < FEWEST_COLUMN_NUMBERS || !texts.iter().all(|t| is_column_number_cell(t)) {
        return false;
    }
    // Must contain a run like 1 2 3 or (1) (2) — small numbers, not a row of values.
    let small: Vec<u32> = texts
        .iter()
        .filter_map(|t| t.trim_matches(|c| c == '(' || c == ')').parse::<u32>().ok())
        .collect();
    if small.iter().any(|&n| n >= FIRST_NON_COLUMN_NUMBER) {
        return false;
    }
    let numbers_count_up = small.len() >= 2 && small.windows(2).any(|w| w[1] == w[0] + 1);
    numbers_count_up || (letters_count_up(&texts) && small.first() == Some(&1))
}

/// The row's letter cells ("A", "B", read left to right wherever they stand) are at least
/// two and count up from A.
fn letters_count_up(texts: &[&str]) -> bool {
    let letters: Vec<u32> = texts.iter().filter_map(|t| single_capital(t)).collect();
    letters.len() >= 2 && letters.first() == Some(&u32::from('A')) && letters.windows(2).all(|w| w[1] == w[0] + 1)
}

/// The code of a cell that is one capital letter.
fn single_capital(t: &str) -> Option<u32> {
    let mut cs = t.trim().chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) if c.is_ascii_uppercase() => Some(u32::from(c)),
        _ => None,
    }
}

/// A value cell: a number (a comparator in front allowed), not a year.
pub fn is_value_cell(text: &str) -> bool {
    let t = crate::text::without_comparison(text);
    is_value_like(t) && !is_year_digits(t.trim())
}

/// A section heading row: one cell, in one of the first two columns, of two or more words in
/// upper case (a header caption alone on its line is a wrapped word of a caption, rarely a
/// phrase in capitals under captions that are not); or a row marker in the first column and a
/// name in upper case beside it ("II | EDUCATION": the marker says it is a row), or a name led
/// by a Chinese enumerator.
pub(super) fn is_section_heading(row: &TableRow) -> bool {
    let filled: Vec<(usize, &str)> = row.cells.iter().enumerate().filter(|(_, c)| !c.covered && !c.text.trim().is_empty()).map(|(k, c)| (k, c.text.trim())).collect();
    match filled.as_slice() {
        [(col, text)] => *col < 2 && ((text.split_whitespace().count() >= 2 && in_capitals(text)) || starts_with_chinese_marker(text)),
        [(0, marker), (1, text)] => crate::text::is_row_marker(marker) && in_capitals(text),
        _ => false,
    }
}

/// Text in capitals: it has letters, none of them lowercase.
pub(super) fn in_capitals(t: &str) -> bool {
    t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase)
}

/// A name led by a Chinese enumerator ("一、农林水支出", "（二）教育支出"): Chinese has no
/// upper case to set a heading apart, the enumerator says it is a row.
fn starts_with_chinese_marker(text: &str) -> bool {
    let cut = text.char_indices().find(|&(_, c)| matches!(c, '、' | '）' | ')')).map(|(k, c)| k + c.len_utf8());
    cut.is_some_and(|k| {
        let (marker, name) = text.split_at(k);
        let chinese = matches!(crate::text::marker_style(marker), Some(crate::text::MarkerStyle::ChineseNumeral | crate::text::MarkerStyle::ChineseParen));
        chinese && !name.trim().is_empty()
    })
}

/// A body row has a value (not a year) in a column other than the first.
fn is_body_row(row: &TableRow) -> bool {
    row.cells.iter().skip(1).any(|c| !c.covered && is_value_cell(&c.text))
}

/// A form row: a paragraph-long cell, or a key cell followed by one value cell spanning the
/// rest of the row, unless that cell reads as a caption (no clause punctuation) and the row
/// `below` names sub-columns under it (two or more captions, no value): then it is a caption
/// over them ("Age groups | U.S. population" over "Proportion (total) | Total").
fn is_form_row(row: &TableRow, below: Option<&TableRow>, cfg: &HeaderConfig) -> bool {
    let n = row.cells.len();
    // Paragraph length in Latin-letter widths (a CJK character counts as two).
    let width = |t: &str| t.chars().map(|c| if crate::layout::is_cjk(c) { 2 } else { 1 }).sum::<usize>();
    let long = row.cells.iter().any(|c| width(&c.text) > cfg.paragraph_width);
    let key_value = n >= cfg.form_min_cells
        && !row.cells[0].text.trim().is_empty()
        && !row.cells[1].covered
        && row.cells[1].text.trim().chars().count() > cfg.form_value_chars
        && row.cells[1].col_span == n - 1;
    // (A form's value is often a sentence; a caption has no clause punctuation.)
    let caption = !row.cells[1].text.contains(['，', '。', '；', '、', ',', ';']);
    let sub_captions = caption && below.is_some_and(|b| {
        let under: Vec<&str> = b.cells.iter().skip(1).filter(|c| !c.covered && !c.text.trim().is_empty()).map(|c| c.text.as_str()).collect();
        under.len() >= 2 && !under.iter().any(|t| is_value_cell(t))
    });
    long || (key_value && !sub_captions)
}

/// Number of leading header rows of a table's rows (0 when no body row is recognisable).
pub fn header_row_count(rows: &[TableRow], cfg: &HeaderConfig) -> usize {
    if rows.is_empty() {
        return 0;
    }
    // A column-number row ends the header.
    if let Some(k) = rows.iter().take(cfg.column_number_search_rows).position(is_column_number_row) {
        return k + 1;
    }
    let Some(first_body) = rows.iter().position(is_body_row) else {
        return 0;
    };
    // Header cells are captions: a row with a paragraph-long cell, or a "key | value across
    // the rest of the row" row, is already body (forms such as 绩效目标表).
    let first_body = (0..first_body).find(|&k| is_form_row(&rows[k], rows.get(k + 1), cfg)).unwrap_or(first_body);
    // A section heading under the header (an upper-case name alone in the label columns:
    // "CHƯƠNG TRÌNH QUẢN LÝ HÀNH CHÍNH") is the first row of the body, not a header line.
    let first_body = rows[..first_body].iter().enumerate().skip(1).find(|(_, r)| is_section_heading(r)).map_or(first_body, |(k, _)| k);
    let mut n = first_body.min(cfg.max_header_rows);
    // Cells spanning down from the header keep their rows in the header.
    loop {
        let extended = rows[..n]
            .iter()
            .enumerate()
            .flat_map(|(r, row)| row.cells.iter().filter(|c| !c.covered).map(move |c| r + c.row_span))
            .max()
            .unwrap_or(0);
        if extended > n && extended < rows.len() && !(n..extended).any(|k| is_body_row(&rows[k]) || is_form_row(&rows[k], rows.get(k + 1), cfg)) {
            n = extended;
        } else {
            break;
        }
    }
    n
}

/// Captions wrapped onto the line of the captions below them: a header cell that starts with
/// a closing bracket the caption above it in its column leaves open ends that caption ("增长（%"
/// over "）"), and a bracketed unit without digits ("(%)", "（万元）", "(triệu đồng)"; a
/// column number such as "(1)" or "(a)" is none) under a caption of one column without a
/// bracket of its own is that caption's unit ("Tăng/giảm" over "(%)", set on the line of the
/// years), and a number of one or two digits alone on its line under a caption of one column
/// ending in a letter is that caption's last word ("Chỉ tiêu cấp" over "2"). Each is moved up
/// to its caption; a header row left empty by the moves is dropped.
/// Returns the number of header rows after.
pub fn join_wrapped_caption_ends(rows: &mut Vec<TableRow>, header_rows: usize, cfg: &HeaderConfig) -> usize {
    let h = header_rows.min(rows.len());
    move_wrapped_caption_ends(rows, h, cfg);
    let before = rows.len();
    let mut r = 0;
    rows.retain(|row| {
        r += 1;
        r > h || row.cells.iter().any(|x| x.covered || !x.text.trim().is_empty())
    });
    h - (before - rows.len())
}

/// Move the wrapped caption ends of [`join_wrapped_caption_ends`] up to their captions, in
/// the first `header_lines` rows (one per text line, before lines are joined: no row is
/// dropped).
pub fn move_wrapped_caption_ends(rows: &mut [TableRow], header_lines: usize, cfg: &HeaderConfig) {
    let h = header_lines.min(rows.len());
    for r in 1..h {
        for c in 0..rows[r].cells.len() {
            let text = rows[r].cells[c].text.trim();
            let closer = text.chars().next().and_then(closing_bracket_pair);
            let unit = is_bracketed_unit(text);
            // (A caption's last word, a number of one or two digits, alone on its line: "Chỉ
            // tiêu cấp" over "2".)
            let alone = (0..rows[r].cells.len()).all(|x| x == c || (!rows[r].cells[x].covered && rows[r].cells[x].text.trim().is_empty()));
            let number = alone && (1..=cfg.caption_end_digits).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
            if closer.is_none() && !unit && !number {
                continue;
            }
            // The nearest caption above in the column (not a cell spanning into it).
            let Some(up) = (0..r).rev().find(|&u| rows[u].cells.get(c).is_some_and(|x| x.covered || !x.text.trim().is_empty())) else { continue };
            let above = &rows[up].cells[c];
            let ends = match closer {
                Some(pair) => leaves_open(&above.text, pair),
                None if number => above.col_span <= 1 && above.text.trim_end().chars().last().is_some_and(char::is_alphabetic),
                None => above.col_span <= 1 && !above.text.chars().any(|ch| closing_bracket_pair(ch).is_some()),
            };
            if above.covered || !ends {
                continue;
            }
            let text = std::mem::take(&mut rows[r].cells[c].text);
            let caption = &mut rows[up].cells[c].text;
            if closer.is_some() {
                caption.push_str(text.trim());
            } else {
                crate::layout::push_joined(caption, &text);
            }
        }
    }
}

/// A unit or remark in one pair of brackets, without digits and longer than a letter: "(%)",
/// "（万元）", "(thousand euro)"; not "(1)", "(a)" or "(2)=(1)+(3)".
fn is_bracketed_unit(text: &str) -> bool {
    let Some(pair) = text.chars().last().and_then(closing_bracket_pair) else { return false };
    let inner: Vec<char> = text.chars().skip(1).take(text.chars().count().saturating_sub(2)).collect();
    let letter = inner.len() == 1 && inner[0].is_alphabetic();
    text.starts_with(pair.0) && !inner.is_empty() && !letter && !inner.iter().any(|c| c.is_ascii_digit() || *c == pair.0 || *c == pair.1)
}

/// The bracket pair (opening, closing) that the closing bracket `c` ends.
fn closing_bracket_pair(c: char) -> Option<(char, char)> {
    [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】'), ('〔', '〕'), ('《', '》')].into_iter().find(|&(_, close)| close == c)
}

/// `text` opens the bracket pair `(open, close)` more often than it closes it.
fn leaves_open(text: &str, (open, close): (char, char)) -> bool {
    text.chars().filter(|&c| c == open).count() > text.chars().filter(|&c| c == close).count()
}

/// In an unruled header of several rows, a column's only caption belongs to the top header row:
/// a caption set between the header's lines ("STT", "Tổng số" centred beside "Ngân sách địa
/// phương" over "Tổng số | Chi đầu tư") spans the header's rows and is read at their top, as a
/// ruled header's merged cell is: it becomes a cell spanning those rows. Only when the top row
/// has a caption spanning columns (a caption over sub-columns; otherwise nothing says the rows
/// are levels). A column-number row (the header's last row, where one ends it) keeps its
/// numbers; a caption under a cell spanning from the left stays where it is.
pub fn lift_lone_captions(rows: &mut [TableRow], header_rows: usize) {
    let h = header_rows.min(rows.len());
    if h < 2 {
        return;
    }
    let numbers = rows[..h].iter().any(is_column_number_row);
    let h = if numbers { h - 1 } else { h };
    // Only under a top row that spans columns: then the header is a caption over sub-columns
    // beside captions that span its rows.
    if !rows[0].cells.iter().any(|c| !c.covered && c.col_span > 1) {
        return;
    }
    let n = rows[..h].iter().map(|r| r.cells.len()).min().unwrap_or(0);
    for c in 0..n {
        let filled: Vec<usize> = (0..h).filter(|&r| rows[r].cells[c].covered || !rows[r].cells[c].text.trim().is_empty()).collect();
        if let [r] = filled[..]
            && !rows[r].cells[c].covered
            && rows[r].cells[c].col_span == 1
        {
            let text = std::mem::take(&mut rows[r].cells[c].text);
            rows[0].cells[c] = TableCell { text, row_span: h, col_span: 1, covered: false };
            for row in rows.iter_mut().take(h).skip(1) {
                row.cells[c] = TableCell::covered();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;


    fn row(texts: &[&str]) -> TableRow {
        TableRow::new(1, 0.0, 1.0, texts.iter().map(|t| TableCell::new(t.to_string())).collect())
    }

    #[test]
    fn a_closing_bracket_wrapped_onto_the_line_below_ends_the_caption_above() {
        // "增长（%）" wrapped before its bracket, which sits on the line of the years.
        let mut rows = vec![row(&["项目", "年份", "", "增长（%"]), row(&["", "2015", "2016", "）"]), row(&["合计", "1", "2", "3"])];
        assert_eq!(join_wrapped_caption_ends(&mut rows, 2, &HeaderConfig::default()), 2);
        assert_eq!(rows[0].cells[3].text, "增长（%）");
        assert_eq!(rows[1].cells[3].text, "");
        // A row holding nothing but the bracket is dropped from the header.
        let mut rows = vec![row(&["Item", "Change (%"]), row(&["", ")"]), row(&["Total", "4,5"])];
        assert_eq!(join_wrapped_caption_ends(&mut rows, 2, &HeaderConfig::default()), 1);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cells[1].text, "Change (%)");
        // A bracket the caption above does not leave open stays where it is, and so does one
        // in the body.
        let mut rows = vec![row(&["Item", "Change (%)"]), row(&["", ") note"]), row(&["Total", ")"])];
        assert_eq!(join_wrapped_caption_ends(&mut rows, 2, &HeaderConfig::default()), 2);
        assert_eq!(rows[1].cells[1].text, ") note");
        assert_eq!(rows[2].cells[1].text, ")");
    }

    #[test]
    fn a_bracketed_unit_on_the_line_below_is_the_unit_of_the_caption_above() {
        // "Tăng/giảm (%)" wrapped before its unit, which sits on the line of the years.
        let mut rows = vec![row(&["Tên đơn vị", "Năm", "", "Tăng/giảm"]), row(&["", "2019", "2020", "(%)"]), row(&["Hà Nội", "1", "2", "3"])];
        assert_eq!(join_wrapped_caption_ends(&mut rows, 2, &HeaderConfig::default()), 2);
        assert_eq!(rows[0].cells[3].text, "Tăng/giảm (%)");
        assert_eq!(rows[1].cells[3].text, "");
        // Column numbers in brackets are no units; a caption spanning sub-columns or carrying
        // a unit of its own takes none.
        let mut rows = vec![row(&["Item", "Budget", "Actual (€m)"]), row(&["", "(1)", "(%)"]), row(&["Total", "1", "2"])];
        rows[0].cells[1].col_span = 2;
        let mut spanned = rows.clone();
        spanned[1].cells[1].text = "(€m)".to_string();
        assert_eq!(join_wrapped_caption_ends(&mut rows, 2, &HeaderConfig::default()), 2);
        assert_eq!(join_wrapped_caption_ends(&mut spanned, 2, &HeaderConfig::default()), 2);
        assert_eq!((rows[1].cells[1].text.as_str(), rows[1].cells[2].text.as_str(), spanned[1].cells[1].text.as_str()), ("(1)", "(%)", "(€m)"));
        // A caption's last word wrapped alone onto its own line; not a number beside others
        // (a column-number row) or under a caption ending in a number.
        let mut rows = vec![row(&["Chỉ tiêu cấp 1", "Chỉ tiêu cấp", "Giá trị"]), row(&["", "2", ""]), row(&["Đầu ra", "Số lượng", "≥78%"])];
        assert_eq!(join_wrapped_caption_ends(&mut rows, 2, &HeaderConfig::default()), 1);
        assert_eq!(rows[0].cells[1].text, "Chỉ tiêu cấp 2");
        let mut rows = vec![row(&["Item", "Budget", "Actual 2024"]), row(&["A", "1", ""]), row(&["", "", "2"]), row(&["Total", "5", "6"])];
        assert_eq!(join_wrapped_caption_ends(&mut rows, 3, &HeaderConfig::default()), 3);
        assert_eq!((rows[1].cells[1].text.as_str(), rows[2].cells[2].text.as_str()), ("1", "2"));
        assert!(is_bracketed_unit("（万元）") && is_bracketed_unit("(thousand euro)"));
        assert!(!is_bracketed_unit("(a)") && !is_bracketed_unit("(2)=(1)+(3)") && !is_bracketed_unit("()"));
    }

    #[test]
    fn a_section_heading_under_the_header_starts_the_body() {
        let rows = vec![
            row(&["Nội dung", "Dự toán năm 2025", "Thực hiện"]),
            row(&["CHƯƠNG TRÌNH QUẢN LÝ HÀNH CHÍNH", "", ""]),
            row(&["Chi sự nghiệp quản lý hành chính", "(84,97)", "(32,35)"]),
        ];
        assert_eq!(header_row_count(&rows, &HeaderConfig::default()), 1);
        // Chinese headings have no upper case: the enumerator marks them ("一、", "（二）").
        let rows = vec![row(&["单位名称", "上年结转"]), row(&["一、农林水支出", ""]), row(&["文化旅游体育与传媒支出", "8 803 315 000"])];
        assert_eq!(header_row_count(&rows, &HeaderConfig::default()), 1);
        let rows = vec![row(&["单位名称", "上年结转"]), row(&["（二）教育支出", ""]), row(&["文化旅游体育与传媒支出", "8 803 315 000"])];
        assert_eq!(header_row_count(&rows, &HeaderConfig::default()), 1);
        let rows = vec![row(&["单位名称", "上年结转"]), row(&["一般公共预算", ""]), row(&["文化旅游体育与传媒支出", "8 803 315 000"])];
        assert_eq!(header_row_count(&rows, &HeaderConfig::default()), 2);
        // A caption's wrapped word alone on its line stays in the header.
        let rows = vec![row(&["Nội dung", "Dự toán", "Thực hiện"]), row(&["chi", "năm 2025", ""]), row(&["Chi thường xuyên", "84,97", "32,35"])];
        assert_eq!(header_row_count(&rows, &HeaderConfig::default()), 2);
        // A marked heading: a row marker beside a name in capitals.
        let rows = vec![row(&["STT", "Tên đơn vị", "Tổng số"]), row(&["I", "EDUCATION", ""]), row(&["1", "Schools", "1.000"])];
        assert_eq!(header_row_count(&rows, &HeaderConfig::default()), 1);
    }

    #[test]
    fn column_number_rows() {
        assert!(is_column_number_row(&row(&["A", "B", "(1)=(2)+(8)", "(2)", "(3)"])));
        assert!(is_column_number_row(&row(&["栏次", "1", "2", "3"])));
        assert!(!is_column_number_row(&row(&["Xã Sơn Hạ", "561,78", "488,50"])));
        assert!(!is_column_number_row(&row(&["1", "920", "800"])));
        // Letters from A before the number 1: one value column.
        assert!(is_column_number_row(&row(&["A", "B", "1"])));
        assert!(is_column_number_row(&row(&["A", "1", "B"])));
        assert!(!is_column_number_row(&row(&["B", "C", "1"])));
        assert!(!is_column_number_row(&row(&["A", "B", "7"])));
    }

    #[test]
    fn header_ends_before_first_value_row() {
        let rows = vec![row(&["Stt", "Nội dung", "Dự toán"]), row(&["1", "Thu", "1.000"]), row(&["2", "Chi", "-"])];
        assert_eq!(header_row_count(&rows, &HeaderConfig::default()), 1);
        let years = vec![row(&["", "2011", "2012"]), row(&["Defense", "699", "709"])];
        assert_eq!(header_row_count(&years, &HeaderConfig::default()), 1);
        let money = vec![row(&["Program", "Budget"]), row(&["Performance.gov", "$1.1M"])];
        assert_eq!(header_row_count(&money, &HeaderConfig::default()), 1);
    }

    #[test]
    fn a_caption_over_sub_columns_is_no_form_row() {
        let cfg = HeaderConfig::default();
        let spanning = |texts: &[&str]| {
            let mut r = row(texts);
            r.cells[1].col_span = r.cells.len() - 1;
            for c in r.cells.iter_mut().skip(2) {
                *c = TableCell::covered();
            }
            r
        };
        let body = row(&["Under 1 year", "0.0156", "0.0203", "3,533,692"]);
        let rows = vec![spanning(&["Age groups", "U.S. population", "", ""]), row(&["", "Proportion (total)", "Proportion (20+ years)", "Total"]), body.clone()];
        assert_eq!(header_row_count(&rows, &cfg), 2);
        // A form's value is a sentence, whatever the row below holds.
        let rows = vec![spanning(&["绩效目标", "1.保障工作顺利进行，巩固脱贫攻坚成果", "", ""]), row(&["一级指标", "二级指标", "三级指标", "指标值"]), body];
        assert_eq!(header_row_count(&rows, &cfg), 0);
    }

    #[test]
    fn captions_beside_a_spanning_caption_are_read_at_the_header_top() {
        let mut top = row(&["", "", "Ngân sách địa phương", ""]);
        top.cells[2].col_span = 2;
        top.cells[3] = TableCell::covered();
        let mut rows = vec![top, row(&["STT", "Tên đơn vị", "Tổng số", "Chi đầu tư"]), row(&["1", "Trường", "1.000", "500"])];
        lift_lone_captions(&mut rows, 2);
        let cells = |r: &TableRow| r.cells.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
        assert_eq!(cells(&rows[0]), ["STT", "Tên đơn vị", "Ngân sách địa phương", ""]);
        assert_eq!(cells(&rows[1]), ["", "", "Tổng số", "Chi đầu tư"]);
        // Each lifted caption is a cell over the header's two rows, as a ruled header's is.
        assert_eq!((rows[0].cells[0].row_span, rows[0].cells[1].row_span, rows[0].cells[2].row_span), (2, 2, 1));
        assert!(rows[1].cells[0].covered && rows[1].cells[1].covered && !rows[1].cells[2].covered);
        // Without a spanning caption on top nothing says the header's rows are levels.
        let mut flat = vec![row(&["Revenue", "", "Expenditure", ""]), row(&["Item", "Budget", "Item", "Budget"])];
        lift_lone_captions(&mut flat, 2);
        assert_eq!(cells(&flat[0]), ["Revenue", "", "Expenditure", ""]);
    }
}

