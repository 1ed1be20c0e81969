//! The OAuth clients screen's commands through the mock runtime: the ACL lets only the app's
//! main window call them, and, signed in to the app's own Sandbox org, their answers have the
//! generated wire shapes and hold no secret — except the one-time reveal, which fails the
//! second time (security-matrix.md F4, F5).

use serde_json::{json, Value};

use super::{app, assert_main_window_only, invoke, keys, start_sign_in_with_browser};

/// The clients screen's commands, from the app's one list.
fn commands() -> &'static [&'static str] {
    super::screen_commands("clients")
}

#[test]
fn clients_commands_are_listed_allowed_for_main_only_and_ask_to_sign_in_first() {
    let (app, webview) = app();
    assert_main_window_only(&app, &webview, commands());
    // Signed out, each listed and allowed command runs and says "sign in first"; a command
    // missing from build.rs or the capability would be refused by the ACL instead.
    for cmd in ["oauth_clients_list", "oauth_scopes", "authorization_roles"] {
        let refused = invoke(&webview, cmd, json!({})).expect_err("signed out");
        assert_eq!(refused["kind"], "signInRequired", "{cmd}: {refused}");
    }
    let reveal = invoke(
        &webview,
        "oauth_client_secret_reveal",
        json!({"handle": "guess"}),
    )
    .expect_err("an unknown handle reveals nothing");
    assert_eq!(reveal["kind"], "invalidInput", "{reveal}");
}

/// Signs in to the app's Sandbox org as its practice admin, playing the browser with reqwest
/// on another thread while `sign_in_wait` waits for the loopback callback.
pub(super) fn sign_in(webview: &tauri::WebviewWindow<tauri::test::MockRuntime>) {
    let account = invoke(webview, "sandbox_account", json!({})).expect("the Sandbox org starts");
    // `true` opens nothing: the sign-in page is played by `play_browser_and_wait`.
    let pending = start_sign_in_with_browser(
        webview,
        "true",
        json!({"target": {"kind": "sandbox"}, "method": "pkce", "clientId": ""}),
    )
    .expect("sign-in starts");
    let url = pending["authorizeUrl"].as_str().expect("a URL").to_owned();
    play_browser_and_wait(webview, &account, url);
}

/// Plays the browser at `url` on another thread (the sign-in page, the practice admin's
/// `account` credentials posted, the redirect to the loopback listener followed) while
/// `sign_in_wait` waits for the callback; the sign-in must succeed.
pub(super) fn play_browser_and_wait(
    webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    account: &Value,
    url: String,
) {
    let (email, password) = (
        account["adminEmail"].as_str().expect("email").to_owned(),
        account["adminPassword"]
            .as_str()
            .expect("password")
            .to_owned(),
    );
    let browser = std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().expect("a runtime");
        rt.block_on(async move {
            let http = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("a client");
            let page = http.get(&url).send().await.expect("the sign-in page");
            assert_eq!(page.status(), 200);
            let parsed = reqwest::Url::parse(&url).expect("absolute");
            let mut form: Vec<(String, String)> = parsed.query_pairs().into_owned().collect();
            form.extend([
                ("email".into(), email),
                ("password".into(), password),
                ("action".into(), "sign_in".into()),
            ]);
            let login = format!("{}/oauth/authorize", parsed.origin().ascii_serialization());
            let done = http.post(login).form(&form).send().await.expect("posted");
            let back = done.headers()["location"]
                .to_str()
                .expect("a Location")
                .to_owned();
            http.get(back)
                .send()
                .await
                .expect("the callback is answered");
        });
    });
    invoke(webview, "sign_in_wait", json!({})).expect("signed in to the Sandbox org");
    browser.join().expect("the browser thread did not panic");
}

#[test]
fn signed_in_the_clients_commands_answer_in_their_wire_shapes_without_secrets() {
    let _turn = crate::ipc::org_turn();
    let (app, webview) = app();
    invoke(&webview, "sandbox_account", json!({})).expect("the Sandbox org starts");
    // Every secret and token the org issues from here on is a canary no answer may carry.
    {
        use tauri::Manager;
        let state = app.state::<dip_studio::AppState>();
        let running = state.sandbox.blocking_lock();
        let org = running.as_ref().expect("the Sandbox org runs");
        org.knobs().set_canary_secrets(true);
    }
    sign_in(&webview);

    let roles = invoke(&webview, "authorization_roles", json!({})).expect("roles");
    assert_eq!(
        keys(&roles),
        [
            "canAssignToMe",
            "divisions",
            "grantsKnown",
            "homeDivisionId",
            "roles"
        ]
    );
    assert_eq!(roles["canAssignToMe"], true, "a PKCE session has a user");
    assert_eq!(roles["grantsKnown"], true, "a user's subjects/me is read");
    let held = roles["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .find(|r| r["held"].as_array().is_some_and(|h| !h.is_empty()))
        .expect("the practice admin holds a role")
        .clone();
    assert_eq!(
        keys(&held),
        ["description", "held", "id", "name", "permissionCount"]
    );
    let permissions = invoke(
        &webview,
        "authorization_role_permissions",
        json!({"id": held["id"]}),
    )
    .expect("permissions on demand");
    let permissions = permissions.as_array().expect("a list");
    assert!(
        !permissions.is_empty()
            && permissions
                .iter()
                .all(|p| p.as_str().is_some_and(|p| p.split(':').count() == 3)),
        "`domain:entity:action` from the role's policies, not legacy names: {permissions:?}"
    );
    let scopes = invoke(&webview, "oauth_scopes", json!({})).expect("scopes");
    assert!(scopes.as_array().is_some_and(|s| !s.is_empty()));

    let form = json!({
        "name": "  IPC wire-shape client  ",
        "grantType": "CLIENT-CREDENTIALS",
        "roleDivisions": [{"roleId": held["id"], "divisionId": held["held"][0]}],
    });
    let created = invoke(&webview, "oauth_client_create", json!({"form": form})).expect("created");
    assert_eq!(
        keys(&created),
        ["client", "revealHandle", "savedToKeychain"]
    );
    let client = &created["client"];
    assert_eq!(
        client["name"], "IPC wire-shape client",
        "the name is trimmed"
    );
    assert!(
        client.get("secret").is_none(),
        "no secret in the create answer"
    );
    let id = client["id"].as_str().expect("an id").to_owned();
    let handle = created["revealHandle"].clone();

    let secret = invoke(
        &webview,
        "oauth_client_secret_reveal",
        json!({"handle": handle}),
    )
    .expect("revealed once");
    let secret = secret.as_str().expect("a string").to_owned();
    assert!(!secret.is_empty());
    assert!(
        !created.to_string().contains(&secret),
        "the create answer holds no secret"
    );
    let again = invoke(
        &webview,
        "oauth_client_secret_reveal",
        json!({"handle": handle}),
    )
    .expect_err("a second reveal fails");
    assert!(!again.to_string().contains(&secret));
    invoke(
        &webview,
        "oauth_client_secret_forget",
        json!({"handle": handle, "keepInKeychain": true}),
    )
    .expect("forgotten");

    let uses = invoke(&webview, "oauth_client_credentials", json!({"id": id})).expect("uses");
    assert_eq!(keys(&uses), ["unknown", "using"]);
    let stale = invoke(
        &webview,
        "oauth_client_credential_update",
        json!({"credentialId": "c", "name": "n", "clientId": id, "handle": handle}),
    )
    .expect_err("a forgotten handle gives no secret to a credential");
    assert_eq!(stale["kind"], "invalidInput", "{stale}");
    let listed = invoke(&webview, "oauth_clients_list", json!({})).expect("listed");
    let got = invoke(&webview, "oauth_client_get", json!({"id": id})).expect("read");
    let edited = invoke(
        &webview,
        "oauth_client_update",
        json!({"id": id, "form": {
            "name": "Renamed over IPC",
            "grantType": "CLIENT-CREDENTIALS",
            "tokenDurationSeconds": "3600",
            "roleDivisions": [{"roleId": held["id"], "divisionId": held["held"][0]}],
            "state": "active",
        }}),
    )
    .expect("edited with a full PUT");
    assert_eq!(
        (&edited["name"], &edited["accessTokenValiditySeconds"]),
        (&json!("Renamed over IPC"), &json!(3600))
    );
    let disabled = invoke(
        &webview,
        "oauth_client_set_state",
        json!({"id": id, "clientState": "disabled"}),
    )
    .expect("disabled");
    assert_eq!(disabled["state"], "disabled");
    let refused = invoke(
        &webview,
        "oauth_client_set_state",
        json!({"id": id, "clientState": "deleted"}),
    )
    .expect_err("only active or disabled");
    assert_eq!(refused["kind"], "invalidInput");
    let regenerated = invoke(
        &webview,
        "oauth_client_regenerate_secret",
        json!({"id": id}),
    )
    .expect("a new secret");
    assert_eq!(
        keys(&regenerated),
        ["client", "revealHandle", "savedToKeychain"]
    );
    assert_ne!(regenerated["revealHandle"], handle, "a new handle");
    invoke(
        &webview,
        "oauth_client_secret_forget",
        json!({"handle": regenerated["revealHandle"], "keepInKeychain": false}),
    )
    .expect("forgotten and removed from the vault");
    let deleted = invoke(&webview, "oauth_client_delete", json!({"id": id})).expect("deleted");
    assert_eq!(keys(&deleted), ["dateToDelete", "deleted"]);
    assert_eq!(deleted["deleted"], true, "a new client is deleted at once");

    for answer in [
        &roles,
        &listed,
        &got,
        &edited,
        &disabled,
        &regenerated,
        &deleted,
    ] {
        let text = answer.to_string();
        assert!(
            !text.contains(&secret),
            "no secret in any answer but the reveal"
        );
        assert!(!text.contains("\"secret\""), "no secret field: {text}");
        assert!(
            !text.contains("CANARY-"),
            "no issued secret or token: {text}"
        );
    }
    assert!(
        secret.starts_with("CANARY-"),
        "the canaries were on: the reveal shows one"
    );
    assert!(listed
        .as_array()
        .is_some_and(|l| l.iter().any(|c| c["id"] == id.as_str())));
    let bad = invoke(
        &webview,
        "oauth_client_create",
        json!({"form": {"name": "x", "grantType": "CODE", "tokenDurationSeconds": "299",
            "redirectUris": ["http://127.0.0.1"], "scopes": ["users"]}}),
    )
    .expect_err("refused before any request");
    assert_eq!(bad["kind"], "invalidInput");
    assert!(
        bad["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("tokenDuration:")),
        "{bad}"
    );
}

/// The delete confirmation's "what else uses this client": the OAuth credentials whose
/// `clientId` is the client's, read from the Sandbox org over HTTP.
#[tokio::test]
async fn credentials_using_a_client_are_found_by_their_client_id() {
    use ::genesys::secrets::Secret;
    use studio::clients::using_client;
    use studio::wire::clients::CredentialUse;

    let w = crate::genesys::world().await;
    let (admin, _) = w.sign_in().await;
    let (client, token) = (admin.client(), admin.token());
    let developer = w
        .org
        .snapshot()
        .roles
        .iter()
        .find(|r| r.name == "Developer")
        .map(|r| r.id.clone())
        .expect("a seeded Developer role");
    let mut ids = Vec::new();
    for name in ["used", "unused"] {
        let body = json!({
            "name": name,
            "authorizedGrantType": "CLIENT-CREDENTIALS",
            "roleDivisions": [{"roleId": developer, "divisionId": w.org.seed().home_division_id}],
        });
        let created: Value = client
            .send_json(reqwest::Method::POST, "/api/v2/oauth/clients", token, &body)
            .await
            .expect("created");
        ids.push(created["id"].as_str().expect("id").to_owned());
    }
    let secret = Secret::new("not-a-real-secret");
    let credential = client
        .create_oauth_client_credential("Data Actions credential", &ids[0], &secret, token)
        .await
        .expect("a credential naming the first client");

    let used = using_client(&admin, &ids[0]).await.expect("listed");
    assert_eq!(
        used.using,
        [CredentialUse {
            id: credential.id.clone(),
            name: Some("Data Actions credential".into())
        }]
    );
    assert_eq!(used.unknown, 0, "the Sandbox returns clientId on GET");
    let unused = using_client(&admin, &ids[1]).await.expect("listed");
    assert!(
        unused.using.is_empty(),
        "no credential names the second client"
    );
}
