//! One action: create it (published at once, as Terraform does, or as a draft), read it (or its
//! draft), change the published action with its current `version` (its config, name and
//! category only: `UpdateActionInput` has no contract or `secure`), and delete it. Parameters:
//! platform-client-sdk-python build/docs/IntegrationsApi.md (`get_integrations_action`).

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;

use super::errors::{refused, version_mismatch, version_required};
use super::input::{check_saved, ActionInput};
use super::model::{new_action_id, ActionDefinition, ActionRecord, Contract, Stage};
use super::permissions::{ADD, DELETE, EDIT, VIEW};
use super::validation::{self, DATA_ACTIONS_TYPE};
use super::view::{action_view, Shape};
use crate::caller::Caller;
use crate::error_body::ApiError;
use crate::org::by_id_mut;
use crate::paging::Query;
use crate::resource::{body, found, no_content, ok};
use crate::store::Ctx;

/// `POST /api/v2/integrations/actions`: published at once (`PostActionInput`, every required
/// field: terraform-provider-genesyscloud creates actions this way,
/// genesyscloud/integration_action/resource_genesyscloud_integration_action.go
/// `createIntegrationAction`), and it must pass validation.
pub async fn create(
    State(ctx): State<Ctx>,
    caller: Caller,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let input: ActionInput = body(&bytes)?;
    create_action(&ctx, &caller, ADD, input, Stage::Published)
}

/// A new action at version 1, published or as a draft. A draft's missing category is its
/// integration's name (the Sandbox's choice); its missing config and contract are empty.
pub fn create_action(
    ctx: &Ctx,
    caller: &Caller,
    wanted: &[&str],
    input: ActionInput,
    stage: Stage,
) -> Result<Response, ApiError> {
    let templates = ctx.variant().action_templates;
    if stage == Stage::Published {
        let missing: Vec<&str> = [
            ("name", input.name.is_none()),
            ("category", input.category.is_none()),
            ("integrationId", input.integration_id.is_none()),
            ("config", input.config.is_none()),
            ("contract", input.contract.is_none()),
        ]
        .into_iter()
        .filter_map(|(field, absent)| absent.then_some(field))
        .collect();
        if !missing.is_empty() {
            return Err(ApiError::bad_request(format!(
                "Required: {}.",
                missing.join(", ")
            )));
        }
    }
    ctx.mutate_actions(caller, wanted, |org, now| {
        if input.name.is_none() {
            return Err(ApiError::bad_request("name is required."));
        }
        let integration_id = input
            .integration_id
            .clone()
            .ok_or_else(|| ApiError::bad_request("integrationId is required."))?;
        let integration = org.integration(&integration_id).ok_or_else(|| {
            ApiError::bad_request(format!("The integration {integration_id} does not exist."))
        })?;
        if integration.type_id != DATA_ACTIONS_TYPE {
            return Err(ApiError::bad_request(format!(
                "The integration {integration_id} is a {}: the Sandbox org has actions for {DATA_ACTIONS_TYPE} integrations only.",
                integration.type_id
            )));
        }
        let mut def = ActionDefinition {
            name: String::new(),
            category: integration.name.clone(),
            secure: false,
            version: 1,
            config: Default::default(),
            contract: Contract::empty(),
            modified_ms: now,
        };
        input.apply(&mut def, false)?;
        check_saved(&def)?;
        let mut record = ActionRecord {
            id: new_action_id(),
            integration_id,
            published: None,
            draft: None,
        };
        if stage == Stage::Published {
            let problems = validation::problems(org, &record, &def);
            if !problems.is_empty() {
                return Err(refused("The action cannot be published", &problems));
            }
            record.published = Some(def.clone());
        } else {
            record.draft = Some(def.clone());
        }
        let view = action_view(&record, stage, &def, Shape::whole(templates));
        org.actions.push(record);
        Ok(ok(view))
    })
}

/// `GET …/{actionId}` and `GET …/{actionId}/draft`.
pub fn get_one(
    ctx: &Ctx,
    caller: &Caller,
    id: &str,
    raw: Option<&str>,
    stage: Stage,
) -> Result<Response, ApiError> {
    let shape = Shape::asked(&Query::parse(raw), ctx.variant().action_templates);
    ctx.read_as_any(caller, VIEW, |org, _| {
        let record = found(org.action(id))?;
        let def = found(record.definition(stage))?;
        Ok(ok(action_view(record, stage, def, shape)))
    })
}

pub async fn get_published(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    get_one(&ctx, &caller, &id, raw.as_deref(), Stage::Published)
}

pub async fn get_draft(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    get_one(&ctx, &caller, &id, raw.as_deref(), Stage::Draft)
}

/// `PATCH …/{actionId}` (`UpdateActionInput`, `version` required): name, category and config of
/// the published action; a different contract or `secure` is refused, and the result must pass
/// validation. The published version grows by one.
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
        let mut record = found(org.action(&id))?.clone();
        let published = found(record.published.as_mut())?;
        if version != published.version {
            return Err(version_mismatch(version, published.version, "action"));
        }
        input.apply(published, true)?;
        check_saved(published)?;
        published.version += 1;
        published.modified_ms = now;
        let def = published.clone();
        let problems = validation::problems(org, &record, &def);
        if !problems.is_empty() {
            return Err(refused("The action is not valid", &problems));
        }
        *found(by_id_mut(&mut org.actions, &id))? = record.clone();
        Ok(ok(action_view(
            &record,
            Stage::Published,
            &def,
            Shape::whole(templates),
        )))
    })
}

/// `DELETE …/{actionId}`: the action and its draft, 204; 404 when it was never published (its
/// draft goes with `DELETE …/draft`).
pub async fn delete(
    State(ctx): State<Ctx>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    ctx.mutate_actions(&caller, DELETE, |org, _| {
        found(org.action(&id).and_then(|r| r.published.as_ref()))?;
        org.actions.retain(|a| a.id != id);
        Ok(no_content())
    })
}
