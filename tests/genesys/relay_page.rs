//! The Implicit relay page as the browser gets it: in the sign-in's language, with a headline
//! and a message while relaying and without JavaScript, and relay answers (success or refusal)
//! in plain text with their headline on the first line, which the page's script shows as such.

use ::genesys::auth::{begin_sign_in, BrowserGrant};
use ::genesys::Language;
use serde_json::Value;

use super::{with_param, world};

/// The listener pages' catalogue for `language`, read from the crate's own files.
fn catalogue(language: Language) -> Value {
    let json = match language {
        Language::En => include_str!("../../src-tauri/genesys/src/auth/i18n/en.json"),
        Language::Es => include_str!("../../src-tauri/genesys/src/auth/i18n/es.json"),
        Language::PtBr => include_str!("../../src-tauri/genesys/src/auth/i18n/pt-BR.json"),
    };
    serde_json::from_str(json).expect("the catalogue parses")
}

fn text(catalogue: &Value, key: &str) -> String {
    catalogue[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is in the catalogue"))
        .to_owned()
}

/// As the listener escapes element content and attribute values.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[tokio::test]
async fn the_relay_page_and_its_answer_speak_the_sign_in_language() {
    let w = world().await;
    let english = catalogue(Language::En);
    for language in [Language::En, Language::Es, Language::PtBr] {
        let texts = catalogue(language);
        let mut request = w.request(BrowserGrant::Implicit);
        request.language = language;
        let pending = begin_sign_in(request).await.expect("sign-in begins");
        let back = w.approve(&pending.authorize_url, "sign_in").await;
        let (page_url, fragment) = back.split_once('#').expect("the token is in the fragment");
        let html = w
            .browser
            .get(page_url)
            .send()
            .await
            .expect("relay page")
            .text()
            .await
            .expect("html");
        assert!(html.contains(&format!("<html lang=\"{}\">", language.tag())));
        for key in [
            "relay_heading",
            "relay_working",
            "relay_failed_heading",
            "relay_failed",
            "relay_noscript_heading",
            "relay_noscript",
        ] {
            let shown = escaped(&text(&texts, key));
            assert!(html.contains(&shown), "{language:?} {key}: {html}");
            if language != Language::En {
                assert_ne!(
                    text(&texts, key),
                    text(&english, key),
                    "{key} is translated"
                );
            }
        }
        let heading = format!(
            "<h1 id=\"h\">{}</h1>",
            escaped(&text(&texts, "relay_heading"))
        );
        assert!(html.contains(&heading), "the headline says it is relaying");

        let origin = format!("http://{}", pending.local_addr());
        let finish = tokio::spawn(pending.finish());
        let answer = w
            .browser
            .post(format!("{origin}/relay"))
            .header("Origin", &origin)
            .body(fragment.to_owned())
            .send()
            .await
            .expect("relayed")
            .text()
            .await
            .expect("text");
        let mut lines = answer.lines();
        assert_eq!(
            lines.next(),
            Some(text(&texts, "signed_in_heading").as_str()),
            "the headline comes first: {answer}"
        );
        assert!(
            lines
                .next()
                .is_some_and(|l| l.contains(&w.org.seed().org_name)),
            "{answer}"
        );
        finish.await.expect("no panic").expect("signed in");
    }
}

#[tokio::test]
async fn a_refused_relay_is_answered_in_plain_text_with_its_headline_first() {
    let w = world().await;
    let english = catalogue(Language::En);
    let pending = w.begin(BrowserGrant::Implicit).await;
    let back = w.approve(&pending.authorize_url, "sign_in").await;
    let origin = format!("http://{}", pending.local_addr());
    let wrong_state = with_param(&back, "state", "forged");
    let wrong_state = wrong_state.split_once('#').expect("fragment").1.to_owned();
    let answer = w
        .browser
        .post(format!("{origin}/relay"))
        .header("Origin", &origin)
        .body(wrong_state)
        .send()
        .await
        .expect("answered");
    assert_eq!(answer.status(), 400);
    let kind = answer.headers().get("content-type").cloned();
    assert_eq!(
        kind.as_ref().and_then(|v| v.to_str().ok()),
        Some("text/plain; charset=utf-8"),
        "the page shows the answer with textContent, so no HTML"
    );
    let body = answer.text().await.expect("text");
    assert!(!body.contains('<'), "{body}");
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some(text(&english, "bad_request_heading").as_str())
    );
    assert_eq!(
        lines.get(1).copied(),
        Some(text(&english, "bad_request_body").as_str())
    );
    assert_eq!(pending.rejected_callbacks(), 1);
}
