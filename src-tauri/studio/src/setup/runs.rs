//! The guided setup run as the app holds it: one run at a time, living in a spawned task so it
//! survives the window being reloaded; its view, and the listeners (the windows) that hear each
//! change. The journals the core writes are read from the folder the caller names.

use std::path::Path;
use std::sync::{Arc, Mutex};

use genesys::setup::{self, CancelSignal, SetupContext, SetupEvent, SetupObserver, SetupTiming};

use super::view;
use crate::wire::setup::{RunPhase, SetupRunView, UnreadableJournal};
use crate::{CommandError, OrgContext};

/// Hears every new view of the run; `false` means it is gone (a closed window) and is dropped.
pub type Listener = Box<dyn Fn(&SetupRunView) -> bool + Send>;

#[derive(Default)]
struct Slot {
    view: Option<SetupRunView>,
    listeners: Vec<Listener>,
    busy: bool,
    /// The Cancel of the run under way (or about to start).
    cancel: CancelSignal,
}

/// The current (or last, or unfinished) run and who listens to it.
#[derive(Default, Clone)]
pub struct SetupRuns(Arc<Mutex<Slot>>);

impl SetupRuns {
    fn with<T>(&self, f: impl FnOnce(&mut Slot) -> T) -> T {
        let mut slot = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut slot)
    }

    /// Changes the view and sends it to every listener; closed channels are dropped.
    pub fn update(&self, change: impl FnOnce(&mut SetupRunView)) {
        self.with(|slot| {
            let Some(view) = slot.view.as_mut() else {
                return;
            };
            change(view);
            let view = view.clone();
            slot.listeners.retain(|hear| hear(&view));
        });
    }

    pub fn view(&self) -> Option<SetupRunView> {
        self.with(|slot| slot.view.clone())
    }

    pub fn listen(&self, listener: Listener) {
        self.with(|slot| slot.listeners.push(listener));
    }

    /// Claims the slot for a new piece of work, or says one is under way.
    fn claim(&self, view: SetupRunView) -> Result<(), CommandError> {
        self.with(|slot| {
            if slot.busy {
                return Err(CommandError::from(genesys::Error::InvalidInput {
                    field: "setup",
                    reason: "a guided setup is already running".into(),
                }));
            }
            slot.busy = true;
            slot.view = Some(view);
            Ok(())
        })
    }

    /// The cancel signal for the next piece of work: a new one, unless work is under way (its
    /// own stays, and the new work will be refused by `claim`).
    pub fn cancel_signal(&self) -> CancelSignal {
        self.with(|slot| {
            if !slot.busy {
                slot.cancel = CancelSignal::new();
            }
            slot.cancel.clone()
        })
    }

    /// Asks run `run_id` to stop, if it is the one running here (a new run has no id until its
    /// preflight ends: an empty id names it).
    pub fn cancel(&self, run_id: &str) -> Result<(), CommandError> {
        self.with(|slot| {
            let running = slot.view.as_ref().filter(|_| slot.busy);
            match running {
                Some(view) if view.run_id == run_id => {
                    slot.cancel.cancel();
                    Ok(())
                }
                _ => Err(genesys::Error::InvalidInput {
                    field: "runId",
                    reason: "this setup run is not running in this window".into(),
                }
                .into()),
            }
        })
    }

    fn release(&self) {
        self.with(|slot| slot.busy = false);
    }

    /// Forgets a finished run (not one that is running or still unfinished).
    pub fn dismiss(&self) {
        self.with(|slot| {
            let done = slot
                .view
                .as_ref()
                .is_some_and(|v| matches!(v.phase, RunPhase::Completed | RunPhase::RolledBack));
            if !slot.busy && done {
                slot.view = None;
            }
        });
    }
}

/// Passes each of the core's events into the view (and so to every listener).
struct Observer {
    runs: SetupRuns,
}

impl SetupObserver for Observer {
    fn event(&self, event: &SetupEvent) {
        self.runs.update(|v| view::apply(v, event));
    }
}

/// The signed-in org as a run's context, journaling in `journal_dir` and reporting to `runs`.
pub fn context(org: &OrgContext, journal_dir: &Path, runs: &SetupRuns) -> SetupContext {
    SetupContext {
        client: org.session.client().clone(),
        token: org.session.token().clone(),
        target: org.profile.target.code().to_owned(),
        secrets: org.secrets.store(),
        journal_dir: journal_dir.to_owned(),
        observer: Arc::new(Observer { runs: runs.clone() }),
        timing: SetupTiming::default(),
        cancel: runs.cancel_signal(),
    }
}

/// Runs `work` in its own task (it outlives the window and this command), then records how it
/// ended with `finish`. Returns the final view.
pub async fn spawn<F, T>(
    runs: &SetupRuns,
    start: SetupRunView,
    work: F,
    finish: impl FnOnce(&mut SetupRunView, genesys::error::Result<T>) + Send + 'static,
) -> Result<SetupRunView, CommandError>
where
    F: std::future::Future<Output = genesys::error::Result<T>> + Send + 'static,
    T: Send + 'static,
{
    runs.claim(start)?;
    let task_runs = runs.clone();
    let task = tokio::spawn(async move {
        let result = work.await;
        task_runs.update(|view| finish(view, result));
        task_runs.release();
        task_runs.view()
    });
    let ended = task
        .await
        .map_err(|e| genesys::Error::Unexpected(format!("the setup task stopped: {e}")))?;
    ended.ok_or_else(|| genesys::Error::Unexpected("the setup run vanished".into()).into())
}

/// A journal file that cannot be read, as the form and the run view list it.
fn corrupt(found: &setup::FoundJournal) -> Option<UnreadableJournal> {
    match found {
        setup::FoundJournal::Corrupt { file_name, reason } => Some(UnreadableJournal {
            file_name: file_name.clone(),
            reason: reason.clone(),
        }),
        setup::FoundJournal::Run { .. } => None,
    }
}

/// Journal files that cannot be read, for the form (security-matrix.md D3: reported, never taken as
/// empty, and never hiding the runs that can be read).
pub fn unreadable(journal_dir: &Path) -> Result<Vec<UnreadableJournal>, CommandError> {
    let found = setup::unfinished(journal_dir)?;
    Ok(found.iter().filter_map(corrupt).collect())
}

/// At start (or when asked): the run in memory, else the oldest unfinished one from the
/// journals, with the unreadable ones listed beside it. Only unreadable journals: the first is
/// reported as the error (the form lists them all, to be moved aside).
pub fn current(journal_dir: &Path, runs: &SetupRuns) -> Result<Option<SetupRunView>, CommandError> {
    if let Some(view) = runs.view() {
        return Ok(Some(view));
    }
    let found = setup::unfinished(journal_dir)?;
    let unreadable: Vec<_> = found.iter().filter_map(corrupt).collect();
    let run = found.into_iter().find_map(|f| match f {
        setup::FoundJournal::Run { journal } => Some(journal),
        setup::FoundJournal::Corrupt { .. } => None,
    });
    match (run, unreadable.first()) {
        (Some(journal), _) => {
            let mut found = view::from_journal(&journal);
            found.unreadable_journals = unreadable;
            runs.with(|slot| slot.view.get_or_insert(found).clone());
            Ok(runs.view())
        }
        (None, Some(first)) => Err(genesys::Error::JournalCorrupt {
            file: first.file_name.clone(),
            reason: first.reason.clone(),
        }
        .into()),
        (None, None) => Ok(None),
    }
}
