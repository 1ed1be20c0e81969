//! The live suite: the conformance scenarios of `genesys::conformance` against a real org
//! (signed in through the system browser, or with a client-credentials id and secret from the
//! environment), or against an in-process Sandbox org so that the same path runs in CI.

mod args;
mod practice;
mod signin;

use std::path::PathBuf;
use std::sync::Arc;

use genesys::api::Client;
use genesys::auth::{Grant, Session};
use genesys::conformance::{self, Report, Scope};
use genesys::secrets::MemoryStore;
use genesys::setup::{draft, NoObserver, SetupContext, SetupTiming};

pub use args::{Args, Target, USAGE};
pub use practice::{endpoints as sandbox_endpoints, sign_in_as_practice_admin};

/// Where reports and the suite's own setup journals go.
pub fn out_dir() -> PathBuf {
    let root = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            // The workspace's target folder: this crate is at src-tauri/live.
            let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
            manifest
                .ancestors()
                .nth(2)
                .unwrap_or(manifest)
                .join("target")
        });
    root.join("live")
}

/// Signs in as `args` says, checks the org is the one confirmed, then runs the whole suite.
/// The report is returned even when checks failed; an `Err` means nothing could be checked.
pub async fn run(args: &Args) -> Result<Report, String> {
    let (session, _sandbox) = signin::session(args).await?;
    let info = session.info();
    if let Target::Region { org_confirm, .. } = &args.target {
        if &info.org_name != org_confirm {
            let _ = session.sign_out().await;
            return Err(format!(
                "signed in to the org \"{}\", not \"{org_confirm}\": nothing was checked (pass --org-confirm with the exact org name)",
                info.org_name
            ));
        }
    }
    eprintln!(
        "live: signed in to \"{}\" ({}) as {}",
        info.org_name,
        info.region_code,
        info.user_email
            .as_deref()
            .unwrap_or("a client-credentials client")
    );
    let report = suite(&session, args).await;
    let _ = session.sign_out().await;
    Ok(report)
}

async fn suite(session: &Session, args: &Args) -> Report {
    let journal_dir = out_dir().join("journal");
    if let Err(e) = std::fs::create_dir_all(&journal_dir) {
        let mut report = Report::default();
        report.checks.push(conformance::Check::skipped(
            "guided setup",
            &format!("cannot make {}: {e}", journal_dir.display()),
        ));
        return report;
    }
    let user = session.info().grant != Grant::ClientCredentials;
    let client: Client = session.client().clone();
    let form = if user && !args.read_only {
        draft(&client, session.token())
            .await
            .ok()
            .filter(|d| d.suggested.is_some())
            .map(|d| d.request)
    } else {
        None
    };
    let ctx = SetupContext {
        client,
        token: session.token().clone(),
        target: session.info().region_code,
        // The suite's client secret lives only for the run: the roll back deletes the client.
        secrets: Arc::new(MemoryStore::new()),
        journal_dir,
        observer: Arc::new(NoObserver),
        timing: SetupTiming::default(),
        cancel: ::genesys::setup::CancelSignal::new(),
    };
    let scope = Scope {
        // The guided setup needs a user: a client-credentials token has no roles to grant.
        guided_setup: user && !args.read_only,
        ungrantable_role: user && !args.read_only,
    };
    conformance::run(&ctx, form.as_ref(), scope).await
}
