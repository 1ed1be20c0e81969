//! `/api/v2/users/me` and `/api/v2/users/{id}/roles`, whose writes reach permission checks only
//! after the eventual-consistency delay.

use std::collections::BTreeSet;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use serde_json::{json, Value};

use super::organizations::organization_view;
use crate::caller::{permissions_of, Caller};
use crate::error_body::ApiError;
use crate::org::{by_id_mut, Grant, Org, PendingGrants, RoleDivision, UserRecord};
use crate::paging::Query;
use crate::resource::{body, found, ok, one, self_uri};
use crate::store::{lock, Ctx};
use crate::variants::{MePermissions, SelfAssignDivision};

/// Expand values served: `authorization` and `organization`; others are ignored (the Sandbox
/// has no presence, station, token-history or org-authorization data to expand). Whether a
/// real org lists `authorization.permissions` there is not stated by any public source; both
/// forms are Sandbox variants (`MePermissions`).
pub async fn get_me(
    State(ctx): State<Ctx>,
    caller: Caller,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let user_id = caller.user_id.clone().ok_or_else(ApiError::not_a_user)?;
    let expand = Query::parse(query.as_deref()).all("expand");
    let now = ctx.now_ms();
    ctx.read(|org| {
        let user = org.user(&user_id).ok_or_else(ApiError::bad_credentials)?;
        let mut view = user_view(org, user);
        if expand.iter().any(|e| e == "authorization") {
            let mut authorization = authorization_view(org, &caller.role_divisions(org, now));
            if ctx.variant().me_permissions == MePermissions::Omitted {
                if let Some(fields) = authorization.as_object_mut() {
                    fields.remove("permissions");
                }
            }
            view["authorization"] = authorization;
        }
        if expand.iter().any(|e| e == "organization") {
            view["organization"] = organization_view(org);
        }
        Ok(ok(view))
    })
}

pub async fn get_roles(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(user_id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.read_as(&caller, "authorization:grant:view", |org, _| {
        one(org.user(&user_id), |user| {
            authorization_view(org, &pairs(user.written_grants()))
        })
    })
}

/// Replaces the user's role list. Roles already held keep their divisions. No public source
/// says in which division a newly listed role is granted; both forms are Sandbox variants
/// (`SelfAssignDivision`): the home division, or every division (`*`).
pub async fn put_roles(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(user_id): Path<String>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let role_ids: Vec<String> = body(&bytes)?;
    let delay = i64::try_from(lock(&ctx.knobs).consistency_delay.as_millis()).unwrap_or(i64::MAX);
    let in_every_division = ctx.variant().self_assign_division == SelfAssignDivision::All;
    ctx.mutate_as(&caller, "authorization:grant:add", |org, now| {
        if let Some(missing) = role_ids.iter().find(|id| org.role(id).is_none()) {
            return Err(ApiError::bad_request(format!(
                "The role [{missing}] does not exist."
            )));
        }
        let home = match in_every_division {
            true => "*".to_owned(),
            false => org
                .home_division()
                .map(|d| d.id.clone())
                .unwrap_or_default(),
        };
        let user = found(by_id_mut(&mut org.users, &user_id))?;
        let mut grants: Vec<Grant> = user
            .written_grants()
            .iter()
            .filter(|g| role_ids.contains(&g.role_id))
            .cloned()
            .collect();
        for role_id in role_ids.iter().collect::<BTreeSet<_>>() {
            if !grants.iter().any(|g| &g.role_id == role_id) {
                grants.push(Grant {
                    role_id: role_id.clone(),
                    division_id: home.clone(),
                    granted_ms: now,
                });
            }
        }
        if delay > 0 {
            user.grants = user.effective_grants(now).to_vec();
            user.pending_grants = Some(PendingGrants {
                grants,
                effective_ms: now.saturating_add(delay),
            });
        } else {
            user.grants = grants;
            user.pending_grants = None;
        }
        user.version += 1;
        let written = pairs(user.written_grants());
        Ok(ok(authorization_view(org, &written)))
    })
}

fn pairs(grants: &[Grant]) -> Vec<RoleDivision> {
    grants
        .iter()
        .map(|g| RoleDivision {
            role_id: g.role_id.clone(),
            division_id: g.division_id.clone(),
        })
        .collect()
}

/// `UserAuthorization`: distinct roles and the permissions they grant.
pub fn authorization_view(org: &Org, held: &[RoleDivision]) -> Value {
    let role_ids: BTreeSet<&str> = held.iter().map(|rd| rd.role_id.as_str()).collect();
    let roles: Vec<Value> = role_ids
        .iter()
        .filter_map(|id| org.role(id))
        .map(|r| json!({ "id": r.id, "name": r.name }))
        .collect();
    json!({ "roles": roles, "permissions": permissions_of(org, held) })
}

fn user_view(org: &Org, user: &UserRecord) -> Value {
    let mut view = json!({
        "id": user.id,
        "name": user.name,
        "email": user.email,
        "username": user.email,
        "title": user.title,
        "department": user.department,
        "state": "active",
        "version": user.version,
        "selfUri": self_uri("users", &user.id),
    });
    if let Some(d) = org.division(&user.division_id) {
        let uri = self_uri("authorization/divisions", &d.id);
        view["division"] = json!({ "id": d.id, "name": d.name, "selfUri": uri });
    }
    view
}
