//! The whole integration as Terraform, from a Sandbox org after the guided setup and a second
//! action: read back by a real HCL parser and evaluated with every resource and data source the
//! file declares (so a reference to anything it does not declare fails), it holds the client
//! with its role in the right division, the integration wired to the credential the provider
//! makes, each action's templates exactly, and no secret.

use std::collections::BTreeMap;

use hcl::eval::{Context, Evaluate, FuncArgs, FuncDef, ParamType};
use hcl::{Block, Body, Structure};
use serde_json::{json, Value};

use super::chain_export::integration_terraform;
use super::privileges::CatalogCache;
use super::terraform_chain::{chain_file, Chain, ChainDivision, ChainRole};
use crate::actions;
use crate::tests::{guided_setup_done, signed_in};
use genesys::models::DomainPermissionPolicy;

fn same(args: FuncArgs) -> Result<hcl::Value, String> {
    Ok(args[0].clone())
}

fn blocks<'a>(body: &'a Body, kind: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
    body.iter().filter_map(move |s| match s {
        Structure::Block(b) if b.identifier.as_str() == kind => Some(b),
        _ => None,
    })
}

fn labels(b: &Block) -> Vec<String> {
    b.labels.iter().map(|l| l.as_str().to_owned()).collect()
}

/// The file evaluated with each declared resource and data source standing for itself: their
/// attributes read as `"<type>.<label>.<attribute>"`.
fn read_back(text: &str) -> Value {
    let body = hcl::parse(text).unwrap_or_else(|e| panic!("not HCL: {e}\n{text}"));
    let mut resources: BTreeMap<String, hcl::Map<String, hcl::Value>> = BTreeMap::new();
    for b in blocks(&body, "resource") {
        let l = labels(b);
        let mut attrs = hcl::Map::new();
        for a in ["id", "integration_credential_id"] {
            attrs.insert(
                a.to_owned(),
                hcl::Value::from(format!("{}.{}.{a}", l[0], l[1])),
            );
        }
        resources
            .entry(l[0].clone())
            .or_default()
            .insert(l[1].clone(), hcl::Value::Object(attrs));
    }
    let mut data: hcl::Map<String, hcl::Value> = hcl::Map::new();
    for b in blocks(&body, "data") {
        let l = labels(b);
        let mut attrs = hcl::Map::new();
        attrs.insert(
            "id".into(),
            hcl::Value::from(format!("data.{}.{}.id", l[0], l[1])),
        );
        let kind = data
            .entry(l[0].clone())
            .or_insert_with(|| hcl::Value::Object(hcl::Map::new()));
        if let hcl::Value::Object(m) = kind {
            m.insert(l[1].clone(), hcl::Value::Object(attrs));
        }
    }
    let mut ctx = Context::new();
    for (kind, labelled) in resources {
        ctx.declare_var(kind, hcl::Value::Object(labelled));
    }
    ctx.declare_var("data", hcl::Value::Object(data));
    ctx.declare_func("jsonencode", FuncDef::new(same, [ParamType::Any]));
    let body = body
        .evaluate(&ctx)
        .unwrap_or_else(|e| panic!("does not evaluate: {e}\n{text}"));
    hcl::from_body(body).expect("as JSON")
}

#[test]
fn own_roles_travel_as_resources_shipped_ones_by_name_and_divisions_by_kind() {
    let chain = Chain {
        integration_name: "Queue \"presence\" actions".into(),
        client_name: "Data Actions client".into(),
        client_description: Some("made by Dip Studio".into()),
        token_seconds: Some(3600),
        roles: vec![
            ChainRole {
                name: "Queue Viewer".into(),
                description: None,
                policies: None,
                division: ChainDivision::Home,
            },
            ChainRole {
                name: "Data actions - queues".into(),
                description: Some("exactly what the actions call".into()),
                policies: Some(vec![DomainPermissionPolicy {
                    domain: "routing".into(),
                    entity_name: "queue".into(),
                    action_set: vec!["view".into()],
                }]),
                division: ChainDivision::Named("Claims".into()),
            },
            ChainRole {
                name: "Queue Viewer".into(),
                description: None,
                policies: None,
                division: ChainDivision::Every,
            },
        ],
        credential_name: "Data Actions credential".into(),
        actions: Vec::new(),
    };
    let file = read_back(&chain_file(&chain));
    let client = &file["resource"]["genesyscloud_oauth_client"]["data_actions_client"];
    assert_eq!(client["authorized_grant_type"], "CLIENT-CREDENTIALS");
    assert_eq!(client["access_token_validity_seconds"], 3600);
    assert_eq!(
        client["integration_credential_name"],
        "Data Actions credential"
    );
    assert_eq!(
        client["roles"],
        json!([
            { "role_id": "data.genesyscloud_auth_role.queue_viewer.id" },
            { "role_id": "genesyscloud_auth_role.data_actions_queues.id", "division_id": "data.genesyscloud_auth_division.claims.id" },
            { "role_id": "data.genesyscloud_auth_role.queue_viewer_2.id", "division_id": "*" },
        ])
    );
    let role = &file["resource"]["genesyscloud_auth_role"]["data_actions_queues"];
    assert_eq!(
        role["permission_policies"],
        json!({ "domain": "routing", "entity_name": "queue", "action_set": ["view"] })
    );
    assert_eq!(
        file["data"]["genesyscloud_auth_division"]["claims"]["name"],
        "Claims"
    );
    let integration = &file["resource"]["genesyscloud_integration"]["queue_presence_actions"];
    assert_eq!(integration["config"]["name"], "Queue \"presence\" actions");
    assert_eq!(
        integration["config"]["credentials"]["pureCloudOAuthClient"],
        "genesyscloud_oauth_client.data_actions_client.integration_credential_id"
    );
}

#[tokio::test]
async fn the_sandbox_integration_reads_back_whole_and_holds_no_secret() {
    let (_org, ctx, _store) = signed_in().await;
    let dir = std::env::temp_dir().join(format!("studio-chain-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (integration_id, _) =
        guided_setup_done(&ctx, &dir, &CatalogCache::new(dir.join("catalogs"))).await;
    let first = actions::preset(&ctx, &integration_id, "Get queue presences")
        .await
        .expect("preset");
    actions::save(&ctx, None, &first).await.expect("a draft");
    let mut second = first.clone();
    second.name = "Second action".into();
    second.url_template = "/api/v2/routing/queues/${input.QueueID}/members?pageSize=100".into();
    actions::save(&ctx, None, &second)
        .await
        .expect("a second draft");

    let text = integration_terraform(&ctx, &integration_id)
        .await
        .expect("the file");
    let client_id = ctx
        .session
        .client()
        .oauth_clients(ctx.session.token())
        .await
        .expect("clients")
        .into_iter()
        .find(|c| text.contains(&c.name))
        .expect("the file names the client")
        .id;
    let secret = ctx
        .client_secret(&client_id)
        .await
        .expect("the vault")
        .expect("the setup kept the secret");
    assert!(
        !text.contains(secret.expose()),
        "the client's secret is in the file"
    );
    let file = read_back(&text);
    let clients = file["resource"]["genesyscloud_oauth_client"]
        .as_object()
        .expect("a client");
    let client = clients.values().next().expect("one");
    let role = client["roles"]["role_id"]
        .as_str()
        .unwrap_or_else(|| panic!("one role: {client}"));
    assert!(
        role.starts_with("data.genesyscloud_auth_role."),
        "a shipped role, by name: {role}"
    );
    assert!(
        client["roles"].get("division_id").is_none(),
        "the home division is the provider's default"
    );
    let integrations = file["resource"]["genesyscloud_integration"]
        .as_object()
        .expect("the integration");
    let (label, wired) = integrations.iter().next().expect("one");
    assert_eq!(
        wired["config"]["name"],
        json!(
            actions::overview(&ctx)
                .await
                .expect("overview")
                .integrations[0]
                .name
        )
    );
    assert_eq!(wired["integration_type"], "purecloud-data-actions");
    let actions = file["resource"]["genesyscloud_integration_action"]
        .as_object()
        .expect("actions");
    assert_eq!(actions.len(), 2, "{actions:?}");
    for action in actions.values() {
        assert_eq!(
            action["integration_id"],
            json!(format!("genesyscloud_integration.{label}.id"))
        );
    }
    let urls: Vec<&str> = actions
        .values()
        .map(|a| {
            a["config_request"]["request_url_template"]
                .as_str()
                .expect("url")
        })
        .collect();
    assert!(
        urls.contains(&"/api/v2/routing/queues/${input.QueueID}/members?pageSize=100"),
        "{urls:?}"
    );
}
