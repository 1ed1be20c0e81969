//! The run's steps in order ([`StepKind`]) and the plan preview ([`plan`]): what will change, as
//! data the UI words in the user's language. No English here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::request::ValidSetup;
use crate::models::RoleDivision;

/// One step of the guided setup, in run order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum StepKind {
    /// The user's permissions for every step, the keychain, the integration limit.
    Preflight,
    /// `POST /api/v2/oauth/clients` (Client Credentials, marker in the description).
    CreateClient,
    /// The client secret into the OS keychain, at once.
    StoreSecret,
    /// A client-credentials token minted with the new secret (retried while Genesys's caches
    /// catch up).
    VerifySecret,
    /// `POST /api/v2/integrations/credentials` of type `pureCloudOAuthClient`.
    CreateCredential,
    /// `POST /api/v2/integrations` of type `purecloud-data-actions` (runs beside the client).
    InstallIntegration,
    /// `PUT /api/v2/integrations/{id}/config/current` with the credential.
    ConfigureIntegration,
    /// `PATCH /api/v2/integrations/{id}` `{"intendedState":"ENABLED"}`.
    EnableIntegration,
    /// Reading the integration until `reportedState.code` is ACTIVE (or ERROR).
    WaitForActive,
    /// `POST /api/v2/integrations/actions/drafts`: the workshop action (marker in its name).
    CreateAction,
    /// `POST …/actions/{id}/draft/test` with the picked queue (skipped without one).
    TestAction,
    /// `POST …/actions/{id}/draft/publish` at the draft's version.
    PublishAction,
}

impl StepKind {
    /// Every step, in the order a run takes them.
    pub const ALL: [StepKind; 12] = [
        StepKind::Preflight,
        StepKind::CreateClient,
        StepKind::StoreSecret,
        StepKind::VerifySecret,
        StepKind::CreateCredential,
        StepKind::InstallIntegration,
        StepKind::ConfigureIntegration,
        StepKind::EnableIntegration,
        StepKind::WaitForActive,
        StepKind::CreateAction,
        StepKind::TestAction,
        StepKind::PublishAction,
    ];

    /// The steps of the data action part, last in a run that has it.
    pub const ACTION: [StepKind; 3] = [
        StepKind::CreateAction,
        StepKind::TestAction,
        StepKind::PublishAction,
    ];

    /// The steps a run takes: all of them, or all but the action part.
    pub fn of_run(with_action: bool) -> Vec<StepKind> {
        StepKind::ALL
            .into_iter()
            .filter(|s| with_action || !StepKind::ACTION.contains(s))
            .collect()
    }

    /// The camelCase name used in checkpoints and the journal.
    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Preflight => "preflight",
            StepKind::CreateClient => "createClient",
            StepKind::StoreSecret => "storeSecret",
            StepKind::VerifySecret => "verifySecret",
            StepKind::CreateCredential => "createCredential",
            StepKind::InstallIntegration => "installIntegration",
            StepKind::ConfigureIntegration => "configureIntegration",
            StepKind::EnableIntegration => "enableIntegration",
            StepKind::WaitForActive => "waitForActive",
            StepKind::CreateAction => "createAction",
            StepKind::TestAction => "testAction",
            StepKind::PublishAction => "publishAction",
        }
    }
}

/// One change of the plan preview, with what the UI needs to word it. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "step")]
pub enum PlannedChange {
    /// Check permissions, keychain and the integration limit; changes nothing.
    Preflight,
    /// Create a Client Credentials client with these roles.
    #[serde(rename_all = "camelCase")]
    CreateClient {
        name: String,
        token_duration_seconds: u32,
        role_divisions: Vec<RoleDivision>,
    },
    /// Save its secret in the OS keychain.
    StoreSecret,
    /// Mint a token with the secret to prove it works.
    VerifySecret,
    /// Create the `pureCloudOAuthClient` credential holding the client id and secret.
    #[serde(rename_all = "camelCase")]
    CreateCredential { name: String },
    /// Install the Genesys Cloud Data Actions integration.
    #[serde(rename_all = "camelCase")]
    InstallIntegration { name: String },
    /// Point the integration's configuration at the credential.
    ConfigureIntegration,
    /// Activate the integration.
    EnableIntegration,
    /// Wait until Genesys reports it ACTIVE.
    WaitForActive,
    /// Create the workshop data action as a draft.
    #[serde(rename_all = "camelCase")]
    CreateAction { name: String },
    /// Test the draft against a queue; `None`: no queue, the test is skipped.
    #[serde(rename_all = "camelCase")]
    TestAction { queue_id: Option<String> },
    /// Publish the tested draft.
    PublishAction,
}

impl PlannedChange {
    /// The step this change is.
    pub fn step(&self) -> StepKind {
        match self {
            PlannedChange::Preflight => StepKind::Preflight,
            PlannedChange::CreateClient { .. } => StepKind::CreateClient,
            PlannedChange::StoreSecret => StepKind::StoreSecret,
            PlannedChange::VerifySecret => StepKind::VerifySecret,
            PlannedChange::CreateCredential { .. } => StepKind::CreateCredential,
            PlannedChange::InstallIntegration { .. } => StepKind::InstallIntegration,
            PlannedChange::ConfigureIntegration => StepKind::ConfigureIntegration,
            PlannedChange::EnableIntegration => StepKind::EnableIntegration,
            PlannedChange::WaitForActive => StepKind::WaitForActive,
            PlannedChange::CreateAction { .. } => StepKind::CreateAction,
            PlannedChange::TestAction { .. } => StepKind::TestAction,
            PlannedChange::PublishAction => StepKind::PublishAction,
        }
    }
}

/// Every change a run of `setup` makes, in order (the integration install runs beside the
/// client creation but is listed where the workshop puts it).
pub fn plan(setup: &ValidSetup) -> Vec<PlannedChange> {
    let mut changes = vec![
        PlannedChange::Preflight,
        PlannedChange::CreateClient {
            name: setup.client_name.clone(),
            token_duration_seconds: setup.token_duration_seconds,
            role_divisions: setup.role_divisions.clone(),
        },
        PlannedChange::StoreSecret,
        PlannedChange::VerifySecret,
        PlannedChange::CreateCredential {
            name: setup.credential_name.clone(),
        },
        PlannedChange::InstallIntegration {
            name: setup.integration_name.clone(),
        },
        PlannedChange::ConfigureIntegration,
        PlannedChange::EnableIntegration,
        PlannedChange::WaitForActive,
    ];
    if let Some(action) = &setup.action {
        changes.extend([
            PlannedChange::CreateAction {
                name: action.name.clone(),
            },
            PlannedChange::TestAction {
                queue_id: action.queue_id.clone(),
            },
            PlannedChange::PublishAction,
        ]);
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::SetupRequest;

    #[test]
    fn the_plan_lists_every_step_once_in_order_as_data() {
        let pair = RoleDivision {
            role_id: "r".into(),
            division_id: "*".into(),
        };
        let mut request = SetupRequest::workshop_defaults(vec![pair.clone()]);
        let setup = request
            .validate(std::slice::from_ref(&pair))
            .expect("valid");
        let steps: Vec<StepKind> = plan(&setup).iter().map(PlannedChange::step).collect();
        assert_eq!(steps, StepKind::of_run(false));
        request.action = Some(crate::setup::ActionStep::workshop(Some(" q1 ".into())));
        let with_action = request.validate(&[pair]).expect("valid");
        let steps: Vec<StepKind> = plan(&with_action).iter().map(PlannedChange::step).collect();
        assert_eq!(steps, StepKind::ALL);
        let test = serde_json::to_value(&plan(&with_action)[10]).expect("json");
        assert_eq!(test["step"], "testAction");
        assert_eq!(test["queueId"], "q1");
        let json = serde_json::to_value(&plan(&setup)[1]).expect("json");
        assert_eq!(json["step"], "createClient");
        assert_eq!(json["tokenDurationSeconds"], 86_400);
    }
}
