//! Roles, divisions and grants through the `genesys` API against the Sandbox org
//! (security-matrix.md G1/G2, B4): every role under each roles page cap (5,000 extra), what a role grants
//! read from its policies, what the admin holds, "assign this role to me" (nothing read before
//! the settle time, under each self-assign division), a create refused for its roles retried
//! once (under each refusal status), and a client's grants when `subjects/me` refuses it.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use ::genesys::api::{assign_role_to_me, AssignProgress, AssignWaits, GrantsSource};
use ::genesys::auth::{client_credentials, Session};
use ::genesys::models::{GrantType, RoleDivision};
use ::genesys::{Error, ErrorKind};
use sandbox::{
    ClientSubject, FaultKind, FaultRule, RolesPageCap, Sandbox, SandboxOptions, SelfAssignDivision,
    UngrantableRole, Variant,
};

use super::oauth_clients::{form, role_id};
use super::{world, world_with, World};

/// Short waits for tests: the settle time is what the Sandbox's consistency delay is checked
/// against, never wall-clock assertions.
const FAST: AssignWaits = AssignWaits {
    settle: Duration::from_millis(300),
    confirm: Duration::from_secs(5),
};

fn no_progress(_: AssignProgress) {}

fn variant(name: &str) -> Variant {
    Variant::named(name).expect("a listed form")
}

/// Answers `status` to every call of `method path` after the first `after`.
fn fail_after(method: &str, path: &str, after: u32, status: u16) -> FaultRule {
    FaultRule {
        method: Some(method.into()),
        path: path.into(),
        kind: FaultKind::Status {
            status,
            retry_after: None,
        },
        after,
        times: None,
    }
}

#[tokio::test]
async fn every_one_of_5000_roles_is_listed_once_under_each_page_cap() {
    for (cap, name) in RolesPageCap::ALL {
        let org = Sandbox::start(SandboxOptions {
            extra_roles: 5_000,
            consistency_delay: Duration::ZERO,
            variant: variant(name),
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
        // Pages of 100 (Terraform's size) hold 5,032 roles in 51 requests: a 52nd fails.
        let cap = cap.max_page_size().min(100);
        let pages = u32::try_from(seeded.div_ceil(cap as usize)).expect("fits");
        w.org
            .knobs()
            .add_fault(fail_after("GET", "/api/v2/authorization/roles", pages, 400));
        let started = Instant::now();
        let roles = admin
            .client()
            .roles(admin.token())
            .await
            .unwrap_or_else(|e| panic!("{name}: all roles in {pages} pages: {e:?}"));
        println!("{name}: {} roles in {:?}", roles.len(), started.elapsed());
        let mut ids: Vec<&str> = roles.iter().map(|r| r.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(
            (roles.len(), ids.len()),
            (seeded, seeded),
            "{name}: every role, once"
        );
        assert!(
            roles.iter().all(|r| r.user_count.is_none()),
            "{name}: asked with userCount=false"
        );
        assert!(
            roles.iter().all(|r| !r.granted().is_empty()
                || r.permission_policies
                    .iter()
                    .all(|p| p.action_set.is_empty())),
            "{name}: policies are read"
        );
    }
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
    // 1,000 pages are past the client's 240 a minute: paused time lets the budget's minutes pass.
    tokio::time::pause();
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
    let granted = developer.granted();
    assert!(
        granted.contains(&"oauth:client:add".to_owned()),
        "what a role grants comes from its policies: {granted:?}"
    );
    assert!(
        developer.permissions.iter().all(|p| !p.contains(':')),
        "`permissions` holds legacy names: {:?}",
        developer.permissions
    );
    let by_id = api
        .roles_by_id(std::slice::from_ref(&developer.id), token)
        .await
        .expect("by id");
    assert_eq!(
        by_id
            .iter()
            .map(|r| (&r.id, &r.permission_policies))
            .collect::<Vec<_>>(),
        [(&developer.id, &developer.permission_policies)]
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
async fn the_default_settle_time_is_terraforms_ten_seconds() {
    assert!(AssignWaits::default().settle >= Duration::from_secs(10));
    assert!(::genesys::api::oauth_clients::REFUSED_GRANT_RETRY_WAIT >= Duration::from_secs(10));
}

/// Under each `SelfAssignDivision` form: nothing reads `subjects/me` before the settle time
/// (the grant becomes effective just before it; a second read would meet the fault), progress
/// counts the wait down, and the role is offered in the division Genesys granted it in.
#[tokio::test]
async fn assigning_a_role_to_me_reads_nothing_before_the_settle_time() {
    for (form_of, name) in SelfAssignDivision::ALL {
        let w = world_with(variant(name)).await;
        let (admin, _) = w.sign_in().await;
        let seed = w.org.seed().clone();
        w.org
            .knobs()
            .set_consistency_delay(FAST.settle - Duration::from_millis(100));
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
        // The create's check read subjects/me once; the assignment may read it once more.
        w.org.knobs().add_fault(fail_after(
            "GET",
            "/api/v2/authorization/subjects/me",
            2,
            400,
        ));
        let seen = Mutex::new(Vec::new());
        let record = |p: AssignProgress| seen.lock().expect("lock").push(p);
        let me = assign_role_to_me(&admin, &wanted, FAST, &record)
            .await
            .unwrap_or_else(|e| panic!("{name}: one read after the settle time: {e:?}"));
        let seen = seen.into_inner().expect("lock");
        assert_eq!(seen.first(), Some(&AssignProgress::Assigning), "{seen:?}");
        assert_eq!(seen.last(), Some(&AssignProgress::Confirming), "{seen:?}");
        assert!(seen.iter().any(|p| matches!(p,
            AssignProgress::Settling { remaining_ms, settle_ms: 300 } if *remaining_ms <= 300)));
        let divisions: Vec<&str> = me
            .grants
            .iter()
            .filter(|g| g.role.id == wanted)
            .map(|g| g.division.id.as_str())
            .collect();
        let expected = match form_of {
            SelfAssignDivision::Home => seed.home_division_id.as_str(),
            SelfAssignDivision::All => "*",
        };
        assert_eq!(divisions, [expected], "{name}");
        w.org.knobs().clear_faults();
        let roles = admin
            .client()
            .user_roles(&seed.admin_user_id, admin.token())
            .await
            .expect("roles");
        assert_eq!(roles.roles.len(), 6, "added to the roles held before");
        cc.role_divisions[0].division_id = expected.to_owned();
        admin
            .client()
            .create_oauth_client_from_form(&cc, admin.token())
            .await
            .unwrap_or_else(|e| panic!("{name}: granted where it is held: {e:?}"));
    }
}

#[tokio::test]
async fn assigning_gives_up_after_the_wait_and_needs_a_user() {
    let w = world().await;
    let (admin, _) = w.sign_in().await;
    w.org.knobs().set_consistency_delay(Duration::from_secs(30));
    let wanted = role_id(&w, "Queue Admin");
    let waits = AssignWaits {
        settle: Duration::from_millis(50),
        confirm: Duration::from_millis(400),
    };
    let err = assign_role_to_me(&admin, &wanted, waits, &no_progress)
        .await
        .expect_err("not effective within the wait");
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
    let err = assign_role_to_me(&cc, &wanted, waits, &no_progress)
        .await
        .expect_err("no user");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

/// `subjects/me` says the admin holds `role` in the home division, whatever the org says.
fn claims_held(w: &World, role: &str, times: Option<u32>) -> FaultRule {
    let body = serde_json::json!({
        "id": w.org.seed().admin_user_id,
        "grants": [{"role": {"id": role}, "division": {"id": w.org.seed().home_division_id}}],
    });
    FaultRule {
        method: Some("GET".into()),
        path: "/api/v2/authorization/subjects/me".into(),
        kind: FaultKind::Body {
            status: 200,
            content_type: "application/json".into(),
            body: body.to_string(),
        },
        after: 0,
        times,
    }
}

/// Under each `UngrantableRole` form: a create Genesys refuses for a role `subjects/me` says is
/// held is asked once more after the wait; a grant that arrives meanwhile succeeds, one that
/// never does ends with Genesys's status, message and contextId after exactly two tries.
#[tokio::test]
async fn a_create_refused_for_its_roles_is_retried_once() {
    for (form_of, name) in UngrantableRole::ALL {
        let w = world_with(variant(name)).await;
        let (admin, _) = w.sign_in().await;
        let status = match form_of {
            UngrantableRole::BadRequest => 400,
            UngrantableRole::Forbidden => 403,
        };
        let master = role_id(&w, "Master Admin");
        let mut cc = form(&w, GrantType::ClientCredentials);
        cc.role_divisions[0].role_id = master.clone();
        w.org.knobs().add_fault(claims_held(&w, &master, None));
        w.org
            .knobs()
            .add_fault(fail_after("POST", "/api/v2/oauth/clients", 2, 500));
        let before = w.org.snapshot().oauth_clients.len();
        let err = admin
            .client()
            .create_oauth_client_from_form_waiting(&cc, Duration::from_millis(50), admin.token())
            .await
            .expect_err("never held");
        match &err {
            Error::Api {
                status: got,
                message,
                context_id,
                ..
            } => {
                assert_eq!(*got, status, "{name}: the second refusal, not a third try");
                assert!(message.contains("Master Admin"), "{name}: {message}");
                assert!(context_id.is_some(), "{name}");
            }
            other => panic!("{name}: Genesys's refusal: {other:?}"),
        }
        assert_eq!(w.org.snapshot().oauth_clients.len(), before);

        // The grant reaches the create's check only after the first try.
        w.org.knobs().clear_faults();
        w.org.knobs().add_fault(claims_held(&w, &master, Some(1)));
        w.org
            .knobs()
            .set_consistency_delay(Duration::from_millis(150));
        let user = w.org.seed().admin_user_id.clone();
        let mut roles: Vec<String> = admin
            .client()
            .user_roles(&user, admin.token())
            .await
            .expect("roles")
            .roles
            .into_iter()
            .map(|r| r.id)
            .collect();
        roles.push(master.clone());
        admin
            .client()
            .put_user_roles(&user, &roles, admin.token())
            .await
            .expect("assigned");
        admin
            .client()
            .create_oauth_client_from_form_waiting(&cc, Duration::from_millis(400), admin.token())
            .await
            .unwrap_or_else(|e| panic!("{name}: the retry after the wait succeeds: {e:?}"));
    }
}

async fn cc_session(w: &World, admin: &Session, role: &str) -> Session {
    let mut f = form(w, GrantType::ClientCredentials);
    f.role_divisions[0].role_id = role_id(w, role);
    let issued = admin
        .client()
        .create_oauth_client_from_form(&f, admin.token())
        .await
        .expect("created");
    client_credentials(w.endpoints(), "sandbox", &issued.client.id, &issued.secret)
        .await
        .expect("a client credentials session")
}

/// Under each `ClientSubject` form a Client Credentials session knows what it may grant (its
/// subject, or its own client's role divisions) and can create a client with it; one that may
/// read neither is told "unknown" and leaves the check to Genesys.
#[tokio::test]
async fn a_client_session_knows_what_it_may_grant_under_each_subject_form() {
    for (form_of, name) in ClientSubject::ALL {
        let w = world_with(variant(name)).await;
        let (admin, _) = w.sign_in().await;
        let developer = cc_session(&w, &admin, "Developer").await;
        let held = developer
            .client()
            .held_grants(developer.token())
            .await
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let expected = match form_of {
            ClientSubject::Allowed => GrantsSource::Subject,
            ClientSubject::Forbidden => GrantsSource::ClientRoleDivisions,
        };
        assert_eq!(held.source, expected, "{name}");
        assert_eq!(
            held.subject.role_divisions(),
            form(&w, GrantType::ClientCredentials).role_divisions,
            "{name}"
        );
        developer
            .client()
            .create_oauth_client_from_form(
                &form(&w, GrantType::ClientCredentials),
                developer.token(),
            )
            .await
            .unwrap_or_else(|e| panic!("{name}: a client made by a client: {e:?}"));

        let viewer = cc_session(&w, &admin, "Queue Viewer").await;
        let held = viewer
            .client()
            .held_grants(viewer.token())
            .await
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let expected = match form_of {
            ClientSubject::Allowed => GrantsSource::Subject,
            ClientSubject::Forbidden => GrantsSource::Unknown,
        };
        assert_eq!(held.source, expected, "{name}: may not read its own client");
    }
    // A user's refused subjects/me stays an error.
    let w = world().await;
    let (admin, _) = w.sign_in().await;
    w.org.knobs().add_fault(fail_after(
        "GET",
        "/api/v2/authorization/subjects/me",
        0,
        403,
    ));
    let err = admin
        .client()
        .held_grants(admin.token())
        .await
        .expect_err("a user's 403");
    assert!(matches!(err, Error::Api { status: 403, .. }), "{err:?}");
}
