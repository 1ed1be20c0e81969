//! The data action part of a run, after the integration is ACTIVE: create the workshop action
//! as a draft (through `create.rs`, marker in its name, so a lost answer is adopted and never
//! made twice), test it against the picked queue (a failed operation fails the step with that
//! operation's Genesys error; the test changes nothing, so a resume runs it again), publish it
//! (after a lost answer, a published action is taken as done instead of publishing again).

use super::action::{test_input, workshop_action};
use super::driver::Driver;
use super::events::StepNote;
use super::journal::EntryState;
use super::marker::marked_name;
use super::plan::StepKind;
use crate::error::{Error, Result};
use crate::models::{ErrorBody, TestExecutionResult};

/// The error a failed test ends the step with: the failed operation's (else the result's)
/// Genesys message, code and `contextId`, the operation named. A 401 inside a test is the
/// action's own request refused, not the user's session: it is reported as 400, so the window
/// does not ask the user to sign in again.
fn failed_test(result: &TestExecutionResult) -> Error {
    let operation = result.failed_operation();
    let body: ErrorBody = operation
        .and_then(|o| o.error.clone())
        .or_else(|| result.error.clone())
        .unwrap_or_default();
    let what = operation
        .map(|o| format!("step {} ({})", o.step, o.name))
        .unwrap_or_else(|| "the test".to_owned());
    let code = body
        .code
        .clone()
        .or_else(|| body.details.iter().find_map(|d| d.error_code.clone()))
        .unwrap_or_default();
    let status = body
        .status
        .and_then(|s| u16::try_from(s).ok())
        .filter(|s| (400..600).contains(s) && *s != 401)
        .unwrap_or(400);
    Error::Api {
        status,
        code,
        message: format!(
            "{what} failed: {}",
            body.message.as_deref().unwrap_or("no message")
        ),
        context_id: body.context_id.clone(),
    }
}

impl Driver<'_> {
    /// The action part, when the run has one: create, test, publish.
    pub(crate) async fn action_part(&self) -> Result<()> {
        if self.journal().setup.action.is_none() {
            return Ok(());
        }
        self.create_action().await?;
        self.test_action().await?;
        self.publish_action().await
    }

    async fn create_action(&self) -> Result<()> {
        let step = StepKind::CreateAction;
        self.create_step(
            step,
            |_| {},
            |j| async move {
                let integration = self.required(j.created.integration_id.clone(), "integration")?;
                let wanted = j
                    .setup
                    .action
                    .clone()
                    .unwrap_or_else(|| super::action_step::ActionStep::workshop(None));
                let body = workshop_action(
                    &marked_name(&wanted.name, &self.run_id),
                    &integration,
                    &marked_name(&j.setup.integration_name, &self.run_id),
                );
                let made = self
                    .create(step, || {
                        self.ctx.client.create_action_draft(&body, &self.ctx.token)
                    })
                    .await?;
                Ok(self.made_id(step, made, |action| action.id))
            },
        )
        .await
    }

    async fn test_action(&self) -> Result<()> {
        let step = StepKind::TestAction;
        let j = self.journal();
        if j.is_done(step) {
            self.skipped(step, None);
            return Ok(());
        }
        self.step(step, async {
            let id = self.required(j.created.action_id.clone(), "action")?;
            let queue = j.setup.action.as_ref().and_then(|a| a.queue_id.clone());
            let Some(queue) = queue else {
                self.record(step, EntryState::Done, Some(&id))?;
                return Ok((Some(id), Some(StepNote::TestSkipped)));
            };
            self.checkpoint(&format!("before:{}", step.as_str()));
            let result = self
                .ctx
                .client
                .test_action_draft(&id, &test_input(&queue), false, &self.ctx.token)
                .await?;
            self.checkpoint(&format!("after:{}", step.as_str()));
            if !result.success || result.failed_operation().is_some() {
                return Err(failed_test(&result));
            }
            self.record(step, EntryState::Done, Some(&id))?;
            Ok((Some(id), None))
        })
        .await
    }

    async fn publish_action(&self) -> Result<()> {
        let step = StepKind::PublishAction;
        let j = self.journal();
        if j.is_done(step) {
            self.skipped(step, None);
            return Ok(());
        }
        self.step(step, async {
            let id = self.required(j.created.action_id.clone(), "action")?;
            let (client, token) = (&self.ctx.client, &self.ctx.token);
            if j.was_attempted(step) {
                // An earlier publish may have gone through with its answer lost.
                match client.action(&id, token).await {
                    Ok(_) => {
                        self.record(step, EntryState::Done, Some(&id))?;
                        return Ok((Some(id), Some(StepNote::Adopted)));
                    }
                    Err(Error::Api { status: 404, .. }) => {}
                    Err(e) => return Err(e),
                }
            }
            let draft = client.action_draft(&id, token).await?;
            self.record(step, EntryState::Intent, Some(&id))?;
            self.checkpoint(&format!("before:{}", step.as_str()));
            client
                .publish_action_draft(&id, draft.version, token)
                .await?;
            self.checkpoint(&format!("after:{}", step.as_str()));
            self.record(step, EntryState::Done, Some(&id))?;
            Ok((Some(id), None))
        })
        .await
    }
}
