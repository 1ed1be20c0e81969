//! Working an import run through: each open entry's draft made (and published, when the run
//! publishes), one after another, its progress journaled before and after every request.
//! What Genesys refuses for the action's own sake is recorded and the run goes on; an org or
//! network that fails past a few tries interrupts the run, to be resumed. A request whose
//! answer was lost (a crash, a cancel, a 5xx after the org made the draft) is settled by
//! looking at the org before sending it again, so resuming never makes an action twice. The
//! pace is the client's: its rate gate keeps every request within the org's per-minute budget
//! and waits out a 429's `Retry-After`.

use std::sync::Arc;
use std::time::Duration;

use genesys::api::{ActionFilter, Client};
use genesys::models::{Action, NewAction};
use genesys::secrets::Secret;
use genesys::setup::CancelSignal;
use genesys::Error;

use super::journal::{save, ImportJournal, JournaledError};
use crate::wire::action_import::{ImportItemState, ImportPhase};

/// How often a request failing for the org's or the network's sake is tried before the run
/// is interrupted.
const TRIES: u32 = 3;
/// The pause between those tries (a 429's own pause is the client's, on top).
const BETWEEN_TRIES: Duration = Duration::from_secs(1);

/// What a run needs: the org, where its journal lives, its Cancel, and who hears each change.
#[derive(Clone)]
pub struct ImportWork {
    pub client: Client,
    pub token: Secret,
    pub dir: std::path::PathBuf,
    pub cancel: CancelSignal,
    pub observer: Arc<dyn Fn(&ImportJournal) + Send + Sync>,
}

/// Why the run stopped before its end.
enum Stop {
    Cancelled,
    Interrupted(Error),
}

/// Genesys refusing this action (its content, its name, its version): the run goes on
/// without it. Everything else is the org's or the network's, and worth trying again.
fn refused_for_itself(e: &Error) -> bool {
    matches!(e, Error::ActionRules { .. } | Error::InvalidInput { .. })
        || matches!(e, Error::Api { status, .. } if matches!(status, 400 | 409 | 413 | 422))
}

/// Worth another try: the network, a 5xx, a 429 (whose pause the client already keeps).
fn passing(e: &Error) -> bool {
    matches!(e, Error::Network(_) | Error::UnexpectedResponse { .. })
        || matches!(e, Error::Api { status, .. } if *status == 429 || *status >= 500)
}

impl ImportWork {
    fn save(&self, journal: &ImportJournal) -> Result<(), Stop> {
        save(&self.dir, journal).map_err(Stop::Interrupted)?;
        (self.observer)(journal);
        Ok(())
    }

    /// `work` unless Cancel comes first.
    async fn or_cancel<T>(&self, work: impl std::future::Future<Output = T>) -> Result<T, Stop> {
        tokio::select! {
            biased;
            () = self.cancel.cancelled() => Err(Stop::Cancelled),
            done = work => Ok(done),
        }
    }

    /// The draft named `name` in the run's integration, if the org has one.
    async fn find_draft(&self, integration_id: &str, name: &str) -> Result<Option<Action>, Error> {
        let drafts = self
            .client
            .action_drafts(&ActionFilter::integration(integration_id), &self.token)
            .await?;
        Ok(drafts.into_iter().find(|a| a.name == name))
    }

    /// Whether action `id` is published (its published version can be read).
    async fn is_published(&self, id: &str) -> Result<bool, Error> {
        match self.client.action(id, &self.token).await {
            Ok(_) => Ok(true),
            Err(Error::Api { status: 404, .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// Takes every open entry of `journal` as far as the run goes, journaling as it goes. Ends
/// with the journal completed, cancelled or interrupted (the error is the interruption's).
pub async fn drive(
    work: &ImportWork,
    journal: &mut ImportJournal,
    actions: &[NewAction],
) -> Result<(), Error> {
    journal.phase = ImportPhase::Running;
    journal.error = None;
    let ended = match work.save(journal) {
        Ok(()) => each_entry(work, journal, actions).await,
        Err(stop) => Err(stop),
    };
    let (phase, error) = match ended {
        Ok(()) => (ImportPhase::Completed, None),
        Err(Stop::Cancelled) => (ImportPhase::Cancelled, None),
        Err(Stop::Interrupted(e)) => (ImportPhase::Interrupted, Some(e)),
    };
    journal.phase = phase;
    journal.error = error.as_ref().map(JournaledError::from);
    // The last save's own failure is the one to report when nothing else went wrong.
    if let Err(Stop::Interrupted(e)) = work.save(journal) {
        return Err(error.unwrap_or(e));
    }
    error.map_or(Ok(()), Err)
}

async fn each_entry(
    work: &ImportWork,
    journal: &mut ImportJournal,
    actions: &[NewAction],
) -> Result<(), Stop> {
    // The journal and `actions` are the same length, in the same order (`journal::load`).
    for (i, new) in actions.iter().enumerate().take(journal.entries.len()) {
        while journal.entry_open(&journal.entries[i]) {
            if work.cancel.is_cancelled() {
                return Err(Stop::Cancelled);
            }
            match journal.entries[i].state {
                ImportItemState::Pending => make_draft(work, journal, i, new).await?,
                ImportItemState::Drafted => publish(work, journal, i).await?,
                ImportItemState::Published | ImportItemState::Refused => break,
            }
        }
    }
    Ok(())
}

/// Marks entry `i` as sent and journals it, before the request goes.
fn mark_sent(work: &ImportWork, journal: &mut ImportJournal, i: usize) -> Result<(), Stop> {
    journal.entries[i].sent = true;
    work.save(journal)
}

fn settle(
    work: &ImportWork,
    journal: &mut ImportJournal,
    i: usize,
    change: impl FnOnce(&mut super::journal::ImportEntry),
) -> Result<(), Stop> {
    let entry = &mut journal.entries[i];
    change(entry);
    entry.sent = false;
    work.save(journal)
}

fn refuse(work: &ImportWork, journal: &mut ImportJournal, i: usize, e: &Error) -> Result<(), Stop> {
    settle(work, journal, i, |entry| {
        entry.state = ImportItemState::Refused;
        entry.error = Some(JournaledError::from(e));
    })
}

async fn make_draft(
    work: &ImportWork,
    journal: &mut ImportJournal,
    i: usize,
    new: &NewAction,
) -> Result<(), Stop> {
    let integration = journal.integration_id.clone();
    let mut last = None;
    for attempt in 0..TRIES {
        // A request sent before (by a run that stopped, or by the last try) may have made the
        // draft: the org's word settles it before anything is sent again.
        if journal.entries[i].sent {
            match work
                .or_cancel(work.find_draft(&integration, &new.name))
                .await?
            {
                Ok(Some(found)) => return drafted(work, journal, i, &found),
                Ok(None) => {}
                Err(e) if passing(&e) => {
                    last = Some(e);
                    work.or_cancel(tokio::time::sleep(BETWEEN_TRIES)).await?;
                    continue;
                }
                Err(e) => return Err(Stop::Interrupted(e)),
            }
        }
        if attempt > 0 || !journal.entries[i].sent {
            mark_sent(work, journal, i)?;
        }
        match work
            .or_cancel(work.client.create_action_draft(new, &work.token))
            .await?
        {
            Ok(made) => return drafted(work, journal, i, &made),
            Err(e) if refused_for_itself(&e) => return refuse(work, journal, i, &e),
            Err(e) if passing(&e) => {
                last = Some(e);
                work.or_cancel(tokio::time::sleep(BETWEEN_TRIES)).await?;
            }
            Err(e) => return Err(Stop::Interrupted(e)),
        }
    }
    Err(Stop::Interrupted(last.unwrap_or_else(|| {
        Error::Unexpected("the draft could not be made".into())
    })))
}

fn drafted(
    work: &ImportWork,
    journal: &mut ImportJournal,
    i: usize,
    made: &Action,
) -> Result<(), Stop> {
    settle(work, journal, i, |entry| {
        entry.state = ImportItemState::Drafted;
        entry.action_id = Some(made.id.clone());
        entry.draft_version = Some(made.version);
    })
}

async fn publish(work: &ImportWork, journal: &mut ImportJournal, i: usize) -> Result<(), Stop> {
    let id = journal.entries[i].action_id.clone().unwrap_or_default();
    let version = journal.entries[i].draft_version.unwrap_or(1);
    let published = |work: &ImportWork, journal: &mut ImportJournal| {
        settle(work, journal, i, |entry| {
            entry.state = ImportItemState::Published
        })
    };
    let mut last = None;
    for _ in 0..TRIES {
        if journal.entries[i].sent {
            match work.or_cancel(work.is_published(&id)).await? {
                Ok(true) => return published(work, journal),
                Ok(false) => {}
                Err(e) if passing(&e) => {
                    last = Some(e);
                    work.or_cancel(tokio::time::sleep(BETWEEN_TRIES)).await?;
                    continue;
                }
                Err(e) => return Err(Stop::Interrupted(e)),
            }
        } else {
            mark_sent(work, journal, i)?;
        }
        match work
            .or_cancel(work.client.publish_action_draft(&id, version, &work.token))
            .await?
        {
            Ok(_) => return published(work, journal),
            Err(e) if refused_for_itself(&e) => return refuse(work, journal, i, &e),
            Err(e) if passing(&e) => {
                last = Some(e);
                work.or_cancel(tokio::time::sleep(BETWEEN_TRIES)).await?;
            }
            Err(e) => return Err(Stop::Interrupted(e)),
        }
    }
    Err(Stop::Interrupted(last.unwrap_or_else(|| {
        Error::Unexpected("the draft could not be published".into())
    })))
}
