//! Numbers in running text (paragraphs outside tables), as extra evidence of the document's
//! number format.

/// Number-like words of a text ("2.500", "1,234.5"), stripped of surrounding punctuation.
pub fn numbers_in_text(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_digit()))
        .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ','))
        .map(str::to_string)
        .collect()
}
