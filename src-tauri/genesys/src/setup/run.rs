//! Running the guided setup: [`start`] (a new run), [`resume`] (an unfinished one, from its
//! journal), the order of the steps and the [`SetupSummary`] at the end. What a run needs is
//! `context.rs`; the steps are in `steps.rs` and `secret.rs`; what they share while a run is in
//! progress is `driver.rs`.

use serde::Serialize;
use ts_rs::TS;

use super::context::SetupContext;
use super::driver::Driver;
use super::events::StepPhase;
use super::journal::{self, EntryState, Journal, RunStatus};
use super::marker::{marked_name, new_run_id};
use super::plan::StepKind;
use super::preflight::{identity, preflight};
use super::request::SetupRequest;
use super::run_lock::RunLock;
use crate::error::{Error, Result};
use crate::models::ReportedStateCode;

/// What a completed run made. Holds no secret (the secret is in the keychain under
/// `secret_account` when `secret_saved`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetupSummary {
    pub run_id: String,
    pub client_id: String,
    pub client_name: String,
    pub credential_id: String,
    pub credential_name: String,
    pub integration_id: String,
    pub integration_name: String,
    pub reported_state: ReportedStateCode,
    /// Whether the client secret is in the keychain.
    pub secret_saved: bool,
    /// The keychain account of the secret.
    pub secret_account: String,
    /// The secret was lost mid-run and re-issued: tell the user the secret changed (D2).
    pub secret_reissued: bool,
    /// Steps that found and used what an earlier attempt had created.
    pub adopted: Vec<StepKind>,
    /// The published data action, when the run had the action part.
    pub action_id: Option<String>,
    /// Its name as Genesys holds it (with the run marker).
    pub action_name: Option<String>,
}

/// Starts a new run of `request`: preflight (nothing is created if it fails; no journal is
/// written either), a journal, then every step. On failure the journal says Failed and the
/// run can be resumed or rolled back; the error is returned. The preflight runs before the run
/// has an id, so it is reported once it ended, as skipped, with the time it took.
pub async fn start(ctx: &SetupContext, request: &SetupRequest) -> Result<SetupSummary> {
    let began = std::time::Instant::now();
    request.validate_without_roles()?;
    let report = preflight(&ctx.client, &ctx.token, ctx.secrets.clone()).await?;
    let setup = request.validate(&report.held)?;
    report.check(true)?;
    if setup.action.is_some() {
        report.check_action()?;
    }
    let run_id = new_run_id()?;
    let _lock = RunLock::acquire(&ctx.journal_dir, &run_id)?;
    let journal = Journal::new(&run_id, &report.org_id, &report.user_id, &ctx.target, setup);
    let driver = Driver::new(ctx, journal);
    driver.write("run:started", |j| {
        j.record(StepKind::Preflight, EntryState::Done, None, None)
    })?;
    driver.event(
        StepKind::Preflight,
        StepPhase::Skipped,
        Some(began),
        None,
        None,
        None,
    );
    driver.drive().await
}

/// Resumes unfinished run `run_id` from its journal (security-matrix.md D1): the same org and user only
/// (D5); every create first looks for what an earlier attempt made, by marker. Holds the
/// run's lock throughout: a second resume (another window or instance) gets
/// [`Error::RunInUse`] at once and sends nothing. A run whose roll back started is finished by
/// rolling back again, never resumed (some of its objects may be gone).
pub async fn resume(ctx: &SetupContext, run_id: &str) -> Result<SetupSummary> {
    let _lock = RunLock::acquire(&ctx.journal_dir, run_id)?;
    let journal = journal::load(&ctx.journal_dir, run_id)?;
    if !journal.status.is_unfinished() || journal.status == RunStatus::RollingBack {
        return Err(Error::InvalidInput {
            field: "runId",
            reason: match journal.status {
                RunStatus::RollingBack => "its roll back has started: finish the roll back",
                _ => "this run is finished",
            }
            .to_owned(),
        });
    }
    same_owner(ctx, &journal).await?;
    let driver = Driver::new(ctx, journal);
    driver
        .step(StepKind::Preflight, async {
            let report = preflight(&ctx.client, &ctx.token, ctx.secrets.clone()).await?;
            let j = driver.journal();
            report.check(!j.was_attempted(StepKind::InstallIntegration))?;
            if j.setup.action.is_some() {
                report.check_action()?;
            }
            Ok((None, None))
        })
        .await?;
    driver.write("run:resumed", |j| j.status = RunStatus::Running)?;
    driver.drive().await
}

/// Refuses a journal of another org or user than the signed-in one (security-matrix.md C8, D5).
pub(crate) async fn same_owner(ctx: &SetupContext, journal: &Journal) -> Result<()> {
    let (org, user) = identity(&ctx.client, &ctx.token).await?;
    if org != journal.org_id {
        return Err(Error::RunBelongsElsewhere { what: "org" });
    }
    if user != journal.user_id {
        return Err(Error::RunBelongsElsewhere { what: "user" });
    }
    if journal.target != ctx.target {
        return Err(Error::RunBelongsElsewhere { what: "region" });
    }
    Ok(())
}

impl Driver<'_> {
    /// The steps after preflight: the client chain (create → keychain, then the secret's
    /// verification beside the credential's creation: the credential only stores the secret,
    /// and a refused secret still fails the run before the integration is configured) beside
    /// the integration install, then configure, enable and wait; then the data action part
    /// when the run has one (create, test, publish).
    async fn drive(&self) -> Result<SetupSummary> {
        let (client_chain, install) = tokio::join!(
            async {
                self.create_client().await?;
                self.store_secret().await?;
                let (verified, credential) =
                    tokio::join!(self.verify_secret(), self.create_credential());
                verified.and(credential)
            },
            self.install_integration()
        );
        client_chain?;
        install?;
        self.configure().await?;
        self.enable().await?;
        let state = self.wait_for_active().await?;
        self.action_part().await?;
        self.write("run:completed", |j| j.status = RunStatus::Completed)?;
        Ok(self.summary(state))
    }

    fn summary(&self, reported_state: ReportedStateCode) -> SetupSummary {
        let j = self.journal();
        let client_id = j.created.client_id.clone().unwrap_or_default();
        SetupSummary {
            run_id: j.run_id.clone(),
            secret_account: self.secret_account(&client_id),
            client_id,
            client_name: j.setup.client_name.clone(),
            credential_id: j.created.credential_id.clone().unwrap_or_default(),
            credential_name: marked_name(&j.setup.credential_name, &j.run_id),
            integration_id: j.created.integration_id.clone().unwrap_or_default(),
            integration_name: marked_name(&j.setup.integration_name, &j.run_id),
            reported_state,
            secret_saved: j.secret_persisted,
            secret_reissued: j.secret_reissued,
            adopted: self.adopted_steps(),
            action_id: j.created.action_id.clone(),
            action_name: j
                .setup
                .action
                .as_ref()
                .map(|a| marked_name(&a.name, &j.run_id)),
        }
    }
}
