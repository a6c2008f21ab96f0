//! When to try again: exponential backoff with jitter, or the server's `Retry-After`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The wait before retry number `attempt` (0 for the first retry): `base · 2^attempt`, the
/// upper half of it drawn at random ("equal jitter", so that workers that failed together do
/// not retry together), capped at `cap`. A `Retry-After` from the server wins (also capped).
pub fn delay(attempt: u32, base: Duration, cap: Duration, retry_after: Option<Duration>) -> Duration {
    if let Some(d) = retry_after {
        return d.min(cap);
    }
    let full = base.saturating_mul(1u32 << attempt.min(16)).min(cap);
    let half = full / 2;
    half + half.mul_f64(fastrand::f64())
}

/// A `Retry-After` value: delay-seconds, or an HTTP date (IMF-fixdate, `Sun, 06 Nov 1994
/// 08:49:37 GMT`) turned into the time from `now` (zero when past).
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = parse_imf_fixdate(v)?;
    let now = now.duration_since(UNIX_EPOCH).ok()?.as_secs();
    Some(Duration::from_secs(at.saturating_sub(now)))
}

/// Seconds since the epoch of an IMF-fixdate.
fn parse_imf_fixdate(v: &str) -> Option<u64> {
    let mut parts = v.split_whitespace();
    let _weekday = parts.next()?;
    let day: u64 = parts.next()?.parse().ok()?;
    let month_name = parts.next()?;
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = months.iter().position(|m| m.eq_ignore_ascii_case(month_name))? as u64 + 1;
    let year: i64 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':').map(|x| x.parse::<u64>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if parts.next()? != "GMT" || !(1..=31).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    u64::try_from(days).ok().map(|d| d * 86_400 + h * 3600 + m * 60 + s)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u64, d: u64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = UNIX_EPOCH + Duration::from_secs(784_111_770); // 1994-11-06 08:49:30 GMT
        assert_eq!(parse_retry_after("120", now), Some(Duration::from_secs(120)));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now), Some(Duration::from_secs(7)));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:00 GMT", now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:37 PST", now), None);
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let (base, cap) = (Duration::from_millis(100), Duration::from_secs(1));
        for attempt in 0..3 {
            let full = base * (1 << attempt);
            let d = delay(attempt, base, cap, None);
            assert!(d >= full / 2 && d <= full, "{attempt}: {d:?}");
        }
        assert!(delay(10, base, cap, None) <= cap);
        assert_eq!(delay(0, base, cap, Some(Duration::from_secs(3))), cap);
        assert_eq!(delay(0, base, cap, Some(Duration::from_millis(300))), Duration::from_millis(300));
    }
}
