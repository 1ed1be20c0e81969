//! A batch import against a Sandbox org over loopback HTTP (security-matrix.md G5): 200
//! actions made and published at the pace of the client's per-minute budget, with progress;
//! a cancel that stops at once and a resume that makes no action twice; an org failing past a
//! few tries interrupts the run, which a fresh app resumes from its journal; a create the org
//! carried out but answered 502 is found, not made again; a refused action is recorded and the
//! batch goes on; a 429 is waited out; and an exported action imported back unchanged.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use genesys::api::ActionFilter;
use sandbox::{FaultKind, FaultRule, RunningSandbox};
use serde_json::Value;

use super::plan_tests::exported;
use super::{dismiss, export, plan, resume, start, status, ImportListener, ImportRuns};
use crate::tests::signed_in;
use crate::wire::action_import::{ActionFile, ImportItemState, ImportPhase, ImportRunView};
use crate::{integrations, OrgContext};

const DRAFTS: &str = "/api/v2/integrations/actions/drafts";

fn folder(what: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("studio-import-{what}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn batch(count: usize) -> Vec<ActionFile> {
    let list: Vec<Value> = (0..count)
        .map(|n| exported(&format!("Batch action {n:03}")))
        .collect();
    vec![ActionFile {
        file_name: "batch.json".into(),
        text: Value::Array(list).to_string(),
    }]
}

async fn integration(ctx: &OrgContext) -> String {
    integrations::install(ctx, "Batch Data Actions")
        .await
        .expect("installed")
        .id
}

/// Every view the run sends, in order.
fn recorder() -> (ImportListener, Arc<Mutex<Vec<ImportRunView>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let kept = seen.clone();
    let listener: ImportListener = Box::new(move |view| {
        kept.lock().expect("views").push(view.clone());
        true
    });
    (listener, seen)
}

/// The names of the integration's drafts and published actions, each as often as the org has it.
async fn names_in_org(ctx: &OrgContext, integration: &str) -> (Vec<String>, Vec<String>) {
    let (c, t) = (ctx.session.client(), ctx.session.token());
    let filter = ActionFilter::integration(integration);
    let mut drafts: Vec<String> = c
        .action_drafts(&filter, t)
        .await
        .expect("drafts")
        .into_iter()
        .map(|a| a.name)
        .collect();
    let mut published: Vec<String> = c
        .actions(&filter, t)
        .await
        .expect("actions")
        .into_iter()
        .map(|a| a.name)
        .collect();
    drafts.sort();
    published.sort();
    (drafts, published)
}

fn expected_names(count: usize) -> Vec<String> {
    (0..count).map(|n| format!("Batch action {n:03}")).collect()
}

/// The most requests that arrived within any 60 s of the serving clock.
fn busiest_minute(org: &RunningSandbox, from: usize) -> usize {
    let arrivals = org.knobs().arrivals();
    let arrivals = &arrivals[from.min(arrivals.len())..];
    let mut most = 0;
    let mut first = 0;
    for (last, at) in arrivals.iter().enumerate() {
        while at.duration_since(arrivals[first]) >= Duration::from_secs(60) {
            first += 1;
        }
        most = most.max(last + 1 - first);
    }
    most
}

#[tokio::test]
async fn two_hundred_actions_are_published_within_the_minute_budget_with_progress() {
    let (org, ctx, _store) = signed_in().await;
    let (integration, dir) = (integration(&ctx).await, folder("budget"));
    let files = batch(200);
    let planned = plan(&ctx, &integration, &files).await.expect("the plan");
    assert_eq!(planned.ready, 200);
    let (listener, seen) = recorder();
    let from = org.knobs().arrivals().len();
    // Paused time: the client's minute budget passes on tokio's clock, which the Sandbox's
    // arrivals are noted on too.
    tokio::time::pause();
    let began = tokio::time::Instant::now();
    let runs = ImportRuns::default();
    let done = start(&ctx, &dir, &runs, &integration, &files, true, listener)
        .await
        .expect("the run");
    let took = began.elapsed();
    tokio::time::resume();
    assert_eq!(done.phase, ImportPhase::Completed, "{:?}", done.error);
    assert_eq!((done.total, done.handled, done.refused), (200, 200, 0));
    assert!(done
        .items
        .iter()
        .all(|i| i.state == ImportItemState::Published));
    let (drafts, published) = names_in_org(&ctx, &integration).await;
    assert_eq!(published, expected_names(200), "each action once");
    assert!(drafts.is_empty(), "publishing leaves no draft: {drafts:?}");

    let busiest = busiest_minute(&org, from);
    let requests = org.knobs().arrivals().len() - from;
    println!("G5: 200 actions drafted and published in {requests} requests over {took:?} of the paused clock; busiest minute {busiest}");
    assert!(
        busiest <= 240,
        "the client's budget is 240 a minute, under Genesys's 300 per token: {busiest}"
    );
    assert!(
        took >= Duration::from_secs(60),
        "400 requests do not fit one minute's budget, so the run waited: {took:?}"
    );
    let views = seen.lock().expect("views");
    let handled: Vec<u32> = views.iter().map(|v| v.handled).collect();
    assert!(
        handled.windows(2).all(|w| w[0] <= w[1]),
        "progress only grows"
    );
    assert!(
        views.len() >= 400,
        "a view per request at least: {}",
        views.len()
    );
    assert_eq!(handled.last(), Some(&200));
}

#[tokio::test]
async fn a_cancelled_import_stops_at_once_and_resumes_without_making_any_action_twice() {
    let (org, ctx, _store) = signed_in().await;
    let (integration, dir) = (integration(&ctx).await, folder("cancel"));
    // Each request takes a while, so the cancel lands mid-batch (and mid-request).
    org.knobs().set_latency(Duration::from_millis(20));
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let listener: ImportListener = Box::new(move |view| tx.send(view.clone()).is_ok());
    let runs = ImportRuns::default();
    let run = {
        let (ctx, dir, runs, integration) =
            (ctx.clone(), dir.clone(), runs.clone(), integration.clone());
        tokio::spawn(async move {
            start(&ctx, &dir, &runs, &integration, &batch(60), false, listener).await
        })
    };
    let mut id = String::new();
    while let Some(view) = rx.recv().await {
        if view.handled >= 10 {
            id = view.import_id;
            break;
        }
    }
    let asked = std::time::Instant::now();
    runs.cancel(&id).expect("running here");
    let stopped = run.await.expect("no panic").expect("the run's view");
    assert!(
        asked.elapsed() < Duration::from_secs(1),
        "stopped within a second: {:?}",
        asked.elapsed()
    );
    assert_eq!(stopped.phase, ImportPhase::Cancelled);
    assert!(stopped.handled < 60, "stopped early: {}", stopped.handled);
    assert!(runs.cancel(&id).is_err(), "nothing runs any more");

    org.knobs().set_latency(Duration::ZERO);
    let (listener, _) = recorder();
    let done = resume(&ctx, &dir, &runs, listener).await.expect("resumed");
    assert_eq!(done.phase, ImportPhase::Completed, "{:?}", done.error);
    assert_eq!(done.handled, 60);
    let (drafts, published) = names_in_org(&ctx, &integration).await;
    assert_eq!(drafts, expected_names(60), "each action once");
    assert!(published.is_empty());
    dismiss(&dir, &runs);
    let (listener, _) = recorder();
    assert_eq!(
        status(Some(&ctx), &dir, &runs, listener).expect("read"),
        None
    );
}

#[tokio::test]
async fn an_org_failing_past_a_few_tries_interrupts_and_a_fresh_app_resumes_from_the_journal() {
    let (org, ctx, _store) = signed_in().await;
    let (integration, dir) = (integration(&ctx).await, folder("interrupt"));
    // The sixth draft's create and every later one: 503, made or not.
    org.knobs().add_fault(FaultRule {
        method: Some("POST".into()),
        path: DRAFTS.into(),
        kind: FaultKind::Status {
            status: 503,
            retry_after: None,
        },
        after: 5,
        times: None,
    });
    let (listener, _) = recorder();
    let stopped = start(
        &ctx,
        &dir,
        &ImportRuns::default(),
        &integration,
        &batch(12),
        true,
        listener,
    )
    .await
    .expect("the run's view");
    assert_eq!(stopped.phase, ImportPhase::Interrupted);
    assert_eq!(stopped.handled, 5);
    let error = stopped.error.expect("why");
    assert!(error.message.contains("503"), "{}", error.message);

    org.knobs().clear_faults();
    // A new app: nothing in memory, the journal on disk.
    let runs = ImportRuns::default();
    let (listener, _) = recorder();
    let found = status(Some(&ctx), &dir, &runs, listener)
        .expect("read")
        .expect("the unfinished import");
    assert_eq!(
        (found.import_id.as_str(), found.phase),
        (stopped.import_id.as_str(), ImportPhase::Interrupted)
    );
    let (listener, _) = recorder();
    let done = resume(&ctx, &dir, &runs, listener).await.expect("resumed");
    assert_eq!(done.phase, ImportPhase::Completed, "{:?}", done.error);
    let (drafts, published) = names_in_org(&ctx, &integration).await;
    assert_eq!(published, expected_names(12), "each action once");
    assert!(drafts.is_empty());
}

#[tokio::test]
async fn a_create_answered_502_after_the_org_made_it_is_found_and_not_made_again() {
    let (org, ctx, _store) = signed_in().await;
    let (integration, dir) = (integration(&ctx).await, folder("made"));
    org.knobs().add_fault(FaultRule {
        method: Some("POST".into()),
        path: DRAFTS.into(),
        kind: FaultKind::CreateThenFail { status: 502 },
        after: 2,
        times: Some(3),
    });
    let (listener, _) = recorder();
    let done = start(
        &ctx,
        &dir,
        &ImportRuns::default(),
        &integration,
        &batch(8),
        false,
        listener,
    )
    .await
    .expect("the run");
    assert_eq!(done.phase, ImportPhase::Completed, "{:?}", done.error);
    let (drafts, _) = names_in_org(&ctx, &integration).await;
    assert_eq!(drafts, expected_names(8), "each action once");
}

#[tokio::test]
async fn a_refused_action_is_recorded_with_genesys_words_and_the_batch_goes_on() {
    let (org, ctx, _store) = signed_in().await;
    let (integration, dir) = (integration(&ctx).await, folder("refused"));
    org.knobs().add_fault(FaultRule {
        method: Some("POST".into()),
        path: DRAFTS.into(),
        kind: FaultKind::Status {
            status: 400,
            retry_after: None,
        },
        after: 3,
        times: Some(1),
    });
    let (listener, _) = recorder();
    let done = start(
        &ctx,
        &dir,
        &ImportRuns::default(),
        &integration,
        &batch(6),
        false,
        listener,
    )
    .await
    .expect("the run");
    assert_eq!(done.phase, ImportPhase::Completed);
    assert_eq!((done.handled, done.refused), (6, 1));
    let refused = &done.items[3];
    assert_eq!(refused.state, ImportItemState::Refused);
    let error = refused.error.as_ref().expect("Genesys's answer");
    assert!(error.context_id.is_some(), "{error:?}");
    let (drafts, _) = names_in_org(&ctx, &integration).await;
    assert_eq!(drafts.len(), 5);
}

#[tokio::test]
async fn an_exported_action_imports_back_unchanged_into_another_integration() {
    let (_org, ctx, _store) = signed_in().await;
    let (first, dir) = (integration(&ctx).await, folder("export"));
    let (listener, _) = recorder();
    let runs = ImportRuns::default();
    let made = start(&ctx, &dir, &runs, &first, &batch(1), false, listener)
        .await
        .expect("the run");
    dismiss(&dir, &runs);
    let id = made.items[0].action_id.clone().expect("made");
    let text = export(&ctx, &id).await.expect("exported");
    let second = integrations::install(&ctx, "Second Data Actions")
        .await
        .expect("installed")
        .id;
    let files = [ActionFile {
        file_name: "exported.json".into(),
        text: text.clone(),
    }];
    let planned = plan(&ctx, &second, &files).await.expect("the plan");
    assert_eq!(planned.ready, 1, "{:?}", planned.items);
    let (listener, _) = recorder();
    let again = start(&ctx, &dir, &runs, &second, &files, false, listener)
        .await
        .expect("the run");
    let copy = again.items[0].action_id.clone().expect("made");
    let back = export(&ctx, &copy).await.expect("exported");
    assert_eq!(back, text, "the same action, in another integration");
}

#[tokio::test]
async fn a_create_answered_429_waits_out_retry_after_and_is_made_once() {
    let (org, ctx, _store) = signed_in().await;
    let (integration, dir) = (integration(&ctx).await, folder("throttled"));
    org.knobs().add_fault(FaultRule {
        method: Some("POST".into()),
        path: DRAFTS.into(),
        kind: FaultKind::Status {
            status: 429,
            retry_after: Some(1),
        },
        after: 2,
        times: Some(2),
    });
    let (listener, _) = recorder();
    let began = std::time::Instant::now();
    let done = start(
        &ctx,
        &dir,
        &ImportRuns::default(),
        &integration,
        &batch(5),
        false,
        listener,
    )
    .await
    .expect("the run");
    assert_eq!(done.phase, ImportPhase::Completed, "{:?}", done.error);
    assert!(
        began.elapsed() >= Duration::from_secs(1),
        "the Retry-After was waited out: {:?}",
        began.elapsed()
    );
    let (drafts, _) = names_in_org(&ctx, &integration).await;
    assert_eq!(drafts, expected_names(5), "each action once");
}
