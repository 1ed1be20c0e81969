//! Least privilege against a Sandbox org over loopback HTTP, with the permissions read from the
//! Sandbox's own API description: the workshop action needs `routing:queue:view`; a client
//! holding only an unrelated (and broader) role is shown what is missing and what is too much;
//! the role that grants exactly the need is reused and granted, after which the action's test
//! passes with that role alone; and a need no role matches gets a new role, given to the user
//! first, then to the client.

use std::collections::BTreeMap;
use std::time::Duration;

use genesys::api::AssignWaits;
use genesys::models::{OAuthClientRequest, RoleDivision};

use super::{grant, privileges, workshop_permission, CatalogCache};
use crate::tests::{guided_setup_done, signed_in};
use crate::wire::privileges::NeedSource;
use crate::{actions, OrgContext};

fn folder(what: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("studio-privileges-{what}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Sets the client's role divisions to `pairs` and nothing else.
async fn set_client_roles(ctx: &OrgContext, client_id: &str, pairs: Vec<RoleDivision>) {
    let (c, t) = (ctx.session.client(), ctx.session.token());
    let client = c.oauth_client(client_id, t).await.expect("the client");
    let request = OAuthClientRequest {
        name: client.name,
        authorized_grant_type: client.authorized_grant_type,
        description: client.description.unwrap_or_default(),
        access_token_validity_seconds: client.access_token_validity_seconds.unwrap_or(86_400),
        registered_redirect_uri: client.registered_redirect_uri,
        scope: client.scope,
        role_divisions: pairs,
        state: client.state,
    };
    c.update_oauth_client(client_id, &request, t)
        .await
        .expect("updated");
}

fn role_id(roles: &[genesys::models::DomainOrganizationRole], name: &str) -> String {
    roles
        .iter()
        .find(|r| r.name == name)
        .expect("a seeded role")
        .id
        .clone()
}

const QUICK: AssignWaits = AssignWaits {
    settle: Duration::from_millis(50),
    confirm: Duration::from_secs(30),
};

#[tokio::test]
async fn the_workshop_action_gets_exactly_queue_view_and_then_runs_with_that_role_alone() {
    let (_org, ctx, _store) = signed_in().await;
    let dir = folder("setup");
    let cache = CatalogCache::new(folder("catalog"));
    // Read ahead, as the Data actions list does: the setup's suggestion is then derived.
    cache
        .get("sandbox", ctx.session.client())
        .await
        .expect("the API description");
    let (integration, home) = guided_setup_done(&ctx, &dir, &cache).await;
    let (c, t) = (ctx.session.client(), ctx.session.token());
    let roles = c.roles(t).await.expect("roles");
    let queue = c.routing_queues(t).await.expect("queues")[0].id.clone();

    let preset = actions::preset(&ctx, &integration, "Get queue presences")
        .await
        .expect("preset");
    let draft = actions::save(&ctx, None, &preset)
        .await
        .expect("a draft")
        .summary
        .id;

    // The client holds only Developer: no queue permission, and it can delete OAuth clients.
    let before = privileges(&ctx, &cache, &integration)
        .await
        .expect("the view");
    let client_id = before.client.as_ref().expect("a client").client_id.clone();
    set_client_roles(
        &ctx,
        &client_id,
        vec![RoleDivision {
            role_id: role_id(&roles, "Developer"),
            division_id: home.clone(),
        }],
    )
    .await;
    let view = privileges(&ctx, &cache, &integration)
        .await
        .expect("the view");
    assert!(
        view.catalog.operations >= 60 && !view.catalog.stale,
        "{:?}",
        view.catalog
    );
    let need = &view.actions[0];
    assert_eq!(
        (need.source, need.least.clone()),
        (NeedSource::Any, vec!["routing:queue:view".to_string()])
    );
    assert_eq!(
        need.endpoint.as_deref(),
        Some("/api/v2/routing/queues/{queueId}/members")
    );
    assert_eq!(need.path, "/api/v2/routing/queues/{}/members");
    assert!(!need.covered);
    let held = view.client.as_ref().expect("a client");
    assert_eq!(held.missing, ["routing:queue:view"]);
    assert!(
        held.extra
            .iter()
            .any(|e| e.permission == "oauth:client:delete" && e.risky),
        "{:?}",
        held.extra
    );
    assert!(held
        .extra
        .iter()
        .any(|e| e.permission == "oauth:client:view" && !e.risky));
    let offer = view.offer.as_ref().expect("an offer");
    assert_eq!(offer.permissions, ["routing:queue:view"]);
    assert_eq!(
        offer.reuse_role_name.as_deref(),
        Some("Queue Viewer"),
        "the seeded role that grants exactly that"
    );
    assert!(offer.held_by_me);

    let values = BTreeMap::from([("QueueID".to_string(), queue)]);
    let refused = actions::test(&ctx, &draft, &values, true)
        .await
        .expect("a run");
    assert!(!refused.success, "the client cannot read the members yet");

    let after = grant(&ctx, &cache, &integration, &home, QUICK, &|_| {})
        .await
        .expect("granted");
    assert!(
        after.offer.is_none() && after.actions[0].covered,
        "{after:?}"
    );
    assert!(after.client.as_ref().expect("client").missing.is_empty());
    // Developer taken away: the reused role alone lets the action run.
    let queue_viewer = role_id(&roles, "Queue Viewer");
    set_client_roles(
        &ctx,
        &client_id,
        vec![RoleDivision {
            role_id: queue_viewer.clone(),
            division_id: home.clone(),
        }],
    )
    .await;
    let run = actions::test(&ctx, &draft, &values, true)
        .await
        .expect("a run");
    assert!(run.success, "{run:?}");
    let last = privileges(&ctx, &cache, &integration)
        .await
        .expect("the view");
    assert!(
        last.client.as_ref().expect("client").extra.is_empty(),
        "nothing more than needed"
    );

    // A second action that lists OAuth clients: no role grants exactly both, so one is made,
    // given to the user (who lacks it), then to the client.
    let mut listing = preset.clone();
    listing.name = "List OAuth clients".into();
    listing.url_template = "/api/v2/oauth/clients".into();
    actions::save(&ctx, None, &listing)
        .await
        .expect("a second draft");
    let view = privileges(&ctx, &cache, &integration)
        .await
        .expect("the view");
    let offer = view.offer.expect("an offer");
    assert_eq!(
        offer.permissions,
        ["oauth:client:view", "routing:queue:view"]
    );
    assert_eq!((offer.reuse_role_id, offer.held_by_me), (None, false));
    let after = grant(&ctx, &cache, &integration, &home, QUICK, &|_| {})
        .await
        .expect("granted");
    let client = after.client.expect("client");
    assert!(client.missing.is_empty(), "{client:?}");
    let made = client
        .roles
        .iter()
        .find(|r| r.role_name == offer.new_role_name)
        .expect("the new role on the client");
    let role = c.role(&made.role_id, t).await.expect("the new role");
    let mut granted = role.granted();
    granted.sort();
    assert_eq!(granted, ["oauth:client:view", "routing:queue:view"]);
    let me = c.held_grants(t).await.expect("mine").subject;
    assert!(
        me.holds_role(&made.role_id),
        "the user was given the role first"
    );
}

#[tokio::test]
async fn the_setup_suggestion_comes_from_the_same_derivation() {
    let (_org, ctx, _store) = signed_in().await;
    let cache = CatalogCache::new(folder("derived"));
    let (catalog, _) = cache
        .get("sandbox", ctx.session.client())
        .await
        .expect("read");
    assert_eq!(
        workshop_permission(Some(&catalog)),
        genesys::setup::WORKSHOP_PERMISSION
    );
    assert_eq!(
        workshop_permission(None),
        genesys::setup::WORKSHOP_PERMISSION
    );
    // An org whose description says otherwise moves the suggestion with it.
    let other = genesys::permissions::Catalog::from_swagger(
        br#"{"paths": {"/api/v2/routing/queues/{queueId}/members": {"get": {"x-inin-requires-permissions": {"type": "ANY", "permissions": ["routing:queueMember:manage", "routing:queue:readonly"]}}}}}"#,
    )
    .expect("readable");
    assert_eq!(workshop_permission(Some(&other)), "routing:queue:readonly");
}

#[tokio::test]
async fn the_catalog_is_read_once_and_an_old_copy_is_used_when_the_org_cannot_answer() {
    let (org, ctx, _store) = signed_in().await;
    let folder = folder("cache");
    let cache = CatalogCache::new(&folder);
    let (first, info) = cache
        .get("sandbox", ctx.session.client())
        .await
        .expect("downloaded");
    assert!(!info.stale && !first.operations.is_empty());
    let file = folder.join("sandbox.json");
    assert!(
        !first.models.responses.is_empty(),
        "the answer models are kept"
    );
    // A copy in the layout from before the answer models is read again while the org answers.
    let text = std::fs::read_to_string(&file).expect("cached");
    let mut old: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    old.as_object_mut().expect("object").remove("format");
    old["catalog"]
        .as_object_mut()
        .expect("catalog")
        .remove("models");
    std::fs::write(&file, old.to_string()).expect("written");
    let (renewed, _) = cache
        .get("sandbox", ctx.session.client())
        .await
        .expect("read again");
    assert_eq!(renewed, first, "downloaded again, models included");
    // Aged past freshness, then the org goes away: the copy is used, marked stale.
    let text = std::fs::read_to_string(&file).expect("cached");
    let mut stored: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    stored["fetchedAt"] =
        serde_json::json!(info.fetched_at - super::catalog_cache::FRESH_FOR.as_secs() - 60);
    std::fs::write(&file, stored.to_string()).expect("written");
    drop(org);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let (again, info) = cache
        .get("sandbox", ctx.session.client())
        .await
        .expect("the old copy");
    assert!(info.stale);
    assert_eq!(again, first);
    // With no copy and no org, it is an error, not an empty catalog.
    assert!(cache.get("elsewhere", ctx.session.client()).await.is_err());
}
