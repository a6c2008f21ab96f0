use super::*;
use crate::layout::Word;
use crate::pdf::BBox;

/// Words at (x, text), 10 pt type, 5 pt per character, on one baseline each (a line joins
/// baselines within a tolerance, so one line may hold words of two baselines).
fn line(words: &[(f64, &str, f64)]) -> TextLine {
    let words: Vec<Word> = words
        .iter()
        .map(|&(x, t, baseline)| Word { text: t.into(), bbox: BBox::new(x, baseline - 8.0, x + 5.0 * t.chars().count() as f64, baseline + 2.0), size: 10.0, bold: false, baseline })
        .collect();
    let bbox = words.iter().skip(1).fold(words[0].bbox, |b, w| b.union(&w.bbox));
    TextLine { baseline: words[0].baseline, words, bbox, upright: true }
}

fn texts(regions: &[Vec<TextLine>]) -> Vec<Vec<String>> {
    regions.iter().map(|r| r.iter().map(|l| l.text()).collect()).collect()
}

/// A table of names and amounts at x 50–190 with rows every 14 pt from y 100, and another at
/// x 300–440 with rows every 17 pt from y 95 (its own type and leading). A line holds both
/// tables' words where their baselines come within the line tolerance.
fn two_tables(right_rows: &[(&str, &str)]) -> Vec<TextLine> {
    let left = [("Health", "1,204"), ("Defence", "830"), ("Housing", "77"), ("Total", "2,111")];
    let mut items: Vec<(f64, f64, &str)> = Vec::new();
    for (k, (name, amount)) in left.iter().enumerate() {
        let y = 100.0 + 14.0 * k as f64;
        items.push((y, 50.0, name));
        items.push((y, 160.0, amount));
    }
    for (k, (name, amount)) in right_rows.iter().enumerate() {
        let y = 95.0 + 17.0 * k as f64;
        items.push((y, 300.0, name));
        items.push((y, 410.0, amount));
    }
    items.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    // Lines as the layout builds them: baselines within 3.5 pt (0.35 em) join.
    let mut lines: Vec<Vec<(f64, &str, f64)>> = Vec::new();
    for &(y, x, t) in &items {
        match lines.last_mut() {
            Some(l) if y - l.last().map_or(f64::MIN, |w| w.2) <= 3.5 => l.push((x, t, y)),
            _ => lines.push(vec![(x, t, y)]),
        }
    }
    lines.iter_mut().for_each(|l| l.sort_by(|a, b| a.0.total_cmp(&b.0)));
    lines.iter().map(|l| line(l)).collect()
}

#[test]
fn two_tables_side_by_side_are_cut_apart() {
    let lines = two_tables(&[("Roads", "310"), ("Schools", "95"), ("Water", "41"), ("Total", "446")]);
    // Some lines hold words of both tables (baselines 100/95, 114/112 and 142/146 join).
    assert!(lines.iter().any(|l| l.words.iter().any(|w| w.bbox.x0 < 200.0) && l.words.iter().any(|w| w.bbox.x0 > 250.0)));
    let refs: Vec<&TextLine> = lines.iter().collect();
    let regions = side_by_side_regions(&refs, &[], &SideBySideConfig::default()).expect("two blocks");
    assert_eq!(
        texts(&regions),
        vec![vec!["Health 1,204", "Defence 830", "Housing 77", "Total 2,111"], vec!["Roads 310", "Schools 95", "Water 41", "Total 446"]]
    );
    // Each part of a line holding both tables' words stands on its own words' baseline.
    assert!(regions.iter().flatten().all(|l| l.words.iter().all(|w| w.baseline == l.baseline)));
    // Cutting can be switched off.
    assert!(side_by_side_regions(&refs, &[], &SideBySideConfig { max_depth: 0, ..SideBySideConfig::default() }).is_none());
}

#[test]
fn a_rule_across_the_corridor_keeps_one_table() {
    let lines = two_tables(&[("Roads", "310"), ("Schools", "95"), ("Water", "41"), ("Total", "446")]);
    let refs: Vec<&TextLine> = lines.iter().collect();
    let rule = Ruling { orientation: Orientation::Horizontal, pos: 120.0, start: 40.0, end: 450.0 };
    assert!(side_by_side_regions(&refs, &[rule], &SideBySideConfig::default()).is_none());
}

#[test]
fn rows_sharing_baselines_are_one_table() {
    // Two label and amount pairs per row on one baseline (a two-sided table), and a table
    // whose amounts stand far right of its labels.
    let rows = |y: f64| line(&[(50.0, "Health", y), (160.0, "1,204", y), (300.0, "Roads", y), (410.0, "310", y)]);
    let two_sided: Vec<TextLine> = (0..5).map(|k| rows(100.0 + 14.0 * k as f64)).collect();
    let refs: Vec<&TextLine> = two_sided.iter().collect();
    assert!(side_by_side_regions(&refs, &[], &SideBySideConfig::default()).is_none());
}

#[test]
fn codes_beside_names_are_not_a_table_of_their_own() {
    // Codes set on the first line of a wrapped name, amounts centred on the row: the codes'
    // baselines miss the amounts', but the code and name side does not end with amounts.
    let mut lines = Vec::new();
    for k in 0..4 {
        let y = 100.0 + 28.0 * k as f64;
        lines.push(line(&[(50.0, "2010301", y), (100.0, "General", y)]));
        lines.push(line(&[(300.0, "1,204", y + 7.0), (360.0, "830", y + 7.0)]));
        lines.push(line(&[(100.0, "services", y + 14.0)]));
    }
    let refs: Vec<&TextLine> = lines.iter().collect();
    assert!(side_by_side_regions(&refs, &[], &SideBySideConfig::default()).is_none());
}

#[test]
fn years_in_labels_are_not_amounts_and_targets_are() {
    assert!(is_amount("1,204") && is_amount("(830)"));
    assert!(!is_amount("2025") && !is_amount("-"));
    assert!(is_amount("≥95%") && is_amount("≤61%"));
}

/// Lines as the layout builds them from words at (baseline, x, text): baselines within 3.5 pt
/// join.
fn joined_lines(mut items: Vec<(f64, f64, String)>) -> Vec<TextLine> {
    items.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut lines: Vec<Vec<(f64, &str, f64)>> = Vec::new();
    for (y, x, t) in &items {
        match lines.last_mut() {
            Some(l) if y - l.last().map_or(f64::MIN, |w| w.2) <= 3.5 => l.push((*x, t.as_str(), *y)),
            _ => lines.push(vec![(*x, t.as_str(), *y)]),
        }
    }
    lines.iter_mut().for_each(|l| l.sort_by(|a, b| a.0.total_cmp(&b.0)));
    lines.iter().map(|l| line(l)).collect()
}

/// A line of nine three-letter words from `x` (3 pt spaces) on `baseline`: 159 pt of prose.
fn prose_words(x: f64, baseline: f64) -> Vec<(f64, f64, String)> {
    (0..9).map(|k| (baseline, x + 18.0 * k as f64, "abc".to_string())).collect()
}

#[test]
fn a_table_beside_a_column_of_prose_is_cut_from_it() {
    // A gazette: prose at x 50–209 every 12 pt, a table at x 300–440 every 15 pt beside it.
    let beside_prose = |rows: &[(&str, &str)]| {
        let mut items: Vec<(f64, f64, String)> = (0..10).flat_map(|k| prose_words(50.0, 100.0 + 12.0 * k as f64)).collect();
        for (k, (name, amount)) in rows.iter().enumerate() {
            let y = 131.0 + 15.0 * k as f64;
            items.push((y, 300.0, name.to_string()));
            items.push((y, 410.0, amount.to_string()));
        }
        let lines = joined_lines(items);
        let refs: Vec<&TextLine> = lines.iter().collect();
        side_by_side_regions(&refs, &[], &SideBySideConfig::default()).map(|r| texts(&r))
    };
    let regions = beside_prose(&[("Roads", "310"), ("Schools", "95"), ("Water", "41"), ("Parks", "12"), ("Total", "458")]).expect("a column of prose beside the table");
    assert!(regions.contains(&vec!["Roads 310".to_string(), "Schools 95".into(), "Water 41".into(), "Parks 12".into(), "Total 458".into()]), "{regions:?}");
    // So is a table of a total and one row.
    let regions = beside_prose(&[("Total", "458"), ("Roads", "458")]).expect("a column of prose beside two rows");
    assert!(regions.contains(&vec!["Total 458".to_string(), "Roads 458".into()]), "{regions:?}");
}

#[test]
fn a_table_of_long_wrapped_labels_is_not_a_column_of_prose() {
    // One table: labels of three prose-like lines, the amount on the middle one (x 300).
    let mut items: Vec<(f64, f64, String)> = Vec::new();
    for row in 0..4 {
        let top = 100.0 + 40.0 * row as f64;
        for k in 0..3 {
            items.extend(prose_words(50.0, top + 12.0 * k as f64));
        }
        items.push((top + 12.0, 300.0, "1,204".to_string()));
    }
    let lines = joined_lines(items);
    let refs: Vec<&TextLine> = lines.iter().collect();
    assert!(side_by_side_regions(&refs, &[], &SideBySideConfig::default()).is_none());
}

#[test]
fn two_captioned_tables_of_one_style_are_cut_apart_once_their_rows_part() {
    // Two tables of one type and leading under "Table 1" and "Table 2": their first rows share
    // baselines, then the right one's wrapped label puts its rows between the left one's lines.
    let rows = vec![
        line(&[(50.0, "Health", 100.0), (160.0, "1,204", 100.0), (300.0, "Roads", 100.0), (410.0, "310", 100.0)]),
        line(&[(50.0, "Defence", 114.0), (160.0, "830", 114.0), (300.0, "Schools and", 114.0)]),
        line(&[(50.0, "Housing", 128.0), (160.0, "77", 128.0), (300.0, "colleges", 128.0), (410.0, "95", 128.0)]),
        line(&[(50.0, "Total", 142.0), (160.0, "2,111", 142.0)]),
        line(&[(300.0, "Water", 156.0), (410.0, "41", 156.0)]),
        line(&[(300.0, "Parks", 170.0), (410.0, "12", 170.0)]),
        line(&[(300.0, "Total", 184.0), (410.0, "458", 184.0)]),
    ];
    let refs: Vec<&TextLine> = rows.iter().collect();
    // Every amount line of the left table meets a word of the right one: no cut.
    assert_eq!(side_by_side_regions(&refs, &[], &SideBySideConfig::default()), None);
    let mut lines = vec![line(&[(50.0, "Table 1: Spending", 80.0), (300.0, "Table 2: Revenue", 80.0)])];
    lines.extend(rows);
    let refs: Vec<&TextLine> = lines.iter().collect();
    let regions = side_by_side_regions(&refs, &[], &SideBySideConfig::default()).expect("two tables");
    assert_eq!(
        texts(&regions),
        vec![
            vec!["Table 1: Spending", "Health 1,204", "Defence 830", "Housing 77", "Total 2,111"],
            vec!["Table 2: Revenue", "Roads 310", "Schools and", "colleges 95", "Water 41", "Parks 12", "Total 458"]
        ]
    );
}
