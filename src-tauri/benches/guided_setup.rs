//! `cargo bench --bench guided_setup` (printed by `cargo xtask bench`): the whole guided setup
//! over real HTTP against a Sandbox org that answers every request after 100 ms, with
//! the app's default client options. Prints the wall time, the requests the Sandbox counted on
//! the user's token, and the ratio to the critical path of 5 dependent round trips (context →
//! client → credential → config → enable, 5 × 100 ms), and the median run's timeline (each step's
//! start and end, so the overlap shows). Prints numbers; asserts nothing on time.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use genesys::api::Client;
use genesys::secrets::MemoryStore;
use genesys::setup::{
    start, SetupContext, SetupEvent, SetupObserver, SetupRequest, SetupTiming, StepPhase,
};
use sandbox::{RateLimit, RunningSandbox, Sandbox, SandboxOptions};

mod sandbox_sign_in;
use sandbox_sign_in::{browser, endpoints, sign_in};

const LATENCY: Duration = Duration::from_millis(100);
const CRITICAL_ROUND_TRIPS: u32 = 5;
const RUNS: usize = 3;

/// Each step's end (ms after the run started, when its success event arrives) and duration.
struct Steps {
    started: Mutex<Option<Instant>>,
    done: Mutex<Vec<(String, u64, u64)>>,
}

impl Steps {
    fn new() -> Steps {
        Steps {
            started: Mutex::new(None),
            done: Mutex::new(Vec::new()),
        }
    }
}

impl SetupObserver for Steps {
    fn event(&self, e: &SetupEvent) {
        if e.phase == StepPhase::Succeeded {
            let name = serde_json::to_value(e.step)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let started = *self.started.lock().expect("start");
            let end = started.map_or(0, |s| s.elapsed().as_millis() as u64);
            self.done
                .lock()
                .expect("steps")
                .push((name, end, e.duration_ms.unwrap_or(0)));
        }
    }
}

/// Requests the Sandbox has counted on `token` (its per-token rate-limit window, read from the
/// `inin-ratelimit-count` header of one more request, which is not counted).
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

struct Sample {
    wall_ms: f64,
    requests: u64,
    steps: Vec<(String, u64, u64)>,
}

async fn one_run() -> Sample {
    let org = Sandbox::start(SandboxOptions {
        consistency_delay: Duration::ZERO,
        activation_delay: Duration::ZERO,
        ..SandboxOptions::default()
    })
    .await
    .expect("the Sandbox org starts");
    let session = sign_in(&org).await;
    let role_id = org
        .snapshot()
        .roles
        .iter()
        .find(|r| r.name == "Queue Viewer")
        .map(|r| r.id.clone())
        .expect("role");
    let request = SetupRequest::workshop_defaults(vec![genesys::models::RoleDivision {
        role_id,
        division_id: "*".into(),
    }]);
    let dir = std::env::temp_dir().join(format!("dip-bench-guided-setup-{}", std::process::id()));
    let steps = Arc::new(Steps::new());
    let ctx = SetupContext {
        client: Client::new(endpoints(&org)).expect("client"),
        token: session.token().clone(),
        target: "sandbox".into(),
        // The keychain is not what is measured (and a bench has no session bus): memory.
        secrets: Arc::new(MemoryStore::new()),
        journal_dir: dir.clone(),
        observer: steps.clone(),
        timing: SetupTiming::default(),
        cancel: ::genesys::setup::CancelSignal::new(),
    };
    org.knobs().set_rate_limit(Some(RateLimit {
        requests: 1_000_000,
        window_seconds: 3_600,
    }));
    org.knobs().set_latency(LATENCY);
    let before = counted(&org, session.token().expose()).await;
    let started = Instant::now();
    *steps.started.lock().expect("start") = Some(started);
    start(&ctx, &request)
        .await
        .expect("the guided setup completes");
    let wall_ms = started.elapsed().as_secs_f64() * 1000.0;
    let requests = counted(&org, session.token().expose()).await - before - 1;
    std::fs::remove_dir_all(&dir).ok();
    let steps = steps.done.lock().expect("steps").clone();
    org.shutdown().await;
    Sample {
        wall_ms,
        requests,
        steps,
    }
}

fn main() {
    let rt = tokio::runtime::Runtime::new().expect("a runtime");
    let mut samples: Vec<Sample> = (0..RUNS).map(|_| rt.block_on(one_run())).collect();
    samples.sort_by(|a, b| a.wall_ms.total_cmp(&b.wall_ms));
    let median = &samples[samples.len() / 2];
    let critical = (LATENCY * CRITICAL_ROUND_TRIPS).as_secs_f64() * 1000.0;
    println!(
        "{:<45} median {:>7.0} ms  (min {:.0} – max {:.0}, {RUNS} runs)",
        "guided setup at 100 ms per request",
        median.wall_ms,
        samples[0].wall_ms,
        samples[samples.len() - 1].wall_ms
    );
    println!(
        "{:<45} {:>7} API requests on the user's token (+ 1 token request and 1 revoke with the new client's)",
        "guided setup: requests", median.requests
    );
    println!(
        "{:<45} {:>7.1} × the critical path (5 dependent round trips = {critical:.0} ms)",
        "guided setup: wall time / critical path",
        median.wall_ms / critical
    );
    // The schedule of the median run: where steps overlap, they ran side by side.
    println!("guided setup: timeline of the median run (ms after the start)");
    let mut steps = median.steps.clone();
    steps.sort_by_key(|(_, end, ms)| end.saturating_sub(*ms));
    for (step, end, ms) in steps {
        let begin = end.saturating_sub(ms);
        println!(
            "  {step:<26} {begin:>5} – {end:>5}  {}",
            "·".repeat((begin / 25) as usize) + &"█".repeat((ms / 25).max(1) as usize)
        );
    }
}
