//! The secret canary (security-matrix.md F1, F2): with the Sandbox issuing `CANARY-<uuid>` tokens, codes
//! and secrets, none of them appears in any `Debug`, `Display`, error, page or `SessionInfo`.

use ::genesys::auth::{client_credentials, Grant, Session};
use ::genesys::secrets::{MemoryStore, Secret, SecretStore};

use super::api::cc_client;
use super::world;

#[tokio::test]
async fn f1_f2_no_token_or_secret_in_any_debug_display_or_error() {
    let w = world().await;
    // Every token, code and client secret the Sandbox issues is now `CANARY-<uuid>`.
    w.org.knobs().set_canary_secrets(true);
    let (admin, page) = w.sign_in().await;
    let (id, secret) = cc_client(&w, &admin).await;
    let cc = client_credentials(w.endpoints(), "sandbox", &id, &secret)
        .await
        .expect("signed in");
    for issued in [admin.token(), cc.token(), &secret] {
        assert!(issued.expose().starts_with("CANARY-"), "the knob is on");
    }
    let canary_secret = Secret::new("CANARY-secret-3c9a41d2");
    let mut seen = vec![
        page,
        format!("{admin:?}"),
        format!("{cc:?}"),
        serde_json::to_string(&admin.info()).expect("json"),
        serde_json::to_string(&cc.info()).expect("json"),
        format!("{:?}", w.begin(::genesys::auth::BrowserGrant::Pkce).await),
    ];
    let store = MemoryStore::new();
    store.set("profile", admin.token()).expect("stored");
    seen.push(format!("{store:?}"));
    let wrong = client_credentials(w.endpoints(), "sandbox", &id, &canary_secret).await;
    seen.push(format!(
        "{wrong:?} {}",
        wrong
            .as_ref()
            .err()
            .map(ToString::to_string)
            .unwrap_or_default()
    ));
    let resumed = Session::resume(
        w.endpoints(),
        "sandbox".into(),
        Grant::Pkce,
        canary_secret.clone(),
    )
    .await;
    seen.push(format!("{resumed:?}"));
    let long = store.set("x", &Secret::new(format!("CANARY-{}", "y".repeat(2000))));
    seen.push(format!("{long:?}"));
    // A failed exchange of a canary code, and a denied sign-in, say nothing secret either.
    let pending = w.begin(::genesys::auth::BrowserGrant::Pkce).await;
    let back = w.approve(&pending.authorize_url, "sign_in").await;
    let code = super::url_param(&back, "code").expect("code");
    assert!(code.starts_with("CANARY-"), "codes are canaries too");
    w.browser
        .post(format!("{}/oauth/token", w.org.login_base_url()))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
        ])
        .send()
        .await
        .expect("the code is used up first");
    let finish = tokio::spawn(pending.finish());
    seen.push(
        w.browser
            .get(&back)
            .send()
            .await
            .expect("page")
            .text()
            .await
            .expect("body"),
    );
    let replayed = finish.await.expect("no panic").expect_err("invalid_grant");
    seen.push(format!("{replayed} {replayed:?}"));
    let tokens = [
        admin.token().expose(),
        cc.token().expose(),
        secret.expose(),
        "CANARY",
    ];
    for text in &seen {
        for token in tokens {
            assert!(!text.contains(token), "a secret leaked into: {text}");
        }
    }
    assert!(
        seen[1].contains("[redacted]"),
        "the session shows its token redacted"
    );
}
