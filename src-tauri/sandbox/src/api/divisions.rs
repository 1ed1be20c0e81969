//! `/api/v2/authorization/divisions`: the org's divisions (listed, by id, and the home one),
//! which need no permission, and the pseudo-division `*` a grant may name.

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use serde_json::{json, Value};

use crate::caller::Caller;
use crate::error_body::ApiError;
use crate::org::{DivisionRecord, Org};
use crate::resource::{one, self_uri, PageRequest};
use crate::store::Ctx;

/// Divisions need no permission. `objectCount` is accepted and ignored (the Sandbox keeps no
/// objects in divisions).
pub async fn list(
    State(ctx): State<Ctx>,
    _caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let asked = PageRequest::parse(raw.as_deref())?;
    let ids = asked.query.all("id");
    let name = asked.query.get("name").map(str::to_lowercase);
    ctx.read(|org| {
        let divisions = org
            .divisions
            .iter()
            .filter(|d| ids.is_empty() || ids.contains(&d.id))
            .filter(|d| {
                name.as_ref()
                    .is_none_or(|n| d.name.to_lowercase().contains(n))
            });
        let path = "/api/v2/authorization/divisions";
        Ok(asked.answer(divisions, path, division_view))
    })
}

pub async fn home(State(ctx): State<Ctx>, _caller: Caller) -> Result<Response, ApiError> {
    ctx.read(|org| one(org.home_division(), division_view))
}

pub async fn get_one(
    State(ctx): State<Ctx>,
    _caller: Caller,
    Path(division_id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.read(|org| one(org.division(&division_id), division_view))
}

pub fn division_view(d: &DivisionRecord) -> Value {
    json!({
        "id": d.id,
        "name": d.name,
        "description": d.description,
        "homeDivision": d.home_division,
        "selfUri": self_uri("authorization/divisions", &d.id),
    })
}

/// A division, or the pseudo-division `*` ("all divisions") a grant may name.
pub fn division_or_all(org: &Org, id: &str) -> Value {
    match org.division(id) {
        Some(d) => division_view(d),
        None => json!({
            "id": id,
            "name": "All divisions",
            "description": "Every division of the organization, now and in future.",
            "homeDivision": false,
        }),
    }
}
