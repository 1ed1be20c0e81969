//! IPC wire shapes through the Tauri mock runtime with the app's real config and
//! capabilities: what the UI receives is exactly what ui/src/generated describes.

mod browser_fails;
mod clients;
mod integrations;
mod isolation_config;
mod scope_language;
mod security_config;
mod sign_out;

use std::sync::{Arc, Mutex, Once, PoisonError};

use dip_studio::{context, setup};
use genesys::secrets::{MemoryStore, SecretStore};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// Points the app's data, config, cache and state folders (XDG, which the mock runtime's path
/// resolver reads) at one temporary folder for this test process, before any app is built, so
/// a plain `cargo test` never touches the developer's real app data.
fn hermetic() {
    static HERMETIC: Once = Once::new();
    HERMETIC.call_once(|| {
        let root = std::env::temp_dir().join(format!("dip-studio-ipc-{}", std::process::id()));
        for (var, dir) in [
            ("XDG_DATA_HOME", "data"),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_CACHE_HOME", "cache"),
            ("XDG_STATE_HOME", "state"),
        ] {
            let dir = root.join(dir);
            std::fs::create_dir_all(&dir).expect("a temporary app folder");
            std::env::set_var(var, dir);
        }
    });
}

/// The app on the mock runtime, its secrets in memory (never the developer's keychain).
/// Held by every test that uses the app's Sandbox org or guided setup: those share the test
/// process's data folder (the Sandbox org's state file, the setup journals), so they take turns.
pub(crate) fn org_turn() -> std::sync::MutexGuard<'static, ()> {
    static ORG: Mutex<()> = Mutex::new(());
    ORG.lock().unwrap_or_else(PoisonError::into_inner)
}

fn app() -> (
    App<tauri::test::MockRuntime>,
    WebviewWindow<tauri::test::MockRuntime>,
) {
    app_with_secrets(Arc::new(MemoryStore::new()))
}

/// The app on the mock runtime with `store` behind its vault (a keychain double).
fn app_with_secrets(
    store: Arc<dyn SecretStore>,
) -> (
    App<tauri::test::MockRuntime>,
    WebviewWindow<tauri::test::MockRuntime>,
) {
    hermetic();
    let app = setup(mock_builder())
        .build(context())
        .expect("the app builds on the mock runtime");
    {
        use tauri::Manager;
        let installed = app
            .state::<dip_studio::AppState>()
            .install_vault(store, true);
        assert!(installed, "the vault is not opened while the app builds");
    }
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("the main window opens");
    (app, webview)
}

fn invoke_from(
    webview: &WebviewWindow<tauri::test::MockRuntime>,
    origin: &str,
    cmd: &str,
    body: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: origin.parse().expect("a valid origin"),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().expect("a JSON response"))
}

fn invoke(
    webview: &WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    body: Value,
) -> Result<Value, Value> {
    invoke_from(webview, "tauri://localhost", cmd, body)
}

#[test]
fn app_info_has_the_wire_shape_of_the_generated_type() {
    let (_app, webview) = app();
    let info = invoke(&webview, "app_info", json!({})).expect("app_info succeeds");
    let obj = info.as_object().expect("AppInfo is an object");
    let mut keys: Vec<_> = obj.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "buildKind",
            "dataDir",
            "identifier",
            "logDir",
            "name",
            "osLocale",
            "version"
        ],
        "AppInfo's camelCase keys must match ui/src/generated/AppInfo.ts"
    );
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info["identifier"], "studio.dip.desktop");
    assert_eq!(info["buildKind"], "debug", "tests run a debug build");
    let data_dir = info["dataDir"].as_str().expect("a data folder");
    assert!(data_dir.ends_with("studio.dip.desktop"), "{data_dir}");
    assert!(
        std::path::Path::new(data_dir).starts_with(std::env::temp_dir()),
        "the tests keep out of the real app data folder: {data_dir}"
    );
}

#[test]
fn settings_round_trip_and_bad_settings_are_refused_without_loss() {
    let (_app, webview) = app();
    let saved = invoke(
        &webview,
        "set_settings",
        json!({"preferences": {"language": {"mode": "fixed", "language": "es"}, "theme": "dark"}}),
    )
    .expect("valid settings are saved");
    assert_eq!(saved["language"], "es");
    assert_eq!(saved["settings"]["theme"], "dark");
    assert_eq!(saved["wasReset"], false);

    let refused = invoke(
        &webview,
        "set_settings",
        json!({"preferences": {"language": {"mode": "fixed", "language": "xx"}, "theme": "dark"}}),
    );
    assert!(
        refused.is_err(),
        "an unknown language must be refused, got {refused:?}"
    );
    let now = invoke(&webview, "get_settings", json!({})).expect("get_settings succeeds");
    assert_eq!(
        now["language"], "es",
        "a refused change must not lose the saved settings"
    );
}

#[test]
fn saving_preferences_keeps_the_profiles_rust_saved_since_the_window_loaded() {
    use tauri::Manager;
    let (app, webview) = app();
    let loaded = invoke(&webview, "get_settings", json!({})).expect("get_settings succeeds");
    // A sign-in after the window loaded its settings: Rust remembers the profile.
    let state = app.state::<dip_studio::AppState>();
    let mut settings = state.settings().settings;
    let profile = genesys::Profile::new(
        genesys::OrgTarget::Region {
            code: "eu-west-1".into(),
        },
        genesys::SignInMethod::Pkce,
        "0b8c6c3e-4f5a-4b7e-9a1d-2c3b4d5e6f70",
    )
    .expect("a valid profile");
    settings.remember(profile.clone());
    state.replace_settings(dip_studio::SettingsSlot {
        settings,
        was_reset: false,
    });
    // The window then saves what it shows, with the profiles it loaded (none) left out.
    let mut body =
        json!({"preferences": {"language": loaded["settings"]["language"], "theme": "light"}});
    body["preferences"]["profiles"] = json!([]);
    let saved = invoke(&webview, "set_settings", body).expect("preferences are saved");
    assert_eq!(saved["settings"]["theme"], "light");
    assert_eq!(
        saved["settings"]["profiles"][0]["clientId"], profile.client_id,
        "saving language or theme must not drop the profile Rust saved"
    );
}

/// At start with no session to restore (a first run, or signed out), the window's first call
/// must not open the keychain: a locked login keyring would ask for its password at every start.
#[test]
fn the_first_session_call_leaves_the_keychain_alone_when_nothing_is_saved() {
    let _turn = org_turn();
    hermetic();
    let app = setup(mock_builder())
        .build(context())
        .expect("the app builds on the mock runtime");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("the main window opens");
    use tauri::Manager;
    let state = app.state::<dip_studio::AppState>();
    let mut slot = state.settings();
    slot.settings.signed_out = true;
    state.replace_settings(slot);
    assert!(state.settings().settings.restorable().is_none());
    let session = invoke(&webview, "current_session", json!({})).expect("answers");
    assert_eq!(session, Value::Null);
    invoke(&webview, "sign_in_options", json!({})).expect("answers");
    assert!(
        state.vault.get().is_none(),
        "the keychain was opened with no session to restore"
    );
}

#[test]
fn ui_ready_reports_the_first_paint_once() {
    let (_app, webview) = app();
    let first = invoke(&webview, "ui_ready", json!({})).expect("ui_ready succeeds");
    let second = invoke(&webview, "ui_ready", json!({})).expect("ui_ready succeeds again");
    assert_eq!(first, second, "the first paint is recorded once");
}

/// "Learn more" opens Genesys help articles only: anything else is refused before any browser.
#[test]
fn open_help_refuses_anything_but_a_genesys_help_article() {
    let (_app, webview) = app();
    for url in [
        "https://evil.example/articles/x/",
        "file:///etc/passwd",
        "https://login.mypurecloud.com/logout?x",
    ] {
        let refused = invoke(&webview, "open_help", json!({ "url": url })).expect_err(url);
        assert_eq!(refused["kind"], "invalidInput", "{url}: {refused}");
    }
}

/// Every command of the app's one list (the handlers and the ACL are made from it) is
/// refused from a remote origin and from a window other than `main` (security-matrix.md F5).
#[test]
fn every_command_is_refused_from_any_origin_but_the_app_and_any_window_but_main() {
    let (app, webview) = app();
    let listed = security_config::listed_commands();
    assert!(listed.len() > 20, "the app lists its commands: {listed:?}");
    let commands: Vec<&str> = listed.iter().map(String::as_str).collect();
    assert_main_window_only(&app, &webview, &commands);
}

/// An app on the mock runtime whose app data folder is its own (`identifier` differs), so a
/// test may put files there without touching the other tests' `settings.json`, started as the
/// app starts (its setup hook run).
fn app_in_own_folder(
    identifier: &str,
) -> (
    App<tauri::test::MockRuntime>,
    WebviewWindow<tauri::test::MockRuntime>,
) {
    hermetic();
    let mut ctx = context();
    ctx.config_mut().identifier = identifier.to_owned();
    let mut app = setup(mock_builder())
        .build(ctx)
        .expect("the app builds on the mock runtime");
    // Runs the app's setup hook as a start does (it loads `settings.json` through the store
    // plugin); `build` alone does not.
    #[allow(deprecated)]
    app.run_iteration(|_, _| {});
    use tauri::Manager;
    let store = Arc::new(MemoryStore::new());
    let installed = app
        .state::<dip_studio::AppState>()
        .install_vault(store, true);
    assert!(installed, "the setup does not open the vault");
    // The setup opened the configured main window.
    let webview = app.get_webview_window("main").expect("the main window");
    (app, webview)
}

/// A `settings.json` that is torn, not JSON or of the wrong shape: the app starts as it always
/// does (the store plugin loads it while the app is built), shows the defaults with `wasReset`,
/// and the next save writes a good file that the next start reads back.
#[test]
fn a_corrupt_settings_file_starts_the_app_on_defaults_and_says_so() {
    hermetic();
    let identifier = format!("studio.dip.desktop.corrupt-{}", std::process::id());
    let data = std::path::PathBuf::from(std::env::var_os("XDG_DATA_HOME").expect("hermetic"));
    let dir = data.join(&identifier);
    std::fs::create_dir_all(&dir).expect("its app data folder");
    let file = dir.join("settings.json");
    let corrupt: [&[u8]; 4] = [
        b"{\"settings\": {\"language\": {\"mode\": \"fix",
        b"\x00\xff\xfe not json at all",
        b"{\"settings\": {\"theme\": 42, \"language\": \"klingon\"}}",
        b"[1, 2, 3]",
    ];
    for bytes in corrupt {
        std::fs::write(&file, bytes).expect("a corrupt settings file");
        let (app, webview) = app_in_own_folder(&identifier);
        let shown = invoke(&webview, "get_settings", json!({})).expect("the app answers");
        let what = String::from_utf8_lossy(bytes);
        assert_eq!(shown["wasReset"], true, "{what}: {shown}");
        assert_eq!(
            shown["settings"]["theme"], "system",
            "{what}: defaults, {shown}"
        );
        assert_eq!(shown["settings"]["profiles"], json!([]), "{what}: {shown}");
        let saved = invoke(
            &webview,
            "set_settings",
            json!({"preferences": {"language": {"mode": "fixed", "language": "pt-BR"}, "theme": "dark"}}),
        )
        .expect("the next save works");
        assert_eq!(saved["wasReset"], false);
        drop(webview);
        drop(app);
        let (_app, webview) = app_in_own_folder(&identifier);
        let again = invoke(&webview, "get_settings", json!({})).expect("the app answers");
        assert_eq!(
            again["wasReset"], false,
            "{what}: the saved file is good: {again}"
        );
        assert_eq!(again["settings"]["theme"], "dark", "{what}: {again}");
    }
}

/// `sign_in_start` with `body`, the debug build's test browser (`DIP_STUDIO_TEST_BROWSER`)
/// set to `browser` for this call only. The variable is process-wide and the tests run in
/// parallel, so every test that starts a sign-in goes through here: one at a time, each sees
/// its own browser. Afterwards it is `true` again (opens nothing), so no later sign-out or
/// sign-in in this process reaches the developer's real browser.
fn start_sign_in_with_browser(
    webview: &WebviewWindow<tauri::test::MockRuntime>,
    browser: &str,
    body: Value,
) -> Result<Value, Value> {
    // The name src-tauri/src/browser.rs reads (its module is private to the app crate).
    const TEST_BROWSER_ENV: &str = "DIP_STUDIO_TEST_BROWSER";
    static TEST_BROWSER: Mutex<()> = Mutex::new(());
    let _only_us = TEST_BROWSER.lock().unwrap_or_else(PoisonError::into_inner);
    std::env::set_var(TEST_BROWSER_ENV, browser);
    let started = invoke(webview, "sign_in_start", body);
    std::env::set_var(TEST_BROWSER_ENV, "true");
    started
}

/// The keys of a JSON object answer, sorted, for wire-shape checks against generated types.
fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect();
    keys.sort_unstable();
    keys
}

/// Every one of `commands` is refused by the ACL from a remote origin, and from a window other
/// than `main` (security-matrix.md F5).
/// The commands of screen `screen` (a module of `commands`), from the app's one list.
fn screen_commands(screen: &str) -> &'static [&'static str] {
    dip_studio::SCREENS
        .iter()
        .find(|(name, _)| *name == screen)
        .map(|(_, commands)| *commands)
        .unwrap_or_else(|| panic!("no screen {screen} in commands/list.rs"))
}

fn assert_main_window_only(
    app: &App<tauri::test::MockRuntime>,
    main: &WebviewWindow<tauri::test::MockRuntime>,
    commands: &[&str],
) {
    for cmd in commands {
        for origin in ["http://127.0.0.1:4567", "https://evil.example"] {
            let denial = invoke_from(main, origin, cmd, json!({}))
                .expect_err("a remote origin must not reach the app's commands");
            assert!(
                denial.to_string().contains("not allowed"),
                "{cmd} from {origin} must be denied by the ACL, got {denial}"
            );
        }
    }
    let other = WebviewWindowBuilder::new(app, "other", Default::default())
        .build()
        .expect("a second window opens");
    for cmd in commands {
        let denial = invoke(&other, cmd, json!({})).expect_err("only the main window");
        assert!(
            denial.to_string().contains("not allowed"),
            "{cmd} from a window other than main must be denied, got {denial}"
        );
    }
}

/// `sign_in_start`'s `promptLogin` ("sign in as a different user") is optional: absent or false
/// the authorize URL has no `prompt`, true adds `prompt=login`.
#[test]
fn sign_in_start_asks_for_the_login_form_only_when_told() {
    let _turn = org_turn();
    let (_app, webview) = app();
    let start = |prompt: Option<bool>| {
        let mut body = json!({"target": {"kind": "sandbox"}, "method": "pkce", "clientId": ""});
        if let Some(prompt) = prompt {
            body["promptLogin"] = json!(prompt);
        }
        // `true` opens nothing.
        let pending = start_sign_in_with_browser(&webview, "true", body).expect("sign-in starts");
        assert_eq!(keys(&pending), ["authorizeUrl", "browserOpened"]);
        pending["authorizeUrl"].as_str().expect("a URL").to_owned()
    };
    assert!(!start(None).contains("prompt="));
    assert!(!start(Some(false)).contains("prompt="));
    assert!(start(Some(true)).contains("&prompt=login"));
    invoke(&webview, "sign_in_cancel", json!({})).expect("cancelled");
}
