//! Number formats (decimal and group separators) and printing a Decimal in one.

use rust_decimal::Decimal;

/// Decimal and group separators of a number format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct NumberFormat {
    /// The decimal separator (`.` or `,`).
    pub decimal: char,
    /// The group (thousands) separator, if the format groups.
    pub group: Option<char>,
}

impl NumberFormat {
    /// Vietnamese (also German, Spanish, Italian, Indonesian…): `1.234.567,89`.
    pub const VI: NumberFormat = NumberFormat {
        decimal: ',',
        group: Some('.'),
    };
    /// English (also Chinese, Japanese, Korean): `1,234,567.89`.
    pub const EN: NumberFormat = NumberFormat {
        decimal: '.',
        group: Some(','),
    };
    /// French (also Russian, Polish, Swedish…): `1 234 567,89`.
    pub const FR: NumberFormat = NumberFormat {
        decimal: ',',
        group: Some(' '),
    };
    /// Swiss: `1'234'567.89`.
    pub const CH: NumberFormat = NumberFormat {
        decimal: '.',
        group: Some('\''),
    };

    /// The format of a locale code such as `vi`, `de`, `fr`, `zh`, `en`, `ch`, `de-CH`, `en_IN`;
    /// `None` for `auto` and unknown codes.
    pub fn for_locale_code(code: &str) -> Option<NumberFormat> {
        let code = code.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = code.split('-');
        let language = parts.next().unwrap_or("");
        let region = parts.next().unwrap_or("");
        if region == "ch" && matches!(language, "de" | "it" | "rm" | "gsw") {
            return Some(NumberFormat::CH);
        }
        match language {
            "ch" | "gsw" | "rm" => Some(NumberFormat::CH),
            "vi" | "de" | "es" | "it" | "id" | "pt" | "nl" | "da" | "tr" | "ro" | "el" | "hr"
            | "sl" | "sr" | "ca" | "is" | "ms" => Some(NumberFormat::VI),
            "fr" | "ru" | "pl" | "cs" | "sk" | "sv" | "fi" | "nb" | "no" | "nn" | "uk" | "hu"
            | "bg" | "lt" | "lv" | "et" => Some(NumberFormat::FR),
            "en" | "zh" | "ja" | "ko" | "th" | "hi" | "he" | "ga" | "mt" | "tl" | "fil" => {
                Some(NumberFormat::EN)
            }
            _ => None,
        }
    }
}

/// Prints `value` in `format`: `-`, the integer digits (in groups of three when `grouped` and the
/// format has a group separator), then the decimal separator and every fraction digit the Decimal
/// carries (its scale is kept: `1424.00` prints `1.424,00` in [`NumberFormat::VI`]).
pub fn format_decimal(value: Decimal, format: &NumberFormat, grouped: bool) -> String {
    let plain = value.to_string();
    let (negative, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, plain.as_str()),
    };
    let (integer_digits, fraction_digits) = match unsigned.split_once('.') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (unsigned, None),
    };
    let mut printed = String::with_capacity(plain.len() + plain.len() / 3 + 1);
    if negative {
        printed.push('-');
    }
    match format.group {
        Some(group) if grouped => {
            let digit_count = integer_digits.len();
            for (position, digit) in integer_digits.chars().enumerate() {
                if position > 0 && (digit_count - position) % 3 == 0 {
                    printed.push(group);
                }
                printed.push(digit);
            }
        }
        _ => printed.push_str(integer_digits),
    }
    if let Some(fraction) = fraction_digits {
        printed.push(format.decimal);
        printed.push_str(fraction);
    }
    printed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::{CellNumber, NonValueKind, parse_cell, read_number_ignoring_shape};
    use proptest::prelude::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap_or_default()
    }

    #[test]
    fn formats_in_each_locale() {
        let value = dec("-1234567.50");
        assert_eq!(
            format_decimal(value, &NumberFormat::VI, true),
            "-1.234.567,50"
        );
        assert_eq!(
            format_decimal(value, &NumberFormat::EN, true),
            "-1,234,567.50"
        );
        assert_eq!(
            format_decimal(value, &NumberFormat::FR, true),
            "-1 234 567,50"
        );
        assert_eq!(
            format_decimal(value, &NumberFormat::CH, true),
            "-1'234'567.50"
        );
        assert_eq!(
            format_decimal(value, &NumberFormat::VI, false),
            "-1234567,50"
        );
        assert_eq!(format_decimal(dec("123"), &NumberFormat::VI, true), "123");
        assert_eq!(format_decimal(dec("0.05"), &NumberFormat::VI, true), "0,05");
    }

    #[test]
    fn locale_codes() {
        assert_eq!(NumberFormat::for_locale_code("vi"), Some(NumberFormat::VI));
        assert_eq!(NumberFormat::for_locale_code("de"), Some(NumberFormat::VI));
        assert_eq!(NumberFormat::for_locale_code("fr"), Some(NumberFormat::FR));
        assert_eq!(NumberFormat::for_locale_code("zh"), Some(NumberFormat::EN));
        assert_eq!(NumberFormat::for_locale_code("EN"), Some(NumberFormat::EN));
        assert_eq!(NumberFormat::for_locale_code("ja"), Some(NumberFormat::EN));
        assert_eq!(NumberFormat::for_locale_code("ko"), Some(NumberFormat::EN));
        assert_eq!(NumberFormat::for_locale_code("ch"), Some(NumberFormat::CH));
        assert_eq!(
            NumberFormat::for_locale_code("de-CH"),
            Some(NumberFormat::CH)
        );
        assert_eq!(
            NumberFormat::for_locale_code("pt_BR"),
            Some(NumberFormat::VI)
        );
        assert_eq!(NumberFormat::for_locale_code("auto"), None);
        assert_eq!(NumberFormat::for_locale_code(""), None);
    }

    const FORMATS: [NumberFormat; 6] = [
        NumberFormat::VI,
        NumberFormat::EN,
        NumberFormat::FR,
        NumberFormat::CH,
        NumberFormat {
            decimal: '.',
            group: None,
        },
        NumberFormat {
            decimal: ',',
            group: Some('\u{00A0}'),
        },
    ];

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        let mantissa = -(10i128.pow(27))..10i128.pow(27);
        prop_oneof![
            (mantissa, 0u32..=28),
            (-10_000_000i128..10_000_000, 0u32..=4),
        ]
        .prop_map(|(mantissa, scale)| {
            Decimal::try_from_i128_with_scale(mantissa, scale).unwrap_or_default()
        })
    }

    /// What `parse_cell` says about a value printed without groups: years and long digit strings
    /// are shapes, not values; everything else reads back exactly.
    fn ungrouped_shape(value: Decimal) -> Option<NonValueKind> {
        if value.scale() != 0 || value.is_sign_negative() {
            return None;
        }
        let digits = value.to_string();
        if crate::text::is_year_digits(&digits) {
            Some(NonValueKind::Year)
        } else if digits.len() >= 7 {
            Some(NonValueKind::Code)
        } else {
            None
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn grouped_round_trip(value in any_decimal(), format_index in 0usize..FORMATS.len()) {
            let format = FORMATS[format_index];
            let printed = format_decimal(value, &format, true);
            match parse_cell(&printed, &format) {
                CellNumber::Value { value: parsed, percent } => {
                    prop_assert!(!percent);
                    prop_assert_eq!(parsed.to_string(), value.to_string(), "printed {:?}", printed);
                }
                other => {
                    // Only a year-like or code-like value printed without any group can be a shape.
                    prop_assert_eq!(Some(other), ungrouped_shape(value)
                        .filter(|_| !printed.contains(|c: char| !c.is_ascii_digit()))
                        .map(|kind| CellNumber::NotAValue { kind }), "printed {:?}", printed);
                }
            }
        }

        #[test]
        fn ungrouped_round_trip(value in any_decimal(), format_index in 0usize..FORMATS.len()) {
            let format = FORMATS[format_index];
            let printed = format_decimal(value, &format, false);
            let expected = match ungrouped_shape(value) {
                Some(kind) => CellNumber::NotAValue { kind },
                None => CellNumber::Value { value, percent: false },
            };
            let parsed = parse_cell(&printed, &format);
            prop_assert_eq!(&parsed, &expected, "printed {:?}", printed);
            if let CellNumber::Value { value: parsed_value, .. } = parsed {
                prop_assert_eq!(parsed_value.to_string(), value.to_string());
            }
            let read = read_number_ignoring_shape(&printed, &format);
            prop_assert_eq!(read.map(|v| v.to_string()), Some(value.to_string()));
        }

        #[test]
        fn percent_round_trip(value in any_decimal(), format_index in 0usize..FORMATS.len()) {
            let format = FORMATS[format_index];
            let printed = format!("{}%", format_decimal(value, &format, true));
            prop_assert_eq!(parse_cell(&printed, &format), CellNumber::Value { value, percent: true });
        }
    }
}
