//! Conformance: the app's core paths run against any org — the Sandbox in each of its variants
//! (the test matrix) or a real org (`cargo xtask live`) — and probes that say which form of
//! each behaviour no public source pins down the org showed. Nothing here is created without
//! the guided setup's run marker, and [`run`] rolls back what it made even after a failure.

mod checks;
mod probes;
mod report;

use std::time::Instant;

pub use checks::read_only;
pub use probes::{probe_org, probe_setup, ungrantable_role};
pub use report::{Check, Observation, Outcome, Report};

use crate::setup::{self, SetupContext, SetupRequest};

/// What [`run`] does beyond the read-only checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    /// Run the guided setup (marked objects), probe what it made, then roll it all back.
    pub guided_setup: bool,
    /// Try to create a client with a role the user does not hold (refused by Genesys; if an org
    /// accepted it, the client carries the marker and is deleted at once).
    pub ungrantable_role: bool,
}

/// The whole suite on one org: read-only checks, the org probes, then (per `scope`) the guided
/// setup with its probes and a full roll back. `request` is the setup's form (its role must be
/// one the user holds); without one the setup is skipped and said so.
pub async fn run(ctx: &SetupContext, request: Option<&SetupRequest>, scope: Scope) -> Report {
    let mut report = Report::default();
    report
        .checks
        .extend(read_only(&ctx.client, &ctx.token).await);
    report
        .observations
        .extend(probe_org(&ctx.client, &ctx.token).await);
    if scope.ungrantable_role {
        let (check, seen) = ungrantable_role(&ctx.client, &ctx.token).await;
        report.checks.push(check);
        report.observations.extend(seen);
    }
    if !scope.guided_setup {
        return report;
    }
    let Some(request) = request else {
        report.checks.push(Check::skipped(
            "guided setup",
            "no role the signed-in user holds can be given to the new client",
        ));
        return report;
    };
    let started = Instant::now();
    let run_id = match setup::start(ctx, request).await {
        Ok(summary) => {
            report.checks.push(Check::timed(
                "guided setup",
                started,
                Ok(format!(
                    "client, credential and integration made; integration {:?}{}",
                    summary.reported_state,
                    match &summary.action_id {
                        Some(id) => format!("; data action {id} tested and published"),
                        None => String::new(),
                    }
                )),
            ));
            report.observations.extend(probe_setup(ctx, &summary).await);
            Some(summary.run_id)
        }
        Err(error) => {
            report
                .checks
                .push(Check::timed("guided setup", started, Err(error)));
            newest_unfinished(ctx)
        }
    };
    if let Some(run_id) = run_id {
        let started = Instant::now();
        let outcome = setup::roll_back(ctx, &run_id)
            .await
            .map(|done| format!("{} objects removed", done.removed.len()));
        report
            .checks
            .push(Check::timed("roll back", started, outcome));
    }
    report
}

/// After a failed start, the run it left (the journal folder is the suite's own).
fn newest_unfinished(ctx: &SetupContext) -> Option<String> {
    setup::unfinished(&ctx.journal_dir)
        .ok()?
        .into_iter()
        .find_map(|found| match found {
            setup::FoundJournal::Run { journal } => Some(journal.run_id),
            _ => None,
        })
}
