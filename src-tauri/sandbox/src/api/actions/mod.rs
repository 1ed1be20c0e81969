//! `/api/v2/integrations/actions*`: Genesys Cloud data actions, drafts and published, with
//! their contract rules and validation, and run for real (`test`, `execute`) with the action
//! engine's JSONPath and Velocity, calling this org's own API in process as the integration's
//! OAuth client. Routes and bodies: platform-client-sdk-python build/docs/IntegrationsApi.md.

mod contract;
mod drafts;
mod errors;
mod input;
mod listings;
mod model;
pub(crate) mod permissions;
mod published;
mod run;
mod templates;
mod validation;
mod view;

use axum::routing::{get, post};
use axum::Router;

use crate::store::Ctx;

pub use model::{
    ActionConfig, ActionDefinition, ActionRecord, Contract, RequestConfig, ResponseConfig,
};

/// Every action route, relative to `/api/v2`.
pub fn routes() -> Router<Ctx> {
    let base = "/integrations/actions";
    Router::new()
        .route(base, get(listings::list_published).post(published::create))
        .route(
            &format!("{base}/drafts"),
            get(listings::list_drafts).post(drafts::create),
        )
        .route(&format!("{base}/categories"), get(listings::categories))
        .route(
            &format!("{base}/{{actionId}}"),
            get(published::get_published)
                .patch(published::patch)
                .delete(published::delete),
        )
        .route(
            &format!("{base}/{{actionId}}/draft"),
            get(published::get_draft)
                .patch(drafts::patch)
                .post(drafts::from_published)
                .delete(drafts::delete),
        )
        .route(
            &format!("{base}/{{actionId}}/draft/validation"),
            get(drafts::validate),
        )
        .route(
            &format!("{base}/{{actionId}}/draft/publish"),
            post(drafts::publish),
        )
        .route(
            &format!("{base}/{{actionId}}/draft/test"),
            post(run::test_draft),
        )
        .route(
            &format!("{base}/{{actionId}}/test"),
            post(run::test_published),
        )
        .route(&format!("{base}/{{actionId}}/execute"), post(run::execute))
        .route(
            &format!("{base}/{{actionId}}/templates/{{fileName}}"),
            get(templates::published_template),
        )
        .route(
            &format!("{base}/{{actionId}}/draft/templates/{{fileName}}"),
            get(templates::draft_template),
        )
        .route(
            &format!("{base}/{{actionId}}/schemas/{{fileName}}"),
            get(templates::published_schema),
        )
        .route(
            &format!("{base}/{{actionId}}/draft/schemas/{{fileName}}"),
            get(templates::draft_schema),
        )
}
