//! Unit tests of `ruling`.

use super::*;

#[test]
fn segment_orientation() {
    let h = Ruling::from_segment(10.0, 5.0, 100.0, 5.2).unwrap();
    assert_eq!(h.orientation, Orientation::Horizontal);
    assert!((h.pos - 5.1).abs() < 1e-9);
    let v = Ruling::from_segment(3.0, 90.0, 3.0, 10.0).unwrap();
    assert_eq!(v.orientation, Orientation::Vertical);
    assert_eq!((v.start, v.end), (10.0, 90.0));
    assert!(Ruling::from_segment(0.0, 0.0, 50.0, 50.0).is_none(), "diagonal is not a ruling");
    assert!(Ruling::from_segment(1.0, 1.0, 1.2, 1.1).is_none(), "a dot is not a ruling");
}

#[test]
fn merges_touching_collinear_segments() {
    let rs = vec![
        Ruling::from_segment(0.0, 10.0, 50.0, 10.0).unwrap(),
        Ruling::from_segment(50.0, 10.2, 120.0, 10.2).unwrap(),
        Ruling::from_segment(200.0, 10.0, 250.0, 10.0).unwrap(),
        Ruling::from_segment(0.0, 40.0, 50.0, 40.0).unwrap(),
    ];
    let m = merge_rulings(rs, 1.0);
    assert_eq!(m.len(), 3);
    assert_eq!((m[0].start, m[0].end), (0.0, 120.0));
    assert_eq!((m[1].start, m[1].end), (200.0, 250.0));
    assert_eq!(m[2].pos, 40.0);
}
