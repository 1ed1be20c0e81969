//! `cargo bench --bench roles` (printed by `cargo xtask bench`): the time to the full roles
//! list of the picker over real HTTP — 5,000 extra roles in a Sandbox org answering every
//! request after 50 ms — as the `authorization_roles` command reads it (every role page,
//! the divisions and `subjects/me` at once), through the same use case (`studio::roles::picker`).
//! Then the peak memory of the process (Linux `VmHWM`), an upper bound for the picker's: the
//! Sandbox org holding the 5,000 roles runs in the same process. Prints numbers; asserts nothing.

use std::time::{Duration, Instant};

use genesys::secrets::MemoryStore;
use genesys::{OrgTarget, Profile, SignInMethod};
use sandbox::{Sandbox, SandboxOptions};
use studio::vault::Vault;
use studio::OrgContext;

mod sandbox_sign_in;
use sandbox_sign_in::{peak_memory_mib, sign_in};

const EXTRA_ROLES: usize = 5_000;
const LATENCY: Duration = Duration::from_millis(50);
const RUNS: usize = 5;

fn main() {
    let rt = tokio::runtime::Runtime::new().expect("a runtime");
    rt.block_on(async {
        let org = Sandbox::start(SandboxOptions {
            extra_roles: EXTRA_ROLES,
            ..SandboxOptions::default()
        })
        .await
        .expect("the Sandbox org starts");
        let session = sign_in(&org).await;
        org.knobs().set_latency(LATENCY);
        let org_ctx = OrgContext {
            profile: Profile::new(OrgTarget::Sandbox, SignInMethod::Pkce, "").expect("a profile"),
            session,
            secrets: Vault::over(std::sync::Arc::new(MemoryStore::new()), false),
        };
        let mut times = Vec::with_capacity(RUNS);
        let mut count = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            let view = studio::roles::picker(&org_ctx)
                .await
                .expect("roles, divisions and subjects/me");
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            count = view.roles.len();
        }
        times.sort_by(f64::total_cmp);
        println!(
            "roles picker: full list of {count} roles at {} ms latency      median {:>7.0} ms  (min {:.0} – max {:.0}, {RUNS} runs)",
            LATENCY.as_millis(),
            times[RUNS / 2],
            times[0],
            times[RUNS - 1]
        );
        match peak_memory_mib() {
            Some(mib) => println!(
                "roles picker: peak memory of the process (VmHWM, the Sandbox org included) {mib:>7.0} MiB"
            ),
            None => println!("roles picker: peak memory not measured on this OS (Linux VmHWM only)"),
        }
        org.shutdown().await;
    });
}
