//! Rolling a run back (issue 7, matrix D1/D6): everything carrying its marker or named in its
//! journal is deleted in reverse order — integration, credential, client (inactive, then
//! DELETE) — then the keychain entry; 404 counts as done, so a second roll back is harmless.

use serde::Serialize;
use ts_rs::TS;

use super::events::{SetupEvent, StepPhase};
use super::journal::{self, RunStatus};
use super::plan::StepKind;
use super::reconcile::{self, Object};
use super::run::{same_owner, SetupContext};
use crate::error::{Error, Result};
use crate::secrets::oauth_client_secret_account;

/// One object a roll back deleted (or found already gone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RemovedObject {
    pub object: Object,
    pub id: String,
}

/// What a roll back did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RollbackSummary {
    pub run_id: String,
    pub removed: Vec<RemovedObject>,
}

/// Rolls run `run_id` back: the same org and user only (D5). Objects the journal never
/// recorded (a kill after the POST, before the journal write) are found by marker.
pub async fn roll_back(ctx: &SetupContext, run_id: &str) -> Result<RollbackSummary> {
    let mut journal = journal::load(&ctx.journal_dir, run_id)?;
    same_owner(ctx, &journal).await?;
    let (client, token) = (&ctx.client, &ctx.token);
    let mut removed = Vec::new();
    let journaled = journal.created.clone();
    for (object, known) in [
        (Object::Integration, journaled.integration_id),
        (Object::Credential, journaled.credential_id),
        (Object::Client, journaled.client_id),
    ] {
        let mut ids = reconcile::find(client, object, run_id, token).await?;
        ids.extend(known.filter(|k| !ids.contains(k)));
        for id in ids {
            ctx.observer.checkpoint(&format!("before:remove:{id}"));
            reconcile::remove(client, object, &id, token).await?;
            if object == Object::Client {
                let (store, account) = (
                    ctx.secrets.clone(),
                    oauth_client_secret_account(&ctx.target, &id),
                );
                tokio::task::spawn_blocking(move || store.delete(&account))
                    .await
                    .map_err(|_| Error::Unexpected("the keychain worker stopped".to_owned()))??;
            }
            for &step in undone_steps(object) {
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
    journal.status = RunStatus::RolledBack;
    journal.secret_persisted = false;
    journal.updated_at = journal::now();
    journal::save(&ctx.journal_dir, &journal)?;
    ctx.observer.checkpoint("journal:run:rolledBack");
    Ok(RollbackSummary {
        run_id: run_id.to_owned(),
        removed,
    })
}

/// The steps whose work removing `object` undoes, for the live view: the client's removal
/// also forgets its secret in the keychain.
fn undone_steps(object: Object) -> &'static [StepKind] {
    match object {
        Object::Integration => &[StepKind::InstallIntegration],
        Object::Credential => &[StepKind::CreateCredential],
        Object::Client => &[StepKind::CreateClient, StepKind::StoreSecret],
    }
}
