//! `/api/v2/integrations` for Genesys Cloud Data Actions (platform-client-sdk-python build/PureCloudPlatformClientV2/apis/integrations_api.py):
//! the type's instance limit, list, read, install, enable/disable, follow the reported state,
//! delete. The configuration (credential, notes) is in `integration_config.rs`.

use std::time::Duration;

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::encode::segment;
use super::Client;
use crate::error::{Error, Result};
use crate::models::{Integration, IntegrationType, ReportedStateCode};
use crate::secrets::Secret;

/// The integration type of "Genesys Cloud Data Actions".
pub const DATA_ACTIONS_TYPE: &str = "purecloud-data-actions";
/// Its credential slot, which is also the credential type's name.
pub const DATA_ACTIONS_CREDENTIAL_SLOT: &str = "pureCloudOAuthClient";
/// Data Actions integrations an org may hold when the integration type gives no
/// `maxInstances` (platform-client-sdk-python build/PureCloudPlatformClientV2/models/integration_type.py); see [`Client::data_actions_limit`].
pub const MAX_DATA_ACTIONS_INTEGRATIONS: usize = 10;

/// What a `DELETE` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Removal {
    /// It existed and is deleted now.
    Deleted,
    /// It answered 404: already gone (a rollback counts this as done).
    AlreadyGone,
}

pub(crate) fn integration_path(id: &str) -> String {
    format!("/api/v2/integrations/{}", segment(id))
}

impl Client {
    /// Every Data Actions integration of the org: all pages of `GET /api/v2/integrations`
    /// filtered on `integrationType` (and checked again here).
    pub async fn data_actions_integrations(&self, token: &Secret) -> Result<Vec<Integration>> {
        let path = format!("/api/v2/integrations?integrationType={DATA_ACTIONS_TYPE}");
        let all = self
            .all_pages(&path, 100, token, |i: &Integration| i.id.as_str())
            .await?;
        Ok(all
            .into_iter()
            .filter(|i| i.type_id() == Some(DATA_ACTIONS_TYPE))
            .collect())
    }

    /// How many Data Actions integrations the org may hold: the type's `maxInstances` (`GET
    /// /api/v2/integrations/types/purecloud-data-actions`), [`MAX_DATA_ACTIONS_INTEGRATIONS`]
    /// when the type does not say.
    pub async fn data_actions_limit(&self, token: &Secret) -> Result<usize> {
        let path = format!("/api/v2/integrations/types/{DATA_ACTIONS_TYPE}");
        let kind: IntegrationType = self.get(&path, token).await?;
        Ok(kind
            .max_instances
            .map_or(MAX_DATA_ACTIONS_INTEGRATIONS, |n| n as usize))
    }

    /// `GET /api/v2/integrations/{id}`.
    pub async fn integration(&self, id: &str, token: &Secret) -> Result<Integration> {
        self.get(&integration_path(id), token).await
    }

    /// `POST /api/v2/integrations`: installs a Data Actions integration named `name` (it
    /// starts DISABLED). Not retried. `CreateIntegrationRequest` has no `notes`, so `notes`
    /// are written afterwards into the configuration's `notes` (a configuration `PUT`); if
    /// that fails the error is returned and the integration exists without them. The reads
    /// after the create wait out a 404 ([`Client::after_create`]).
    pub async fn install_integration(
        &self,
        name: &str,
        notes: Option<&str>,
        token: &Secret,
    ) -> Result<Integration> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::InvalidInput {
                field: "name",
                reason: "an integration needs a name".to_owned(),
            });
        }
        let body = json!({ "integrationType": { "id": DATA_ACTIONS_TYPE }, "name": name });
        let installed: Integration = self
            .send_json(Method::POST, "/api/v2/integrations", token, &body)
            .await?;
        let Some(notes) = notes else {
            return Ok(installed);
        };
        self.update_config(&installed.id, token, |mut config| {
            config.notes = notes.to_owned();
            config
        })
        .await?;
        self.after_create(|| self.integration(&installed.id, token))
            .await
    }

    /// `PATCH /api/v2/integrations/{id}` with only `intendedState` (`ENABLED`/`DISABLED`).
    pub async fn set_integration_enabled(
        &self,
        id: &str,
        enabled: bool,
        token: &Secret,
    ) -> Result<Integration> {
        let state = if enabled { "ENABLED" } else { "DISABLED" };
        self.send_json(
            Method::PATCH,
            &integration_path(id),
            token,
            &json!({ "intendedState": state }),
        )
        .await
    }

    /// Reads the integration until `reportedState.code` is ACTIVE or ERROR (`enabled`) or
    /// INACTIVE (`!enabled`), calling `seen` with the first answer and each change of code.
    /// ERROR is returned as `Ok` (its `detail.message` says why); not getting there within
    /// `within` is an error naming the last state. Genesys documents no polling interval: it
    /// reads every 200 ms at first, then less often, at most every 2 s.
    pub async fn wait_for_reported_state(
        &self,
        id: &str,
        enabled: bool,
        within: Duration,
        seen: &mut (dyn FnMut(&Integration) + Send),
        token: &Secret,
    ) -> Result<Integration> {
        let done = |code: ReportedStateCode| {
            if enabled {
                matches!(code, ReportedStateCode::Active | ReportedStateCode::Error)
            } else {
                code == ReportedStateCode::Inactive
            }
        };
        let deadline = tokio::time::Instant::now() + within;
        let mut pause = Duration::from_millis(200);
        let mut last = None;
        loop {
            let integration = self.integration(id, token).await?;
            let code = integration.reported_code();
            if last != Some(code) {
                seen(&integration);
                last = Some(code);
            }
            if done(code) {
                return Ok(integration);
            }
            let now = tokio::time::Instant::now();
            if now >= deadline {
                return Err(Error::Unexpected(format!(
                    "the integration {id} still reports {code:?} after {} s",
                    within.as_secs_f32()
                )));
            }
            tokio::time::sleep(pause.min(deadline - now)).await;
            pause = (pause * 3 / 2).min(Duration::from_secs(2));
        }
    }

    /// `DELETE /api/v2/integrations/{id}`; a 404 is [`Removal::AlreadyGone`].
    pub async fn delete_integration(&self, id: &str, token: &Secret) -> Result<Removal> {
        removal(self.delete(&integration_path(id), token).await)
    }
}

/// A `DELETE` result as a [`Removal`]: 404 means already gone.
pub(crate) fn removal(result: Result<()>) -> Result<Removal> {
    match result {
        Ok(()) => Ok(Removal::Deleted),
        Err(Error::Api { status: 404, .. }) => Ok(Removal::AlreadyGone),
        Err(e) => Err(e),
    }
}
