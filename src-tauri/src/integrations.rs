//! The Data Actions integration screen's shell logic: the signed-in session to act with, the
//! overview the list and diagram draw (integrations with their credential, the credential's
//! client, whether the app holds that client's secret), and mapping core models to wire views.

use genesys::auth::Session;
use genesys::models::{GrantType, Integration, OAuthClient, ReportedStateCode};
use genesys::secrets::{oauth_client_secret_account, Secret};
use genesys::{Error, ErrorKind, Profile};
use tauri::{AppHandle, Manager, Runtime};

use crate::error::CommandError;
use crate::sign_in;
use crate::wire::integrations::{
    ClientView, CredentialView, IntegrationView, IntegrationsOverview, ReportedCode,
};
use crate::AppState;

/// The signed-in profile and session, or "sign in first".
pub fn signed_in<R: Runtime>(app: &AppHandle<R>) -> Result<(Profile, Session), CommandError> {
    app.state::<AppState>()
        .session()
        .ok_or_else(|| CommandError {
            kind: ErrorKind::SignInRequired,
            message: "sign in first".into(),
            context_id: None,
        })
}

/// The secret the vault holds for OAuth client `client_id` of the profile's org, if any.
pub async fn client_secret<R: Runtime>(
    app: &AppHandle<R>,
    profile: &Profile,
    client_id: &str,
) -> Result<Option<Secret>, Error> {
    let account = oauth_client_secret_account(profile.target.code(), client_id);
    sign_in::vault(app).await.get(account).await
}

pub fn reported(code: ReportedStateCode) -> ReportedCode {
    match code {
        ReportedStateCode::Active => ReportedCode::Active,
        ReportedStateCode::Activating => ReportedCode::Activating,
        ReportedStateCode::Inactive => ReportedCode::Inactive,
        ReportedStateCode::Deactivating => ReportedCode::Deactivating,
        ReportedStateCode::Error => ReportedCode::Error,
        ReportedStateCode::Unknown => ReportedCode::Unknown,
    }
}

/// An integration as the screen shows it; `credential_id` from its `config/current`
/// ([`credential_of`]), never from the configuration the integration embeds.
pub fn integration_view(i: &Integration, credential_id: Option<String>) -> IntegrationView {
    let detail = i
        .reported_state
        .as_ref()
        .and_then(|s| s.detail.as_ref())
        .and_then(|d| d.message.clone().or(d.message_with_params.clone()));
    IntegrationView {
        id: i.id.clone(),
        name: i.name.clone(),
        notes: i.notes.clone().filter(|n| !n.is_empty()),
        intended_state: serde_json::to_value(i.intended_state)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        reported: reported(i.reported_code()),
        detail,
        credential_id,
    }
}

/// The integration's credential, from `config/current`: the embedded `config.current` may be
/// complete, a stub or absent, so it is never trusted (as in Terraform's read).
pub async fn credential_of(session: &Session, i: &Integration) -> Result<Option<String>, Error> {
    session
        .client()
        .integration_credential(&i.id, session.token())
        .await
}

pub async fn client_view<R: Runtime>(
    app: &AppHandle<R>,
    profile: &Profile,
    c: &OAuthClient,
) -> ClientView {
    let secret_in_keychain = c.authorized_grant_type == GrantType::ClientCredentials
        && matches!(client_secret(app, profile, &c.id).await, Ok(Some(_)));
    ClientView {
        id: c.id.clone(),
        name: c.name.clone(),
        grant_type: c.authorized_grant_type,
        state: c.state,
        secret_in_keychain,
    }
}

/// Everything the list and the diagram draw. A credential's client id is read only for the
/// credentials an integration uses (one `GET` each, and one `config/current` per integration;
/// the type's `maxInstances` bounds both).
pub async fn overview<R: Runtime>(
    app: &AppHandle<R>,
) -> Result<IntegrationsOverview, CommandError> {
    let (profile, session) = signed_in(app)?;
    let (c, token) = (session.client(), session.token());
    let (integrations, credentials, clients, limit) = tokio::join!(
        c.data_actions_integrations(token),
        c.credentials(token),
        c.oauth_clients(token),
        c.data_actions_limit(token)
    );
    let (integrations, credentials, clients) = (integrations?, credentials?, clients?);
    let mut views = Vec::with_capacity(integrations.len());
    for i in &integrations {
        let credential = credential_of(&session, i).await?;
        views.push(integration_view(i, credential));
    }
    let mut credential_views = Vec::with_capacity(credentials.len());
    for info in credentials {
        let used = views
            .iter()
            .any(|v| v.credential_id.as_deref() == Some(&info.id));
        let client_id = if used {
            match c.credential(&info.id, token).await {
                Ok(full) => full.credential_fields.get("clientId").cloned(),
                // Deleted between the listing and this read: the diagram shows it as gone.
                Err(Error::Api { status: 404, .. }) => continue,
                Err(e) => return Err(e.into()),
            }
        } else {
            None
        };
        credential_views.push(CredentialView {
            name: info.name.clone().unwrap_or_else(|| info.id.clone()),
            id: info.id,
            client_id,
        });
    }
    let mut client_views = Vec::with_capacity(clients.len());
    for client in &clients {
        client_views.push(client_view(app, &profile, client).await);
    }
    Ok(IntegrationsOverview {
        integrations: views,
        credentials: credential_views,
        clients: client_views,
        limit: u32::try_from(limit?).unwrap_or(u32::MAX),
    })
}
