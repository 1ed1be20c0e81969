//! The OAuth client form as the user fills it in, and its validation in Rust before any
//! request: the grant type decides which of roles, scopes and redirect URIs apply.

mod fields;
#[cfg(test)]
mod tests;

use serde::Deserialize;
use ts_rs::TS;

pub use fields::{
    client_name, description, grant_type, is_invisible_format, not_held, redirect_uri,
    redirect_uris, role_divisions, scopes, token_duration, DEFAULT_TOKEN_SECONDS, MAX_NAME_CHARS,
    MAX_REDIRECT_URI_LEN, TOKEN_SECONDS,
};

use crate::error::{Error, Result};
use crate::models::{ClientState, GrantType, OAuthClientRequest, RoleDivision};

/// What the create/edit form holds, as typed. The token duration stays text so that "1.5",
/// "-1" or an overflowing number is refused here with a message, not lost in transport.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OAuthClientForm {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub grant_type: GrantType,
    /// Seconds as typed; empty means 86,400.
    #[serde(default)]
    pub token_duration_seconds: String,
    #[serde(default)]
    pub redirect_uris: Vec<String>,
    #[serde(default)]
    pub scopes: Vec<String>,
    #[serde(default)]
    pub role_divisions: Vec<RoleDivision>,
    /// Kept as it is on edit (a full PUT); `None` is `active`.
    #[serde(default)]
    pub state: Option<ClientState>,
}

fn not_for(field: &'static str, what: &str) -> Error {
    Error::InvalidInput {
        field,
        reason: what.to_owned(),
    }
}

impl OAuthClientForm {
    /// Checks every field (the first failure is returned, named by its field) and builds the
    /// request. `held` is what the signed-in user holds (`subjects/me`): a Client Credentials
    /// client may only get role/division pairs among them.
    pub fn validate(&self, held: &[RoleDivision]) -> Result<OAuthClientRequest> {
        self.checked(Some(held))
    }

    /// Every check but "the user holds these roles" (which needs `subjects/me`).
    pub fn validate_without_roles(&self) -> Result<()> {
        self.checked(None).map(drop)
    }

    fn checked(&self, held: Option<&[RoleDivision]>) -> Result<OAuthClientRequest> {
        let name = client_name(&self.name)?;
        let description = description(&self.description)?;
        let grant = grant_type(self.grant_type)?;
        let seconds = token_duration(&self.token_duration_seconds)?;
        let credentials = grant == GrantType::ClientCredentials;
        let redirects = redirect_uris(&self.redirect_uris)?;
        let scope = scopes(&self.scopes)?;
        if credentials && !redirects.is_empty() {
            return Err(not_for(
                "redirectUris",
                "a Client Credentials client has no redirect URIs",
            ));
        }
        if matches!(grant, GrantType::Code | GrantType::Token) && redirects.is_empty() {
            return Err(not_for(
                "redirectUris",
                "Code Authorization and Implicit clients need at least one redirect URI",
            ));
        }
        if credentials && !scope.is_empty() {
            return Err(not_for(
                "scopes",
                "scopes only apply to clients not using Client Credentials",
            ));
        }
        if !credentials && scope.is_empty() {
            return Err(not_for("scopes", "choose at least one scope"));
        }
        let pairs = if credentials {
            match held {
                Some(held) => role_divisions(&self.role_divisions, held)?,
                None => role_divisions(&self.role_divisions, &self.role_divisions)?,
            }
        } else if !self.role_divisions.is_empty() {
            return Err(not_for(
                "roleDivisions",
                "roles only apply to Client Credentials clients",
            ));
        } else {
            Vec::new()
        };
        let state = match self.state.unwrap_or_default() {
            s @ (ClientState::Active | ClientState::Disabled | ClientState::Inactive) => s,
            ClientState::Deleted | ClientState::Unknown => {
                return Err(not_for("state", "choose active, disabled or inactive"))
            }
        };
        Ok(OAuthClientRequest {
            name,
            authorized_grant_type: grant,
            description,
            access_token_validity_seconds: seconds,
            registered_redirect_uri: redirects,
            scope,
            role_divisions: pairs,
            state,
        })
    }
}
