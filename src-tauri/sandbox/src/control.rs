//! `/__sandbox/...` on the API host: the knobs over HTTP for tests in other languages and for
//! manual use. Only loopback peers are served (the listener is loopback-only as well).

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::{from_fn, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, on, post, put, MethodFilter, MethodRouter};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error_body::ApiError;
use crate::knob_state::RateLimit;
use crate::knobs::Knobs;
use crate::org::{Org, RoutingStatus, SystemPresence};
use crate::resource::{body, no_content};
use crate::server::Connection;
use crate::store::Ctx;
use crate::variants::Variant;

pub fn router() -> Router<Ctx> {
    Router::new()
        .route("/snapshot", get(snapshot))
        .route("/reset", post(reset))
        .route("/latency", delay(Knobs::set_latency))
        .route(
            "/faults",
            knob(MethodFilter::POST, Knobs::add_fault).delete(clear_faults),
        )
        .route(
            "/rate-limit",
            knob(MethodFilter::PUT, |k, limit: RateLimit| {
                k.set_rate_limit(Some(limit))
            })
            .delete(lift_rate_limit),
        )
        .route("/consistency-delay", delay(Knobs::set_consistency_delay))
        .route("/activation-delay", delay(Knobs::set_activation_delay))
        .route("/secret-delay", delay(Knobs::set_secret_delay))
        .route(
            "/clock/advance",
            knob(MethodFilter::POST, |k, Seconds { seconds }| {
                k.advance_clock(Duration::from_secs(seconds))
            }),
        )
        .route("/variants", put(variants))
        .route("/presence", put(presence))
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
#[serde(rename_all = "camelCase")]
struct PresenceChange {
    user_id: String,
    system_presence: SystemPresence,
    #[serde(default)]
    routing_status: Option<RoutingStatus>,
}

#[derive(Deserialize)]
struct Seconds {
    seconds: u64,
}

/// A knob set from a JSON body: the body read as `T` (400 `bad.request` when it is not one),
/// handed to `set`, then 204.
fn knob<T, F>(method: MethodFilter, set: F) -> MethodRouter<Ctx>
where
    T: DeserializeOwned + Send + 'static,
    F: Fn(&Knobs, T) + Clone + Send + Sync + 'static,
{
    on(method, move |State(ctx): State<Ctx>, bytes: Bytes| {
        let set = set.clone();
        async move {
            set(&Knobs(ctx), body(&bytes)?);
            Ok::<_, ApiError>(no_content())
        }
    })
}

/// A delay knob: `PUT {"millis": N}`.
fn delay(set: fn(&Knobs, Duration)) -> MethodRouter<Ctx> {
    knob(MethodFilter::PUT, move |k, Millis { millis }| {
        set(k, Duration::from_millis(millis))
    })
}

async fn snapshot(State(ctx): State<Ctx>) -> Json<Org> {
    Json(ctx.read(Org::clone))
}

async fn reset(State(ctx): State<Ctx>) -> Result<Response, ApiError> {
    ctx.reset().map_err(|_| ApiError::internal())?;
    Ok(no_content())
}

async fn clear_faults(State(ctx): State<Ctx>) -> Response {
    Knobs(ctx).clear_faults();
    no_content()
}

async fn lift_rate_limit(State(ctx): State<Ctx>) -> Response {
    Knobs(ctx).set_rate_limit(None);
    no_content()
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
    Ok(no_content())
}

/// `PUT /__sandbox/presence` with `{"userId", "systemPresence", "routingStatus"?}`: that user's
/// presence (see `Knobs::set_presence`), 204; 404 `not.found` for an unknown user.
async fn presence(State(ctx): State<Ctx>, bytes: Bytes) -> Result<Response, ApiError> {
    let change: PresenceChange = body(&bytes)?;
    let knobs = Knobs(ctx);
    match knobs.set_presence(
        &change.user_id,
        change.system_presence,
        change.routing_status,
    ) {
        true => Ok(no_content()),
        false => Err(ApiError::not_found()),
    }
}
