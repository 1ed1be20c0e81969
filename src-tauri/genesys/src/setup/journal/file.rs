//! The journal on disk: one `setup-run-<run id>.json` per run in a folder the caller gives (the
//! app data directory), rewritten temp → fsync → rename → fsync(dir) after every change so a
//! kill leaves the old or the new journal, never a mix; read back only as a journal of this
//! format for that run (security-matrix.md D3).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{now, FoundJournal, Journal, JOURNAL_FORMAT};
use crate::error::{Error, Result};
use crate::setup::marker::{is_run_id, marker, new_run_id};

/// Journal file names: `setup-run-<run id>.json`.
const PREFIX: &str = "setup-run-";
const SUFFIX: &str = ".json";

/// The file of run `run_id` in `dir`.
pub fn journal_path(dir: &Path, run_id: &str) -> PathBuf {
    dir.join(format!("{PREFIX}{run_id}{SUFFIX}"))
}

/// The run id in a journal file name (`setup-run-<run id>.json`), or `None` for any other
/// name, including every name with a path in it.
pub(crate) fn run_id_of(file_name: &str) -> Option<&str> {
    file_name
        .strip_prefix(PREFIX)
        .and_then(|n| n.strip_suffix(SUFFIX))
        .filter(|id| is_run_id(id))
}

pub(crate) fn storage(what: &str, e: &std::io::Error) -> Error {
    Error::Storage(format!("{what}: {}", e.kind()))
}

/// How every temp file of run `run_id` begins: `.setup-run-<run id>.json.` (hidden, and never
/// a journal name); each ends in `.tmp`.
pub(crate) fn temp_prefix(run_id: &str) -> String {
    format!(".{PREFIX}{run_id}{SUFFIX}.")
}

/// A temp file name of its own for one save of run `run_id`: the process id and a random
/// part, so two writers (two windows, two app instances) never share one.
fn temp_name(run_id: &str) -> Result<String> {
    let unique = new_run_id()?;
    Ok(format!(
        "{}{}-{unique}.tmp",
        temp_prefix(run_id),
        std::process::id()
    ))
}

/// Writes `journal` atomically ([`write_atomically`]).
pub fn save(dir: &Path, journal: &Journal) -> Result<()> {
    let bytes = serde_json::to_vec_pretty(journal)
        .map_err(|e| Error::Storage(format!("journal not serializable ({:?})", e.classify())))?;
    let temp = temp_name(&journal.run_id)?;
    write_atomically(&journal_path(dir, &journal.run_id), &temp, &bytes)
}

/// Writes `bytes` to `path` so that a kill leaves the old file or the new one, never a mix: a
/// temp file named `temp_name` beside it (created exclusively, never an existing one), fsync,
/// rename over the old one, fsync the folder (so the rename itself survives a power cut).
/// Callers give each writer its own temp name.
pub fn write_atomically(path: &Path, temp_name: &str, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    fs::create_dir_all(dir).map_err(|e| storage("creating the journal folder", &e))?;
    let temp = dir.join(temp_name);
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .map_err(|e| storage("writing the journal", &e))?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| storage("writing the journal", &e));
    drop(file);
    let renamed = written
        .and_then(|()| fs::rename(&temp, path).map_err(|e| storage("replacing the journal", &e)));
    if renamed.is_err() {
        let _ = fs::remove_file(&temp);
    }
    renamed?;
    sync_dir(dir)
}

/// Applies `change` to `journal`, stamps `updated_at` and saves it in `dir` ([`save`]).
pub(crate) fn update(
    dir: &Path,
    journal: &mut Journal,
    change: impl FnOnce(&mut Journal),
) -> Result<()> {
    change(journal);
    journal.updated_at = now();
    save(dir, journal)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> Result<()> {
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| storage("syncing the journal folder", &e))
}

// Windows cannot open a directory as a file to flush it; NTFS journals the rename itself.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> Result<()> {
    Ok(())
}

/// Reads run `run_id`'s journal. A file that is not a journal of this format for this run is
/// [`Error::JournalCorrupt`], never an empty journal.
pub fn load(dir: &Path, run_id: &str) -> Result<Journal> {
    if !is_run_id(run_id) {
        return Err(Error::InvalidInput {
            field: "runId",
            reason: "not a run id".to_owned(),
        });
    }
    let path = journal_path(dir, run_id);
    let bytes = fs::read(&path).map_err(|e| storage("reading the journal", &e))?;
    parse(&bytes, run_id, &file_name(&path))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub(crate) fn parse(bytes: &[u8], run_id: &str, file: &str) -> Result<Journal> {
    let corrupt = |reason: String| Error::JournalCorrupt {
        file: file.to_owned(),
        reason,
    };
    let journal: Journal = serde_json::from_slice(bytes).map_err(|e| {
        corrupt(format!(
            "not a setup journal ({:?} at line {}, column {})",
            e.classify(),
            e.line(),
            e.column()
        ))
    })?;
    if journal.format != JOURNAL_FORMAT {
        return Err(corrupt(format!("unknown format {}", journal.format)));
    }
    if journal.run_id != run_id || journal.marker != marker(run_id) {
        return Err(corrupt(
            "its run id does not match its file name".to_owned(),
        ));
    }
    Ok(journal)
}

/// Every journal in `dir` whose run is unfinished, oldest first, and every journal file that
/// cannot be read. Temp files a kill left behind are ignored: the renamed file is the truth.
pub fn unfinished(dir: &Path) -> Result<Vec<FoundJournal>> {
    let mut found = Vec::new();
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(found),
        Err(e) => return Err(storage("listing the journal folder", &e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| storage("listing the journal folder", &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // Only `setup-run-<run id>.json`: files set aside as unreadable are not journals.
        let Some(run_id) = run_id_of(&name) else {
            continue;
        };
        let read = fs::read(entry.path()).map_err(|e| storage("reading the journal", &e));
        match read.and_then(|bytes| parse(&bytes, run_id, &name)) {
            Ok(journal) if journal.status.is_unfinished() => found.push(FoundJournal::Run {
                journal: Box::new(journal),
            }),
            Ok(_) => {}
            Err(e) => found.push(FoundJournal::Corrupt {
                file_name: name,
                reason: e.to_string(),
            }),
        }
    }
    found.sort_by(|a, b| started(a).cmp(started(b)));
    Ok(found)
}

fn started(found: &FoundJournal) -> &str {
    match found {
        FoundJournal::Run { journal } => &journal.started_at,
        FoundJournal::Corrupt { .. } => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::RoleDivision;
    use crate::setup::journal::{EntryState, RunStatus};
    use crate::setup::plan::StepKind;
    use crate::setup::request::ValidSetup;

    fn setup() -> ValidSetup {
        ValidSetup {
            client_name: "c".into(),
            client_description: String::new(),
            token_duration_seconds: 86_400,
            role_divisions: vec![RoleDivision {
                role_id: "r".into(),
                division_id: "*".into(),
            }],
            credential_name: "cred".into(),
            integration_name: "int".into(),
            action: None,
        }
    }

    fn temp_dir(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "dip-journal-{tag}-{}-{}",
            std::process::id(),
            new_run_id().expect("random")
        ));
        fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn saved_journals_read_back_and_unfinished_lists_them() {
        let dir = temp_dir("roundtrip");
        let mut journal = Journal::new("0123456789abcdef", "org", "user", "sandbox", setup());
        journal.record(StepKind::CreateClient, EntryState::Intent, None, None);
        save(&dir, &journal).expect("saved");
        assert_eq!(load(&dir, "0123456789abcdef").expect("loaded"), journal);
        assert!(journal.was_attempted(StepKind::CreateClient));
        assert!(!journal.is_done(StepKind::CreateClient));
        let listed = unfinished(&dir).expect("listed");
        assert_eq!(listed.len(), 1);
        journal.status = RunStatus::Completed;
        save(&dir, &journal).expect("saved");
        assert!(unfinished(&dir).expect("listed").is_empty());
        fs::write(journal_path(&dir, "fedcba9876543210"), [0u8; 64]).expect("zeroed file");
        let listed = unfinished(&dir).expect("listed");
        assert!(
            matches!(&listed[..], [FoundJournal::Corrupt { file_name, .. }] if file_name.contains("fedcba")),
            "{listed:?}"
        );
        let err = load(&dir, "fedcba9876543210").expect_err("zeroed");
        assert_eq!(err.kind(), crate::ErrorKind::JournalCorrupt, "{err}");
        assert!(load(&dir, "../x").is_err());
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn every_save_has_a_temp_file_of_its_own() {
        let names: std::collections::HashSet<_> = (0..64)
            .map(|_| temp_name("0123456789abcdef").expect("random"))
            .collect();
        assert_eq!(names.len(), 64, "temp names repeat: {names:?}");
        let name = names.iter().next().expect("one");
        assert!(name.contains(&std::process::id().to_string()), "{name}");
        assert!(
            name.starts_with('.'),
            "hidden from the journal listing: {name}"
        );
        let dir = temp_dir("temp");
        let journal = Journal::new("0123456789abcdef", "org", "user", "sandbox", setup());
        save(&dir, &journal).expect("saved");
        save(&dir, &journal).expect("saved again");
        let left: Vec<_> = fs::read_dir(&dir).expect("dir").flatten().collect();
        assert_eq!(left.len(), 1, "no temp file left behind");
        fs::remove_dir_all(&dir).ok();
    }
}
