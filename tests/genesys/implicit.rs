//! The legacy Implicit flow through the relay page, and what every listener page carries:
//! security-matrix.md A19 and A20.

use std::time::Duration;

use ::genesys::auth::{BrowserGrant, Grant, Session, RELAY_SCRIPT};
use ::genesys::{Error, ErrorKind};
use base64::Engine;
use sandbox::{ImplicitErrorState, Variant};
use sha2::{Digest, Sha256};
use tokio::task::JoinHandle;

use super::{url_param, with_param, world, world_with, World};

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

/// POSTs `body` to the relay of the listener at `origin` as the relay page does (same
/// Origin): the answer's status and text, or `None` once the listener is closed.
async fn relay(w: &World, origin: &str, body: &str) -> Option<(u16, String)> {
    let answer = w
        .browser
        .post(format!("{origin}/relay"))
        .header("Origin", origin)
        .body(body.to_owned())
        .send()
        .await
        .ok()?;
    let status = answer.status().as_u16();
    Some((status, answer.text().await.expect("text")))
}

/// A fragment without its parameter `name`.
fn without(fragment: &str, name: &str) -> String {
    let prefix = format!("{name}=");
    let kept: Vec<&str> = fragment
        .split('&')
        .filter(|p| !p.starts_with(&prefix))
        .collect();
    kept.join("&")
}

/// The flow's outcome, which must come long before the 300 s sign-in timeout.
async fn ended(finish: JoinHandle<Result<Session, Error>>) -> Result<Session, Error> {
    tokio::time::timeout(Duration::from_secs(30), finish)
        .await
        .expect("the sign-in ended without waiting for its timeout")
        .expect("no panic")
}

#[tokio::test]
async fn a_cancelled_implicit_sign_in_ends_at_once_with_or_without_state_in_the_fragment() {
    for (form, _) in ImplicitErrorState::ALL {
        let w = world_with(Variant {
            implicit_error_state: *form,
            ..Variant::default()
        })
        .await;
        let pending = w.begin(BrowserGrant::Implicit).await;
        let back = w.approve(&pending.authorize_url, "cancel").await;
        let (origin, fragment) = back.split_once('#').expect("fragment");
        assert_eq!(url_param(&back, "error").as_deref(), Some("access_denied"));
        let echoed = url_param(&back, "state").is_some();
        assert_eq!(
            echoed,
            *form == ImplicitErrorState::Echoed,
            "{form:?}: {back}"
        );
        let finish = tokio::spawn(pending.finish());
        let (_, text) = relay(&w, origin, fragment).await.expect("answered");
        assert!(text.contains("denied or cancelled"), "{form:?}: {text}");
        let err = ended(finish).await.expect_err("denied");
        assert_eq!(err.kind(), ErrorKind::SignInDenied, "{form:?}: {err}");
    }
}

#[tokio::test]
async fn a_forged_implicit_error_can_cancel_but_never_sign_in() {
    let w = world().await;
    let pending = w.begin(BrowserGrant::Implicit).await;
    let back = w.approve(&pending.authorize_url, "sign_in").await;
    let (origin, fragment) = back.split_once('#').expect("fragment");
    let status = |answer: Option<(u16, String)>| answer.expect("answered").0;
    let wrong_state = "error=access_denied&state=forged";
    assert_eq!(
        status(relay(&w, origin, wrong_state).await),
        400,
        "wrong state"
    );
    let no_state = without(fragment, "state");
    assert_eq!(
        status(relay(&w, origin, &no_state).await),
        400,
        "a token needs state"
    );
    assert_eq!(pending.rejected_callbacks(), 2);

    let finish = tokio::spawn(pending.finish());
    let forged = "error=access_denied&error_description=forged";
    let (_, text) = relay(&w, origin, forged).await.expect("answered");
    assert!(text.contains("denied or cancelled"), "{text}");
    let err = ended(finish).await.expect_err("cancelled, not signed in");
    assert_eq!(err.kind(), ErrorKind::SignInDenied, "{err}");
    assert!(
        relay(&w, origin, fragment).await.is_none(),
        "the real token finds the listener closed"
    );
}

#[tokio::test]
async fn an_implicit_error_in_the_query_string_ends_the_sign_in_at_once() {
    let w = world().await;
    for with_state in [true, false] {
        let pending = w.begin(BrowserGrant::Implicit).await;
        let state = url_param(&pending.authorize_url, "state").expect("state");
        let mut url = format!(
            "{}/?error=access_denied&error_description=Not+today",
            pending.redirect_uri
        );
        if with_state {
            url.push_str(&format!("&state={state}"));
        }
        let finish = tokio::spawn(pending.finish());
        let page = w.browser.get(&url).send().await.expect("callback");
        assert_strict_page(&page);
        let body = page.text().await.expect("html");
        assert!(
            body.contains("denied or cancelled") && body.contains("Not today"),
            "{body}"
        );
        let err = ended(finish).await.expect_err("denied");
        assert_eq!(
            err.kind(),
            ErrorKind::SignInDenied,
            "state {with_state}: {err}"
        );
    }
}

/// The relayed fragment's `expires_in` is the login host's (or anyone's) word: an absurd one
/// is capped or ignored, and never overflows the expiry arithmetic.
#[tokio::test]
async fn an_absurd_expires_in_in_the_relayed_fragment_is_capped_or_ignored() {
    let w = world().await;
    for expires_in in super::exchange::ABSURD_EXPIRIES {
        let pending = w.begin(BrowserGrant::Implicit).await;
        let back = w.approve(&pending.authorize_url, "sign_in").await;
        let back = with_param(&back, "expires_in", expires_in.trim_matches('"'));
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
        assert_eq!(answer.status(), 200, "expires_in {expires_in}");
        let session = finish
            .await
            .expect("no panic")
            .unwrap_or_else(|e| panic!("expires_in {expires_in}: signed in ({e})"));
        super::exchange::assert_expiry_is_capped(&session.info(), expires_in);
    }
}
