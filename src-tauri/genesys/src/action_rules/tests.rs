//! The data-action rules: the workshop's action keeps them all, and each rule, broken alone,
//! is named with its field and nothing else is.

use serde_json::{json, Value};

use super::*;
use crate::models::{
    Action, ActionConfig, ActionContract, ActionInput, ActionOutput, DraftUpdate, NewAction,
    PublishedUpdate, RequestConfig, ResponseConfig,
};

const URL: &str = "/api/v2/routing/queues/${input.QueueID}/members?expand=presence";
const PRESENCE: &str = "$.entities[*].user.presence.presenceDefinition.systemPresence";

fn input_schema() -> Value {
    json!({"type": "object", "required": ["QueueID"], "properties": {"QueueID": {"type": "string"}}})
}

fn output_schema() -> Value {
    json!({"type": "object", "properties": {"Presences": {"type": "array", "items": {"type": "string"}}}})
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

/// The workshop's action (genesys-samples/DataActionsWorkshop, "Building the Data Action").
fn workshop() -> NewAction {
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
fn only(action: &NewAction) -> (String, ContractRule, Option<String>) {
    let problems = check_new_action(action);
    assert_eq!(problems.len(), 1, "exactly one problem: {problems:?}");
    let p = problems.into_iter().next().expect("one");
    (p.field, p.code, p.value)
}

fn with_input(properties: Value) -> NewAction {
    let mut action = workshop();
    action.contract.input.input_schema = json!({"type": "object", "properties": properties});
    action
}

fn with_output(schema: Value) -> NewAction {
    let mut action = workshop();
    action.contract.output.success_schema = schema;
    action
}

const IN: &str = "contract.input.inputSchema";
const OUT: &str = "contract.output.successSchema";

#[test]
fn the_workshop_action_keeps_every_rule() {
    assert_eq!(check_new_action(&workshop()), Vec::new());
    let mut timed = workshop();
    for seconds in [1, 60] {
        timed.config.timeout_seconds = Some(seconds);
        assert_eq!(check_new_action(&timed), Vec::new(), "{seconds} s");
    }
    let nullable = with_input(
        json!({"a-b_9": {"type": ["string", "null"]}, "n": {"type": "number"},
        "i": {"type": "integer"}, "b": {"type": "boolean"}, "z": {"type": "null"}}),
    );
    assert_eq!(check_new_action(&nullable), Vec::new());
    let array_root = with_output(json!({"type": "array", "items": {"type": "object",
        "properties": {"id": {"type": "string"}}}}));
    assert_eq!(check_new_action(&array_root), Vec::new(), "an array root");
}

#[test]
fn names_categories_and_the_integration_are_required_and_short() {
    let mut action = workshop();
    action.name = "  ".into();
    assert_eq!(only(&action), ("name".into(), ContractRule::Required, None));
    let mut action = workshop();
    action.category = "c".repeat(257);
    assert_eq!(
        only(&action),
        ("category".into(), ContractRule::TooLong, Some("256".into()))
    );
    action.category = "é".repeat(256);
    assert_eq!(
        check_new_action(&action),
        Vec::new(),
        "256 characters, not bytes"
    );
    let mut action = workshop();
    action.integration_id = String::new();
    assert_eq!(
        only(&action),
        ("integrationId".into(), ContractRule::Required, None)
    );
}

#[test]
fn timeouts_are_one_to_sixty_seconds_and_methods_five_words() {
    for seconds in [0, 61, -1] {
        let mut action = workshop();
        action.config.timeout_seconds = Some(seconds);
        assert_eq!(
            only(&action),
            (
                "config.timeoutSeconds".into(),
                ContractRule::TimeoutRange,
                Some(seconds.to_string())
            )
        );
    }
    for method in ["get", "HEAD", "", "GET "] {
        let mut action = workshop();
        action.config.request.request_type = method.into();
        assert_eq!(
            only(&action),
            (
                "config.request.requestType".into(),
                ContractRule::Method,
                Some(method.into())
            )
        );
    }
    for method in METHODS {
        let mut action = workshop();
        action.config.request.request_type = method.into();
        assert_eq!(check_new_action(&action), Vec::new(), "{method}");
    }
}

#[test]
fn the_input_is_a_flat_object_of_simple_values_under_good_names() {
    for root in [
        json!({"type": "array"}),
        json!({}),
        json!("object"),
        Value::Null,
    ] {
        let mut action = workshop();
        action.contract.input.input_schema = root.clone();
        assert_eq!(
            only(&action),
            (IN.into(), ContractRule::InputNotObject, None),
            "{root}"
        );
    }
    let mut action = workshop();
    action.contract.input.input_schema = json!({"type": "object", "properties": ["QueueID"]});
    assert_eq!(
        only(&action).0,
        format!("{IN}.properties"),
        "properties must be an object"
    );
    for (name, schema) in [
        ("nested", json!({"type": "object", "properties": {}})),
        (
            "list",
            json!({"type": "array", "items": {"type": "string"}}),
        ),
        ("untyped", json!({})),
        ("mixed", json!({"type": ["string", "object"]})),
    ] {
        let action = with_input(json!({ (name): schema }));
        assert_eq!(
            only(&action),
            (
                format!("{IN}.properties.{name}"),
                ContractRule::NotSimpleType,
                Some(name.into())
            )
        );
    }
    for name in ["2nd", "_x", "a b", "é", "a.b", ""] {
        let action = with_input(json!({ (name): {"type": "string"} }));
        assert_eq!(
            only(&action),
            (
                format!("{IN}.properties.{name}"),
                ContractRule::NameChars,
                Some(name.into())
            )
        );
    }
    for name in RESERVED_INPUT_NAMES {
        let action = with_input(json!({ (name): {"type": "string"} }));
        assert_eq!(
            only(&action),
            (
                format!("{IN}.properties.{name}"),
                ContractRule::ReservedName,
                Some(name.into())
            )
        );
    }
}

#[test]
fn no_ref_anywhere_and_no_array_under_an_array() {
    let action = with_input(json!({"q": {"$ref": "#/definitions/q"}}));
    let problems = check_new_action(&action);
    assert!(problems.contains(&ContractProblem::new(
        format!("{IN}.properties.q.$ref"),
        ContractRule::Ref
    )));
    let linked = with_output(json!({"type": "object", "properties": {
        "rows": {"type": "array", "items": {"$ref": "#/definitions/row"}}}}));
    assert_eq!(
        only(&linked),
        (
            format!("{OUT}.properties.rows.items.$ref"),
            ContractRule::Ref,
            None
        )
    );
    let grid = with_output(json!({"type": "object", "properties": {
        "grid": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}}}}));
    assert_eq!(
        only(&grid),
        (
            format!("{OUT}.properties.grid.items"),
            ContractRule::NestedArray,
            None
        )
    );
    let through_objects = with_output(json!({"type": "array", "items": {"type": "object",
        "properties": {"tags": {"type": "array", "items": {"type": "string"}}}}}));
    assert_eq!(
        only(&through_objects).0,
        format!("{OUT}.items.properties.tags"),
        "an array in the objects of an array is a list of lists for a flow"
    );
    let tuple = with_output(json!({"type": "array", "items": [{"type": "array"}]}));
    assert_eq!(only(&tuple).1, ContractRule::NestedArray);
    for root in [json!({"type": "string"}), json!({}), Value::Null] {
        assert_eq!(
            only(&with_output(root.clone())),
            (OUT.into(), ContractRule::OutputNotObject, None),
            "{root}"
        );
    }
}

#[test]
fn a_published_actions_contract_and_secure_are_frozen() {
    let new = workshop();
    let published = Action {
        id: "a1".into(),
        name: new.name.clone(),
        integration_id: new.integration_id.clone(),
        category: new.category.clone(),
        version: 3,
        secure: false,
        config: Some(new.config.clone()),
        contract: Some(new.contract.clone()),
        self_uri: None,
    };
    assert_eq!(
        frozen_problems(&published, Some(&new.contract), Some(false)),
        Vec::new(),
        "the same contract and secure may be sent again"
    );
    let mut reordered = new.contract.clone();
    reordered.input.input_schema = json!({"properties": {"QueueID": {"type": "string"}}, "required": ["QueueID"], "type": "object"});
    assert_eq!(
        frozen_problems(&published, Some(&reordered), None),
        Vec::new()
    );
    let mut changed = new.contract.clone();
    changed.output.success_schema["properties"]["Count"] = json!({"type": "integer"});
    let fields: Vec<String> = frozen_problems(&published, Some(&changed), Some(true))
        .into_iter()
        .map(|p| {
            assert_eq!(p.code, ContractRule::Frozen);
            p.field
        })
        .collect();
    assert_eq!(fields, [OUT, "secure"]);
}

#[test]
fn a_change_is_checked_on_the_fields_it_sends() {
    let bare = DraftUpdate {
        name: None,
        category: None,
        config: None,
        contract: None,
        secure: None,
        version: 2,
    };
    assert_eq!(
        check_draft_update(&bare),
        Vec::new(),
        "nothing sent, nothing to check"
    );
    let bad = DraftUpdate {
        name: Some(String::new()),
        contract: Some(contract(
            json!({"type": "object", "properties": {"orgId": {"type": "string"}}}),
            output_schema(),
        )),
        ..bare.clone()
    };
    let codes: Vec<ContractRule> = check_draft_update(&bad)
        .into_iter()
        .map(|p| p.code)
        .collect();
    assert_eq!(codes, [ContractRule::Required, ContractRule::ReservedName]);
    let published = PublishedUpdate {
        name: None,
        category: Some("x".repeat(300)),
        config: Some(ActionConfig::default()),
        version: 4,
    };
    let codes: Vec<ContractRule> = check_published_update(&published)
        .into_iter()
        .map(|p| p.code)
        .collect();
    assert_eq!(codes, [ContractRule::TooLong, ContractRule::Method]);
}

#[test]
fn a_refusal_names_every_problem_and_words_for_the_window() {
    let mut action = workshop();
    action.name.clear();
    action.config.timeout_seconds = Some(90);
    let err = refuse(check_new_action(&action)).expect_err("refused");
    assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
    let text = err.to_string();
    assert!(
        text.contains("name is required") && text.contains("config.timeoutSeconds"),
        "{text}"
    );
    let crate::Error::ActionRules { problems } = err else {
        panic!("ActionRules expected");
    };
    let wire = serde_json::to_value(&problems[1]).expect("serializes");
    assert_eq!(
        wire,
        json!({"field": "config.timeoutSeconds", "code": "timeoutRange", "value": "90"}),
        "the window's shape: field, catalogue code, value"
    );
    for (rule, code) in [
        (ContractRule::NotSimpleType, "notSimpleType"),
        (ContractRule::Ref, "ref"),
    ] {
        assert_eq!(rule.code(), code);
        assert_eq!(serde_json::to_value(rule).expect("json"), json!(code));
    }
    assert!(refuse(Vec::new()).is_ok());
}
