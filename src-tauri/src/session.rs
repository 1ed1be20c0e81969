//! The signed-in session as the shell holds it: the vault (opened on first use), the org a
//! command acts on, restoring the last session at start, and signing out.

use genesys::{Profile, SignInMethod};
use studio::sign_in::SignedOut;
use studio::vault::Vault;
use studio::{CommandResult, OrgContext};
use tauri::{AppHandle, Manager, Runtime};

use crate::{settings, sign_in, AppState};

/// The vault, probing the keychain on first use.
pub async fn vault<R: Runtime>(app: &AppHandle<R>) -> Vault {
    let state = app.state::<AppState>();
    state.vault.get_or_init(Vault::open).await.clone()
}

/// The signed-in org, or "sign in first". The keychain is not touched when no one is signed in.
pub async fn org<R: Runtime>(app: &AppHandle<R>) -> CommandResult<OrgContext> {
    let (profile, session) = app
        .state::<AppState>()
        .session()
        .ok_or_else(studio::sign_in_required)?;
    Ok(OrgContext {
        profile,
        session,
        secrets: vault(app).await,
    })
}

/// At start: the last profile's session, if its saved token is still accepted. Anything else
/// leaves the user signed out, silently. Runs once.
pub async fn restore<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    state
        .restored
        .get_or_init(|| async {
            let Some(profile) = state.settings().settings.restorable().cloned() else {
                return;
            };
            let Some(token) = studio::sign_in::saved_token(&vault(app).await, &profile).await
            else {
                return;
            };
            let endpoints = match sign_in::resolve(app, &profile).await {
                Ok((endpoints, _)) => endpoints,
                Err(e) => {
                    log::info!("the last org could not be reached ({:?})", e.kind());
                    return;
                }
            };
            if let Some(session) = studio::sign_in::resume(&profile, endpoints, token).await {
                state.set_session(Some((profile, session)));
            }
        })
        .await;
}

/// Signs out (see `studio::sign_in::sign_out` for the order); `None` when no one was signed in.
pub async fn sign_out<R: Runtime>(app: &AppHandle<R>) -> Option<SignedOut> {
    let state = app.state::<AppState>();
    let (profile, session) = state.session()?;
    state.set_session(None);
    let login = match profile.method {
        SignInMethod::ClientCredentials => None,
        SignInMethod::Pkce | SignInMethod::Implicit => sign_in::resolve(app, &profile).await.ok(),
    };
    let mark = || {
        if let Err(e) = settings::update(app, |s| s.signed_out = true) {
            log::warn!("the sign-out could not be saved in the settings: {e}");
        }
    };
    Some(studio::sign_in::sign_out(&vault(app).await, &profile, session, login, mark).await)
}

/// True when a profile's org is the Sandbox org.
pub fn is_sandbox(profile: &Profile) -> bool {
    profile.target == genesys::OrgTarget::Sandbox
}
