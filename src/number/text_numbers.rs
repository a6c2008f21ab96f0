//! Numbers in running text (paragraphs outside tables), as extra evidence of the document's
//! number format.

use super::config::NumberConfig;

/// Number-like words of a text ("2.500", "1,234.5"), stripped of surrounding punctuation, with
/// [`NumberConfig::DEFAULT`].
pub fn numbers_in_text(text: &str) -> Vec<String> {
    numbers_in_text_with_config(text, &NumberConfig::DEFAULT)
}

/// [`numbers_in_text`], keeping words of at least `cfg.min_text_number_len` characters.
pub fn numbers_in_text_with_config(text: &str, cfg: &NumberConfig) -> Vec<String> {
    crate::text::numeral_words(text, cfg.min_text_number_len).map(str::to_string).collect()
}
