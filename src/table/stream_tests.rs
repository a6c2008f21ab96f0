//! Unit tests of `stream`.

use crate::layout::{TextLine, Word};
use crate::pdf::BBox;
use crate::table::model::{TableCell, TableRow};
use crate::text::is_numeric_token;

/// A header or body line as a row of cells.
fn row(texts: &[&str]) -> TableRow {
    TableRow::new(1, 0.0, 1.0, texts.iter().map(|s| TableCell::new(s.to_string())).collect())
}

/// The cells' texts, row by row.
fn texts(rows: &[TableRow]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).collect()
}

/// A text line of `words` (one baseline, 8 pt below the words' top).
fn text_line(words: Vec<Word>) -> TextLine {
    TextLine { bbox: BBox::new(words[0].bbox.x0, words[0].bbox.y0, words[words.len() - 1].bbox.x1, words[0].bbox.y1), baseline: words[0].bbox.y0 + 8.0, upright: true, words }
}

#[test]
fn money_amounts_count_as_numbers() {
    assert!(is_numeric_token("$9,600"));
    assert!(is_numeric_token("$1.1M"));
    assert!(is_numeric_token("12.5%"));
    assert!(!is_numeric_token("$"));
    assert!(!is_numeric_token("FY2010"));
}

#[test]
fn group_captions_over_two_columns_each_stay_a_header_level() {
    use crate::table::config::TableConfig;
    use crate::table::stream_rows::merge_header_lines;
    let rows = vec![
        row(&["Revenue", "", "Expenditure", ""]),
        row(&["Item", "Budget", "Item", "Budget"]),
        row(&["Defence", "5,348,113,936", "Health", "4,532,254,000"]),
        row(&["TOTAL", "16,573,213,197", "TOTAL", "19,789,832,101"]),
    ];
    let out = merge_header_lines(rows, &TableConfig::default());
    let texts: Vec<Vec<&str>> = out.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
    assert_eq!(texts[0], ["Revenue", "", "Expenditure", ""]);
    assert_eq!(out[0].cells[0].col_span, 2);
    assert!(out[0].cells[1].covered);
    assert_eq!(texts[1], ["Item", "Budget", "Item", "Budget"]);
    // One group caption already spans its pair (set centred over it); the other still spreads.
    let mut top = row(&["收入", "", "支出", ""]);
    top.cells[2].col_span = 2;
    top.cells[3] = TableCell::covered();
    let rows = vec![top, row(&["项目", "预算数", "项目", "预算数"]), row(&["城乡社区支出", "8.565.000", "事业运行", "3.529.337"]), row(&["合计", "8.565.000", "合计", "3.529.337"])];
    let out = merge_header_lines(rows, &TableConfig::default());
    assert_eq!(out[0].cells.iter().map(|c| c.col_span).collect::<Vec<_>>(), [2, 1, 2, 1]);
    assert!(out[0].cells[1].covered && out[0].cells[3].covered);
    assert_eq!(out[1].cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["项目", "预算数", "项目", "预算数"]);
    // A caption wrapped onto a second line under it is still joined.
    let rows = vec![row(&["Code", "Budget", "Actual"]), row(&["", "estimate", "outturn"]), row(&["01", "1,000", "900"]), row(&["02", "2,000", "1,800"])];
    let out = merge_header_lines(rows, &TableConfig::default());
    assert_eq!(out[0].cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["Code", "Budget estimate", "Actual outturn"]);
}

#[test]
fn a_caption_centred_over_sub_columns_spans_them() {
    use crate::table::config::TableConfig;
    use crate::table::stream_rows::merge_header_lines;
    // "Year" sits over the middle of five year columns; "Item" and "Change (%)" are centred
    // between the header's lines.
    let rows = vec![
        row(&["", "", "", "Year", "", "", ""]),
        row(&["Item", "", "", "", "", "", "Change (%)"]),
        row(&["", "2020", "2021", "2022", "2023", "2024", ""]),
        row(&["EU-27", "1758.89", "1646.94", "1803.58", "1891.34", "1973.03", "4.3"]),
        row(&["Czechia", "197.34", "155.26", "200.42", "204.72", "209.63", "2.4"]),
    ];
    let out = merge_header_lines(rows, &TableConfig::default());
    assert_eq!(texts(&out)[0], ["", "Year", "", "", "", "", ""]);
    assert_eq!(out[0].cells[1].col_span, 5);
    assert!(out[0].cells[2..6].iter().all(|c| c.covered));
    assert_eq!(texts(&out)[1], ["Item", "2020", "2021", "2022", "2023", "2024", "Change (%)"]);
    // Three levels: the top caption crosses the middle two of four sub-columns; the captions of
    // the mid level share a line with single-column captions centred beside them.
    let rows = vec![
        row(&["", "", "", "", "一般公共预算拨款", "", ""]),
        row(&["序号", "科目名称", "合计", "财政拨款支出", "", "本年收入", ""]),
        row(&["", "", "", "本年支出", "财政拨款收入", "合计", "财政专户收入"]),
        row(&["", "收入总计", "86,227.20", "12,256.65", "54,838.38", "59,934.25", "40,802.08"]),
        row(&["I", "一、教育支出", "86,227.20", "12,256.65", "54,838.38", "59,934.25", "40,802.08"]),
    ];
    let mut rows = rows;
    rows[0].cells[4].col_span = 2;
    rows[0].cells[5] = TableCell::covered();
    rows[1].cells[3].col_span = 2;
    rows[1].cells[4] = TableCell::covered();
    rows[1].cells[5].col_span = 2;
    rows[1].cells[6] = TableCell::covered();
    let out = merge_header_lines(rows, &TableConfig::default());
    assert_eq!(texts(&out)[0], ["", "", "", "一般公共预算拨款", "", "", ""]);
    assert_eq!(out[0].cells[3].col_span, 4);
    // Sub-captions staggered over three lines ("Dự toán sau / điều chỉnh" wrapped, "Vốn" and
    // "Thực hiện" centred beside it), under a line of captions spanning the header's levels:
    // no one line fills the run under "Chia ra", the lines from the first one under it do.
    let rows = vec![
        row(&["", "", "", "Chia ra", ""]),
        row(&["Nội dung", "Tổng số", "", "", ""]),
        row(&["", "", "", "Dự toán sau", ""]),
        row(&["", "", "Vốn", "", "Thực hiện"]),
        row(&["", "", "", "điều chỉnh", ""]),
        row(&["Xã Sơn Hạ", "1.200", "300", "400", "500"]),
        row(&["Xã Sơn Thành", "2.400", "600", "800", "1.000"]),
    ];
    let out = merge_header_lines(rows, &TableConfig::default());
    assert_eq!(texts(&out)[0], ["", "", "Chia ra", "", ""]);
    assert_eq!(out[0].cells[2].col_span, 3);
    assert_eq!(texts(&out)[1], ["Nội dung", "Tổng số", "Vốn", "Dự toán sau điều chỉnh", "Thực hiện"]);
    // The wrapped end of a caption over a column-number row stays in its column.
    let rows = vec![
        row(&["Mã số", "Tên nội dung", "Dự toán năm", "Vốn trong nước"]),
        row(&["", "", "2025", ""]),
        row(&["A", "B", "1", "2"]),
        row(&["201", "Hỗ trợ quản lý hành chính", "166.049.317", "146.647.440"]),
        row(&["202", "Chi sự nghiệp", "69.197.073", "82.051.000"]),
    ];
    let out = merge_header_lines(rows, &TableConfig::default());
    assert_eq!(texts(&out)[0], ["Mã số", "Tên nội dung", "Dự toán năm 2025", "Vốn trong nước"]);
}

#[test]
fn amounts_and_remarks_a_narrow_gutter_apart_are_a_table() {
    use crate::table::config::TableConfig;
    // CJK labels at 20, amounts right-aligned at 240, remarks 6 pt (0.6 em) further: each body
    // line is two chunks at the column gap, but three cells.
    let word = |t: &str, x0: f64, x1: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x1, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    let mut lines = vec![text_line(vec![word("项目", 60.0, 80.0, 0.0), word("本年支出", 190.0, 230.0, 0.0), word("备注", 250.0, 270.0, 0.0)])];
    let body = [("文化旅游体育与传媒支出", "4.793.336.000"), ("卫生健康支出", "4.683.771.014"), ("节能环保支出", "6.123.589.056"), ("社会保障和就业支出", "4.600.713.474")];
    for (k, (label, value)) in body.iter().enumerate() {
        let y = 20.0 + 20.0 * k as f64;
        let w = 10.0 * label.chars().count() as f64;
        lines.push(text_line(vec![word(label, 20.0, 20.0 + w, y), word(value, 175.0, 240.0, y), word("据实结算", 246.0, 286.0, y)]));
    }
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].rows[1].cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["文化旅游体育与传媒支出", "4.793.336.000", "据实结算"]);
}

#[test]
fn value_lines_between_wrapped_labels_keep_the_block_going() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 10.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    // Income | amount | spending | amount; the spending labels wrap around their amounts, which
    // sit alone on the middle line once the income side has run out.
    let mut lines = vec![
        text_line(vec![word("收入项目", 20.0, 0.0), word("预算数", 150.0, 0.0), word("支出项目", 250.0, 0.0), word("预算数", 400.0, 0.0)]),
        text_line(vec![word("城乡社区支出", 20.0, 20.0), word("81.260,50", 140.0, 20.0), word("事业运行支出", 250.0, 20.0), word("40.143,66", 390.0, 20.0)]),
        text_line(vec![word("文化旅游支出", 20.0, 40.0), word("28.151,32", 140.0, 40.0), word("科学技术支出", 250.0, 40.0), word("49.879,72", 390.0, 40.0)]),
    ];
    for (k, (a, b, v)) in [("节能环保支出及", "相关配套经费", "63.710,94"), ("其他社会保障和", "就业支出项目", "25.522,79")].iter().enumerate() {
        let y = 60.0 + 36.0 * k as f64;
        lines.push(text_line(vec![word(a, 250.0, y)]));
        lines.push(text_line(vec![word(v, 390.0, y + 12.0)]));
        lines.push(text_line(vec![word(b, 250.0, y + 24.0)]));
    }
    lines.push(text_line(vec![word("支出合计", 20.0, 140.0), word("53.109,18", 140.0, 140.0), word("支出合计", 250.0, 140.0), word("235.761,85", 380.0, 140.0)]));
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 1, "{tables:?}");
    let last = tables[0].rows.last().map(|r| r.cells.iter().map(|c| c.text.clone()).collect::<Vec<_>>());
    assert_eq!(last, Some(vec!["支出合计".to_string(), "53.109,18".into(), "支出合计".into(), "235.761,85".into()]));
}

#[test]
fn a_table_whose_values_sit_between_wrapped_labels_is_no_prose() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 6.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    // Item | Budget | Remarks (left empty), each label wrapped over two lines with its amount
    // centred between them: only two lines of cells hold an amount, the other two sit alone.
    let mut lines = vec![text_line(vec![word("Item", 20.0, 0.0), word("Budget", 200.0, 0.0), word("Remarks", 300.0, 0.0)])];
    for (k, (a, b, v)) in [("RECREATION,", "AND RELIGION", "76,797,120"), ("Education of which", "and health", "12,120,000")].iter().enumerate() {
        let y = 22.0 + 36.0 * k as f64;
        lines.push(text_line(vec![word(a, 20.0, y)]));
        lines.push(text_line(vec![word(v, 190.0, y + 7.0)]));
        lines.push(text_line(vec![word(b, 20.0, y + 14.0)]));
    }
    lines.push(text_line(vec![word("EDUCATION", 20.0, 94.0), word("(39,177,000)", 184.0, 94.0)]));
    lines.push(text_line(vec![word("TOTAL", 20.0, 116.0), word("49,740,120", 190.0, 116.0)]));
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 1, "{tables:?}");
}

#[test]
fn a_captioned_table_in_the_label_area_of_the_one_above_is_a_table_of_its_own() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 5.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    // A wide table (long labels, amounts from x = 320) and, a row further down, "Table 2"
    // with a narrow table whose every line sits left of the first table's amounts: its header
    // line (two cells) looks like a section heading of the first table.
    let mut lines = vec![text_line(vec![word("Function", 20.0, 0.0), word("Total", 330.0, 0.0), word("Current", 400.0, 0.0)])];
    for (k, label) in ["Health and related programmes and defence", "Economic affairs and related programmes", "Housing and community amenities"].iter().enumerate() {
        let y = 14.0 + 14.0 * k as f64;
        lines.push(text_line(vec![word(label, 20.0, y), word("4.735.286", 320.0, y), word("4.369.836", 390.0, y)]));
    }
    lines.push(text_line(vec![word("Table 2: Revenue and expenditure summary", 40.0, 64.0)]));
    lines.push(text_line(vec![word("Description", 20.0, 80.0), word("Change (%)", 150.0, 80.0)]));
    for (k, label) in ["Belgium", "Bulgaria", "Germany"].iter().enumerate() {
        let y = 94.0 + 14.0 * k as f64;
        lines.push(text_line(vec![word(label, 20.0, y), word("19,6", 160.0, y)]));
    }
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 2, "{tables:?}");
    let first_cells = |t: &crate::table::model::PageTable| t.rows.iter().map(|r| r.cells[0].text.clone()).collect::<Vec<_>>();
    assert_eq!(first_cells(&tables[1]), ["Description", "Belgium", "Bulgaria", "Germany"]);
    assert_eq!(first_cells(&tables[0]).last().map(String::as_str), Some("Housing and community amenities"));
}

#[test]
fn the_last_rows_label_wrapped_around_its_values_stays_in_the_table() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 6.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    // Header, total, a row, then a last row whose label wraps over two lines with its amount,
    // alone on its line, between them: the label's last line starts left of the amount.
    let lines = [
        text_line(vec![word("Description", 120.0, 0.0), word("Outturn", 400.0, 0.0)]),
        text_line(vec![word("Grand total", 20.0, 20.0), word("551817.67", 390.0, 20.0)]),
        text_line(vec![word("Defence", 20.0, 40.0), word("1817.67", 402.0, 40.0)]),
        text_line(vec![word("Health and public order and", 20.0, 60.0)]),
        text_line(vec![word("550000.00", 390.0, 68.0)]),
        text_line(vec![word("safety", 20.0, 76.0)]),
    ];
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 1, "{tables:?}");
    let last = tables[0].rows.last().map(|r| r.cells.iter().map(|c| c.text.clone()).collect::<Vec<_>>());
    assert_eq!(last, Some(vec!["Health and public order and safety".to_string(), "550000.00".to_string()]));
    // With no two value lines neighbours, the pitch from the total to the value set alone is
    // the rows' pitch: the label's last line sits closer.
    let lines = [
        text_line(vec![word("Description", 120.0, 0.0), word("Outturn", 400.0, 0.0)]),
        text_line(vec![word("Grand total", 20.0, 20.0), word("551817.67", 390.0, 20.0)]),
        text_line(vec![word("Health and public order and", 20.0, 40.0)]),
        text_line(vec![word("551817.67", 390.0, 48.0)]),
        text_line(vec![word("safety", 20.0, 56.0)]),
    ];
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    let last = tables.first().and_then(|t| t.rows.last()).map(|r| r.cells.iter().map(|c| c.text.clone()).collect::<Vec<_>>());
    assert_eq!(last, Some(vec!["Health and public order and safety".to_string(), "551817.67".to_string()]));
    // The same with two amounts on the line between the label's lines (a line of values only).
    let lines = [
        text_line(vec![word("Description", 120.0, 0.0), word("Outturn", 400.0, 0.0), word("Budget", 500.0, 0.0)]),
        text_line(vec![word("Grand total", 20.0, 20.0), word("551817.67", 390.0, 20.0), word("600000.00", 490.0, 20.0)]),
        text_line(vec![word("Defence", 20.0, 40.0), word("1817.67", 402.0, 40.0), word("2000.00", 502.0, 40.0)]),
        text_line(vec![word("Health and public order and", 20.0, 60.0)]),
        text_line(vec![word("550000.00", 390.0, 68.0), word("598000.00", 490.0, 68.0)]),
        text_line(vec![word("safety", 20.0, 76.0)]),
    ];
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    let last = tables.first().and_then(|t| t.rows.last()).map(|r| r.cells.iter().map(|c| c.text.clone()).collect::<Vec<_>>());
    assert_eq!(last, Some(vec!["Health and public order and safety".to_string(), "550000.00".to_string(), "598000.00".to_string()]));
}

#[test]
fn a_header_and_a_row_ending_the_page_may_only_start_a_table() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 5.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    let amount = |t: &str, y: f64| word(t, 300.0 - 5.0 * t.chars().count() as f64, y);
    let mut lines = vec![
        text_line(vec![word("The budget was adopted on 12 December.", 40.0, 0.0)]),
        text_line(vec![word("Item", 40.0, 50.0), amount("Adjusted", 50.0), word("Recurrent", 350.0, 50.0)]),
        text_line(vec![word("Total", 40.0, 70.0), amount("492,281.88", 70.0), word("881,103.98", 350.0, 70.0)]),
        text_line(vec![word("GENERAL SERVICES", 40.0, 90.0)]),
    ];
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 1, "{tables:?}");
    assert!(tables[0].head_only && !tables[0].continuation_only);
    // With a line of cells after them on the page, they are nothing.
    lines.push(text_line(vec![word("Prepared by", 40.0, 140.0), word("Approved by", 250.0, 140.0)]));
    let refs: Vec<&TextLine> = lines.iter().collect();
    assert!(super::find_stream_tables(1, &refs, &[], &TableConfig::default()).iter().all(|t| !t.rows.iter().any(|r| r.cells.iter().any(|c| c.text == "492,281.88"))));
}

#[test]
fn a_small_table_counts_the_values_between_wrapped_labels_as_lines_of_cells() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 6.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    // Header and total are the only lines of two cells; each of the other two rows wraps its
    // label over two lines with its amount between them.
    let mut lines = vec![text_line(vec![word("Unit", 120.0, 0.0), word("Total", 400.0, 0.0)]), text_line(vec![word("TOTAL", 20.0, 20.0), word("6,888.29", 390.0, 20.0)])];
    for (k, (a, b, v)) in [("Rural development programme under", "resolution 15", "3,352.54"), ("Economic and social development of", "mountain areas", "3,535.75")].iter().enumerate() {
        let y = 40.0 + 36.0 * k as f64;
        lines.push(text_line(vec![word(a, 20.0, y)]));
        lines.push(text_line(vec![word(v, 390.0, y + 8.0)]));
        lines.push(text_line(vec![word(b, 20.0, y + 16.0)]));
    }
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 1, "{tables:?}");
    // A value alone between lines that are no labels beside it (a chart's legend) is no line
    // of cells.
    let legend = [
        text_line(vec![word("Total EU-12", 20.0, 0.0), word("Total EU-15", 200.0, 0.0)]),
        text_line(vec![word("13%", 40.0, 14.0), word("65%", 220.0, 14.0)]),
        text_line(vec![word("Treaty reform", 20.0, 28.0)]),
        text_line(vec![word("23%", 40.0, 42.0)]),
        text_line(vec![word("Unspecified", 20.0, 56.0)]),
    ];
    let refs: Vec<&TextLine> = legend.iter().collect();
    // (At the top of a page it is kept only as the possible last rows of a table before.)
    assert!(super::find_stream_tables(1, &refs, &[], &TableConfig::default()).iter().all(|t| t.continuation_only));
}

#[test]
fn a_few_rows_of_values_at_the_top_of_a_page_may_only_continue_a_table() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 5.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    let amount = |t: &str, y: f64| word(t, 300.0 - 5.0 * t.chars().count() as f64, y);
    let rows = |top: f64| vec![text_line(vec![word("Water", 40.0, top), amount("450", top)]), text_line(vec![word("Parks", 40.0, top + 20.0), amount("90", top + 20.0)])];
    let lines = rows(50.0);
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 1);
    assert!(tables[0].continuation_only);
    assert_eq!(tables[0].rows.len(), 2);
    // Under a paragraph, the same two rows are no table of their own: ending the page, at most
    // the head of a table the next page goes on with.
    let mut lines = vec![text_line(vec![word("The figures below are provisional.", 40.0, 0.0)])];
    lines.extend(rows(50.0));
    let refs: Vec<&TextLine> = lines.iter().collect();
    assert!(super::find_stream_tables(1, &refs, &[], &TableConfig::default()).iter().all(|t| t.head_only && !t.continuation_only));
    // With a line of cells after them, nothing.
    lines.push(text_line(vec![word("Prepared by", 40.0, 140.0), word("Approved by", 250.0, 140.0)]));
    let refs: Vec<&TextLine> = lines.iter().collect();
    assert!(super::find_stream_tables(1, &refs, &[], &TableConfig::default()).iter().all(|t| !t.rows.iter().any(|r| r.cells.iter().any(|c| c.text == "450"))));
}

#[test]
fn wrapped_text_cells_at_the_top_of_a_page_may_only_continue_a_table() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 5.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    // The rest of a table of targets: each indicator wrapped over three lines, its level and
    // target on the middle one; the wrapped lines run on in lowercase, as prose does.
    let rows = |top: f64| {
        let mut lines = Vec::new();
        for (k, (level, a, b, c, target)) in [
            ("Quality", "Pay all pension entitlements in", "full and on time to raise user", "satisfaction", "≤89%"),
            ("Quantity", "Deliver the training courses", "planned for the year so as to", "improve value for money", "≥97%"),
            ("Quality", "Pay all pension entitlements in", "full and on time to improve", "value for money", "≤68%"),
        ]
        .iter()
        .enumerate()
        {
            let y = top + 50.0 * k as f64;
            lines.push(text_line(vec![word(a, 120.0, y)]));
            lines.push(text_line(vec![word(level, 40.0, y + 14.0), word(b, 120.0, y + 14.0), word(target, 300.0, y + 14.0)]));
            lines.push(text_line(vec![word(c, 120.0, y + 28.0)]));
        }
        lines
    };
    let lines = rows(50.0);
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 1, "{tables:?}");
    assert!(tables[0].continuation_only);
    // Under a paragraph they read as prose: no table.
    let mut lines = vec![text_line(vec![word("The targets below were set by the council.", 40.0, 0.0)])];
    lines.extend(rows(50.0));
    let refs: Vec<&TextLine> = lines.iter().collect();
    assert!(super::find_stream_tables(1, &refs, &[], &TableConfig::default()).is_empty());
}

#[test]
fn a_heading_wrapped_around_its_marker_under_the_header_stays_in_the_table() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 6.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    // Header, then a section heading wrapped over two lines with its marker "I" on a line of its
    // own between them, then the first row's label wrapped around its amount: four lines of one
    // chunk before the first line of cells.
    let mut lines = vec![
        text_line(vec![word("No.", 20.0, 0.0), word("Function", 60.0, 0.0), word("Total", 300.0, 0.0)]),
        text_line(vec![word("HOUSING AND COMMUNITY", 60.0, 14.0)]),
        text_line(vec![word("I", 22.0, 19.0)]),
        text_line(vec![word("AMENITIES", 60.0, 24.0)]),
        text_line(vec![word("Health for the regional", 60.0, 40.0)]),
        text_line(vec![word("1", 22.0, 46.0), word("529850.86", 280.0, 46.0)]),
        text_line(vec![word("and other services", 60.0, 52.0)]),
    ];
    for (k, (m, label, v)) in [("2", "Defence", "964467.10"), ("3", "Education", "720877.50"), ("", "TOTAL", "2215195.46")].iter().enumerate() {
        let y = 68.0 + 14.0 * k as f64;
        let mut ws = vec![word(label, 60.0, y), word(v, 280.0, y)];
        if !m.is_empty() {
            ws.insert(0, word(m, 22.0, y));
        }
        lines.push(text_line(ws));
    }
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 1, "{tables:?}");
    let cells: Vec<Vec<String>> = tables[0].rows.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).collect();
    assert_eq!(cells[0], ["No.", "Function", "Total"]);
    let text: Vec<&str> = cells[1..4].iter().flatten().map(String::as_str).collect();
    assert!(["I", "HOUSING AND COMMUNITY", "AMENITIES"].iter().all(|t| text.iter().any(|c| c.contains(t))), "{cells:?}");
}

/// Where [`super::rule_end`] ends a block of glyph lines: `rows` of (label, amount) 12 pt apart
/// from y 20 under an "Item | Amount" header with a rule under each, then `below` lines (ruled
/// under each too when `below_ruled`).
fn rule_end_of(rows: &[(&str, &str)], below: &[&[(&str, f64)]], below_ruled: bool) -> Option<usize> {
    use crate::layout::{LayoutConfig, build_lines_from};
    use crate::pdf::{Glyph, Orientation, Ruling};
    use crate::table::chunk::{ChunkedLine, chunks_of};
    use crate::table::config::TableConfig;
    use crate::table::test_glyphs::text_at;
    let rule = |y: f64| Ruling { orientation: Orientation::Horizontal, pos: y, start: 0.0, end: 200.0 };
    let mut g: Vec<Glyph> = text_at("Item", 0.0, 8.0);
    g.extend(text_at("Amount", 160.0, 8.0));
    let mut rulings = vec![rule(11.0)];
    for (k, (label, amount)) in rows.iter().enumerate() {
        let y = 20.0 + 12.0 * k as f64;
        g.extend(text_at(label, 0.0, y));
        g.extend(text_at(amount, 200.0 - 4.0 * amount.len() as f64, y));
        rulings.push(rule(y + 3.0));
    }
    for (k, line) in below.iter().enumerate() {
        let y = 20.0 + 12.0 * (rows.len() + k) as f64 + 6.0;
        g.extend(line.iter().flat_map(|(t, x)| text_at(t, *x, y)));
        if below_ruled {
            rulings.push(rule(y + 3.0));
        }
    }
    let refs: Vec<&Glyph> = g.iter().collect();
    let cfg = TableConfig::default();
    let lines = build_lines_from(&refs, &LayoutConfig::default());
    let infos: Vec<ChunkedLine<'_>> = lines.iter().map(|l| ChunkedLine { line: l, chunks: chunks_of(l, &cfg) }).collect();
    let members: Vec<usize> = (0..infos.len()).collect();
    super::rule_end(&infos, &members, &rulings, &cfg)
}

#[test]
fn a_block_ends_at_the_rule_under_its_last_value_line() {
    let rows = [("Schools", "1,200"), ("Roads", "3,400"), ("Total", "4,600")];
    let signature: [&[(&str, f64)]; 2] = [&[("Prepared by", 20.0), ("Director", 150.0)], &[("J. Smith", 20.0), ("A. Lee", 150.0)]];
    // Header and three rows stay; the signature block under the closing rule goes.
    assert_eq!(rule_end_of(&rows, &signature, false), Some(4));
    // Lines ruled off in turn are rows whose amounts are blank.
    assert_eq!(rule_end_of(&rows, &signature, true), None);
    // Without a rule under the last value line, nothing is said.
    assert_eq!(rule_end_of(&rows[..2], &[], false), None);
}

/// A booktabs table: "Year" (at y 0) over 2017 | 2018 | 2019 with a short rule under it (at y
/// 13, from the first year's column to the last's), the header lines `header` (pairs of words
/// and their x, one line per y), three body rows from `body_top`, full rules above the table,
/// under the header and under the body. Its rows, as the only stream table found.
fn year_table(header: &[(f64, &[(&str, f64)])], body_top: f64) -> Vec<TableRow> {
    use crate::pdf::{Orientation, Ruling};
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 6.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    let mut lines = vec![text_line(vec![word("Year", 160.0, 0.0)])];
    lines.extend(header.iter().map(|(y, ws)| text_line(ws.iter().map(|&(t, x)| word(t, x, *y)).collect())));
    for (k, (label, vs)) in [("France", ["2398.30", "2468.18", "2490.08", "0.9"]), ("Spain", ["9366.90", "7340.68", "8554.94", "16.5"]), ("Greece", ["2233.68", "1925.45", "2187.01", "13.6"])]
        .iter()
        .enumerate()
    {
        let y = body_top + 14.0 * k as f64;
        let mut ws = vec![word(label, 20.0, y)];
        ws.extend(vs.iter().zip([82.0, 142.0, 202.0, 280.0]).map(|(v, x)| word(v, x, y)));
        lines.push(text_line(ws));
    }
    let rule = |y: f64, start: f64, end: f64| Ruling { orientation: Orientation::Horizontal, pos: y, start, end };
    let rulings = [rule(-3.0, 20.0, 316.0), rule(13.0, 95.0, 250.0), rule(body_top - 4.0, 20.0, 316.0), rule(body_top + 45.0, 20.0, 316.0)];
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &rulings, &TableConfig::default());
    assert_eq!(tables.len(), 1, "{tables:?}");
    tables.into_iter().next().map(|t| t.rows).unwrap_or_default()
}

#[test]
fn a_rule_under_a_caption_spans_it_and_separates_no_rows() {
    // "Item" and "Change" centred between the header's lines.
    let rows = year_table(&[(9.0, &[("Item", 20.0), ("Change", 280.0)]), (18.0, &[("2017", 100.0), ("2018", 160.0), ("2019", 220.0)])], 35.0);
    assert_eq!(texts(&rows)[0], ["", "Year", "", "", ""]);
    assert_eq!(rows[0].cells[1].col_span, 3);
    assert_eq!(texts(&rows)[1], ["Item", "2017", "2018", "2019", "Change"]);
    assert_eq!(rows.len(), 5);
}

#[test]
fn a_caption_set_apart_by_the_rule_under_it_heads_the_table() {
    // The next header line 12 pt below "Year" (more than a line's height: the rule adds
    // space), filling every column.
    let rows = year_table(&[(22.0, &[("Item", 20.0), ("2017", 100.0), ("2018", 160.0), ("2019", 220.0), ("Change", 280.0)])], 40.0);
    // (The caption keeps the columns of its rule, though the line under it fills every column.)
    assert_eq!(texts(&rows)[0], ["", "Year", "", "", ""]);
    assert_eq!(rows[0].cells[1].col_span, 3);
    assert_eq!(texts(&rows)[1], ["Item", "2017", "2018", "2019", "Change"]);
}

#[test]
fn a_table_whose_amounts_touch_ends_before_the_next_tables_caption() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 6.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    // Three amounts a point and a half apart (one chunk per line), then the next table's
    // caption and header two rows further down.
    let touching = |label: &str, y: f64| text_line(vec![word(label, 20.0, y), word("6,072,365", 100.0, y), word("(3,840,189)", 155.5, y), word("9,912,554", 223.0, y)]);
    let mut lines = vec![text_line(vec![word("Item", 20.0, 0.0), word("Budget", 100.0, 0.0), word("Actual", 160.0, 0.0), word("Change", 225.0, 0.0)])];
    lines.extend([("Total", 14.0), ("Health", 28.0), ("Schools", 42.0)].iter().map(|&(l, y)| touching(l, y)));
    lines.push(text_line(vec![word("Table 2: Expenditure", 100.0, 80.0)]));
    lines.push(text_line(vec![word("Item", 20.0, 96.0), word("Total", 120.0, 96.0), word("Current", 200.0, 96.0)]));
    for (k, label) in ["Roads", "Water", "Parks"].iter().enumerate() {
        let y = 110.0 + 14.0 * k as f64;
        lines.push(text_line(vec![word(label, 20.0, y), word("356,900", 120.0, y), word("165,844", 200.0, y)]));
    }
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 2, "{tables:?}");
    assert_eq!(tables[1].rows.last().map(|r| r.cells[0].text.as_str()), Some("Parks"));
    assert!(tables[0].rows.iter().all(|r| r.cells.iter().all(|c| !c.text.contains("Roads"))));
}

#[test]
fn a_label_and_its_amount_in_one_chunk_make_a_value_line() {
    use super::has_value;
    use crate::table::chunk::{Chunk, ChunkedLine};
    let word = |t: &str, x0: f64, x1: f64| Word { text: t.into(), bbox: BBox::new(x0, 0.0, x1, 9.0), size: 9.0, bold: false, baseline: 9.0 };
    let line = text_line(vec![word("I", 40.0, 44.0), word("一、社会保障和就", 80.0, 152.0), word("4,144,429,769", 155.0, 210.0)]);
    let chunk = |t: &str, x0: f64, x1: f64| Chunk { text: t.into(), bbox: BBox::new(x0, 0.0, x1, 9.0) };
    let narrow = ChunkedLine { line: &line, chunks: vec![chunk("I", 40.0, 44.0), chunk("一、社会保障和就 4,144,429,769", 80.0, 210.0)] };
    assert!(has_value(&narrow));
    // … or an amount grouped with spaces.
    let spaced = ChunkedLine { line: &line, chunks: vec![chunk("201", 40.0, 52.0), chunk("gia đình (nguồn ngân 6 448 656 386", 80.0, 210.0)] };
    assert!(has_value(&spaced));
    // A label ending in a plain count or a year is no amount.
    let count = ChunkedLine { line: &line, chunks: vec![chunk("I", 40.0, 44.0), chunk("Phase 2", 80.0, 210.0)] };
    let year = ChunkedLine { line: &line, chunks: vec![chunk("I", 40.0, 44.0), chunk("Plan 2024", 80.0, 210.0)] };
    assert!(!has_value(&count) && !has_value(&year));
}

#[test]
fn a_blank_row_between_groups_does_not_end_the_table() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 5.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    // Amounts right-aligned at 300 and 400; rows 20 pt apart (a blank row leaves 30 pt between
    // two lines, more than a row gap).
    let amount = |t: &str, right: f64, y: f64| word(t, right - 5.0 * t.chars().count() as f64, y);
    let value_line = |label: &str, a: &str, b: &str, y: f64| text_line(vec![word(label, 20.0, y), amount(a, 300.0, y), amount(b, 400.0, y)]);
    let page = |before: usize, gap_rows: f64, after: TextLine| {
        let mut lines = vec![text_line(vec![word("Programme", 20.0, 0.0), word("Budget", 270.0, 0.0), word("Actual", 370.0, 0.0)])];
        for (k, (l, a, b)) in [("Schools", "1,200", "1,150"), ("Hospitals", "2,400", "2,390"), ("Roads", "800", "760")].iter().take(before).enumerate() {
            lines.push(value_line(l, a, b, 20.0 * (k + 1) as f64));
        }
        // A blank row (or more) after the last row, then the next group.
        let y = 20.0 * before as f64 + 20.0 * (1.0 + gap_rows);
        let mut after = after;
        after.bbox = BBox::new(after.bbox.x0, y, after.bbox.x1, y + 10.0);
        after.baseline = y + 8.0;
        for w in &mut after.words {
            w.bbox = BBox::new(w.bbox.x0, y, w.bbox.x1, y + 10.0);
        }
        lines.push(after);
        for (k, (l, a, b)) in [("Housing", "300", "310"), ("Water", "450", "440"), ("Parks", "90", "85")].iter().enumerate() {
            lines.push(value_line(l, a, b, y + 20.0 * (k + 1) as f64));
        }
        let refs: Vec<&TextLine> = lines.iter().collect();
        super::find_stream_tables(1, &refs, &[], &TableConfig::default())
    };
    let heading = || text_line(vec![word("II", 20.0, 0.0), word("OTHER SERVICES", 40.0, 0.0)]);
    let tables = page(3, 1.0, heading());
    assert_eq!(tables.len(), 1, "{tables:?}");
    let labels: Vec<String> = tables[0].rows.iter().map(|r| r.cells[0].text.clone()).collect();
    assert_eq!(labels, ["Programme", "Schools", "Hospitals", "Roads", "II OTHER SERVICES", "Housing", "Water", "Parks"]);
    // Three blank rows set the lines below apart: a table of their own.
    assert_eq!(page(3, 3.0, heading()).len(), 2);
    // One row above the blank row (a total under the header): the step down to it from the
    // header stands for the rows' pitch.
    let tables = page(1, 1.0, heading());
    assert_eq!(tables.len(), 1, "{tables:?}");
    assert_eq!(tables[0].rows.len(), 6);
    // A line of text across the value columns after the blank row is below the table.
    let note = text_line(vec![word("Note: the figures for the second half of the year are provisional estimates", 20.0, 0.0)]);
    let tables = page(3, 1.0, note);
    assert!(tables.iter().all(|t| !t.rows.iter().any(|r| r.cells.iter().any(|c| c.text.starts_with("Note")))), "{tables:?}");
}

#[test]
fn a_wrapped_heading_and_label_after_a_blank_row_keep_the_table_going() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 5.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    let amount = |t: &str, y: f64| word(t, 300.0 - 5.0 * t.chars().count() as f64, y);
    let mut lines = vec![text_line(vec![word("Unit", 20.0, 0.0), word("Budget", 270.0, 0.0)])];
    for (k, (l, a)) in [("Schools", "1,200"), ("Hospitals", "2,400"), ("Roads", "800")].iter().enumerate() {
        lines.push(text_line(vec![word(l, 40.0, 20.0 * (k + 1) as f64), amount(a, 20.0 * (k + 1) as f64)]));
    }
    // A blank row, then a heading over two lines and a label over three, its amount on the last.
    for (k, t) in ["HOUSING AND", "COMMUNITY AMENITIES", "Water supply for the", "villages of the", "district"].iter().enumerate() {
        let y = 100.0 + 12.0 * k as f64;
        let mut words = vec![word(t, 40.0, y)];
        if k == 4 {
            words.push(amount("450", y));
        }
        lines.push(text_line(words));
    }
    lines.push(text_line(vec![word("Parks", 40.0, 168.0), amount("90", 168.0)]));
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 1, "{tables:?}");
    assert!(tables[0].rows.iter().any(|r| r.cells[1].text == "90"));
}

#[test]
fn a_caption_over_the_header_at_its_line_pitch_spans_its_columns() {
    use crate::table::config::TableConfig;
    // Header lines 26 pt apart (16 pt between boxes, more than a line's height): "of which"
    // over "Capital | Transfers", those over their sub-captions; then three body rows.
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 5.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 8.0 };
    let mut lines = vec![
        text_line(vec![word("of which", 250.0, 0.0)]),
        text_line(vec![word("Item", 20.0, 26.0), word("Total", 150.0, 26.0), word("Capital", 220.0, 26.0), word("Transfers", 290.0, 26.0)]),
        text_line(vec![word("Estimate", 215.0, 52.0), word("Outturn", 290.0, 52.0)]),
    ];
    for (k, (label, a, b, c)) in [("Health", "1,204", "830", "374"), ("Defence", "2,100", "1,000", "1,100"), ("Housing", "77", "40", "37")].iter().enumerate() {
        let y = 78.0 + 20.0 * k as f64;
        lines.push(text_line(vec![word(label, 20.0, y), word(a, 150.0, y), word(b, 220.0, y), word(c, 290.0, y)]));
    }
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 1);
    assert!(tables[0].rows[0].cells.iter().any(|c| c.text == "of which"), "{:?}", texts(&tables[0].rows));
}

#[test]
fn a_bracket_wrapped_onto_the_years_line_leaves_the_group_caption_over_the_years() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x1: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x1 - 10.0 * t.chars().count() as f64, y, x1, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    // "年份" centred over 2016 | 2017 | 2018; "增长（%）" wrapped before its bracket, which sits
    // on the line of the years; "项目" set between the two lines.
    let mut lines = vec![
        text_line(vec![word("年份", 265.0, 0.0), word("增长（%", 470.0, 0.0)]),
        text_line(vec![word("项目", 40.0, 8.0)]),
        text_line(vec![word("2016", 200.0, 16.0), word("2017", 300.0, 16.0), word("2018", 400.0, 16.0), word("）", 470.0, 16.0)]),
    ];
    for (k, label) in ["全国", "吉林省", "北京市", "天津市"].iter().enumerate() {
        let y = 40.0 + 20.0 * k as f64;
        lines.push(text_line(vec![word(label, 20.0 + 10.0 * label.chars().count() as f64, y), word("204399,62", 200.0, y), word("183795,87", 300.0, y), word("175101,44", 400.0, y), word("4,7", 470.0, y)]));
    }
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 1, "{tables:?}");
    let top = &tables[0].rows[0];
    assert_eq!((top.cells[1].text.as_str(), top.cells[1].col_span, top.cells[4].text.as_str()), ("年份", 3, "增长（%）"), "{:?}", texts(&tables[0].rows));
    assert_eq!(texts(&tables[0].rows)[1], ["项目", "2016", "2017", "2018", ""]);
}

#[test]
fn a_blank_remarks_column_named_a_gutter_past_the_amounts_is_a_column() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, x1: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x1, y + 15.0), size: 11.5, bold: false, baseline: y + 12.0 };
    // Code | name | two amount columns | "Ghi chú" (the body leaves the remarks blank): the
    // first amount column's caption wraps around the header line, the second column's
    // zeros are dashes. Only the header caption, set a gutter past the amounts (which end
    // at 479.6), says that the last column is there.
    let columns = |last: &str| {
        let lines = [
            text_line(vec![word("Dự toán sau", 333.9, 395.9, 110.1)]),
            text_line(vec![word("Mã số", 71.4, 102.7, 117.0), word("Tên nội dung", 186.3, 253.5, 117.0), word("Quyết toán", 416.9, 473.2, 117.0), word(last, 490.7, 530.3, 117.0)]),
            text_line(vec![word("điều chỉnh", 338.7, 391.1, 123.8)]),
            text_line(vec![word("TỔNG SỐ", 120.6, 173.6, 145.1), word("766 242 076", 338.0, 399.4, 145.1), word("271 205 994", 418.2, 479.6, 145.1)]),
            text_line(vec![word("Chi sự nghiệp quản lý hành chính theo", 120.6, 316.2, 166.3)]),
            text_line(vec![word("201", 64.7, 83.8, 173.2), word("301 825 135", 338.0, 399.4, 173.2), word("(713 176 006)", 410.5, 479.6, 173.2)]),
            text_line(vec![word("Nghị quyết số 15/NQ-HĐND", 120.6, 264.3, 180.0)]),
            text_line(vec![word("2010701", 64.7, 109.5, 201.3), word("Chi thường xuyên bảo vệ môi trường", 120.6, 305.4, 201.3), word("301 825 135", 338.0, 399.4, 201.3), word("(713 176 006)", 410.5, 479.6, 201.3)]),
            text_line(vec![word("Chi đầu tư phát triển Sơn Thành huyện", 120.6, 318.2, 222.5)]),
            text_line(vec![word("205", 64.7, 83.8, 229.3), word("449 875 163", 338.0, 399.4, 229.3), word("-", 475.7, 479.6, 229.3)]),
            text_line(vec![word("Sơn Hà", 120.6, 158.4, 236.2)]),
            text_line(vec![word("2050901", 64.7, 109.5, 257.5), word("Phòng quản lý hành chính", 120.6, 253.3, 257.5), word("449 875 163", 338.0, 399.4, 257.5), word("-", 475.7, 479.6, 257.5)]),
            text_line(vec![word("208", 64.7, 83.8, 278.7), word("Vốn sự nghiệp Sơn Thành", 120.6, 253.5, 278.7), word("212 998 025", 338.0, 399.4, 278.7), word("658 216 000", 418.2, 479.6, 278.7)]),
            text_line(vec![word("2080101", 64.7, 109.5, 299.9), word("Vốn sự nghiệp y tế, dân số và gia đình", 120.6, 315.2, 299.9), word("212 998 025", 338.0, 399.4, 299.9), word("658 216 000", 418.2, 479.6, 299.9)]),
            text_line(vec![word("210", 64.7, 83.8, 321.2), word("Xã y tế, dân số và gia đình năm 2025", 120.6, 310.4, 321.2), word("(198 456 247)", 330.3, 399.4, 321.2), word("326 166 000", 418.2, 479.6, 321.2)]),
            text_line(vec![word("Chi thường xuyên Sơn Thành huyện", 120.6, 304.1, 342.4)]),
            text_line(vec![word("2100201", 64.7, 109.5, 349.2), word("(198 456 247)", 330.3, 399.4, 349.2), word("326 166 000", 418.2, 479.6, 349.2)]),
            text_line(vec![word("Sơn Hà", 120.6, 158.4, 356.1)]),
        ];
        let refs: Vec<&TextLine> = lines.iter().collect();
        let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
        tables.first().map(|t| t.n_cols())
    };
    assert_eq!(columns("Ghi chú"), Some(5));
    // A "key: value" pair there is a form field above the table, no caption.
    assert_eq!(columns("Hora:"), Some(4));
}

#[test]
fn a_caption_over_the_value_columns_a_row_pitch_above_the_header_heads_them() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 5.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    let amount = |t: &str, right: f64, y: f64| word(t, right - 5.0 * t.chars().count() as f64, y);
    // Header levels set at the body's row pitch (30): `top` a level above the captions.
    let first_header_row = |top: Word| {
        let mut lines = vec![text_line(vec![top]), text_line(vec![word("Item", 20.0, 30.0), word("Total", 215.0, 30.0), word("Current", 300.0, 30.0), word("Capital", 365.0, 30.0)])];
        for (k, label) in ["Schools", "Hospitals", "Roads", "Bridges"].iter().enumerate() {
            let y = 60.0 + 30.0 * k as f64;
            lines.push(text_line(vec![word(label, 20.0, y), amount("1,200", 240.0, y), amount("700", 335.0, y), amount("500", 400.0, y)]));
        }
        let refs: Vec<&TextLine> = lines.iter().collect();
        let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
        tables.first().map(|t| texts(&t.rows)[0].clone())
    };
    assert_eq!(first_header_row(word("Of which", 332.0, 0.0)), Some(vec!["".to_string(), "".to_string(), "Of which".to_string(), "".to_string()]));
    // Over the label column it is a title: it stays out.
    assert_eq!(first_header_row(word("Outlays", 20.0, 0.0)), Some(vec!["Item".to_string(), "Total".to_string(), "Current".to_string(), "Capital".to_string()]));
}

#[test]
fn the_next_rows_labels_of_a_two_sided_table_start_no_new_table() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y: f64| Word { text: t.into(), bbox: BBox::new(x0, y, x0 + 5.0 * t.chars().count() as f64, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 };
    let amount = |t: &str, right: f64, y: f64| word(t, right - 5.0 * t.chars().count() as f64, y);
    // Revenue | amount | Expenditure | amount; the first row's left label wraps around its
    // values onto a third line, the second row's labels start a row gap further down with
    // their values on the line below: two texts where the body's text cells start.
    let lines = [
        text_line(vec![word("Revenue", 150.0, 0.0), word("Expenditure", 400.0, 0.0)]),
        text_line(vec![word("Item", 130.0, 22.0), word("Budget", 270.0, 22.0), word("Item", 380.0, 22.0), word("Budget", 510.0, 22.0)]),
        text_line(vec![word("Defence of which capital", 60.0, 44.0)]),
        text_line(vec![word("expenditure and public", 60.0, 57.0), amount("57 506 000", 300.0, 57.0), word("Economic affairs", 320.0, 57.0), amount("55 207 000", 540.0, 57.0)]),
        text_line(vec![word("services", 60.0, 70.0)]),
        text_line(vec![word("Social protection of", 60.0, 92.0), word("Public order and", 320.0, 92.0)]),
        text_line(vec![amount("64 157 000", 300.0, 99.0), amount("80 937 000", 540.0, 99.0)]),
        text_line(vec![word("which capital", 60.0, 106.0), word("safety", 320.0, 106.0)]),
        text_line(vec![word("TOTAL", 60.0, 128.0), amount("121 663 000", 300.0, 128.0), word("TOTAL", 320.0, 128.0), amount("136 144 000", 540.0, 128.0)]),
    ];
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    assert_eq!(tables.len(), 1, "{:?}", tables.iter().map(|t| texts(&t.rows)).collect::<Vec<_>>());
    let rows = texts(&tables[0].rows);
    assert!(rows.iter().any(|r| r[0] == "Defence of which capital expenditure and public services"), "{rows:?}");
}

#[test]
fn staggered_captions_of_one_header_band_join_the_header_at_the_left_edge_too() {
    use crate::table::config::TableConfig;
    let word = |t: &str, x0: f64, y0: f64, x1: f64, y1: f64| Word { text: t.into(), bbox: BBox::new(x0, y0, x1, y1), size: 10.5, bold: false, baseline: y1 - 3.0 };
    // Each caption on a line of its own, each line overlapping the next: "年份" over the
    // years, "增长（%" and its "）" over the growth column, "单位名称" over the labels.
    let mut lines = vec![
        text_line(vec![word("项目支出绩效目标表1", 242.9, 42.0, 352.1, 57.0)]),
        text_line(vec![word("年份", 171.5, 72.9, 192.5, 86.5)]),
        text_line(vec![word("增长（%", 277.4, 77.5, 318.3, 91.2)]),
        text_line(vec![word("单位名称", 49.3, 84.8, 91.3, 98.4)]),
        text_line(vec![word("）", 292.6, 92.0, 303.1, 105.6)]),
        text_line(vec![word("2015", 132.5, 96.7, 153.5, 110.3), word("2016", 210.5, 96.7, 231.5, 110.3)]),
    ];
    let rows = [
        ("全国", 70.3, "116.018.189", 116.8, "128.979.875", 194.7, "11,2", 304.6),
        ("辽宁省", 80.8, "12.851.465", 122.0, "13.693.164", 200.0, "6,5", 309.9),
        ("河北省", 80.8, "30.453.957", 122.0, "31.371.038", 200.0, "3,0", 309.9),
    ];
    for (k, (label, label_x1, a, a_x0, b, b_x0, g, g_x0)) in rows.into_iter().enumerate() {
        let y = 120.5 + 23.8 * k as f64;
        lines.push(text_line(vec![word(label, 49.3, y, label_x1, y + 13.65), word(a, a_x0, y, 169.3, y + 13.65), word(b, b_x0, y, 247.2, y + 13.65), word(g, g_x0, y, 323.0, y + 13.65)]));
    }
    let refs: Vec<&TextLine> = lines.iter().collect();
    let tables = super::find_stream_tables(1, &refs, &[], &TableConfig::default());
    // All of them head the table (how they fall into levels is the header reader's part).
    let rows = texts(&tables[0].rows);
    let header: String = rows.iter().take_while(|r| r[0] != "全国").flatten().map(String::as_str).collect();
    for caption in ["单位名称", "年份", "增长（%", "）", "2015", "2016"] {
        assert!(header.contains(caption), "{caption}: {rows:?}");
    }
    assert!(!header.contains("项目支出绩效目标表1"), "the title stays out: {rows:?}");
}
