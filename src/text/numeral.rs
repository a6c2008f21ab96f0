//! Reading a run of digits and separators (`14.100.210.000`, `6490.30`, `1 234,5`,
//! `1,23,45,678.00`) as a Decimal, given which character is the decimal separator.

use rust_decimal::Decimal;

/// The separators that may appear inside a numeral (after folding: every space kind is `' '`,
/// every apostrophe kind is `'\''`).
pub(crate) fn is_numeral_separator(ch: char) -> bool {
    matches!(ch, '.' | ',' | ' ' | '\'')
}

/// A numeral read under one choice of decimal separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numeral {
    /// The unsigned value, with the printed number of fraction digits as its scale.
    pub value: Decimal,
    /// The group separator the integer part used, if any.
    pub group: Option<char>,
}

/// Reads `numeral` (ASCII digits and [`is_numeral_separator`] characters only) with `decimal` as
/// the decimal separator. Any other separator may group the integer part; groups must be valid:
/// a first group of 1–3 digits not starting with 0 followed by groups of exactly 3, or (with `,`)
/// the Indian pattern `1,23,45,678`. `None` when the numeral is not valid under this reading.
pub(crate) fn read_numeral(numeral: &str, decimal: char) -> Option<Numeral> {
    if numeral.is_empty()
        || !numeral
            .chars()
            .all(|c| c.is_ascii_digit() || is_numeral_separator(c))
    {
        return None;
    }
    let (integer_part, fraction_part) = match numeral.split_once(decimal) {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (numeral, None),
    };
    if let Some(fraction) = fraction_part {
        // A second decimal separator or a grouped fraction lands here as a non-digit.
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let (integer_digits, group) = read_integer_part(integer_part)?;
    if integer_digits.is_empty() && fraction_part.is_none() {
        return None;
    }
    let mut plain = String::with_capacity(numeral.len() + 1);
    plain.push_str(if integer_digits.is_empty() {
        "0"
    } else {
        &integer_digits
    });
    if let Some(fraction) = fraction_part {
        plain.push('.');
        plain.push_str(fraction);
    }
    // More than 28 significant digits (or scale) does not fit a Decimal: not a readable number.
    let value = Decimal::from_str_exact(&plain).ok()?;
    Some(Numeral { value, group })
}

/// The digits of a possibly grouped integer part and the group separator it used.
fn read_integer_part(integer_part: &str) -> Option<(String, Option<char>)> {
    let mut separators = integer_part.chars().filter(|c| !c.is_ascii_digit());
    let Some(group) = separators.next() else {
        return Some((integer_part.to_string(), None));
    };
    if separators.any(|c| c != group) {
        return None;
    }
    let groups: Vec<&str> = integer_part.split(group).collect();
    if groups.iter().any(|g| g.is_empty()) {
        return None;
    }
    let (first, rest) = groups.split_first()?;
    if first.starts_with('0') {
        return None;
    }
    // Western groups of a thousand; the Indian pattern groups lakhs and crores in twos after
    // the last three digits (`1,23,45,678`), so it has at least three groups.
    let western = (1..=3).contains(&first.len()) && rest.iter().all(|g| g.len() == 3);
    let indian = group == ','
        && groups.len() >= 3
        && (1..=2).contains(&first.len())
        && rest
            .split_last()
            .is_some_and(|(last, middle)| last.len() == 3 && middle.iter().all(|g| g.len() == 2));
    if !(western || indian) {
        return None;
    }
    Some((groups.concat(), Some(group)))
}

/// Digits of each component of a section number (`1.2`, `2.10.3`); `1.234` is a number.
const SECTION_COMPONENT_DIGITS: usize = 2;

/// A short section number such as `1.2` or `2.10.3`: components of one or two digits joined by
/// dots. In a comma-decimal document such a cell is a heading number, not a value.
pub(crate) fn is_section_number(numeral: &str) -> bool {
    let components: Vec<&str> = numeral.split('.').collect();
    components.len() >= 2
        && components
            .iter()
            .all(|c| (1..=SECTION_COMPONENT_DIGITS).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(numeral: &str, decimal: char) -> Option<String> {
        read_numeral(numeral, decimal).map(|n| n.value.to_string())
    }

    #[test]
    fn groups_must_be_valid() {
        assert_eq!(read("14.100.210.000", ','), Some("14100210000".into()));
        assert_eq!(read("14.100.210.000", '.'), None);
        assert_eq!(read("1.238", ','), Some("1238".into()));
        assert_eq!(read("1.238", '.'), Some("1.238".into()));
        assert_eq!(read("12.34", ','), None);
        assert_eq!(read("1234.567", ','), None);
        assert_eq!(read("0.238", ','), None);
        assert_eq!(read("1,23,45,678.00", '.'), Some("12345678.00".into()));
        assert_eq!(read("1,23", '.'), None);
        assert_eq!(read("1 234,5", ','), Some("1234.5".into()));
        assert_eq!(read("1 234,5", '.'), None);
        assert_eq!(read("1 234.567,5", ','), None);
        assert_eq!(read(",5", ','), Some("0.5".into()));
        assert_eq!(read(",", ','), None);
        assert_eq!(read("1,", ','), None);
        assert_eq!(read("", ','), None);
        assert!(read("1,234.5", '.').is_some());
        assert_eq!(read("99999999999999999999999999999999", '.'), None);
    }

    #[test]
    fn section_numbers() {
        assert!(is_section_number("1.2"));
        assert!(is_section_number("10.12.3"));
        assert!(!is_section_number("1.234"));
        assert!(!is_section_number("12"));
        assert!(!is_section_number("1..2"));
    }
}
