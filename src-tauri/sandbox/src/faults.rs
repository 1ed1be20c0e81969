//! The layers every request passes: the correlation id (and `ErrorBody` rendering with the same
//! `contextId`), the latency knob (which also counts the requests in flight), and injected
//! faults matched by route and method (a 429's `Retry-After` left out under variant
//! `no-retry-after`).

use std::time::Duration;

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;

use crate::error_body::ApiError;
use crate::ids;
use crate::knob_state::FaultKind;
use crate::server::Connection;
use crate::store::{lock, Ctx};
use crate::variants::RetryAfter;

/// Which host a layer serves: the API host answers every error with an `ErrorBody`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Host {
    Login,
    Api,
}

/// A request's correlation id (a request extension), for answers that embed an `ErrorBody` in a
/// 200 (a data action's test result) and give it the response's `contextId`.
#[derive(Debug, Clone)]
pub struct CorrelationId(pub String);

/// Outermost layer: sets `ININ-Correlation-Id` and renders errors with it as `contextId`.
pub async fn correlate(State(host): State<Host>, mut request: Request, next: Next) -> Response {
    let context_id = ids::new_id();
    request
        .extensions_mut()
        .insert(CorrelationId(context_id.clone()));
    let mut response = next.run(request).await;
    let status = response.status();
    let verbatim = response.extensions().get::<Verbatim>().is_some();
    let error = response.extensions_mut().remove::<ApiError>().or_else(|| {
        let bare_error = status.is_client_error() || status.is_server_error();
        (host == Host::Api && bare_error && !verbatim).then(|| ApiError::for_status(status))
    });
    if let Some(error) = error {
        let (mut parts, _) = response.into_parts();
        parts.status = error.status;
        parts.headers.remove(CONTENT_LENGTH);
        parts
            .headers
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        let body = Body::from(error.body(&context_id).to_string());
        response = Response::from_parts(parts, body);
    }
    if let Ok(value) = HeaderValue::from_str(&context_id) {
        response.headers_mut().insert("inin-correlation-id", value);
    }
    response
}

/// The latency knob, applied to every request on both hosts; it also counts the requests in
/// flight, keeps the most seen at once, and notes when each arrived.
pub async fn latency(State(ctx): State<Ctx>, request: Request, next: Next) -> Response {
    let delay = {
        let mut knobs = lock(&ctx.knobs);
        knobs.in_flight = knobs.in_flight.saturating_add(1);
        knobs.max_in_flight = knobs.max_in_flight.max(knobs.in_flight);
        if knobs.arrivals.len() < crate::knob_state::MAX_ARRIVALS {
            knobs.arrivals.push(tokio::time::Instant::now());
        }
        knobs.latency
    };
    // Counted down however the request ends (answered, or dropped with its connection).
    let _in_flight = InFlight(ctx.clone());
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    next.run(request).await
}

struct InFlight(Ctx);

impl Drop for InFlight {
    fn drop(&mut self) {
        let mut knobs = lock(&self.0.knobs);
        knobs.in_flight = knobs.in_flight.saturating_sub(1);
    }
}

/// Injected faults, matched on the route template or the concrete path and the method.
pub async fn inject(State(ctx): State<Ctx>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned())
        .unwrap_or_default();
    let (fault, hang, retry_after_sent) = {
        let mut knobs = lock(&ctx.knobs);
        let fault = knobs.take_fault(request.method().as_str(), &route, request.uri().path());
        (
            fault,
            knobs.hang,
            knobs.variant.retry_after == RetryAfter::Sent,
        )
    };
    // Only a 429's `Retry-After` is the variant's to drop; other statuses keep what the rule says.
    let keep = |status: StatusCode| retry_after_sent || status != StatusCode::TOO_MANY_REQUESTS;
    match fault {
        None => next.run(request).await,
        Some(FaultKind::Status {
            status,
            retry_after,
        }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut error = ApiError::for_status(status);
            if let Some(seconds) = retry_after.filter(|_| keep(status)) {
                error = error.with_header("retry-after", &seconds.to_string());
            }
            error.into_response()
        }
        Some(FaultKind::StatusRetryAt { status, retry_at }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut error = ApiError::for_status(status);
            if keep(status) {
                error = error.with_header("retry-after", &retry_at);
            }
            error.into_response()
        }
        Some(FaultKind::ConnectionReset) => {
            if let Some(connection) = request.extensions().get::<Connection>() {
                connection.reset();
            }
            hold(hang).await
        }
        Some(FaultKind::Hang) => hold(hang).await,
        Some(FaultKind::Body {
            status,
            content_type,
            body,
        }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut response = (status, body).into_response();
            if let Ok(value) = HeaderValue::from_str(&content_type) {
                response.headers_mut().insert(CONTENT_TYPE, value);
            }
            response.extensions_mut().insert(Verbatim);
            response
        }
        Some(FaultKind::CutBody) => cut_body(next.run(request).await).await,
        Some(FaultKind::CreateThenFail { status }) => {
            let response = next.run(request).await;
            if response.status().is_success() {
                let status =
                    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                ApiError::for_status(status).into_response()
            } else {
                response
            }
        }
    }
}

/// Marks a response whose body must reach the client as it is (no `ErrorBody` rendering).
#[derive(Clone, Copy)]
pub struct Verbatim;

/// The response's headers and the first half of its body, then a broken connection.
async fn cut_body(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let half = bytes.slice(..bytes.len() / 2);
    let broken = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "cut by a fault");
    // The break comes a moment later, so the headers and the half are on the wire first.
    let chunks = futures_util::stream::iter([Ok(half)]).chain(futures_util::stream::once(async {
        tokio::time::sleep(Duration::from_millis(50)).await;
        Err(broken)
    }));
    parts.headers.remove(CONTENT_LENGTH);
    parts.extensions.insert(Verbatim);
    Response::from_parts(parts, Body::from_stream(chunks))
}

/// Answer nothing for `hang` (the connection is usually gone long before), then 504.
async fn hold(hang: Duration) -> Response {
    tokio::time::sleep(hang).await;
    ApiError::for_status(StatusCode::GATEWAY_TIMEOUT).into_response()
}
