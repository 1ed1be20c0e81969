//! "Set up Data Actions": the prefilled form, the plan preview, and the run (start, status with
//! re-attach, resume, roll back, cancel, dismiss) with its live view on a channel, and moving an
//! unreadable journal aside. Journals live in `<app data>/setup-runs/`.

use std::path::PathBuf;

use genesys::setup::SetupRequest;
use studio::setup::{self, Listener, SetupRuns};
use studio::wire::setup::{SetupForm, SetupPlan, SetupRunView};
use studio::CommandResult;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use crate::session::org;

pub const JOURNAL_DIR: &str = "setup-runs";

fn journal_dir<R: Runtime>(app: &AppHandle<R>) -> CommandResult<PathBuf> {
    super::data_folder(app, JOURNAL_DIR)
}

/// A window's channel as a run listener: a closed one says so and is dropped.
fn listener(channel: Channel<SetupRunView>) -> Listener {
    Box::new(move |view| channel.send(view.clone()).is_ok())
}

#[tauri::command]
pub async fn setup_form<R: Runtime>(app: AppHandle<R>) -> CommandResult<SetupForm> {
    setup::form(
        &org(&app).await?,
        &journal_dir(&app)?,
        &crate::commands::actions::catalog_cache(&app)?,
    )
    .await
}

#[tauri::command]
pub async fn setup_plan<R: Runtime>(
    app: AppHandle<R>,
    request: SetupRequest,
) -> CommandResult<SetupPlan> {
    setup::plan(&org(&app).await?, &request).await
}

#[tauri::command]
pub async fn setup_start<R: Runtime>(
    app: AppHandle<R>,
    runs: State<'_, SetupRuns>,
    request: SetupRequest,
    on_run: Channel<SetupRunView>,
) -> CommandResult<SetupRunView> {
    let (org, dir) = (org(&app).await?, journal_dir(&app)?);
    setup::start(&org, &dir, &runs, request, listener(on_run)).await
}

#[tauri::command]
pub fn setup_status<R: Runtime>(
    app: AppHandle<R>,
    runs: State<'_, SetupRuns>,
    on_run: Channel<SetupRunView>,
) -> CommandResult<Option<SetupRunView>> {
    setup::status(&journal_dir(&app)?, &runs, listener(on_run))
}

#[tauri::command]
pub async fn setup_resume<R: Runtime>(
    app: AppHandle<R>,
    runs: State<'_, SetupRuns>,
    on_run: Channel<SetupRunView>,
) -> CommandResult<SetupRunView> {
    let (org, dir) = (org(&app).await?, journal_dir(&app)?);
    setup::resume(&org, &dir, &runs, listener(on_run)).await
}

#[tauri::command]
pub async fn setup_roll_back<R: Runtime>(
    app: AppHandle<R>,
    runs: State<'_, SetupRuns>,
    on_run: Channel<SetupRunView>,
) -> CommandResult<SetupRunView> {
    let (org, dir) = (org(&app).await?, journal_dir(&app)?);
    setup::roll_back(&org, &dir, &runs, listener(on_run)).await
}

/// Stops the running guided setup at its next step boundary; it then waits to be resumed or
/// rolled back (its journal says cancelled).
#[tauri::command]
pub fn setup_cancel(runs: State<'_, SetupRuns>, run_id: String) -> CommandResult<()> {
    runs.cancel(&run_id)
}

#[tauri::command]
pub fn setup_set_aside_journal<R: Runtime>(
    app: AppHandle<R>,
    runs: State<'_, SetupRuns>,
    file_name: String,
) -> CommandResult<String> {
    setup::set_aside_journal(&journal_dir(&app)?, &runs, &file_name)
}

/// Forgets a completed or rolled-back run so the form shows again.
#[tauri::command]
pub fn setup_dismiss(runs: State<'_, SetupRuns>) {
    runs.dismiss();
}
