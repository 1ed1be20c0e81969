//! `/api/v2/oauth/scopes`: the scope catalogue (English descriptions only; `Accept-Language` is
//! accepted and ignored). Scopes are not enforced, as in an org without scope enforcement.

use axum::extract::{Path, State};
use axum::response::Response;
use serde_json::{json, Value};

use crate::caller::Caller;
use crate::error_body::ApiError;
use crate::org::ScopeRecord;
use crate::resource::{ok, one, self_uri};
use crate::store::Ctx;

pub async fn list(State(ctx): State<Ctx>, _caller: Caller) -> Result<Response, ApiError> {
    ctx.read(|org| {
        let scopes: Vec<Value> = org.scopes.iter().map(scope_view).collect();
        Ok(ok(json!({
            "total": scopes.len(),
            "entities": scopes,
            "selfUri": "/api/v2/oauth/scopes",
        })))
    })
}

pub async fn get_one(
    State(ctx): State<Ctx>,
    _caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.read(|org| one(org.scope(&id), scope_view))
}

fn scope_view(s: &ScopeRecord) -> Value {
    json!({ "id": s.id, "description": s.description, "selfUri": self_uri("oauth/scopes", &s.id) })
}
