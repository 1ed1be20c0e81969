//! Authorization (genesys-api.md §5): roles, divisions, the signed-in subject's grants
//! (`subjects/me`, what the user may grant) and a user's roles.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::oauth_clients::RoleDivision;

/// `DomainOrganizationRole`: a role of the org, with its permissions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DomainOrganizationRole {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    /// `domain:entity:action` strings; any segment may be `*`.
    #[serde(default)]
    pub permissions: Vec<String>,
    /// Whether Genesys ships this role.
    #[serde(default)]
    pub default: bool,
    #[serde(default)]
    pub user_count: Option<u32>,
}

/// `AuthzDivision`. In a grant, id `*` stands for every division.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuthzDivision {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub home_division: bool,
}

/// `AuthzGrantRole`: the role of a grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuthzGrantRole {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub default: bool,
}

/// `AuthzGrant`: one role held in one division.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuthzGrant {
    pub role: AuthzGrantRole,
    pub division: AuthzDivision,
    /// ISO-8601.
    #[serde(default)]
    pub grant_made_at: Option<String>,
}

/// `AuthzSubject` from `GET /api/v2/authorization/subjects/me`: the (role, division) pairs the
/// signed-in user holds, which are the pairs they may grant to a Client Credentials client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuthzSubject {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub grants: Vec<AuthzGrant>,
    #[serde(default)]
    pub version: Option<u32>,
}

impl AuthzSubject {
    /// Every held (role, division) pair.
    pub fn role_divisions(&self) -> Vec<RoleDivision> {
        self.grants
            .iter()
            .map(|g| RoleDivision {
                role_id: g.role.id.clone(),
                division_id: g.division.id.clone(),
            })
            .collect()
    }

    /// Whether the subject holds `role_id` in any division.
    pub fn holds_role(&self, role_id: &str) -> bool {
        self.grants.iter().any(|g| g.role.id == role_id)
    }
}

/// `DomainRole`: a role as a user's role list names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DomainRole {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// `UserAuthorization` from `GET /api/v2/users/{id}/roles`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UserAuthorization {
    #[serde(default)]
    pub roles: Vec<DomainRole>,
    #[serde(default)]
    pub permissions: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_list_their_pairs_and_missing_ids_are_named() {
        let me: AuthzSubject = serde_json::from_str(
            r#"{"id":"u","grants":[{"subjectId":"u","role":{"id":"r","policies":[]},
                "division":{"id":"*","name":"All divisions"},"grantMadeAt":"2026-01-01T00:00:00Z"}],
                "version":3,"selfUri":"/x"}"#,
        )
        .expect("parses");
        assert_eq!(
            me.role_divisions(),
            [RoleDivision {
                role_id: "r".into(),
                division_id: "*".into()
            }]
        );
        assert!(me.holds_role("r") && !me.holds_role("s"));
        let err = serde_json::from_str::<AuthzSubject>(r#"{"grants":[]}"#).expect_err("no id");
        assert!(err.to_string().contains("`id`"), "{err}");
        let err =
            serde_json::from_str::<DomainOrganizationRole>(r#"{"id":"r"}"#).expect_err("no name");
        assert!(err.to_string().contains("`name`"), "{err}");
    }
}
