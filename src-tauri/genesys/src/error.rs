//! The core's error type. Each variant maps to an [`ErrorKind`] the UI can switch on;
//! messages never carry tokens, secrets, codes or `state` values.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of failure happened, as the UI sees it. Add a kind only when the UI branches on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ErrorKind {
    /// The user's input was rejected before any request was sent.
    InvalidInput,
    /// Local storage (settings, journal, data directories) failed.
    Storage,
    /// Anything the user cannot act on; the message says what happened.
    Unexpected,
    /// The token is missing, expired or revoked (HTTP 401): offer to sign in again.
    SignInRequired,
    /// The login host refused the client (`invalid_client`, `unauthorized_client`, an unknown
    /// client): the region-mismatch explainer applies.
    ClientRejected,
    /// The user denied or cancelled sign-in in the browser.
    SignInDenied,
    /// No callback arrived before the sign-in timeout.
    SignInTimedOut,
    /// The user cancelled sign-in in the app.
    SignInCancelled,
    /// Every port configured for a fixed-port sign-in client is taken by another program.
    PortsInUse,
    /// Genesys answered with an error; the message (and `contextId`) are shown verbatim.
    Api,
    /// The host could not be reached, timed out, or answered with something unreadable.
    Network,
    /// No usable OS keychain: the token is kept in memory for this session only.
    KeychainUnavailable,
    /// A guided-setup journal file cannot be read: it is reported, never taken as empty.
    JournalCorrupt,
    /// A guided-setup run belongs to another org or user than the one signed in.
    RunBelongsElsewhere,
    /// Another window (or app instance) is starting, resuming or rolling back this run now.
    RunInUse,
    /// The keychain holds the run's secret but refused to hand it over (locked, access
    /// denied): unlock it, then resume. Never taken as "no secret".
    KeychainLocked,
    /// The user cancelled the guided setup run; it can be resumed or rolled back.
    SetupCancelled,
    /// The signed-in user lacks permissions a step needs; the message names them.
    MissingPermissions,
    /// The org already holds the most Data Actions integrations Genesys allows.
    IntegrationLimit,
    /// The integration reported ERROR; the message is Genesys's detail.
    IntegrationError,
    /// The integration reports ACTIVE, but its credential's client id and secret get no token:
    /// the secret in the credential is wrong (some orgs report ACTIVE all the same).
    CredentialRefused,
}

/// Every failure of the core. Display strings are safe to show and log: no tokens, secrets,
/// codes, `state` values or copied bodies.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input refused before any request: which field and why.
    #[error("{field}: {reason}")]
    InvalidInput { field: &'static str, reason: String },
    /// A data action refused before any request: every rule it breaks, each naming its field
    /// (`crate::action_rules`); the window words each by its code.
    #[error("the data action breaks Genesys's rules: {}", list_problems(.problems))]
    ActionRules {
        problems: Vec<crate::action_rules::ContractProblem>,
    },
    /// Local storage failed.
    #[error("storage: {0}")]
    Storage(String),
    /// Anything else; the message says what happened.
    #[error("{0}")]
    Unexpected(String),
    /// A Platform API error, from Genesys `ErrorBody` (platform-client-sdk-python build/PureCloudPlatformClientV2/models/error_body.py): HTTP status, the
    /// Genesys `code` (empty when the body was not an `ErrorBody`), its `message`, and the
    /// `contextId` (else the `ININ-Correlation-Id` header).
    #[error("{message} (HTTP {status}, {code})")]
    Api {
        status: u16,
        code: String,
        message: String,
        context_id: Option<String>,
    },
    /// An answer that is not what the API promises: HTML from a proxy, broken or oversized JSON.
    #[error("unexpected answer (HTTP {status}): {reason}")]
    UnexpectedResponse {
        status: u16,
        reason: String,
        context_id: Option<String>,
    },
    /// An OAuth error from the login host: `status` is the token endpoint's HTTP status, or
    /// 302 for an error in the authorize redirect; `error` is the OAuth code (`invalid_grant`...).
    #[error("the login host refused: {error}{}", description_suffix(.description))]
    OAuth {
        status: u16,
        error: String,
        description: Option<String>,
    },
    /// The browser came back with `error=access_denied` (or another authorization error).
    #[error("sign-in was denied or cancelled in the browser ({error})")]
    SignInDenied {
        error: String,
        description: Option<String>,
    },
    /// No callback arrived within the sign-in timeout.
    #[error("no sign-in arrived within {seconds} s")]
    SignInTimedOut { seconds: u64 },
    /// The user cancelled in the app.
    #[error("sign-in was cancelled")]
    SignInCancelled,
    /// A fixed-port sign-in found each of its ports (in the order tried) in use.
    #[error("every port registered for sign-in is in use: {}", list_ports(.ports))]
    PortsInUse { ports: Vec<u16> },
    /// Connecting, sending or reading failed (`reqwest::Error` without its URL).
    #[error("network: {0}")]
    Network(String),
    /// A guided-setup journal that is not readable (security-matrix.md D3).
    #[error("the setup journal {file} cannot be read: {reason}")]
    JournalCorrupt { file: String, reason: String },
    /// Resume or roll back of a run started by another org or user (security-matrix.md D5).
    #[error("this setup run was started in another {what}")]
    RunBelongsElsewhere { what: &'static str },
    /// Another holder has the run's lock file (`<journal dir>/.setup-run-<id>.lock`).
    #[error("this setup run is being worked on in another window")]
    RunInUse,
    /// The keychain refused to read the secret it holds (`variant` names the keyring error).
    #[error("the keychain refused to give the client secret ({variant})")]
    KeychainLocked { variant: &'static str },
    /// The run stopped because the user cancelled it.
    #[error("the setup run was cancelled")]
    SetupCancelled,
    /// Permissions the signed-in user lacks (security-matrix.md C9).
    #[error("missing permissions: {}", .permissions.join(", "))]
    MissingPermissions { permissions: Vec<String> },
    /// The org's Data Actions integrations are at Genesys's maximum.
    #[error("the org already has {count} Data Actions integrations (at most {max})")]
    IntegrationLimit { count: usize, max: usize },
    /// The integration reported ERROR; `message` is Genesys's `reportedState.detail.message`.
    #[error("the integration reports {code}: {message}")]
    IntegrationState { code: String, message: String },
    /// The credential's client `client_id` was refused a token with the secret the app gave
    /// the credential, although the integration may report ACTIVE.
    #[error("the integration's credential was refused a token for the OAuth client {client_id}")]
    CredentialRefused { client_id: String },
    /// A keyring failure, named by variant only (never the bytes; security-matrix.md E7).
    #[error("keychain: {variant}")]
    Keychain {
        variant: &'static str,
        unavailable: bool,
    },
}

fn description_suffix(description: &Option<String>) -> String {
    description
        .as_deref()
        .map(|d| format!(": {d}"))
        .unwrap_or_default()
}

impl Error {
    /// The kind the UI switches on.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidInput { .. } | Error::ActionRules { .. } => ErrorKind::InvalidInput,
            Error::Storage(_) => ErrorKind::Storage,
            Error::Unexpected(_) => ErrorKind::Unexpected,
            Error::Api { status: 401, .. } => ErrorKind::SignInRequired,
            Error::Api { .. } => ErrorKind::Api,
            Error::UnexpectedResponse { .. } | Error::Network(_) => ErrorKind::Network,
            Error::OAuth { error, .. }
                if matches!(error.as_str(), "invalid_client" | "unauthorized_client") =>
            {
                ErrorKind::ClientRejected
            }
            Error::OAuth { .. } => ErrorKind::Api,
            Error::SignInDenied { .. } => ErrorKind::SignInDenied,
            Error::SignInTimedOut { .. } => ErrorKind::SignInTimedOut,
            Error::SignInCancelled => ErrorKind::SignInCancelled,
            Error::PortsInUse { .. } => ErrorKind::PortsInUse,
            Error::Keychain {
                unavailable: true, ..
            } => ErrorKind::KeychainUnavailable,
            Error::Keychain { .. } => ErrorKind::Storage,
            Error::JournalCorrupt { .. } => ErrorKind::JournalCorrupt,
            Error::RunBelongsElsewhere { .. } => ErrorKind::RunBelongsElsewhere,
            Error::RunInUse => ErrorKind::RunInUse,
            Error::KeychainLocked { .. } => ErrorKind::KeychainLocked,
            Error::SetupCancelled => ErrorKind::SetupCancelled,
            Error::MissingPermissions { .. } => ErrorKind::MissingPermissions,
            Error::IntegrationLimit { .. } => ErrorKind::IntegrationLimit,
            Error::IntegrationState { .. } => ErrorKind::IntegrationError,
            Error::CredentialRefused { .. } => ErrorKind::CredentialRefused,
        }
    }

    /// The Genesys `contextId` (or `ININ-Correlation-Id`) to quote to support, if any.
    pub fn context_id(&self) -> Option<&str> {
        match self {
            Error::Api { context_id, .. } | Error::UnexpectedResponse { context_id, .. } => {
                context_id.as_deref()
            }
            _ => None,
        }
    }
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// `8123, 8124`: the ports a message names.
fn list_ports(ports: &[u16]) -> String {
    ports
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `name is required; config.timeoutSeconds must be …`: the problems a message names.
fn list_problems(problems: &[crate::action_rules::ContractProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
