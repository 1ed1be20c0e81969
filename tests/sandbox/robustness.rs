//! Bad input never panics or hangs a host: malformed bodies, wrong JSON types, invalid UTF-8,
//! odd paths and methods all get a 4xx (an `ErrorBody` on the API host), and the hosts keep
//! serving afterwards.

use reqwest::Method;
use serde_json::{json, Value};

use super::start;

#[tokio::test]
async fn malformed_api_requests_get_a_4xx_error_body() {
    let org = start().await;
    let admin = org.admin_token().await;
    let bodies = [
        (Method::POST, "/api/v2/oauth/clients", json!([])),
        (
            Method::POST,
            "/api/v2/oauth/clients",
            json!({ "name": 5, "authorizedGrantType": "CODE" }),
        ),
        (
            Method::POST,
            "/api/v2/oauth/clients",
            json!({ "name": "x", "authorizedGrantType": "CLIENT-CREDENTIALS", "roleDivisions": [{ "roleId": "r" }] }),
        ),
        (
            Method::POST,
            "/api/v2/oauth/clients",
            json!({ "name": "x", "authorizedGrantType": "CODE", "accessTokenValiditySeconds": 1e40 }),
        ),
        (Method::PUT, "/api/v2/users/x/roles", json!({})),
        (
            Method::POST,
            "/api/v2/integrations",
            json!({ "integrationType": "purecloud-data-actions" }),
        ),
        (
            Method::POST,
            "/api/v2/integrations/credentials",
            json!({ "type": {} }),
        ),
    ];
    for (method, path, body) in bodies {
        let reply = org
            .call(method.clone(), path, Some(&admin), Some(body.clone()))
            .await;
        assert_eq!(reply.status, 400, "{method} {path} {body}: {}", reply.body);
    }
    let odd_path = org.get("/api/v2/oauth/clients/%FF%FE", &admin).await;
    assert!(matches!(odd_path.status, 400 | 404), "{}", odd_path.body);
    let raw = org
        .http
        .post(org.api("/api/v2/integrations/credentials"))
        .bearer_auth(&admin)
        .body(vec![0xff, 0xfe, b'{'])
        .send()
        .await
        .expect("answer");
    assert_eq!(raw.status(), 400);
    let wrong_method = org
        .http
        .delete(org.api("/api/v2/users/me"))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("answer");
    assert_eq!(wrong_method.status(), 405);
    let body: Value = wrong_method.json().await.expect("an ErrorBody");
    assert_eq!(body["code"], "method.not.allowed");
    org.get("/api/v2/users/me", &admin).await.ok();
}

#[tokio::test]
async fn malformed_login_requests_get_a_4xx() {
    let org = start().await;
    let token = org
        .http
        .post(org.login("/oauth/token"))
        .body(vec![0xff, 0x00, 0xfe])
        .send()
        .await
        .expect("answer");
    assert_eq!(token.status(), 400);
    let basic = org
        .http
        .post(org.login("/oauth/token"))
        .header("authorization", "Basic %%%not-base64")
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("answer");
    assert_eq!(basic.status(), 401);
    let page = org
        .http
        .get(org.login("/oauth/authorize?client_id=%FF&redirect_uri=%00"))
        .send()
        .await
        .expect("answer");
    assert_eq!(page.status(), 400);
    let form = org
        .http
        .post(org.login("/oauth/authorize"))
        .body(vec![0xff, 0xfe])
        .send()
        .await
        .expect("answer");
    assert_eq!(form.status(), 400);
    let elsewhere = org
        .http
        .get(org.login("/..%2f..%2fetc/passwd"))
        .send()
        .await
        .expect("answer");
    assert_eq!(elsewhere.status(), 404);
    let long = "x".repeat(20_000);
    let huge = org
        .http
        .get(org.login("/oauth/authorize"))
        .query(&[("client_id", long.as_str())])
        .send()
        .await
        .expect("answer");
    assert!(huge.status().is_client_error(), "{}", huge.status());
}

#[tokio::test]
async fn many_parallel_requests_are_all_answered() {
    let org = start().await;
    let admin = org.admin_token().await;
    let calls: Vec<_> = (0..40)
        .map(|_| {
            let request = org
                .http
                .get(org.api("/api/v2/authorization/divisions"))
                .bearer_auth(&admin);
            tokio::spawn(request.send())
        })
        .collect();
    for call in calls {
        assert_eq!(call.await.expect("joined").expect("answered").status(), 200);
    }
}
