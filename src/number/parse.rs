//! Reading one cell: value, not-a-value shape, or text. See the module documentation of
//! [`crate::number`] for the order of the rules.

use rust_decimal::Decimal;

use super::format::NumberFormat;
use crate::text::{Lexed, NonValueKind, NumberParts, fold_cell_text, is_dash_zero, is_section_number, is_unit_text, lex, read_numeral, split_number_parts};

/// What a cell's text is, numerically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellNumber {
    /// A plain value (dash-zero gives 0). `percent` when printed with %. The value keeps the
    /// printed number of decimals as its scale (`24.461,00` → `24461.00`) and is never negative
    /// zero.
    Value {
        /// The exact value, with the printed scale.
        value: Decimal,
        /// Printed with `%` (the value is the printed number, `12,5%` → 12.5).
        percent: bool,
    },
    /// Looks numeric but is not a plain value: row numbers are decided by the table stage, but
    /// this covers codes (2080505, 00515), years (2022), dates (21/5/2025), document numbers
    /// (82/TTr-UBND), comparators (≥98, <5%), numbers with unit text (3 场, 500 人) — `kind`
    /// says which.
    NotAValue {
        /// Which non-value shape.
        kind: NonValueKind,
    },
    /// Empty or ordinary text.
    Text,
}

/// A parsed cell value that a table kept as a value (its column holds amounts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellValue {
    /// The exact value, with the printed scale.
    pub value: Decimal,
    /// Printed with `%`.
    pub percent: bool,
}

/// Parse one cell with a known format. Handles: dot groups + comma decimals (14.100.210.000,
/// 24.461,00, -300.000.000), comma groups + dot decimals (6,490.30), plain (6490.30), space /
/// NBSP / thin space groups (1 234,5), apostrophe groups (1'234.50, also U+2019), Indian grouping
/// (1,23,45,678.00), parenthesised negatives (1.234), trailing minus 1.234-, Unicode minus U+2212,
/// leading +, percentages 12,5% (value 12.5, percent=true), full-width digits and separators
/// (１２３．４５), currency marks (₫ ¥ 元 $ € đ, `đồng` …) around the number; a lone - – — −
/// is Value 0. Grouping must be valid (groups of 3 after the first, or Indian 2s) else not a
/// Value. When the digits are invalid in `format` but valid with the other decimal separator
/// (`6,490.30` read with [`NumberFormat::VI`]) the other reading is used.
pub fn parse_cell(text: &str, format: &NumberFormat) -> CellNumber {
    let folded = fold_cell_text(text);
    let parts = match lex(&folded) {
        Lexed::Blank | Lexed::Text => return CellNumber::Text,
        Lexed::DashZero => {
            return CellNumber::Value {
                value: Decimal::ZERO,
                percent: false,
            };
        }
        Lexed::NotAValue(kind) => return CellNumber::NotAValue { kind },
        Lexed::Number(parts) => parts,
    };
    let value = match read_with_fallback(&parts, format) {
        Reading::Value(value) => value,
        Reading::SectionNumber => {
            return CellNumber::NotAValue {
                kind: NonValueKind::Ordinal,
            };
        }
        Reading::Invalid if parts.bare => {
            return CellNumber::NotAValue {
                kind: NonValueKind::Malformed,
            };
        }
        Reading::Invalid => return CellNumber::Text,
    };
    if !parts.trailing_text.is_empty() {
        return if is_unit_text(parts.trailing_text) {
            CellNumber::NotAValue {
                kind: NonValueKind::WithUnitText,
            }
        } else {
            CellNumber::Text
        };
    }
    CellNumber::Value {
        value: signed(value, parts.negative),
        percent: parts.percent,
    }
}

/// The number in a cell regardless of its shape: `2024` → 2024, `2080505` → 2080505,
/// `00515` → 515, `(1.234)` → -1234, a lone dash → 0. For a table stage that has decided from
/// the column that year- or code-shaped cells are values. `None` when the cell has no single
/// valid number or has trailing unit text.
pub fn read_number_ignoring_shape(text: &str, format: &NumberFormat) -> Option<Decimal> {
    let folded = fold_cell_text(text);
    if is_dash_zero(&folded) {
        return Some(Decimal::ZERO);
    }
    let parts = split_number_parts(&folded)?;
    if !parts.trailing_text.is_empty() {
        return None;
    }
    let unsigned = if parts.bare && folded.bytes().all(|b| b.is_ascii_digit()) {
        // Leading zeros of a code are not a grouping error.
        Decimal::from_str_exact(&folded).ok()?
    } else {
        match read_with_fallback(&parts, format) {
            Reading::Value(value) => value,
            Reading::SectionNumber | Reading::Invalid => return None,
        }
    };
    Some(signed(unsigned, parts.negative))
}

enum Reading {
    Value(Decimal),
    SectionNumber,
    Invalid,
}

/// Reads the numeral with the format's decimal separator, else (unless it is a short section
/// number in a comma-decimal format) with the other one.
fn read_with_fallback(parts: &NumberParts<'_>, format: &NumberFormat) -> Reading {
    if let Some(numeral) = read_numeral(parts.numeral, format.decimal) {
        return Reading::Value(numeral.value);
    }
    if parts.bare && is_section_number(parts.numeral) {
        return Reading::SectionNumber;
    }
    let other_decimal = if format.decimal == ',' { '.' } else { ',' };
    match read_numeral(parts.numeral, other_decimal) {
        Some(numeral) => Reading::Value(numeral.value),
        None => Reading::Invalid,
    }
}

fn signed(mut value: Decimal, negative: bool) -> Decimal {
    if negative {
        value.set_sign_negative(true);
    }
    if value.is_zero() {
        value.set_sign_positive(true);
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignoring_shape() {
        let vi = NumberFormat::VI;
        let read = |text: &str| read_number_ignoring_shape(text, &vi).map(|v| v.to_string());
        assert_eq!(read("2024"), Some("2024".into()));
        assert_eq!(read("2080505"), Some("2080505".into()));
        assert_eq!(read("00515"), Some("515".into()));
        assert_eq!(read("(1.234)"), Some("-1234".into()));
        assert_eq!(read("–"), Some("0".into()));
        assert_eq!(read("3 场"), None);
        assert_eq!(read("abc"), None);
        assert_eq!(read("1.1"), None);
    }

    #[test]
    fn never_negative_zero() {
        let parsed = parse_cell("-0,00", &NumberFormat::VI);
        assert_eq!(
            parsed,
            CellNumber::Value {
                value: Decimal::new(0, 2),
                percent: false
            }
        );
        if let CellNumber::Value { value, .. } = parsed {
            assert_eq!(value.to_string(), "0.00");
        }
    }
}
