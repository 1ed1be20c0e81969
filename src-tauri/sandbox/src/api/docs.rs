//! `GET /api/v2/docs/swagger`: the Sandbox org's own API description, as each region serves
//! Genesys's (terraform-provider-genesyscloud apidocs/main.go downloads it from that address,
//! with no token). It lists the Sandbox's routes only, each with the
//! `x-inin-requires-permissions` its handler enforces; a test checks the table against the
//! handlers and against the SDK docs' table. The document itself is not listed: no SDK lists
//! it, and it needs no token.

use axum::response::Response;
use serde_json::{json, Map, Value};

use super::actions::permissions::{ADD, DELETE, EDIT, EXECUTE, EXECUTE_DRAFT, VIEW};
use crate::resource::ok;

/// How an operation's list is read, as `x-inin-requires-permissions.type` spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Any,
    All,
    /// No permission (the field is left out).
    Open,
}

/// One route: method, path template, what its handler requires.
pub type RoutePermissions = (&'static str, &'static str, Kind, &'static [&'static str]);

const QUEUE_MEMBERS: &[&str] = &[
    "routing:queue:view",
    "routing:queue:edit",
    "routing:queue:readonly",
    "routing:queueMember:manage",
];

/// Every `/api/v2` route of the Sandbox org and what it enforces.
pub const ROUTES: &[RoutePermissions] = &[
    ("GET", "/api/v2/tokens/me", Kind::Open, &[]),
    ("DELETE", "/api/v2/tokens/me", Kind::Open, &[]),
    ("GET", "/api/v2/users/me", Kind::Open, &[]),
    (
        "GET",
        "/api/v2/users/{subjectId}/roles",
        Kind::Any,
        &["authorization:grant:view"],
    ),
    (
        "PUT",
        "/api/v2/users/{subjectId}/roles",
        Kind::Any,
        &["authorization:grant:add"],
    ),
    ("GET", "/api/v2/organizations/me", Kind::Open, &[]),
    ("GET", "/api/v2/authorization/subjects/me", Kind::Open, &[]),
    (
        "GET",
        "/api/v2/authorization/roles",
        Kind::Any,
        &["authorization:role:view"],
    ),
    (
        "POST",
        "/api/v2/authorization/roles",
        Kind::Any,
        &["authorization:role:add"],
    ),
    (
        "GET",
        "/api/v2/authorization/roles/{roleId}",
        Kind::Any,
        &["authorization:role:view"],
    ),
    ("GET", "/api/v2/authorization/divisions", Kind::Open, &[]),
    (
        "GET",
        "/api/v2/authorization/divisions/home",
        Kind::Open,
        &[],
    ),
    (
        "GET",
        "/api/v2/authorization/divisions/{divisionId}",
        Kind::Open,
        &[],
    ),
    (
        "GET",
        "/api/v2/oauth/clients",
        Kind::Any,
        &["oauth:client:view"],
    ),
    (
        "POST",
        "/api/v2/oauth/clients",
        Kind::Any,
        &["oauth:client:add"],
    ),
    (
        "GET",
        "/api/v2/oauth/clients/{clientId}",
        Kind::Any,
        &["oauth:client:view"],
    ),
    (
        "PUT",
        "/api/v2/oauth/clients/{clientId}",
        Kind::Any,
        &["oauth:client:edit"],
    ),
    (
        "DELETE",
        "/api/v2/oauth/clients/{clientId}",
        Kind::Any,
        &["oauth:client:delete"],
    ),
    (
        "POST",
        "/api/v2/oauth/clients/{clientId}/secret",
        Kind::Any,
        &["oauth:client:edit"],
    ),
    ("GET", "/api/v2/oauth/scopes", Kind::Open, &[]),
    ("GET", "/api/v2/oauth/scopes/{scopeId}", Kind::Open, &[]),
    (
        "GET",
        "/api/v2/routing/queues",
        Kind::Any,
        &["routing:queue:view"],
    ),
    (
        "GET",
        "/api/v2/routing/queues/{queueId}",
        Kind::All,
        &["routing:queue:view"],
    ),
    (
        "GET",
        "/api/v2/routing/queues/{queueId}/members",
        Kind::Any,
        QUEUE_MEMBERS,
    ),
    (
        "GET",
        "/api/v2/integrations",
        Kind::Any,
        &["integrations:integration:view"],
    ),
    (
        "POST",
        "/api/v2/integrations",
        Kind::Any,
        &["integrations:integration:add"],
    ),
    (
        "GET",
        "/api/v2/integrations/types",
        Kind::Any,
        &["integrations:integration:view"],
    ),
    (
        "GET",
        "/api/v2/integrations/types/{typeId}",
        Kind::Any,
        &["integrations:integration:view"],
    ),
    (
        "GET",
        "/api/v2/integrations/{integrationId}",
        Kind::Any,
        &["integrations:integration:view"],
    ),
    (
        "PATCH",
        "/api/v2/integrations/{integrationId}",
        Kind::Any,
        &["integrations:integration:edit"],
    ),
    (
        "DELETE",
        "/api/v2/integrations/{integrationId}",
        Kind::Any,
        &["integrations:integration:delete"],
    ),
    (
        "GET",
        "/api/v2/integrations/{integrationId}/config/current",
        Kind::Any,
        &["integrations:integration:view"],
    ),
    (
        "PUT",
        "/api/v2/integrations/{integrationId}/config/current",
        Kind::Any,
        &["integrations:integration:edit"],
    ),
    (
        "GET",
        "/api/v2/integrations/credentials",
        Kind::Any,
        &["integrations:integration:view"],
    ),
    (
        "POST",
        "/api/v2/integrations/credentials",
        Kind::Any,
        &["integrations:integration:add"],
    ),
    (
        "GET",
        "/api/v2/integrations/credentials/listing",
        Kind::Any,
        &["integrations:integration:view"],
    ),
    (
        "GET",
        "/api/v2/integrations/credentials/types",
        Kind::Any,
        &["integrations:integration:view"],
    ),
    (
        "GET",
        "/api/v2/integrations/credentials/{credentialId}",
        Kind::Any,
        &["integrations:integration:view"],
    ),
    (
        "PUT",
        "/api/v2/integrations/credentials/{credentialId}",
        Kind::Any,
        &["integrations:integration:edit"],
    ),
    (
        "DELETE",
        "/api/v2/integrations/credentials/{credentialId}",
        Kind::Any,
        &["integrations:integration:delete"],
    ),
    ("GET", "/api/v2/integrations/actions", Kind::Any, VIEW),
    ("POST", "/api/v2/integrations/actions", Kind::Any, ADD),
    (
        "GET",
        "/api/v2/integrations/actions/drafts",
        Kind::Any,
        VIEW,
    ),
    (
        "POST",
        "/api/v2/integrations/actions/drafts",
        Kind::Any,
        ADD,
    ),
    (
        "GET",
        "/api/v2/integrations/actions/categories",
        Kind::Any,
        VIEW,
    ),
    (
        "GET",
        "/api/v2/integrations/actions/{actionId}",
        Kind::Any,
        VIEW,
    ),
    (
        "PATCH",
        "/api/v2/integrations/actions/{actionId}",
        Kind::Any,
        EDIT,
    ),
    (
        "DELETE",
        "/api/v2/integrations/actions/{actionId}",
        Kind::Any,
        DELETE,
    ),
    (
        "GET",
        "/api/v2/integrations/actions/{actionId}/draft",
        Kind::Any,
        VIEW,
    ),
    (
        "PATCH",
        "/api/v2/integrations/actions/{actionId}/draft",
        Kind::Any,
        EDIT,
    ),
    (
        "POST",
        "/api/v2/integrations/actions/{actionId}/draft",
        Kind::Any,
        EDIT,
    ),
    (
        "DELETE",
        "/api/v2/integrations/actions/{actionId}/draft",
        Kind::Any,
        DELETE,
    ),
    (
        "GET",
        "/api/v2/integrations/actions/{actionId}/draft/validation",
        Kind::Any,
        EDIT,
    ),
    (
        "POST",
        "/api/v2/integrations/actions/{actionId}/draft/publish",
        Kind::Any,
        EDIT,
    ),
    (
        "POST",
        "/api/v2/integrations/actions/{actionId}/draft/test",
        Kind::Any,
        EXECUTE_DRAFT,
    ),
    (
        "POST",
        "/api/v2/integrations/actions/{actionId}/test",
        Kind::Any,
        EXECUTE,
    ),
    (
        "POST",
        "/api/v2/integrations/actions/{actionId}/execute",
        Kind::Any,
        EXECUTE,
    ),
    (
        "GET",
        "/api/v2/integrations/actions/{actionId}/templates/{fileName}",
        Kind::Any,
        VIEW,
    ),
    (
        "GET",
        "/api/v2/integrations/actions/{actionId}/draft/templates/{fileName}",
        Kind::Any,
        VIEW,
    ),
    (
        "GET",
        "/api/v2/integrations/actions/{actionId}/schemas/{fileName}",
        Kind::Any,
        VIEW,
    ),
    (
        "GET",
        "/api/v2/integrations/actions/{actionId}/draft/schemas/{fileName}",
        Kind::Any,
        VIEW,
    ),
];

/// The Swagger 2.0 document of [`ROUTES`], with the answer models of `docs_models.rs`.
pub fn document() -> Value {
    let mut paths = Map::new();
    let described = super::docs_models::responses();
    for (method, path, kind, permissions) in ROUTES {
        let mut operation =
            json!({ "responses": { "200": { "description": "successful operation" } } });
        if let Some((_, _, schema)) = described.iter().find(|(m, p, _)| m == method && p == path) {
            operation["responses"]["200"]["schema"] = schema.clone();
        }
        let kind = match kind {
            Kind::Any => Some("ANY"),
            Kind::All => Some("ALL"),
            Kind::Open => None,
        };
        if let Some(kind) = kind {
            operation["x-inin-requires-permissions"] =
                json!({ "type": kind, "permissions": permissions });
        }
        let item = paths.entry((*path).to_owned()).or_insert_with(|| json!({}));
        item[method.to_ascii_lowercase()] = operation;
    }
    json!({
        "swagger": "2.0",
        "info": { "title": "Sandbox org API", "version": "v2" },
        "basePath": "/",
        "paths": paths,
        "definitions": super::docs_models::definitions(),
    })
}

pub async fn swagger() -> Response {
    ok(document())
}
