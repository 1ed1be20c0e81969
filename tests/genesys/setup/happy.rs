//! The guided setup's happy path: one run against the Sandbox org leaves exactly one new
//! client, one credential and one ACTIVE integration, all carrying the run marker, the secret
//! in the keychain (and working), a completed journal, and one event pair per step. A
//! credential whose secret went wrong never completes, whether Genesys then reports ERROR or
//! ACTIVE.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use ::genesys::auth::verify_client_secret;
use ::genesys::models::ReportedStateCode;
use ::genesys::secrets::Secret;
use ::genesys::setup::{
    load, plan, start, unfinished, RunStatus, SetupEvent, SetupObserver, StepKind, StepPhase,
    DEFAULT_INTEGRATION_NAME,
};
use ::genesys::ErrorKind;
use sandbox::{Variant, WrongSecret};

use super::super::world;
use super::{
    census, context, endpoints, journal_dir, marked_total, request, sign_in, store, unique,
    Recorder,
};

#[tokio::test(flavor = "multi_thread")]
async fn one_run_makes_one_client_one_credential_and_one_active_integration() {
    let w = world().await;
    let token = sign_in(&w).await;
    let before = w.org.snapshot();
    let (secrets, dir) = (store(&unique("happy")), journal_dir("happy"));
    let recorder = Arc::new(Recorder::default());
    let ctx = context(
        &w.org,
        token.clone(),
        secrets.clone(),
        dir.clone(),
        recorder.clone(),
    );
    let form = request(&w.org);

    let summary = start(&ctx, &form)
        .await
        .expect("the guided setup completes");

    let after = w.org.snapshot();
    assert_eq!(after.oauth_clients.len(), before.oauth_clients.len() + 1);
    assert_eq!(after.credentials.len(), before.credentials.len() + 1);
    assert_eq!(after.integrations.len(), before.integrations.len() + 1);
    assert_eq!(
        census(&w.org, &summary.run_id),
        (1, 1, 1),
        "each carries the marker"
    );
    assert_eq!(
        marked_total(&w.org),
        (1, 1, 1),
        "and no other run's marker exists"
    );
    let client = after
        .oauth_clients
        .iter()
        .find(|c| c.id == summary.client_id)
        .expect("client");
    assert_eq!(client.authorized_grant_type, "CLIENT-CREDENTIALS");
    assert_eq!(client.role_divisions.len(), 1);
    assert_eq!(
        client.role_divisions[0].role_id,
        form.role_divisions[0].role_id
    );
    let credential = after
        .credentials
        .iter()
        .find(|c| c.id == summary.credential_id)
        .expect("credential");
    assert_eq!(credential.type_name, "pureCloudOAuthClient");
    assert_eq!(credential.fields.get("clientId"), Some(&summary.client_id));
    let integration = after
        .integrations
        .iter()
        .find(|i| i.id == summary.integration_id)
        .expect("integration");
    assert!(
        integration.name.starts_with(DEFAULT_INTEGRATION_NAME),
        "{}",
        integration.name
    );
    assert_eq!(integration.type_id, "purecloud-data-actions");
    assert_eq!(integration.intended_state, "ENABLED");
    assert_eq!(
        integration.config.credentials.get("pureCloudOAuthClient"),
        Some(&summary.credential_id)
    );
    let live = ctx
        .client
        .integration(&summary.integration_id, &token)
        .await
        .expect("read back");
    assert_eq!(live.reported_code(), ReportedStateCode::Active);
    assert_eq!(summary.reported_state, ReportedStateCode::Active);

    // Saved means kept across restarts: true in a keychain, false in the in-memory stand-in.
    assert_eq!(summary.secret_saved, secrets.persists());
    assert!(!summary.secret_reissued && summary.adopted.is_empty());
    let secret = secrets
        .get(&summary.secret_account)
        .expect("keychain read")
        .expect("the secret is in the keychain");
    verify_client_secret(
        &endpoints(&w.org),
        &summary.client_id,
        &secret,
        Duration::from_secs(5),
    )
    .await
    .expect("the kept secret mints a token");

    let journal = load(&dir, &summary.run_id).expect("journal");
    assert_eq!(journal.status, RunStatus::Completed);
    assert_eq!(journal.secret_persisted, secrets.persists());
    assert!(journal.secret_in_store);
    assert_eq!(
        journal.created.client_id.as_deref(),
        Some(summary.client_id.as_str())
    );
    assert!(unfinished(&dir).expect("listing").is_empty());

    let events = recorder.events.lock().expect("events").clone();
    let valid = form
        .validate(&[form.role_divisions[0].clone()])
        .expect("valid");
    for step in plan(&valid)
        .iter()
        .map(|c| c.step())
        .filter(|s| *s != StepKind::Preflight)
    {
        let phases: Vec<StepPhase> = events
            .iter()
            .filter(|e| e.step == step)
            .map(|e| e.phase)
            .collect();
        assert_eq!(
            phases,
            [StepPhase::Started, StepPhase::Succeeded],
            "{step:?}"
        );
    }
    assert!(events
        .iter()
        .all(|e| e.run_id == summary.run_id && e.error.is_none()));

    secrets
        .delete(&summary.secret_account)
        .expect("keychain cleaned up");
    std::fs::remove_dir_all(&dir).ok();
}

/// Before the integration is configured, the client's secret is changed behind the run's back
/// (as another admin regenerating it would), so the credential holds a wrong one.
struct SecretChangedBehind {
    api: String,
    admin: Secret,
    client: Mutex<Option<String>>,
}

impl SetupObserver for SecretChangedBehind {
    fn event(&self, event: &SetupEvent) {
        if event.step == StepKind::CreateClient {
            if let Some(id) = &event.object_id {
                *self.client.lock().expect("client") = Some(id.clone());
            }
        }
    }
    fn checkpoint(&self, point: &str) {
        if point != "before:configureIntegration" {
            return;
        }
        let id = self
            .client
            .lock()
            .expect("client")
            .clone()
            .expect("created");
        let url = format!("{}/api/v2/oauth/clients/{id}/secret", self.api);
        let admin = self.admin.clone();
        // The observer is synchronous: the request runs on its own thread and runtime.
        std::thread::spawn(move || {
            let rt = tokio::runtime::Runtime::new().expect("a runtime");
            rt.block_on(async move {
                let answer = reqwest::Client::new()
                    .post(url)
                    .bearer_auth(admin.expose())
                    .send()
                    .await
                    .expect("answered");
                assert!(answer.status().is_success(), "{}", answer.status());
            })
        })
        .join()
        .expect("regenerated");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_secret_never_completes_whether_genesys_says_error_or_active() {
    for (form, kind) in [
        (WrongSecret::Error, ErrorKind::IntegrationError),
        (WrongSecret::Active, ErrorKind::CredentialRefused),
    ] {
        let w = world().await;
        w.org.knobs().set_variant(Variant {
            wrong_secret: form,
            ..Variant::default()
        });
        let token = sign_in(&w).await;
        let (secrets, dir) = (store(&unique("wrong-secret")), journal_dir("wrong-secret"));
        let observer = Arc::new(SecretChangedBehind {
            api: w.org.api_base_url(),
            admin: token.clone(),
            client: Mutex::new(None),
        });
        let mut ctx = context(&w.org, token, secrets.clone(), dir.clone(), observer);
        ctx.timing.verify_within = Duration::from_secs(2);
        let err = start(&ctx, &request(&w.org))
            .await
            .expect_err("a credential with a wrong secret is no success");
        assert_eq!(err.kind(), kind, "{form:?}: {err}");
        let run = unfinished(&dir).expect("listing");
        assert_eq!(run.len(), 1, "the run is left to resume or roll back");
        if let Some(account) = secrets_account(&w.org) {
            secrets.delete(&account).ok();
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}

/// The keychain account of the run's client, to clean up.
fn secrets_account(org: &sandbox::RunningSandbox) -> Option<String> {
    let prefix = ::genesys::setup::MARKER_PREFIX;
    let client = org
        .snapshot()
        .oauth_clients
        .into_iter()
        .find(|c| c.description.contains(prefix))?;
    Some(::genesys::secrets::oauth_client_secret_account(
        "sandbox", &client.id,
    ))
}
