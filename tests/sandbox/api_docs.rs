//! The Sandbox org's API description (`GET /api/v2/docs/swagger`): every operation it lists is
//! a route that exists and enforces exactly what the document says, the document agrees with
//! the SDK docs' permission table (read at test time from the shared data folder), and a role
//! made with `POST /api/v2/authorization/roles` grants what its policies say.

use genesys::permissions::{Catalog, NeedKind};
use reqwest::Method;
use serde_json::{json, Value};

use super::{quick, start_with, Org};

async fn document(org: &Org) -> Catalog {
    let response = org
        .http
        .get(org.api("/api/v2/docs/swagger"))
        .send()
        .await
        .expect("the API answers");
    assert_eq!(response.status(), 200, "the document needs no token");
    let bytes = response.bytes().await.expect("a body");
    let doc: Value = serde_json::from_slice(&bytes).expect("JSON");
    assert_eq!(doc["swagger"], "2.0");
    Catalog::from_swagger(&bytes).expect("readable")
}

/// `path` with every `{param}` written as `value`.
fn filled(path: &str, value: &str) -> String {
    path.split('/')
        .map(|s| if s.starts_with('{') { value } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

async fn status_and_body(org: &Org, method: &str, path: &str, token: Option<&str>) -> (u16, Value) {
    let method = Method::from_bytes(method.as_bytes()).expect("a method");
    let mut request = org.http.request(method, org.api(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("the API answers");
    let status = response.status().as_u16();
    let body = response.json().await.unwrap_or(Value::Null);
    (status, body)
}

/// A client whose only role grants one permission no listed route takes, made through the new
/// role route: (its token, the role id).
async fn client_with_an_unrelated_role(org: &Org, admin: &str) -> (String, String) {
    let role = org
        .post(
            "/api/v2/authorization/roles",
            admin,
            json!({ "name": "Evaluations only", "permissionPolicies": [
                { "domain": "quality", "entityName": "evaluation", "actionSet": ["view"] }
            ] }),
        )
        .await;
    let role_id = role.ok()["id"].as_str().expect("id").to_owned();
    hold(org, admin, &role_id).await;
    let home = org.sandbox.seed().home_division_id.clone();
    let (id, secret) = org.cc_client(admin, &[(&role_id, &home)]).await;
    (org.cc_token(&id, &secret).await, role_id)
}

/// Adds `role_id` to the signed-in admin's roles: a role is granted to a client only by someone
/// who holds it.
async fn hold(org: &Org, admin: &str, role_id: &str) {
    let user = org.sandbox.seed().admin_user_id.clone();
    let path = format!("/api/v2/users/{user}/roles");
    let held = org.get(&path, admin).await;
    let mut ids: Vec<Value> = held.ok()["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    ids.push(json!(role_id));
    org.put(&path, admin, Value::Array(ids)).await.ok();
}

#[tokio::test]
async fn every_listed_route_exists_and_enforces_what_the_document_says() {
    let org = start_with(quick()).await;
    let admin = org.admin_token().await;
    let catalog = document(&org).await;
    assert!(
        catalog.operations.len() >= 60,
        "{}",
        catalog.operations.len()
    );
    let (token, _) = client_with_an_unrelated_role(&org, &admin).await;
    for op in &catalog.operations {
        let path = filled(&op.path, "x0");
        // Without a token every route answers 401: a route that did not exist would be 404.
        let (status, body) = status_and_body(&org, &op.method, &path, None).await;
        assert_eq!(status, 401, "{} {path}: {body}", op.method);
        // Reads and removals need no body, so the permission check is what answers them.
        if !matches!(op.method.as_str(), "GET" | "DELETE") || op.path == "/api/v2/tokens/me" {
            continue;
        }
        let (status, body) = status_and_body(&org, &op.method, &path, Some(&token)).await;
        if op.need.kind == NeedKind::None {
            assert_ne!(
                status, 403,
                "{} {path} needs no permission: {body}",
                op.method
            );
            continue;
        }
        let expected = if op.need.permissions.len() == 1 {
            "missing.permissions"
        } else {
            "missing.any.permissions"
        };
        assert_eq!(
            (status, body["code"].as_str()),
            (403, Some(expected)),
            "{} {path}: {body}",
            op.method
        );
        let message = body["message"].as_str().unwrap_or_default();
        for p in &op.need.permissions {
            assert!(
                message.contains(p.as_str()),
                "{} {path}: {message} names {p}",
                op.method
            );
        }
    }
}

/// The SDK docs' table, or `None` (said loudly) on a clean clone without the shared data.
fn sdk_table() -> Option<String> {
    let here = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let Some(file) = here
        .ancestors()
        .map(|a| a.join("shared/data/genesys-endpoint-permissions.tsv"))
        .find(|p| p.is_file())
    else {
        eprintln!("\n!!! SKIPPED: shared/data/genesys-endpoint-permissions.tsv is not next to this checkout; the Sandbox's document was not checked against it !!!\n");
        return None;
    };
    Some(std::fs::read_to_string(file).expect("readable"))
}

fn shape(path: &str) -> String {
    filled(path, "{}")
}

#[tokio::test]
async fn the_document_agrees_with_the_sdk_docs_on_every_sandbox_route() {
    let Some(table) = sdk_table() else { return };
    let org = start_with(quick()).await;
    let catalog = document(&org).await;
    for op in &catalog.operations {
        let row = table
            .lines()
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .find(|c| c.len() >= 3 && c[0] == op.method && shape(c[1]) == shape(&op.path))
            .unwrap_or_else(|| panic!("{} {} is not in the SDK docs", op.method, op.path));
        let kind = match op.need.kind {
            NeedKind::Any => "ANY",
            NeedKind::All => "ALL",
            NeedKind::None => "NONE",
        };
        let mut theirs: Vec<&str> = row
            .get(3)
            .map_or("", |p| p)
            .split(',')
            .filter(|p| !p.is_empty())
            .collect();
        let mut ours: Vec<&str> = op.need.permissions.iter().map(String::as_str).collect();
        theirs.sort_unstable();
        ours.sort_unstable();
        assert_eq!((kind, ours), (row[2], theirs), "{} {}", op.method, op.path);
    }
}

#[tokio::test]
async fn a_new_role_grants_what_its_policies_say_and_only_to_who_may_add_roles() {
    let org = start_with(quick()).await;
    let admin = org.admin_token().await;
    let made = org
        .post(
            "/api/v2/authorization/roles",
            &admin,
            json!({ "name": "Queue members reader", "description": "for the data action",
                    "permissionPolicies": [{ "domain": "routing", "entityName": "queue", "actionSet": ["view"] }] }),
        )
        .await;
    let role = made.ok().clone();
    assert_eq!(role["permissionPolicies"][0]["actionSet"], json!(["view"]));
    let id = role["id"].as_str().expect("id");
    let read = org
        .get(&format!("/api/v2/authorization/roles/{id}"), &admin)
        .await;
    assert_eq!(read.ok()["name"], "Queue members reader");
    let refused = org
        .post("/api/v2/authorization/roles", &admin, json!({ "name": "x", "permissionPolicies": [{ "domain": "routing", "actionSet": [] }] }))
        .await;
    refused.error(400, "bad.request");
    let nameless = org
        .post(
            "/api/v2/authorization/roles",
            &admin,
            json!({ "permissionPolicies": [] }),
        )
        .await;
    nameless.error(400, "bad.request");
    let (token, _) = client_with_an_unrelated_role(&org, &admin).await;
    let denied = org
        .post(
            "/api/v2/authorization/roles",
            &token,
            json!({ "name": "mine" }),
        )
        .await;
    denied.error(403, "missing.permissions");
}

#[tokio::test]
async fn each_described_answer_is_what_the_route_serves_and_drafts_from_the_document() {
    let org = start_with(quick()).await;
    let admin = org.admin_token().await;
    let catalog = document(&org).await;
    // The routing routes are not in the shared spec, so they are read without its check.
    let (_, queues) = status_and_body(&org, "GET", "/api/v2/routing/queues", Some(&admin)).await;
    let queue_id = queues["entities"][0]["id"]
        .as_str()
        .expect("a seeded queue");
    let mut described = 0;
    for (key, schema) in &catalog.models.responses {
        let (method, path) = key.split_once(' ').expect("METHOD path");
        assert_eq!(method, "GET");
        // Expanded, so the optional parts are served too.
        let url = format!("{}?expand=presence,routingStatus", filled(path, queue_id));
        let (status, answer) = status_and_body(&org, "GET", &url, Some(&admin)).await;
        assert_eq!(status, 200, "{url}: {answer}");
        let served = catalog.models.undescribed(&answer, schema);
        assert!(
            served.is_empty(),
            "{path} serves what its model lacks: {served:?}"
        );
        let draft = catalog.models.draft(method, path).expect("drafted");
        let drafted = catalog.models.undescribed(&draft.sample, schema);
        assert!(drafted.is_empty(), "{path}: {drafted:?}");
        described += 1;
    }
    assert!(described >= 3, "{described}");
    let members = catalog
        .models
        .draft("GET", "/api/v2/routing/queues/{queueId}/members")
        .expect("the workshop's endpoint is described");
    assert_eq!(members.model.as_deref(), Some("QueueMemberEntityListing"));
    let first = &members.sample["entities"][0];
    assert_eq!(
        first["user"]["presence"]["presenceDefinition"]["systemPresence"],
        "systemPresence"
    );
    assert_eq!(first["routingStatus"]["status"], "OFF_QUEUE");
}

/// The shared Swagger subset (rebuilt from the official SDKs), or `None`, said loudly.
fn shared_spec() -> Option<Value> {
    let here = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let Some(file) = here
        .ancestors()
        .map(|a| a.join("shared/spec/genesys-openapi.json"))
        .find(|p| p.is_file())
    else {
        eprintln!("\n!!! SKIPPED: shared/spec/genesys-openapi.json is not next to this checkout; the Sandbox's models were not checked against it !!!\n");
        return None;
    };
    Some(serde_json::from_slice(&std::fs::read(file).expect("readable")).expect("JSON"))
}

#[tokio::test]
async fn the_sandbox_models_agree_with_the_sdk_models_the_shared_spec_holds() {
    let Some(spec) = shared_spec() else { return };
    let org = start_with(quick()).await;
    let response = org.http.get(org.api("/api/v2/docs/swagger")).send().await;
    let doc: Value = response.expect("answers").json().await.expect("JSON");
    let ours = doc["definitions"].as_object().expect("definitions");
    let mut compared = 0;
    for (name, model) in ours {
        let theirs = &spec["definitions"][name];
        if theirs.is_null() {
            // Listings and QueueMember are not in the subset: the SDK docs are their source.
            continue;
        }
        for (property, schema) in model["properties"].as_object().expect("properties") {
            let sdk = &theirs["properties"][property];
            assert!(!sdk.is_null(), "{name}.{property} is not an SDK property");
            for field in ["type", "$ref", "format", "enum"] {
                if !schema[field].is_null() {
                    assert_eq!(schema[field], sdk[field], "{name}.{property}.{field}");
                }
            }
        }
        compared += 1;
    }
    assert!(compared >= 5, "{compared} models compared");
}
