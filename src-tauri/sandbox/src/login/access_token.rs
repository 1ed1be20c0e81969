//! Access tokens as the login host issues them: storing a new token that expires after the
//! client's `accessTokenValiditySeconds`, the OAuth error body, `Cache-Control: no-store` on
//! token answers, and client authentication by HTTP Basic.

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

/// An OAuth error: `{error, description, error_description}` (platform-client-sdk-go
/// platformclientv2/configuration.go, `AuthErrorResponse`).
pub struct OAuthError(pub StatusCode, pub &'static str, pub String);

impl OAuthError {
    pub fn invalid_grant(description: &str) -> Self {
        OAuthError(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            description.to_owned(),
        )
    }
    pub fn invalid_client(description: &str) -> Self {
        OAuthError(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            description.to_owned(),
        )
    }
    pub fn invalid_request(description: &str) -> Self {
        OAuthError(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            description.to_owned(),
        )
    }
}

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

pub fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A successful token response.
pub struct Issued {
    pub access_token: String,
    pub expires_in: i64,
    /// Only for the confidential code grant (the Go SDK's code grant requires one, its PKCE grant
    /// does not: platform-client-sdk-go platformclientv2/configuration.go).
    pub refresh_token: Option<String>,
}

/// Store a new access token for `client` (and `user_id`, if a user signed in).
pub fn issue(
    org: &mut Org,
    client: &OAuthClientRecord,
    user_id: Option<String>,
    now: i64,
    token: String,
) -> Issued {
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
    Issued {
        access_token: token,
        expires_in: validity,
        refresh_token: None,
    }
}

/// `(client_id, secret)` from an `Authorization: Basic` header.
pub fn basic(headers: &HeaderMap) -> Option<(String, String)> {
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
pub fn secret_matches(client: &OAuthClientRecord, secret: &str, now: i64) -> bool {
    client.secret_sha256.as_deref() == Some(ids::digest(secret).as_str())
        && now >= client.secret_usable_ms
}
