//! The confidential code grant: a Code Authorization client signing in without PKCE, paying
//! with its secret at `/oauth/token`, and getting a refresh token (PKCE clients get none).

use serde_json::{json, Value};

use super::sign_in::assert_oauth_error;
use super::{query_param, start, Org};

const REDIRECT: &str = "https://app.example/callback";

/// A CODE client with a secret, and a code for the admin through it.
async fn confidential_code(org: &Org, admin: &str) -> (String, String, String) {
    let body = json!({ "name": "web app", "authorizedGrantType": "CODE",
                       "registeredRedirectUri": [REDIRECT], "scope": ["users:readonly"] });
    let client = org
        .post("/api/v2/oauth/clients", admin, body)
        .await
        .ok()
        .clone();
    let id = client["id"].as_str().expect("id").to_owned();
    let secret = client["secret"].as_str().expect("secret").to_owned();
    let seed = org.sandbox.seed().clone();
    let params = [
        ("client_id", id.as_str()),
        ("response_type", "code"),
        ("redirect_uri", REDIRECT),
    ];
    let back = org
        .authorize(&params, &seed.admin_email, &seed.admin_password)
        .await;
    (id, secret, query_param(&back, "code").expect("code"))
}

async fn token(org: &Org, basic: Option<(&str, &str)>, form: &[(&str, &str)]) -> (u16, Value) {
    let mut request = org.http.post(org.login("/oauth/token")).form(form);
    if let Some((id, secret)) = basic {
        request = request.basic_auth(id, Some(secret));
    }
    let response = request.send().await.expect("token");
    (
        response.status().as_u16(),
        response.json().await.expect("JSON"),
    )
}

#[tokio::test]
async fn a_confidential_code_grant_pays_with_the_secret_and_can_refresh() {
    let org = start().await;
    let admin = org.admin_token().await;
    let (id, secret, code) = confidential_code(&org, &admin).await;
    let exchange = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT),
    ];
    let (status, body) = token(&org, Some((&id, &secret)), &exchange).await;
    assert_eq!(status, 200, "{body}");
    let refresh = body["refresh_token"]
        .as_str()
        .expect("a refresh token")
        .to_owned();
    org.get(
        "/api/v2/users/me",
        body["access_token"].as_str().expect("token"),
    )
    .await
    .ok();
    let again = [
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh.as_str()),
    ];
    let (status, body) = token(&org, Some((&id, &secret)), &again).await;
    assert_eq!(status, 200, "{body}");
    org.get(
        "/api/v2/users/me",
        body["access_token"].as_str().expect("token"),
    )
    .await
    .ok();
    let (status, body) = token(&org, Some((&id, "wrong")), &again).await;
    assert_oauth_error(status, &body, 401, "invalid_client");
    let unknown = [("grant_type", "refresh_token"), ("refresh_token", "nope")];
    let (status, body) = token(&org, Some((&id, &secret)), &unknown).await;
    assert_oauth_error(status, &body, 400, "invalid_grant");
    org.delete(&format!("/api/v2/oauth/clients/{id}"), &admin)
        .await;
    let (status, body) = token(&org, Some((&id, &secret)), &again).await;
    assert_oauth_error(status, &body, 401, "invalid_client");
}

#[tokio::test]
async fn a_confidential_code_needs_the_client_secret() {
    let org = start().await;
    let admin = org.admin_token().await;
    let (id, _, code) = confidential_code(&org, &admin).await;
    let exchange = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT),
    ];
    let (status, body) = token(&org, Some((&id, "")), &exchange).await;
    assert_oauth_error(status, &body, 401, "invalid_client");
}

#[tokio::test]
async fn pkce_tokens_come_without_a_refresh_token() {
    let org = start().await;
    let redirect = "http://127.0.0.1:40030";
    let code = org.code(redirect).await;
    let (status, body) = org.exchange(&code, super::VERIFIER, redirect).await;
    assert_eq!(status, 200);
    assert!(body.get("refresh_token").is_none(), "{body}");
}
