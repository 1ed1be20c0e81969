//! Running the guided setup: [`SetupContext`] (what a run needs), [`start`] (a new run),
//! [`resume`] (an unfinished one, from its journal) and the [`SetupSummary`] at the end. The
//! steps themselves are in `steps.rs`; this file owns the journal and the event plumbing.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::Serialize;
use ts_rs::TS;

use super::cancel::CancelSignal;
use super::events::{SetupEvent, SetupObserver, StepError, StepNote, StepPhase};
use super::journal::{self, EntryState, Journal, RunStatus};
use super::marker::new_run_id;
use super::plan::StepKind;
use super::preflight::{identity, preflight};
use super::request::SetupRequest;
use super::run_lock::RunLock;
use crate::api::Client;
use crate::error::{Error, Result};
use crate::models::ReportedStateCode;
use crate::secrets::{oauth_client_secret_account, Secret, SecretStore};

/// How long a run waits for things Genesys does eventually.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetupTiming {
    /// Minting a token with the new secret is retried this long (security-matrix.md C14: Genesys caches
    /// grants).
    pub verify_within: Duration,
    /// The integration must report ACTIVE (or ERROR) within this.
    pub activation_within: Duration,
    /// Attempts of a create (POST) whose answer was lost, each after looking for the object by
    /// its marker first (security-matrix.md C3).
    pub create_attempts: u32,
    /// Pause before a create is tried again.
    pub create_backoff: Duration,
}

impl Default for SetupTiming {
    fn default() -> Self {
        SetupTiming {
            verify_within: Duration::from_secs(30),
            activation_within: Duration::from_secs(120),
            create_attempts: 3,
            create_backoff: Duration::from_secs(1),
        }
    }
}

/// Everything a run needs: the org's API client (its retry policy), the signed-in user's
/// token, where the org is (`target`: region code or `sandbox`, for keychain account names),
/// the keychain, the journal folder, who hears about progress, and the window's Cancel.
pub struct SetupContext {
    pub client: Client,
    pub token: Secret,
    pub target: String,
    pub secrets: Arc<dyn SecretStore>,
    pub journal_dir: PathBuf,
    pub observer: Arc<dyn SetupObserver>,
    pub timing: SetupTiming,
    pub cancel: CancelSignal,
}

/// What a completed run made. Holds no secret (the secret is in the keychain under
/// `secret_account` when `secret_saved`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
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
}

/// A run in progress: the journal (saved after every change) and the secret in memory.
pub(crate) struct Driver<'a> {
    pub ctx: &'a SetupContext,
    pub run_id: String,
    journal: Mutex<Journal>,
    pub secret: Mutex<Option<Secret>>,
    pub adopted: Mutex<Vec<StepKind>>,
    /// The secret was re-issued in this process: verify and the credential must follow.
    pub reissued_now: Mutex<bool>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl<'a> Driver<'a> {
    fn new(ctx: &'a SetupContext, journal: Journal) -> Driver<'a> {
        Driver {
            ctx,
            run_id: journal.run_id.clone(),
            journal: Mutex::new(journal),
            secret: Mutex::new(None),
            adopted: Mutex::new(Vec::new()),
            reissued_now: Mutex::new(false),
        }
    }

    /// A copy of the journal as it stands.
    pub fn journal(&self) -> Journal {
        lock(&self.journal).clone()
    }

    /// Changes the journal, saves it atomically, then passes checkpoint `journal:<point>`.
    pub fn write(&self, point: &str, change: impl FnOnce(&mut Journal)) -> Result<()> {
        {
            let mut journal = lock(&self.journal);
            change(&mut journal);
            journal.updated_at = journal::now();
            journal::save(&self.ctx.journal_dir, &journal)?;
        }
        self.checkpoint(&format!("journal:{point}"));
        Ok(())
    }

    /// Records a line for `step` and saves.
    pub fn record(&self, step: StepKind, state: EntryState, id: Option<&str>) -> Result<()> {
        let point = format!("{}:{}", step.as_str(), state_name(state));
        self.write(&point, |j| j.record(step, state, id, None))
    }

    pub fn checkpoint(&self, point: &str) {
        self.ctx.observer.checkpoint(point);
    }

    pub fn event(
        &self,
        step: StepKind,
        phase: StepPhase,
        started: Option<Instant>,
        object_id: Option<&str>,
        note: Option<StepNote>,
        error: Option<&Error>,
    ) {
        self.ctx.observer.event(&SetupEvent {
            run_id: self.run_id.clone(),
            step,
            phase,
            duration_ms: started
                .map(|s| u64::try_from(s.elapsed().as_millis()).unwrap_or(u64::MAX)),
            object_id: object_id.map(str::to_owned),
            note,
            error: error.map(StepError::from),
        });
    }

    /// Runs one step: `started` event, the work, then `succeeded` or `failed` (journal line
    /// with the error, status Failed: resumable). Steps already done are `skipped`. The work
    /// races the run's cancel signal: a cancel ends it at its next await point with
    /// [`Error::SetupCancelled`], journaled as status Cancelled (still unfinished).
    pub async fn step<F>(&self, step: StepKind, work: F) -> Result<()>
    where
        F: std::future::Future<Output = Result<(Option<String>, Option<StepNote>)>>,
    {
        let started = Instant::now();
        self.event(step, StepPhase::Started, None, None, None, None);
        let cancel = &self.ctx.cancel;
        let outcome = if cancel.is_cancelled() {
            Err(Error::SetupCancelled)
        } else {
            tokio::select! {
                biased;
                () = cancel.cancelled() => Err(Error::SetupCancelled),
                done = work => done,
            }
        };
        match outcome {
            Ok((id, note)) => {
                self.event(
                    step,
                    StepPhase::Succeeded,
                    Some(started),
                    id.as_deref(),
                    note,
                    None,
                );
                Ok(())
            }
            Err(e) => {
                self.event(step, StepPhase::Failed, Some(started), None, None, Some(&e));
                let error = StepError::from(&e);
                // A journal that cannot be written any more keeps its last good state.
                let status = match e {
                    Error::SetupCancelled => RunStatus::Cancelled,
                    _ => RunStatus::Failed,
                };
                let _ = self.write(&format!("{}:failed", step.as_str()), |j| {
                    j.record(step, EntryState::Failed, None, Some(error));
                    j.status = status;
                });
                Err(e)
            }
        }
    }

    pub fn skipped(&self, step: StepKind, id: Option<&str>) {
        self.event(step, StepPhase::Skipped, None, id, None, None);
    }

    /// The keychain account of `client_id`'s secret.
    pub fn secret_account(&self, client_id: &str) -> String {
        oauth_client_secret_account(&self.ctx.target, client_id)
    }
}

fn state_name(state: EntryState) -> &'static str {
    match state {
        EntryState::Intent => "intent",
        EntryState::Done => "done",
        EntryState::Failed => "failed",
        EntryState::Removed => "removed",
    }
}

/// Starts a new run of `request`: preflight (nothing is created if it fails; no journal is
/// written either), a journal, then every step. On failure the journal says Failed and the
/// run can be resumed or rolled back; the error is returned.
pub async fn start(ctx: &SetupContext, request: &SetupRequest) -> Result<SetupSummary> {
    request.validate_without_roles()?;
    let report = preflight(&ctx.client, &ctx.token, ctx.secrets.clone()).await?;
    let setup = request.validate(&report.held)?;
    report.check(true)?;
    let run_id = new_run_id()?;
    let _lock = RunLock::acquire(&ctx.journal_dir, &run_id)?;
    let journal = Journal::new(&run_id, &report.org_id, &report.user_id, &ctx.target, setup);
    let driver = Driver::new(ctx, journal);
    driver.write("run:started", |j| {
        j.record(StepKind::Preflight, EntryState::Done, None, None)
    })?;
    driver.skipped(StepKind::Preflight, None);
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
    /// The steps after preflight: the client chain (create → keychain → verify → credential)
    /// beside the integration install, then configure, enable and wait.
    async fn drive(&self) -> Result<SetupSummary> {
        let (client_chain, install) = tokio::join!(
            async {
                self.create_client().await?;
                self.store_secret().await?;
                self.verify_secret().await?;
                self.create_credential().await
            },
            self.install_integration()
        );
        client_chain?;
        install?;
        self.configure().await?;
        self.enable().await?;
        let state = self.wait_for_active().await?;
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
            credential_name: super::marker::marked_name(&j.setup.credential_name, &j.run_id),
            integration_id: j.created.integration_id.clone().unwrap_or_default(),
            integration_name: super::marker::marked_name(&j.setup.integration_name, &j.run_id),
            reported_state,
            secret_saved: j.secret_persisted,
            secret_reissued: j.secret_reissued,
            adopted: lock(&self.adopted).clone(),
        }
    }

    pub(crate) fn adopted(&self, step: StepKind) {
        lock(&self.adopted).push(step);
    }

    pub(crate) fn secret(&self) -> Option<Secret> {
        lock(&self.secret).clone()
    }

    pub(crate) fn set_secret(&self, secret: Secret) {
        *lock(&self.secret) = Some(secret);
    }

    pub(crate) fn mark_reissued(&self) {
        *lock(&self.reissued_now) = true;
    }

    pub(crate) fn was_reissued_now(&self) -> bool {
        *lock(&self.reissued_now)
    }
}
