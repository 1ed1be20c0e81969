//! The offline preview against the Sandbox org's own test of the same draft: for the workshop's
//! action (all ten steps pass, the same output), its `$Presences` typo (step 10 fails in both,
//! with the same words), a path that finds nothing with no default (step 9 fails in both), and
//! a test value missing (step 3 fails offline; the app refuses it before sending); steps 4 and 8
//! are the org's (the sample stands in). The sample is the endpoint's real answer, captured
//! through the app once (a GET only).

use std::collections::BTreeMap;

use super::preview::{capture, preview};
use super::privileges::CatalogCache;
use crate::tests::{guided_setup_done, signed_in};
use crate::wire::actions::{ActionForm, TestRun};
use crate::wire::preview::{Exactness, Preview, PreviewRequest, PreviewState};
use crate::{actions, OrgContext};

/// The org's run and the preview agree on every step the preview can play.
fn assert_same_steps(org: &TestRun, local: &Preview, what: &str) {
    for step in &local.steps {
        let theirs = org.steps.iter().find(|s| s.step == u32::from(step.step));
        match step.state {
            PreviewState::Offline => assert!(
                matches!(step.step, 4 | 8 | 9 | 10),
                "{what}: step {} offline",
                step.step
            ),
            PreviewState::NotRun => assert!(
                theirs.is_none(),
                "{what}: the org ran step {} after a failure",
                step.step
            ),
            PreviewState::Passed => assert_eq!(
                theirs.map(|s| s.success),
                Some(true),
                "{what}: step {}: {org:?}",
                step.step
            ),
            PreviewState::Failed => assert_eq!(
                theirs.map(|s| s.success),
                Some(false),
                "{what}: step {}: {org:?}",
                step.step
            ),
        }
    }
}

async fn saved(ctx: &OrgContext, id: &str, form: &ActionForm) {
    actions::save(ctx, Some(id), form).await.expect("saved");
}

#[tokio::test]
async fn the_preview_plays_the_steps_the_org_plays_on_the_workshop_cases() {
    let (org, ctx, _store) = signed_in().await;
    let dir = std::env::temp_dir().join(format!("studio-preview-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (integration, _) = guided_setup_done(&ctx, &dir, &CatalogCache::new(dir.join("c"))).await;
    let (c, t) = (ctx.session.client(), ctx.session.token());
    let queue = c.routing_queues(t).await.expect("queues")[0].id.clone();
    let mut form = actions::preset(&ctx, &integration, "Get queue presences")
        .await
        .expect("preset");
    let id = actions::save(&ctx, None, &form)
        .await
        .expect("a draft")
        .summary
        .id;
    form.version = actions::get(&ctx, &id).await.expect("read").form.version;

    // The sample: captured through the app, and the same as the endpoint's own answer.
    let values = BTreeMap::from([("QueueID".to_string(), queue.clone())]);
    let sample = capture(&ctx, &form, &values).await.expect("a sample");
    let url = form.url_template.replace("${input.QueueID}", &queue);
    let direct: serde_json::Value = reqwest::Client::new()
        .get(format!("{}{url}", org.api_base_url()))
        .bearer_auth(t.expose())
        .send()
        .await
        .expect("the endpoint answers")
        .json()
        .await
        .expect("JSON");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&sample).expect("JSON"),
        direct
    );
    let mut post = form.clone();
    post.method = "POST".into();
    assert!(
        capture(&ctx, &post, &values).await.is_err(),
        "only a GET is sent"
    );
    let local = |form: &ActionForm| {
        preview(&PreviewRequest {
            form: form.clone(),
            sample: sample.clone(),
            values: values.clone(),
        })
    };

    let run = actions::test(&ctx, &id, &values, false)
        .await
        .expect("a run");
    let mine = local(&form);
    assert!(run.success, "{run:?}");
    assert_same_steps(&run, &mine, "workshop");
    let theirs: serde_json::Value =
        serde_json::from_str(run.output.as_deref().expect("output")).expect("JSON");
    let ours: serde_json::Value =
        serde_json::from_str(mine.output.as_deref().expect("output")).expect("JSON");
    assert_eq!(ours, theirs, "the same output");
    assert_eq!(mine.rows[0].exactness, Exactness::Exact);
    assert!(mine.rows[0].matches > 0, "{:?}", mine.rows[0]);
    assert_eq!(
        mine.flattened
            .iter()
            .map(|f| (f.name.as_str(), f.field_type.as_str()))
            .collect::<Vec<_>>(),
        [("Presences", "array")]
    );

    // The workshop's typo.
    let mut typo = form.clone();
    typo.success_template = typo.success_template.replace("$Presence", "$Presences");
    saved(&ctx, &id, &typo).await;
    let run = actions::test(&ctx, &id, &values, false)
        .await
        .expect("a run");
    let mine = local(&typo);
    assert!(!run.success);
    assert_same_steps(&run, &mine, "typo");
    let message = mine.steps[9].message.clone().expect("step 10's message");
    assert!(
        message.contains("Variable $Presences has not been set"),
        "{message}"
    );

    // A path that finds nothing, with no default.
    let mut nothing = typo.clone();
    nothing.success_template = form.success_template.clone();
    nothing.translation[0].path = "$.nowhere[*].id".into();
    nothing.translation[0].default = None;
    nothing.version = actions::get(&ctx, &id).await.expect("read").form.version;
    saved(&ctx, &id, &nothing).await;
    let run = actions::test(&ctx, &id, &values, false)
        .await
        .expect("a run");
    let mine = local(&nothing);
    assert!(!run.success);
    assert_same_steps(&run, &mine, "no results");
    assert_eq!(mine.steps[8].state, PreviewState::Failed);

    // No queue given: step 3 offline; the app sends nothing in that case.
    let missing = preview(&PreviewRequest {
        form: form.clone(),
        sample: sample.clone(),
        values: BTreeMap::new(),
    });
    assert_eq!(missing.steps[2].state, PreviewState::Failed, "{missing:?}");
    assert!(missing.steps[3..]
        .iter()
        .all(|s| s.state == PreviewState::NotRun));
}

#[test]
fn without_a_sample_the_response_steps_wait_and_a_broken_sample_says_so() {
    let form = super::preset::queue_presences("Get queue presences", "i-1", "Data Actions");
    let values = BTreeMap::from([("QueueID".to_string(), "q-1".to_string())]);
    let none = preview(&PreviewRequest {
        form: form.clone(),
        sample: String::new(),
        values: values.clone(),
    });
    let states: Vec<PreviewState> = none.steps.iter().map(|s| s.state).collect();
    use PreviewState::{Offline, Passed};
    assert_eq!(
        states,
        [Passed, Passed, Passed, Offline, Passed, Passed, Passed, Offline, Offline, Offline]
    );
    assert_eq!(
        none.steps[4].shown.as_deref(),
        Some("/api/v2/routing/queues/q-1/members?expand=presence")
    );
    let broken = preview(&PreviewRequest {
        form,
        sample: "{ not json".into(),
        values,
    });
    assert_eq!(broken.steps[7].state, PreviewState::Failed);
    assert!(broken.sample_error.is_some());
}

#[test]
fn jayway_forms_are_marked_for_a_check_on_the_org() {
    let mut form = super::preset::queue_presences("Get queue presences", "i-1", "Data Actions");
    form.translation[0].path = "$.entities[?(@.name =~ /A.*/)].id".into();
    let p = preview(&PreviewRequest {
        form,
        sample: r#"{"entities": [{"name": "Ann", "id": "1"}, {"name": "Bo", "id": "2"}]}"#.into(),
        values: BTreeMap::new(),
    });
    assert_eq!(
        (p.rows[0].exactness, p.rows[0].matches),
        (Exactness::CheckOnOrg, 1)
    );
}
