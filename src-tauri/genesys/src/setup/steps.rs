//! The steps of a run after preflight that touch Genesys objects (the secret's are in
//! `secret.rs`). Each one is skipped when the journal says it is done; each create (POST)
//! writes its intent first and is never repeated blindly: the object is looked up by marker
//! before any second attempt (security-matrix.md C2/C3).

use std::future::Future;
use std::time::Instant;

use super::events::{StepNote, StepPhase};
use super::journal::EntryState;
use super::marker::marked_name;
use super::plan::StepKind;
use super::reconcile::{self, keep_one, Object};
use super::run::Driver;
use crate::error::{Error, Result};
use crate::models::ReportedStateCode;

/// A create's answer: made now, or found by marker (made by an attempt whose answer was lost).
enum Made<T> {
    Created(T),
    Adopted(String),
}

/// Whether a failed POST may have been lost on the way (so: look, then maybe try again). A 4xx
/// other than 429 is Genesys saying no: not retried (security-matrix.md C9, C10; 401 is C8).
fn worth_another_try(e: &Error) -> bool {
    match e {
        Error::Network(_) | Error::UnexpectedResponse { .. } => true,
        Error::Api { status, .. } => *status == 429 || *status >= 500,
        _ => false,
    }
}

fn object_of(step: StepKind) -> Object {
    match step {
        StepKind::CreateClient => Object::Client,
        StepKind::CreateCredential => Object::Credential,
        _ => Object::Integration,
    }
}

impl Driver<'_> {
    pub(crate) fn required(&self, id: Option<String>, what: &str) -> Result<String> {
        id.ok_or_else(|| Error::Unexpected(format!("the journal has no {what} id")))
    }

    /// One create with reconciliation: look by marker first if an earlier attempt may have
    /// reached Genesys, write the intent, POST; on a lost answer look again, then retry.
    async fn create<T, F, Fut>(
        &self,
        step: StepKind,
        journaled: Option<String>,
        post: F,
    ) -> Result<Made<T>>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let (client, token) = (&self.ctx.client, &self.ctx.token);
        let object = object_of(step);
        let mut look_first = self.journal().was_attempted(step);
        let attempts = self.ctx.timing.create_attempts.max(1);
        let mut attempt = 1;
        loop {
            if look_first {
                let found = reconcile::find(client, object, &self.run_id, token).await?;
                if let Some((keep, extra)) = keep_one(found, journaled.as_deref()) {
                    for id in extra {
                        reconcile::remove(client, object, &id, token).await?;
                    }
                    return Ok(Made::Adopted(keep));
                }
            }
            self.record(step, EntryState::Intent, None)?;
            self.checkpoint(&format!("before:{}", step.as_str()));
            let started = Instant::now();
            let result = post().await;
            self.checkpoint(&format!("after:{}", step.as_str()));
            match result {
                Ok(made) => return Ok(Made::Created(made)),
                Err(e) if worth_another_try(&e) && attempt < attempts => {
                    self.event(
                        step,
                        StepPhase::Retrying,
                        Some(started),
                        None,
                        None,
                        Some(&e),
                    );
                    tokio::time::sleep(self.ctx.timing.create_backoff).await;
                    look_first = true;
                    attempt += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }

    pub(crate) async fn create_client(&self) -> Result<()> {
        let j = self.journal();
        if let (true, Some(id)) = (j.is_done(StepKind::CreateClient), &j.created.client_id) {
            self.skipped(StepKind::CreateClient, Some(id));
            return Ok(());
        }
        self.step(StepKind::CreateClient, async {
            let body = j.setup.client_request(&self.run_id);
            let made = self
                .create(StepKind::CreateClient, j.created.client_id.clone(), || {
                    self.ctx.client.create_oauth_client(&body, &self.ctx.token)
                })
                .await?;
            let (id, note) = match made {
                Made::Created(issued) => {
                    self.set_secret(issued.secret);
                    (issued.client.id, None)
                }
                Made::Adopted(id) => {
                    self.adopted(StepKind::CreateClient);
                    (id, Some(StepNote::Adopted))
                }
            };
            // From here until the keychain write, a kill loses the secret (D2: re-issued).
            self.write("createClient:done", |j| {
                j.created.client_id = Some(id.clone());
                j.secret_persisted = false;
                j.secret_in_store = false;
                j.record(StepKind::CreateClient, EntryState::Done, Some(&id), None);
            })?;
            Ok((Some(id), note))
        })
        .await
    }

    pub(crate) async fn create_credential(&self) -> Result<()> {
        let j = self.journal();
        if let (true, Some(id)) = (
            j.is_done(StepKind::CreateCredential),
            &j.created.credential_id,
        ) {
            self.skipped(StepKind::CreateCredential, Some(id));
            return Ok(());
        }
        self.step(StepKind::CreateCredential, async {
            let client_id = self.required(j.created.client_id.clone(), "client")?;
            let secret = self.ensure_secret(&client_id).await?;
            let name = marked_name(&j.setup.credential_name, &self.run_id);
            let made = self
                .create(
                    StepKind::CreateCredential,
                    j.created.credential_id.clone(),
                    || {
                        self.ctx.client.create_oauth_client_credential(
                            &name,
                            &client_id,
                            &secret,
                            &self.ctx.token,
                        )
                    },
                )
                .await?;
            let (id, note) = match made {
                Made::Created(info) => (info.id, None),
                Made::Adopted(id) => {
                    // Which secret the lost attempt sent is unknown: send the current one.
                    self.update_credential(&id, &client_id, &secret).await?;
                    self.adopted(StepKind::CreateCredential);
                    (id, Some(StepNote::Adopted))
                }
            };
            self.write("createCredential:done", |j| {
                j.created.credential_id = Some(id.clone());
                j.record(
                    StepKind::CreateCredential,
                    EntryState::Done,
                    Some(&id),
                    None,
                );
            })?;
            Ok((Some(id), note))
        })
        .await
    }

    pub(crate) async fn install_integration(&self) -> Result<()> {
        let j = self.journal();
        if let (true, Some(id)) = (
            j.is_done(StepKind::InstallIntegration),
            &j.created.integration_id,
        ) {
            self.skipped(StepKind::InstallIntegration, Some(id));
            return Ok(());
        }
        self.step(StepKind::InstallIntegration, async {
            let name = marked_name(&j.setup.integration_name, &self.run_id);
            let made = self
                .create(
                    StepKind::InstallIntegration,
                    j.created.integration_id.clone(),
                    || {
                        self.ctx
                            .client
                            .install_integration(&name, None, &self.ctx.token)
                    },
                )
                .await?;
            let (id, note) = match made {
                Made::Created(integration) => (integration.id, None),
                Made::Adopted(id) => {
                    self.adopted(StepKind::InstallIntegration);
                    (id, Some(StepNote::Adopted))
                }
            };
            self.write("installIntegration:done", |j| {
                j.created.integration_id = Some(id.clone());
                j.record(
                    StepKind::InstallIntegration,
                    EntryState::Done,
                    Some(&id),
                    None,
                );
            })?;
            Ok((Some(id), note))
        })
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

    /// Reads the integration until ACTIVE, then proves its credential gets a token (an org may
    /// report ACTIVE with a wrong secret); ERROR fails with Genesys's detail message.
    pub(crate) async fn wait_for_active(&self) -> Result<ReportedStateCode> {
        let mut state = ReportedStateCode::Active;
        let j = self.journal();
        if j.is_done(StepKind::WaitForActive) {
            self.skipped(StepKind::WaitForActive, None);
            return Ok(state);
        }
        self.step(StepKind::WaitForActive, async {
            let id = self.required(j.created.integration_id.clone(), "integration")?;
            let integration = self
                .ctx
                .client
                .wait_for_reported_state(
                    &id,
                    true,
                    self.ctx.timing.activation_within,
                    &mut |_| {},
                    &self.ctx.token,
                )
                .await?;
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
            self.prove_credential().await?;
            state = integration.reported_code();
            self.record(StepKind::WaitForActive, EntryState::Done, Some(&id))?;
            Ok((Some(id), None))
        })
        .await?;
        Ok(state)
    }
}
