//! Drafts: create one (alone or from the published action), change it with its current
//! `version`, validate it, publish it, delete it. A draft's version starts at 1 and grows with
//! each change; publishing sends the draft's version and makes the next published version, and
//! the draft is gone (the S6 `PublishDraftInput` example in platform-client-sdk-javascript
//! swagger.json: draft version 2 over published 33 becomes published 34).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::errors::{refused, version_mismatch, version_required};
use super::input::{check_saved, ActionInput};
use super::model::{ActionRecord, Stage};
use super::permissions::{ADD, DELETE, EDIT};
use super::published::create_action;
use super::validation;
use super::view::{action_view, Shape};
use crate::caller::Caller;
use crate::error_body::ApiError;
use crate::org::{by_id_mut, Org};
use crate::resource::{body, found, no_content, ok};
use crate::store::Ctx;

/// `POST /api/v2/integrations/actions/drafts`: a new action with only a draft. Only `name` and
/// `integrationId` are needed (the Premium-app wizard posts just those, then patches the rest
/// in: MyPureCloud/purecloud-premium-app docs/wizard/scripts/modules/gc-data-actions.js).
pub async fn create(
    State(ctx): State<Ctx>,
    caller: Caller,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let input: ActionInput = body(&bytes)?;
    create_action(&ctx, &caller, ADD, input, Stage::Draft)
}

fn record_mut<'a>(org: &'a mut Org, id: &str) -> Result<&'a mut ActionRecord, ApiError> {
    found(by_id_mut(&mut org.actions, id))
}

/// `PATCH …/{actionId}/draft` (`UpdateDraftInput`, `version` required): the fields sent, over the
/// draft; the contract and `secure` stay as published once the action was published.
pub async fn patch(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let input: ActionInput = body(&bytes)?;
    let version = input.version.ok_or_else(version_required)?;
    let templates = ctx.variant().action_templates;
    ctx.mutate_actions(&caller, EDIT, |org, now| {
        let record = record_mut(org, &id)?;
        let frozen = record.published.is_some();
        let draft = found(record.draft.as_mut())?;
        if version != draft.version {
            return Err(version_mismatch(version, draft.version, "draft"));
        }
        let mut next = draft.clone();
        input.apply(&mut next, frozen)?;
        check_saved(&next)?;
        next.version += 1;
        next.modified_ms = now;
        *draft = next;
        let record = record.clone();
        let draft = found(record.draft.as_ref())?;
        Ok(ok(action_view(
            &record,
            Stage::Draft,
            draft,
            Shape::whole(templates),
        )))
    })
}

/// `POST …/{actionId}/draft`: a draft copied from the published action, at version 1. An action
/// that has a draft already keeps it: 409, so that no change is lost (the Sandbox's choice).
pub async fn from_published(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let templates = ctx.variant().action_templates;
    ctx.mutate_actions(&caller, EDIT, |org, now| {
        let record = record_mut(org, &id)?;
        let published = found(record.published.clone())?;
        if let Some(draft) = &record.draft {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "general.conflict",
                format!(
                    "The action already has a draft (version {}): change it, or delete it first.",
                    draft.version
                ),
            ));
        }
        let mut draft = published;
        draft.version = 1;
        draft.modified_ms = now;
        record.draft = Some(draft.clone());
        Ok(ok(action_view(
            record,
            Stage::Draft,
            &draft,
            Shape::whole(templates),
        )))
    })
}

/// `DELETE …/{actionId}/draft`: 204. An action that was never published goes with its draft.
pub async fn delete(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.mutate_actions(&caller, DELETE, |org, _| {
        let record = record_mut(org, &id)?;
        found(record.draft.take())?;
        if record.published.is_none() {
            org.actions.retain(|a| a.id != id);
        }
        Ok(no_content())
    })
}

/// `GET …/{actionId}/draft/validation`: `DraftValidationResult`.
pub async fn validate(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.read_as_any(&caller, EDIT, |org, _| {
        let record = found(org.action(&id))?;
        let draft = found(record.draft.as_ref())?;
        Ok(ok(validation::result(&validation::problems(
            org, record, draft,
        ))))
    })
}

/// `POST …/{actionId}/draft/publish` (`PublishDraftInput {version}`: the draft's version). A
/// draft that would not run is refused with every problem, as validation lists them.
pub async fn publish(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let input: ActionInput = body(&bytes)?;
    let version = input.version.ok_or_else(version_required)?;
    let templates = ctx.variant().action_templates;
    ctx.mutate_actions(&caller, EDIT, |org, now| {
        let record = found(org.action(&id))?.clone();
        let draft = found(record.draft.as_ref())?;
        if version != draft.version {
            return Err(version_mismatch(version, draft.version, "draft"));
        }
        let problems = validation::problems(org, &record, draft);
        if !problems.is_empty() {
            return Err(refused("The draft cannot be published", &problems));
        }
        let mut published = draft.clone();
        published.version = record.published.as_ref().map_or(1, |p| p.version + 1);
        published.modified_ms = now;
        let stored = record_mut(org, &id)?;
        stored.published = Some(published.clone());
        stored.draft = None;
        let record = stored.clone();
        Ok(ok(action_view(
            &record,
            Stage::Published,
            &published,
            Shape::whole(templates),
        )))
    })
}
