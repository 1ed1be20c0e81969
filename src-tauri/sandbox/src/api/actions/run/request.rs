//! The request half of a run: the body as simple key-value JSON (step 1), the inputs against the
//! input contract (step 3), and the URL, header and body templates resolved with `$input`, the
//! inputs as they are (steps 5–7).

use std::collections::BTreeMap;

use action_engine::{render, Context};
use axum::http::{StatusCode, Uri};
use serde_json::{json, Map, Value};

use super::trace::Outcome;
use crate::api::actions::errors::{invalid_schema, invalid_substitution};
use crate::api::actions::model::ActionConfig;
use crate::error_body::ApiError;
use action_engine::contract::{check, Misfit};

pub type Inputs = Map<String, Value>;

/// Step 1: a JSON object whose values are simple (no objects, no arrays). An empty body is read
/// as `{}`, for actions without inputs (the Sandbox's choice).
pub fn simple_json(body: &[u8]) -> Outcome<Inputs> {
    let text = std::str::from_utf8(body).unwrap_or("").trim();
    let parsed: Value = if text.is_empty() {
        json!({})
    } else {
        serde_json::from_str(text)
            .map_err(|e| ApiError::bad_request(format!("The request body is not JSON: {e}")))?
    };
    let Value::Object(inputs) = parsed else {
        return Err(ApiError::bad_request(
            "The request body must be a JSON object of key-value pairs.",
        ));
    };
    if let Some((name, _)) = inputs.iter().find(|(_, v)| v.is_object() || v.is_array()) {
        return Err(ApiError::bad_request(format!(
            "The input {name} is an object or an array: the request body holds simple key-value pairs only."
        )));
    }
    let shown = Value::Object(inputs.clone());
    Ok((inputs, json!({ "input": shown })))
}

/// Step 3: the inputs fit the input contract (types, `required`, `additionalProperties`).
pub fn against_input_schema(schema: &Value, inputs: &Inputs) -> Outcome<()> {
    match check(schema, &Value::Object(inputs.clone()), "") {
        Ok(()) => Ok(((), json!({ "valid": true }))),
        Err(Misfit::TooMany(why) | Misfit::Invalid(why)) => Err(invalid_schema(&why)),
    }
}

/// One template rendered with the inputs, or `invalid.substitution`: a template that does not
/// parse or render, or a reference to a variable never set.
fn resolve(template: &str, inputs: &Inputs, field: &str) -> Result<String, ApiError> {
    let rendered = render(template, &Context::for_request(inputs))
        .map_err(|e| invalid_substitution(field, &format!("{field}: {e}")))?;
    if let Some(undefined) = rendered.undefined.first() {
        return Err(invalid_substitution(field, &undefined.message(field)));
    }
    Ok(rendered.text)
}

/// Step 5: the URL. A Genesys Cloud Data Actions action calls this org's own API, so the URL
/// must be a path under `/api/` (the admin UI's hint for such actions: the URL "will start with
/// '/api/'", genesys-samples/DataActionsWorkshop content/en-US/020-Configuration/40_fourth.md);
/// a URL that does not read as a URI path is refused here too.
pub fn url(config: &ActionConfig, inputs: &Inputs) -> Outcome<String> {
    let template = config.request.request_url_template.as_deref().unwrap_or("");
    let url = resolve(template, inputs, "requestUrlTemplate")?
        .trim()
        .to_owned();
    let parsed = Uri::try_from(url.as_str()).ok();
    let relative = parsed
        .as_ref()
        .is_some_and(|u| u.scheme().is_none() && u.authority().is_none());
    if !relative || !url.starts_with("/api/") {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad.request",
            format!("The resolved request URL [{url}] is not a path of this org's API (/api/...)."),
        ));
    }
    Ok((url.clone(), json!({ "requestUrl": url })))
}

/// Step 6: each header value. An `Accept` header must ask for JSON: a run reads JSON answers
/// only. No repository shows Genesys's wording or the step it fails at; these are the Sandbox's.
pub fn headers(config: &ActionConfig, inputs: &Inputs) -> Outcome<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (name, template) in &config.request.headers {
        let value = resolve(template, inputs, &format!("headers.{name}"))?;
        if name.eq_ignore_ascii_case("accept") && !value.to_ascii_lowercase().contains("json") {
            return Err(ApiError::bad_request(format!(
                "The Accept header [{value}] must name a JSON content type: data actions read JSON answers only."
            )));
        }
        out.insert(name.clone(), value);
    }
    let shown = json!({ "headers": out });
    Ok((out, shown))
}

/// Step 7: the body. Every method resolves it; only POST, PUT and PATCH send it.
pub fn body(config: &ActionConfig, inputs: &Inputs) -> Outcome<String> {
    let text = resolve(config.request_template(), inputs, "requestTemplate")?;
    Ok((text.clone(), json!({ "requestBody": text })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::actions::model::RequestConfig;

    fn config(url: &str) -> ActionConfig {
        ActionConfig {
            request: RequestConfig {
                request_url_template: Some(url.into()),
                request_type: Some("GET".into()),
                ..RequestConfig::default()
            },
            ..ActionConfig::default()
        }
    }

    fn inputs(v: Value) -> Inputs {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn only_flat_objects_are_simple_json() {
        assert!(simple_json(br#"{"QueueID": "q", "n": 1, "b": null}"#).is_ok());
        assert!(simple_json(b"").is_ok());
        for bad in [
            &b"[1]"[..],
            b"\"x\"",
            b"{\"a\": {\"b\": 1}}",
            b"{\"a\": [1]}",
            b"{",
        ] {
            assert_eq!(simple_json(bad).unwrap_err().status, 400);
        }
    }

    #[test]
    fn the_url_takes_the_raw_input_and_must_stay_on_the_api() {
        let (url, _) = super::url(
            &config("/api/v2/routing/queues/${input.QueueID}/members?expand=presence"),
            &inputs(json!({"QueueID": "8a4f"})),
        )
        .unwrap();
        assert_eq!(url, "/api/v2/routing/queues/8a4f/members?expand=presence");
        let missing = super::url(&config("/api/v2/x/$nothing"), &inputs(json!({}))).unwrap_err();
        assert_eq!(missing.code, "invalid.substitution");
        assert!(
            missing.message.contains(
                "Variable $nothing has not been set at requestUrlTemplate[line 1, column 11]"
            ),
            "{}",
            missing.message
        );
        for elsewhere in [
            "https://example.com/api/v2/x",
            "/__sandbox/reset",
            "/api/v2/a b",
        ] {
            assert_eq!(
                super::url(&config(elsewhere), &inputs(json!({})))
                    .unwrap_err()
                    .code,
                "bad.request"
            );
        }
    }

    #[test]
    fn an_accept_header_must_ask_for_json() {
        let mut c = config("/api/v2/x");
        c.request
            .headers
            .insert("Accept".into(), "text/plain".into());
        assert!(headers(&c, &inputs(json!({}))).is_err());
        c.request
            .headers
            .insert("Accept".into(), "application/json".into());
        assert!(headers(&c, &inputs(json!({}))).is_ok());
    }
}
