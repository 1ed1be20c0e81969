//! Step 4, "Perform authentication": a client-credentials token for the OAuth client the
//! integration's `pureCloudOAuthClient` credential names, minted only when that client could get
//! one at `/oauth/token` (active, Client Credentials, the credential's secret its own) and the
//! integration is ACTIVE (variant `action-any-state` drops the second condition). The token lives
//! for the run only: it is revoked when dropped, and never shown.

use axum::http::StatusCode;
use serde_json::json;

use super::trace::Outcome;
use crate::api::reported_state::{can_mint_token, reported_state, Shown};
use crate::error_body::ApiError;
use crate::ids;
use crate::login::access_token::issue;
use crate::org::{IntegrationRecord, Org};
use crate::store::Ctx;
use crate::variants::InactiveIntegration;

/// The run's access token. Not `Debug`, not `Serialize`: it is a secret. Dropping it revokes it.
pub struct RunToken {
    ctx: Ctx,
    digest: String,
    secret: String,
}

impl RunToken {
    /// The `Authorization` header value for the call of step 8.
    pub fn bearer(&self) -> String {
        format!("Bearer {}", self.secret)
    }
}

impl Drop for RunToken {
    fn drop(&mut self) {
        let digest = std::mem::take(&mut self.digest);
        let _ = self.ctx.mutate(|org| {
            org.tokens.remove(&digest);
            Ok::<(), ApiError>(())
        });
    }
}

/// A failure of step 4: 400 `bad.request` with `ACTION.AUTHENTICATION` and the integration in
/// `details[]`. No source shows this step's error body; the shape is that of the step-10
/// failure the workshop shows, with the code data actions report for credential failures.
fn refused(integration: &IntegrationRecord, why: String) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "bad.request", why).with_details(vec![json!({
        "errorCode": "ACTION.AUTHENTICATION",
        "entityId": integration.id,
        "entityName": integration.name,
    })])
}

/// The client id the integration's `pureCloudOAuthClient` credential names.
fn client_of(org: &Org, integration: &IntegrationRecord) -> Option<String> {
    integration
        .config
        .credentials
        .values()
        .filter_map(|id| org.credential(id))
        .find(|c| c.type_name == "pureCloudOAuthClient")
        .and_then(|c| c.fields.get("clientId").cloned())
}

pub fn authenticate(ctx: &Ctx, integration_id: &str) -> Outcome<RunToken> {
    let shown = Shown::of(ctx);
    let inactive = ctx.variant().inactive_integration;
    let secret = ctx.new_secret();
    let now = ctx.now_ms();
    let issued = ctx.mutate(|org| {
        let integration = org
            .integration(integration_id)
            .cloned()
            .ok_or_else(|| ApiError::bad_request("The action's integration no longer exists."))?;
        can_mint_token(org, &integration, now).map_err(|r| refused(&integration, r.message))?;
        let state = reported_state(org, &integration, now, &shown);
        let code = state["code"].as_str().unwrap_or("").to_owned();
        if inactive == InactiveIntegration::Refused && code != "ACTIVE" {
            let why = format!(
                "The integration {} is {code}, not ACTIVE: activate it before running its actions.",
                integration.name
            );
            return Err(refused(&integration, why));
        }
        let client = client_of(org, &integration)
            .and_then(|id| org.client(&id).cloned())
            .ok_or_else(|| {
                refused(
                    &integration,
                    "The integration has no OAuth client credential.".into(),
                )
            })?;
        let issued = issue(org, &client, None, now, secret);
        Ok((client.id, issued))
    })?;
    let (client_id, issued) = issued;
    let token = RunToken {
        ctx: ctx.clone(),
        digest: ids::digest(&issued.access_token),
        secret: issued.access_token,
    };
    let result = json!({
        "grantType": "client_credentials",
        "clientId": client_id,
        "tokenType": "bearer",
        "expiresIn": issued.expires_in,
    });
    Ok((token, result))
}
