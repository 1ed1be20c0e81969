//! The rules Genesys documents for an action's contracts (help.mypurecloud.com "Add contracts to
//! custom actions for integrations", ?p=141876): the input is a flat object of simple values
//! under well-formed, unreserved names; the output has no nested arrays; neither uses `$ref`.

use serde_json::{Map, Value};

use super::problem::{ContractProblem, ContractRule};
use crate::models::ActionContract;

/// The types an input may have: "string, integer, number, Boolean, null".
pub const SIMPLE_TYPES: [&str; 5] = ["string", "integer", "number", "boolean", "null"];
/// Input names the platform fills in itself; an input of that name would overwrite them.
pub const RESERVED_INPUT_NAMES: [&str; 3] = ["orgId", "integrationId", "rawRequest"];

pub(crate) const INPUT: &str = "contract.input.inputSchema";
pub(crate) const OUTPUT: &str = "contract.output.successSchema";

/// Every rule both schemas of `contract` break.
pub fn contract_problems(contract: &ActionContract) -> Vec<ContractProblem> {
    let mut out = input_schema_problems(&contract.input.input_schema);
    out.extend(output_schema_problems(&contract.output.success_schema));
    out
}

/// An input name "must start with a letter (a-z, A-Z) and only contain letters, numbers (0-9),
/// hyphens (-), or underscores (_)".
pub fn valid_input_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A schema's `type` as a list (`"string"` or `["string", "null"]`); `None` when it has none
/// or it is not text.
fn types(schema: &Value) -> Option<Vec<&str>> {
    match schema.get("type")? {
        Value::String(t) => Some(vec![t.as_str()]),
        Value::Array(list) => list.iter().map(Value::as_str).collect(),
        _ => None,
    }
}

fn properties(schema: &Value) -> Option<&Map<String, Value>> {
    schema.get("properties").and_then(Value::as_object)
}

/// The input contract: "The top-level item in the schema can only be an object", whose
/// properties are "limited to ... string, integer, number, Boolean, null" ("does not support
/// nested objects"), named as [`valid_input_name`] says and none of [`RESERVED_INPUT_NAMES`];
/// no `$ref`.
pub fn input_schema_problems(schema: &Value) -> Vec<ContractProblem> {
    let mut out = Vec::new();
    refs(schema, INPUT, &mut out);
    if types(schema).as_deref() != Some(&["object"]) {
        out.push(ContractProblem::new(INPUT, ContractRule::InputNotObject));
        return out;
    }
    if schema.get("properties").is_some_and(|p| !p.is_object()) {
        out.push(ContractProblem::new(
            format!("{INPUT}.properties"),
            ContractRule::InputNotObject,
        ));
    }
    for (name, property) in properties(schema).into_iter().flatten() {
        let at = format!("{INPUT}.properties.{name}");
        if RESERVED_INPUT_NAMES.contains(&name.as_str()) {
            out.push(ContractProblem::with(&at, ContractRule::ReservedName, name));
        } else if !valid_input_name(name) {
            out.push(ContractProblem::with(&at, ContractRule::NameChars, name));
        }
        let simple = types(property)
            .is_some_and(|list| !list.is_empty() && list.iter().all(|t| SIMPLE_TYPES.contains(t)));
        if !simple {
            out.push(ContractProblem::with(
                &at,
                ContractRule::NotSimpleType,
                name,
            ));
        }
    }
    out
}

/// The output contract: an object root (or an `array` root with `items`, which the API takes:
/// terraform-provider-genesyscloud genesyscloud/integration_action/genesyscloud_integration_action_proxy.go,
/// the NOTE at the top), "does not support nested arrays", no `$ref`.
pub fn output_schema_problems(schema: &Value) -> Vec<ContractProblem> {
    let mut out = Vec::new();
    refs(schema, OUTPUT, &mut out);
    let root = types(schema).unwrap_or_default();
    if !root.iter().any(|t| *t == "object" || *t == "array") {
        out.push(ContractProblem::new(OUTPUT, ContractRule::OutputNotObject));
        return out;
    }
    arrays(schema, OUTPUT, false, &mut out);
    out
}

/// Arrays below an array's items, through objects too: flows read an array of objects as one
/// list per property (Architect's flattened form, `FlattenedJsonSchemaDocument.arrayProperties`),
/// so an array anywhere under another becomes a list of lists, which flows cannot hold.
fn arrays(schema: &Value, at: &str, in_array: bool, out: &mut Vec<ContractProblem>) {
    let is_array = types(schema).is_some_and(|t| t.contains(&"array"));
    if is_array && in_array {
        out.push(ContractProblem::new(at, ContractRule::NestedArray));
        return;
    }
    if is_array {
        match schema.get("items") {
            Some(Value::Array(tuple)) => {
                for (n, item) in tuple.iter().enumerate() {
                    arrays(item, &format!("{at}.items.{n}"), true, out);
                }
            }
            Some(items) => arrays(items, &format!("{at}.items"), true, out),
            None => {}
        }
    }
    for (name, property) in properties(schema).into_iter().flatten() {
        arrays(property, &format!("{at}.properties.{name}"), in_array, out);
    }
}

/// "Contracts do not support the $ref keyword": anywhere in the document.
fn refs(value: &Value, at: &str, out: &mut Vec<ContractProblem>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                let here = format!("{at}.{key}");
                if key == "$ref" {
                    out.push(ContractProblem::new(here, ContractRule::Ref));
                } else {
                    refs(member, &here, out);
                }
            }
        }
        Value::Array(items) => {
            for (n, item) in items.iter().enumerate() {
                refs(item, &format!("{at}.{n}"), out);
            }
        }
        _ => {}
    }
}
