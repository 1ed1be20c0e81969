//! The data-action models against the shapes Genesys answers (SDK model docs): a whole action
//! read with its templates only linked, the flattened schemas, what is written back, a ten-step
//! test result and its step-10 failure, validation; and any JSON at all parses or fails without
//! a panic.

use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;

fn workshop_action() -> Value {
    json!({
        "id": "custom_-_3f2a", "name": "queuePresence", "integrationId": "i-1",
        "category": "Workshop Data Actions", "version": 2, "secure": false,
        "selfUri": "/api/v2/integrations/actions/custom_-_3f2a/draft", "somethingNew": {"x": 1},
        "contract": {
            "input": { "inputSchema": {"type": "object", "properties": {"QueueID": {"type": "string"}}},
                       "inputSchemaUri": "/x/schemas/inputschema.json" },
            "output": { "successSchema": {"type": "object", "properties": {"Presences": {"type": "array", "items": {"type": "string"}}}},
                        "successSchemaUri": "/x/schemas/successschema.json" }
        },
        "config": {
            "timeoutSeconds": 20,
            "request": { "requestUrlTemplate": "/api/v2/routing/queues/${input.QueueID}/members?expand=presence",
                         "requestType": "GET", "headers": {}, "requestTemplateUri": "/x/templates/requesttemplate.vm" },
            "response": { "translationMap": {"Presence": "$.entities[*].user.presence.presenceDefinition.systemPresence"},
                          "translationMapDefaults": {"Presence": "null"},
                          "successTemplateUri": "/x/templates/successtemplate.vm" }
        }
    })
}

#[test]
fn a_whole_action_reads_with_its_templates_only_linked() {
    let action: Action = serde_json::from_value(workshop_action()).expect("an Action");
    assert_eq!((action.id.as_str(), action.version), ("custom_-_3f2a", 2));
    let config = action.config.as_ref().expect("config");
    assert_eq!(config.timeout_seconds, Some(20));
    assert_eq!(config.request.request_type, "GET");
    assert_eq!(config.request.request_template, None, "only linked");
    assert_eq!(
        config.request.request_template_uri.as_deref(),
        Some("/x/templates/requesttemplate.vm")
    );
    assert_eq!(config.response.translation_map_defaults["Presence"], "null");
    let contract = action.contract.as_ref().expect("contract");
    assert_eq!(
        contract.output.success_schema["properties"]["Presences"]["type"],
        "array"
    );
    assert!(!contract.input.flattened && !contract.output.flattened);

    let written = serde_json::to_value(&action).expect("serializes");
    for read_only in ["selfUri", "somethingNew"] {
        assert!(written.get(read_only).is_none(), "{read_only} is not sent");
    }
    assert!(written["config"]["request"]
        .get("requestTemplateUri")
        .is_none());
    assert!(written["contract"]["input"].get("inputSchemaUri").is_none());
    assert_eq!(
        written["contract"],
        json!({"input": {"inputSchema": contract.input.input_schema},
               "output": {"successSchema": contract.output.success_schema}}),
        "written as ActionContractInput"
    );
}

#[test]
fn what_is_sent_reads_back_the_same() {
    let action: Action = serde_json::from_value(workshop_action()).expect("an Action");
    let new = NewAction {
        name: action.name.clone(),
        category: action.category.clone(),
        integration_id: action.integration_id.clone(),
        secure: true,
        config: action.config.clone().expect("config"),
        contract: action.contract.clone().expect("contract"),
    };
    let mut new = new;
    new.config.request.request_template_uri = None;
    new.config.response.success_template_uri = None;
    new.contract.input.input_schema_uri = None;
    new.contract.output.success_schema_uri = None;
    new.config.response.success_template = Some("{\"Presences\" : $Presence}".into());
    let json = serde_json::to_value(&new).expect("serializes");
    assert_eq!(json["integrationId"], "i-1");
    assert_eq!(
        json["config"]["response"]["successTemplate"],
        "{\"Presences\" : $Presence}"
    );
    assert!(
        json["config"]["request"].get("requestTemplate").is_none(),
        "unset is unsent"
    );
    let back: NewAction = serde_json::from_value(json).expect("reads back");
    assert_eq!(back, new);

    let mut update = DraftUpdate::from_draft(&action);
    update.category = None;
    let json = serde_json::to_value(update.at_version(7)).expect("serializes");
    assert_eq!(json["version"], 7);
    assert!(
        json.get("category").is_none(),
        "a field left out is kept by Genesys"
    );
    let published = PublishedUpdate {
        name: Some("n".into()),
        category: None,
        config: None,
        version: 3,
    };
    assert_eq!(
        serde_json::to_value(published.at_version(4)).expect("json"),
        json!({"name": "n", "version": 4}),
        "no contract, no secure"
    );
    assert_eq!(
        serde_json::to_value(PublishDraft { version: 2 }).expect("json"),
        json!({"version": 2})
    );
}

#[test]
fn flattened_schemas_are_read_as_the_schema_they_carry() {
    let action: Action = serde_json::from_value(json!({
        "id": "a", "version": 1,
        "contract": {
            "input": { "inputSchemaFlattened": {"type": "object", "properties": {"Q": {"type": "string"}}} },
            "output": { "successSchemaFlattened": {
                "schema": {"type": "object", "properties": {"Rows.id": {"type": "array", "items": {"type": "string"}}}},
                "arrayProperties": ["Rows"] } }
        }
    }))
    .expect("flattened forms");
    let contract = action.contract.expect("contract");
    assert!(contract.input.flattened && contract.output.flattened);
    assert_eq!(
        contract.input.input_schema["properties"]["Q"]["type"],
        "string"
    );
    assert_eq!(
        contract.output.success_schema["properties"]["Rows.id"]["type"],
        "array"
    );
    assert_eq!(contract.output.array_properties, ["Rows"]);
}

#[test]
fn nulls_absent_parts_and_unknown_fields_are_tolerated_but_id_and_version_are_not() {
    let sparse: Action = serde_json::from_value(json!({
        "id": "a", "version": 1, "name": null, "config": {"request": null, "response": {"translationMap": null}},
        "contract": {"input": null}
    }))
    .expect("sparse");
    assert_eq!(sparse.name, "");
    let config = sparse.config.expect("config");
    assert!(config.request.headers.is_empty() && config.response.translation_map.is_empty());
    assert_eq!(
        sparse.contract.expect("contract").output.success_schema,
        Value::Null
    );
    for (body, missing) in [
        (json!({"version": 1}), "id"),
        (json!({"id": "a"}), "version"),
    ] {
        let err = serde_json::from_value::<Action>(body).expect_err("refused");
        assert!(err.to_string().contains(missing), "{err}");
    }
    assert!(serde_json::from_value::<Action>(json!({"id": "a", "version": "two"})).is_err());
}

/// One operation as the test tool answers it.
fn operation(step: u32, name: &str, success: bool) -> Value {
    json!({"step": step, "name": name, "success": success, "result": {"n": step}})
}

#[test]
fn a_ten_step_test_and_its_step_ten_failure_are_read() {
    let names = [
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
    let steps: Vec<Value> = (1..=10)
        .map(|n| operation(n, names[n as usize - 1], true))
        .collect();
    let passed: TestExecutionResult = serde_json::from_value(
        json!({"operations": steps, "finalResult": {"Presences": ["On Queue"]}, "success": true}),
    )
    .expect("a result");
    assert!(passed.success && passed.failed_operation().is_none());
    assert_eq!(passed.operations.len(), 10);
    assert_eq!(passed.operations[7].name, "Execute");
    assert_eq!(
        passed.final_result,
        Some(json!({"Presences": ["On Queue"]}))
    );

    let error = json!({"message": "Transform failed to process result using 'successTemplate' template due to error:'Variable $Presences has not been set at successTemplate[line 1, column 20]'",
                       "code": "bad.request", "status": 400, "details": [{"errorCode": "ACTION.PROCESSING"}]});
    let mut steps: Vec<Value> = (1..=9)
        .map(|n| operation(n, names[n as usize - 1], true))
        .collect();
    steps.push(json!({"step": 10, "name": names[9], "success": false, "error": error}));
    let failed: TestExecutionResult =
        serde_json::from_value(json!({"operations": steps, "error": error, "success": false}))
            .expect("a failed result");
    let last = failed.failed_operation().expect("step 10 failed");
    assert_eq!(last.step, 10);
    let body = last.error.as_ref().expect("its error");
    assert_eq!(body.error_codes(), ["ACTION.PROCESSING"]);
    assert_eq!(
        failed.error.as_ref(),
        Some(body),
        "the final error is step 10's"
    );
    let back: TestExecutionResult =
        serde_json::from_value(serde_json::to_value(&failed).expect("json")).expect("reads back");
    assert_eq!(back, failed);
}

#[test]
fn odd_results_keep_what_can_be_read() {
    let odd: TestExecutionResult = serde_json::from_value(json!({
        "operations": [7, {"step": "one", "name": 3, "success": "yes", "error": "boom"}, {"step": 2, "success": true}],
        "error": [1], "success": null, "extra": true
    }))
    .expect("never refused for its fields");
    assert_eq!(
        odd.operations.len(),
        2,
        "the non-object operation is left out"
    );
    assert_eq!(
        (odd.operations[0].step, odd.operations[0].success),
        (0, false)
    );
    assert_eq!(odd.operations[1].step, 2);
    assert!(!odd.success && odd.error.is_none());
    let empty: TestExecutionResult = serde_json::from_value(json!({})).expect("empty");
    assert!(
        !empty.success,
        "a result that does not say it passed did not"
    );
    let validation: DraftValidation = serde_json::from_value(json!({
        "valid": false, "errors": [{"message": "The request needs a URL template.", "details": [{"fieldName": "config.request.requestUrlTemplate"}]}, "odd"]
    }))
    .expect("validation");
    assert!(!validation.valid);
    assert_eq!(validation.errors.len(), 1);
    assert_eq!(
        validation.errors[0].details[0].field_name.as_deref(),
        Some("config.request.requestUrlTemplate")
    );
    let category: Category =
        serde_json::from_value(json!({"name": "DA", "x": 1})).expect("category");
    assert_eq!(category.name, "DA");
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop_oneof![
            Just("id"),
            Just("version"),
            Just("config"),
            Just("contract"),
            Just("x")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop_oneof![
            Just("id"),
            Just("version"),
            Just("config"),
            Just("contract"),
            Just("request"),
            Just("response"),
            Just("input"),
            Just("output"),
            Just("inputSchema"),
            Just("successSchemaFlattened"),
            Just("schema"),
            Just("operations"),
            Just("error"),
            Just("details"),
            Just("headers"),
            Just("step"),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(keys.prop_map(str::to_owned), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_json_parses_or_fails_without_a_panic(value in any_json()) {
        let _ = serde_json::from_value::<Action>(value.clone());
        let _ = serde_json::from_value::<TestExecutionResult>(value.clone());
        let _ = serde_json::from_value::<DraftValidation>(value.clone());
        let _ = serde_json::from_value::<ErrorBody>(value.clone());
        if let Ok(action) = serde_json::from_value::<Action>(value) {
            prop_assert!(serde_json::to_value(&action).is_ok());
        }
    }
}
