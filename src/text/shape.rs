//! Cells that look numeric but are not amounts, recognised by their shape alone (the number
//! format does not matter): comparators, dates, years, document numbers, codes and ordinals.
//! The number stage reads every other numeric-looking cell as an amount.

use super::non_value::NonValueKind;
use super::numeral::is_section_number;
use super::roman::is_roman_numeral;
use super::year::is_year_digits;
use std::borrow::Cow;

/// No date, year, code, document number or ordinal is longer than this (in bytes); longer cells
/// skip the shape tests, which keeps them linear in the cell length.
const LONGEST_SHAPE: usize = 120;

/// Months and days of a date (calendar facts), printed with at most two digits.
const MONTHS: std::ops::RangeInclusive<u32> = 1..=12;
/// See [`MONTHS`].
const DAYS: std::ops::RangeInclusive<u32> = 1..=31;
/// See [`MONTHS`]; also the digits of a short year (`21/5/25`).
const DAY_MONTH_DIGITS: usize = 2;

/// Digits of the serial number of a document number (`82/TTr-UBND`, `121/2017/TT-BTC`): up to
/// six; longer digit runs before a slash are amounts or codes.
const DOCUMENT_SERIAL_DIGITS: std::ops::RangeInclusive<usize> = 1..=6;

/// A digit string this long or longer is a code (`2080505`), not an amount: budget amounts of
/// seven digits and more are printed with group separators.
pub const CODE_MIN_DIGITS: usize = 7;

/// Letters at the start of a letter+digit code (`A02010104`, `B99`, `NS12`).
const CODE_LETTERS: std::ops::RangeInclusive<usize> = 1..=4;

/// Digits a letter+digit code has at least (`B99`); `A1` is an ordinal-like label.
const CODE_MIN_DIGITS_AFTER_LETTERS: usize = 2;

/// Longest Chinese numeral ordinal (`一百二十`) and longest digit ordinal (`1234.`), in
/// characters.
const LONGEST_ORDINAL: usize = 4;

/// The non-value kind of a folded cell ([`fold_cell_text`](super::fold_cell_text)) whose shape
/// alone says it is not an amount; `None` for anything else.
pub fn classify_shape(folded: &str) -> Option<NonValueKind> {
    if folded.len() > LONGEST_SHAPE {
        return is_comparator(folded).then_some(NonValueKind::Comparator);
    }
    if is_comparator(folded) {
        Some(NonValueKind::Comparator)
    } else if is_date(folded) {
        Some(NonValueKind::Date)
    } else if is_year(folded) {
        Some(NonValueKind::Year)
    } else if is_document_number(folded) {
        Some(NonValueKind::DocumentNumber)
    } else if is_code(folded) {
        Some(NonValueKind::Code)
    } else if is_ordinal(folded) {
        Some(NonValueKind::Ordinal)
    } else {
        None
    }
}

/// `≥98`, `<5%`, `> 100`, `≈ 3,5`: a relation sign followed by something with digits.
fn is_comparator(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(
        first,
        '≥' | '≤'
            | '>'
            | '<'
            | '≧'
            | '≦'
            | '⩾'
            | '⩽'
            | '≮'
            | '≯'
            | '≠'
            | '≈'
            | '~'
            | '±'
            | '='
    ) && chars.as_str().chars().any(|c| c.is_ascii_digit())
}

fn without_spaces(text: &str) -> Cow<'_, str> {
    if text.contains(' ') { Cow::Owned(text.chars().filter(|c| *c != ' ').collect()) } else { Cow::Borrowed(text) }
}

/// The parts of `text` split at `separator` when every part is a non-empty run of ASCII digits.
fn digit_parts(text: &str, separator: char) -> Option<Vec<&str>> {
    if !text.contains(separator) {
        return None;
    }
    let parts: Vec<&str> = text.split(separator).collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    (parts.len() >= 2 && all_digits).then_some(parts)
}

fn number_of(digits: &str) -> u32 {
    digits.parse().unwrap_or(u32::MAX)
}

fn is_month(digits: &str) -> bool {
    digits.len() <= DAY_MONTH_DIGITS && MONTHS.contains(&number_of(digits))
}

fn is_day(digits: &str) -> bool {
    digits.len() <= DAY_MONTH_DIGITS && DAYS.contains(&number_of(digits))
}

/// Day and month in either order (`21/5`, `5/21`).
fn is_day_and_month(first: &str, second: &str) -> bool {
    (is_day(first) && is_month(second)) || (is_month(first) && is_day(second))
}

fn is_date(folded: &str) -> bool {
    let compact = without_spaces(folded);
    is_single_date(&compact, false)
        || is_date_range(&compact)
        || parse_cjk_date(&compact) == Some(NonValueKind::Date)
}

/// `21/5/2025`, `21/5/25`, `2021-12-31`, `31.12.2021`, `4/2022`; with `allow_year_month`
/// also `2024.1` and `2024-1` (only used for the halves of a range such as `2024.1-2024.12`,
/// where the first half would otherwise be a plain number).
fn is_single_date(compact: &str, allow_year_month: bool) -> bool {
    for separator in ['/', '-', '.'] {
        let Some(parts) = digit_parts(compact, separator) else {
            continue;
        };
        match parts.as_slice() {
            [first, second, third] => {
                let year_last = is_year_digits(third) || (separator == '/' && third.len() == DAY_MONTH_DIGITS);
                if year_last && is_day_and_month(first, second) {
                    return true;
                }
                if is_year_digits(first) && is_month(second) && is_day(third) {
                    return true;
                }
            }
            [first, second] => {
                let month_year = is_month(first) && is_year_digits(second);
                let year_month = is_year_digits(first) && is_month(second);
                if separator == '/' && (month_year || year_month) {
                    return true;
                }
                if allow_year_month && year_month {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Two dates joined by `-`, `~`, `至` or `到`: `2024.1-2024.12`, `1/2024-12/2024`.
fn is_date_range(compact: &str) -> bool {
    compact.char_indices().any(|(index, ch)| {
        if !matches!(ch, '-' | '~' | '至' | '到') {
            return false;
        }
        let (left, right) = (&compact[..index], &compact[index + ch.len_utf8()..]);
        !left.is_empty()
            && !right.is_empty()
            && is_single_date(left, true)
            && is_single_date(right, true)
    })
}

/// `2024年12月31日`, `9月30日`, `2024年12月` are dates; `2022年` alone is a year.
fn parse_cjk_date(compact: &str) -> Option<NonValueKind> {
    const MARKERS: [char; 3] = ['年', '月', '日'];
    if !compact.contains(MARKERS) {
        return None;
    }
    let mut components = Vec::new();
    let mut digits = String::new();
    for ch in compact.chars() {
        if ch.is_ascii_digit() {
            digits.push(ch);
        } else if let Some(position) = MARKERS.iter().position(|m| *m == ch) {
            if digits.is_empty() {
                return None;
            }
            components.push((position, std::mem::take(&mut digits)));
        } else {
            return None;
        }
    }
    if !digits.is_empty() || components.is_empty() {
        return None;
    }
    let in_order = components.windows(2).all(|pair| pair[0].0 < pair[1].0);
    let valid = components.iter().all(|(position, value)| match position {
        0 => is_year_digits(value),
        1 => is_month(value),
        _ => is_day(value),
    });
    if !(in_order && valid) {
        return None;
    }
    if components.len() == 1 && components[0].0 == 0 {
        Some(NonValueKind::Year)
    } else {
        Some(NonValueKind::Date)
    }
}

/// A bare year `1900..=2100`, a year range `2019 - 2024`, or `2022年`.
fn is_year(folded: &str) -> bool {
    let compact = without_spaces(folded);
    if is_year_digits(&compact) {
        return true;
    }
    let range = ['-', '~']
        .iter()
        .find_map(|separator| digit_parts(&compact, *separator))
        .is_some_and(|parts| {
            matches!(parts.as_slice(), [from, to]
                if is_year_digits(from) && is_year_digits(to) && number_of(from) <= number_of(to))
        });
    range || parse_cjk_date(&compact) == Some(NonValueKind::Year)
}

/// `82/TTr-UBND`, `Số 205/KH-MTTQ-BTT`, `121/2017/TT-BTC`, `冀财农【2021】126 号`.
fn is_document_number(folded: &str) -> bool {
    is_slash_document_number(folded) || is_bracket_document_number(folded)
}

fn is_slash_document_number(folded: &str) -> bool {
    let mut text = folded;
    for prefix in ["số:", "số", "so", "no.", "no"] {
        if let Some(rest) = super::strip_prefix_ignoring_case(text, prefix)
            && (rest.starts_with([' ', ':', '.']) || prefix.ends_with([':', '.']))
        {
            text = rest.trim_start_matches([' ', ':', '.']);
            break;
        }
    }
    let compact = without_spaces(text);
    let Some((number, reference)) = compact.split_once('/') else {
        return false;
    };
    DOCUMENT_SERIAL_DIGITS.contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
        && !reference.is_empty()
        && reference
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.'))
        && reference.chars().any(|c| c.is_uppercase())
}

fn is_bracket_document_number(folded: &str) -> bool {
    let Some(before_mark) = folded.strip_suffix(['号', '號']) else {
        return false;
    };
    let before_serial = before_mark.trim_end();
    let before_digits = before_serial.trim_end_matches(|c: char| c.is_ascii_digit());
    if before_digits.len() == before_serial.len() {
        return false;
    }
    let Some(before_close) = before_digits
        .trim_end()
        .strip_suffix(['】', '〕', ']', '〗'])
    else {
        return false;
    };
    let Some((_, year)) = before_close.rsplit_once(['【', '〔', '[', '〖']) else {
        return false;
    };
    is_year_digits(year.trim())
}

/// `00515`, `098` (leading zero), `2080505` (7 digits or more), `A02010104`, `B99`.
fn is_code(folded: &str) -> bool {
    if !folded.is_empty() && folded.bytes().all(|b| b.is_ascii_digit()) {
        // A leading zero followed by more digits (`098`) is a code, as is a long digit string.
        return (folded.len() >= 2 && folded.starts_with('0')) || folded.len() >= CODE_MIN_DIGITS;
    }
    let letter_count = folded
        .bytes()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    // ASCII letters are one byte each, so `letter_count` is a char boundary.
    let (letters, rest) = folded.split_at(letter_count);
    let currency_like = [
        "rp", "rs", "us", "usd", "eur", "vnd", "cny", "rmb", "gbp", "jpy", "inr",
    ]
    .contains(&letters.to_ascii_lowercase().as_str());
    CODE_LETTERS.contains(&letter_count)
        && !currency_like
        && rest.bytes().filter(|b| b.is_ascii_digit()).count() >= CODE_MIN_DIGITS_AFTER_LETTERS
        && rest
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest.ends_with(|c: char| c.is_ascii_digit())
}

/// `I`, `IV`, `a)`, `(b)`, `1.`, `2)`, `2.1.`, `一、`, `(一)`, `第三`, `①`, or a single letter.
/// `(1)` is not an ordinal: parentheses around digits mean a negative number.
fn is_ordinal(folded: &str) -> bool {
    let (core, parenthesised, marked) =
        if let Some(inner) = folded.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            (inner.trim(), true, false)
        } else if let Some(inner) = folded.strip_suffix([')', '.', '、', ':']) {
            (inner.trim_end(), false, true)
        } else {
            (folded, false, false)
        };
    let core = core.strip_prefix('第').unwrap_or(core);
    let mut chars = core.chars();
    let (Some(first), rest) = (chars.next(), chars.as_str()) else {
        return false;
    };
    if rest.is_empty() && first.is_alphabetic() && (first as u32) < super::cjk::FIRST_CJK_CODE_POINT {
        return true;
    }
    if rest.is_empty() && is_circled_number(first) {
        return true;
    }
    if is_roman_numeral(core) {
        return true;
    }
    if core
        .chars()
        .all(|c| super::CHINESE_NUMERALS.contains(c))
        && core.chars().count() <= LONGEST_ORDINAL
    {
        return true;
    }
    if marked && !parenthesised {
        let short_digits = core.len() <= LONGEST_ORDINAL && core.bytes().all(|b| b.is_ascii_digit());
        return short_digits || is_section_number(core);
    }
    false
}

fn is_circled_number(ch: char) -> bool {
    matches!(ch as u32, 0x2460..=0x24FF | 0x2776..=0x2793 | 0x3251..=0x325F | 0x32B1..=0x32BF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(classify_shape("2024"), Some(NonValueKind::Year));
        assert_eq!(classify_shape("2101"), None);
        assert_eq!(classify_shape("20805"), None);
        assert_eq!(classify_shape("(1)"), None);
        assert_eq!(classify_shape("1.5"), None);
        assert_eq!(classify_shape("5/10"), None);
        assert_eq!(classify_shape("Rp5000"), None);
        assert_eq!(classify_shape("-300.000.000"), None);
        assert_eq!(classify_shape("1.234-"), None);
        assert_eq!(classify_shape("32/13/2020"), None);
    }
}
