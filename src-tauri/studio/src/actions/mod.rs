//! The Data actions screen's use cases: the list of the org's actions by integration, the
//! workshop's preset, the editor's rules, one action opened (its draft if it has one), saving
//! a draft at the version the user opened, testing it with each failed step explained,
//! publishing, a draft from a published action, delete, and importing and exporting actions
//! in the admin UI's JSON shape (`import`) or as Terraform (`terraform`); a sample response
//! drafted from the endpoint's model, and kept with the action (`samples`).

pub mod chain_export;
pub mod explain;
#[cfg(test)]
mod fix_tests;
pub mod form;
pub mod import;
pub mod inputs;
pub mod preset;
pub mod preview;
#[cfg(test)]
mod preview_tests;
pub mod privileges;
pub mod response_rules;
pub mod rules;
pub mod samples;
#[cfg(test)]
mod samples_tests;
pub mod schema;
pub mod terraform;
pub mod terraform_chain;
#[cfg(test)]
mod terraform_chain_tests;
#[cfg(test)]
mod terraform_tests;
mod test_run;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use genesys::api::{ActionFilter, Removal};
use genesys::auth::Session;
use genesys::models::{Action, Integration};
use genesys::{Error, ErrorKind};

use crate::wire::actions::{
    ActionDetail, ActionForm, ActionIntegration, ActionSummary, ActionsOverview, FormProblem,
    QueueChoice, Severity, TestRun,
};
use crate::{CommandError, CommandResult, OrgContext};

pub use rules::{apply_fix, check};

fn invalid(message: String) -> CommandError {
    CommandError {
        kind: ErrorKind::InvalidInput,
        message,
        context_id: None,
    }
}

fn refused(problems: &[FormProblem]) -> CommandError {
    let list: Vec<String> = problems
        .iter()
        .map(|p| format!("{} {}", p.field, p.code))
        .collect();
    invalid(format!("the data action breaks rules: {}", list.join(", ")))
}

/// A 404 read as "there is none".
fn absent<T>(read: Result<T, Error>) -> Result<Option<T>, Error> {
    match read {
        Ok(found) => Ok(Some(found)),
        Err(Error::Api { status: 404, .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

fn version(v: i64) -> Option<i32> {
    i32::try_from(v).ok()
}

/// Each action of `integrations` once, with its draft and published versions side by side.
pub async fn summaries(
    session: &Session,
    integrations: &[Integration],
) -> Result<Vec<ActionSummary>, Error> {
    let (c, token) = (session.client(), session.token());
    let everything = ActionFilter::default();
    let (drafts, published) = tokio::join!(
        c.action_drafts(&everything, token),
        c.actions(&everything, token)
    );
    let mut by_id: BTreeMap<String, ActionSummary> = BTreeMap::new();
    let ours = |a: &Action| integrations.iter().any(|i| i.id == a.integration_id);
    for (action, is_draft) in published?
        .into_iter()
        .map(|a| (a, false))
        .chain(drafts?.into_iter().map(|a| (a, true)))
    {
        if !ours(&action) {
            continue;
        }
        let entry = by_id.entry(action.id.clone()).or_insert(ActionSummary {
            id: action.id.clone(),
            name: action.name.clone(),
            category: action.category.clone(),
            integration_id: action.integration_id.clone(),
            secure: action.secure,
            draft_version: None,
            published_version: None,
        });
        if is_draft {
            // The list shows what is being edited: the draft's name.
            entry.name = action.name.clone();
            entry.draft_version = version(action.version);
        } else {
            entry.published_version = version(action.version);
        }
    }
    let mut list: Vec<ActionSummary> = by_id.into_values().collect();
    list.sort_by_key(|a| a.name.to_lowercase());
    Ok(list)
}

pub async fn overview(org: &OrgContext) -> CommandResult<ActionsOverview> {
    let s = &org.session;
    let integrations = s.client().data_actions_integrations(s.token()).await?;
    let actions = summaries(s, &integrations).await?;
    Ok(ActionsOverview {
        integrations: integrations
            .iter()
            .map(|i| ActionIntegration {
                id: i.id.clone(),
                name: i.name.clone(),
                reported: i.reported_code(),
            })
            .collect(),
        actions,
    })
}

/// The workshop's action for integration `integration_id`, named `name`.
pub async fn preset(
    org: &OrgContext,
    integration_id: &str,
    name: &str,
) -> CommandResult<ActionForm> {
    let s = &org.session;
    let integrations = s.client().data_actions_integrations(s.token()).await?;
    let integration = integrations
        .iter()
        .find(|i| i.id == integration_id)
        .ok_or_else(|| invalid(format!("no Data Actions integration {integration_id}")))?;
    Ok(preset::queue_presences(
        name,
        &integration.id,
        &integration.name,
    ))
}

/// One action: the draft's form when it has a draft, else the published one's.
pub async fn get(org: &OrgContext, id: &str) -> CommandResult<ActionDetail> {
    let s = &org.session;
    let (c, token) = (s.client(), s.token());
    let (draft, published) = tokio::join!(c.action_draft(id, token), c.action(id, token));
    let (draft, published) = (absent(draft)?, absent(published)?);
    let shown = draft.as_ref().or(published.as_ref()).ok_or_else(|| {
        CommandError::from(Error::Api {
            status: 404,
            code: "not.found".into(),
            message: format!("the data action {id} does not exist"),
            context_id: None,
        })
    })?;
    let form = form::form_of(shown).map_err(|e| invalid(format!("notATree: {}", e.0)))?;
    Ok(ActionDetail {
        summary: ActionSummary {
            id: shown.id.clone(),
            name: shown.name.clone(),
            category: shown.category.clone(),
            integration_id: shown.integration_id.clone(),
            secure: shown.secure,
            draft_version: draft.as_ref().and_then(|d| version(d.version)),
            published_version: published.as_ref().and_then(|p| version(p.version)),
        },
        form,
        is_draft: draft.is_some(),
    })
}

/// Creates a draft from `form` (`id` none) or saves it over draft `id` at `form.version`: a
/// draft changed elsewhere since it was opened is not overwritten (Genesys's version conflict
/// comes back as it is).
pub async fn save(
    org: &OrgContext,
    id: Option<&str>,
    form: &ActionForm,
) -> CommandResult<ActionDetail> {
    // Only what Genesys would refuse stops a save; a lint's finding is the user's to weigh (the
    // workshop itself saves its typo to see the test fail).
    let problems: Vec<FormProblem> = check(form)
        .into_iter()
        .filter(|p| p.severity == Severity::Rule)
        .collect();
    if !problems.is_empty() {
        return Err(refused(&problems));
    }
    let s = &org.session;
    let (c, token) = (s.client(), s.token());
    let id = match id {
        None => {
            c.create_action_draft(&form::new_action(form), token)
                .await?
                .id
        }
        Some(id) => {
            let current = c.action_draft(id, token).await?;
            let update = form::draft_update(form, &current);
            c.update_action_draft_at_version(id, &update, token).await?;
            id.to_owned()
        }
    };
    get(org, &id).await
}

/// Tests draft `id` with `values` typed by its input contract.
pub async fn test(
    org: &OrgContext,
    id: &str,
    values: &BTreeMap<String, String>,
    flatten: bool,
) -> CommandResult<TestRun> {
    let s = &org.session;
    let (c, token) = (s.client(), s.token());
    let draft = c.action_draft(id, token).await?;
    let form = form::form_of(&draft).map_err(|e| invalid(format!("notATree: {}", e.0)))?;
    let body = match inputs::test_body(&form.inputs, values) {
        Ok(body) => body,
        Err(problems) => return Ok(test_run::refused(problems)),
    };
    let result = c.test_action_draft(id, &body, flatten, token).await?;
    let keys: Vec<String> = form.translation.iter().map(|r| r.key.clone()).collect();
    Ok(test_run::view(&result, &keys))
}

/// Publishes draft `id` at its current version.
pub async fn publish(org: &OrgContext, id: &str) -> CommandResult<ActionDetail> {
    let s = &org.session;
    let (c, token) = (s.client(), s.token());
    let draft = c.action_draft(id, token).await?;
    c.publish_action_draft(id, draft.version, token).await?;
    get(org, id).await
}

/// A new draft of published action `id`.
pub async fn new_draft(org: &OrgContext, id: &str) -> CommandResult<ActionDetail> {
    let s = &org.session;
    s.client().create_draft_from_action(id, s.token()).await?;
    get(org, id).await
}

/// Deletes action `id` with its draft, or only its draft.
pub async fn delete(org: &OrgContext, id: &str, draft_only: bool) -> CommandResult<Removal> {
    let s = &org.session;
    let (c, token) = (s.client(), s.token());
    Ok(if draft_only {
        c.delete_action_draft(id, token).await?
    } else {
        c.delete_action(id, token).await?
    })
}

/// The org's routing queues by name, for a test input that takes a queue id.
pub async fn queues(org: &OrgContext) -> CommandResult<Vec<QueueChoice>> {
    let s = &org.session;
    let mut queues: Vec<QueueChoice> = s
        .client()
        .routing_queues(s.token())
        .await?
        .into_iter()
        .map(|q| QueueChoice {
            id: q.id,
            name: q.name,
            member_count: q.member_count.and_then(|n| u32::try_from(n).ok()),
        })
        .collect();
    queues.sort_by_key(|q| q.name.to_lowercase());
    Ok(queues)
}
