//! The use cases without a window: each test signs in to a fresh Sandbox org over loopback HTTP
//! as its practice admin, with an in-memory vault, and drives a screen's use cases as the shell
//! would, asserting what the window would be sent.

use std::sync::{Arc, Mutex};

use genesys::models::{GrantType, RoleDivision};
use genesys::oauth_client_form::OAuthClientForm;
use genesys::secrets::{MemoryStore, SecretStore};
use genesys::setup::SetupRequest;
use genesys::{OrgTarget, Profile, SignInMethod};
use sandbox::{RunningSandbox, Sandbox, SandboxOptions};

use crate::actions::privileges::CatalogCache;
use crate::reveal::Reveals;
use crate::setup::SetupRuns;
use crate::vault::Vault;
use crate::wire::setup::{RunPhase, StepStatus};
use crate::{clients, integrations, roles, setup, OrgContext};

/// A fresh Sandbox org and its practice admin's context (secrets in memory: not persistent).
pub(crate) async fn signed_in() -> (RunningSandbox, OrgContext, Arc<MemoryStore>) {
    let org = Sandbox::start(SandboxOptions::default())
        .await
        .expect("the Sandbox org starts");
    let session = live::sign_in_as_practice_admin(&org)
        .await
        .expect("the practice admin signs in");
    let profile = Profile::new(OrgTarget::Sandbox, SignInMethod::Pkce, "").expect("a profile");
    let store = Arc::new(MemoryStore::new());
    let secrets = Vault::over(store.clone(), false);
    let ctx = OrgContext {
        profile,
        session,
        secrets,
    };
    (org, ctx, store)
}

/// Runs the guided setup with the workshop's defaults and the suggested role in the home
/// division, and requires it to complete: the integration's id and the home division's id.
pub(crate) async fn guided_setup_done(
    ctx: &OrgContext,
    dir: &std::path::Path,
    catalogs: &CatalogCache,
) -> (String, String) {
    let form = setup::form(ctx, dir, catalogs).await.expect("the form");
    let home = form.home_division_id.clone();
    let request = SetupRequest::workshop_defaults(vec![RoleDivision {
        role_id: form.suggested_role_id.expect("a suggested role"),
        division_id: home.clone(),
    }]);
    let done = setup::start(ctx, dir, &SetupRuns::default(), request, Box::new(|_| true))
        .await
        .expect("the run");
    assert_eq!(
        done.phase,
        crate::wire::setup::RunPhase::Completed,
        "{:?}",
        done.error
    );
    let overview = crate::actions::overview(ctx).await.expect("the overview");
    (
        overview
            .integrations
            .first()
            .expect("one integration")
            .id
            .clone(),
        home,
    )
}

#[tokio::test]
async fn a_new_client_secret_is_kept_for_one_reveal_and_leaves_the_vault_when_not_kept() {
    let (_org, ctx, store) = signed_in().await;
    let choices = roles::choices(&ctx).await.expect("the roles held");
    let role_id = choices.suggested_role_id.expect("a suggested role");
    let form = OAuthClientForm {
        name: "Use case client".into(),
        description: String::new(),
        grant_type: GrantType::ClientCredentials,
        token_duration_seconds: String::new(),
        redirect_uris: Vec::new(),
        scopes: Vec::new(),
        role_divisions: vec![RoleDivision {
            role_id,
            division_id: choices.home_division_id,
        }],
        state: None,
    };
    let reveals = Reveals::default();
    let issued = clients::create(&ctx, &reveals, &form)
        .await
        .expect("created");
    assert!(
        !issued.saved_to_keychain,
        "a memory-only vault is not a keychain"
    );
    let account = ctx.secret_account(&issued.client.id);
    let saved = store.get(&account).expect("readable").expect("saved");
    let shown = reveals
        .reveal_text(&issued.reveal_handle)
        .expect("the first reveal");
    assert_eq!(shown, saved.expose());
    assert!(
        reveals.reveal_text(&issued.reveal_handle).is_err(),
        "once only"
    );
    clients::forget_reveal(&ctx.secrets, &reveals, &issued.reveal_handle, false)
        .await
        .expect("forgotten");
    assert!(store.get(&account).expect("readable").is_none());
    let listed = clients::list(&ctx).await.expect("listed");
    assert!(listed.iter().any(|c| c.id == issued.client.id));
}

#[tokio::test]
async fn the_guided_setup_runs_to_active_heard_by_its_listener_and_is_not_offered_once_done() {
    let (_org, ctx, _store) = signed_in().await;
    let dir = std::env::temp_dir().join(format!("studio-setup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let form = setup::form(&ctx, &dir, &CatalogCache::new(dir.join("catalogs")))
        .await
        .expect("the form");
    assert_eq!((form.installed, form.limit), (0, 10));
    let queue = form.queues.first().map(|q| q.id.clone());
    assert!(queue.is_some(), "the seeded queues are offered");
    let request = SetupRequest {
        action: Some(genesys::setup::ActionStep::workshop(queue)),
        ..SetupRequest::workshop_defaults(vec![RoleDivision {
            role_id: form.suggested_role_id.expect("a suggested role"),
            division_id: form.home_division_id,
        }])
    };
    let runs = SetupRuns::default();
    let heard = Arc::new(Mutex::new(Vec::new()));
    let listener = {
        let heard = heard.clone();
        Box::new(move |v: &crate::wire::setup::SetupRunView| {
            heard.lock().expect("unpoisoned").push(v.phase);
            true
        })
    };
    let done = setup::start(&ctx, &dir, &runs, request, listener)
        .await
        .expect("the run");
    assert_eq!(done.phase, RunPhase::Completed, "{:?}", done.error);
    assert!(done.steps.iter().all(|s| s.status == StepStatus::Done));
    assert_eq!(done.steps.len(), 12, "the data action's three steps too");
    let kinds: Vec<&str> = done.created.iter().map(|c| c.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["oauthClient", "credential", "integration", "action"]
    );
    // The editor opens what the finished view links to: the published action, no draft left.
    let action = crate::actions::get(&ctx, &done.created[3].id)
        .await
        .expect("the action opens");
    assert!(!action.is_draft, "published");
    assert_eq!(
        action.form.url_template,
        crate::actions::preset::URL_TEMPLATE
    );
    assert!(
        heard.lock().expect("unpoisoned").len() > 12,
        "every step was heard"
    );
    let overview = integrations::overview(&ctx).await.expect("the overview");
    assert_eq!(overview.integrations.len(), 1);
    // A finished run, once dismissed, is not offered again: its journal says completed.
    runs.dismiss();
    assert!(setup::status(&dir, &runs, Box::new(|_| true))
        .expect("status")
        .is_none());
    let _ = std::fs::remove_dir_all(&dir);
}
