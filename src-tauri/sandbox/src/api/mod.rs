//! The API host: `/api/v2/...` routes (one file or folder per Genesys API area, like `genesys/src/api`),
//! the `/__sandbox/` control routes, and the layers (correlation, latency, rate limit, faults).

pub mod actions;
mod authorization;
mod credentials;
mod divisions;
mod docs;
mod docs_models;
mod integration_config;
mod integration_types;
mod integrations;
mod oauth_client_rules;
mod oauth_clients;
mod oauth_scopes;
mod organizations;
mod queue_members;
mod reported_state;
mod roles;
mod routing_queues;
mod tokens;
mod users;

use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::Router;

use crate::control;
use crate::error_body::ApiError;
use crate::faults::{self, Host};
use crate::rate_limit;
use crate::store::Ctx;

pub fn router(ctx: Ctx) -> Router {
    let v2 = Router::new()
        .route("/docs/swagger", get(docs::swagger))
        .route("/tokens/me", get(tokens::get_me).delete(tokens::delete_me))
        .route("/users/me", get(users::get_me))
        .route(
            "/users/{userId}/roles",
            get(users::get_roles).put(users::put_roles),
        )
        .route("/organizations/me", get(organizations::get_me))
        .route(
            "/authorization/subjects/me",
            get(authorization::subjects_me),
        )
        .route("/authorization/roles", get(roles::list).post(roles::create))
        .route("/authorization/roles/{roleId}", get(roles::get_one))
        .route("/authorization/divisions", get(divisions::list))
        .route("/authorization/divisions/home", get(divisions::home))
        .route(
            "/authorization/divisions/{divisionId}",
            get(divisions::get_one),
        )
        .route(
            "/oauth/clients",
            get(oauth_clients::list).post(oauth_clients::create),
        )
        .route(
            "/oauth/clients/{clientId}",
            get(oauth_clients::get_one)
                .put(oauth_clients::update)
                .delete(oauth_clients::delete),
        )
        .route(
            "/oauth/clients/{clientId}/secret",
            post(oauth_clients::regenerate_secret),
        )
        .route("/routing/queues", get(routing_queues::list))
        .route("/routing/queues/{queueId}", get(routing_queues::get_one))
        .route(
            "/routing/queues/{queueId}/members",
            get(queue_members::list),
        )
        .route("/oauth/scopes", get(oauth_scopes::list))
        .route("/oauth/scopes/{scopeId}", get(oauth_scopes::get_one))
        .route(
            "/integrations",
            get(integrations::list).post(integrations::install),
        )
        .route("/integrations/types", get(integration_types::list))
        .route(
            "/integrations/types/{typeId}",
            get(integration_types::get_one),
        )
        .route(
            "/integrations/{integrationId}",
            get(integrations::get_one)
                .patch(integrations::patch)
                .delete(integrations::delete),
        )
        .route(
            "/integrations/{integrationId}/config/current",
            get(integration_config::get_config).put(integration_config::put_config),
        )
        .route(
            "/integrations/credentials",
            get(credentials::list).post(credentials::create),
        )
        .route(
            "/integrations/credentials/listing",
            get(credentials::listing_cursor),
        )
        .route("/integrations/credentials/types", get(credentials::types))
        .route(
            "/integrations/credentials/{credentialId}",
            get(credentials::get_one)
                .put(credentials::update)
                .delete(credentials::delete),
        )
        .merge(actions::routes());
    let app = Router::new().nest("/api/v2", v2);
    // The knobs can reset the org or inject faults: only tests and `cargo run -p sandbox` get
    // them, never the app's own Sandbox org.
    let app = if ctx.control_routes {
        app.nest("/__sandbox", control::router())
    } else {
        app
    };
    app.fallback(|| async { ApiError::not_found() })
        .route_layer(from_fn_with_state(ctx.clone(), faults::inject))
        .layer(from_fn_with_state(ctx.clone(), rate_limit::limit))
        .layer(from_fn_with_state(ctx.clone(), faults::latency))
        .layer(from_fn_with_state(Host::Api, faults::correlate))
        .with_state(ctx)
}
