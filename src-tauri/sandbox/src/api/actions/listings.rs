//! The action listings: published actions, drafts and categories, filtered, sorted by name and
//! paged like every listing. Parameters: platform-client-sdk-python
//! build/docs/IntegrationsApi.md (`get_integrations_actions`, `get_integrations_actions_drafts`,
//! `get_integrations_actions_categories`).

use axum::extract::{RawQuery, State};
use axum::response::Response;
use serde_json::{json, Value};

use super::model::{ActionDefinition, ActionRecord, Stage};
use super::permissions::VIEW;
use super::view::{action_view, Shape};
use crate::caller::Caller;
use crate::error_body::ApiError;
use crate::paging::{listing, Page, Query};
use crate::resource::{ok, PageRequest};
use crate::store::Ctx;

/// `GET /api/v2/integrations/actions` (published) and `…/actions/drafts`: filtered by `category`
/// (whole, any case), `name` (a part of it, any case: Terraform's lookup by name checks each
/// entity's name again, genesyscloud_integration_action_proxy.go `getIntegrationActionsByNameFn`,
/// so the filter is looser than equality), `ids` (at most 50) and `secure`; sorted by name
/// (`sortOrder=desc` reverses); config with `includeConfig=true`.
pub fn list(
    ctx: &Ctx,
    caller: &Caller,
    raw: Option<&str>,
    stage: Stage,
) -> Result<Response, ApiError> {
    let asked = PageRequest::parse(raw)?;
    let query = &asked.query;
    let ids = query.all("ids");
    if ids.len() > 50 {
        return Err(ApiError::bad_request(
            "Only 50 actions can be requested by id at a time.",
        ));
    }
    let category = query.get("category").map(str::to_lowercase);
    let name = query.get("name").map(str::to_lowercase);
    let secure = query.get("secure").map(|s| s.eq_ignore_ascii_case("true"));
    let descending = query
        .get("sortOrder")
        .is_some_and(|o| o.eq_ignore_ascii_case("desc"));
    let shape = Shape::listed(query, ctx.variant().action_templates);
    let path = match stage {
        Stage::Published => "/api/v2/integrations/actions",
        Stage::Draft => "/api/v2/integrations/actions/drafts",
    };
    ctx.read_as_any(caller, VIEW, |org, _| {
        let mut all: Vec<(&ActionRecord, &ActionDefinition)> = org
            .live_actions()
            .filter_map(|r| r.definition(stage).map(|d| (r, d)))
            .filter(|(r, _)| ids.is_empty() || ids.contains(&r.id))
            .filter(|(_, d)| {
                category
                    .as_ref()
                    .is_none_or(|c| d.category.to_lowercase() == *c)
            })
            .filter(|(_, d)| {
                name.as_ref()
                    .is_none_or(|n| d.name.to_lowercase().contains(n))
            })
            .filter(|(_, d)| secure.is_none_or(|s| d.secure == s))
            .collect();
        all.sort_by_key(|(r, d)| (d.name.to_lowercase(), r.id.clone()));
        if descending {
            all.reverse();
        }
        Ok(asked.answer(all, path, |(r, d)| action_view(r, stage, d, shape)))
    })
}

pub async fn list_published(
    State(ctx): State<Ctx>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    list(&ctx, &caller, raw.as_deref(), Stage::Published)
}

pub async fn list_drafts(
    State(ctx): State<Ctx>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    list(&ctx, &caller, raw.as_deref(), Stage::Draft)
}

/// `GET …/actions/categories`: the published actions' categories (`secure` filters), sorted, as a
/// `CategoryEntityListing` (which has no URIs).
pub async fn categories(
    State(ctx): State<Ctx>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let query = Query::parse(raw.as_deref());
    let page = Page::from_query(&query)?;
    let secure = query.get("secure").map(|s| s.eq_ignore_ascii_case("true"));
    ctx.read_as_any(&caller, VIEW, |org, _| {
        let mut names: Vec<String> = org
            .live_actions()
            .filter_map(|r| r.published.as_ref())
            .filter(|d| secure.is_none_or(|s| d.secure == s))
            .map(|d| d.category.clone())
            .collect();
        names.sort_by_key(|n| n.to_lowercase());
        names.dedup();
        let mut out = listing(names, page, "", &query, |n| json!({ "name": n }));
        if let Value::Object(fields) = &mut out {
            fields.retain(|k, _| !k.ends_with("Uri"));
        }
        Ok(ok(out))
    })
}
