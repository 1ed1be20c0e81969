//! Sign-out through the IPC layer with a keychain that refuses to delete: the token is still
//! revoked at Genesys (the Sandbox org's tokens), the profile is not restored at the next
//! start, and the answer says what could not be done.

use std::sync::Arc;

use genesys::error::Result;
use genesys::secrets::{MemoryStore, Secret, SecretStore};
use genesys::Error;
use serde_json::json;
use sha2::{Digest, Sha256};
use tauri::Manager;

use super::{app_with_secrets, clients::sign_in, invoke, keys};

/// A keychain double that keeps and reads secrets but refuses every delete, as a locked or
/// access-denied keychain does.
#[derive(Default)]
struct KeychainRefusingDeletes {
    kept: MemoryStore,
}

impl SecretStore for KeychainRefusingDeletes {
    fn get(&self, account: &str) -> Result<Option<Secret>> {
        self.kept.get(account)
    }

    fn set(&self, account: &str, secret: &Secret) -> Result<()> {
        self.kept.set(account, secret)
    }

    fn delete(&self, _account: &str) -> Result<()> {
        Err(Error::Keychain {
            variant: "NoStorageAccess",
            unavailable: true,
        })
    }
}

/// Whether the app's Sandbox org still holds `token` as issued (not revoked).
fn issued(app: &tauri::App<tauri::test::MockRuntime>, token: &Secret) -> bool {
    let digest: String = Sha256::digest(token.expose().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let state = app.state::<dip_studio::AppState>();
    let running = state.sandbox.blocking_lock();
    let org = running.as_ref().expect("the Sandbox org runs");
    org.snapshot().tokens.contains_key(&digest)
}

#[test]
fn a_keychain_that_refuses_to_delete_does_not_stop_the_revoke_or_the_sign_out() {
    let _turn = crate::ipc::org_turn();
    let keychain = Arc::new(KeychainRefusingDeletes::default());
    let (app, webview) = app_with_secrets(keychain.clone());
    sign_in(&webview);
    let state = app.state::<dip_studio::AppState>();
    let (profile, session) = state.session().expect("signed in");
    let token = session.token().clone();
    assert!(issued(&app, &token), "the Sandbox org issued the token");
    assert!(
        keychain
            .get(&profile.token_account())
            .expect("get")
            .is_some(),
        "the token was saved"
    );

    let outcome = invoke(&webview, "sign_out", json!({})).expect("sign-out answers");
    assert_eq!(keys(&outcome), ["keychainCleared", "revoked"]);
    assert_eq!(outcome["revoked"], true, "{outcome}");
    assert_eq!(
        outcome["keychainCleared"], false,
        "the refused delete is reported: {outcome}"
    );
    assert!(
        !issued(&app, &token),
        "the token is revoked even though the keychain kept it"
    );
    assert!(
        state.settings().settings.restorable().is_none(),
        "the signed-out profile is out of the silent restore"
    );
    // The next start: the keychain still holds a token, and nothing is restored.
    let current = invoke(&webview, "current_session", json!({})).expect("current_session");
    assert!(current.is_null(), "still signed out: {current}");
}
