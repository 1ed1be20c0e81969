//! `/oauth/token`: dispatch on `grant_type` to the grant that serves it, and the token response
//! (`access_token`, `token_type`, `expires_in`, and `refresh_token` when one was issued).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use super::access_token::{no_store, OAuthError};
use super::grants;
use crate::paging::Query;
use crate::store::Ctx;

pub async fn exchange(State(ctx): State<Ctx>, headers: HeaderMap, bytes: Bytes) -> Response {
    let form = Query::parse(std::str::from_utf8(&bytes).ok());
    let result = match form.get("grant_type") {
        Some("client_credentials") => grants::client_credentials(&ctx, &headers),
        Some("authorization_code") => grants::authorization_code(&ctx, &headers, &form),
        Some("refresh_token") => grants::refresh_token(&ctx, &headers, &form),
        Some(other) => Err(OAuthError(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            format!("The grant type [{other}] is not supported by the Sandbox org."),
        )),
        None => Err(OAuthError::invalid_request("grant_type is required.")),
    };
    match result {
        Ok(issued) => {
            let mut body = json!({
                "access_token": issued.access_token,
                "token_type": "bearer",
                "expires_in": issued.expires_in,
            });
            if let Some(refresh) = issued.refresh_token {
                body["refresh_token"] = json!(refresh);
            }
            no_store(Json(body).into_response())
        }
        Err(error) => error.into_response(),
    }
}
