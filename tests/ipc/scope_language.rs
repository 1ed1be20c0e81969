//! The app's session asks Genesys for the UI's language: signed in to the app's Sandbox org
//! with Spanish chosen, `oauth_scopes` answers Spanish descriptions, and a language changed in
//! Settings applies from the next command on, without signing in again.

use serde_json::{json, Value};

use super::clients::sign_in;
use super::{app, invoke};

fn choose(webview: &tauri::WebviewWindow<tauri::test::MockRuntime>, language: &str) {
    let preferences = json!({"preferences": {"language": {"mode": "fixed", "language": language}, "theme": "system"}});
    invoke(webview, "set_settings", preferences).expect("the language is saved");
}

/// The `integrations` scope's description as the `oauth_scopes` command answers it.
fn integrations(webview: &tauri::WebviewWindow<tauri::test::MockRuntime>) -> Value {
    let scopes = invoke(webview, "oauth_scopes", json!({})).expect("scopes");
    scopes
        .as_array()
        .expect("a list")
        .iter()
        .find(|s| s["id"] == "integrations")
        .map(|s| s["description"].clone())
        .expect("the integrations scope is listed")
}

#[test]
fn scope_descriptions_come_in_the_language_chosen_in_settings() {
    let _turn = crate::ipc::org_turn();
    let (_app, webview) = app();
    choose(&webview, "es");
    sign_in(&webview);
    assert_eq!(
        integrations(&webview),
        "Administrar integraciones, credenciales y acciones de datos",
        "the session is signed in speaking the UI's language"
    );
    choose(&webview, "pt-BR");
    assert_eq!(
        integrations(&webview),
        "Gerenciar integrações, credenciais e ações de dados",
        "a language change applies to the signed-in session at once"
    );
    choose(&webview, "en");
    assert_eq!(
        integrations(&webview),
        "Manage integrations, credentials and data actions"
    );
}
