//! Step 8, "Execute": the resolved request sent to this org's own API with the run's token,
//! in process: a fresh copy of the API host's router answers it through `oneshot`, so every
//! layer and check an outside call meets (bearer token, permissions, faults, latency, rate
//! limit) applies, no socket is opened and no lock is held while it runs. The request carries
//! an [`ActionCall`] extension so that actions calling actions stop at a depth.

use std::collections::BTreeMap;
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderName, HeaderValue, Method, Request, StatusCode};
use serde_json::{json, Value};
use tower::ServiceExt;

use super::trace::Outcome;
use super::ActionCall;
use crate::api::actions::errors::step;
use crate::error_body::ApiError;
use crate::store::Ctx;

/// The largest answer a run reads. No source states Genesys's limit; the Sandbox's bound keeps
/// one run from holding an unbounded body.
const MAX_ANSWER: usize = 5 * 1024 * 1024;

/// What step 8 sends.
pub struct Outgoing<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub headers: &'a BTreeMap<String, String>,
    pub body: &'a str,
    pub bearer: String,
    pub timeout: Duration,
    pub depth: u8,
}

/// What the endpoint answered: its JSON and its text (the success template's `$rawResult`).
pub struct Answer {
    pub json: Value,
    pub text: String,
}

/// A failure of step 8 (`ACTION.REMOTE_ENDPOINT`) with the status's usual code.
fn remote(status: StatusCode, message: String) -> ApiError {
    let code = ApiError::for_status(status).code.clone();
    step(status, &code, message, "ACTION.REMOTE_ENDPOINT")
}

pub async fn execute(ctx: &Ctx, out: Outgoing<'_>) -> Outcome<Answer> {
    let method = Method::from_bytes(out.method.as_bytes()).map_err(|_| {
        remote(
            StatusCode::BAD_REQUEST,
            format!("{} is not an HTTP method.", out.method),
        )
    })?;
    let sends_body = matches!(method, Method::POST | Method::PUT | Method::PATCH);
    let mut request = Request::builder()
        .method(method.clone())
        .uri(out.url)
        .body(if sends_body {
            Body::from(out.body.to_owned())
        } else {
            Body::empty()
        })
        .map_err(|e| {
            remote(
                StatusCode::BAD_REQUEST,
                format!("The request cannot be built: {e}"),
            )
        })?;
    let headers = request.headers_mut();
    headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    if sends_body {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    }
    for (name, value) in out.headers {
        // The integration authenticates the call itself: an action's own Authorization header
        // is not sent (the Sandbox's rule).
        if name.eq_ignore_ascii_case("authorization") {
            continue;
        }
        if let (Ok(n), Ok(v)) = (
            HeaderName::try_from(name.as_str()),
            HeaderValue::from_str(value),
        ) {
            headers.insert(n, v);
        }
    }
    let bearer = HeaderValue::from_str(&out.bearer).map_err(|_| ApiError::internal())?;
    headers.insert(AUTHORIZATION, bearer);
    request.extensions_mut().insert(ActionCall {
        depth: out.depth.saturating_add(1),
    });
    let router = crate::api::router(ctx.clone());
    let answered = tokio::time::timeout(out.timeout, router.oneshot(request)).await;
    let Ok(Ok(response)) = answered else {
        return Err(step(
            StatusCode::GATEWAY_TIMEOUT,
            "request.timeout",
            format!(
                "{} {} took longer than the action's {} s timeout.",
                out.method,
                out.url,
                out.timeout.as_secs()
            ),
            "ACTION.REMOTE_ENDPOINT",
        ));
    };
    let status = response.status();
    let bytes = to_bytes(response.into_body(), MAX_ANSWER)
        .await
        .map_err(|_| {
            remote(
                StatusCode::BAD_GATEWAY,
                format!(
                    "{} {} answered more than {MAX_ANSWER} bytes, or broke off.",
                    out.method, out.url
                ),
            )
        })?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    if !status.is_success() {
        return Err(refused(status, out.method, out.url, &text));
    }
    let json: Value = if text.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).map_err(|e| {
            remote(
                StatusCode::BAD_GATEWAY,
                format!("{} {} did not answer JSON: {e}", out.method, out.url),
            )
        })?
    };
    let shown = if json.is_object() {
        json.clone()
    } else {
        json!({ "rawResult": json })
    };
    Ok((Answer { json, text }, shown))
}

/// The endpoint said no: its status and code (when it answered an `ErrorBody`), a message
/// naming the call, `ACTION.REMOTE_ENDPOINT`, and its own body in `errors[]`. Whether Genesys
/// keeps the endpoint's status or answers 400 is not in any source; the Sandbox keeps it.
fn refused(status: StatusCode, method: &str, url: &str, text: &str) -> ApiError {
    let body: Option<Value> = serde_json::from_str(text).ok().filter(Value::is_object);
    let code = body
        .as_ref()
        .and_then(|b| b["code"].as_str())
        .unwrap_or("bad.request")
        .to_owned();
    let said = body
        .as_ref()
        .and_then(|b| b["message"].as_str())
        .map_or_else(|| text.chars().take(500).collect(), str::to_owned);
    step(
        status,
        &code,
        format!("{method} {url} answered {}: {said}", status.as_u16()),
        "ACTION.REMOTE_ENDPOINT",
    )
    .with_errors(body.into_iter().collect())
}
