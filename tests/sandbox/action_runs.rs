//! Data actions run for real over HTTP: the workshop action's ten steps against the seeded
//! queues (the presence knob turning On Queue off and on), a client without
//! `routing:queue:view` failing at step 8 with Genesys's 403 inside `ACTION.REMOTE_ENDPOINT`,
//! the `$Presences` typo at step 10, step 4's credential and ACTIVE checks, execute's output and
//! errors, non-JSON defaults in both variants, and actions calling actions.

use sandbox::{SystemPresence, Variant};
use serde_json::{json, Value};

use super::actions::{patch, setup, workshop, Setup, ACTIONS, CLAIMS_INTAKE};

const AFTER_HOURS: &str = "8a4f6c2e-3b1d-4e5f-a7c9-0d1e2f3a4b03";
const GRACE: &str = "5f3a2b1c-8d7e-4c6b-9a0f-1e2d3c4b5a73";

/// The ten operations as the admin UI's test tool names them.
const NAMES: [&str; 10] = [
    "Validate request body contains simple json (key-value pairs)",
    "Validate draft definition",
    "Validate request body against simple input schema",
    "Perform authentication",
    "Resolve request URL template",
    "Resolve request header templates",
    "Resolve request body template",
    "Execute",
    "Resolve translation map",
    "Apply output transformation",
];

async fn test_draft(s: &Setup, id: &str, input: Value) -> Value {
    let path = format!("{ACTIONS}/{id}/draft/test");
    s.org.post(&path, &s.admin, input).await.ok().clone()
}

/// The failed operation of a test: its step number and error.
fn failed(result: &Value) -> (u64, &Value) {
    assert_eq!(result["success"], false, "{result}");
    let operations = result["operations"].as_array().expect("operations");
    let last = operations.last().expect("an operation");
    assert!(
        operations[..operations.len() - 1]
            .iter()
            .all(|o| o["success"] == true),
        "{result}"
    );
    assert_eq!(
        last["error"], result["error"],
        "the final error is the failed step's"
    );
    (last["step"].as_u64().unwrap_or(0), &last["error"])
}

fn presences(result: &Value) -> Vec<&str> {
    result["finalResult"]["Presences"]
        .as_array()
        .expect("Presences")
        .iter()
        .filter_map(Value::as_str)
        .collect()
}

#[tokio::test]
async fn the_workshop_action_runs_its_ten_steps_and_reads_the_queues_presences() {
    let s = setup("Queue Viewer").await;
    let id = s.draft(workshop(&s.integration)).await;
    let tokens = s.org.sandbox.snapshot().tokens.len();
    // The run's token is minted as CANARY-<uuid>: it must not reach the result.
    s.org.sandbox.knobs().set_canary_secrets(true);
    let result = test_draft(&s, &id, json!({ "QueueID": CLAIMS_INTAKE })).await;
    assert_eq!(result["success"], true, "{result}");
    let operations = result["operations"].as_array().expect("operations");
    let named: Vec<(u64, &str, bool)> = operations
        .iter()
        .map(|o| {
            (
                o["step"].as_u64().unwrap_or(0),
                o["name"].as_str().unwrap_or(""),
                o["success"] == true,
            )
        })
        .collect();
    let expected: Vec<(u64, &str, bool)> = NAMES
        .iter()
        .enumerate()
        .map(|(i, n)| (i as u64 + 1, *n, true))
        .collect();
    assert_eq!(named, expected);
    assert_eq!(
        operations[4]["result"]["requestUrl"],
        format!("/api/v2/routing/queues/{CLAIMS_INTAKE}/members?expand=presence")
    );
    assert_eq!(
        operations[7]["result"]["total"], 6,
        "step 8 shows the endpoint's answer"
    );
    // Ana, Diego, Grace, Lena, Priya, Tomas: the members sorted by name.
    assert_eq!(
        presences(&result),
        [
            "On Queue",
            "On Queue",
            "On Queue",
            "Meal",
            "Available",
            "Away"
        ]
    );
    assert_eq!(operations[9]["result"], result["finalResult"]);
    assert_eq!(
        s.org.sandbox.snapshot().tokens.len(),
        tokens,
        "the run's token is revoked after it"
    );
    assert!(
        !result.to_string().contains("CANARY"),
        "no token in the result: {result}"
    );
    let flat = s
        .org
        .post(
            &format!("{ACTIONS}/{id}/draft/test?flatten=true"),
            &s.admin,
            json!({ "QueueID": CLAIMS_INTAKE }),
        )
        .await;
    assert_eq!(
        flat.ok()["finalResult"],
        result["finalResult"],
        "an array of strings flattens to itself"
    );
}

#[tokio::test]
async fn on_queue_comes_and_goes_with_the_presence_knob() {
    let s = setup("Queue Viewer").await;
    let id = s.draft(workshop(&s.integration)).await;
    let input = json!({ "QueueID": AFTER_HOURS });
    let on_queue = |r: &Value| presences(r).contains(&"On Queue");
    assert!(
        on_queue(&test_draft(&s, &id, input.clone()).await),
        "Grace is On Queue in the seed"
    );
    assert!(s
        .org
        .sandbox
        .knobs()
        .set_presence(GRACE, SystemPresence::Away, None));
    let nobody = test_draft(&s, &id, input.clone()).await;
    assert_eq!(
        presences(&nobody),
        ["Idle", "Away", "Meeting"],
        "Amara, Grace, Jonah"
    );
    assert!(s
        .org
        .sandbox
        .knobs()
        .set_presence(GRACE, SystemPresence::OnQueue, None));
    assert!(on_queue(&test_draft(&s, &id, input).await));
}

#[tokio::test]
async fn a_client_without_routing_queue_view_fails_at_execute_with_the_apis_403() {
    let s = setup("Developer").await;
    let id = s.draft(workshop(&s.integration)).await;
    let result = test_draft(&s, &id, json!({ "QueueID": CLAIMS_INTAKE })).await;
    let (step, error) = failed(&result);
    assert_eq!(
        (step, error["status"].as_u64(), error["code"].as_str()),
        (8, Some(403), Some("missing.any.permissions")),
        "{error}"
    );
    assert_eq!(error["details"][0]["errorCode"], "ACTION.REMOTE_ENDPOINT");
    let remote = &error["errors"][0];
    assert_eq!(remote["code"], "missing.any.permissions");
    assert!(
        remote["message"]
            .as_str()
            .unwrap_or("")
            .contains("routing:queue:view"),
        "{remote}"
    );
    assert_ne!(
        remote["contextId"], error["contextId"],
        "the inner call has its own correlation id"
    );
}

#[tokio::test]
async fn the_presences_typo_fails_at_step_10_as_the_workshop_shows() {
    let s = setup("Queue Viewer").await;
    let mut action = workshop(&s.integration);
    action["config"]["response"]["successTemplate"] = json!("{\"PresenceArray\" : $Presences}");
    let id = s.draft(action).await;
    let result = test_draft(&s, &id, json!({ "QueueID": CLAIMS_INTAKE })).await;
    let (step, error) = failed(&result);
    assert_eq!(
        (step, error["status"].as_u64(), error["code"].as_str()),
        (10, Some(400), Some("bad.request"))
    );
    assert_eq!(error["details"][0]["errorCode"], "ACTION.PROCESSING");
    assert_eq!(
        error["message"],
        "Transform failed to process result using 'successTemplate' template due to error:'Variable $Presences has not been set at successTemplate[line 1, column 20]'"
    );
    assert!(result.get("finalResult").is_none());
}

#[tokio::test]
async fn authentication_needs_a_working_credential_and_an_active_integration() {
    let s = setup("Queue Viewer").await;
    let id = s.draft(workshop(&s.integration)).await;
    let input = json!({ "QueueID": CLAIMS_INTAKE });
    s.org
        .sandbox
        .knobs()
        .set_variant(Variant::named("wrong-secret-active").expect("variant"));
    let (client, _) = s
        .org
        .cc_client(&s.admin, &[(&s.org.role("Queue Viewer"), "*")])
        .await;
    let wrong = json!({ "name": "Data Actions credential", "type": { "name": "pureCloudOAuthClient" },
                        "credentialFields": { "clientId": client, "clientSecret": "not-the-secret" } });
    s.org
        .put(
            &format!("/api/v2/integrations/credentials/{}", s.credential),
            &s.admin,
            wrong,
        )
        .await
        .ok();
    let result = test_draft(&s, &id, input.clone()).await;
    let (step, error) = failed(&result);
    assert_eq!(
        (step, error["details"][0]["errorCode"].as_str()),
        (4, Some("ACTION.AUTHENTICATION"))
    );
    assert!(
        error["message"]
            .as_str()
            .unwrap_or("")
            .contains("wrong client secret"),
        "{error}"
    );
    let s = setup("Queue Viewer").await;
    let id = s.draft(workshop(&s.integration)).await;
    let path = format!("/api/v2/integrations/{}", s.integration);
    patch(
        &s.org,
        &s.admin,
        &path,
        json!({ "intendedState": "DISABLED" }),
    )
    .await
    .ok();
    let result = test_draft(&s, &id, input.clone()).await;
    let (step, error) = failed(&result);
    assert_eq!(step, 4);
    assert!(
        error["message"]
            .as_str()
            .unwrap_or("")
            .contains("INACTIVE, not ACTIVE"),
        "{error}"
    );
    s.org
        .sandbox
        .knobs()
        .set_variant(Variant::named("action-any-state").expect("variant"));
    assert_eq!(
        test_draft(&s, &id, input).await["success"],
        true,
        "variant action-any-state runs it"
    );
}

#[tokio::test]
async fn execute_answers_the_output_or_the_failed_steps_error() {
    let s = setup("Queue Viewer").await;
    let id = s.draft(workshop(&s.integration)).await;
    s.publish(&id).await;
    let execute = format!("{ACTIONS}/{id}/execute");
    let output = s
        .org
        .post(&execute, &s.admin, json!({ "QueueID": CLAIMS_INTAKE }))
        .await;
    assert_eq!(
        output.ok()["Presences"].as_array().map(Vec::len),
        Some(6),
        "{}",
        output.body
    );
    let tested = s
        .org
        .post(
            &format!("{ACTIONS}/{id}/test"),
            &s.admin,
            json!({ "QueueID": CLAIMS_INTAKE }),
        )
        .await;
    assert_eq!(tested.ok()["finalResult"], output.body);
    s.org
        .post(&execute, &s.admin, json!({}))
        .await
        .error(400, "invalid.schema");
    s.org
        .post(&execute, &s.admin, json!({ "QueueID": { "nested": 1 } }))
        .await
        .error(400, "bad.request");
    let unknown = s
        .org
        .post(&execute, &s.admin, json!({ "QueueID": "no-such-queue" }))
        .await;
    assert_eq!(
        unknown.error(404, "not.found")["details"][0]["errorCode"],
        "ACTION.REMOTE_ENDPOINT"
    );
    let draft_path = format!("{ACTIONS}/{id}/draft");
    s.org
        .call(reqwest::Method::POST, &draft_path, Some(&s.admin), None)
        .await
        .ok();
    let mut config = workshop(&s.integration)["config"].clone();
    for (url, translation, code, status) in [
        (
            "/api/v2/routing/queues/$queue/members",
            "$.entities[*].user.presence.presenceDefinition.systemPresence",
            "invalid.substitution",
            500,
        ),
        (
            "/api/v2/routing/queues/${input.QueueID}/members",
            "$.nothing",
            "no.results",
            400,
        ),
    ] {
        config["request"]["requestUrlTemplate"] = json!(url);
        config["response"]["translationMap"] = json!({ "Presence": translation });
        config["response"]["translationMapDefaults"] = json!({});
        let version = s.org.get(&draft_path, &s.admin).await.ok()["version"].clone();
        patch(
            &s.org,
            &s.admin,
            &draft_path,
            json!({ "config": config, "version": version }),
        )
        .await
        .ok();
        let result = test_draft(&s, &id, json!({ "QueueID": CLAIMS_INTAKE })).await;
        let (step, error) = failed(&result);
        assert_eq!(
            (error["code"].as_str(), error["status"].as_u64()),
            (Some(code), Some(status)),
            "step {step}: {error}"
        );
    }
    let mut single = workshop(&s.integration);
    single["contract"]["output"]["successSchema"]["properties"]["Presences"] =
        json!({ "type": "string" });
    let single = s.draft(single).await;
    let result = test_draft(&s, &single, json!({ "QueueID": CLAIMS_INTAKE })).await;
    let (step, error) = failed(&result);
    assert_eq!(
        (step, error["code"].as_str()),
        (10, Some("too.many.results")),
        "{error}"
    );
}

#[tokio::test]
async fn a_default_that_is_not_json_is_inserted_verbatim_or_as_a_string() {
    let s = setup("Queue Viewer").await;
    let mut action = workshop(&s.integration);
    action["config"]["request"]["requestUrlTemplate"] =
        json!("/api/v2/routing/queues/${input.QueueID}");
    action["config"]["response"] = json!({ "translationMap": { "state": "$.callbacks[0].state" },
        "translationMapDefaults": { "state": "disconnected" }, "successTemplate": "{\"state\": ${state}}" });
    action["contract"]["output"]["successSchema"] =
        json!({ "type": "object", "properties": { "state": { "type": "string" } } });
    let id = s.draft(action).await;
    let input = json!({ "QueueID": CLAIMS_INTAKE });
    let result = test_draft(&s, &id, input.clone()).await;
    let (step, error) = failed(&result);
    assert_eq!(
        (step, error["details"][0]["errorCode"].as_str()),
        (10, Some("ACTION.PROCESSING")),
        "{error}"
    );
    s.org
        .sandbox
        .knobs()
        .set_variant(Variant::named("default-as-string").expect("variant"));
    let result = test_draft(&s, &id, input).await;
    assert_eq!(
        result["finalResult"],
        json!({ "state": "disconnected" }),
        "{result}"
    );
}

#[tokio::test]
async fn an_action_that_executes_itself_stops_at_the_depth_limit() {
    let s = setup("Data Actions Developer").await;
    let mut action = workshop(&s.integration);
    action["contract"]["input"]["inputSchema"] = json!({ "type": "object", "properties": {} });
    let id = s.draft(action).await;
    let mut config = workshop(&s.integration)["config"].clone();
    config["request"] = json!({ "requestUrlTemplate": format!("{ACTIONS}/{id}/execute"), "requestType": "POST", "headers": {} });
    patch(
        &s.org,
        &s.admin,
        &format!("{ACTIONS}/{id}/draft"),
        json!({ "config": config, "version": 1 }),
    )
    .await
    .ok();
    s.publish(&id).await;
    let refused = s
        .org
        .post(&format!("{ACTIONS}/{id}/execute"), &s.admin, json!({}))
        .await;
    let error = refused.error(400, "bad.request");
    assert_eq!(
        error["details"][0]["errorCode"], "ACTION.REMOTE_ENDPOINT",
        "{error}"
    );
    let mut inner = &error["errors"][0];
    let mut depth = 1;
    while inner["errors"][0].is_object() {
        inner = &inner["errors"][0];
        depth += 1;
    }
    assert_eq!(depth, 3, "three runs deep, then refused: {error}");
    assert!(
        inner["message"].as_str().unwrap_or("").contains("deep"),
        "{inner}"
    );
}
