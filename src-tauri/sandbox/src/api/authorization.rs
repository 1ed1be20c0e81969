//! `/api/v2/authorization/subjects/me`: the (role, division) grants the caller holds now, a
//! user's or, for a client-credentials token, its OAuth client's.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use super::divisions::division_or_all;
use super::roles::grant_role_view;
use crate::caller::Caller;
use crate::clock;
use crate::error_body::ApiError;
use crate::resource::{ok, self_uri};
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
