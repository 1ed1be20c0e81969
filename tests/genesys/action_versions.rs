//! What the `genesys` API refuses or retries around a data action's versions, against the
//! Sandbox org: a rule broken in Rust sends nothing; a version conflict is read again and the
//! change sent at the current version, and given up after the bounded number of tries; once
//! published, the contract and `secure` are frozen and a change to them is never sent.

use ::genesys::action_rules::ContractRule;
use ::genesys::api::MAX_ACTION_ATTEMPTS;
use ::genesys::models::DraftUpdate;
use ::genesys::Error;
use sandbox::{FaultKind, FaultRule};
use serde_json::json;

use super::actions::{counter, org, workshop, DRAFT, DRAFTS, GOOD};

#[tokio::test]
async fn a_broken_rule_sends_nothing() {
    let o = org().await;
    o.w.org.knobs().add_fault(counter("POST", DRAFTS));
    o.w.org.knobs().add_fault(counter("PATCH", DRAFT));
    let mut bad = workshop(&o.integration, GOOD);
    bad.contract.input.input_schema["properties"]["orgId"] = json!({"type": "string"});
    bad.config.timeout_seconds = Some(61);
    let err = o
        .api
        .create_action_draft(&bad, o.token())
        .await
        .expect_err("refused in Rust");
    let Error::ActionRules { problems } = &err else {
        panic!("{err:?}")
    };
    let codes: Vec<ContractRule> = problems.iter().map(|p| p.code).collect();
    assert_eq!(
        codes,
        [ContractRule::TimeoutRange, ContractRule::ReservedName]
    );
    let draft = o
        .api
        .create_action_draft(&workshop(&o.integration, GOOD), o.token())
        .await
        .expect("a draft");
    let mut change = DraftUpdate::from_draft(&draft);
    change.config.as_mut().expect("config").request.request_type = "FETCH".into();
    let err = o
        .api
        .update_action_draft(&draft.id, &change, o.token())
        .await
        .expect_err("refused");
    assert!(matches!(err, Error::ActionRules { .. }), "{err:?}");
    assert_eq!(
        o.w.org.knobs().fault_matches(),
        [1, 0],
        "only the good draft was posted, no PATCH"
    );
}

#[tokio::test]
async fn a_version_conflict_is_read_again_and_retried_a_bounded_number_of_times() {
    let o = org().await;
    let (api, token) = (&o.api, o.token());
    let draft = api
        .create_action_draft(&workshop(&o.integration, GOOD), token)
        .await
        .expect("a draft");
    let mut elsewhere = DraftUpdate::from_draft(&draft);
    elsewhere.name = Some("changed elsewhere".into());
    api.update_action_draft_at_version(&draft.id, &elsewhere, token)
        .await
        .expect("v2");
    let mut mine = DraftUpdate::from_draft(&draft);
    mine.category = Some("Mine".into());
    let stale = api
        .update_action_draft_at_version(&draft.id, &mine, token)
        .await
        .expect_err("v1 is stale");
    assert!(matches!(stale, Error::Api { status: 409, .. }), "{stale:?}");
    o.w.org.knobs().add_fault(counter("PATCH", DRAFT));
    let saved = api
        .update_action_draft(&draft.id, &mine, token)
        .await
        .expect("saved at v2");
    assert_eq!((saved.version, saved.category.as_str()), (3, "Mine"));
    assert_eq!(
        o.w.org.knobs().fault_matches(),
        [2],
        "a 409, a read, then the PATCH at v2"
    );

    o.w.org.knobs().clear_faults();
    o.w.org.knobs().add_fault(FaultRule {
        after: 0,
        kind: FaultKind::Status {
            status: 409,
            retry_after: None,
        },
        ..counter("PATCH", DRAFT)
    });
    let err = api
        .update_action_draft(&draft.id, &mine.at_version(3), token)
        .await
        .expect_err("gives up");
    assert!(matches!(err, Error::Api { status: 409, .. }), "{err:?}");
    assert_eq!(o.w.org.knobs().fault_matches(), [MAX_ACTION_ATTEMPTS]);
}

#[tokio::test]
async fn publishing_freezes_the_contract_and_secure() {
    let o = org().await;
    let (api, token) = (&o.api, o.token());
    let draft = api
        .create_action_draft(&workshop(&o.integration, GOOD), token)
        .await
        .expect("a draft");
    api.publish_action_draft(&draft.id, draft.version, token)
        .await
        .expect("published");
    let again = api
        .create_draft_from_action(&draft.id, token)
        .await
        .expect("a new draft");
    let read = api
        .action_draft(&again.id, token)
        .await
        .expect("read whole");
    o.w.org.knobs().add_fault(counter("PATCH", DRAFT));
    let mut grown = DraftUpdate::from_draft(&read);
    grown
        .contract
        .as_mut()
        .expect("contract")
        .output
        .success_schema["properties"]["Count"] = json!({"type": "integer"});
    let err = api
        .update_action_draft(&again.id, &grown, token)
        .await
        .expect_err("frozen");
    let Error::ActionRules { problems } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        (problems[0].code, problems[0].field.as_str()),
        (ContractRule::Frozen, "contract.output.successSchema")
    );
    let secure = DraftUpdate {
        secure: Some(true),
        ..DraftUpdate::from_draft(&read)
    };
    assert!(matches!(
        api.update_action_draft(&again.id, &secure, token).await,
        Err(Error::ActionRules { .. })
    ));
    assert_eq!(o.w.org.knobs().fault_matches(), [0], "neither was sent");
    let same = DraftUpdate {
        name: Some("queuePresence v2".into()),
        ..DraftUpdate::from_draft(&read)
    };
    let saved = api
        .update_action_draft(&again.id, &same, token)
        .await
        .expect("the same contract may be sent");
    assert_eq!(saved.version, 2);
}
