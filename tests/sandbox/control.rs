//! Reset, the `/__sandbox/` control routes, the API host's own 404, and faults on the login
//! host.

use sandbox::FaultKind;
use serde_json::{json, Value};

use super::knobs::{rule, CLIENTS};
use super::start;

#[tokio::test]
async fn reset_returns_to_the_seeded_org() {
    let org = start().await;
    let admin = org.admin_token().await;
    let (id, _) = org
        .cc_client(
            &admin,
            &[(&org.role("Developer"), &org.sandbox.seed().home_division_id)],
        )
        .await;
    org.sandbox.knobs().reset().expect("reset");
    let snapshot = org.sandbox.snapshot();
    assert!(snapshot.oauth_clients.iter().all(|c| c.id != id) && snapshot.tokens.is_empty());
    org.get("/api/v2/tokens/me", &admin)
        .await
        .error(401, "bad.credentials");
}

#[tokio::test]
async fn the_control_routes_drive_the_knobs_over_http() {
    let org = start().await;
    let admin = org.admin_token().await;
    let fault = json!({ "method": "GET", "path": CLIENTS, "kind": { "type": "status", "status": 500 }, "times": 1 });
    let added = org
        .http
        .post(org.api("/__sandbox/faults"))
        .json(&fault)
        .send()
        .await
        .expect("control");
    assert_eq!(added.status(), 204);
    org.get(CLIENTS, &admin)
        .await
        .error(500, "internal.server.error");
    org.get(CLIENTS, &admin).await.ok();
    let limit = json!({ "requests": 1, "windowSeconds": 30 });
    assert_eq!(
        org.http
            .put(org.api("/__sandbox/rate-limit"))
            .json(&limit)
            .send()
            .await
            .expect("control")
            .status(),
        204
    );
    org.get(CLIENTS, &admin).await.ok();
    org.get(CLIENTS, &admin)
        .await
        .error(429, "too.many.requests");
    assert_eq!(
        org.http
            .delete(org.api("/__sandbox/rate-limit"))
            .send()
            .await
            .expect("control")
            .status(),
        204
    );
    let snapshot: Value = org
        .http
        .get(org.api("/__sandbox/snapshot"))
        .send()
        .await
        .expect("control")
        .json()
        .await
        .expect("json");
    assert_eq!(snapshot["oauthClients"].as_array().map(Vec::len), Some(2));
    let bad = org
        .http
        .put(org.api("/__sandbox/latency"))
        .body("nope")
        .send()
        .await
        .expect("control");
    assert_eq!(bad.status(), 400);
    assert_eq!(
        org.http
            .post(org.api("/__sandbox/reset"))
            .send()
            .await
            .expect("control")
            .status(),
        204
    );
    org.get(CLIENTS, &admin).await.error(401, "bad.credentials");
    let unknown = org
        .http
        .get(org.api("/api/v2/nothing/here"))
        .send()
        .await
        .expect("answer");
    assert_eq!(unknown.status(), 404);
    let id = unknown.headers()["inin-correlation-id"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let body: Value = unknown.json().await.expect("an ErrorBody");
    assert_eq!(
        (body["code"].as_str(), body["contextId"].as_str()),
        (Some("not.found"), Some(id.as_str()))
    );
}

#[tokio::test]
async fn login_host_routes_take_faults_too() {
    let org = start().await;
    let fault = FaultKind::Status {
        status: 503,
        retry_after: None,
    };
    org.sandbox
        .knobs()
        .add_fault(rule("POST", "/oauth/token", fault, 0, Some(1)));
    let response = org
        .http
        .post(org.login("/oauth/token"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status(), 503);
    let again = org
        .http
        .post(org.login("/oauth/token"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("answer");
    assert_eq!(again.status(), 401, "the fault fired once");
}

#[tokio::test]
async fn the_variants_knob_sets_named_forms_and_refuses_unknown_names() {
    let org = start().await;
    let put = |names: Value| {
        org.http
            .put(org.api("/__sandbox/variants"))
            .json(&names)
            .send()
    };
    assert_eq!(
        put(json!(["config-stub", "roles-page-25"]))
            .await
            .expect("control")
            .status(),
        204
    );
    let variant = org.sandbox.knobs().variant();
    assert_eq!(variant.label(), "config-stub+roles-page-25");
    assert_eq!(
        put(json!(["redirect-sideways"]))
            .await
            .expect("control")
            .status(),
        400
    );
    assert_eq!(
        org.sandbox.knobs().variant(),
        variant,
        "a refused list changes nothing"
    );
    assert_eq!(put(json!([])).await.expect("control").status(), 204);
    assert_eq!(org.sandbox.knobs().variant().label(), "defaults");
}

#[tokio::test]
async fn without_control_routes_the_knobs_are_not_served_but_still_work_from_rust() {
    let org = super::start_with(sandbox::SandboxOptions {
        control_routes: false,
        ..super::quick()
    })
    .await;
    let answer = org
        .http
        .post(org.api("/__sandbox/reset"))
        .send()
        .await
        .expect("answered");
    assert_eq!(
        answer.status(),
        404,
        "the app's Sandbox org serves no knobs"
    );
    org.sandbox
        .knobs()
        .reset()
        .expect("the Rust handle still resets");
}

#[tokio::test]
async fn both_hosts_refuse_a_request_addressed_to_another_name() {
    let org = start().await;
    for base in [org.sandbox.api_base_url(), org.sandbox.login_base_url()] {
        for (host, expected) in [
            ("evil.example:80".to_owned(), 421),
            (
                base.trim_start_matches("http://")
                    .replace("127.0.0.1", "rebound.example"),
                421,
            ),
            (base.trim_start_matches("http://").to_owned(), 0),
            (
                base.trim_start_matches("http://")
                    .replace("127.0.0.1", "localhost"),
                0,
            ),
        ] {
            let answer = org
                .http
                .get(format!("{base}/api/v2/tokens/me"))
                .header("Host", &host)
                .send()
                .await
                .expect("answered");
            if expected == 421 {
                assert_eq!(answer.status(), 421, "{base} with Host {host}");
            } else {
                assert_ne!(answer.status(), 421, "{base} with Host {host}");
            }
        }
    }
}
