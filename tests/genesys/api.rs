//! Client credentials, and the typed API client's errors and 429 handling (security-matrix.md C4, B7,
//! F3) against the Sandbox org.

use std::time::{Duration, Instant};

use ::genesys::auth::{client_credentials, Grant, Session};
use ::genesys::secrets::Secret;
use ::genesys::{Error, ErrorKind};
use reqwest::Method;
use sandbox::{FaultKind, FaultRule, RateLimit};
use serde_json::{json, Value};

use super::{world, World};

/// A new Client Credentials client holding the Developer role: (id, secret).
pub async fn cc_client(w: &World, admin: &Session) -> (String, Secret) {
    let developer = w
        .org
        .snapshot()
        .roles
        .iter()
        .find(|r| r.name == "Developer")
        .map(|r| r.id.clone())
        .expect("a seeded Developer role");
    let body = json!({
        "name": "Data Actions client",
        "authorizedGrantType": "CLIENT-CREDENTIALS",
        "roleDivisions": [{ "roleId": developer, "divisionId": w.org.seed().home_division_id }],
    });
    let created: Value = admin
        .client()
        .send_json(Method::POST, "/api/v2/oauth/clients", admin.token(), &body)
        .await
        .expect("the admin creates a client");
    let id = created["id"].as_str().expect("id").to_owned();
    let secret = Secret::new(created["secret"].as_str().expect("secret"));
    (id, secret)
}

fn fault(method: &str, path: &str, kind: FaultKind) -> FaultRule {
    FaultRule {
        method: Some(method.into()),
        path: path.into(),
        kind,
        after: 0,
        times: Some(1),
    }
}

#[tokio::test]
async fn client_credentials_sign_in_has_the_org_and_no_user() {
    let w = world().await;
    let (admin, _) = w.sign_in().await;
    let (id, secret) = cc_client(&w, &admin).await;
    let session = client_credentials(w.endpoints(), "sandbox", &id, &secret)
        .await
        .expect("client credentials work");
    let info = session.info();
    assert_eq!(
        (info.grant, info.org_id.as_str()),
        (Grant::ClientCredentials, w.org.seed().org_id.as_str())
    );
    assert_eq!(
        (info.user_id, info.user_name, info.user_email),
        (None, None, None)
    );
    session.validate().await.expect("valid");
    for (client, secret) in [
        (id.as_str(), Secret::new("wrong")),
        ("no-such-client", secret.clone()),
    ] {
        let err = client_credentials(w.endpoints(), "sandbox", client, &secret)
            .await
            .expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::ClientRejected, "{err}");
        assert!(
            matches!(&err, Error::OAuth { status: 401, error, .. } if error == "invalid_client")
        );
    }
    let err = session
        .client()
        .user_me(session.token())
        .await
        .expect_err("no user");
    match &err {
        Error::Api {
            status: 400,
            code,
            context_id,
            ..
        } => {
            assert_eq!(code, "not.a.user");
            assert!(context_id.is_some(), "contextId is kept for support");
        }
        other => panic!("expected not.a.user, got {other:?}"),
    }
    session.sign_out().await.expect("signed out");
}

#[tokio::test]
async fn a_rejected_token_is_bad_credentials_and_asks_to_sign_in_again() {
    let w = world().await;
    let canary = Secret::new("CANARY-token-5b0e9f7a");
    let err = Session::resume(w.endpoints(), "sandbox".into(), Grant::Pkce, canary)
        .await
        .expect_err("unknown token");
    assert_eq!(err.kind(), ErrorKind::SignInRequired);
    assert!(
        matches!(&err, Error::Api { status: 401, code, .. } if code == "bad.credentials"),
        "{err:?}"
    );
    assert!(
        err.context_id().is_some(),
        "ININ-Correlation-Id or contextId"
    );
    assert!(!format!("{err} {err:?}").contains("CANARY"));
}

#[tokio::test]
async fn c4_a_429_waits_for_retry_after_and_a_post_is_not_retried_but_holds_the_next_request() {
    let w = world().await;
    let (session, _) = w.sign_in().await;
    let too_many = FaultKind::Status {
        status: 429,
        retry_after: Some(1),
    };
    w.org
        .knobs()
        .add_fault(fault("GET", "/api/v2/tokens/me", too_many.clone()));
    let started = Instant::now();
    session.validate().await.expect("retried after Retry-After");
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(900),
        "waited {waited:?} for Retry-After: 1"
    );
    assert!(waited < Duration::from_secs(20), "{waited:?}");

    w.org
        .knobs()
        .add_fault(fault("POST", "/api/v2/oauth/clients", too_many));
    let err = session
        .client()
        .send_json::<_, Value>(
            Method::POST,
            "/api/v2/oauth/clients",
            session.token(),
            &json!({}),
        )
        .await
        .expect_err("a POST is never retried blindly");
    assert!(matches!(err, Error::Api { status: 429, .. }), "{err:?}");
    // ...but the next request on this token, from any clone of the client, waits out the
    // POST's Retry-After (security-matrix.md C4, pool-wide).
    let started = Instant::now();
    let other = session.client().clone();
    other
        .token_info(session.token())
        .await
        .expect("answered after the pause");
    let paused = started.elapsed();
    assert!(
        paused >= Duration::from_millis(900),
        "the next request went out {paused:?} after a 429 with Retry-After: 1"
    );

    // The HTTP-date form: three seconds from now, whole seconds only.
    let at = time::OffsetDateTime::now_utc() + Duration::from_secs(3);
    let retry_at = format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
        &at.weekday().to_string()[..3],
        at.day(),
        &at.month().to_string()[..3],
        at.year(),
        at.hour(),
        at.minute(),
        at.second()
    );
    let kind = FaultKind::StatusRetryAt {
        status: 429,
        retry_at,
    };
    w.org
        .knobs()
        .add_fault(fault("GET", "/api/v2/tokens/me", kind));
    let started = Instant::now();
    session.validate().await.expect("retried at the HTTP-date");
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(1500),
        "waited {waited:?} for a date 2-3 s ahead"
    );
    assert!(waited < Duration::from_secs(20), "{waited:?}");

    // The Sandbox's own per-token limiter answers 429 with Retry-After too.
    w.org.knobs().set_rate_limit(Some(RateLimit {
        requests: 1,
        window_seconds: 1,
    }));
    session.validate().await.expect("first in the window");
    session
        .validate()
        .await
        .expect("second waits for the next window");
}

#[tokio::test]
async fn b7_malformed_api_answers_are_typed_errors() {
    let w = world().await;
    let (session, _) = w.sign_in().await;
    let body = |status, content_type: &str, body: String| FaultKind::Body {
        status,
        content_type: content_type.into(),
        body,
    };
    let cases = [
        body(200, "text/html", "<html>login</html>".into()),
        body(200, "application/json", "{\"organization\":".into()),
        body(
            200,
            "application/json",
            "{\"organization\":{\"name\":\"no id\"}}".into(),
        ),
        body(
            200,
            "application/json",
            format!("[\"{}\"]", "x".repeat(11 * 1024 * 1024)),
        ),
        // A 5xx HTML page and a cut body on a GET are retried now (security-matrix.md C1): retries.rs
        // checks them, and the typed error once retries run out.
    ];
    for kind in cases {
        w.org.knobs().clear_faults();
        w.org
            .knobs()
            .add_fault(fault("GET", "/api/v2/tokens/me", kind.clone()));
        let err = session.validate().await.expect_err("not a TokenInfo");
        let label = format!("{kind:?}");
        let label = &label[..label.len().min(60)];
        assert!(
            matches!(err.kind(), ErrorKind::Network | ErrorKind::Api),
            "{label}: {err:?}"
        );
        assert!(
            !err.to_string().contains("xxxx") && !err.to_string().contains("<html"),
            "{err}"
        );
    }
    w.org.knobs().clear_faults();
    session.validate().await.expect("fine again");
}

/// A client of the Sandbox org with these request budgets (and the fast retries).
fn budgeted(w: &World, max_in_flight: usize, per_minute: u32) -> ::genesys::api::Client {
    let options = ::genesys::api::ClientOptions {
        max_in_flight,
        per_minute,
        ..super::retries::fast_options()
    };
    ::genesys::api::Client::with_options(w.endpoints(), options).expect("a client")
}

#[tokio::test]
async fn twenty_parallel_requests_reach_the_org_four_at_a_time() {
    let w = world().await;
    let (session, _) = w.sign_in().await;
    let api = ::genesys::api::Client::with_options(w.endpoints(), super::retries::fast_options())
        .expect("a client");
    // Long enough that twenty requests sent at once would overlap at the org.
    w.org.knobs().set_latency(Duration::from_millis(150));
    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..20 {
        // Clones share the one budget.
        let (api, token) = (api.clone(), session.token().clone());
        requests.spawn(async move { api.token_info(&token).await });
    }
    while let Some(done) = requests.join_next().await {
        done.expect("no panic").expect("answered");
    }
    let most = w.org.knobs().max_concurrent_requests();
    assert!(
        (2..=::genesys::api::client::MAX_IN_FLIGHT as u32).contains(&most),
        "the org saw {most} requests at once"
    );
}

#[tokio::test]
async fn a_burst_past_the_minute_budget_is_spread_over_the_next_minutes() {
    let w = world().await;
    let (session, _) = w.sign_in().await;
    let api = budgeted(&w, 4, 3);
    // Paused time: the budget's minute passes on tokio's clock, not the wall clock.
    tokio::time::pause();
    let start = tokio::time::Instant::now();
    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..7 {
        let (api, token) = (api.clone(), session.token().clone());
        requests.spawn(async move { api.token_info(&token).await.map(|_| start.elapsed()) });
    }
    let mut finished = Vec::new();
    while let Some(done) = requests.join_next().await {
        finished.push(done.expect("no panic").expect("answered"));
    }
    finished.sort();
    let minutes: Vec<u64> = finished.iter().map(|d| d.as_secs() / 60).collect();
    assert_eq!(
        minutes,
        [0, 0, 0, 1, 1, 1, 2],
        "three a minute, in the order they were asked: {finished:?}"
    );
}

#[tokio::test]
async fn a_long_listing_reads_its_pages_a_few_at_a_time_and_keeps_each_role_once() {
    let org = sandbox::Sandbox::start(sandbox::SandboxOptions {
        extra_roles: 1_000,
        consistency_delay: Duration::ZERO,
        ..sandbox::SandboxOptions::default()
    })
    .await
    .expect("the Sandbox org starts");
    let w = World {
        org,
        browser: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
    };
    let (admin, _) = w.sign_in().await;
    // Long enough that pages asked for together overlap at the org.
    w.org.knobs().set_latency(Duration::from_millis(100));
    let roles = admin
        .client()
        .roles(admin.token())
        .await
        .expect("every page");
    let seeded = w.org.snapshot().roles.len();
    let mut ids: Vec<&str> = roles.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(
        (roles.len(), ids.len()),
        (seeded, seeded),
        "every role, once"
    );
    let most = w.org.knobs().max_concurrent_requests();
    assert!(
        (2..=::genesys::api::client::MAX_IN_FLIGHT as u32).contains(&most),
        "pages 2.. are asked for together, within the limit: {most} at once"
    );
}
