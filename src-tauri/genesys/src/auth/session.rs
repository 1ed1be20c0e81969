//! A signed-in org session: the token (a [`Secret`]), its expiry, the org and user it belongs
//! to, checking it (`GET /api/v2/tokens/me`) and signing out (`DELETE /api/v2/tokens/me`).

use std::time::Duration;

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use ts_rs::TS;

use crate::api::Client;
use crate::error::{Error, Result};
use crate::models::TokenInfo;
use crate::region::Endpoints;
use crate::secrets::Secret;
use crate::settings::Language;

/// The longest life a token is believed to have: 38,880,000 s (450 days). No Genesys OAuth
/// client may issue tokens that live longer: `accessTokenValiditySeconds` is 300 s to 48 h,
/// and up to 450 days only for SCIM (Identity Management) clients, as the validation of
/// `access_token_validity_seconds` in terraform-provider-genesyscloud
/// genesyscloud/oauth_client/resource_genesyscloud_oauth_client_schema.go says. A larger
/// `expires_in` (from the token endpoint or the Implicit fragment) is cut down to this.
pub const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(38_880_000);

/// How the session's token was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Grant {
    /// Authorization code with PKCE, through the system browser.
    Pkce,
    /// The legacy Implicit grant, through the system browser.
    Implicit,
    /// A Client Credentials client's id and secret; no user.
    ClientCredentials,
}

/// What the UI may know about a session: never the token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SessionInfo {
    /// The organization the token belongs to (`tokens/me`).
    pub org_id: String,
    /// Its name; the id when Genesys gives none.
    pub org_name: String,
    /// The signed-in user; `None` for client credentials.
    pub user_id: Option<String>,
    /// The user's display name, if Genesys gives one.
    pub user_name: Option<String>,
    /// The user's email, if Genesys gives one.
    pub user_email: Option<String>,
    /// The AWS region code, or `sandbox`.
    pub region_code: String,
    /// RFC 3339, UTC.
    pub expires_at: String,
    /// How the token was obtained.
    pub grant: Grant,
}

/// A signed-in org: the token and who it belongs to. `Debug` shows no token.
#[derive(Debug, Clone)]
pub struct Session {
    client: Client,
    token: Secret,
    expires_at: OffsetDateTime,
    region_code: String,
    grant: Grant,
    org_id: String,
    org_name: String,
    user: Option<(String, Option<String>, Option<String>)>,
}

impl Session {
    /// Builds the session of a token just issued: who it belongs to, from `tokens/me` and, for
    /// a user's token, `users/me?expand=organization`.
    pub(crate) async fn establish(
        client: Client,
        region_code: String,
        grant: Grant,
        token: Secret,
        expires_in: Option<u64>,
    ) -> Result<Session> {
        let info = client.token_info(&token).await?;
        let expires_at = match expires_in {
            Some(seconds) => expiry_after(OffsetDateTime::now_utc(), seconds),
            None => idle_time(&info),
        };
        let mut org_name = info.organization.name.clone();
        let user = if grant == Grant::ClientCredentials {
            None
        } else {
            let me = client.user_me(&token).await?;
            if org_name.is_none() {
                org_name = me.organization.as_ref().map(|o| o.name.clone());
            }
            Some((me.id, me.name, me.email))
        };
        Ok(Session {
            client,
            token,
            expires_at,
            region_code,
            grant,
            org_name: org_name.unwrap_or_else(|| info.organization.id.clone()),
            org_id: info.organization.id,
            user,
        })
    }

    /// Restores a session from a saved token (e.g. from the keychain at start), if Genesys
    /// still accepts it; a 401 means "sign in again" ([`crate::ErrorKind::SignInRequired`]).
    /// The expiry comes from `dateTokenIdles`.
    pub async fn resume(
        endpoints: Endpoints,
        region_code: String,
        grant: Grant,
        token: Secret,
    ) -> Result<Session> {
        Session::establish(Client::new(endpoints)?, region_code, grant, token, None).await
    }

    /// What the UI shows: org, user, region, expiry, grant.
    pub fn info(&self) -> SessionInfo {
        let (user_id, user_name, user_email) = match &self.user {
            Some((id, name, email)) => (Some(id.clone()), name.clone(), email.clone()),
            None => (None, None, None),
        };
        SessionInfo {
            org_id: self.org_id.clone(),
            org_name: self.org_name.clone(),
            user_id,
            user_name,
            user_email,
            region_code: self.region_code.clone(),
            expires_at: self
                .expires_at
                .format(&Rfc3339)
                .unwrap_or_else(|_| self.expires_at.unix_timestamp().to_string()),
            grant: self.grant,
        }
    }

    /// The token, for the API calls of this session and for the keychain.
    pub fn token(&self) -> &Secret {
        &self.token
    }

    /// The API client of this session's org.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Asks Genesys to answer this session's later requests in `language` (`Accept-Language`).
    pub fn set_language(&mut self, language: Language) {
        self.client.set_language(language);
    }

    /// Checks the token with `GET /api/v2/tokens/me`: a 401 means it expired or was revoked.
    pub async fn validate(&self) -> Result<TokenInfo> {
        self.client.token_info(&self.token).await
    }

    /// Revokes the token with `DELETE /api/v2/tokens/me`. A token Genesys already rejects
    /// (401) counts as signed out.
    pub async fn sign_out(self) -> Result<()> {
        match self.client.revoke_token(&self.token).await {
            Err(Error::Api { status: 401, .. }) | Ok(()) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// `now + seconds`, at most [`MAX_TOKEN_LIFETIME`] ahead, without ever overflowing.
fn expiry_after(now: OffsetDateTime, seconds: u64) -> OffsetDateTime {
    let lifetime = Duration::from_secs(seconds).min(MAX_TOKEN_LIFETIME);
    time::Duration::try_from(lifetime)
        .ok()
        .and_then(|d| now.checked_add(d))
        .unwrap_or(now)
}

/// `dateTokenIdles`, else now: a token whose lifetime is unknown is not trusted beyond now.
fn idle_time(info: &TokenInfo) -> OffsetDateTime {
    info.date_token_idles
        .as_deref()
        .and_then(|d| OffsetDateTime::parse(d, &Rfc3339).ok())
        .unwrap_or_else(OffsetDateTime::now_utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_absurd_lifetime_is_capped_and_never_overflows() {
        let now = OffsetDateTime::now_utc();
        let cap = time::Duration::try_from(MAX_TOKEN_LIFETIME).expect("fits");
        for seconds in [u64::MAX, i64::MAX as u64, MAX_TOKEN_LIFETIME.as_secs() + 1] {
            assert_eq!(expiry_after(now, seconds), now + cap, "{seconds}");
        }
        assert_eq!(expiry_after(now, 3600), now + time::Duration::hours(1));
        assert_eq!(expiry_after(now, 0), now);
    }
}
