//! OAuth clients over HTTP: the whole lifecycle, the grant-type and validity rules, the
//! "roles you hold" rule, and secrets shown only by create and regenerate.

use reqwest::Method;
use serde_json::{json, Value};

use super::start;

fn cc(role: &str, division: &str) -> Value {
    json!({ "name": "Data Actions client", "authorizedGrantType": "CLIENT-CREDENTIALS",
            "roleDivisions": [{ "roleId": role, "divisionId": division }] })
}

#[tokio::test]
async fn a_client_lives_from_create_to_delete_and_its_secret_is_shown_twice() {
    let org = start().await;
    let home = org.sandbox.seed().home_division_id.clone();
    let admin = org.admin_token().await;
    let listed = org.get("/api/v2/oauth/clients", &admin).await;
    assert_eq!(listed.ok()["total"], 2, "the two seeded sign-in clients");
    let created = org
        .post(
            "/api/v2/oauth/clients",
            &admin,
            cc(&org.role("Developer"), &home),
        )
        .await;
    let created = created.ok().clone();
    let id = created["id"].as_str().expect("id").to_owned();
    let first_secret = created["secret"]
        .as_str()
        .expect("secret on create")
        .to_owned();
    assert_eq!(
        created["accessTokenValiditySeconds"], 86_400,
        "default validity"
    );
    let path = format!("/api/v2/oauth/clients/{id}");
    let read = org.get(&path, &admin).await;
    assert!(
        read.ok().get("secret").is_none(),
        "GET never returns the secret"
    );
    let mut changed = read.body.clone();
    changed["name"] = json!("Renamed");
    let updated = org.put(&path, &admin, changed).await;
    assert_eq!(updated.ok()["name"], "Renamed");
    assert!(
        updated.body.get("secret").is_none(),
        "PUT never returns the secret"
    );
    let old_token = org.cc_token(&id, &first_secret).await;
    let regenerated = org
        .call(Method::POST, &format!("{path}/secret"), Some(&admin), None)
        .await;
    let second_secret = regenerated.ok()["secret"]
        .as_str()
        .expect("secret on regenerate")
        .to_owned();
    assert_ne!(first_secret, second_secret);
    assert_eq!(
        org.cc_grant(&id, &first_secret).await.0,
        401,
        "the old secret is dead"
    );
    org.cc_token(&id, &second_secret).await;
    let deleted = org.delete(&path, &admin).await;
    assert_eq!(deleted.status, 204);
    org.get(&path, &admin).await.error(404, "not.found");
    org.delete(&path, &admin).await.error(404, "not.found");
    org.get("/api/v2/tokens/me", &old_token)
        .await
        .error(401, "bad.credentials");
    assert!(
        org.sandbox
            .snapshot()
            .oauth_clients
            .iter()
            .all(|c| c.id != id),
        "no orphan"
    );
}

#[tokio::test]
async fn grant_types_and_their_requirements_are_enforced() {
    let org = start().await;
    let admin = org.admin_token().await;
    let post = |body: Value| org.post("/api/v2/oauth/clients", &admin, body);
    post(json!({ "name": "x" }))
        .await
        .error(400, "grant.type.required");
    let bad = post(json!({ "name": "x", "authorizedGrantType": "CLIENT_CREDENTIALS" })).await;
    assert_eq!(
        bad.error(400, "bad.grant.type")["message"],
        "Invalid grant type."
    );
    let roleless = post(json!({ "name": "x", "authorizedGrantType": "CLIENT-CREDENTIALS" })).await;
    assert_eq!(
        roleless.error(400, "missing.client.roles")["message"],
        "Client roles are missing."
    );
    post(json!({ "name": "x", "authorizedGrantType": "CODE", "scope": ["oauth"] }))
        .await
        .error(400, "bad.request");
    post(json!({ "name": "x", "authorizedGrantType": "TOKEN", "registeredRedirectUri": ["http://localhost"] })).await.error(400, "bad.request");
    post(json!({ "name": "x", "authorizedGrantType": "SAML2-BEARER", "scope": ["no-such-scope"] }))
        .await
        .error(400, "bad.request");
    post(json!({ "authorizedGrantType": "SAML2-BEARER", "scope": ["oauth"] }))
        .await
        .error(400, "bad.request");
    let code = post(json!({ "name": "web", "authorizedGrantType": "CODE", "registeredRedirectUri": ["http://localhost"], "scope": ["oauth", "integrations"] })).await;
    assert_eq!(code.ok()["authorizedGrantType"], "CODE");
    post(json!({ "name": "saml", "authorizedGrantType": "SAML2-BEARER", "scope": ["users:readonly"] })).await.ok();
    post(json!({ "name": "x", "authorizedGrantType": "CODE", "registeredRedirectUri": ["http://localhost"], "scope": ["oauth"], "state": "paused" }))
        .await
        .error(400, "invalid.value");
    let broken = org
        .http
        .post(org.api("/api/v2/oauth/clients"))
        .bearer_auth(&admin)
        .header("content-type", "application/json")
        .body("{")
        .send()
        .await
        .expect("call");
    assert_eq!(broken.status(), 400);
}

#[tokio::test]
async fn token_validity_is_between_300_and_172800_seconds() {
    let org = start().await;
    let admin = org.admin_token().await;
    let role = org.role("Developer");
    let home = org.sandbox.seed().home_division_id.clone();
    for (validity, accepted) in [
        (299, false),
        (300, true),
        (172_800, true),
        (172_801, false),
        (-5, false),
    ] {
        let mut body = cc(&role, &home);
        body["accessTokenValiditySeconds"] = json!(validity);
        let reply = org.post("/api/v2/oauth/clients", &admin, body).await;
        if accepted {
            assert_eq!(reply.ok()["accessTokenValiditySeconds"], validity);
        } else {
            assert!(reply.error(400, "bad.request")["message"]
                .as_str()
                .expect("message")
                .contains("between 300 and 172800"));
        }
    }
}

#[tokio::test]
async fn a_client_credentials_client_only_gets_role_divisions_the_creator_holds() {
    let org = start().await;
    let admin = org.admin_token().await;
    let seed = org.sandbox.seed().clone();
    let snapshot = org.sandbox.snapshot();
    let claims = snapshot
        .divisions
        .iter()
        .find(|d| d.name == "Claims")
        .expect("Claims")
        .id
        .clone();
    let held = [
        (org.role("Data Actions Developer"), claims.clone()),
        (org.role("Admin"), seed.home_division_id.clone()),
        (org.role("Admin"), "*".to_owned()),
        (org.role("Developer"), seed.home_division_id.clone()),
    ];
    for (role, division) in &held {
        org.post("/api/v2/oauth/clients", &admin, cc(role, division))
            .await
            .ok();
    }
    let not_held = [
        (
            org.role("Master Admin"),
            seed.home_division_id.clone(),
            "Master Admin",
        ),
        (
            org.role("Data Actions Developer"),
            seed.home_division_id.clone(),
            "Data Actions Developer",
        ),
        (org.role("Developer"), "*".to_owned(), "Developer"),
    ];
    for (role, division, name) in &not_held {
        let refused = org
            .post("/api/v2/oauth/clients", &admin, cc(role, division))
            .await;
        let message = refused.error(400, "not.authorized")["message"]
            .as_str()
            .expect("message")
            .to_owned();
        assert!(message.contains(name), "{message}");
    }
    org.post(
        "/api/v2/oauth/clients",
        &admin,
        cc("no-role", &seed.home_division_id),
    )
    .await
    .error(400, "bad.request");
    org.post(
        "/api/v2/oauth/clients",
        &admin,
        cc(&org.role("Admin"), "no-division"),
    )
    .await
    .error(400, "bad.request");
}

#[tokio::test]
async fn scopes_are_listed_and_readable() {
    let org = start().await;
    let admin = org.admin_token().await;
    let scopes = org.get("/api/v2/oauth/scopes", &admin).await;
    let ids: Vec<&str> = scopes.ok()["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert!(ids.contains(&"integrations") && ids.contains(&"oauth:readonly"));
    org.get("/api/v2/oauth/scopes/integrations", &admin)
        .await
        .ok();
    org.get("/api/v2/oauth/scopes/nope", &admin)
        .await
        .error(404, "not.found");
}
