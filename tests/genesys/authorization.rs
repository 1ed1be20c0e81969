//! Roles, divisions and grants through the `genesys` API against the Sandbox org (issue 5,
//! matrix G1/G2, B4): paging 5,000 roles, what the admin holds, and "assign this role to me"
//! across Genesys's grant-cache delay.

use std::time::{Duration, Instant};

use ::genesys::api::assign_role_to_me;
use ::genesys::auth::client_credentials;
use ::genesys::models::{GrantType, RoleDivision};
use ::genesys::{Error, ErrorKind};
use sandbox::{FaultKind, FaultRule, Sandbox, SandboxOptions};

use super::oauth_clients::{form, role_id};
use super::{world, World};

#[tokio::test]
async fn every_one_of_5000_roles_is_listed_once() {
    let org = Sandbox::start(SandboxOptions {
        extra_roles: 5_000,
        consistency_delay: Duration::ZERO,
        ..SandboxOptions::default()
    })
    .await
    .expect("the Sandbox org starts");
    let w = World {
        org,
        browser: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
    };
    let (admin, _) = w.sign_in().await;
    let seeded = w.org.snapshot().roles.len();
    assert_eq!(seeded, 5_032, "32 seeded roles and 5,000 load-test roles");
    // The issue's bench condition: 50 ms per request.
    w.org.knobs().set_latency(Duration::from_millis(50));
    let started = Instant::now();
    let roles = admin
        .client()
        .roles(admin.token())
        .await
        .expect("all roles");
    let took = started.elapsed();
    println!("listed {} roles in {took:?} at 50 ms latency", roles.len());
    let mut ids: Vec<&str> = roles.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(
        (roles.len(), ids.len()),
        (seeded, seeded),
        "every role, once"
    );
    assert!(took < Duration::from_secs(5), "11 pages of 500: {took:?}");
}

#[tokio::test]
async fn a_listing_that_never_ends_stops_at_1000_pages_and_repeats_are_kept_once() {
    let w = world().await;
    let (admin, _) = w.sign_in().await;
    let page =
        r#"{"entities":[{"id":"same","name":"Repeated"}],"pageNumber":1,"pageCount":999999}"#;
    w.org.knobs().add_fault(FaultRule {
        method: Some("GET".into()),
        path: "/api/v2/authorization/divisions".into(),
        kind: FaultKind::Body {
            status: 200,
            content_type: "application/json".into(),
            body: page.into(),
        },
        after: 0,
        times: None,
    });
    let err = admin
        .client()
        .divisions(admin.token())
        .await
        .expect_err("a listing that grows forever is cut off");
    assert!(
        matches!(&err, Error::Unexpected(m) if m.contains("1000 pages")),
        "{err:?}"
    );
    w.org.knobs().clear_faults();
    let two_pages = r#"{"entities":[{"id":"same","name":"Repeated"}],"pageCount":2}"#;
    w.org.knobs().add_fault(FaultRule {
        method: Some("GET".into()),
        path: "/api/v2/authorization/roles".into(),
        kind: FaultKind::Body {
            status: 200,
            content_type: "application/json".into(),
            body: two_pages.into(),
        },
        after: 0,
        times: Some(2),
    });
    let roles = admin
        .client()
        .roles(admin.token())
        .await
        .expect("two pages");
    assert_eq!(roles.len(), 1, "an entity seen on two pages is kept once");
}

#[tokio::test]
async fn a_server_that_caps_the_page_size_is_followed_at_its_own_size() {
    let w = world().await;
    let (admin, _) = w.sign_in().await;
    let seeded = w.org.snapshot().roles;
    // Page 1 pretends the server used pageSize 1 (and holds a role of its own); the real
    // Sandbox then serves pages 2.. at that size, so only its first role is never asked for.
    let capped = r#"{"entities":[{"id":"capped","name":"Capped"}],"pageSize":1,"pageCount":2}"#;
    w.org.knobs().add_fault(FaultRule {
        method: Some("GET".into()),
        path: "/api/v2/authorization/roles".into(),
        kind: FaultKind::Body {
            status: 200,
            content_type: "application/json".into(),
            body: capped.into(),
        },
        after: 0,
        times: Some(1),
    });
    let roles = admin.client().roles(admin.token()).await.expect("roles");
    let ids: Vec<&str> = roles.iter().map(|r| r.id.as_str()).collect();
    let expected: Vec<&str> = std::iter::once("capped")
        .chain(seeded.iter().skip(1).map(|r| r.id.as_str()))
        .collect();
    assert_eq!(ids, expected, "pages 2.. asked with pageSize=1");
}

#[tokio::test]
async fn the_admin_sees_their_grants_roles_and_divisions() {
    let w = world().await;
    let (admin, _) = w.sign_in().await;
    let (api, token) = (admin.client(), admin.token());
    let seed = w.org.seed();
    let me = api.subject_me(token).await.expect("subjects/me");
    assert_eq!(me.id, seed.admin_user_id);
    let pairs = me.role_divisions();
    assert!(pairs.contains(&RoleDivision {
        role_id: role_id(&w, "Admin"),
        division_id: "*".into()
    }));
    assert!(!me.holds_role(&role_id(&w, "Integration Admin")));
    let divisions = api.divisions(token).await.expect("divisions");
    assert_eq!(divisions.len(), 3);
    let home = api.home_division(token).await.expect("home");
    assert!(home.home_division && home.id == seed.home_division_id);
    let developer = api
        .role(&role_id(&w, "Developer"), token)
        .await
        .expect("role");
    assert!(
        !developer.permissions.is_empty(),
        "a role comes with its permissions"
    );
    let err = api
        .role("no/such/../role", token)
        .await
        .expect_err("unknown");
    assert!(matches!(err, Error::Api { status: 404, .. }), "{err:?}");
    let mine = api
        .user_roles(&seed.admin_user_id, token)
        .await
        .expect("user roles");
    assert_eq!(mine.roles.len(), 5);
}

#[tokio::test]
async fn assigning_a_role_to_me_waits_until_genesys_reports_it() {
    let w = world().await;
    let (admin, _) = w.sign_in().await;
    let delay = Duration::from_millis(700);
    w.org.knobs().set_consistency_delay(delay);
    let wanted = role_id(&w, "Integration Admin");
    let mut cc = form(&w, GrantType::ClientCredentials);
    cc.role_divisions[0].role_id = wanted.clone();
    let err = admin
        .client()
        .create_oauth_client_from_form(&cc, admin.token())
        .await
        .expect_err("a role not held is a preflight error");
    assert!(
        matches!(&err, Error::InvalidInput { field: "roleDivisions", reason } if reason.contains(&wanted)),
        "the error lists what is not held: {err:?}"
    );
    let started = Instant::now();
    let me = assign_role_to_me(&admin, &wanted, Duration::from_secs(10))
        .await
        .expect("assigned and effective");
    assert!(started.elapsed() >= delay, "waited for the grant cache");
    assert!(me.holds_role(&wanted));
    let roles = admin
        .client()
        .user_roles(&w.org.seed().admin_user_id, admin.token())
        .await
        .expect("roles");
    assert_eq!(
        roles.roles.len(),
        6,
        "added to the roles held before, none lost"
    );
    admin
        .client()
        .create_oauth_client_from_form(&cc, admin.token())
        .await
        .expect("now the role can be granted");
}

#[tokio::test]
async fn assigning_gives_up_after_the_wait_and_needs_a_user() {
    let w = world().await;
    let (admin, _) = w.sign_in().await;
    w.org.knobs().set_consistency_delay(Duration::from_secs(30));
    let wanted = role_id(&w, "Queue Admin");
    let started = Instant::now();
    let err = assign_role_to_me(&admin, &wanted, Duration::from_millis(400))
        .await
        .expect_err("not effective within the wait");
    assert!(started.elapsed() < Duration::from_secs(5), "bounded");
    assert!(matches!(err, Error::Unexpected(_)), "{err:?}");
    w.org.knobs().set_consistency_delay(Duration::ZERO);
    let issued = admin
        .client()
        .create_oauth_client_from_form(&form(&w, GrantType::ClientCredentials), admin.token())
        .await
        .expect("created");
    let cc = client_credentials(w.endpoints(), "sandbox", &issued.client.id, &issued.secret)
        .await
        .expect("cc session");
    let err = assign_role_to_me(&cc, &wanted, Duration::from_secs(1))
        .await
        .expect_err("no user");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
