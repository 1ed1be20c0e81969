//! The other fields' rules, each broken alone (name, category, integration, timeout, method),
//! the frozen contract and `secure` of a published action, changes checked on what they send,
//! and the refusal as the window receives it.

use serde_json::json;

use super::*;
use crate::models::{Action, ActionConfig, DraftUpdate, PublishedUpdate};

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
