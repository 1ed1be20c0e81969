//! The error every command returns, in the one wire shape the UI handles:
//! `{ kind, message, contextId? }`. Built from the core's errors; never carries a secret.

use genesys::ErrorKind;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CommandError {
    pub kind: ErrorKind,
    /// What went wrong, in English for the log; for API errors, Genesys's own message.
    pub message: String,
    /// Genesys's `contextId` for the failed request, to quote to Genesys support.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub context_id: Option<String>,
}

impl From<genesys::Error> for CommandError {
    fn from(e: genesys::Error) -> Self {
        CommandError {
            kind: e.kind(),
            context_id: e.context_id().map(str::to_owned),
            message: e.to_string(),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
