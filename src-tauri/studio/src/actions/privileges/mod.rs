//! Least privilege for an integration's data actions: each action's call (method and URL
//! template) matched against the org's API description, the union of the weakest grants that
//! satisfy them, what the integration's OAuth client holds (through its credential), what is
//! missing and what is more than needed; and, on request, the role that covers exactly the need
//! (an existing role that grants exactly that, or a new one) granted to the client in a division.
//! Genesys lets only a holder of a role grant it to a client, so the user is given the role
//! first when they lack it.

pub mod catalog_cache;
#[cfg(test)]
mod tests;

use genesys::api::{assign_role_to_me, ActionFilter, AssignProgress, AssignWaits};
use genesys::models::{Action, DomainOrganizationRole, NewRole, RoleDivision};
use genesys::permissions::{
    grants_any, policies_for, risky, Catalog, NeedKind, NotDerivable, Requirement,
};
use genesys::setup::action;
use genesys::ErrorKind;

pub use catalog_cache::CatalogCache;

use crate::wire::privileges::{
    ActionNeed, ActionPrivileges, ClientGrants, ExtraGrant, HeldRole, NeedSource, RoleOffer,
};
use crate::{CommandError, CommandResult, OrgContext};

/// One action's need, before the client's grants are known.
fn need_of(catalog: &Catalog, action: &Action) -> ActionNeed {
    let request = action.config.as_ref().map(|c| &c.request);
    let method = request
        .map_or("", |r| r.request_type.as_str())
        .trim()
        .to_ascii_uppercase();
    let url = request.map_or("", |r| r.request_url_template.as_str());
    let path = genesys::permissions::request_path(url).unwrap_or_default();
    let base = ActionNeed {
        action_id: action.id.clone(),
        name: action.name.clone(),
        method: method.clone(),
        path,
        endpoint: None,
        source: NeedSource::Unknown,
        listed: Vec::new(),
        least: Vec::new(),
        covered: false,
    };
    match catalog.requirement(&method, url) {
        Requirement::Needs {
            path, need, least, ..
        } => ActionNeed {
            endpoint: Some(path),
            source: if need.kind == NeedKind::All {
                NeedSource::All
            } else {
                NeedSource::Any
            },
            listed: need.permissions,
            least,
            ..base
        },
        Requirement::NoneNeeded { path, .. } => ActionNeed {
            endpoint: Some(path),
            source: NeedSource::Nothing,
            covered: true,
            ..base
        },
        Requirement::Unknown { .. } => base,
        Requirement::CannotDerive(NotDerivable::BuiltFromInput) => ActionNeed {
            source: NeedSource::FromInput,
            ..base
        },
        Requirement::CannotDerive(NotDerivable::NotPlatformApi) => ActionNeed {
            source: NeedSource::OtherHost,
            ..base
        },
    }
}

/// Whether `granted` satisfies `need` as the API description states it.
fn satisfied(granted: &[String], need: &ActionNeed) -> bool {
    let kind = match need.source {
        NeedSource::Any => NeedKind::Any,
        NeedSource::All => NeedKind::All,
        NeedSource::Nothing => return true,
        // Unknowable before a run: never reported as covered.
        _ => return false,
    };
    grants_any(
        granted,
        &genesys::permissions::Need {
            kind,
            permissions: need.listed.clone(),
        },
    )
}

/// The integration's actions, each once: the draft when there is one (what is being edited),
/// else the published action; with their configs.
pub(crate) async fn actions_of(
    org: &OrgContext,
    integration_id: &str,
) -> CommandResult<Vec<Action>> {
    let (c, token) = (org.session.client(), org.session.token());
    let filter = ActionFilter {
        include_config: true,
        ..ActionFilter::integration(integration_id)
    };
    let (drafts, published) =
        tokio::try_join!(c.action_drafts(&filter, token), c.actions(&filter, token))?;
    let mut out: Vec<Action> = drafts;
    for action in published {
        if !out.iter().any(|a| a.id == action.id) {
            out.push(action);
        }
    }
    out.retain(|a| a.integration_id == integration_id);
    out.sort_by_key(|a| a.name.to_lowercase());
    Ok(out)
}

/// The OAuth client the integration's credential names, if any.
pub(crate) async fn client_of(
    org: &OrgContext,
    integration_id: &str,
) -> CommandResult<Option<genesys::models::OAuthClient>> {
    let (c, token) = (org.session.client(), org.session.token());
    let Some(credential) = c.integration_credential(integration_id, token).await? else {
        return Ok(None);
    };
    let full = c.credential(&credential, token).await?;
    let Some(client_id) = full.credential_fields.get("clientId").cloned() else {
        return Ok(None);
    };
    match c.oauth_client(&client_id, token).await {
        Ok(client) => Ok(Some(client)),
        // The credential names a client that was deleted: as if there were none.
        Err(genesys::Error::Api { status: 404, .. }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The roles `client` holds, read by id (each once, whatever its divisions).
pub(crate) async fn roles_of(
    org: &OrgContext,
    client: &genesys::models::OAuthClient,
) -> CommandResult<Vec<DomainOrganizationRole>> {
    let mut ids: Vec<String> = client
        .role_divisions
        .iter()
        .map(|p| p.role_id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let (c, token) = (org.session.client(), org.session.token());
    Ok(c.roles_by_id(&ids, token).await?)
}

/// Whether `role` grants exactly `needed` (no more, no less, wildcards not taken as exact).
fn grants_exactly(role: &DomainOrganizationRole, needed: &[String]) -> bool {
    let mut granted = role.granted();
    granted.sort();
    granted == needed
}

/// A new role's name for the integration. A guided setup's run marker stays out of it: the role
/// is not part of that run, and its roll back must not take it for one of its own.
fn role_name(integration_name: &str) -> String {
    let plain = integration_name
        .find(&format!("[{}", genesys::setup::MARKER_PREFIX))
        .map_or(integration_name, |at| &integration_name[..at])
        .trim();
    let name = format!("Data actions - {plain}");
    name.chars().take(200).collect()
}

/// The permission the workshop's action needs, derived from `catalog` as every other action's
/// is; without a catalog (none read yet), the guided setup's constant, which is what the
/// derivation gives on Genesys's own table (the tests check both).
pub fn workshop_permission(catalog: Option<&Catalog>) -> String {
    match catalog.map(|c| c.requirement(action::METHOD, action::URL_TEMPLATE)) {
        Some(Requirement::Needs { least, .. }) if least.len() == 1 => least[0].clone(),
        _ => genesys::setup::WORKSHOP_PERMISSION.to_owned(),
    }
}

/// The least-privilege view of `integration_id`.
pub async fn privileges(
    org: &OrgContext,
    cache: &CatalogCache,
    integration_id: &str,
) -> CommandResult<ActionPrivileges> {
    let (c, token) = (org.session.client(), org.session.token());
    let (integration, actions, client, (catalog, catalog_info)) = tokio::try_join!(
        async {
            c.integration(integration_id, token)
                .await
                .map_err(CommandError::from)
        },
        actions_of(org, integration_id),
        client_of(org, integration_id),
        cache.get(org.target().code(), c),
    )?;
    let mut needs: Vec<ActionNeed> = actions.iter().map(|a| need_of(&catalog, a)).collect();
    let mut needed: Vec<String> = needs.iter().flat_map(|n| n.least.clone()).collect();
    needed.sort();
    needed.dedup();
    let client_view = match &client {
        None => None,
        Some(client) => {
            let roles = roles_of(org, client).await?;
            let granted: Vec<String> = {
                let mut all: Vec<String> = roles
                    .iter()
                    .flat_map(DomainOrganizationRole::granted)
                    .collect();
                all.sort();
                all.dedup();
                all
            };
            for need in &mut needs {
                need.covered = satisfied(&granted, need);
            }
            let mut missing: Vec<String> = needs
                .iter()
                .filter(|n| !n.covered)
                .flat_map(|n| n.least.clone())
                .collect();
            missing.sort();
            missing.dedup();
            let extra = granted
                .iter()
                .filter(|g| !needed.contains(g))
                .map(|g| ExtraGrant {
                    permission: g.clone(),
                    risky: risky(g),
                })
                .collect();
            let held = client
                .role_divisions
                .iter()
                .map(|p| HeldRole {
                    role_name: roles
                        .iter()
                        .find(|r| r.id == p.role_id)
                        .map_or_else(|| p.role_id.clone(), |r| r.name.clone()),
                    role_id: p.role_id.clone(),
                    division_id: p.division_id.clone(),
                })
                .collect();
            Some(ClientGrants {
                client_id: client.id.clone(),
                client_name: client.name.clone(),
                roles: held,
                missing,
                extra,
            })
        }
    };
    let offer = match &client_view {
        Some(view) if !view.missing.is_empty() => {
            Some(offer_for(org, &needed, &integration.name).await?)
        }
        _ => None,
    };
    Ok(ActionPrivileges {
        integration_id: integration.id.clone(),
        integration_name: integration.name.clone(),
        catalog: catalog_info,
        actions: needs,
        needed,
        client: client_view,
        offer,
    })
}

/// The role to offer for `needed`: one of the org's roles granting exactly it (the user's own
/// first), else a new one.
async fn offer_for(
    org: &OrgContext,
    needed: &[String],
    integration_name: &str,
) -> CommandResult<RoleOffer> {
    let (c, token) = (org.session.client(), org.session.token());
    let (roles, held) = tokio::try_join!(c.roles(token), c.held_grants(token))?;
    let mine = |r: &DomainOrganizationRole| held.subject.holds_role(&r.id);
    let mut exact: Vec<&DomainOrganizationRole> =
        roles.iter().filter(|r| grants_exactly(r, needed)).collect();
    exact.sort_by_key(|r| (!mine(r), r.name.to_lowercase()));
    let reuse = exact.first();
    Ok(RoleOffer {
        reuse_role_id: reuse.map(|r| r.id.clone()),
        reuse_role_name: reuse.map(|r| r.name.clone()),
        new_role_name: role_name(integration_name),
        permissions: needed.to_vec(),
        held_by_me: reuse.is_some_and(|r| mine(r)),
    })
}

/// Grants the offered role to the integration's client in `division_id`: reuses or makes the
/// role, gives it to the user first when they lack it (with `waits`, `report` hearing the
/// progress), then adds it to the client. Answers the view afterwards.
pub async fn grant(
    org: &OrgContext,
    cache: &CatalogCache,
    integration_id: &str,
    division_id: &str,
    waits: AssignWaits,
    report: &(dyn Fn(AssignProgress) + Send + Sync),
) -> CommandResult<ActionPrivileges> {
    if division_id.trim().is_empty() {
        return Err(CommandError {
            kind: ErrorKind::InvalidInput,
            message: "choose a division".into(),
            context_id: None,
        });
    }
    let view = privileges(org, cache, integration_id).await?;
    let (Some(client), Some(offer)) = (&view.client, &view.offer) else {
        return Ok(view);
    };
    let (c, token) = (org.session.client(), org.session.token());
    let role_id = match &offer.reuse_role_id {
        Some(id) => id.clone(),
        None => {
            let role = NewRole {
                name: offer.new_role_name.clone(),
                description: Some(format!(
                    "What the data actions of {} call, and nothing more.",
                    view.integration_name
                )),
                permission_policies: policies_for(&offer.permissions),
            };
            c.create_role(&role, token).await?.id
        }
    };
    let held = c.held_grants(token).await?;
    let holds_there =
        held.subject.grants.iter().any(|g| {
            g.role.id == role_id && (g.division.id == division_id || g.division.id == "*")
        });
    if !holds_there {
        assign_role_to_me(&org.session, &role_id, waits, report).await?;
    }
    let pair = RoleDivision {
        role_id,
        division_id: division_id.to_owned(),
    };
    c.add_oauth_client_role(&client.client_id, &pair, token)
        .await?;
    privileges(org, cache, integration_id).await
}

#[cfg(test)]
mod name_tests {
    #[test]
    fn a_run_marker_stays_out_of_the_role_name() {
        let marked = format!(
            "Genesys Cloud Data Actions [{}0123abcd]",
            genesys::setup::MARKER_PREFIX
        );
        assert_eq!(
            super::role_name(&marked),
            "Data actions - Genesys Cloud Data Actions"
        );
        assert_eq!(super::role_name("Queues"), "Data actions - Queues");
    }
}
