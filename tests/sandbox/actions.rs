//! Data actions over HTTP, the workshop's queuePresence action throughout: drafts and their
//! versions (409 when stale), publishing (the contract frozen after it), validation, the
//! contract rules' 400s, listings and categories, templates as text/plain, permissions and
//! deletion. Runs (`test`, `execute`) are in `action_runs.rs`; both share the setup here.

use std::time::Duration;

use reqwest::Method;
use serde_json::{json, Value};

use super::{start, Org, Reply};

pub const ACTIONS: &str = "/api/v2/integrations/actions";
pub const CLAIMS_INTAKE: &str = "8a4f6c2e-3b1d-4e5f-a7c9-0d1e2f3a4b01";

/// An org with a Data Actions integration whose credential holds a Client Credentials client
/// with `role` (in every division), configured and ACTIVE.
pub struct Setup {
    pub org: Org,
    pub admin: String,
    pub integration: String,
    pub credential: String,
}

/// The role called `name` and a division the seeded admin holds it in, so the admin may grant it.
pub fn grantable(org: &Org, name: &str) -> (String, String) {
    let role = org.role(name);
    let snapshot = org.sandbox.snapshot();
    let admin = snapshot
        .users
        .iter()
        .find(|u| u.id == org.sandbox.seed().admin_user_id)
        .expect("the admin");
    let grant = admin
        .grants
        .iter()
        .find(|g| g.role_id == role)
        .expect("the admin holds the role");
    (role, grant.division_id.clone())
}

pub async fn setup(role: &str) -> Setup {
    let org = start().await;
    let admin = org.admin_token().await;
    let (role, division) = grantable(&org, role);
    let (client, secret) = org.cc_client(&admin, &[(&role, &division)]).await;
    let installed = org
        .post(
            "/api/v2/integrations",
            &admin,
            json!({ "integrationType": { "id": "purecloud-data-actions" }, "name": "Workshop Data Actions" }),
        )
        .await;
    let integration = installed.ok()["id"].as_str().expect("id").to_owned();
    let credential = super::integrations::credential(&org, &admin, &client, &secret).await;
    let path = format!("/api/v2/integrations/{integration}/config/current");
    let mut config = org.get(&path, &admin).await.ok().clone();
    config["credentials"] = json!({ "pureCloudOAuthClient": { "id": credential } });
    org.put(&path, &admin, config).await.ok();
    patch(
        &org,
        &admin,
        &format!("/api/v2/integrations/{integration}"),
        json!({ "intendedState": "ENABLED" }),
    )
    .await
    .ok();
    org.sandbox.knobs().advance_clock(Duration::from_secs(1));
    Setup {
        org,
        admin,
        integration,
        credential,
    }
}

pub async fn patch(org: &Org, token: &str, path: &str, body: Value) -> Reply {
    org.call(Method::PATCH, path, Some(token), Some(body)).await
}

/// The workshop's action (genesys-samples/DataActionsWorkshop
/// content/en-US/020-Configuration/40_fourth.md): a queue's members' presences.
pub fn workshop(integration: &str) -> Value {
    json!({
        "name": "queuePresence",
        "category": "Workshop Data Actions",
        "integrationId": integration,
        "secure": false,
        "config": {
            "request": {
                "requestUrlTemplate": "/api/v2/routing/queues/${input.QueueID}/members?expand=presence",
                "requestType": "GET",
                "headers": {},
            },
            "response": {
                "translationMap": { "Presence": "$.entities[*].user.presence.presenceDefinition.systemPresence" },
                "translationMapDefaults": { "Presence": "null" },
                "successTemplate": "{\"Presences\" : $Presence}",
            },
        },
        "contract": {
            "input": { "inputSchema": { "type": "object", "required": ["QueueID"],
                "properties": { "QueueID": { "type": "string" } } } },
            "output": { "successSchema": { "type": "object",
                "properties": { "Presences": { "type": "array", "items": { "type": "string" } } } } },
        },
    })
}

impl Setup {
    /// A new draft from `body`; its id.
    pub async fn draft(&self, body: Value) -> String {
        let created = self
            .org
            .post(&format!("{ACTIONS}/drafts"), &self.admin, body)
            .await;
        created.ok()["id"].as_str().expect("id").to_owned()
    }

    /// Publish the draft at its current version.
    pub async fn publish(&self, id: &str) -> Value {
        let draft = self
            .org
            .get(&format!("{ACTIONS}/{id}/draft"), &self.admin)
            .await;
        let version = draft.ok()["version"].clone();
        let path = format!("{ACTIONS}/{id}/draft/publish");
        let published = self
            .org
            .post(&path, &self.admin, json!({ "version": version }))
            .await;
        published.ok().clone()
    }
}

/// `GET` of a text/plain template: status, content type, text.
async fn template(org: &Org, token: &str, path: &str) -> (u16, String, String) {
    let response = org
        .http
        .get(org.api(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("answer");
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    (status, kind, response.text().await.expect("text"))
}

#[tokio::test]
async fn the_workshop_draft_is_created_read_listed_and_its_templates_served() {
    let s = setup("Queue Viewer").await;
    let created = s
        .org
        .post(
            &format!("{ACTIONS}/drafts"),
            &s.admin,
            workshop(&s.integration),
        )
        .await;
    let body = created.ok();
    let id = body["id"].as_str().expect("id");
    assert!(id.starts_with("custom_-_"), "{id}");
    assert_eq!(
        (body["version"].as_i64(), body["selfUri"].as_str()),
        (Some(1), Some(format!("{ACTIONS}/{id}/draft").as_str()))
    );
    let read = s
        .org
        .get(
            &format!("{ACTIONS}/{id}/draft?expand=contract&includeConfig=true"),
            &s.admin,
        )
        .await;
    let draft = read.ok();
    assert_eq!(
        draft["contract"]["input"]["inputSchema"]["properties"]["QueueID"]["type"],
        "string"
    );
    assert_eq!(
        draft["config"]["request"]["requestTemplateUri"],
        format!("{ACTIONS}/{id}/draft/templates/requesttemplate.vm")
    );
    assert!(
        draft["config"]["response"].get("successTemplate").is_none(),
        "by default the templates are only linked: {draft}"
    );
    let bare = s.org.get(&format!("{ACTIONS}/{id}/draft"), &s.admin).await;
    assert!(
        bare.ok().get("contract").is_none() && bare.body.get("config").is_none(),
        "{}",
        bare.body
    );
    let flat = s
        .org
        .get(
            &format!("{ACTIONS}/{id}/draft?expand=contract&flatten=true"),
            &s.admin,
        )
        .await;
    let output = &flat.ok()["contract"]["output"]["successSchemaFlattened"];
    assert_eq!(output["arrayProperties"], json!(["Presences"]));
    assert_eq!(
        output["schema"]["properties"]["Presences"]["items"]["type"],
        "string"
    );
    let schema = s
        .org
        .get(
            &format!("{ACTIONS}/{id}/draft/schemas/successschema.json?flatten=true"),
            &s.admin,
        )
        .await;
    assert_eq!(schema.ok(), &output["schema"]);
    let input = s
        .org
        .get(
            &format!("{ACTIONS}/{id}/draft/schemas/inputschema.json"),
            &s.admin,
        )
        .await;
    assert_eq!(input.ok()["required"], json!(["QueueID"]));
    s.org
        .get(&format!("{ACTIONS}/{id}"), &s.admin)
        .await
        .error(404, "not.found");
    assert_eq!(
        s.org.get(&format!("{ACTIONS}/drafts"), &s.admin).await.ok()["total"],
        1
    );
    assert_eq!(
        s.org.get(ACTIONS, &s.admin).await.ok()["total"],
        0,
        "nothing is published yet"
    );
    let (status, kind, text) = template(
        &s.org,
        &s.admin,
        &format!("{ACTIONS}/{id}/draft/templates/successtemplate.vm"),
    )
    .await;
    assert_eq!(
        (status, text.as_str()),
        (200, "{\"Presences\" : $Presence}")
    );
    assert!(kind.starts_with("text/plain"), "{kind}");
    let (_, _, body) = template(
        &s.org,
        &s.admin,
        &format!("{ACTIONS}/{id}/draft/templates/requesttemplate.vm"),
    )
    .await;
    assert_eq!(body, "${input.rawRequest}");
    let (status, _, _) = template(
        &s.org,
        &s.admin,
        &format!("{ACTIONS}/{id}/draft/templates/other.vm"),
    )
    .await;
    assert_eq!(status, 404);
    s.org
        .sandbox
        .knobs()
        .set_variant(sandbox::Variant::named("action-templates-inline").expect("variant"));
    let inline = s
        .org
        .get(
            &format!("{ACTIONS}/{id}/draft?includeConfig=true"),
            &s.admin,
        )
        .await;
    assert_eq!(
        inline.ok()["config"]["response"]["successTemplate"],
        "{\"Presences\" : $Presence}"
    );
}

#[tokio::test]
async fn a_draft_changes_only_at_its_current_version() {
    let s = setup("Queue Viewer").await;
    let id = s.draft(workshop(&s.integration)).await;
    let path = format!("{ACTIONS}/{id}/draft");
    let renamed = patch(
        &s.org,
        &s.admin,
        &path,
        json!({ "name": "queuePresence v2", "version": 1 }),
    )
    .await;
    assert_eq!(
        (
            renamed.ok()["version"].as_i64(),
            renamed.body["name"].as_str()
        ),
        (Some(2), Some("queuePresence v2"))
    );
    let stale = patch(
        &s.org,
        &s.admin,
        &path,
        json!({ "name": "late", "version": 1 }),
    )
    .await;
    let message = stale.error(409, "general.conflict")["message"]
        .as_str()
        .unwrap_or_default();
    assert!(
        message.contains("does not match the current version"),
        "Terraform's IsVersionMismatch reads these words: {message}"
    );
    patch(&s.org, &s.admin, &path, json!({ "name": "no version" }))
        .await
        .error(400, "bad.request");
    let kept = s.org.get(&path, &s.admin).await;
    assert_eq!(
        kept.ok()["name"],
        "queuePresence v2",
        "a refused change changes nothing"
    );
}

#[tokio::test]
async fn publishing_bumps_the_published_version_and_freezes_the_contract() {
    let s = setup("Queue Viewer").await;
    let id = s.draft(workshop(&s.integration)).await;
    let publish = format!("{ACTIONS}/{id}/draft/publish");
    s.org
        .post(&publish, &s.admin, json!({ "version": 7 }))
        .await
        .error(409, "general.conflict");
    let first = s.publish(&id).await;
    assert_eq!(
        (first["version"].as_i64(), first["selfUri"].as_str()),
        (Some(1), Some(format!("{ACTIONS}/{id}").as_str()))
    );
    s.org
        .get(&format!("{ACTIONS}/{id}/draft"), &s.admin)
        .await
        .error(404, "not.found");
    assert_eq!(s.org.get(ACTIONS, &s.admin).await.ok()["total"], 1);
    let draft_path = format!("{ACTIONS}/{id}/draft");
    let again = s
        .org
        .call(Method::POST, &draft_path, Some(&s.admin), None)
        .await;
    assert_eq!(
        again.ok()["version"],
        1,
        "a draft from the published action starts at 1"
    );
    s.org
        .call(Method::POST, &draft_path, Some(&s.admin), None)
        .await
        .error(409, "general.conflict");
    let mut changed = workshop(&s.integration)["contract"].clone();
    changed["input"]["inputSchema"]["properties"]["Extra"] = json!({ "type": "string" });
    patch(
        &s.org,
        &s.admin,
        &draft_path,
        json!({ "contract": changed, "version": 1 }),
    )
    .await
    .error(400, "bad.request");
    patch(
        &s.org,
        &s.admin,
        &draft_path,
        json!({ "secure": true, "version": 1 }),
    )
    .await
    .error(400, "bad.request");
    let same = workshop(&s.integration);
    patch(
        &s.org,
        &s.admin,
        &draft_path,
        json!({ "contract": same["contract"], "name": "renamed", "version": 1 }),
    )
    .await
    .ok();
    let second = s.publish(&id).await;
    assert_eq!(
        (second["version"].as_i64(), second["name"].as_str()),
        (Some(2), Some("renamed"))
    );
    let one = format!("{ACTIONS}/{id}");
    patch(
        &s.org,
        &s.admin,
        &one,
        json!({ "contract": changed, "version": 2 }),
    )
    .await
    .error(400, "bad.request");
    patch(
        &s.org,
        &s.admin,
        &one,
        json!({ "name": "late", "version": 1 }),
    )
    .await
    .error(409, "general.conflict");
    let mut config = same["config"].clone();
    config["timeoutSeconds"] = json!(20);
    let patched = patch(
        &s.org,
        &s.admin,
        &one,
        json!({ "config": config, "category": "Presence", "version": 2 }),
    )
    .await;
    assert_eq!(
        (
            patched.ok()["version"].as_i64(),
            patched.body["config"]["timeoutSeconds"].as_i64()
        ),
        (Some(3), Some(20))
    );
    let categories = s.org.get(&format!("{ACTIONS}/categories"), &s.admin).await;
    assert_eq!(categories.ok()["entities"], json!([{ "name": "Presence" }]));
}

/// Create a draft whose contract is the workshop's with `change` applied; the 400's fields.
async fn refused_fields(s: &Setup, change: impl Fn(&mut Value)) -> Vec<String> {
    let mut body = workshop(&s.integration);
    change(&mut body);
    let refused = s
        .org
        .post(&format!("{ACTIONS}/drafts"), &s.admin, body)
        .await;
    let details = refused.error(400, "bad.request")["details"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        details.len(),
        refused.body["errors"].as_array().map_or(0, Vec::len),
        "{}",
        refused.body
    );
    details
        .iter()
        .filter_map(|d| d["fieldName"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn the_contract_rules_refuse_what_architect_cannot_use() {
    let s = setup("Queue Viewer").await;
    let input = "contract.input.inputSchema.properties";
    for (name, schema) in [
        ("orgId", json!({ "type": "string" })),
        ("9lives", json!({ "type": "string" })),
        ("Queue", json!({ "type": "object" })),
    ] {
        let fields = refused_fields(&s, |b| {
            b["contract"]["input"]["inputSchema"]["properties"][name] = schema.clone();
        })
        .await;
        assert_eq!(fields, [format!("{input}.{name}")]);
    }
    let fields = refused_fields(&s, |b| {
        b["contract"]["output"]["successSchema"]["properties"]["Presences"]["items"] =
            json!({ "type": "array", "items": { "type": "string" } });
    })
    .await;
    assert_eq!(
        fields,
        ["contract.output.successSchema.properties.Presences.items"]
    );
    let fields = refused_fields(&s, |b| {
        b["contract"]["output"]["successSchema"]["properties"]["Queue"] =
            json!({ "$ref": "#/definitions/Queue" });
    })
    .await;
    assert!(
        fields.contains(&"contract.output.successSchema.properties.Queue.$ref".to_owned()),
        "{fields:?}"
    );
    let fields = refused_fields(&s, |b| b["config"]["timeoutSeconds"] = json!(61)).await;
    assert_eq!(fields, ["config.timeoutSeconds"]);
    let id = s.draft(workshop(&s.integration)).await;
    let mut contract = workshop(&s.integration)["contract"].clone();
    contract["input"]["inputSchema"]["properties"]["rawRequest"] = json!({ "type": "string" });
    patch(
        &s.org,
        &s.admin,
        &format!("{ACTIONS}/{id}/draft"),
        json!({ "contract": contract, "version": 1 }),
    )
    .await
    .error(400, "bad.request");
}

#[tokio::test]
async fn validation_lists_what_keeps_a_draft_from_running() {
    let s = setup("Queue Viewer").await;
    // The Premium-app wizard's first step: a draft from a name and an integration only.
    let id = s
        .draft(json!({ "name": "bare", "integrationId": s.integration }))
        .await;
    let read = s.org.get(&format!("{ACTIONS}/{id}/draft"), &s.admin).await;
    assert_eq!(
        read.ok()["category"],
        "Workshop Data Actions",
        "the integration's name by default"
    );
    let report = s
        .org
        .get(&format!("{ACTIONS}/{id}/draft/validation"), &s.admin)
        .await;
    assert_eq!(report.ok()["valid"], false);
    let fields: Vec<&str> = report.body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["details"][0]["fieldName"].as_str())
        .collect();
    assert_eq!(
        fields,
        [
            "config.request.requestUrlTemplate",
            "config.request.requestType"
        ]
    );
    s.org
        .post(
            &format!("{ACTIONS}/{id}/draft/publish"),
            &s.admin,
            json!({ "version": 1 }),
        )
        .await
        .error(400, "bad.request");
    let mut config = workshop(&s.integration)["config"].clone();
    config["response"]["translationMap"]["Broken"] = json!("$.entities[");
    config["response"]["successTemplate"] = json!("#if($Presence) {\"Presences\": $Presence}");
    patch(
        &s.org,
        &s.admin,
        &format!("{ACTIONS}/{id}/draft"),
        json!({ "config": config, "version": 1 }),
    )
    .await
    .ok();
    let report = s
        .org
        .get(&format!("{ACTIONS}/{id}/draft/validation"), &s.admin)
        .await;
    let fields: Vec<&str> = report.ok()["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["details"][0]["fieldName"].as_str())
        .collect();
    assert_eq!(
        fields,
        [
            "config.response.translationMap.Broken",
            "config.response.successTemplate"
        ]
    );
    let fixed = workshop(&s.integration)["config"].clone();
    patch(
        &s.org,
        &s.admin,
        &format!("{ACTIONS}/{id}/draft"),
        json!({ "config": fixed, "version": 2 }),
    )
    .await
    .ok();
    let report = s
        .org
        .get(&format!("{ACTIONS}/{id}/draft/validation"), &s.admin)
        .await;
    assert_eq!(report.ok(), &json!({ "valid": true, "errors": [] }));
}

#[tokio::test]
async fn each_route_takes_its_permission_or_its_bridge_alternative() {
    let s = setup("Queue Viewer").await;
    let id = s.draft(workshop(&s.integration)).await;
    let home = s.org.sandbox.seed().home_division_id.clone();
    let (client, secret) = s
        .org
        .cc_client(&s.admin, &[(&s.org.role("Queue Viewer"), &home)])
        .await;
    let outsider = s.org.cc_token(&client, &secret).await;
    let listing = s.org.get(ACTIONS, &outsider).await;
    let message = listing.error(403, "missing.any.permissions")["message"]
        .as_str()
        .unwrap_or_default();
    assert!(
        message.contains("integrations:action:view") && message.contains("bridge:actions:view"),
        "{message}"
    );
    s.org
        .post(
            &format!("{ACTIONS}/drafts"),
            &outsider,
            workshop(&s.integration),
        )
        .await
        .error(403, "missing.permissions");
    s.org
        .post(&format!("{ACTIONS}/{id}/draft/test"), &outsider, json!({}))
        .await
        .error(403, "missing.permissions");
    s.org
        .delete(&format!("{ACTIONS}/{id}/draft"), &outsider)
        .await
        .error(403, "missing.permissions");
    let (role, division) = grantable(&s.org, "Data Actions Developer");
    let (client, secret) = s.org.cc_client(&s.admin, &[(&role, &division)]).await;
    let developer = s.org.cc_token(&client, &secret).await;
    assert_eq!(
        s.org
            .get(&format!("{ACTIONS}/drafts"), &developer)
            .await
            .ok()["total"],
        1
    );
}

#[tokio::test]
async fn drafts_published_actions_and_an_integrations_actions_are_deleted() {
    let s = setup("Queue Viewer").await;
    let draft_only = s.draft(workshop(&s.integration)).await;
    s.org
        .delete(&format!("{ACTIONS}/{draft_only}"), &s.admin)
        .await
        .error(404, "not.found");
    assert_eq!(
        s.org
            .delete(&format!("{ACTIONS}/{draft_only}/draft"), &s.admin)
            .await
            .status,
        204
    );
    s.org
        .get(&format!("{ACTIONS}/{draft_only}/draft"), &s.admin)
        .await
        .error(404, "not.found");
    let published = s.draft(workshop(&s.integration)).await;
    s.publish(&published).await;
    assert_eq!(
        s.org
            .delete(&format!("{ACTIONS}/{published}"), &s.admin)
            .await
            .status,
        204
    );
    s.org
        .get(&format!("{ACTIONS}/{published}"), &s.admin)
        .await
        .error(404, "not.found");
    let kept = s.draft(workshop(&s.integration)).await;
    s.org
        .delete(&format!("/api/v2/integrations/{}", s.integration), &s.admin)
        .await
        .ok();
    s.org
        .get(&format!("{ACTIONS}/{kept}/draft"), &s.admin)
        .await
        .error(404, "not.found");
    assert_eq!(
        s.org.get(&format!("{ACTIONS}/drafts"), &s.admin).await.ok()["total"],
        0
    );
}
