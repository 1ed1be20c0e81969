//! The guided setup's form and plan preview: the form's wire input as the core's
//! [`SetupRequest`], the prefilled form (workshop names, held roles, the suggested one), and the
//! plan with role and division names for the UI to word in the user's language.

use genesys::models::RoleDivision;
use genesys::setup::{self, SetupRequest};
use tauri::{AppHandle, Runtime};

use crate::error::CommandResult;
use crate::integrations::signed_in;
use crate::role_choices;
use crate::setup_runs;
use crate::setup_view;
use crate::wire::setup::{PlannedGrant, PlannedStep, SetupForm, SetupPlan, SetupRequestInput};

pub fn request(input: &SetupRequestInput) -> SetupRequest {
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

/// The form: the workshop's names, the roles held with the suggested one selected, the home
/// division, and the integration count against the limit.
pub async fn form<R: Runtime>(app: &AppHandle<R>) -> CommandResult<SetupForm> {
    let (_, session) = signed_in(app)?;
    let (c, token) = (session.client(), session.token());
    let (choices, installed, limit) = tokio::join!(
        role_choices::choices(app),
        c.data_actions_integrations(token),
        c.data_actions_limit(token)
    );
    let (choices, installed, limit) = (choices?, installed?, limit?);
    let secret_persists = crate::sign_in::vault(app).await.store().persists();
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
        limit: u32::try_from(limit).unwrap_or(u32::MAX),
        secret_persists,
        unreadable_journals: setup_runs::unreadable(app)?,
    })
}

/// Validates the request against the roles the user holds; the plan is data the UI words.
pub async fn plan<R: Runtime>(
    app: &AppHandle<R>,
    request: &SetupRequestInput,
) -> CommandResult<SetupPlan> {
    let wanted = self::request(request);
    wanted.validate_without_roles()?;
    let (_, session) = signed_in(app)?;
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
    // `*` (every division) is named by the grant that holds it, not by the division list.
    let division_name = |id: &str| {
        divisions
            .iter()
            .find(|d| d.id == id)
            .and_then(|d| d.name.clone())
            .or_else(|| {
                let held = subject.grants.iter().find(|g| g.division.id == id);
                held.and_then(|g| g.division.name.clone())
            })
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
