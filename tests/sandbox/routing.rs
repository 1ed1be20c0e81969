//! Routing queues and their members over real HTTP: listing shapes and paging, `expand` only
//! when asked, 404 for an unknown queue, 403 without any of the members listing's permissions,
//! 400 above its 100-member page, and the presence knob (in Rust and over `/__sandbox`).
//! The routing paths are not in the reconstructed spec, so these answers are read directly
//! (and each error's `contextId` is checked against `ININ-Correlation-Id` here).

use sandbox::{RoutingStatus, SystemPresence};
use serde_json::{json, Value};

use super::{start, Org};

const CLAIMS_INTAKE: &str = "8a4f6c2e-3b1d-4e5f-a7c9-0d1e2f3a4b01";
const OVERFLOW: &str = "8a4f6c2e-3b1d-4e5f-a7c9-0d1e2f3a4b04";
const ANA: &str = "5f3a2b1c-8d7e-4c6b-9a0f-1e2d3c4b5a62";
const PRIYA: &str = "5f3a2b1c-8d7e-4c6b-9a0f-1e2d3c4b5a71";

/// `GET path` with `token`: status and JSON body; an error must be a Genesys `ErrorBody`
/// whose `contextId` is the response's correlation id.
async fn read(org: &Org, path: &str, token: &str) -> (u16, Value) {
    let response = org
        .http
        .get(org.api(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("the API answers");
    let status = response.status().as_u16();
    let correlation = response
        .headers()
        .get("inin-correlation-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body: Value = response.json().await.expect("a JSON body");
    if status >= 400 {
        assert_eq!(body["status"], status, "{body}");
        assert_eq!(body["contextId"].as_str(), correlation.as_deref(), "{body}");
    }
    (status, body)
}

fn names(page: &Value) -> Vec<&str> {
    let entities = page["entities"].as_array().expect("entities");
    entities.iter().filter_map(|e| e["name"].as_str()).collect()
}

#[tokio::test]
async fn queues_are_listed_by_name_paged_filtered_and_read_by_id() {
    let org = start().await;
    let admin = org.admin_token().await;
    let (status, all) = read(&org, "/api/v2/routing/queues", &admin).await;
    assert_eq!(status, 200, "{all}");
    let expected = [
        "After Hours",
        "Claims Intake",
        "Claims Overflow",
        "Policy Service",
    ];
    assert_eq!(names(&all), expected);
    assert_eq!(
        (all["pageSize"].as_u64(), all["total"].as_u64()),
        (Some(25), Some(4))
    );
    let (_, second) = read(
        &org,
        "/api/v2/routing/queues?pageSize=1&pageNumber=2",
        &admin,
    )
    .await;
    assert_eq!(names(&second), ["Claims Intake"]);
    assert_eq!(second["pageCount"], 4);
    assert_eq!(
        second["nextUri"],
        "/api/v2/routing/queues?pageSize=1&pageNumber=3"
    );
    let (_, claims) = read(&org, "/api/v2/routing/queues?name=claims*", &admin).await;
    assert_eq!(names(&claims), ["Claims Intake", "Claims Overflow"]);
    let (_, exact) = read(&org, "/api/v2/routing/queues?name=Claims", &admin).await;
    assert_eq!(
        exact["total"], 0,
        "without asterisks the whole name must match"
    );
    let (status, one) = read(
        &org,
        &format!("/api/v2/routing/queues/{CLAIMS_INTAKE}"),
        &admin,
    )
    .await;
    assert_eq!(status, 200, "{one}");
    assert_eq!(
        (
            one["memberCount"].as_u64(),
            one["joinedMemberCount"].as_u64()
        ),
        (Some(6), Some(5))
    );
    assert_eq!(one["division"]["name"], "Claims");
    assert_eq!(
        one["selfUri"],
        format!("/api/v2/routing/queues/{CLAIMS_INTAKE}")
    );
    let (status, missing) = read(&org, "/api/v2/routing/queues/no-such-queue", &admin).await;
    assert_eq!((status, missing["code"].as_str()), (404, Some("not.found")));
}

#[tokio::test]
async fn members_expand_presence_and_routing_status_only_when_asked() {
    let org = start().await;
    let admin = org.admin_token().await;
    let path = format!("/api/v2/routing/queues/{CLAIMS_INTAKE}/members");
    let (status, bare) = read(&org, &path, &admin).await;
    assert_eq!(status, 200, "{bare}");
    assert_eq!(bare["pageSize"], 25);
    assert_eq!(names(&bare)[0], "Ana Souza", "sorted by name");
    let ana = &bare["entities"][0];
    assert_eq!(
        (ana["id"].as_str(), ana["user"]["id"].as_str()),
        (Some(ANA), Some(ANA))
    );
    assert_eq!(ana["memberBy"], "user");
    assert!(ana["user"].get("presence").is_none() && ana.get("routingStatus").is_none());
    let (_, presence) = read(&org, &format!("{path}?expand=presence"), &admin).await;
    let ana = &presence["entities"][0];
    assert_eq!(
        ana["user"]["presence"]["presenceDefinition"]["systemPresence"],
        "On Queue"
    );
    assert_eq!(ana["user"]["presence"]["source"], "PURECLOUD");
    assert!(
        ana.get("routingStatus").is_none(),
        "only what was asked is expanded"
    );
    let (_, routing) = read(&org, &format!("{path}?expand=routingStatus"), &admin).await;
    let ana = &routing["entities"][0];
    assert_eq!(ana["routingStatus"]["status"], "IDLE");
    assert!(ana["user"].get("presence").is_none());
    let (_, on_queue) = read(&org, &format!("{path}?presence=On%20Queue"), &admin).await;
    assert_eq!(
        names(&on_queue),
        ["Ana Souza", "Diego Ramirez", "Grace Okafor"]
    );
    let (_, away) = read(&org, &format!("{path}?joined=false"), &admin).await;
    assert_eq!(names(&away), ["Lena Fischer"]);
}

#[tokio::test]
async fn members_page_up_to_100_and_refuse_more() {
    let org = start().await;
    let admin = org.admin_token().await;
    let path = format!("/api/v2/routing/queues/{OVERFLOW}/members");
    let (_, first) = read(&org, &format!("{path}?pageSize=100"), &admin).await;
    assert_eq!(first["entities"].as_array().map(Vec::len), Some(100));
    assert_eq!(
        (first["total"].as_u64(), first["pageCount"].as_u64()),
        (Some(130), Some(2))
    );
    assert_eq!(
        first["nextUri"],
        format!("{path}?pageSize=100&pageNumber=2")
    );
    let (_, last) = read(&org, &format!("{path}?pageSize=100&pageNumber=2"), &admin).await;
    assert_eq!(last["entities"].as_array().map(Vec::len), Some(30));
    assert!(last.get("nextUri").is_none());
    let (status, refused) = read(&org, &format!("{path}?pageSize=101"), &admin).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (400, Some("bad.request"))
    );
    let (status, missing) = read(&org, "/api/v2/routing/queues/nope/members", &admin).await;
    assert_eq!((status, missing["code"].as_str()), (404, Some("not.found")));
}

#[tokio::test]
async fn members_need_one_of_the_routing_permissions() {
    let org = start().await;
    let admin = org.admin_token().await;
    let home = org.sandbox.seed().home_division_id.clone();
    let (id, secret) = org
        .cc_client(&admin, &[(&org.role("Developer"), &home)])
        .await;
    let developer = org.cc_token(&id, &secret).await;
    let path = format!("/api/v2/routing/queues/{CLAIMS_INTAKE}/members?expand=presence");
    let (status, refused) = read(&org, &path, &developer).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (403, Some("missing.any.permissions"))
    );
    let message = refused["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("routing:queue:view") && message.contains("routing:queueMember:manage")
    );
    let (status, listing) = read(&org, "/api/v2/routing/queues", &developer).await;
    assert_eq!(
        (status, listing["code"].as_str()),
        (403, Some("missing.permissions"))
    );
    let (id, secret) = org
        .cc_client(&admin, &[(&org.role("Queue Viewer"), "*")])
        .await;
    let viewer = org.cc_token(&id, &secret).await;
    let (status, page) = read(&org, &path, &viewer).await;
    assert_eq!(status, 200, "routing:queue:view alone is enough: {page}");
}

/// Ana's system presence and routing status as the members listing expands them.
async fn ana(org: &Org, token: &str) -> (String, String) {
    let path = format!(
        "/api/v2/routing/queues/{CLAIMS_INTAKE}/members?name=ana&expand=presence&expand=routingStatus"
    );
    let (_, page) = read(org, &path, token).await;
    let member = &page["entities"][0];
    let presence = &member["user"]["presence"]["presenceDefinition"]["systemPresence"];
    let status = &member["routingStatus"]["status"];
    (
        presence.as_str().unwrap_or("").into(),
        status.as_str().unwrap_or("").into(),
    )
}

#[tokio::test]
async fn the_presence_knob_turns_on_queue_off_and_on() {
    let org = start().await;
    let admin = org.admin_token().await;
    assert_eq!(ana(&org, &admin).await, ("On Queue".into(), "IDLE".into()));
    assert!(org
        .sandbox
        .knobs()
        .set_presence(ANA, SystemPresence::Away, None));
    assert_eq!(ana(&org, &admin).await, ("Away".into(), "OFF_QUEUE".into()));
    let knob = org.api("/__sandbox/presence");
    let on = json!({ "userId": ANA, "systemPresence": "OnQueue", "routingStatus": "INTERACTING" });
    let answer = org.http.put(&knob).json(&on).send().await.expect("control");
    assert_eq!(answer.status(), 204);
    assert_eq!(
        ana(&org, &admin).await,
        ("On Queue".into(), "INTERACTING".into())
    );
    let unknown = json!({ "userId": "nobody", "systemPresence": "Away" });
    let answer = org
        .http
        .put(&knob)
        .json(&unknown)
        .send()
        .await
        .expect("control");
    assert_eq!(answer.status(), 404);
    let bad = json!({ "userId": ANA, "systemPresence": "Asleep" });
    let answer = org
        .http
        .put(&knob)
        .json(&bad)
        .send()
        .await
        .expect("control");
    assert_eq!(answer.status(), 400);
    assert!(!org.sandbox.knobs().set_presence(
        "nobody",
        SystemPresence::Busy,
        Some(RoutingStatus::Idle)
    ));
    let snapshot = org.sandbox.snapshot();
    let priya = snapshot
        .users
        .iter()
        .find(|u| u.id == PRIYA)
        .expect("Priya");
    assert_eq!(
        priya.presence.system_presence,
        SystemPresence::Available,
        "others unchanged"
    );
    org.sandbox.knobs().reset().expect("reset");
    let admin = org.admin_token().await;
    assert_eq!(ana(&org, &admin).await, ("On Queue".into(), "IDLE".into()));
}

/// Where no public source settles the spelling, the variant serves the SDKs' `OnQueue`.
#[tokio::test]
async fn the_on_queue_spelling_follows_the_variant() {
    let org = start().await;
    let admin = org.admin_token().await;
    assert_eq!(ana(&org, &admin).await.0, "On Queue");
    org.sandbox
        .knobs()
        .set_variant(sandbox::Variant::named("on-queue-joined").expect("a variant"));
    assert_eq!(ana(&org, &admin).await.0, "OnQueue");
}
