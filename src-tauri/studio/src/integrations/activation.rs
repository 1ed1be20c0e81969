//! Activate / deactivate a Data Actions integration and follow `reportedState` until it settles,
//! sending each state seen to the window; after ACTIVE, the smoke check: the credential's client
//! can mint a client-credentials token with the secret the vault holds (security-matrix.md C14). A refusal
//! is `credentialRefused`: an org may report ACTIVE although the credential's secret is wrong.

use std::time::Duration;

use genesys::auth::verify_client_secret;
use genesys::models::{Integration, ReportedStateCode};
use genesys::{Error, ErrorKind};

use super::{credential_of, integration_view};
use crate::wire::integrations::{Activation, IntegrationView, SmokeCheck};
use crate::{CommandResult, OrgContext};

/// How long the screen follows the state. Genesys documents no activation time; the guided
/// setup's default wait is used.
pub const SETTLE_WITHIN: Duration = Duration::from_secs(120);
/// How long the smoke check retries the token request (Genesys caches grants: C14).
pub const SMOKE_WITHIN: Duration = Duration::from_secs(30);

/// Enables or disables integration `id`, sends every state seen to `on_state` (a closed window
/// only stops hearing: the integration settles all the same), then runs the smoke check.
pub async fn set_enabled(
    org: &OrgContext,
    id: &str,
    enabled: bool,
    on_state: &(dyn Fn(IntegrationView) + Send + Sync),
) -> CommandResult<Activation> {
    let session = &org.session;
    let (c, token) = (session.client(), session.token());
    let patched = c.set_integration_enabled(id, enabled, token).await?;
    let credential = credential_of(session, &patched).await?;
    on_state(integration_view(&patched, credential.clone()));
    let mut seen = |i: &Integration| on_state(integration_view(i, credential.clone()));
    let settled = c
        .wait_for_reported_state(id, enabled, SETTLE_WITHIN, &mut seen, token)
        .await?;
    let smoke = if enabled && settled.reported_code() == ReportedStateCode::Active {
        smoke_check(org, credential.as_deref()).await
    } else {
        SmokeCheck::NotRun
    };
    Ok(Activation {
        integration: integration_view(&settled, credential),
        smoke,
    })
}

async fn smoke_check(org: &OrgContext, credential: Option<&str>) -> SmokeCheck {
    let session = &org.session;
    let Some(credential) = credential else {
        return SmokeCheck::NotRun;
    };
    let client_id = match session
        .client()
        .credential(credential, session.token())
        .await
    {
        Ok(full) => full.credential_fields.get("clientId").cloned(),
        Err(e) => return SmokeCheck::Failed { error: e.into() },
    };
    let Some(client_id) = client_id else {
        return SmokeCheck::NoSecret;
    };
    let secret = match org.client_secret(&client_id).await {
        Ok(Some(secret)) => secret,
        Ok(None) => return SmokeCheck::NoSecret,
        Err(e) => return SmokeCheck::Failed { error: e.into() },
    };
    let endpoints = session.client().endpoints().clone();
    // Refused: the credential's secret is wrong even if the integration says ACTIVE (some
    // orgs do), so the screen names that instead of a sign-in problem.
    match verify_client_secret(&endpoints, &client_id, &secret, SMOKE_WITHIN).await {
        Ok(()) => SmokeCheck::Passed,
        Err(e) if e.kind() == ErrorKind::ClientRejected => SmokeCheck::Failed {
            error: Error::CredentialRefused { client_id }.into(),
        },
        Err(e) => SmokeCheck::Failed { error: e.into() },
    }
}
