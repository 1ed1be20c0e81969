//! "Set up Data Actions" (issue 7): the prefilled form, the plan preview, and the run (start,
//! status with re-attach, resume, roll back, dismiss) with its live view on a channel.

use genesys::models::RoleDivision;
use genesys::setup::{self, SetupRequest};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandResult;
use crate::integration_credentials;
use crate::integrations::signed_in;
use crate::setup_runs::{self, SetupRuns};
use crate::setup_view;
use crate::wire::setup::{
    PlannedGrant, PlannedStep, RunPhase, SetupForm, SetupPlan, SetupRequestInput, SetupRunView,
    StepStatus,
};

fn request(input: &SetupRequestInput) -> SetupRequest {
    SetupRequest {
        client_name: input.client_name.clone(),
        client_description: input.client_description.clone(),
        token_duration_seconds: String::new(),
        role_divisions: input
            .role_ids
            .iter()
            .map(|role_id| RoleDivision {
                role_id: role_id.clone(),
                division_id: input.division_id.clone(),
            })
            .collect(),
        credential_name: input.credential_name.clone(),
        integration_name: input.integration_name.clone(),
    }
}

/// The form: the workshop's names, the roles held with the suggested one selected, the division
/// (the suggested role's, else home), and the integration count against the limit.
#[tauri::command]
pub async fn setup_form<R: Runtime>(app: AppHandle<R>) -> CommandResult<SetupForm> {
    let (_, session) = signed_in(&app)?;
    let (choices, installed) = tokio::join!(
        integration_credentials::choices(&app),
        session.client().data_actions_integrations(session.token())
    );
    let (choices, installed) = (choices?, installed?);
    let defaults = SetupRequest::workshop_defaults(Vec::new());
    Ok(SetupForm {
        request: SetupRequestInput {
            client_name: defaults.client_name,
            client_description: defaults.client_description,
            credential_name: defaults.credential_name,
            integration_name: defaults.integration_name,
            role_ids: choices.suggested_role_id.iter().cloned().collect(),
            division_id: choices.home_division_id.clone(),
        },
        roles: choices.roles,
        divisions: choices.divisions,
        installed: installed.len() as u32,
        limit: genesys::api::MAX_DATA_ACTIONS_INTEGRATIONS as u32,
    })
}

/// Validates the request against the roles the user holds and words nothing: the UI does.
#[tauri::command]
pub async fn setup_plan<R: Runtime>(
    app: AppHandle<R>,
    request: SetupRequestInput,
) -> CommandResult<SetupPlan> {
    let wanted = self::request(&request);
    wanted.validate_without_roles()?;
    let (_, session) = signed_in(&app)?;
    let (c, token) = (session.client(), session.token());
    let (subject, divisions) = tokio::join!(c.subject_me(token), c.divisions(token));
    let (subject, divisions) = (subject?, divisions?);
    let valid = wanted.validate(&subject.role_divisions())?;
    let role_name = |id: &str| {
        subject
            .grants
            .iter()
            .find(|g| g.role.id == id)
            .and_then(|g| g.role.name.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let division_name = |id: &str| {
        divisions
            .iter()
            .find(|d| d.id == id)
            .and_then(|d| d.name.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let steps = setup::plan(&valid)
        .into_iter()
        .map(|change| {
            use setup::PlannedChange as P;
            let (subject, grants, seconds) = match &change {
                P::CreateClient {
                    name,
                    token_duration_seconds,
                    role_divisions,
                } => (
                    Some(name.clone()),
                    role_divisions
                        .iter()
                        .map(|rd| PlannedGrant {
                            role: role_name(&rd.role_id),
                            division: division_name(&rd.division_id),
                        })
                        .collect(),
                    Some(*token_duration_seconds),
                ),
                P::CreateCredential { name } | P::InstallIntegration { name } => {
                    (Some(name.clone()), Vec::new(), None)
                }
                _ => (None, Vec::new(), None),
            };
            PlannedStep {
                kind: setup_view::kind(change.step()),
                subject,
                grants,
                token_duration_seconds: seconds,
            }
        })
        .collect();
    Ok(SetupPlan { steps })
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

fn created(kind: &str, id: String, name: String) -> crate::wire::setup::CreatedObject {
    crate::wire::setup::CreatedObject {
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
    let wanted = self::request(&request);
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

fn unfinished_run(runs: &SetupRuns) -> CommandResult<SetupRunView> {
    runs.view()
        .filter(|v| {
            matches!(v.phase, RunPhase::Interrupted | RunPhase::Failed) && !v.run_id.is_empty()
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
    let mut view = unfinished_run(&runs)?;
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
    let mut view = unfinished_run(&runs)?;
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
            for step in view
                .steps
                .iter_mut()
                .filter(|s| s.status != StepStatus::Pending)
            {
                step.status = StepStatus::RolledBack;
            }
        }
        Err(e) => {
            view.phase = RunPhase::Failed;
            view.error = Some(e.into());
        }
    })
    .await
}

/// Forgets a completed or rolled-back run so the form shows again.
#[tauri::command]
pub fn setup_dismiss(runs: State<'_, SetupRuns>) {
    runs.dismiss();
}
