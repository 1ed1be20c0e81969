//! Activate / deactivate a Data Actions integration and follow `reportedState` until it settles,
//! sending each state seen to the window; after ACTIVE, the smoke check: the credential's client
//! can mint a client-credentials token with the secret the vault holds (security-matrix.md C14). A refusal
//! is `credentialRefused`: an org may report ACTIVE although the credential's secret is wrong.

use std::time::Duration;

use genesys::auth::verify_client_secret;
use genesys::models::ReportedStateCode;
use genesys::{Error, ErrorKind};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime};

use crate::error::CommandError;
use crate::integrations::{client_secret, credential_of, integration_view, signed_in};
use crate::wire::integrations::{Activation, IntegrationView, SmokeCheck};

/// How long the screen follows the state. Genesys documents no activation time; the guided
/// setup's default wait is used.
pub const SETTLE_WITHIN: Duration = Duration::from_secs(120);
/// How long the smoke check retries the token request (Genesys caches grants: C14).
pub const SMOKE_WITHIN: Duration = Duration::from_secs(30);

pub async fn set_enabled<R: Runtime>(
    app: &AppHandle<R>,
    id: &str,
    enabled: bool,
    on_state: &Channel<IntegrationView>,
) -> Result<Activation, CommandError> {
    let (profile, session) = signed_in(app)?;
    let (c, token) = (session.client(), session.token());
    let patched = c.set_integration_enabled(id, enabled, token).await?;
    let credential = credential_of(&session, &patched).await?;
    let send = |view: IntegrationView| {
        // A closed window is no reason to stop: the integration settles all the same.
        if on_state.send(view).is_err() {
            log::debug!("the integration state channel is closed");
        }
    };
    send(integration_view(&patched, credential.clone()));
    let mut seen = |i: &genesys::models::Integration| send(integration_view(i, credential.clone()));
    let settled = c
        .wait_for_reported_state(id, enabled, SETTLE_WITHIN, &mut seen, token)
        .await?;
    let smoke = if enabled && settled.reported_code() == ReportedStateCode::Active {
        smoke_check(app, &profile, &session, credential.as_deref()).await
    } else {
        SmokeCheck::NotRun
    };
    Ok(Activation {
        integration: integration_view(&settled, credential),
        smoke,
    })
}

async fn smoke_check<R: Runtime>(
    app: &AppHandle<R>,
    profile: &genesys::Profile,
    session: &genesys::auth::Session,
    credential: Option<&str>,
) -> SmokeCheck {
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
    let secret = match client_secret(app, profile, &client_id).await {
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
