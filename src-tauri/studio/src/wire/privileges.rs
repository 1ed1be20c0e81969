//! Least privilege for an integration's data actions, as the window sees it: what each action's
//! call needs (read from the org's API description), what the integration's OAuth client holds,
//! what is missing or more than needed, and the role that would cover exactly the need.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How an action's need was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum NeedSource {
    /// The operation requires any one of `listed`.
    Any,
    /// The operation requires every one of `listed`.
    All,
    /// The operation requires no permission.
    Nothing,
    /// The API description has no such operation.
    Unknown,
    /// The URL is built from an input: only a run can tell.
    FromInput,
    /// Not a Platform API URL.
    OtherHost,
}

/// One action's call and what it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionNeed {
    pub action_id: String,
    pub name: String,
    pub method: String,
    /// The URL as called, with `{}` where Velocity fills a segment in (empty when not derived).
    pub path: String,
    /// The API description's path template it matched.
    pub endpoint: Option<String>,
    pub source: NeedSource,
    pub listed: Vec<String>,
    /// The weakest grant that satisfies the need.
    pub least: Vec<String>,
    /// Whether the client's roles already satisfy it.
    pub covered: bool,
}

/// One role the client holds, in one division.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HeldRole {
    pub role_id: String,
    pub role_name: String,
    pub division_id: String,
}

/// A permission the client holds that no action needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExtraGrant {
    pub permission: String,
    /// It can make, change or remove things (or is a wildcard).
    pub risky: bool,
}

/// The integration's OAuth client and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClientGrants {
    pub client_id: String,
    pub client_name: String,
    pub roles: Vec<HeldRole>,
    pub missing: Vec<String>,
    pub extra: Vec<ExtraGrant>,
}

/// The role offered to cover the need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoleOffer {
    /// An existing role that grants exactly the need, reused rather than made again.
    pub reuse_role_id: Option<String>,
    pub reuse_role_name: Option<String>,
    /// The name a new role gets.
    pub new_role_name: String,
    pub permissions: Vec<String>,
    /// Whether the signed-in user already holds the reused role (else it is given to them
    /// first: only a holder may grant a role to a client).
    pub held_by_me: bool,
}

/// Where the API description came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CatalogInfo {
    /// Seconds since the Unix epoch when it was downloaded.
    #[ts(type = "number")]
    pub fetched_at: u64,
    pub operations: u32,
    /// The download failed and an older copy is used.
    pub stale: bool,
}

/// The least-privilege view of one integration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionPrivileges {
    pub integration_id: String,
    pub integration_name: String,
    pub catalog: CatalogInfo,
    pub actions: Vec<ActionNeed>,
    /// The union of every action's least grant, sorted.
    pub needed: Vec<String>,
    /// `None` when the integration has no OAuth client credential.
    pub client: Option<ClientGrants>,
    /// `None` when nothing is missing.
    pub offer: Option<RoleOffer>,
}

/// Grant the offered role to the integration's client in `division_id`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrivilegeGrant {
    pub integration_id: String,
    pub division_id: String,
}
