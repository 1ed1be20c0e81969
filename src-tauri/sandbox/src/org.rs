//! The state of one Sandbox org: every object the emulated API can read or change, and finding
//! one by its id. This is what the state file holds and what `RunningSandbox::snapshot` reports.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use crate::api::actions::ActionRecord;
pub use crate::routing::{
    PresenceDefinitionRecord, PresenceRecord, QueueMemberRecord, QueueRecord, RoutingStatus,
    SystemPresence,
};

/// The whole org. Secrets, codes and tokens are only ever kept as SHA-256 digests.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Org {
    pub organization: OrganizationRecord,
    pub divisions: Vec<DivisionRecord>,
    pub roles: Vec<RoleRecord>,
    pub users: Vec<UserRecord>,
    pub oauth_clients: Vec<OAuthClientRecord>,
    pub scopes: Vec<ScopeRecord>,
    /// `IntegrationType` objects exactly as the API serves them.
    pub integration_types: Vec<Value>,
    /// `CredentialType` objects exactly as the API serves them.
    pub credential_types: Vec<Value>,
    pub integrations: Vec<IntegrationRecord>,
    pub credentials: Vec<CredentialRecord>,
    /// Issued access tokens keyed by the SHA-256 of the token.
    pub tokens: BTreeMap<String, TokenRecord>,
    /// Refresh tokens of confidential code grants, keyed by the SHA-256 of the token.
    #[serde(default)]
    pub refresh_tokens: BTreeMap<String, RefreshRecord>,
    /// Routing queues and their members (absent from state files written before queues).
    #[serde(default)]
    pub queues: Vec<QueueRecord>,
    /// The org's presence definitions, one per system presence.
    #[serde(default)]
    pub presence_definitions: Vec<PresenceDefinitionRecord>,
    /// Data actions, published and draft (absent from state files written before actions).
    #[serde(default)]
    pub actions: Vec<ActionRecord>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRecord {
    pub id: String,
    pub name: String,
    pub third_party_org_name: String,
    pub domain: String,
    pub default_language: String,
    pub default_country_code: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DivisionRecord {
    pub id: String,
    pub name: String,
    pub description: String,
    pub home_division: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleRecord {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Legacy permission names (`admin`, `group_creation`...): what a role's `permissions`
    /// array holds (terraform-provider-genesyscloud
    /// genesyscloud/auth_role/resource_genesyscloud_auth_role_schema.go: "General role
    /// permissions. e.g. 'group_creation'"). No permission check reads them.
    #[serde(default)]
    pub permissions: Vec<String>,
    /// What the role grants, as `domain:entity:action` strings (any segment may be `*`, and `*`
    /// alone is every permission): served as `permissionPolicies` and used by every check.
    #[serde(default)]
    pub policies: Vec<String>,
    #[serde(default)]
    pub default: bool,
}

/// A role held in a division; `divisionId` `*` means every division.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Grant {
    pub role_id: String,
    pub division_id: String,
    pub granted_ms: i64,
}

/// Grants written by `PUT /users/{id}/roles` that take effect once the consistency delay passed.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingGrants {
    pub grants: Vec<Grant>,
    pub effective_ms: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserRecord {
    pub id: String,
    pub name: String,
    pub email: String,
    pub title: String,
    pub department: String,
    pub password_sha256: String,
    pub division_id: String,
    pub grants: Vec<Grant>,
    #[serde(default)]
    pub pending_grants: Option<PendingGrants>,
    pub version: i64,
    /// What a queue members listing expands as `presence` and `routingStatus`.
    #[serde(default)]
    pub presence: PresenceRecord,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleDivision {
    pub role_id: String,
    pub division_id: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OAuthClientRecord {
    pub id: String,
    pub name: String,
    pub description: String,
    pub authorized_grant_type: String,
    pub access_token_validity_seconds: i64,
    pub registered_redirect_uri: Vec<String>,
    pub scope: Vec<String>,
    pub role_divisions: Vec<RoleDivision>,
    pub state: String,
    /// `None` for a public client (the seeded sign-in clients): PKCE or implicit only.
    pub secret_sha256: Option<String>,
    /// The secret is refused at `/oauth/token` until then (the secret-delay knob).
    #[serde(default)]
    pub secret_usable_ms: i64,
    pub date_created_ms: i64,
    pub date_modified_ms: i64,
    pub created_by: Option<String>,
    pub modified_by: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScopeRecord {
    pub id: String,
    pub description: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IntegrationRecord {
    pub id: String,
    pub name: String,
    pub type_id: String,
    pub notes: String,
    /// `ENABLED` or `DISABLED`.
    pub intended_state: String,
    /// When `intendedState` last changed; `reportedState` is derived from it.
    pub state_changed_ms: i64,
    pub config: IntegrationConfigRecord,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IntegrationConfigRecord {
    pub version: i64,
    pub properties: Value,
    pub advanced: Value,
    pub notes: String,
    /// Credential slot name (e.g. `pureCloudOAuthClient`) to credential id.
    pub credentials: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialRecord {
    pub id: String,
    pub name: String,
    pub type_name: String,
    /// Fields served back by GET (not sensitive).
    pub fields: BTreeMap<String, String>,
    /// Sensitive fields (secrets, passwords), kept only as SHA-256 digests.
    pub sensitive_sha256: BTreeMap<String, String>,
    pub created_ms: i64,
    pub modified_ms: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenRecord {
    pub client_id: String,
    /// The signed-in user, or `None` for a client-credentials token.
    pub user_id: Option<String>,
    pub issued_ms: i64,
    pub expires_ms: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefreshRecord {
    pub client_id: String,
    pub user_id: String,
    pub issued_ms: i64,
}

/// An object the API addresses by its `id`.
pub trait Entity {
    fn id(&self) -> &str;
}

macro_rules! entities {
    ($($record:ty),+) => {
        $(impl Entity for $record {
            fn id(&self) -> &str {
                &self.id
            }
        })+
    };
}

entities!(
    DivisionRecord,
    RoleRecord,
    UserRecord,
    OAuthClientRecord,
    ScopeRecord,
    IntegrationRecord,
    CredentialRecord,
    QueueRecord
);

/// The object with `id` among `objects`.
pub fn by_id<'a, T: Entity>(objects: &'a [T], id: &str) -> Option<&'a T> {
    objects.iter().find(|o| o.id() == id)
}

/// The object with `id` among `objects`, to change it.
pub fn by_id_mut<'a, T: Entity>(objects: &'a mut [T], id: &str) -> Option<&'a mut T> {
    objects.iter_mut().find(|o| o.id() == id)
}

impl Org {
    pub fn home_division(&self) -> Option<&DivisionRecord> {
        self.divisions.iter().find(|d| d.home_division)
    }
    pub fn division(&self, id: &str) -> Option<&DivisionRecord> {
        by_id(&self.divisions, id)
    }
    pub fn role(&self, id: &str) -> Option<&RoleRecord> {
        by_id(&self.roles, id)
    }
    pub fn user(&self, id: &str) -> Option<&UserRecord> {
        by_id(&self.users, id)
    }
    pub fn client(&self, id: &str) -> Option<&OAuthClientRecord> {
        by_id(&self.oauth_clients, id)
    }
    pub fn credential(&self, id: &str) -> Option<&CredentialRecord> {
        by_id(&self.credentials, id)
    }
    pub fn integration(&self, id: &str) -> Option<&IntegrationRecord> {
        by_id(&self.integrations, id)
    }
    pub fn scope(&self, id: &str) -> Option<&ScopeRecord> {
        by_id(&self.scopes, id)
    }
    pub fn queue(&self, id: &str) -> Option<&QueueRecord> {
        by_id(&self.queues, id)
    }
    pub fn integration_type(&self, id: &str) -> Option<&Value> {
        self.integration_types
            .iter()
            .find(|t| t.get("id").and_then(Value::as_str) == Some(id))
    }
    pub fn credential_type(&self, name: &str) -> Option<&Value> {
        self.credential_types
            .iter()
            .find(|t| t.get("name").and_then(Value::as_str) == Some(name))
    }
}
