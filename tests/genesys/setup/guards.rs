//! What must never be lost or doubled around a guided setup run, against the Sandbox over real
//! HTTP: two resumes of one run at once (the run lock lets exactly one through), a keychain
//! that fell back to memory (journaled as not saved), a keychain that refuses to hand over the
//! secret on Resume (a retryable failure, never a re-issue), a secret lost before the keychain
//! once the credential exists (re-issued and given to it), a roll back that stops midway
//! (journaled; only "finish roll back" is offered) and a cancel from the window.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use ::genesys::auth::verify_client_secret;
use ::genesys::error::Result;
use ::genesys::secrets::{MemoryStore, Secret, SecretStore};
use ::genesys::setup::{
    load, preflight, resume, roll_back, start, unfinished, CancelSignal, EntryState, FoundJournal,
    RunStatus, SetupEvent, SetupObserver, StepKind, StepNote, StepPhase,
};
use ::genesys::{Error, ErrorKind};
use sandbox::{FaultKind, FaultRule};

use super::super::{world, World};
use super::{census, context, endpoints, journal_dir, marked_total, request, sign_in, Recorder};

fn refuse(method: &str, path: &str) -> FaultRule {
    FaultRule {
        method: Some(method.into()),
        path: path.into(),
        kind: FaultKind::Status {
            status: 400,
            retry_after: None,
        },
        after: 0,
        times: None,
    }
}

/// Starts a run that fails at `method path` (400, never retried) and returns its run id.
async fn failed_at(
    w: &World,
    method: &str,
    path: &str,
    dir: &Path,
    secrets: Arc<dyn SecretStore>,
) -> String {
    w.org.knobs().add_fault(refuse(method, path));
    let ctx = context(
        &w.org,
        sign_in(w).await,
        secrets,
        dir.to_path_buf(),
        Arc::new(Recorder::default()),
    );
    start(&ctx, &request(&w.org))
        .await
        .expect_err("the fault stops the run");
    w.org.knobs().clear_faults();
    match unfinished(dir).expect("journals").as_slice() {
        [FoundJournal::Run { journal }] => journal.run_id.clone(),
        other => panic!("one unfinished run: {other:?}"),
    }
}

/// Holds the run at checkpoint `at` (the run lock is held there) until the test lets it go.
struct HoldAt {
    at: &'static str,
    reached: Mutex<mpsc::Sender<()>>,
    go: Mutex<mpsc::Receiver<()>>,
}

impl SetupObserver for HoldAt {
    fn event(&self, _event: &SetupEvent) {}
    fn checkpoint(&self, point: &str) {
        if point == self.at {
            let _ = self.reached.lock().expect("sender").send(());
            // Bounded so a broken test ends instead of hanging; the assertion is on the order.
            let _ = self
                .go
                .lock()
                .expect("receiver")
                .recv_timeout(Duration::from_secs(30));
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_resumes_of_one_run_at_once_let_exactly_one_through() {
    let w = world().await;
    let (dir, secrets) = (journal_dir("two-resumes"), Arc::new(MemoryStore::new()));
    let run_id = failed_at(
        &w,
        "POST",
        "/api/v2/integrations/credentials",
        &dir,
        secrets.clone(),
    )
    .await;
    let (reached_tx, reached_rx) = mpsc::channel();
    let (go_tx, go_rx) = mpsc::channel();
    let hold = Arc::new(HoldAt {
        at: "journal:run:resumed",
        reached: Mutex::new(reached_tx),
        go: Mutex::new(go_rx),
    });
    let token = sign_in(&w).await;
    let first_ctx = context(&w.org, token.clone(), secrets.clone(), dir.clone(), hold);
    let second_ctx = context(
        &w.org,
        token,
        secrets.clone(),
        dir.clone(),
        Arc::new(Recorder::default()),
    );
    let (first_id, second_id) = (run_id.clone(), run_id.clone());
    let first = tokio::spawn(async move { resume(&first_ctx, &first_id).await });
    tokio::task::spawn_blocking(move || reached_rx.recv_timeout(Duration::from_secs(30)))
        .await
        .expect("waited")
        .expect("the first resume holds the run");
    let second = tokio::spawn(async move { resume(&second_ctx, &second_id).await })
        .await
        .expect("no panic");
    go_tx.send(()).expect("the first resume goes on");
    let first = first.await.expect("no panic");
    let refused = second.expect_err("the second resume is refused while the first holds the run");
    assert_eq!(refused.kind(), ErrorKind::RunInUse, "{refused}");
    first.expect("the first resume completes");
    assert_eq!(census(&w.org, &run_id), (1, 1, 1), "one of each");
    assert_eq!(marked_total(&w.org), (1, 1, 1), "no duplicate anywhere");
    assert_eq!(
        load(&dir, &run_id).expect("journal").status,
        RunStatus::Completed
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_secret_kept_in_memory_is_journaled_and_reported_as_not_saved() {
    let w = world().await;
    let dir = journal_dir("memory");
    let secrets: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let ctx = context(
        &w.org,
        sign_in(&w).await,
        secrets.clone(),
        dir.clone(),
        Arc::new(Recorder::default()),
    );
    let report = preflight(&ctx.client, &ctx.token, secrets.clone())
        .await
        .expect("preflight");
    assert!(
        report.keychain_available && !report.secret_persists,
        "{report:?}"
    );
    let summary = start(&ctx, &request(&w.org))
        .await
        .expect("a memory store still completes");
    assert!(
        !summary.secret_saved,
        "memory does not keep the secret after the app closes"
    );
    let journal = load(&dir, &summary.run_id).expect("journal");
    assert!(
        !journal.secret_persisted && journal.secret_in_store,
        "{journal:?}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// A test double of a keychain that holds the client secret but, while `locked`, refuses to
/// read it (as a locked login keychain or a dismissed access prompt does); the setup probe and
/// writes still work, so only the resume's read meets the refusal.
struct LockedKeychainTestDouble {
    inner: MemoryStore,
    locked: AtomicBool,
}

impl SecretStore for LockedKeychainTestDouble {
    fn get(&self, account: &str) -> Result<Option<Secret>> {
        if self.locked.load(Ordering::SeqCst) && account.starts_with("oauth-client-secret:") {
            return Err(Error::Keychain {
                variant: "NoStorageAccess",
                unavailable: true,
            });
        }
        self.inner.get(account)
    }
    fn set(&self, account: &str, secret: &Secret) -> Result<()> {
        self.inner.set(account, secret)
    }
    fn delete(&self, account: &str) -> Result<()> {
        self.inner.delete(account)
    }
    fn persists(&self) -> bool {
        true
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_locked_keychain_on_resume_fails_the_step_and_never_reissues_the_secret() {
    let w = world().await;
    let dir = journal_dir("locked");
    let keychain = Arc::new(LockedKeychainTestDouble {
        inner: MemoryStore::new(),
        locked: AtomicBool::new(false),
    });
    let path = "/api/v2/integrations/{integrationId}/config/current";
    let run_id = failed_at(&w, "PUT", path, &dir, keychain.clone()).await;
    let journal = load(&dir, &run_id).expect("journal");
    assert!(journal.secret_persisted, "the secret reached the keychain");
    let client_id = journal.created.client_id.clone().expect("a client");
    let account = ::genesys::secrets::oauth_client_secret_account("sandbox", &client_id);
    let kept = keychain.inner.get(&account).expect("read").expect("kept");

    keychain.locked.store(true, Ordering::SeqCst);
    let ctx = context(
        &w.org,
        sign_in(&w).await,
        keychain.clone(),
        dir.clone(),
        Arc::new(Recorder::default()),
    );
    let err = resume(&ctx, &run_id)
        .await
        .expect_err("the keychain refuses");
    assert_eq!(err.kind(), ErrorKind::KeychainLocked, "{err}");
    let journal = load(&dir, &run_id).expect("journal");
    assert!(
        !journal.secret_reissued,
        "a refusing keychain is not a lost secret"
    );
    assert!(journal.status.is_unfinished(), "{:?}", journal.status);
    let failed = journal
        .entries
        .iter()
        .rev()
        .find(|e| e.state == EntryState::Failed)
        .expect("a failed line");
    assert_eq!(
        failed.error.as_ref().map(|e| e.kind),
        Some(ErrorKind::KeychainLocked)
    );
    assert_eq!(
        keychain.inner.get(&account).expect("read").as_ref(),
        Some(&kept),
        "unchanged"
    );
    verify_client_secret(
        &endpoints(&w.org),
        &client_id,
        &kept,
        Duration::from_secs(5),
    )
    .await
    .expect("the kept secret still works: nothing was re-issued");

    keychain.locked.store(false, Ordering::SeqCst);
    let summary = resume(&ctx, &run_id)
        .await
        .expect("unlocked, the resume completes");
    assert!(!summary.secret_reissued);
    assert_eq!(marked_total(&w.org), (1, 1, 1));
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_roll_back_stopped_midway_is_journaled_and_only_finished_never_resumed() {
    let w = world().await;
    let dir = journal_dir("half-rollback");
    let secrets: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let run_id = failed_at(
        &w,
        "POST",
        "/api/v2/integrations/credentials",
        &dir,
        secrets.clone(),
    )
    .await;
    assert_eq!(census(&w.org, &run_id), (1, 0, 1));
    w.org.knobs().add_fault(FaultRule {
        kind: FaultKind::Status {
            status: 500,
            retry_after: None,
        },
        ..refuse("DELETE", "/api/v2/oauth/clients/{clientId}")
    });
    let ctx = context(
        &w.org,
        sign_in(&w).await,
        secrets,
        dir.clone(),
        Arc::new(Recorder::default()),
    );
    roll_back(&ctx, &run_id)
        .await
        .expect_err("the client cannot be deleted");
    w.org.knobs().clear_faults();
    assert_eq!(
        census(&w.org, &run_id),
        (1, 0, 0),
        "the integration is gone already"
    );
    let journal = load(&dir, &run_id).expect("journal");
    assert_eq!(journal.status, RunStatus::RollingBack);
    assert!(journal.status.is_unfinished(), "still offered");
    let removed: Vec<_> = journal
        .entries
        .iter()
        .filter(|e| e.state == EntryState::Removed)
        .map(|e| e.step)
        .collect();
    assert_eq!(
        removed,
        [StepKind::InstallIntegration],
        "each removal is journaled"
    );
    let refused = resume(&ctx, &run_id)
        .await
        .expect_err("a half-deleted run is not resumed");
    assert_eq!(refused.kind(), ErrorKind::InvalidInput, "{refused}");
    assert_eq!(
        census(&w.org, &run_id),
        (1, 0, 0),
        "the refused resume created nothing"
    );
    roll_back(&ctx, &run_id)
        .await
        .expect("the roll back is finished");
    assert_eq!(marked_total(&w.org), (0, 0, 0));
    assert_eq!(
        load(&dir, &run_id).expect("journal").status,
        RunStatus::RolledBack
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Cancels the run when `step` starts, as the window's Cancel button would.
struct CancelWhen {
    step: StepKind,
    signal: CancelSignal,
    events: Mutex<Vec<SetupEvent>>,
}

impl SetupObserver for CancelWhen {
    fn event(&self, event: &SetupEvent) {
        if event.step == self.step && event.phase == StepPhase::Started {
            self.signal.cancel();
        }
        self.events.lock().expect("events").push(event.clone());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cancel_stops_a_slow_step_and_the_run_waits_for_resume_or_roll_back() {
    let w = world().await;
    // Activation takes minutes here: only a cancel ends the wait before the timeout.
    w.org.knobs().set_activation_delay(Duration::from_secs(600));
    let dir = journal_dir("cancel");
    let signal = CancelSignal::new();
    let observer = Arc::new(CancelWhen {
        step: StepKind::WaitForActive,
        signal: signal.clone(),
        events: Mutex::new(Vec::new()),
    });
    let secrets: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let mut ctx = context(
        &w.org,
        sign_in(&w).await,
        secrets.clone(),
        dir.clone(),
        observer.clone(),
    );
    ctx.timing.activation_within = Duration::from_secs(600);
    ctx.cancel = signal;
    let err = start(&ctx, &request(&w.org)).await.expect_err("cancelled");
    assert_eq!(err.kind(), ErrorKind::SetupCancelled, "{err}");
    let events = observer.events.lock().expect("events").clone();
    let waited = events
        .iter()
        .find(|e| e.step == StepKind::WaitForActive && e.phase == StepPhase::Failed)
        .expect("the wait ends as failed (cancelled)");
    println!(
        "the cancelled wait for ACTIVE took {:?} ms",
        waited.duration_ms
    );
    assert!(!events
        .iter()
        .any(|e| e.step == StepKind::WaitForActive && e.phase == StepPhase::Succeeded));
    let run_id = waited.run_id.clone();
    let journal = load(&dir, &run_id).expect("journal");
    assert_eq!(
        journal.status,
        RunStatus::Cancelled,
        "the journal records the cancel"
    );
    assert!(
        journal.status.is_unfinished(),
        "offered to resume or roll back"
    );
    assert!(!journal.is_done(StepKind::WaitForActive));
    let cancelled = journal.entries.last().expect("a line");
    assert_eq!(
        cancelled.error.as_ref().map(|e| e.kind),
        Some(ErrorKind::SetupCancelled)
    );

    // Kept: a resume with a fresh signal finishes the same run.
    w.org.knobs().set_activation_delay(Duration::ZERO);
    let ctx = context(
        &w.org,
        ctx.token.clone(),
        secrets,
        dir.clone(),
        Arc::new(Recorder::default()),
    );
    resume(&ctx, &run_id)
        .await
        .expect("resumed after the cancel");
    assert_eq!(marked_total(&w.org), (1, 1, 1));
    std::fs::remove_dir_all(&dir).ok();
}

/// D2 with a credential already made: the run stopped after the credential (its configuration
/// PUT refused), then its journal is set back to what a kill between the client's POST and the
/// keychain write leaves (the secret neither in the store nor journaled as there). Resume
/// re-issues the secret, stores it, gives it to the existing credential, and says so.
#[tokio::test(flavor = "multi_thread")]
async fn a_secret_lost_before_the_keychain_is_reissued_and_given_to_the_existing_credential() {
    let w = world().await;
    let dir = journal_dir("reissue-credential");
    let keychain = Arc::new(MemoryStore::new());
    let path = "/api/v2/integrations/{integrationId}/config/current";
    let run_id = failed_at(&w, "PUT", path, &dir, keychain.clone()).await;
    let mut journal = load(&dir, &run_id).expect("journal");
    let client_id = journal.created.client_id.clone().expect("a client");
    let credential_id = journal.created.credential_id.clone().expect("a credential");
    let account = ::genesys::secrets::oauth_client_secret_account("sandbox", &client_id);
    let old = keychain.get(&account).expect("read").expect("kept");
    keychain.delete(&account).expect("the crash never wrote it");
    journal.secret_persisted = false;
    journal.secret_in_store = false;
    journal.secret_reissued = false;
    let bytes = serde_json::to_vec_pretty(&journal).expect("json");
    std::fs::write(::genesys::setup::journal_path(&dir, &run_id), bytes).expect("journal");

    let recorder = Arc::new(Recorder::default());
    let ctx = context(
        &w.org,
        sign_in(&w).await,
        keychain.clone(),
        dir.clone(),
        recorder.clone(),
    );
    let summary = resume(&ctx, &run_id).await.expect("the resume completes");
    assert!(
        summary.secret_reissued,
        "the summary says the secret changed"
    );
    assert_eq!(summary.credential_id, credential_id, "the same credential");
    let events = recorder.events.lock().expect("events").clone();
    assert!(
        events
            .iter()
            .any(|e| e.step == StepKind::StoreSecret && e.note == Some(StepNote::SecretReissued)),
        "an event tells the user the secret changed: {events:?}"
    );
    let new = keychain.get(&account).expect("read").expect("stored");
    assert_ne!(new, old, "a new secret");
    let within = Duration::from_secs(5);
    verify_client_secret(&endpoints(&w.org), &client_id, &new, within)
        .await
        .expect("the stored secret gets a token");

    // The credential holds the new secret (the Sandbox keeps its SHA-256) for the same client,
    // and that pair gets a token: the integration can sign in.
    let snapshot = w.org.snapshot();
    let credential = snapshot
        .credentials
        .iter()
        .find(|c| c.id == credential_id)
        .expect("the credential");
    let digest = |s: &Secret| -> String {
        use sha2::Digest;
        let hash = sha2::Sha256::digest(s.expose().as_bytes());
        hash.iter().map(|b| format!("{b:02x}")).collect()
    };
    assert_eq!(
        credential.sensitive_sha256.get("clientSecret"),
        Some(&digest(&new)),
        "the credential was updated"
    );
    let credential_client = credential.fields.get("clientId").expect("a client id");
    verify_client_secret(&endpoints(&w.org), credential_client, &new, within)
        .await
        .expect("the credential's client id and secret get a token");
    assert_eq!(marked_total(&w.org), (1, 1, 1), "nothing made twice");
    std::fs::remove_dir_all(&dir).ok();
}
