//! `/api/v2/users/me`: the signed-in user, with the organization expanded.

use super::Client;
use crate::error::Result;
use crate::models::UserMe;
use crate::secrets::Secret;

impl Client {
    /// `GET /api/v2/users/me?expand=organization`. A client-credentials token has no user and
    /// gets 400 `not.a.user`.
    pub async fn user_me(&self, token: &Secret) -> Result<UserMe> {
        self.get("/api/v2/users/me?expand=organization", token)
            .await
    }
}
