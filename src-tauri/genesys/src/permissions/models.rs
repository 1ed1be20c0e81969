//! Response models: the schema of each operation's success answer (`200`, else `201` or `202`)
//! in the org's API description, with the definitions those schemas reach, so that a data action's sample
//! response can be drafted offline from the endpoint it calls. Swagger 2.0 writes a model as a
//! `#/definitions/<Name>` reference, an `object` with `properties`, or an `array` of `items`;
//! that is all a draft reads. The drafted values are placeholders: a string is its property's
//! name, a number 0, a boolean `false`, an enum its first value, an array holds one item.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Past this depth of nested objects a draft writes `{}`: Genesys models nest deeply (a queue
/// member's user has a manager who is a user…) and a sample only needs the first levels.
pub const MAX_DRAFT_DEPTH: usize = 6;
/// A draft stops expanding objects after this many values, so a wide model stays readable.
pub const MAX_DRAFT_VALUES: usize = 1500;

/// Operations' answer schemas and the definitions they use.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseModels {
    /// `<METHOD> <path template>` → the success answer's schema, as the document writes it.
    #[serde(default)]
    pub responses: BTreeMap<String, Value>,
    /// Every definition reachable from `responses`, by name.
    #[serde(default)]
    pub definitions: BTreeMap<String, Value>,
}

/// A sample answer drafted from a model.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The definition the answer is, when the schema names one (`QueueMemberEntityListing`).
    pub model: Option<String>,
    pub sample: Value,
}

/// The answers a draft is taken from: the first of these the operation describes. Swagger 2.0
/// keys responses by status, and no source says which success status Genesys gives a body in,
/// so 200, 201 and 202 are tried in that order.
pub const SUCCESS_STATUSES: [&str; 3] = ["200", "201", "202"];

fn key(method: &str, path: &str) -> String {
    format!("{} {path}", method.to_ascii_uppercase())
}

/// The definition a `$ref` names, if it points into `#/definitions/`.
fn ref_name(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/definitions/"))
}

impl ResponseModels {
    /// From answers' schemas by method and path template, and a whole document's
    /// `definitions`, keeps only the definitions those schemas reach.
    pub fn pruned(
        responses: BTreeMap<(String, String), Value>,
        mut all: BTreeMap<String, Value>,
    ) -> ResponseModels {
        let responses: BTreeMap<String, Value> = responses
            .into_iter()
            .map(|((m, p), s)| (key(&m, &p), s))
            .collect();
        let mut definitions = BTreeMap::new();
        let mut pending: Vec<String> = Vec::new();
        for schema in responses.values() {
            collect_refs(schema, &mut pending);
        }
        while let Some(name) = pending.pop() {
            if definitions.contains_key(&name) {
                continue;
            }
            if let Some(schema) = all.remove(&name) {
                collect_refs(&schema, &mut pending);
                definitions.insert(name, schema);
            }
        }
        ResponseModels {
            responses,
            definitions,
        }
    }

    /// The answer schema of `method path` (a template of the document), if described.
    pub fn response(&self, method: &str, path: &str) -> Option<&Value> {
        self.responses.get(&key(method, path))
    }

    /// A sample answer of `method path`, or `None` when the document describes no answer body.
    pub fn draft(&self, method: &str, path: &str) -> Option<Draft> {
        let schema = self.response(method, path)?;
        let mut drafter = Drafter {
            models: self,
            open: BTreeSet::new(),
            values: 0,
        };
        Some(Draft {
            model: ref_name(schema).map(str::to_owned),
            sample: drafter.value(schema, "value", 0),
        })
    }
}

impl ResponseModels {
    /// The members of `answer` that `schema` does not describe (objects by their properties,
    /// arrays through their items, references through the kept definitions), as JSONPath-like
    /// paths from `$`: an answer, or a draft, checked against its model.
    pub fn undescribed(&self, answer: &Value, schema: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.walk(answer, schema, "$", &mut out);
        out
    }

    fn walk(&self, answer: &Value, schema: &Value, at: &str, out: &mut Vec<String>) {
        let schema = match ref_name(schema) {
            Some(name) => match self.definitions.get(name) {
                Some(definition) => definition,
                None => {
                    out.push(format!("{at} (model {name} not kept)"));
                    return;
                }
            },
            None => schema,
        };
        match answer {
            Value::Object(map) => {
                for (key, value) in map {
                    let path = format!("{at}.{key}");
                    match schema.get("properties").and_then(|p| p.get(key)) {
                        Some(inner) => self.walk(value, inner, &path, out),
                        None => out.push(path),
                    }
                }
            }
            Value::Array(items) => {
                let inner = schema.get("items").unwrap_or(&Value::Null);
                for (i, value) in items.iter().enumerate() {
                    self.walk(value, inner, &format!("{at}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
}

fn collect_refs(schema: &Value, into: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(name) = ref_name(schema) {
                into.push(name.to_owned());
            }
            for v in map.values() {
                collect_refs(v, into);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, into)),
        _ => {}
    }
}

struct Drafter<'a> {
    models: &'a ResponseModels,
    /// The definitions being drafted on the way down: a model met again inside itself is `{}`.
    open: BTreeSet<String>,
    values: usize,
}

impl Drafter<'_> {
    fn value(&mut self, schema: &Value, name: &str, depth: usize) -> Value {
        self.values += 1;
        if let Some(model) = ref_name(schema) {
            let Some(definition) = self.models.definitions.get(model) else {
                return Value::Object(Map::new());
            };
            if !self.open.insert(model.to_owned()) {
                return Value::Object(Map::new());
            }
            let drafted = self.value(definition, name, depth);
            self.open.remove(model);
            return drafted;
        }
        if let Some(first) = schema
            .get("enum")
            .and_then(Value::as_array)
            .and_then(|e| e.first())
        {
            return first.clone();
        }
        let kind = schema.get("type").and_then(Value::as_str).unwrap_or("");
        match kind {
            "array" => {
                let items = schema.get("items").cloned().unwrap_or(Value::Null);
                Value::Array(vec![self.value(&items, name, depth)])
            }
            "string" => Value::String(string_of(schema, name)),
            "integer" | "number" => Value::from(0),
            "boolean" => Value::Bool(false),
            _ if schema.get("properties").is_some() || kind == "object" => {
                self.object(schema, depth)
            }
            _ => Value::Null,
        }
    }

    fn object(&mut self, schema: &Value, depth: usize) -> Value {
        let mut out = Map::new();
        if depth >= MAX_DRAFT_DEPTH {
            return Value::Object(out);
        }
        let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
            return Value::Object(out);
        };
        for (property, inner) in properties {
            if self.values >= MAX_DRAFT_VALUES {
                break;
            }
            let v = self.value(inner, property, depth + 1);
            out.insert(property.clone(), v);
        }
        Value::Object(out)
    }
}

/// A placeholder string: a date for the date formats (the ISO-8601 form Genesys answers in),
/// else the property's own name, which keeps the drafted tree readable.
fn string_of(schema: &Value, name: &str) -> String {
    match schema.get("format").and_then(Value::as_str) {
        Some("date-time") => "2026-01-01T00:00:00.000Z".to_owned(),
        Some("date") => "2026-01-01".to_owned(),
        _ => name.to_owned(),
    }
}
