//! When to try an answered-429 request again: `Retry-After` in seconds or as an HTTP-date,
//! capped at two minutes, else exponential backoff (genesys-api.md §3.3, matrix C4/C5).

use std::time::{Duration, SystemTime};

/// The longest the client waits before one retry, whatever `Retry-After` says.
pub const MAX_WAIT: Duration = Duration::from_secs(120);
/// Attempts per request, the first one included.
pub const MAX_ATTEMPTS: u32 = 5;

/// How long `Retry-After: value` asks to wait at `now`, capped at [`MAX_WAIT`]; `None` if the
/// value is neither seconds nor an HTTP-date.
pub fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    let wait = match value.parse::<u64>() {
        Ok(seconds) => Duration::from_secs(seconds),
        Err(_) => {
            let at = httpdate::parse_http_date(value).ok()?;
            at.duration_since(now).unwrap_or(Duration::ZERO)
        }
    };
    Some(wait.min(MAX_WAIT))
}

/// Backoff when no usable `Retry-After` came: 1, 2, 4, 8 s... (never under a second, so no
/// tight loop), at most 30 s.
pub fn backoff(attempt: u32) -> Duration {
    let exponent = attempt.saturating_sub(1).min(5);
    Duration::from_secs(1u64 << exponent).min(Duration::from_secs(30))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_and_http_dates_are_honoured_and_capped() {
        let now = httpdate::parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT").expect("date");
        assert_eq!(retry_after("7", now), Some(Duration::from_secs(7)));
        assert_eq!(retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(retry_after("99999", now), Some(MAX_WAIT), "capped at 120 s");
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:09 GMT", now),
            Some(Duration::from_secs(9))
        );
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now),
            Some(Duration::ZERO),
            "a date in the past means now"
        );
        assert_eq!(
            retry_after("Thu, 22 Oct 2015 07:28:00 GMT", now),
            Some(MAX_WAIT)
        );
        for junk in ["", "-1", "1.5", "soon", "<html>"] {
            assert_eq!(retry_after(junk, now), None, "{junk:?}");
        }
    }

    #[test]
    fn backoff_grows_from_one_second_to_thirty() {
        let waits: Vec<u64> = (1..=8).map(|a| backoff(a).as_secs()).collect();
        assert_eq!(waits, [1, 2, 4, 8, 16, 30, 30, 30]);
        assert_eq!(backoff(0), Duration::from_secs(1));
    }
}
