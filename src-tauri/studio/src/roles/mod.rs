//! Roles for the roles × divisions picker: every role of the org (all pages) as one compact
//! view each, with the divisions the signed-in user holds it in (`subjects/me`, or a Client
//! Credentials client's own role divisions when that is refused), plus the org's divisions and
//! its home division. Permissions (from each role's policies) are fetched per role on demand.

mod choices;

use std::collections::HashMap;

use genesys::api::{assign_role_to_me, AssignProgress, AssignWaits, GrantsSource};
use genesys::models::{AuthzSubject, DomainOrganizationRole};

pub use choices::{choices, choices_for};

use crate::wire::clients::{RoleView, RolesView};
use crate::{CommandResult, OrgContext};

/// The divisions each role is held in, by role id.
pub fn held_by_role(me: &AuthzSubject) -> HashMap<String, Vec<String>> {
    let mut held: HashMap<String, Vec<String>> = HashMap::new();
    for grant in &me.grants {
        let divisions = held.entry(grant.role.id.clone()).or_default();
        if !divisions.contains(&grant.division.id) {
            divisions.push(grant.division.id.clone());
        }
    }
    held
}

/// The compact view of `roles`, sorted by name (case-insensitive) for the picker.
pub fn views(roles: Vec<DomainOrganizationRole>, me: &AuthzSubject) -> Vec<RoleView> {
    let held = held_by_role(me);
    let mut views: Vec<RoleView> = roles
        .into_iter()
        .map(|role| RoleView {
            held: held.get(&role.id).cloned().unwrap_or_default(),
            permission_count: u32::try_from(role.granted().len()).unwrap_or(u32::MAX),
            id: role.id,
            name: role.name,
            description: role.description,
        })
        .collect();
    views.sort_by_cached_key(|r| r.name.to_lowercase());
    views
}

/// Every role (all pages) with what the user holds, the divisions and the home division, read
/// at the same time.
pub async fn picker(org: &OrgContext) -> CommandResult<RolesView> {
    let session = &org.session;
    let (client, token) = (session.client(), session.token());
    let (roles, divisions, held) = tokio::try_join!(
        client.roles(token),
        client.divisions(token),
        client.held_grants(token)
    )?;
    let home_division_id = divisions
        .iter()
        .find(|d| d.home_division)
        .map(|d| d.id.clone());
    Ok(RolesView {
        roles: views(roles, &held.subject),
        divisions,
        home_division_id,
        can_assign_to_me: session.info().user_id.is_some(),
        grants_known: held.source != GrantsSource::Unknown,
    })
}

/// One role's permissions (`domain:entity:action`, from its policies), on demand.
pub async fn permissions(org: &OrgContext, role_id: &str) -> CommandResult<Vec<String>> {
    let s = &org.session;
    Ok(s.client().role(role_id, s.token()).await?.granted())
}

/// After the user consented: adds `role_id` to their roles (`PUT /api/v2/users/{id}/roles`),
/// waits Genesys's settle time (`report` hears the progress, about once a second), then until
/// `subjects/me` shows it. Returns the divisions they now hold it in, as `subjects/me` says.
pub async fn assign_to_me(
    org: &OrgContext,
    role_id: &str,
    report: &(dyn Fn(AssignProgress) + Send + Sync),
) -> CommandResult<Vec<String>> {
    let me = assign_role_to_me(&org.session, role_id, AssignWaits::default(), report).await?;
    Ok(held_by_role(&me).remove(role_id).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use genesys::models::{AuthzDivision, AuthzGrant, AuthzGrantRole, DomainPermissionPolicy};

    fn grant(role: &str, division: &str) -> AuthzGrant {
        AuthzGrant {
            role: AuthzGrantRole {
                id: role.into(),
                name: None,
                description: None,
                default: false,
            },
            division: AuthzDivision {
                id: division.into(),
                name: None,
                description: None,
                home_division: false,
            },
            grant_made_at: None,
        }
    }

    fn role(id: &str, name: &str, permissions: usize) -> DomainOrganizationRole {
        DomainOrganizationRole {
            id: id.into(),
            name: name.into(),
            description: None,
            permissions: vec!["legacy_name".into(); 3],
            permission_policies: vec![DomainPermissionPolicy {
                domain: "a".into(),
                entity_name: "b".into(),
                action_set: (0..permissions).map(|n| format!("c{n}")).collect(),
            }],
            default: false,
            user_count: None,
        }
    }

    #[test]
    fn roles_carry_the_divisions_they_are_held_in_and_sort_by_name() {
        let me = AuthzSubject {
            id: "u".into(),
            name: None,
            grants: vec![
                grant("r1", "*"),
                grant("r2", "d1"),
                grant("r2", "d2"),
                grant("r2", "d1"),
            ],
            version: None,
        };
        let out = views(
            vec![
                role("r3", "zeta", 0),
                role("r1", "Alpha", 2),
                role("r2", "beta", 1),
            ],
            &me,
        );
        let names: Vec<_> = out.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Alpha", "beta", "zeta"]);
        assert_eq!(out[0].held, ["*"]);
        assert_eq!(out[0].permission_count, 2);
        assert_eq!(out[1].held, ["d1", "d2"], "each division once");
        assert!(out[2].held.is_empty(), "not held");
    }
}
