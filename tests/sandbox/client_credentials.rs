//! `/oauth/token` beyond the code flow: client credentials (HTTP Basic, active Client
//! Credentials clients only), token expiry per client validity, and refused grant types.

use std::time::Duration;

use serde_json::json;

use super::sign_in::assert_oauth_error;
use super::start;

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
async fn a_new_secret_is_refused_until_the_secret_delay_passed() {
    let org = start().await;
    let admin = org.admin_token().await;
    org.sandbox
        .knobs()
        .set_secret_delay(Duration::from_secs(10));
    let home = org.sandbox.seed().home_division_id.clone();
    let (id, secret) = org
        .cc_client(&admin, &[(&org.role("Developer"), &home)])
        .await;
    let (status, body) = org.cc_grant(&id, &secret).await;
    assert_oauth_error(status, &body, 401, "invalid_client");
    org.sandbox.knobs().advance_clock(Duration::from_secs(11));
    org.cc_token(&id, &secret).await;
}
