//! An action's (or its draft's) templates as `text/plain` (`requesttemplate.vm`,
//! `successtemplate.vm`: the file names terraform-provider-genesyscloud reads,
//! genesyscloud/integration_action/resource_genesyscloud_integration_action.go
//! `readIntegrationAction`) and its schemas as `JsonSchemaDocument` (`inputschema.json`,
//! `successschema.json`, flattened with `flatten=true`). Other file names are 404.

use axum::extract::{Path, RawQuery, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::model::Stage;
use super::permissions::VIEW;
use crate::caller::Caller;
use crate::error_body::ApiError;
use crate::paging::Query;
use crate::resource::{found, ok};
use crate::store::Ctx;
use action_engine::contract::flatten_schema;

fn template(
    ctx: &Ctx,
    caller: &Caller,
    id: &str,
    file: &str,
    stage: Stage,
) -> Result<Response, ApiError> {
    ctx.read_as_any(caller, VIEW, |org, _| {
        let record = found(org.action(id))?;
        let config = &found(record.definition(stage))?.config;
        let text = match file {
            "requesttemplate.vm" => config.request_template(),
            "successtemplate.vm" => config.success_template(),
            _ => return Err(ApiError::not_found()),
        };
        let mut response = (StatusCode::OK, text.to_owned()).into_response();
        response.headers_mut().insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        Ok(response)
    })
}

fn schema(
    ctx: &Ctx,
    caller: &Caller,
    id: &str,
    file: &str,
    raw: Option<&str>,
    stage: Stage,
) -> Result<Response, ApiError> {
    let flatten = Query::parse(raw).flag("flatten", false);
    ctx.read_as_any(caller, VIEW, |org, _| {
        let record = found(org.action(id))?;
        let contract = &found(record.definition(stage))?.contract;
        match file {
            "inputschema.json" => Ok(ok(contract.input_schema.clone())),
            "successschema.json" if flatten => Ok(ok(flatten_schema(&contract.success_schema)
                ["schema"]
                .clone())),
            "successschema.json" => Ok(ok(contract.success_schema.clone())),
            _ => Err(ApiError::not_found()),
        }
    })
}

pub async fn published_template(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    template(&ctx, &caller, &id, &file, Stage::Published)
}

pub async fn draft_template(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    template(&ctx, &caller, &id, &file, Stage::Draft)
}

pub async fn published_schema(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path((id, file)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    schema(&ctx, &caller, &id, &file, raw.as_deref(), Stage::Published)
}

pub async fn draft_schema(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path((id, file)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    schema(&ctx, &caller, &id, &file, raw.as_deref(), Stage::Draft)
}
