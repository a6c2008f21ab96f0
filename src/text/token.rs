//! What a token or a cell's text is: the one recogniser of numbers, years, codes, row markers
//! and total labels that every stage asks.
//!
//! [`classify`] gives the full answer; "(1)" is decided by context: in a label or marker column
//! ([`Context::Label`]) it is a row marker, in a values column ([`Context::Values`]) the
//! negative number −1. Stages that only need a yes/no use the predicates below; each says how
//! it differs from [`classify`]:
//!
//! - [`is_value_like`]: a cell read as a value by the table stage before any number format is
//!   known (header detection, column splitting): digits with separators, a sign, parentheses,
//!   `%`, a currency sign with a magnitude suffix (`$1.1M`), or a lone dash. Unlike
//!   [`classify`] it does not fold full-width forms and ignores years and codes (the caller
//!   decides about them), and it accepts magnitude suffixes that the number stage reads as unit
//!   text;
//! - [`is_numeric_token`]: a word of a text line that is a number for chunking (two numbers
//!   close together are two cells): [`is_value_like`]'s characters in any order, at least one
//!   digit;
//! - [`money_core`]: the number inside a money amount with a magnitude suffix;
//! - [`numeral_words`]: the numerals of running text, as format evidence.
//!
//! The number stage's `parse_cell` and its format evidence start from the same lexing as
//! [`classify`] (`lex`: blank, dash zero, non-value shape, numeral with decorations, text) and
//! only add the choice of decimal separator; [`is_unit_text`] tells a count (`3 场`) from a
//! number followed by a sentence for both.

use super::affix::{NumberParts, split_number_parts};
use super::caption::is_total_label;
use super::fold::fold_cell_text;
use super::marker::{MarkerStyle, marker_style};
use super::non_value::NonValueKind;
use super::numeral::read_numeral;
use super::shape::classify_shape;

/// Where a token stands, which decides what an ambiguous token such as `(1)` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// A label or marker column (STT, 序号, the first column of a hierarchy): row markers and
    /// total words come first.
    Label,
    /// A values column, or a token with no column: numbers come first.
    Values,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenShape {
    /// Empty or only spaces.
    Blank,
    /// A number valid in at least one decimal convention (`1.234,5`, `6,490.30`, `(1.234)`,
    /// `-12,5 %`, `$1,234`), or a lone dash (zero). Which convention is the number stage's
    /// decision.
    Number {
        /// Printed negative: `-`, trailing `-`, parentheses, `△`.
        negative: bool,
        /// Printed with `%`.
        percent: bool,
    },
    /// Looks numeric but is not an amount: a year, date, code, document number, comparator,
    /// ordinal (by shape alone), or digits that form no valid number.
    NotAValue(NonValueKind),
    /// A row marker (only in [`Context::Label`]).
    RowMarker(MarkerStyle),
    /// The label of a total row (only in [`Context::Label`]).
    TotalLabel,
    /// Anything else.
    Text,
}

/// A folded cell, lexed: what the shape says before any number format is chosen.
pub(crate) enum Lexed<'a> {
    /// Empty.
    Blank,
    /// One to [`LONGEST_DASH_ZERO`] dashes: zero.
    DashZero,
    /// A non-value by shape alone ([`classify_shape`]).
    NotAValue(NonValueKind),
    /// A numeral with its decorations, not yet read (its digit groups may be invalid).
    Number(NumberParts<'a>),
    /// Anything else.
    Text,
}

/// Lexes a folded cell ([`fold_cell_text`]): blank, dash zero, a non-value shape, a numeral
/// with decorations, or text.
pub(crate) fn lex(folded: &str) -> Lexed<'_> {
    if folded.is_empty() {
        Lexed::Blank
    } else if is_dash_zero(folded) {
        Lexed::DashZero
    } else if let Some(kind) = classify_shape(folded) {
        Lexed::NotAValue(kind)
    } else {
        split_number_parts(folded).map_or(Lexed::Text, Lexed::Number)
    }
}

/// Short text after a number that names what was counted (`场`, `人`, `hộ gia đình`, `万元`,
/// `/người`), as opposed to a sentence or more numbers: `3 场` and `12 triệu đồng` are counts,
/// not amounts.
pub fn is_unit_text(trailing: &str) -> bool {
    trailing.chars().count() <= LONGEST_UNIT_TEXT_CHARS
        && trailing.split_whitespace().count() <= MOST_UNIT_TEXT_WORDS
        && trailing.chars().any(|c| c.is_alphabetic())
        && !trailing.starts_with(['.', ',', '-'])
        && !trailing.chars().any(|c| {
            c.is_ascii_digit() || matches!(c, ',' | ';' | ':' | '。' | '(' | ')' | '=' | '+')
        })
}

/// Text after a number is unit text (`3 场`, `12 triệu đồng`, `hộ gia đình`) only when it has at
/// most this many characters; longer text is a sentence.
const LONGEST_UNIT_TEXT_CHARS: usize = 16;

/// Unit text after a number has at most this many words (`hộ gia đình`).
const MOST_UNIT_TEXT_WORDS: usize = 3;

/// What `token` is in `context`. In [`Context::Label`] total labels and row markers win
/// (`(1)`, `1.`, `I`, `a)`, `一、`); otherwise, and for every other token, the number shapes
/// decide: [`classify_shape`](super::classify_shape)'s non-values, then numbers.
pub fn classify(token: &str, context: Context) -> TokenShape {
    if context == Context::Label {
        // Markers and total words as printed (the table stage reads them unfolded).
        if let Some(style) = marker_style(token) {
            return TokenShape::RowMarker(style);
        }
        if is_total_label(token) {
            return TokenShape::TotalLabel;
        }
    }
    let folded = fold_cell_text(token);
    let parts = match lex(&folded) {
        Lexed::Blank => return TokenShape::Blank,
        Lexed::DashZero => return TokenShape::Number { negative: false, percent: false },
        Lexed::NotAValue(kind) => return TokenShape::NotAValue(kind),
        Lexed::Text => return TokenShape::Text,
        Lexed::Number(parts) => parts,
    };
    let valid = read_numeral(parts.numeral, '.').is_some() || read_numeral(parts.numeral, ',').is_some();
    if !valid {
        return if parts.bare { TokenShape::NotAValue(NonValueKind::Malformed) } else { TokenShape::Text };
    }
    if parts.trailing_text.is_empty() {
        TokenShape::Number { negative: parts.negative, percent: parts.percent }
    } else if is_unit_text(parts.trailing_text) {
        TokenShape::NotAValue(NonValueKind::WithUnitText)
    } else {
        TokenShape::Text
    }
}

/// The numeral words of a running text ("EUR 2.500 in 2024," → `2.500`, `2024`): each word
/// trimmed to its first and last ASCII digit, kept when it has at least `min_len` characters and
/// only digits, `.` and `,`. The number stage weighs them as format evidence.
pub fn numeral_words(text: &str, min_len: usize) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_digit()))
        .filter(move |w| w.len() >= min_len && w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ','))
}

/// A cell of only dashes, at most this many (`-`, `--`, `---`, after folding `–`, `—`, `−`),
/// means zero in budget tables; longer runs are rules or filler.
const LONGEST_DASH_ZERO: usize = 3;

/// True for a folded cell ([`fold_cell_text`]) of one to [`LONGEST_DASH_ZERO`] dashes: a zero.
pub fn is_dash_zero(folded: &str) -> bool {
    !folded.is_empty() && folded.len() <= LONGEST_DASH_ZERO && folded.bytes().all(|b| b == b'-')
}

/// Currency signs that may precede a money amount with a magnitude suffix (`$1.1M`).
const MONEY_SIGNS: [char; 6] = ['$', '€', '£', '¥', '₫', '₹'];

/// Magnitude suffixes of a money amount: `bn`, `K`, `M`, `B` (either case for k and m).
const MAGNITUDE_SUFFIXES: [&str; 6] = ["bn", "K", "M", "B", "k", "m"];

/// A money amount without its currency sign and magnitude suffix: `$1.1M` → `1.1`, `€250K` →
/// `250`, `£3bn` → `3`; or without a sign printed after it, as prices are set in much of Europe:
/// `8 €`, `12,50€` → `12,50`. Anything else comes back as it was.
pub fn money_core(t: &str) -> &str {
    if let Some(rest) = t.strip_prefix(MONEY_SIGNS) {
        let rest = rest.trim_start();
        return MAGNITUDE_SUFFIXES.iter().find_map(|m| rest.strip_suffix(m)).unwrap_or(rest);
    }
    t.strip_suffix(MONEY_SIGNS).map_or(t, str::trim_end)
}

/// Separators inside a value as the table stage sees it: `.`, `,`, space, `'`.
const VALUE_SEPARATORS: &str = ".,' ";

/// The value of a target cell without its comparison sign: "≥86%" → "86%", "=71%" → "71%".
/// Performance tables state targets so; the sign says how the value is met, the value is still
/// a value.
pub fn without_comparison(t: &str) -> &str {
    t.trim().trim_start_matches(['≥', '≤', '>', '<', '='])
}

/// A value-like cell: digits with separators, optional sign, parentheses or percent, or a dash
/// (see the module documentation for how it differs from [`classify`]).
pub fn is_value_like(t: &str) -> bool {
    let t = t.trim();
    if matches!(t, "-" | "–" | "—") {
        return true;
    }
    let core = money_core(t.trim_start_matches(['-', '+', '(', '−']).trim_end_matches([')', '%', '-']));
    !core.is_empty() && core.chars().all(|c| c.is_ascii_digit() || VALUE_SEPARATORS.contains(c)) && core.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A numeric word for chunking a text line: at least one digit, and otherwise only signs,
/// parentheses, `%` and [`VALUE_SEPARATORS`] (after [`money_core`]).
pub fn is_numeric_token(s: &str) -> bool {
    let s = money_core(s.trim());
    !s.is_empty() && s.chars().any(|c| c.is_ascii_digit()) && s.chars().all(|c| c.is_ascii_digit() || "-−+()%".contains(c) || VALUE_SEPARATORS.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parenthesised_one_by_context() {
        assert_eq!(classify("(1)", Context::Label), TokenShape::RowMarker(MarkerStyle::ArabicParen));
        assert_eq!(classify("(1)", Context::Values), TokenShape::Number { negative: true, percent: false });
        assert_eq!(classify("（1）", Context::Values), TokenShape::Number { negative: true, percent: false });
        assert_eq!(classify("(1.234)", Context::Label), TokenShape::Number { negative: true, percent: false });
    }

    #[test]
    fn markers_and_totals_only_in_labels() {
        assert_eq!(classify("1.", Context::Label), TokenShape::RowMarker(MarkerStyle::Arabic));
        assert_eq!(classify("1.", Context::Values), TokenShape::NotAValue(NonValueKind::Ordinal));
        assert_eq!(classify("II", Context::Label), TokenShape::RowMarker(MarkerStyle::RomanUpper));
        assert_eq!(classify("II", Context::Values), TokenShape::NotAValue(NonValueKind::Ordinal));
        assert_eq!(classify("1", Context::Label), TokenShape::RowMarker(MarkerStyle::Arabic));
        assert_eq!(classify("1", Context::Values), TokenShape::Number { negative: false, percent: false });
        assert_eq!(classify("Tổng cộng", Context::Label), TokenShape::TotalLabel);
        assert_eq!(classify("Tổng cộng", Context::Values), TokenShape::Text);
    }

    #[test]
    fn numbers_and_non_values() {
        let number = TokenShape::Number { negative: false, percent: false };
        assert_eq!(classify("14.100.210.000", Context::Values), number);
        assert_eq!(classify("6,490.30", Context::Values), number);
        assert_eq!(classify("-", Context::Values), number);
        assert_eq!(classify("12,5%", Context::Values), TokenShape::Number { negative: false, percent: true });
        assert_eq!(classify("1.234-", Context::Values), TokenShape::Number { negative: true, percent: false });
        assert_eq!(classify("2024", Context::Values), TokenShape::NotAValue(NonValueKind::Year));
        assert_eq!(classify("2080505", Context::Values), TokenShape::NotAValue(NonValueKind::Code));
        assert_eq!(classify("21/5/2025", Context::Values), TokenShape::NotAValue(NonValueKind::Date));
        assert_eq!(classify("1,2,3", Context::Values), TokenShape::NotAValue(NonValueKind::Malformed));
        assert_eq!(classify("3 场", Context::Values), TokenShape::NotAValue(NonValueKind::WithUnitText));
        assert_eq!(classify("3 dự án được phê duyệt năm nay", Context::Values), TokenShape::Text);
        assert_eq!(classify("  ", Context::Values), TokenShape::Blank);
        assert_eq!(classify("Xã Sơn Hạ", Context::Label), TokenShape::Text);
    }

    #[test]
    fn numeral_words_of_prose() {
        let words: Vec<&str> = numeral_words("EUR 2.500 in 2024, (1,234.5) and 12 or v2.1a x", 3).collect();
        assert_eq!(words, vec!["2.500", "2024", "1,234.5", "2.1"]);
    }

    #[test]
    fn table_stage_predicates() {
        assert_eq!(money_core("$1.1M"), "1.1");
        assert_eq!(money_core("€ 250K"), "250");
        assert_eq!(money_core("£3bn"), "3");
        assert_eq!(money_core("1.1M"), "1.1M", "no currency sign: left alone");
        assert_eq!(money_core("8 €"), "8", "a sign after the amount");
        assert_eq!(money_core("12,50€"), "12,50");
        assert!(is_value_like("10 €") && is_numeric_token("9€"));
        assert!(!is_value_like("€") && !is_value_like("EUR €"));
        assert!(is_value_like("$0.44M") && is_value_like("($2,500)") && is_value_like("—") && is_value_like("12,5%"));
        assert!(!is_value_like("$") && !is_value_like("$ per year") && !is_value_like("Medicaid"));
        assert!(is_numeric_token("$9,600") && is_numeric_token("$1.1M") && is_numeric_token("12.5%") && is_numeric_token("(3)"));
        assert!(!is_numeric_token("$") && !is_numeric_token("FY2010") && !is_numeric_token("-"));
    }
}
