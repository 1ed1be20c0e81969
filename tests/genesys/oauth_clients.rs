//! OAuth clients through the `genesys` API against the Sandbox org: every grant
//! type, Genesys's own errors with `contextId`, edit, disable/enable, delete until 404 and
//! secret regeneration.

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

pub async fn admin(w: &World) -> Session {
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

/// Answers `method path` once with `body`, without running the operation.
fn pretend(method: &str, path: &str, body: &str) -> FaultRule {
    FaultRule {
        method: Some(method.into()),
        path: path.into(),
        kind: FaultKind::Body {
            status: 200,
            content_type: "application/json".into(),
            body: body.into(),
        },
        after: 0,
        times: Some(1),
    }
}

#[tokio::test]
async fn a_client_genesys_keeps_inactive_is_reported_as_scheduled_not_deleted() {
    let w = world().await;
    let admin = admin(&w).await;
    let (api, token) = (admin.client(), admin.token());
    let id = api
        .create_oauth_client_from_form(&form(&w, GrantType::Code), token)
        .await
        .expect("created")
        .client
        .id;
    let path = format!("/api/v2/oauth/clients/{id}");
    w.org.knobs().add_fault(pretend("DELETE", &path, "{}"));
    let wait = std::time::Duration::from_millis(300);
    let outcome = api
        .delete_oauth_client_within(&id, wait, token)
        .await
        .expect("an inactive client left in place is not an error");
    assert_eq!(
        outcome,
        ClientDeletion::Scheduled {
            date_to_delete: None
        }
    );
    let client = api.oauth_client(&id, token).await.expect("still there");
    assert_eq!(
        client.state,
        ClientState::Inactive,
        "set inactive before DELETE"
    );
    api.set_oauth_client_state(&id, ClientState::Active, token)
        .await
        .expect("restored");
    let fake = format!(r#"{{"id":"{id}","name":"n","authorizedGrantType":"CODE"}}"#);
    w.org.knobs().add_fault(pretend("PUT", &path, &fake));
    w.org.knobs().add_fault(pretend("DELETE", &path, "{}"));
    let err = api
        .delete_oauth_client_within(&id, wait, token)
        .await
        .expect_err("a client still active after DELETE is an error");
    assert!(
        matches!(&err, Error::Unexpected(m) if m.contains("still exists")),
        "{err:?}"
    );
}
