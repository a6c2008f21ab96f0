//! Exact decimals as PostgreSQL `numeric` in the binary protocol (binary `COPY`), encoded here
//! from [`Decimal`]: base-10000 digits with the weight of the first, the sign and the display
//! scale (the decimal's own scale, so `1.50` loads as `1.50`, and `numeric::text` prints what
//! the JSON prints).

use bytes::{BufMut, BytesMut};
use postgres::types::{IsNull, ToSql, Type};
use rust_decimal::Decimal;

const NUMERIC_POS: u16 = 0x0000;
const NUMERIC_NEG: u16 = 0x4000;

/// A decimal to send as `numeric`.
#[derive(Debug, Clone, Copy)]
pub struct PgNumeric(pub Decimal);

/// `(weight, sign, dscale, digits)` of the binary `numeric` of `d`.
pub fn numeric_parts(d: Decimal) -> (i16, u16, u16, Vec<i16>) {
    let scale = d.scale() as usize;
    let mut text = d.mantissa().unsigned_abs().to_string();
    if text.len() <= scale {
        text = format!("{}{text}", "0".repeat(scale + 1 - text.len()));
    }
    let (int_part, frac_part) = text.split_at(text.len() - scale);
    // Whole groups of four decimal digits, aligned on the decimal point.
    let int_padded = format!("{}{int_part}", "0".repeat((4 - int_part.len() % 4) % 4));
    let frac_padded = format!("{frac_part}{}", "0".repeat((4 - frac_part.len() % 4) % 4));
    let group = |s: &str| s.as_bytes().chunks(4).map(|c| c.iter().fold(0i16, |acc, b| acc * 10 + i16::from(b - b'0'))).collect::<Vec<_>>();
    let mut digits = group(&int_padded);
    let mut weight = digits.len() as i16 - 1;
    digits.extend(group(&frac_padded));
    while digits.first() == Some(&0) {
        digits.remove(0);
        weight -= 1;
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    if digits.is_empty() {
        // Zero: no digits, weight 0, positive, whatever the sign of the decimal.
        return (0, NUMERIC_POS, scale as u16, digits);
    }
    let sign = if d.is_sign_negative() { NUMERIC_NEG } else { NUMERIC_POS };
    (weight, sign, scale as u16, digits)
}

impl ToSql for PgNumeric {
    fn to_sql(&self, _ty: &Type, out: &mut BytesMut) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        let (weight, sign, dscale, digits) = numeric_parts(self.0);
        out.put_i16(digits.len() as i16);
        out.put_i16(weight);
        out.put_u16(sign);
        out.put_u16(dscale);
        for d in digits {
            out.put_i16(d);
        }
        Ok(IsNull::No)
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::NUMERIC
    }

    fn to_sql_checked(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        if !Self::accepts(ty) {
            return Err(format!("a decimal is sent as numeric, not {ty}").into());
        }
        self.to_sql(ty, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn parts(s: &str) -> (i16, u16, u16, Vec<i16>) {
        numeric_parts(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn base_10000_digits_weight_sign_and_scale() {
        assert_eq!(parts("0"), (0, NUMERIC_POS, 0, vec![]));
        assert_eq!(parts("0.00"), (0, NUMERIC_POS, 2, vec![]));
        assert_eq!(parts("-0.0"), (0, NUMERIC_POS, 1, vec![]));
        assert_eq!(parts("1"), (0, NUMERIC_POS, 0, vec![1]));
        assert_eq!(parts("100"), (0, NUMERIC_POS, 0, vec![100]));
        assert_eq!(parts("10000"), (1, NUMERIC_POS, 0, vec![1]));
        assert_eq!(parts("123456789"), (2, NUMERIC_POS, 0, vec![1, 2345, 6789]));
        assert_eq!(parts("1.50"), (0, NUMERIC_POS, 2, vec![1, 5000]));
        assert_eq!(parts("-12345.678"), (1, NUMERIC_NEG, 3, vec![1, 2345, 6780]));
        assert_eq!(parts("0.0001"), (-1, NUMERIC_POS, 4, vec![1]));
        assert_eq!(parts("0.00001"), (-2, NUMERIC_POS, 5, vec![1000]));
        assert_eq!(parts("20000.0002"), (1, NUMERIC_POS, 4, vec![2, 0, 2]));
        assert_eq!(parts("79228162514264337593543950335"), (7, NUMERIC_POS, 0, vec![7, 9228, 1625, 1426, 4337, 5935, 4395, 335]));
    }
}
