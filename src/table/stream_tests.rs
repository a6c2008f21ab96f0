//! Unit tests of `stream`.

use crate::text::is_numeric_token;

#[test]
fn money_amounts_count_as_numbers() {
    assert!(is_numeric_token("$9,600"));
    assert!(is_numeric_token("$1.1M"));
    assert!(is_numeric_token("12.5%"));
    assert!(!is_numeric_token("$"));
    assert!(!is_numeric_token("FY2010"));
}
