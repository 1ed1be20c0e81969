//! OAuth clients through the `genesys` API against the Sandbox org (issue 5, matrix B1–B4):
//! every grant type, validation before any request, Genesys's own errors, edit, disable,
//! delete and secret regeneration.

use ::genesys::api::ClientDeletion;
use ::genesys::auth::{client_credentials, Session};
use ::genesys::models::{ClientState, GrantType, OAuthClientRequest, RoleDivision};
use ::genesys::oauth_client_form::OAuthClientForm;
use ::genesys::{Error, ErrorKind};
use sandbox::{FaultKind, FaultRule};

use super::{world, World};

pub fn role_id(w: &World, name: &str) -> String {
    w.org
        .snapshot()
        .roles
        .iter()
        .find(|r| r.name == name)
        .map(|r| r.id.clone())
        .unwrap_or_else(|| panic!("a seeded {name} role"))
}

/// A valid form for `grant`: CC gets the admin's Developer role in the home division.
pub fn form(w: &World, grant: GrantType) -> OAuthClientForm {
    let credentials = grant == GrantType::ClientCredentials;
    OAuthClientForm {
        name: format!("  Workshop {} client ", grant.as_str()),
        description: "Created by the integration tests".into(),
        grant_type: grant,
        token_duration_seconds: "3600".into(),
        redirect_uris: match grant {
            GrantType::Code | GrantType::Token => vec!["http://127.0.0.1/callback".into()],
            _ => Vec::new(),
        },
        scopes: if credentials {
            Vec::new()
        } else {
            vec!["oauth".into(), "authorization:readonly".into()]
        },
        role_divisions: if credentials {
            vec![RoleDivision {
                role_id: role_id(w, "Developer"),
                division_id: w.org.seed().home_division_id.clone(),
            }]
        } else {
            Vec::new()
        },
        state: None,
    }
}

async fn admin(w: &World) -> Session {
    w.sign_in().await.0
}

#[tokio::test]
async fn each_grant_type_is_created_with_its_secret_shown_once() {
    let w = world().await;
    let admin = admin(&w).await;
    let api = admin.client();
    for grant in [
        GrantType::ClientCredentials,
        GrantType::Code,
        GrantType::Token,
        GrantType::Saml2Bearer,
    ] {
        let issued = api
            .create_oauth_client_from_form(&form(&w, grant), admin.token())
            .await
            .unwrap_or_else(|e| panic!("{grant:?} is created: {e}"));
        assert!(!issued.secret.expose().is_empty(), "{grant:?} has a secret");
        assert!(
            !format!("{issued:?}").contains(issued.secret.expose()),
            "Debug never shows the secret"
        );
        let client = &issued.client;
        assert_eq!(
            client.name,
            format!("Workshop {} client", grant.as_str()),
            "trimmed"
        );
        assert_eq!(
            (
                client.authorized_grant_type,
                client.state,
                client.access_token_validity_seconds
            ),
            (grant, ClientState::Active, Some(3600))
        );
        let read = api
            .oauth_client(&client.id, admin.token())
            .await
            .expect("get");
        assert_eq!(
            &read, client,
            "GET answers what create answered, without the secret"
        );
    }
    let listed = api.oauth_clients(admin.token()).await.expect("list");
    let seeded = 2;
    assert_eq!(listed.len(), seeded + 4, "the list holds every client");
    let scopes = api.oauth_scopes(admin.token()).await.expect("scopes");
    assert!(scopes
        .iter()
        .any(|s| s.id == "oauth" && s.description.is_some()));
}

#[tokio::test]
async fn each_validation_rule_rejects_before_any_request() {
    let w = world().await;
    let admin = admin(&w).await;
    let before = w.org.snapshot().oauth_clients.len();
    // A POST that reached the Sandbox would consume this fault.
    w.org.knobs().add_fault(FaultRule {
        method: Some("POST".into()),
        path: "/api/v2/oauth/clients".into(),
        kind: FaultKind::Status {
            status: 503,
            retry_after: None,
        },
        after: 0,
        times: Some(1),
    });
    let not_held = role_id(&w, "Integration Admin");
    type Edit = Box<dyn Fn(&mut OAuthClientForm)>;
    let cases: Vec<(GrantType, &str, Edit)> = vec![
        (GrantType::Code, "name", Box::new(|f| f.name = "   ".into())),
        (
            GrantType::Code,
            "name",
            Box::new(|f| f.name = "x".repeat(257)),
        ),
        (
            GrantType::Code,
            "name",
            Box::new(|f| f.name = "evil\u{202E}gpj".into()),
        ),
        (
            GrantType::Code,
            "name",
            Box::new(|f| f.name = "tab\there".into()),
        ),
        (
            GrantType::Code,
            "name",
            Box::new(|f| f.name = "zero\u{200B}width".into()),
        ),
        (
            GrantType::Code,
            "tokenDuration",
            Box::new(|f| f.token_duration_seconds = "299".into()),
        ),
        (
            GrantType::Code,
            "tokenDuration",
            Box::new(|f| f.token_duration_seconds = "172801".into()),
        ),
        (
            GrantType::Code,
            "tokenDuration",
            Box::new(|f| f.token_duration_seconds = "1.5".into()),
        ),
        (
            GrantType::Code,
            "tokenDuration",
            Box::new(|f| f.token_duration_seconds = "4294967296".into()),
        ),
        (
            GrantType::Code,
            "redirectUris",
            Box::new(|f| f.redirect_uris = vec!["http://example.com/cb".into()]),
        ),
        (
            GrantType::Code,
            "redirectUris",
            Box::new(|f| f.redirect_uris = vec!["https://u:p@example.com/".into()]),
        ),
        (
            GrantType::Code,
            "redirectUris",
            Box::new(|f| f.redirect_uris = vec!["https://example.com/#x".into()]),
        ),
        (
            GrantType::Code,
            "redirectUris",
            Box::new(|f| f.redirect_uris = vec!["https://*.example.com/".into()]),
        ),
        (
            GrantType::Code,
            "redirectUris",
            Box::new(|f| f.redirect_uris = vec![format!("https://e.com/{}", "a".repeat(2048))]),
        ),
        (
            GrantType::Code,
            "redirectUris",
            Box::new(|f| {
                f.redirect_uris = vec!["https://a.com/x".into(), "HTTPS://A.COM:443/x".into()]
            }),
        ),
        (
            GrantType::Token,
            "redirectUris",
            Box::new(|f| f.redirect_uris.clear()),
        ),
        (GrantType::Code, "scopes", Box::new(|f| f.scopes.clear())),
        (
            GrantType::Saml2Bearer,
            "scopes",
            Box::new(|f| f.scopes.clear()),
        ),
        (
            GrantType::Code,
            "grantType",
            Box::new(|f| f.grant_type = GrantType::Password),
        ),
        (
            GrantType::Code,
            "roleDivisions",
            Box::new(|f| {
                f.role_divisions = vec![RoleDivision {
                    role_id: "r".into(),
                    division_id: "*".into(),
                }]
            }),
        ),
        (
            GrantType::ClientCredentials,
            "scopes",
            Box::new(|f| f.scopes = vec!["oauth".into()]),
        ),
        (
            GrantType::ClientCredentials,
            "redirectUris",
            Box::new(|f| f.redirect_uris = vec!["https://a.com/".into()]),
        ),
        (
            GrantType::ClientCredentials,
            "roleDivisions",
            Box::new(|f| f.role_divisions.clear()),
        ),
        (
            GrantType::ClientCredentials,
            "roleDivisions",
            Box::new(move |f| f.role_divisions[0].role_id = not_held.clone()),
        ),
    ];
    for (grant, field, edit) in cases {
        let mut bad = form(&w, grant);
        edit(&mut bad);
        let err = admin
            .client()
            .create_oauth_client_from_form(&bad, admin.token())
            .await
            .expect_err("refused");
        match &err {
            Error::InvalidInput { field: got, .. } => assert_eq!(*got, field, "{bad:?}: {err}"),
            other => panic!("{bad:?}: expected InvalidInput on {field}, got {other:?}"),
        }
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }
    assert_eq!(
        w.org.snapshot().oauth_clients.len(),
        before,
        "nothing created"
    );
    let err = admin
        .client()
        .create_oauth_client_from_form(&form(&w, GrantType::Code), admin.token())
        .await
        .expect_err("the armed fault is still there: no POST was sent before");
    assert!(matches!(err, Error::Api { status: 503, .. }), "{err:?}");
}

#[tokio::test]
async fn genesys_errors_surface_verbatim_with_their_context_id() {
    let w = world().await;
    let admin = admin(&w).await;
    let valid = form(&w, GrantType::ClientCredentials)
        .validate(&[RoleDivision {
            role_id: role_id(&w, "Developer"),
            division_id: "*".into(),
        }])
        .expect("valid");
    let no_roles = OAuthClientRequest {
        role_divisions: Vec::new(),
        ..valid.clone()
    };
    let err = admin
        .client()
        .create_oauth_client(&no_roles, admin.token())
        .await
        .expect_err("Genesys refuses a CC client without roles");
    match &err {
        Error::Api {
            status: 400,
            code,
            message,
            context_id,
        } => {
            assert_eq!(code, "missing.client.roles");
            assert_eq!(message, "Client roles are missing.");
            assert!(
                context_id.as_deref().is_some_and(|c| !c.is_empty()),
                "{err:?}"
            );
        }
        other => panic!("expected missing.client.roles, got {other:?}"),
    }
    let not_held = OAuthClientRequest {
        role_divisions: vec![RoleDivision {
            role_id: role_id(&w, "Integration Admin"),
            division_id: w.org.seed().home_division_id.clone(),
        }],
        ..valid
    };
    let err = admin
        .client()
        .create_oauth_client(&not_held, admin.token())
        .await
        .expect_err("Genesys refuses a role the admin does not hold");
    assert_eq!(err.kind(), ErrorKind::Api);
    assert!(err.context_id().is_some(), "{err:?}");
    assert!(
        err.to_string().contains("[Integration Admin]"),
        "the server's message is kept verbatim: {err}"
    );
}

#[tokio::test]
async fn edit_disable_enable_and_delete_until_404() {
    let w = world().await;
    let admin = admin(&w).await;
    let (api, token) = (admin.client(), admin.token());
    let id = api
        .create_oauth_client_from_form(&form(&w, GrantType::Code), token)
        .await
        .expect("created")
        .client
        .id;
    let mut edited = form(&w, GrantType::Code);
    edited.name = "Renamed".into();
    edited.token_duration_seconds = "172800".into();
    edited
        .redirect_uris
        .push("https://app.example.com/cb".into());
    let client = api
        .update_oauth_client_from_form(&id, &edited, token)
        .await
        .expect("edited");
    assert_eq!(
        (
            client.name.as_str(),
            client.access_token_validity_seconds,
            client.registered_redirect_uri.len()
        ),
        ("Renamed", Some(172_800), 2)
    );
    edited.token_duration_seconds = "0".into();
    let err = api
        .update_oauth_client_from_form(&id, &edited, token)
        .await
        .expect_err("edit validates too");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    for state in [ClientState::Disabled, ClientState::Active] {
        let client = api
            .set_oauth_client_state(&id, state, token)
            .await
            .expect("state");
        assert_eq!(
            (client.state, client.name.as_str()),
            (state, "Renamed"),
            "only state changes"
        );
    }
    assert_eq!(
        api.delete_oauth_client(&id, token).await.expect("deleted"),
        ClientDeletion::Deleted
    );
    let err = api.oauth_client(&id, token).await.expect_err("gone");
    assert!(matches!(err, Error::Api { status: 404, .. }), "{err:?}");
    assert_eq!(
        api.delete_oauth_client(&id, token)
            .await
            .expect("idempotent"),
        ClientDeletion::Deleted,
        "deleting a client already gone is not an error"
    );
}

#[tokio::test]
async fn a_regenerated_secret_replaces_the_old_one() {
    let w = world().await;
    let admin = admin(&w).await;
    let issued = admin
        .client()
        .create_oauth_client_from_form(&form(&w, GrantType::ClientCredentials), admin.token())
        .await
        .expect("created");
    let id = issued.client.id.clone();
    client_credentials(w.endpoints(), "sandbox", &id, &issued.secret)
        .await
        .expect("the first secret works");
    let again = admin
        .client()
        .regenerate_oauth_client_secret(&id, admin.token())
        .await
        .expect("regenerated");
    assert_ne!(again.secret, issued.secret, "a new secret");
    let err = client_credentials(w.endpoints(), "sandbox", &id, &issued.secret)
        .await
        .expect_err("the old secret stops working");
    assert_eq!(err.kind(), ErrorKind::ClientRejected, "{err}");
    let session = client_credentials(w.endpoints(), "sandbox", &id, &again.secret)
        .await
        .expect("the new secret works");
    assert_eq!(session.info().org_id, w.org.seed().org_id);
}
