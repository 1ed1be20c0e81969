//! What a run tells the app while it works: [`SetupEvent`]s (step, phase, duration, error with
//! Genesys's message and `contextId`), and named checkpoints for the kill test, through one
//! [`SetupObserver`]. Nothing here ever holds a secret.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::plan::StepKind;
use crate::error::{Error, ErrorKind};

/// Where a step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StepPhase {
    Started,
    Succeeded,
    Failed,
    /// The step failed in a way worth another try (after reconciling by marker for a POST).
    Retrying,
    /// Already done by an earlier attempt of this run (resume).
    Skipped,
    /// What the step made was removed by a roll back (or was already gone).
    Undone,
}

/// Something about a step the user should be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StepNote {
    /// An object an earlier request created (its answer was lost) was found by its marker and
    /// used instead of creating another.
    Adopted,
    /// The client's secret was lost before it reached the keychain and was re-issued: the old
    /// one no longer works.
    SecretReissued,
    /// The keychain refused the secret: it is kept in memory for this run only.
    SecretNotSaved,
    /// No queue was picked (the org has none): the action's test did not run.
    TestSkipped,
}

/// A failure as the UI shows it: kind, message, and Genesys's status, code and `contextId`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StepError {
    pub kind: ErrorKind,
    /// The error's safe Display text (Genesys's own message for API errors).
    pub message: String,
    pub status: Option<u16>,
    pub code: Option<String>,
    pub context_id: Option<String>,
}

impl From<&Error> for StepError {
    fn from(e: &Error) -> StepError {
        let (status, code) = match e {
            Error::Api { status, code, .. } => (Some(*status), Some(code.clone())),
            Error::UnexpectedResponse { status, .. } => (Some(*status), None),
            _ => (None, None),
        };
        StepError {
            kind: e.kind(),
            message: e.to_string(),
            status,
            code,
            context_id: e.context_id().map(str::to_owned),
        }
    }
}

/// One step event of run `run_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetupEvent {
    pub run_id: String,
    pub step: StepKind,
    pub phase: StepPhase,
    /// How long the step took, on `succeeded` / `failed` / `retrying`.
    pub duration_ms: Option<u64>,
    /// The object the step created or adopted (client, credential or integration id).
    pub object_id: Option<String>,
    pub note: Option<StepNote>,
    pub error: Option<StepError>,
}

/// Receives a run's events and checkpoints. Calls come from the run's task; keep them quick
/// (the kill test's child blocks in `checkpoint` on purpose).
pub trait SetupObserver: Send + Sync {
    /// A step started, finished, failed or is retried.
    fn event(&self, event: &SetupEvent);
    /// A named point of the run: `before:<request>`, `after:<request>`, `journal:<step>:<state>`,
    /// `secret:unsaved` (client created, secret not yet in the keychain)... Production ignores
    /// them.
    fn checkpoint(&self, _point: &str) {}
}

/// An observer that ignores everything.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoObserver;

impl SetupObserver for NoObserver {
    fn event(&self, _event: &SetupEvent) {}
}

impl<F: Fn(&SetupEvent) + Send + Sync> SetupObserver for F {
    fn event(&self, event: &SetupEvent) {
        self(event)
    }
}
