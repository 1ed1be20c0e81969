//! The sign-in screen: regions, saved profiles, browser sign-in (start, wait, cancel), client
//! credentials, the current session, sign-out and the Sandbox org reset. No token crosses IPC.

use genesys::secrets::Secret;
use genesys::{OrgTarget, Profile, SignInMethod, REGIONS};
use studio::sign_in::{session_view, REDIRECT_URI};
use studio::wire::sign_in::{PendingView, SandboxAccount, SessionView, SignInOptions, SignOutView};
use studio::CommandResult;
use tauri::{AppHandle, Runtime, State};

use crate::{browser, sandbox_org, session, sign_in, AppState};

#[tauri::command]
pub fn sign_in_options(state: State<'_, AppState>) -> SignInOptions {
    SignInOptions {
        regions: REGIONS.to_vec(),
        profiles: state.settings().settings.profiles,
        redirect_uri: REDIRECT_URI.into(),
    }
}

/// `promptLogin` absent means false ("sign in as a different user" is the exception); `ports`
/// absent or empty means any free port (the client registers `http://127.0.0.1` without one).
#[tauri::command]
pub async fn sign_in_start<R: Runtime>(
    app: AppHandle<R>,
    target: OrgTarget,
    method: SignInMethod,
    client_id: String,
    prompt_login: Option<bool>,
    ports: Option<Vec<u16>>,
) -> CommandResult<PendingView> {
    let profile = Profile::new(target, method, &client_id)?;
    let prompt = prompt_login.unwrap_or(false);
    let authorize_url = sign_in::begin(&app, profile, prompt, ports.unwrap_or_default()).await?;
    // The flow keeps waiting when no browser opens: the user copies the URL (security-matrix.md A18).
    let browser_opened = match browser::open(&app, &authorize_url).await {
        Ok(()) => true,
        Err(e) => {
            log::warn!("the sign-in page was not opened: {e}");
            false
        }
    };
    Ok(PendingView {
        authorize_url,
        browser_opened,
    })
}

#[tauri::command]
pub async fn sign_in_wait<R: Runtime>(app: AppHandle<R>) -> CommandResult<SessionView> {
    let (profile, session, saved) = sign_in::finish(&app).await?;
    Ok(session_view(profile, &session, saved))
}

#[tauri::command]
pub fn sign_in_cancel<R: Runtime>(app: AppHandle<R>) {
    sign_in::cancel(&app);
}

#[tauri::command]
pub async fn sign_in_client_credentials<R: Runtime>(
    app: AppHandle<R>,
    target: OrgTarget,
    client_id: String,
    client_secret: String,
) -> CommandResult<SessionView> {
    let profile = Profile::new(target, SignInMethod::ClientCredentials, &client_id)?;
    let secret = Secret::new(client_secret.trim());
    let (profile, session, saved) = sign_in::client_credentials(&app, profile, secret).await?;
    Ok(session_view(profile, &session, saved))
}

/// The current session; on the first call, the last profile's session is restored silently.
/// With no one signed in the keychain is not touched: a locked login keyring would otherwise
/// ask for its password at every start, before the user has asked for anything.
#[tauri::command]
pub async fn current_session<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<SessionView>> {
    session::restore(&app).await;
    let Some((profile, s)) = state.session() else {
        return Ok(None);
    };
    let persistent = session::vault(&app).await.persistent;
    Ok(Some(session_view(profile, &s, persistent)))
}

/// Signs out; after a browser sign-in the login host's `/logout` opens in the browser too, so
/// the next sign-in may be another user. Signed out even if no browser opens; a revoke or
/// keychain delete that failed is reported in the answer, never hidden.
#[tauri::command]
pub async fn sign_out<R: Runtime>(app: AppHandle<R>) -> SignOutView {
    let Some(done) = session::sign_out(&app).await else {
        return SignOutView {
            revoked: true,
            keychain_cleared: true,
        };
    };
    if let Some(logout) = &done.logout {
        if let Err(e) = browser::open(&app, logout).await {
            log::warn!("the sign-out page was not opened: {e}");
        }
    }
    done.view
}

/// Resets the Sandbox org to its seed; a Sandbox session ends with it (its tokens go with the
/// org, so no browser page is opened).
#[tauri::command]
pub async fn reset_sandbox<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    if state
        .session()
        .is_some_and(|(p, _)| session::is_sandbox(&p))
    {
        session::sign_out(&app).await;
    }
    Ok(sandbox_org::reset(&app).await?)
}

#[tauri::command]
pub async fn sandbox_account<R: Runtime>(app: AppHandle<R>) -> CommandResult<SandboxAccount> {
    let (_, seed) = sandbox_org::endpoints(&app).await?;
    Ok(SandboxAccount {
        org_name: seed.org_name,
        admin_email: seed.admin_email,
        admin_password: seed.admin_password,
        set_aside_state_file: sandbox_org::set_aside_state_file(&app).await,
    })
}
