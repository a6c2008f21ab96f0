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
