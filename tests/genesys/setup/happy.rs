//! The guided setup's happy path: one run against the Sandbox org leaves exactly one new
//! client, one credential and one ACTIVE integration, all carrying the run marker, the secret
//! in the keychain (and working), a completed journal, and one event pair per step.

use std::sync::Arc;
use std::time::Duration;

use ::genesys::auth::verify_client_secret;
use ::genesys::models::ReportedStateCode;
use ::genesys::setup::{
    load, plan, start, unfinished, RunStatus, StepKind, StepPhase, DEFAULT_INTEGRATION_NAME,
};

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

    assert!(summary.secret_saved && !summary.secret_reissued && summary.adopted.is_empty());
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
    assert!(journal.secret_persisted);
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
