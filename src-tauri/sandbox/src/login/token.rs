//! `/oauth/token`: `client_credentials` (HTTP Basic, active Client Credentials clients only)
//! and `authorization_code` (one-time codes, PKCE S256 verification), and issuing tokens that
//! expire after the client's `accessTokenValiditySeconds`.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::json;

use crate::error_body::ApiError;
use crate::ids;
use crate::org::{OAuthClientRecord, Org, TokenRecord};
use crate::paging::Query;
use crate::store::{lock, Ctx};

/// An OAuth error: `{error, description, error_description}` (genesys-api.md §2.3).
struct OAuthError(StatusCode, &'static str, String);

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let OAuthError(status, error, description) = self;
        let body =
            json!({ "error": error, "description": description, "error_description": description });
        no_store((status, Json(body)).into_response())
    }
}

impl From<ApiError> for OAuthError {
    fn from(_: ApiError) -> Self {
        OAuthError(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "The Sandbox org could not save its state.".to_owned(),
        )
    }
}

fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn invalid_grant(description: &str) -> OAuthError {
    OAuthError(
        StatusCode::BAD_REQUEST,
        "invalid_grant",
        description.to_owned(),
    )
}

fn invalid_client(description: &str) -> OAuthError {
    OAuthError(
        StatusCode::UNAUTHORIZED,
        "invalid_client",
        description.to_owned(),
    )
}

/// Store a new access token for `client` (and `user_id`, if a user signed in).
pub fn issue(
    org: &mut Org,
    client: &OAuthClientRecord,
    user_id: Option<String>,
    now: i64,
) -> (String, i64) {
    let token = ids::random_token(48);
    let validity = client.access_token_validity_seconds;
    org.tokens.retain(|_, t| t.expires_ms > now);
    org.tokens.insert(
        ids::digest(&token),
        TokenRecord {
            client_id: client.id.clone(),
            user_id,
            issued_ms: now,
            expires_ms: now.saturating_add(validity.saturating_mul(1000)),
        },
    );
    (token, validity)
}

/// `(client_id, secret)` from an `Authorization: Basic` header.
fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

/// Whether `secret` is the client's secret and already usable (see the secret-delay knob).
fn secret_matches(client: &OAuthClientRecord, secret: &str, now: i64) -> bool {
    client.secret_sha256.as_deref() == Some(ids::digest(secret).as_str())
        && now >= client.secret_usable_ms
}

pub async fn exchange(State(ctx): State<Ctx>, headers: HeaderMap, bytes: Bytes) -> Response {
    let form = Query::parse(std::str::from_utf8(&bytes).ok());
    let result = match form.get("grant_type") {
        Some("client_credentials") => client_credentials(&ctx, &headers),
        Some("authorization_code") => authorization_code(&ctx, &headers, &form),
        Some(other) => Err(OAuthError(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            format!("The grant type [{other}] is not supported by the Sandbox org."),
        )),
        None => Err(OAuthError(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "grant_type is required.".to_owned(),
        )),
    };
    match result {
        Ok((token, expires_in)) => no_store(
            Json(
                json!({ "access_token": token, "token_type": "bearer", "expires_in": expires_in }),
            )
            .into_response(),
        ),
        Err(error) => error.into_response(),
    }
}

fn client_credentials(ctx: &Ctx, headers: &HeaderMap) -> Result<(String, i64), OAuthError> {
    let (id, secret) = basic(headers)
        .ok_or_else(|| invalid_client("HTTP Basic client authentication is required."))?;
    let now = ctx.now_ms();
    ctx.mutate(|org| {
        let client = org
            .client(&id)
            .filter(|c| secret_matches(c, &secret, now))
            .cloned()
            .ok_or_else(|| invalid_client("Bad client credentials."))?;
        if client.authorized_grant_type != "CLIENT-CREDENTIALS" {
            return Err(OAuthError(
                StatusCode::BAD_REQUEST,
                "unauthorized_client",
                "This client may not use the client_credentials grant.".to_owned(),
            ));
        }
        if client.state != "active" {
            return Err(invalid_client("The client is not active."));
        }
        Ok(issue(org, &client, None, now))
    })
}

fn authorization_code(
    ctx: &Ctx,
    headers: &HeaderMap,
    form: &Query,
) -> Result<(String, i64), OAuthError> {
    let code = form.get("code").ok_or_else(|| {
        OAuthError(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "code is required.".to_owned(),
        )
    })?;
    // A code is consumed by its first presentation, whatever the outcome.
    let pending = lock(&ctx.codes).remove(&ids::digest(code));
    let pending = pending.ok_or_else(|| {
        invalid_grant("The authorization code is invalid, expired or already used.")
    })?;
    let now = ctx.now_ms();
    if pending.expires_ms <= now {
        return Err(invalid_grant(
            "The authorization code is invalid, expired or already used.",
        ));
    }
    let basic = basic(headers);
    let client_id = form
        .get("client_id")
        .map(str::to_owned)
        .or_else(|| basic.as_ref().map(|(id, _)| id.clone()))
        .unwrap_or_default();
    if client_id != pending.client_id {
        return Err(invalid_grant(
            "The authorization code was issued to another client.",
        ));
    }
    if form.get("redirect_uri") != Some(pending.redirect_uri.as_str()) {
        return Err(invalid_grant(
            "redirect_uri does not match the authorization request.",
        ));
    }
    ctx.mutate(|org| {
        let client = org
            .client(&client_id)
            .filter(|c| c.state == "active")
            .cloned()
            .ok_or_else(|| invalid_client("The client no longer exists or is not active."))?;
        match &pending.challenge {
            Some(challenge) => {
                let verifier = form.get("code_verifier").unwrap_or("");
                if ids::s256(verifier) != *challenge {
                    return Err(invalid_grant(
                        "The code_verifier does not match the code_challenge.",
                    ));
                }
            }
            None => {
                let secret = basic.as_ref().map(|(_, s)| s.as_str()).unwrap_or("");
                if !secret_matches(&client, secret, now) {
                    return Err(invalid_client("Bad client credentials."));
                }
            }
        }
        Ok(issue(org, &client, Some(pending.user_id.clone()), now))
    })
}
