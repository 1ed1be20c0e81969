//! Proving a client secret works (security-matrix.md C14, the connection test): mint a client-credentials
//! token, retrying while Genesys's grant cache has not caught up, then revoke the token.

use std::time::Duration;

use crate::api::{Client, ClientOptions, RetryPolicy};
use crate::error::{Error, Result};
use crate::region::Endpoints;
use crate::secrets::Secret;

use super::token;

/// Retries minting a client-credentials token for `client_id` with `secret` until one is issued
/// or `within` has passed (a new secret is refused for a while: Genesys caches grants; the
/// sources give no figure, the matrix plans for about 10 s). The token is revoked at once
/// (`DELETE /api/v2/tokens/me`, best effort) and never returned. After `within`, the last
/// refusal is returned as it came: for a wrong secret, the login host's `invalid_client`
/// ([`Error::OAuth`]). Input that cannot be sent at all fails at once.
pub async fn verify_client_secret(
    endpoints: &Endpoints,
    client_id: &str,
    secret: &Secret,
    within: Duration,
) -> Result<()> {
    let client_id = client_id.trim();
    if client_id.is_empty() {
        return Err(Error::InvalidInput {
            field: "clientId",
            reason: "the OAuth client id cannot be blank".to_owned(),
        });
    }
    // The revoke is best effort: one attempt, so a flaky API host cannot hold the check up.
    let once = ClientOptions {
        retry: RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        },
        ..ClientOptions::default()
    };
    let client = Client::with_options(endpoints.clone(), once)?;
    let deadline = tokio::time::Instant::now() + within;
    let mut pause = Duration::from_millis(250);
    let mut attempt = 1u32;
    loop {
        match token::client_credentials(client.http(), client.endpoints(), client_id, secret).await
        {
            Ok(issued) => {
                if let Err(e) = client.revoke_token(&issued.access_token).await {
                    log::debug!("the verification token was not revoked ({e}); it is dropped");
                }
                return Ok(());
            }
            Err(e @ Error::InvalidInput { .. }) => return Err(e),
            Err(e) => {
                let now = tokio::time::Instant::now();
                if now + pause > deadline {
                    return Err(e);
                }
                log::debug!(
                    "client secret not accepted yet ({e}); attempt {}",
                    attempt + 1
                );
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(2));
                attempt += 1;
            }
        }
    }
}
