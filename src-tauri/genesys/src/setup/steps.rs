//! The steps of a run after preflight that touch Genesys objects (the secret's are in
//! `secret.rs`). Each one is skipped when the journal says it is done; the three creates go
//! through `create.rs`, so none is repeated blindly (security-matrix.md C2/C3).

use std::future::Future;

use super::create::Made;
use super::driver::Driver;
use super::journal::{EntryState, Journal};
use super::marker::marked_name;
use super::plan::StepKind;
use crate::error::{Error, Result};
use crate::models::ReportedStateCode;

impl Driver<'_> {
    pub(crate) fn required(&self, id: Option<String>, what: &str) -> Result<String> {
        id.ok_or_else(|| Error::Unexpected(format!("the journal has no {what} id")))
    }

    pub(crate) async fn create_client(&self) -> Result<()> {
        let step = StepKind::CreateClient;
        // From the save that journals the client until the keychain write, a kill loses the
        // secret (D2: re-issued).
        let unsaved = |j: &mut Journal| {
            j.secret_persisted = false;
            j.secret_in_store = false;
        };
        self.create_step(step, unsaved, |j| async move {
            let body = j.setup.client_request(&self.run_id);
            let made = self
                .create(step, || {
                    self.ctx.client.create_oauth_client(&body, &self.ctx.token)
                })
                .await?;
            Ok(self.made_id(step, made, |issued| {
                self.set_secret(issued.secret);
                issued.client.id
            }))
        })
        .await
    }

    pub(crate) async fn create_credential(&self) -> Result<()> {
        let step = StepKind::CreateCredential;
        self.create_step(
            step,
            |_| {},
            |j| async move {
                let client_id = self.required(j.created.client_id.clone(), "client")?;
                let secret = self.ensure_secret(&client_id).await?;
                let name = marked_name(&j.setup.credential_name, &self.run_id);
                let made = self
                    .create(step, || {
                        self.ctx.client.create_oauth_client_credential(
                            &name,
                            &client_id,
                            &secret,
                            &self.ctx.token,
                        )
                    })
                    .await?;
                if let Made::Adopted(id) = &made {
                    // Which secret the lost attempt sent is unknown: send the current one.
                    self.update_credential(id, &client_id, &secret).await?;
                }
                Ok(self.made_id(step, made, |info| info.id))
            },
        )
        .await
    }

    pub(crate) async fn install_integration(&self) -> Result<()> {
        let step = StepKind::InstallIntegration;
        self.create_step(
            step,
            |_| {},
            |j| async move {
                let name = marked_name(&j.setup.integration_name, &self.run_id);
                let made = self
                    .create(step, || {
                        self.ctx
                            .client
                            .install_integration(&name, None, &self.ctx.token)
                    })
                    .await?;
                Ok(self.made_id(step, made, |integration| integration.id))
            },
        )
        .await
    }

    /// An idempotent step (PUT, PATCH): intent, request between checkpoints, done.
    async fn idempotent<Fut>(
        &self,
        step: StepKind,
        work: impl FnOnce(String, Option<String>) -> Fut,
    ) -> Result<()>
    where
        Fut: Future<Output = Result<()>>,
    {
        let j = self.journal();
        if j.is_done(step) {
            self.skipped(step, None);
            return Ok(());
        }
        self.step(step, async {
            let integration = self.required(j.created.integration_id.clone(), "integration")?;
            self.record(step, EntryState::Intent, None)?;
            self.checkpoint(&format!("before:{}", step.as_str()));
            work(integration, j.created.credential_id.clone()).await?;
            self.checkpoint(&format!("after:{}", step.as_str()));
            self.record(step, EntryState::Done, None)?;
            Ok((None, None))
        })
        .await
    }

    pub(crate) async fn configure(&self) -> Result<()> {
        self.idempotent(
            StepKind::ConfigureIntegration,
            |integration, credential| async move {
                let credential = self.required(credential, "credential")?;
                self.ctx
                    .client
                    .set_integration_credential(&integration, Some(&credential), &self.ctx.token)
                    .await
                    .map(drop)
            },
        )
        .await
    }

    pub(crate) async fn enable(&self) -> Result<()> {
        self.idempotent(StepKind::EnableIntegration, |integration, _| async move {
            self.ctx
                .client
                .set_integration_enabled(&integration, true, &self.ctx.token)
                .await
                .map(drop)
        })
        .await
    }

    /// Reads the integration until ACTIVE and, beside it, proves its credential gets a token (an
    /// org may report ACTIVE with a wrong secret, and the credential is final once configured);
    /// ERROR fails with Genesys's detail message, before a refused credential is reported.
    pub(crate) async fn wait_for_active(&self) -> Result<ReportedStateCode> {
        let mut state = ReportedStateCode::Active;
        let j = self.journal();
        if j.is_done(StepKind::WaitForActive) {
            self.skipped(StepKind::WaitForActive, None);
            return Ok(state);
        }
        self.step(StepKind::WaitForActive, async {
            let id = self.required(j.created.integration_id.clone(), "integration")?;
            let mut unwatched = |_: &_| {};
            let (integration, proved) = tokio::join!(
                self.ctx.client.wait_for_reported_state(
                    &id,
                    true,
                    self.ctx.timing.activation_within,
                    &mut unwatched,
                    &self.ctx.token,
                ),
                self.prove_credential()
            );
            let integration = integration?;
            if integration.reported_code() != ReportedStateCode::Active {
                let detail = integration.reported_state.as_ref();
                let message = detail
                    .and_then(|r| {
                        r.detail
                            .as_ref()
                            .and_then(|d| d.message.clone())
                            .or(r.effective.clone())
                    })
                    .unwrap_or_default();
                return Err(Error::IntegrationState {
                    code: format!("{:?}", integration.reported_code()).to_uppercase(),
                    message,
                });
            }
            proved?;
            state = integration.reported_code();
            self.record(StepKind::WaitForActive, EntryState::Done, Some(&id))?;
            Ok((Some(id), None))
        })
        .await?;
        Ok(state)
    }
}
