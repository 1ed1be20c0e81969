//! The run journal (security-matrix.md D): what one run records — who ran it where, each
//! step's intent before its request and the created id after, and never a secret. How it is
//! kept on disk (one file per run, replaced atomically) is `file.rs`.

mod file;

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use ts_rs::TS;

pub use file::{journal_path, load, unfinished, write_atomically};
pub(crate) use file::{parse, run_id_of, storage, temp_prefix, update};

use super::events::StepError;
use super::marker::marker;
use super::plan::StepKind;
use super::reconcile::Object;
use super::request::ValidSetup;

/// The journal format this build writes and reads.
pub const JOURNAL_FORMAT: u32 = 1;
/// Where a run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RunStatus {
    /// Started and not finished (or killed): offer Resume or Roll back.
    Running,
    /// A step failed; the run can be resumed or rolled back.
    Failed,
    /// Every step succeeded.
    Completed,
    /// Everything it created was deleted.
    RolledBack,
    /// The user cancelled it from the window: resume or roll back, like Failed.
    Cancelled,
    /// A roll back started and did not finish (killed, or a removal failed): some objects may
    /// be gone already, so the only offer is to finish the roll back, never Resume.
    RollingBack,
}

impl RunStatus {
    /// Whether the run still needs the user: resume, roll back, or finish a roll back.
    pub fn is_unfinished(self) -> bool {
        matches!(
            self,
            RunStatus::Running | RunStatus::Failed | RunStatus::Cancelled | RunStatus::RollingBack
        )
    }
}

/// What a journal line says about a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum EntryState {
    /// About to send the step's request (written before it).
    Intent,
    /// The step succeeded (with the created id, if any).
    Done,
    /// The step failed.
    Failed,
    /// A roll back removed (or found gone) the object this step made, `object_id`.
    Removed,
}

impl EntryState {
    /// The name checkpoints use, spelled as in the journal file.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryState::Intent => "intent",
            EntryState::Done => "done",
            EntryState::Failed => "failed",
            EntryState::Removed => "removed",
        }
    }
}

/// One journal line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    pub step: StepKind,
    pub state: EntryState,
    /// RFC 3339, UTC.
    pub at: String,
    pub object_id: Option<String>,
    pub error: Option<StepError>,
}

/// The ids of what the run created or adopted so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreatedObjects {
    pub client_id: Option<String>,
    pub credential_id: Option<String>,
    pub integration_id: Option<String>,
    /// The data action (a journal of a build without the action part has none).
    #[serde(default)]
    pub action_id: Option<String>,
}

impl CreatedObjects {
    /// The journaled id of `object`, if the run made or adopted one.
    pub fn id(&self, object: Object) -> Option<&String> {
        match object {
            Object::Client => self.client_id.as_ref(),
            Object::Credential => self.credential_id.as_ref(),
            Object::Integration => self.integration_id.as_ref(),
            Object::Action => self.action_id.as_ref(),
        }
    }

    /// Where the id of `object` is journaled.
    pub(crate) fn slot(&mut self, object: Object) -> &mut Option<String> {
        match object {
            Object::Client => &mut self.client_id,
            Object::Credential => &mut self.credential_id,
            Object::Integration => &mut self.integration_id,
            Object::Action => &mut self.action_id,
        }
    }
}

/// One run's journal, exactly as the file holds it. No secret: the client secret lives in the
/// keychain only; `secret_persisted` says whether it got there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Journal {
    pub format: u32,
    pub run_id: String,
    /// `dip-studio-run:<run id>`, carried by every object the run creates.
    pub marker: String,
    pub org_id: String,
    pub user_id: String,
    /// Where the org is reached: an AWS region code, or `sandbox`.
    pub target: String,
    pub started_at: String,
    pub updated_at: String,
    pub status: RunStatus,
    /// What the run creates.
    pub setup: ValidSetup,
    pub created: CreatedObjects,
    /// Whether the current client secret is in a keychain that keeps it across restarts. False
    /// when the store is process memory (no usable keychain): the user is told it is not saved.
    pub secret_persisted: bool,
    /// Whether the current client secret was written to this run's secret store at all (the
    /// keychain or, without one, memory): where a resume in the same process may read it back.
    #[serde(default)]
    pub secret_in_store: bool,
    /// Whether the secret had to be re-issued (`POST …/secret`) because it was lost.
    pub secret_reissued: bool,
    pub entries: Vec<JournalEntry>,
}

/// A journal found in the directory: a run to offer, or a file that cannot be read (security-matrix.md D3:
/// reported, never taken as empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum FoundJournal {
    Run {
        journal: Box<Journal>,
    },
    #[serde(rename_all = "camelCase")]
    Corrupt {
        file_name: String,
        reason: String,
    },
}

/// Now, RFC 3339 UTC.
pub(crate) fn now() -> String {
    OffsetDateTime::now_utc()
        .format(&Rfc3339)
        .unwrap_or_else(|_| OffsetDateTime::now_utc().unix_timestamp().to_string())
}

impl Journal {
    /// A new journal for run `run_id`, status Running.
    pub fn new(
        run_id: &str,
        org_id: &str,
        user_id: &str,
        target: &str,
        setup: ValidSetup,
    ) -> Journal {
        let at = now();
        Journal {
            format: JOURNAL_FORMAT,
            run_id: run_id.to_owned(),
            marker: marker(run_id),
            org_id: org_id.to_owned(),
            user_id: user_id.to_owned(),
            target: target.to_owned(),
            started_at: at.clone(),
            updated_at: at,
            status: RunStatus::Running,
            setup,
            created: CreatedObjects::default(),
            secret_persisted: false,
            secret_in_store: false,
            secret_reissued: false,
            entries: Vec::new(),
        }
    }

    /// Appends a line.
    pub fn record(
        &mut self,
        step: StepKind,
        state: EntryState,
        object_id: Option<&str>,
        error: Option<StepError>,
    ) {
        self.entries.push(JournalEntry {
            step,
            state,
            at: now(),
            object_id: object_id.map(str::to_owned),
            error,
        });
    }

    /// Whether `step` has a `done` line.
    pub fn is_done(&self, step: StepKind) -> bool {
        self.entries
            .iter()
            .any(|e| e.step == step && e.state == EntryState::Done)
    }

    /// Whether `step` ever announced its request (so a POST may have reached Genesys).
    pub fn was_attempted(&self, step: StepKind) -> bool {
        self.entries
            .iter()
            .any(|e| e.step == step && e.state == EntryState::Intent)
    }
}
