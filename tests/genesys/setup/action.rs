//! The guided setup's data action part against the Sandbox org: a full run ends with the
//! workshop action published on the new integration (tested against a seeded queue, marker in
//! its name, category the integration's name); a lost create answer is adopted, never made
//! twice; a publish whose answer was lost is taken as done on resume; an org without queues
//! publishes with the test skipped; a client that cannot read queues fails at the test step
//! with the members listing's 403, again on resume; roll back removes the action (twice is
//! harmless).

use std::sync::Arc;

use ::genesys::setup::{
    load, resume, roll_back, start, ActionStep, EntryState, RunStatus, StepKind, StepNote,
    StepPhase, DEFAULT_ACTION_NAME,
};
use ::genesys::ErrorKind;
use sandbox::{FaultKind, FaultRule};

use super::super::world;
use super::{
    context, journal_dir, marked_actions, marked_total, request, sign_in, store, unique, Recorder,
};

fn fault(method: &str, path: &str, kind: FaultKind) -> FaultRule {
    FaultRule {
        method: Some(method.into()),
        path: path.into(),
        kind,
        after: 0,
        times: Some(1),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_run_publishes_the_tested_action_and_roll_back_removes_it() {
    let w = world().await;
    let token = sign_in(&w).await;
    let (secrets, dir) = (store(&unique("action")), journal_dir("action"));
    let recorder = Arc::new(Recorder::default());
    let ctx = context(
        &w.org,
        token,
        secrets.clone(),
        dir.clone(),
        recorder.clone(),
    );

    let summary = start(&ctx, &request(&w.org)).await.expect("completes");

    let action_id = summary.action_id.clone().expect("an action");
    assert_eq!(marked_actions(&w.org), vec![(action_id.clone(), true)]);
    let published = ctx
        .client
        .action(&action_id, &ctx.token)
        .await
        .expect("published");
    assert!(published.name.starts_with(DEFAULT_ACTION_NAME));
    assert_eq!(Some(published.name.clone()), summary.action_name);
    assert_eq!(published.integration_id, summary.integration_id);
    assert_eq!(published.category, summary.integration_name);
    let events = recorder.events.lock().expect("events").clone();
    for step in StepKind::ACTION {
        let phases: Vec<StepPhase> = events
            .iter()
            .filter(|e| e.step == step)
            .map(|e| e.phase)
            .collect();
        assert_eq!(
            phases,
            [StepPhase::Started, StepPhase::Succeeded],
            "{step:?}"
        );
    }
    let journal = load(&dir, &summary.run_id).expect("journal");
    assert_eq!(
        journal.created.action_id.as_deref(),
        Some(action_id.as_str())
    );

    let removed = roll_back(&ctx, &summary.run_id).await.expect("rolled back");
    assert_eq!(removed.removed[0].id, action_id, "the action goes first");
    assert!(marked_actions(&w.org).is_empty());
    assert_eq!(marked_total(&w.org), (0, 0, 0));
    roll_back(&ctx, &summary.run_id)
        .await
        .expect("a second roll back finds everything gone and is harmless");
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lost_create_answer_is_adopted_and_a_lost_publish_answer_resumes_as_done() {
    let w = world().await;
    let token = sign_in(&w).await;
    let (secrets, dir) = (store(&unique("action-lost")), journal_dir("action-lost"));
    let ctx = context(
        &w.org,
        token,
        secrets,
        dir.clone(),
        Arc::new(Recorder::default()),
    );
    let lost = FaultKind::CreateThenFail { status: 503 };
    w.org.knobs().add_fault(fault(
        "POST",
        "/api/v2/integrations/actions/drafts",
        lost.clone(),
    ));
    w.org.knobs().add_fault(fault(
        "POST",
        "/api/v2/integrations/actions/{actionId}/draft/publish",
        lost,
    ));

    let err = start(&ctx, &request(&w.org))
        .await
        .expect_err("the publish answer is lost");
    w.org.knobs().clear_faults();
    let actions = marked_actions(&w.org);
    assert_eq!(actions.len(), 1, "the lost create was adopted: {actions:?}");
    assert!(actions[0].1, "the publish went through: {err}");
    let run_id = load_only_run(&dir);
    let journal = load(&dir, &run_id).expect("journal");
    assert_eq!(journal.status, RunStatus::Failed);
    let last = journal.entries.last().expect("entries");
    assert_eq!(
        (last.step, last.state),
        (StepKind::PublishAction, EntryState::Failed)
    );

    let summary = resume(&ctx, &run_id).await.expect("resume completes");
    assert_eq!(summary.action_id.as_deref(), Some(actions[0].0.as_str()));
    assert_eq!(marked_actions(&w.org), actions, "no second action");
    roll_back(&ctx, &run_id).await.expect("rolled back");
    assert!(marked_actions(&w.org).is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

fn load_only_run(dir: &std::path::Path) -> String {
    match ::genesys::setup::unfinished(dir)
        .expect("journals")
        .as_slice()
    {
        [::genesys::setup::FoundJournal::Run { journal }] => journal.run_id.clone(),
        other => panic!("one unfinished run: {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_queue_the_action_is_published_and_its_test_skipped() {
    let w = world().await;
    let token = sign_in(&w).await;
    let (secrets, dir) = (store(&unique("action-noq")), journal_dir("action-noq"));
    let recorder = Arc::new(Recorder::default());
    let ctx = context(&w.org, token, secrets, dir.clone(), recorder.clone());
    let form = ::genesys::setup::SetupRequest {
        action: Some(ActionStep::workshop(Some("  ".into()))),
        ..request(&w.org)
    };

    let summary = start(&ctx, &form).await.expect("completes");

    let id = summary.action_id.clone().expect("an action");
    assert_eq!(marked_actions(&w.org), vec![(id, true)]);
    let events = recorder.events.lock().expect("events").clone();
    let test = events
        .iter()
        .find(|e| e.step == StepKind::TestAction && e.phase == StepPhase::Succeeded)
        .expect("the test step ends");
    assert_eq!(test.note, Some(StepNote::TestSkipped));
    roll_back(&ctx, &summary.run_id).await.expect("rolled back");
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_that_cannot_read_queues_fails_at_the_test_with_genesys_error() {
    let w = world().await;
    let token = sign_in(&w).await;
    let (secrets, dir) = (store(&unique("action-403")), journal_dir("action-403"));
    let ctx = context(
        &w.org,
        token,
        secrets,
        dir.clone(),
        Arc::new(Recorder::default()),
    );
    // Held by the seeded admin in that division, and without `routing:queue:view`.
    let s = w.org.snapshot();
    let role_id = s
        .roles
        .iter()
        .find(|r| r.name == "Data Actions Developer")
        .map(|r| r.id.clone())
        .expect("a seeded Data Actions Developer role");
    let held = s
        .users
        .iter()
        .flat_map(|u| u.grants.iter())
        .find(|g| g.role_id == role_id)
        .map(|g| g.division_id.clone())
        .expect("held by the seeded admin");
    let mut form = request(&w.org);
    form.role_divisions[0].role_id = role_id;
    form.role_divisions[0].division_id = held;

    let err = start(&ctx, &form).await.expect_err("the test fails");
    assert_eq!(err.kind(), ErrorKind::Api, "{err}");
    assert!(err.to_string().contains("step 8"), "{err}");
    assert!(err.to_string().contains("403"), "{err}");
    let run_id = load_only_run(&dir);
    let journal = load(&dir, &run_id).expect("journal");
    let last = journal.entries.last().expect("entries");
    assert_eq!(
        (last.step, last.state),
        (StepKind::TestAction, EntryState::Failed)
    );
    assert_eq!(last.error.as_ref().and_then(|e| e.status), Some(403));
    assert_eq!(
        marked_actions(&w.org).len(),
        1,
        "the draft stays for a resume"
    );
    assert!(!marked_actions(&w.org)[0].1, "never published");

    let again = resume(&ctx, &run_id).await.expect_err("still refused");
    assert!(again.to_string().contains("step 8"), "{again}");
    assert_eq!(
        marked_actions(&w.org).len(),
        1,
        "the resume made no second draft"
    );
    roll_back(&ctx, &run_id).await.expect("rolled back");
    assert!(marked_actions(&w.org).is_empty(), "the draft is removed");
    assert_eq!(marked_total(&w.org), (0, 0, 0));
    std::fs::remove_dir_all(&dir).ok();
}
