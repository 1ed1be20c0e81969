//! The OAuth clients screen's shell logic: the signed-in session to act with, and what happens
//! to a secret Genesys shows only once (create, regenerate): saved to the vault at once, kept in
//! Rust memory for the one-time reveal, copied to the clipboard by Rust and cleared from it
//! after a minute.

use std::time::{Duration, Instant};

use genesys::api::IssuedOAuthClient;
use genesys::auth::Session;
use genesys::secrets::{oauth_client_secret_account, Secret};
use genesys::{Error, ErrorKind, Profile};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_clipboard_manager::ClipboardExt;
use ts_rs::TS;

use crate::error::CommandError;
use crate::secret_reveal::Reveals;
use crate::{sign_in, AppState};

/// How long a copied secret may stay on the clipboard.
pub const CLIPBOARD_TTL: Duration = Duration::from_secs(60);

/// A client just created or given a new secret: the secret itself stays in Rust.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IssuedClientView {
    pub client: genesys::models::OAuthClient,
    /// For `oauth_client_secret_reveal` (once, within 60 s), copy and forget.
    pub reveal_handle: String,
    /// False when no keychain answered: the secret lives in memory for this run only, so the
    /// user must copy it now or regenerate it later (security-matrix.md E3/E4).
    pub saved_to_keychain: bool,
}

/// The signed-in profile and session, or "sign in first".
pub fn session(state: &AppState) -> Result<(Profile, Session), CommandError> {
    state.session().ok_or_else(|| CommandError {
        kind: ErrorKind::SignInRequired,
        message: "sign in first".into(),
        context_id: None,
    })
}

/// Saves a new secret under the client's keychain account, then keeps it for the reveal.
/// A failed keychain write is logged by kind only and reported as "not saved".
pub async fn keep_issued<R: Runtime>(
    app: &AppHandle<R>,
    profile: &Profile,
    issued: IssuedOAuthClient,
) -> Result<IssuedClientView, Error> {
    let vault = sign_in::vault(app).await;
    let account = oauth_client_secret_account(profile.target.code(), &issued.client.id);
    // Saved even when the vault is memory-only: later steps of this run can still use it.
    let stored = match vault.set(account.clone(), issued.secret.clone()).await {
        Ok(()) => true,
        Err(e) => {
            log::warn!("a client secret was not saved: {:?}", e.kind());
            false
        }
    };
    let saved = stored && vault.persistent;
    let handle =
        app.state::<Reveals>()
            .keep(issued.secret, stored.then_some(account), Instant::now())?;
    // The secret leaves memory at expiry even if the dialog never closes.
    let (expiring, later) = (handle.clone(), app.clone());
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(crate::secret_reveal::REVEAL_TTL).await;
        later.state::<Reveals>().expire(&expiring, Instant::now());
    });
    Ok(IssuedClientView {
        client: issued.client,
        reveal_handle: handle,
        saved_to_keychain: saved,
    })
}

/// Copies the pending secret to the OS clipboard, and clears the clipboard after
/// [`CLIPBOARD_TTL`] if it still holds that secret.
pub fn copy_secret<R: Runtime>(app: &AppHandle<R>, handle: &str) -> Result<(), Error> {
    let secret = app.state::<Reveals>().peek(handle, Instant::now())?;
    app.clipboard()
        .write_text(secret.expose().to_owned())
        .map_err(|e| Error::Unexpected(format!("the clipboard refused the text: {e}")))?;
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(CLIPBOARD_TTL).await;
        clear_if_holding(&app, &secret);
    });
    Ok(())
}

fn clear_if_holding<R: Runtime>(app: &AppHandle<R>, secret: &Secret) {
    let clipboard = app.clipboard();
    let still_there = clipboard
        .read_text()
        .is_ok_and(|text| text == secret.expose());
    if still_there {
        if let Err(e) = clipboard.clear() {
            log::warn!("the clipboard could not be cleared: {e}");
        }
    }
}

/// Drops the pending secret; when `keep_in_keychain` is false, deletes its keychain entry too.
pub async fn forget<R: Runtime>(
    app: &AppHandle<R>,
    handle: &str,
    keep_in_keychain: bool,
) -> Result<(), Error> {
    let account = app.state::<Reveals>().forget(handle);
    if let (false, Some(account)) = (keep_in_keychain, account) {
        sign_in::vault(app).await.delete(account).await?;
    }
    Ok(())
}

/// Removes a deleted client's saved secret from the vault (absent is fine).
pub async fn forget_saved_secret<R: Runtime>(
    app: &AppHandle<R>,
    profile: &Profile,
    client_id: &str,
) -> Result<(), Error> {
    let account = oauth_client_secret_account(profile.target.code(), client_id);
    sign_in::vault(app).await.delete(account).await
}
