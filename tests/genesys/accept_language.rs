//! The client asks Genesys to answer in the UI's language: every request carries the
//! `Accept-Language` its options name (English by default), and the Sandbox org answers scope
//! descriptions in it, in English for a language the app does not speak.

use std::sync::Mutex;

use ::genesys::api::{Client, ClientOptions};
use ::genesys::secrets::Secret;
use ::genesys::{Endpoints, Language};
use serde_json::Value;

use super::recorder::{recording_host, Heads};
use super::world;

/// An API host on loopback that records each request head and answers `{}`.
async fn recording_api() -> (Endpoints, Heads) {
    let answer = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                  content-length: 2\r\nconnection: close\r\n\r\n{}";
    let (port, heads) = recording_host(answer).await;
    let base = format!("http://127.0.0.1:{port}");
    let endpoints = Endpoints {
        login_base: base.clone(),
        api_base: base,
    };
    (endpoints, heads)
}

/// The `Accept-Language` values of a request head.
fn accept_language(head: &str) -> Vec<String> {
    head.lines()
        .filter_map(|line| line.split_once(':'))
        .filter(|(name, _)| name.trim().eq_ignore_ascii_case("accept-language"))
        .map(|(_, value)| value.trim().to_owned())
        .collect()
}

async fn last_accept_language(client: &Client, heads: &Mutex<Vec<String>>) -> Vec<String> {
    let _: Value = client
        .get("/api/v2/oauth/scopes", &Secret::new("header-test-token"))
        .await
        .expect("the recording host answers");
    let heads = heads.lock().expect("heads");
    accept_language(heads.last().expect("a request arrived"))
}

#[tokio::test]
async fn every_request_sends_the_accept_language_the_client_was_given() {
    let (endpoints, heads) = recording_api().await;
    let default = Client::new(endpoints.clone()).expect("a client");
    assert_eq!(default.language(), Language::En);
    assert_eq!(
        last_accept_language(&default, &heads).await,
        ["en"],
        "a client told nothing asks for English"
    );
    for (language, tag) in [
        (Language::Es, "es"),
        (Language::PtBr, "pt-BR"),
        (Language::En, "en"),
    ] {
        let options = ClientOptions {
            language,
            ..ClientOptions::default()
        };
        let client = Client::with_options(endpoints.clone(), options).expect("a client");
        assert_eq!(
            last_accept_language(&client, &heads).await,
            [tag],
            "exactly one Accept-Language, the one given"
        );
    }
    let mut switched = default.clone();
    switched.set_language(Language::PtBr);
    assert_eq!(last_accept_language(&switched, &heads).await, ["pt-BR"]);
    assert_eq!(
        last_accept_language(&default, &heads).await,
        ["en"],
        "a clone's language is its own"
    );
}

#[tokio::test]
async fn a_session_reads_scope_descriptions_in_its_language() {
    let w = world().await;
    let (mut session, _) = w.sign_in().await;
    let integrations = |scopes: Vec<::genesys::models::OAuthScope>| {
        scopes
            .into_iter()
            .find(|s| s.id == "integrations")
            .and_then(|s| s.description)
            .expect("the integrations scope is listed with a description")
    };
    // An OS locale the app does not speak resolves to English, and so do the descriptions.
    for (language, expected) in [
        (
            Language::from_locale("fr_FR.UTF-8"),
            "Manage integrations, credentials and data actions",
        ),
        (
            Language::Es,
            "Administrar integraciones, credenciales y acciones de datos",
        ),
        (
            Language::PtBr,
            "Gerenciar integrações, credenciais e ações de dados",
        ),
        (
            Language::En,
            "Manage integrations, credentials and data actions",
        ),
    ] {
        session.set_language(language);
        let token = session.token().clone();
        let scopes = session.client().oauth_scopes(&token).await.expect("scopes");
        assert_eq!(integrations(scopes), expected, "{language:?}");
    }
}
