//! The Data actions screen: the org's actions by integration, the workshop's preset, the
//! editor's rule check, one action, save a draft, test it, publish, a draft from a published
//! action, delete, and the queues a test input can pick. Each is a call into `studio::actions`.

use std::collections::BTreeMap;

use genesys::api::Removal;
use studio::wire::actions::{
    ActionDetail, ActionForm, ActionsOverview, FormProblem, QueueChoice, TestRun,
};
use studio::{actions, CommandResult};
use tauri::{AppHandle, Runtime};

use crate::session::org;

#[tauri::command]
pub async fn actions_overview<R: Runtime>(app: AppHandle<R>) -> CommandResult<ActionsOverview> {
    actions::overview(&org(&app).await?).await
}

#[tauri::command]
pub async fn action_preset<R: Runtime>(
    app: AppHandle<R>,
    integration_id: String,
    name: String,
) -> CommandResult<ActionForm> {
    actions::preset(&org(&app).await?, &integration_id, &name).await
}

/// The rules need no org: the window asks while the user types.
#[tauri::command]
pub fn action_check(form: ActionForm) -> Vec<FormProblem> {
    actions::check(&form)
}

#[tauri::command]
pub async fn action_get<R: Runtime>(app: AppHandle<R>, id: String) -> CommandResult<ActionDetail> {
    actions::get(&org(&app).await?, &id).await
}

#[tauri::command]
pub async fn action_save<R: Runtime>(
    app: AppHandle<R>,
    id: Option<String>,
    form: ActionForm,
) -> CommandResult<ActionDetail> {
    actions::save(&org(&app).await?, id.as_deref(), &form).await
}

#[tauri::command]
pub async fn action_test<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    values: BTreeMap<String, String>,
    flatten: bool,
) -> CommandResult<TestRun> {
    actions::test(&org(&app).await?, &id, &values, flatten).await
}

#[tauri::command]
pub async fn action_publish<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> CommandResult<ActionDetail> {
    actions::publish(&org(&app).await?, &id).await
}

#[tauri::command]
pub async fn action_new_draft<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> CommandResult<ActionDetail> {
    actions::new_draft(&org(&app).await?, &id).await
}

#[tauri::command]
pub async fn action_delete<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    draft_only: bool,
) -> CommandResult<Removal> {
    actions::delete(&org(&app).await?, &id, draft_only).await
}

#[tauri::command]
pub async fn action_queues<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<QueueChoice>> {
    actions::queues(&org(&app).await?).await
}
