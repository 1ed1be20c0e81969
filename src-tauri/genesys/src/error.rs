//! The core's error type. Each variant maps to an [`ErrorKind`] the UI can switch on;
//! messages never carry tokens or secrets.

use serde::Serialize;
use ts_rs::TS;

/// What kind of failure happened, as the UI sees it. Add a kind only when the UI branches on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ErrorKind {
    /// The user's input was rejected before any request was sent.
    InvalidInput,
    /// Local storage (settings, journal, data directories) failed.
    Storage,
    /// Anything the user cannot act on; the message says what happened.
    Unexpected,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{field}: {reason}")]
    InvalidInput { field: &'static str, reason: String },
    #[error("storage: {0}")]
    Storage(String),
    #[error("{0}")]
    Unexpected(String),
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidInput { .. } => ErrorKind::InvalidInput,
            Error::Storage(_) => ErrorKind::Storage,
            Error::Unexpected(_) => ErrorKind::Unexpected,
        }
    }
}
