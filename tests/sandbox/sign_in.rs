//! The login host: PKCE (RFC 7636 appendix B), one-time codes, redirect URI rules, implicit
//! tokens, the localized sign-in page, client credentials and token expiry.

use std::time::Duration;

use serde_json::{json, Value};

use super::{location, query_param, start, CHALLENGE, VERIFIER};

fn assert_oauth_error(status: u16, body: &Value, want_status: u16, error: &str) {
    assert_eq!(
        (status, body["error"].as_str()),
        (want_status, Some(error)),
        "{body}"
    );
    assert!(
        body["description"].is_string(),
        "description is present: {body}"
    );
    assert_eq!(body["description"], body["error_description"]);
}

#[tokio::test]
async fn pkce_with_the_rfc7636_vector_signs_the_admin_in() {
    let org = start().await;
    let redirect = "http://127.0.0.1:40001/callback";
    let seed = org.sandbox.seed().clone();
    let params = [
        ("client_id", seed.code_client_id.as_str()),
        ("response_type", "code"),
        ("redirect_uri", redirect),
        ("code_challenge", CHALLENGE),
        ("code_challenge_method", "S256"),
        ("state", "opaque-state"),
    ];
    let back = org
        .authorize(&params, &seed.admin_email, &seed.admin_password)
        .await;
    assert!(
        back.starts_with("http://127.0.0.1:40001/callback?"),
        "{back}"
    );
    assert_eq!(
        query_param(&back, "state").as_deref(),
        Some("opaque-state"),
        "state is echoed"
    );
    let code = query_param(&back, "code").expect("code");
    let (status, body) = org.exchange(&code, VERIFIER, redirect).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "bearer");
    assert_eq!(body["expires_in"], 86_400);
    let token = body["access_token"].as_str().expect("token");
    let info = org.get("/api/v2/tokens/me", token).await;
    assert_eq!(info.ok()["OAuthClient"]["id"], json!(seed.code_client_id));
    assert_eq!(info.body["organization"]["name"], json!(seed.org_name));
    let me = org.get("/api/v2/users/me", token).await;
    assert_eq!(me.ok()["email"], json!(seed.admin_email));
}

#[tokio::test]
async fn a_wrong_verifier_is_invalid_grant() {
    let org = start().await;
    let redirect = "http://127.0.0.1:40002/callback";
    let code = org.code(redirect).await;
    let wrong = "a".repeat(43);
    let (status, body) = org.exchange(&code, &wrong, redirect).await;
    assert_oauth_error(status, &body, 400, "invalid_grant");
}

#[tokio::test]
async fn a_replayed_code_is_invalid_grant() {
    let org = start().await;
    let redirect = "http://127.0.0.1:40003/callback";
    let code = org.code(redirect).await;
    assert_eq!(org.exchange(&code, VERIFIER, redirect).await.0, 200);
    let (status, body) = org.exchange(&code, VERIFIER, redirect).await;
    assert_oauth_error(status, &body, 400, "invalid_grant");
}

#[tokio::test]
async fn a_code_expires_after_ten_minutes() {
    let org = start().await;
    let redirect = "http://127.0.0.1:40004/callback";
    let code = org.code(redirect).await;
    org.sandbox.knobs().advance_clock(Duration::from_secs(601));
    let (status, body) = org.exchange(&code, VERIFIER, redirect).await;
    assert_oauth_error(status, &body, 400, "invalid_grant");
}

#[tokio::test]
async fn the_token_request_must_repeat_the_redirect_uri() {
    let org = start().await;
    let code = org.code("http://127.0.0.1:40005/callback").await;
    let (status, body) = org
        .exchange(&code, VERIFIER, "http://127.0.0.1:40006/callback")
        .await;
    assert_oauth_error(status, &body, 400, "invalid_grant");
}

#[tokio::test]
async fn any_port_is_accepted_for_a_loopback_uri_registered_without_port() {
    let org = start().await;
    for redirect in [
        "http://127.0.0.1:51111/cb",
        "http://127.0.0.1:62222",
        "http://localhost:7788/x",
    ] {
        let code = org.code(redirect).await;
        assert_eq!(
            org.exchange(&code, VERIFIER, redirect).await.0,
            200,
            "{redirect}"
        );
    }
}

#[tokio::test]
async fn an_unregistered_redirect_uri_is_shown_on_the_page_and_never_redirected() {
    let org = start().await;
    let seed = org.sandbox.seed().clone();
    for redirect in ["https://evil.example/cb?<x>", "http://127.0.0.2:5000/cb"] {
        let response = org
            .http
            .get(org.login("/oauth/authorize"))
            .query(&[
                ("client_id", seed.code_client_id.as_str()),
                ("response_type", "code"),
                ("redirect_uri", redirect),
                ("code_challenge", CHALLENGE),
                ("code_challenge_method", "S256"),
            ])
            .send()
            .await
            .expect("page");
        assert_eq!(response.status(), 400);
        assert!(
            response.headers().get("location").is_none(),
            "never redirected"
        );
        let html = response.text().await.expect("html");
        assert!(html.contains("is not registered"), "{html}");
        assert!(!html.contains("<x>"), "the URI is escaped");
    }
}

#[tokio::test]
async fn implicit_puts_the_token_in_the_fragment() {
    let org = start().await;
    let seed = org.sandbox.seed().clone();
    let params = [
        ("client_id", seed.token_client_id.as_str()),
        ("response_type", "token"),
        ("redirect_uri", "http://localhost:45555/relay"),
        ("state", "st"),
    ];
    let back = org
        .authorize(&params, &seed.admin_email, &seed.admin_password)
        .await;
    assert!(back.starts_with("http://localhost:45555/relay#"), "{back}");
    assert_eq!(query_param(&back, "token_type").as_deref(), Some("bearer"));
    assert_eq!(query_param(&back, "expires_in").as_deref(), Some("86400"));
    assert_eq!(query_param(&back, "state").as_deref(), Some("st"));
    let token = query_param(&back, "access_token").expect("token");
    org.get("/api/v2/users/me", &token).await.ok();
}

#[tokio::test]
async fn authorize_errors_are_redirected_with_state() {
    let org = start().await;
    let seed = org.sandbox.seed().clone();
    let cases = [
        (
            seed.token_client_id.as_str(),
            "code",
            None,
            "unauthorized_client",
        ),
        (
            seed.code_client_id.as_str(),
            "token",
            None,
            "unauthorized_client",
        ),
        (
            seed.code_client_id.as_str(),
            "id_token",
            None,
            "unsupported_response_type",
        ),
        (
            seed.code_client_id.as_str(),
            "code",
            Some("plain"),
            "invalid_request",
        ),
    ];
    for (client, response_type, method, error) in cases {
        let mut query = vec![
            ("client_id", client),
            ("response_type", response_type),
            ("redirect_uri", "http://127.0.0.1:40010/cb"),
            ("state", "keep"),
        ];
        if let Some(method) = method {
            query.extend([
                ("code_challenge", CHALLENGE),
                ("code_challenge_method", method),
            ]);
        }
        let response = org
            .http
            .get(org.login("/oauth/authorize"))
            .query(&query)
            .send()
            .await
            .expect("authorize");
        assert_eq!(response.status(), 302, "{error}");
        let back = location(response.headers());
        assert_eq!(
            query_param(&back, "error").as_deref(),
            Some(error),
            "{back}"
        );
        assert!(query_param(&back, "error_description").is_some());
        assert_eq!(query_param(&back, "state").as_deref(), Some("keep"));
    }
}

#[tokio::test]
async fn a_wrong_password_stays_on_the_page_and_cancel_is_access_denied() {
    let org = start().await;
    let seed = org.sandbox.seed().clone();
    let base = [
        ("client_id", seed.code_client_id.as_str()),
        ("response_type", "code"),
        ("redirect_uri", "http://127.0.0.1:40011/cb"),
        ("code_challenge", CHALLENGE),
        ("code_challenge_method", "S256"),
        ("lang", "es"),
    ];
    let mut wrong = base.to_vec();
    wrong.extend([
        ("email", seed.admin_email.as_str()),
        ("password", "nope"),
        ("action", "sign_in"),
    ]);
    let response = org
        .http
        .post(org.login("/oauth/authorize"))
        .form(&wrong)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("html");
    assert!(
        html.contains("no son correctos"),
        "Spanish error shown: {html}"
    );
    let mut cancel = base.to_vec();
    cancel.push(("action", "cancel"));
    let response = org
        .http
        .post(org.login("/oauth/authorize"))
        .form(&cancel)
        .send()
        .await
        .expect("post");
    let back = location(response.headers());
    assert_eq!(
        query_param(&back, "error").as_deref(),
        Some("access_denied")
    );
}

#[tokio::test]
async fn the_sign_in_page_follows_accept_language_and_is_self_contained() {
    let org = start().await;
    let seed = org.sandbox.seed().clone();
    let query = [
        ("client_id", seed.code_client_id.as_str()),
        ("response_type", "code"),
        ("redirect_uri", "http://127.0.0.1:40012/cb"),
    ];
    for (accept, lang, heading) in [
        ("es-MX,es;q=0.9", "es", "Inicia sesión"),
        ("pt-BR", "pt-BR", "Entre em"),
        ("de", "en", "Sign in to"),
    ] {
        let response = org
            .http
            .get(org.login("/oauth/authorize"))
            .query(&query)
            .header("accept-language", accept)
            .send()
            .await
            .expect("page");
        assert_eq!(response.headers()["cache-control"], "no-store");
        assert_eq!(response.headers()["referrer-policy"], "no-referrer");
        assert!(response.headers().contains_key("content-security-policy"));
        let html = response.text().await.expect("html");
        assert!(
            html.contains(&format!("lang=\"{lang}\"")) && html.contains(heading),
            "{accept}: {html}"
        );
        assert!(
            !html.contains("<script") && !html.contains(" src=") && !html.contains("href="),
            "no external resources"
        );
    }
}

#[tokio::test]
async fn client_credentials_needs_basic_auth_and_an_active_client_credentials_client() {
    let org = start().await;
    let admin = org.admin_token().await;
    let (id, secret) = org
        .cc_client(
            &admin,
            &[(&org.role("Developer"), &org.sandbox.seed().home_division_id)],
        )
        .await;
    let (status, body) = org.cc_grant(&id, &secret).await;
    assert_eq!(
        (status, &body["token_type"]),
        (200, &json!("bearer")),
        "{body}"
    );
    let token = body["access_token"].as_str().expect("token").to_owned();
    let no_basic = org
        .http
        .post(org.login("/oauth/token"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("token");
    assert_eq!(no_basic.status(), 401);
    let (status, body) = org.cc_grant(&id, "wrong-secret").await;
    assert_oauth_error(status, &body, 401, "invalid_client");
    let code_client = org
        .post("/api/v2/oauth/clients", &admin, json!({ "name": "web", "authorizedGrantType": "CODE", "registeredRedirectUri": ["https://app.example/cb"], "scope": ["oauth"] }))
        .await;
    let code_client = code_client.ok().clone();
    let (status, body) = org
        .cc_grant(
            code_client["id"].as_str().expect("id"),
            code_client["secret"].as_str().expect("secret"),
        )
        .await;
    assert_oauth_error(status, &body, 400, "unauthorized_client");
    let mut disabled = org
        .get(&format!("/api/v2/oauth/clients/{id}"), &admin)
        .await
        .ok()
        .clone();
    disabled["state"] = json!("disabled");
    org.put(&format!("/api/v2/oauth/clients/{id}"), &admin, disabled)
        .await
        .ok();
    let (status, body) = org.cc_grant(&id, &secret).await;
    assert_oauth_error(status, &body, 401, "invalid_client");
    org.get("/api/v2/tokens/me", &token)
        .await
        .error(401, "bad.credentials");
}

#[tokio::test]
async fn tokens_expire_after_the_clients_validity() {
    let org = start().await;
    let admin = org.admin_token().await;
    let reply = org
        .post(
            "/api/v2/oauth/clients",
            &admin,
            json!({ "name": "short", "authorizedGrantType": "CLIENT-CREDENTIALS", "accessTokenValiditySeconds": 300,
                    "roleDivisions": [{ "roleId": org.role("Developer"), "divisionId": org.sandbox.seed().home_division_id }] }),
        )
        .await;
    let client = reply.ok().clone();
    let (status, body) = org
        .cc_grant(
            client["id"].as_str().expect("id"),
            client["secret"].as_str().expect("secret"),
        )
        .await;
    assert_eq!((status, &body["expires_in"]), (200, &json!(300)));
    let token = body["access_token"].as_str().expect("token");
    org.get("/api/v2/tokens/me", token).await.ok();
    org.sandbox.knobs().advance_clock(Duration::from_secs(301));
    org.get("/api/v2/tokens/me", token)
        .await
        .error(401, "bad.credentials");
}

#[tokio::test]
async fn unknown_grant_types_and_missing_codes_are_refused() {
    let org = start().await;
    let response = org
        .http
        .post(org.login("/oauth/token"))
        .form(&[("grant_type", "password")])
        .send()
        .await
        .expect("token");
    let status = response.status().as_u16();
    assert_oauth_error(
        status,
        &response.json().await.expect("json"),
        400,
        "unsupported_grant_type",
    );
    let response = org
        .http
        .post(org.login("/oauth/token"))
        .form(&[("grant_type", "authorization_code")])
        .send()
        .await
        .expect("token");
    let status = response.status().as_u16();
    assert_oauth_error(
        status,
        &response.json().await.expect("json"),
        400,
        "invalid_request",
    );
}

#[tokio::test]
async fn logout_redirects_only_to_a_registered_uri() {
    let org = start().await;
    let client = org.sandbox.seed().code_client_id.clone();
    let ok = org
        .http
        .get(org.login("/logout"))
        .query(&[
            ("client_id", client.as_str()),
            ("redirect_uri", "http://127.0.0.1:40020/bye"),
        ])
        .send()
        .await
        .expect("logout");
    assert_eq!(
        (ok.status().as_u16(), location(ok.headers())),
        (302, "http://127.0.0.1:40020/bye".to_owned())
    );
    let page = org
        .http
        .get(org.login("/logout"))
        .query(&[
            ("client_id", client.as_str()),
            ("redirect_uri", "https://evil.example/"),
        ])
        .send()
        .await
        .expect("logout");
    assert_eq!(page.status(), 200);
    assert!(page.headers().get("location").is_none());
}
