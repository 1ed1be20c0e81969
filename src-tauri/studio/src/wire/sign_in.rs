//! The sign-in screen's wire types: regions and saved profiles, a browser sign-in under way,
//! the session, what a sign-out could not do, and the Sandbox org's practice admin. No token.

use genesys::auth::SessionInfo;
use genesys::{Profile, Region};
use serde::Serialize;
use ts_rs::TS;

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
