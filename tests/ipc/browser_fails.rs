//! A sign-in whose browser cannot be started (security-matrix.md A18): `sign_in_start` still
//! answers with the authorize URL for the window to show and copy, says the browser did not
//! open, and the sign-in keeps waiting until that URL is visited by hand.

use serde_json::json;

use super::clients::play_browser_and_wait;
use super::{app, invoke, keys, start_sign_in_with_browser};

#[test]
fn a_browser_that_does_not_start_leaves_the_url_to_copy_and_the_sign_in_waiting() {
    let _turn = crate::ipc::org_turn();
    let (_app, webview) = app();
    let account = invoke(&webview, "sandbox_account", json!({})).expect("the Sandbox org starts");
    // A program that exists nowhere: spawning it fails, as a missing system browser does.
    let missing =
        std::env::temp_dir().join(format!("dip-studio-no-such-browser-{}", std::process::id()));
    assert!(!missing.exists(), "{} must not exist", missing.display());
    let pending = start_sign_in_with_browser(
        &webview,
        missing.to_str().expect("a UTF-8 path"),
        json!({"target": {"kind": "sandbox"}, "method": "pkce", "clientId": ""}),
    )
    .expect("a browser that does not start must not fail the sign-in");
    assert_eq!(keys(&pending), ["authorizeUrl", "browserOpened"]);
    assert_eq!(
        pending["browserOpened"], false,
        "the window is told to show the URL: {pending}"
    );
    let url = pending["authorizeUrl"].as_str().expect("a URL").to_owned();
    assert!(url.contains("/oauth/authorize?"), "{url}");
    assert!(
        url.contains("code_challenge="),
        "a PKCE authorize URL: {url}"
    );
    // The user opens the copied URL by hand; the sign-in waited for it and completes.
    play_browser_and_wait(&webview, &account, url);
    let current = invoke(&webview, "current_session", json!({})).expect("current_session");
    assert!(!current.is_null(), "signed in: {current}");
}
