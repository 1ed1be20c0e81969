//! The results of running and validating a data action against the shapes Genesys answers: a
//! ten-step test and its step-10 failure, odd shapes read as far as they go, validation; and any
//! JSON at all parses or fails without a panic.

use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;

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
