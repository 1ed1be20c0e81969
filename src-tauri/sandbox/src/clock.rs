//! Sandbox time: wall-clock milliseconds plus a test-settable offset, and ISO-8601 rendering.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch, shifted by `offset_ms` (the "advance clock" knob).
pub fn now_ms(offset_ms: i64) -> i64 {
    let wall = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0);
    wall.saturating_add(offset_ms)
}

/// `yyyy-MM-ddTHH:mm:ss.mmmZ`, the form of Genesys date-time fields ("yyyy-MM-ddTHH:mm:ss[.mmm]Z"
/// in platform-client-sdk-python build/PureCloudPlatformClientV2/models/token_info.py).
pub fn iso(ms: i64) -> String {
    let nanos = i128::from(ms) * 1_000_000;
    let dt = time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        dt.year(),
        u8::from(dt.month()),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second(),
        dt.millisecond()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_renders_milliseconds_and_z() {
        assert_eq!(iso(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso(1_700_000_000_123), "2023-11-14T22:13:20.123Z");
    }
}
