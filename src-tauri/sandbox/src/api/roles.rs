//! `/api/v2/authorization/roles`: the org's roles, listed (filtered by id, name and permission,
//! paged up to the `RolesPageCap` variant's size) and by id, with their `permissionPolicies`;
//! and a new role made from its policies.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::caller::{permission_matches, Caller};
use crate::error_body::ApiError;
use crate::ids;
use crate::org::{Org, RoleRecord};
use crate::paging::{Page, Query};
use crate::resource::{body, ok, one, self_uri, PageRequest};
use crate::store::Ctx;

pub async fn list(
    State(ctx): State<Ctx>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let asked = capped_page(raw.as_deref(), ctx.variant().roles_page_cap.max_page_size())?;
    let query = &asked.query;
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
        let roles = org
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
            });
        let path = "/api/v2/authorization/roles";
        Ok(asked.answer(roles, path, |r| role_view(org, r, user_count)))
    })
}

/// The page a roles listing serves. No public source states the largest `pageSize` Genesys
/// honours for roles, nor whether it refuses or cuts a larger one; the Sandbox cuts it to the
/// `RolesPageCap` variant's size and reports the size it used, so a client must follow
/// `pageSize`/`pageCount` as answered.
fn capped_page(raw: Option<&str>, cap: u32) -> Result<PageRequest, ApiError> {
    let query = Query::parse(raw);
    let asked = query.number("pageSize", 25)?;
    let number = query.number("pageNumber", 1)?;
    if asked == 0 || number == 0 {
        return Err(ApiError::bad_request(
            "pageSize and pageNumber must be 1 or more.",
        ));
    }
    let cap = usize::try_from(cap).unwrap_or(usize::MAX);
    let page = Page {
        size: asked.min(cap),
        number,
    };
    Ok(PageRequest { query, page })
}

pub async fn get_one(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(role_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let user_count = Query::parse(raw.as_deref()).flag("userCount", true);
    ctx.read_as(&caller, "authorization:role:view", |org, _| {
        one(org.role(&role_id), |role| role_view(org, role, user_count))
    })
}

/// `DomainOrganizationRoleCreate`: `name` required (platform-client-sdk-python
/// build/docs/DomainOrganizationRoleCreate.md), what it grants in `permissionPolicies`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewRole {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    permission_policies: Vec<NewPolicy>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewPolicy {
    #[serde(default)]
    domain: String,
    #[serde(default)]
    entity_name: String,
    #[serde(default)]
    action_set: Vec<String>,
}

/// `POST /api/v2/authorization/roles` (`authorization:role:add`), answered 200 with the role as
/// `GET` shows it (the SDK's `postAuthorizationRoles` returns `DomainOrganizationRole`). No
/// source states how Genesys refuses a policy with an empty domain, entity or action, nor
/// whether names must be unique: the Sandbox refuses the first with 400 `bad.request` and lets
/// names repeat, so a client must not rely on a duplicate name being refused.
pub async fn create(
    State(ctx): State<Ctx>,
    caller: Caller,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let asked: NewRole = body(&bytes)?;
    if asked.name.trim().is_empty() {
        return Err(ApiError::bad_request("The role needs a name."));
    }
    let mut grants: Vec<String> = Vec::new();
    for p in &asked.permission_policies {
        let segments = [p.domain.trim(), p.entity_name.trim()];
        if segments.iter().any(|s| s.is_empty() || s.contains(':')) || p.action_set.is_empty() {
            return Err(ApiError::bad_request(
                "Each permission policy needs a domain, an entity and at least one action.",
            ));
        }
        for action in &p.action_set {
            let action = action.trim();
            if action.is_empty() || action.contains(':') {
                return Err(ApiError::bad_request(
                    "A permission policy's action is empty.",
                ));
            }
            let grant = format!("{}:{}:{action}", segments[0], segments[1]);
            if !grants.contains(&grant) {
                grants.push(grant);
            }
        }
    }
    ctx.mutate_as(&caller, "authorization:role:add", |org, _| {
        let role = RoleRecord {
            id: ids::new_id(),
            name: asked.name.trim().to_owned(),
            description: asked.description,
            permissions: Vec::new(),
            policies: grants,
            default: false,
        };
        let view = role_view(org, &role, false);
        org.roles.push(role);
        Ok(ok(view))
    })
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

/// A role as a grant of `subjects/me` names it: its policies with their `actions`.
pub fn grant_role_view(role: &RoleRecord) -> Value {
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
