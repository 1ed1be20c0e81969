//! The contract rules, each broken alone: input root, flat simple inputs, names, reserved names,
//! `$ref` anywhere, arrays under arrays, the output root.

use serde_json::{json, Value};

use super::*;

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
