//! "Set up Data Actions": the prefilled form, the plan preview, and the run (start,
//! status with re-attach, resume, roll back, cancel, dismiss) with its live view on a
//! channel, and moving an unreadable journal aside.

use genesys::setup;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandResult;
use crate::setup_runs::{self, SetupRuns};
use crate::wire::setup::{
    CreatedObject, RunPhase, SetupForm, SetupPlan, SetupRequestInput, SetupRunView, SetupStepKind,
    StepStatus,
};
use crate::{setup_form, setup_view};

/// The form: the workshop's names, the roles held with the suggested one selected, the home
/// division, and the integration count against the limit.
#[tauri::command]
pub async fn setup_form<R: Runtime>(app: AppHandle<R>) -> CommandResult<SetupForm> {
    setup_form::form(&app).await
}

/// Validates the request against the roles the user holds; the UI words the plan.
#[tauri::command]
pub async fn setup_plan<R: Runtime>(
    app: AppHandle<R>,
    request: SetupRequestInput,
) -> CommandResult<SetupPlan> {
    setup_form::plan(&app, &request).await
}

fn running() -> SetupRunView {
    let mut view = setup_view::fresh(RunPhase::Running);
    if let Some(first) = view.steps.first_mut() {
        first.status = StepStatus::Running;
    }
    view
}

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
        }
        Err(e) => {
            view.phase = RunPhase::Failed;
            view.error = Some(e.into());
        }
    }
}

fn created(kind: &str, id: String, name: String) -> CreatedObject {
    CreatedObject {
        kind: kind.into(),
        id,
        name,
    }
}

#[tauri::command]
pub async fn setup_start<R: Runtime>(
    app: AppHandle<R>,
    runs: State<'_, SetupRuns>,
    request: SetupRequestInput,
    on_run: Channel<SetupRunView>,
) -> CommandResult<SetupRunView> {
    let ctx = setup_runs::context(&app, &runs).await?;
    runs.listen(on_run);
    let wanted = setup_form::request(&request);
    let work = async move { setup::start(&ctx, &wanted).await };
    setup_runs::spawn(&runs, running(), work, ended).await
}

/// The run in memory (re-attaching `on_run`), else an unfinished one found in the journals.
#[tauri::command]
pub async fn setup_status<R: Runtime>(
    app: AppHandle<R>,
    runs: State<'_, SetupRuns>,
    on_run: Channel<SetupRunView>,
) -> CommandResult<Option<SetupRunView>> {
    let view = setup_runs::current(&app, &runs)?;
    if view.is_some() {
        runs.listen(on_run);
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

#[tauri::command]
pub async fn setup_resume<R: Runtime>(
    app: AppHandle<R>,
    runs: State<'_, SetupRuns>,
    on_run: Channel<SetupRunView>,
) -> CommandResult<SetupRunView> {
    let mut view = unfinished_run(&runs, true)?;
    let ctx = setup_runs::context(&app, &runs).await?;
    runs.listen(on_run);
    let run_id = view.run_id.clone();
    view.phase = RunPhase::Running;
    view.error = None;
    let work = async move { setup::resume(&ctx, &run_id).await };
    setup_runs::spawn(&runs, view, work, ended).await
}

#[tauri::command]
pub async fn setup_roll_back<R: Runtime>(
    app: AppHandle<R>,
    runs: State<'_, SetupRuns>,
    on_run: Channel<SetupRunView>,
) -> CommandResult<SetupRunView> {
    let mut view = unfinished_run(&runs, false)?;
    let ctx = setup_runs::context(&app, &runs).await?;
    runs.listen(on_run);
    let run_id = view.run_id.clone();
    view.phase = RunPhase::RollingBack;
    view.error = None;
    let work = async move { setup::roll_back(&ctx, &run_id).await };
    setup_runs::spawn(&runs, view, work, |view, result| match result {
        Ok(_) => {
            view.phase = RunPhase::RolledBack;
            view.created.clear();
            // Only the steps that changed the org (or the keychain) are undone; checks stay done.
            let checks = [SetupStepKind::Preflight, SetupStepKind::VerifySecret];
            for step in view
                .steps
                .iter_mut()
                .filter(|s| s.status != StepStatus::Pending && !checks.contains(&s.kind))
            {
                step.status = StepStatus::RolledBack;
            }
        }
        // Another window holding the run changed nothing here; any other failure may have
        // removed some objects already: only finishing the roll back is offered.
        Err(e) => {
            view.phase = match e.kind() {
                genesys::ErrorKind::RunInUse => RunPhase::Interrupted,
                _ => RunPhase::RollBackUnfinished,
            };
            view.error = Some(e.into());
        }
    })
    .await
}

/// Stops the running guided setup at its next step boundary; it then waits to be resumed or
/// rolled back (its journal says cancelled).
#[tauri::command]
pub fn setup_cancel(runs: State<'_, SetupRuns>, run_id: String) -> CommandResult<()> {
    runs.cancel(&run_id)
}

/// Renames an unreadable journal (`fileName`: a bare journal file name) in the journal folder
/// to `<name>.unreadable-<UTC time>.json`, so the runs that can be read are offered alone.
#[tauri::command]
pub fn setup_set_aside_journal<R: Runtime>(
    app: AppHandle<R>,
    runs: State<'_, SetupRuns>,
    file_name: String,
) -> CommandResult<String> {
    let moved = setup::set_aside(&setup_runs::journal_dir(&app)?, &file_name)?;
    runs.update(|view| {
        view.unreadable_journals
            .retain(|u| u.file_name != file_name)
    });
    Ok(moved)
}

/// Forgets a completed or rolled-back run so the form shows again.
#[tauri::command]
pub fn setup_dismiss(runs: State<'_, SetupRuns>) {
    runs.dismiss();
}
