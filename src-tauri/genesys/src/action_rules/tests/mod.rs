//! The data-action rules: the workshop's action keeps them all, and each rule, broken alone,
//! is named with its field and nothing else is (the contract's rules in `contract.rs`, the
//! other fields', the frozen contract and the refusal in `definition.rs`).

mod contract;
mod definition;

use serde_json::{json, Value};

use super::*;
use crate::models::{
    ActionConfig, ActionContract, ActionInput, ActionOutput, NewAction, RequestConfig,
    ResponseConfig,
};

const URL: &str = "/api/v2/routing/queues/${input.QueueID}/members?expand=presence";
const PRESENCE: &str = "$.entities[*].user.presence.presenceDefinition.systemPresence";

pub fn input_schema() -> Value {
    json!({"type": "object", "required": ["QueueID"], "properties": {"QueueID": {"type": "string"}}})
}

pub fn output_schema() -> Value {
    json!({"type": "object", "properties": {"Presences": {"type": "array", "items": {"type": "string"}}}})
}

pub fn contract(input: Value, output: Value) -> ActionContract {
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

/// The workshop's action (genesys-samples/DataActionsWorkshop, "Building the Data Action").
pub fn workshop() -> NewAction {
    NewAction {
        name: "queuePresence".into(),
        category: "Workshop Data Actions".into(),
        integration_id: "i-1".into(),
        secure: false,
        config: ActionConfig {
            timeout_seconds: None,
            request: RequestConfig {
                request_url_template: URL.into(),
                request_type: "GET".into(),
                ..RequestConfig::default()
            },
            response: ResponseConfig {
                translation_map: [("Presence".to_owned(), PRESENCE.to_owned())].into(),
                translation_map_defaults: [("Presence".to_owned(), "null".to_owned())].into(),
                success_template: Some("{\"Presences\" : $Presence}".into()),
                ..ResponseConfig::default()
            },
        },
        contract: contract(input_schema(), output_schema()),
    }
}

/// The one problem of `action`: its field, rule and value.
pub fn only(action: &NewAction) -> (String, ContractRule, Option<String>) {
    let problems = check_new_action(action);
    assert_eq!(problems.len(), 1, "exactly one problem: {problems:?}");
    let p = problems.into_iter().next().expect("one");
    (p.field, p.code, p.value)
}

pub fn with_input(properties: Value) -> NewAction {
    let mut action = workshop();
    action.contract.input.input_schema = json!({"type": "object", "properties": properties});
    action
}

pub fn with_output(schema: Value) -> NewAction {
    let mut action = workshop();
    action.contract.output.success_schema = schema;
    action
}

pub const IN: &str = "contract.input.inputSchema";
pub const OUT: &str = "contract.output.successSchema";
