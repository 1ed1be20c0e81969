//! An action's contracts applied to values: whether a value fits a contract schema
//! (`check.rs`, the checks of test steps 3 and 10) and the output flattened the way Architect
//! sees it (`flatten.rs`). The Sandbox org runs actions with these, and the app's offline
//! preview does too.

mod check;
mod flatten;

pub use check::{check, Misfit};
pub use flatten::{flatten_output, flatten_schema};

use serde_json::Value;

/// The `type` of a schema as a list (`"string"` or `["string", "null"]`); `None` when absent or
/// not a string or list of strings.
pub fn types(schema: &Value) -> Option<Vec<&str>> {
    match schema.get("type")? {
        Value::String(t) => Some(vec![t.as_str()]),
        Value::Array(list) => list.iter().map(Value::as_str).collect(),
        _ => None,
    }
}
