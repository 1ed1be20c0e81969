//! What a new Client Credentials client may be given: the roles the signed-in user holds (only
//! those can be granted), the suggested one (the core's choice for the workshop's first data
//! action, `routing:queue:view`, read from the roles' policies), the divisions and the home
//! division. Used by the integration screen's "new client" form and the guided setup's form. A
//! Client Credentials session refused `subjects/me` offers its own client's role divisions.

use genesys::setup::{suggest_role, WORKSHOP_PERMISSION};

use crate::wire::integrations::{ClientChoices, DivisionChoice, RoleChoice};
use crate::{CommandResult, OrgContext};

/// The roles the user holds (the suggested one first among equals), divisions, home division.
pub async fn choices(org: &OrgContext) -> CommandResult<ClientChoices> {
    choices_for(org, WORKSHOP_PERMISSION).await
}

/// [`choices`], suggesting the held role that grants `permission` with the least else.
pub async fn choices_for(org: &OrgContext, permission: &str) -> CommandResult<ClientChoices> {
    let session = &org.session;
    let (c, token) = (session.client(), session.token());
    let (roles, held, divisions, home) = tokio::join!(
        c.roles(token),
        c.held_grants(token),
        c.divisions(token),
        c.home_division(token)
    );
    let (roles, divisions, home) = (roles?, divisions?, home?);
    let subject = held?.subject;
    let suggested = suggest_role(&roles, &subject.role_divisions(), permission);
    let mut held: Vec<RoleChoice> = roles
        .iter()
        .filter(|r| subject.holds_role(&r.id))
        .map(|r| RoleChoice {
            id: r.id.clone(),
            name: r.name.clone(),
            permission_count: u32::try_from(r.granted().len()).unwrap_or(u32::MAX),
        })
        .collect();
    held.sort_by_key(|r| r.name.to_lowercase());
    Ok(ClientChoices {
        roles: held,
        suggested_role_id: suggested.map(|s| s.role_id),
        divisions: divisions
            .into_iter()
            .map(|d| DivisionChoice {
                name: d.name.unwrap_or_else(|| d.id.clone()),
                id: d.id,
            })
            .collect(),
        home_division_id: home.id,
    })
}
