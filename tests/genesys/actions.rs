//! Data actions through the `genesys` API against the Sandbox org over real HTTP, and what those
//! tests share: an ACTIVE Data Actions integration whose client may read queues, and the
//! workshop's action. Here: a test whose step 10 fails is read step by step. The calls in turn are
//! in `action_calls.rs`, the rules and versions in `action_versions.rs`.

use std::time::Duration;

use ::genesys::api::Client;
use ::genesys::auth::Session;
use ::genesys::models::{
    ActionConfig, ActionContract, ActionInput, ActionOutput, NewAction, RequestConfig,
    ResponseConfig, TestExecutionResult,
};
use ::genesys::secrets::Secret;
use reqwest::Method;
use sandbox::{FaultKind, FaultRule, Variant};
use serde_json::{json, Map, Value};

use super::retries::fast_client;
use super::{world_with, World};

pub const CLAIMS_INTAKE: &str = "8a4f6c2e-3b1d-4e5f-a7c9-0d1e2f3a4b01";
pub const DRAFTS: &str = "/api/v2/integrations/actions/drafts";
pub const DRAFT: &str = "/api/v2/integrations/actions/{actionId}/draft";

/// The admin, a fast client and an ACTIVE Data Actions integration whose credential's client
/// holds Queue Viewer (what the workshop action's GET of a queue's members needs).
pub struct Org {
    pub w: World,
    pub admin: Session,
    pub api: Client,
    pub integration: String,
}

impl Org {
    pub fn token(&self) -> &Secret {
        self.admin.token()
    }
}

pub async fn org() -> Org {
    org_with(Variant::default()).await
}

/// [`org`] on a Sandbox org answering as `variant` says.
pub async fn org_with(variant: Variant) -> Org {
    let w = world_with(variant).await;
    let admin = super::oauth_clients::admin(&w).await;
    let api = fast_client(&w);
    let token = admin.token();
    let role = super::oauth_clients::role_id(&w, "Queue Viewer");
    let snapshot = w.org.snapshot();
    let division = snapshot
        .users
        .iter()
        .find(|u| u.id == w.org.seed().admin_user_id)
        .and_then(|u| u.grants.iter().find(|g| g.role_id == role))
        .map(|g| g.division_id.clone())
        .expect("the admin holds Queue Viewer");
    let body = json!({"name": "Queue presence client", "authorizedGrantType": "CLIENT-CREDENTIALS",
                      "roleDivisions": [{"roleId": role, "divisionId": division}]});
    let client: Value = api
        .send_json(Method::POST, "/api/v2/oauth/clients", token, &body)
        .await
        .expect("a client");
    let secret = Secret::new(client["secret"].as_str().expect("its secret"));
    let client_id = client["id"].as_str().expect("its id");
    let credential = api
        .create_oauth_client_credential("Queue presence credential", client_id, &secret, token)
        .await
        .expect("a credential")
        .id;
    let integration = api
        .install_integration("Workshop Data Actions", None, token)
        .await
        .expect("installed")
        .id;
    api.set_integration_credential(&integration, Some(&credential), token)
        .await
        .expect("configured");
    api.set_integration_enabled(&integration, true, token)
        .await
        .expect("enabled");
    api.wait_for_reported_state(
        &integration,
        true,
        Duration::from_secs(10),
        &mut |_| {},
        token,
    )
    .await
    .expect("ACTIVE");
    Org {
        w,
        admin,
        api,
        integration,
    }
}

fn contract(input: Value, output: Value) -> ActionContract {
    ActionContract {
        input: ActionInput {
            input_schema: input,
            ..ActionInput::default()
        },
        output: ActionOutput {
            success_schema: output,
            ..ActionOutput::default()
        },
    }
}

/// The workshop's action (genesys-samples/DataActionsWorkshop, "Building the Data Action"),
/// with its success template as typed (`success`).
pub fn workshop(integration: &str, success: &str) -> NewAction {
    NewAction {
        name: "queuePresence".into(),
        category: "Workshop Data Actions".into(),
        integration_id: integration.into(),
        secure: false,
        config: ActionConfig {
            timeout_seconds: None,
            request: RequestConfig {
                request_url_template:
                    "/api/v2/routing/queues/${input.QueueID}/members?expand=presence".into(),
                request_type: "GET".into(),
                ..RequestConfig::default()
            },
            response: ResponseConfig {
                translation_map: [(
                    "Presence".to_owned(),
                    "$.entities[*].user.presence.presenceDefinition.systemPresence".to_owned(),
                )]
                .into(),
                translation_map_defaults: [("Presence".to_owned(), "null".to_owned())].into(),
                success_template: Some(success.into()),
                ..ResponseConfig::default()
            },
        },
        contract: contract(
            json!({"type": "object", "required": ["QueueID"], "properties": {"QueueID": {"type": "string"}}}),
            json!({"type": "object", "properties": {"Presences": {"type": "array", "items": {"type": "string"}}}}),
        ),
    }
}

pub const GOOD: &str = "{\"Presences\" : $Presence}";

pub fn queue() -> Map<String, Value> {
    let mut input = Map::new();
    input.insert("QueueID".into(), json!(CLAIMS_INTAKE));
    input
}

/// Counts the calls of `method path` without failing one.
pub fn counter(method: &str, path: &str) -> FaultRule {
    FaultRule {
        method: Some(method.into()),
        path: path.into(),
        kind: FaultKind::Status {
            status: 500,
            retry_after: None,
        },
        after: u32::MAX,
        times: None,
    }
}

pub fn assert_ten_steps_passed(result: &TestExecutionResult) {
    assert!(result.success, "{result:?}");
    let steps: Vec<(u32, bool)> = result
        .operations
        .iter()
        .map(|o| (o.step, o.success))
        .collect();
    assert_eq!(steps, (1..=10).map(|n| (n, true)).collect::<Vec<_>>());
    assert_eq!(result.operations[7].name, "Execute");
    let presences = result.final_result.as_ref().expect("an output")["Presences"].clone();
    assert_eq!(
        presences.as_array().map(Vec::len),
        Some(6),
        "the six members' presences"
    );
}

#[tokio::test]
async fn the_ten_steps_of_a_failed_test_are_read_with_step_tens_error() {
    let o = org().await;
    let typo = workshop(&o.integration, "{\"Presences\" : $Presences}");
    let draft = o
        .api
        .create_action_draft(&typo, o.token())
        .await
        .expect("a draft");
    let result = o
        .api
        .test_action_draft(&draft.id, &queue(), true, o.token())
        .await
        .expect("a result");
    assert!(!result.success);
    assert_eq!(result.operations.len(), 10);
    let failed = result.failed_operation().expect("a failed step");
    assert_eq!(failed.step, 10);
    let error = failed.error.as_ref().expect("its error");
    assert_eq!(error.error_codes(), ["ACTION.PROCESSING"]);
    assert!(
        error
            .message
            .as_deref()
            .unwrap_or("")
            .contains("$Presences"),
        "{error:?}"
    );
    assert_eq!(result.error.as_ref(), Some(error));
}
