//! The OAuth clients screen (clients, their secret's one-time reveal, scopes, the roles picker).
//! No secret crosses IPC but `oauth_client_secret_reveal`'s, once (security-matrix.md F4).

use genesys::models::{ClientState, OAuthClient, OAuthScope};
use genesys::{api::AssignProgress, oauth_client_form::OAuthClientForm};
use studio::reveal::Reveals;
use studio::wire::clients::{CredentialUses, DeletionView, IssuedClientView, RolesView};
use studio::{clients, roles, CommandResult};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use crate::session::{org, vault};

#[tauri::command]
pub async fn oauth_clients_list<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<OAuthClient>> {
    clients::list(&org(&app).await?).await
}

#[tauri::command]
pub async fn oauth_client_get<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> CommandResult<OAuthClient> {
    clients::get(&org(&app).await?, &id).await
}

#[tauri::command]
pub async fn oauth_client_create<R: Runtime>(
    app: AppHandle<R>,
    reveals: State<'_, Reveals>,
    form: OAuthClientForm,
) -> CommandResult<IssuedClientView> {
    clients::create(&org(&app).await?, &reveals, &form).await
}

#[tauri::command]
pub async fn oauth_client_update<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    form: OAuthClientForm,
) -> CommandResult<OAuthClient> {
    clients::update(&org(&app).await?, &id, &form).await
}

#[tauri::command]
pub async fn oauth_client_set_state<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    client_state: ClientState,
) -> CommandResult<OAuthClient> {
    clients::set_state(&org(&app).await?, &id, client_state).await
}

#[tauri::command]
pub async fn oauth_client_delete<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> CommandResult<DeletionView> {
    clients::delete(&org(&app).await?, &id).await
}

#[tauri::command]
pub async fn oauth_client_regenerate_secret<R: Runtime>(
    app: AppHandle<R>,
    reveals: State<'_, Reveals>,
    id: String,
) -> CommandResult<IssuedClientView> {
    clients::regenerate_secret(&org(&app).await?, &reveals, &id).await
}

/// The one command whose result holds a secret: the first time only, within 60 s.
#[tauri::command]
pub fn oauth_client_secret_reveal(
    reveals: State<'_, Reveals>,
    handle: String,
) -> CommandResult<String> {
    Ok(reveals.reveal_text(&handle)?)
}

/// Async so that it runs on the runtime the clipboard's clearing task is spawned on.
#[tauri::command]
pub async fn oauth_client_secret_copy<R: Runtime>(
    app: AppHandle<R>,
    reveals: State<'_, Reveals>,
    handle: String,
) -> CommandResult<()> {
    Ok(crate::clipboard::copy_secret(&app, &reveals, &handle)?)
}

/// The reveal dialog closed: the secret leaves memory (and the keychain unless kept there).
#[tauri::command]
pub async fn oauth_client_secret_forget<R: Runtime>(
    app: AppHandle<R>,
    reveals: State<'_, Reveals>,
    handle: String,
    keep_in_keychain: bool,
) -> CommandResult<()> {
    Ok(clients::forget_reveal(&vault(&app).await, &reveals, &handle, keep_in_keychain).await?)
}

#[tauri::command]
pub async fn oauth_scopes<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<OAuthScope>> {
    clients::scopes(&org(&app).await?).await
}

#[tauri::command]
pub async fn authorization_roles<R: Runtime>(app: AppHandle<R>) -> CommandResult<RolesView> {
    roles::picker(&org(&app).await?).await
}

#[tauri::command]
pub async fn authorization_role_permissions<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> CommandResult<Vec<String>> {
    roles::permissions(&org(&app).await?, &id).await
}

#[tauri::command]
pub async fn authorization_assign_role_to_me<R: Runtime>(
    app: AppHandle<R>,
    role_id: String,
    on_progress: Channel<AssignProgress>,
) -> CommandResult<Vec<String>> {
    let report = move |progress: AssignProgress| {
        let _ = on_progress.send(progress); // a closed window loses only the progress
    };
    roles::assign_to_me(&org(&app).await?, &role_id, &report).await
}

#[tauri::command]
pub async fn oauth_client_credentials<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> CommandResult<CredentialUses> {
    clients::credentials_using(&org(&app).await?, &id).await
}

#[tauri::command]
pub async fn oauth_client_credential_update<R: Runtime>(
    app: AppHandle<R>,
    reveals: State<'_, Reveals>,
    credential_id: String,
    name: String,
    client_id: String,
    handle: String,
) -> CommandResult<()> {
    let org = org(&app).await?;
    clients::update_credential(&org, &reveals, &credential_id, &name, &client_id, &handle).await
}
