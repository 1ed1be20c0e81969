//! The guided setup screen's use cases: the form and the plan preview, and the run (start,
//! status with re-attach, resume, roll back, cancel, dismiss) held by [`SetupRuns`], plus moving
//! an unreadable journal aside. The steps themselves are the core's (`genesys::setup`).

mod form;
mod plan;
mod runs;
mod view;

use std::path::Path;

use genesys::setup::{self, SetupRequest, StepKind};
use genesys::ErrorKind;

pub use form::form;
pub use plan::plan;
pub use runs::{Listener, SetupRuns};

use crate::wire::setup::{CreatedObject, RunPhase, SetupRunView, StepStatus};
use crate::{CommandResult, OrgContext};

fn running(with_action: bool) -> SetupRunView {
    let mut view = view::fresh(RunPhase::Running, with_action);
    if let Some(first) = view.steps.first_mut() {
        first.status = StepStatus::Running;
    }
    view
}

fn created(kind: &str, id: String, name: String) -> CreatedObject {
    CreatedObject {
        kind: kind.into(),
        id,
        name,
    }
}

/// How a run or a resume ended, into the view.
fn ended(view: &mut SetupRunView, result: genesys::error::Result<setup::SetupSummary>) {
    match result {
        Ok(summary) => {
            view.run_id = summary.run_id;
            view.phase = RunPhase::Completed;
            view.secret_reissued |= summary.secret_reissued;
            view.secret_saved = summary.secret_saved;
            view.error = None;
            view.created = vec![
                created("oauthClient", summary.client_id, summary.client_name),
                created("credential", summary.credential_id, summary.credential_name),
                created(
                    "integration",
                    summary.integration_id,
                    summary.integration_name,
                ),
            ];
            // The published data action, which the finished view links to its editor.
            if let (Some(id), Some(name)) = (summary.action_id, summary.action_name) {
                view.created.push(created("action", id, name));
            }
        }
        Err(e) => {
            view.phase = RunPhase::Failed;
            view.error = Some(e.into());
        }
    }
}

/// How a roll back ended, into the view. Only the steps that changed the org (or the
/// keychain) are undone; the checks stay done. Another window holding the run changed nothing
/// here; any other failure may have removed some objects already, so only finishing the roll
/// back is offered.
fn rolled_back(view: &mut SetupRunView, result: genesys::error::Result<setup::RollbackSummary>) {
    match result {
        Ok(_) => {
            view.phase = RunPhase::RolledBack;
            view.created.clear();
            let checks = [StepKind::Preflight, StepKind::VerifySecret];
            for step in view
                .steps
                .iter_mut()
                .filter(|s| s.status != StepStatus::Pending && !checks.contains(&s.kind))
            {
                step.status = StepStatus::RolledBack;
            }
        }
        Err(e) => {
            view.phase = match e.kind() {
                ErrorKind::RunInUse => RunPhase::Interrupted,
                _ => RunPhase::RollBackUnfinished,
            };
            view.error = Some(e.into());
        }
    }
}

/// Starts a new run of `request`; `listener` hears every change. Returns the final view.
pub async fn start(
    org: &OrgContext,
    journal_dir: &Path,
    runs: &SetupRuns,
    request: SetupRequest,
    listener: Listener,
) -> CommandResult<SetupRunView> {
    let ctx = runs::context(org, journal_dir, runs);
    runs.listen(listener);
    let view = running(request.action.is_some());
    let work = async move { setup::start(&ctx, &request).await };
    runs::spawn(runs, view, work, ended).await
}

/// The run in memory (re-attaching `listener`), else an unfinished one found in the journals.
pub fn status(
    journal_dir: &Path,
    runs: &SetupRuns,
    listener: Listener,
) -> CommandResult<Option<SetupRunView>> {
    let view = runs::current(journal_dir, runs)?;
    if view.is_some() {
        runs.listen(listener);
    }
    Ok(view)
}

/// The unfinished run in memory; `resuming` refuses one whose roll back started (it can only
/// be rolled back to the end).
fn unfinished_run(runs: &SetupRuns, resuming: bool) -> CommandResult<SetupRunView> {
    runs.view()
        .filter(|v| {
            let offered = match v.phase {
                RunPhase::Interrupted | RunPhase::Failed => true,
                RunPhase::RollBackUnfinished => !resuming,
                _ => false,
            };
            offered && !v.run_id.is_empty()
        })
        .ok_or_else(|| {
            genesys::Error::InvalidInput {
                field: "setup",
                reason: "no unfinished setup run to resume or roll back".into(),
            }
            .into()
        })
}

/// The unfinished run in memory, moved to `phase` (running for a resume, rolling back for a
/// roll back), and its id.
fn reopened(runs: &SetupRuns, phase: RunPhase) -> CommandResult<(SetupRunView, String)> {
    let mut view = unfinished_run(runs, phase == RunPhase::Running)?;
    view.phase = phase;
    view.error = None;
    view.stopped_at = None;
    let run_id = view.run_id.clone();
    Ok((view, run_id))
}

pub async fn resume(
    org: &OrgContext,
    journal_dir: &Path,
    runs: &SetupRuns,
    listener: Listener,
) -> CommandResult<SetupRunView> {
    let (view, run_id) = reopened(runs, RunPhase::Running)?;
    let ctx = runs::context(org, journal_dir, runs);
    runs.listen(listener);
    let work = async move { setup::resume(&ctx, &run_id).await };
    runs::spawn(runs, view, work, ended).await
}

pub async fn roll_back(
    org: &OrgContext,
    journal_dir: &Path,
    runs: &SetupRuns,
    listener: Listener,
) -> CommandResult<SetupRunView> {
    let (view, run_id) = reopened(runs, RunPhase::RollingBack)?;
    let ctx = runs::context(org, journal_dir, runs);
    runs.listen(listener);
    let work = async move { setup::roll_back(&ctx, &run_id).await };
    runs::spawn(runs, view, work, rolled_back).await
}

/// Renames an unreadable journal (`file_name`: a bare journal file name) in `journal_dir` to
/// `<name>.unreadable-<UTC time>.json`, so the runs that can be read are offered alone.
pub fn set_aside_journal(
    journal_dir: &Path,
    runs: &SetupRuns,
    file_name: &str,
) -> CommandResult<String> {
    let moved = setup::set_aside(journal_dir, file_name)?;
    runs.update(|view| {
        view.unreadable_journals
            .retain(|u| u.file_name != file_name)
    });
    Ok(moved)
}
