//! A test's inputs: the window sends each input field as typed text; the request body is a
//! flat JSON object whose values have the types the input contract gives them (the test
//! tool's first and third steps check exactly that: simple key-value JSON matching the input
//! schema). An empty optional field is left out; a bad number is refused here, by field.

use std::collections::BTreeMap;

use serde_json::{Map, Number, Value};

use crate::wire::actions::{ContractField, FieldType, FormProblem, Severity};

fn problem(name: &str, code: &str) -> FormProblem {
    FormProblem {
        field: format!("input.{name}"),
        code: code.into(),
        value: Some(name.to_owned()),
        severity: Severity::Rule,
        fix: None,
    }
}

fn typed(field: &ContractField, text: &str) -> Result<Value, &'static str> {
    Ok(match field.field_type {
        FieldType::String => Value::String(text.to_owned()),
        FieldType::Integer => Value::Number(
            text.trim()
                .parse::<i64>()
                .map_err(|_| "inputNotInteger")?
                .into(),
        ),
        FieldType::Number => Value::Number(
            text.trim()
                .parse::<f64>()
                .ok()
                .and_then(Number::from_f64)
                .ok_or("inputNotNumber")?,
        ),
        FieldType::Boolean => match text.trim() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => return Err("inputNotBoolean"),
        },
        FieldType::Array | FieldType::Object => return Err("inputNotSimple"),
    })
}

/// The test body for `values` (field name → text) under the input contract `fields`.
pub fn test_body(
    fields: &[ContractField],
    values: &BTreeMap<String, String>,
) -> Result<Map<String, Value>, Vec<FormProblem>> {
    let mut body = Map::new();
    let mut problems = Vec::new();
    for field in fields {
        let text = match values.get(&field.name).map(String::as_str) {
            // A required string may be empty (that is a value); any other empty field is unset.
            Some("") if field.required && field.field_type == FieldType::String => "",
            None | Some("") => {
                if field.required {
                    problems.push(problem(&field.name, "inputRequired"));
                }
                continue;
            }
            Some(text) => text,
        };
        match typed(field, text) {
            Ok(value) => {
                body.insert(field.name.clone(), value);
            }
            Err(code) => problems.push(problem(&field.name, code)),
        }
    }
    let size = serde_json::to_vec(&body).map_or(0, |b| b.len());
    if size >= super::rules::MAX_BODY_BYTES {
        problems.push(FormProblem {
            field: "input".into(),
            code: "tooLarge".into(),
            value: Some(super::rules::MAX_BODY_BYTES.to_string()),
            severity: Severity::Rule,
            fix: None,
        });
    }
    if problems.is_empty() {
        Ok(body)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str, t: FieldType, required: bool) -> ContractField {
        ContractField {
            name: name.into(),
            field_type: t,
            required,
            item_type: None,
            children: Vec::new(),
        }
    }

    fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn values_take_their_contract_types() {
        let fields = [
            field("QueueID", FieldType::String, true),
            field("pageSize", FieldType::Integer, false),
            field("ratio", FieldType::Number, false),
            field("joined", FieldType::Boolean, false),
        ];
        let body = test_body(
            &fields,
            &values(&[
                ("QueueID", "q-1"),
                ("pageSize", " 100 "),
                ("ratio", "0.5"),
                ("joined", "true"),
            ]),
        )
        .unwrap();
        assert_eq!(
            Value::Object(body),
            serde_json::json!({"QueueID": "q-1", "pageSize": 100, "ratio": 0.5, "joined": true})
        );
        // Optional fields left empty are not sent.
        let body = test_body(&fields, &values(&[("QueueID", "q-1"), ("pageSize", "")])).unwrap();
        assert_eq!(body.len(), 1);
    }

    #[test]
    fn bad_values_are_refused_by_field() {
        let fields = [
            field("QueueID", FieldType::String, true),
            field("pageSize", FieldType::Integer, true),
            field("joined", FieldType::Boolean, false),
        ];
        let problems =
            test_body(&fields, &values(&[("pageSize", "ten"), ("joined", "yes")])).unwrap_err();
        let codes: Vec<_> = problems
            .iter()
            .map(|p| (p.field.as_str(), p.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                ("input.QueueID", "inputRequired"),
                ("input.pageSize", "inputNotInteger"),
                ("input.joined", "inputNotBoolean")
            ]
        );
        // An empty string is a value for a required string (Genesys accepts "").
        assert!(test_body(&fields[..1], &values(&[("QueueID", "")])).is_ok());
        let huge = "q".repeat(super::super::rules::MAX_BODY_BYTES);
        let problems = test_body(&fields[..1], &values(&[("QueueID", &huge)])).unwrap_err();
        assert_eq!(problems[0].code, "tooLarge");
    }
}
