//! `/api/v2/integrations/{id}/config/current` (platform-client-sdk-python build/PureCloudPlatformClientV2/apis/integrations_api.py): the configuration
//! the app trusts (never the copy an integration embeds), and writing it back with its current
//! `version`: re-read and try again while the version moves, pausing between tries.

use std::time::SystemTime;

use reqwest::header::RETRY_AFTER;
use reqwest::Method;

use super::answer::{api_error, parse};
use super::encode::json_body;
use super::integrations::{integration_path, DATA_ACTIONS_CREDENTIAL_SLOT};
use super::Client;
use crate::error::{Error, Result};
use crate::models::{CredentialInfo, IntegrationConfiguration};
use crate::secrets::Secret;

/// Configuration `PUT`s tried when the version keeps moving (security-matrix.md C6; Terraform's `RetryWhen`
/// also tries 10 times).
pub const MAX_CONFIG_ATTEMPTS: u32 = 10;

fn config_path(id: &str) -> String {
    format!("{}/config/current", integration_path(id))
}

/// Whether an answer means "the version moved, read again": what Terraform's
/// `IsVersionMismatch` accepts (terraform-provider-genesyscloud genesyscloud/util/util_retries.go):
/// 409, 408, or a 400 whose message says the version does not match.
pub(crate) fn version_conflict(e: &Error) -> bool {
    match e {
        Error::Api {
            status: 409 | 408, ..
        } => true,
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
    /// `GET /api/v2/integrations/{id}/config/current`: the credential and the `version` the
    /// app relies on come from here, as Terraform reads them (terraform-provider-genesyscloud
    /// genesyscloud/integration/genesyscloud_integration_proxy.go, `getIntegrationConfigFn`).
    pub async fn integration_config(
        &self,
        id: &str,
        token: &Secret,
    ) -> Result<IntegrationConfiguration> {
        self.get(&config_path(id), token).await
    }

    /// The credential id in the `pureCloudOAuthClient` slot of `config/current`, if any.
    pub async fn integration_credential(&self, id: &str, token: &Secret) -> Result<Option<String>> {
        let config = self.integration_config(id, token).await?;
        Ok(config
            .credentials
            .get(DATA_ACTIONS_CREDENTIAL_SLOT)
            .map(|c| c.id.clone()))
    }

    /// Sets (or with `None` removes) the `pureCloudOAuthClient` credential: `GET` the current
    /// configuration, `PUT` it back with its `version` and the credential by id. A version
    /// conflict re-reads and tries again, at most [`MAX_CONFIG_ATTEMPTS`] times (security-matrix.md C6).
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

    /// GET → `change` → PUT with the version read. On a version conflict it waits (the
    /// answer's `Retry-After`, else `(n + 1) · conflict_step` after the `n`-th conflict, as
    /// Terraform's `RetryWhen` does) and starts again from the GET. The app writes a
    /// configuration only right after installing the integration or reading it, so a 404 on
    /// the first GET is taken as "not visible yet" and waited out ([`Client::after_create`]).
    pub(crate) async fn update_config(
        &self,
        id: &str,
        token: &Secret,
        change: impl Fn(IntegrationConfiguration) -> IntegrationConfiguration,
    ) -> Result<IntegrationConfiguration> {
        let path = config_path(id);
        let mut conflicts = 0;
        loop {
            let current = if conflicts == 0 {
                self.after_create(|| self.integration_config(id, token))
                    .await?
            } else {
                self.integration_config(id, token).await?
            };
            let mut wanted = change(current);
            wanted.id = None;
            let body = json_body(&wanted)?;
            let answer = self.exchange(Method::PUT, &path, token, Some(body)).await?;
            if answer.status.is_success() {
                return parse(&answer);
            }
            let error = api_error(&answer);
            if !version_conflict(&error) || conflicts + 1 >= MAX_CONFIG_ATTEMPTS {
                return Err(error);
            }
            let pause = self.pause_after_conflict(&answer, conflicts).await;
            conflicts += 1;
            log::debug!(
                "integration config version moved; attempt {} after {pause:?}",
                conflicts + 1
            );
        }
    }
}

impl Client {
    /// Waits before a version that moved is read again: the answer's `Retry-After` when it
    /// gives one, else the policy's growing conflict pause (`conflicts` so far). Answers the
    /// time waited.
    pub(crate) async fn pause_after_conflict(
        &self,
        answer: &super::answer::Answer,
        conflicts: u32,
    ) -> std::time::Duration {
        let retry_after = answer
            .headers
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok());
        let pause = self
            .retry_policy()
            .conflict_pause(conflicts, retry_after, SystemTime::now());
        tokio::time::sleep(pause).await;
        pause
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
    fn version_conflicts_are_409_408_or_terraforms_400() {
        let api = |status, message: &str| Error::Api {
            status,
            code: String::new(),
            message: message.to_owned(),
            context_id: None,
        };
        assert!(version_conflict(&api(409, "x")));
        assert!(
            version_conflict(&api(408, "x")),
            "Terraform retries 408 too"
        );
        assert!(version_conflict(&api(
            400,
            "The version supplied [1] does not match the current version [2]."
        )));
        assert!(!version_conflict(&api(400, "bad")));
        assert!(!version_conflict(&api(412, "x")));
    }
}
