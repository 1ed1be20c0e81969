//! Integrations over HTTP: types, install (at most 10 Data Actions integrations), configuration
//! versions, and activation to ACTIVE or ERROR.

use std::time::Duration;

use reqwest::Method;
use serde_json::{json, Value};

use super::{start, Org, Reply};

const DATA_ACTIONS: &str = "purecloud-data-actions";

async fn install(org: &Org, admin: &str, name: &str) -> Reply {
    org.post(
        "/api/v2/integrations",
        admin,
        json!({ "integrationType": { "id": DATA_ACTIONS }, "name": name }),
    )
    .await
}

pub async fn credential(org: &Org, admin: &str, client_id: &str, secret: &str) -> String {
    let body = json!({ "name": "Data Actions credential", "type": { "name": "pureCloudOAuthClient" },
                       "credentialFields": { "clientId": client_id, "clientSecret": secret } });
    let created = org
        .post("/api/v2/integrations/credentials", admin, body)
        .await;
    created.ok()["id"].as_str().expect("id").to_owned()
}

async fn configure(org: &Org, admin: &str, integration: &str, credential: &str) {
    let path = format!("/api/v2/integrations/{integration}/config/current");
    let mut config = org.get(&path, admin).await.ok().clone();
    config["credentials"] = json!({ "pureCloudOAuthClient": { "id": credential } });
    org.put(&path, admin, config).await.ok();
}

async fn state(org: &Org, admin: &str, integration: &str) -> Value {
    org.get(&format!("/api/v2/integrations/{integration}"), admin)
        .await
        .ok()["reportedState"]
        .clone()
}

#[tokio::test]
async fn integration_types_are_listed_and_readable() {
    let org = start().await;
    let admin = org.admin_token().await;
    let types = org.get("/api/v2/integrations/types", &admin).await;
    let ids: Vec<&str> = types.ok()["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|t| t["id"].as_str())
        .collect();
    assert!(ids.contains(&DATA_ACTIONS), "{ids:?}");
    let one = org
        .get(
            &format!("/api/v2/integrations/types/{DATA_ACTIONS}"),
            &admin,
        )
        .await;
    assert_eq!(
        one.ok()["credentials"]["pureCloudOAuthClient"]["credentialTypes"],
        json!(["pureCloudOAuthClient"])
    );
    org.get("/api/v2/integrations/types/nope", &admin)
        .await
        .error(404, "not.found");
}

#[tokio::test]
async fn at_most_ten_data_actions_integrations_and_delete_returns_the_integration() {
    let org = start().await;
    let admin = org.admin_token().await;
    let mut ids = Vec::new();
    for n in 0..10 {
        let created = install(&org, &admin, &format!("Data Actions {n}")).await;
        assert_eq!(created.ok()["intendedState"], "DISABLED");
        assert_eq!(created.body["reportedState"]["code"], "INACTIVE");
        ids.push(created.body["id"].as_str().expect("id").to_owned());
    }
    let eleventh = install(&org, &admin, "one too many").await;
    assert!(eleventh.error(400, "bad.request")["message"]
        .as_str()
        .expect("message")
        .contains("(10)"));
    org.post(
        "/api/v2/integrations",
        &admin,
        json!({ "integrationType": { "id": "webhook" } }),
    )
    .await
    .ok();
    org.post(
        "/api/v2/integrations",
        &admin,
        json!({ "integrationType": { "id": "nope" } }),
    )
    .await
    .error(400, "bad.request");
    let filtered = org
        .get(
            &format!("/api/v2/integrations?integrationType={DATA_ACTIONS}&pageSize=4"),
            &admin,
        )
        .await;
    assert_eq!(
        (
            filtered.ok()["total"].as_u64(),
            filtered.body["pageCount"].as_u64()
        ),
        (Some(10), Some(3))
    );
    let path = format!("/api/v2/integrations/{}", ids[0]);
    let deleted = org.delete(&path, &admin).await;
    assert_eq!(deleted.ok()["id"], json!(ids[0]));
    org.get(&path, &admin).await.error(404, "not.found");
    install(&org, &admin, "room again").await.ok();
}

#[tokio::test]
async fn config_updates_need_the_current_version() {
    let org = start().await;
    let admin = org.admin_token().await;
    let id = install(&org, &admin, "Data Actions").await.ok()["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let path = format!("/api/v2/integrations/{id}/config/current");
    let current = org.get(&path, &admin).await.ok().clone();
    assert_eq!(current["version"], 1);
    let mut next = current.clone();
    next["notes"] = json!("first change");
    let saved = org.put(&path, &admin, next.clone()).await;
    assert_eq!(
        (saved.ok()["version"].as_i64(), saved.body["notes"].as_str()),
        (Some(2), Some("first change"))
    );
    let stale = org.put(&path, &admin, next).await;
    assert!(stale.error(409, "general.conflict")["message"]
        .as_str()
        .expect("message")
        .contains("does not match the current version"));
    let mut unknown_slot = current.clone();
    unknown_slot["version"] = json!(2);
    unknown_slot["credentials"] = json!({ "basicAuth": { "id": "x" } });
    org.put(&path, &admin, unknown_slot)
        .await
        .error(400, "bad.request");
    let mut unknown_credential = current.clone();
    unknown_credential["version"] = json!(2);
    unknown_credential["credentials"] = json!({ "pureCloudOAuthClient": { "id": "missing" } });
    org.put(&path, &admin, unknown_credential)
        .await
        .error(400, "bad.request");
    org.put(&path, &admin, json!({ "name": "no version" }))
        .await
        .error(400, "bad.request");
    org.get("/api/v2/integrations/nope/config/current", &admin)
        .await
        .error(404, "not.found");
}

#[tokio::test]
async fn enabling_goes_inactive_activating_active_with_a_working_credential() {
    let org = start().await;
    let admin = org.admin_token().await;
    let (client, secret) = org
        .cc_client(
            &admin,
            &[(&org.role("Developer"), &org.sandbox.seed().home_division_id)],
        )
        .await;
    let id = install(&org, &admin, "Data Actions").await.ok()["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let credential = credential(&org, &admin, &client, &secret).await;
    configure(&org, &admin, &id, &credential).await;
    assert_eq!(state(&org, &admin, &id).await["code"], "INACTIVE");
    let path = format!("/api/v2/integrations/{id}");
    let enabled = org
        .call(
            Method::PATCH,
            &path,
            Some(&admin),
            Some(json!({ "intendedState": "ENABLED" })),
        )
        .await;
    assert_eq!(
        (
            enabled.ok()["intendedState"].as_str(),
            enabled.body["reportedState"]["code"].as_str()
        ),
        (Some("ENABLED"), Some("ACTIVATING"))
    );
    org.sandbox.knobs().advance_clock(Duration::from_secs(1));
    assert_eq!(state(&org, &admin, &id).await["code"], "ACTIVE");
    let active = org
        .get("/api/v2/integrations?reportedState=ACTIVE", &admin)
        .await;
    assert_eq!(active.ok()["total"], 1);
    let by_id = org
        .get(&format!("/api/v2/integrations?ids={id},other"), &admin)
        .await;
    assert_eq!(by_id.ok()["entities"][0]["id"], json!(id));
    let disabled = org
        .call(
            Method::PATCH,
            &path,
            Some(&admin),
            Some(json!({ "intendedState": "DISABLED" })),
        )
        .await;
    assert_eq!(disabled.ok()["reportedState"]["code"], "INACTIVE");
    org.call(Method::PATCH, &path, Some(&admin), Some(json!({})))
        .await
        .error(400, "bad.request");
    org.call(
        Method::PATCH,
        &path,
        Some(&admin),
        Some(json!({ "intendedState": "DELETED" })),
    )
    .await
    .error(400, "invalid.value");
}

#[tokio::test]
async fn a_credential_whose_client_cannot_mint_a_token_ends_in_error() {
    let org = start().await;
    let admin = org.admin_token().await;
    let (client, _) = org
        .cc_client(
            &admin,
            &[(&org.role("Developer"), &org.sandbox.seed().home_division_id)],
        )
        .await;
    let id = install(&org, &admin, "Data Actions").await.ok()["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let credential = credential(&org, &admin, &client, "not-the-secret").await;
    configure(&org, &admin, &id, &credential).await;
    let unconfigured = install(&org, &admin, "No credential").await.ok()["id"]
        .as_str()
        .expect("id")
        .to_owned();
    for integration in [&id, &unconfigured] {
        let path = format!("/api/v2/integrations/{integration}");
        org.call(
            Method::PATCH,
            &path,
            Some(&admin),
            Some(json!({ "intendedState": "ENABLED" })),
        )
        .await
        .ok();
    }
    org.sandbox.knobs().advance_clock(Duration::from_secs(1));
    let failed = state(&org, &admin, &id).await;
    assert_eq!(failed["code"], "ERROR");
    assert!(
        failed["detail"]["message"]
            .as_str()
            .expect("detail")
            .contains(&client),
        "{failed}"
    );
    let missing = state(&org, &admin, &unconfigured).await;
    assert!(
        missing["detail"]["message"]
            .as_str()
            .expect("detail")
            .contains("pureCloudOAuthClient"),
        "{missing}"
    );
}
