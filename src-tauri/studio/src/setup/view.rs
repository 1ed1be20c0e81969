//! Builds the guided setup's wire view from the core: the run's steps from its journal (an
//! unfinished run found at start) and from each [`SetupEvent`] as it arrives.

use genesys::setup::{EntryState, Journal, RunStatus, SetupEvent, StepKind, StepNote, StepPhase};

use crate::wire::setup::{CreatedObject, RunPhase, SetupRunView, StepStatus, StepView};
use crate::CommandError;

fn pending(step: StepKind) -> StepView {
    StepView {
        kind: step,
        status: StepStatus::Pending,
        duration_ms: None,
        note: None,
        error: None,
    }
}

/// A run about to start: every step it takes pending (the data action's three only when the
/// run has the action part).
pub fn fresh(phase: RunPhase, with_action: bool) -> SetupRunView {
    SetupRunView {
        run_id: String::new(),
        phase,
        steps: StepKind::of_run(with_action)
            .into_iter()
            .map(pending)
            .collect(),
        created: Vec::new(),
        secret_reissued: false,
        secret_saved: false,
        error: None,
        unreadable_journals: Vec::new(),
        stopped_at: None,
    }
}

pub fn created(journal: &Journal) -> Vec<CreatedObject> {
    let c = &journal.created;
    let s = &journal.setup;
    let action_name = s
        .action
        .as_ref()
        .map(|a| a.name.clone())
        .unwrap_or_default();
    [
        ("oauthClient", &c.client_id, &s.client_name),
        ("credential", &c.credential_id, &s.credential_name),
        ("integration", &c.integration_id, &s.integration_name),
        ("action", &c.action_id, &action_name),
    ]
    .into_iter()
    .filter_map(|(kind, id, name)| {
        id.as_ref().map(|id| CreatedObject {
            kind: kind.into(),
            id: id.clone(),
            name: name.clone(),
        })
    })
    .collect()
}

/// An unfinished run as its journal left it: the last line per step decides its status. A run
/// whose roll back started is offered "Finish roll back" only.
pub fn from_journal(journal: &Journal) -> SetupRunView {
    let phase = match journal.status {
        RunStatus::RollingBack => RunPhase::RollBackUnfinished,
        _ => RunPhase::Interrupted,
    };
    let mut view = fresh(phase, journal.setup.action.is_some());
    view.run_id = journal.run_id.clone();
    view.stopped_at = Some(journal.updated_at.clone());
    view.secret_reissued = journal.secret_reissued;
    view.secret_saved = journal.secret_persisted;
    view.created = created(journal);
    for entry in &journal.entries {
        if let Some(step) = view.steps.iter_mut().find(|s| s.kind == entry.step) {
            step.status = match entry.state {
                EntryState::Intent => StepStatus::Pending,
                EntryState::Done => StepStatus::Done,
                EntryState::Failed => StepStatus::Failed,
                EntryState::Removed => StepStatus::RolledBack,
            };
            step.error = entry.error.as_ref().map(command_error);
        }
    }
    view
}

pub fn command_error(e: &genesys::setup::StepError) -> CommandError {
    CommandError {
        kind: e.kind,
        message: e.message.clone(),
        context_id: e.context_id.clone(),
    }
}

fn note(n: StepNote) -> &'static str {
    match n {
        StepNote::Adopted => "adopted",
        StepNote::SecretReissued => "secretReissued",
        StepNote::SecretNotSaved => "secretNotSaved",
        StepNote::TestSkipped => "testSkipped",
    }
}

/// Applies one event to the view.
pub fn apply(view: &mut SetupRunView, event: &SetupEvent) {
    view.run_id.clone_from(&event.run_id);
    if event.note == Some(StepNote::SecretReissued) {
        view.secret_reissued = true;
    }
    let Some(step) = view.steps.iter_mut().find(|s| s.kind == event.step) else {
        return;
    };
    step.duration_ms = event.duration_ms.or(step.duration_ms);
    step.error = event.error.as_ref().map(command_error);
    step.note = event.note.map(note).map(str::to_owned);
    step.status = match event.phase {
        StepPhase::Started => StepStatus::Running,
        StepPhase::Retrying => {
            step.note = Some("retrying".into());
            StepStatus::Running
        }
        StepPhase::Succeeded => StepStatus::Done,
        // A new run checks before it has a journal, then reports the preflight as skipped;
        // any other skipped step was done by an earlier attempt of a resumed run.
        StepPhase::Skipped if event.step == StepKind::Preflight => StepStatus::Done,
        StepPhase::Skipped => {
            step.note.get_or_insert_with(|| "alreadyDone".into());
            StepStatus::Done
        }
        StepPhase::Failed => StepStatus::Failed,
        StepPhase::Undone => StepStatus::RolledBack,
    };
}
