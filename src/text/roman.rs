//! Roman numerals (`I`, `IV`, `XIV`, `iv`), as row markers and ordinals.

/// The Roman numerals recognised: row markers of budget tables stay far below 90 (`LXXXIX`).
const ROMAN_VALUES: std::ops::RangeInclusive<i32> = 1..=89;

/// The longest canonical numeral in [`ROMAN_VALUES`] (`LXXXVIII`), in characters.
const LONGEST_ROMAN: usize = 8;

/// A canonical Roman numeral up to 89 in one case (`I`, `IV`, `XIV`, `iv`).
pub fn is_roman_numeral(text: &str) -> bool {
    let upper = text.to_ascii_uppercase();
    let one_case = text == upper || text == text.to_ascii_lowercase();
    if text.is_empty() || text.len() > LONGEST_ROMAN || !one_case || !upper.chars().all(|c| "IVXL".contains(c))
    {
        return false;
    }
    let digit_value = |c: char| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        _ => 50,
    };
    let values: Vec<i32> = upper.chars().map(digit_value).collect();
    let mut total = 0;
    for (index, value) in values.iter().enumerate() {
        match values.get(index + 1) {
            Some(next) if next > value => total -= value,
            _ => total += value,
        }
    }
    ROMAN_VALUES.contains(&total) && to_roman(total) == upper
}

fn to_roman(mut value: i32) -> String {
    const TABLE: [(i32, &str); 7] = [
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut roman = String::new();
    for (amount, letters) in TABLE {
        while value >= amount {
            roman.push_str(letters);
            value -= amount;
        }
    }
    roman
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        for ok in [
            "I", "II", "III", "IV", "V", "IX", "XIV", "XL", "LXXXIX", "iv", "xii",
        ] {
            assert!(is_roman_numeral(ok), "{ok}");
        }
        for bad in ["", "IIII", "VV", "IL", "Iv", "IC", "ABC", "XXXX"] {
            assert!(!is_roman_numeral(bad), "{bad}");
        }
    }
}
