//! The admin UI's export shape: one action or a list, what is not an action, the category a
//! bare export takes, and an exported action read back unchanged.

use serde_json::json;

use super::*;

fn exported() -> serde_json::Value {
    json!({
        "name": "Get On Queue Agent Counts", "integrationType": "purecloud-data-actions",
        "actionType": "custom",
        "config": {
            "request": {"requestUrlTemplate": "/api/v2/analytics/queues/observations/query",
                        "requestType": "POST", "headers": {"Content-Type": "application/json"},
                        "requestTemplate": "{\"metrics\": [\"oOnQueueUsers\"]}"},
            "response": {"translationMap": {"counts": "$.results[0].data..stats.count"},
                         "translationMapDefaults": {"counts": "[0]"},
                         "successTemplate": "{\"counts\": ${counts}}"}
        },
        "contract": {
            "input": {"inputSchema": {"type": "object", "properties": {"queueId": {"type": "string"}}}},
            "output": {"successSchema": {"type": "object", "properties": {"counts": {"type": "array", "items": {"type": "integer"}}}}}
        },
        "secure": false
    })
}

#[test]
fn a_file_holds_one_action_or_a_list_and_each_entry_stands_alone() {
    let one = parse_exported_actions(&exported().to_string()).expect("JSON");
    assert_eq!(one.len(), 1);
    assert_eq!(
        one[0].as_ref().expect("an action").name,
        "Get On Queue Agent Counts"
    );
    let list = json!([exported(), {"name": "no config"}, exported()]).to_string();
    let parsed = parse_exported_actions(&list).expect("JSON");
    assert_eq!(parsed.len(), 3);
    assert!(parsed[0].is_ok() && parsed[2].is_ok());
    match &parsed[1] {
        Err(ExportShapeError::NotAnAction(why)) => assert!(why.contains("config"), "{why}"),
        other => panic!("not an action: {other:?}"),
    }
}

#[test]
fn text_that_is_not_json_says_where() {
    match parse_exported_actions("{\"name\": ") {
        Err(ExportShapeError::NotJson(why)) => assert!(why.contains("line 1"), "{why}"),
        other => panic!("not JSON: {other:?}"),
    }
}

#[test]
fn a_bare_export_takes_the_integrations_name_as_its_category() {
    let action: ExportedAction = serde_json::from_value(exported()).expect("an action");
    assert!(!action.from_other_integration_type() && !action.is_special_action_type());
    let new = action
        .clone()
        .into_new_action("i-1", "Workshop Data Actions");
    assert_eq!(
        (new.category.as_str(), new.integration_id.as_str()),
        ("Workshop Data Actions", "i-1")
    );
    let kept = ExportedAction {
        category: Some("Queues".into()),
        ..action
    };
    assert_eq!(kept.into_new_action("i-1", "Workshop").category, "Queues");
}

#[test]
fn other_integration_types_and_auth_actions_are_told_apart() {
    let mut value = exported();
    value["integrationType"] = json!("custom-rest-actions");
    value["actionType"] = json!("customAuth");
    let action: ExportedAction = serde_json::from_value(value).expect("an action");
    assert!(action.from_other_integration_type() && action.is_special_action_type());
}

#[test]
fn an_exported_action_reads_back_as_the_same_draft() {
    let mut read = exported();
    read["id"] = json!("custom_-_1");
    read["version"] = json!(3);
    read["integrationId"] = json!("i-1");
    read["category"] = json!("Queues");
    let action: Action = serde_json::from_value(read).expect("an Action");
    let export = ExportedAction::from_action(&action).expect("config and contract");
    let text = serde_json::to_string_pretty(&export).expect("serializes");
    assert!(!text.contains("custom_-_1") && !text.contains("\"version\""));
    let back = parse_exported_actions(&text)
        .expect("JSON")
        .remove(0)
        .expect("an action");
    assert_eq!(back, export);
    let new = back.into_new_action("i-2", "unused");
    assert_eq!(new.config, action.config.expect("config"));
    assert_eq!(new.contract, action.contract.expect("contract"));
    assert_eq!(new.category, "Queues");
}

#[test]
fn an_action_read_without_its_config_cannot_be_exported() {
    let action: Action =
        serde_json::from_value(json!({"id": "a", "name": "n", "version": 1})).expect("an Action");
    assert!(ExportedAction::from_action(&action).is_none());
}
