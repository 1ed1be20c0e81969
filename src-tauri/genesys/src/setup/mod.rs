//! The guided setup ("Set up Data Actions"): the whole workshop chapter as one run
//! that never leaves orphans. Public API (stable; extend compatibly):
//!
//! ```text
//! // The form
//! SetupRequest { client_name, client_description, token_duration_seconds: String,
//!                role_divisions: Vec<RoleDivision>, credential_name, integration_name,
//!                action: Option<ActionStep { name, queue_id: Option<String> }> }
//! workshop_action(name, integration_id, category) -> NewAction  // the workshop's data action
//! SetupRequest::workshop_defaults(role_divisions) -> SetupRequest
//! SetupRequest::validate_without_roles(&self) -> Result<()>              // InvalidInput{field}
//! SetupRequest::validate(&self, held: &[RoleDivision]) -> Result<ValidSetup>
//! async draft(&Client, token) -> Result<SetupDraft { request, suggested, held: Vec<AuthzGrant> }>
//! suggest_role(roles, held, WORKSHOP_PERMISSION) -> Option<RoleDivision>
//! plan(&ValidSetup) -> Vec<PlannedChange>                                 // data, no English
//! async preflight(&Client, token, Arc<dyn SecretStore>) -> Result<PreflightReport>
//!
//! // Running (events and checkpoints go to ctx.observer)
//! SetupContext { client: Client, token: Secret, target: String /* region code or "sandbox" */,
//!                secrets: Arc<dyn SecretStore>, journal_dir: PathBuf,
//!                observer: Arc<dyn SetupObserver>, timing: SetupTiming,
//!                cancel: CancelSignal /* the window's Cancel: SetupCancelled */ }
//! async start(&SetupContext, &SetupRequest) -> Result<SetupSummary>
//! async resume(&SetupContext, run_id) -> Result<SetupSummary>        // same org+user+target
//! async roll_back(&SetupContext, run_id) -> Result<RollbackSummary>  // journals its progress
//! // start/resume/roll_back hold <journal_dir>/.setup-run-<id>.lock: a second one is RunInUse
//! unfinished(journal_dir) -> Result<Vec<FoundJournal>>   // Run{journal} | Corrupt{fileName, reason}
//! load(journal_dir, run_id) -> Result<Journal>           // Err kind JournalCorrupt (D3)
//! set_aside(journal_dir, file_name) -> Result<String>    // an unreadable journal, renamed
//! trait SetupObserver { fn event(&self, &SetupEvent); fn checkpoint(&self, &str) {} }
//! ```
//!
//! Every serializable type here is exported to TypeScript and holds no secret. Errors carry
//! the kinds `missingPermissions`, `integrationLimit`, `keychainUnavailable`, `signInRequired`
//! (401 mid-run: sign in again as the same user, then resume), `integrationError`,
//! `journalCorrupt`, `runBelongsElsewhere`, `runInUse`, `keychainLocked`, `setupCancelled`,
//! plus the usual `api` / `network` with `contextId`.

pub mod action;
mod action_step;
mod action_steps;
mod cancel;
mod context;
mod create;
mod driver;
mod events;
mod journal;
mod marker;
mod plan;
mod preflight;
mod reconcile;
mod request;
mod role_choice;
mod rollback;
mod run;
mod run_lock;
mod secret;
mod steps;
mod unreadable;

pub use action::{test_input, workshop_action};
pub use action_step::{ActionStep, DEFAULT_ACTION_NAME};
pub use cancel::CancelSignal;
pub use context::{SetupContext, SetupTiming};
pub use events::{NoObserver, SetupEvent, SetupObserver, StepError, StepNote, StepPhase};
pub use journal::{
    journal_path, load, unfinished, write_atomically, CreatedObjects, EntryState, FoundJournal,
    Journal, JournalEntry, RunStatus, JOURNAL_FORMAT,
};
pub use marker::{carries, marker, new_run_id, MARKER_PREFIX};
pub use plan::{plan, PlannedChange, StepKind};
pub use preflight::{
    draft, preflight, PreflightReport, SetupDraft, ACTION_PERMISSIONS, REQUIRED_PERMISSIONS,
};
pub use reconcile::Object;
pub use request::{
    SetupRequest, ValidSetup, DEFAULT_CLIENT_NAME, DEFAULT_CREDENTIAL_NAME,
    DEFAULT_INTEGRATION_NAME,
};
pub use role_choice::{permission_covers, suggest_role, WORKSHOP_PERMISSION};
pub use rollback::{roll_back, RemovedObject, RollbackSummary};
pub use run::{resume, start, SetupSummary};
pub use run_lock::{lock_path, RunLock};
pub use unreadable::set_aside;
