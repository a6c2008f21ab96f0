//! Unit tests of `chunk`.

use super::*;

#[test]
fn tightly_set_numbers_with_separators_are_two_values() {
    use crate::layout::{TextLine, Word};
    use crate::pdf::BBox;
    let word = |t: &str, x0: f64, x1: f64| Word { text: t.into(), bbox: BBox::new(x0, 0.0, x1, 8.0), size: 8.0, bold: false, baseline: 8.0 };
    let line = |words: Vec<Word>| TextLine { bbox: BBox::new(words[0].bbox.x0, 0.0, words[words.len() - 1].bbox.x1, 8.0), baseline: 6.0, upright: true, words };
    let cfg = TableConfig::default();
    // 3 pt between the numbers: less than the usual number gap (4 pt at 8 pt), more than a
    // tight space.
    let chunks = chunks_of(&line(vec![word("3,068,550", 0.0, 36.0), word("3,103,540", 39.0, 75.0)]), &cfg);
    assert_eq!(chunks.len(), 2);
    // A number grouped with spaces stays one number; punctuation after a date is no separator.
    assert_eq!(chunks_of(&line(vec![word("1", 0.0, 4.0), word("234", 7.0, 19.0), word("567,8", 22.0, 42.0)]), &cfg).len(), 1);
    assert_eq!(chunks_of(&line(vec![word("16,", 0.0, 10.0), word("2011,", 13.0, 33.0)]), &cfg).len(), 1);
}

#[test]
fn money_amounts_split_at_the_number_gap() {
    use crate::layout::Word;
    use crate::pdf::BBox;
    let word = |t: &str, x0: f64, x1: f64| Word { text: t.into(), bbox: BBox::new(x0, 0.0, x1, 8.0), size: 8.0, bold: false, baseline: 8.0 };
    let line = |words: Vec<Word>| TextLine { bbox: BBox::new(words[0].bbox.x0, 0.0, words[words.len() - 1].bbox.x1, 8.0), baseline: 6.0, upright: true, words };
    let cfg = TableConfig::default();
    // 6 pt apart at 8 pt: wider than the number gap (4 pt), narrower than the column gap (7.2).
    assert_eq!(chunks_of(&line(vec![word("$1.1M", 0.0, 20.0), word("$2.3M", 26.0, 46.0)]), &cfg).len(), 2);
    assert_eq!(chunks_of(&line(vec![word("$950K", 0.0, 20.0), word("$12K", 26.0, 42.0)]), &cfg).len(), 2);
    // Words (or suffixed amounts without a currency sign) at the same gap stay one chunk.
    assert_eq!(chunks_of(&line(vec![word("Program", 0.0, 28.0), word("budget", 34.0, 58.0)]), &cfg).len(), 1);
    assert_eq!(chunks_of(&line(vec![word("1.1M", 0.0, 16.0), word("2.3M", 22.0, 38.0)]), &cfg).len(), 1);
}

#[test]
fn fine_chunks_split_at_cell_edges_only() {
    use crate::layout::Word;
    use crate::pdf::BBox;
    let word = |t: &str, x0: f64, x1: f64| Word { text: t.into(), bbox: BBox::new(x0, 0.0, x1, 10.0), size: 10.0, bold: false, baseline: 10.0 };
    let line = |words: Vec<Word>| TextLine { bbox: BBox::new(words[0].bbox.x0, 0.0, words[words.len() - 1].bbox.x1, 10.0), baseline: 8.0, upright: true, words };
    let cfg = TableConfig::default();
    let texts = |l: &TextLine| fine_chunks(l, &cfg, None).into_iter().map(|c| c.text).collect::<Vec<_>>();
    // An amount right beside a text column (4 pt: under half an em).
    assert_eq!(texts(&line(vec![word("855.65", 0.0, 30.0), word("一般公共服务支出", 34.0, 114.0)])), ["855.65", "一般公共服务支出"]);
    // A space-grouped number (2.5 pt group spaces) stays whole; the next column's number, 4 pt
    // further, starts a new cell; so does a number whose first group is short.
    let grouped = line(vec![word("152", 0.0, 15.0), word("939", 17.5, 32.5), word("608", 35.0, 50.0), word("153", 54.0, 69.0), word("623", 71.5, 86.5), word("5", 90.5, 95.5)]);
    assert_eq!(texts(&grouped), ["152 939 608", "153 623", "5"]);
    // Two values with separators at a narrow gap; a row marker heads its label; words stay together.
    assert_eq!(texts(&line(vec![word("17.494.599.000", 0.0, 60.0), word("0", 64.0, 69.0)])), ["17.494.599.000", "0"]);
    assert_eq!(texts(&line(vec![word("1.", 0.0, 7.0), word("Education", 10.0, 50.0)])), ["1. Education"]);
    assert_eq!(texts(&line(vec![word("Economic", 0.0, 40.0), word("affairs", 43.0, 70.0)])), ["Economic affairs"]);
    // A line of one-word cells has no space of its own: the block's spaces (2.5 pt) tell its
    // 6 pt gutters from spaces.
    let one_word_cells = line(vec![word("Outcome", 0.0, 40.0), word("Timeliness", 46.0, 90.0), word("money", 96.0, 120.0)]);
    assert_eq!(texts(&one_word_cells), ["Outcome Timeliness money"]);
    assert_eq!(fine_chunks(&one_word_cells, &cfg, Some(&BlockSpacing { narrowest: Some(0.25), left_edges: Vec::new() })).into_iter().map(|c| c.text).collect::<Vec<_>>(), ["Outcome", "Timeliness", "money"]);
    // A target value beside the text it measures, 7 pt apart.
    assert_eq!(texts(&line(vec![word("提高群众满", 0.0, 50.0), word("≤100%", 57.0, 87.0)])), ["提高群众满", "≤100%"]);
    assert_eq!(texts(&line(vec![word("satisfaction", 0.0, 50.0), word("≥86%", 57.0, 80.0)])), ["satisfaction", "≥86%"]);
}

#[test]
fn a_year_inside_a_sentence_is_no_cell_edge() {
    use crate::layout::{TextLine, Word};
    use crate::pdf::BBox;
    let word = |t: &str, x0: f64, x1: f64| Word { text: t.into(), bbox: BBox::new(x0, 0.0, x1, 10.0), size: 10.0, bold: false, baseline: 10.0 };
    let line = |words: Vec<Word>| TextLine { bbox: BBox::new(words[0].bbox.x0, 0.0, words[words.len() - 1].bbox.x1, 10.0), baseline: 8.0, upright: true, words };
    let cfg = TableConfig::default();
    // Spaces of 2.6 pt at 10 pt throughout: "xã hội năm 2025 và giáo dục" is one cell.
    let sentence = line(vec![word("hội", 0.0, 15.0), word("năm", 17.6, 35.0), word("2025", 37.6, 58.0), word("và", 60.6, 70.0), word("giáo", 72.6, 90.0)]);
    assert_eq!(fine_chunks(&sentence, &cfg, None).len(), 1);
    // An amount between two texts is a value cell even at a narrow gutter (two-sided tables).
    let two_sided = line(vec![word("Health", 0.0, 30.0), word("22,834.88", 32.6, 75.0), word("Housing", 77.6, 110.0), word("and", 112.6, 128.0)]);
    assert_eq!(fine_chunks(&two_sided, &cfg, None).iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["Health", "22,834.88", "Housing and"]);
    // A year ending a label on a line of values ("Xã Sơn Hạ năm 2025  96.066.682") ends the
    // label; the amount 20 pt further starts the next cell.
    let label = line(vec![word("Hạ", 0.0, 12.0), word("năm", 14.6, 32.0), word("2025", 34.6, 55.0), word("96.066.682", 75.0, 120.0)]);
    assert_eq!(fine_chunks(&label, &cfg, None).iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["Hạ năm 2025", "96.066.682"]);
}

#[test]
fn a_cjk_bracket_after_a_value_starts_a_cell() {
    use crate::layout::{TextLine, Word};
    use crate::pdf::BBox;
    let word = |t: &str, x0: f64, x1: f64| Word { text: t.into(), bbox: BBox::new(x0, 0.0, x1, 10.0), size: 10.0, bold: false, baseline: 10.0 };
    let line = |words: Vec<Word>| TextLine { bbox: BBox::new(words[0].bbox.x0, 0.0, words[words.len() - 1].bbox.x1, 10.0), baseline: 8.0, upright: true, words };
    // The last line of "一般公共服务支出（含专项转移支付）", wrapped beside the other side's amount.
    let l = line(vec![word("2,996,000", 239.0, 286.0), word("）", 292.0, 303.0)]);
    assert_eq!(fine_chunks(&l, &TableConfig::default(), None).len(), 2);
}

#[test]
fn a_bracketed_amount_beside_text_ends_its_cell() {
    use crate::layout::{TextLine, Word};
    use crate::pdf::BBox;
    let word = |t: &str, x0: f64, x1: f64| Word { text: t.into(), bbox: BBox::new(x0, 0.0, x1, 10.0), size: 10.0, bold: false, baseline: 10.0 };
    let line = |words: Vec<Word>| TextLine { bbox: BBox::new(words[0].bbox.x0, 0.0, words[words.len() - 1].bbox.x1, 10.0), baseline: 8.0, upright: true, words };
    let texts = |l: &TextLine| fine_chunks(l, &TableConfig::default(), None).into_iter().map(|c| c.text).collect::<Vec<_>>();
    // "798)" closes a negative amount grouped with spaces (2.7 pt) and has a row marker's shape
    // ("1)"); 3.5 pt further the next column's text starts.
    let l = line(vec![word("(238", 246.0, 264.0), word("517", 266.7, 283.0), word("798)", 285.7, 309.0), word("行政运行项目", 312.5, 372.5)]);
    assert_eq!(texts(&l), ["(238 517 798)", "行政运行项目"]);
    // A marker that starts its chunk still heads its label.
    assert_eq!(texts(&line(vec![word("3)", 0.0, 10.0), word("Health", 13.0, 43.0)])), ["3) Health"]);
    assert_eq!(texts(&line(vec![word("a)", 0.0, 10.0), word("Health", 13.0, 43.0)])), ["a) Health"]);
    // A bare capital marker may head a marker column set close to its labels.
    assert_eq!(texts(&line(vec![word("III", 0.0, 10.0), word("三、科学技术支出", 14.0, 94.0)])), ["III", "三、科学技术支出"]);
    assert_eq!(texts(&line(vec![word("B", 0.0, 6.0), word("EDUCATION", 10.0, 60.0)])), ["B", "EDUCATION"]);
    // A dash between two words of text at ordinary spaces is punctuation, not a zero; a dash
    // beside a value, or after text at a gutter, is a cell of its own.
    let dashed = line(vec![word("giáo", 0.0, 20.0), word("dục", 22.7, 38.0), word("-", 40.7, 44.0), word("đào", 46.7, 62.0), word("tạo", 64.7, 80.0)]);
    assert_eq!(texts(&dashed), ["giáo dục - đào tạo"]);
    assert_eq!(texts(&line(vec![word("Roads", 0.0, 25.0), word("-", 60.0, 64.0), word("1,200", 90.0, 115.0)])), ["Roads", "-", "1,200"]);
}

#[test]
fn text_columns_a_third_of_an_em_apart_split_at_their_left_edges() {
    use crate::layout::Word;
    use crate::pdf::BBox;
    // Words at 10 pt, spaces 2.7 pt; a gutter of 3.3 pt (1.22 spaces: under the 1.3 of a
    // line on its own) before the second column, which starts at x = 80 on every line.
    let line = |y: f64, words: &[(&str, f64, f64)]| {
        let words: Vec<Word> = words.iter().map(|&(t, a, b)| Word { text: t.into(), bbox: BBox::new(a, y, b, y + 10.0), size: 10.0, bold: false, baseline: y + 10.0 }).collect();
        TextLine { bbox: BBox::new(words[0].bbox.x0, y, words[words.len() - 1].bbox.x1, y + 10.0), baseline: y + 8.0, upright: true, words }
    };
    let lines = [
        line(0.0, &[("Output", 0.0, 30.0), ("targets", 32.7, 76.7), ("Social", 80.0, 110.0), ("effect", 112.7, 140.0)]),
        line(14.0, &[("Satisfaction", 0.0, 50.0), ("rate", 52.7, 76.7), ("Deliver", 80.0, 112.0), ("on", 114.7, 124.0), ("time", 126.7, 150.0)]),
        line(28.0, &[("Quality", 80.0, 112.0), ("of", 114.7, 122.0), ("service", 124.7, 160.0)]),
    ];
    let cfg = TableConfig::default();
    let spacing = BlockSpacing::of(lines.iter(), &cfg);
    assert_eq!(spacing.left_edges, [80.0]);
    let texts = |l: &TextLine, s: Option<&BlockSpacing>| fine_chunks(l, &cfg, s).into_iter().map(|c| c.text).collect::<Vec<_>>();
    assert_eq!(texts(&lines[1], Some(&spacing)), ["Satisfaction rate", "Deliver on time"]);
    // Without the block's edges, the gutter reads as a wide space.
    assert_eq!(texts(&lines[1], None), ["Satisfaction rate Deliver on time"]);
    // A phrase repeated down one column starts its second word at one x after the same first
    // word: no edge.
    let repeated: Vec<TextLine> = (0..4).map(|k| line(f64::from(k) * 14.0, &[("OKLAHOMA", 0.0, 50.0), ("CITY", 53.3, 75.0)])).collect();
    assert!(BlockSpacing::of(repeated.iter(), &cfg).left_edges.is_empty());
}

#[test]
fn a_note_after_an_amount_joins_the_amount() {
    use crate::pdf::BBox;
    let chunk = |t: &str, x0: f64, x1: f64| Chunk { text: t.into(), bbox: BBox::new(x0, 0.0, x1, 8.0) };
    let joined = with_notes_joined(vec![chunk("Sciences", 0.0, 40.0), chunk("38", 100.0, 110.0), chunk("(24.7%)", 114.0, 140.0), chunk("672", 200.0, 215.0), chunk("(2)", 218.0, 228.0)]);
    let texts: Vec<&str> = joined.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Sciences", "38 (24.7%)", "672 (2)"]);
    assert_eq!((joined[1].bbox.x0, joined[1].bbox.x1), (100.0, 140.0));
    // A bracketed amount is an amount of its own, and a note needs an amount before it.
    let kept = with_notes_joined(vec![chunk("38", 100.0, 110.0), chunk("(238)", 130.0, 150.0), chunk("Total", 160.0, 180.0), chunk("(2)", 184.0, 194.0)]);
    assert_eq!(kept.len(), 4);
}
