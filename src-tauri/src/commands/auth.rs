//! The Sign-in screen: regions, saved profiles, browser sign-in (start, wait, cancel), client
//! credentials, the current session, sign-out and the Sandbox org reset. No token crosses IPC.

use genesys::auth::SessionInfo;
use genesys::secrets::Secret;
use genesys::{OrgTarget, Profile, Region, SignInMethod, REGIONS};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::error::CommandResult;
use crate::{browser, sandbox_org, sign_in, AppState};

/// The redirect URI to register on a Code Authorization (or Implicit) client: Genesys accepts
/// any port for a loopback URI registered without one.
pub const REDIRECT_URI: &str = "http://127.0.0.1";

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SignInOptions {
    pub regions: Vec<Region>,
    pub profiles: Vec<Profile>,
    pub redirect_uri: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PendingView {
    /// The page the browser was sent to, to copy when no browser opened.
    pub authorize_url: String,
    /// Whether the browser was opened; if not, the user copies the URL.
    pub browser_opened: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SessionView {
    pub session: SessionInfo,
    pub profile: Profile,
    /// True when the token is in the OS keychain; false: in memory for this run only.
    pub saved_in_keychain: bool,
}

#[tauri::command]
pub fn sign_in_options(state: State<'_, AppState>) -> SignInOptions {
    SignInOptions {
        regions: REGIONS.to_vec(),
        profiles: state.settings().settings.profiles,
        redirect_uri: REDIRECT_URI.into(),
    }
}

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
    // Absent means false: "sign in as a different user" is the exception.
    let prompt_login = prompt_login.unwrap_or(false);
    // Absent or empty: any free port (the client registers `http://127.0.0.1` without one).
    let ports = ports.unwrap_or_default();
    let (authorize_url, _) = sign_in::begin(&app, profile, prompt_login, ports).await?;
    // The flow keeps waiting when no browser opens: the user can copy the URL (security-matrix.md A18).
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
    Ok(SessionView {
        session: session.info(),
        profile,
        saved_in_keychain: saved,
    })
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
    Ok(SessionView {
        session: session.info(),
        profile,
        saved_in_keychain: saved,
    })
}

/// The current session; on the first call, the last profile's session is restored silently.
#[tauri::command]
pub async fn current_session<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<SessionView>> {
    sign_in::restore(&app).await;
    let persistent = sign_in::vault(&app).await.persistent;
    Ok(state.session().map(|(profile, session)| SessionView {
        session: session.info(),
        profile,
        saved_in_keychain: persistent,
    }))
}

/// What a sign-out could not do; the session is gone from the app either way.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SignOutView {
    /// False: Genesys did not confirm the token revoked; it stays valid until it expires.
    pub revoked: bool,
    /// False: the keychain refused to delete the saved token (it is no longer used).
    pub keychain_cleared: bool,
}

/// Signs out; after a browser sign-in the login host's `/logout` opens in the browser too, so
/// the next sign-in may be another user. Signed out even if no browser opens; a revoke or
/// keychain delete that failed is reported in the answer, never hidden.
#[tauri::command]
pub async fn sign_out<R: Runtime>(app: AppHandle<R>) -> SignOutView {
    let Some(done) = sign_in::sign_out(&app).await else {
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
    SignOutView {
        revoked: done.revoked,
        keychain_cleared: done.keychain_cleared,
    }
}

/// Resets the Sandbox org to its seed; a Sandbox session ends with it.
#[tauri::command]
pub async fn reset_sandbox<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    if state
        .session()
        .is_some_and(|(p, _)| sign_in::is_sandbox(&p))
    {
        // The org goes back to its seed (its tokens with it); no browser page is opened.
        sign_in::sign_out(&app).await;
    }
    Ok(sandbox_org::reset(&app).await?)
}

/// The Sandbox org's practice admin, to sign in with on its page. These are fixture
/// credentials of the local emulation, not a user's secret.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SandboxAccount {
    pub org_name: String,
    pub admin_email: String,
    pub admin_password: String,
    /// Where the Sandbox org's saved state went when it could not be read at start (the org
    /// was seeded anew); `None` when it was read, or there was none.
    pub set_aside_state_file: Option<String>,
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
