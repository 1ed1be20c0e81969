//! The guided setup's wire types: the prefilled form, the plan preview, and the live view of
//! a run (each step's state, duration and result) sent on every change.

use genesys::setup::StepKind;
use serde::Serialize;
use ts_rs::TS;

use super::actions::QueueChoice;
use super::integrations::{DivisionChoice, RoleChoice};
use crate::CommandError;

/// What the form offers: the roles the user holds with the suggested one, the divisions with
/// the home one. The names it opens with are the window's (they are words in the user's
/// language); Rust validates whatever is sent back.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SetupForm {
    pub roles: Vec<RoleChoice>,
    /// Held and granting `routing:queue:view` with the fewest permissions: pre-selected.
    pub suggested_role_id: Option<String>,
    pub divisions: Vec<DivisionChoice>,
    pub home_division_id: String,
    /// Data Actions integrations already installed, and how many the org may hold.
    pub installed: u32,
    pub limit: u32,
    /// False when secrets are kept in memory only (no usable keychain): the screen says the
    /// client secret will not be saved and asks before running.
    pub secret_persists: bool,
    /// The org's routing queues by name, for the data action's test; empty when the org has
    /// none (the action is still made and published, its test skipped).
    pub queues: Vec<QueueChoice>,
    /// Journal files that cannot be read, each offered to be moved aside.
    pub unreadable_journals: Vec<UnreadableJournal>,
}

/// A guided-setup journal file that cannot be read (never taken as empty).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UnreadableJournal {
    pub file_name: String,
    pub reason: String,
}

/// A plan line: the step and the names it touches, for the UI to say in plain words.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlannedStep {
    pub kind: StepKind,
    /// The object this step creates or changes (a client, credential, integration or action
    /// name; for the action test, the queue id, none when the test is skipped).
    pub subject: Option<String>,
    /// Role and division names for the client step, else empty.
    pub grants: Vec<PlannedGrant>,
    /// The token lifetime the client step sets, in seconds.
    pub token_duration_seconds: Option<u32>,
}

/// A role granted in a division, by name (ids when the names are unknown).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlannedGrant {
    pub role: String,
    pub division: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SetupPlan {
    pub steps: Vec<PlannedStep>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum StepStatus {
    Pending,
    Running,
    Done,
    Failed,
    /// Undone by a roll back.
    RolledBack,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StepView {
    pub kind: StepKind,
    pub status: StepStatus,
    /// Milliseconds the step took (or has taken so far).
    #[ts(type = "number | null")]
    pub duration_ms: Option<u64>,
    /// What the step is waiting on or produced, e.g. the `reportedState` seen.
    pub note: Option<String>,
    pub error: Option<CommandError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RunPhase {
    Running,
    Completed,
    Failed,
    RollingBack,
    RolledBack,
    /// Found unfinished at start (the app stopped mid-run, or it was cancelled): resume or
    /// roll back.
    Interrupted,
    /// A roll back started and did not finish: only "Finish roll back" is offered.
    RollBackUnfinished,
}

/// Something the run created, for the summary (and its screen link).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CreatedObject {
    /// `oauthClient`, `credential`, `integration` or `action`.
    pub kind: String,
    pub id: String,
    pub name: String,
}

/// A run as the UI shows it; sent whole on every change.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SetupRunView {
    pub run_id: String,
    pub phase: RunPhase,
    pub steps: Vec<StepView>,
    pub created: Vec<CreatedObject>,
    /// True when the client's secret had to be issued again (lost before the keychain write).
    pub secret_reissued: bool,
    /// True once the client secret is in a keychain that keeps it after the app closes; false
    /// while it is not there yet, or kept in memory only.
    pub secret_saved: bool,
    pub error: Option<CommandError>,
    /// Other journals that cannot be read; the valid run is offered all the same.
    pub unreadable_journals: Vec<UnreadableJournal>,
    /// For a run found unfinished in its journal: when the journal was last written (RFC 3339,
    /// UTC), that is when the run stopped. `None` for a run of this session.
    pub stopped_at: Option<String>,
}
