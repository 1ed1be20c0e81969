//! Before anything is created: who is signed in (org, user), the permissions every step needs
//! (`GET /users/me?expand=authorization`, or, when it lists none, the held roles'
//! `permissionPolicies`), the role/division pairs the user may grant
//! (`subjects/me`), the Data Actions integration limit, and whether the keychain works (matrix
//! E4: found by a probe before any client exists). Also the form's starting point.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::marker::new_run_id;
use super::request::SetupRequest;
use super::role_choice::{permission_covers, suggest_role, WORKSHOP_PERMISSION};
use crate::api::Client;
use crate::error::{Error, Result};
use crate::models::{AuthzGrant, RoleDivision};
use crate::secrets::{Secret, SecretStore};

/// What a run needs the user to be allowed (the permissions each call's docs list,
/// platform-client-sdk-python build/docs/*Api.md): creating, reading and editing the client
/// (reconcile lists it, a lost secret is re-issued with an edit), the integration and its
/// credential, and deleting them (roll back).
pub const REQUIRED_PERMISSIONS: [&str; 8] = [
    "oauth:client:add",
    "oauth:client:view",
    "oauth:client:edit",
    "oauth:client:delete",
    "integrations:integration:add",
    "integrations:integration:view",
    "integrations:integration:edit",
    "integrations:integration:delete",
];

/// What the data action part needs besides (create the draft, read it, test it, publish it,
/// and delete it on a roll back): one permission per operation, as the SDK docs list them
/// ("Requires ANY permissions", platform-client-sdk-python build/docs/IntegrationsApi.md; publish
/// is an edit) and as the Sandbox checks them (src-tauri/sandbox/src/api/actions/permissions.rs).
pub const ACTION_PERMISSIONS: [&str; 5] = [
    "integrations:action:add",
    "integrations:action:view",
    "integrations:action:edit",
    "integrations:action:execute",
    "integrations:action:delete",
];

/// What preflight found. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreflightReport {
    pub org_id: String,
    pub user_id: String,
    /// Of [`REQUIRED_PERMISSIONS`], those the user lacks.
    pub missing_permissions: Vec<String>,
    /// Of [`ACTION_PERMISSIONS`], those the user lacks (they stop only a run with the action
    /// part: [`PreflightReport::check_action`]).
    pub missing_action_permissions: Vec<String>,
    /// The (role, division) pairs the user holds, which the client may get.
    pub held: Vec<RoleDivision>,
    /// Data Actions integrations the org holds now, and Genesys's maximum (the integration
    /// type's `maxInstances`, `Client::data_actions_limit`).
    pub integrations: usize,
    pub max_integrations: usize,
    /// Whether a keychain probe (write, read back, delete) worked.
    pub keychain_available: bool,
    /// Whether the secret store keeps the client secret after the app closes. False when the
    /// app fell back to memory (no usable keychain): a run may go on, but the user is told
    /// first that the secret will not be saved.
    pub secret_persists: bool,
}

impl PreflightReport {
    /// The first problem that stops a run, as a typed error; `Ok` when a run may start.
    /// `installing` is false when the integration already exists (a resumed run).
    pub fn check(&self, installing: bool) -> Result<()> {
        if !self.missing_permissions.is_empty() {
            return Err(Error::MissingPermissions {
                permissions: self.missing_permissions.clone(),
            });
        }
        if installing && self.integrations >= self.max_integrations {
            return Err(Error::IntegrationLimit {
                count: self.integrations,
                max: self.max_integrations,
            });
        }
        if !self.keychain_available {
            return Err(Error::Keychain {
                variant: "ProbeFailed",
                unavailable: true,
            });
        }
        Ok(())
    }

    /// For a run with the data action part: the permissions it needs besides, so a run that
    /// could not make or test the action stops before creating anything.
    pub fn check_action(&self) -> Result<()> {
        if self.missing_action_permissions.is_empty() {
            return Ok(());
        }
        Err(Error::MissingPermissions {
            permissions: self.missing_action_permissions.clone(),
        })
    }
}

/// `UserMe` with `authorization` expanded: only what preflight reads.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MeAuthorized {
    id: String,
    #[serde(default)]
    organization: Option<OrgId>,
    #[serde(default)]
    authorization: Option<Permissions>,
}

#[derive(Deserialize)]
struct OrgId {
    id: String,
}

/// No public source says whether `users/me?expand=authorization` always lists `permissions`;
/// absent (both forms are Sandbox variants), they are read from the held roles instead.
#[derive(Deserialize)]
struct Permissions {
    #[serde(default)]
    permissions: Option<Vec<String>>,
}

/// Who is signed in: (org id, user id), from `users/me` (D5 compares them with a journal).
pub async fn identity(client: &Client, token: &Secret) -> Result<(String, String)> {
    let me = me(client, token).await?;
    Ok((org_of(&me)?, me.id))
}

async fn me(client: &Client, token: &Secret) -> Result<MeAuthorized> {
    client
        .get("/api/v2/users/me?expand=authorization,organization", token)
        .await
}

fn org_of(me: &MeAuthorized) -> Result<String> {
    me.organization
        .as_ref()
        .map(|o| o.id.clone())
        .ok_or_else(|| Error::UnexpectedResponse {
            status: 200,
            reason: "users/me did not expand the organization".to_owned(),
            context_id: None,
        })
}

/// Runs every check (four reads in parallel, the keychain probe off the async runtime).
pub async fn preflight(
    client: &Client,
    token: &Secret,
    secrets: Arc<dyn SecretStore>,
) -> Result<PreflightReport> {
    let secret_persists = secrets.persists();
    let probe = tokio::task::spawn_blocking(move || probe(secrets.as_ref()));
    let (me, subject, integrations, limit) = tokio::join!(
        me(client, token),
        client.subject_me(token),
        client.data_actions_integrations(token),
        client.data_actions_limit(token)
    );
    let (me, subject, integrations, limit) = (me?, subject?, integrations?, limit?);
    let org_id = org_of(&me)?;
    let granted = match me.authorization.and_then(|a| a.permissions) {
        Some(listed) => listed,
        None => client.permissions_held(&subject, token).await?,
    };
    let missing = |needed: &[&str]| -> Vec<String> {
        needed
            .iter()
            .filter(|need| !granted.iter().any(|g| permission_covers(g, need)))
            .map(|p| (*p).to_owned())
            .collect()
    };
    let missing_permissions = missing(&REQUIRED_PERMISSIONS);
    let missing_action_permissions = missing(&ACTION_PERMISSIONS);
    Ok(PreflightReport {
        org_id,
        user_id: me.id,
        missing_permissions,
        missing_action_permissions,
        held: subject.role_divisions(),
        integrations: integrations.len(),
        max_integrations: limit,
        keychain_available: probe.await.map(|r| r.is_ok()).unwrap_or(false),
        secret_persists,
    })
}

/// Writes, reads back and deletes a random probe entry in `store`.
pub fn probe(store: &dyn SecretStore) -> Result<()> {
    let account = format!("dip-studio-setup-probe-{}", new_run_id()?);
    let value = Secret::new(new_run_id()?);
    store.set(&account, &value)?;
    let read = store.get(&account);
    let deleted = store.delete(&account);
    match read? {
        Some(back) if back == value => deleted,
        _ => Err(Error::Keychain {
            variant: "ProbeMismatch",
            unavailable: true,
        }),
    }
}

/// The form's starting point: the workshop defaults with the suggested role pre-selected, and
/// every grant the user holds (names included) to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetupDraft {
    pub request: SetupRequest,
    /// The pre-selected pair, if a held role grants `routing:queue:view`.
    pub suggested: Option<RoleDivision>,
    /// What the user holds (role and division, with names), for the role picker.
    pub held: Vec<AuthzGrant>,
}

/// Reads every role (for permissions) and the user's grants, and builds the [`SetupDraft`].
pub async fn draft(client: &Client, token: &Secret) -> Result<SetupDraft> {
    let (roles, subject) = tokio::join!(client.roles(token), client.subject_me(token));
    let (roles, subject) = (roles?, subject?);
    let suggested = suggest_role(&roles, &subject.role_divisions(), WORKSHOP_PERMISSION);
    Ok(SetupDraft {
        request: SetupRequest::workshop_defaults(suggested.iter().cloned().collect()),
        suggested,
        held: subject.grants,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_action_permissions_stop_only_a_run_with_the_action_part() {
        let report = PreflightReport {
            org_id: "o".into(),
            user_id: "u".into(),
            missing_permissions: Vec::new(),
            missing_action_permissions: vec!["integrations:action:execute".into()],
            held: Vec::new(),
            integrations: 0,
            max_integrations: 10,
            keychain_available: true,
            secret_persists: true,
        };
        assert!(report.check(true).is_ok(), "the integration part may run");
        match report.check_action() {
            Err(Error::MissingPermissions { permissions }) => {
                assert_eq!(permissions, ["integrations:action:execute"])
            }
            other => panic!("not refused: {other:?}"),
        }
        let allowed = PreflightReport {
            missing_action_permissions: Vec::new(),
            ..report
        };
        assert!(allowed.check_action().is_ok());
    }
}
