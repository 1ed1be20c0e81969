//! The OAuth client form against the Sandbox org (security-matrix.md B1–B4): each validation rule
//! refuses before any request, naming the field the UI shows the message beside.

use ::genesys::models::{GrantType, RoleDivision};
use ::genesys::oauth_client_form::OAuthClientForm;
use ::genesys::{Error, ErrorKind};
use sandbox::{FaultKind, FaultRule};

use super::oauth_clients::{admin, form, role_id};
use super::world;

use GrantType::{ClientCredentials as Cc, Code, Saml2Bearer, Token};

/// One bad input: the grant, the field expected in the error, what to change and to what.
const CASES: &[(GrantType, &str, &str, &str)] = &[
    (Code, "name", "name", "   "),
    (Code, "name", "name", "evil\u{202E}gpj"),
    (Code, "name", "name", "tab\there"),
    (Code, "name", "name", "zero\u{200B}width"),
    (Code, "name", "name", "long"),
    (Code, "tokenDuration", "seconds", "299"),
    (Code, "tokenDuration", "seconds", "172801"),
    (Code, "tokenDuration", "seconds", "1.5"),
    (Code, "tokenDuration", "seconds", "-300"),
    (Code, "tokenDuration", "seconds", "4294967296"),
    (Code, "redirectUris", "redirect", "http://example.com/cb"),
    (Code, "redirectUris", "redirect", "https://u:p@example.com/"),
    (Code, "redirectUris", "redirect", "https://example.com/#x"),
    (Code, "redirectUris", "redirect", "https://*.example.com/"),
    (Code, "redirectUris", "redirect", "/relative/callback"),
    (Code, "redirectUris", "redirect", "long"),
    (
        Code,
        "redirectUris",
        "redirect",
        "HTTP://127.0.0.1:80/callback",
    ),
    (Token, "redirectUris", "redirect", "none"),
    (Code, "scopes", "scopes", "none"),
    (Saml2Bearer, "scopes", "scopes", "none"),
    (Code, "grantType", "grant", "PASSWORD"),
    (Code, "roleDivisions", "roles", "some"),
    (Cc, "scopes", "scopes", "oauth"),
    (Cc, "redirectUris", "redirect", "https://a.example.com/"),
    (Cc, "roleDivisions", "roles", "none"),
    (Cc, "roleDivisions", "roles", "Integration Admin"),
];

fn edit(f: &mut OAuthClientForm, what: &str, value: &str, not_held: &str) {
    let long = |n| format!("https://e.example.com/{}", "a".repeat(n));
    match (what, value) {
        ("name", "long") => f.name = "x".repeat(257),
        ("name", v) => f.name = v.into(),
        ("seconds", v) => f.token_duration_seconds = v.into(),
        ("redirect", "none") => f.redirect_uris.clear(),
        ("redirect", "long") => f.redirect_uris = vec![long(2048)],
        // The loopback URI of `form` again, spelled differently: a duplicate.
        ("redirect", v) if v.starts_with("HTTP://") => f.redirect_uris.push(v.into()),
        ("redirect", v) => f.redirect_uris = vec![v.into()],
        ("scopes", "none") => f.scopes.clear(),
        ("scopes", v) => f.scopes = vec![v.into()],
        ("grant", _) => f.grant_type = GrantType::Password,
        ("roles", "none") => f.role_divisions.clear(),
        ("roles", "some") => {
            f.role_divisions = vec![RoleDivision {
                role_id: not_held.into(),
                division_id: "*".into(),
            }]
        }
        ("roles", _) => f.role_divisions[0].role_id = not_held.into(),
        other => panic!("no such edit {other:?}"),
    }
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
    for &(grant, field, what, value) in CASES {
        let mut bad = form(&w, grant);
        edit(&mut bad, what, value, &not_held);
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
        .create_oauth_client_from_form(&form(&w, Code), admin.token())
        .await
        .expect_err("the armed fault is still there: no POST was sent before");
    assert!(matches!(err, Error::Api { status: 503, .. }), "{err:?}");
}
