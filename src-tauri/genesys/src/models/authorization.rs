//! Authorization (platform-client-sdk-python build/PureCloudPlatformClientV2/models/domain_organization_role.py and authz_subject.py): roles, divisions, the signed-in subject's grants
//! (`subjects/me`, what the user may grant) and a user's roles.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::oauth_clients::RoleDivision;

/// `DomainPermissionPolicy`: what a role grants on one entity of one domain. `*` in
/// `entityName` or `actionSet` means any (terraform-provider-genesyscloud
/// genesyscloud/auth_role/resource_genesyscloud_auth_role_schema.go: "Permission entity or '*'
/// for all", "Actions allowed on the entity or '*' for all").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DomainPermissionPolicy {
    #[serde(default)]
    pub domain: String,
    #[serde(default)]
    pub entity_name: String,
    #[serde(default)]
    pub action_set: Vec<String>,
}

/// `DomainOrganizationRole`: a role of the org (platform-client-sdk-python
/// build/PureCloudPlatformClientV2/models/domain_organization_role.py).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DomainOrganizationRole {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    /// Legacy permission names such as `group_creation` (terraform-provider-genesyscloud
    /// genesyscloud/auth_role/resource_genesyscloud_auth_role_schema.go), not what the role
    /// grants: read [`DomainOrganizationRole::granted`] for that.
    #[serde(default)]
    pub permissions: Vec<String>,
    /// What the role grants, one policy per (domain, entity); Terraform's
    /// genesyscloud/auth_role/resource_genesyscloud_auth_role_utils.go reads a role's
    /// permissions from here (`flattenRolePermissionPolicies`).
    #[serde(default)]
    pub permission_policies: Vec<DomainPermissionPolicy>,
    /// Whether Genesys ships this role.
    #[serde(default)]
    pub default: bool,
    #[serde(default)]
    pub user_count: Option<u32>,
}

/// `DomainOrganizationRoleCreate`, the body of `POST /api/v2/authorization/roles`: `name` is
/// required (platform-client-sdk-python build/docs/DomainOrganizationRoleCreate.md); the
/// policies say what the role grants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewRole {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub permission_policies: Vec<DomainPermissionPolicy>,
}

/// `domain:entity:action` for every action of every policy, each once, in order. An empty
/// segment reads as `*` (any); an empty action set grants nothing.
pub fn policy_permissions<'a>(
    policies: impl IntoIterator<Item = (&'a str, &'a str, &'a [String])>,
) -> Vec<String> {
    let any = |s: &'a str| if s.trim().is_empty() { "*" } else { s.trim() };
    let mut out: Vec<String> = Vec::new();
    for (domain, entity, actions) in policies {
        for action in actions {
            let p = format!("{}:{}:{}", any(domain), any(entity), any(action));
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

impl DomainOrganizationRole {
    /// What the role grants, as `domain:entity:action` strings from its `permissionPolicies`
    /// (any segment may be `*`).
    pub fn granted(&self) -> Vec<String> {
        policy_permissions(self.permission_policies.iter().map(|p| {
            (
                p.domain.as_str(),
                p.entity_name.as_str(),
                p.action_set.as_slice(),
            )
        }))
    }
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
pub struct DomainRole {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// `UserAuthorization` from `GET /api/v2/users/{id}/roles`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
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
