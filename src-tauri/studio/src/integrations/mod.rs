//! The Data Actions integration screen's use cases: the overview the list and the diagram
//! draw (integrations with their credential, the credential's client, whether the app holds
//! that client's secret), install and delete, and mapping core models to wire views. Configure
//! and activate have their own files.

mod activation;
mod choice;
mod configure;
mod new_client;

use genesys::api::Removal;
use genesys::auth::Session;
use genesys::models::{GrantType, Integration, OAuthClient};
use genesys::Error;

pub use activation::{set_enabled, SETTLE_WITHIN, SMOKE_WITHIN};
pub use choice::TYPED_SECRET_WITHIN;
pub use configure::configure;

use crate::wire::integrations::{
    ClientView, CredentialView, IntegrationView, IntegrationsOverview,
};
use crate::{CommandResult, OrgContext};

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
        reported: i.reported_code(),
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

pub async fn client_view(org: &OrgContext, c: &OAuthClient) -> ClientView {
    let secret_in_keychain = c.authorized_grant_type == GrantType::ClientCredentials
        && matches!(org.client_secret(&c.id).await, Ok(Some(_)));
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
pub async fn overview(org: &OrgContext) -> CommandResult<IntegrationsOverview> {
    let session = &org.session;
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
        let credential = credential_of(session, i).await?;
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
        client_views.push(client_view(org, client).await);
    }
    let actions = crate::actions::summaries(session, &integrations).await?;
    Ok(IntegrationsOverview {
        actions,
        integrations: views,
        credentials: credential_views,
        clients: client_views,
        limit: u32::try_from(limit?).unwrap_or(u32::MAX),
    })
}

/// Installs "Genesys Cloud Data Actions" named `name` (the core's name rules; a POST is never
/// retried).
pub async fn install(org: &OrgContext, name: &str) -> CommandResult<IntegrationView> {
    let name = genesys::oauth_client_form::client_name(name).map_err(|e| match e {
        Error::InvalidInput { reason, .. } => Error::InvalidInput {
            field: "integrationName",
            reason,
        },
        other => other,
    })?;
    let s = &org.session;
    let installed = s
        .client()
        .install_integration(&name, None, s.token())
        .await?;
    Ok(integration_view(&installed, None))
}

/// Deletes integration `id`; one already gone counts as removed.
pub async fn delete(org: &OrgContext, id: &str) -> CommandResult<Removal> {
    let s = &org.session;
    Ok(s.client().delete_integration(id, s.token()).await?)
}
