//! The Data actions use cases against a Sandbox org over loopback HTTP: the guided setup makes
//! an active integration whose client may read queues, then the workshop's action is built from
//! the preset, tested (ten steps, the members' presences), broken the workshop's way (step 10,
//! explained), fixed, published (read-only until a new draft), and deleted; a stale save is
//! refused instead of overwriting.

use std::collections::BTreeMap;

use genesys::models::RoleDivision;
use genesys::setup::SetupRequest;

use crate::actions::privileges::CatalogCache;
use crate::setup::SetupRuns;
use crate::tests::signed_in;
use crate::wire::actions::StepHint;
use crate::wire::setup::RunPhase;
use crate::{actions, setup, OrgContext};

/// Runs the guided setup; answers the active integration's id and a queue of the seed.
async fn active_integration(ctx: &OrgContext, dir: &std::path::Path) -> (String, String) {
    let form = setup::form(ctx, dir, &CatalogCache::new(dir.join("catalogs")))
        .await
        .expect("the form");
    let request = SetupRequest::workshop_defaults(vec![RoleDivision {
        role_id: form.suggested_role_id.expect("a suggested role"),
        division_id: form.home_division_id,
    }]);
    let done = setup::start(ctx, dir, &SetupRuns::default(), request, Box::new(|_| true))
        .await
        .expect("the run");
    assert_eq!(done.phase, RunPhase::Completed, "{:?}", done.error);
    let overview = actions::overview(ctx).await.expect("the overview");
    let integration = overview
        .integrations
        .first()
        .expect("one integration")
        .id
        .clone();
    let s = &ctx.session;
    let queues = s
        .client()
        .routing_queues(s.token())
        .await
        .expect("the queues");
    (
        integration,
        queues.first().expect("a seeded queue").id.clone(),
    )
}

#[tokio::test]
async fn the_workshop_action_is_built_tested_broken_explained_fixed_and_published() {
    let (_org, ctx, _store) = signed_in().await;
    let dir = std::env::temp_dir().join(format!("studio-actions-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (integration, queue) = active_integration(&ctx, &dir).await;

    let preset = actions::preset(&ctx, &integration, "Get queue presences")
        .await
        .expect("the preset");
    assert!(
        actions::check(&preset)
            .iter()
            .all(|p| p.severity == crate::wire::actions::Severity::Warning),
        "warnings only"
    );
    let made = actions::save(&ctx, None, &preset).await.expect("a draft");
    let id = made.summary.id.clone();
    assert!(made.is_draft);
    assert_eq!(made.form.inputs, preset.inputs);
    assert_eq!(made.form.url_template, preset.url_template);

    let offered = actions::queues(&ctx).await.expect("the queues");
    assert!(
        offered.iter().any(|q| q.id == queue),
        "the picker offers the queue"
    );
    let values = BTreeMap::from([("QueueID".to_string(), queue.clone())]);
    let run = actions::test(&ctx, &id, &values, true)
        .await
        .expect("a run");
    assert!(run.success, "{run:?}");
    assert_eq!(run.steps.len(), 10);
    assert!(run.output.as_deref().unwrap_or("").contains("Presences"));

    // The workshop's typo: the template reads $Presences, the map defines Presence.
    let mut broken = made.form.clone();
    broken.success_template = "{\"Presences\" : $Presences}".into();
    let saved = actions::save(&ctx, Some(&id), &broken)
        .await
        .expect("saved");
    let run = actions::test(&ctx, &id, &values, true)
        .await
        .expect("a run");
    assert!(!run.success);
    let failed = run
        .steps
        .iter()
        .find(|s| !s.success)
        .expect("a failed step");
    assert_eq!(failed.step, 10);
    let error = failed.error.as_ref().expect("its error");
    assert!(
        error.error_codes.contains(&"ACTION.PROCESSING".to_string()),
        "{error:?}"
    );
    assert_eq!(
        failed.hint,
        Some(StepHint::UndefinedVariable {
            variable: "Presences".into(),
            defined: vec!["Presence".into()],
            closest: Some("Presence".into()),
        })
    );

    // A save at the version opened before the last one is refused, not written over it.
    let stale = actions::save(&ctx, Some(&id), &made.form).await;
    assert!(stale.is_err(), "a stale version overwrote the draft");

    let mut fixed = saved.form.clone();
    fixed.success_template = preset.success_template.clone();
    actions::save(&ctx, Some(&id), &fixed).await.expect("fixed");
    assert!(
        actions::test(&ctx, &id, &values, false)
            .await
            .expect("a run")
            .success
    );

    let published = actions::publish(&ctx, &id).await.expect("published");
    assert!(!published.is_draft);
    assert_eq!(published.summary.published_version, Some(1));
    assert_eq!(published.summary.draft_version, None);
    let listed = actions::overview(&ctx).await.expect("the overview");
    assert!(listed
        .actions
        .iter()
        .any(|a| a.id == id && a.published_version == Some(1)));

    let drafted = actions::new_draft(&ctx, &id).await.expect("a new draft");
    assert!(drafted.is_draft);
    assert_eq!(drafted.summary.published_version, Some(1));
    // A draft of a published action saves with its frozen contract left as it is.
    let mut renamed = drafted.form.clone();
    renamed.name = "Queue presences, v2".into();
    let saved = actions::save(&ctx, Some(&id), &renamed)
        .await
        .expect("the draft saved");
    assert_eq!(saved.form.name, "Queue presences, v2");
    let mut refrozen = saved.form.clone();
    refrozen.inputs[0].required = false;
    assert!(
        actions::save(&ctx, Some(&id), &refrozen).await.is_err(),
        "a published contract cannot change"
    );
    actions::delete(&ctx, &id, true)
        .await
        .expect("the draft deleted");
    let after = actions::get(&ctx, &id).await.expect("still published");
    assert!(!after.is_draft);
    actions::delete(&ctx, &id, false).await.expect("deleted");
    assert!(actions::get(&ctx, &id).await.is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn bad_inputs_and_broken_rules_send_nothing() {
    let (_org, ctx, _store) = signed_in().await;
    let mut form = actions::preset::queue_presences("", "no-such", "x");
    form.timeout_seconds = Some(61);
    assert!(actions::save(&ctx, None, &form).await.is_err());
    let overview = actions::overview(&ctx).await.expect("the overview");
    assert!(overview.actions.is_empty(), "nothing was created");
}
