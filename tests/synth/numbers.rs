//! Number formats: how an exact amount (integer minor units) is printed in a layout's
//! locale, and the decimal string the truth records for it.

/// Group and decimal separators of one printed number format.
#[derive(Debug, Clone, Copy)]
pub struct NumFormat {
    /// Dimension value (`vi`, `zh`, `en`, `fr-space`, …).
    pub name: &'static str,
    /// Thousands separator, if the format groups digits.
    pub group: Option<char>,
    /// Decimal separator.
    pub decimal: char,
}

/// Every format the generator prints: vi/de dot groups and comma decimals, zh plain with dot
/// decimals, en comma groups, fr/de space, no-break space and thin-space groups.
pub const FORMATS: [NumFormat; 6] = [
    NumFormat {
        name: "vi",
        group: Some('.'),
        decimal: ',',
    },
    NumFormat {
        name: "zh",
        group: None,
        decimal: '.',
    },
    NumFormat {
        name: "en",
        group: Some(','),
        decimal: '.',
    },
    NumFormat {
        name: "fr-space",
        group: Some(' '),
        decimal: ',',
    },
    NumFormat {
        name: "fr-nbsp",
        group: Some('\u{A0}'),
        decimal: ',',
    },
    NumFormat {
        name: "fr-thin",
        group: Some('\u{2009}'),
        decimal: ',',
    },
];

/// How a negative amount is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NegStyle {
    /// `-1.234`
    Minus,
    /// `1.234-`
    Trailing,
    /// `(1.234)`
    Parens,
    /// `−1.234` (U+2212)
    Unicode,
}

impl NegStyle {
    /// Dimension value.
    pub fn name(self) -> &'static str {
        match self {
            NegStyle::Minus => "minus",
            NegStyle::Trailing => "trailing",
            NegStyle::Parens => "parens",
            NegStyle::Unicode => "unicode",
        }
    }
}

/// How a zero amount is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZeroStyle {
    /// Nothing: the cell is blank (and has no value in the truth).
    Blank,
    /// A lone `-` (value 0).
    Dash,
    /// The number 0 in the format.
    Digit,
}

impl ZeroStyle {
    /// Dimension value.
    pub fn name(self) -> &'static str {
        match self {
            ZeroStyle::Blank => "blank",
            ZeroStyle::Dash => "dash",
            ZeroStyle::Digit => "digit",
        }
    }
}

/// A printed amount: the cell text and the exact value string (None for a blank cell).
#[derive(Debug, Clone, PartialEq)]
pub struct Printed {
    /// What is drawn.
    pub text: String,
    /// Decimal string as the truth records it (`"-300000000"`, `"24461.00"`).
    pub value: Option<String>,
}

fn digits_grouped(int: u128, group: Option<char>) -> String {
    let s = int.to_string();
    let Some(g) = group else { return s };
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(g);
        }
        out.push(ch);
    }
    out
}

/// Print `v` minor units with `decimals` decimals in format `f`.
pub fn print(v: i128, decimals: u32, f: &NumFormat, neg: NegStyle, zero: ZeroStyle) -> Printed {
    if v == 0 {
        match zero {
            ZeroStyle::Blank => {
                return Printed {
                    text: String::new(),
                    value: None,
                };
            }
            ZeroStyle::Dash => {
                return Printed {
                    text: "-".into(),
                    value: Some("0".into()),
                };
            }
            ZeroStyle::Digit => {}
        }
    }
    let scale = 10u128.pow(decimals);
    let (int, frac) = (v.unsigned_abs() / scale, v.unsigned_abs() % scale);
    let mut body = digits_grouped(int, f.group);
    let mut plain = int.to_string();
    if decimals > 0 {
        let fs = format!("{frac:0width$}", width = decimals as usize);
        body.push(f.decimal);
        body.push_str(&fs);
        plain.push('.');
        plain.push_str(&fs);
    }
    let text = if v < 0 {
        match neg {
            NegStyle::Minus => format!("-{body}"),
            NegStyle::Trailing => format!("{body}-"),
            NegStyle::Parens => format!("({body})"),
            NegStyle::Unicode => format!("\u{2212}{body}"),
        }
    } else {
        body
    };
    let value = if v < 0 { format!("-{plain}") } else { plain };
    Printed {
        text,
        value: Some(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_print_as_documents_do() {
        let vi = &FORMATS[0];
        assert_eq!(
            print(1_410_021_000_000, 0, vi, NegStyle::Minus, ZeroStyle::Dash).text,
            "1.410.021.000.000"
        );
        assert_eq!(
            print(142_400, 2, vi, NegStyle::Minus, ZeroStyle::Dash).text,
            "1.424,00"
        );
        assert_eq!(
            print(-30_000, 0, vi, NegStyle::Parens, ZeroStyle::Dash).text,
            "(30.000)"
        );
        assert_eq!(
            print(-30_000, 0, vi, NegStyle::Parens, ZeroStyle::Dash)
                .value
                .as_deref(),
            Some("-30000")
        );
        assert_eq!(
            print(649_030, 2, &FORMATS[1], NegStyle::Minus, ZeroStyle::Dash).text,
            "6490.30"
        );
        assert_eq!(
            print(0, 2, &FORMATS[1], NegStyle::Minus, ZeroStyle::Dash)
                .value
                .as_deref(),
            Some("0")
        );
        assert_eq!(
            print(
                123_450,
                2,
                &FORMATS[2],
                NegStyle::Trailing,
                ZeroStyle::Blank
            )
            .text,
            "1,234.50"
        );
    }
}
