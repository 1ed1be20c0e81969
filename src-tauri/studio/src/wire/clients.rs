//! The OAuth clients screen's wire types: a client just issued a secret (the secret itself
//! stays in Rust), what a delete did, the credentials using a client, and the roles picker.

use genesys::models::{AuthzDivision, OAuthClient};
use serde::Serialize;
use ts_rs::TS;

/// A client just created or given a new secret: the secret itself stays in Rust.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IssuedClientView {
    pub client: OAuthClient,
    /// For `oauth_client_secret_reveal` (once, within 60 s), copy and forget.
    pub reveal_handle: String,
    /// False when no keychain answered: the secret lives in memory for this run only, so the
    /// user must copy it now or regenerate it later (security-matrix.md E3/E4).
    pub saved_to_keychain: bool,
}

/// What deleting a client did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeletionView {
    /// True: the client answers 404, it is gone. False: Genesys keeps it inactive until
    /// `dateToDelete` (clients created over 30 days ago).
    pub deleted: bool,
    /// ISO-8601, when `deleted` is false and Genesys says when.
    pub date_to_delete: Option<String>,
}

/// A `pureCloudOAuthClient` credential whose `clientId` is the client's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CredentialUse {
    pub id: String,
    pub name: Option<String>,
}

/// The credentials naming a client, and how many OAuth credentials could not be checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CredentialUses {
    pub using: Vec<CredentialUse>,
    /// OAuth credentials whose `GET` gave no `clientId`, so the app cannot tell.
    pub unknown: u32,
}

/// One role as the picker shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoleView {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// `domain:entity:action` permissions its policies grant.
    pub permission_count: u32,
    /// Division ids the signed-in user holds this role in; `*` means every division. Empty:
    /// not held, so it cannot be granted to a client.
    pub held: Vec<String>,
}

/// Everything the roles × divisions picker needs, in one answer.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RolesView {
    pub roles: Vec<RoleView>,
    pub divisions: Vec<AuthzDivision>,
    /// The org's home division: the default division of a picked role.
    pub home_division_id: Option<String>,
    /// False for a Client Credentials session: it has no user to assign roles to.
    pub can_assign_to_me: bool,
    /// False when Genesys would not say what this session may grant (a Client Credentials
    /// client refused both `subjects/me` and its own client): no role shows as held.
    pub grants_known: bool,
}
