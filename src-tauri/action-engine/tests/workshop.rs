//! The workshop's "queuePresence" action end to end (genesys-samples/DataActionsWorkshop,
//! content/en-US/020-Configuration/40_fourth.md): queue members with presence, translated
//! into `Presences`, and the step-10 failure its typo produces.

use action_engine::{render, success_output, translate, Context, ErrorKind};
use serde_json::{json, Map, Value};

/// A `QueueMemberEntityListing` with `expand=presence`, written from the Genesys Cloud API's
/// `QueueMember` and `UserPresence` models (fields trimmed to the ones that matter here).
fn queue_members() -> Value {
    let member = |id: &str, name: &str, presence: &str| {
        json!({
            "id": id, "name": name, "ringNumber": 1, "joined": true, "memberBy": "user",
            "user": {"id": id, "name": name, "presence": {
                "source": "PURECLOUD", "primary": true,
                "presenceDefinition": {"id": format!("def-{presence}"), "systemPresence": presence},
                "modifiedDate": "2026-01-01T00:00:00.000Z"}},
            "selfUri": format!("/api/v2/users/{id}")
        })
    };
    json!({
        "entities": [member("u1", "Ana", "Available"), member("u2", "Bo", "On Queue"), member("u3", "Cy", "Offline")],
        "pageSize": 25, "pageNumber": 1, "total": 3, "pageCount": 1
    })
}

fn object(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap_or_default()
}

fn translation_map() -> Map<String, Value> {
    object(json!({"Presence": "$.entities[*].user.presence.presenceDefinition.systemPresence"}))
}

#[test]
fn request_url_resolves_the_queue_id() {
    let context = Context::for_request(&object(json!({"QueueID": "5a1b2c3d"})));
    let url = render(
        "/api/v2/routing/queues/${input.QueueID}/members?expand=presence",
        &context,
    )
    .unwrap();
    assert_eq!(
        url.text,
        "/api/v2/routing/queues/5a1b2c3d/members?expand=presence"
    );
    assert!(url.undefined.is_empty());
}

#[test]
fn presences_come_out_as_an_array() {
    let defaults = object(json!({"Presence": "null"}));
    let translated = translate(&translation_map(), &defaults, &queue_members()).unwrap();
    assert_eq!(
        translated["Presence"],
        json!(["Available", "On Queue", "Offline"])
    );
    let output = success_output("{\"Presences\" : $Presence}", &translated).unwrap();
    assert_eq!(
        output,
        json!({"Presences": ["Available", "On Queue", "Offline"]})
    );
}

#[test]
fn an_empty_queue_takes_the_default() {
    let defaults = object(json!({"Presence": "null"}));
    let empty = json!({"entities": [], "pageSize": 25, "pageNumber": 1, "total": 0});
    let translated = translate(&translation_map(), &defaults, &empty).unwrap();
    assert_eq!(translated["Presence"], Value::Null);
    assert_eq!(
        success_output("{\"Presences\" : $Presence}", &translated).unwrap(),
        json!({"Presences": null})
    );
}

#[test]
fn the_presences_typo_is_reported_like_genesys_step_10() {
    let translated = translate(&translation_map(), &Map::new(), &queue_members()).unwrap();
    // The screenshots' template names the output `PresenceArray` and refers to `$Presences`,
    // which the translation map never sets.
    let err = success_output("{\"PresenceArray\" : $Presences}", &translated).unwrap_err();
    assert_eq!(err.kind, ErrorKind::TemplateRender);
    assert_eq!(
        err.message,
        "Variable $Presences has not been set at successTemplate[line 1, column 20]"
    );
    assert_eq!(err.position, Some((1, 20)));
}

#[test]
fn a_default_that_is_not_json_and_output_that_is_not_json_are_typed() {
    let defaults = object(json!({"Presence": "NOT_SET"}));
    let err = translate(&translation_map(), &defaults, &json!({})).unwrap_err();
    assert_eq!(err.kind, ErrorKind::DefaultNotJson);
    let translated = object(json!({"Presence": ["Available"]}));
    let err = success_output("{\"Presences\" :\n $Presence}}", &translated).unwrap_err();
    assert_eq!(err.kind, ErrorKind::OutputNotJson);
    assert_eq!(err.position.map(|p| p.0), Some(2), "{err}");
}
