//! The PKCE browser flow against the Sandbox org: security-matrix.md A1, A7, A8, A9, A13.

use std::time::{Duration, Instant};

use ::genesys::auth::begin_sign_in;
use ::genesys::auth::{BrowserGrant, Grant, SignInRequest};
use ::genesys::{Error, ErrorKind, Language};
use sandbox::{RedirectPath, Variant};

use super::{accepts, url_param, with_param, world, world_with};

#[tokio::test]
async fn a1_pkce_signs_the_admin_in_names_them_and_closes_the_listener() {
    let w = world().await;
    let seed = w.org.seed().clone();
    let pending = w.begin(BrowserGrant::Pkce).await;
    let url = &pending.authorize_url;
    assert!(url.starts_with(&format!("{}/oauth/authorize?", w.org.login_base_url())));
    assert_eq!(url_param(url, "response_type").as_deref(), Some("code"));
    assert_eq!(
        url_param(url, "code_challenge_method").as_deref(),
        Some("S256")
    );
    assert_eq!(url_param(url, "code_challenge").map(|c| c.len()), Some(43));
    assert_eq!(
        url_param(url, "state").map(|s| s.len()),
        Some(43),
        "256-bit state"
    );
    assert_eq!(
        url_param(url, "client_id"),
        Some(seed.code_client_id.clone())
    );
    let addr = pending.local_addr();
    assert_eq!(
        url_param(url, "redirect_uri"),
        Some(format!("http://127.0.0.1:{}", addr.port())),
        "loopback IP literal and ephemeral port, no path"
    );
    assert_eq!(pending.redirect_uri, format!("http://{addr}"));
    assert_eq!(url_param(url, "prompt"), None, "no prompt unless asked");

    let back = w.approve(url, "sign_in").await;
    assert!(back.starts_with(&pending.redirect_uri), "{back}");
    let finish = tokio::spawn(pending.finish());
    let page = w.browser.get(&back).send().await.expect("callback page");
    let arrived = Instant::now();
    assert_eq!(page.status(), 200);
    let body = page.text().await.expect("body");
    assert!(body.contains("You can close this tab"), "{body}");
    assert!(
        body.contains(&seed.org_name) && body.contains(&seed.admin_name),
        "{body}"
    );
    let session = finish.await.expect("no panic").expect("signed in");
    while accepts(addr).await {
        assert!(
            arrived.elapsed() < Duration::from_secs(1),
            "closed within 1 s"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let info = session.info();
    assert_eq!(info.org_id, seed.org_id);
    assert_eq!(info.org_name, seed.org_name);
    assert_eq!(info.user_id.as_deref(), Some(seed.admin_user_id.as_str()));
    assert_eq!(info.user_email.as_deref(), Some(seed.admin_email.as_str()));
    assert_eq!(info.user_name.as_deref(), Some(seed.admin_name.as_str()));
    assert_eq!(
        (info.grant, info.region_code.as_str()),
        (Grant::Pkce, "sandbox")
    );
    let expires = time::OffsetDateTime::parse(
        &info.expires_at,
        &time::format_description::well_known::Rfc3339,
    )
    .expect("expiresAt is RFC 3339");
    assert!(expires > time::OffsetDateTime::now_utc() + Duration::from_secs(3600));

    let token_info = session.validate().await.expect("the new token works");
    assert_eq!(token_info.organization.id, seed.org_id);
    let again = session.clone();
    session.sign_out().await.expect("revoked");
    let err = again
        .validate()
        .await
        .expect_err("a revoked token is refused");
    assert_eq!(err.kind(), ErrorKind::SignInRequired, "{err}");
}

#[tokio::test]
async fn a7_access_denied_ends_the_flow_and_the_description_is_escaped() {
    let w = world().await;
    let pending = w.begin(BrowserGrant::Pkce).await;
    let back = w.approve(&pending.authorize_url, "cancel").await;
    assert_eq!(url_param(&back, "error").as_deref(), Some("access_denied"));
    let back = with_param(&back, "error_description", "<script>alert(1)</script>");
    let finish = tokio::spawn(pending.finish());
    let page = w.browser.get(&back).send().await.expect("callback page");
    let body = page.text().await.expect("body");
    assert!(body.contains("denied or cancelled"), "{body}");
    assert!(
        body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{body}"
    );
    assert!(!body.contains("<script>alert"), "echoed text is escaped");
    let err = finish.await.expect("no panic").expect_err("denied");
    assert_eq!(err.kind(), ErrorKind::SignInDenied, "{err}");
    assert!(w.org.snapshot().tokens.is_empty(), "no token was requested");
}

#[tokio::test]
async fn a8_wrong_or_missing_state_gets_400_and_the_flow_keeps_waiting() {
    let w = world().await;
    let pending = w.begin(BrowserGrant::Pkce).await;
    let back = w.approve(&pending.authorize_url, "sign_in").await;
    let code = url_param(&back, "code").expect("code");
    let wrong = with_param(&back, "state", "not-the-state");
    let missing = format!("{}?code={code}", pending.redirect_uri);
    for attempt in [&wrong, &missing] {
        let page = w.browser.get(attempt).send().await.expect("answered");
        assert_eq!(page.status(), 400, "{attempt}");
        let body = page.text().await.expect("body");
        assert!(
            !body.contains("not-the-state") && !body.contains(&code),
            "nothing echoed"
        );
    }
    assert_eq!(pending.rejected_callbacks(), 2, "the counter goes up");
    assert!(
        w.org.snapshot().tokens.is_empty(),
        "no token request for a bad state"
    );
    let finish = tokio::spawn(pending.finish());
    let page = w.browser.get(&back).send().await.expect("callback");
    assert_eq!(page.status(), 200, "the real callback still works");
    finish.await.expect("no panic").expect("signed in");
}

#[tokio::test]
async fn a9_a17_unexpected_paths_get_404_and_the_flow_continues() {
    let w = world().await;
    let pending = w.begin(BrowserGrant::Pkce).await;
    let back = w.approve(&pending.authorize_url, "sign_in").await;
    let query = back.split_once('?').expect("query").1;
    let origin = format!("http://{}", pending.local_addr());
    for path in [
        "/favicon.ico".to_owned(),
        format!("/%2f?{query}"),
        format!("//?{query}"),
        format!("/callback/sandbox?{query}"),
        format!("/callback?{query}"),
        format!("/x/?{query}"),
    ] {
        let page = w
            .browser
            .get(format!("{origin}{path}"))
            .send()
            .await
            .expect("answered");
        assert_eq!(page.status(), 404, "{path}");
    }
    let finish = tokio::spawn(pending.finish());
    assert_eq!(
        w.browser
            .get(&back)
            .send()
            .await
            .expect("callback")
            .status(),
        200
    );
    finish.await.expect("no panic").expect("signed in");
}

#[tokio::test]
async fn a13_a_second_callback_is_refused_and_a_replayed_code_is_invalid_grant() {
    let w = world().await;
    let (_, _) = w.sign_in().await;
    let pending = w.begin(BrowserGrant::Pkce).await;
    let back = w.approve(&pending.authorize_url, "sign_in").await;
    let code = url_param(&back, "code").expect("code");
    // Someone presents the code first (a code is consumed by its first presentation).
    let stolen = w
        .browser
        .post(format!("{}/oauth/token", w.org.login_base_url()))
        .form(&[("grant_type", "authorization_code"), ("code", &code)])
        .send()
        .await
        .expect("token endpoint");
    assert_eq!(stolen.status(), 400);
    let finish = tokio::spawn(pending.finish());
    let page = w.browser.get(&back).send().await.expect("callback");
    assert!(page.text().await.expect("body").contains("did not finish"));
    let err = finish
        .await
        .expect("no panic")
        .expect_err("the code was used");
    match &err {
        Error::OAuth {
            status: 400, error, ..
        } => assert_eq!(error, "invalid_grant"),
        other => panic!("expected invalid_grant, got {other:?}"),
    }
    assert!(
        !err.to_string().contains(&code),
        "the code is not in the error"
    );
    let again = w.browser.get(&back).send().await;
    assert!(again.is_err(), "after the flow ends the port is closed");
}

#[tokio::test]
async fn the_callback_page_speaks_the_users_language() {
    let w = world().await;
    let seed = w.org.seed().clone();
    for (language, close) in [
        (Language::Es, "Puede cerrar esta pestaña"),
        (Language::PtBr, "Você pode fechar esta aba"),
    ] {
        let request = ::genesys::auth::SignInRequest {
            language,
            ..w.request(BrowserGrant::Pkce)
        };
        let pending = begin_sign_in(request).await.expect("begins");
        let back = w.approve(&pending.authorize_url, "sign_in").await;
        let finish = tokio::spawn(pending.finish());
        let body = w
            .browser
            .get(&back)
            .send()
            .await
            .expect("page")
            .text()
            .await
            .expect("body");
        assert!(
            body.contains(close) && body.contains(&seed.org_name),
            "{language:?}: {body}"
        );
        finish.await.expect("no panic").expect("signed in");
    }
}

#[tokio::test]
async fn the_redirect_uri_sent_is_exactly_the_loopback_origin_and_port() {
    let w = world().await;
    for grant in [BrowserGrant::Pkce, BrowserGrant::Implicit] {
        let pending = w.begin(grant).await;
        let sent = url_param(&pending.authorize_url, "redirect_uri").expect("redirect_uri");
        let port = pending.local_addr().port();
        assert_eq!(sent, format!("http://127.0.0.1:{port}"), "{grant:?}");
        assert_eq!(sent, pending.redirect_uri, "{grant:?}");
    }
}

#[tokio::test]
async fn sign_in_works_whether_the_org_matches_redirect_paths_exactly_or_by_prefix() {
    for (path, _) in RedirectPath::ALL {
        let w = world_with(Variant {
            redirect_path: *path,
            ..Variant::default()
        })
        .await;
        let (session, _) = w.sign_in().await;
        session.validate().await.expect("the token works");
    }
}

/// The browser keeps the login host's session: signing in again without `prompt=login` comes
/// straight back as the same user, `prompt=login` shows the form, and after `/logout` the form
/// is shown again.
#[tokio::test]
async fn a_live_browser_session_signs_in_silently_until_prompt_login_or_logout() {
    let w = world().await;
    let seed = w.org.seed().clone();
    let pending = w.begin(BrowserGrant::Pkce).await;
    let (back, cookie) = w
        .approve_with_session(&pending.authorize_url, "sign_in")
        .await;
    let cookie = cookie.expect("the login host remembers the browser");
    let finish = tokio::spawn(pending.finish());
    w.browser.get(&back).send().await.expect("callback");
    let first = finish.await.expect("no panic").expect("signed in").info();

    let pending = w.begin(BrowserGrant::Pkce).await;
    let silent = w.visit(&pending.authorize_url, &cookie).await;
    assert_eq!(silent.status(), 302, "no form for a live session");
    let back = silent.headers()["location"]
        .to_str()
        .expect("Location")
        .to_owned();
    assert!(back.starts_with(&pending.redirect_uri), "{back}");
    let finish = tokio::spawn(pending.finish());
    w.browser.get(&back).send().await.expect("callback");
    let again = finish.await.expect("no panic").expect("signed in").info();
    assert_eq!(again.user_id, first.user_id);
    assert_eq!(again.user_id.as_deref(), Some(seed.admin_user_id.as_str()));

    let pending = begin_sign_in(SignInRequest {
        prompt_login: true,
        ..w.request(BrowserGrant::Pkce)
    })
    .await
    .expect("begins");
    assert_eq!(
        url_param(&pending.authorize_url, "prompt").as_deref(),
        Some("login")
    );
    let form = w.visit(&pending.authorize_url, &cookie).await;
    assert_eq!(form.status(), 200, "prompt=login shows the form");
    assert!(form
        .text()
        .await
        .expect("html")
        .contains("type=\"password\""));

    let logout = ::genesys::auth::logout_url(&w.endpoints(), &seed.code_client_id).expect("URL");
    assert_eq!(
        logout,
        format!(
            "{}/logout?client_id={}",
            w.org.login_base_url(),
            seed.code_client_id
        )
    );
    let out = w.visit(&logout, &cookie).await;
    assert_eq!(out.status(), 200, "no redirect_uri: the signed-out page");
    let pending = w.begin(BrowserGrant::Pkce).await;
    let form = w.visit(&pending.authorize_url, &cookie).await;
    assert_eq!(form.status(), 200, "after /logout the form is shown again");
}
