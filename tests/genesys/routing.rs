//! The core's routing reads against the Sandbox org: every queue, every member of a queue larger
//! than one page with presence and routing status (two requests of 100, each member once), a
//! presence changed by the knob read back, and the typed 404 and 403.

use ::genesys::api::MemberExpand;
use ::genesys::auth::client_credentials;
use ::genesys::models::RoutingState;
use ::genesys::Error;
use sandbox::{FaultKind, FaultRule, SystemPresence};

use super::api::cc_client;
use super::world;

const CLAIMS_INTAKE: &str = "8a4f6c2e-3b1d-4e5f-a7c9-0d1e2f3a4b01";
const OVERFLOW: &str = "8a4f6c2e-3b1d-4e5f-a7c9-0d1e2f3a4b04";
const ANA: &str = "5f3a2b1c-8d7e-4c6b-9a0f-1e2d3c4b5a62";
const MEMBERS: &str = "/api/v2/routing/queues/{queueId}/members";

/// Counts the members requests without ever failing one.
fn counter() -> FaultRule {
    FaultRule {
        method: Some("GET".into()),
        path: MEMBERS.into(),
        kind: FaultKind::Status {
            status: 500,
            retry_after: None,
        },
        after: u32::MAX,
        times: None,
    }
}

#[tokio::test]
async fn every_queue_and_every_member_of_a_large_queue_with_presence() {
    let w = world().await;
    let (admin, _) = w.sign_in().await;
    let (api, token) = (admin.client(), admin.token());
    let queues = api.routing_queues(token).await.expect("queues");
    let names: Vec<&str> = queues.iter().map(|q| q.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "After Hours",
            "Claims Intake",
            "Claims Overflow",
            "Policy Service"
        ]
    );
    w.org.knobs().add_fault(counter());
    let expand = [MemberExpand::Presence, MemberExpand::RoutingStatus];
    let members = api
        .routing_queue_members(OVERFLOW, &expand, token)
        .await
        .expect("members");
    assert_eq!(members.len(), 130, "past the first page of 100");
    assert_eq!(w.org.knobs().fault_matches(), [2], "two pages of 100");
    let ids: std::collections::BTreeSet<&str> = members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), 130, "each member once");
    assert!(members.iter().all(|m| m.system_presence().is_some()));
    assert!(members.iter().all(|m| m.routing_status.is_some()));
    let on_queue = members.iter().filter(|m| m.on_queue()).count();
    assert_eq!(on_queue, 13, "one agent in ten is On Queue");
}

#[tokio::test]
async fn a_presence_set_by_the_knob_is_what_the_core_reads() {
    let w = world().await;
    let (admin, _) = w.sign_in().await;
    let (api, token) = (admin.client(), admin.token());
    let ana = |members: &[::genesys::models::QueueMember]| {
        let m = members
            .iter()
            .find(|m| m.id == ANA)
            .expect("Ana is a member");
        (
            m.system_presence().map(str::to_owned),
            m.routing_status.as_ref().map(|r| r.status),
        )
    };
    let expand = [MemberExpand::Presence, MemberExpand::RoutingStatus];
    let before = api
        .routing_queue_members(CLAIMS_INTAKE, &expand, token)
        .await
        .expect("members");
    assert_eq!(
        ana(&before),
        (Some("On Queue".into()), Some(RoutingState::Idle))
    );
    assert!(w.org.knobs().set_presence(ANA, SystemPresence::Break, None));
    let after = api
        .routing_queue_members(CLAIMS_INTAKE, &expand, token)
        .await
        .expect("members");
    assert_eq!(
        ana(&after),
        (Some("Break".into()), Some(RoutingState::OffQueue))
    );
    let bare = api
        .routing_queue_members(CLAIMS_INTAKE, &[], token)
        .await
        .expect("members");
    assert_eq!(ana(&bare), (None, None), "nothing expanded unless asked");
}

#[tokio::test]
async fn an_unknown_queue_and_a_missing_permission_are_typed_errors() {
    let w = world().await;
    let (admin, _) = w.sign_in().await;
    let missing = admin
        .client()
        .routing_queue_members("no-such-queue", &[MemberExpand::Presence], admin.token())
        .await
        .expect_err("no such queue");
    assert!(
        matches!(&missing, Error::Api { status: 404, code, .. } if code == "not.found"),
        "{missing:?}"
    );
    let (id, secret) = cc_client(&w, &admin).await;
    let developer = client_credentials(w.endpoints(), "sandbox", &id, &secret)
        .await
        .expect("client credentials");
    let refused = developer
        .client()
        .routing_queue_members(CLAIMS_INTAKE, &[MemberExpand::Presence], developer.token())
        .await
        .expect_err("the Developer role has no routing permission");
    assert!(
        matches!(&refused, Error::Api { status: 403, code, .. } if code == "missing.any.permissions"),
        "{refused:?}"
    );
}
