//! `cargo bench --bench action_test` (printed by `cargo xtask bench`): a draft test of the
//! workshop's data action ("Get queue presences") over real HTTP against a Sandbox org that
//! delays every request by 100 ms. Untimed: the org, the guided setup (a client-credentials
//! client with the Queue Viewer role, the Data Actions integration and its credential, ACTIVE),
//! and the action saved as a draft from the preset. Timed, 20 times each: `POST …/draft/test`
//! alone (`Client::test_action_draft`), then the studio use case (`studio::actions::test`, which
//! reads the draft first), each at 0 ms (the work itself) and at 100 ms.
//!
//! Where the 100 ms falls: the Sandbox's latency layer wraps both hosts' routers, so the app's
//! own request pays it, and step 8 ("Execute") pays it again, because the members call is
//! answered in process by a fresh copy of the API router with its layers (no socket). Step 4's
//! token for the integration's credential is minted in process without `/oauth/token`, so it
//! pays nothing. The draft test's critical path here is therefore 2 × 100 ms (the app's request,
//! then the members call). The use case needs one more, the draft read: 3 × 100 ms. It sends more:
//! the Sandbox's whole read of a draft lacks its two templates, so the `genesys` client reads each
//! from its own route, one after the other (4 requests on the user's token, 5 delays in a row), and
//! its ratio shows that gap. Prints the median and p90 wall time, the ratio to that path, the
//! latency actually paid (100 ms median minus 0 ms median, in units of 100 ms) and the requests
//! counted on the user's token. Asserts nothing on time.

use std::collections::BTreeMap;
use std::future::Future;
use std::path::Path;
use std::time::{Duration, Instant};

use genesys::models::RoleDivision;
use genesys::secrets::MemoryStore;
use genesys::setup::SetupRequest;
use genesys::{OrgTarget, Profile, SignInMethod};
use sandbox::{RateLimit, RunningSandbox, Sandbox, SandboxOptions};
use serde_json::{Map, Value};
use studio::setup::SetupRuns;
use studio::vault::Vault;
use studio::wire::setup::RunPhase;
use studio::{actions, setup, OrgContext};

mod sandbox_sign_in;
use sandbox_sign_in::{browser, sign_in};

const LATENCY: Duration = Duration::from_millis(100);
const RUNS: usize = 20;
/// The Sandbox's latency layers on the draft test's path: the app's request and step 8's call.
const TEST_ROUND_TRIPS: u32 = 2;
/// The use case needs the draft read before the test (it sends the templates' reads too).
const USE_CASE_ROUND_TRIPS: u32 = 3;

/// Requests the Sandbox has counted on `token` (its per-token rate-limit window, read from the
/// `inin-ratelimit-count` header of one more request, which is not counted here).
async fn counted(org: &RunningSandbox, token: &str) -> u64 {
    let answer = browser()
        .get(format!("{}/api/v2/tokens/me", org.api_base_url()))
        .bearer_auth(token)
        .send()
        .await
        .expect("tokens/me");
    let count: u64 = answer.headers()["inin-ratelimit-count"]
        .to_str()
        .ok()
        .and_then(|v| v.parse().ok())
        .expect("a count");
    count - 1
}

/// The org signed in, the guided setup done, the workshop action saved as a draft: the context,
/// the action's id and its one input (a seeded queue's id).
async fn workshop_draft(org: &RunningSandbox, dir: &Path) -> (OrgContext, String, String) {
    let ctx = OrgContext {
        profile: Profile::new(OrgTarget::Sandbox, SignInMethod::Pkce, "").expect("a profile"),
        session: sign_in(org).await,
        secrets: Vault::over(std::sync::Arc::new(MemoryStore::new()), false),
    };
    let catalogs = studio::actions::privileges::CatalogCache::new(dir.join("api-permissions"));
    let form = setup::form(&ctx, dir, &catalogs)
        .await
        .expect("the setup form");
    let request = SetupRequest::workshop_defaults(vec![RoleDivision {
        role_id: form.suggested_role_id.expect("a suggested role"),
        division_id: form.home_division_id,
    }]);
    let done = setup::start(
        &ctx,
        dir,
        &SetupRuns::default(),
        request,
        Box::new(|_| true),
    )
    .await
    .expect("the guided setup runs");
    assert_eq!(done.phase, RunPhase::Completed, "{:?}", done.error);
    let overview = actions::overview(&ctx).await.expect("the overview");
    let integration = overview.integrations.first().expect("one integration");
    let preset = actions::preset(&ctx, &integration.id, "Get queue presences")
        .await
        .expect("the preset");
    let made = actions::save(&ctx, None, &preset).await.expect("the draft");
    let s = &ctx.session;
    let queues = s
        .client()
        .routing_queues(s.token())
        .await
        .expect("the queues");
    let queue = queues.first().expect("a seeded queue").id.clone();
    (ctx, made.summary.id, queue)
}

/// Wall times in ms of `RUNS` sequential runs of `run`, after one untimed warm-up.
async fn timed<F, Fut>(mut run: F) -> Vec<f64>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = ()>,
{
    run().await;
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        run().await;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    times
}

/// The value at fraction `q` of sorted `v` (nearest rank).
fn quantile(v: &[f64], q: f64) -> f64 {
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

struct Measured {
    idle: Vec<f64>,
    slow: Vec<f64>,
    requests_per_run: f64,
}

fn print(label: &str, m: &Measured, round_trips: u32) {
    let critical = (LATENCY * round_trips).as_secs_f64() * 1000.0;
    let median = quantile(&m.slow, 0.5);
    let idle = quantile(&m.idle, 0.5);
    println!(
        "{:<45} median {:>7.0} ms  (p90 {:.0}, min {:.0} – max {:.0}, {RUNS} runs)",
        format!("{label} at 100 ms per request"),
        median,
        quantile(&m.slow, 0.9),
        m.slow[0],
        m.slow[m.slow.len() - 1]
    );
    println!(
        "{:<45} {:>7.1} × the critical path ({round_trips} round trips = {critical:.0} ms)",
        format!("{label}: wall / critical path"),
        median / critical
    );
    println!(
        "{:<45} median {:>7.1} ms  (p90 {:.1}); latency paid {:.2} × 100 ms",
        format!("{label} at 0 ms"),
        idle,
        quantile(&m.idle, 0.9),
        (median - idle) / (LATENCY.as_secs_f64() * 1000.0)
    );
    println!(
        "{:<45} {:>7.1} API requests per run on the user's token",
        format!("{label}: requests"),
        m.requests_per_run
    );
}

/// `run` timed at 0 ms and at 100 ms, and the requests it sends on the user's token.
async fn measure<F, Fut>(org: &RunningSandbox, token: &str, mut run: F) -> Measured
where
    F: FnMut() -> Fut,
    Fut: Future<Output = ()>,
{
    org.knobs().set_latency(Duration::ZERO);
    let before = counted(org, token).await;
    let idle = timed(&mut run).await;
    // `counted` itself sent one request, and the warm-up ran once more than the timed runs.
    let sent = counted(org, token).await - before - 1;
    org.knobs().set_latency(LATENCY);
    let slow = timed(&mut run).await;
    org.knobs().set_latency(Duration::ZERO);
    Measured {
        idle,
        slow,
        requests_per_run: sent as f64 / (RUNS + 1) as f64,
    }
}

fn main() {
    let rt = tokio::runtime::Runtime::new().expect("a runtime");
    rt.block_on(async {
        let org = Sandbox::start(SandboxOptions {
            consistency_delay: Duration::ZERO,
            activation_delay: Duration::ZERO,
            ..SandboxOptions::default()
        })
        .await
        .expect("the Sandbox org starts");
        org.knobs().set_rate_limit(Some(RateLimit {
            requests: 1_000_000,
            window_seconds: 3_600,
        }));
        let dir =
            std::env::temp_dir().join(format!("dip-bench-action-test-{}", std::process::id()));
        let (ctx, id, queue) = workshop_draft(&org, &dir).await;
        let s = &ctx.session;
        let token = s.token().expose().to_owned();

        let mut body = Map::new();
        body.insert("QueueID".into(), Value::String(queue.clone()));
        let draft_test = measure(&org, &token, || async {
            let result = s
                .client()
                .test_action_draft(&id, &body, true, s.token())
                .await
                .expect("the draft test answers");
            assert!(result.success, "the draft test failed: {result:?}");
        })
        .await;

        let values = BTreeMap::from([("QueueID".to_string(), queue.clone())]);
        let use_case = measure(&org, &token, || async {
            let run = actions::test(&ctx, &id, &values, true)
                .await
                .expect("the use case answers");
            assert!(run.success, "the use case's test failed: {run:?}");
        })
        .await;

        print("action draft test", &draft_test, TEST_ROUND_TRIPS);
        print("action test use case", &use_case, USE_CASE_ROUND_TRIPS);
        std::fs::remove_dir_all(&dir).ok();
        org.shutdown().await;
    });
}
