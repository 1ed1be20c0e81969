//! The OAuth clients screen: list, read, create, edit, disable/enable, delete,
//! regenerate the secret, the scope catalogue, the roles × divisions picker and "assign this
//! role to me". Thin adapters over `genesys`; no secret crosses IPC except
//! `oauth_client_secret_reveal`, once (security-matrix.md F4).

use std::time::Instant;

use genesys::api::{assign_role_to_me, AssignProgress, AssignWaits, ClientDeletion};
use genesys::models::{ClientState, OAuthClient, OAuthScope};
use genesys::oauth_client_form::OAuthClientForm;
use genesys::Error;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::client_credentials::{self, CredentialUses};
use crate::error::CommandResult;
use crate::oauth_clients::{self, session, IssuedClientView};
use crate::roles::{self, RolesView};
use crate::secret_reveal::Reveals;
use crate::AppState;

/// What deleting a client did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeletionView {
    /// True: the client answers 404, it is gone. False: Genesys keeps it inactive until
    /// `dateToDelete` (clients created over 30 days ago).
    pub deleted: bool,
    /// ISO-8601, when `deleted` is false and Genesys says when.
    pub date_to_delete: Option<String>,
}

#[tauri::command]
pub async fn oauth_clients_list(state: State<'_, AppState>) -> CommandResult<Vec<OAuthClient>> {
    let (_, s) = session(&state)?;
    Ok(s.client().oauth_clients(s.token()).await?)
}

#[tauri::command]
pub async fn oauth_client_get(
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<OAuthClient> {
    let (_, s) = session(&state)?;
    Ok(s.client().oauth_client(&id, s.token()).await?)
}

/// Validates the form in Rust (roles against `subjects/me`), creates the client, saves its
/// secret to the vault and keeps it for one reveal.
#[tauri::command]
pub async fn oauth_client_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    form: OAuthClientForm,
) -> CommandResult<IssuedClientView> {
    let (profile, s) = session(&state)?;
    let issued = s
        .client()
        .create_oauth_client_from_form(&form, s.token())
        .await?;
    Ok(oauth_clients::keep_issued(&app, &profile, issued).await?)
}

/// The same validation as create, then a full `PUT`.
#[tauri::command]
pub async fn oauth_client_update(
    state: State<'_, AppState>,
    id: String,
    form: OAuthClientForm,
) -> CommandResult<OAuthClient> {
    let (_, s) = session(&state)?;
    Ok(s.client()
        .update_oauth_client_from_form(&id, &form, s.token())
        .await?)
}

/// Disables or enables a client (`active` or `disabled` only; deleting has its own command).
#[tauri::command]
pub async fn oauth_client_set_state(
    state: State<'_, AppState>,
    id: String,
    client_state: ClientState,
) -> CommandResult<OAuthClient> {
    if !matches!(client_state, ClientState::Active | ClientState::Disabled) {
        return Err(Error::InvalidInput {
            field: "state",
            reason: "only active or disabled can be chosen here".into(),
        }
        .into());
    }
    let (_, s) = session(&state)?;
    Ok(s.client()
        .set_oauth_client_state(&id, client_state, s.token())
        .await?)
}

/// Deletes a client the Genesys way (inactive, `DELETE`, wait for 404); once it is gone, its
/// secret is removed from the vault too.
#[tauri::command]
pub async fn oauth_client_delete<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<DeletionView> {
    let (profile, s) = session(&state)?;
    Ok(
        match s.client().delete_oauth_client(&id, s.token()).await? {
            ClientDeletion::Deleted => {
                oauth_clients::forget_saved_secret(&app, &profile, &id).await?;
                DeletionView {
                    deleted: true,
                    date_to_delete: None,
                }
            }
            ClientDeletion::Scheduled { date_to_delete } => DeletionView {
                deleted: false,
                date_to_delete,
            },
        },
    )
}

/// A new secret (the old one stops working): saved to the vault, kept for one reveal.
#[tauri::command]
pub async fn oauth_client_regenerate_secret<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<IssuedClientView> {
    let (profile, s) = session(&state)?;
    let issued = s
        .client()
        .regenerate_oauth_client_secret(&id, s.token())
        .await?;
    Ok(oauth_clients::keep_issued(&app, &profile, issued).await?)
}

/// The secret behind `handle`, the first time only and within 60 s of its creation. The one
/// command whose result holds a secret.
#[tauri::command]
pub fn oauth_client_secret_reveal(
    reveals: State<'_, Reveals>,
    handle: String,
) -> CommandResult<String> {
    let secret = reveals.reveal(&handle, Instant::now())?;
    Ok(secret.expose().to_owned())
}

/// Copies the secret behind `handle` to the OS clipboard from Rust; the clipboard is cleared
/// after 60 s if it still holds it.
#[tauri::command]
pub fn oauth_client_secret_copy<R: Runtime>(
    app: AppHandle<R>,
    handle: String,
) -> CommandResult<()> {
    Ok(oauth_clients::copy_secret(&app, &handle)?)
}

/// The reveal dialog closed: the secret leaves memory; unless `keepInKeychain`, its keychain
/// entry is deleted too.
#[tauri::command]
pub async fn oauth_client_secret_forget<R: Runtime>(
    app: AppHandle<R>,
    handle: String,
    keep_in_keychain: bool,
) -> CommandResult<()> {
    Ok(oauth_clients::forget(&app, &handle, keep_in_keychain).await?)
}

/// `GET /api/v2/oauth/scopes`, every scope with its description.
#[tauri::command]
pub async fn oauth_scopes(state: State<'_, AppState>) -> CommandResult<Vec<OAuthScope>> {
    let (_, s) = session(&state)?;
    Ok(s.client().oauth_scopes(s.token()).await?)
}

/// Every role (all pages) with what the user holds, the divisions and the home division.
#[tauri::command]
pub async fn authorization_roles(state: State<'_, AppState>) -> CommandResult<RolesView> {
    let (_, s) = session(&state)?;
    Ok(roles::load(&s).await?)
}

/// One role's permissions (`domain:entity:action`, from its policies), on demand.
#[tauri::command]
pub async fn authorization_role_permissions(
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<Vec<String>> {
    let (_, s) = session(&state)?;
    Ok(s.client().role(&id, s.token()).await?.granted())
}

/// After the user consented: adds `roleId` to their roles (`PUT /api/v2/users/{id}/roles`),
/// waits Genesys's settle time (progress on `onProgress`, about once a second), then until
/// `subjects/me` shows it. Returns the divisions they now hold it in, as `subjects/me` says.
#[tauri::command]
pub async fn authorization_assign_role_to_me(
    state: State<'_, AppState>,
    role_id: String,
    on_progress: Channel<AssignProgress>,
) -> CommandResult<Vec<String>> {
    let (_, s) = session(&state)?;
    let report = move |progress: AssignProgress| {
        // A closed window only loses the progress, not the assignment.
        if on_progress.send(progress).is_err() {
            log::debug!("assign progress not delivered");
        }
    };
    let me = assign_role_to_me(&s, &role_id, AssignWaits::default(), &report).await?;
    Ok(roles::held_by_role(&me)
        .remove(&role_id)
        .unwrap_or_default())
}

/// The integration credentials that use client `id` (for the delete confirmation and the
/// offer after a regenerate).
#[tauri::command]
pub async fn oauth_client_credentials(
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<CredentialUses> {
    let (_, s) = session(&state)?;
    Ok(client_credentials::using_client(&s, &id).await?)
}

/// Gives credential `credentialId` (keeping its `name`) client `clientId` and the new secret
/// behind `handle`, read from Rust memory while the reveal dialog is open.
#[tauri::command]
pub async fn oauth_client_credential_update(
    state: State<'_, AppState>,
    reveals: State<'_, Reveals>,
    credential_id: String,
    name: String,
    client_id: String,
    handle: String,
) -> CommandResult<()> {
    let (_, s) = session(&state)?;
    let secret = reveals.peek(&handle, Instant::now())?;
    s.client()
        .update_oauth_client_credential(&credential_id, &name, &client_id, &secret, s.token())
        .await?;
    Ok(())
}
