//! `cargo bench --bench action_import` (printed by `cargo xtask bench`): a batch import of 200
//! exported data actions, each drafted and published, through the use case
//! (`studio::actions::import::start`) over real HTTP against a Sandbox org that delays every
//! request by 20 ms, with the client's own budget (240 requests a minute). Prints the wall time,
//! the requests sent, the two floors it cannot beat (the minute budget, and one request after
//! another at 20 ms each), and the peak memory of the process (Linux `VmHWM`, the Sandbox org
//! holding the 200 actions included: an upper bound). Asserts nothing.

use std::time::{Duration, Instant};

use genesys::secrets::MemoryStore;
use genesys::{OrgTarget, Profile, SignInMethod};
use sandbox::{Sandbox, SandboxOptions};
use serde_json::{json, Value};
use studio::actions::import::{self, ImportRuns};
use studio::vault::Vault;
use studio::wire::action_import::ActionFile;
use studio::OrgContext;

mod sandbox_sign_in;
use sandbox_sign_in::{peak_memory_mib, sign_in};

const ACTIONS: usize = 200;
const LATENCY: Duration = Duration::from_millis(20);
const PER_MINUTE: f64 = 240.0;

fn exported(n: usize) -> Value {
    json!({
        "name": format!("Bench action {n:03}"), "integrationType": "purecloud-data-actions",
        "actionType": "custom", "secure": false,
        "config": {
            "request": {"requestUrlTemplate": "/api/v2/routing/queues/${input.QueueID}/members?pageSize=100",
                        "requestType": "GET", "headers": {}, "requestTemplate": "${input.rawRequest}"},
            "response": {"translationMap": {"ids": "$.entities[*].id"}, "translationMapDefaults": {"ids": "[]"},
                         "successTemplate": "{\"ids\": ${ids}}"}
        },
        "contract": {
            "input": {"inputSchema": {"type": "object", "properties": {"QueueID": {"type": "string"}}}},
            "output": {"successSchema": {"type": "object", "properties": {"ids": {"type": "array", "items": {"type": "string"}}}}}
        }
    })
}

fn main() {
    let rt = tokio::runtime::Runtime::new().expect("a runtime");
    rt.block_on(async {
        let org = Sandbox::start(SandboxOptions::default())
            .await
            .expect("the Sandbox org starts");
        let session = sign_in(&org).await;
        let ctx = OrgContext {
            profile: Profile::new(OrgTarget::Sandbox, SignInMethod::Pkce, "").expect("a profile"),
            session,
            secrets: Vault::over(std::sync::Arc::new(MemoryStore::new()), false),
        };
        let integration = studio::integrations::install(&ctx, "Bench Data Actions")
            .await
            .expect("installed")
            .id;
        let files = [ActionFile {
            file_name: "bench.json".into(),
            text: Value::Array((0..ACTIONS).map(exported).collect()).to_string(),
        }];
        let dir = std::env::temp_dir().join(format!("bench-import-{}", std::process::id()));
        org.knobs().set_latency(LATENCY);
        let before = org.knobs().arrivals().len();
        let started = Instant::now();
        let done = import::start(
            &ctx,
            &dir,
            &ImportRuns::default(),
            &integration,
            &files,
            true,
            Box::new(|_| true),
        )
        .await
        .expect("the import");
        let took = started.elapsed().as_secs_f64();
        let requests = org.knobs().arrivals().len() - before;
        let budget_floor = ((requests as f64 / PER_MINUTE).ceil() - 1.0).max(0.0) * 60.0;
        let serial_floor = requests as f64 * LATENCY.as_secs_f64();
        println!(
            "batch import: {} of {ACTIONS} actions drafted and published ({:?}) in {took:>6.1} s, {requests} requests at {} ms each",
            done.handled,
            done.phase,
            LATENCY.as_millis()
        );
        println!(
            "batch import: floors: the minute budget {budget_floor:.0} s, one request after another {serial_floor:.1} s"
        );
        match peak_memory_mib() {
            Some(mib) => println!(
                "batch import: peak memory of the process (VmHWM, the Sandbox org included) {mib:>7.0} MiB"
            ),
            None => println!("batch import: peak memory not measured on this OS (Linux VmHWM only)"),
        }
        let _ = std::fs::remove_dir_all(&dir);
        org.shutdown().await;
    });
}
