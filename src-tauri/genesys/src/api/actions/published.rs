//! Published actions: read one whole, change its name, category or config at its version
//! (`UpdateActionInput` has no contract and no `secure`), delete it (platform-client-sdk-python
//! build/docs/IntegrationsApi.md: `get_integrations_action`, `patch_integrations_action`,
//! `delete_integrations_action`).

use super::{action_path, ActionStage, Client, WHOLE};
use crate::action_rules::{check_published_update, refuse};
use crate::api::integrations::{removal, Removal};
use crate::error::Result;
use crate::models::{Action, PublishedUpdate};
use crate::secrets::Secret;

impl Client {
    /// `GET …/{id}?expand=contract&includeConfig=true`, with the templates read when the answer
    /// links them only. 404 when the action was never published.
    pub async fn action(&self, id: &str, token: &Secret) -> Result<Action> {
        let mut action: Action = self
            .get(&format!("{}?{WHOLE}", action_path(id)), token)
            .await?;
        self.fill_templates(&mut action, ActionStage::Published, token)
            .await?;
        Ok(action)
    }

    /// `PATCH …/{id}` with `update` at the version the caller read; refused before any request
    /// when a field breaks a rule. A version conflict reads the action's version again and
    /// sends the same change at it, as Terraform's update does (see `patch_at_version`).
    pub async fn update_action(
        &self,
        id: &str,
        update: &PublishedUpdate,
        token: &Secret,
    ) -> Result<Action> {
        refuse(check_published_update(update))?;
        let path = action_path(id);
        self.patch_at_version(
            &path,
            update.version,
            |version| update.at_version(version),
            || self.get::<Action>(&path, token),
            token,
        )
        .await
    }

    /// `DELETE …/{id}`: the action and its draft. A 404 is [`Removal::AlreadyGone`]: deleting
    /// an integration takes its actions with it, and Terraform takes that 404 as done
    /// (terraform-provider-genesyscloud genesyscloud/integration_action/resource_genesyscloud_integration_action.go,
    /// `deleteIntegrationAction`).
    pub async fn delete_action(&self, id: &str, token: &Secret) -> Result<Removal> {
        removal(self.delete(&action_path(id), token).await)
    }
}
