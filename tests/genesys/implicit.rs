//! The legacy Implicit flow through the relay page, and what every listener page carries:
//! matrix A19 and A20.

use ::genesys::auth::{BrowserGrant, Grant, RELAY_SCRIPT};
use ::genesys::ErrorKind;
use base64::Engine;
use sha2::{Digest, Sha256};

use super::{url_param, with_param, world};

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("{name} is set"))
}

/// A20: no caching, no referrer, a strict CSP, nothing loaded from elsewhere.
fn assert_strict_page(response: &reqwest::Response) {
    assert_eq!(header(response, "cache-control"), "no-store");
    assert_eq!(header(response, "referrer-policy"), "no-referrer");
    let csp = header(response, "content-security-policy");
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("http"),
        "{csp}"
    );
}

fn assert_self_contained(body: &str) {
    for external in ["src=", "href=", "http://", "https://", "@import", "url("] {
        assert!(
            !body.contains(external),
            "no external resource ({external}): {body}"
        );
    }
}

#[tokio::test]
async fn a19_the_relay_page_hands_the_fragment_over_and_checks_state_origin_and_host() {
    let w = world().await;
    let seed = w.org.seed().clone();
    let pending = w.begin(BrowserGrant::Implicit).await;
    let url = &pending.authorize_url;
    assert_eq!(url_param(url, "response_type").as_deref(), Some("token"));
    assert_eq!(url_param(url, "code_challenge"), None);
    let back = w.approve(url, "sign_in").await;
    let (page_url, fragment) = back.split_once('#').expect("the token is in the fragment");
    assert_eq!(page_url, pending.redirect_uri);

    let page = w.browser.get(page_url).send().await.expect("relay page");
    assert_eq!(page.status(), 200);
    assert_strict_page(&page);
    let csp = header(&page, "content-security-policy").to_owned();
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(RELAY_SCRIPT));
    assert!(
        csp.contains(&format!("script-src 'sha256-{hash}'")),
        "{csp}"
    );
    assert!(csp.contains("connect-src 'self'"), "{csp}");
    let html = page.text().await.expect("html");
    assert!(html.contains(&format!("<script>{RELAY_SCRIPT}</script>")));
    assert!(RELAY_SCRIPT.contains("history.replaceState") && RELAY_SCRIPT.contains("\"/relay\""));
    assert_self_contained(&html);

    let origin = format!("http://{}", pending.local_addr());
    let relay = format!("{origin}/relay");
    let post = |origin: Option<&str>, body: String| {
        let mut request = w.browser.post(&relay).body(body);
        if let Some(origin) = origin {
            request = request.header("Origin", origin);
        }
        request.send()
    };
    let status = |r: reqwest::Result<reqwest::Response>| r.expect("answered").status().as_u16();
    assert_eq!(status(post(None, fragment.into()).await), 403, "no Origin");
    assert_eq!(
        status(post(Some("https://evil.example"), fragment.into()).await),
        403
    );
    let wrong_state = with_param(&back, "state", "forged");
    let wrong_state = wrong_state.split_once('#').expect("fragment").1.to_owned();
    assert_eq!(
        status(post(Some(&origin), wrong_state).await),
        400,
        "wrong state"
    );
    assert_eq!(
        status(w.browser.get(&relay).send().await),
        405,
        "GET /relay"
    );
    assert_eq!(pending.rejected_callbacks(), 1);

    let finish = tokio::spawn(pending.finish());
    let answer = post(Some(&origin), fragment.into()).await.expect("relayed");
    assert_eq!(answer.status(), 200);
    assert_strict_page(&answer);
    let text = answer.text().await.expect("text");
    assert!(
        text.contains(&seed.org_name) && text.contains("You can close this tab"),
        "{text}"
    );
    assert!(!text.contains('<'), "plain text for textContent: {text}");
    let session = finish.await.expect("no panic").expect("signed in");
    let info = session.info();
    assert_eq!(info.grant, Grant::Implicit);
    assert_eq!(info.user_id.as_deref(), Some(seed.admin_user_id.as_str()));
    session.validate().await.expect("the relayed token works");
}

#[tokio::test]
async fn a19_a_denied_implicit_sign_in_ends_the_flow() {
    let w = world().await;
    let pending = w.begin(BrowserGrant::Implicit).await;
    let back = w.approve(&pending.authorize_url, "cancel").await;
    let fragment = back.split_once('#').expect("fragment").1.to_owned();
    let origin = format!("http://{}", pending.local_addr());
    let finish = tokio::spawn(pending.finish());
    let answer = w
        .browser
        .post(format!("{origin}/relay"))
        .header("Origin", &origin)
        .body(fragment)
        .send()
        .await
        .expect("relayed");
    assert!(answer
        .text()
        .await
        .expect("text")
        .contains("denied or cancelled"));
    let err = finish.await.expect("no panic").expect_err("denied");
    assert_eq!(err.kind(), ErrorKind::SignInDenied);
}

#[tokio::test]
async fn a20_every_listener_page_is_strict_and_self_contained() {
    let w = world().await;
    let pending = w.begin(::genesys::auth::BrowserGrant::Pkce).await;
    let back = w.approve(&pending.authorize_url, "sign_in").await;
    let origin = format!("http://{}", pending.local_addr());
    for (url, status) in [
        (format!("{origin}/favicon.ico"), 404),
        (with_param(&back, "state", "x"), 400),
    ] {
        let page = w.browser.get(&url).send().await.expect("answered");
        assert_eq!(page.status(), status);
        assert_strict_page(&page);
        assert_self_contained(&page.text().await.expect("body"));
    }
    let finish = tokio::spawn(pending.finish());
    let page = w.browser.get(&back).send().await.expect("callback");
    assert_strict_page(&page);
    let body = page.text().await.expect("body");
    assert_self_contained(&body);
    assert!(!body.contains("<script"), "the success page runs no script");
    finish.await.expect("no panic").expect("signed in");
}
