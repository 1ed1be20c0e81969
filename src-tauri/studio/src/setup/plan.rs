//! The guided setup's plan preview: the request validated against the roles the user holds,
//! then each planned change with role and division names, for the window to word in the
//! user's language.

use genesys::setup::{self, SetupRequest};

use crate::wire::setup::{PlannedGrant, PlannedStep, SetupPlan};
use crate::{CommandResult, OrgContext};

/// Validates the request against the roles the user holds; the plan is data the UI words.
pub async fn plan(org: &OrgContext, wanted: &SetupRequest) -> CommandResult<SetupPlan> {
    wanted.validate_without_roles()?;
    let session = &org.session;
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
                P::CreateCredential { name }
                | P::InstallIntegration { name }
                | P::CreateAction { name } => (Some(name.clone()), Vec::new(), None),
                // The queue's id: the window names it from the form's queues; none: skipped.
                P::TestAction { queue_id } => (queue_id.clone(), Vec::new(), None),
                _ => (None, Vec::new(), None),
            };
            PlannedStep {
                kind: change.step(),
                subject,
                grants,
                token_duration_seconds: seconds,
            }
        })
        .collect();
    Ok(SetupPlan { steps })
}
