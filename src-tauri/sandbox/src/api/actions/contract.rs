//! The rules an action's contract keeps, checked on every create and patch: a flat input of
//! simple types with well-formed, unreserved names; an output (object or array root) without
//! arrays inside arrays; no `$ref` anywhere. Terraform's provider keeps the output schema as raw
//! JSON because the API accepts an `array` root with `items` that the SDK's
//! `JsonSchemaDocument` cannot express (terraform-provider-genesyscloud
//! genesyscloud/integration_action/genesyscloud_integration_action_proxy.go, the NOTE at the top).
//! The other rules are Genesys's documented contract rules; no repository shows the errors, so
//! the wording is the Sandbox's.

use serde_json::{Map, Value};

use action_engine::contract::types;

use super::errors::Problem;

/// What an input property may be: simple values only.
const SIMPLE: [&str; 5] = ["string", "integer", "number", "boolean", "null"];
/// What an output property may be.
const ANY: [&str; 7] = [
    "string", "integer", "number", "boolean", "null", "object", "array",
];
/// Input names the platform fills in itself.
pub const RESERVED: [&str; 3] = ["orgId", "integrationId", "rawRequest"];

const INPUT: &str = "contract.input.inputSchema";
const OUTPUT: &str = "contract.output.successSchema";

/// Everything wrong with a contract's two schemas.
pub fn problems(input: &Value, output: &Value) -> Vec<Problem> {
    let mut out = Vec::new();
    no_refs(input, INPUT, &mut out);
    no_refs(output, OUTPUT, &mut out);
    input_rules(input, &mut out);
    output_rules(output, OUTPUT, false, &mut out);
    out
}

/// A property name starts with a letter and holds only letters, digits, `-` and `_`.
pub fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn no_refs(value: &Value, at: &str, out: &mut Vec<Problem>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                let here = format!("{at}.{key}");
                if key == "$ref" {
                    out.push(Problem::new(
                        &here,
                        format!("{here}: $ref is not supported in a contract; write the schema out in full."),
                    ));
                } else {
                    no_refs(member, &here, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| no_refs(i, at, out)),
        _ => {}
    }
}

fn properties(schema: &Value) -> Option<&Map<String, Value>> {
    schema.get("properties").and_then(Value::as_object)
}

fn input_rules(schema: &Value, out: &mut Vec<Problem>) {
    if !schema.is_object() || types(schema).as_deref() != Some(&["object"]) {
        out.push(Problem::new(
            format!("{INPUT}.type"),
            "The input contract must be a JSON schema of type object.",
        ));
        return;
    }
    if schema.get("properties").is_some_and(|p| !p.is_object()) {
        out.push(Problem::new(
            format!("{INPUT}.properties"),
            "The input contract's properties must be an object.",
        ));
    }
    for (name, property) in properties(schema).into_iter().flatten() {
        let at = format!("{INPUT}.properties.{name}");
        if RESERVED.contains(&name.as_str()) {
            out.push(Problem::new(
                &at,
                format!(
                    "The input name {name} is reserved ({} are).",
                    RESERVED.join(", ")
                ),
            ));
        } else if !valid_name(name) {
            out.push(Problem::new(&at, format!("The input name {name} must start with a letter and hold only letters, digits, - and _.")));
        }
        match types(property) {
            Some(list) if !list.is_empty() && list.iter().all(|t| SIMPLE.contains(t)) => {}
            Some(list) if list.iter().any(|t| *t == "object" || *t == "array") => out.push(Problem::new(
                &at,
                format!("The input {name} is an object or an array: inputs must be flat, of simple types ({}).", SIMPLE.join(", ")),
            )),
            _ => out.push(Problem::new(
                &at,
                format!("The input {name} needs a type among {}.", SIMPLE.join(", ")),
            )),
        }
    }
}

/// The output root (and every nested schema): a known type; an array's `items` may not be, or
/// hold, another array (`in_array`: we are inside an array's items).
fn output_rules(schema: &Value, at: &str, in_array: bool, out: &mut Vec<Problem>) {
    let Some(list) = types(schema) else {
        out.push(Problem::new(
            at,
            format!("{at} needs a type among {}.", ANY.join(", ")),
        ));
        return;
    };
    if let Some(bad) = list.iter().find(|t| !ANY.contains(t)) {
        out.push(Problem::new(at, format!("{at} has an unknown type {bad}.")));
    }
    if at == OUTPUT && !list.iter().any(|t| *t == "object" || *t == "array") {
        out.push(Problem::new(
            at,
            "The output contract must be a JSON schema of type object (or array).",
        ));
    }
    if list.contains(&"array") {
        if in_array {
            out.push(Problem::new(
                at,
                format!("{at} is an array inside an array: output contracts do not support nested arrays."),
            ));
            return;
        }
        match schema.get("items") {
            Some(items) if items.is_object() => {
                output_rules(items, &format!("{at}.items"), true, out)
            }
            _ => out.push(Problem::new(
                at,
                format!("{at} is an array without an items schema."),
            )),
        }
    }
    for (name, property) in properties(schema).into_iter().flatten() {
        output_rules(property, &format!("{at}.properties.{name}"), in_array, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn workshop() -> (Value, Value) {
        (
            json!({"type": "object", "required": ["QueueID"], "properties": {"QueueID": {"type": "string"}}}),
            json!({"type": "object", "properties": {"Presences": {"type": "array", "items": {"type": "string"}}}}),
        )
    }

    #[test]
    fn the_workshop_contract_is_accepted() {
        let (input, output) = workshop();
        assert_eq!(problems(&input, &output), Vec::<Problem>::new());
    }

    #[test]
    fn each_rule_names_the_field_it_breaks() {
        let input = json!({"type": "object", "properties": {
            "orgId": {"type": "string"}, "2nd": {"type": "string"},
            "nested": {"type": "object"}, "untyped": {}, "ok": {"type": ["string", "null"]}}});
        let output = json!({"type": "object", "properties": {
            "grid": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
            "rows": {"type": "array", "items": {"type": "object", "properties": {
                "tags": {"type": "array", "items": {"type": "string"}}}}},
            "linked": {"$ref": "#/definitions/x"}}});
        let fields: Vec<String> = problems(&input, &output)
            .into_iter()
            .map(|p| p.field)
            .collect();
        for wanted in [
            "contract.input.inputSchema.properties.orgId",
            "contract.input.inputSchema.properties.2nd",
            "contract.input.inputSchema.properties.nested",
            "contract.input.inputSchema.properties.untyped",
            "contract.output.successSchema.properties.grid.items",
            "contract.output.successSchema.properties.rows.items.properties.tags",
            "contract.output.successSchema.properties.linked.$ref",
        ] {
            assert!(fields.iter().any(|f| f == wanted), "{wanted} in {fields:?}");
        }
        assert!(!fields.iter().any(|f| f.ends_with(".ok")), "{fields:?}");
    }

    #[test]
    fn roots_must_be_objects_but_an_output_may_be_an_array() {
        let (_, output) = workshop();
        assert!(!problems(&json!({"type": "array"}), &output).is_empty());
        let array_root = json!({"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}});
        assert!(problems(&workshop().0, &array_root).is_empty());
        assert!(!problems(&workshop().0, &json!({"type": "string"})).is_empty());
    }

    #[test]
    fn names_start_with_a_letter() {
        assert!(valid_name("QueueID") && valid_name("a-b_c9"));
        assert!(!valid_name("") && !valid_name("_x") && !valid_name("a b") && !valid_name("é"));
    }
}
