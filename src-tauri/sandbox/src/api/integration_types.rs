//! `/api/v2/integrations/types`: the integration types the org offers, served exactly as the
//! seed holds them plus their `selfUri`.

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use serde_json::{json, Value};

use crate::caller::Caller;
use crate::error_body::ApiError;
use crate::resource::{one, self_uri, PageRequest};
use crate::store::Ctx;

pub async fn list(
    State(ctx): State<Ctx>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let asked = PageRequest::parse(raw.as_deref())?;
    ctx.read_as(&caller, "integrations:integration:view", |org, _| {
        let path = "/api/v2/integrations/types";
        Ok(asked.answer(&org.integration_types, path, type_view))
    })
}

pub async fn get_one(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.read_as(&caller, "integrations:integration:view", |org, _| {
        one(org.integration_type(&id), type_view)
    })
}

/// An `IntegrationType`: as seeded, with its relative `selfUri`.
pub fn type_view(t: &Value) -> Value {
    let mut view = t.clone();
    if let Some(id) = t["id"].as_str() {
        view["selfUri"] = json!(self_uri("integrations/types", id));
    }
    view
}
