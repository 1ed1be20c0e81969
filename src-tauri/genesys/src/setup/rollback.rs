//! Rolling a run back (security-matrix.md D1/D6): everything carrying its marker or named in its
//! journal is deleted in reverse order — data action, integration, credential, client
//! (inactive, then DELETE) — then the keychain entry; 404 counts as done, so a second roll back is harmless.
//! The journal follows along: status RollingBack before the first removal, a `removed` line
//! after each, RolledBack at the end; a roll back killed midway is offered "Finish roll back"
//! (this again), never Resume.

use serde::Serialize;
use ts_rs::TS;

use super::context::SetupContext;
use super::events::{SetupEvent, StepPhase};
use super::journal::{self, EntryState, Journal, RunStatus};
use super::plan::StepKind;
use super::reconcile::{self, Object};
use super::run::same_owner;
use super::run_lock::RunLock;
use super::secret::keychain;
use crate::error::Result;
use crate::secrets::oauth_client_secret_account;

/// One object a roll back deleted (or found already gone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RemovedObject {
    pub object: Object,
    pub id: String,
}

/// What a roll back did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RollbackSummary {
    pub run_id: String,
    pub removed: Vec<RemovedObject>,
}

/// Saves `journal` after `change`, then passes checkpoint `journal:<point>`.
fn write(
    ctx: &SetupContext,
    journal: &mut Journal,
    point: &str,
    change: impl FnOnce(&mut Journal),
) -> Result<()> {
    journal::update(&ctx.journal_dir, journal, change)?;
    ctx.observer.checkpoint(&format!("journal:{point}"));
    Ok(())
}

/// Rolls run `run_id` back: the same org and user only (D5), holding the run's lock (a second
/// roll back or a resume elsewhere gets [`Error::RunInUse`]). Objects the journal never
/// recorded (a kill after the POST, before the journal write) are found by marker.
pub async fn roll_back(ctx: &SetupContext, run_id: &str) -> Result<RollbackSummary> {
    let _lock = RunLock::acquire(&ctx.journal_dir, run_id)?;
    let mut journal = journal::load(&ctx.journal_dir, run_id)?;
    same_owner(ctx, &journal).await?;
    write(ctx, &mut journal, "rollBack:started", |j| {
        j.status = RunStatus::RollingBack
    })?;
    let (client, token) = (&ctx.client, &ctx.token);
    let mut removed = Vec::new();
    for object in [
        Object::Action,
        Object::Integration,
        Object::Credential,
        Object::Client,
    ] {
        let mut ids = reconcile::find(client, object, run_id, token).await?;
        let known = journal.created.id(object).cloned();
        ids.extend(known.filter(|k| !ids.contains(k)));
        for id in ids {
            ctx.observer.checkpoint(&format!("before:remove:{id}"));
            reconcile::remove(client, object, &id, token).await?;
            if object == Object::Client {
                let (store, account) = (
                    ctx.secrets.clone(),
                    oauth_client_secret_account(&ctx.target, &id),
                );
                keychain(move || store.delete(&account)).await??;
            }
            let steps = undone_steps(object);
            let point = format!("removed:{}", steps[0].as_str());
            write(ctx, &mut journal, &point, |j| {
                if object == Object::Client {
                    j.secret_persisted = false;
                    j.secret_in_store = false;
                }
                j.record(steps[0], EntryState::Removed, Some(&id), None);
            })?;
            for &step in steps {
                ctx.observer.event(&SetupEvent {
                    run_id: run_id.to_owned(),
                    step,
                    phase: StepPhase::Undone,
                    duration_ms: None,
                    object_id: Some(id.clone()),
                    note: None,
                    error: None,
                });
            }
            removed.push(RemovedObject { object, id });
        }
    }
    write(ctx, &mut journal, "run:rolledBack", |j| {
        j.status = RunStatus::RolledBack;
        j.secret_persisted = false;
        j.secret_in_store = false;
    })?;
    Ok(RollbackSummary {
        run_id: run_id.to_owned(),
        removed,
    })
}

/// The steps whose work removing `object` undoes, for the live view: the client's removal
/// also forgets its secret in the keychain.
fn undone_steps(object: Object) -> &'static [StepKind] {
    match object {
        Object::Action => &[StepKind::CreateAction, StepKind::PublishAction],
        Object::Integration => &[StepKind::InstallIntegration],
        Object::Credential => &[StepKind::CreateCredential],
        Object::Client => &[StepKind::CreateClient, StepKind::StoreSecret],
    }
}
