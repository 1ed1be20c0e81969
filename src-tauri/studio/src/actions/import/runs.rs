//! The import run as the app holds it: one at a time, its live view and the windows that hear
//! each change, and its Cancel. The run itself lives in a spawned task, so it goes on when the
//! window reloads.

use std::sync::{Arc, Mutex};

use genesys::setup::CancelSignal;

use super::journal::ImportJournal;
use crate::wire::action_import::{ImportItemState, ImportItemView, ImportRunView};
use crate::wire::error::CommandError;
use crate::CommandResult;

/// Hears every new view; `false` means it is gone (a closed window) and is dropped.
pub type ImportListener = Box<dyn Fn(&ImportRunView) -> bool + Send>;

#[derive(Default)]
struct Slot {
    view: Option<ImportRunView>,
    listeners: Vec<ImportListener>,
    busy: bool,
    cancel: CancelSignal,
}

#[derive(Default, Clone)]
pub struct ImportRuns(Arc<Mutex<Slot>>);

/// The window's view of a journal.
pub fn view_of(journal: &ImportJournal) -> ImportRunView {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let entries = &journal.entries;
    let refused = count(
        entries
            .iter()
            .filter(|e| e.state == ImportItemState::Refused)
            .count(),
    );
    let open = count(entries.iter().filter(|e| journal.entry_open(e)).count());
    let total = count(entries.len());
    let error = |e: &super::journal::JournaledError| CommandError {
        kind: e.kind,
        message: e.message.clone(),
        context_id: e.context_id.clone(),
    };
    ImportRunView {
        import_id: journal.import_id.clone(),
        integration_id: journal.integration_id.clone(),
        integration_name: journal.integration_name.clone(),
        publish: journal.publish,
        phase: journal.phase,
        total,
        handled: total - open,
        refused,
        items: journal
            .entries
            .iter()
            .map(|e| ImportItemView {
                name: e.name.clone(),
                state: e.state,
                action_id: e.action_id.clone(),
                error: e.error.as_ref().map(error),
            })
            .collect(),
        error: journal.error.as_ref().map(error),
    }
}

impl ImportRuns {
    fn with<T>(&self, f: impl FnOnce(&mut Slot) -> T) -> T {
        let mut slot = self.0.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut slot)
    }

    /// Shows `view` and sends it to every listener; closed ones are dropped.
    pub fn show(&self, view: ImportRunView) {
        self.with(|slot| {
            slot.listeners.retain(|hear| hear(&view));
            slot.view = Some(view);
        });
    }

    pub fn view(&self) -> Option<ImportRunView> {
        self.with(|slot| slot.view.clone())
    }

    pub fn listen(&self, listener: ImportListener) {
        self.with(|slot| slot.listeners.push(listener));
    }

    /// Claims the slot for a run and gives it a fresh Cancel, or says one is under way.
    pub fn claim(&self) -> CommandResult<CancelSignal> {
        self.with(|slot| {
            if slot.busy {
                return Err(genesys::Error::InvalidInput {
                    field: "import",
                    reason: "an import is already running".into(),
                }
                .into());
            }
            slot.busy = true;
            slot.cancel = CancelSignal::new();
            Ok(slot.cancel.clone())
        })
    }

    pub fn release(&self) {
        self.with(|slot| slot.busy = false);
    }

    pub fn is_busy(&self) -> bool {
        self.with(|slot| slot.busy)
    }

    /// Asks import `import_id` to stop, if it is the one running here.
    pub fn cancel(&self, import_id: &str) -> CommandResult<()> {
        self.with(|slot| match slot.view.as_ref().filter(|_| slot.busy) {
            Some(view) if view.import_id == import_id => {
                slot.cancel.cancel();
                Ok(())
            }
            _ => Err(genesys::Error::InvalidInput {
                field: "importId",
                reason: "this import is not running in this window".into(),
            }
            .into()),
        })
    }

    /// Forgets the shown run unless it is running: the id of the run whose files can go.
    pub fn dismiss(&self) -> Option<String> {
        self.with(|slot| {
            if slot.busy {
                return None;
            }
            slot.view.take().map(|view| view.import_id)
        })
    }
}
