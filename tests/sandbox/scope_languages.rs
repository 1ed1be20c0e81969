//! `GET /api/v2/oauth/scopes` in the language `Accept-Language` asks for: es and pt-BR
//! descriptions, English for any other language or none.

use reqwest::header::ACCEPT_LANGUAGE;
use serde_json::Value;

use super::{start, Org};

/// The scope listing (or one scope, for a `/{id}` path) as `accept_language` asks for it.
async fn scopes_in(org: &Org, path: &str, token: &str, accept_language: Option<&str>) -> Value {
    let mut request = org.http.get(org.api(path)).bearer_auth(token);
    if let Some(tag) = accept_language {
        request = request.header(ACCEPT_LANGUAGE, tag);
    }
    let response = request.send().await.expect("the API answers");
    assert_eq!(response.status(), 200, "{path} in {accept_language:?}");
    response.json().await.expect("JSON")
}

/// Every scope's (id, description) in the listing.
fn described(listing: &Value) -> Vec<(String, String)> {
    listing["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|s| {
            let text = |k: &str| s[k].as_str().expect("a string").to_owned();
            (text("id"), text("description"))
        })
        .collect()
}

fn description_of(listing: &Value, id: &str) -> String {
    described(listing)
        .into_iter()
        .find(|(i, _)| i == id)
        .map(|(_, d)| d)
        .expect("the scope is listed")
}

#[tokio::test]
async fn scope_descriptions_follow_accept_language_and_fall_back_to_english() {
    let org = start().await;
    let admin = org.admin_token().await;
    let path = "/api/v2/oauth/scopes";
    let english = scopes_in(&org, path, &admin, None).await;
    assert_eq!(
        description_of(&english, "integrations"),
        "Manage integrations, credentials and data actions",
        "no header: the seed's English"
    );
    let cases = [
        (
            "es",
            "Administrar integraciones, credenciales y acciones de datos",
        ),
        (
            "es-MX, en;q=0.5",
            "Administrar integraciones, credenciales y acciones de datos",
        ),
        (
            "pt-BR",
            "Gerenciar integrações, credenciais e ações de dados",
        ),
        (
            "fr-FR, pt-BR;q=0.8",
            "Gerenciar integrações, credenciais e ações de dados",
        ),
        ("en", "Manage integrations, credentials and data actions"),
        ("fr-FR", "Manage integrations, credentials and data actions"),
        (
            "de, ja;q=0.9",
            "Manage integrations, credentials and data actions",
        ),
    ];
    for (asked, expected) in cases {
        let listing = scopes_in(&org, path, &admin, Some(asked)).await;
        assert_eq!(
            description_of(&listing, "integrations"),
            expected,
            "{asked}"
        );
        let ids: Vec<String> = described(&listing).into_iter().map(|(i, _)| i).collect();
        let english_ids: Vec<String> = described(&english).into_iter().map(|(i, _)| i).collect();
        assert_eq!(
            ids, english_ids,
            "{asked}: the same scopes, in the same order"
        );
    }
    // Every scope is translated, not only the one checked above.
    for tag in ["es", "pt-BR"] {
        let listing = scopes_in(&org, path, &admin, Some(tag)).await;
        for ((id, text), (_, english)) in described(&listing).iter().zip(described(&english)) {
            assert_ne!(text, &english, "{id} has no {tag} description");
        }
    }
}

#[tokio::test]
async fn one_scope_is_described_in_the_language_asked_for() {
    let org = start().await;
    let admin = org.admin_token().await;
    let path = "/api/v2/oauth/scopes/oauth:readonly";
    for (asked, expected) in [
        (Some("es"), "Ver clientes OAuth"),
        (Some("pt-BR"), "Ver clientes OAuth"),
        (Some("it"), "View OAuth clients"),
        (None, "View OAuth clients"),
    ] {
        let scope = scopes_in(&org, path, &admin, asked).await;
        assert_eq!(scope["id"], "oauth:readonly");
        assert_eq!(scope["description"], expected, "{asked:?}");
    }
    let scope = scopes_in(&org, "/api/v2/oauth/scopes/users", &admin, Some("pt-BR")).await;
    assert_eq!(scope["description"], "Gerenciar usuários");
}
