//! How the parts of a request the caller gives are encoded: an id as exactly one path segment,
//! a body as JSON.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;

use crate::error::{Error, Result};

/// Kept as is in a path segment: letters, digits, `-`, `_`, `~` (so UUIDs read as sent).
/// `.` is encoded too, so an id can never be `.` or `..`.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'~');

/// A path segment for an id the caller gives (never lets it add `/`, `?` or `..`).
pub(crate) fn segment(id: &str) -> String {
    utf8_percent_encode(id, SEGMENT).to_string()
}

/// `body` as JSON; a value serde cannot write is refused as input (field `body`) before any
/// request is sent.
pub(crate) fn json_body<B: Serialize + ?Sized>(body: &B) -> Result<Vec<u8>> {
    serde_json::to_vec(body).map_err(|e| Error::InvalidInput {
        field: "body",
        reason: format!("not serializable as JSON ({:?})", e.classify()),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_stay_one_readable_path_segment() {
        let uuid = "7d1c0a5e-1006-4b6e-9c2f-a11ce0000006";
        assert_eq!(super::segment(uuid), uuid);
        assert_eq!(super::segment("../x?y#z/"), "%2E%2E%2Fx%3Fy%23z%2F");
    }
}
