//! Unit tests of `chunk`.

use super::*;

#[test]
fn tightly_set_numbers_with_separators_are_two_values() {
    use crate::layout::{TextLine, Word};
    use crate::pdf::BBox;
    let word = |t: &str, x0: f64, x1: f64| Word { text: t.into(), bbox: BBox::new(x0, 0.0, x1, 8.0), size: 8.0, bold: false };
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
    let word = |t: &str, x0: f64, x1: f64| Word { text: t.into(), bbox: BBox::new(x0, 0.0, x1, 8.0), size: 8.0, bold: false };
    let line = |words: Vec<Word>| TextLine { bbox: BBox::new(words[0].bbox.x0, 0.0, words[words.len() - 1].bbox.x1, 8.0), baseline: 6.0, upright: true, words };
    let cfg = TableConfig::default();
    // 6 pt apart at 8 pt: wider than the number gap (4 pt), narrower than the column gap (7.2).
    assert_eq!(chunks_of(&line(vec![word("$1.1M", 0.0, 20.0), word("$2.3M", 26.0, 46.0)]), &cfg).len(), 2);
    assert_eq!(chunks_of(&line(vec![word("$950K", 0.0, 20.0), word("$12K", 26.0, 42.0)]), &cfg).len(), 2);
    // Words (or suffixed amounts without a currency sign) at the same gap stay one chunk.
    assert_eq!(chunks_of(&line(vec![word("Program", 0.0, 28.0), word("budget", 34.0, 58.0)]), &cfg).len(), 1);
    assert_eq!(chunks_of(&line(vec![word("1.1M", 0.0, 16.0), word("2.3M", 22.0, 38.0)]), &cfg).len(), 1);
}
