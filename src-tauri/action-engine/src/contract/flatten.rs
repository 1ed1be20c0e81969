//! "Architect's flattening" of an action's output, for `flatten=true`: of the success schema
//! (`successSchemaFlattened`, a `FlattenedJsonSchemaDocument {schema, arrayProperties}`) and of
//! a run's output (`finalResult`).
//!
//! No public source shows the format beyond the model's description of `arrayProperties`
//! ("Properties in the original document that were arrays"), so these rules are the Sandbox's and the preview's:
//! members of objects become dotted names (`address.city`); an array of simple values keeps its
//! name and stays an array (the workshop's `Presences`); each member of an array of objects
//! becomes an array of its own named with the dotted path (`entities.name`), holding `null`
//! where an element lacks the member, so the arrays stay aligned; every array's dotted path is
//! listed in `arrayProperties`. Flattened schemas carry no `required`.

use serde_json::{json, Map, Value};

use super::types;

fn join(at: &str, name: &str) -> String {
    if at.is_empty() {
        name.to_owned()
    } else {
        format!("{at}.{name}")
    }
}

fn has_type(schema: &Value, wanted: &str) -> bool {
    types(schema).is_some_and(|t| t.contains(&wanted))
}

fn members(schema: &Value) -> Option<&Map<String, Value>> {
    schema.get("properties").and_then(Value::as_object)
}

/// `successSchemaFlattened`: the flat schema and the paths that were arrays.
pub fn flatten_schema(schema: &Value) -> Value {
    let mut properties = Map::new();
    let mut arrays = Vec::new();
    schema_into(schema, "", false, &mut properties, &mut arrays);
    let mut flat = json!({ "type": "object", "properties": properties });
    for key in ["$schema", "title", "description"] {
        if let Some(value) = schema.get(key) {
            flat[key] = value.clone();
        }
    }
    json!({ "schema": flat, "arrayProperties": arrays })
}

fn schema_into(
    schema: &Value,
    at: &str,
    in_array: bool,
    out: &mut Map<String, Value>,
    arrays: &mut Vec<String>,
) {
    if has_type(schema, "array") && !in_array {
        if !at.is_empty() {
            arrays.push(at.to_owned());
        }
        let items = schema.get("items").cloned().unwrap_or_else(|| json!({}));
        if members(&items).is_some() {
            schema_into(&items, at, true, out, arrays);
        } else if !at.is_empty() {
            out.insert(at.to_owned(), schema.clone());
        }
        return;
    }
    match members(schema) {
        Some(children) if has_type(schema, "object") || !has_type(schema, "array") => {
            for (name, child) in children {
                schema_into(child, &join(at, name), in_array, out, arrays);
            }
        }
        _ if at.is_empty() => {}
        _ if in_array => {
            out.insert(
                at.to_owned(),
                json!({ "type": "array", "items": schema.clone() }),
            );
        }
        _ => {
            out.insert(at.to_owned(), schema.clone());
        }
    }
}

/// The names a schema's members flatten to (for an empty array of objects, which still shows
/// every member as an empty array).
fn leaf_names(schema: &Value, at: &str, out: &mut Vec<String>) {
    match members(schema) {
        Some(children) if !has_type(schema, "array") => {
            for (name, child) in children {
                leaf_names(child, &join(at, name), out);
            }
        }
        _ if !at.is_empty() => out.push(at.to_owned()),
        _ => {}
    }
}

/// A run's output flattened the way [`flatten_schema`] flattens its schema.
pub fn flatten_output(schema: &Value, value: &Value) -> Value {
    let mut out = Map::new();
    value_into(schema, value, "", &mut out);
    Value::Object(out)
}

fn value_into(schema: &Value, value: &Value, at: &str, out: &mut Map<String, Value>) {
    match value {
        Value::Object(object) => {
            let children = members(schema);
            for (name, member) in object {
                let child = children.and_then(|c| c.get(name)).unwrap_or(&Value::Null);
                value_into(child, member, &join(at, name), out);
            }
        }
        Value::Array(items) => {
            let item_schema = schema.get("items").unwrap_or(&Value::Null);
            if items.iter().any(Value::is_object) {
                columns(item_schema, items, at, out);
            } else if items.is_empty() && members(item_schema).is_some() {
                let mut names = Vec::new();
                leaf_names(item_schema, at, &mut names);
                for name in names {
                    out.insert(name, json!([]));
                }
            } else if !at.is_empty() {
                out.insert(at.to_owned(), value.clone());
            }
        }
        _ if at.is_empty() => {}
        other => {
            out.insert(at.to_owned(), other.clone());
        }
    }
}

/// An array of objects as one array per member, aligned on the elements.
fn columns(item_schema: &Value, items: &[Value], at: &str, out: &mut Map<String, Value>) {
    let rows: Vec<Map<String, Value>> = items
        .iter()
        .map(|item| {
            let mut row = Map::new();
            match item {
                Value::Object(_) => value_into(item_schema, item, "", &mut row),
                other => {
                    row.insert(String::new(), other.clone());
                }
            }
            row
        })
        .collect();
    let mut names: Vec<&String> = Vec::new();
    for row in &rows {
        for name in row.keys() {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    for name in names {
        let column: Vec<Value> = rows
            .iter()
            .map(|r| r.get(name).cloned().unwrap_or(Value::Null))
            .collect();
        out.insert(join(at, name), Value::Array(column));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn presences() -> Value {
        json!({"type": "object", "properties": {"Presences": {"type": "array", "items": {"type": "string"}}}})
    }

    #[test]
    fn an_array_of_strings_keeps_its_name() {
        let flat = flatten_schema(&presences());
        assert_eq!(
            flat,
            json!({"schema": {"type": "object", "properties": {"Presences": {"type": "array", "items": {"type": "string"}}}},
                   "arrayProperties": ["Presences"]})
        );
        let output = json!({"Presences": ["Available", "On Queue"]});
        assert_eq!(flatten_output(&presences(), &output), output);
    }

    #[test]
    fn objects_take_dotted_names_and_arrays_of_objects_become_aligned_columns() {
        let schema = json!({"type": "object", "properties": {
            "queue": {"type": "object", "properties": {"name": {"type": "string"}, "size": {"type": "integer"}}},
            "members": {"type": "array", "items": {"type": "object", "properties": {
                "name": {"type": "string"}, "user": {"type": "object", "properties": {"state": {"type": "string"}}}}}}}});
        let flat = flatten_schema(&schema);
        assert_eq!(flat["arrayProperties"], json!(["members"]));
        assert_eq!(
            flat["schema"]["properties"]["queue.size"],
            json!({"type": "integer"})
        );
        assert_eq!(
            flat["schema"]["properties"]["members.user.state"],
            json!({"type": "array", "items": {"type": "string"}})
        );
        let output = json!({"queue": {"name": "Claims", "size": 2},
            "members": [{"name": "Ana", "user": {"state": "active"}}, {"name": "Diego"}]});
        assert_eq!(
            flatten_output(&schema, &output),
            json!({"queue.name": "Claims", "queue.size": 2, "members.name": ["Ana", "Diego"],
                   "members.user.state": ["active", null]})
        );
        let empty = json!({"queue": {"name": "Empty", "size": 0}, "members": []});
        assert_eq!(
            flatten_output(&schema, &empty)["members.user.state"],
            json!([])
        );
    }
}
