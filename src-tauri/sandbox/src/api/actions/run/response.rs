//! The response half of a run: the translation map over the endpoint's JSON (step 9) and the
//! success template over the translated values, checked against the output contract (step 10).
//!
//! Step 9 follows the action engine's JSONPath (Jayway dialect): a path that finds something
//! keeps it, `null` included ("null values do not fall back to defaults"); a path that finds
//! nothing takes its default, which is JSON text (`"0"`, `"[]"`, `"null"`). A default that is not
//! JSON text is inserted as it is, or taken as a string, as the variant says. A path that finds
//! nothing without a default fails the step with `no.results` (the Sandbox's reading of that
//! code, which `POST …/execute` lists).

use std::collections::BTreeMap;

use action_engine::{eval_path, render, Context, ErrorKind};
use axum::http::StatusCode;
use serde_json::{json, Map, Value};

use super::remote::Answer;
use super::trace::Outcome;
use crate::api::actions::errors::{invalid_schema, step, transform_failed};
use crate::api::actions::model::ActionConfig;
use crate::error_body::ApiError;
use crate::variants::NonJsonDefault;
use action_engine::contract::{check, flatten_output, Misfit};

/// A translated value: JSON, or a default inserted as its own text (variant `default-verbatim`).
pub enum Translated {
    Json(Value),
    Verbatim(String),
}

impl Translated {
    /// What the success template sees: JSON text (strings with their quotes), or the verbatim text.
    fn text(&self) -> String {
        match self {
            Translated::Json(v) => v.to_string(),
            Translated::Verbatim(t) => t.clone(),
        }
    }

    fn shown(&self) -> Value {
        match self {
            Translated::Json(v) => v.clone(),
            Translated::Verbatim(t) => json!(t),
        }
    }
}

pub type Translation = BTreeMap<String, Translated>;

fn processing(message: String) -> ApiError {
    step(
        StatusCode::BAD_REQUEST,
        "bad.request",
        message,
        "ACTION.PROCESSING",
    )
}

/// Step 9.
pub fn translate(
    config: &ActionConfig,
    answer: &Answer,
    defaults: NonJsonDefault,
) -> Outcome<Translation> {
    let response = &config.response;
    let mut out = Translation::new();
    for (name, path) in &response.translation_map {
        let found = eval_path(path, &answer.json).map_err(|e| {
            let why = match e.kind {
                ErrorKind::PathUnsupported => format!("{} (the Sandbox org does not reproduce this JSONPath feature; check it on a real org)", e.message),
                _ => e.message,
            };
            processing(format!("The translation map entry {name} cannot be resolved: {why}"))
        })?;
        let value = match (found.value(), response.translation_map_defaults.get(name)) {
            (Some(value), _) => Translated::Json(value),
            (None, Some(text)) => match serde_json::from_str(text) {
                Ok(value) => Translated::Json(value),
                Err(_) if defaults == NonJsonDefault::AsString => Translated::Json(json!(text)),
                Err(_) => Translated::Verbatim(text.clone()),
            },
            (None, None) => {
                return Err(step(
                    StatusCode::BAD_REQUEST,
                    "no.results",
                    format!(
                    "The translation map entry {name} found nothing at {path} and has no default."
                ),
                    "ACTION.PROCESSING",
                ))
            }
        };
        out.insert(name.clone(), value);
    }
    let shown: Map<String, Value> = out.iter().map(|(k, v)| (k.clone(), v.shown())).collect();
    Ok((out, Value::Object(shown)))
}

/// Step 10: the success template rendered (`$rawResult` is the endpoint's answer as text), read
/// as JSON, checked against the success schema, and flattened when asked. The failure message
/// wraps the engine's reason the way the test tool does ("Transform failed to process result
/// using 'successTemplate' template due to error:'Variable $Presences has not been set at
/// successTemplate[line 1, column 20]'").
pub fn transform(
    config: &ActionConfig,
    translated: &Translation,
    answer: &Answer,
    schema: &Value,
    flatten: bool,
) -> Outcome<Value> {
    let mut context = Context::new();
    for (name, value) in translated {
        context.set(name.clone(), value.text());
    }
    context.set("rawResult", answer.text.clone());
    let rendered = render(config.success_template(), &context)
        .map_err(|e| transform_failed(&e.to_string()))?;
    if let Some(undefined) = rendered.undefined.first() {
        return Err(transform_failed(&undefined.message("successTemplate")));
    }
    let output: Value = serde_json::from_str(&rendered.text).map_err(|e| {
        transform_failed(&format!("the result is not JSON ({e}): {}", rendered.text))
    })?;
    match check(schema, &output, "") {
        Ok(()) => {}
        Err(Misfit::TooMany(why)) => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "too.many.results",
                format!("The output has several results where the contract wants one: {why}"),
            ))
        }
        Err(Misfit::Invalid(why)) => return Err(invalid_schema(&why)),
    }
    let output = if flatten {
        flatten_output(schema, &output)
    } else {
        output
    };
    Ok((output.clone(), output))
}
