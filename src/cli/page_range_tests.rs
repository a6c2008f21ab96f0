//! Unit tests of `page_range`.

use super::*;

#[test]
fn parses_ranges() {
    let p = PageSelection::parse("1-3,7").unwrap();
    assert!(p.contains(1) && p.contains(3) && p.contains(7));
    assert!(!p.contains(4) && !p.contains(8));
    assert!(PageSelection::parse("5-").unwrap().contains(500));
    assert!(PageSelection::parse("0").is_err());
    assert!(PageSelection::parse("3-1").is_err());
    assert!(PageSelection::parse("a").is_err());
}
