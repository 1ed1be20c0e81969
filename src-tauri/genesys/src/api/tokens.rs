//! `/api/v2/tokens/me`: what a token is (it also proves the token still works) and revoking it.

use super::Client;
use crate::error::Result;
use crate::models::TokenInfo;
use crate::secrets::Secret;

impl Client {
    /// `GET /api/v2/tokens/me`: fails with a 401 [`crate::Error::Api`] once the token is
    /// expired or revoked.
    pub async fn token_info(&self, token: &Secret) -> Result<TokenInfo> {
        self.get("/api/v2/tokens/me", token).await
    }

    /// `DELETE /api/v2/tokens/me`: revokes the token used for the call (Genesys' API logout).
    pub async fn revoke_token(&self, token: &Secret) -> Result<()> {
        self.delete("/api/v2/tokens/me", token).await
    }
}
