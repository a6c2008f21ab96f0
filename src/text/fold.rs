//! Folding of cell text before it is read as a number: full-width forms become ASCII, every
//! kind of Unicode space (NBSP, thin space, ideographic space, tabs, line breaks) becomes one ASCII
//! space, dashes and minus signs become `-`, typographic apostrophes become `'`, invisible
//! characters are dropped, runs of spaces collapse and the result is trimmed.

/// The folded, trimmed text of a cell.
pub fn fold_cell_text(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut space_pending = false;
    for original in text.chars() {
        match fold_char(original) {
            None => {}
            Some(' ') => space_pending = true,
            Some(ch) => {
                if space_pending && !folded.is_empty() {
                    folded.push(' ');
                }
                space_pending = false;
                folded.push(ch);
            }
        }
    }
    folded
}

/// True for the characters that [`fold_cell_text`] turns into an ASCII space.
pub(crate) fn is_space_like(ch: char) -> bool {
    ch.is_whitespace() || matches!(ch, '\u{3000}' | '\u{00A0}' | '\u{2007}' | '\u{202F}')
}

fn fold_char(ch: char) -> Option<char> {
    match ch {
        // Full-width ASCII block: U+FF01..=U+FF5E map one to one onto U+0021..=U+007E.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(ch as u32 - 0xFEE0),
        '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
        c if is_space_like(c) => Some(' '),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => Some('-'),
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' => Some('\''),
        '\u{FFE5}' => Some('¥'),
        '\u{FFE1}' => Some('£'),
        '\u{FE6A}' => Some('%'),
        other => Some(other),
    }
}

#[cfg(test)]
mod tests {
    use super::fold_cell_text;

    #[test]
    fn folds_full_width_spaces_dashes_and_apostrophes() {
        assert_eq!(fold_cell_text("１２３．４５"), "123.45");
        assert_eq!(fold_cell_text("１，２３４％"), "1,234%");
        assert_eq!(fold_cell_text("\u{2212}1"), "-1");
        assert_eq!(fold_cell_text("\u{2014}"), "-");
        assert_eq!(fold_cell_text("1\u{00A0}234\u{202F}567"), "1 234 567");
        assert_eq!(fold_cell_text("1\u{2019}234"), "1'234");
        assert_eq!(fold_cell_text("  a \n\t b  "), "a b");
        assert_eq!(fold_cell_text("\u{200B}\u{FEFF}"), "");
        assert_eq!(fold_cell_text("（一）"), "(一)");
    }
}
