//! OAuth clients (`/api/v2/oauth/clients`, platform-client-sdk-python build/PureCloudPlatformClientV2/models/o_auth_client.py): `OAuthClient` as read,
//! `OAuthClientRequest` as written, grant types, states, role/division pairs and scopes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `authorizedGrantType`: how a client gets its tokens. Older spellings are read too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[ts(export)]
pub enum GrantType {
    /// Client Credentials: no user, role/division pairs instead of scopes.
    #[serde(rename = "CLIENT-CREDENTIALS")]
    ClientCredentials,
    /// Code Authorization (also the PKCE client type).
    #[serde(rename = "CODE")]
    Code,
    /// Implicit grant (browser), being retired by Genesys from 2026.
    #[serde(rename = "TOKEN")]
    Token,
    /// SAML2 Bearer.
    #[serde(rename = "SAML2-BEARER")]
    Saml2Bearer,
    /// Resource-owner password: listed when an org has one, never offered or created.
    #[serde(rename = "PASSWORD")]
    Password,
    /// A grant type this app does not know; shown, never created.
    #[serde(rename = "UNKNOWN")]
    Unknown,
}

impl GrantType {
    /// The Genesys spelling, e.g. `CLIENT-CREDENTIALS`.
    pub fn as_str(self) -> &'static str {
        match self {
            GrantType::ClientCredentials => "CLIENT-CREDENTIALS",
            GrantType::Code => "CODE",
            GrantType::Token => "TOKEN",
            GrantType::Saml2Bearer => "SAML2-BEARER",
            GrantType::Password => "PASSWORD",
            GrantType::Unknown => "UNKNOWN",
        }
    }
}

/// `state` of a client. `deleted` is what Terraform polls for after a DELETE.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ClientState {
    /// Tokens can be created (Genesys's default).
    #[default]
    Active,
    /// Its tokens are invalid and no new ones can be created.
    Disabled,
    /// No tokens, and it will be deleted (`dateToDelete`).
    Inactive,
    /// Gone.
    Deleted,
    /// A state this app does not know.
    Unknown,
}

// Read by hand: older spellings and unknown values must not fail a whole listing
// (ts-rs cannot read serde's `alias`/`other`).
impl<'de> Deserialize<'de> for GrantType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match String::deserialize(d)?.as_str() {
            "CLIENT-CREDENTIALS" | "CLIENT_CREDENTIALS" => GrantType::ClientCredentials,
            "CODE" => GrantType::Code,
            "TOKEN" => GrantType::Token,
            "SAML2-BEARER" | "SAML2BEARER" => GrantType::Saml2Bearer,
            "PASSWORD" => GrantType::Password,
            _ => GrantType::Unknown,
        })
    }
}

impl<'de> Deserialize<'de> for ClientState {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match String::deserialize(d)?.as_str() {
            "active" => ClientState::Active,
            "disabled" => ClientState::Disabled,
            "inactive" => ClientState::Inactive,
            "deleted" => ClientState::Deleted,
            _ => ClientState::Unknown,
        })
    }
}

/// A role granted in a division; `divisionId` `*` means every division.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoleDivision {
    pub role_id: String,
    pub division_id: String,
}

/// The division id that stands for every division.
pub const ALL_DIVISIONS: &str = "*";

/// A `DomainEntityRef` (`createdBy`, `modifiedBy`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EntityRef {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// `OAuthClient` as `GET`/`PUT` answer it. The secret is never part of it: create and
/// regenerate return it apart, as a [`crate::secrets::Secret`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OAuthClient {
    pub id: String,
    pub name: String,
    pub authorized_grant_type: GrantType,
    #[serde(default)]
    pub description: Option<String>,
    /// Seconds; Genesys applies 86,400 when absent.
    #[serde(default)]
    pub access_token_validity_seconds: Option<u32>,
    #[serde(default)]
    pub registered_redirect_uri: Vec<String>,
    #[serde(default)]
    pub scope: Vec<String>,
    #[serde(default)]
    pub role_divisions: Vec<RoleDivision>,
    #[serde(default)]
    pub state: ClientState,
    /// ISO-8601.
    #[serde(default)]
    pub date_created: Option<String>,
    /// ISO-8601.
    #[serde(default)]
    pub date_modified: Option<String>,
    /// ISO-8601: when an inactive client will be removed.
    #[serde(default)]
    pub date_to_delete: Option<String>,
    #[serde(default)]
    pub created_by: Option<EntityRef>,
    #[serde(default)]
    pub modified_by: Option<EntityRef>,
}

/// `OAuthClientEntityListing`: `GET /api/v2/oauth/clients` answers every client at once.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OAuthClientListing {
    pub entities: Vec<OAuthClient>,
}

/// `OAuthClientRequest`: the full body of a create or replace. Build it with
/// [`crate::oauth_client_form::OAuthClientForm::validate`] so it obeys Genesys's rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OAuthClientRequest {
    pub name: String,
    pub authorized_grant_type: GrantType,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub access_token_validity_seconds: u32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub registered_redirect_uri: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scope: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub role_divisions: Vec<RoleDivision>,
    pub state: ClientState,
}

/// `OAuthScope`: one scope of the catalogue, with its (localized) description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OAuthScope {
    pub id: String,
    #[serde(default)]
    pub description: Option<String>,
}

/// `OAuthScopeListing` (not paged).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OAuthScopeListing {
    pub entities: Vec<OAuthScope>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clients_parse_with_unknown_fields_and_name_missing_fields() {
        let client: OAuthClient = serde_json::from_str(
            r#"{"id":"c1","name":"CC","authorizedGrantType":"CLIENT_CREDENTIALS","secret":"CANARY-s",
                "roleDivisions":[{"roleId":"r","divisionId":"*"}],"state":"disabled","selfUri":"/x"}"#,
        )
        .expect("parses");
        assert_eq!(client.authorized_grant_type, GrantType::ClientCredentials);
        assert_eq!(client.state, ClientState::Disabled);
        assert!(!format!("{client:?}").contains("CANARY"), "no secret kept");
        let odd: OAuthClient = serde_json::from_str(
            r#"{"id":"c","name":"n","authorizedGrantType":"NEW","state":"x"}"#,
        )
        .expect("unknown enum values are kept as Unknown");
        assert_eq!(
            (odd.authorized_grant_type, odd.state),
            (GrantType::Unknown, ClientState::Unknown)
        );
        let err = serde_json::from_str::<OAuthClient>(r#"{"id":"c","name":"n"}"#)
            .expect_err("grant type is required");
        assert!(err.to_string().contains("authorizedGrantType"), "{err}");
    }

    #[test]
    fn requests_use_genesys_spellings_and_omit_what_does_not_apply() {
        let request = OAuthClientRequest {
            name: "n".into(),
            authorized_grant_type: GrantType::Saml2Bearer,
            description: String::new(),
            access_token_validity_seconds: 300,
            registered_redirect_uri: Vec::new(),
            scope: vec!["users".into()],
            role_divisions: Vec::new(),
            state: ClientState::Active,
        };
        let json = serde_json::to_value(&request).expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({"name":"n","authorizedGrantType":"SAML2-BEARER",
                "accessTokenValiditySeconds":300,"scope":["users"],"state":"active"})
        );
    }
}
