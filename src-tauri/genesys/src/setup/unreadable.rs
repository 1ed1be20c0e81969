//! Journals that cannot be read (security-matrix.md D3) are reported, never taken as empty; this moves one
//! aside when the user asks, so it stops being offered: it is renamed in its own folder to
//! `<name>.unreadable-<UTC time>.json` (kept for support, skipped by [`super::unfinished`]).

use std::fs;
use std::path::Path;

use time::OffsetDateTime;

use super::journal::{parse, run_id_of, storage};
use crate::error::{Error, Result};

/// Renames the unreadable journal `file_name` (a bare file name, no folder) in `dir`; returns
/// the new name. Refused: any other name, a missing file, and a journal that reads fine (a
/// run the user can still resume or roll back is never hidden this way).
pub fn set_aside(dir: &Path, file_name: &str) -> Result<String> {
    let invalid = |reason: &str| Error::InvalidInput {
        field: "fileName",
        reason: reason.to_owned(),
    };
    let run_id = run_id_of(file_name).ok_or_else(|| invalid("not a setup journal file name"))?;
    let path = dir.join(file_name);
    let bytes = fs::read(&path).map_err(|e| storage("reading the journal", &e))?;
    if parse(&bytes, run_id, file_name).is_ok() {
        return Err(invalid(
            "this journal can be read; resume or roll back its run",
        ));
    }
    // Basic ISO 8601 (no colons: Windows file names cannot hold them).
    let t = OffsetDateTime::now_utc();
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    );
    let stem = file_name.trim_end_matches(".json");
    let new_name = format!("{stem}.unreadable-{stamp}.json");
    fs::rename(&path, dir.join(&new_name)).map_err(|e| storage("setting the journal aside", &e))?;
    Ok(new_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_journal_name_in_the_folder_is_accepted() {
        assert_eq!(
            run_id_of("setup-run-0123456789abcdef.json"),
            Some("0123456789abcdef")
        );
        for bad in [
            "../setup-run-0123456789abcdef.json",
            "x/setup-run-0123456789abcdef.json",
            "setup-run-0123456789abcdef.json.unreadable-20260101T000000Z.json",
            "setup-run-..json",
            "settings.json",
            "",
        ] {
            assert_eq!(run_id_of(bad), None, "{bad}");
        }
    }
}
