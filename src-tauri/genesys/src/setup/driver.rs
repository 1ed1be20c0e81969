//! A run in progress ([`Driver`]): its journal, saved after every change, the client secret in
//! memory, and the plumbing every step shares — events to the observer, named checkpoints, and
//! [`Driver::step`], which frames one step's work and journals how it ended.

use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use super::context::SetupContext;
use super::events::{SetupEvent, StepError, StepNote, StepPhase};
use super::journal::{self, EntryState, Journal, RunStatus};
use super::plan::StepKind;
use crate::error::{Error, Result};
use crate::secrets::{oauth_client_secret_account, Secret};

/// A run in progress: the journal (saved after every change) and the secret in memory.
pub(crate) struct Driver<'a> {
    pub ctx: &'a SetupContext,
    pub run_id: String,
    journal: Mutex<Journal>,
    secret: Mutex<Option<Secret>>,
    adopted: Mutex<Vec<StepKind>>,
    /// The secret was re-issued in this process: verify and the credential must follow.
    reissued_now: Mutex<bool>,
}

/// A lock poisoned by a panic still holds the last state written, and that state is used.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl<'a> Driver<'a> {
    pub(crate) fn new(ctx: &'a SetupContext, journal: Journal) -> Driver<'a> {
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
        journal::update(&self.ctx.journal_dir, &mut lock(&self.journal), change)?;
        self.checkpoint(&format!("journal:{point}"));
        Ok(())
    }

    /// Records a line for `step` and saves.
    pub fn record(&self, step: StepKind, state: EntryState, id: Option<&str>) -> Result<()> {
        let point = format!("{}:{}", step.as_str(), state.as_str());
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

    /// `step` used what an earlier attempt had created (the summary lists it).
    pub(crate) fn adopted(&self, step: StepKind) {
        lock(&self.adopted).push(step);
    }

    /// The steps that adopted an object, in the order they did.
    pub(crate) fn adopted_steps(&self) -> Vec<StepKind> {
        lock(&self.adopted).clone()
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
