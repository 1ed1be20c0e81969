//! `/__sandbox/...` on the API host: the knobs over HTTP for tests in other languages and for
//! manual use. Only loopback peers are served (the listener is loopback-only as well).

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::{from_fn, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;

use crate::api::body;
use crate::error_body::ApiError;
use crate::knobs::{FaultRule, Knobs, RateLimit};
use crate::org::Org;
use crate::server::Connection;
use crate::store::Ctx;
use crate::variants::Variant;

pub fn router() -> Router<Ctx> {
    Router::new()
        .route("/snapshot", get(snapshot))
        .route("/reset", post(reset))
        .route("/latency", put(latency))
        .route("/faults", post(add_fault).delete(clear_faults))
        .route("/rate-limit", put(rate_limit).delete(lift_rate_limit))
        .route("/consistency-delay", put(consistency_delay))
        .route("/activation-delay", put(activation_delay))
        .route("/secret-delay", put(secret_delay))
        .route("/clock/advance", post(advance_clock))
        .route("/variants", put(variants))
        .layer(from_fn(loopback_only))
}

async fn loopback_only(request: Request, next: Next) -> Response {
    let loopback = request
        .extensions()
        .get::<Connection>()
        .is_some_and(|c| c.peer.ip().is_loopback());
    if loopback {
        next.run(request).await
    } else {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "not.authorized",
            "The Sandbox control routes only answer loopback callers.",
        )
        .into_response()
    }
}

#[derive(Deserialize)]
struct Millis {
    millis: u64,
}

#[derive(Deserialize)]
struct Seconds {
    seconds: u64,
}

fn done() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

async fn snapshot(State(ctx): State<Ctx>) -> Json<Org> {
    Json(ctx.read(Org::clone))
}

async fn reset(State(ctx): State<Ctx>) -> Result<Response, ApiError> {
    ctx.reset().map_err(|_| ApiError::internal())?;
    Ok(done())
}

async fn latency(State(ctx): State<Ctx>, bytes: Bytes) -> Result<Response, ApiError> {
    let Millis { millis } = body(&bytes)?;
    Knobs(ctx).set_latency(Duration::from_millis(millis));
    Ok(done())
}

async fn add_fault(State(ctx): State<Ctx>, bytes: Bytes) -> Result<Response, ApiError> {
    let rule: FaultRule = body(&bytes)?;
    Knobs(ctx).add_fault(rule);
    Ok(done())
}

async fn clear_faults(State(ctx): State<Ctx>) -> Response {
    Knobs(ctx).clear_faults();
    done()
}

async fn rate_limit(State(ctx): State<Ctx>, bytes: Bytes) -> Result<Response, ApiError> {
    let limit: RateLimit = body(&bytes)?;
    Knobs(ctx).set_rate_limit(Some(limit));
    Ok(done())
}

async fn lift_rate_limit(State(ctx): State<Ctx>) -> Response {
    Knobs(ctx).set_rate_limit(None);
    done()
}

async fn consistency_delay(State(ctx): State<Ctx>, bytes: Bytes) -> Result<Response, ApiError> {
    let Millis { millis } = body(&bytes)?;
    Knobs(ctx).set_consistency_delay(Duration::from_millis(millis));
    Ok(done())
}

async fn activation_delay(State(ctx): State<Ctx>, bytes: Bytes) -> Result<Response, ApiError> {
    let Millis { millis } = body(&bytes)?;
    Knobs(ctx).set_activation_delay(Duration::from_millis(millis));
    Ok(done())
}

async fn secret_delay(State(ctx): State<Ctx>, bytes: Bytes) -> Result<Response, ApiError> {
    let Millis { millis } = body(&bytes)?;
    Knobs(ctx).set_secret_delay(Duration::from_millis(millis));
    Ok(done())
}

async fn advance_clock(State(ctx): State<Ctx>, bytes: Bytes) -> Result<Response, ApiError> {
    let Seconds { seconds } = body(&bytes)?;
    Knobs(ctx).advance_clock(Duration::from_secs(seconds));
    Ok(done())
}

/// `PUT /__sandbox/variants` with a list of form names (`["config-stub"]`): those forms over the
/// defaults; an empty list restores the defaults.
async fn variants(State(ctx): State<Ctx>, bytes: Bytes) -> Result<Response, ApiError> {
    let names: Vec<String> = body(&bytes)?;
    let mut variant = Variant::default();
    for name in &names {
        variant
            .choose(name)
            .map_err(|message| ApiError::new(StatusCode::BAD_REQUEST, "invalid.value", &message))?;
    }
    Knobs(ctx).set_variant(variant);
    Ok(done())
}
