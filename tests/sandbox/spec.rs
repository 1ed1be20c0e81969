//! Conformance: every API response body is checked against the Swagger 2.0 definitions of
//! `genesys-openapi.json` (a copy of shared/spec, the project's reconstructed spec).
//!
//! The checker covers what the spec uses: `$ref`, `type`, `required`, `properties`,
//! `additionalProperties`, `items`, `enum` and the `date-time`/`int32` formats. It is stricter
//! than Swagger in one way: a property the schema does not declare is an error (it catches
//! misspelt field names). `format: uri` accepts the relative URIs Genesys returns
//! (the listings' `nextUri`, `selfUri` and the like are paths on the API host).

use std::sync::LazyLock;

use serde_json::Value;

static SPEC: LazyLock<Value> = LazyLock::new(|| {
    serde_json::from_str(include_str!("genesys-openapi.json")).expect("the spec copy is JSON")
});

/// The operation for a concrete path: the template with the most literal segments wins
/// (`/integrations/types` over `/integrations/{integrationId}`).
fn operation(method: &str, path: &str) -> Option<(String, &'static Value)> {
    let wanted: Vec<&str> = path.split('/').collect();
    let mut best: Option<(usize, String, &Value)> = None;
    for (template, item) in SPEC["paths"].as_object()? {
        let parts: Vec<&str> = template.split('/').collect();
        if parts.len() != wanted.len() {
            continue;
        }
        let fits = parts
            .iter()
            .zip(&wanted)
            .all(|(t, w)| t.starts_with('{') || t == w);
        let Some(op) = item.get(method.to_ascii_lowercase()) else {
            continue;
        };
        if fits {
            let literal = parts.iter().filter(|t| !t.starts_with('{')).count();
            if best.as_ref().is_none_or(|b| literal > b.0) {
                best = Some((literal, template.clone(), op));
            }
        }
    }
    best.map(|(_, template, op)| (template, op))
}

/// Check one response; `Err` lists every mismatch.
pub fn check(method: &str, path: &str, status: u16, body: Option<&Value>) -> Result<(), String> {
    let (template, op) =
        operation(method, path).ok_or_else(|| format!("{method} {path} is not in the spec"))?;
    let declared = &op["responses"][status.to_string()];
    let schema = if status >= 400 {
        // Every error is an ErrorBody, declared or not (409 and 405 are not declared per op).
        serde_json::json!({ "$ref": "#/definitions/ErrorBody" })
    } else if declared.is_null() {
        return Err(format!(
            "{method} {template} does not declare status {status}"
        ));
    } else {
        declared.get("schema").cloned().unwrap_or(Value::Null)
    };
    match (schema.is_null(), body) {
        (true, None) => Ok(()),
        (true, Some(_)) => Err(format!(
            "{method} {template} {status} declares no body but got one"
        )),
        (false, None) => Err(format!(
            "{method} {template} {status} declares a body but got none"
        )),
        (false, Some(body)) => {
            let mut errors = Vec::new();
            validate(&schema, body, "$", &mut errors);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "{method} {template} {status}:\n  {}",
                    errors.join("\n  ")
                ))
            }
        }
    }
}

fn resolve(schema: &Value) -> &Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let name = reference.trim_start_matches("#/definitions/");
            resolve(&SPEC["definitions"][name])
        }
        None => schema,
    }
}

fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && (s.ends_with('Z') || s[19..].contains(['+', '-']))
}

pub fn validate(schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let schema = resolve(schema);
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        if !allowed.contains(value) {
            errors.push(format!("{at}: {value} is not one of {allowed:?}"));
        }
    }
    let kind = schema.get("type").and_then(Value::as_str);
    match kind {
        Some("object") | None if value.is_object() => {
            let object = value.as_object().expect("checked is_object");
            for name in schema["required"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if !object.contains_key(name) {
                    errors.push(format!("{at}: required property {name} is missing"));
                }
            }
            let properties = schema.get("properties").and_then(Value::as_object);
            let additional = schema.get("additionalProperties");
            for (key, item) in object {
                match (properties.and_then(|p| p.get(key)), additional) {
                    (Some(property), _) => validate(property, item, &format!("{at}.{key}"), errors),
                    (None, Some(extra)) if extra.is_object() => {
                        validate(extra, item, &format!("{at}.{key}"), errors)
                    }
                    (None, Some(Value::Bool(true))) => {}
                    (None, _) if properties.is_none() => {}
                    (None, _) => errors.push(format!("{at}: property {key} is not in the schema")),
                }
            }
        }
        None => {}
        Some("object") => errors.push(format!("{at}: expected an object, got {value}")),
        Some("array") => match value.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    validate(&schema["items"], item, &format!("{at}[{i}]"), errors);
                }
            }
            None => errors.push(format!("{at}: expected an array, got {value}")),
        },
        Some("string") => match value.as_str() {
            Some(s) if schema["format"] == "date-time" && !is_date_time(s) => {
                errors.push(format!("{at}: {s:?} is not an ISO-8601 date-time"))
            }
            Some(_) => {}
            None => errors.push(format!("{at}: expected a string, got {value}")),
        },
        Some("integer") => {
            let fits = match schema["format"].as_str() {
                Some("int32") => value.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
                _ => value.is_i64() || value.is_u64(),
            };
            if !fits {
                errors.push(format!(
                    "{at}: expected an integer ({}), got {value}",
                    schema["format"]
                ));
            }
        }
        Some("number") if !value.is_number() => {
            errors.push(format!("{at}: expected a number, got {value}"))
        }
        Some("boolean") if !value.is_boolean() => {
            errors.push(format!("{at}: expected a boolean, got {value}"))
        }
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn errors(definition: &str, value: Value) -> Vec<String> {
        let mut errors = Vec::new();
        validate(
            &json!({ "$ref": format!("#/definitions/{definition}") }),
            &value,
            "$",
            &mut errors,
        );
        errors
    }

    #[test]
    fn the_checker_rejects_what_the_spec_forbids() {
        assert!(errors("RoleDivision", json!({ "roleId": "r", "divisionId": "d" })).is_empty());
        assert_eq!(
            errors("RoleDivision", json!({ "roleId": "r" })).len(),
            1,
            "required"
        );
        assert_eq!(
            errors("RoleDivision", json!({ "roleId": 1, "divisionId": "d" })).len(),
            1,
            "type"
        );
        assert_eq!(
            errors(
                "RoleDivision",
                json!({ "roleId": "r", "divisionId": "d", "x": 1 })
            )
            .len(),
            1,
            "extra"
        );
        assert_eq!(
            errors(
                "OAuthClient",
                json!({ "name": "n", "authorizedGrantType": "CLIENT_CREDENTIALS" })
            )
            .len(),
            1,
            "enum"
        );
        assert_eq!(
            errors(
                "OAuthClient",
                json!({ "name": "n", "authorizedGrantType": "CODE", "dateCreated": "yesterday" })
            )
            .len(),
            1,
            "date-time"
        );
        assert_eq!(
            errors("ErrorBody", json!({ "status": 4_000_000_000u64 })).len(),
            1,
            "int32"
        );
        assert_eq!(
            errors("ErrorBody", json!({ "messageParams": { "a": 1 } })).len(),
            1,
            "additionalProperties"
        );
        assert_eq!(
            errors(
                "CredentialInfoCursorListing",
                json!({ "entities": [{ "id": 5 }] })
            )
            .len(),
            1,
            "items"
        );
    }

    #[test]
    fn operations_prefer_literal_segments() {
        let (template, _) = operation("GET", "/api/v2/integrations/types").expect("in the spec");
        assert_eq!(template, "/api/v2/integrations/types");
        let (template, _) = operation("GET", "/api/v2/integrations/abc").expect("in the spec");
        assert_eq!(template, "/api/v2/integrations/{integrationId}");
        assert!(check("GET", "/api/v2/nothing", 200, None).is_err());
        assert!(
            check("DELETE", "/api/v2/oauth/clients/x", 204, Some(&json!({}))).is_err(),
            "204 has no body"
        );
    }
}
