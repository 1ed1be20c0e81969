//! The login host: `/oauth/authorize` (sign-in page, code with PKCE, implicit), `/oauth/token`
//! and `/logout`, with the same latency and fault layers as the API host.

pub(crate) mod access_token;
mod authorize;
mod grants;
mod page;
mod redirect;
mod session;
mod token;

use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};

use crate::faults::{self, Host};
use crate::store::Ctx;

use session::BrowserSessions;

pub fn router(ctx: Ctx) -> Router {
    Router::new()
        .route(
            "/oauth/authorize",
            get(authorize::show).post(authorize::submit),
        )
        .route("/oauth/token", post(token::exchange))
        .route("/logout", get(session::logout))
        .fallback(|| async { not_found() })
        .route_layer(from_fn_with_state(ctx.clone(), faults::inject))
        .layer(from_fn_with_state(ctx.clone(), faults::latency))
        .layer(from_fn_with_state(Host::Login, faults::correlate))
        .layer(Extension(BrowserSessions::default()))
        .with_state(ctx)
}

fn not_found() -> Response {
    (axum::http::StatusCode::NOT_FOUND, "Not found").into_response()
}
