//! The run id and the marker every object of a guided-setup run carries, so that a lost answer
//! or a killed process can be reconciled by looking the object up instead of creating it twice.

use crate::error::{Error, Result};

/// The prefix of every marker; the run id follows it.
pub const MARKER_PREFIX: &str = "dip-studio-run:";

/// Hex characters in a run id (64 random bits).
pub const RUN_ID_LEN: usize = 16;

/// A fresh run id: 16 lowercase hex characters from the OS random source.
pub fn new_run_id() -> Result<String> {
    let mut bytes = [0u8; RUN_ID_LEN / 2];
    getrandom::fill(&mut bytes)
        .map_err(|_| Error::Unexpected("the OS random source failed".to_owned()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether `id` looks like a run id this module made (it names journal files).
pub fn is_run_id(id: &str) -> bool {
    id.len() == RUN_ID_LEN && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The marker of run `run_id`, e.g. `dip-studio-run:1a2b3c4d5e6f7a8b`.
pub fn marker(run_id: &str) -> String {
    format!("{MARKER_PREFIX}{run_id}")
}

/// A name carrying the marker: `Genesys Cloud Data Actions [dip-studio-run:…]`. Credentials have
/// no description or notes field and `CreateIntegrationRequest` has only `name` (platform-client-sdk-python build/PureCloudPlatformClientV2/models/
/// create_integration_request.py), so for those two the name is the only place a marker survives a lost answer.
pub fn marked_name(name: &str, run_id: &str) -> String {
    format!("{name} [{}]", marker(run_id))
}

/// A client description carrying the marker after what the user wrote.
pub fn marked_description(description: &str, run_id: &str) -> String {
    let marker = marker(run_id);
    if description.trim().is_empty() {
        marker
    } else {
        format!("{} {marker}", description.trim())
    }
}

/// Whether `text` (a name or description) carries the marker of `run_id`. The match is on the
/// whole marker token, so run ids that share a prefix never match each other.
pub fn carries(text: &str, run_id: &str) -> bool {
    let marker = marker(run_id);
    text.match_indices(&marker).any(|(at, _)| {
        let next = text[at + marker.len()..].chars().next();
        !next.is_some_and(|c| c.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_ids_are_hex_and_markers_match_only_their_run() {
        let id = new_run_id().expect("random");
        assert!(is_run_id(&id), "{id}");
        assert_ne!(id, new_run_id().expect("random"));
        let name = marked_name("Genesys Cloud Data Actions", &id);
        assert!(carries(&name, &id));
        assert!(!carries(&name, &id[..15]), "a prefix is another run");
        assert!(!carries(
            &marked_name("x", "0123456789abcdef"),
            "0123456789abcde"
        ));
        assert!(carries(&marked_description("", &id), &id));
        assert_eq!(marked_description("  ", &id), marker(&id));
        assert!(marked_description("Workshop", &id).starts_with("Workshop dip-studio-run:"));
        for bad in [
            "",
            "0123456789ABCDEF",
            "0123456789abcde",
            "../../etc/passwd",
        ] {
            assert!(!is_run_id(bad), "{bad}");
        }
    }
}
