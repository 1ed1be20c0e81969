//! The values a Velocity template sees, how they print (as Java would), and the methods the
//! data-action templates call on strings, lists and maps.

use std::collections::BTreeMap;

/// A value in a template's context: the Java shapes Velocity works with.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Value>),
    Map(BTreeMap<String, Value>),
}

impl Value {
    /// A JSON value as Velocity would hold it after a JSON parser: objects become maps.
    pub fn from_json(json: &serde_json::Value) -> Value {
        match json {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => n
                .as_i64()
                .map_or_else(|| Value::Float(n.as_f64().unwrap_or(0.0)), Value::Int),
            serde_json::Value::String(s) => Value::Str(s.clone()),
            serde_json::Value::Array(a) => Value::List(a.iter().map(Value::from_json).collect()),
            serde_json::Value::Object(o) => Value::Map(
                o.iter()
                    .map(|(k, v)| (k.clone(), Value::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// How the value prints, as Java's `toString()` would (`[a, b]`, `{k=v}`, `1.0`).
    pub fn to_text(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e7 => {
                format!("{f:.1}")
            }
            Value::Float(f) => f.to_string(),
            Value::Str(s) => s.clone(),
            Value::List(items) => format!(
                "[{}]",
                items
                    .iter()
                    .map(Value::to_text)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Value::Map(m) => {
                format!(
                    "{{{}}}",
                    m.iter()
                        .map(|(k, v)| format!("{k}={}", v.to_text()))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        }
    }

    pub(crate) fn as_number(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            Value::Str(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    pub(crate) fn as_index(&self) -> Option<usize> {
        match self {
            Value::Int(i) => usize::try_from(*i).ok(),
            Value::Str(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// `#if` truth. Null and `false` are false; so are an empty string, list or map (the
    /// Velocity 2.x `directive.if.empty_check` rule; Velocity 1.7 would call `""` true).
    pub(crate) fn truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Map(m) => !m.is_empty(),
            Value::Int(_) | Value::Float(_) => true,
        }
    }

    /// `$value.name` as a property: a map's entry. `None` when there is no such member.
    pub(crate) fn property(&self, name: &str) -> Option<Value> {
        match self {
            Value::Map(m) => Some(m.get(name).cloned().unwrap_or(Value::Null)),
            _ => None,
        }
    }

    /// `$value.name(args)`. `None` when the value has no such method (or the call is invalid),
    /// which renders the reference literally as Velocity does.
    pub(crate) fn call(&self, name: &str, args: &[Value]) -> Option<Value> {
        let arg = |i: usize| args.get(i);
        let text = |i: usize| arg(i).map(Value::to_text);
        match (self, name, args.len()) {
            (_, "toString", 0) => Some(Value::Str(self.to_text())),
            (_, "equals", 1) => Some(Value::Bool(crate::velocity::render::equal(self, &args[0]))),
            (Value::Str(s), "length", 0) => Some(Value::Int(s.encode_utf16().count() as i64)),
            (Value::Str(s), "isEmpty", 0) => Some(Value::Bool(s.is_empty())),
            (Value::Str(s), "trim", 0) => Some(Value::Str(s.trim().to_string())),
            (Value::Str(s), "toLowerCase", 0) => Some(Value::Str(s.to_lowercase())),
            (Value::Str(s), "toUpperCase", 0) => Some(Value::Str(s.to_uppercase())),
            (Value::Str(s), "replace", 2) => Some(Value::Str(s.replace(&text(0)?, &text(1)?))),
            (Value::Str(s), "contains", 1) => Some(Value::Bool(s.contains(&text(0)?))),
            (Value::Str(s), "startsWith", 1) => Some(Value::Bool(s.starts_with(&text(0)?))),
            (Value::Str(s), "endsWith", 1) => Some(Value::Bool(s.ends_with(&text(0)?))),
            (Value::Str(s), "indexOf", 1) => Some(Value::Int(
                s.find(&text(0)?)
                    .map_or(-1, |b| s[..b].chars().count() as i64),
            )),
            (Value::Str(s), "substring", 1 | 2) => {
                let chars: Vec<char> = s.chars().collect();
                let from = arg(0)?.as_index()?;
                let to = match arg(1) {
                    Some(v) => v.as_index()?,
                    None => chars.len(),
                };
                (from <= to && to <= chars.len())
                    .then(|| Value::Str(chars[from..to].iter().collect()))
            }
            (Value::List(l), "size", 0) => Some(Value::Int(l.len() as i64)),
            (Value::List(l), "isEmpty", 0) => Some(Value::Bool(l.is_empty())),
            (Value::List(l), "get", 1) => l.get(arg(0)?.as_index()?).cloned(),
            (Value::List(l), "contains", 1) => Some(Value::Bool(
                l.iter()
                    .any(|v| crate::velocity::render::equal(v, &args[0])),
            )),
            (Value::Map(m), "size", 0) => Some(Value::Int(m.len() as i64)),
            (Value::Map(m), "isEmpty", 0) => Some(Value::Bool(m.is_empty())),
            (Value::Map(m), "get", 1) => Some(m.get(&text(0)?).cloned().unwrap_or(Value::Null)),
            (Value::Map(m), "containsKey", 1) => Some(Value::Bool(m.contains_key(&text(0)?))),
            (Value::Map(m), "keySet", 0) => {
                Some(Value::List(m.keys().cloned().map(Value::Str).collect()))
            }
            _ => None,
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(s)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
