//! Bearer checks, who-am-I endpoints, roles and divisions (with paging over 5,000 extra roles,
//! under each roles page cap), roles' permission policies and legacy names, permission checks,
//! user role changes under the eventual-consistency delay, and each form of the variants
//! `MePermissions`, `ClientSubject`, `SelfAssignDivision` and `UngrantableRole`.

use std::collections::BTreeSet;
use std::time::Duration;

use reqwest::Method;
use sandbox::{
    ClientSubject, MePermissions, RolesPageCap, SandboxOptions, SelfAssignDivision,
    UngrantableRole, Variant,
};
use serde_json::{json, Value};

use super::{quick, start, start_with};

#[tokio::test]
async fn requests_without_a_valid_bearer_token_are_401() {
    let org = start().await;
    let none = org.call(Method::GET, "/api/v2/users/me", None, None).await;
    none.error(401, "authentication.required");
    org.get("/api/v2/users/me", "not-a-token")
        .await
        .error(401, "bad.credentials");
    let response = org
        .http
        .get(org.api("/api/v2/users/me"))
        .header("authorization", "Basic eDp5")
        .send()
        .await
        .expect("call");
    assert_eq!(response.status(), 401);
    assert_eq!(
        response.json::<Value>().await.expect("json")["code"],
        "authentication.required"
    );
}

#[tokio::test]
async fn users_me_expands_and_refuses_client_credentials_tokens() {
    let org = start().await;
    let seed = org.sandbox.seed().clone();
    let admin = org.admin_token().await;
    let me = org
        .get("/api/v2/users/me?expand=authorization,organization", &admin)
        .await;
    let me = me.ok();
    assert_eq!(me["id"], json!(seed.admin_user_id));
    assert_eq!(me["organization"]["id"], json!(seed.org_id));
    let roles: Vec<&str> = me["authorization"]["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .filter_map(|r| r["name"].as_str())
        .collect();
    assert!(
        roles.contains(&"Admin") && !roles.contains(&"Master Admin"),
        "{roles:?}"
    );
    assert!(me["authorization"]["permissions"]
        .as_array()
        .expect("permissions")
        .contains(&json!("oauth:*:*")));
    let (id, secret) = org
        .cc_client(&admin, &[(&org.role("Developer"), &seed.home_division_id)])
        .await;
    let cc = org.cc_token(&id, &secret).await;
    let refused = org.get("/api/v2/users/me", &cc).await;
    let body = refused.error(400, "not.a.user");
    assert!(body["message"]
        .as_str()
        .expect("message")
        .contains("Client credentials cannot be used"));
    org.get("/api/v2/organizations/me", &cc).await.ok();
}

#[tokio::test]
async fn organization_and_token_can_be_read_and_the_token_revoked() {
    let org = start().await;
    let admin = org.admin_token().await;
    let me = org.get("/api/v2/organizations/me", &admin).await;
    assert_eq!(me.ok()["name"], json!(org.sandbox.seed().org_name));
    org.call(Method::HEAD, "/api/v2/tokens/me", Some(&admin), None)
        .await
        .ok();
    let revoked = org.delete("/api/v2/tokens/me", &admin).await;
    assert_eq!(revoked.status, 200);
    org.get("/api/v2/tokens/me", &admin)
        .await
        .error(401, "bad.credentials");
}

#[tokio::test]
async fn subjects_me_lists_role_division_grants_including_all_divisions() {
    let org = start().await;
    let admin = org.admin_token().await;
    let subject = org.get("/api/v2/authorization/subjects/me", &admin).await;
    let grants = subject.ok()["grants"].as_array().expect("grants").clone();
    let admin_grant = grants
        .iter()
        .find(|g| g["role"]["name"] == "Admin")
        .expect("Admin grant");
    assert_eq!(admin_grant["division"]["id"], "*");
    let claims = grants
        .iter()
        .find(|g| g["role"]["name"] == "Data Actions Developer")
        .expect("grant");
    assert_eq!(claims["division"]["name"], "Claims");
}

#[tokio::test]
async fn roles_page_through_five_thousand_extra_roles() {
    let org = start_with(SandboxOptions {
        extra_roles: 5_000,
        ..quick()
    })
    .await;
    let admin = org.admin_token().await;
    let mut ids = BTreeSet::new();
    let mut next = Some("/api/v2/authorization/roles?pageSize=100&pageNumber=1".to_owned());
    let mut requests = 0;
    let mut total = 0;
    while let Some(uri) = next {
        requests += 1;
        assert!(requests <= 100, "paging must end");
        let page = org.get(&uri, &admin).await;
        let page = page.ok();
        total = page["total"].as_u64().expect("total");
        for role in page["entities"].as_array().expect("entities") {
            ids.insert(role["id"].as_str().expect("id").to_owned());
        }
        next = page["nextUri"].as_str().map(str::to_owned);
        if let Some(uri) = &next {
            assert!(
                uri.starts_with("/api/v2/authorization/roles?"),
                "nextUri is relative: {uri}"
            );
        }
    }
    assert_eq!(u64::try_from(ids.len()).expect("fits"), total);
    assert!(
        total >= 5_030 && requests == total.div_ceil(100),
        "{total} roles in {requests} pages"
    );
    org.get("/api/v2/authorization/roles?pageSize=0", &admin)
        .await
        .error(400, "bad.request");
    let many: String = (0..101).map(|n| format!("&id={n}")).collect();
    org.get(
        &format!("/api/v2/authorization/roles?pageSize=10{many}"),
        &admin,
    )
    .await
    .error(400, "max.role.ids");
}

#[tokio::test]
async fn roles_and_divisions_can_be_read_one_by_one_and_filtered() {
    let org = start().await;
    let admin = org.admin_token().await;
    let queue = org
        .get(
            "/api/v2/authorization/roles?permission=routing:queue:view&pageSize=100",
            &admin,
        )
        .await;
    let names: Vec<&str> = queue.ok()["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|r| r["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Queue Viewer") && !names.contains(&"Billing Admin"),
        "{names:?}"
    );
    let one = org
        .get(
            &format!("/api/v2/authorization/roles/{}", org.role("Master Admin")),
            &admin,
        )
        .await;
    assert_eq!(one.ok()["userCount"], 0, "nobody holds Master Admin");
    org.get("/api/v2/authorization/roles/nope", &admin)
        .await
        .error(404, "not.found");
    let divisions = org.get("/api/v2/authorization/divisions", &admin).await;
    assert_eq!(divisions.ok()["total"], 3);
    let home = org
        .get("/api/v2/authorization/divisions/home", &admin)
        .await;
    let home_id = home.ok()["id"].as_str().expect("id").to_owned();
    assert_eq!(home.body["homeDivision"], true);
    org.get(
        &format!("/api/v2/authorization/divisions/{home_id}"),
        &admin,
    )
    .await
    .ok();
    org.get("/api/v2/authorization/divisions/nope", &admin)
        .await
        .error(404, "not.found");
}

#[tokio::test]
async fn a_missing_permission_is_403_naming_it() {
    let org = start().await;
    let admin = org.admin_token().await;
    let (id, secret) = org
        .cc_client(
            &admin,
            &[(
                &org.role("Queue Viewer"),
                &org.sandbox.seed().home_division_id,
            )],
        )
        .await;
    let viewer = org.cc_token(&id, &secret).await;
    let denied = org.get("/api/v2/oauth/clients", &viewer).await;
    let body = denied.error(403, "missing.permissions");
    assert!(
        body["message"]
            .as_str()
            .expect("message")
            .ends_with("oauth:client:view"),
        "{body}"
    );
    assert_eq!(body["messageParams"]["permissions"], "oauth:client:view");
    org.get("/api/v2/authorization/roles", &viewer)
        .await
        .error(403, "missing.permissions");
    org.get("/api/v2/integrations", &viewer)
        .await
        .error(403, "missing.permissions");
    org.get("/api/v2/authorization/divisions", &viewer)
        .await
        .ok();
    let subject = org.get("/api/v2/authorization/subjects/me", &viewer).await;
    assert_eq!(
        subject.ok()["id"],
        json!(id),
        "a client-credentials subject is its client"
    );
    assert_eq!(subject.body["grants"][0]["role"]["name"], "Queue Viewer");
}

#[tokio::test]
async fn role_changes_reach_permission_checks_after_the_consistency_delay() {
    let org = start().await;
    let seed = org.sandbox.seed().clone();
    let admin = org.admin_token().await;
    org.sandbox
        .knobs()
        .set_consistency_delay(Duration::from_secs(10));
    let path = format!("/api/v2/users/{}/roles", seed.admin_user_id);
    let current = org.get(&path, &admin).await;
    let mut role_ids: Vec<Value> = current.ok()["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    let integration_admin = org.role("Integration Admin");
    role_ids.push(json!(integration_admin));
    let written = org.put(&path, &admin, Value::Array(role_ids)).await;
    let names: Vec<&str> = written.ok()["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .filter_map(|r| r["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Integration Admin"),
        "the write is visible on the user at once"
    );
    let request = json!({ "name": "cc", "authorizedGrantType": "CLIENT-CREDENTIALS",
        "roleDivisions": [{ "roleId": integration_admin, "divisionId": seed.home_division_id }] });
    let early = org
        .post("/api/v2/oauth/clients", &admin, request.clone())
        .await;
    assert!(early.error(400, "not.authorized")["message"]
        .as_str()
        .expect("message")
        .contains("Integration Admin"));
    org.sandbox.knobs().advance_clock(Duration::from_secs(11));
    org.post("/api/v2/oauth/clients", &admin, request)
        .await
        .ok();
    org.put(&path, &admin, json!(["nope"]))
        .await
        .error(400, "bad.request");
    org.put("/api/v2/users/nobody/roles", &admin, json!([]))
        .await
        .error(404, "not.found");
}

fn with(variant: Variant) -> SandboxOptions {
    SandboxOptions { variant, ..quick() }
}

#[tokio::test]
async fn roles_carry_policies_and_legacy_names_and_checks_read_the_policies() {
    let org = start().await;
    let admin = org.admin_token().await;
    let developer = org
        .get(
            &format!("/api/v2/authorization/roles/{}", org.role("Developer")),
            &admin,
        )
        .await;
    let developer = developer.ok();
    let legacy = developer["permissions"].as_array().expect("permissions");
    assert!(
        legacy
            .iter()
            .all(|p| !p.as_str().unwrap_or(":").contains(':')),
        "legacy names only: {legacy:?}"
    );
    let oauth = developer["permissionPolicies"]
        .as_array()
        .expect("policies")
        .iter()
        .find(|p| p["domain"] == "oauth" && p["entityName"] == "client")
        .expect("an oauth:client policy")
        .clone();
    let actions: BTreeSet<&str> = oauth["actionSet"]
        .as_array()
        .expect("actionSet")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(actions, BTreeSet::from(["add", "delete", "edit", "view"]));
    let master = org
        .get(
            &format!("/api/v2/authorization/roles/{}", org.role("Master Admin")),
            &admin,
        )
        .await;
    assert_eq!(
        master.ok()["permissionPolicies"],
        json!([{"domain": "*", "entityName": "*", "actionSet": ["*"], "allowConditions": false}])
    );
    // `permission=` filters by what the policies grant.
    let adders = org
        .get(
            "/api/v2/authorization/roles?permission=oauth:client:add&pageSize=100",
            &admin,
        )
        .await;
    let names: BTreeSet<&str> = adders.ok()["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|r| r["name"].as_str())
        .collect();
    assert!(
        names.contains("Developer")
            && names.contains("Master Admin")
            && !names.contains("Queue Viewer"),
        "{names:?}"
    );
    let subject = org.get("/api/v2/authorization/subjects/me", &admin).await;
    let grant = subject.ok()["grants"]
        .as_array()
        .expect("grants")
        .iter()
        .find(|g| g["role"]["name"] == "Developer")
        .expect("Developer held")
        .clone();
    assert!(grant["role"]["policies"]
        .as_array()
        .expect("policies")
        .iter()
        .any(|p| p["domain"] == "oauth" && p["actions"].as_array().is_some_and(|a| a.len() == 4)));
}

#[tokio::test]
async fn each_roles_page_cap_cuts_larger_asks_and_says_so() {
    for (cap, name) in RolesPageCap::ALL {
        let org = start_with(SandboxOptions {
            extra_roles: 600,
            ..with(Variant::named(name).expect("a form"))
        })
        .await;
        let admin = org.admin_token().await;
        let max = cap.max_page_size();
        let page = org
            .get(
                "/api/v2/authorization/roles?pageSize=1000&pageNumber=1&userCount=false",
                &admin,
            )
            .await;
        let page = page.ok();
        assert_eq!(page["pageSize"], max, "{name}");
        assert_eq!(
            page["entities"].as_array().map(Vec::len),
            Some(usize::try_from(max).expect("fits")),
            "{name}"
        );
        let total = page["total"].as_u64().expect("total");
        assert_eq!(page["pageCount"], total.div_ceil(u64::from(max)), "{name}");
        assert!(page["entities"][0].get("userCount").is_none(), "{name}");
        let small = org
            .get("/api/v2/authorization/roles?pageSize=10", &admin)
            .await;
        assert_eq!(small.ok()["pageSize"], 10, "{name}: smaller asks are kept");
    }
}

#[tokio::test]
async fn users_me_lists_or_omits_permissions_by_variant() {
    for (form, name) in MePermissions::ALL {
        let org = start_with(with(Variant::named(name).expect("a form"))).await;
        let admin = org.admin_token().await;
        let me = org
            .get("/api/v2/users/me?expand=authorization", &admin)
            .await;
        let listed = me.ok()["authorization"].get("permissions").cloned();
        match form {
            MePermissions::Listed => assert!(listed.is_some_and(|p| p.is_array()), "{name}"),
            MePermissions::Omitted => assert!(listed.is_none(), "{name}"),
        }
        assert!(me.body["authorization"]["roles"].is_array(), "{name}");
    }
}

#[tokio::test]
async fn subjects_me_for_a_client_answers_by_variant() {
    for (form, name) in ClientSubject::ALL {
        let org = start_with(with(Variant::named(name).expect("a form"))).await;
        let admin = org.admin_token().await;
        let home = org.sandbox.seed().home_division_id.clone();
        let (id, secret) = org
            .cc_client(&admin, &[(&org.role("Developer"), &home)])
            .await;
        let cc = org.cc_token(&id, &secret).await;
        let subject = org.get("/api/v2/authorization/subjects/me", &cc).await;
        match form {
            ClientSubject::Allowed => assert_eq!(subject.ok()["id"], json!(id), "{name}"),
            ClientSubject::Forbidden => {
                subject.error(403, "not.authorized");
            }
        }
        // A user's subject is answered either way.
        org.get("/api/v2/authorization/subjects/me", &admin)
            .await
            .ok();
    }
}

#[tokio::test]
async fn a_newly_listed_role_is_granted_in_the_division_the_variant_says() {
    for (form, name) in SelfAssignDivision::ALL {
        let org = start_with(with(Variant::named(name).expect("a form"))).await;
        let seed = org.sandbox.seed().clone();
        let admin = org.admin_token().await;
        let path = format!("/api/v2/users/{}/roles", seed.admin_user_id);
        let current = org.get(&path, &admin).await;
        let mut role_ids: Vec<Value> = current.ok()["roles"]
            .as_array()
            .expect("roles")
            .iter()
            .map(|r| r["id"].clone())
            .collect();
        let added = org.role("Queue Admin");
        role_ids.push(json!(added));
        org.put(&path, &admin, Value::Array(role_ids)).await.ok();
        let subject = org.get("/api/v2/authorization/subjects/me", &admin).await;
        let divisions: Vec<&str> = subject.ok()["grants"]
            .as_array()
            .expect("grants")
            .iter()
            .filter(|g| g["role"]["id"] == added.as_str())
            .filter_map(|g| g["division"]["id"].as_str())
            .collect();
        let expected = match form {
            SelfAssignDivision::Home => seed.home_division_id.as_str(),
            SelfAssignDivision::All => "*",
        };
        assert_eq!(divisions, [expected], "{name}");
        let admin_grant = subject.body["grants"]
            .as_array()
            .expect("grants")
            .iter()
            .find(|g| g["role"]["name"] == "Admin")
            .expect("Admin kept");
        assert_eq!(
            admin_grant["division"]["id"], "*",
            "{name}: held roles keep theirs"
        );
    }
}

#[tokio::test]
async fn an_ungrantable_role_is_refused_with_the_variants_status() {
    for (form, name) in UngrantableRole::ALL {
        let org = start_with(with(Variant::named(name).expect("a form"))).await;
        let admin = org.admin_token().await;
        let home = org.sandbox.seed().home_division_id.clone();
        let body = json!({ "name": "cc", "authorizedGrantType": "CLIENT-CREDENTIALS",
            "roleDivisions": [{ "roleId": org.role("Master Admin"), "divisionId": home }] });
        let status = match form {
            UngrantableRole::BadRequest => 400,
            UngrantableRole::Forbidden => 403,
        };
        let refused = org.post("/api/v2/oauth/clients", &admin, body).await;
        let message = refused.error(status, "not.authorized")["message"]
            .as_str()
            .expect("message")
            .to_owned();
        assert!(message.contains("Master Admin"), "{name}: {message}");
        assert!(refused.body["contextId"].is_string(), "{name}");
    }
}
