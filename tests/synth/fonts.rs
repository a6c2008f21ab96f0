//! Font metrics: advance widths (in em) of a Helvetica-like sans, a Times-like serif and a
//! SimSun-like CJK face, from the standard AFM tables for ASCII. Letters with diacritics take
//! their base letter's width; CJK ideographs and full-width forms are one em.

use unicode_normalization::UnicodeNormalization;

/// The face a text run is set in (its Latin widths; ideographs are one em in both).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// Helvetica / Arial widths.
    Sans,
    /// Times widths.
    Serif,
}

impl Face {
    /// Dimension value.
    pub fn dim(self) -> &'static str {
        match self {
            Face::Sans => "sans",
            Face::Serif => "serif",
        }
    }

    /// PostScript name for glyphs and PDF fonts (`cjk`: the text is Chinese).
    pub fn name(self, bold: bool, cjk: bool) -> &'static str {
        match (self, bold, cjk) {
            (Face::Sans, false, false) => "Helvetica",
            (Face::Sans, true, false) => "Helvetica-Bold",
            (Face::Serif, false, false) => "Times-Roman",
            (Face::Serif, true, false) => "Times-Bold",
            (Face::Sans, _, true) => "SimHei",
            (Face::Serif, _, true) => "SimSun",
        }
    }
}

const HELV_UPPER: [u16; 26] = [
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
    611, 722, 667, 944, 667, 667, 611,
];
const HELV_LOWER: [u16; 26] = [
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
    278, 556, 500, 722, 500, 500, 500,
];
const TIMES_UPPER: [u16; 26] = [
    722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
    611, 722, 722, 944, 722, 722, 611,
];
const TIMES_LOWER: [u16; 26] = [
    444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
    278, 500, 500, 722, 500, 500, 444,
];

/// True for characters set one em wide in CJK text (ideographs, kana, full-width forms and
/// CJK punctuation).
pub fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// Advance width of one character in em.
pub fn advance(face: Face, c: char) -> f64 {
    if is_wide(c) {
        return 1.0;
    }
    let base = match c {
        'Đ' => 'D',
        'đ' => 'd',
        _ => c.to_string().nfd().next().unwrap_or(c),
    };
    let serif = face == Face::Serif;
    let w: u16 = match base {
        'A'..='Z' => (if serif { TIMES_UPPER } else { HELV_UPPER })[(base as u8 - b'A') as usize],
        'a'..='z' => (if serif { TIMES_LOWER } else { HELV_LOWER })[(base as u8 - b'a') as usize],
        '0'..='9' => {
            if serif {
                500
            } else {
                556
            }
        }
        ' ' | '\u{A0}' => {
            if serif {
                250
            } else {
                278
            }
        }
        '\u{2009}' => 167,
        '.' | ',' => {
            if serif {
                250
            } else {
                278
            }
        }
        ':' | ';' => 278,
        '-' | '(' | ')' => 333,
        '\u{2212}' => 584,
        '–' => 556,
        '%' => 889,
        '/' => 278,
        '=' | '+' | '≥' | '≤' => 584,
        _ => {
            if serif {
                500
            } else {
                556
            }
        }
    };
    w as f64 / 1000.0
}

/// Width of a string in points at `size`.
pub fn text_width(face: Face, size: f64, s: &str) -> f64 {
    s.chars().map(|c| advance(face, c)).sum::<f64>() * size
}
