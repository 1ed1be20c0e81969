//! The Data Actions integration screen's wire types: integrations with their live
//! `reportedState`, the credentials they use, the OAuth clients a credential can point at, and
//! the credential choice (whose typed secret is redacted in `Debug`).

use std::fmt;

use genesys::models::{ClientState, GrantType, ReportedStateCode};
use genesys::secrets::Secret;
use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

use crate::CommandError;

/// An installed "Genesys Cloud Data Actions" integration (`purecloud-data-actions`).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IntegrationView {
    pub id: String,
    pub name: String,
    pub notes: Option<String>,
    /// `intendedState`: `ENABLED` or `DISABLED` (as Genesys spells it).
    pub intended_state: String,
    /// `reportedState.code`; `UNKNOWN` for a value this app does not know.
    pub reported: ReportedStateCode,
    /// `reportedState.detail.message`: why it is in ERROR, in Genesys's words.
    pub detail: Option<String>,
    /// The `pureCloudOAuthClient` credential in its current configuration, if any.
    pub credential_id: Option<String>,
}

/// A `pureCloudOAuthClient` credential; Genesys never serves its secret back.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CredentialView {
    pub id: String,
    pub name: String,
    /// The OAuth client id in its fields, when Genesys shows it.
    pub client_id: Option<String>,
}

/// An OAuth client a credential can name.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClientView {
    pub id: String,
    pub name: String,
    pub grant_type: GrantType,
    pub state: ClientState,
    /// Whether this app holds its secret in the keychain (so it can configure a credential).
    pub secret_in_keychain: bool,
}

/// Everything the integration screen and the diagram show, read in one go.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IntegrationsOverview {
    pub integrations: Vec<IntegrationView>,
    pub credentials: Vec<CredentialView>,
    pub clients: Vec<ClientView>,
    /// The data actions of these integrations (the diagram's last node).
    pub actions: Vec<super::actions::ActionSummary>,
    /// Data Actions integrations an org may hold (10 when the integration type gives no maxInstances).
    pub limit: u32,
}

/// A role the signed-in user holds, so may grant to a new client.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoleChoice {
    pub id: String,
    pub name: String,
    pub permission_count: u32,
}

/// A division a new client's role can be granted in.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DivisionChoice {
    pub id: String,
    pub name: String,
}

/// What the "new Client Credentials client" form offers: the roles held, the suggested one
/// (fewest permissions that still include `routing:queue:view`) and the divisions.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClientChoices {
    pub roles: Vec<RoleChoice>,
    pub suggested_role_id: Option<String>,
    pub divisions: Vec<DivisionChoice>,
    pub home_division_id: String,
}

/// How to give an integration its `pureCloudOAuthClient` credential.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum CredentialChoice {
    /// A client whose secret this app holds in the keychain.
    KeychainClient { client_id: String },
    /// A client id and secret typed by the user (the secret goes to the keychain too, once a
    /// token was minted with it).
    Typed {
        client_id: String,
        #[ts(type = "string")]
        client_secret: TypedSecret,
    },
    /// A new Client Credentials client created here with one role in one division.
    NewClient {
        name: String,
        role_id: String,
        division_id: String,
    },
    /// No credential: the integration cannot activate until one is set.
    Remove,
}

/// A secret the window sends (read from JSON as a plain string). It is never serialized back,
/// and `Debug` prints `[redacted]`, so a logged choice shows no secret.
#[derive(Clone)]
pub struct TypedSecret(Secret);

impl TypedSecret {
    pub fn secret(&self) -> &Secret {
        &self.0
    }
}

impl fmt::Debug for TypedSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for TypedSecret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|s| TypedSecret(Secret::new(s)))
    }
}

/// What configuring credentials did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Configured {
    pub integration: IntegrationView,
    pub credential: Option<CredentialView>,
    /// The client created for a `newClient` choice; its secret is in the keychain only.
    pub created_client: Option<ClientView>,
}

/// The smoke check after activation: can the credential's client mint a token?
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "camelCase")]
#[ts(export)]
pub enum SmokeCheck {
    Passed,
    Failed {
        error: CommandError,
    },
    /// The secret is not in this app's keychain, so there is nothing to mint a token with.
    NoSecret,
    /// Not run: the integration did not reach ACTIVE (or was being deactivated).
    NotRun,
}

/// The end of an activate / deactivate: the state reached and the smoke check.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Activation {
    pub integration: IntegrationView,
    pub smoke: SmokeCheck,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_secret_is_read_from_json_but_never_printed() {
        let choice: CredentialChoice = serde_json::from_value(serde_json::json!({
            "kind": "typed", "clientId": "c", "clientSecret": "CANARY-typed-secret"
        }))
        .expect("a typed choice");
        let printed = format!("{choice:?}");
        assert!(!printed.contains("CANARY"), "{printed}");
        assert!(printed.contains("[redacted]"), "{printed}");
        match choice {
            CredentialChoice::Typed { client_secret, .. } => {
                assert_eq!(client_secret.secret().expose(), "CANARY-typed-secret")
            }
            other => panic!("{other:?}"),
        }
    }
}
