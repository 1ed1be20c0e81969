//! A contract's JSON schema as the editor's tree of fields, and back. Only what the tree can
//! show is read: a schema it cannot (a `$ref`, a union of types, a root that is not an
//! object) is reported as such, so the editor never saves a reduced copy over it. Fields come
//! back in name order (a JSON object has no order of its own).

use serde_json::{json, Map, Value};

use crate::wire::actions::{ContractField, FieldType};

/// Why a schema cannot be edited as a tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotATree(pub String);

fn type_name(t: FieldType) -> &'static str {
    match t {
        FieldType::String => "string",
        FieldType::Integer => "integer",
        FieldType::Number => "number",
        FieldType::Boolean => "boolean",
        FieldType::Array => "array",
        FieldType::Object => "object",
    }
}

fn parse_type(v: Option<&Value>, at: &str) -> Result<FieldType, NotATree> {
    Ok(match v.and_then(Value::as_str) {
        Some("string") => FieldType::String,
        Some("integer") => FieldType::Integer,
        Some("number") => FieldType::Number,
        Some("boolean") => FieldType::Boolean,
        Some("array") => FieldType::Array,
        Some("object") => FieldType::Object,
        _ => return Err(NotATree(format!("{at}: no single type"))),
    })
}

fn property_schema(f: &ContractField) -> Value {
    match f.field_type {
        FieldType::Object => object_schema(&f.children, None),
        FieldType::Array => {
            let items = match f.item_type.unwrap_or(FieldType::String) {
                FieldType::Object => object_schema(&f.children, None),
                simple => json!({ "type": type_name(simple) }),
            };
            json!({ "type": "array", "items": items })
        }
        simple => json!({ "type": type_name(simple) }),
    }
}

fn object_schema(fields: &[ContractField], title: Option<&str>) -> Value {
    let mut properties = Map::new();
    for f in fields {
        properties.insert(f.name.clone(), property_schema(f));
    }
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name.as_str())
        .collect();
    let mut schema = Map::new();
    if let Some(title) = title {
        schema.insert("title".into(), json!(title));
    }
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".into(), json!(required));
    }
    // Extra keys in an answer are allowed, as in the schemas the admin UI writes.
    schema.insert("additionalProperties".into(), json!(true));
    Value::Object(schema)
}

/// The contract schema of `fields` (an object at the root, `title` kept when given).
pub fn to_schema(fields: &[ContractField], title: Option<&str>) -> Value {
    object_schema(fields, title)
}

fn fields_of(schema: &Value, at: &str) -> Result<Vec<ContractField>, NotATree> {
    if schema.get("$ref").is_some() {
        return Err(NotATree(format!("{at}: $ref")));
    }
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let Some(properties) = schema.get("properties") else {
        return Ok(Vec::new());
    };
    let properties = properties
        .as_object()
        .ok_or_else(|| NotATree(format!("{at}.properties: not an object")))?;
    let mut fields = Vec::with_capacity(properties.len());
    for (name, p) in properties {
        let here = format!("{at}.{name}");
        if p.get("$ref").is_some() {
            return Err(NotATree(format!("{here}: $ref")));
        }
        let field_type = parse_type(p.get("type"), &here)?;
        let (item_type, children) = match field_type {
            FieldType::Object => (None, fields_of(p, &here)?),
            FieldType::Array => {
                let items = p.get("items").unwrap_or(&Value::Null);
                if items.get("$ref").is_some() {
                    return Err(NotATree(format!("{here}.items: $ref")));
                }
                match parse_type(items.get("type"), &format!("{here}.items"))? {
                    FieldType::Object => (Some(FieldType::Object), fields_of(items, &here)?),
                    simple => (Some(simple), Vec::new()),
                }
            }
            _ => (None, Vec::new()),
        };
        fields.push(ContractField {
            name: name.clone(),
            field_type,
            required: required.contains(&name.as_str()),
            item_type,
            children,
        });
    }
    Ok(fields)
}

/// The tree of a contract schema whose root is an object; an absent schema is an empty tree.
pub fn from_schema(schema: &Value) -> Result<Vec<ContractField>, NotATree> {
    if schema.is_null() {
        return Ok(Vec::new());
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("object") | None => fields_of(schema, "$"),
        Some(other) => Err(NotATree(format!("$: a root of type {other}"))),
    }
}

/// The schema's `title`, kept across an edit.
pub fn title_of(schema: &Value) -> Option<&str> {
    schema.get("title").and_then(Value::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str, t: FieldType) -> ContractField {
        ContractField {
            name: name.into(),
            field_type: t,
            required: false,
            item_type: None,
            children: Vec::new(),
        }
    }

    #[test]
    fn a_tree_survives_a_round_trip_through_its_schema() {
        let mut presences = field("Presences", FieldType::Array);
        presences.item_type = Some(FieldType::String);
        let mut member = field("Members", FieldType::Array);
        member.item_type = Some(FieldType::Object);
        member.children = vec![
            field("id", FieldType::String),
            field("on", FieldType::Boolean),
        ];
        let mut queue = field("QueueID", FieldType::String);
        queue.required = true;
        let tree = vec![presences, member, queue];
        let schema = to_schema(&tree, Some("Out"));
        assert_eq!(schema["properties"]["Presences"]["items"]["type"], "string");
        assert_eq!(schema["required"], json!(["QueueID"]));
        assert_eq!(title_of(&schema), Some("Out"));
        let mut back = from_schema(&schema).unwrap();
        back.sort_by(|a, b| a.name.cmp(&b.name));
        let mut expected = tree.clone();
        expected.sort_by(|a, b| a.name.cmp(&b.name));
        assert_eq!(back, expected);
    }

    #[test]
    fn schemas_the_tree_cannot_show_are_refused_not_reduced() {
        for schema in [
            json!({"type": "object", "properties": {"a": {"$ref": "#/x"}}}),
            json!({"type": "object", "properties": {"a": {"type": ["string", "null"]}}}),
            json!({"type": "array", "items": {"type": "string"}}),
            json!({"type": "object", "properties": ["a"]}),
        ] {
            assert!(from_schema(&schema).is_err(), "{schema}");
        }
        assert_eq!(from_schema(&Value::Null).unwrap(), Vec::new());
    }
}
