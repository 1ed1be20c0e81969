//! A whole guided setup through a stretch of 429s (security-matrix.md G4): right after the
//! OAuth client is made, every route of the Sandbox API host answers 429 with `Retry-After` for
//! a while; the run waits it out, probing at most once per window on each of its two request
//! chains, then completes with one client, one credential and one integration.
//!
//! Scaled down: the Sandbox org serves on the test's own runtime, and paused time would also
//! fire the client's request timeouts while it waits on loopback I/O, so the stretch is six
//! 1-second windows of real time instead of two minutes of 20-second ones. Nothing asserts how
//! long anything took: the probe bound is computed from the stretch's measured length.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ::genesys::api::{Client, ClientOptions, RetryPolicy};
use ::genesys::setup::{start, SetupEvent, SetupObserver, SetupTiming};
use sandbox::{FaultKind, FaultRule, Knobs};
use tokio::sync::Notify;

use super::setup::{
    census, context, endpoints, fast_options, fast_timing, journal_dir, marked_total, request,
    sign_in, store, unique,
};
use super::world;

/// The `Retry-After` of every 429 of the stretch, in seconds.
const WINDOW: u64 = 1;
/// How long the org answers 429.
const STRETCH: Duration = Duration::from_secs(6);
/// Requests a run has in flight at most: the client chain beside the integration install.
const CHAINS: u32 = 2;
/// The run's point after which the stretch starts: both chains still have requests to send.
const CUE: &str = "after:createClient";

/// Every route of the Sandbox API host (src-tauri/sandbox/src/api/mod.rs).
const API_ROUTES: [&str; 24] = [
    "/tokens/me",
    "/users/me",
    "/users/{userId}/roles",
    "/organizations/me",
    "/authorization/subjects/me",
    "/authorization/roles",
    "/authorization/roles/{roleId}",
    "/authorization/divisions",
    "/authorization/divisions/home",
    "/authorization/divisions/{divisionId}",
    "/oauth/clients",
    "/oauth/clients/{clientId}",
    "/oauth/clients/{clientId}/secret",
    "/oauth/scopes",
    "/oauth/scopes/{scopeId}",
    "/integrations",
    "/integrations/types",
    "/integrations/types/{typeId}",
    "/integrations/{integrationId}",
    "/integrations/{integrationId}/config/current",
    "/integrations/credentials",
    "/integrations/credentials/listing",
    "/integrations/credentials/types",
    "/integrations/credentials/{credentialId}",
];

/// Starts the stretch when the run reaches [`CUE`] and says when it did.
struct Stretch {
    knobs: Knobs,
    began: Mutex<Option<Instant>>,
    cued: Notify,
}

impl SetupObserver for Stretch {
    fn event(&self, _event: &SetupEvent) {}

    fn checkpoint(&self, point: &str) {
        let mut began = self.began.lock().expect("began");
        if point != CUE || began.is_some() {
            return;
        }
        for route in API_ROUTES {
            self.knobs.add_fault(FaultRule {
                method: None,
                path: format!("/api/v2{route}"),
                kind: FaultKind::Status {
                    status: 429,
                    retry_after: Some(WINDOW),
                },
                after: 0,
                times: None,
            });
        }
        *began = Some(Instant::now());
        self.cued.notify_one();
    }
}

/// The fast options with the app's own attempts and throttling budget: 429s that say how long
/// to wait spend the budget (three minutes), not the five attempts.
fn options() -> ClientOptions {
    let fast = fast_options();
    ClientOptions {
        retry: RetryPolicy {
            max_attempts: RetryPolicy::default().max_attempts,
            max_throttled: RetryPolicy::default().max_throttled,
            ..fast.retry
        },
        ..fast
    }
}

#[tokio::test]
async fn g4_a_whole_guided_setup_waits_out_a_stretch_of_429s_and_completes_once() {
    let w = world().await;
    let token = sign_in(&w).await;
    let stretch = Arc::new(Stretch {
        knobs: w.org.knobs(),
        began: Mutex::new(None),
        cued: Notify::new(),
    });
    let mut ctx = context(
        &w.org,
        token,
        store(&unique("g4")),
        journal_dir("g4"),
        stretch.clone(),
    );
    ctx.client = Client::with_options(endpoints(&w.org), options()).expect("a client");
    // Longer than the stretch, so only the 429s decide when the run goes on.
    ctx.timing = SetupTiming {
        verify_within: Duration::from_secs(30),
        activation_within: Duration::from_secs(30),
        ..fast_timing()
    };
    let form = request(&w.org);
    let mut run = tokio::spawn(async move { start(&ctx, &form).await });
    stretch.cued.notified().await;
    tokio::time::sleep(STRETCH).await;
    let knobs = w.org.knobs();
    let probes: u32 = knobs.fault_matches().iter().sum();
    let lasted = stretch
        .began
        .lock()
        .expect("began")
        .expect("cued")
        .elapsed();
    knobs.clear_faults();
    if run.is_finished() {
        panic!(
            "the run ended inside the stretch: {:?}",
            (&mut run).await.map(|r| r.map(|s| s.run_id))
        );
    }
    let summary = run
        .await
        .expect("no panic")
        .expect("the run completes once the 429s stop");
    assert_eq!(
        census(&w.org, &summary.run_id),
        (1, 1, 1),
        "the run's objects"
    );
    assert_eq!(marked_total(&w.org), (1, 1, 1), "no duplicate objects");
    let windows = (lasted.as_secs_f64() / WINDOW as f64).ceil() as u32;
    eprintln!("{probes} requests answered 429 over {windows} windows of {WINDOW} s");
    assert!(
        probes >= 2,
        "the stretch met the run: {probes} requests answered 429"
    );
    assert!(
        probes <= CHAINS * (windows + 1),
        "{probes} requests answered 429 in {windows} windows: more than one per window and chain"
    );
}
