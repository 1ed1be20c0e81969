//! The login host's pages: wrong password and cancel, language from `Accept-Language`,
//! self-contained HTML with safe headers, the browser session (cookie, `prompt=login`,
//! `/logout`), and whether an Implicit error carries `state` in each variant.

use reqwest::header::{COOKIE, SET_COOKIE};
use sandbox::{ImplicitErrorState, SandboxOptions, Variant};

use super::{location, query_param, quick, start, start_with, Org, CHALLENGE};

#[tokio::test]
async fn a_wrong_password_stays_on_the_page_and_cancel_is_access_denied() {
    let org = start().await;
    let seed = org.sandbox.seed().clone();
    let base = [
        ("client_id", seed.code_client_id.as_str()),
        ("response_type", "code"),
        ("redirect_uri", "http://127.0.0.1:40011"),
        ("code_challenge", CHALLENGE),
        ("code_challenge_method", "S256"),
        ("lang", "es"),
    ];
    let mut wrong = base.to_vec();
    wrong.extend([
        ("email", seed.admin_email.as_str()),
        ("password", "nope"),
        ("action", "sign_in"),
    ]);
    let response = org
        .http
        .post(org.login("/oauth/authorize"))
        .form(&wrong)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("html");
    assert!(
        html.contains("no son correctos"),
        "Spanish error shown: {html}"
    );
    let mut cancel = base.to_vec();
    cancel.push(("action", "cancel"));
    let response = org
        .http
        .post(org.login("/oauth/authorize"))
        .form(&cancel)
        .send()
        .await
        .expect("post");
    let back = location(response.headers());
    assert_eq!(
        query_param(&back, "error").as_deref(),
        Some("access_denied")
    );
}

#[tokio::test]
async fn the_sign_in_page_follows_accept_language_and_is_self_contained() {
    let org = start().await;
    let seed = org.sandbox.seed().clone();
    let query = [
        ("client_id", seed.code_client_id.as_str()),
        ("response_type", "code"),
        ("redirect_uri", "http://127.0.0.1:40012"),
    ];
    for (accept, lang, heading) in [
        ("es-MX,es;q=0.9", "es", "Inicia sesión"),
        ("pt-BR", "pt-BR", "Entre em"),
        ("de", "en", "Sign in to"),
    ] {
        let response = org
            .http
            .get(org.login("/oauth/authorize"))
            .query(&query)
            .header("accept-language", accept)
            .send()
            .await
            .expect("page");
        assert_eq!(response.headers()["cache-control"], "no-store");
        assert_eq!(response.headers()["referrer-policy"], "no-referrer");
        assert!(response.headers().contains_key("content-security-policy"));
        let html = response.text().await.expect("html");
        assert!(
            html.contains(&format!("lang=\"{lang}\"")) && html.contains(heading),
            "{accept}: {html}"
        );
        assert!(
            !html.contains("<script") && !html.contains(" src=") && !html.contains("href="),
            "no external resources"
        );
    }
}

#[tokio::test]
async fn logout_redirects_only_to_a_registered_uri() {
    let org = start().await;
    let client = org.sandbox.seed().code_client_id.clone();
    let ok = org
        .http
        .get(org.login("/logout"))
        .query(&[
            ("client_id", client.as_str()),
            ("redirect_uri", "http://127.0.0.1:40020"),
        ])
        .send()
        .await
        .expect("logout");
    assert_eq!(
        (ok.status().as_u16(), location(ok.headers())),
        (302, "http://127.0.0.1:40020".to_owned())
    );
    let page = org
        .http
        .get(org.login("/logout"))
        .query(&[
            ("client_id", client.as_str()),
            ("redirect_uri", "https://evil.example/"),
        ])
        .send()
        .await
        .expect("logout");
    assert_eq!(page.status(), 200);
    assert!(page.headers().get("location").is_none());
}

/// Signs the admin in on the form with `params`: the redirect and the session cookie set.
async fn sign_in_on_the_form(org: &Org, params: &[(&str, &str)]) -> (String, String) {
    let seed = org.sandbox.seed().clone();
    let mut form = params.to_vec();
    form.extend([
        ("email", seed.admin_email.as_str()),
        ("password", seed.admin_password.as_str()),
        ("action", "sign_in"),
    ]);
    let response = org
        .http
        .post(org.login("/oauth/authorize"))
        .form(&form)
        .send()
        .await
        .expect("sign in");
    assert_eq!(response.status(), 302);
    let set = response.headers()[SET_COOKIE]
        .to_str()
        .expect("ASCII")
        .to_owned();
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(set.contains(attribute), "{set}");
    }
    let cookie = set.split(';').next().expect("name=value").to_owned();
    (location(response.headers()), cookie)
}

async fn authorize_with(org: &Org, params: &[(&str, &str)], cookie: &str) -> reqwest::Response {
    org.http
        .get(org.login("/oauth/authorize"))
        .query(params)
        .header(COOKIE, cookie)
        .send()
        .await
        .expect("authorize")
}

#[tokio::test]
async fn a_browser_session_signs_in_silently_until_prompt_login_or_logout() {
    let org = start().await;
    let seed = org.sandbox.seed().clone();
    let redirect = "http://127.0.0.1:40050";
    let params = [
        ("client_id", seed.code_client_id.as_str()),
        ("response_type", "code"),
        ("redirect_uri", redirect),
        ("code_challenge", CHALLENGE),
        ("code_challenge_method", "S256"),
        ("state", "s"),
    ];
    let (_, cookie) = sign_in_on_the_form(&org, &params).await;
    let silent = authorize_with(&org, &params, &cookie).await;
    assert_eq!(silent.status(), 302, "no form for a live session");
    let back = location(silent.headers());
    assert!(back.starts_with(&format!("{redirect}?")), "{back}");
    let code = query_param(&back, "code").expect("a code");
    let (status, body) = org.exchange(&code, super::VERIFIER, redirect).await;
    assert_eq!(status, 200, "{body}");
    let token = body["access_token"].as_str().expect("token");
    let me = org.get("/api/v2/users/me", token).await;
    assert_eq!(me.ok()["id"], seed.admin_user_id.as_str(), "the same user");

    let mut again = params.to_vec();
    again.push(("prompt", "login"));
    let form = authorize_with(&org, &again, &cookie).await;
    assert_eq!(form.status(), 200, "prompt=login shows the form");
    let unknown = authorize_with(&org, &params, "sandbox_login=made-up").await;
    assert_eq!(
        unknown.status(),
        200,
        "a cookie the org did not set is no session"
    );

    let out = org
        .http
        .get(org.login("/logout"))
        .query(&[
            ("client_id", seed.code_client_id.as_str()),
            ("redirect_uri", redirect),
        ])
        .header(COOKIE, &cookie)
        .send()
        .await
        .expect("logout");
    assert_eq!(
        (out.status().as_u16(), location(out.headers())),
        (302, redirect.to_owned())
    );
    let cleared = out.headers()[SET_COOKIE].to_str().expect("ASCII");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    let after = authorize_with(&org, &params, &cookie).await;
    assert_eq!(after.status(), 200, "after /logout the form is shown again");
}

#[tokio::test]
async fn an_implicit_cancel_carries_state_only_in_the_echoed_variant() {
    for (form, _) in ImplicitErrorState::ALL {
        let org = start_with(SandboxOptions {
            variant: Variant {
                implicit_error_state: *form,
                ..Variant::default()
            },
            ..quick()
        })
        .await;
        let seed = org.sandbox.seed().clone();
        let cancel = [
            ("client_id", seed.token_client_id.as_str()),
            ("response_type", "token"),
            ("redirect_uri", "http://127.0.0.1:40060"),
            ("state", "st"),
            ("action", "cancel"),
        ];
        let response = org
            .http
            .post(org.login("/oauth/authorize"))
            .form(&cancel)
            .send()
            .await
            .expect("post");
        let back = location(response.headers());
        assert!(
            back.starts_with("http://127.0.0.1:40060#error=access_denied"),
            "{back}"
        );
        assert!(query_param(&back, "error_description").is_some());
        let want = (*form == ImplicitErrorState::Echoed).then(|| "st".to_owned());
        assert_eq!(query_param(&back, "state"), want, "{form:?}");
    }
}
