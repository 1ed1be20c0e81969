//! Integrations over HTTP: types, install (at most 10 Data Actions integrations), configuration
//! versions, activation to ACTIVE or ERROR, and the variants of the embedded configuration and
//! of a wrong secret; empty notes read back as Genesys's placeholder.

use std::time::Duration;

use reqwest::Method;
use sandbox::{EmbeddedConfig, Variant, WrongSecret};
use serde_json::{json, Value};

use super::{start, Org, Reply};

const DATA_ACTIONS: &str = "purecloud-data-actions";
/// What Genesys answers for empty notes (terraform-provider-genesyscloud
/// genesyscloud/integration/resource_genesyscloud_integration_utils.go).
const EMPTY_NOTES: &str = "node_dynamodb_empty_string";

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

/// `GET` on the API host without the spec check: a stub `config.current` is not the schema's
/// `IntegrationConfiguration`, which is why the variant exists.
async fn raw(org: &Org, admin: &str, path: &str) -> Value {
    org.http
        .get(org.api(path))
        .bearer_auth(admin)
        .send()
        .await
        .expect("answered")
        .json()
        .await
        .expect("JSON")
}

#[tokio::test]
async fn the_embedded_configuration_takes_each_form_and_empty_notes_read_as_genesys_stores_them() {
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
    let path = format!("/api/v2/integrations/{id}");
    let config_path = format!("{path}/config/current");
    for (form, version, has_config) in [
        (EmbeddedConfig::Complete, Some(2), true),
        (EmbeddedConfig::Stub, None, true),
        (EmbeddedConfig::Absent, None, false),
    ] {
        org.sandbox.knobs().set_variant(Variant {
            embedded_config: form,
            ..Variant::default()
        });
        let integration = raw(&org, &admin, &path).await;
        let current = &integration["config"]["current"];
        assert_eq!(integration.get("config").is_some(), has_config, "{form:?}");
        assert_eq!(current["version"].as_i64(), version, "{form:?}");
        if has_config {
            assert_eq!(current["name"], "Data Actions", "{form:?}");
            assert_eq!(
                current["credentials"]["pureCloudOAuthClient"]["id"],
                json!(credential)
            );
        }
        assert_eq!(integration["notes"], EMPTY_NOTES, "{form:?}");
        let full = org.get(&config_path, &admin).await;
        assert_eq!(
            (full.ok()["version"].as_i64(), full.body["notes"].as_str()),
            (Some(2), Some(EMPTY_NOTES)),
            "config/current is whole under {form:?}"
        );
    }
    // The placeholder written back is empty notes again, not the literal.
    let read = org.get(&config_path, &admin).await.ok().clone();
    let saved = org.put(&config_path, &admin, read).await;
    assert_eq!(saved.ok()["notes"], EMPTY_NOTES);
    assert_eq!(org.sandbox.snapshot().integrations[0].config.notes, "");
}

#[tokio::test]
async fn a_wrong_secret_reports_error_or_active_as_the_variant_says() {
    let org = start().await;
    let admin = org.admin_token().await;
    let (client, _) = org
        .cc_client(
            &admin,
            &[(&org.role("Developer"), &org.sandbox.seed().home_division_id)],
        )
        .await;
    let wrong = install(&org, &admin, "Wrong secret").await.ok()["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let credential = credential(&org, &admin, &client, "not-the-secret").await;
    configure(&org, &admin, &wrong, &credential).await;
    let unconfigured = install(&org, &admin, "No credential").await.ok()["id"]
        .as_str()
        .expect("id")
        .to_owned();
    for integration in [&wrong, &unconfigured] {
        let path = format!("/api/v2/integrations/{integration}");
        let body = json!({ "intendedState": "ENABLED" });
        org.call(Method::PATCH, &path, Some(&admin), Some(body))
            .await
            .ok();
    }
    org.sandbox.knobs().advance_clock(Duration::from_secs(1));
    assert_eq!(state(&org, &admin, &wrong).await["code"], "ERROR");
    org.sandbox.knobs().set_variant(Variant {
        wrong_secret: WrongSecret::Active,
        ..Variant::default()
    });
    let active = state(&org, &admin, &wrong).await;
    assert_eq!(active["code"], "ACTIVE", "{active}");
    assert!(active.get("detail").is_none(), "{active}");
    assert_eq!(
        state(&org, &admin, &unconfigured).await["code"],
        "ERROR",
        "only a wrong secret is reported ACTIVE; a missing credential is still an error"
    );
}
