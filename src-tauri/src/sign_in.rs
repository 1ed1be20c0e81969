//! Sign-in as the shell runs it: resolves a profile to endpoints (a region, or the in-app
//! Sandbox org), holds the pending browser sign-in and its cancel handle, and keeps the session
//! (token in the vault, profile remembered). The grant rules are `studio::sign_in`'s.

use genesys::auth::{self, PendingSignIn, Session, SignInRequest};
use genesys::secrets::Secret;
use genesys::{Endpoints, Error, Profile, SignInMethod};
use studio::sign_in::{browser_grant, save_token};
use tauri::{AppHandle, Manager, Runtime};

use crate::session::vault;
use crate::{sandbox_org, settings, AppState};

/// The endpoints of a profile's org, and the client id a browser sign-in uses there (the
/// Sandbox org's seeded clients when the profile names none).
pub async fn resolve<R: Runtime>(
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

/// Opens the loopback listener for a browser sign-in and returns the authorize URL; the caller
/// opens the browser. `prompt_login` asks the login host for its form even if the browser is
/// still signed in; `ports`, if any, are the ports the client registers (tried in order).
pub async fn begin<R: Runtime>(
    app: &AppHandle<R>,
    profile: Profile,
    prompt_login: bool,
    ports: Vec<u16>,
) -> Result<String, Error> {
    let grant = browser_grant(profile.method)?;
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
    let url = pending.authorize_url.clone();
    if let Ok(mut cancel) = state.cancel.lock() {
        *cancel = Some(pending.cancel_handle());
    }
    // A new sign-in replaces (and so closes) any earlier pending one.
    *state.pending.lock().await = Some((profile, pending));
    Ok(url)
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
    let saved = vault(app)
        .await
        .set(profile.secret_account(), secret)
        .await
        .is_ok();
    let (profile, session, token_saved) = keep(app, profile, session).await?;
    Ok((profile, session, saved && token_saved))
}

/// Stores the token, remembers the profile (with the org's name) and makes it current.
async fn keep<R: Runtime>(
    app: &AppHandle<R>,
    mut profile: Profile,
    session: Session,
) -> Result<(Profile, Session, bool), Error> {
    profile.org_name = Some(session.info().org_name);
    let saved = save_token(&vault(app).await, &profile, &session).await;
    settings::update(app, |s| s.remember(profile.clone()))?;
    let state = app.state::<AppState>();
    state.set_session(Some((profile.clone(), session.clone())));
    Ok((profile, session, saved))
}
