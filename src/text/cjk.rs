//! CJK characters: Han, kana, hangul, bopomofo, CJK strokes, radicals, punctuation, enclosed
//! and compatibility forms, and full-width forms. Text joining puts no space between two of them;
//! unit words written in them end without a word boundary.

/// The first code point of the CJK blocks (CJK Radicals Supplement): a letter below it is Latin,
/// Greek, Cyrillic or another alphabet.
pub const FIRST_CJK_CODE_POINT: u32 = 0x2E80;

/// True for a CJK character: the blocks U+2E80..=U+9FFF (radicals, CJK symbols and punctuation,
/// kana, bopomofo, hangul compatibility jamo, strokes, enclosed and compatibility forms,
/// extension A, unified ideographs), hangul syllables, compatibility ideographs, CJK
/// compatibility forms, half- and full-width forms, and the supplementary ideographic planes.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        FIRST_CJK_CODE_POINT..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF |
        0x20000..=0x2FFFF)
}

#[cfg(test)]
mod tests {
    use super::is_cjk;

    #[test]
    fn scripts() {
        for c in ['单', 'か', 'カ', '한', '（', '，', '、', '㎡', '𠀀'] {
            assert!(is_cjk(c), "{c}");
        }
        for c in ['a', 'Đ', 'ệ', '1', ' ', '(', '€'] {
            assert!(!is_cjk(c), "{c}");
        }
    }
}
