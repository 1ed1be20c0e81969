//! Sign-in as the app does it: resolves a profile to endpoints (a region or the Sandbox org),
//! runs the core's flow, keeps the token in the vault and remembers the profile. Also restores
//! the last profile's session at start.

use genesys::auth::{self, BrowserGrant, Grant, PendingSignIn, Session, SignInRequest};
use genesys::secrets::Secret;
use genesys::{Endpoints, Error, OrgTarget, Profile, SignInMethod};
use tauri::{AppHandle, Manager, Runtime};

use crate::{sandbox_org, settings, AppState};

/// The endpoints of a profile's org, and the client id a browser sign-in uses there.
async fn resolve<R: Runtime>(
    app: &AppHandle<R>,
    profile: &Profile,
) -> Result<(Endpoints, String), Error> {
    match profile.target.region()? {
        Some(region) => Ok((region.endpoints(), profile.client_id.clone())),
        None => {
            let (endpoints, seed) = sandbox_org::endpoints(app).await?;
            let client_id = match (profile.method, profile.client_id.is_empty()) {
                (SignInMethod::Pkce, true) => seed.code_client_id,
                (SignInMethod::Implicit, true) => seed.token_client_id,
                _ => profile.client_id.clone(),
            };
            Ok((endpoints, client_id))
        }
    }
}

fn grant_of(method: SignInMethod) -> Grant {
    match method {
        SignInMethod::Pkce => Grant::Pkce,
        SignInMethod::Implicit => Grant::Implicit,
        SignInMethod::ClientCredentials => Grant::ClientCredentials,
    }
}

/// Opens the loopback listener for a browser sign-in; the caller opens the browser.
/// `prompt_login` asks the login host for its form even if the browser is still signed in;
/// `ports`, if any, are the ports the client registers (tried in order).
pub async fn begin<R: Runtime>(
    app: &AppHandle<R>,
    profile: Profile,
    prompt_login: bool,
    ports: Vec<u16>,
) -> Result<(String, String), Error> {
    let grant = match profile.method {
        SignInMethod::Pkce => BrowserGrant::Pkce,
        SignInMethod::Implicit => BrowserGrant::Implicit,
        SignInMethod::ClientCredentials => {
            return Err(Error::InvalidInput {
                field: "method",
                reason: "client credentials sign in without a browser".into(),
            })
        }
    };
    let (endpoints, client_id) = resolve(app, &profile).await?;
    let state = app.state::<AppState>();
    let pending: PendingSignIn = auth::begin_sign_in(SignInRequest {
        endpoints,
        region_code: profile.target.code().to_owned(),
        client_id,
        grant,
        prompt_login,
        language: state.language(),
        timeout: auth::DEFAULT_TIMEOUT,
        ports,
    })
    .await?;
    let urls = (pending.authorize_url.clone(), pending.redirect_uri.clone());
    if let Ok(mut cancel) = state.cancel.lock() {
        *cancel = Some(pending.cancel_handle());
    }
    // A new sign-in replaces (and so closes) any earlier pending one.
    *state.pending.lock().await = Some((profile, pending));
    Ok(urls)
}

/// Waits for the browser to come back, then keeps the session.
pub async fn finish<R: Runtime>(app: &AppHandle<R>) -> Result<(Profile, Session, bool), Error> {
    let state = app.state::<AppState>();
    let taken = state.pending.lock().await.take();
    let (profile, pending) = taken.ok_or_else(|| Error::InvalidInput {
        field: "signIn",
        reason: "no sign-in is waiting for the browser".into(),
    })?;
    let result = pending.finish().await;
    if let Ok(mut cancel) = state.cancel.lock() {
        *cancel = None;
    }
    keep(app, profile, result?).await
}

pub fn cancel<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let handle = state.cancel.lock().ok().and_then(|mut c| c.take());
    if let Some(handle) = handle {
        handle.cancel();
    }
}

/// Signs in with a client-credentials client; the secret goes to the vault.
pub async fn client_credentials<R: Runtime>(
    app: &AppHandle<R>,
    profile: Profile,
    secret: Secret,
) -> Result<(Profile, Session, bool), Error> {
    let (endpoints, client_id) = resolve(app, &profile).await?;
    let session =
        auth::client_credentials(endpoints, profile.target.code(), &client_id, &secret).await?;
    let vault = vault(app).await;
    let saved = vault.set(profile.secret_account(), secret).await.is_ok();
    let (profile, session, token_saved) = keep(app, profile, session).await?;
    Ok((profile, session, saved && token_saved))
}

/// Stores the token, remembers the profile (with the org's name) and makes it current.
async fn keep<R: Runtime>(
    app: &AppHandle<R>,
    mut profile: Profile,
    session: Session,
) -> Result<(Profile, Session, bool), Error> {
    let state = app.state::<AppState>();
    profile.org_name = Some(session.info().org_name);
    let vault = vault(app).await;
    let saved = match vault
        .set(profile.token_account(), session.token().clone())
        .await
    {
        Ok(()) => vault.persistent,
        Err(e) => {
            log::warn!("the token could not be saved in the keychain: {e}");
            false
        }
    };
    settings::update(app, |s| s.remember(profile.clone()))?;
    state.set_session(Some((profile.clone(), session.clone())));
    Ok((profile, session, saved))
}

pub async fn vault<R: Runtime>(app: &AppHandle<R>) -> crate::vault::Vault {
    let state = app.state::<AppState>();
    state
        .vault
        .get_or_init(crate::vault::Vault::open)
        .await
        .clone()
}

/// At start: the last profile's session, if its saved token is still accepted
/// (`GET /api/v2/tokens/me`). Anything else leaves the user signed out, silently.
pub async fn restore<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    state
        .restored
        .get_or_init(|| async {
            let Some(profile) = state.settings().settings.restorable().cloned() else {
                return;
            };
            let Ok(Some(token)) = vault(app).await.get(profile.token_account()).await else {
                return;
            };
            let resumed = match resolve(app, &profile).await {
                Ok((endpoints, _)) => {
                    Session::resume(
                        endpoints,
                        profile.target.code().to_owned(),
                        grant_of(profile.method),
                        token,
                    )
                    .await
                }
                Err(e) => Err(e),
            };
            match resumed {
                Ok(session) => state.set_session(Some((profile, session))),
                Err(e) => log::info!(
                    "the last session could not be restored ({:?}); sign-in needed",
                    e.kind()
                ),
            }
        })
        .await;
}

/// What a sign-out did: each step is attempted whatever happened to the others.
#[derive(Debug, Clone, Default)]
pub struct SignedOut {
    /// The login host's `/logout` page to open, after a browser sign-in.
    pub logout: Option<String>,
    /// Genesys confirmed the token revoked (or already refused it).
    pub revoked: bool,
    /// The keychain entry holding the token is gone.
    pub keychain_cleared: bool,
}

/// Signs out, in the order that leaves no usable token behind: revoke it first
/// (`DELETE /api/v2/tokens/me`), then delete it from the keychain, then mark the profile as
/// signed out so the next start does not restore it silently. Every step is attempted even
/// when an earlier one fails; what failed is reported, not raised. For a browser sign-in, also
/// returns the login host's `/logout` page, which the caller opens so the browser's session
/// there ends too (else the next sign-in is the same user, silently).
pub async fn sign_out<R: Runtime>(app: &AppHandle<R>) -> Option<SignedOut> {
    let state = app.state::<AppState>();
    let (profile, session) = state.session()?;
    state.set_session(None);
    let revoked = match session.sign_out().await {
        // Already expired or revoked: signed out all the same.
        Err(e) if e.kind() == genesys::ErrorKind::SignInRequired => true,
        Err(e) => {
            log::warn!("the token could not be revoked: {e}");
            false
        }
        Ok(()) => true,
    };
    let keychain_cleared = match vault(app).await.delete(profile.token_account()).await {
        Ok(()) => true,
        Err(e) => {
            log::warn!("the token could not be deleted from the keychain: {e}");
            false
        }
    };
    if let Err(e) = settings::update(app, |s| s.signed_out = true) {
        log::warn!("the sign-out could not be saved in the settings: {e}");
    }
    let logout = match profile.method {
        SignInMethod::ClientCredentials => None,
        // Not finding the login host must not stop the sign-out.
        SignInMethod::Pkce | SignInMethod::Implicit => resolve(app, &profile)
            .await
            .ok()
            .and_then(|(endpoints, client_id)| auth::logout_url(&endpoints, &client_id).ok()),
    };
    Some(SignedOut {
        logout,
        revoked,
        keychain_cleared,
    })
}

/// True when a profile's org is the Sandbox org.
pub fn is_sandbox(profile: &Profile) -> bool {
    profile.target == OrgTarget::Sandbox
}
