//! The Data Actions integration through the `genesys` API against the Sandbox org:
//! install, list, read, configure the credential with the current version (409 and 408
//! recovery with Terraform's pauses, security-matrix.md C6) whatever the integration embeds, empty notes,
//! the type's `maxInstances`, enable → ACTIVATING → ACTIVE or ERROR, disable, delete and 404
//! AlreadyGone.

use std::time::Duration;

use ::genesys::api::{
    Client, ClientOptions, Removal, RetryPolicy, DATA_ACTIONS_CREDENTIAL_SLOT, DATA_ACTIONS_TYPE,
};
use ::genesys::auth::Session;
use ::genesys::models::{Integration, IntendedState, ReportedStateCode, EMPTY_NOTES_PLACEHOLDER};
use ::genesys::secrets::Secret;
use ::genesys::Error;
use sandbox::{EmbeddedConfig, FaultKind, FaultRule, Variant};

use super::api::cc_client;
use super::retries::{fast_client, fast_options};
use super::{world, World};

const SLOT: &str = DATA_ACTIONS_CREDENTIAL_SLOT;

/// A working credential: a new CC client's id and secret.
async fn good_credential(w: &World, admin: &Session, api: &Client) -> String {
    let (client_id, secret) = cc_client(w, admin).await;
    api.create_oauth_client_credential("Workshop credential", &client_id, &secret, admin.token())
        .await
        .expect("credential created")
        .id
}

async fn follow(
    api: &Client,
    id: &str,
    enabled: bool,
    token: &Secret,
) -> (Integration, Vec<ReportedStateCode>) {
    let mut codes = Vec::new();
    let mut seen = |i: &Integration| codes.push(i.reported_code());
    let last = api
        .wait_for_reported_state(id, enabled, Duration::from_secs(10), &mut seen, token)
        .await
        .expect("a final state within 10 s");
    (last, codes)
}

#[tokio::test]
async fn install_configure_activate_disable_and_delete() {
    let w = world().await;
    w.org
        .knobs()
        .set_activation_delay(Duration::from_millis(600));
    let admin = super::oauth_clients::admin(&w).await;
    let api = fast_client(&w);
    let token = admin.token();

    let installed = api
        .install_integration("  Workshop Data Actions ", Some("dip-run:r1"), token)
        .await
        .expect("installed");
    assert_eq!(installed.name, "Workshop Data Actions", "trimmed");
    assert_eq!(installed.type_id(), Some(DATA_ACTIONS_TYPE));
    assert_eq!(installed.intended_state, IntendedState::Disabled);
    assert_eq!(installed.reported_code(), ReportedStateCode::Inactive);
    assert_eq!(
        installed.embedded_config().and_then(|c| c.notes.as_deref()),
        Some("dip-run:r1"),
        "the notes (a run marker) are in the configuration"
    );
    let listed = api.data_actions_integrations(token).await.expect("list");
    assert_eq!(
        listed.iter().map(|i| &i.id).collect::<Vec<_>>(),
        [&installed.id]
    );
    assert_eq!(
        api.integration(&installed.id, token).await.expect("get"),
        listed[0]
    );

    let credential = good_credential(&w, &admin, &api).await;
    let before = api
        .integration_config(&installed.id, token)
        .await
        .expect("config");
    let config = api
        .set_integration_credential(&installed.id, Some(&credential), token)
        .await
        .expect("configured");
    assert_eq!(
        config.version,
        before.version + 1,
        "one PUT with the version read"
    );
    assert_eq!(config.credentials[SLOT].id, credential);
    assert_eq!(
        config.notes, "dip-run:r1",
        "the rest of the configuration is kept"
    );

    let enabled = api
        .set_integration_enabled(&installed.id, true, token)
        .await
        .expect("enabled");
    assert_eq!(enabled.intended_state, IntendedState::Enabled);
    let (active, codes) = follow(&api, &installed.id, true, token).await;
    assert_eq!(
        codes,
        [ReportedStateCode::Activating, ReportedStateCode::Active]
    );
    assert_eq!(active.reported_code(), ReportedStateCode::Active);
    assert_eq!(
        api.integration_credential(&installed.id, token)
            .await
            .expect("config/current"),
        Some(credential.clone())
    );

    api.set_integration_enabled(&installed.id, false, token)
        .await
        .expect("disabled");
    let (inactive, codes) = follow(&api, &installed.id, false, token).await;
    assert_eq!(codes, [ReportedStateCode::Inactive]);
    assert_eq!(inactive.intended_state, IntendedState::Disabled);

    let cleared = api
        .set_integration_credential(&installed.id, None, token)
        .await
        .expect("credential removed");
    assert!(cleared.credentials.is_empty());

    assert_eq!(
        api.delete_integration(&installed.id, token)
            .await
            .expect("delete"),
        Removal::Deleted
    );
    assert_eq!(
        api.delete_integration(&installed.id, token)
            .await
            .expect("again"),
        Removal::AlreadyGone
    );
    assert!(w.org.snapshot().integrations.is_empty());
    let err = api
        .integration(&installed.id, token)
        .await
        .expect_err("gone");
    assert!(matches!(err, Error::Api { status: 404, .. }), "{err:?}");
}

#[tokio::test]
async fn a_bad_credential_ends_in_error_with_genesys_detail() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    let api = fast_client(&w);
    let token = admin.token();
    let (client_id, _) = cc_client(&w, &admin).await;
    let wrong = api
        .create_oauth_client_credential("Wrong secret", &client_id, &Secret::new("nope"), token)
        .await
        .expect("Genesys stores any secret");
    let installed = api
        .install_integration("DA", None, token)
        .await
        .expect("installed");
    api.set_integration_credential(&installed.id, Some(&wrong.id), token)
        .await
        .expect("configured");
    api.set_integration_enabled(&installed.id, true, token)
        .await
        .expect("enabled");
    let (last, codes) = follow(&api, &installed.id, true, token).await;
    assert_eq!(codes.last(), Some(&ReportedStateCode::Error), "{codes:?}");
    let detail = last
        .reported_state
        .and_then(|s| s.detail)
        .and_then(|d| d.message)
        .expect("ERROR carries Genesys's detail message");
    assert!(detail.contains("wrong client secret"), "{detail}");
}

#[tokio::test]
async fn c6_config_put_recovers_from_an_injected_409_and_a_real_version_race() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    let api = fast_client(&w);
    let token = admin.token();
    let installed = api
        .install_integration("DA", None, token)
        .await
        .expect("installed");
    let credential = good_credential(&w, &admin, &api).await;
    let path = "/api/v2/integrations/{integrationId}/config/current";
    w.org.knobs().add_fault(FaultRule {
        method: Some("PUT".into()),
        path: path.into(),
        kind: FaultKind::Status {
            status: 409,
            retry_after: None,
        },
        after: 0,
        times: Some(3),
    });
    let config = api
        .set_integration_credential(&installed.id, Some(&credential), token)
        .await
        .expect("the fourth PUT, after re-reading, succeeds");
    assert_eq!(config.credentials[SLOT].id, credential);

    // A real race: eight writers at once, each GET → PUT; with latency their GETs overlap, so
    // most PUTs carry a version another writer has just used and answer 409. Every writer
    // must land exactly once (the version moves by eight), whatever the interleaving.
    let id = installed.id.clone();
    let start = api
        .integration_config(&id, token)
        .await
        .expect("config")
        .version;
    w.org.knobs().set_latency(Duration::from_millis(30));
    let writers: Vec<_> = (0..8)
        .map(|n| {
            let (api, id, token) = (api.clone(), id.clone(), token.clone());
            let credential = (n % 2 == 0).then(|| credential.clone());
            tokio::spawn(async move {
                api.set_integration_credential(&id, credential.as_deref(), &token)
                    .await
            })
        })
        .collect();
    for writer in writers {
        writer
            .await
            .expect("no panic")
            .expect("each writer lands after re-reading");
    }
    w.org.knobs().set_latency(Duration::ZERO);
    let end = api
        .integration_config(&id, token)
        .await
        .expect("config")
        .version;
    assert_eq!(end, start + 8, "each writer's PUT landed exactly once");

    // Always conflicting: at most 10 attempts, then Genesys's 409 with its contextId.
    w.org.knobs().add_fault(FaultRule {
        method: Some("PUT".into()),
        path: path.into(),
        kind: FaultKind::Status {
            status: 409,
            retry_after: None,
        },
        after: 0,
        times: None,
    });
    let err = api
        .set_integration_credential(&id, Some(&credential), token)
        .await
        .expect_err("gives up");
    assert!(matches!(err, Error::Api { status: 409, .. }), "{err:?}");
    assert!(err.context_id().is_some());
}

#[tokio::test]
async fn every_data_actions_integration_is_listed_and_the_eleventh_is_refused() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    let api = fast_client(&w);
    for n in 0..::genesys::api::MAX_DATA_ACTIONS_INTEGRATIONS {
        api.install_integration(&format!("DA {n}"), None, admin.token())
            .await
            .expect("within the limit");
    }
    let err = api
        .install_integration("DA 11", None, admin.token())
        .await
        .expect_err("the limit");
    assert!(matches!(err, Error::Api { status: 400, .. }), "{err:?}");
    assert!(err.context_id().is_some());
    let listed = api
        .data_actions_integrations(admin.token())
        .await
        .expect("list");
    assert_eq!(listed.len(), 10);
    assert_eq!(
        w.org.snapshot().integrations.len(),
        10,
        "the refused one was not created"
    );
}

#[tokio::test]
async fn the_credential_and_version_come_from_config_current_whatever_is_embedded() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    let api = fast_client(&w);
    let token = admin.token();
    let credential = good_credential(&w, &admin, &api).await;
    for form in [
        EmbeddedConfig::Complete,
        EmbeddedConfig::Stub,
        EmbeddedConfig::Absent,
    ] {
        w.org.knobs().set_variant(Variant {
            embedded_config: form,
            ..Variant::default()
        });
        let installed = api
            .install_integration("DA", None, token)
            .await
            .expect("installed");
        let config = api
            .set_integration_credential(&installed.id, Some(&credential), token)
            .await
            .expect("the version comes from config/current");
        assert_eq!(config.credentials[SLOT].id, credential, "{form:?}");
        let read = api.integration(&installed.id, token).await.expect("parses");
        let embedded = read.embedded_config();
        assert_eq!(
            (embedded.is_some(), embedded.and_then(|c| c.version)),
            match form {
                EmbeddedConfig::Complete => (true, Some(config.version)),
                EmbeddedConfig::Stub => (true, None),
                EmbeddedConfig::Absent => (false, None),
            },
            "{form:?}"
        );
        let listed = api.data_actions_integrations(token).await.expect("listed");
        assert!(listed.iter().any(|i| i.id == installed.id), "{form:?}");
        assert_eq!(
            api.integration_credential(&installed.id, token)
                .await
                .expect("config/current"),
            Some(credential.clone()),
            "{form:?}"
        );
        api.set_integration_credential(&installed.id, None, token)
            .await
            .expect("and removed again");
    }
}

#[tokio::test]
async fn notes_genesys_stores_as_its_placeholder_are_empty_and_written_back_empty() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    let api = fast_client(&w);
    let token = admin.token();
    let installed = api
        .install_integration("DA", None, token)
        .await
        .expect("installed");
    let raw: serde_json::Value = admin
        .client()
        .get(
            &format!("/api/v2/integrations/{}/config/current", installed.id),
            token,
        )
        .await
        .expect("raw");
    assert_eq!(
        raw["notes"], EMPTY_NOTES_PLACEHOLDER,
        "what the Sandbox answers"
    );
    assert_eq!(installed.notes.as_deref(), Some(""));
    let config = api
        .integration_config(&installed.id, token)
        .await
        .expect("config");
    assert_eq!(config.notes, "");
    api.set_integration_credential(&installed.id, None, token)
        .await
        .expect("written back");
    assert_eq!(
        w.org.snapshot().integrations[0].config.notes,
        "",
        "the placeholder is not stored as notes"
    );
}

#[tokio::test]
async fn c6_conflicts_wait_as_terraform_does_and_408_is_one() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    let token = admin.token();
    // Terraform's own pauses (500 ms more after each conflict, Retry-After up to 120 s).
    let options = ClientOptions {
        retry: RetryPolicy {
            conflict_step: ::genesys::api::retry::CONFLICT_STEP,
            max_retry_after: ::genesys::api::retry::MAX_WAIT,
            ..fast_options().retry
        },
        ..fast_options()
    };
    let api = Client::with_options(w.endpoints(), options).expect("a client");
    let installed = api
        .install_integration("DA", None, token)
        .await
        .expect("installed");
    let path = "/api/v2/integrations/{integrationId}/config/current";
    let conflict = |status, retry_after| FaultRule {
        method: Some("PUT".into()),
        path: path.into(),
        kind: FaultKind::Status {
            status,
            retry_after,
        },
        after: 0,
        times: Some(3),
    };
    // Paused time: the pauses are measured on tokio's clock, never the wall clock.
    tokio::time::pause();
    let start = api
        .integration_config(&installed.id, token)
        .await
        .expect("config")
        .version;
    w.org.knobs().add_fault(conflict(408, None));
    let before = tokio::time::Instant::now();
    let config = api
        .set_integration_credential(&installed.id, None, token)
        .await
        .expect("three 408s, then the PUT lands");
    let waited = before.elapsed();
    assert_eq!(config.version, start + 1, "one PUT ran");
    assert!(
        waited >= Duration::from_millis(500 + 1000 + 1500),
        "0.5 s, 1 s, 1.5 s between re-reads: {waited:?}"
    );
    w.org.knobs().add_fault(conflict(409, Some(7)));
    let before = tokio::time::Instant::now();
    api.set_integration_credential(&installed.id, None, token)
        .await
        .expect("three 409s with Retry-After: 7");
    assert!(
        before.elapsed() >= Duration::from_secs(21),
        "Retry-After is honoured: {:?}",
        before.elapsed()
    );
}

/// A Sandbox org whose Data Actions type says `maxInstances` (or nothing) as `max` does, and
/// its state file (to delete once done).
async fn world_with_max_instances(max: Option<u64>) -> (World, std::path::PathBuf) {
    let seeded = world().await;
    let mut org = seeded.org.snapshot();
    for kind in &mut org.integration_types {
        if kind["id"] == DATA_ACTIONS_TYPE {
            match max {
                Some(n) => kind["maxInstances"] = n.into(),
                None => {
                    kind.as_object_mut().map(|k| k.remove("maxInstances"));
                }
            }
        }
    }
    let file = std::env::temp_dir().join(format!(
        "dip-studio-max-instances-{}-{}.json",
        std::process::id(),
        max.unwrap_or(0)
    ));
    std::fs::write(&file, serde_json::to_vec(&org).expect("json")).expect("a state file");
    let org = sandbox::Sandbox::start(sandbox::SandboxOptions {
        state_file: Some(file.clone()),
        consistency_delay: Duration::ZERO,
        ..sandbox::SandboxOptions::default()
    })
    .await
    .expect("the Sandbox org starts from the state file");
    let world = World {
        org,
        browser: seeded.browser,
    };
    (world, file)
}

#[tokio::test]
async fn the_limit_is_the_integration_types_max_instances_and_ten_without_one() {
    for (max, limit) in [
        (Some(3), 3),
        (None, ::genesys::api::MAX_DATA_ACTIONS_INTEGRATIONS),
    ] {
        let (w, file) = world_with_max_instances(max).await;
        let admin = super::oauth_clients::admin(&w).await;
        let api = fast_client(&w);
        let token = admin.token();
        assert_eq!(
            api.data_actions_limit(token).await.expect("the type"),
            limit
        );
        let report = ::genesys::setup::preflight(
            &api,
            token,
            std::sync::Arc::new(::genesys::secrets::MemoryStore::new()),
        )
        .await
        .expect("preflight");
        assert_eq!(report.max_integrations, limit, "the guided setup's limit");
        if max.is_some() {
            for n in 0..limit {
                api.install_integration(&format!("DA {n}"), None, token)
                    .await
                    .expect("within maxInstances");
            }
            let err = api
                .install_integration("one too many", None, token)
                .await
                .expect_err("the Sandbox enforces maxInstances");
            assert!(matches!(err, Error::Api { status: 400, .. }), "{err:?}");
        }
        w.org.shutdown().await;
        std::fs::remove_file(&file).ok();
    }
}
