//! `/api/v2/authorization/...`: the caller's grants (`subjects/me`), roles (with their
//! `permissionPolicies`, paged up to the `RolesPageCap` variant's size) and divisions.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use super::{ok, self_uri};
use crate::caller::{permission_matches, Caller};
use crate::clock;
use crate::error_body::ApiError;
use crate::org::{DivisionRecord, Org, RoleRecord};
use crate::paging::{listing, Page, Query};
use crate::store::Ctx;
use crate::variants::ClientSubject;

/// `AuthzSubject`: the (role, division) grants the caller holds now. For a client-credentials
/// token no public source says what Genesys answers; both forms are Sandbox variants
/// (`ClientSubject`): the OAuth client and its role divisions, or 403.
pub async fn subjects_me(State(ctx): State<Ctx>, caller: Caller) -> Result<Response, ApiError> {
    let now = ctx.now_ms();
    if caller.user_id.is_none() && ctx.variant().client_subject == ClientSubject::Forbidden {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "not.authorized",
            "A client credentials token has no subject to list grants for.",
        ));
    }
    ctx.read(|org| {
        let (id, name, version, granted_ms) = match &caller.user_id {
            Some(id) => {
                let user = org.user(id).ok_or_else(ApiError::bad_credentials)?;
                (user.id.clone(), user.name.clone(), user.version, None)
            }
            None => {
                let client = org
                    .client(&caller.client_id)
                    .ok_or_else(ApiError::bad_credentials)?;
                (
                    client.id.clone(),
                    client.name.clone(),
                    1,
                    Some(client.date_modified_ms),
                )
            }
        };
        let user_grants = caller
            .user_id
            .as_deref()
            .and_then(|id| org.user(id))
            .map(|u| u.effective_grants(now).to_vec())
            .unwrap_or_default();
        let grants: Vec<Value> = caller
            .role_divisions(org, now)
            .iter()
            .filter_map(|rd| {
                let role = org.role(&rd.role_id)?;
                let made = user_grants
                    .iter()
                    .find(|g| g.role_id == rd.role_id && g.division_id == rd.division_id)
                    .map(|g| g.granted_ms)
                    .or(granted_ms)
                    .unwrap_or(0);
                Some(json!({
                    "subjectId": id,
                    "division": division_or_all(org, &rd.division_id),
                    "role": grant_role_view(role),
                    "grantMadeAt": clock::iso(made),
                }))
            })
            .collect();
        Ok(ok(json!({
            "id": id,
            "name": name,
            "grants": grants,
            "version": version,
            "selfUri": self_uri("authorization/subjects", &id),
        })))
    })
}

pub async fn list_roles(
    State(ctx): State<Ctx>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let query = Query::parse(raw.as_deref());
    let page = capped_page(&query, ctx.variant().roles_page_cap.max_page_size())?;
    let ids = query.all("id");
    if ids.len() > 100 {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "max.role.ids",
            "Only 100 roles can be requested at a time.",
        ));
    }
    // `name` matching is not documented; the Sandbox matches a case-insensitive substring.
    let name = query.get("name").map(str::to_lowercase);
    let permissions = query.all("permission");
    let user_count = query.flag("userCount", true);
    ctx.read_as(&caller, "authorization:role:view", |org, _| {
        let roles: Vec<&RoleRecord> = org
            .roles
            .iter()
            .filter(|r| ids.is_empty() || ids.contains(&r.id))
            .filter(|r| {
                name.as_ref()
                    .is_none_or(|n| r.name.to_lowercase().contains(n))
            })
            // `permission` is matched against what the policies grant, not the legacy names.
            .filter(|r| {
                permissions.is_empty()
                    || permissions
                        .iter()
                        .any(|p| r.policies.iter().any(|held| permission_matches(held, p)))
            })
            .collect();
        let path = "/api/v2/authorization/roles";
        Ok(ok(listing(roles, page, path, &query, |r| {
            role_view(org, r, user_count)
        })))
    })
}

/// The page a roles listing serves. No public source states the largest `pageSize` Genesys
/// honours for roles, nor whether it refuses or cuts a larger one; the Sandbox cuts it to the
/// `RolesPageCap` variant's size and reports the size it used, so a client must follow
/// `pageSize`/`pageCount` as answered.
fn capped_page(query: &Query, cap: u32) -> Result<Page, ApiError> {
    let asked = query.number("pageSize", 25)?;
    let number = query.number("pageNumber", 1)?;
    if asked == 0 || number == 0 {
        return Err(ApiError::bad_request(
            "pageSize and pageNumber must be 1 or more.",
        ));
    }
    let cap = usize::try_from(cap).unwrap_or(usize::MAX);
    Ok(Page {
        size: asked.min(cap),
        number,
    })
}

pub async fn get_role(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(role_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let user_count = Query::parse(raw.as_deref()).flag("userCount", true);
    ctx.read_as(&caller, "authorization:role:view", |org, _| {
        let role = org.role(&role_id).ok_or_else(ApiError::not_found)?;
        Ok(ok(role_view(org, role, user_count)))
    })
}

/// Divisions need no permission. `objectCount` is accepted and ignored (the Sandbox keeps no
/// objects in divisions).
pub async fn list_divisions(
    State(ctx): State<Ctx>,
    _caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let query = Query::parse(raw.as_deref());
    let page = Page::from_query(&query)?;
    let ids = query.all("id");
    let name = query.get("name").map(str::to_lowercase);
    ctx.read(|org| {
        let divisions: Vec<Value> = org
            .divisions
            .iter()
            .filter(|d| ids.is_empty() || ids.contains(&d.id))
            .filter(|d| {
                name.as_ref()
                    .is_none_or(|n| d.name.to_lowercase().contains(n))
            })
            .map(division_view)
            .collect();
        Ok(ok(listing(
            divisions,
            page,
            "/api/v2/authorization/divisions",
            &query,
            |v| v,
        )))
    })
}

pub async fn home_division(State(ctx): State<Ctx>, _caller: Caller) -> Result<Response, ApiError> {
    ctx.read(|org| {
        let home = org.home_division().ok_or_else(ApiError::not_found)?;
        Ok(ok(division_view(home)))
    })
}

pub async fn get_division(
    State(ctx): State<Ctx>,
    _caller: Caller,
    Path(division_id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.read(|org| {
        let division = org.division(&division_id).ok_or_else(ApiError::not_found)?;
        Ok(ok(division_view(division)))
    })
}

pub fn division_view(d: &DivisionRecord) -> Value {
    json!({
        "id": d.id,
        "name": d.name,
        "description": d.description,
        "homeDivision": d.home_division,
        "selfUri": self_uri("authorization/divisions", &d.id),
    })
}

/// A division, or the pseudo-division `*` ("all divisions") a grant may name.
fn division_or_all(org: &Org, id: &str) -> Value {
    match org.division(id) {
        Some(d) => division_view(d),
        None => json!({
            "id": id,
            "name": "All divisions",
            "description": "Every division of the organization, now and in future.",
            "homeDivision": false,
        }),
    }
}

/// A role's grants as policies: one per (domain, entity), with every action granted on it, in
/// the order first seen. `*` alone stands for every domain, entity and action.
fn policies(role: &RoleRecord) -> Vec<(String, String, Vec<String>)> {
    let mut out: Vec<(String, String, Vec<String>)> = Vec::new();
    for p in &role.policies {
        let p = if p.trim() == "*" { "*:*:*" } else { p.trim() };
        let mut parts = p.splitn(3, ':');
        let domain = parts.next().unwrap_or("*").to_owned();
        let entity = parts.next().unwrap_or("*").to_owned();
        let action = parts.next().unwrap_or("*").to_owned();
        match out
            .iter_mut()
            .find(|(d, e, _)| *d == domain && *e == entity)
        {
            Some((_, _, actions)) if actions.contains(&action) => {}
            Some((_, _, actions)) => actions.push(action),
            None => out.push((domain, entity, vec![action])),
        }
    }
    out
}

fn grant_role_view(role: &RoleRecord) -> Value {
    let policies: Vec<Value> = policies(role)
        .into_iter()
        .map(|(domain, entity, actions)| {
            json!({ "domain": domain, "entityName": entity, "actions": actions })
        })
        .collect();
    json!({
        "id": role.id,
        "name": role.name,
        "description": role.description,
        "policies": policies,
        "default": role.default,
        "selfUri": self_uri("authorization/roles", &role.id),
    })
}

/// `DomainOrganizationRole`: `permissions` holds the legacy names and `permissionPolicies`
/// what the role grants (platform-client-sdk-python
/// build/PureCloudPlatformClientV2/models/domain_organization_role.py and
/// domain_permission_policy.py; terraform-provider-genesyscloud
/// genesyscloud/auth_role/resource_genesyscloud_auth_role_utils.go reads `PermissionPolicies`).
fn role_view(org: &Org, role: &RoleRecord, with_user_count: bool) -> Value {
    let policies: Vec<Value> = policies(role)
        .into_iter()
        .map(|(domain, entity, actions)| {
            json!({
                "domain": domain,
                "entityName": entity,
                "actionSet": actions,
                "allowConditions": false,
            })
        })
        .collect();
    let mut view = json!({
        "id": role.id,
        "name": role.name,
        "description": role.description,
        "permissions": role.permissions,
        "permissionPolicies": policies,
        "default": role.default,
        "base": false,
        "selfUri": self_uri("authorization/roles", &role.id),
    });
    if role.default {
        view["defaultRoleId"] = json!(role.name.to_lowercase().replace(' ', "_"));
    }
    if with_user_count {
        let count = org
            .users
            .iter()
            .filter(|u| u.written_grants().iter().any(|g| g.role_id == role.id))
            .count();
        view["userCount"] = json!(count);
    }
    view
}
