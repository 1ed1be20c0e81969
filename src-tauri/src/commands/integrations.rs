//! The Data Actions integration screen: overview (list and diagram), install,
//! configure credentials, activate / deactivate followed live, delete. No secret comes back.

use genesys::api::Removal;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime};

use crate::error::{CommandError, CommandResult};
use crate::integrations::{integration_view, signed_in};
use crate::wire::integrations::{
    Activation, ClientChoices, Configured, CredentialChoice, IntegrationView, IntegrationsOverview,
};
use crate::{integration_activation, integration_credentials, integrations, role_choices};

#[tauri::command]
pub async fn integrations_overview<R: Runtime>(
    app: AppHandle<R>,
) -> CommandResult<IntegrationsOverview> {
    integrations::overview(&app).await
}

/// Installs "Genesys Cloud Data Actions" named `name` (the core's name rules; never retried).
#[tauri::command]
pub async fn integration_install<R: Runtime>(
    app: AppHandle<R>,
    name: String,
) -> CommandResult<IntegrationView> {
    let name = genesys::oauth_client_form::client_name(&name).map_err(|e| match e {
        genesys::Error::InvalidInput { reason, .. } => genesys::Error::InvalidInput {
            field: "integrationName",
            reason,
        },
        other => other,
    })?;
    let (_, session) = signed_in(&app)?;
    let installed = session
        .client()
        .install_integration(&name, None, session.token())
        .await?;
    Ok(integration_view(&installed, None))
}

#[tauri::command]
pub async fn integration_client_choices<R: Runtime>(
    app: AppHandle<R>,
) -> CommandResult<ClientChoices> {
    role_choices::choices(&app).await
}

#[tauri::command]
pub async fn integration_configure<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    choice: CredentialChoice,
) -> CommandResult<Configured> {
    integration_credentials::configure(&app, &id, choice).await
}

#[tauri::command]
pub async fn integration_set_enabled<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    enabled: bool,
    on_state: Channel<IntegrationView>,
) -> CommandResult<Activation> {
    integration_activation::set_enabled(&app, &id, enabled, &on_state).await
}

#[tauri::command]
pub async fn integration_delete<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> Result<Removal, CommandError> {
    let (_, session) = signed_in(&app)?;
    Ok(session
        .client()
        .delete_integration(&id, session.token())
        .await?)
}
