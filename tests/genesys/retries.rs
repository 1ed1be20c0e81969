//! The client's retries against the Sandbox org (security-matrix.md C1, C4, C12, and its HTTP numbers): GET, PUT, PATCH
//! and DELETE are sent again after 500/502/503, a connection reset, a hang past the request
//! timeout or a 429 with or without `Retry-After`; exhausted retries fail with the last
//! answer's `contextId`; 4xx and POST are never retried. Backoff is milliseconds here through
//! `RetryPolicy`, except where paused time measures the app's own waits.

use std::time::Duration;

use ::genesys::api::{Client, ClientOptions, Removal, RetryPolicy};
use ::genesys::secrets::Secret;
use ::genesys::Error;
use sandbox::{FaultKind, FaultRule, RetryAfter, Variant};

use super::{world, World};

/// Short timeouts and millisecond backoff, so fault tests run fast.
pub fn fast_options() -> ClientOptions {
    ClientOptions {
        request_timeout: Duration::from_secs(2),
        connect_timeout: Duration::from_secs(2),
        retry: RetryPolicy {
            max_attempts: 5,
            base: Duration::from_millis(5),
            max: Duration::from_millis(40),
            max_retry_after: Duration::from_secs(1),
            conflict_step: Duration::from_millis(5),
            max_throttled: Duration::from_secs(10),
        },
        read_after_create_within: Duration::from_secs(2),
        ..ClientOptions::default()
    }
}

/// A client of the Sandbox org with [`fast_options`].
pub fn fast_client(w: &World) -> Client {
    Client::with_options(w.endpoints(), fast_options()).expect("a client")
}

fn fault(method: &str, path: &str, kind: FaultKind, after: u32, times: Option<u32>) -> FaultRule {
    FaultRule {
        method: Some(method.into()),
        path: path.into(),
        kind,
        after,
        times,
    }
}

fn status(status: u16) -> FaultKind {
    FaultKind::Status {
        status,
        retry_after: None,
    }
}

const ONE: &str = "/api/v2/integrations/{integrationId}";
const CONFIG: &str = "/api/v2/integrations/{integrationId}/config/current";

async fn installed(w: &World, token: &Secret) -> (Client, String) {
    let api = fast_client(w);
    let id = api
        .install_integration("DA", None, token)
        .await
        .expect("installed")
        .id;
    (api, id)
}

#[tokio::test]
async fn c1_idempotent_requests_survive_5xx_resets_and_hangs() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    let token = admin.token();
    let (api, id) = installed(&w, token).await;
    let knobs = w.org.knobs();
    for kind in [
        status(500),
        status(502),
        status(503),
        FaultKind::ConnectionReset,
        FaultKind::Hang,
        FaultKind::CutBody,
    ] {
        knobs.clear_faults();
        knobs.add_fault(fault("GET", ONE, kind.clone(), 0, Some(2)));
        let read = api.integration(&id, token).await;
        assert_eq!(
            read.map(|i| i.id).ok().as_deref(),
            Some(id.as_str()),
            "GET after two {kind:?}"
        );
    }
    knobs.clear_faults();

    let version = api
        .integration_config(&id, token)
        .await
        .expect("config")
        .version;
    knobs.add_fault(fault("PUT", CONFIG, status(503), 0, Some(2)));
    let config = api
        .set_integration_credential(&id, None, token)
        .await
        .expect("PUT after two 503");
    assert_eq!(config.version, version + 1, "the PUT ran once");

    knobs.add_fault(fault("PATCH", ONE, FaultKind::ConnectionReset, 0, Some(1)));
    api.set_integration_enabled(&id, true, token)
        .await
        .expect("PATCH after a reset");

    knobs.add_fault(fault("DELETE", ONE, status(500), 0, Some(3)));
    assert_eq!(
        api.delete_integration(&id, token)
            .await
            .expect("DELETE after three 500"),
        Removal::Deleted
    );
    assert!(w.org.snapshot().integrations.is_empty());
}

#[tokio::test]
async fn c1_exhausted_retries_fail_with_the_last_answers_context_id() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    let token = admin.token();
    let (api, id) = installed(&w, token).await;
    let knobs = w.org.knobs();
    // Four 500s, then a 503 for the fifth and last attempt: the error is that 503's.
    knobs.add_fault(fault("GET", ONE, status(500), 0, Some(4)));
    // (`times: None` here: the Sandbox's `after` with `times` overflows in knobs.rs.)
    knobs.add_fault(fault("GET", ONE, status(503), 4, None));
    let err = api
        .integration(&id, token)
        .await
        .expect_err("five failures");
    match &err {
        Error::Api {
            status: 503,
            code,
            context_id,
            ..
        } => {
            assert_eq!(code, "service.unavailable");
            assert!(
                context_id.as_deref().is_some_and(|c| !c.is_empty()),
                "{err:?}"
            );
        }
        other => panic!("expected the fifth answer, a 503: {other:?}"),
    }
    knobs.clear_faults();
    api.integration(&id, token)
        .await
        .expect("no fault, no error");

    // A proxy's HTML page every time (security-matrix.md B7): a typed error, the page not copied.
    let html = FaultKind::Body {
        status: 502,
        content_type: "text/html".into(),
        body: "<html>proxy</html>".into(),
    };
    knobs.add_fault(fault("GET", ONE, html, 0, Some(5)));
    let err = api.integration(&id, token).await.expect_err("five pages");
    assert!(matches!(err, Error::Api { status: 502, .. }), "{err:?}");
    assert!(!format!("{err}").contains("<html"), "{err}");

    knobs.add_fault(fault("GET", ONE, FaultKind::ConnectionReset, 0, Some(5)));
    let err = api.integration(&id, token).await.expect_err("five resets");
    assert!(matches!(err, Error::Network(_)), "{err:?}");
}

#[tokio::test]
async fn client_errors_and_posts_are_never_retried() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    let token = admin.token();
    let (api, id) = installed(&w, token).await;
    let knobs = w.org.knobs();
    for code in [400, 401, 403, 404, 409] {
        knobs.add_fault(fault("GET", ONE, status(code), 0, Some(1)));
        let err = api.integration(&id, token).await.expect_err("not retried");
        assert!(
            matches!(err, Error::Api { status, .. } if status == code),
            "{code}: {err:?}"
        );
    }

    // Created, then answered 500: a retry would make a second one.
    knobs.add_fault(fault(
        "POST",
        "/api/v2/integrations",
        FaultKind::CreateThenFail { status: 500 },
        0,
        Some(1),
    ));
    let err = api
        .install_integration("Second", None, token)
        .await
        .expect_err("the 500 is returned");
    assert!(matches!(err, Error::Api { status: 500, .. }), "{err:?}");
    assert_eq!(
        w.org.snapshot().integrations.len(),
        2,
        "exactly one POST reached the org (the first integration plus this one)"
    );

    // Refused without running: a retry would have created it.
    knobs.add_fault(fault(
        "POST",
        "/api/v2/integrations/credentials",
        status(503),
        0,
        Some(1),
    ));
    let err = api
        .create_oauth_client_credential("c", "client", &Secret::new("s"), token)
        .await
        .expect_err("the 503 is returned");
    assert!(matches!(err, Error::Api { status: 503, .. }), "{err:?}");
    assert!(w.org.snapshot().credentials.is_empty(), "no second POST");
}

#[tokio::test]
async fn c4_a_429_is_retried_with_and_without_retry_after_and_never_endlessly() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    let token = admin.token();
    // Backoff from 1 s and Retry-After up to 120 s, as the app has them.
    let options = ClientOptions {
        retry: RetryPolicy::default(),
        ..fast_options()
    };
    let api = Client::with_options(w.endpoints(), options).expect("a client");
    let id = api
        .install_integration("DA", None, token)
        .await
        .expect("installed")
        .id;
    let knobs = w.org.knobs();
    let too_many = FaultKind::Status {
        status: 429,
        retry_after: Some(4),
    };
    // Paused time: waits are read on tokio's clock, never the wall clock.
    tokio::time::pause();
    for form in [RetryAfter::Sent, RetryAfter::Omitted] {
        knobs.set_variant(Variant {
            retry_after: form,
            ..Variant::default()
        });
        knobs.clear_faults();
        knobs.add_fault(fault("GET", ONE, too_many.clone(), 0, Some(2)));
        let before = tokio::time::Instant::now();
        let read = api.integration(&id, token).await;
        let waited = before.elapsed();
        assert_eq!(
            read.map(|i| i.id).ok().as_deref(),
            Some(id.as_str()),
            "{form:?}"
        );
        let least = match form {
            RetryAfter::Sent => Duration::from_secs(8),
            // Without Retry-After: the backoff, 1 s and at least 1 s again.
            RetryAfter::Omitted => Duration::from_secs(2),
        };
        assert!(waited >= least, "{form:?}: {waited:?}");
        assert!(
            waited < Duration::from_secs(8) || form == RetryAfter::Sent,
            "without Retry-After the backoff, not a guess of 4 s: {waited:?}"
        );

        knobs.clear_faults();
        knobs.add_fault(fault("GET", ONE, too_many.clone(), 0, None));
        let err = api
            .integration(&id, token)
            .await
            .expect_err("a 429 that never stops ends");
        assert!(
            matches!(err, Error::Api { status: 429, .. }),
            "{form:?}: {err:?}"
        );
    }
    knobs.clear_faults();
}

/// A 404 answered `times` times by `method path`, from the next matching call on.
fn not_found(method: &str, path: &str, times: u32) -> FaultRule {
    fault(method, path, status(404), 0, Some(times))
}

#[tokio::test]
async fn reads_right_after_a_create_wait_out_a_404_but_not_forever() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    let token = admin.token();
    let api = fast_client(&w);
    let knobs = w.org.knobs();

    // The install's notes: the configuration read right after the POST answers 404 twice.
    knobs.add_fault(not_found("GET", CONFIG, 2));
    let installed = api
        .install_integration("DA", Some("run-1"), token)
        .await
        .expect("the notes are written once the configuration is readable");
    assert_eq!(w.org.snapshot().integrations[0].config.notes, "run-1");
    // The guided setup configures the integration right after installing it.
    knobs.clear_faults();
    knobs.add_fault(not_found("GET", CONFIG, 2));
    let credential = api
        .create_oauth_client_credential("c", "client", &Secret::new("s"), token)
        .await
        .expect("a credential");
    api.set_integration_credential(&installed.id, Some(&credential.id), token)
        .await
        .expect("configured once readable");

    knobs.clear_faults();
    knobs.add_fault(not_found(
        "GET",
        "/api/v2/integrations/credentials/{credentialId}",
        2,
    ));
    let read = api
        .credential_after_create(&credential.id, token)
        .await
        .expect("the credential once readable");
    assert_eq!(read.id.as_deref(), Some(credential.id.as_str()));

    let (client_id, _) = super::api::cc_client(&w, &admin).await;
    knobs.clear_faults();
    knobs.add_fault(not_found("GET", "/api/v2/oauth/clients/{clientId}", 2));
    let client = api
        .oauth_client_after_create(&client_id, token)
        .await
        .expect("the client once readable");
    assert_eq!(client.id, client_id);

    // Something that never appears: the 404 comes back once the bounded wait is over.
    knobs.clear_faults();
    let err = api
        .oauth_client_after_create("7d1c0a5e-1006-4b6e-9c2f-a11ce0000999", token)
        .await
        .expect_err("never created");
    assert!(matches!(err, Error::Api { status: 404, .. }), "{err:?}");
    // A plain read does not wait: a 404 there means gone.
    knobs.add_fault(not_found("GET", "/api/v2/oauth/clients/{clientId}", 1));
    let gone = api.oauth_client(&client_id, token).await;
    assert!(
        matches!(gone, Err(Error::Api { status: 404, .. })),
        "{gone:?}"
    );
}

/// G4: an org that answers 429 for two minutes (six answers asking for 20 s each) holds the
/// request back a whole `Retry-After` each time, then it succeeds. Paused time: the Sandbox's
/// count of calls is sampled mid-window on tokio's clock. (20 s, not 30: the Sandbox's HTTP
/// server runs on the same paused clock, and with 30 s windows some probes were lost on the
/// way as connection errors, spending attempts that never reached the org.)
#[tokio::test]
async fn g4_two_minutes_of_429_pause_the_request_one_probe_per_retry_after() {
    let w = world().await;
    let admin = super::oauth_clients::admin(&w).await;
    let token = admin.token().clone();
    let (window, answers) = (Duration::from_secs(20), 6u32);
    let options = ClientOptions {
        // The app's own policy: 429s that say how long to wait spend its throttling budget
        // (three minutes), not its five attempts.
        retry: RetryPolicy::default(),
        // Longer than the whole stretch: only the 429s decide when the next probe goes.
        request_timeout: Duration::from_secs(600),
        ..fast_options()
    };
    let api = Client::with_options(w.endpoints(), options).expect("a client");
    let id = api
        .install_integration("DA", None, &token)
        .await
        .expect("installed")
        .id;
    let knobs = w.org.knobs();
    let too_many = FaultKind::Status {
        status: 429,
        retry_after: Some(window.as_secs()),
    };
    knobs.add_fault(fault("GET", ONE, too_many, 0, Some(answers)));
    tokio::time::pause();
    let start = tokio::time::Instant::now();
    let mut read = tokio::spawn({
        let (api, id) = (api.clone(), id.clone());
        async move { api.integration(&id, &token).await.map(|i| i.id) }
    });
    // Halfway through window k, the org has seen the first request and one probe per
    // window before it: k + 1 calls, never a burst, and the request is still waiting.
    for k in 0..answers {
        tokio::time::sleep_until(start + window * k + window / 2).await;
        let seen = knobs.fault_matches()[0];
        assert!(seen <= k + 1, "window {k}: {seen} calls, a 429 storm");
        if read.is_finished() {
            panic!(
                "window {k}: the request ended early: {:?}",
                (&mut read).await
            );
        }
    }
    let read = read.await.expect("the request task");
    assert_eq!(read.ok().as_deref(), Some(id.as_str()), "it completes");
    assert_eq!(
        knobs.fault_matches(),
        [answers + 1],
        "six 429s and the answer, nothing else"
    );
    knobs.clear_faults();
}
