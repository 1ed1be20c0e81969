//! What a guided-setup run needs ([`SetupContext`]) and how long it waits for what Genesys does
//! eventually ([`SetupTiming`]).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::cancel::CancelSignal;
use super::events::SetupObserver;
use crate::api::Client;
use crate::secrets::{Secret, SecretStore};

/// How long a run waits for things Genesys does eventually.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetupTiming {
    /// Minting a token with the new secret is retried this long (security-matrix.md C14: Genesys caches
    /// grants).
    pub verify_within: Duration,
    /// The integration must report ACTIVE (or ERROR) within this.
    pub activation_within: Duration,
    /// Attempts of a create (POST) whose answer was lost, each after looking for the object by
    /// its marker first (security-matrix.md C3).
    pub create_attempts: u32,
    /// Pause before a create is tried again.
    pub create_backoff: Duration,
}

impl Default for SetupTiming {
    fn default() -> Self {
        SetupTiming {
            verify_within: Duration::from_secs(30),
            activation_within: Duration::from_secs(120),
            create_attempts: 3,
            create_backoff: Duration::from_secs(1),
        }
    }
}

/// Everything a run needs: the org's API client (its retry policy), the signed-in user's
/// token, where the org is (`target`: region code or `sandbox`, for keychain account names),
/// the keychain, the journal folder, who hears about progress, and the window's Cancel.
pub struct SetupContext {
    pub client: Client,
    pub token: Secret,
    pub target: String,
    pub secrets: Arc<dyn SecretStore>,
    pub journal_dir: PathBuf,
    pub observer: Arc<dyn SetupObserver>,
    pub timing: SetupTiming,
    pub cancel: CancelSignal,
}
