//! The code and implicit flows: PKCE (RFC 7636 appendix B), one-time codes that expire,
//! redirect URI rules (any port for loopback, unregistered URIs shown, never redirected) and
//! authorize errors redirected with `state`.

use std::time::Duration;

use serde_json::{json, Value};

use sandbox::{RedirectPath, SandboxOptions, Variant};

use super::{location, query_param, quick, start, start_with, CHALLENGE, VERIFIER};

pub fn assert_oauth_error(status: u16, body: &Value, want_status: u16, error: &str) {
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
    let redirect = "http://127.0.0.1:40001";
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
    assert!(back.starts_with("http://127.0.0.1:40001?"), "{back}");
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
    let redirect = "http://127.0.0.1:40002";
    let code = org.code(redirect).await;
    let wrong = "a".repeat(43);
    let (status, body) = org.exchange(&code, &wrong, redirect).await;
    assert_oauth_error(status, &body, 400, "invalid_grant");
}

#[tokio::test]
async fn a_replayed_code_is_invalid_grant() {
    let org = start().await;
    let redirect = "http://127.0.0.1:40003";
    let code = org.code(redirect).await;
    assert_eq!(org.exchange(&code, VERIFIER, redirect).await.0, 200);
    let (status, body) = org.exchange(&code, VERIFIER, redirect).await;
    assert_oauth_error(status, &body, 400, "invalid_grant");
}

#[tokio::test]
async fn a_code_expires_after_ten_minutes() {
    let org = start().await;
    let redirect = "http://127.0.0.1:40004";
    let code = org.code(redirect).await;
    org.sandbox.knobs().advance_clock(Duration::from_secs(601));
    let (status, body) = org.exchange(&code, VERIFIER, redirect).await;
    assert_oauth_error(status, &body, 400, "invalid_grant");
}

#[tokio::test]
async fn the_token_request_must_repeat_the_redirect_uri() {
    let org = start().await;
    let code = org.code("http://127.0.0.1:40005").await;
    let (status, body) = org
        .exchange(&code, VERIFIER, "http://127.0.0.1:40006")
        .await;
    assert_oauth_error(status, &body, 400, "invalid_grant");
}

#[tokio::test]
async fn any_port_is_accepted_for_a_loopback_uri_registered_without_port() {
    let org = start().await;
    for redirect in [
        "http://127.0.0.1:51111",
        "http://127.0.0.1:62222",
        "http://127.0.0.1:62223/",
        "http://localhost:7788",
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
        ("redirect_uri", "http://localhost:45555"),
        ("state", "st"),
    ];
    let back = org
        .authorize(&params, &seed.admin_email, &seed.admin_password)
        .await;
    assert!(back.starts_with("http://localhost:45555#"), "{back}");
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
            ("redirect_uri", "http://127.0.0.1:40010"),
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

/// Only the port is free by default; `RedirectPath::Prefix` also accepts a longer path below
/// the registered `http://127.0.0.1`.
#[tokio::test]
async fn a_path_under_the_registered_loopback_uri_is_refused_unless_the_prefix_variant() {
    let longer = "http://127.0.0.1:40040/callback/us-east-1";
    for (mode, _) in RedirectPath::ALL {
        let org = start_with(SandboxOptions {
            variant: Variant {
                redirect_path: *mode,
                ..Variant::default()
            },
            ..quick()
        })
        .await;
        let seed = org.sandbox.seed().clone();
        let response = org
            .http
            .get(org.login("/oauth/authorize"))
            .query(&[
                ("client_id", seed.code_client_id.as_str()),
                ("response_type", "code"),
                ("redirect_uri", longer),
                ("code_challenge", CHALLENGE),
                ("code_challenge_method", "S256"),
            ])
            .send()
            .await
            .expect("authorize");
        match mode {
            RedirectPath::Exact => {
                assert_eq!(response.status(), 400, "a path is not the registered URI");
                assert!(response
                    .text()
                    .await
                    .expect("html")
                    .contains("is not registered"));
            }
            RedirectPath::Prefix => {
                assert_eq!(response.status(), 200, "the form is shown");
                let code = org.code(longer).await;
                assert_eq!(org.exchange(&code, VERIFIER, longer).await.0, 200);
            }
        }
    }
}
