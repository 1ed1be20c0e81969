//! Sign-in and sign-out as use cases, apart from the window: which grant a sign-in method
//! runs, saving the token, resuming a saved one, the order a sign-out takes, and which pages the
//! system browser may be sent to. The shell holds the pending sign-in and the session.

use genesys::auth::{self, BrowserGrant, Grant, Session};
use genesys::secrets::Secret;
use genesys::{Endpoints, Error, Profile, SignInMethod, REGIONS};

use crate::vault::Vault;
use crate::wire::sign_in::{SessionView, SignOutView};

/// The redirect URI to register on a Code Authorization (or Implicit) client: Genesys accepts
/// any port for a loopback URI registered without one.
pub const REDIRECT_URI: &str = "http://127.0.0.1";

pub fn grant_of(method: SignInMethod) -> Grant {
    match method {
        SignInMethod::Pkce => Grant::Pkce,
        SignInMethod::Implicit => Grant::Implicit,
        SignInMethod::ClientCredentials => Grant::ClientCredentials,
    }
}

/// The browser flow of `method`; client credentials have none.
pub fn browser_grant(method: SignInMethod) -> Result<BrowserGrant, Error> {
    match method {
        SignInMethod::Pkce => Ok(BrowserGrant::Pkce),
        SignInMethod::Implicit => Ok(BrowserGrant::Implicit),
        SignInMethod::ClientCredentials => Err(Error::InvalidInput {
            field: "method",
            reason: "client credentials sign in without a browser".into(),
        }),
    }
}

/// Puts the session's token in the vault; true only when it will survive a restart.
pub async fn save_token(vault: &Vault, profile: &Profile, session: &Session) -> bool {
    match vault
        .set(profile.token_account(), session.token().clone())
        .await
    {
        Ok(()) => vault.persistent,
        Err(e) => {
            log::warn!("the token could not be saved in the keychain: {e}");
            false
        }
    }
}

pub fn session_view(profile: Profile, session: &Session, saved_in_keychain: bool) -> SessionView {
    SessionView {
        session: session.info(),
        profile,
        saved_in_keychain,
    }
}

/// The token saved for `profile`, if the vault holds one.
pub async fn saved_token(vault: &Vault, profile: &Profile) -> Option<Secret> {
    vault.get(profile.token_account()).await.ok().flatten()
}

/// A session from `profile`'s saved `token`, if Genesys still accepts it
/// (`GET /api/v2/tokens/me`). Anything else is `None`: the user signs in again, silently.
pub async fn resume(profile: &Profile, endpoints: Endpoints, token: Secret) -> Option<Session> {
    let code = profile.target.code().to_owned();
    match Session::resume(endpoints, code, grant_of(profile.method), token).await {
        Ok(session) => Some(session),
        Err(e) => {
            log::info!(
                "the last session could not be restored ({:?}); sign-in needed",
                e.kind()
            );
            None
        }
    }
}

/// What a sign-out did, and the login host's `/logout` page to open after a browser sign-in.
#[derive(Debug, Clone)]
pub struct SignedOut {
    pub logout: Option<String>,
    pub view: SignOutView,
}

/// Signs out in the order that leaves no usable token behind: revoke it first
/// (`DELETE /api/v2/tokens/me`), then delete it from the keychain, then `mark_signed_out` (so
/// the next start does not restore it). Every step is attempted even when an earlier one
/// fails; what failed is reported, not raised. `login` (the login host and client id, after a
/// browser sign-in) gives the `/logout` page, which ends the browser's session there too (else
/// the next sign-in is the same user, silently).
pub async fn sign_out(
    vault: &Vault,
    profile: &Profile,
    session: Session,
    login: Option<(Endpoints, String)>,
    mark_signed_out: impl FnOnce(),
) -> SignedOut {
    let revoked = match session.sign_out().await {
        // Already expired or revoked: signed out all the same.
        Err(e) if e.kind() == genesys::ErrorKind::SignInRequired => true,
        Err(e) => {
            log::warn!("the token could not be revoked: {e}");
            false
        }
        Ok(()) => true,
    };
    let keychain_cleared = match vault.delete(profile.token_account()).await {
        Ok(()) => true,
        Err(e) => {
            log::warn!("the token could not be deleted from the keychain: {e}");
            false
        }
    };
    mark_signed_out();
    let logout = match profile.method {
        SignInMethod::ClientCredentials => None,
        // Not finding the login host must not stop the sign-out.
        SignInMethod::Pkce | SignInMethod::Implicit => {
            login.and_then(|(endpoints, client_id)| auth::logout_url(&endpoints, &client_id).ok())
        }
    };
    SignedOut {
        logout,
        view: SignOutView {
            revoked,
            keychain_cleared,
        },
    }
}

/// The login host paths the browser may be sent to; the query must follow the path at once.
const LOGIN_PATHS: [&str; 2] = ["/oauth/authorize?", "/logout?"];

/// Whether `url` is a sign-in or sign-out page of a region's login host or of `sandbox_login`
/// (the Sandbox org's login base, when it runs). Printable ASCII only: nothing the OS opener
/// could read as a second argument or a different URL.
pub fn login_page_allowed(url: &str, sandbox_login: Option<&str>) -> bool {
    if !url.bytes().all(|b| b.is_ascii_graphic()) {
        return false;
    }
    let bases = REGIONS
        .iter()
        .map(|r| format!("https://login.{}", r.domain))
        .chain(sandbox_login.map(str::to_owned));
    bases
        .flat_map(|base| LOGIN_PATHS.map(|path| format!("{base}{path}")))
        .any(|prefix| url.starts_with(&prefix))
}

#[cfg(test)]
mod tests {
    use super::login_page_allowed as allowed_url;

    #[test]
    fn only_login_hosts_authorize_and_logout_pages_are_opened() {
        let sandbox = Some("http://127.0.0.1:41234");
        for url in [
            "https://login.mypurecloud.com/oauth/authorize?client_id=x",
            "https://login.mypurecloud.ie/logout?client_id=x",
            "https://login.usw2.pure.cloud/logout?client_id=x",
            "http://127.0.0.1:41234/logout?client_id=x",
            "http://127.0.0.1:41234/oauth/authorize?client_id=x",
        ] {
            assert!(allowed_url(url, sandbox), "{url}");
        }
        for url in [
            "https://login.mypurecloud.com/logout",
            "https://login.mypurecloud.com/logoutx?a",
            "https://login.mypurecloud.com/logout/../oauth/token?a",
            "https://login.mypurecloud.com.evil.example/logout?a",
            "https://login.mypurecloud.com@evil.example/logout?a",
            "https://apps.mypurecloud.com/logout?a",
            "http://login.mypurecloud.com/logout?a",
            "https://login.mypurecloud.com/logout?a b",
            "https://login.mypurecloud.com/logout?a\n",
            "http://127.0.0.1:41235/logout?client_id=x",
            "file:///etc/passwd",
        ] {
            assert!(!allowed_url(url, sandbox), "{url}");
        }
        assert!(!allowed_url("http://127.0.0.1:41234/logout?a", None));
    }
}
