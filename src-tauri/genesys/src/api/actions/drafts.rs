//! Drafts: create one (alone, or from the published action), read it whole, change it at its
//! version, validate it, publish it, delete it (platform-client-sdk-python
//! build/docs/IntegrationsApi.md: `post_integrations_actions_drafts`,
//! `get_integrations_action_draft`, `patch_integrations_action_draft`,
//! `post_integrations_action_draft`, `get_integrations_action_draft_validation`,
//! `post_integrations_action_draft_publish`, `delete_integrations_action_draft`).

use reqwest::Method;

use super::{action_path, draft_path, ActionStage, Client, ACTIONS, WHOLE};
use crate::action_rules::{check_draft_update, check_new_action, frozen_problems, refuse};
use crate::api::answer::parse;
use crate::api::integrations::{removal, Removal};
use crate::error::{Error, Result};
use crate::models::{Action, DraftUpdate, DraftValidation, NewAction, PublishDraft};
use crate::secrets::Secret;

impl Client {
    /// `POST /api/v2/integrations/actions/drafts`: a new action that has only a draft, at
    /// version 1. Refused before any request when it breaks a rule ([`Error::ActionRules`]).
    pub async fn create_action_draft(&self, action: &NewAction, token: &Secret) -> Result<Action> {
        refuse(check_new_action(action))?;
        let path = format!("{ACTIONS}/drafts");
        self.send_json(Method::POST, &path, token, action).await
    }

    /// `GET …/{id}/draft?expand=contract&includeConfig=true`, with the templates read when the
    /// answer links them only.
    pub async fn action_draft(&self, id: &str, token: &Secret) -> Result<Action> {
        let mut draft: Action = self
            .get(&format!("{}?{WHOLE}", draft_path(id)), token)
            .await?;
        self.fill_templates(&mut draft, ActionStage::Draft, token)
            .await?;
        Ok(draft)
    }

    /// `PATCH …/{id}/draft` with `update` (its `version` the one the caller read). Refused
    /// before any request when a field breaks a rule, or when the action is published and the
    /// update would give it another contract or `secure` (then the published action is read
    /// first). A version conflict reads the draft's version again and sends the same change at
    /// it, at most [`super::MAX_ACTION_ATTEMPTS`] times (see `patch_at_version`).
    pub async fn update_action_draft(
        &self,
        id: &str,
        update: &DraftUpdate,
        token: &Secret,
    ) -> Result<Action> {
        self.check_draft_update(id, update, token).await?;
        let path = draft_path(id);
        self.patch_at_version(
            &path,
            update.version,
            |version| update.at_version(version),
            || self.get::<Action>(&path, token),
            token,
        )
        .await
    }

    /// [`Client::update_action_draft`] without the retry: one `PATCH` at `update.version`, and a
    /// version conflict is returned as Genesys answered it, for a caller that must not save over
    /// a change made meanwhile.
    pub async fn update_action_draft_at_version(
        &self,
        id: &str,
        update: &DraftUpdate,
        token: &Secret,
    ) -> Result<Action> {
        self.check_draft_update(id, update, token).await?;
        self.send_json(Method::PATCH, &draft_path(id), token, update)
            .await
    }

    /// The rules of `update`, and the frozen contract and `secure` of a published action.
    async fn check_draft_update(
        &self,
        id: &str,
        update: &DraftUpdate,
        token: &Secret,
    ) -> Result<()> {
        refuse(check_draft_update(update))?;
        if update.contract.is_none() && update.secure.is_none() {
            return Ok(());
        }
        let published = self
            .get::<Action>(&format!("{}?expand=contract", action_path(id)), token)
            .await;
        match published {
            Ok(published) => refuse(frozen_problems(
                &published,
                update.contract.as_ref(),
                update.secure,
            )),
            // Never published: nothing is frozen yet.
            Err(Error::Api { status: 404, .. }) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// `POST …/{id}/draft` (no body): a draft made from the published action.
    pub async fn create_draft_from_action(&self, id: &str, token: &Secret) -> Result<Action> {
        let answer = self
            .send(Method::POST, &draft_path(id), token, None)
            .await?;
        parse(&answer)
    }

    /// `GET …/{id}/draft/validation`: whether the draft can be published, else why.
    pub async fn validate_action_draft(&self, id: &str, token: &Secret) -> Result<DraftValidation> {
        self.get(&format!("{}/validation", draft_path(id)), token)
            .await
    }

    /// `POST …/{id}/draft/publish` with the draft's `version` (`PublishDraftInput`: "the current
    /// draft version"): the published action. Sent once; a draft changed since `version` is a
    /// version conflict returned as Genesys answered it, so what is published is what the
    /// caller saw.
    pub async fn publish_action_draft(
        &self,
        id: &str,
        version: i64,
        token: &Secret,
    ) -> Result<Action> {
        let path = format!("{}/publish", draft_path(id));
        self.send_json(Method::POST, &path, token, &PublishDraft { version })
            .await
    }

    /// `DELETE …/{id}/draft`; a 404 is [`Removal::AlreadyGone`] (Terraform takes a 404 on delete
    /// as done: resource_genesyscloud_integration_action_draft.go, `deleteIntegrationActionDraft`).
    pub async fn delete_action_draft(&self, id: &str, token: &Secret) -> Result<Removal> {
        removal(self.delete(&draft_path(id), token).await)
    }
}
