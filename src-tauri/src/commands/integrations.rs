//! The Data Actions integration screen: overview (list and diagram), install, configure
//! credentials, activate / deactivate followed live, delete. No secret comes back.

use genesys::api::Removal;
use studio::wire::integrations::{
    Activation, ClientChoices, Configured, CredentialChoice, IntegrationView, IntegrationsOverview,
};
use studio::{integrations, roles, CommandResult};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime};

use crate::session::org;

#[tauri::command]
pub async fn integrations_overview<R: Runtime>(
    app: AppHandle<R>,
) -> CommandResult<IntegrationsOverview> {
    integrations::overview(&org(&app).await?).await
}

#[tauri::command]
pub async fn integration_install<R: Runtime>(
    app: AppHandle<R>,
    name: String,
) -> CommandResult<IntegrationView> {
    integrations::install(&org(&app).await?, &name).await
}

#[tauri::command]
pub async fn integration_client_choices<R: Runtime>(
    app: AppHandle<R>,
) -> CommandResult<ClientChoices> {
    roles::choices(&org(&app).await?).await
}

#[tauri::command]
pub async fn integration_configure<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    choice: CredentialChoice,
) -> CommandResult<Configured> {
    integrations::configure(&org(&app).await?, &id, choice).await
}

/// Each state seen goes to `onState`; a closed window does not stop the integration settling.
#[tauri::command]
pub async fn integration_set_enabled<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    enabled: bool,
    on_state: Channel<IntegrationView>,
) -> CommandResult<Activation> {
    let send = move |view: IntegrationView| {
        let _ = on_state.send(view);
    };
    integrations::set_enabled(&org(&app).await?, &id, enabled, &send).await
}

#[tauri::command]
pub async fn integration_delete<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> CommandResult<Removal> {
    integrations::delete(&org(&app).await?, &id).await
}
