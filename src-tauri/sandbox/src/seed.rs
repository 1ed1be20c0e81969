//! The seeded org, read from the `seed.json` fixture compiled into the crate, plus the optional
//! extra roles for load tests and the generated members of the overflow queue.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Error;
use crate::ids;
use crate::org::{
    DivisionRecord, Grant, OAuthClientRecord, Org, OrganizationRecord, PresenceDefinitionRecord,
    PresenceRecord, RoleDivision, RoleRecord, ScopeRecord, UserRecord,
};
use crate::seed_queues::{seeded_queues, FixtureOverflow, FixturePresence, FixtureQueue};

/// What a caller needs to sign in to the seeded org.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeedInfo {
    pub org_id: String,
    pub org_name: String,
    pub home_division_id: String,
    pub admin_user_id: String,
    pub admin_name: String,
    pub admin_email: String,
    pub admin_password: String,
    /// The ready `CODE` (PKCE) sign-in client, `http://127.0.0.1` and `http://localhost` registered.
    pub code_client_id: String,
    /// The ready `TOKEN` (implicit) sign-in client, same redirect URIs.
    pub token_client_id: String,
}

const FIXTURE: &str = include_str!("seed.json");

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Fixture {
    seeded_at_ms: i64,
    organization: OrganizationRecord,
    divisions: Vec<DivisionRecord>,
    roles: Vec<RoleRecord>,
    users: Vec<FixtureUser>,
    oauth_clients: Vec<FixtureClient>,
    sign_in: FixtureSignIn,
    scopes: Vec<ScopeRecord>,
    integration_types: Vec<Value>,
    credential_types: Vec<Value>,
    presence_definitions: Vec<PresenceDefinitionRecord>,
    queues: Vec<FixtureQueue>,
    overflow_queue: FixtureOverflow,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FixtureUser {
    id: String,
    name: String,
    email: String,
    title: String,
    department: String,
    /// Agents who only appear in queues have none and cannot sign in.
    #[serde(default)]
    password: Option<String>,
    division_id: String,
    grants: Vec<RoleDivision>,
    #[serde(default)]
    presence: Option<FixturePresence>,
}

/// A public sign-in client (no secret): PKCE or implicit only.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FixtureClient {
    id: String,
    name: String,
    description: String,
    authorized_grant_type: String,
    access_token_validity_seconds: i64,
    registered_redirect_uri: Vec<String>,
    scope: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FixtureSignIn {
    admin_user_id: String,
    code_client_id: String,
    token_client_id: String,
}

/// The seeded org with `extra_roles` load-test roles appended, and what callers need to sign in.
pub fn seeded_org(extra_roles: usize) -> Result<(Org, SeedInfo), Error> {
    let fx: Fixture = serde_json::from_str(FIXTURE).map_err(Error::Seed)?;
    let at = fx.seeded_at_ms;
    let admin = fx
        .users
        .iter()
        .find(|u| u.id == fx.sign_in.admin_user_id)
        .ok_or_else(|| Error::Seed(serde::de::Error::custom("signIn.adminUserId is not a user")))?;
    let home = fx
        .divisions
        .iter()
        .find(|d| d.home_division)
        .ok_or_else(|| Error::Seed(serde::de::Error::custom("no home division")))?;
    let info = SeedInfo {
        org_id: fx.organization.id.clone(),
        org_name: fx.organization.name.clone(),
        home_division_id: home.id.clone(),
        admin_user_id: admin.id.clone(),
        admin_name: admin.name.clone(),
        admin_email: admin.email.clone(),
        admin_password: admin.password.clone().unwrap_or_default(),
        code_client_id: fx.sign_in.code_client_id.clone(),
        token_client_id: fx.sign_in.token_client_id.clone(),
    };
    let mut roles = fx.roles;
    roles.extend((1..=extra_roles).map(|n| RoleRecord {
        id: format!("00000000-0000-4000-8000-{n:012}"),
        name: format!("Load Test Role {n:04}"),
        description: "Extra role seeded for load tests.".to_owned(),
        permissions: vec!["queue_view".to_owned()],
        policies: vec!["routing:queue:view".to_owned()],
        default: false,
    }));
    let mut users: Vec<UserRecord> = fx
        .users
        .into_iter()
        .map(|u| UserRecord {
            // An empty digest matches no password: such a user cannot sign in.
            password_sha256: u.password.as_deref().map(ids::digest).unwrap_or_default(),
            presence: u
                .presence
                .map_or_else(PresenceRecord::default, |p| p.record(at)),
            grants: u
                .grants
                .into_iter()
                .map(|g| Grant {
                    role_id: g.role_id,
                    division_id: g.division_id,
                    granted_ms: at,
                })
                .collect(),
            pending_grants: None,
            version: 1,
            id: u.id,
            name: u.name,
            email: u.email,
            title: u.title,
            department: u.department,
            division_id: u.division_id,
        })
        .collect();
    let queues = seeded_queues(fx.queues, fx.overflow_queue, at, &mut users);
    let oauth_clients = fx
        .oauth_clients
        .into_iter()
        .map(|c| OAuthClientRecord {
            id: c.id,
            name: c.name,
            description: c.description,
            authorized_grant_type: c.authorized_grant_type,
            access_token_validity_seconds: c.access_token_validity_seconds,
            registered_redirect_uri: c.registered_redirect_uri,
            scope: c.scope,
            role_divisions: Vec::new(),
            state: "active".to_owned(),
            secret_sha256: None,
            secret_usable_ms: 0,
            date_created_ms: at,
            date_modified_ms: at,
            created_by: None,
            modified_by: None,
        })
        .collect();
    let org = Org {
        organization: fx.organization,
        divisions: fx.divisions,
        roles,
        users,
        oauth_clients,
        scopes: fx.scopes,
        integration_types: fx.integration_types,
        credential_types: fx.credential_types,
        integrations: Vec::new(),
        credentials: Vec::new(),
        tokens: BTreeMap::new(),
        refresh_tokens: BTreeMap::new(),
        queues,
        presence_definitions: fx.presence_definitions,
        actions: Vec::new(),
    };
    Ok((org, info))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixture_is_consistent() {
        let (org, info) = seeded_org(0).expect("the fixture parses");
        assert!(org.roles.len() >= 30, "about 30 Genesys-like roles");
        let admin = org.user(&info.admin_user_id).expect("admin exists");
        let master = org
            .roles
            .iter()
            .find(|r| r.name == "Master Admin")
            .expect("Master Admin");
        assert!(
            admin.grants.iter().all(|g| g.role_id != master.id),
            "the admin must not hold every role, so the roles-you-hold rule is visible"
        );
        for user in &org.users {
            for grant in &user.grants {
                assert!(
                    org.role(&grant.role_id).is_some(),
                    "grant names a seeded role"
                );
                assert!(grant.division_id == "*" || org.division(&grant.division_id).is_some());
            }
        }
        assert_eq!(org.divisions.len(), 3);
        assert_eq!(
            org.client(&info.code_client_id)
                .map(|c| c.authorized_grant_type.as_str()),
            Some("CODE")
        );
        assert_eq!(
            org.client(&info.token_client_id)
                .map(|c| c.authorized_grant_type.as_str()),
            Some("TOKEN")
        );
        assert!(org.integration_type("purecloud-data-actions").is_some());
        assert!(org.credential_type("pureCloudOAuthClient").is_some());
    }

    #[test]
    fn extra_roles_have_unique_ids() {
        let (org, _) = seeded_org(5_000).expect("the fixture parses");
        let ids: std::collections::BTreeSet<&str> =
            org.roles.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), org.roles.len());
        assert!(org.roles.len() >= 5_030);
    }
}
