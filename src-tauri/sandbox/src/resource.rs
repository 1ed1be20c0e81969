//! The shapes the API host's handlers share, one home each: a JSON request body, 200 with a JSON
//! body, 204, an object's relative `selfUri`, one object by id or 404 `not.found` (as an
//! `ErrorBody`), removing an object by id, and one page of a collection as an `*EntityListing`.

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error_body::ApiError;
use crate::org::Entity;
use crate::paging::{listing, Page, Query};

/// A JSON request body, or 400 `bad.request` saying what is wrong with it.
pub fn body<T: DeserializeOwned>(bytes: &Bytes) -> Result<T, ApiError> {
    if bytes.is_empty() {
        return Err(ApiError::bad_request("A request body is required."));
    }
    serde_json::from_slice(bytes)
        .map_err(|e| ApiError::bad_request(format!("The request body is not valid: {e}")))
}

/// 200 with a JSON body.
pub fn ok(value: Value) -> Response {
    (StatusCode::OK, Json(value)).into_response()
}

/// 204 without a body.
pub fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

/// The relative `selfUri` of an object.
pub fn self_uri(path: &str, id: &str) -> String {
    format!("/api/v2/{path}/{id}")
}

/// The object a lookup found, or 404 `not.found`.
pub fn found<T>(object: Option<T>) -> Result<T, ApiError> {
    object.ok_or_else(ApiError::not_found)
}

/// `GET` of one object: the object rendered by `view` as a 200, or 404 `not.found`.
pub fn one<T>(object: Option<T>, view: impl FnOnce(T) -> Value) -> Result<Response, ApiError> {
    found(object).map(|o| ok(view(o)))
}

/// Take the object with `id` out of `objects`, or 404 `not.found` when there is none.
pub fn remove<T: Entity>(objects: &mut Vec<T>, id: &str) -> Result<T, ApiError> {
    let index = found(objects.iter().position(|o| o.id() == id))?;
    Ok(objects.remove(index))
}

/// What a paged `GET` of a collection asks for: its decoded query and the page.
pub struct PageRequest {
    pub query: Query,
    pub page: Page,
}

impl PageRequest {
    /// The query and its `pageSize` (1–500, 25 when absent) and `pageNumber` (from 1), or 400
    /// `bad.request`.
    pub fn parse(raw: Option<&str>) -> Result<PageRequest, ApiError> {
        let query = Query::parse(raw);
        let page = Page::from_query(&query)?;
        Ok(PageRequest { query, page })
    }

    /// The asked page of `all` (only that page rendered by `view`) as a 200 `*EntityListing`
    /// whose URIs start with `path` and keep the query's other parameters.
    pub fn answer<T>(
        &self,
        all: impl IntoIterator<Item = T>,
        path: &str,
        view: impl Fn(T) -> Value,
    ) -> Response {
        let all: Vec<T> = all.into_iter().collect();
        ok(listing(all, self.page, path, &self.query, view))
    }
}
