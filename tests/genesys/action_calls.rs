//! The workshop's data action through every call of the `genesys` API against the Sandbox org:
//! a draft read whole (its templates as text), listed by integration, validated, tested in ten
//! steps, changed at its version and published; the published action read, listed, tested,
//! executed and renamed; a draft made from it; the deletes and what is left; and the
//! templates read from their own routes only when a read of the action lacks them.

use ::genesys::api::{ActionFilter, ActionStage, Removal, TemplateFile};
use ::genesys::models::{DraftUpdate, PublishedUpdate};
use ::genesys::Error;

use sandbox::{ActionTemplates, Variant};

use super::actions::{assert_ten_steps_passed, counter, org, org_with, queue, workshop, GOOD};

#[tokio::test]
async fn the_workshop_action_through_every_call() {
    let o = org().await;
    let (api, token) = (&o.api, o.token());
    let draft = api
        .create_action_draft(&workshop(&o.integration, GOOD), token)
        .await
        .expect("a draft");
    assert_eq!((draft.version, draft.name.as_str()), (1, "queuePresence"));
    let read = api
        .action_draft(&draft.id, token)
        .await
        .expect("read whole");
    let config = read.config.as_ref().expect("includeConfig");
    assert_eq!(
        config.response.success_template.as_deref(),
        Some(GOOD),
        "filled in from the template"
    );
    assert_eq!(
        config.request.request_template.as_deref(),
        Some("${input.rawRequest}")
    );
    assert_eq!(
        read.contract
            .as_ref()
            .expect("expand=contract")
            .input
            .input_schema["properties"]["QueueID"]["type"],
        "string"
    );
    let text = api
        .action_template(&draft.id, ActionStage::Draft, TemplateFile::Success, token)
        .await
        .expect("text/plain");
    assert_eq!(text, GOOD);
    let mine = api
        .action_drafts(&ActionFilter::integration(&o.integration), token)
        .await
        .expect("drafts");
    assert_eq!(
        mine.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        [draft.id.as_str()]
    );
    assert!(api
        .action_drafts(&ActionFilter::integration("another"), token)
        .await
        .expect("drafts")
        .is_empty());
    assert!(
        api.validate_action_draft(&draft.id, token)
            .await
            .expect("validation")
            .valid
    );
    assert_ten_steps_passed(
        &api.test_action_draft(&draft.id, &queue(), true, token)
            .await
            .expect("tested"),
    );

    let mut change = DraftUpdate::from_draft(&read);
    change.config.as_mut().expect("config").timeout_seconds = Some(20);
    let saved = api
        .update_action_draft(&draft.id, &change, token)
        .await
        .expect("saved");
    assert_eq!(saved.version, 2);
    let published = api
        .publish_action_draft(&draft.id, saved.version, token)
        .await
        .expect("published");
    assert_eq!(published.version, 1, "the first published version");
    let action = api
        .action(&draft.id, token)
        .await
        .expect("the published action");
    assert_eq!(
        action.config.as_ref().and_then(|c| c.timeout_seconds),
        Some(20)
    );
    let filter = ActionFilter {
        category: Some("Workshop Data Actions".into()),
        ..ActionFilter::integration(&o.integration)
    };
    assert_eq!(api.actions(&filter, token).await.expect("actions").len(), 1);
    assert!(api
        .action_categories(token)
        .await
        .expect("categories")
        .contains(&"Workshop Data Actions".to_owned()));
    assert_ten_steps_passed(
        &api.test_action(&draft.id, &queue(), false, token)
            .await
            .expect("tested"),
    );
    let output = api
        .execute_action(&draft.id, &queue(), false, token)
        .await
        .expect("executed");
    assert_eq!(output["Presences"].as_array().map(Vec::len), Some(6));

    let renamed = PublishedUpdate {
        name: Some("queuePresences".into()),
        category: None,
        config: None,
        version: action.version,
    };
    assert_eq!(
        api.update_action(&draft.id, &renamed, token)
            .await
            .expect("renamed")
            .version,
        2
    );
    let again = api
        .create_draft_from_action(&draft.id, token)
        .await
        .expect("a new draft");
    assert_eq!((again.version, again.name.as_str()), (1, "queuePresences"));
    assert_eq!(
        api.delete_action_draft(&draft.id, token)
            .await
            .expect("deleted"),
        Removal::Deleted
    );
    assert_eq!(
        api.delete_action_draft(&draft.id, token)
            .await
            .expect("gone"),
        Removal::AlreadyGone
    );
    assert_eq!(
        api.delete_action(&draft.id, token).await.expect("deleted"),
        Removal::Deleted
    );
    let gone = api
        .action(&draft.id, token)
        .await
        .expect_err("no action left");
    assert!(matches!(gone, Error::Api { status: 404, .. }), "{gone:?}");
}

#[tokio::test]
async fn templates_are_read_only_when_the_answer_lacks_them() {
    const TEMPLATES: &str = "/api/v2/integrations/actions/{actionId}/draft/templates/{fileName}";
    for (templates, reads) in [(ActionTemplates::ByUri, 2), (ActionTemplates::Inline, 0)] {
        let o = org_with(Variant {
            action_templates: templates,
            ..Variant::default()
        })
        .await;
        let draft = o
            .api
            .create_action_draft(&workshop(&o.integration, GOOD), o.token())
            .await
            .expect("a draft");
        o.w.org.knobs().add_fault(counter("GET", TEMPLATES));
        let read = o
            .api
            .action_draft(&draft.id, o.token())
            .await
            .expect("read whole");
        let response = &read.config.as_ref().expect("config").response;
        assert_eq!(
            response.success_template.as_deref(),
            Some(GOOD),
            "{templates:?}"
        );
        assert_eq!(o.w.org.knobs().fault_matches(), [reads], "{templates:?}");
    }
}
