//! The form's starting point and its checks against the Sandbox org: the pre-selected role is
//! the smallest held role granting `routing:queue:view` (by its `permissionPolicies`: its
//! `permissions` are legacy names); preflight finds the user's permissions whether or not
//! `users/me` lists them; a role the user does not hold, or an org at the integration limit,
//! is refused before anything is created or journaled; a user lacking a permission is told
//! which one, by the refused request (sent once) and by preflight.

use std::sync::Arc;

use ::genesys::api::{Client, MAX_DATA_ACTIONS_INTEGRATIONS};
use ::genesys::models::RoleDivision;
use ::genesys::setup::{draft, preflight, start, unfinished, SetupRequest, DEFAULT_CLIENT_NAME};
use ::genesys::{Error, ErrorKind};

use sandbox::{MePermissions, Variant};

use super::super::{world, world_with};
use super::{
    context, endpoints, fast_options, journal_dir, marked_total, request, sign_in, store, unique,
    Recorder,
};

fn role_named(w: &super::super::World, name: &str) -> String {
    w.org
        .snapshot()
        .roles
        .iter()
        .find(|r| r.name == name)
        .map(|r| r.id.clone())
        .expect(name)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_smallest_held_role_reading_queues_is_preselected() {
    let w = world().await;
    let token = sign_in(&w).await;
    let client = Client::with_options(endpoints(&w.org), fast_options()).expect("client");
    let draft = draft(&client, &token).await.expect("draft");
    // The admin holds Admin (routing:*:*) and Employee, Developer, Data Actions Developer, and
    // Queue Viewer in every division: Queue Viewer's policies grant one permission (and its
    // legacy `permissions` list is empty, so reading that list would suggest nothing).
    let expected = RoleDivision {
        role_id: role_named(&w, "Queue Viewer"),
        division_id: "*".into(),
    };
    assert_eq!(draft.suggested, Some(expected.clone()));
    assert_eq!(draft.request.role_divisions, [expected]);
    assert_eq!(draft.request.client_name, DEFAULT_CLIENT_NAME);
    assert!(draft
        .held
        .iter()
        .any(|g| g.role.name.as_deref() == Some("Admin")));

    let secrets = store(&unique("preflight"));
    let report = preflight(&client, &token, secrets)
        .await
        .expect("preflight");
    assert!(
        report.missing_permissions.is_empty(),
        "{:?}",
        report.missing_permissions
    );
    assert_eq!(
        (report.integrations, report.max_integrations),
        (0, MAX_DATA_ACTIONS_INTEGRATIONS)
    );
    assert!(report.keychain_available);
    assert_eq!(report.user_id, w.org.seed().admin_user_id);
}

#[tokio::test(flavor = "multi_thread")]
async fn unheld_roles_and_a_full_org_are_refused_before_any_change() {
    let w = world().await;
    let token = sign_in(&w).await;
    let dir = journal_dir("refusals");
    let ctx = context(
        &w.org,
        token.clone(),
        store(&unique("refusals")),
        dir.clone(),
        Arc::new(Recorder::default()),
    );
    let before = w.org.snapshot();
    let unheld = SetupRequest {
        role_divisions: vec![RoleDivision {
            role_id: role_named(&w, "Master Admin"),
            division_id: "*".into(),
        }],
        ..request(&w.org)
    };
    match start(&ctx, &unheld).await {
        Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "roleDivisions"),
        other => panic!("refused as input: {other:?}"),
    }
    let blank = SetupRequest {
        integration_name: "  ".into(),
        ..request(&w.org)
    };
    assert_eq!(
        start(&ctx, &blank).await.expect_err("blank").kind(),
        ErrorKind::InvalidInput
    );
    for n in 0..MAX_DATA_ACTIONS_INTEGRATIONS {
        ctx.client
            .install_integration(&format!("Existing {n}"), None, &token)
            .await
            .expect("installed");
    }
    let err = start(&ctx, &request(&w.org))
        .await
        .expect_err("at the limit");
    assert_eq!(err.kind(), ErrorKind::IntegrationLimit, "{err}");
    let after = w.org.snapshot();
    assert_eq!(
        after.oauth_clients.len(),
        before.oauth_clients.len(),
        "no client was created"
    );
    assert_eq!(after.credentials.len(), before.credentials.len());
    assert_eq!(marked_total(&w.org), (0, 0, 0));
    assert!(
        unfinished(&dir).expect("listing").is_empty(),
        "no journal for a refused run"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn preflight_finds_the_permissions_whether_users_me_lists_them_or_not() {
    for (form, name) in MePermissions::ALL {
        let w = world_with(Variant::named(name).expect("a form")).await;
        let token = sign_in(&w).await;
        let client = Client::with_options(endpoints(&w.org), fast_options()).expect("client");
        let report = preflight(&client, &token, store(&unique("me-permissions")))
            .await
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(
            report.missing_permissions.is_empty(),
            "{name} ({form:?}): {:?}",
            report.missing_permissions
        );
    }
}

/// A rule that never fires (`after` is never reached) and only counts the calls to a route.
fn counter(method: &str, path: &str) -> sandbox::FaultRule {
    sandbox::FaultRule {
        method: Some(method.into()),
        path: path.into(),
        kind: sandbox::FaultKind::Hang,
        after: u32::MAX,
        times: None,
    }
}

/// C9: the signed-in admin is left with the Developer role only (through
/// `PUT /api/v2/users/{id}/roles`, which replaces a user's roles): it may
/// view integrations but not add or edit them. A step's POST and an idempotent PUT answered
/// 403 `missing.permissions` reach the org once each and fail naming the permission;
/// preflight lists it too and refuses to start because of it.
#[tokio::test(flavor = "multi_thread")]
async fn a_user_lacking_a_permission_is_told_which_and_asked_once() {
    let w = world().await;
    let token = sign_in(&w).await;
    let client = Client::with_options(endpoints(&w.org), fast_options()).expect("client");
    let id = client
        .install_integration("DA", None, &token)
        .await
        .expect("installed while the admin holds Admin")
        .id;
    let roles = format!(
        "{}/api/v2/users/{}/roles",
        w.org.api_base_url(),
        w.org.seed().admin_user_id
    );
    let written = reqwest::Client::new()
        .put(roles)
        .bearer_auth(token.expose())
        .json(&serde_json::json!([role_named(&w, "Developer")]))
        .send()
        .await
        .expect("the roles are answered");
    assert!(written.status().is_success(), "{}", written.status());

    let knobs = w.org.knobs();
    knobs.add_fault(counter("POST", "/api/v2/integrations"));
    knobs.add_fault(counter(
        "PUT",
        "/api/v2/integrations/{integrationId}/config/current",
    ));
    let add = "integrations:integration:add";
    let err = client
        .install_integration("Second", None, &token)
        .await
        .expect_err("not allowed to add");
    assert!(matches!(err, Error::Api { status: 403, .. }), "{err:?}");
    assert!(err.to_string().contains(add), "{err}");
    let err = client
        .set_integration_credential(&id, None, &token)
        .await
        .expect_err("not allowed to edit");
    assert!(matches!(err, Error::Api { status: 403, .. }), "{err:?}");
    assert!(
        err.to_string().contains("integrations:integration:edit"),
        "{err}"
    );
    assert_eq!(
        knobs.fault_matches(),
        [1, 1],
        "each sent once, never retried"
    );

    let report = preflight(&client, &token, store(&unique("lacking")))
        .await
        .expect("preflight");
    assert!(
        report.missing_permissions.iter().any(|p| p == add),
        "{:?}",
        report.missing_permissions
    );
    let refused = report.check(true).expect_err("a run may not start");
    assert_eq!(refused.kind(), ErrorKind::MissingPermissions);
    assert!(refused.to_string().contains(add), "{refused}");
    knobs.clear_faults();
}
