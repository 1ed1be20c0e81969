//! An import run on disk, in a folder the caller names: `action-import-<id>.json`, the run's
//! progress, rewritten atomically after every action; `action-import-<id>.actions.json`, the
//! drafts to make, written once before the first request (so the progress file stays small
//! when 200 actions are imported); `.action-import-<id>.lock`, held while a run works, so two
//! windows or two app instances never import the same batch twice.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use genesys::models::NewAction;
use genesys::setup::{new_run_id, write_atomically};
use genesys::{Error, ErrorKind};
use serde::{Deserialize, Serialize};

use crate::wire::action_import::{ImportItemState, ImportPhase};

/// Bumped when the journal's shape changes; another format is not read as this one.
pub const IMPORT_JOURNAL_FORMAT: u32 = 1;

const PREFIX: &str = "action-import-";

/// An error as the journal keeps it (never a secret: Genesys's message and `contextId`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JournaledError {
    pub kind: ErrorKind,
    pub message: String,
    pub context_id: Option<String>,
}

impl From<&Error> for JournaledError {
    fn from(e: &Error) -> Self {
        JournaledError {
            kind: e.kind(),
            message: e.to_string(),
            context_id: e.context_id().map(str::to_owned),
        }
    }
}

/// One action of the batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportEntry {
    pub name: String,
    pub state: ImportItemState,
    pub action_id: Option<String>,
    /// The draft's version once made (what publishing names).
    pub draft_version: Option<i64>,
    /// The request that moves it to its next state was sent, and its answer is not written
    /// here: a resume looks at the org before sending it again.
    pub sent: bool,
    pub error: Option<JournaledError>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportJournal {
    pub format: u32,
    pub import_id: String,
    /// The org the batch goes to (`OrgTarget::code`): another org's run is not resumed here.
    pub target: String,
    pub integration_id: String,
    pub integration_name: String,
    pub publish: bool,
    pub phase: ImportPhase,
    pub entries: Vec<ImportEntry>,
    pub error: Option<JournaledError>,
}

impl ImportJournal {
    pub fn new(
        target: &str,
        integration: (&str, &str),
        publish: bool,
        names: impl IntoIterator<Item = String>,
    ) -> genesys::error::Result<ImportJournal> {
        Ok(ImportJournal {
            format: IMPORT_JOURNAL_FORMAT,
            import_id: new_run_id()?,
            target: target.to_owned(),
            integration_id: integration.0.to_owned(),
            integration_name: integration.1.to_owned(),
            publish,
            phase: ImportPhase::Running,
            entries: names
                .into_iter()
                .map(|name| ImportEntry {
                    name,
                    state: ImportItemState::Pending,
                    action_id: None,
                    draft_version: None,
                    sent: false,
                    error: None,
                })
                .collect(),
            error: None,
        })
    }

    /// Whether an entry still has work: not refused, and not yet where the run takes it.
    pub fn entry_open(&self, entry: &ImportEntry) -> bool {
        match entry.state {
            ImportItemState::Pending => true,
            ImportItemState::Drafted => self.publish,
            ImportItemState::Published | ImportItemState::Refused => false,
        }
    }
}

fn storage(what: &str, e: &std::io::Error) -> Error {
    Error::Storage(format!("{what}: {}", e.kind()))
}

fn is_import_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

pub fn journal_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{PREFIX}{id}.json"))
}

fn actions_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{PREFIX}{id}.actions.json"))
}

/// A temp name of its own for one write of run `id`'s file `what`.
fn temp_name(id: &str, what: &str) -> genesys::error::Result<String> {
    Ok(format!(
        ".{PREFIX}{id}.{what}.{}-{}.tmp",
        std::process::id(),
        new_run_id()?
    ))
}

/// Saves the progress file.
pub fn save(dir: &Path, journal: &ImportJournal) -> genesys::error::Result<()> {
    let bytes = serde_json::to_vec_pretty(journal)
        .map_err(|e| Error::Storage(format!("import journal: {:?}", e.classify())))?;
    let id = &journal.import_id;
    write_atomically(&journal_path(dir, id), &temp_name(id, "json")?, &bytes)
}

/// Saves the drafts to make, once, before the run's first request.
pub fn save_actions(dir: &Path, id: &str, actions: &[NewAction]) -> genesys::error::Result<()> {
    let bytes = serde_json::to_vec(actions)
        .map_err(|e| Error::Storage(format!("import actions: {:?}", e.classify())))?;
    write_atomically(&actions_path(dir, id), &temp_name(id, "actions")?, &bytes)
}

fn corrupt(file: &Path, reason: String) -> Error {
    Error::JournalCorrupt {
        file: file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        reason,
    }
}

/// Reads run `id`'s progress file only (what a view or a listing needs). A file that is not
/// this run's journal of this format is corruption, never an empty batch.
pub fn load_progress(dir: &Path, id: &str) -> genesys::error::Result<ImportJournal> {
    if !is_import_id(id) {
        return Err(Error::InvalidInput {
            field: "importId",
            reason: "not an import id".into(),
        });
    }
    let path = journal_path(dir, id);
    let bytes = fs::read(&path).map_err(|e| storage("reading the import journal", &e))?;
    let journal: ImportJournal = serde_json::from_slice(&bytes)
        .map_err(|e| corrupt(&path, format!("not an import journal ({:?})", e.classify())))?;
    if journal.format != IMPORT_JOURNAL_FORMAT || journal.import_id != id {
        return Err(corrupt(&path, "another format or another run".into()));
    }
    Ok(journal)
}

/// Reads run `id`'s progress and its drafts (what a resume needs); any mismatch between the
/// two is corruption.
pub fn load(dir: &Path, id: &str) -> genesys::error::Result<(ImportJournal, Vec<NewAction>)> {
    let journal = load_progress(dir, id)?;
    let apath = actions_path(dir, id);
    let bytes = fs::read(&apath).map_err(|e| storage("reading the import's actions", &e))?;
    let actions: Vec<NewAction> = serde_json::from_slice(&bytes).map_err(|e| {
        corrupt(
            &apath,
            format!("not the import's actions ({:?})", e.classify()),
        )
    })?;
    let names_match = actions.len() == journal.entries.len()
        && actions
            .iter()
            .zip(&journal.entries)
            .all(|(a, e)| a.name == e.name);
    if !names_match {
        return Err(corrupt(
            &apath,
            "the actions do not match the journal".into(),
        ));
    }
    Ok((journal, actions))
}

/// The runs in `dir` that are not completed, oldest file first, read from their progress files
/// only. Unreadable ones are left out here (`load` reports them when asked for).
pub fn unfinished(dir: &Path) -> Vec<ImportJournal> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, ImportJournal)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let id = name.strip_prefix(PREFIX)?.strip_suffix(".json")?;
            if !is_import_id(id) {
                return None;
            }
            let journal = load_progress(dir, id).ok()?;
            let modified = e.metadata().and_then(|m| m.modified()).ok()?;
            (journal.phase != ImportPhase::Completed).then_some((modified, journal))
        })
        .collect();
    found.sort_by_key(|(modified, _)| *modified);
    found.into_iter().map(|(_, journal)| journal).collect()
}

/// Removes a finished run's files (the org holds what it made).
pub fn remove(dir: &Path, id: &str) {
    if is_import_id(id) {
        let _ = fs::remove_file(journal_path(dir, id));
        let _ = fs::remove_file(actions_path(dir, id));
        let _ = fs::remove_file(lock_path(dir, id));
    }
}

fn lock_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!(".{PREFIX}{id}.lock"))
}

/// Held while a run works; dropping it lets another worker in. The OS lock (`flock`,
/// `LockFileEx`) goes with a killed holder's process.
#[derive(Debug)]
pub struct ImportLock {
    _file: File,
}

impl ImportLock {
    /// Takes run `id`'s lock without waiting: [`Error::RunInUse`] when another worker has it.
    pub fn acquire(dir: &Path, id: &str) -> genesys::error::Result<ImportLock> {
        fs::create_dir_all(dir).map_err(|e| storage("the import folder", &e))?;
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(lock_path(dir, id))
            .map_err(|e| storage("the import lock", &e))?;
        match file.try_lock() {
            Ok(()) => Ok(ImportLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(Error::RunInUse),
            Err(TryLockError::Error(e)) => Err(storage("the import lock", &e)),
        }
    }
}
