//! Checking a value against a contract schema: `type` (one or a list), `properties`,
//! `required`, `additionalProperties: false` and `items`, the parts of JSON Schema a contract
//! uses. `null` passes every type: the workshop's own default for an empty queue is `null` for an
//! array output, and no source says Genesys refuses it (the Sandbox's choice).

use serde_json::Value;

use super::types;

/// Why a value does not fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misfit {
    /// A list where the schema wants one simple value (an indefinite path's results kept as they
    /// are): reported as `too.many.results`.
    TooMany(String),
    /// Anything else: `invalid.schema`.
    Invalid(String),
}

fn fits(kind: &str, value: &Value) -> bool {
    match kind {
        "string" => value.is_string(),
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "null" => value.is_null(),
        _ => false,
    }
}

fn shown(at: &str) -> &str {
    if at.is_empty() {
        "the value"
    } else {
        at
    }
}

/// Whether `value` fits `schema`; `at` names the place in messages (`Presences[0]`).
pub fn check(schema: &Value, value: &Value, at: &str) -> Result<(), Misfit> {
    if value.is_null() {
        return Ok(());
    }
    if let Some(kinds) = types(schema) {
        if !kinds.iter().any(|k| fits(k, value)) {
            let wanted = kinds.join(" or ");
            let simple = !kinds.iter().any(|k| *k == "array" || *k == "object");
            let message = format!("{} should be {wanted}, not {value}", shown(at));
            return Err(if simple && value.is_array() {
                Misfit::TooMany(message)
            } else {
                Misfit::Invalid(message)
            });
        }
    }
    match value {
        Value::Object(members) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            for name in schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if !members.contains_key(name) {
                    return Err(Misfit::Invalid(format!("{} is required", join(at, name))));
                }
            }
            let closed = schema.get("additionalProperties") == Some(&Value::Bool(false));
            for (name, member) in members {
                match properties.and_then(|p| p.get(name)) {
                    Some(child) => check(child, member, &join(at, name))?,
                    None if closed => {
                        return Err(Misfit::Invalid(format!(
                            "{} is not in the contract",
                            join(at, name)
                        )))
                    }
                    None => {}
                }
            }
            Ok(())
        }
        Value::Array(items) => match schema.get("items") {
            Some(item) => items
                .iter()
                .enumerate()
                .try_for_each(|(i, v)| check(item, v, &format!("{}[{i}]", at))),
            None => Ok(()),
        },
        _ => Ok(()),
    }
}

fn join(at: &str, name: &str) -> String {
    if at.is_empty() {
        name.to_owned()
    } else {
        format!("{at}.{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn types_required_and_closed_objects_are_checked() {
        let schema = json!({"type": "object", "required": ["QueueID"], "additionalProperties": false,
            "properties": {"QueueID": {"type": "string"}, "limit": {"type": "integer"}}});
        assert_eq!(
            check(&schema, &json!({"QueueID": "q", "limit": 3}), ""),
            Ok(())
        );
        assert_eq!(check(&schema, &json!({"QueueID": null}), ""), Ok(()));
        assert!(
            matches!(check(&schema, &json!({"limit": 3}), ""), Err(Misfit::Invalid(m)) if m.contains("QueueID is required"))
        );
        assert!(matches!(
            check(&schema, &json!({"QueueID": 5}), ""),
            Err(Misfit::Invalid(_))
        ));
        assert!(
            matches!(check(&schema, &json!({"QueueID": "q", "x": 1}), ""), Err(Misfit::Invalid(m)) if m.contains("x is not"))
        );
    }

    #[test]
    fn a_list_for_one_value_is_too_many_results() {
        let schema = json!({"type": "object", "properties": {"state": {"type": "string"},
            "Presences": {"type": "array", "items": {"type": "string"}}}});
        assert!(
            matches!(check(&schema, &json!({"state": ["a", "b"]}), ""), Err(Misfit::TooMany(m)) if m.starts_with("state"))
        );
        assert!(
            matches!(check(&schema, &json!({"Presences": ["a", 2]}), ""), Err(Misfit::Invalid(m)) if m.starts_with("Presences[1]"))
        );
        assert_eq!(check(&schema, &json!({"Presences": ["a"]}), ""), Ok(()));
    }
}
