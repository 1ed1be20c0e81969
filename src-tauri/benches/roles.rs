//! `cargo bench --bench roles` (printed by `cargo xtask bench`): the time to the full roles
//! list of the picker over real HTTP — 5,000 extra roles in a Sandbox org answering every
//! request after 50 ms — as the `authorization_roles` command reads it (every role page,
//! the divisions and `subjects/me` at once). Prints numbers; asserts nothing about time.

use std::time::{Duration, Instant};

use sandbox::{Sandbox, SandboxOptions};

mod sandbox_sign_in;
use sandbox_sign_in::sign_in;

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
        let (client, token) = (session.client(), session.token());
        let mut times = Vec::with_capacity(RUNS);
        let mut count = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            let (roles, _, _) = tokio::try_join!(
                client.roles(token),
                client.divisions(token),
                client.subject_me(token)
            )
            .expect("roles, divisions and subjects/me");
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            count = roles.len();
        }
        times.sort_by(f64::total_cmp);
        println!(
            "roles picker: full list of {count} roles at {} ms latency      median {:>7.0} ms  (min {:.0} – max {:.0}, {RUNS} runs)",
            LATENCY.as_millis(),
            times[RUNS / 2],
            times[0],
            times[RUNS - 1]
        );
        org.shutdown().await;
    });
}
