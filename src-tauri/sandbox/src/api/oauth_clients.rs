//! `/api/v2/oauth/clients`: list, create, get, replace, delete and secret regeneration, with the
//! rules Genesys enforces (grant types, token validity, role/division pairs you hold, secrets
//! shown only on create and regenerate).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use serde_json::{json, Value};

use super::oauth_client_rules::{refusal_status, subject_id, validate, ClientRequest};
use crate::caller::Caller;
use crate::clock;
use crate::error_body::ApiError;
use crate::ids;
use crate::org::{by_id_mut, OAuthClientRecord};
use crate::resource::{body, found, no_content, ok, one, remove, self_uri};
use crate::store::{lock, Ctx};

pub async fn list(State(ctx): State<Ctx>, caller: Caller) -> Result<Response, ApiError> {
    ctx.read_as(&caller, "oauth:client:view", |org, _| {
        let clients: Vec<Value> = org.oauth_clients.iter().map(client_view).collect();
        let uri = "/api/v2/oauth/clients";
        // The operation takes no paging parameters: one page holds every client.
        Ok(ok(json!({
            "entities": clients,
            "pageSize": clients.len(),
            "pageNumber": 1,
            "total": clients.len(),
            "pageCount": 1,
            "firstUri": uri,
            "lastUri": uri,
            "selfUri": uri,
        })))
    })
}

pub async fn create(
    State(ctx): State<Ctx>,
    caller: Caller,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let request: ClientRequest = body(&bytes)?;
    let secret = ctx.new_secret();
    let secret_delay = secret_delay_ms(&ctx);
    let refusal = refusal_status(ctx.variant().ungrantable_role);
    ctx.mutate_as(&caller, "oauth:client:add", |org, now| {
        let mut client = validate(org, &caller, now, request, refusal)?;
        client.id = ids::new_id();
        client.secret_sha256 = Some(ids::digest(&secret));
        client.secret_usable_ms = now.saturating_add(secret_delay);
        client.date_created_ms = now;
        client.created_by = Some(subject_id(&caller));
        let mut view = client_view(&client);
        view["secret"] = json!(secret);
        org.oauth_clients.push(client);
        Ok(ok(view))
    })
}

pub async fn get_one(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.read_as(&caller, "oauth:client:view", |org, _| {
        one(org.client(&id), client_view)
    })
}

/// Full replace. The secret is kept and not returned: only create and regenerate show it
/// (https://help.mypurecloud.com/oauth-client-secret-no-longer-visible-after-creation).
pub async fn update(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let request: ClientRequest = body(&bytes)?;
    let refusal = refusal_status(ctx.variant().ungrantable_role);
    ctx.mutate_as(&caller, "oauth:client:edit", |org, now| {
        let existing = found(org.client(&id).cloned())?;
        let mut client = validate(org, &caller, now, request, refusal)?;
        client.id = existing.id;
        client.secret_sha256 = existing.secret_sha256;
        client.secret_usable_ms = existing.secret_usable_ms;
        client.date_created_ms = existing.date_created_ms;
        client.created_by = existing.created_by;
        let view = client_view(&client);
        if let Some(slot) = by_id_mut(&mut org.oauth_clients, &id) {
            *slot = client;
        }
        Ok(ok(view))
    })
}

/// Deletes at once, as Genesys does for clients created in the last 30 days
/// (https://help.mypurecloud.com/?p=188025); the client's tokens and refresh tokens stop working
/// with it.
pub async fn delete(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.mutate_as(&caller, "oauth:client:delete", |org, _| {
        remove(&mut org.oauth_clients, &id)?;
        org.tokens.retain(|_, t| t.client_id != id);
        org.refresh_tokens.retain(|_, t| t.client_id != id);
        Ok(no_content())
    })
}

pub async fn regenerate_secret(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let secret = ctx.new_secret();
    let secret_delay = secret_delay_ms(&ctx);
    ctx.mutate_as(&caller, "oauth:client:edit", |org, now| {
        let client = found(by_id_mut(&mut org.oauth_clients, &id))?;
        client.secret_sha256 = Some(ids::digest(&secret));
        client.secret_usable_ms = now.saturating_add(secret_delay);
        client.date_modified_ms = now;
        let mut view = client_view(client);
        view["secret"] = json!(secret);
        Ok(ok(view))
    })
}

fn secret_delay_ms(ctx: &Ctx) -> i64 {
    i64::try_from(lock(&ctx.knobs).secret_delay.as_millis()).unwrap_or(i64::MAX)
}

/// `OAuthClient` without its secret.
pub fn client_view(c: &OAuthClientRecord) -> Value {
    let entity = |id: &Option<String>| {
        id.as_ref()
            .map(|id| json!({ "id": id, "selfUri": self_uri("users", id) }))
    };
    let mut view = json!({
        "id": c.id,
        "name": c.name,
        "description": c.description,
        "accessTokenValiditySeconds": c.access_token_validity_seconds,
        "registeredRedirectUri": c.registered_redirect_uri,
        "authorizedGrantType": c.authorized_grant_type,
        "scope": c.scope,
        "roleDivisions": c.role_divisions,
        "state": c.state,
        "dateCreated": clock::iso(c.date_created_ms),
        "dateModified": clock::iso(c.date_modified_ms),
        "selfUri": self_uri("oauth/clients", &c.id),
    });
    if let Some(created) = entity(&c.created_by) {
        view["createdBy"] = created;
    }
    if let Some(modified) = entity(&c.modified_by) {
        view["modifiedBy"] = modified;
    }
    view
}
