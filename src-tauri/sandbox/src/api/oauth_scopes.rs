//! `/api/v2/oauth/scopes`: the scope catalogue, described in the `Accept-Language` asked for
//! (es, pt-BR; English otherwise), as Genesys describes scopes in the language the header names
//! (platform-client-sdk-javascript build/src/purecloud-platform-client-v2/api/OAuthApi.js,
//! `getOauthScopes`). Scopes are not enforced, as in an org without scope enforcement.

use axum::extract::{Path, State};
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{json, Value};

use crate::caller::Caller;
use crate::error_body::ApiError;
use crate::i18n::{scope_description, Lang};
use crate::org::ScopeRecord;
use crate::resource::{ok, one, self_uri};
use crate::store::Ctx;

pub async fn list(
    State(ctx): State<Ctx>,
    _caller: Caller,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = asked(&headers);
    ctx.read(|org| {
        let scopes: Vec<Value> = org.scopes.iter().map(|s| scope_view(s, lang)).collect();
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
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let lang = asked(&headers);
    ctx.read(|org| one(org.scope(&id), |s| scope_view(s, lang)))
}

/// The language `Accept-Language` asks for; English when it names none the Sandbox speaks.
fn asked(headers: &HeaderMap) -> Lang {
    Lang::pick(
        None,
        headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()),
    )
}

fn scope_view(s: &ScopeRecord, lang: Lang) -> Value {
    let description = scope_description(lang, &s.id).unwrap_or(&s.description);
    json!({ "id": s.id, "description": description, "selfUri": self_uri("oauth/scopes", &s.id) })
}
