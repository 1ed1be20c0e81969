//! Importing exported data actions into one Data Actions integration (a batch, e.g. a team's
//! 200 actions moved to a new org), and exporting one action in the admin UI's JSON shape or
//! as Terraform. The plan shows what would be made before any change; the run makes each draft (and
//! publishes it when asked) with progress on every change, stops within a request when
//! cancelled, and is resumed from its journal after a cancel, an interruption or a crash.

mod journal;
mod plan;
#[cfg(test)]
mod plan_tests;
#[cfg(test)]
pub(crate) use plan_tests::public_actions;
mod run;
mod runs;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use genesys::api::ActionFilter;
use genesys::models::{ExportedAction, NewAction};
use genesys::Error;

pub use journal::{ImportJournal, IMPORT_JOURNAL_FORMAT};
pub use plan::{MAX_ENTRIES, MAX_FILE_BYTES};
pub use run::ImportWork;
pub use runs::{view_of, ImportListener, ImportRuns};

use crate::wire::action_import::{ActionFile, ImportPlan, ImportRunView};
use crate::{CommandResult, OrgContext};

/// The integration `integration_id` (its name) and the names its actions hold.
async fn target(
    org: &OrgContext,
    integration_id: &str,
) -> CommandResult<(String, BTreeSet<String>)> {
    let (client, token) = (org.session.client(), org.session.token());
    let integrations = client.data_actions_integrations(token).await?;
    let integration = integrations
        .iter()
        .find(|i| i.id == integration_id)
        .ok_or_else(|| Error::InvalidInput {
            field: "integrationId",
            reason: format!("no Data Actions integration {integration_id}"),
        })?;
    let filter = ActionFilter::integration(integration_id);
    let (drafts, published) = tokio::join!(
        client.action_drafts(&filter, token),
        client.actions(&filter, token)
    );
    let taken = drafts?
        .into_iter()
        .chain(published?)
        .map(|a| a.name)
        .collect();
    Ok((integration.name.clone(), taken))
}

async fn planned(
    org: &OrgContext,
    integration_id: &str,
    files: &[ActionFile],
) -> CommandResult<(ImportPlan, Vec<NewAction>)> {
    let (name, taken) = target(org, integration_id).await?;
    Ok(plan::plan(
        files,
        &plan::Target {
            id: integration_id,
            name: &name,
            taken: &taken,
        },
    ))
}

/// What importing `files` into `integration_id` would make, and why any entry is left out.
pub async fn plan(
    org: &OrgContext,
    integration_id: &str,
    files: &[ActionFile],
) -> CommandResult<ImportPlan> {
    Ok(planned(org, integration_id, files).await?.0)
}

fn work(
    org: &OrgContext,
    dir: &Path,
    runs: &ImportRuns,
    cancel: genesys::setup::CancelSignal,
) -> ImportWork {
    let shown = runs.clone();
    ImportWork {
        client: org.session.client().clone(),
        token: org.session.token().clone(),
        dir: dir.to_owned(),
        cancel,
        observer: Arc::new(move |journal| shown.show(view_of(journal))),
    }
}

/// Runs `journal` in its own task (it outlives the window and the command) holding its lock,
/// and answers the view it ended with.
async fn spawn(
    org: &OrgContext,
    dir: &Path,
    runs: &ImportRuns,
    mut journal: ImportJournal,
    actions: Vec<NewAction>,
) -> CommandResult<ImportRunView> {
    let cancel = runs.claim()?;
    let lock = match journal::ImportLock::acquire(dir, &journal.import_id) {
        Ok(lock) => lock,
        Err(e) => {
            runs.release();
            return Err(e.into());
        }
    };
    runs.show(view_of(&journal));
    let work = work(org, dir, runs, cancel);
    let task_runs = runs.clone();
    let task = tokio::spawn(async move {
        let _lock = lock;
        // The run's own errors are in its journal (and so in its view).
        let _ = run::drive(&work, &mut journal, &actions).await;
        task_runs.release();
        view_of(&journal)
    });
    task.await
        .map_err(|e| Error::Unexpected(format!("the import task stopped: {e}")).into())
}

/// Imports the ready entries of `files` into `integration_id` (planned again here: the window's
/// plan may be stale), publishing each when `publish`. Journals in `dir`.
pub async fn start(
    org: &OrgContext,
    dir: &Path,
    runs: &ImportRuns,
    integration_id: &str,
    files: &[ActionFile],
    publish: bool,
    listener: ImportListener,
) -> CommandResult<ImportRunView> {
    if runs.is_busy() {
        return Err(Error::InvalidInput {
            field: "import",
            reason: "an import is already running".into(),
        }
        .into());
    }
    let (plan, actions) = planned(org, integration_id, files).await?;
    if actions.is_empty() {
        return Err(Error::InvalidInput {
            field: "files",
            reason: "none of the files holds an action that can be imported".into(),
        }
        .into());
    }
    let names = actions.iter().map(|a| a.name.clone());
    let integration = (plan.integration_id.as_str(), plan.integration_name.as_str());
    let journal = ImportJournal::new(org.target().code(), integration, publish, names)?;
    journal::save_actions(dir, &journal.import_id, &actions)?;
    journal::save(dir, &journal)?;
    runs.listen(listener);
    spawn(org, dir, runs, journal, actions).await
}

/// The run shown (re-attaching `listener` to it), else the oldest unfinished one of this org
/// from the journals.
pub fn status(
    org: Option<&OrgContext>,
    dir: &Path,
    runs: &ImportRuns,
    listener: ImportListener,
) -> CommandResult<Option<ImportRunView>> {
    runs.listen(listener);
    if let Some(view) = runs.view() {
        return Ok(Some(view));
    }
    let Some(org) = org else {
        return Ok(None);
    };
    let found = journal::unfinished(dir)
        .into_iter()
        .find(|j| j.target == org.target().code());
    Ok(found.map(|journal| {
        let view = view_of(&journal);
        runs.show(view.clone());
        view
    }))
}

/// Goes on with the shown (or oldest unfinished) run where it stopped.
pub async fn resume(
    org: &OrgContext,
    dir: &Path,
    runs: &ImportRuns,
    listener: ImportListener,
) -> CommandResult<ImportRunView> {
    let shown = match runs.view() {
        Some(view) => Some(view.import_id),
        None => journal::unfinished(dir)
            .into_iter()
            .next()
            .map(|j| j.import_id),
    };
    let Some(id) = shown else {
        return Err(Error::InvalidInput {
            field: "importId",
            reason: "there is no import to resume".into(),
        }
        .into());
    };
    let (journal, actions) = journal::load(dir, &id)?;
    if journal.target != org.target().code() {
        return Err(Error::RunBelongsElsewhere { what: "org" }.into());
    }
    runs.listen(listener);
    spawn(org, dir, runs, journal, actions).await
}

/// Forgets the shown run (not a running one) and its journal: what it made stays in the org.
pub fn dismiss(dir: &Path, runs: &ImportRuns) {
    if let Some(id) = runs.dismiss() {
        journal::remove(dir, &id);
    }
}

/// Action `id`, its draft when it has one, else the published version, in the export shape.
pub(crate) async fn exported(org: &OrgContext, id: &str) -> CommandResult<ExportedAction> {
    let (client, token) = (org.session.client(), org.session.token());
    let action = match client.action_draft(id, token).await {
        Err(Error::Api { status: 404, .. }) => client.action(id, token).await?,
        read => read?,
    };
    ExportedAction::from_action(&action).ok_or_else(|| {
        Error::Unexpected("the action was read without its configuration or contract".into()).into()
    })
}

/// Action `id` as the admin UI's export: pretty JSON text.
pub async fn export(org: &OrgContext, id: &str) -> CommandResult<String> {
    let export = exported(org, id).await?;
    serde_json::to_string_pretty(&export)
        .map_err(|e| Error::Unexpected(format!("the export: {e}")).into())
}

/// Action `id` as a Terraform file for the `genesyscloud` provider (its integration a
/// variable; an action holds no secret).
pub async fn export_terraform(org: &OrgContext, id: &str) -> CommandResult<String> {
    Ok(super::terraform::action_file(&exported(org, id).await?))
}
