//! The code exchange at the token endpoint: typed failures and no retry (security-matrix.md A14), and
//! only ever at the region the sign-in started in (A17).

use ::genesys::auth::BrowserGrant;
use ::genesys::{Error, ErrorKind};
use sandbox::{FaultKind, FaultRule};

use super::world;

#[tokio::test]
async fn a14_token_endpoint_failures_are_typed_and_never_retried() {
    let w = world().await;
    let huge = format!("{{\"access_token\":\"{}\"}}", "x".repeat(1024 * 1024 + 10));
    let body = |status, content_type: &str, body: &str| FaultKind::Body {
        status,
        content_type: content_type.to_owned(),
        body: body.to_owned(),
    };
    let cases = [
        (
            body(200, "text/html", "<html>proxy</html>"),
            ErrorKind::Network,
        ),
        (
            body(502, "text/html", "<html>bad gateway</html>"),
            ErrorKind::Network,
        ),
        (
            FaultKind::Status {
                status: 503,
                retry_after: None,
            },
            ErrorKind::Network,
        ),
        (body(200, "application/json", &huge), ErrorKind::Network),
        (
            body(200, "application/json", r#"{"access_token":7}"#),
            ErrorKind::Network,
        ),
        (
            body(200, "application/json", r#"{"access_tok"#),
            ErrorKind::Network,
        ),
        (
            body(
                401,
                "application/json",
                r#"{"error":"invalid_client","description":"d","error_description":"d"}"#,
            ),
            ErrorKind::ClientRejected,
        ),
    ];
    for (kind, want) in cases {
        w.org.knobs().clear_faults();
        w.org.knobs().add_fault(FaultRule {
            method: Some("POST".into()),
            path: "/oauth/token".into(),
            kind: kind.clone(),
            after: 0,
            times: Some(1),
        });
        let pending = w.begin(BrowserGrant::Pkce).await;
        let back = w.approve(&pending.authorize_url, "sign_in").await;
        let finish = tokio::spawn(pending.finish());
        let page = w.browser.get(&back).send().await.expect("callback");
        assert_eq!(
            page.status(),
            200,
            "the browser is told to go back to the app"
        );
        let err = finish
            .await
            .expect("no panic")
            .expect_err("a failed exchange");
        assert_eq!(err.kind(), want, "{kind:?}: {err}");
        assert!(
            !err.to_string().contains("xxxxxxxx"),
            "bodies are not copied"
        );
        // A retry would have passed (the fault fires once) and issued a token.
        assert!(w.org.snapshot().tokens.is_empty(), "{kind:?}: no retry");
    }
}

#[tokio::test]
async fn a17_a_callback_is_exchanged_only_at_the_region_it_started_in() {
    let region_a = world().await;
    let region_b = world().await;
    let pending = region_a.begin(BrowserGrant::Pkce).await;
    // The same client id exists in both orgs; B's login host issues the code.
    let at_b = pending.authorize_url.replace(
        &region_a.org.login_base_url(),
        &region_b.org.login_base_url(),
    );
    let back = region_b.approve(&at_b, "sign_in").await;
    assert!(
        back.starts_with(&pending.redirect_uri),
        "B redirects to A's listener"
    );
    let finish = tokio::spawn(pending.finish());
    region_a.browser.get(&back).send().await.expect("callback");
    let err = finish
        .await
        .expect("no panic")
        .expect_err("A does not know B's code");
    assert!(
        matches!(&err, Error::OAuth { error, .. } if error == "invalid_grant"),
        "{err:?}"
    );
    assert!(
        region_b.org.snapshot().tokens.is_empty(),
        "nothing was exchanged at B"
    );
}

/// Each pending sign-in has its own `state`: a callback that carries another sign-in's (here,
/// one started for another region) is refused, and the sign-in it reached keeps waiting.
#[tokio::test]
async fn a17_a_callback_with_another_regions_state_is_refused() {
    let region_a = world().await;
    let region_b = world().await;
    let at_a = region_a.begin(BrowserGrant::Pkce).await;
    let at_b = ::genesys::auth::begin_sign_in(::genesys::auth::SignInRequest {
        region_code: "eu-west-1".into(),
        ..region_b.request(BrowserGrant::Pkce)
    })
    .await
    .expect("begins");
    let back_a = region_a.approve(&at_a.authorize_url, "sign_in").await;
    let query_a = back_a.split_once('?').expect("query").1;
    let to_b = format!("{}/?{query_a}", at_b.redirect_uri);
    let refused = region_b.browser.get(&to_b).send().await.expect("answered");
    assert_eq!(refused.status(), 400, "A's state means nothing to B");
    assert_eq!(at_b.rejected_callbacks(), 1);
    assert!(
        region_b.org.snapshot().tokens.is_empty(),
        "nothing exchanged at B"
    );

    let back_b = region_b.approve(&at_b.authorize_url, "sign_in").await;
    let finish = tokio::spawn(at_b.finish());
    region_b
        .browser
        .get(&back_b)
        .send()
        .await
        .expect("callback");
    let session = finish.await.expect("no panic").expect("signed in");
    assert_eq!(session.info().region_code, "eu-west-1");
    drop(at_a);
}

#[tokio::test]
async fn a_client_of_the_wrong_kind_is_client_rejected_for_the_region_explainer() {
    let w = world().await;
    // The Implicit (TOKEN) client asked for a code: the login host redirects with an error.
    let request = ::genesys::auth::SignInRequest {
        client_id: w.org.seed().token_client_id.clone(),
        ..w.request(BrowserGrant::Pkce)
    };
    let pending = ::genesys::auth::begin_sign_in(request)
        .await
        .expect("begins");
    let refused = w
        .browser
        .get(&pending.authorize_url)
        .send()
        .await
        .expect("authorize");
    assert_eq!(
        refused.status(),
        302,
        "errors after the redirect URI check are redirected"
    );
    let back = refused
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("Location")
        .to_owned();
    let finish = tokio::spawn(pending.finish());
    let page = w.browser.get(&back).send().await.expect("callback");
    let body = page.text().await.expect("body");
    assert!(
        body.contains("did not finish") && body.contains("Genesys Cloud said"),
        "{body}"
    );
    let err = finish.await.expect("no panic").expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::ClientRejected, "{err:?}");
    assert!(matches!(&err, Error::OAuth { error, .. } if error == "unauthorized_client"));
}

/// The expiry a session reports, checked to be no later than the longest life a Genesys token
/// can have ([`::genesys::auth::MAX_TOKEN_LIFETIME`]) from now.
pub fn assert_expiry_is_capped(info: &::genesys::auth::SessionInfo, case: &str) {
    use time::format_description::well_known::Rfc3339;
    let at = time::OffsetDateTime::parse(&info.expires_at, &Rfc3339)
        .unwrap_or_else(|e| panic!("{case}: expiresAt {} is RFC 3339 ({e})", info.expires_at));
    let cap = time::Duration::try_from(::genesys::auth::MAX_TOKEN_LIFETIME).expect("fits");
    assert!(
        at <= time::OffsetDateTime::now_utc() + cap,
        "{case}: {at} is beyond the longest token life"
    );
}

/// The `expires_in` values a broken or hostile token endpoint could send.
pub const ABSURD_EXPIRIES: [&str; 6] = [
    "18446744073709551615",
    "9223372036854775807",
    "-1",
    "-9223372036854775808",
    "\"soon\"",
    "1e300",
];

/// A token answer with an absurd `expires_in` neither kills the app (overflowing time
/// arithmetic) nor refuses a good token: the life is capped, or taken from `tokens/me`.
#[tokio::test]
async fn an_absurd_expires_in_from_the_token_endpoint_is_capped_or_ignored() {
    let w = world().await;
    let (admin, _) = w.sign_in().await;
    let (cc_id, cc_secret) = super::api::cc_client(&w, &admin).await;
    let token = admin.token().expose().to_owned();
    for expires_in in ABSURD_EXPIRIES {
        let body = format!(
            r#"{{"access_token":"{token}","token_type":"bearer","expires_in":{expires_in}}}"#
        );
        for grant in ["pkce", "client credentials"] {
            w.org.knobs().clear_faults();
            w.org.knobs().add_fault(FaultRule {
                method: Some("POST".into()),
                path: "/oauth/token".into(),
                kind: FaultKind::Body {
                    status: 200,
                    content_type: "application/json".into(),
                    body: body.clone(),
                },
                after: 0,
                times: Some(1),
            });
            let case = format!("{grant}, expires_in {expires_in}");
            let session = if grant == "pkce" {
                let pending = w.begin(BrowserGrant::Pkce).await;
                let back = w.approve(&pending.authorize_url, "sign_in").await;
                let finish = tokio::spawn(pending.finish());
                w.browser.get(&back).send().await.expect("callback");
                finish.await.expect("no panic")
            } else {
                let endpoints = w.endpoints();
                let (id, secret) = (cc_id.clone(), cc_secret.clone());
                tokio::spawn(async move {
                    ::genesys::auth::client_credentials(endpoints, "sandbox", &id, &secret).await
                })
                .await
                .expect("no panic")
            };
            let session = session.unwrap_or_else(|e| panic!("{case}: a good token ({e})"));
            assert_expiry_is_capped(&session.info(), &case);
        }
    }
}
