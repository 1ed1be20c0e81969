//! The journal against real runs (security-matrix.md D3, D5, E3, F1): a write torn by a kill leaves the
//! old journal intact; a garbage or zeroed journal is refused with a typed error, never taken
//! as empty; a run cannot be resumed or rolled back by another org or user; a keychain that
//! refuses the secret is journaled as not persisted; and no secret ever reaches the journal,
//! the events or the summary (the Sandbox's CANARY-<uuid> secrets, grepped for).

use std::path::Path;
use std::sync::Arc;

use ::genesys::error::Result;
use ::genesys::secrets::{MemoryStore, Secret, SecretStore};
use ::genesys::setup::{
    journal_path, load, resume, roll_back, start, unfinished, FoundJournal, RunStatus, StepKind,
    StepNote, StepPhase,
};
use ::genesys::{Error, ErrorKind};
use sandbox::{FaultKind, FaultRule};

use super::super::world;
use super::{
    census, context, journal_dir, marked_total, request, sign_in, store, unique, Recorder,
};

/// A run that fails at the credential (400, not retried) and leaves an unfinished journal.
async fn failed_run(w: &super::super::World, dir: &Path, secrets: Arc<dyn SecretStore>) -> String {
    w.org.knobs().add_fault(FaultRule {
        method: Some("POST".into()),
        path: "/api/v2/integrations/credentials".into(),
        kind: FaultKind::Status {
            status: 400,
            retry_after: None,
        },
        after: 0,
        times: None,
    });
    let ctx = context(
        &w.org,
        sign_in(w).await,
        secrets,
        dir.to_path_buf(),
        Arc::new(Recorder::default()),
    );
    let err = start(&ctx, &request(&w.org))
        .await
        .expect_err("the credential is refused");
    assert_eq!(err.kind(), ErrorKind::Api, "{err}");
    w.org.knobs().clear_faults();
    match unfinished(dir).expect("listing").as_slice() {
        [FoundJournal::Run { journal }] => {
            assert_eq!(journal.status, RunStatus::Failed);
            journal.run_id.clone()
        }
        other => panic!("one failed run: {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_torn_write_leaves_the_old_journal_and_resume_finishes_the_run() {
    let w = world().await;
    let (secrets, dir) = (store(&unique("torn")), journal_dir("torn"));
    let run_id = failed_run(&w, &dir, secrets.clone()).await;
    let old = load(&dir, &run_id).expect("intact");
    // A kill between writing the temp file and the rename leaves half a new journal beside it
    // (temp names carry the writer's process id and a random part).
    let bytes = std::fs::read(journal_path(&dir, &run_id)).expect("bytes");
    let temp = dir.join(format!(
        ".setup-run-{run_id}.json.4242-0123456789abcdef.tmp"
    ));
    std::fs::write(&temp, &bytes[..bytes.len() / 2]).expect("torn temp file");
    assert_eq!(load(&dir, &run_id).expect("still intact"), old);
    assert_eq!(
        unfinished(&dir).expect("listing").len(),
        1,
        "the temp file is no journal"
    );

    let ctx = context(
        &w.org,
        sign_in(&w).await,
        secrets.clone(),
        dir.clone(),
        Arc::new(Recorder::default()),
    );
    let summary = resume(&ctx, &run_id).await.expect("resumed");
    assert_eq!(census(&w.org, &run_id), (1, 1, 1));
    assert!(
        !temp.exists(),
        "the resume, holding the run, removed the killed writer's temp file"
    );
    assert_eq!(
        load(&dir, &run_id).expect("journal").status,
        RunStatus::Completed
    );
    secrets.delete(&summary.secret_account).expect("cleanup");
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn garbage_or_zeroed_journals_are_refused_and_reported() {
    let w = world().await;
    let (secrets, dir) = (store(&unique("garbage")), journal_dir("garbage"));
    let run_id = failed_run(&w, &dir, secrets.clone()).await;
    let path = journal_path(&dir, &run_id);
    let intact = std::fs::read(&path).expect("bytes");
    let recorder = Arc::new(Recorder::default());
    let ctx = context(
        &w.org,
        sign_in(&w).await,
        secrets.clone(),
        dir.clone(),
        recorder.clone(),
    );
    for damage in [
        vec![0u8; intact.len()],
        b"{\"format\":1,".to_vec(),
        b"<html>".to_vec(),
        Vec::new(),
    ] {
        std::fs::write(&path, &damage).expect("damaged");
        let err = load(&dir, &run_id).expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::JournalCorrupt, "{err}");
        match unfinished(&dir).expect("listing").as_slice() {
            [FoundJournal::Corrupt { file_name, .. }] => assert!(file_name.contains(&run_id)),
            other => panic!("reported as corrupt: {other:?}"),
        }
        let err = resume(&ctx, &run_id).await.expect_err("no resume");
        assert_eq!(err.kind(), ErrorKind::JournalCorrupt);
        let err = roll_back(&ctx, &run_id).await.expect_err("no roll back");
        assert_eq!(err.kind(), ErrorKind::JournalCorrupt);
    }
    assert_eq!(census(&w.org, &run_id), (1, 0, 1), "nothing was touched");
    std::fs::write(&path, &intact).expect("restored");
    roll_back(&ctx, &run_id)
        .await
        .expect("rolled back once readable");
    assert_eq!(marked_total(&w.org), (0, 0, 0));
    // The roll back told the app, step by step, what it undid (in reverse order).
    let undone: Vec<StepKind> = recorder
        .events
        .lock()
        .expect("events")
        .iter()
        .filter(|e| e.phase == StepPhase::Undone)
        .map(|e| e.step)
        .collect();
    assert_eq!(
        undone,
        [
            StepKind::InstallIntegration,
            StepKind::CreateClient,
            StepKind::StoreSecret
        ]
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn another_org_or_user_cannot_resume_or_roll_back() {
    let w = world().await;
    let (secrets, dir) = (store(&unique("owner")), journal_dir("owner"));
    let run_id = failed_run(&w, &dir, secrets.clone()).await;
    let path = journal_path(&dir, &run_id);
    let intact = std::fs::read_to_string(&path).expect("journal");
    let ctx = context(
        &w.org,
        sign_in(&w).await,
        secrets.clone(),
        dir.clone(),
        Arc::new(Recorder::default()),
    );
    let seed = w.org.seed().clone();
    for (field, value) in [("userId", &seed.admin_user_id), ("orgId", &seed.org_id)] {
        let other = intact.replace(
            &format!("\"{field}\": \"{value}\""),
            &format!("\"{field}\": \"someone-else\""),
        );
        assert_ne!(other, intact, "{field} is in the journal");
        std::fs::write(&path, other).expect("edited");
        for err in [
            resume(&ctx, &run_id).await.expect_err("resume"),
            roll_back(&ctx, &run_id).await.expect_err("roll back"),
        ] {
            assert_eq!(err.kind(), ErrorKind::RunBelongsElsewhere, "{field}: {err}");
        }
    }
    assert_eq!(census(&w.org, &run_id), (1, 0, 1), "nothing was touched");
    std::fs::write(&path, intact).expect("restored");
    roll_back(&ctx, &run_id)
        .await
        .expect("the owner rolls back");
    std::fs::remove_dir_all(&dir).ok();
}

/// A keychain that works for the probe but refuses client secrets: a locked keyring or a
/// dismissed prompt cannot be produced on demand, so this seam is mocked (security-matrix.md E3).
struct MockKeychainRefusingSecrets(MemoryStore);

impl SecretStore for MockKeychainRefusingSecrets {
    fn get(&self, account: &str) -> Result<Option<Secret>> {
        self.0.get(account)
    }
    fn set(&self, account: &str, secret: &Secret) -> Result<()> {
        if account.starts_with("oauth-client-secret:") {
            return Err(Error::Keychain {
                variant: "NoStorageAccess",
                unavailable: true,
            });
        }
        self.0.set(account, secret)
    }
    fn delete(&self, account: &str) -> Result<()> {
        self.0.delete(account)
    }
    fn persists(&self) -> bool {
        true
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_secret_is_journaled_as_not_persisted_and_the_run_completes() {
    let w = world().await;
    let dir = journal_dir("refused");
    let recorder = Arc::new(Recorder::default());
    let secrets = Arc::new(MockKeychainRefusingSecrets(MemoryStore::new()));
    let ctx = context(
        &w.org,
        sign_in(&w).await,
        secrets.clone(),
        dir.clone(),
        recorder.clone(),
    );
    let summary = start(&ctx, &request(&w.org))
        .await
        .expect("completes with the secret in memory");
    assert!(!summary.secret_saved);
    assert!(
        !load(&dir, &summary.run_id)
            .expect("journal")
            .secret_persisted
    );
    assert!(secrets
        .get(&summary.secret_account)
        .expect("read")
        .is_none());
    let events = recorder.events.lock().expect("events");
    assert!(events
        .iter()
        .any(|e| e.note == Some(StepNote::SecretNotSaved)));
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn no_canary_secret_reaches_the_journal_events_or_summary() {
    let w = world().await;
    w.org.knobs().set_canary_secrets(true);
    // The client's create answer is lost (made, then 502): the secret is re-issued, so both
    // the first and the re-issued secret pass through the run.
    w.org.knobs().add_fault(FaultRule {
        method: Some("POST".into()),
        path: "/api/v2/oauth/clients".into(),
        kind: FaultKind::CreateThenFail { status: 502 },
        after: 0,
        times: Some(1),
    });
    let (secrets, dir) = (store(&unique("canary")), journal_dir("canary"));
    let recorder = Arc::new(Recorder::default());
    let ctx = context(
        &w.org,
        sign_in(&w).await,
        secrets.clone(),
        dir.clone(),
        recorder.clone(),
    );
    assert!(ctx.token.expose().starts_with("CANARY-"), "the knob is on");
    let summary = start(&ctx, &request(&w.org)).await.expect("completes");
    assert!(
        summary.secret_reissued,
        "the lost secret was re-issued (D2)"
    );
    let kept = secrets
        .get(&summary.secret_account)
        .expect("read")
        .expect("kept");
    assert!(kept.expose().starts_with("CANARY-"), "secrets are canaries");
    let mut scanned = String::new();
    for entry in std::fs::read_dir(&dir).expect("journal dir") {
        scanned.push_str(&std::fs::read_to_string(entry.expect("entry").path()).expect("text"));
    }
    assert!(scanned.contains(&summary.run_id), "the journal was scanned");
    scanned
        .push_str(&serde_json::to_string(&*recorder.events.lock().expect("events")).expect("json"));
    scanned.push_str(&serde_json::to_string(&summary).expect("json"));
    scanned.push_str(&format!("{summary:?}"));
    assert_eq!(
        scanned.matches("CANARY").count(),
        0,
        "no secret or token leaked"
    );
    secrets.delete(&summary.secret_account).expect("cleanup");
    std::fs::remove_dir_all(&dir).ok();
}
