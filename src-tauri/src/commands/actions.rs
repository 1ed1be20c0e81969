//! The Data actions screen: the org's actions by integration, the workshop's preset, the
//! editor's rule check, one action, save a draft, test it, publish, a draft from a published
//! action, delete, the queues a test input can pick, and importing a batch of exported actions
//! (plan, run with live progress, cancel, resume) or exporting one; and least privilege for an
//! integration's client (the org's API description downloaded in the background and cached in
//! `<app data>/api-permissions/`). Each is a call into `studio::actions`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use genesys::api::{AssignProgress, AssignWaits, Removal};
use studio::actions::import::{self, ImportListener, ImportRuns};
use studio::actions::privileges::{self, CatalogCache};
use studio::actions::samples::{self, SampleShelf};
use studio::wire::action_import::{ActionFile, ImportPlan, ImportRunView};
use studio::wire::actions::{
    ActionDetail, ActionForm, ActionsOverview, FormFix, FormProblem, QueueChoice, TestRun,
};
use studio::wire::preview::{KeptSample, Preview, PreviewRequest, SampleDraft, SampleSource};
use studio::wire::privileges::{ActionPrivileges, PrivilegeGrant};
use studio::{actions, CommandResult};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use super::data_folder;
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

/// The offline preview of the form over a sample response (no org, no request): the window
/// asks on every pause in typing.
#[tauri::command]
pub fn action_preview(request: PreviewRequest) -> Preview {
    actions::preview::preview(&request)
}

/// A sample response for the preview: the form's GET sent once with the user's token.
#[tauri::command]
pub async fn action_sample<R: Runtime>(
    app: AppHandle<R>,
    form: ActionForm,
    values: BTreeMap<String, String>,
) -> CommandResult<String> {
    actions::preview::capture(&org(&app).await?, &form, &values).await
}

/// A sample response drafted from the answer model of the endpoint the form calls, read from
/// the org's API description (the cached copy when it is fresh).
#[tauri::command]
pub async fn action_sample_draft<R: Runtime>(
    app: AppHandle<R>,
    form: ActionForm,
) -> CommandResult<SampleDraft> {
    let cache = catalog_cache(&app)?;
    samples::draft(&org(&app).await?, &cache, &form).await
}

/// Kept samples live in `<app data>/action-samples/<org>/<action id>.json`.
pub const SAMPLES_DIR: &str = "action-samples";

fn sample_shelf<R: Runtime>(app: &AppHandle<R>) -> CommandResult<SampleShelf> {
    Ok(SampleShelf::new(data_folder(app, SAMPLES_DIR)?))
}

/// The sample kept with action `id` in the signed-in org, if any.
#[tauri::command]
pub async fn action_sample_kept<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> CommandResult<Option<KeptSample>> {
    let target = org(&app).await?.target().code().to_owned();
    sample_shelf(&app)?.kept(&target, &id)
}

/// Keeps `sample` with action `id` (an empty one forgets it).
#[tauri::command]
pub async fn action_sample_keep<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    sample: String,
    source: SampleSource,
) -> CommandResult<Option<KeptSample>> {
    let target = org(&app).await?.target().code().to_owned();
    sample_shelf(&app)?.keep(&target, &id, &sample, source)
}

/// A lint's fix applied to the form, in Rust (no org): the window shows the answer.
#[tauri::command]
pub fn action_fix(form: ActionForm, fix: FormFix) -> ActionForm {
    actions::apply_fix(&form, &fix)
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

/// Import journals live in `<app data>/action-imports/`.
pub const IMPORT_DIR: &str = "action-imports";

fn import_dir<R: Runtime>(app: &AppHandle<R>) -> CommandResult<PathBuf> {
    data_folder(app, IMPORT_DIR)
}

/// A window's channel as an import listener: a closed one says so and is dropped.
fn import_listener(channel: Channel<ImportRunView>) -> ImportListener {
    Box::new(move |view| channel.send(view.clone()).is_ok())
}

#[tauri::command]
pub async fn action_import_plan<R: Runtime>(
    app: AppHandle<R>,
    integration_id: String,
    files: Vec<ActionFile>,
) -> CommandResult<ImportPlan> {
    import::plan(&org(&app).await?, &integration_id, &files).await
}

#[tauri::command]
pub async fn action_import_start<R: Runtime>(
    app: AppHandle<R>,
    runs: State<'_, ImportRuns>,
    integration_id: String,
    files: Vec<ActionFile>,
    publish: bool,
    on_run: Channel<ImportRunView>,
) -> CommandResult<ImportRunView> {
    let (org, dir) = (org(&app).await?, import_dir(&app)?);
    let listener = import_listener(on_run);
    import::start(
        &org,
        &dir,
        &runs,
        &integration_id,
        &files,
        publish,
        listener,
    )
    .await
}

/// The import shown or running (re-attaching `on_run`), else this org's oldest unfinished one.
#[tauri::command]
pub async fn action_import_status<R: Runtime>(
    app: AppHandle<R>,
    runs: State<'_, ImportRuns>,
    on_run: Channel<ImportRunView>,
) -> CommandResult<Option<ImportRunView>> {
    let (org, dir) = (org(&app).await.ok(), import_dir(&app)?);
    import::status(org.as_ref(), &dir, &runs, import_listener(on_run))
}

#[tauri::command]
pub async fn action_import_resume<R: Runtime>(
    app: AppHandle<R>,
    runs: State<'_, ImportRuns>,
    on_run: Channel<ImportRunView>,
) -> CommandResult<ImportRunView> {
    let (org, dir) = (org(&app).await?, import_dir(&app)?);
    import::resume(&org, &dir, &runs, import_listener(on_run)).await
}

/// Stops the running import within its current request; Resume goes on from there.
#[tauri::command]
pub fn action_import_cancel(runs: State<'_, ImportRuns>, import_id: String) -> CommandResult<()> {
    runs.cancel(&import_id)
}

/// Forgets a stopped or finished import and its journal (what it made stays in the org).
#[tauri::command]
pub fn action_import_dismiss<R: Runtime>(
    app: AppHandle<R>,
    runs: State<'_, ImportRuns>,
) -> CommandResult<()> {
    import::dismiss(&import_dir(&app)?, &runs);
    Ok(())
}

/// Action `id` as the admin UI's export JSON text (no secret: actions hold none).
#[tauri::command]
pub async fn action_export<R: Runtime>(app: AppHandle<R>, id: String) -> CommandResult<String> {
    import::export(&org(&app).await?, &id).await
}

/// Action `id` as a Terraform file (`genesyscloud_integration_action`, integration a variable).
#[tauri::command]
pub async fn action_export_terraform<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> CommandResult<String> {
    import::export_terraform(&org(&app).await?, &id).await
}

/// Integration `integration_id` with its OAuth client, roles, credential and actions as one
/// Terraform file (no secret in it: the provider makes the credential from the new client).
#[tauri::command]
pub async fn integration_export_terraform<R: Runtime>(
    app: AppHandle<R>,
    integration_id: String,
) -> CommandResult<String> {
    actions::chain_export::integration_terraform(&org(&app).await?, &integration_id).await
}

/// Cached API descriptions live in `<app data>/api-permissions/`, one file per org.
pub const CATALOG_DIR: &str = "api-permissions";

pub fn catalog_cache<R: Runtime>(app: &AppHandle<R>) -> CommandResult<CatalogCache> {
    Ok(CatalogCache::new(data_folder(app, CATALOG_DIR)?))
}

/// What integration `integration_id`'s actions need, what its client holds, and the offer.
#[tauri::command]
pub async fn action_privileges<R: Runtime>(
    app: AppHandle<R>,
    integration_id: String,
) -> CommandResult<ActionPrivileges> {
    let cache = catalog_cache(&app)?;
    privileges::privileges(&org(&app).await?, &cache, &integration_id).await
}

/// Grants the offered role to the integration's client (the user first, when they lack it).
#[tauri::command]
pub async fn action_privileges_grant<R: Runtime>(
    app: AppHandle<R>,
    grant: PrivilegeGrant,
    on_progress: Channel<AssignProgress>,
) -> CommandResult<ActionPrivileges> {
    let cache = catalog_cache(&app)?;
    let report = move |progress: AssignProgress| {
        let _ = on_progress.send(progress); // a closed window loses only the progress
    };
    let org = org(&app).await?;
    privileges::grant(
        &org,
        &cache,
        &grant.integration_id,
        &grant.division_id,
        AssignWaits::default(),
        &report,
    )
    .await
}

/// Starts reading the org's API description into the cache, and answers at once: the
/// least-privilege screen then opens from the copy.
#[tauri::command]
pub async fn api_permissions_prefetch<R: Runtime>(app: AppHandle<R>) -> CommandResult<()> {
    let cache = catalog_cache(&app)?;
    let org = org(&app).await?;
    tauri::async_runtime::spawn(async move {
        if let Err(e) = cache.get(org.target().code(), org.session.client()).await {
            log::info!("the API description was not read ahead: {:?}", e.kind);
        }
    });
    Ok(())
}
