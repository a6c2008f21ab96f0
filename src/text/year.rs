//! Years: four digits in the range budget documents print (`2022`, `1995`), never an amount
//! when they stand alone.

use std::ops::RangeInclusive;

/// The years a budget document prints: earlier or later four-digit numbers are amounts or
/// codes. Wide enough for historical series and multi-year plans.
pub const YEAR_RANGE: RangeInclusive<u32> = 1900..=2100;

/// True for exactly four ASCII digits within [`YEAR_RANGE`] (`2024`; not `2101`, ` 2024`,
/// `02024`).
pub fn is_year_digits(digits: &str) -> bool {
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits.parse::<u32>().is_ok_and(|year| YEAR_RANGE.contains(&year))
}

#[cfg(test)]
mod tests {
    use super::is_year_digits;

    #[test]
    fn years() {
        assert!(is_year_digits("1900") && is_year_digits("2024") && is_year_digits("2100"));
        assert!(!is_year_digits("1899") && !is_year_digits("2101") && !is_year_digits("202"));
        assert!(!is_year_digits("+202") && !is_year_digits(" 2024") && !is_year_digits("20245"));
    }
}
