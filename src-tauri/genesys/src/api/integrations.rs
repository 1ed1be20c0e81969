//! `/api/v2/integrations` for Genesys Cloud Data Actions (genesys-api.md §6, §8 steps 4, 6, 7):
//! list, read, install, configure the OAuth credential, enable/disable, follow the reported
//! state, delete.

use std::time::Duration;

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::oauth_clients::segment;
use super::Client;
use crate::error::{Error, Result};
use crate::models::{CredentialInfo, Integration, IntegrationConfiguration, ReportedStateCode};
use crate::secrets::Secret;

/// The integration type of "Genesys Cloud Data Actions".
pub const DATA_ACTIONS_TYPE: &str = "purecloud-data-actions";
/// Its credential slot, which is also the credential type's name.
pub const DATA_ACTIONS_CREDENTIAL_SLOT: &str = "pureCloudOAuthClient";
/// Data Actions integrations an org may hold (genesys-api.md §3.3, issue 7).
pub const MAX_DATA_ACTIONS_INTEGRATIONS: usize = 10;
/// Configuration `PUT`s tried when the version keeps moving (matrix C6, Terraform parity).
pub const MAX_CONFIG_ATTEMPTS: u32 = 10;

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

fn integration_path(id: &str) -> String {
    format!("/api/v2/integrations/{}", segment(id))
}

fn config_path(id: &str) -> String {
    format!("{}/config/current", integration_path(id))
}

/// Whether an error is Genesys's "the version moved" answer: 409, or (as Terraform also
/// checks) a 400 whose message says the version does not match.
fn version_conflict(e: &Error) -> bool {
    match e {
        Error::Api { status: 409, .. } => true,
        Error::Api {
            status: 400,
            message,
            ..
        } => message.contains("does not match the current version"),
        _ => false,
    }
}

/// `config` with `slot` set to the credential `id` (by reference only), or removed.
fn with_credential(
    mut config: IntegrationConfiguration,
    slot: &str,
    credential_id: Option<&str>,
) -> IntegrationConfiguration {
    config.id = None;
    config.credentials = config
        .credentials
        .into_iter()
        .map(|(k, v)| (k, CredentialInfo::reference(&v.id)))
        .collect();
    match credential_id {
        Some(id) => {
            config
                .credentials
                .insert(slot.to_owned(), CredentialInfo::reference(id));
        }
        None => {
            config.credentials.remove(slot);
        }
    }
    config
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

    /// `GET /api/v2/integrations/{id}`.
    pub async fn integration(&self, id: &str, token: &Secret) -> Result<Integration> {
        self.get(&integration_path(id), token).await
    }

    /// `POST /api/v2/integrations`: installs a Data Actions integration named `name` (it
    /// starts DISABLED). Not retried. `CreateIntegrationRequest` has no `notes`, so `notes`
    /// are written afterwards into the configuration's `notes` (a configuration `PUT`); if
    /// that fails the error is returned and the integration exists without them.
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
        self.integration(&installed.id, token).await
    }

    /// `GET /api/v2/integrations/{id}/config/current`.
    pub async fn integration_config(
        &self,
        id: &str,
        token: &Secret,
    ) -> Result<IntegrationConfiguration> {
        self.get(&config_path(id), token).await
    }

    /// Sets (or with `None` removes) the `pureCloudOAuthClient` credential: `GET` the current
    /// configuration, `PUT` it back with its `version` and the credential by id. A version
    /// conflict re-reads and tries again, at most [`MAX_CONFIG_ATTEMPTS`] times (matrix C6).
    pub async fn set_integration_credential(
        &self,
        id: &str,
        credential_id: Option<&str>,
        token: &Secret,
    ) -> Result<IntegrationConfiguration> {
        if credential_id.is_some_and(|c| c.trim().is_empty()) {
            return Err(Error::InvalidInput {
                field: "credentialId",
                reason: "a credential id cannot be blank".to_owned(),
            });
        }
        self.update_config(id, token, |config| {
            with_credential(config, DATA_ACTIONS_CREDENTIAL_SLOT, credential_id)
        })
        .await
    }

    /// GET → `change` → PUT with the version read, again on a version conflict.
    async fn update_config(
        &self,
        id: &str,
        token: &Secret,
        change: impl Fn(IntegrationConfiguration) -> IntegrationConfiguration,
    ) -> Result<IntegrationConfiguration> {
        let mut attempt = 1;
        loop {
            let current = self.integration_config(id, token).await?;
            let mut wanted = change(current);
            wanted.id = None;
            match self
                .send_json(Method::PUT, &config_path(id), token, &wanted)
                .await
            {
                Err(e) if version_conflict(&e) && attempt < MAX_CONFIG_ATTEMPTS => {
                    log::debug!("integration config version moved; attempt {}", attempt + 1);
                    attempt += 1;
                }
                other => return other,
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_put_carries_credentials_by_id_only() {
        let read: IntegrationConfiguration = serde_json::from_value(json!({
            "id": "i1", "name": "DA", "version": 4, "properties": {}, "advanced": {},
            "notes": "run-1", "selfUri": "/x",
            "credentials": { "other": { "id": "o1", "name": "n", "type": { "name": "basicAuth" } } }
        }))
        .expect("config");
        let put = with_credential(read.clone(), DATA_ACTIONS_CREDENTIAL_SLOT, Some("c1"));
        assert_eq!(
            serde_json::to_value(&put).expect("json"),
            json!({ "name": "DA", "version": 4, "properties": {}, "advanced": {}, "notes": "run-1",
                    "credentials": { "other": { "id": "o1" }, "pureCloudOAuthClient": { "id": "c1" } } })
        );
        let cleared = with_credential(put, DATA_ACTIONS_CREDENTIAL_SLOT, None);
        assert_eq!(cleared.credentials.len(), 1);
    }

    #[test]
    fn version_conflicts_are_409_or_terraforms_400() {
        let api = |status, message: &str| Error::Api {
            status,
            code: String::new(),
            message: message.to_owned(),
            context_id: None,
        };
        assert!(version_conflict(&api(409, "x")));
        assert!(version_conflict(&api(
            400,
            "The version supplied [1] does not match the current version [2]."
        )));
        assert!(!version_conflict(&api(400, "bad")));
        assert!(!version_conflict(&api(412, "x")));
    }
}
