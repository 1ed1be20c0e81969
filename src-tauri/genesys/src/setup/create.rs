//! A create (POST) of a run, never repeated blindly (security-matrix.md C2/C3): its intent is
//! journaled before the request, and before any second attempt the object is looked up by the
//! run's marker, so what an attempt whose answer was lost had made is adopted, not made again.

use std::future::Future;
use std::time::Instant;

use super::driver::Driver;
use super::events::{StepNote, StepPhase};
use super::journal::{EntryState, Journal};
use super::plan::StepKind;
use super::reconcile::{self, keep_one, Object};
use crate::error::{Error, Result};

/// A create's answer: made now, or found by marker (made by an attempt whose answer was lost).
pub(crate) enum Made<T> {
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

/// The object a create step makes.
fn object_of(step: StepKind) -> Object {
    match step {
        StepKind::CreateClient => Object::Client,
        StepKind::CreateCredential => Object::Credential,
        StepKind::CreateAction => Object::Action,
        _ => Object::Integration,
    }
}

impl Driver<'_> {
    /// A create step: skipped when the journal says it is done and holds its object's id; else
    /// `work` (given the journal as it stands) makes or adopts the object, and its id is
    /// journaled, with what `also` changes, in the save that marks the step done.
    pub(crate) async fn create_step<W, Fut>(
        &self,
        step: StepKind,
        also: impl FnOnce(&mut Journal),
        work: W,
    ) -> Result<()>
    where
        W: FnOnce(Journal) -> Fut,
        Fut: Future<Output = Result<(String, Option<StepNote>)>>,
    {
        let j = self.journal();
        if self.skip_if_made(step, &j) {
            return Ok(());
        }
        self.step(step, async {
            let (id, note) = work(j).await?;
            self.journal_made(step, &id, also)?;
            Ok((Some(id), note))
        })
        .await
    }

    /// Whether create step `step` is done with its object's id in journal `j`; if so, the step
    /// is reported skipped.
    fn skip_if_made(&self, step: StepKind, j: &Journal) -> bool {
        match (j.is_done(step), j.created.id(object_of(step))) {
            (true, Some(id)) => {
                self.skipped(step, Some(id));
                true
            }
            _ => false,
        }
    }

    /// One create with reconciliation: look by marker first if an earlier attempt may have
    /// reached Genesys, write the intent, POST; on a lost answer look again, then retry. Of
    /// several objects found, the journaled one is kept and the others deleted.
    pub(crate) async fn create<T, F, Fut>(&self, step: StepKind, post: F) -> Result<Made<T>>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let (client, token) = (&self.ctx.client, &self.ctx.token);
        let object = object_of(step);
        let j = self.journal();
        let journaled = j.created.id(object).cloned();
        let mut look_first = j.was_attempted(step);
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

    /// The id of what a create made (`id_of` reads it from a fresh answer) and, for an adopted
    /// object, the note that says so; the summary lists the steps that adopted.
    pub(crate) fn made_id<T>(
        &self,
        step: StepKind,
        made: Made<T>,
        id_of: impl FnOnce(T) -> String,
    ) -> (String, Option<StepNote>) {
        match made {
            Made::Created(answer) => (id_of(answer), None),
            Made::Adopted(id) => {
                self.adopted(step);
                (id, Some(StepNote::Adopted))
            }
        }
    }

    /// Journals, in one save, the id create step `step` made or adopted, what `also` changes,
    /// and the step's `done` line.
    fn journal_made(
        &self,
        step: StepKind,
        id: &str,
        also: impl FnOnce(&mut Journal),
    ) -> Result<()> {
        self.write(&format!("{}:done", step.as_str()), |j| {
            *j.created.slot(object_of(step)) = Some(id.to_owned());
            also(j);
            j.record(step, EntryState::Done, Some(id), None);
        })
    }
}
