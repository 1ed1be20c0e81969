//! The signed-in org a use case acts on: the profile (which org, which sign-in), the session
//! (client and token) and the vault holding the org's client secrets.

use genesys::auth::Session;
use genesys::secrets::{oauth_client_secret_account, Secret};
use genesys::{Error, ErrorKind, OrgTarget, Profile};

use crate::vault::Vault;
use crate::CommandError;

#[derive(Clone)]
pub struct OrgContext {
    pub profile: Profile,
    pub session: Session,
    pub secrets: Vault,
}

/// The error of a use case asked for with no one signed in.
pub fn sign_in_required() -> CommandError {
    CommandError {
        kind: ErrorKind::SignInRequired,
        message: "sign in first".into(),
        context_id: None,
    }
}

impl OrgContext {
    pub fn target(&self) -> &OrgTarget {
        &self.profile.target
    }

    /// The keychain account of OAuth client `client_id`'s secret in this org.
    pub fn secret_account(&self, client_id: &str) -> String {
        oauth_client_secret_account(self.profile.target.code(), client_id)
    }

    /// The secret the vault holds for OAuth client `client_id` of this org, if any.
    pub async fn client_secret(&self, client_id: &str) -> Result<Option<Secret>, Error> {
        self.secrets.get(self.secret_account(client_id)).await
    }

    /// Saves a client secret under its account; a refusal is logged by kind only, and
    /// reported as `false` (the caller says "not saved").
    pub async fn save_client_secret(&self, client_id: &str, secret: &Secret) -> bool {
        match self
            .secrets
            .set(self.secret_account(client_id), secret.clone())
            .await
        {
            Ok(()) => true,
            Err(e) => {
                log::warn!("a client secret was not saved: {:?}", e.kind());
                false
            }
        }
    }

    /// Removes client `client_id`'s saved secret (absent is fine).
    pub async fn forget_client_secret(&self, client_id: &str) -> Result<(), Error> {
        self.secrets.delete(self.secret_account(client_id)).await
    }
}
