//! The response half of a data action: the translation map, then the success template.

use serde_json::{Map, Value};

use crate::error::{EngineError, ErrorKind};
use crate::path::eval_path;
use crate::velocity::{render, Context, UndefinedRef};

/// Applies each translation-map path to `response`. A path that finds nothing takes its default,
/// which is JSON text (`"0"`, `"[]"`, `"\"\""`); a path that finds nothing and has no default is
/// left out. A JSON `null` that is found stays `null`.
pub fn translate(
    translation_map: &Map<String, Value>,
    defaults: &Map<String, Value>,
    response: &Value,
) -> Result<Map<String, Value>, EngineError> {
    let mut out = Map::new();
    for (name, path) in translation_map {
        let path = path.as_str().ok_or_else(|| {
            EngineError::new(
                ErrorKind::PathSyntax,
                format!("the translation map entry `{name}` is not a string"),
            )
        })?;
        let found = eval_path(path, response).map_err(|e| EngineError {
            message: format!("translation map `{name}`: {}", e.message),
            ..e
        })?;
        match (found.value(), defaults.get(name)) {
            (Some(value), _) => {
                out.insert(name.clone(), value);
            }
            (None, Some(default)) => {
                out.insert(name.clone(), default_value(name, default)?);
            }
            (None, None) => {}
        }
    }
    Ok(out)
}

/// A default is JSON text; a default given as a JSON value (not a string) is taken as that value.
fn default_value(name: &str, default: &Value) -> Result<Value, EngineError> {
    let Value::String(text) = default else {
        return Ok(default.clone());
    };
    serde_json::from_str(text).map_err(|e| {
        EngineError::new(
            ErrorKind::DefaultNotJson,
            format!("the default of `{name}` is not JSON text ({e}): write \"\\\"{text}\\\"\" for a string"),
        )
    })
}

/// The success template's result: what it rendered, parsed as JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct SuccessOutput {
    pub json: Value,
    pub text: String,
}

/// Renders the success template over the translated values and parses the result as JSON. An
/// undefined variable fails the step the way Genesys does ("Variable $Presences has not been
/// set at successTemplate[line 1, column 20]"); a parse error names its line and column in the
/// rendered text.
pub fn success_output(
    success_template: &str,
    translated: &Map<String, Value>,
) -> Result<Value, EngineError> {
    success_output_with_raw(success_template, translated, None).map(|out| out.json)
}

/// As [`success_output`], with `$rawResult` set to the remote endpoint's body when given.
pub fn success_output_with_raw(
    success_template: &str,
    translated: &Map<String, Value>,
    raw_result: Option<&str>,
) -> Result<SuccessOutput, EngineError> {
    let mut context = Context::for_success(translated);
    if let Some(raw) = raw_result {
        context.set("rawResult", raw);
    }
    let rendered = render(success_template, &context)?;
    if let Some(first @ UndefinedRef { line, column, .. }) = rendered.undefined.first() {
        return Err(EngineError::at(
            ErrorKind::TemplateRender,
            first.message("successTemplate"),
            *line,
            *column,
        ));
    }
    let json = serde_json::from_str(&rendered.text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        let near = rendered
            .text
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("");
        EngineError::at(
            ErrorKind::OutputNotJson,
            format!("the rendered success template is not JSON: {e}; the line reads `{near}`"),
            line,
            column,
        )
    })?;
    Ok(SuccessOutput {
        json,
        text: rendered.text,
    })
}
