//! Splitting a folded cell into the numeral and what decorates it: sign (`-`, `+`, a trailing
//! `-`, parentheses, `△`/`▲`), currency marks before or after (`$`, `¥`, `₫`, `đ`, `đồng`, `元`,
//! `EUR` …), `%`, and any trailing text (`3 场` → numeral `3`, unit text `场`).

use super::numeral::is_numeral_separator;

/// The parts of a cell that holds one number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NumberParts<'a> {
    /// Digits and separators, starting and ending with a digit or starting with a separator
    /// directly followed by a digit (`.5`).
    pub numeral: &'a str,
    pub negative: bool,
    pub percent: bool,
    /// ISO code of a currency mark printed around the number.
    pub currency: Option<&'static str>,
    /// Text after the number that is neither currency nor `%` (trimmed; empty when none).
    pub trailing_text: &'a str,
    /// True when the numeral stands alone: no sign, parentheses, currency, `%` or trailing text.
    pub bare: bool,
}

/// Currency marks that may precede a number, longest first within a shared prefix.
const CURRENCY_BEFORE: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("USD", "USD"),
    ("VNĐ", "VND"),
    ("VND", "VND"),
    ("EUR", "EUR"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("INR", "INR"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    ("Rp", "IDR"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "CNY"),
    ("₫", "VND"),
    ("₹", "INR"),
    ("₩", "KRW"),
];

/// Currency marks that may follow a number, longest first within a shared prefix.
const CURRENCY_AFTER: &[(&str, &str)] = &[
    ("đồng", "VND"),
    ("VNĐ", "VND"),
    ("VND", "VND"),
    ("đ", "VND"),
    ("₫", "VND"),
    ("元", "CNY"),
    ("¥", "CNY"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("円", "JPY"),
    ("€", "EUR"),
    ("EUR", "EUR"),
    ("USD", "USD"),
    ("$", "USD"),
    ("£", "GBP"),
    ("GBP", "GBP"),
    ("₩", "KRW"),
    ("원", "KRW"),
    ("₹", "INR"),
];

/// If `text` starts with `pattern` (case-insensitively), the rest of `text`. A pattern that ends
/// in a letter must not be followed by another letter (`đ` does not match the start of `đơn`).
pub(crate) fn strip_prefix_ignoring_case<'a>(text: &'a str, pattern: &str) -> Option<&'a str> {
    let mut rest = text.char_indices();
    let mut matched_end = 0;
    for pattern_char in pattern.chars() {
        let (index, text_char) = rest.next()?;
        let same = if text_char.is_ascii() && pattern_char.is_ascii() {
            text_char.eq_ignore_ascii_case(&pattern_char)
        } else {
            text_char.to_lowercase().eq(pattern_char.to_lowercase())
        };
        if !same {
            return None;
        }
        matched_end = index + text_char.len_utf8();
    }
    let remainder = &text[matched_end..];
    let pattern_ends_in_letter = pattern.chars().last().is_some_and(|c| c.is_alphabetic());
    if pattern_ends_in_letter && remainder.chars().next().is_some_and(|c| c.is_alphabetic()) {
        return None;
    }
    Some(remainder)
}

fn strip_currency<'a>(
    text: &'a str,
    marks: &[(&str, &'static str)],
) -> Option<(&'a str, &'static str)> {
    marks
        .iter()
        .find_map(|(mark, code)| strip_prefix_ignoring_case(text, mark).map(|rest| (rest, *code)))
}

/// Splits a folded cell into a number and its decorations; `None` when the cell does not start
/// (after sign, parentheses and currency) with a numeral, or when its decorations contradict
/// each other (two signs, unbalanced parentheses).
pub(crate) fn split_number_parts(folded: &str) -> Option<NumberParts<'_>> {
    let mut rest = folded;
    let mut sign: Option<char> = None;
    let mut open_parenthesis = false;
    let mut currency: Option<&'static str> = None;

    // Before the numeral.
    loop {
        rest = rest.trim_start();
        let first = rest.chars().next()?;
        if first == '(' && !open_parenthesis && sign.is_none() {
            open_parenthesis = true;
        } else if matches!(first, '-' | '+' | '△' | '▲') && sign.is_none() {
            // A sign set apart from its number ("- 473,475,000") is a dash beside a value, two
            // cells read as one: no number.
            if rest[first.len_utf8()..].starts_with(char::is_whitespace) {
                return None;
            }
            sign = Some(first);
        } else if currency.is_none() {
            match strip_currency(rest, CURRENCY_BEFORE) {
                Some((after, code)) => {
                    currency = Some(code);
                    rest = after;
                    continue;
                }
                None => break,
            }
        } else {
            break;
        }
        rest = &rest[first.len_utf8()..];
    }

    // The numeral: the longest run of digits and separators, minus separators at its end.
    let run_end = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || is_numeral_separator(*c)))
        .map_or(rest.len(), |(index, _)| index);
    let run = &rest[..run_end];
    let numeral = run.trim_end_matches(|c: char| !c.is_ascii_digit());
    let starts_well = match numeral.as_bytes() {
        [first, ..] if first.is_ascii_digit() => true,
        [b'.' | b',', second, ..] => second.is_ascii_digit(),
        _ => false,
    };
    if !starts_well {
        return None;
    }
    rest = &rest[numeral.len()..];

    // After the numeral.
    let mut percent = false;
    let mut close_parenthesis = false;
    let mut trailing_minus = false;
    loop {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else {
            break;
        };
        if first == '%' && !percent {
            percent = true;
        } else if first == ')' && open_parenthesis && !close_parenthesis {
            close_parenthesis = true;
        } else if first == '-' && sign.is_none() && !trailing_minus && !open_parenthesis {
            trailing_minus = true;
        } else if currency.is_none() {
            match strip_currency(rest, CURRENCY_AFTER) {
                Some((after, code)) => {
                    currency = Some(code);
                    rest = after;
                    continue;
                }
                None => break,
            }
        } else {
            break;
        }
        rest = &rest[first.len_utf8()..];
    }
    // `(5` and `5)` are broken; `(-5)` and `(+5)` say the sign twice.
    if open_parenthesis != close_parenthesis || (open_parenthesis && sign.is_some()) {
        return None;
    }
    let negative = open_parenthesis || trailing_minus || matches!(sign, Some('-' | '△' | '▲'));
    let trailing_text = rest.trim();
    let bare = sign.is_none()
        && !open_parenthesis
        && !trailing_minus
        && !percent
        && currency.is_none()
        && trailing_text.is_empty();
    Some(NumberParts {
        numeral,
        negative,
        percent,
        currency,
        trailing_text,
        bare,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(String, bool, bool, Option<&'static str>, String)> {
        split_number_parts(text).map(|p| {
            (
                p.numeral.to_string(),
                p.negative,
                p.percent,
                p.currency,
                p.trailing_text.to_string(),
            )
        })
    }

    #[test]
    fn decorations() {
        assert_eq!(
            parts("(1.234)"),
            Some(("1.234".into(), true, false, None, "".into()))
        );
        assert_eq!(
            parts("1.234-"),
            Some(("1.234".into(), true, false, None, "".into()))
        );
        assert_eq!(
            parts("-12,5 %"),
            Some(("12,5".into(), true, true, None, "".into()))
        );
        assert_eq!(
            parts("$(1,234)"),
            Some(("1,234".into(), true, false, Some("USD"), "".into()))
        );
        assert_eq!(
            parts("-$1,234"),
            Some(("1,234".into(), true, false, Some("USD"), "".into()))
        );
        // A dash set apart from a number is a zero beside a value, not its sign.
        assert_eq!(parts("- 473,475,000"), None);
        assert_eq!(parts("+ 12"), None);
        assert_eq!(
            parts("500.000 Đồng"),
            Some(("500.000".into(), false, false, Some("VND"), "".into()))
        );
        assert_eq!(
            parts("1.000.000đ"),
            Some(("1.000.000".into(), false, false, Some("VND"), "".into()))
        );
        assert_eq!(
            parts("5 đơn vị"),
            Some(("5".into(), false, false, None, "đơn vị".into()))
        );
        assert_eq!(
            parts("3 场"),
            Some(("3".into(), false, false, None, "场".into()))
        );
        assert_eq!(
            parts("265.00万元"),
            Some(("265.00".into(), false, false, None, "万元".into()))
        );
        assert_eq!(
            parts("1. Xã"),
            Some(("1".into(), false, false, None, ". Xã".into()))
        );
        assert_eq!(
            parts(".5"),
            Some((".5".into(), false, false, None, "".into()))
        );
        assert_eq!(parts("(-5)"), None);
        assert_eq!(parts("(5"), None);
        assert_eq!(
            parts("5)"),
            Some(("5".into(), false, false, None, ")".into()))
        );
        assert_eq!(parts("%"), None);
        assert_eq!(parts("abc"), None);
        assert_eq!(parts(""), None);
    }
}
