//! JSONPath as Genesys data actions read it: RFC 9535 (`serde_json_path`) under a thin Jayway shim.

mod filter;
mod jayway;

use serde_json::Value;
use serde_json_path::JsonPath;

use crate::error::{EngineError, ErrorKind};

/// What a path found.
///
/// Definiteness follows Jayway, which Genesys appears to run (its `$.[0]` and rootless forms are
/// Jayway's, json-path/JsonPath `PathCompiler.compile`): a path is *indefinite* when it contains a
/// deep scan `..`, a wildcard `*`, a filter `[?(...)]`, a slice `[a:b]` or several names or
/// indexes `[0,1]`; any other path is *definite*. Jayway returns a definite path's single value and
/// an indefinite path's matches as a list (json-path/JsonPath README.md, "What is Returned When?").
/// A tail function (`.length()`) keeps the path's definiteness: on a definite path it gives one
/// result, on an indefinite one a list of one result per match (the public "Get Message ID Count"
/// action in GenesysCloudBlueprints/limitless-flows-blueprint reads `[?(...)].messages.length()` back with `firstFromArray`).
#[derive(Debug, Clone, PartialEq)]
pub enum PathResult {
    /// A definite path: the one value it names, or `None` when the document has no such node.
    Definite(Option<Value>),
    /// An indefinite path: every match in document order, possibly none.
    Indefinite(Vec<Value>),
}

impl PathResult {
    /// The value a translation map stores, or `None` when the path found nothing: a definite path
    /// with no node, or an indefinite path with no match. A JSON `null` that is found is a value
    /// ("Null values do not fall back to defaults", help.mypurecloud.com "Response configuration").
    pub fn value(&self) -> Option<Value> {
        match self {
            PathResult::Definite(v) => v.clone(),
            PathResult::Indefinite(items) if items.is_empty() => None,
            PathResult::Indefinite(items) => Some(Value::Array(items.clone())),
        }
    }

    pub fn is_definite(&self) -> bool {
        matches!(self, PathResult::Definite(_))
    }
}

/// Checks that `path` compiles (Jayway forms included) without running it.
pub fn check_path(path: &str) -> Result<(), EngineError> {
    parse(path).map(|_| ())
}

fn parse(path: &str) -> Result<(JsonPath, jayway::Compiled), EngineError> {
    let compiled = jayway::compile(path)?;
    let parsed = JsonPath::parse(&compiled.rfc).map_err(|e| {
        let shown = if compiled.rfc == path {
            String::new()
        } else {
            format!(" (read as `{}`)", compiled.rfc)
        };
        EngineError::new(
            ErrorKind::PathSyntax,
            format!("`{path}`{shown} is not a valid JSONPath: {e}"),
        )
    })?;
    Ok((parsed, compiled))
}

/// Runs `path` against `doc`. Genesys extras handled here: a missing leading `$.` (`name` is
/// `$.name`), `$.[0]` and `$.['a']`, dot names RFC 9535 forbids (`$.Build-Version`), `=~` regex
/// filters, `in`/`nin` filters, and the tail functions `length()`/`size()`, `sum()`, `min()`,
/// `max()`, `avg()`, `stddev()`, `keys()`, `first()`, `last()`.
pub fn eval_path(path: &str, doc: &Value) -> Result<PathResult, EngineError> {
    let (parsed, compiled) = parse(path)?;
    let nodes: Vec<Value> = parsed.query(doc).all().into_iter().cloned().collect();
    match (&compiled.tail, compiled.definite) {
        (None, true) => Ok(PathResult::Definite(nodes.into_iter().next())),
        (None, false) => Ok(PathResult::Indefinite(nodes)),
        (Some(name), true) => match nodes.first() {
            Some(input) => Ok(PathResult::Definite(tail_function(name, input, path)?)),
            None => Ok(PathResult::Definite(None)),
        },
        (Some(name), false) => {
            let mut results = Vec::with_capacity(nodes.len());
            for input in &nodes {
                results.extend(tail_function(name, input, path)?);
            }
            Ok(PathResult::Indefinite(results))
        }
    }
}

fn numbers(input: &Value, name: &str, path: &str) -> Result<Vec<f64>, EngineError> {
    let items = match input {
        Value::Array(items) => items.as_slice(),
        other => std::slice::from_ref(other),
    };
    items
        .iter()
        .map(|v| v.as_f64())
        .collect::<Option<Vec<f64>>>()
        .filter(|v| !v.is_empty())
        .ok_or_else(|| {
            EngineError::new(
                ErrorKind::PathSyntax,
                format!("`{path}`: {name}() needs a list of numbers"),
            )
        })
}

fn number(x: f64) -> Option<Value> {
    serde_json::Number::from_f64(x).map(Value::Number)
}

/// Jayway's tail functions (json-path/JsonPath README.md, "Functions"), applied to one node.
fn tail_function(name: &str, input: &Value, path: &str) -> Result<Option<Value>, EngineError> {
    Ok(match name {
        "length" | "size" => match input {
            Value::Array(a) => Some(a.len().into()),
            Value::Object(o) => Some(o.len().into()),
            Value::String(s) => Some(s.chars().count().into()),
            _ => None,
        },
        "keys" => input
            .as_object()
            .map(|o| o.keys().cloned().map(Value::String).collect()),
        "first" => input.as_array().and_then(|a| a.first().cloned()),
        "last" => input.as_array().and_then(|a| a.last().cloned()),
        _ => {
            let xs = numbers(input, name, path)?;
            let n = xs.len() as f64;
            let sum: f64 = xs.iter().sum();
            let avg = sum / n;
            match name {
                "sum" => number(sum),
                "avg" => number(avg),
                "min" => number(xs.iter().copied().fold(f64::INFINITY, f64::min)),
                "max" => number(xs.iter().copied().fold(f64::NEG_INFINITY, f64::max)),
                _ => number((xs.iter().map(|x| (x - avg).powi(2)).sum::<f64>() / n).sqrt()),
            }
        }
    })
}
