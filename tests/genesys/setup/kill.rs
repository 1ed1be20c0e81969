//! The kill test (security-matrix.md D1, D2): the guided setup runs in a child process (this test
//! binary re-run on `kill_child`) that prints `checkpoint <name>` and waits on stdin at every
//! checkpoint; the parent SIGKILLs it at one named point, then resumes or rolls back the run
//! in-process. At each of 41 points (the data action part's included), both ways: 0 orphans, 0 duplicates, the journal final,
//! the secret in the keychain after a resume (re-issued when the kill lost it), exactly one
//! published action after a resume and none after a roll back. A roll back
//! killed midway is offered only to be finished (Resume is refused), and finishing it leaves
//! nothing.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;

use ::genesys::api::Client;
use ::genesys::models::ReportedStateCode;
use ::genesys::secrets::{oauth_client_secret_account, Secret};
use ::genesys::setup::{
    load, resume, roll_back, start, unfinished, FoundJournal, RunStatus, SetupContext, SetupEvent,
    SetupObserver,
};
use ::genesys::Endpoints;

use super::super::world;
use super::marked_actions;
use super::{
    context, fast_options, fast_timing, journal_dir, marked_total, request, sign_in, store, unique,
    Recorder,
};

/// Every checkpoint a fresh run passes, in order (the client and integration branches run side
/// by side, so their points interleave; each is still reached exactly once).
const POINTS: [&str; 41] = [
    "journal:run:started",
    "journal:createClient:intent",
    "before:createClient",
    "after:createClient",
    "journal:createClient:done",
    "before:keychainWrite",
    "after:keychainWrite",
    "journal:secret:persisted",
    "journal:storeSecret:done",
    "before:verifySecret",
    "after:verifySecret",
    "journal:verifySecret:done",
    "journal:createCredential:intent",
    "before:createCredential",
    "after:createCredential",
    "journal:createCredential:done",
    "journal:installIntegration:intent",
    "before:installIntegration",
    "after:installIntegration",
    "journal:installIntegration:done",
    "journal:configureIntegration:intent",
    "before:configureIntegration",
    "after:configureIntegration",
    "journal:configureIntegration:done",
    "journal:enableIntegration:intent",
    "before:enableIntegration",
    "after:enableIntegration",
    "journal:enableIntegration:done",
    "journal:waitForActive:done",
    "journal:createAction:intent",
    "before:createAction",
    "after:createAction",
    "journal:createAction:done",
    "before:testAction",
    "after:testAction",
    "journal:testAction:done",
    "journal:publishAction:intent",
    "before:publishAction",
    "after:publishAction",
    "journal:publishAction:done",
    "journal:run:completed",
];

/// Kill points after the client exists and before its secret reached the keychain (D2).
const SECRET_LOST: [&str; 3] = [
    "after:createClient",
    "journal:createClient:done",
    "before:keychainWrite",
];

const ENV: &str = "DIP_SETUP_KILL_CHILD";

/// The suite's short request timeout, stretched for this test: six kills run side by side, each
/// with its child process, next to the rest of the tests on two cores, so a healthy answer can
/// outlast 800 ms there, and a timed-out create would test the machine's load instead of the
/// kill. No Sandbox fault is set here, so nothing needs the short timeout.
fn kill_options() -> ::genesys::api::ClientOptions {
    ::genesys::api::ClientOptions {
        request_timeout: std::time::Duration::from_secs(5),
        ..fast_options()
    }
}

/// The child's side: prints each checkpoint and waits for the parent's go.
struct StdinGate;

impl SetupObserver for StdinGate {
    fn event(&self, _event: &SetupEvent) {}
    fn checkpoint(&self, point: &str) {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "\ncheckpoint {point}");
        let _ = out.flush();
        drop(out);
        let mut go = String::new();
        let _ = std::io::stdin().lock().read_line(&mut go);
    }
}

/// Run only by the kill test: a setup run configured by environment variables.
#[test]
#[ignore = "the kill test's child process; run by kill::every_kill_point_resumes_or_rolls_back_cleanly"]
fn kill_child() {
    let var = |name: &str| {
        std::env::var(format!("{ENV}_{name}"))
            .unwrap_or_else(|_| panic!("{ENV}_{name}: run by the kill test only"))
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let endpoints = Endpoints {
            login_base: var("LOGIN"),
            api_base: var("API"),
        };
        let ctx = SetupContext {
            client: Client::with_options(endpoints, kill_options()).expect("client"),
            token: Secret::new(var("TOKEN")),
            target: "sandbox".to_owned(),
            secrets: store(&var("SERVICE")),
            journal_dir: PathBuf::from(var("DIR")),
            observer: Arc::new(StdinGate),
            timing: fast_timing(),
            cancel: ::genesys::setup::CancelSignal::new(),
        };
        let again = |mode: &str| std::env::var_os(format!("{ENV}_{mode}")).is_some();
        if again("RESUME") || again("ROLLBACK") {
            let run_id = match unfinished(&ctx.journal_dir).expect("journals").as_slice() {
                [FoundJournal::Run { journal }] => journal.run_id.clone(),
                other => panic!("one unfinished run: {other:?}"),
            };
            if again("ROLLBACK") {
                let _ = roll_back(&ctx, &run_id).await;
            } else {
                let _ = resume(&ctx, &run_id).await;
            }
            return;
        }
        let request: ::genesys::setup::SetupRequest =
            serde_json::from_str(&var("REQUEST")).expect("request");
        let _ = start(&ctx, &request).await;
    });
}

/// Runs the child until it reports `point`, then SIGKILLs it. `false` if it never got there.
fn run_child_until(env: Vec<(String, String)>, point: &str) -> bool {
    let exe = std::env::current_exe().expect("this test binary");
    let mut child = Command::new(exe)
        .args([
            "genesys::setup::kill::kill_child",
            "--exact",
            "--nocapture",
            "--ignored",
            "--test-threads=1",
        ])
        .envs(env)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the child starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = BufReader::new(child.stdout.take().expect("stdout"));
    for line in stdout.lines() {
        let Ok(line) = line else { break };
        let Some(reached) = line.rsplit_once("checkpoint ").map(|(_, p)| p) else {
            continue;
        };
        if reached == point {
            child.kill().expect("SIGKILL");
            child.wait().expect("reaped");
            return true;
        }
        if stdin.write_all(b"\n").and_then(|()| stdin.flush()).is_err() {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    false
}

/// One kill: at `point`, then resume (`true`) or roll back. `Err` says what is wrong.
async fn one(point: &'static str, resuming: bool) -> Result<(), String> {
    chained(&[point], resuming).await
}

/// Kills a run at `points[0]`, then kills a resuming child at each next point, then resumes
/// or rolls back in-process.
async fn chained(points: &[&'static str], resuming: bool) -> Result<(), String> {
    killed(points, resuming, "RESUME").await
}

/// Kill points of a roll back (run by a child after the run itself was killed with all three
/// objects made): each leaves a journal that says the roll back started.
/// [`ACTION_ROLL_BACK_POINTS`] are those of a run killed with its action made too.
const ROLL_BACK_POINTS: [&str; 4] = [
    "journal:rollBack:started",
    "journal:removed:installIntegration",
    "journal:removed:createCredential",
    "journal:removed:createClient",
];
const ACTION_ROLL_BACK_POINTS: [&str; 2] = [
    "journal:removed:createAction",
    "journal:removed:installIntegration",
];

/// The run killed at `points[0]`, then children doing `mode` (RESUME or ROLLBACK) killed at
/// each next point; then resumed or rolled back in-process. A roll back killed midway must be
/// refused a resume before it is finished.
async fn killed(points: &[&'static str], resuming: bool, mode: &str) -> Result<(), String> {
    let point = points[0];
    let w = world().await;
    let token = sign_in(&w).await;
    let (service, dir) = (unique("kill"), journal_dir("kill"));
    let form = serde_json::to_string(&request(&w.org)).map_err(|e| e.to_string())?;
    let env: Vec<(String, String)> = [
        ("LOGIN", w.org.login_base_url()),
        ("API", w.org.api_base_url()),
        ("TOKEN", token.expose().to_owned()),
        ("SERVICE", service.clone()),
        ("DIR", dir.display().to_string()),
        ("REQUEST", form),
    ]
    .into_iter()
    .map(|(k, v)| (format!("{ENV}_{k}"), v))
    .collect();
    let env_again = env.clone();
    let reached = tokio::task::spawn_blocking(move || run_child_until(env, point))
        .await
        .map_err(|e| e.to_string())?;
    if !reached {
        return Err("the child never reached the point".into());
    }
    for next in &points[1..] {
        let mut env = env_again.clone();
        env.push((format!("{ENV}_{mode}"), "1".to_owned()));
        let next = *next;
        let reached = tokio::task::spawn_blocking(move || run_child_until(env, next))
            .await
            .map_err(|e| e.to_string())?;
        if !reached {
            return Err(format!("the resuming child never reached {next}"));
        }
    }
    let secrets = store(&service);
    let mut ctx = context(
        &w.org,
        token,
        secrets.clone(),
        dir.clone(),
        Arc::new(Recorder::default()),
    );
    ctx.client = Client::with_options(super::endpoints(&w.org), kill_options())
        .map_err(|e| e.to_string())?;
    let run_id = match unfinished(&dir).map_err(|e| e.to_string())?.as_slice() {
        [FoundJournal::Run { journal }] => {
            let run_id = journal.run_id.clone();
            if mode == "ROLLBACK" {
                if journal.status != RunStatus::RollingBack {
                    return Err(format!(
                        "the journal says {:?}, not rolling back",
                        journal.status
                    ));
                }
                if resume(&ctx, &run_id).await.is_ok() {
                    return Err("a half rolled-back run was resumed".into());
                }
            }
            if resuming {
                let summary = resume(&ctx, &run_id)
                    .await
                    .map_err(|e| format!("resume: {e}"))?;
                if SECRET_LOST.contains(&point) && !summary.secret_reissued {
                    return Err("the lost secret was not re-issued".into());
                }
            } else {
                roll_back(&ctx, &run_id)
                    .await
                    .map_err(|e| format!("roll back: {e}"))?;
            }
            run_id
        }
        [] => {
            // Killed after the last journal write: the run is complete already.
            let names: Vec<_> = std::fs::read_dir(&dir)
                .map_err(|e| e.to_string())?
                .flatten()
                .collect();
            let name = names
                .iter()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .find(|n| n.ends_with(".json"))
                .ok_or("no journal at all")?;
            let run_id = name
                .trim_start_matches("setup-run-")
                .trim_end_matches(".json")
                .to_owned();
            if !resuming {
                roll_back(&ctx, &run_id)
                    .await
                    .map_err(|e| format!("roll back: {e}"))?;
            }
            run_id
        }
        other => return Err(format!("unexpected journals: {other:?}")),
    };
    let journal = load(&dir, &run_id).map_err(|e| e.to_string())?;
    let account = journal
        .created
        .client_id
        .as_deref()
        .map(|id| oauth_client_secret_account("sandbox", id));
    let kept = match &account {
        Some(a) => secrets.get(a).map_err(|e| e.to_string())?,
        None => None,
    };
    let total = marked_total(&w.org);
    let actions = marked_actions(&w.org);
    if resuming {
        expect(
            actions.len() == 1 && actions[0].1,
            &format!("one published action, found {actions:?}"),
        )?;
        expect(
            journal.created.action_id.as_deref() == Some(actions[0].0.as_str()),
            "the journal names the action",
        )?;
        expect(journal.status == RunStatus::Completed, "journal completed")?;
        expect(total == (1, 1, 1), &format!("one of each, found {total:?}"))?;
        let id = journal.created.integration_id.clone().unwrap_or_default();
        let live = ctx
            .client
            .integration(&id, &ctx.token)
            .await
            .map_err(|e| e.to_string())?;
        expect(live.reported_code() == ReportedStateCode::Active, "ACTIVE")?;
        // The in-memory stand-in (no session bus) dies with the child; the real keychain does not.
        let shared_store = super::secret_service_expected();
        expect(
            kept.is_some() || !shared_store,
            "the secret is in the keychain",
        )?;
    } else {
        expect(
            journal.status == RunStatus::RolledBack,
            "journal rolled back",
        )?;
        expect(
            total == (0, 0, 0),
            &format!("nothing left, found {total:?}"),
        )?;
        expect(kept.is_none(), "no keychain entry left")?;
        expect(
            actions.is_empty(),
            &format!("no action left, found {actions:?}"),
        )?;
    }
    expect(
        unfinished(&dir).map_err(|e| e.to_string())?.is_empty(),
        "nothing unfinished",
    )?;
    if let Some(account) = account {
        secrets.delete(&account).map_err(|e| e.to_string())?;
    }
    std::fs::remove_dir_all(&dir).ok();
    Ok(())
}

fn expect(ok: bool, what: &str) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(what.to_owned())
    }
}

/// The kill points to try: all of them, or the one named by `DIP_KILL_ONLY` while debugging.
fn points() -> Vec<&'static str> {
    let only = std::env::var("DIP_KILL_ONLY").ok();
    POINTS
        .iter()
        .copied()
        .filter(|p| only.as_deref().is_none_or(|o| o == *p))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_kill_point_resumes_or_rolls_back_cleanly() {
    let mut failures = Vec::new();
    let points = points();
    for resuming in [true, false] {
        // A few kills side by side: each has its own Sandbox org, journal folder and keychain
        // service.
        for chunk in points.chunks(6) {
            let handles: Vec<_> = chunk
                .iter()
                .map(|p| (*p, tokio::spawn(one(p, resuming))))
                .collect();
            for (point, handle) in handles {
                if let Err(why) = handle.await.expect("no panic") {
                    let then = if resuming { "resume" } else { "roll back" };
                    failures.push(format!("{point} then {then}: {why}"));
                }
            }
        }
    }
    // A resume killed while it re-issues the lost secret, then resumed again (D2 twice over).
    let twice = [
        ("after:createClient", "before:regenerateSecret"),
        ("after:createClient", "after:regenerateSecret"),
        ("journal:createClient:done", "journal:secret:reissued"),
        ("before:keychainWrite", "after:keychainWrite"),
    ];
    for (first, next) in twice {
        if let Err(why) = chained(&[first, next], true).await {
            failures.push(format!(
                "{first}, then {next} while resuming, then resume: {why}"
            ));
        }
    }
    // A roll back killed at each of its journal writes, then finished in-process.
    for point in ROLL_BACK_POINTS {
        let points = ["journal:enableIntegration:done", point];
        if let Err(why) = killed(&points, false, "ROLLBACK").await {
            failures.push(format!(
                "a roll back killed at {point}, then finished: {why}"
            ));
        }
    }
    for point in ACTION_ROLL_BACK_POINTS {
        let points = ["journal:createAction:done", point];
        if let Err(why) = killed(&points, false, "ROLLBACK").await {
            failures.push(format!(
                "a roll back of a run with its action, killed at {point}, then finished: {why}"
            ));
        }
    }
    println!(
        "kill test: {} points × (resume, roll back) + {} kills of a resume re-issuing the secret + {} kills of a roll back; {} failed",
        points.len(),
        twice.len(),
        ROLL_BACK_POINTS.len() + ACTION_ROLL_BACK_POINTS.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
