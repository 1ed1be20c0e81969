//! `/api/v2/tokens/me`: what the token is (GET, also HEAD) and revoking it (DELETE).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::oauth_clients::client_view;
use crate::caller::Caller;
use crate::clock;
use crate::error_body::ApiError;
use crate::resource::ok;
use crate::store::Ctx;

pub async fn get_me(State(ctx): State<Ctx>, caller: Caller) -> Result<Response, ApiError> {
    ctx.read(|org| {
        let token = org
            .tokens
            .get(&caller.token_sha256)
            .ok_or_else(ApiError::bad_credentials)?;
        let client = org
            .client(&caller.client_id)
            .ok_or_else(ApiError::bad_credentials)?;
        let named = json!({ "id": org.organization.id, "name": org.organization.name });
        // `OrgOAuthClient` is `OAuthClient` without validity, description, redirect URIs and
        // selfUri, plus the organization.
        let mut oauth_client = client_view(client);
        if let Some(fields) = oauth_client.as_object_mut() {
            for absent in [
                "accessTokenValiditySeconds",
                "description",
                "registeredRedirectUri",
                "selfUri",
            ] {
                fields.remove(absent);
            }
        }
        oauth_client["organization"] = named.clone();
        Ok(ok(json!({
            "organization": named,
            "homeOrganization": named,
            "authorizedScope": client.scope,
            // When the token is due to expire (platform-client-sdk-python
            // build/PureCloudPlatformClientV2/models/token_info.py, `date_token_idles`).
            "dateTokenIdles": clock::iso(token.expires_ms),
            "OAuthClient": oauth_client,
        })))
    })
}

pub async fn delete_me(State(ctx): State<Ctx>, caller: Caller) -> Result<Response, ApiError> {
    ctx.mutate(|org| {
        org.tokens.remove(&caller.token_sha256);
        Ok(StatusCode::OK.into_response())
    })
}
