//! The login host's pages: wrong password and cancel, language from `Accept-Language`,
//! self-contained HTML with safe headers, and `/logout`.

use super::{location, query_param, start, CHALLENGE};

#[tokio::test]
async fn a_wrong_password_stays_on_the_page_and_cancel_is_access_denied() {
    let org = start().await;
    let seed = org.sandbox.seed().clone();
    let base = [
        ("client_id", seed.code_client_id.as_str()),
        ("response_type", "code"),
        ("redirect_uri", "http://127.0.0.1:40011/cb"),
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
        ("redirect_uri", "http://127.0.0.1:40012/cb"),
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
            ("redirect_uri", "http://127.0.0.1:40020/bye"),
        ])
        .send()
        .await
        .expect("logout");
    assert_eq!(
        (ok.status().as_u16(), location(ok.headers())),
        (302, "http://127.0.0.1:40020/bye".to_owned())
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
