//! The knobs, each observed by a plain HTTP client: latency, status faults after N for M calls,
//! connection reset, hang, create-then-fail, and the per-token rate limit (a 429 with or
//! without `Retry-After`, as the variant says).

use std::time::{Duration, Instant};

use sandbox::{FaultKind, FaultRule, RateLimit, RetryAfter, Variant};
use serde_json::json;

use super::start;

pub const CLIENTS: &str = "/api/v2/oauth/clients";

pub fn rule(
    method: &str,
    path: &str,
    kind: FaultKind,
    after: u32,
    times: Option<u32>,
) -> FaultRule {
    FaultRule {
        method: Some(method.to_owned()),
        path: path.to_owned(),
        kind,
        after,
        times,
    }
}

#[tokio::test]
async fn latency_delays_every_request() {
    let org = start().await;
    org.sandbox.knobs().set_latency(Duration::from_millis(150));
    let started = Instant::now();
    let response = org
        .http
        .get(org.api("/api/v2/users/me"))
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status(), 401);
    assert!(
        started.elapsed() >= Duration::from_millis(150),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_status_fault_fires_after_n_calls_for_m_calls() {
    let org = start().await;
    let admin = org.admin_token().await;
    let status = FaultKind::Status {
        status: 503,
        retry_after: None,
    };
    org.sandbox
        .knobs()
        .add_fault(rule("GET", CLIENTS, status, 1, Some(2)));
    let mut seen = Vec::new();
    for _ in 0..4 {
        let reply = org.get(CLIENTS, &admin).await;
        seen.push(reply.status);
        if reply.status == 503 {
            reply.error(503, "service.unavailable");
        }
    }
    assert_eq!(seen, [200, 503, 503, 200]);
    let by_template = FaultKind::Status {
        status: 429,
        retry_after: Some(7),
    };
    org.sandbox.knobs().add_fault(rule(
        "GET",
        "/api/v2/oauth/clients/{clientId}",
        by_template,
        0,
        Some(1),
    ));
    let limited = org.get(&format!("{CLIENTS}/anything"), &admin).await;
    limited.error(429, "too.many.requests");
    assert_eq!(limited.headers["retry-after"], "7");
    let date = "Wed, 21 Oct 2026 07:28:00 GMT";
    let by_date = FaultKind::StatusRetryAt {
        status: 503,
        retry_at: date.to_owned(),
    };
    org.sandbox
        .knobs()
        .add_fault(rule("GET", CLIENTS, by_date, 0, Some(1)));
    let unavailable = org.get(CLIENTS, &admin).await;
    unavailable.error(503, "service.unavailable");
    assert_eq!(
        unavailable.headers["retry-after"], date,
        "the HTTP-date form"
    );
}

#[tokio::test]
async fn a_connection_reset_fault_drops_the_connection() {
    let org = start().await;
    org.sandbox.knobs().add_fault(rule(
        "GET",
        "/api/v2/users/me",
        FaultKind::ConnectionReset,
        0,
        Some(1),
    ));
    let failed = org.http.get(org.api("/api/v2/users/me")).send().await;
    let error = failed.expect_err("the connection is reset, no response");
    assert!(!error.is_timeout(), "{error}");
    let next = org
        .http
        .get(org.api("/api/v2/users/me"))
        .send()
        .await
        .expect("the next call is answered");
    assert_eq!(next.status(), 401);
}

#[tokio::test]
async fn a_hang_fault_outlasts_the_client_timeout() {
    let org = start().await;
    org.sandbox
        .knobs()
        .add_fault(rule("GET", "/api/v2/users/me", FaultKind::Hang, 0, Some(1)));
    let started = Instant::now();
    let failed = org
        .http
        .get(org.api("/api/v2/users/me"))
        .timeout(Duration::from_millis(300))
        .send()
        .await;
    assert!(failed.expect_err("no answer in time").is_timeout());
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn create_then_fail_creates_the_object_but_answers_5xx() {
    let org = start().await;
    let admin = org.admin_token().await;
    org.sandbox.knobs().add_fault(rule(
        "POST",
        CLIENTS,
        FaultKind::CreateThenFail { status: 502 },
        0,
        Some(1),
    ));
    let body = json!({ "name": "run-marker-42", "authorizedGrantType": "CODE", "registeredRedirectUri": ["http://localhost"], "scope": ["oauth"] });
    org.post(CLIENTS, &admin, body)
        .await
        .error(502, "bad.gateway");
    let created: Vec<_> = org
        .sandbox
        .snapshot()
        .oauth_clients
        .into_iter()
        .filter(|c| c.name == "run-marker-42")
        .collect();
    assert_eq!(
        created.len(),
        1,
        "the object exists although the answer was an error"
    );
    let listed = org.get(CLIENTS, &admin).await;
    assert!(listed.ok()["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .any(|c| c["name"] == "run-marker-42"));
}

#[tokio::test]
async fn the_rate_limit_is_per_token_with_retry_after_and_inin_headers() {
    let org = start().await;
    let admin = org.admin_token().await;
    let other = org.admin_token().await;
    org.sandbox.knobs().set_rate_limit(Some(RateLimit {
        requests: 3,
        window_seconds: 60,
    }));
    for n in 1..=3 {
        let reply = org.get("/api/v2/tokens/me", &admin).await;
        reply.ok();
        assert_eq!(
            reply.headers["inin-ratelimit-count"],
            n.to_string().as_str()
        );
        assert_eq!(reply.headers["inin-ratelimit-allowed"], "3");
    }
    let limited = org.get("/api/v2/tokens/me", &admin).await;
    let body = limited.error(429, "too.many.requests");
    assert!(body["message"]
        .as_str()
        .expect("message")
        .contains("[3] requests within [60] seconds"));
    let retry: u64 = limited.headers["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    assert!(limited.headers.contains_key("inin-ratelimit-reset"));
    org.get("/api/v2/tokens/me", &other).await.ok();
    org.sandbox.knobs().advance_clock(Duration::from_secs(61));
    org.get("/api/v2/tokens/me", &admin).await.ok();
}

#[tokio::test]
async fn a_body_fault_serves_exactly_what_it_says() {
    let org = start().await;
    let admin = org.admin_token().await;
    let html = FaultKind::Body {
        status: 502,
        content_type: "text/html".to_owned(),
        body: "<html><body>Bad Gateway</body></html>".to_owned(),
    };
    let truncated = FaultKind::Body {
        status: 200,
        content_type: "application/json".to_owned(),
        body: "{\"entities\": [".to_owned(),
    };
    org.sandbox
        .knobs()
        .add_fault(rule("GET", CLIENTS, html, 0, Some(1)));
    org.sandbox
        .knobs()
        .add_fault(rule("GET", CLIENTS, truncated, 1, Some(1)));
    let send = || org.http.get(org.api(CLIENTS)).bearer_auth(&admin).send();
    let page = send().await.expect("an answer");
    assert_eq!(
        (
            page.status().as_u16(),
            page.headers()["content-type"].to_str().ok()
        ),
        (502, Some("text/html"))
    );
    assert!(
        page.text().await.expect("text").contains("Bad Gateway"),
        "not turned into an ErrorBody"
    );
    let cut = send().await.expect("an answer");
    assert_eq!(cut.status(), 200);
    assert!(
        cut.json::<serde_json::Value>().await.is_err(),
        "the JSON is truncated"
    );
    assert_eq!(send().await.expect("an answer").status(), 200);
}

#[tokio::test]
async fn a_cut_body_fault_drops_the_connection_mid_body() {
    let org = start().await;
    let admin = org.admin_token().await;
    org.sandbox
        .knobs()
        .add_fault(rule("GET", CLIENTS, FaultKind::CutBody, 0, Some(1)));
    let response = org
        .http
        .get(org.api(CLIENTS))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("headers arrive");
    assert_eq!(response.status(), 200);
    let body = response.bytes().await;
    assert!(body.is_err(), "the body never completes");
    let listed = org.get(CLIENTS, &admin).await;
    assert_eq!(listed.ok()["total"], 2, "the next call is whole");
}

#[tokio::test]
async fn under_no_retry_after_a_429_has_no_retry_after_and_other_statuses_keep_theirs() {
    let org = start().await;
    let admin = org.admin_token().await;
    org.sandbox.knobs().set_variant(Variant {
        retry_after: RetryAfter::Omitted,
        ..Variant::default()
    });
    let knobs = org.sandbox.knobs();
    let status = |status| FaultKind::Status {
        status,
        retry_after: Some(7),
    };
    knobs.add_fault(rule("GET", CLIENTS, status(429), 0, Some(1)));
    let limited = org.get(CLIENTS, &admin).await;
    limited.error(429, "too.many.requests");
    assert!(!limited.headers.contains_key("retry-after"));
    let by_date = FaultKind::StatusRetryAt {
        status: 429,
        retry_at: "Wed, 21 Oct 2026 07:28:00 GMT".to_owned(),
    };
    knobs.add_fault(rule("GET", CLIENTS, by_date, 0, Some(1)));
    let limited = org.get(CLIENTS, &admin).await;
    limited.error(429, "too.many.requests");
    assert!(!limited.headers.contains_key("retry-after"));
    knobs.add_fault(rule("GET", CLIENTS, status(503), 0, Some(1)));
    let unavailable = org.get(CLIENTS, &admin).await;
    assert_eq!(unavailable.headers["retry-after"], "7", "not a 429: kept");

    knobs.set_rate_limit(Some(RateLimit {
        requests: 1,
        window_seconds: 60,
    }));
    org.get("/api/v2/tokens/me", &admin).await.ok();
    let limited = org.get("/api/v2/tokens/me", &admin).await;
    limited.error(429, "too.many.requests");
    assert!(!limited.headers.contains_key("retry-after"));
    assert!(
        limited.headers.contains_key("inin-ratelimit-reset"),
        "the informational headers stay"
    );
}
