//! Exact decimals as Parquet `DECIMAL(38,10)`: the unscaled integer at scale 10, stored as a
//! 16-byte big-endian two's-complement `FIXED_LEN_BYTE_ARRAY`. A value that would need more
//! than 10 places after the point or more than 38 digits is refused, never rounded.

use crate::error::{Error, Result};
use rust_decimal::Decimal;

/// Digits after the decimal point of every Parquet decimal column.
pub const SCALE: u32 = 10;
/// Total digits of every Parquet decimal column.
pub const PRECISION: u32 = 38;

/// `d` as its unscaled integer at [`SCALE`] (`1.5` → `15_000_000_000`), or `sink_rejected`
/// when that cannot be done exactly within [`PRECISION`] digits.
pub fn unscaled(d: Decimal) -> Result<i128> {
    let mantissa = d.mantissa();
    let scale = d.scale();
    let value = if scale <= SCALE {
        10i128.checked_pow(SCALE - scale).and_then(|f| mantissa.checked_mul(f))
    } else {
        let f = 10i128.pow(scale - SCALE);
        (mantissa % f == 0).then(|| mantissa / f)
    };
    let limit = 10i128.pow(PRECISION);
    match value {
        Some(v) if v.abs() < limit => Ok(v),
        _ => Err(Error::SinkRejected(format!(
            "value {d} does not fit DECIMAL({PRECISION},{SCALE}) exactly (at most {SCALE} places after the point and {} before it)",
            PRECISION - SCALE
        ))),
    }
}

/// The 16 bytes Parquet stores for `d`.
pub fn fixed_bytes(d: Decimal) -> Result<[u8; 16]> {
    Ok(unscaled(d)?.to_be_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn values_keep_every_digit_at_scale_ten() {
        assert_eq!(unscaled(dec("0")).unwrap(), 0);
        assert_eq!(unscaled(dec("1.5")).unwrap(), 15_000_000_000);
        assert_eq!(unscaled(dec("-12345678.9")).unwrap(), -123_456_789_000_000_000);
        assert_eq!(unscaled(dec("0.0000000001")).unwrap(), 1);
        // Trailing zeros past the tenth place are no precision: 2.500000000000 is 2.5.
        assert_eq!(unscaled(dec("2.500000000000")).unwrap(), 25_000_000_000);
        assert_eq!(fixed_bytes(dec("-1")).unwrap(), (-10_000_000_000i128).to_be_bytes());
    }

    #[test]
    fn values_that_would_round_are_refused() {
        let e = unscaled(dec("0.00000000001")).unwrap_err();
        assert_eq!(e.code(), "sink_rejected");
        // 29 digits before the point do not fit 38 - 10; 28 do.
        assert_eq!(unscaled(Decimal::MAX).unwrap_err().code(), "sink_rejected");
        assert_eq!(unscaled(Decimal::MIN).unwrap_err().code(), "sink_rejected");
        assert_eq!(unscaled(dec("9999999999999999999999999999")).unwrap(), 9_999_999_999_999_999_999_999_999_999i128 * 10_000_000_000);
    }
}
