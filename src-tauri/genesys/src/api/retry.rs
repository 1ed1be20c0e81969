//! When and how long to wait before trying a request again (security-matrix.md C1, C4, C5, C6, and its HTTP numbers):
//! the [`RetryPolicy`], `Retry-After` in seconds or as an HTTP-date, jittered backoff, the
//! pause before re-reading a configuration whose version moved, and reading again something
//! just created while it answers 404.

use std::future::Future;
use std::time::{Duration, SystemTime};

use super::Client;
use crate::error::{Error, Result};

/// The longest the client waits before one retry, whatever `Retry-After` says.
pub const MAX_WAIT: Duration = Duration::from_secs(120);
/// Attempts per request, the first one included.
pub const MAX_ATTEMPTS: u32 = 5;
/// The longest a request waits in all on 429s that say how long to wait (`Retry-After`):
/// those waits count against this time, not against the attempts, so an org throttling for
/// two minutes pauses a request instead of failing it (security-matrix.md G4).
pub const MAX_THROTTLED: Duration = Duration::from_secs(180);
/// Terraform's step between tries of a version-conflicted write (terraform-provider-genesyscloud
/// genesyscloud/util/util_retries.go, `RetryWhen`: `Retry-After` if given, else `(i+1)·500 ms`).
pub const CONFLICT_STEP: Duration = Duration::from_millis(500);

/// How the client retries idempotent requests (GET, PUT, PATCH, DELETE) on 5xx, timeouts,
/// connection errors and 429. A POST is never retried by the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts per request, the first one included (1 = never retry).
    pub max_attempts: u32,
    /// The first backoff; each next one doubles, never under `base`.
    pub base: Duration,
    /// The longest backoff.
    pub max: Duration,
    /// The longest wait a `Retry-After` may ask for.
    pub max_retry_after: Duration,
    /// After the `n`-th version conflict (0-based) without `Retry-After`, the re-read waits
    /// `(n + 1) · conflict_step`: 500 ms, as Terraform's `RetryWhen` does.
    pub conflict_step: Duration,
    /// The longest wait in all on 429s with a `Retry-After`; those do not use up attempts.
    pub max_throttled: Duration,
}

impl Default for RetryPolicy {
    /// 5 attempts, backoff 1 → 30 s, `Retry-After` capped at 120 s and 180 s in all,
    /// conflicts 0.5 s more each.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: MAX_ATTEMPTS,
            base: Duration::from_secs(1),
            max: Duration::from_secs(30),
            max_retry_after: MAX_WAIT,
            conflict_step: CONFLICT_STEP,
            max_throttled: MAX_THROTTLED,
        }
    }
}

impl RetryPolicy {
    /// The backoff after failed attempt `attempt` (1-based), for `unit` in `[0, 1)`: "equal
    /// jitter" between half and all of `base · 2^(attempt-1)` (capped at `max`), never under
    /// `base`, so there is no tight loop (C5) and clients do not retry in lockstep.
    pub fn backoff(&self, attempt: u32, unit: f64) -> Duration {
        let exponent = attempt.saturating_sub(1).min(20);
        let full = self
            .base
            .saturating_mul(1u32 << exponent)
            .min(self.max.max(self.base));
        let unit = if unit.is_finite() {
            unit.clamp(0.0, 1.0)
        } else {
            0.0
        };
        (full / 2 + (full / 2).mul_f64(unit)).max(self.base)
    }

    /// [`RetryPolicy::backoff`] with fresh randomness.
    pub fn jittered_backoff(&self, attempt: u32) -> Duration {
        self.backoff(attempt, random_unit())
    }

    /// How long `Retry-After: value` asks to wait at `now`, capped at `max_retry_after`.
    pub fn retry_after(&self, value: &str, now: SystemTime) -> Option<Duration> {
        retry_after(value, now).map(|w| w.min(self.max_retry_after))
    }

    /// The pause before re-reading after version conflict number `index` (0-based): the
    /// answer's `Retry-After` (capped) when it has a usable one, else `(index + 1) ·
    /// conflict_step`.
    pub fn conflict_pause(
        &self,
        index: u32,
        retry_after: Option<&str>,
        now: SystemTime,
    ) -> Duration {
        retry_after
            .and_then(|v| self.retry_after(v, now))
            .unwrap_or_else(|| self.conflict_step.saturating_mul(index.saturating_add(1)))
    }
}

impl Client {
    /// `read` again while it answers 404, for at most `read_after_create_within`, pausing
    /// with the retry backoff: a read of something this app has just created. Genesys is
    /// eventually consistent, and Terraform retries a read that answers 404 for this reason
    /// (terraform-provider-genesyscloud genesyscloud/util/util_retries.go,
    /// `WithRetriesForRead` with `IsStatus404`). A 404 left at the end is returned.
    pub async fn after_create<T, F, Fut>(&self, mut read: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let deadline = tokio::time::Instant::now() + self.read_after_create_within();
        let mut attempt = 1;
        loop {
            match read().await {
                Err(Error::Api { status: 404, .. }) if tokio::time::Instant::now() < deadline => {
                    let pause = self.retry_policy().jittered_backoff(attempt);
                    let left = deadline - tokio::time::Instant::now();
                    log::debug!("not readable yet after its create (404); again in {pause:?}");
                    tokio::time::sleep(pause.min(left)).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }
}

/// A uniform number in `[0, 1)` from the OS randomness (0 if it is unavailable: the backoff
/// then still grows, only without jitter).
fn random_unit() -> f64 {
    let bits = getrandom::u64().unwrap_or(0) >> 11;
    bits as f64 / (1u64 << 53) as f64
}

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
        let short = RetryPolicy {
            max_retry_after: Duration::from_secs(3),
            ..RetryPolicy::default()
        };
        assert_eq!(short.retry_after("7", now), Some(Duration::from_secs(3)));
    }

    #[test]
    fn conflicts_wait_for_retry_after_or_half_a_second_more_each_time() {
        let policy = RetryPolicy::default();
        let now = SystemTime::UNIX_EPOCH;
        let waits: Vec<u128> = (0..4)
            .map(|i| policy.conflict_pause(i, None, now).as_millis())
            .collect();
        assert_eq!(waits, [500, 1000, 1500, 2000]);
        assert_eq!(
            policy.conflict_pause(3, Some("2"), now),
            Duration::from_secs(2)
        );
        assert_eq!(
            policy.conflict_pause(1, Some("soon"), now),
            Duration::from_secs(1),
            "an unusable Retry-After is ignored"
        );
        assert_eq!(policy.conflict_pause(0, Some("9999"), now), MAX_WAIT);
    }

    #[test]
    fn backoff_grows_from_one_second_to_thirty_with_jitter_inside_each_step() {
        let policy = RetryPolicy::default();
        let low: Vec<u64> = (1..=8)
            .map(|a| policy.backoff(a, 0.0).as_millis() as u64)
            .collect();
        let high: Vec<u64> = (1..=8)
            .map(|a| policy.backoff(a, 1.0).as_millis() as u64)
            .collect();
        assert_eq!(low, [1000, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
        assert_eq!(high, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
        assert_eq!(policy.backoff(0, 0.0), Duration::from_secs(1));
        assert_eq!(policy.backoff(3, f64::NAN), Duration::from_secs(2));
        for attempt in 1..=6 {
            let wait = policy.jittered_backoff(attempt);
            assert!(
                wait >= policy.backoff(attempt, 0.0) && wait <= policy.backoff(attempt, 1.0),
                "attempt {attempt}: {wait:?}"
            );
        }
    }
}
